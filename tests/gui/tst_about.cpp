#include "AboutDialog.h"
#include "MainWindow.h"
#include "store/AuditStore.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTimer>

using namespace geo;
using namespace Qt::StringLiterals;

class TestAbout : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setApplicationVersion(QStringLiteral(GEOAUDIT_VERSION));
    }

    void helpAboutShowsVersionLicenceAndNotices()
    {
        QTemporaryDir dir;
        AuditStore store(dir.filePath(u"a.sqlite"_s));
        MainWindow window(&store);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        // Read the dialog while it is up, from a timer tick, then close it as a user would.
        QString version, licence, licenceText, notices;
        QSize size, minimum;
        QTimer poll;
        connect(&poll, &QTimer::timeout, this, [&] {
            auto *about = qobject_cast<AboutDialog *>(QApplication::activeModalWidget());
            if (!about)
                return;
            poll.stop();
            version = about->findChild<QLabel *>(u"versionLabel"_s)->text();
            licence = about->findChild<QLabel *>(u"licenceLabel"_s)->text();
            licenceText = about->findChild<QTextBrowser *>(u"licenceText"_s)->toPlainText();
            notices = about->findChild<QTextBrowser *>(u"noticesText"_s)->toPlainText();
            size = about->size();
            minimum = about->minimumSizeHint();
            // With GEOAUDIT_SCREENSHOTS set, the dialog is saved as PNG there.
            if (const QString shots = qEnvironmentVariable("GEOAUDIT_SCREENSHOTS");
                !shots.isEmpty() && QDir().mkpath(shots))
                about->grab().save(QDir(shots).filePath(u"about.png"_s));
            about->reject();
        });
        poll.start(20);
        auto *action = window.findChild<QAction *>(u"aboutAction"_s);
        QVERIFY(action);
        action->trigger(); // returns when the dialog is closed

        QCOMPARE(version, u"Version "_s + QStringLiteral(GEOAUDIT_VERSION));
        QVERIFY2(licence.contains(u"MIT License"_s), qPrintable(licence));
        QVERIFY(licenceText.startsWith(u"MIT License"_s));
        for (const QString &library :
             {u"Qt 6"_s, u"LGPL-3.0"_s, u"Qt Charts"_s, u"md4c"_s, u"gumbo"_s, u"Apache License"_s, u"libpsl"_s,
              u"libcsv"_s, u"LGPL-2.1"_s, u"QtKeychain"_s, u"BSD"_s, u"VADER"_s, u"C.J. Hutto"_s})
            QVERIFY2(notices.contains(library), qPrintable(library));
        QVERIFY2(
            size.width() >= minimum.width() && size.height() >= minimum.height(),
            qPrintable(
                u"%1x%2 < %3x%4"_s.arg(size.width()).arg(size.height()).arg(minimum.width()).arg(minimum.height())));
    }
};

QTEST_MAIN(TestAbout)
#include "tst_about.moc"
