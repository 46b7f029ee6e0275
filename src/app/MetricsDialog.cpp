#include "MetricsDialog.h"

#include <QDialogButtonBox>
#include <QTextBrowser>
#include <QUrl>
#include <QVBoxLayout>

namespace geo {

using namespace Qt::StringLiterals;

MetricsDialog::MetricsDialog(QWidget *parent) : QDialog(parent)
{
    setObjectName(u"metricsDialog"_s);
    setWindowTitle(tr("Metrics"));
    auto *text = new QTextBrowser(this);
    text->setObjectName(u"metricsText"_s);
    text->setOpenExternalLinks(true); // web links; the documents it links to open in place
    text->setSource(QUrl(u"qrc:/help/metrics.md"_s), QTextDocument::MarkdownResource);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(text);
    layout->addWidget(buttons);
    resize(760, 640);
}

} // namespace geo
