#include "MainWindow.h"
#include "store/AuditStore.h"

#include <QAction>
#include <QDir>
#include <QLabel>
#include <QListView>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace geo;
using namespace Qt::StringLiterals;

class TestMainWindow : public QObject
{
    Q_OBJECT

private:
    // With GEOAUDIT_SCREENSHOTS set, the window is saved as PNG there for the README.
    static void screenshot(QWidget &window, const QString &name)
    {
        const QString dir = qEnvironmentVariable("GEOAUDIT_SCREENSHOTS");
        if (!dir.isEmpty() && QDir().mkpath(dir))
            window.grab().save(QDir(dir).filePath(name + u".png"_s));
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
    }

    void startsTheDemoAndShowsItsEnd()
    {
        QTemporaryDir dir;
        AuditStore store(dir.filePath(u"a.sqlite"_s));
        MainWindow window(&store);
        window.resize(1100, 700);
        window.openDemo();
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        auto *start = window.findChild<QPushButton *>(u"startButton"_s);
        auto *bar = window.findChild<QProgressBar *>(u"progressBar"_s);
        auto *badge = window.findChild<QLabel *>(u"sampleBadge"_s);
        auto *audits = window.findChild<QListView *>(u"auditList"_s);
        auto *scores = window.findChild<QTableView *>(u"scoresView"_s);
        QVERIFY(start && bar && badge && audits && scores);
        QVERIFY(badge->isVisible()); // the demo is marked as sample data
        QVERIFY(start->isEnabled());
        QCOMPARE(bar->maximum(), 192);
        screenshot(window, u"ready"_s);

        QTest::mouseClick(start, Qt::LeftButton);
        QVERIFY(!start->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(bar->value() > 0 && bar->value() < 192, 20000); // live, not all at once
        QTRY_COMPARE_WITH_TIMEOUT(bar->value(), 192, 60000);
        QTRY_VERIFY_WITH_TIMEOUT(start->isEnabled(), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(audits->model()->index(0, 0).data().toString().contains(u"finished"_s), 10000);
        QCOMPARE(audits->model()->rowCount(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(scores->model()->rowCount(), 5, 10000);
        QCOMPARE(scores->model()->index(0, 0).data().toString(), u"Brightlane CRM"_s);
        QVERIFY(window.statusBar()->currentMessage().contains(u"192 answered, 0 failed"_s));
        screenshot(window, u"finished"_s);

        // File -> Export CSV writes the six tables and says where.
        auto *exportAction = window.findChild<QAction *>(u"exportCsvAction"_s);
        QVERIFY(exportAction->isEnabled());
        QSignalSpy exported(&window, &MainWindow::exported);
        const QString out = dir.filePath(u"export"_s);
        window.exportCsvTo(out);
        QTRY_COMPARE_WITH_TIMEOUT(exported.size(), 1, 10000);
        QCOMPARE(exported[0][0].toStringList().size(), 6);
        QVERIFY(QFile::exists(out + u"/answers.csv"_s));
        QVERIFY(window.statusBar()->currentMessage().contains(QDir::toNativeSeparators(out)));
    }

    void aSpecWithProblemsIsNotOpened()
    {
        QTemporaryDir dir;
        QFile spec(dir.filePath(u"bad.json"_s));
        QVERIFY(spec.open(QIODevice::WriteOnly));
        spec.write("{\"name\": 3}");
        spec.close();
        AuditStore store(dir.filePath(u"a.sqlite"_s));
        MainWindow window(&store);
        // The problems are shown in a modal box; close it as a user would.
        QTimer::singleShot(0, this, [] {
            QTRY_VERIFY(QApplication::activeModalWidget());
            QApplication::activeModalWidget()->close();
        });
        QVERIFY(!window.openSpec(spec.fileName()));
        QVERIFY(!window.findChild<QPushButton *>(u"startButton"_s)->isEnabled());
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
