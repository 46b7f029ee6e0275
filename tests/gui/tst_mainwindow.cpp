#include "ApiKeysDialog.h"
#include "AppSettings.h"
#include "Appearance.h"
#include "CitationsModel.h"
#include "EngineOnThread.h"
#include "EnginesModel.h"
#include "FakeEngineServer.h"
#include "MainWindow.h"
#include "PromptPreviewDialog.h"
#include "SettingsDialog.h"
#include "SpecDocument.h"
#include "SpecForm.h"
#include "StallProbe.h"
#include "run/Pricing.h"
#include "run/RunnerThread.h"
#include "spec/PromptPlanner.h"
#include "spec/SpecReader.h"
#include "store/AuditStore.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QGroupBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QThread>
#include <QTimer>
#include <algorithm>
#include <cmath>

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
        if (dir.isEmpty() || !QDir().mkpath(dir))
            return;
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest); // as the screen would show it
        window.grab().save(QDir(dir).filePath(name + u".png"_s));
    }

    // A spec of `prompts` prompts "prompt 0".. asked `samples` times of one OpenAI-compatible
    // engine at url, written to dir; returns its path.
    static QString writeSpec(const QTemporaryDir &dir, const QUrl &url, int prompts, int concurrency, int samples = 1)
    {
        QJsonArray list;
        for (int p = 0; p < prompts; ++p)
            list.append(u"prompt %1"_s.arg(p));
        const QJsonObject engine{{u"id"_s, u"e0"_s},
                                 {u"kind"_s, u"openai"_s},
                                 {u"model"_s, u"m"_s},
                                 {u"base_url"_s, url.toString()},
                                 {u"concurrency"_s, concurrency},
                                 {u"timeout_ms"_s, 5000}};
        const QJsonObject spec{
            {u"name"_s, u"Fake engine audit"_s},
            {u"brand"_s,
             QJsonObject{{u"name"_s, u"Acme"_s}, {u"aliases"_s, QJsonArray()}, {u"domains"_s, QJsonArray()}}},
            {u"templates"_s, false},
            {u"prompts"_s, list},
            {u"samples"_s, samples},
            {u"engines"_s, QJsonArray{engine}},
            {u"analysis"_s, QJsonObject{{u"inspect_sites"_s, false}}}};
        QFile file(dir.filePath(u"spec.json"_s));
        if (!file.open(QIODevice::WriteOnly))
            return {};
        file.write(QJsonDocument(spec).toJson());
        return file.fileName();
    }

    // Presses a button (Yes) on the next question box, from a timer tick as closeNextModal does.
    void pressOnNextModal(QMessageBox::StandardButton button = QMessageBox::Yes)
    {
        auto *timer = new QTimer(this);
        connect(timer, &QTimer::timeout, this, [timer, button] {
            if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
                box->button(button)->click();
                timer->deleteLater();
            }
        });
        timer->start(20);
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

    // Types text into the cell of view at (row, column) as a user would: F2, type, Return.
    static void editCell(QTableView *view, int row, int column, const QString &text)
    {
        view->setFocus();
        const QModelIndex cell = view->model()->index(row, column);
        view->setCurrentIndex(cell);
        QTest::keyClick(view, Qt::Key_F2);
        QWidget *editor = QApplication::focusWidget();
        QVERIFY(editor && editor != view);
        if (auto *line = qobject_cast<QLineEdit *>(editor))
            line->selectAll();
        else if (auto *spin = qobject_cast<QAbstractSpinBox *>(editor))
            spin->selectAll();
        QTest::keyClicks(editor, text);
        QTest::keyClick(editor, Qt::Key_Return);
        // The delegate commits from the event loop, once the editor has seen the key.
        QTRY_COMPARE(cell.data(Qt::EditRole).toString(), text);
    }

    // Replaces what a spin box holds by typing, as a user would.
    static void typeInto(QAbstractSpinBox *spin, const QString &text)
    {
        spin->setFocus();
        spin->selectAll();
        QTest::keyClicks(spin, text);
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    // The analyst fills the set-up form from nothing: a problem shows beside the brand while
    // it is empty; Preview prompts counts what will be asked and what it costs, and a
    // removed prompt is not asked; Start runs what the form says against the fake engine.
    void setsUpAnAuditInTheFormAndRunsIt()
    {
        FakeEngineServer server;
        QVERIFY(server.listen());
        qputenv("GEOAUDIT_FORM_KEY", "sk-form-secret");
        QTemporaryDir dir;
        AuditStore store(dir.filePath(u"a.sqlite"_s));
        MainWindow window(&store);
        window.resize(1100, 760);
        window.openDemo();
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        // Keys go where the focus is, as on a desktop; a bare X server may not activate windows.
        window.activateWindow();
        QApplication::setActiveWindow(&window);
        QTRY_COMPARE(QApplication::activeWindow(), &window);
        auto *pages = window.findChild<QTabWidget *>(u"pages"_s);
        auto *form = window.findChild<SpecForm *>(u"setupForm"_s);
        auto *start = window.findChild<QPushButton *>(u"startButton"_s);
        auto *summary = window.findChild<QLabel *>(u"specSummary"_s);
        QVERIFY(pages && form && start && summary);
        const auto field = [form](const char *name) { return form->findChild<QWidget *>(QString::fromLatin1(name)); };
        auto *name = static_cast<QLineEdit *>(field("nameEdit"));
        auto *brand = static_cast<QLineEdit *>(field("brandEdit"));
        auto *brandProblem = static_cast<QLabel *>(field("brandProblem"));
        auto *competitors = static_cast<QTableView *>(field("competitorsView"));
        auto *engines = static_cast<QTableView *>(field("enginesView"));
        QVERIFY(name && brand && brandProblem && competitors && engines);

        // Ctrl+N clears the demo away: an empty form on the set-up page, nothing to start.
        QCOMPARE(competitors->model()->rowCount(), 4);
        QTest::keyClick(&window, Qt::Key_N, Qt::ControlModifier);
        QCOMPARE(pages->currentWidget(), form);
        QVERIFY(name->text().isEmpty() && brand->text().isEmpty());
        QCOMPARE(competitors->model()->rowCount(), 0);
        QCOMPARE(engines->model()->rowCount(), 0);
        QCOMPARE(static_cast<QSpinBox *>(field("threadsSpin"))->value(), 10);
        QVERIFY(static_cast<QCheckBox *>(field("templatesCheck"))->isChecked());
        QVERIFY(!start->isEnabled());
        QVERIFY(!brandProblem->isVisible());              // an untouched field is not wrong yet
        QVERIFY(start->toolTip().contains(u"Brand: "_s)); // but Start says what is missing

        QTest::keyClicks(name, u"Form audit"_s);
        QTest::keyClicks(brand, u"Acme"_s);
        QTest::keyClick(brand, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClick(brand, Qt::Key_Backspace);
        QTRY_VERIFY(brandProblem->isVisible());
        QVERIFY2(brandProblem->text().contains(u"give the brand's name"_s), qPrintable(brandProblem->text()));
        QVERIFY(brand->property("problem").toBool());
        screenshot(window, u"setup-problem"_s);
        QTest::keyClicks(brand, u"Acme"_s);
        QTRY_VERIFY(!brandProblem->isVisible());
        QVERIFY(!brand->property("problem").toBool());
        QTest::keyClicks(static_cast<QLineEdit *>(field("aliasesEdit")), u"Acme Inc"_s);
        QTest::keyClicks(static_cast<QLineEdit *>(field("domainsEdit")), u"acme.example"_s);

        QTest::mouseClick(static_cast<QPushButton *>(field("addCompetitorButton")), Qt::LeftButton);
        auto *competitorName = qobject_cast<QLineEdit *>(QApplication::focusWidget()); // the new row's name, in edit
        QVERIFY(competitorName);
        QTest::keyClicks(competitorName, u"Globex"_s);
        QTest::keyClick(competitorName, Qt::Key_Return);
        QTRY_COMPARE(competitors->model()->index(0, 0).data().toString(), u"Globex"_s); // committed from the event loop
        editCell(competitors, 0, 2, u"globex.example"_s);
        QVERIFY(!QTest::currentTestFailed());

        QTest::keyClicks(static_cast<QPlainTextEdit *>(field("topicsEdit")), u"CRM for small business"_s);
        QTest::keyClicks(static_cast<QPlainTextEdit *>(field("promptsEdit")), u"Is Acme any good?"_s);
        typeInto(static_cast<QSpinBox *>(field("samplesSpin")), u"2"_s);
        typeInto(static_cast<QDoubleSpinBox *>(field("budgetSpin")), u"5"_s);
        auto *inspect = static_cast<QCheckBox *>(field("inspectSitesCheck"));
        QVERIFY(inspect->isChecked());
        QTest::mouseClick(inspect, Qt::LeftButton, {},
                          QPoint(8, inspect->height() / 2)); // no site is on the network here
        QVERIFY(!inspect->isChecked());

        // An engine: OpenAI's by default, pointed at the fake one, its key in the environment.
        QTest::mouseClick(static_cast<QPushButton *>(field("addEngineButton")), Qt::LeftButton);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return); // the model as suggested
        QTRY_COMPARE(QApplication::focusWidget(), engines);
        QCOMPARE(engines->model()->index(0, EnginesModel::Model).data().toString(), u"gpt-4o-mini"_s);
        editCell(engines, 0, EnginesModel::BaseUrl, server.baseUrl().toString());
        editCell(engines, 0, EnginesModel::ApiKey, u"GEOAUDIT_FORM_KEY"_s);
        editCell(engines, 0, EnginesModel::Concurrency, u"4"_s);
        QVERIFY(!QTest::currentTestFailed());
        QTRY_COMPARE(engines->model()->index(0, EnginesModel::ApiKey).data().toString(),
                     u"GEOAUDIT_FORM_KEY (environment)"_s);
        for (int column = 0; column < engines->model()->columnCount(); ++column)
            QVERIFY(!engines->model()->index(0, column).data().toString().contains(u"sk-form"_s)); // never the key

        QTRY_VERIFY(start->isEnabled());
        QVERIFY(start->toolTip().isEmpty());
        QVERIFY2(summary->text().contains(u"= <b>32 answers</b>"_s),
                 qPrintable(summary->text())); // (15 from the templates + our own) × 2 samples
        pages->setCurrentWidget(form);
        screenshot(window, u"setup"_s);

        // Preview prompts: the plan, counted and priced as Pricing estimates it.
        QTest::mouseClick(static_cast<QPushButton *>(field("previewButton")), Qt::LeftButton);
        auto *preview = form->findChild<PromptPreviewDialog *>();
        QVERIFY(preview);
        QTRY_VERIFY(preview->isVisible());
        auto *promptsView = preview->findChild<QTableView *>(u"promptsView"_s);
        auto *costs = preview->findChild<QTableView *>(u"costView"_s)->model();
        auto *topics = preview->findChild<QTableView *>(u"topicsView"_s)->model();
        QCOMPARE(promptsView->model()->rowCount(), 16);
        const AuditSpec planned = *form->outcome().spec;
        const Pricing::Estimate estimate = Pricing::estimate(planned, PromptPlanner::plan(planned).value());
        QCOMPARE(costs->rowCount(), 2); // the engine and the total
        QCOMPARE(costs->index(0, 0).data().toString(), u"gpt"_s);
        QCOMPARE(costs->index(0, 2).data(Qt::UserRole).toInt(), 32);
        QVERIFY(estimate.costUsd > 0);
        QCOMPARE(costs->index(1, 5).data(Qt::UserRole).toDouble(), estimate.costUsd);
        QCOMPARE(costs->index(1, 3).data(Qt::UserRole).toLongLong(), estimate.tokensIn);
        QCOMPARE(topics->index(0, 0).data().toString(), u"CRM for small business"_s);
        QVERIFY(topics->index(0, 1).data(Qt::UserRole).toInt() >= 6);
        auto *totals = preview->findChild<QLabel *>(u"totalsLabel"_s);
        QVERIFY2(totals->text().contains(u"<b>32 answers</b>"_s), qPrintable(totals->text()));
        screenshot(*preview, u"preview-prompts"_s);
        // One prompt removed: fifteen asked, thirty answers, fewer tokens.
        const QString removed = promptsView->model()->index(0, 0).data().toString();
        promptsView->selectRow(0);
        QTest::mouseClick(preview->findChild<QPushButton *>(u"removePromptButton"_s), Qt::LeftButton);
        QCOMPARE(promptsView->model()->rowCount(), 15);
        QCOMPARE(costs->index(0, 2).data(Qt::UserRole).toInt(), 30);
        QVERIFY(costs->index(1, 3).data(Qt::UserRole).toLongLong() < estimate.tokensIn);
        auto *use = preview->findChild<QDialogButtonBox *>(u"buttons"_s)->button(QDialogButtonBox::Ok);
        QVERIFY(use->isEnabled());
        QTest::mouseClick(use, Qt::LeftButton);
        QTRY_VERIFY(!form->findChild<PromptPreviewDialog *>());                   // closed and gone
        QVERIFY(!static_cast<QCheckBox *>(field("templatesCheck"))->isChecked()); // the list is the plan now
        const QString own = static_cast<QPlainTextEdit *>(field("promptsEdit"))->toPlainText();
        QCOMPARE(own.split(u'\n').size(), 15);
        QVERIFY(!own.contains(removed));
        QVERIFY2(summary->text().contains(u"= <b>30 answers</b>"_s), qPrintable(summary->text()));

        // Start runs what the form says.
        auto *bar = window.findChild<QProgressBar *>(u"progressBar"_s);
        auto *audits = window.findChild<QListView *>(u"auditList"_s);
        QTest::mouseClick(start, Qt::LeftButton);
        QVERIFY(bar->isVisible()); // the monitor's page, with the progress
        QTRY_COMPARE_WITH_TIMEOUT(bar->value(), 30, 60000);
        QTRY_VERIFY_WITH_TIMEOUT(
            audits->model()->rowCount() == 1
                && audits->model()->index(0, 0).data().toString().contains(u"finished · 30 of 30"_s),
            30000);
        QCOMPARE(server.requestCount(), 30);
        QVERIFY(!server.requests().isEmpty());
        QCOMPARE(server.requests().constFirst().headers.value("authorization"), QByteArray("Bearer sk-form-secret"));
        QCOMPARE(server.requests().constFirst().model, u"gpt-4o-mini"_s);
        for (const auto &request : server.requests())
            QVERIFY(request.prompt != removed);
        qunsetenv("GEOAUDIT_FORM_KEY");
    }

    // File → Save spec writes what the form holds as JSON that reads back the same spec.
    void openedSpecSavesBackTheSame_data()
    {
        QTest::addColumn<QByteArray>("json"); // empty: the demo
        QTest::newRow("demo") << QByteArray();
        QTest::newRow("documented example")
            << QByteArray(R"({ "name": "Acme CRM audit",)"
                          R"( "brand": {"name": "Acme CRM", "aliases": ["Acme"], "domains": ["acme-crm.example"]},)"
                          R"( "competitors": [{"name": "HubSpot", "aliases": [], "domains": ["hubspot.com"]}],)"
                          R"( "topics": ["CRM for small business"], "templates": true,)"
                          R"( "prompts": ["What is the best CRM for a 10-person sales team?"], "samples": 2,)"
                          R"( "engines": [{"id": "gpt", "kind": "openai", "model": "gpt-4o-mini",)"
                          R"( "base_url": "https://api.openai.com/v1", "api_key_env": "OPENAI_API_KEY",)"
                          R"( "concurrency": 10, "rpm": 500, "timeout_ms": 60000}],)"
                          R"( "analysis": {"threads": 10, "inspect_sites": true}, "budget_usd": 5.0 })");
        QTest::newRow("every engine setting") << QByteArray(
            R"({ "name": "Every setting",)"
            R"( "brand": {"name": "Acme", "aliases": ["Acme Co", "Acme Corporation"], "domains": ["acme.example", )"
            R"("acme.io"]},)"
            R"( "competitors": [{"name": "Globex", "aliases": ["Globex Corp"], "domains": ["globex.example"]},)"
            R"( {"name": "Initech", "aliases": [], "domains": []}],)"
            R"( "topics": ["CRM", "sales pipeline management"], "templates": false,)"
            R"( "prompts": ["Best CRM?", "Which CRM, and why?"], "samples": 7,)"
            R"( "engines": [{"id": "claude", "kind": "anthropic", "model": "claude-3-5-haiku", "api_key_env": )"
            R"("ANTHROPIC_API_KEY",)"
            R"( "concurrency": 3, "rpm": 50, "tpm": 40000, "timeout_ms": 90000, "web_search": true,)"
            R"( "price": {"input": 0.8, "output": 4}},)"
            R"( {"id": "local", "kind": "openai", "model": "llama3", "base_url": "http://127.0.0.1:11434/v1"}],)"
            R"( "analysis": {"threads": 4, "inspect_sites": false},)"
            R"( "scoring": {"weights": {"visibility": 0.4, "share_of_voice": 0.3, "top3_rate": 0.1, "sentiment": )"
            R"(0.2}},)"
            R"( "budget_usd": 12.5 })");
    }

    void openedSpecSavesBackTheSame()
    {
        QFETCH(QByteArray, json);
        QTemporaryDir dir;
        QString path = u":/examples/demo-audit.json"_s;
        if (!json.isEmpty()) {
            QFile file(dir.filePath(u"opened.json"_s));
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(json);
            path = file.fileName();
        }
        const SpecReader::Outcome opened = SpecReader::readFile(path);
        QVERIFY2(opened.spec, qPrintable(opened.problems.join(u'\n')));
        AuditStore store(dir.filePath(u"a.sqlite"_s));
        MainWindow window(&store);
        QVERIFY(window.openSpec(path));
        QSignalSpy saved(&window, &MainWindow::specSaved);
        const QString out = dir.filePath(u"saved.json"_s);
        window.saveSpecTo(out);
        QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 1, 10000);
        const SpecReader::Outcome again = SpecReader::readFile(out);
        QVERIFY2(again.spec, qPrintable(again.problems.join(u'\n')));
        QCOMPARE(again.spec->toJson(), opened.spec->toJson());
        QVERIFY(window.statusBar()->currentMessage().contains(u"saved.json"_s));
        QVERIFY(window.windowTitle().startsWith(u"saved.json"_s)); // Save now writes there
    }

    // With set-up changes not saved, New audit asks first; Cancel keeps them.
    void newAuditAsksBeforeDroppingChanges()
    {
        QTemporaryDir dir;
        AuditStore store(dir.filePath(u"a.sqlite"_s));
        MainWindow window(&store);
        window.openDemo();
        auto *brand = window.findChild<QLineEdit *>(u"brandEdit"_s);
        QTest::keyClicks(brand, u" Plus"_s);
        QVERIFY(window.isWindowModified());
        QString asked;
        closeNextModal(&asked); // closing the box is Cancel
        window.findChild<QAction *>(u"newAuditAction"_s)->trigger();
        QVERIFY2(asked.contains(u"not saved"_s), qPrintable(asked));
        QCOMPARE(brand->text(), u"Brightlane CRM Plus"_s);
        pressOnNextModal(QMessageBox::Discard);
        window.findChild<QAction *>(u"newAuditAction"_s)->trigger();
        QVERIFY(brand->text().isEmpty());
        QVERIFY(!window.isWindowModified());
    }

    // Edit → Undo (Ctrl+Z) takes back what was typed into a set-up field, even with the
    // field focused, and Redo (Ctrl+Shift+Z) puts it back; the title marks unsaved changes
    // and loses the mark once undone to the spec as opened.
    void editMenuUndoesTheSetUp()
    {
        QTemporaryDir dir;
        AuditStore store(dir.filePath(u"a.sqlite"_s));
        MainWindow window(&store);
        window.openDemo();
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.activateWindow();
        QApplication::setActiveWindow(&window);
        QTRY_COMPARE(QApplication::activeWindow(), &window);
        window.findChild<QTabWidget *>(u"pages"_s)->setCurrentWidget(window.findChild<SpecForm *>(u"setupForm"_s));
        auto *undo = window.findChild<QAction *>(u"undoAction"_s);
        auto *redo = window.findChild<QAction *>(u"redoAction"_s);
        auto *summary = window.findChild<QLabel *>(u"specSummary"_s);
        QVERIFY(undo && redo);
        QVERIFY(!undo->isEnabled());
        QVERIFY(!window.isWindowModified());
        QCOMPARE(window.windowTitle(), u"Brightlane CRM audit (sample data)[*]"_s); // the demo has no file
        auto *brand = window.findChild<QLineEdit *>(u"brandEdit"_s);
        brand->setFocus();
        QTest::keyClick(brand, Qt::Key_End);
        QTest::keyClicks(brand, u" Plus"_s);
        QVERIFY(window.isWindowModified());
        QVERIFY(undo->isEnabled());
        QCOMPARE(undo->text(), u"&Undo brand"_s);
        QTRY_VERIFY(summary->text().contains(u"Brightlane CRM Plus"_s));
        QTest::keyClick(brand, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(brand->text(), u"Brightlane CRM"_s); // the whole edit, not one key
        QVERIFY(!window.isWindowModified());
        QVERIFY(!summary->text().contains(u"Plus"_s));
        QTest::keyClick(brand, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(brand->text(), u"Brightlane CRM Plus"_s);
        QVERIFY(window.isWindowModified());
        // Saved, it is clean; an edit of another field is undone back to the saved state.
        QSignalSpy saved(&window, &MainWindow::specSaved);
        window.saveSpecTo(dir.filePath(u"plus.json"_s));
        QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 1, 10000);
        QVERIFY(!window.isWindowModified());
        QCOMPARE(window.windowTitle(), u"plus.json[*]"_s);
        auto *name = window.findChild<QLineEdit *>(u"nameEdit"_s);
        name->setFocus();
        QTest::keyClicks(name, u" 2"_s);
        QVERIFY(window.isWindowModified());
        undo->trigger();
        QVERIFY(!window.isWindowModified());
        QCOMPARE(brand->text(), u"Brightlane CRM Plus"_s);
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
        auto *pages = window.findChild<QTabWidget *>(u"pages"_s);
        QCOMPARE(pages->currentWidget()->objectName(), u"scoresPage"_s); // a finished run shows its results
        // Every cut can be chosen; the citations and discovered brands of the audit are listed.
        auto *cuts = window.findChild<QComboBox *>(u"cutCombo"_s);
        QTRY_VERIFY_WITH_TIMEOUT(cuts->count() > 3, 10000); // the scores of the finished audit, not of its start
        screenshot(window, u"finished"_s);
        QCOMPARE(cuts->currentData().toString(), u"non-branded"_s);
        cuts->setCurrentIndex(cuts->findData(u"all"_s));
        QVERIFY(window.findChild<QGroupBox *>(u"scoresGroup"_s)->title().contains(u"all prompts"_s));
        auto *citations = window.findChild<QTableView *>(u"citationsView"_s);
        QVERIFY(citations->model()->rowCount() > 5);
        pages->setCurrentWidget(window.findChild<QWidget *>(u"citationsPage"_s));
        screenshot(window, u"citations"_s);
        // Each engine's citations by type; a third party's type set in the view goes into the
        // open spec's source_types.
        QCOMPARE(window.findChild<QTableView *>(u"sourceMixView"_s)->model()->rowCount(), 3); // all, gpt, claude
        int thirdParty = -1;
        for (int r = 0; r < citations->model()->rowCount() && thirdParty < 0; ++r)
            if (citations->model()->index(r, CitationsModel::Owner).data().toString() == u"third party"_s)
                thirdParty = r;
        QVERIFY(thirdParty >= 0);
        const QString domain = citations->model()->index(thirdParty, CitationsModel::Domain).data().toString();
        const QString scoredType = citations->model()->index(thirdParty, CitationsModel::Type).data().toString();
        QVERIFY(citations->model()->setData(citations->model()->index(thirdParty, CitationsModel::Type), u"video"_s,
                                            Qt::EditRole));
        QCOMPARE(citations->model()->index(thirdParty, CitationsModel::Type).data().toString(), u"Video"_s);
        SpecDocument *document = window.findChild<SpecForm *>()->document();
        QCOMPARE(document->spec().sourceTypes, (SourceTypeOverrides{{domain, SourceType::Video}}));
        QVERIFY(document->isDirty());
        document->undoStack()->undo(); // the view follows the spec back
        QVERIFY(document->spec().sourceTypes.isEmpty());
        QCOMPARE(citations->model()->index(thirdParty, CitationsModel::Type).data().toString(), scoredType);
        auto *discovered = window.findChild<QTableView *>(u"discoveredView"_s);
        QVERIFY(discovered->model()->rowCount() > 1);
        // Each inspected site with its readiness checks and their evidence.
        auto *sites = window.findChild<QTableView *>(u"sitesView"_s);
        QTRY_COMPARE(sites->model()->rowCount(), 13);
        sites->selectRow(0);
        auto *checks = window.findChild<QTableView *>(u"checksView"_s);
        QVERIFY(checks->model()->rowCount() > 5);
        QVERIFY(!checks->model()->index(0, 4).data().toString().isEmpty());
        pages->setCurrentWidget(window.findChild<QWidget *>(u"sitesPage"_s));
        screenshot(window, u"sites"_s);
        pages->setCurrentWidget(window.findChild<QWidget *>(u"discoveredPage"_s));
        discovered->selectRow(0);
        const QString brand = discovered->model()->index(0, 0).data().toString();
        auto *track = window.findChild<QPushButton *>(u"trackBrandButton"_s);
        QVERIFY(track->isEnabled());
        screenshot(window, u"discovered"_s);
        // The answers are listed; the selected one is rendered with its brands marked and
        // its citations listed (the demo's first answer cites one page, its eighth none).
        auto *answers = window.findChild<QTableView *>(u"answersView"_s);
        QTRY_COMPARE(answers->model()->rowCount(), 192);
        pages->setCurrentWidget(window.findChild<QWidget *>(u"answersPage"_s));
        auto *browser = window.findChild<QTextBrowser *>(u"answerBrowser"_s);
        const auto lastLines = [browser](qsizetype count) {
            const QStringList shown = browser->toPlainText().split(u'\n');
            return shown.sliced(std::max<qsizetype>(0, shown.size() - count));
        };
        answers->selectRow(0);
        QCOMPARE(lastLines(3),
                 (QStringList{u"gpt · What is the best CRM for a 10-person sales team? · sample 1"_s, u"Citations:"_s,
                              u"https://crmreviewhub.example/reviews/best-crm-small-business-2026"_s}));
        answers->selectRow(7);
        QVERIFY(browser->toPlainText().contains(answers->model()->index(7, 0).data().toString()));
        QCOMPARE(
            lastLines(2),
            (QStringList{u"gpt · What is the best CRM for a 10-person sales team? · sample 8"_s, u"No citations."_s}));
        QVERIFY(browser->toHtml().contains(u"background-color:#ffe082"_s)); // a brand marked
        screenshot(window, u"answers"_s);
        pages->setCurrentWidget(window.findChild<QWidget *>(u"discoveredPage"_s));
        QTest::mouseClick(track, Qt::LeftButton);
        QVERIFY(window.findChild<QLabel *>(u"specSummary"_s)->text().contains(brand)); // now a competitor
        QCOMPARE(bar->maximum(), 192);

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

    // An audit another process runs (its lease is fresh) is not resumed: the window says who
    // runs it, as the CLI does, and starts nothing (issue #17).
    void resumeOfAnAuditAnotherProcessRunsIsRefused()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"a.sqlite"_s);
        {
            // Listed as paused, then resumed by geoaudit-cli elsewhere since.
            AuditStore other(path);
            const AuditSpec spec = *SpecReader::readFile(u":/examples/demo-audit.json"_s).spec;
            const LeaseHolder cli{u"their-run"_s, u"geoaudit-cli"_s, 4242, u"elsewhere"_s};
            const auto created = other.createAudit(spec, PromptPlanner::plan(spec).value(), cli);
            QVERIFY(created.result());
            QVERIFY(other.setState(1, AuditState::Paused).result());
        }
        AuditStore store(path);
        MainWindow window(&store);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *audits = window.findChild<QListView *>(u"auditList"_s);
        auto *resume = window.findChild<QPushButton *>(u"resumeButton"_s);
        auto *bar = window.findChild<QProgressBar *>(u"progressBar"_s);
        QTRY_COMPARE(audits->model()->rowCount(), 1);
        audits->setCurrentIndex(audits->model()->index(0, 0));
        QTRY_VERIFY(resume->isEnabled());
        QString shown;
        closeNextModal(&shown);
        QTest::mouseClick(resume, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!shown.isEmpty(), 10000);
        QVERIFY2(shown.startsWith(u"audit 1 is being run by geoaudit-cli (pid 4242 on host elsewhere), last seen "_s),
                 qPrintable(shown));
        QVERIFY(shown.contains(u"; wait for it to finish or stop it first"_s));
        QCOMPARE(window.statusBar()->currentMessage(), shown);
        QTRY_VERIFY(resume->isEnabled()); // nothing runs
        QCOMPARE(bar->value(), 0);
    }

    // Above the limits of Settings, Start asks first, in a box that leaves the event loop
    // alone; Cancel starts nothing, Start runs the audit.
    void startAsksBeforeAnAuditAboveTheLimits()
    {
        AppSettings().setConfirmLimits({100, 50.0}); // the demo asks 192 answers, at no cost
        const auto restore = qScopeGuard([] { AppSettings().setConfirmLimits(RunLimits()); });
        QTemporaryDir dir;
        AuditStore store(dir.filePath(u"a.sqlite"_s));
        MainWindow window(&store);
        window.openDemo();
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *start = window.findChild<QPushButton *>(u"startButton"_s);
        auto *audits = window.findChild<QListView *>(u"auditList"_s);
        const auto box = [&window] { return window.findChild<QMessageBox *>(u"confirmStartBox"_s); };

        QTest::mouseClick(start, Qt::LeftButton);
        QTRY_VERIFY(box() && box()->isVisible());
        QCOMPARE(box()->text(),
                 u"This audit would ask 192 answers, costing about $0.00: more than the 100 answers or "
                 "$50.00 that Settings lets start without asking."_s);
        QCOMPARE(box()->defaultButton(), box()->button(QMessageBox::Cancel));
        screenshot(*box(), u"confirm-start"_s);
        box()->button(QMessageBox::Cancel)->click();
        QTRY_VERIFY(!box());
        QVERIFY(start->isEnabled());
        QVERIFY(!window.findChild<RunnerThread *>()->isRunning());
        QCOMPARE(store.audits().result()->size(), 0); // nothing was stored: nothing started

        QTest::mouseClick(start, Qt::LeftButton);
        QTRY_VERIFY(box() && box()->isVisible());
        QSignalSpy preparing(window.findChild<RunnerThread *>(), &RunnerThread::preparing);
        box()->button(QMessageBox::Yes)->click();
        QTRY_VERIFY_WITH_TIMEOUT(audits->model()->rowCount() == 1
                                     && audits->model()->index(0, 0).data().toString().contains(u"finished"_s),
                                 60000);
        // Its preparing was told (in the bar's text, then the answers took it over).
        QCOMPARE(preparing.size(), 2);
        QCOMPARE(preparing[0], (QVariantList{qint64(0), qint64(192)}));
        QCOMPARE(preparing[1], (QVariantList{qint64(192), qint64(192)}));
        QTRY_COMPARE(window.findChild<QProgressBar *>(u"progressBar"_s)->text(), u"192 of 192 answers done (100%)"_s);

        // Under the limits it starts at once.
        AppSettings().setConfirmLimits({192, 50.0});
        QTRY_VERIFY(start->isEnabled());
        QTest::mouseClick(start, Qt::LeftButton);
        QVERIFY(!box());
        QTRY_COMPARE_WITH_TIMEOUT(audits->model()->rowCount(), 2, 20000);
        QTRY_VERIFY_WITH_TIMEOUT(start->isEnabled(), 60000);
    }

    // Against a fake engine with scripted faults: the transient ones are retried away, the
    // permanent ones, and only they, end in the failures table; the filter narrows it; Retry
    // failed asks them again in the same audit; Delete removes the audit after asking.
    void failuresTableListsThePermanentFailures()
    {
        FakeEngineServer server;
        QVERIFY(server.listen());
        server.setLatencyMs(10);
        bool outage = true;
        QHash<QString, int> seen;
        server.setFaults([&](int, const QString &prompt) {
            const int n = prompt.section(u' ', 1).toInt();
            const int attempt = seen[prompt]++;
            if (outage && n % 7 == 3)
                return FakeEngineServer::Fault::BadRequest;
            if (n % 5 == 1 && attempt == 0)
                return FakeEngineServer::Fault::RateLimitedRetryAfter;
            return FakeEngineServer::Fault::None;
        });
        QTemporaryDir dir;
        AuditStore store(dir.filePath(u"a.sqlite"_s));
        MainWindow window(&store);
        window.resize(1100, 760);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.openSpec(writeSpec(dir, server.baseUrl(), 40, 4)));
        auto *start = window.findChild<QPushButton *>(u"startButton"_s);
        auto *bar = window.findChild<QProgressBar *>(u"progressBar"_s);
        auto *failures = window.findChild<QTableView *>(u"failuresView"_s);
        auto *filter = window.findChild<QLineEdit *>(u"failuresFilter"_s);
        auto *audits = window.findChild<QListView *>(u"auditList"_s);
        auto *retry = window.findChild<QPushButton *>(u"retryFailedButton"_s);
        QVERIFY(start && bar && failures && filter && audits && retry);
        QTest::mouseClick(start, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(bar->value(), 40, 60000);
        QTRY_VERIFY_WITH_TIMEOUT(start->isEnabled(), 10000);

        QTRY_COMPARE(failures->model()->rowCount(), 6); // prompts 3, 10, 17, 24, 31, 38
        QStringList prompts;
        for (int r = 0; r < 6; ++r) {
            prompts << failures->model()->index(r, 3).data().toString();
            QCOMPARE(failures->model()->index(r, 4).data().toString(), u"http-400"_s);
            QCOMPARE(failures->model()->index(r, 2).data().toString(), u"e0"_s);
        }
        prompts.sort();
        QCOMPARE(prompts,
                 (QStringList{u"prompt 10"_s, u"prompt 17"_s, u"prompt 24"_s, u"prompt 3"_s, u"prompt 31"_s,
                              u"prompt 38"_s}));
        auto *pages = window.findChild<QTabWidget *>(u"pages"_s);
        pages->setCurrentWidget(window.findChild<QWidget *>(u"failuresPage"_s));
        screenshot(window, u"failures"_s);
        QTest::keyClicks(filter, u"prompt 38"_s);
        QCOMPARE(failures->model()->rowCount(), 1);
        // Export this view writes what is shown: the header and the one row the filter keeps.
        QSignalSpy exported(&window, &MainWindow::exported);
        window.exportView(failures, dir.filePath(u"failures.csv"_s));
        QTRY_COMPARE_WITH_TIMEOUT(exported.size(), 1, 10000);
        QFile csv(dir.filePath(u"failures.csv"_s));
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = csv.readAll().trimmed().split('\n');
        QCOMPARE(lines.size(), 2);
        QVERIFY(lines[0].startsWith("Time,Stage,Engine,Prompt"));
        QVERIFY(lines[1].contains(",prompt 38,http-400,"));
        QVERIFY(window.statusBar()->currentMessage().contains(u"failures.csv"_s));
        filter->clear();
        QCOMPARE(failures->model()->rowCount(), 6);

        outage = false;
        QTRY_VERIFY(retry->isEnabled());
        QTest::mouseClick(retry, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(
            audits->model()->rowCount() == 1
                && audits->model()->index(0, 0).data().toString().contains(u"finished · 40 of 40"_s),
            60000);
        QTRY_COMPARE(failures->model()->rowCount(), 0);
        QVERIFY(!retry->isEnabled());

        auto *remove = window.findChild<QPushButton *>(u"deleteButton"_s);
        QVERIFY(remove->isEnabled());
        pressOnNextModal();
        QTest::mouseClick(remove, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(audits->model()->rowCount(), 0, 10000);
    }

    // Pause asks nothing new while the answers in flight arrive; pressing it again goes on.
    void pauseAndContinueFromTheButton()
    {
        FakeEngineServer server;
        QVERIFY(server.listen());
        server.setLatencyMs(30);
        QTemporaryDir dir;
        AuditStore store(dir.filePath(u"a.sqlite"_s));
        MainWindow window(&store);
        window.resize(1100, 760);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.openSpec(writeSpec(dir, server.baseUrl(), 60, 2)));
        auto *start = window.findChild<QPushButton *>(u"startButton"_s);
        auto *pause = window.findChild<QPushButton *>(u"pauseButton"_s);
        auto *bar = window.findChild<QProgressBar *>(u"progressBar"_s);
        auto *inFlight = window.findChild<QLabel *>(u"inFlightValue"_s);
        QTest::mouseClick(start, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(bar->value() >= 6, 30000);
        QVERIFY(pause->isEnabled());
        QTest::mouseClick(pause, Qt::LeftButton);
        QVERIFY(pause->text().contains(u"Con"_s));
        QTRY_COMPARE_WITH_TIMEOUT(inFlight->text(), u"0"_s, 10000);
        const int asked = server.requestCount();
        // Time passes on purpose: "nothing is asked while paused" has no event to wait for (300 ms = 10x latency).
        QVERIFY(!QTest::qWaitFor([&] { return server.requestCount() != asked; }, 300));
        QCOMPARE(server.requestCount(), asked);
        QVERIFY(asked < 60);
        // The sidebar counts the run as it goes, not as it was when it started.
        auto *audits = window.findChild<QListView *>(u"auditList"_s);
        QTRY_VERIFY2(audits->model()->index(0, 0).data().toString().contains(u" %1 of 60 answers"_s.arg(asked)),
                     qPrintable(audits->model()->index(0, 0).data().toString()));
        screenshot(window, u"paused"_s);
        QTest::mouseClick(pause, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(bar->value(), 60, 30000);
        QTRY_VERIFY(start->isEnabled());
        QCOMPARE(server.requestCount(), 60);
        QVERIFY(!pause->isEnabled());
    }

    // The GUI thread never waits long: 10,000 answers (one in a hundred failing) stream
    // through the monitor and the failures table while a timer measures the event loop's
    // worst gap.
    void guiStaysResponsiveUnderTenThousandAnswers()
    {
        EngineOnThread engine;
        engine.server->setFaults([](int request, const QString &) {
            return request % 100 == 0 ? FakeEngineServer::Fault::BadRequest : FakeEngineServer::Fault::None;
        });
        QVERIFY(engine.listen());
        QTemporaryDir dir;
        AuditStore store(dir.filePath(u"a.sqlite"_s));
        MainWindow window(&store);
        window.resize(1100, 760);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.openSpec(writeSpec(dir, engine.server->baseUrl(), 1000, 6, 10)));
        auto *start = window.findChild<QPushButton *>(u"startButton"_s);
        auto *bar = window.findChild<QProgressBar *>(u"progressBar"_s);
        StallProbe probe;
        QTest::mouseClick(start, Qt::LeftButton);
        // 10,000 answers are above the default limit: Start asks first, in the window's own box.
        auto *box = window.findChild<QMessageBox *>(u"confirmStartBox"_s);
        QVERIFY(box);
        box->button(QMessageBox::Yes)->click();
        probe.start();
        QTRY_COMPARE_WITH_TIMEOUT(bar->value(), 10000, 240000);
        probe.stop();
        qInfo("GUI stall probe over 10,000 answers: %s", qPrintable(probe.summary()));
        screenshot(window, u"monitor"_s);
        QTRY_VERIFY_WITH_TIMEOUT(start->isEnabled(), 30000);
        QCOMPARE(window.findChild<QTableView *>(u"failuresView"_s)->model()->rowCount(),
                 engine.server->requestCount() / 100);
#ifdef GEOAUDIT_SANITIZE
        const int slower = 4; // instrumented code: the probe still catches a wait, not the speed
#else
        const int slower = 1;
#endif
        QVERIFY2(probe.worstCpuMs() < 50 * slower, qPrintable(probe.summary()));
        // Wall time also counts waiting for a core while other processes build and test on
        // the same two; a wait on the disk, the network or the pool would show here.
        QVERIFY2(probe.worstGapMs() < 250 * slower, qPrintable(probe.summary()));
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
        QTRY_VERIFY_WITH_TIMEOUT(
            boxText.contains(u"1 row(s) of answers.csv were left out; 2 answer(s) will be imported"_s), 10000);
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

    // The settings dialog refuses a proxy that does not parse, saying why beside it, and
    // keeps what it is given in AppSettings, where runs read it.
    void settingsDialogChecksTheProxyAndKeepsTheSettings()
    {
        SettingsDialog dialog;
        dialog.show();
        auto *proxy = dialog.findChild<QLineEdit *>(u"proxy"_s);
        auto *problem = dialog.findChild<QLabel *>(u"proxyProblem"_s);
        auto *ok = dialog.findChild<QDialogButtonBox *>(u"buttons"_s)->button(QDialogButtonBox::Ok);
        proxy->clear();
        QVERIFY(ok->isEnabled());
        QTest::keyClicks(proxy, u"ftp://nowhere"_s);
        QVERIFY(!ok->isEnabled());
        QVERIFY(problem->isVisible() && !problem->text().isEmpty());
        proxy->setText(u"http://proxy.example:3128"_s);
        QVERIFY(ok->isEnabled());
        QVERIFY(!problem->isVisible());
        dialog.findChild<QSpinBox *>(u"ttlHours"_s)->setValue(2);
        dialog.findChild<QSpinBox *>(u"threads"_s)->setValue(4);
        QCOMPARE(dialog.findChild<QSpinBox *>(u"confirmAnswers"_s)->value(), 5000); // the defaults
        QCOMPARE(dialog.findChild<QDoubleSpinBox *>(u"confirmCost"_s)->value(), 50.0);
        typeInto(dialog.findChild<QSpinBox *>(u"confirmAnswers"_s), u"20000"_s);
        typeInto(dialog.findChild<QDoubleSpinBox *>(u"confirmCost"_s), u"125.5"_s);
        screenshot(dialog, u"settings"_s);
        // A PostgreSQL URL without a database's name is refused the same way.
        auto *database = dialog.findChild<QLineEdit *>(u"database"_s);
        auto *databaseProblem = dialog.findChild<QLabel *>(u"databaseProblem"_s);
        const QString chosen = database->text();
        database->setText(u"postgresql://db.example:5432"_s);
        QVERIFY(!ok->isEnabled());
        QVERIFY2(databaseProblem->isVisible() && databaseProblem->text().contains(u"names no database"_s),
                 qPrintable(databaseProblem->text()));
        database->setText(u"postgresql://analyst@db.example:5432/audits"_s);
        QVERIFY(ok->isEnabled() && !databaseProblem->isVisible());
        database->setText(chosen);
        QTest::mouseClick(ok, Qt::LeftButton);
        AppSettings settings;
        QCOMPARE(settings.proxy(), u"http://proxy.example:3128"_s);
        QCOMPARE(settings.siteCache().ttlMs, 2 * 3600 * 1000);
        QCOMPARE(settings.analysisThreads(), 4);
        QCOMPARE(settings.confirmLimits().answers, 20000);
        QCOMPARE(settings.confirmLimits().costUsd, 125.5);
        settings.setConfirmLimits({});
        settings.setProxy({});
        settings.setAnalysisThreads(0);
        settings.setSiteCache({});
    }

    // Settings → Appearance → Dark turns the whole app dark at once, with text readable on
    // every kind of surface (WCAG AA: contrast of at least 4.5:1), problems included.
    void darkAppearanceKeepsEveryTextReadable()
    {
        Appearance::setTheme(Appearance::Theme::System);
        QTemporaryDir dir;
        AuditStore store(dir.filePath(u"a.sqlite"_s));
        MainWindow window(&store);
        window.resize(1100, 760);
        window.show();
        window.openDemo();
        {
            SettingsDialog dialog;
            dialog.findChild<QComboBox *>(u"theme"_s)->setCurrentIndex(int(Appearance::Theme::Dark));
            QTest::mouseClick(dialog.findChild<QDialogButtonBox *>(u"buttons"_s)->button(QDialogButtonBox::Ok),
                              Qt::LeftButton);
        }
        QCOMPARE(Appearance::theme(), Appearance::Theme::Dark);
        QTRY_VERIFY(window.palette().color(QPalette::Window).lightness() < 64);
        const auto contrast = [](const QColor &a, const QColor &b) {
            const auto luminance = [](const QColor &c) {
                const auto channel
                    = [](double v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
                return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
            };
            const double la = luminance(a), lb = luminance(b);
            return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
        };
        const QPalette p = window.palette();
        for (const auto &[text, surface] :
             {std::pair{QPalette::WindowText, QPalette::Window}, std::pair{QPalette::Text, QPalette::Base},
              std::pair{QPalette::Text, QPalette::AlternateBase}, std::pair{QPalette::ButtonText, QPalette::Button},
              std::pair{QPalette::HighlightedText, QPalette::Highlight}})
            QVERIFY2(contrast(p.color(text), p.color(surface)) >= 4.5,
                     qPrintable(u"%1 on %2"_s.arg(text).arg(surface)));
        auto *problem = window.findChild<QLabel *>(u"brandProblem"_s);
        QVERIFY(problem);
        QVERIFY2(contrast(problem->palette().color(QPalette::WindowText), p.color(QPalette::Window)) >= 4.5,
                 "a problem's red");
        screenshot(window, u"dark-setup"_s);
        QTest::mouseClick(window.findChild<QPushButton *>(u"startButton"_s), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(window.findChild<QPushButton *>(u"startButton"_s)->isEnabled(), 60000);
        QTRY_VERIFY(window.findChild<QTableView *>(u"scoresView"_s)->model()->rowCount() > 0);
        window.findChild<QTabWidget *>(u"pages"_s)->setCurrentWidget(window.findChild<QWidget *>(u"scoresPage"_s));
        screenshot(window, u"dark"_s);
        Appearance::setTheme(Appearance::Theme::System);
        QTRY_VERIFY(window.palette().color(QPalette::Window).lightness() > 128);
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
