#include "CapturePanel.h"
#include "ClipboardFixtures.h"
#include "MainWindow.h"
#include "StoreQueries.h"
#include "model/WhenReady.h"
#include "store/AuditStore.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QListWidget>
#include <QMimeData>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>

using namespace geo;
using namespace Qt::StringLiterals;

namespace {

const QStringList Prompts{u"What is the best budget phone?"_s, u"best phone under 400 dollars"_s,
                          u"compare budget phones by battery life"_s};
const QStringList Fixtures{u"chatgpt"_s, u"ai-mode"_s, u"perplexity"_s}; // the answer to each prompt

// The phones of the fixtures, three prompts, one engine without an API.
QString writeSpec(const QTemporaryDir &dir)
{
    const auto brand = [](const QString &name, const QStringList &domains) {
        return QJsonObject{{u"name"_s, name}, {u"domains"_s, QJsonArray::fromStringList(domains)}};
    };
    const QJsonObject spec{
        {u"name"_s, u"Budget phones"_s},
        {u"brand"_s, brand(u"Lumo"_s, {u"lumophones.com"_s})},
        {u"competitors"_s,
         QJsonArray{brand(u"Vexa"_s, {u"vexa.com"_s}), brand(u"Orbi"_s, {}), brand(u"Nexo"_s, {u"nexo.example"_s})}},
        {u"templates"_s, false},
        {u"prompts"_s, QJsonArray::fromStringList(Prompts)},
        {u"engines"_s, QJsonArray{QJsonObject{{u"id"_s, u"chatgpt-app"_s}, {u"kind"_s, u"imported"_s}}}},
        {u"analysis"_s, QJsonObject{{u"inspect_sites"_s, false}}}};
    const QString path = dir.filePath(u"phones.json"_s);
    return writeFile(path, QJsonDocument(spec).toJson()) ? path : QString();
}

// Per stored answer, in prompt order: its prompt, Markdown, citations and each tracked
// brand's rank ("x" not mentioned, "-" mentioned without a rank).
struct Stored
{
    QString prompt, answer;
    QStringList citations;
    QString ranks;
    friend bool operator==(const Stored &, const Stored &) = default;
};

QList<Stored> storedAnswers(AuditStore &store, qint64 auditId)
{
    auto listed = store.answersOf(auditId);
    if (!QTest::qWaitFor([&] { return listed.isFinished(); }, 10000) || !listed.result())
        return {};
    // A copy: a range-for over result().value() would read a temporary that is gone.
    const QList<AnswerRow> rows = listed.result().value();
    QList<Stored> out;
    for (const AnswerRow &row : rows) {
        QStringList ranks;
        for (int b = 0; b < 4; ++b) {
            const qint64 rank = queryNumber(
                store,
                u"SELECT COALESCE((SELECT COALESCE(rank, 0) FROM mentions WHERE item_id = %1 AND brand_index = %2), -2)"_s
                    .arg(row.itemId)
                    .arg(b));
            ranks << (rank == -2 ? u"x"_s : rank == 0 ? u"-"_s : QString::number(rank));
        }
        out.append({row.prompt, row.answer, row.citations, ranks.join(u' ')});
    }
    std::sort(out.begin(), out.end(),
              [](const Stored &a, const Stored &b) { return Prompts.indexOf(a.prompt) < Prompts.indexOf(b.prompt); });
    return out;
}

qint64 newestAudit(AuditStore &store)
{
    return queryNumber(store, u"SELECT MAX(id) FROM audits"_s);
}

// A text the store holds, on its writer thread ("" when the query finds nothing).
QString queryText(AuditStore &store, const QString &sql)
{
    auto f = submitTo(store, [sql](QSqlDatabase &db) -> Result<QString> {
        QSqlQuery q(db);
        if (!q.exec(sql))
            return Error{q.lastError().text()};
        return q.next() ? q.value(0).toString() : QString();
    });
    f.waitForFinished();
    return f.result().ok() ? f.result().value() : f.result().error();
}

// The audit's item states in planned order, and its state: "analysed pending pending / running".
QString progressOf(AuditStore &store, qint64 auditId)
{
    QStringList states;
    for (qint64 n = 0, count = queryNumber(store, u"SELECT COUNT(*) FROM items WHERE audit_id = %1"_s.arg(auditId));
         n < count; ++n)
        states << queryText(
            store, u"SELECT status FROM items WHERE audit_id = %1 ORDER BY id LIMIT 1 OFFSET %2"_s.arg(auditId).arg(n));
    return states.join(u' ') + u" / "_s + queryText(store, u"SELECT state FROM audits WHERE id = %1"_s.arg(auditId));
}

// Puts a page's selection on the clipboard as a browser does: its HTML and its flattened text.
void copyInBrowser(const QString &fixture)
{
    auto *copied = new QMimeData;
    copied->setHtml(QString::fromUtf8(clipboardFixture(fixture + u".html"_s)));
    copied->setText(u"flattened text the browser also offers"_s);
    QGuiApplication::clipboard()->setMimeData(copied);
}

} // namespace

