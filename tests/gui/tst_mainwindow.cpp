#include "ApiKeysDialog.h"
#include "MainWindow.h"
#include "store/AuditStore.h"

#include <QAction>
#include <QDir>
#include <QLabel>
#include <QListView>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTableWidget>
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

    // Closes the next modal box as a user would, from a timer tick (never a nested wait, so
    // it works however deep the box's own event loop is), and keeps its text.
    void closeNextModal(QString *text)
    {
        auto *timer = new QTimer(this);
        connect(timer, &QTimer::timeout, this, [timer, text] {
            if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
                if (text)
                    *text = box->text();
                box->close();
                timer->deleteLater();
            }
        });
        timer->start(20);
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

        // File -> Export CSV writes every table and says where.
        auto *exportAction = window.findChild<QAction *>(u"exportCsvAction"_s);
        QVERIFY(exportAction->isEnabled());
        QSignalSpy exported(&window, &MainWindow::exported);
        const QString out = dir.filePath(u"export"_s);
        window.exportCsvTo(out);
        QTRY_COMPARE_WITH_TIMEOUT(exported.size(), 1, 10000);
        QCOMPARE(exported[0][0].toStringList().size(), 7);
        QVERIFY(QFile::exists(out + u"/answers.csv"_s));
        QVERIFY(window.statusBar()->currentMessage().contains(QDir::toNativeSeparators(out)));
    }

    void cancelThenResumeFinishesTheAudit()
    {
        QTemporaryDir dir;
        AuditStore store(dir.filePath(u"a.sqlite"_s));
        MainWindow window(&store);
        window.openDemo();
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *start = window.findChild<QPushButton *>(u"startButton"_s);
        auto *cancel = window.findChild<QPushButton *>(u"cancelButton"_s);
        auto *resume = window.findChild<QPushButton *>(u"resumeButton"_s);
        auto *bar = window.findChild<QProgressBar *>(u"progressBar"_s);
        auto *audits = window.findChild<QListView *>(u"auditList"_s);
        QTest::mouseClick(start, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(bar->value() >= 20, 20000);
        QVERIFY(cancel->isEnabled());
        QTest::mouseClick(cancel, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(audits->model()->index(0, 0).data().toString().contains(u"cancelled"_s), 20000);
        QVERIFY(bar->value() < 192);
        QTRY_VERIFY(resume->isEnabled());
        QTest::mouseClick(resume, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(audits->model()->index(0, 0).data().toString().contains(u"finished"_s), 60000);
        QCOMPARE(bar->value(), 192);
        QCOMPARE(audits->model()->rowCount(), 1); // the same audit, finished, not a second one
        QVERIFY(!resume->isEnabled());
    }

    void importsAnswersAndShowsTheRowsLeftOut()
    {
        QTemporaryDir dir;
        QFile answers(dir.filePath(u"answers.csv"_s));
        QVERIFY(answers.open(QIODevice::WriteOnly));
        answers.write("prompt,engine,answer\n"
                      "Best CRM?,chatgpt-app,1. **Pipewise** 2. **Brightlane CRM**\n"
                      "Best CRM?,chatgpt-app,\n"
                      "Is Brightlane CRM good?,ai-overviews,Brightlane CRM is fine.\n");
        answers.close();
        AuditStore store(dir.filePath(u"a.sqlite"_s));
        MainWindow window(&store);
        window.openDemo();
        QString boxText;
        closeNextModal(&boxText);
        window.importAnswers(answers.fileName());
        QTRY_VERIFY_WITH_TIMEOUT(boxText.contains(u"1 row(s) of answers.csv were left out; 2 answer(s) will be imported"_s), 10000);
        auto *audits = window.findChild<QListView *>(u"auditList"_s);
        QTRY_VERIFY_WITH_TIMEOUT(audits->model()->rowCount() == 1
                                     && audits->model()->index(0, 0).data().toString().contains(u"finished · 2 of 2"_s),
                                 60000);
    }

    void apiKeysDialogSaysWhereEachKeyComesFrom()
    {
        qputenv("GEOAUDIT_GUI_KEY", "sk-gui");
        EngineSpec withKey;
        withKey.id = u"gpt"_s;
        withKey.kind = u"openai"_s;
        withKey.apiKeyEnv = u"GEOAUDIT_GUI_KEY"_s;
        EngineSpec local;
        local.id = u"llama"_s;
        local.kind = u"openai"_s;
        ApiKeysDialog dialog({withKey, local});
        dialog.show();
        auto *table = dialog.findChild<QTableWidget *>(u"keysTable"_s);
        QCOMPARE(table->rowCount(), 1); // the local server needs no key
        QCOMPARE(table->item(0, 0)->text(), u"GEOAUDIT_GUI_KEY"_s);
        QCOMPARE(table->item(0, 1)->text(), u"gpt"_s);
        QTRY_COMPARE(table->item(0, 2)->text(), u"from the environment"_s);
        for (int c = 0; c < table->columnCount(); ++c)
            QVERIFY(!table->item(0, c)->text().contains(u"sk-gui"_s)); // the key itself is never shown
        screenshot(dialog, u"api-keys"_s);
    }

    void analysisThreadsSettingReplacesTheSpecs()
    {
        QTemporaryDir dir;
        AuditStore store(dir.filePath(u"a.sqlite"_s));
        MainWindow window(&store);
        window.openDemo();
        auto *summary = window.findChild<QLabel *>(u"specSummary"_s);
        QVERIFY(summary->text().contains(u"analysis on 10 threads"_s));
        window.setAnalysisThreads(3);
        QVERIFY(summary->text().contains(u"analysis on 3 threads"_s));
        window.setAnalysisThreads(0); // back to the spec's own
        QVERIFY(summary->text().contains(u"analysis on 10 threads"_s));
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
        QString boxText;
        closeNextModal(&boxText); // the problems are shown in a modal box
        QVERIFY(!window.openSpec(spec.fileName()));
        QVERIFY2(boxText.contains(u"has 5 problem(s)"_s), qPrintable(boxText));
        QVERIFY(!window.findChild<QPushButton *>(u"startButton"_s)->isEnabled());
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
