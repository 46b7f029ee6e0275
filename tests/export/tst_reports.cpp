// The reports of the demo audit: the JSON has the scorer's figures, the HTML is one
// self-contained file that Chromium renders, the PDF has pages that poppler renders.
#include "export/CsvExporter.h"
#include "export/HtmlReport.h"
#include "export/JsonReport.h"
#include "export/ReportData.h"
#include "export/ReportDocument.h"
#include "export/ReportWriter.h"
#include "run/AuditRunner.h"
#include "scoring/AuditScoring.h"
#include "scoring/Figures.h"
#include "spec/SpecReader.h"
#include "store/AuditStore.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QRegularExpression>
#include <QSemaphore>
#include <QSet>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>
#include <QUrl>
#include <QXmlStreamReader>
#include <QtConcurrent/QtConcurrentRun>

#include <cmath>

using namespace geo;
using namespace Qt::StringLiterals;

namespace {

// A competitor's name with markup in it: the reports must show it, never run it.
const QString Untrusted = u"Pipewise <b>& Co"_s;

// A citation as the store gives it: its URL, registrable domain and owner.
CitationRef cited(const QString &url, const QString &domain, int owner = -1)
{
    return {url, QUrl(url).host(), domain, owner, CitationRef::Source::Text, 0};
}

// Brand 0 Acme (acme.example), brand 1 Pipewise; answers of gpt mention Acme, claude's none.
ScoringInput sourcesInput(bool withClaude)
{
    ScoringInput in;
    in.auditId = withClaude ? 2 : 1;
    in.brands = {u"Acme"_s, u"Pipewise"_s};
    ScoredAnswer gpt{u"gpt"_s, u"best-of"_s, {}, false, QList<BrandFigures>(2), {}, {}, {}};
    gpt.brands[0].mentions = 1;
    gpt.brands[0].order = 1;
    gpt.citations = {cited(u"https://www.reddit.com/r/crm/"_s, u"reddit.com"_s),
                     cited(u"https://acme.example/"_s, u"acme.example"_s, 0)};
    ScoredAnswer claude{u"claude"_s, u"best-of"_s, {}, false, QList<BrandFigures>(2), {}, {}, {}};
    claude.citations = {cited(u"https://www.youtube.com/watch?v=1"_s, u"youtube.com"_s)};
    in.answers = withClaude ? QList<ScoredAnswer>{gpt, claude} : QList<ScoredAnswer>{gpt};
    return in;
}

AuditSpec demo()
{
    auto read = SpecReader::readFile(u":/examples/demo-audit.json"_s);
    Q_ASSERT(read.spec);
    AuditSpec spec = *read.spec;
    for (auto &e : spec.engines)
        e.speed = 200; // still asynchronous, but quick
    return spec;
}

// Runs a tool with a timeout; the tool's stderr on failure.
bool runTool(const QString &program, const QStringList &args, int timeoutMs, QString *error)
{
    QProcess p;
    p.start(program, args);
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        *error = u"%1 did not finish within %2 s"_s.arg(program).arg(timeoutMs / 1000);
        return false;
    }
    *error = QString::fromLocal8Bit(p.readAllStandardError()).right(2000);
    return p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

// How many colours an image has, up to a limit: one means blank.
int colours(const QImage &image, int limit = 16)
{
    QSet<QRgb> seen;
    const QImage rgb = image.convertToFormat(QImage::Format_RGB32);
    for (int y = 0; y < rgb.height(); y += 2)
        for (int x = 0; x < rgb.width(); x += 2) {
            seen.insert(rgb.pixel(x, y));
            if (seen.size() >= limit)
                return limit;
        }
    return int(seen.size());
}

bool same(double a, double b)
{
    return std::abs(a - b) <= 1e-9 * std::max(1.0, std::abs(b));
}

} // namespace

