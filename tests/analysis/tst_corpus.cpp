#include "analysis/ResponseAnalyzer.h"
#include "scoring/DiscoveredBrands.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace geo;
using namespace Qt::StringLiterals;

// The corpus of answers in tests/data/answers: one Markdown file per answer, in the shapes
// the engines give today, beside a JSON file of what an analyst reads in it (see README there).
namespace {

const QString Corpus = QStringLiteral(GEOAUDIT_SOURCE_DIR "/tests/data/answers");

QJsonObject readJson(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return QJsonDocument::fromJson(f.readAll()).object();
}

QString readText(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return QString::fromUtf8(f.readAll());
}

// The tracked brands of corpus.json.
AuditSpec spec()
{
    const QJsonArray brands = readJson(Corpus + u"/corpus.json"_s)[u"tracked"_s].toArray();
    AuditSpec s;
    for (qsizetype i = 0; i < brands.size(); ++i) {
        const QJsonObject b = brands[i].toObject();
        BrandSpec brand{b[u"name"_s].toString(), {}, {}};
        for (const QJsonValue &alias : b[u"aliases"_s].toArray())
            brand.aliases << alias.toString();
        for (const QJsonValue &domain : b[u"domains"_s].toArray())
            brand.domains << domain.toString();
        if (i == 0)
            s.brand = brand;
        else
            s.competitors << brand;
    }
    return s;
}

QStringList answerFiles()
{
    return QDir(Corpus).entryList({u"[0-9]*.md"_s}, QDir::Files, QDir::Name); // not README.md
}

QString rankText(const QJsonValue &rank)
{
    return rank.isNull() ? u"unranked"_s : QString::number(rank.toInt());
}

// "Name: rank" lines, comparable and readable when they differ.
QStringList trackedOf(const Analysis &a, const AuditSpec &s)
{
    QStringList out;
    const QList<BrandSpec> brands = s.trackedBrands();
    for (qsizetype b = 0; b < brands.size(); ++b)
        if (a.brands[b].mentioned())
            out << brands[b].name + u": "_s + (a.brands[b].rank ? QString::number(*a.brands[b].rank) : u"unranked"_s);
    return out;
}

QStringList discoveredOf(const Analysis &a)
{
    QStringList out;
    for (const DiscoveredName &n : a.discovered)
        out << n.name + u": "_s + (n.rank > 0 ? QString::number(n.rank) : u"unranked"_s);
    return out;
}

QStringList brandRows(const QList<DiscoveredBrand> &brands)
{
    QStringList out;
    for (const DiscoveredBrand &d : brands)
        out << u"%1 | %2 | %3 answers | %4 | best rank %5 | share %6"_s.arg(
            d.name, d.products.join(u", "_s), QString::number(d.answers), d.engines.join(u","_s),
            d.bestRank ? QString::number(*d.bestRank) : u"none"_s,
            d.mentionShare ? QString::number(*d.mentionShare, 'f', 4) : u"n/a"_s);
    return out;
}

} // namespace

class TestCorpus : public QObject
{
    Q_OBJECT

private slots:
    void corpusIsComplete()
    {
        // At least 12 answers, each with its expectations.
        const QStringList files = answerFiles();
        QVERIFY(files.size() >= 12);
        for (const QString &f : files)
            QVERIFY2(QFile::exists(Corpus + u'/' + QString(f).replace(u".md"_s, u".json"_s)), qPrintable(f));
    }

    void answer_data()
    {
        QTest::addColumn<QString>("file");
        for (const QString &f : answerFiles())
            QTest::newRow(qPrintable(f)) << f;
    }

    // Each answer's tracked brands with their ranks, its discovered names with theirs, and its
    // citations, exactly.
    void answer()
    {
        QFETCH(QString, file);
        const AuditSpec s = spec();
        const QJsonObject expected = readJson(Corpus + u'/' + QString(file).replace(u".md"_s, u".json"_s));
        const Analysis a = ResponseAnalyzer(s).analyze(readText(Corpus + u'/' + file), {});

        QStringList tracked;
        const QJsonObject ranks = expected[u"tracked"_s].toObject();
        for (const BrandSpec &b : s.trackedBrands())
            if (ranks.contains(b.name))
                tracked << b.name + u": "_s + rankText(ranks[b.name]);
        QCOMPARE(trackedOf(a, s), tracked);

        QStringList discovered;
        for (const QJsonValue &d : expected[u"discovered"_s].toArray())
            discovered << d[u"name"_s].toString() + u": "_s + rankText(d[u"rank"_s]);
        QCOMPARE(discoveredOf(a), discovered);

        QStringList citations;
        for (const QJsonValue &c : expected[u"citations"_s].toArray())
            citations << c.toString();
        QStringList cited;
        for (const CitationRef &c : a.citations)
            cited << c.url;
        QCOMPARE(cited, citations);
    }

    // The corpus as one audit: its names grouped into brands, and the targets of discovery.
    void corpusAsOneAudit()
    {
        const AuditSpec s = spec();
        const ResponseAnalyzer analyzer(s);
        QList<ScoredAnswer> answers;
        int names = 0, brandNames = 0;
        QHash<QString, int> namedBy; // an untracked brand's key -> answers naming it, by hand
        for (const QString &f : answerFiles()) {
            const QJsonObject expected = readJson(Corpus + u'/' + QString(f).replace(u".md"_s, u".json"_s));
            ScoredAnswer answer;
            answer.engine = expected[u"engine"_s].toString();
            answer.discovered = analyzer.analyze(readText(Corpus + u'/' + f), {}).discovered;
            QSet<QString> truth;
            for (const QJsonValue &b : expected[u"untracked_brands"_s].toArray()) {
                truth << DiscoveredBrands::brandKey(b.toString());
                ++namedBy[DiscoveredBrands::brandKey(b.toString())];
            }
            for (const DiscoveredName &n : answer.discovered) {
                ++names;
                brandNames += truth.contains(DiscoveredBrands::brandKey(n.name)) ? 1 : 0;
            }
            answers << answer;
        }
        QStringList trackedNames;
        for (const BrandSpec &b : s.trackedBrands())
            trackedNames << b.names();
        const QList<DiscoveredBrand> brands = DiscoveredBrands::group(answers, trackedNames);

        QStringList expected;
        for (const QJsonValue &row : readJson(Corpus + u"/corpus.json"_s)[u"discovered_brands"_s].toArray())
            expected << row.toString();
        QCOMPARE(brandRows(brands), expected);

        // Of the discovered names, how many are an untracked brand's or product's.
        const double precision = names == 0 ? 0.0 : double(brandNames) / names;
        // Of the untracked brands three or more answers name, how many are discovered.
        int common = 0, found = 0;
        for (auto it = namedBy.cbegin(); it != namedBy.cend(); ++it) {
            if (it.value() < 3)
                continue;
            ++common;
            found += std::any_of(brands.cbegin(), brands.cend(), [&it](const DiscoveredBrand &d) {
                return DiscoveredBrands::brandKey(d.name) == it.key();
            });
        }
        const double recall = common == 0 ? 0.0 : double(found) / common;
        qInfo("discovered names that are brands: %d of %d (%.1f%%)", brandNames, names, 100.0 * precision);
        qInfo("untracked brands named by 3+ answers that are discovered: %d of %d (%.1f%%)", found, common,
              100.0 * recall);
        QVERIFY(common >= 4);
        QVERIFY2(precision >= 0.90, qPrintable(QString::number(precision)));
        QVERIFY2(recall >= 0.85, qPrintable(QString::number(recall)));
    }
};

QTEST_GUILESS_MAIN(TestCorpus)
#include "tst_corpus.moc"