class TestCapturePanel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    // The analyst captures a three-prompt audit by keyboard: copy the prompt, copy the answer
    // in the browser (HTML on the clipboard), accept, and the panel moves on. The audit runs
    // while the panel is open: each accepted answer is stored and analysed before the next
    // one is captured, and the last one finishes the audit. The same pages saved as files and
    // imported give the same answers, citations and ranks.
    void capturesThreePromptsThenMatchesSavedPages()
    {
        QTemporaryDir dir;
        const QString specPath = writeSpec(dir);
        QVERIFY(!specPath.isEmpty());
        AuditStore store(dir.filePath(u"a.sqlite"_s));
        MainWindow window(&store);
        window.resize(1100, 760);
        QVERIFY(window.openSpec(specPath));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        CapturePanel *panel = window.openCapturePanel();
        QVERIFY(panel);
        QVERIFY(QTest::qWaitForWindowExposed(panel));
        panel->activateWindow();
        QApplication::setActiveWindow(panel);
        QTRY_COMPARE(QApplication::activeWindow(), panel);
        auto *list = panel->findChild<QListWidget *>(u"captureList"_s);
        auto *accept = panel->findChild<QPushButton *>(u"acceptCapturedButton"_s);
        auto *status = panel->findChild<QLabel *>(u"captureStatus"_s);
        auto *preview = panel->findChild<QTextBrowser *>(u"capturePreview"_s);
        QCOMPARE(list->count(), 3);
        QClipboard *clipboard = QGuiApplication::clipboard();

        for (int i = 0; i < 3; ++i) {
            QCOMPARE(panel->current(), i);
            QVERIFY(!accept->isEnabled()); // nothing captured yet
            QTest::keyClick(panel, Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
            QTRY_COMPARE(clipboard->text(), Prompts[i]);
            QVERIFY(!accept->isEnabled()); // the prompt itself is not an answer

            copyInBrowser(Fixtures[i]);
            QTRY_VERIFY(accept->isEnabled());
            QVERIFY2(status->text().contains(u"from HTML"_s), qPrintable(status->text()));
            QVERIFY(!preview->toPlainText().isEmpty());
            if (i == 1 && !qEnvironmentVariableIsEmpty("GEOAUDIT_SCREENSHOTS")) { // one done, one captured
                QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
                panel->grab().save(QDir(qEnvironmentVariable("GEOAUDIT_SCREENSHOTS")).filePath(u"capture.png"_s));
            }
            QTest::keyClick(panel, Qt::Key_A, Qt::ControlModifier | Qt::ShiftModifier);
            QCOMPARE(list->item(i)->checkState(), Qt::Checked);
            // Analysed as it came, with the next ones still waiting for the analyst.
            const QStringList expected{u"analysed pending pending / running"_s,
                                       u"analysed analysed pending / running"_s,
                                       u"analysed analysed analysed / finished"_s};
            QTRY_COMPARE_WITH_TIMEOUT(progressOf(store, 1), expected[i], 20000);
        }
        QCOMPARE(panel->current(), -1);
        QTRY_VERIFY(status->text().startsWith(u"Audit 1 finished: 3 answer(s) stored and analysed."_s));
        QVERIFY(!accept->isEnabled());
        const QList<Stored> captured = storedAnswers(store, 1);
        QCOMPARE(captured.size(), 3);
        const QStringList ranks{u"1 2 3 x"_s, u"2 1 x 3"_s, u"2 1 x 3"_s};
        const QList<QStringList> citations{
            {u"https://www.lumophones.com/phone-9a"_s, u"https://www.rtings.com/phone/reviews/best/budget"_s,
             u"https://vexa.com/13r"_s, u"https://www.gsmarena.com/vexa_13r-review-2790.php"_s},
            {u"https://www.rtings.com/phone/reviews/best/budget"_s, u"https://www.theverge.com/budget-phones"_s},
            {u"https://www.gsmarena.com/battery-test.php3"_s,
             u"https://www.phonearena.com/news/lumo-9a-battery_id1552"_s, u"https://www.nexo.example/lite/specs"_s}};
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(captured[i].prompt, Prompts[i]);
            QCOMPARE(captured[i].answer, QString::fromUtf8(clipboardFixture(Fixtures[i] + u".md"_s)).trimmed());
            QCOMPARE(captured[i].citations, citations[i]);
            QCOMPARE(captured[i].ranks, ranks[i]);
        }

        // The same answers saved from the browser as pages, each with its sidecar.
        QTemporaryDir pages;
        for (int i = 0; i < 3; ++i) {
            QVERIFY(writeFile(pages.filePath(u"%1.html"_s.arg(i)), clipboardFixture(Fixtures[i] + u".html"_s)));
            QVERIFY(writeFile(
                pages.filePath(u"%1.json"_s.arg(i)),
                QJsonDocument(QJsonObject{{u"prompt"_s, Prompts[i]}, {u"engine"_s, u"chatgpt-app"_s}}).toJson()));
        }
        QTRY_VERIFY(window.findChild<QAction *>(u"captureAnswersAction"_s)->isEnabled()); // the import is over
        window.importAnswers(pages.path());
        QTRY_VERIFY_WITH_TIMEOUT(
            newestAudit(store) == 2 && queryNumber(store, u"SELECT state = 'finished' FROM audits WHERE id = 2"_s) == 1,
            20000);
        QCOMPARE(storedAnswers(store, 2), captured);
    }

    // Plain text is the fallback; a clipboard with no text captures nothing.
    void plainTextFallback()
    {
        auto plain = std::make_unique<QMimeData>();
        plain->setText(u"  1. Lumo Phone 9a\n2. Vexa 13R  "_s);
        const auto answer = CapturePanel::answerFrom(plain.get());
        QVERIFY(answer.has_value());
        QCOMPARE(answer->answer, u"1. Lumo Phone 9a\n2. Vexa 13R"_s);
        QVERIFY(answer->citations.isEmpty());

        auto image = std::make_unique<QMimeData>();
        image->setData(u"image/png"_s, "\x89PNG");
        QVERIFY(!CapturePanel::answerFrom(image.get()).has_value());
        QVERIFY(!CapturePanel::answerFrom(nullptr).has_value());
    }

    // Skip fails the item as skipped, in the failures view; an answer may be captured for any
    // open item, out of order; closing the panel stops the audit and keeps what was captured,
    // the rest unasked for a later resume.
    void skipOutOfOrderAndClose()
    {
        QTemporaryDir dir;
        const QString specPath = writeSpec(dir);
        AuditStore store(dir.filePath(u"a.sqlite"_s));
        MainWindow window(&store);
        QVERIFY(window.openSpec(specPath));
        window.show();
        CapturePanel *panel = window.openCapturePanel();
        QVERIFY(panel);
        QVERIFY(QTest::qWaitForWindowExposed(panel));
        QTRY_COMPARE(progressOf(store, 1), u"pending pending pending / running"_s);
        QVERIFY(!window.findChild<QAction *>(u"captureAnswersAction"_s)->isEnabled()); // one capture at a time
        QSignalSpy captured(panel, &CapturePanel::answerCaptured);

        panel->skip();
        QCOMPARE(panel->current(), 1);
        QCOMPARE(panel->items()[0].state, CapturePanel::Item::State::Skipped);
        QTRY_COMPARE(progressOf(store, 1), u"failed pending pending / running"_s);
        QCOMPARE(queryText(store, u"SELECT error_class || ': ' || message FROM failures WHERE audit_id = 1"_s),
                 u"skipped: skipped in the capture panel: no answer was captured for it"_s);

        panel->findChild<QListWidget *>(u"captureList"_s)->setCurrentRow(2); // the third prompt first
        QCOMPARE(panel->current(), 2);
        copyInBrowser(u"perplexity"_s);
        QTRY_VERIFY(panel->findChild<QPushButton *>(u"acceptCapturedButton"_s)->isEnabled());
        panel->acceptCaptured();
        QCOMPARE(captured.size(), 1);
        QCOMPARE(captured.front().front().value<ImportedAnswer>().prompt, Prompts[2]);
        QCOMPARE(panel->current(), 1); // back to the one left open
        QTRY_COMPARE(progressOf(store, 1), u"failed pending analysed / running"_s);

        panel->close();
        QTRY_COMPARE(progressOf(store, 1), u"failed pending analysed / cancelled"_s);
        QCOMPARE(queryText(store, u"SELECT answer FROM items WHERE status = 'analysed'"_s),
                 QString::fromUtf8(clipboardFixture(u"perplexity.md"_s)).trimmed());
        QTRY_VERIFY(window.findChild<QAction *>(u"captureAnswersAction"_s)->isEnabled()); // the run is over
    }
};

QTEST_MAIN(TestCapturePanel)
#include "tst_capturepanel.moc"