class TestReports : public QObject
{
    Q_OBJECT

private slots:
    // Two demo audits of one series, the second naming a competitor with markup.
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_store = std::make_unique<AuditStore>(m_dir.filePath(u"a.sqlite"_s));
        QNetworkAccessManager network;
        for (int run = 0; run < 2; ++run) {
            AuditSpec spec = demo();
            if (run == 1) {
                QCOMPARE(spec.competitors[0].name, u"Pipewise"_s);
                spec.competitors[0].name = Untrusted;
                spec.competitors[0].aliases = {u"Pipewise"_s};
            }
            AuditRunner runner(m_store.get(), &network);
            QSignalSpy finished(&runner, &AuditRunner::finished);
            runner.start(spec);
            QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 120000);
            QCOMPARE(finished[0][1].toString(), u"finished"_s);
        }
        auto loaded = ReportData::loadLater(m_store.get(), 2);
        QTRY_VERIFY_WITH_TIMEOUT(loaded.isFinished(), 30000);
        QVERIFY2(loaded.result().ok(), loaded.result().ok() ? "" : qPrintable(loaded.result().error()));
        m_data = loaded.result().value();
        auto scores = AuditScoring::scores(m_store.get(), 2);
        QTRY_VERIFY_WITH_TIMEOUT(scores.isFinished(), 30000);
        QVERIFY(scores.result().ok());
        m_scores = scores.result().value();

        QElapsedTimer timer;
        timer.start();
        const auto written = ReportWriter::write(m_data, m_dir.filePath(u"out"_s), {u"json"_s, u"html"_s, u"pdf"_s});
        QVERIFY2(written.ok(), written.ok() ? "" : qPrintable(written.error()));
        QCOMPARE(written->size(), 3);
        qInfo("JSON, HTML and PDF written in %lld ms", timer.elapsed());
    }

    void formats_data()
    {
        QTest::addColumn<QString>("list");
        QTest::addColumn<QStringList>("formats"); // empty: an error naming the valid ones
        QTest::newRow("csv") << u"csv"_s << QStringList{u"csv"_s};
        QTest::newRow("all, any case") << u"csv,JSON, html,pdf"_s
                                       << QStringList{u"csv"_s, u"json"_s, u"html"_s, u"pdf"_s};
        QTest::newRow("repeated") << u"html,html"_s << QStringList{u"html"_s};
        QTest::newRow("unknown") << u"csv,docx"_s << QStringList{};
        QTest::newRow("empty") << u","_s << QStringList{};
    }

    void formats()
    {
        QFETCH(QString, list);
        QFETCH(QStringList, formats);
        const Result<QStringList> parsed = ReportWriter::parseFormats(list);
        if (formats.isEmpty()) {
            QVERIFY(!parsed.ok());
            QVERIFY2(parsed.error().contains(u"csv, json, html, pdf"_s), qPrintable(parsed.error()));
        } else {
            QVERIFY(parsed.ok());
            QCOMPARE(parsed.value(), formats);
        }
    }

    // Every figure of every cut and brand equals the scorer's; n/a is null.
    void jsonHasEveryFigure()
    {
        const QJsonObject json = readJson();
        QCOMPARE(json[u"format"_s].toString(), u"geoaudit-report"_s);
        QCOMPARE(json[u"audit"_s][u"id"_s].toInt(), 2);
        QCOMPARE(json[u"brands"_s].toArray().at(1).toString(), Untrusted);
        QCOMPARE(json[u"headline_cut"_s].toString(), u"non-branded"_s);
        QCOMPARE(json[u"score_formula"_s].toString(), m_scores.weights.formula());
        QCOMPARE(json[u"run"_s][u"answered"_s].toInt(), 192);
        QCOMPARE(json[u"spec"_s][u"prompts"_s].toArray().size(), 12);
        const QJsonArray cuts = json[u"cuts"_s].toArray();
        QCOMPARE(cuts.size(), m_scores.cuts.size());
        int checked = 0;
        for (qsizetype c = 0; c < cuts.size(); ++c) {
            QCOMPARE(cuts[c][u"cut"_s].toString(), m_scores.cuts[c].cut);
            const QJsonArray brands = cuts[c][u"brands"_s].toArray();
            QCOMPARE(brands.size(), m_scores.brands.size());
            for (qsizetype b = 0; b < brands.size(); ++b) {
                QCOMPARE(brands[b][u"brand"_s].toString(), m_scores.brands[b]);
                const QJsonObject got = brands[b][u"figures"_s].toObject();
                for (const Figure &f : figures(m_scores.cuts[c].brands[b])) {
                    const QString where = m_scores.cuts[c].cut + u' ' + m_scores.brands[b] + u' ' + f.name;
                    QVERIFY2(got.contains(f.name), qPrintable(where));
                    if (!f.value) {
                        QVERIFY2(got[f.name].isNull(), qPrintable(where));
                    } else {
                        QVERIFY2(same(got[f.name].toDouble(), *f.value), qPrintable(where));
                    }
                    ++checked;
                }
            }
        }
        QVERIFY(checked > 500);
    }

    // Audit 2 follows audit 1 of the same name; the renamed competitor has no previous figures.
    void jsonComparesWithThePreviousAudit()
    {
        const QJsonObject json = readJson();
        QCOMPARE(json[u"previous_audit"_s][u"id"_s].toInt(), 1);
        const QJsonObject brand = json[u"cuts"_s][0][u"brands"_s][0].toObject();
        QCOMPARE(brand[u"previous"_s][u"visibility"_s].toDouble(), brand[u"figures"_s][u"visibility"_s].toDouble());
        QCOMPARE(brand[u"change"_s][u"visibility"_s].toDouble(), 0.0); // the same recorded answers
        QCOMPARE(brand[u"intervals_overlap"_s].toBool(), true);
        const QJsonObject renamed = json[u"cuts"_s][0][u"brands"_s][1].toObject();
        QVERIFY(renamed[u"previous"_s][u"visibility"_s].isNull());
        QVERIFY(renamed[u"intervals_overlap"_s].isNull());
    }

    void jsonHasDomainsDiscoveredAndFailures()
    {
        const QJsonObject json = readJson();
        QJsonObject brightlane;
        for (const QJsonValue &d : json[u"domains"_s].toArray())
            if (d[u"domain"_s].toString() == u"brightlane.example"_s)
                brightlane = d.toObject();
        QCOMPARE(brightlane[u"owner"_s].toString(), u"Brightlane CRM"_s);
        QCOMPARE(brightlane[u"owner_role"_s].toString(), u"brand"_s);
        QVERIFY(brightlane[u"readiness"_s].toInt() > 0);
        QCOMPARE(brightlane[u"inspection"_s][u"points"_s].toObject().size(), 6);
        // The demo's untracked brands over its 192 answers: FunnelForge, in 37 answers, leads
        // items, rows or headings in 32 (best 2nd; the others name it in prose), Zendora in 28.
        const QJsonArray discovered = json[u"discovered"_s].toArray();
        QCOMPARE(discovered.size(), 2);
        QCOMPARE(discovered[0][u"name"_s].toString(), u"FunnelForge"_s);
        QCOMPARE(discovered[0][u"products"_s].toArray().size(), 0);
        QCOMPARE(discovered[0][u"answers"_s].toInt(), 32);
        QCOMPARE(discovered[0][u"engines"_s].toArray(), (QJsonArray{u"claude"_s, u"gpt"_s}));
        QCOMPARE(discovered[0][u"best_rank"_s].toInt(), 2);
        QCOMPARE(discovered[0][u"mention_share"_s].toDouble(), 32.0 / 192.0);
        QCOMPARE(discovered[1][u"name"_s].toString(), u"Zendora"_s);
        QCOMPARE(discovered[1][u"answers"_s].toInt(), 28);
        QCOMPARE(discovered[1][u"best_rank"_s].toInt(), 1);
        QCOMPARE(json[u"failures"_s][u"total"_s].toInt(), 0);
    }

    void htmlIsSelfContainedAndEscaped()
    {
        const QString html = readHtml();
        QCOMPARE(html.count(u"<svg "_s), 5);
        for (const QString &id : {u"chart-visibility"_s, u"chart-share-of-voice"_s, u"chart-rank-distribution"_s,
                                  u"chart-citation-owners"_s, u"chart-readiness"_s})
            QVERIFY2(html.contains(u"<svg xmlns=\"http://www.w3.org/2000/svg\" id=\""_s + id + u'"'), qPrintable(id));
        for (const QString &banned : {u"<script"_s, u"src="_s, u"href="_s, u"url("_s, u"@import"_s, u"<link"_s})
            QVERIFY2(!html.contains(banned, Qt::CaseInsensitive), qPrintable(banned));
        QVERIFY(html.contains(u"Pipewise &lt;b&gt;&amp; Co"_s));
        QVERIFY(!html.contains(u"<b>"_s));
        QVERIFY(html.contains(m_scores.weights.formula())); // printed beside the score
        QVERIFY(html.contains(u"@media print"_s));
        // Well-formed XML: every element closed and every text escaped.
        QXmlStreamReader xml(html);
        int elements = 0;
        while (!xml.atEnd())
            if (xml.readNext() == QXmlStreamReader::StartElement)
                ++elements;
        QVERIFY2(!xml.hasError(), qPrintable(u"line %1: %2"_s.arg(xml.lineNumber()).arg(xml.errorString())));
        QVERIFY(elements > 500);
    }

    // The reports go to people who have the report, not this repository: they name no
    // document file (the HTML and the PDF are drawn from the same ReportDocument).
    void reportsNameNoDocumentFile()
    {
        const QRegularExpression documentFile(u"[A-Za-z_-]+\\.md\\b"_s);
        QCOMPARE(readHtml().count(documentFile), 0);
        QFile json(m_dir.filePath(u"out/report.json"_s));
        QVERIFY(json.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(json.readAll()).count(documentFile), 0);
    }

    // A brand never mentioned and a cut without answers: figures say n/a, not 0.
    void notApplicableFiguresSayNa()
    {
        ReportData data;
        data.audit.id = 9;
        data.audit.name = u"empty"_s;
        data.audit.state = AuditState::Finished;
        data.scores.brands = {u"A"_s, u"B"_s};
        ScoredAnswer answer{u"gpt"_s, u"custom"_s, {}, true, QList<BrandFigures>(2), {}, {}, {}};
        data.scores.cuts = Scorer(2).score({answer});
        QCOMPARE(data.headlineCut(), u"all"_s); // no non-branded answers
        const QJsonObject json = JsonReport::render(data);
        const QJsonObject a = json[u"cuts"_s][0][u"brands"_s][0][u"figures"_s].toObject();
        QVERIFY(a[u"share_of_voice"_s].isNull());
        QCOMPARE(a[u"visibility"_s].toDouble(), 0.0);
        const QString html = QString::fromUtf8(HtmlReport::render(ReportDocument::build(data)));
        const qsizetype sov = html.indexOf(u"id=\"chart-share-of-voice\""_s);
        QVERIFY(sov > 0);
        QVERIFY(html.indexOf(u">n/a</text>"_s, sov) > sov);
        QVERIFY(html.contains(u"<td class=\"n\">n/a</td>"_s));
    }

    void chromiumRendersTheHtml()
    {
        const QString chromium = QStandardPaths::findExecutable(u"chromium"_s);
        QVERIFY2(!chromium.isEmpty(),
                 "chromium is not installed (Debian package chromium, in packaging/debian-packages.txt)");
        QTemporaryDir profile;
        const QString shot = m_dir.filePath(u"report-html.png"_s);
        QElapsedTimer timer;
        timer.start();
        QString error;
        // --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start.
        const bool ran
            = runTool(chromium,
                      {u"--headless"_s, u"--no-sandbox"_s, u"--disable-gpu"_s, u"--disable-dev-shm-usage"_s,
                       u"--user-data-dir="_s + profile.path(), u"--screenshot="_s + shot, u"--window-size=1280,2000"_s,
                       u"--hide-scrollbars"_s, QUrl::fromLocalFile(m_dir.filePath(u"out/report.html"_s)).toString()},
                      120000, &error);
        QVERIFY2(ran, qPrintable(error));
        qInfo("chromium took %lld ms", timer.elapsed());
        const QImage image(shot);
        QVERIFY2(!image.isNull(), "no screenshot");
        QCOMPARE(image.size(), QSize(1280, 2000));
        QVERIFY(colours(image) >= 16);
    }

    void popplerRendersThePdf()
    {
        const QString pdftoppm = QStandardPaths::findExecutable(u"pdftoppm"_s);
        QVERIFY2(!pdftoppm.isEmpty(),
                 "pdftoppm is not installed (Debian package poppler-utils, in packaging/debian-packages.txt)");
        QString error;
        QVERIFY2(runTool(pdftoppm,
                         {u"-png"_s, u"-r"_s, u"50"_s, m_dir.filePath(u"out/report.pdf"_s), m_dir.filePath(u"page"_s)},
                         60000, &error),
                 qPrintable(error));
        const QStringList pages = QDir(m_dir.path()).entryList({u"page-*.png"_s}, QDir::Files, QDir::Name);
        QVERIFY2(pages.size() >= 2, qPrintable(pages.join(u' ')));
        for (const QString &page : pages) {
            const QImage image(m_dir.filePath(page));
            QVERIFY2(!image.isNull(), qPrintable(page));
            QVERIFY2(std::abs(image.width() - 413) <= 1, qPrintable(page)); // A4 at 50 dpi
            QVERIFY2(colours(image, 4) >= 4, qPrintable(page + u" is blank"_s));
        }
    }

    // Scoring and exports never wait for Qt's global pool, which the GUI's raster painting
    // uses and waits on: with every global thread taken, both still finish.
    void workDoesNotNeedQtsGlobalPool()
    {
        QSemaphore release;
        const int taken = QThreadPool::globalInstance()->maxThreadCount();
        QList<QFuture<void>> blockers;
        for (int i = 0; i < taken; ++i)
            blockers << QtConcurrent::run([&release] { release.acquire(); });
        auto scores = AuditScoring::scores(m_store.get(), 2);
        auto exported = CsvExporter::exportAudit(m_store.get(), 2, m_dir.filePath(u"csv-pool"_s));
        const bool finished = QTest::qWaitFor([&] { return scores.isFinished() && exported.isFinished(); }, 30000);
        release.release(taken);
        for (QFuture<void> &blocker : blockers)
            blocker.waitForFinished();
        QVERIFY(finished);
        QVERIFY(scores.result().ok());
        QCOMPARE(exported.result().value().size(), CsvExporter::fileNames().size());
    }

    // A CSV export counts the rows it writes as it goes; asked to stop, it ends with an error
    // that says so and leaves no half-written file.
    void csvExportCountsRowsAndStopsWhenCancelled()
    {
        auto progress = std::make_shared<CsvExporter::Progress>();
        CsvExporter::Progress &counted = *progress;
        const QString all = m_dir.filePath(u"csv-all"_s);
        auto done = CsvExporter::exportAudit(m_store.get(), 2, all, progress);
        QTRY_VERIFY_WITH_TIMEOUT(done.isFinished(), 30000);
        QVERIFY(done.result().ok());
        qint64 records = 0;
        for (const QString &name : CsvExporter::fileNames()) {
            if (name == u"scores.csv"_s)
                continue; // computed, not counted row by row
            QFile f(QDir(all).filePath(name));
            QVERIFY(f.open(QIODevice::ReadOnly));
            int lines = 0;
            while (!f.atEnd())
                lines += f.readLine().isEmpty() ? 0 : 1;
            records += lines - 1; // the header
        }
        QVERIFY(counted.rows > 192);
        QVERIFY2(counted.rows <= records,
                 qPrintable(u"%1 rows counted, %2 lines"_s.arg(counted.rows.load()).arg(records)));

        auto cancelling = std::make_shared<CsvExporter::Progress>();
        CsvExporter::Progress &stopped = *cancelling;
        stopped.cancelled = true;
        const QString none = m_dir.filePath(u"csv-none"_s);
        auto cancelled = CsvExporter::exportAudit(m_store.get(), 2, none, cancelling);
        QTRY_VERIFY_WITH_TIMEOUT(cancelled.isFinished(), 30000);
        QVERIFY(!cancelled.result().ok());
        QVERIFY2(cancelled.result().error().contains(u"cancelled"_s), qPrintable(cancelled.result().error()));
        QCOMPARE(QDir(none).entryList(QDir::Files), QStringList());
        QCOMPARE(stopped.rows.load(), 0);
    }

    // scores.csv's source-type rows, hand-computed: the cut's citations as a whole (brand
    // empty, role all), and a brand's among the answers that mention it, against a previous
    // audit that had gpt's answer alone.
    void scoresCsvHasSourceTypeRows_data()
    {
        QTest::addColumn<QString>("key");        // cut|brand|role|figure
        QTest::addColumn<QStringList>("values"); // value, previous_audit, previous_value, change
        QTest::newRow("all citations") << u"all||all|citations"_s << QStringList{u"3"_s, u"1"_s, u"2"_s, u"1"_s};
        QTest::newRow("all forum") << u"all||all|source_share_forum"_s
                                   << QStringList{u"0.333333333333"_s, u"1"_s, u"0.5"_s, u"-0.166666666667"_s};
        QTest::newRow("all video") << u"all||all|source_share_video"_s
                                   << QStringList{u"0.333333333333"_s, u"1"_s, u"0"_s, u"0.333333333333"_s};
        QTest::newRow("all own") << u"all||all|source_share_own"_s
                                 << QStringList{u"0.333333333333"_s, u"1"_s, u"0.5"_s, u"-0.166666666667"_s};
        QTest::newRow("all other") << u"all||all|source_share_other"_s << QStringList{u"0"_s, u"1"_s, u"0"_s, u"0"_s};
        QTest::newRow("claude, new") << u"engine=claude||all|source_share_video"_s
                                     << QStringList{u"1"_s, u"1"_s, QString(), QString()};
        QTest::newRow("gpt forum") << u"engine=gpt||all|source_share_forum"_s
                                   << QStringList{u"0.5"_s, u"1"_s, u"0.5"_s, u"0"_s};
        QTest::newRow("Acme's citations")
            << u"all|Acme|brand|mentioning_answer_citations"_s << QStringList{u"2"_s, u"1"_s, u"2"_s, u"0"_s};
        QTest::newRow("Acme's own") << u"all|Acme|brand|source_share_own"_s
                                    << QStringList{u"0.5"_s, u"1"_s, u"0.5"_s, u"0"_s};
        QTest::newRow("Acme's video") << u"all|Acme|brand|source_share_video"_s
                                      << QStringList{u"0"_s, u"1"_s, u"0"_s, u"0"_s};
        QTest::newRow("Pipewise: no citations, n/a")
            << u"all|Pipewise|competitor|source_share_forum"_s << QStringList{QString(), u"1"_s, QString(), QString()};
        QTest::newRow("Pipewise's count")
            << u"all|Pipewise|competitor|mentioning_answer_citations"_s << QStringList{u"0"_s, u"1"_s, u"0"_s, u"0"_s};
    }

    void scoresCsvHasSourceTypeRows()
    {
        QFETCH(QString, key);
        QFETCH(QStringList, values);
        ScoredAudit scored{AuditScoring::score(sourcesInput(true)), AuditScoring::score(sourcesInput(false)), {}};
        scored.changes = ScoreComparison::compare(scored.scores, &*scored.previous);
        const QString path = m_dir.filePath(u"source-scores.csv"_s);
        QVERIFY(CsvExporter::writeScores(scored, path).ok());
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = f.readAll().trimmed().split('\n');
        QHash<QString, QStringList> rows;
        for (const QByteArray &line : lines.mid(1)) {
            const QStringList cells = QString::fromUtf8(line).trimmed().split(u',');
            QCOMPARE(cells.size(), 9);
            rows.insert(cells.mid(0, 4).join(u'|'), cells.mid(4, 4));
        }
        // Every cut (all, non-branded, branded, 2 engines, 1 category) has 2 brands × 39
        // figures and 12 rows of its own.
        QCOMPARE(lines.size() - 1, 6 * (2 * 39 + 12));
        QCOMPARE(rows.value(key), values);
    }

    // The demo's citations, each of one type: the types' shares add up to 1 in every cut.
    void demoSourceSharesAddUp()
    {
        const QJsonArray cuts = readJson()[u"cuts"_s].toArray();
        QCOMPARE(cuts.size(), m_scores.cuts.size());
        for (const QJsonValue &cut : cuts) {
            const QJsonObject sources = cut[u"sources"_s].toObject();
            const CutScores *scored = m_scores.cut(cut[u"cut"_s].toString());
            QVERIFY(scored);
            int domainCitations = 0;
            for (const DomainScore &d : scored->domains)
                domainCitations += d.citations;
            QCOMPARE(sources[u"citations"_s].toInt(), domainCitations);
            double sum = 0;
            for (int t = 0; t < SourceTypeCount; ++t)
                sum += sources[u"source_share_"_s + sourceTypeName(SourceType(t))].toDouble();
            QVERIFY2(domainCitations == 0 || std::abs(sum - 1.0) < 1e-9, qPrintable(QString::number(sum)));
        }
        QVERIFY(readHtml().contains(u"What kind of sources the engines cite"_s));
    }

private:
    QJsonObject readJson()
    {
        QFile f(m_dir.filePath(u"out/report.json"_s));
        if (!f.open(QIODevice::ReadOnly))
            return {};
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &error);
        if (error.error != QJsonParseError::NoError)
            qWarning("report.json: %s", qPrintable(error.errorString()));
        return doc.object();
    }

    QString readHtml()
    {
        QFile f(m_dir.filePath(u"out/report.html"_s));
        return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
    }

    QTemporaryDir m_dir;
    std::unique_ptr<AuditStore> m_store;
    ReportData m_data;
    AuditScores m_scores;
};

QTEST_MAIN(TestReports)
#include "tst_reports.moc"
