#include "AboutDialog.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QFile>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QTabWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace geo {

using namespace Qt::StringLiterals;

namespace {

QString resourceText(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

QTextBrowser *browser(const QString &objectName)
{
    auto *b = new QTextBrowser;
    b->setObjectName(objectName);
    b->setOpenExternalLinks(true);
    return b;
}

} // namespace

AboutDialog::AboutDialog(QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("About GEO Audit"));

    auto *icon = new QLabel;
    icon->setPixmap(QIcon(u":/icons/hicolor/64x64/apps/geoaudit.png"_s).pixmap(64, 64));
    icon->setAlignment(Qt::AlignTop);

    auto *title = new QLabel(u"<h2>GEO Audit</h2>"_s);
    auto *version = new QLabel(tr("Version %1").arg(QCoreApplication::applicationVersion()));
    version->setObjectName(u"versionLabel"_s);
    version->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *summary = new QLabel(tr("How AI answer engines talk about a brand: mentions, rank, share of voice, "
                                  "sentiment and cited sources."));
    summary->setWordWrap(true);
    auto *licence = new QLabel(tr("Free software under the MIT License. Built with Qt %1, running on Qt %2; "
                                  "the libraries it uses and their licences are listed below.")
                                   .arg(QString::fromLatin1(QT_VERSION_STR), QString::fromLatin1(qVersion())));
    licence->setObjectName(u"licenceLabel"_s);
    licence->setWordWrap(true);

    auto *heading = new QVBoxLayout;
    heading->addWidget(title);
    heading->addWidget(version);
    heading->addWidget(summary);
    heading->addWidget(licence);
    auto *top = new QHBoxLayout;
    top->addWidget(icon);
    top->addSpacing(12);
    top->addLayout(heading, 1);

    auto *notices = browser(u"noticesText"_s);
    notices->setMarkdown(resourceText(u":/about/THIRD-PARTY-NOTICES.md"_s));
    auto *licenceText = browser(u"licenceText"_s);
    licenceText->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    licenceText->setPlainText(resourceText(u":/about/LICENSE"_s));
    auto *tabs = new QTabWidget;
    tabs->addTab(notices, tr("Third-party notices"));
    tabs->addTab(licenceText, tr("Licence"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(tabs, 1);
    layout->addWidget(buttons);
    resize(680, 560);
}

AboutDialog::~AboutDialog() = default;

} // namespace geo
