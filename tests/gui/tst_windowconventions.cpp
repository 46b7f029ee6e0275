// What a desktop user expects of any window: no Alt+letter given to two controls, the
// platform's shortcuts shown in the menus, a first window sized to the screen, and questions
// whose default answer is the safe one.
#include "AboutDialog.h"
#include "ApiKeysDialog.h"
#include "AuditListModel.h"
#include "EnginesModel.h"
#include "MainWindow.h"
#include "PromptPreviewDialog.h"
#include "SettingsDialog.h"
#include "store/AuditStore.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QDesktopServices>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QGroupBox>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QScreen>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTimer>

#include <memory>

using namespace geo;
using namespace Qt::StringLiterals;

namespace {

// The letter after a single '&', lower-cased; none for "&&" or no '&'.
QChar mnemonicOf(const QString &text)
{
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text[i] != u'&')
            continue;
        if (text[i + 1] == u'&') {
            ++i;
            continue;
        }
        return text[i + 1].toLower();
    }
    return {};
}

// Every Alt+letter the window offers as it is shown now, with the controls that carry it.
QMap<QChar, QStringList> mnemonics(QWidget *window)
{
    QMap<QChar, QStringList> found;
    const auto add = [&found](const QString &text, const QString &owner) {
        if (const QChar m = mnemonicOf(text); !m.isNull())
            found[m] << u"%1 \"%2\""_s.arg(owner, text);
    };
    const QList<QWidget *> widgets = window->findChildren<QWidget *>();
    for (QWidget *w : widgets) {
        if (!w->isVisibleTo(window) || w->window() != window)
            continue;
        if (auto *button = qobject_cast<QAbstractButton *>(w))
            add(button->text(), w->objectName());
        else if (auto *label = qobject_cast<QLabel *>(w); label && label->buddy())
            add(label->text(), w->objectName());
        else if (auto *group = qobject_cast<QGroupBox *>(w))
            add(group->title(), w->objectName());
        else if (auto *tabs = qobject_cast<QTabBar *>(w))
            for (int t = 0; t < tabs->count(); ++t)
                add(tabs->tabText(t), w->parentWidget() ? w->parentWidget()->objectName() : u"tabs"_s);
        else if (auto *bar = qobject_cast<QMenuBar *>(w))
            for (QAction *a : bar->actions())
                add(a->text(), u"menu"_s);
    }
    return found;
}

// Writes a small spec of imported answers, and its answers as CSV next to it.
QString writeSpec(const QTemporaryDir &dir)
{
    QFile spec(dir.filePath(u"crm.json"_s));
    if (!spec.open(QIODevice::WriteOnly))
        return {};
    spec.write(R"({"name": "CRM audit", "brand": {"name": "Acme"}, "templates": false,
                  "prompts": ["best crm?"], "engines": [{"id": "app", "kind": "imported"}],
                  "analysis": {"inspect_sites": false}})");
    QFile csv(dir.filePath(u"answers.csv"_s));
    if (!csv.open(QIODevice::WriteOnly))
        return {};
    csv.write("prompt,engine,answer\nbest crm?,app,Acme is the pick.\n");
    return spec.fileName();
}

// Imports the answers next to the spec twice, one audit after the other: two audits listed.
bool importTwice(MainWindow &window, const QTemporaryDir &dir)
{
    const auto *audits = window.findChild<QListView *>(u"auditList"_s);
    const auto *import = window.findChild<QAction *>(u"importAnswersAction"_s);
    for (int n = 1; n <= 2; ++n) {
        if (!QTest::qWaitFor([&] { return import->isEnabled(); }, 20000))
            return false;
        window.importAnswers(dir.filePath(u"answers.csv"_s));
        if (!QTest::qWaitFor([&] { return audits->model()->rowCount() == n; }, 20000))
            return false;
    }
    return true;
}

// Answers the next question box with its default button, as Enter does, and keeps which it was.
void pressDefaultOfNextBox(QObject *owner, QMessageBox::StandardButton *pressed)
{
    auto *timer = new QTimer(owner);
    QObject::connect(timer, &QTimer::timeout, owner, [timer, pressed] {
        if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
            timer->deleteLater();
            *pressed = box->standardButton(box->defaultButton());
            QTest::keyClick(box, Qt::Key_Return);
        }
    });
    timer->start(20);
}

// Where QDesktopServices would send a URL, kept instead.
class UrlCatcher : public QObject
{
    Q_OBJECT
public:
    QList<QUrl> urls;
public slots:
    void open(const QUrl &url) { urls << url; }
};

QStringList duplicates(QWidget *window)
{
    QStringList out;
    const QMap<QChar, QStringList> all = mnemonics(window);
    for (auto it = all.cbegin(); it != all.cend(); ++it)
        if (it->size() > 1)
            out << u"Alt+%1: %2"_s.arg(it.key().toUpper(), it->join(u", "_s));
    return out;
}

} // namespace

class TestWindowConventions : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init() { QSettings().clear(); } // each test starts as a first start

    // On every page of the window, each Alt+letter reaches one control.
    void noMnemonicIsGivenTwice()
    {
        QTemporaryDir dir;
        AuditStore store(dir.filePath(u"a.sqlite"_s));
        MainWindow window(&store);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.openDemo();
        auto *pages = window.findChild<QTabWidget *>(u"pages"_s);
        QVERIFY(pages);
        for (int p = 0; p < pages->count(); ++p) {
            pages->setCurrentIndex(p);
            QCoreApplication::processEvents();
            const QStringList twice = duplicates(&window);
            QVERIFY2(twice.isEmpty(), qPrintable(pages->tabText(p) + u": "_s + twice.join(u"; "_s)));
        }
    }

    // The dialogs too: each Alt+letter reaches one control.
    void dialogsGiveNoMnemonicTwice_data()
    {
        QTest::addColumn<QString>("dialog");
        QTest::newRow("settings") << u"settings"_s;
        QTest::newRow("api keys") << u"api keys"_s;
        QTest::newRow("about") << u"about"_s;
        QTest::newRow("prompt preview") << u"prompt preview"_s;
    }

    void dialogsGiveNoMnemonicTwice()
    {
        QFETCH(QString, dialog);
        AuditSpec spec;
        spec.brand.name = u"Acme"_s;
        spec.prompts = {u"best crm?"_s};
        spec.templates = false;
        EngineSpec engine;
        engine.id = u"gpt"_s;
        engine.kind = u"openai"_s;
        engine.apiKeyEnv = u"OPENAI_API_KEY"_s;
        spec.engines = {engine};
        std::unique_ptr<QDialog> shown;
        if (dialog == u"settings"_s)
            shown = std::make_unique<SettingsDialog>();
        else if (dialog == u"api keys"_s)
            shown = std::make_unique<ApiKeysDialog>(spec.engines);
        else if (dialog == u"about"_s)
            shown = std::make_unique<AboutDialog>();
        else
            shown = std::make_unique<PromptPreviewDialog>(spec);
        shown->show();
        QVERIFY(QTest::qWaitForWindowExposed(shown.get()));
        const QStringList twice = duplicates(shown.get());
        QVERIFY2(twice.isEmpty(), qPrintable(twice.join(u"; "_s)));
    }

    // Every figure explains itself: each column of the scores has its definition as a tooltip,
    // and Help → Metrics opens the document that defines them all.
    void figuresAreExplained()
    {
        QTemporaryDir dir;
        AuditStore store(dir.filePath(u"a.sqlite"_s));
        MainWindow window(&store);
        auto *scores = window.findChild<QTableView *>(u"scoresView"_s);
        QVERIFY(scores);
        for (int c = 0; c < scores->model()->columnCount(); ++c)
            QVERIFY2(!scores->model()->headerData(c, Qt::Horizontal, Qt::ToolTipRole).toString().isEmpty(),
                     qPrintable(scores->model()->headerData(c, Qt::Horizontal).toString()));
        QCOMPARE(scores->model()->headerData(1, Qt::Horizontal, Qt::ToolTipRole).toString(),
                 u"Share of the answers that mention the brand at least once"_s);

        window.findChild<QAction *>(u"metricsAction"_s)->trigger();
        auto *text = window.findChild<QTextBrowser *>(u"metricsText"_s);
        QVERIFY(text);
        QVERIFY(text->isVisible());
        QVERIFY(text->toPlainText().startsWith(u"Metrics"_s));
        QVERIFY(text->toPlainText().contains(u"Wilson 95% interval"_s));
        text->setSource(QUrl(u"csv-format.md"_s), QTextDocument::MarkdownResource); // as its link does
        QVERIFY2(text->toPlainText().startsWith(u"CSV"_s), qPrintable(text->toPlainText().left(80)));
        text->backward();
        if (!qEnvironmentVariableIsEmpty("GEOAUDIT_SCREENSHOTS"))
            text->window()->grab().save(QDir(qEnvironmentVariable("GEOAUDIT_SCREENSHOTS")).filePath(u"metrics.png"_s));
    }

    // Settings opens with the platform's Preferences keys, or Ctrl+, where the platform has
    // none, and the menu shows them.
    void settingsHasItsShortcut()
    {
        QTemporaryDir dir;
        AuditStore store(dir.filePath(u"a.sqlite"_s));
        MainWindow window(&store);
        auto *settings = window.findChild<QAction *>(u"settingsAction"_s);
        QVERIFY(settings);
        const QList<QKeySequence> platform = QKeySequence::keyBindings(QKeySequence::Preferences);
        QCOMPARE(settings->shortcut(), platform.isEmpty() ? QKeySequence(u"Ctrl+,"_s) : platform.front());
    }

    // Deleting an audit is never the answer Enter gives.
    void deleteDefaultsToNo()
    {
        QTemporaryDir dir;
        AuditStore store(dir.filePath(u"a.sqlite"_s));
        MainWindow window(&store);
        QVERIFY(window.openSpec(writeSpec(dir)));
        QSignalSpy refreshed(&window, &MainWindow::auditsRefreshed);
        window.importAnswers(dir.filePath(u"answers.csv"_s));
        auto *audits = window.findChild<QListView *>(u"auditList"_s);
        QTRY_COMPARE_WITH_TIMEOUT(audits->model()->rowCount(), 1, 20000);
        audits->setCurrentIndex(audits->model()->index(0, 0));
        auto *remove = window.findChild<QPushButton *>(u"deleteButton"_s);
        QTRY_VERIFY(remove->isEnabled());
        QMessageBox::StandardButton pressed = QMessageBox::NoButton;
        pressDefaultOfNextBox(this, &pressed);
        remove->click();
        QCOMPARE(pressed, QMessageBox::No);
        QCOMPARE(audits->model()->rowCount(), 1);
    }

    // Once exported, the status bar offers to open the folder, in the desktop's file manager.
    void exportOffersToOpenItsFolder()
    {
        QTemporaryDir dir;
        AuditStore store(dir.filePath(u"a.sqlite"_s));
        MainWindow window(&store);
        window.show();
        QVERIFY(window.openSpec(writeSpec(dir)));
        window.importAnswers(dir.filePath(u"answers.csv"_s));
        auto *audits = window.findChild<QListView *>(u"auditList"_s);
        QTRY_COMPARE_WITH_TIMEOUT(audits->model()->rowCount(), 1, 20000);
        audits->setCurrentIndex(audits->model()->index(0, 0));
        auto *open = window.findChild<QPushButton *>(u"openExportFolderButton"_s);
        QVERIFY(open && !open->isVisible());
        QSignalSpy exported(&window, &MainWindow::exported);
        const QString folder = dir.filePath(u"out"_s);
        QVERIFY(QDir().mkpath(folder));
        window.exportCsvTo(folder);
        QTRY_COMPARE_WITH_TIMEOUT(exported.size(), 1, 20000);
        QVERIFY(open->isVisible());
        UrlCatcher opened;
        QDesktopServices::setUrlHandler(u"file"_s, &opened, "open");
        open->click();
        QDesktopServices::unsetUrlHandler(u"file"_s);
        QCOMPARE(opened.urls, QList{QUrl::fromLocalFile(QFileInfo(folder).absoluteFilePath())});
    }

    // Picking another audit leaves nothing of the last one: no filter, no answer in the reader.
    void switchingAuditsLeavesNothingOfTheLast()
    {
        QTemporaryDir dir;
        AuditStore store(dir.filePath(u"a.sqlite"_s));
        MainWindow window(&store);
        window.show();
        QVERIFY(window.openSpec(writeSpec(dir)));
        QVERIFY(importTwice(window, dir));
        auto *audits = window.findChild<QListView *>(u"auditList"_s);
        audits->setCurrentIndex(audits->model()->index(1, 0));
        auto *answers = window.findChild<QTableView *>(u"answersView"_s);
        auto *filter = window.findChild<QLineEdit *>(u"answersFilter"_s);
        auto *reader = window.findChild<QTextBrowser *>(u"answerBrowser"_s);
        QTRY_COMPARE(answers->model()->rowCount(), 1);
        answers->setCurrentIndex(answers->model()->index(0, 0));
        QTRY_VERIFY(reader->toPlainText().contains(u"Acme is the pick."_s));
        filter->setText(u"Acme"_s);

        audits->setCurrentIndex(audits->model()->index(0, 0));
        QCOMPARE(filter->text(), QString());
        QTRY_COMPARE(reader->toPlainText(), QString());
        QTRY_COMPARE(answers->model()->rowCount(), 1);
    }

    // A restart reopens the spec and the audit the analyst had; --demo opens the demo instead.
    void aRestartReopensWhatWasOpen()
    {
        QTemporaryDir dir;
        const QString path = writeSpec(dir);
        AuditStore store(dir.filePath(u"a.sqlite"_s));
        {
            MainWindow window(&store);
            window.show();
            QVERIFY(window.openSpec(path));
            QVERIFY(importTwice(window, dir));
            auto *audits = window.findChild<QListView *>(u"auditList"_s);
            QTRY_COMPARE(audits->currentIndex().data(AuditListModel::AuditIdRole).toLongLong(), 2); // the newest
            audits->setCurrentIndex(audits->model()->index(1, 0));
            QVERIFY(window.close());
        }
        MainWindow again(&store);
        again.reopenLast();
        QCOMPARE(again.findChild<QLineEdit *>(u"nameEdit"_s)->text(), u"CRM audit"_s);
        auto *audits = again.findChild<QListView *>(u"auditList"_s);
        QTRY_COMPARE(audits->currentIndex().data(AuditListModel::AuditIdRole).toLongLong(), 1);

        MainWindow demo(&store);
        demo.openDemo();
        QVERIFY(demo.findChild<QLineEdit *>(u"nameEdit"_s)->text() != u"CRM audit"_s);
        QFile::remove(path); // a spec that is gone: the demo instead
        MainWindow gone(&store);
        gone.reopenLast();
        QCOMPARE(gone.findChild<QLineEdit *>(u"nameEdit"_s)->text(),
                 demo.findChild<QLineEdit *>(u"nameEdit"_s)->text());
    }

    // A missing API key is said before Start, in the pane, with the ways out; Start waits for
    // it. Clearing the key cell (a local server that takes none) lets it start.
    void aMissingKeyIsSaidBeforeStart()
    {
        QTemporaryDir dir;
        QFile spec(dir.filePath(u"keys.json"_s));
        QVERIFY(spec.open(QIODevice::WriteOnly));
        spec.write(R"({"name": "Keys", "brand": {"name": "Acme"}, "templates": false, "prompts": ["best crm?"],
                      "engines": [{"id": "gpt", "kind": "openai", "model": "gpt-4o-mini",
                                   "api_key_env": "GEOAUDIT_NO_SUCH_KEY"}]})");
        spec.close();
        AuditStore store(dir.filePath(u"a.sqlite"_s));
        MainWindow window(&store);
        QVERIFY(window.openSpec(spec.fileName()));
        auto *start = window.findChild<QPushButton *>(u"startButton"_s);
        auto *summary = window.findChild<QLabel *>(u"specSummary"_s);
        const QString why = u"engine “gpt” has no API key: save it with Edit → API keys… (or set GEOAUDIT_NO_SUCH_KEY "
                            "before starting GEO Audit); for a server that takes no key, clear its API key cell"_s;
        QTRY_VERIFY_WITH_TIMEOUT(start->toolTip().contains(why), 20000);
        QVERIFY(!start->isEnabled());
        QVERIFY2(summary->text().contains(u"Start needs its API keys: "_s + why.toHtmlEscaped()),
                 qPrintable(summary->text()));

        QAbstractItemModel *engines = window.findChild<QTableView *>(u"enginesView"_s)->model();
        QVERIFY(engines->setData(engines->index(0, EnginesModel::ApiKey), QString(), Qt::EditRole));
        QTRY_VERIFY(start->isEnabled());
        QVERIFY(!summary->text().contains(u"API keys"_s));
    }

    // Unsaved set-up changes are saved first when the analyst goes on with Enter.
    void unsavedChangesAreSavedFirst()
    {
        QTemporaryDir dir;
        const QString path = writeSpec(dir);
        AuditStore store(dir.filePath(u"a.sqlite"_s));
        MainWindow window(&store);
        QVERIFY(window.openSpec(path));
        auto *name = window.findChild<QLineEdit *>(u"nameEdit"_s);
        name->setText(u"CRM audit, December"_s);
        QTRY_VERIFY(window.isWindowModified());
        QMessageBox::StandardButton pressed = QMessageBox::NoButton;
        pressDefaultOfNextBox(this, &pressed);
        window.findChild<QAction *>(u"newAuditAction"_s)->trigger();
        QCOMPARE(pressed, QMessageBox::Save);
        QFile saved(path);
        QVERIFY(saved.open(QIODevice::ReadOnly));
        QCOMPARE(QJsonDocument::fromJson(saved.readAll())[u"name"_s].toString(), u"CRM audit, December"_s);
        QCOMPARE(name->text(), QString()); // and the new audit's form is open
    }

    // The first window, with no size remembered, takes about four fifths of the screen.
    void firstWindowFitsTheScreen()
    {
        QTemporaryDir dir;
        AuditStore store(dir.filePath(u"a.sqlite"_s));
        MainWindow window(&store);
        const QRect screen = window.screen()->availableGeometry();
        QCOMPARE(window.size(), QSize(screen.width() * 4 / 5, screen.height() * 4 / 5));
        QVERIFY(screen.contains(window.geometry()));
    }
};

QTEST_MAIN(TestWindowConventions)
#include "tst_windowconventions.moc"
