#include "CliFixtures.h"
#include "FakeEngineServer.h"
#include "FakeWeb.h"
#include "TestDatabases.h"
#include "store/AuditStore.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

#include <unistd.h>

using namespace Qt::StringLiterals;

using CliFixtures::queryRows;

namespace {

struct Outcome
{
    int exitCode = -1;
    QString out;
    QString err;
};

// Runs a program to its end while this process's event loop keeps serving: fake engines and
// the fake web live here.
Outcome runToEnd(const QString &program, const QStringList &args,
                 const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment())
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(program, args);
    if (!QTest::qWaitFor([&p] { return p.state() == QProcess::NotRunning; }, 120000))
        return {};
    Outcome o{p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
    if (p.exitStatus() != QProcess::NormalExit) {
        // A crash (or a sanitizer's abort) is reported with what the program said last, since
        // the comparison that fails on exit code -1 shows nothing else.
        qWarning("%s %s crashed; its standard error ends with:\n%s", qPrintable(program), qPrintable(args.join(u' ')),
                 qPrintable(o.err.right(6000)));
        o.exitCode = -1;
    }
    return o;
}

const QString CliProgram = QStringLiteral(GEOAUDIT_BIN_DIR "/geoaudit-cli");

Outcome cli(const QStringList &args, const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment())
{
    return runToEnd(CliProgram, args, env);
}

QString demoSpec()
{
    return QStringLiteral(GEOAUDIT_SOURCE_DIR) + u"/resources/examples/demo-audit.json"_s;
}

QList<QByteArray> lines(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll().split('\n');
}

// scores.csv by "cut|brand|figure": value, previous_audit, previous_value, change,
// intervals_overlap. Its cuts and brand names hold no commas, so a split will do.
QHash<QString, QStringList> scoreRows(const QString &path)
{
    QHash<QString, QStringList> out;
    const QList<QByteArray> rows = lines(path);
    for (qsizetype r = 1; r < rows.size(); ++r) {
        const QStringList f = QString::fromUtf8(rows[r]).trimmed().split(u',');
        if (f.size() == 9)
            out.insert(f[0] + u'|' + f[1] + u'|' + f[3], f.mid(4));
    }
    return out;
}

// A spec of `prompts` prompts "NAME: which CRM, question N?" asked once each of the fake
// engine, `concurrency` at a time; its path in dir.
QString writeFakeEngineSpec(const QTemporaryDir &dir, const FakeEngineServer &server, const QString &name, int prompts,
                            int concurrency)
{
    QStringList texts;
    for (int i = 0; i < prompts; ++i)
        texts << u"%1: which CRM, question %2?"_s.arg(name).arg(i);
    const QJsonObject spec = CliFixtures::fakeEngineSpec(name, texts, server.baseUrl(), concurrency);
    QFile f(dir.filePath(name + u".json"_s));
    f.open(QIODevice::WriteOnly);
    f.write(QJsonDocument(spec).toJson());
    return f.fileName();
}

// Every verb of the command table with its usage, as --help, `help VERB`, the argument errors
// and the man page give it.
const QList<std::pair<QString, QString>> VerbUsages{
    {u"help"_s, u"help [VERB]"_s},
    {u"run"_s,
     u"run SPEC|--demo [--db PATH] [--out DIR] [--format LIST] [--allow-private-hosts] [--proxy URL] [--yes] "
     "[--max-answers N] [--max-cost USD]"_s},
    {u"plan"_s, u"plan SPEC|--demo"_s},
    {u"resume"_s,
     u"resume [AUDIT_ID] [--db PATH] [--out DIR] [--format LIST] [--budget USD] "
     "[--allow-private-hosts] [--proxy URL] [--yes] [--max-answers N] [--max-cost USD]"_s},
    {u"import"_s, u"import SPEC FILE [--db PATH] [--out DIR] [--format LIST] [--allow-private-hosts] [--proxy URL]"_s},
    {u"key"_s, u"key set|delete NAME"_s},
    {u"analyze"_s, u"analyze FILE|- --spec SPEC"_s},
    {u"sentiment"_s, u"sentiment TEXT|-"_s},
    {u"inspect"_s,
     u"inspect URL|--html FILE [--url URL] [--record DIR] [--recorded DIR] [--allow-private-hosts] "
     "[--proxy URL]"_s},
    {u"robots-check"_s, u"robots-check ROBOTS_FILE USER_AGENT URL"_s},
    {u"list"_s, u"list [--db PATH]"_s},
    {u"export"_s, u"export AUDIT_ID --out DIR [--format LIST] [--db PATH]"_s},
    {u"rescore"_s, u"rescore AUDIT_ID [--db PATH] [--spec SPEC] [--out DIR] [--format LIST]"_s},
};

// Every option --help and the man page list (--man, which writes the page, is not one).
const QStringList OptionTags{u"--db PATH"_s,       u"--out DIR"_s,
                             u"--format LIST"_s,   u"--demo"_s,
                             u"--budget USD"_s,    u"--yes"_s,
                             u"--max-answers N"_s, u"--max-cost USD"_s,
                             u"--spec SPEC"_s,     u"--html FILE"_s,
                             u"--url URL"_s,       u"--record DIR"_s,
                             u"--recorded DIR"_s,  u"--allow-private-hosts"_s,
                             u"--proxy URL"_s,     u"-h, --help"_s,
                             u"-v, --version"_s};

// The usages in --help's list of verbs, each verb's wrapped lines joined again.
QStringList verbsInHelp(const QString &help)
{
    QStringList usages;
    const QStringList lines = help.section(u"\nOptions:\n"_s, 0, 0).split(u'\n');
    for (const QString &line : lines) {
        if (line.startsWith(u"  "_s) && line.size() > 2 && line[2].isLower())
            usages << line.mid(2);
        else if (!usages.isEmpty() && line.startsWith(u"      ["_s))
            usages.back() += u' ' + line.trimmed();
    }
    return usages;
}

// The tags of a man page's .TP entries in one section, as plain text.
QStringList manTags(const QString &roff, const QString &section)
{
    QStringList tags;
    const QStringList lines = roff.split(u'\n');
    QString current;
    for (qsizetype i = 0; i + 1 < lines.size(); ++i) {
        if (lines[i].startsWith(u".SH "_s))
            current = lines[i].mid(4);
        else if (lines[i] == u".TP"_s && current == section)
            tags << QString(lines[i + 1])
                        .remove(QRegularExpression(u"\\\\f[BIR]"_s))
                        .replace(u"\\-"_s, u"-"_s)
                        .replace(u"\\ "_s, u" "_s);
    }
    return tags;
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private slots:
    void helpExplainsEveryVerb()
    {
        const Outcome o = cli({u"--help"_s});
        QCOMPARE(o.exitCode, 0);
        for (const QString &verb : {u"run SPEC"_s, u"list"_s, u"export AUDIT_ID"_s, u"rescore AUDIT_ID"_s,
                                    u"--db PATH"_s, u"--out DIR"_s, u"--format LIST"_s})
            QVERIFY2(o.out.contains(verb), qPrintable(verb));
        QCOMPARE(cli({u"--version"_s}).exitCode, 0);
        QCOMPARE(cli({u"frobnicate"_s}).exitCode, 2);
    }

    // --help lists every verb of the table with its usage, in the table's order.
    void helpListsEveryVerb_data()
    {
        QTest::addColumn<int>("index");
        QTest::addColumn<QString>("usage");
        for (int i = 0; i < VerbUsages.size(); ++i)
            QTest::newRow(qPrintable(VerbUsages[i].first)) << i << VerbUsages[i].second;
    }

    void helpListsEveryVerb()
    {
        QFETCH(int, index);
        QFETCH(QString, usage);
        const Outcome o = cli({u"--help"_s});
        QCOMPARE(o.exitCode, 0);
        QCOMPARE(o.err, QString());
        const QStringList usages = verbsInHelp(o.out);
        QCOMPARE(usages.size(), VerbUsages.size());
        QCOMPARE(usages.value(index), usage);
    }

    // help VERB, and VERB --help, give that verb's usage, help and options, on stdout.
    void helpOfEachVerb_data()
    {
        QTest::addColumn<QString>("verb");
        QTest::addColumn<QString>("usage");
        for (const auto &[verb, usage] : VerbUsages)
            QTest::newRow(qPrintable(verb)) << verb << usage;
    }

    void helpOfEachVerb()
    {
        QFETCH(QString, verb);
        QFETCH(QString, usage);
        const Outcome o = cli({u"help"_s, verb});
        QCOMPARE(o.exitCode, 0);
        QCOMPARE(o.err, QString());
        const QString synopsis = o.out.section(u"\n\n"_s, 0, 0).simplified();
        QCOMPARE(synopsis, u"Usage: geoaudit-cli "_s + usage);
        const Outcome asked = cli({verb, u"--help"_s});
        QCOMPARE(asked.exitCode, 0);
        QCOMPARE(asked.out, o.out);
    }

    // One verb's help whole, as it reads; the default database follows XDG_DATA_HOME.
    void helpOfListVerbatim()
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"XDG_DATA_HOME"_s, u"/srv/data"_s);
        const Outcome o = cli({u"help"_s, u"list"_s}, env);
        QCOMPARE(o.exitCode, 0);
        QCOMPARE(o.out,
                 u"Usage: geoaudit-cli list [--db PATH]\n"
                 "\n"
                 "Lists the audits in the database: id, state, answers, failures, creation time\n"
                 "and name.\n"
                 "\n"
                 "Options:\n"
                 "  --db PATH    The database: an SQLite file, or a PostgreSQL database several\n"
                 "               analysts share, given as postgresql://user@host:port/dbname; its\n"
                 "               password comes from PGPASSWORD or ~/.pgpass, never from the URL.\n"
                 "               Default: /srv/data/geoaudit/audits.sqlite.\n"_s);
    }

    // Without a verb the help goes to stderr, and the exit status says it was not a command.
    void noVerbPrintsTheHelpAndExitsTwo()
    {
        const Outcome o = cli({});
        QCOMPARE(o.exitCode, 2);
        QCOMPARE(o.out, QString());
        QCOMPARE(o.err, cli({u"--help"_s}).out);
    }

    // A command line the table does not allow: one exact message, nothing done, exit 2.
    void argumentErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("error");
        const QString verbs = u"the verbs are help, run, plan, resume, import, key, analyze, sentiment, inspect, "
                              "robots-check, list, export and rescore"_s;
        const auto usage = [](const QString &verb) {
            for (const auto &[name, text] : VerbUsages)
                if (name == verb)
                    return u"; usage: geoaudit-cli "_s + text;
            return QString();
        };
        QTest::newRow("unknown verb") << QStringList{u"frobnicate"_s}
                                      << u"geoaudit-cli: unknown verb \"frobnicate\"; "_s + verbs
                + u"; see geoaudit-cli --help"_s;
        QTest::newRow("help of an unknown verb")
            << QStringList{u"help"_s, u"frobnicate"_s}
            << u"geoaudit-cli help: unknown verb \"frobnicate\"; "_s + verbs + usage(u"help"_s);
        QTest::newRow("missing argument")
            << QStringList{u"export"_s} << u"geoaudit-cli export: missing AUDIT_ID"_s + usage(u"export"_s);
        QTest::newRow("missing option") << QStringList{u"export"_s, u"1"_s}
                                        << u"geoaudit-cli export: missing --out DIR"_s + usage(u"export"_s);
        QTest::newRow("missing argument or option")
            << QStringList{u"run"_s} << u"geoaudit-cli run: missing SPEC or --demo"_s + usage(u"run"_s);
        QTest::newRow("missing word") << QStringList{u"key"_s}
                                      << u"geoaudit-cli key: missing set or delete"_s + usage(u"key"_s);
        QTest::newRow("wrong word") << QStringList{u"key"_s, u"show"_s, u"OPENAI_API_KEY"_s}
                                    << u"geoaudit-cli key: \"show\" is not set or delete"_s + usage(u"key"_s);
        QTest::newRow("missing required option")
            << QStringList{u"analyze"_s, u"answer.md"_s}
            << u"geoaudit-cli analyze: missing --spec SPEC"_s + usage(u"analyze"_s);
        QTest::newRow("unknown option") << QStringList{u"list"_s, u"--frobnicate"_s}
                                        << u"geoaudit-cli list: unknown option --frobnicate"_s + usage(u"list"_s);
        QTest::newRow("unknown option before the verb")
            << QStringList{u"--frobnicate"_s, u"list"_s}
            << u"geoaudit-cli list: unknown option --frobnicate"_s + usage(u"list"_s);
        QTest::newRow("unknown option, no verb")
            << QStringList{u"-x"_s} << u"geoaudit-cli: unknown option -x; see geoaudit-cli --help"_s;
        QTest::newRow("another verb's option") << QStringList{u"list"_s, u"--out"_s, u"dir"_s}
                                               << u"geoaudit-cli list: takes no --out"_s + usage(u"list"_s);
        QTest::newRow("option without its value")
            << QStringList{u"list"_s, u"--db"_s} << u"geoaudit-cli list: --db needs PATH"_s + usage(u"list"_s);
        QTest::newRow("flag with a value")
            << QStringList{u"inspect"_s, u"--allow-private-hosts=yes"_s, u"https://acme.example/"_s}
            << u"geoaudit-cli inspect: --allow-private-hosts takes no value"_s + usage(u"inspect"_s);
        QTest::newRow("unexpected argument")
            << QStringList{u"list"_s, u"audits"_s}
            << u"geoaudit-cli list: unexpected argument \"audits\""_s + usage(u"list"_s);
        QTest::newRow("argument and its alternative")
            << QStringList{u"run"_s, u"spec.json"_s, u"--demo"_s}
            << u"geoaudit-cli run: give SPEC or --demo, not both"_s + usage(u"run"_s);
    }

    void argumentErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, error);
        QTemporaryDir home;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"XDG_DATA_HOME"_s, home.path());
        const Outcome o = cli(args, env);
        QCOMPARE(o.exitCode, 2);
        QCOMPARE(o.out, QString());
        QCOMPARE(o.err, error + u'\n');
        QCOMPARE(QDir(home.path()).entryList(QDir::NoDotAndDotDot | QDir::AllEntries), QStringList()); // no database
    }

    // The man page the build installs (geoaudit-cli --man) documents every verb, with the
    // usage --help gives, and every option.
    void manPageNamesEveryVerb_data() { helpOfEachVerb_data(); }

    void manPageNamesEveryVerb()
    {
        QFETCH(QString, verb);
        QFETCH(QString, usage);
        const Outcome o = cli({u"--man"_s});
        QCOMPARE(o.exitCode, 0);
        const QStringList tags = manTags(o.out, u"VERBS"_s);
        QCOMPARE(tags.size(), VerbUsages.size());
        const auto found = std::find_if(tags.begin(), tags.end(),
                                        [&](const QString &tag) { return tag.section(u' ', 0, 0) == verb; });
        QVERIFY2(found != tags.end(), qPrintable(verb));
        QCOMPARE(*found, usage);
    }

    void manPageNamesEveryOption_data()
    {
        QTest::addColumn<int>("index");
        QTest::addColumn<QString>("tag");
        for (int i = 0; i < OptionTags.size(); ++i)
            QTest::newRow(qPrintable(OptionTags[i])) << i << OptionTags[i];
    }

    void manPageNamesEveryOption()
    {
        QFETCH(int, index);
        QFETCH(QString, tag);
        const Outcome o = cli({u"--man"_s});
        QCOMPARE(o.exitCode, 0);
        const QStringList tags = manTags(o.out, u"OPTIONS"_s);
        QCOMPARE(tags.size(), OptionTags.size());
        QCOMPARE(tags.value(index), tag);
        // --help lists the same options, in the same order.
        const QString help = cli({u"--help"_s}).out.section(u"\nOptions:\n"_s, 1);
        QStringList helpTags;
        for (const QString &line : help.split(u'\n'))
            if (line.startsWith(u"  -"_s))
                helpTags << line.mid(2).section(u"  "_s, 0, 0);
        QCOMPARE(helpTags.value(index), tag);
    }

    // man-db, as the package check runs it, has nothing to say about the page.
    void manPageHasNoWarnings()
    {
        QTemporaryDir dir;
        QFile page(dir.filePath(u"geoaudit-cli.1"_s));
        QVERIFY(page.open(QIODevice::WriteOnly));
        const Outcome o = cli({u"--man"_s});
        QCOMPARE(o.exitCode, 0);
        page.write(o.out.toUtf8());
        page.close();
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"LC_ALL"_s, u"C.UTF-8"_s);
        env.insert(u"MANWIDTH"_s, u"80"_s);
        const Outcome man = runToEnd(u"man"_s, {u"--warnings"_s, u"-l"_s, page.fileName()}, env);
        QCOMPARE(man.exitCode, 0);
        QCOMPARE(man.err, QString());
        QVERIFY2(man.out.contains(u"geoaudit-cli - ask AI answer engines"_s), qPrintable(man.out.left(400)));
    }

    void runsTheDemoAndWritesSixTables()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(u"a.sqlite"_s);
        const QString out = dir.filePath(u"out"_s);
        const Outcome o = cli({u"run"_s, demoSpec(), u"--db"_s, db, u"--out"_s, out});
        QVERIFY2(o.exitCode == 0, qPrintable(o.err));
        for (const QString &name :
             {u"answers"_s, u"mentions"_s, u"citations"_s, u"sites"_s, u"discovered"_s, u"scores"_s, u"failures"_s})
            QVERIFY2(QFile::exists(out + u'/' + name + u".csv"_s), qPrintable(name));
        const auto answers = lines(out + u"/answers.csv"_s);
        QVERIFY(answers[0].startsWith(
            "answer_id,engine,model,prompt,category,topic,branded,sample,status,attempts,latency_ms,"));
        // Progress is reported, but only a few times a second.
        QVERIFY(o.err.contains(u"192/192 done"_s));
        QVERIFY(o.err.count(u" done: "_s) < 40);

        // 192 answers: count records, not lines, since answers span lines inside quotes.
        QProcess count;
        const Outcome listed = cli({u"list"_s, u"--db"_s, db});
        QCOMPARE(listed.exitCode, 0);
        QVERIFY2(listed.out.contains(u"finished\t192/192\t0"_s), qPrintable(listed.out));
        const auto failures = lines(out + u"/failures.csv"_s);
        QCOMPARE(failures.size(), 2); // header and the empty string after its CRLF

        // Export again from the stored audit: the same answers table.
        const QString again = dir.filePath(u"again"_s);
        QCOMPARE(cli({u"export"_s, u"1"_s, u"--db"_s, db, u"--out"_s, again}).exitCode, 0);
        QCOMPARE(lines(again + u"/answers.csv"_s), answers);

        // The reports, headless: no display and no Qt platform chosen, as under cron.
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const QString &name : {u"DISPLAY"_s, u"WAYLAND_DISPLAY"_s, u"QT_QPA_PLATFORM"_s})
            env.remove(name);
        const QString reports = dir.filePath(u"reports"_s);
        const Outcome exported
            = cli({u"export"_s, u"1"_s, u"--db"_s, db, u"--out"_s, reports, u"--format"_s, u"json,html,pdf"_s}, env);
        QVERIFY2(exported.exitCode == 0, qPrintable(exported.err));
        for (const QString &name : {u"report.json"_s, u"report.html"_s, u"report.pdf"_s})
            QVERIFY2(QFileInfo(reports + u'/' + name).size() > 1000, qPrintable(name));
        QVERIFY(!QFile::exists(reports + u"/answers.csv"_s)); // only the formats asked for
        const Outcome unknown
            = cli({u"export"_s, u"1"_s, u"--db"_s, db, u"--out"_s, reports, u"--format"_s, u"csv,docx"_s});
        QCOMPARE(unknown.exitCode, 2);
        QVERIFY2(unknown.err.contains(u"csv, json, html, pdf"_s), qPrintable(unknown.err));
    }

    void rescoreWithANewAliasAsksNoEngine()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(u"a.sqlite"_s);
        // Two runs of the same spec: audits 1 and 2 of one series.
        QCOMPARE(cli({u"run"_s, demoSpec(), u"--db"_s, db}).exitCode, 0);
        QCOMPARE(cli({u"run"_s, demoSpec(), u"--db"_s, db}).exitCode, 0);
        const QString items
            = u"SELECT id, status, attempts, model, answer, latency_ms, tokens_in, tokens_out, answered_at, "
              "cost_usd, engine_citations FROM items WHERE audit_id = 2 ORDER BY id"_s;
        const QStringList itemsBefore = queryRows(db, items);
        QCOMPARE(itemsBefore.size(), 192);
        const QStringList failuresBefore = queryRows(db, u"SELECT COUNT(*) FROM failures"_s);

        // SalesNest (brand 3) gets "FunnelForge" as an alias. Counted directly: the answers
        // that named SalesNest, and those whose text names FunnelForge.
        QSet<QString> expected;
        for (const QString &id : queryRows(db,
                                           u"SELECT m.item_id FROM mentions m JOIN items i ON i.id = m.item_id "
                                           "WHERE i.audit_id = 2 AND m.brand_index = 3"_s))
            expected << id;
        const int before = int(expected.size());
        const QRegularExpression funnelForge(u"\\bFunnelForge\\b"_s);
        for (const QString &row : queryRows(db, u"SELECT id, answer FROM items WHERE audit_id = 2"_s))
            if (funnelForge.match(row.section(u'\t', 1)).hasMatch())
                expected << row.section(u'\t', 0, 0);
        QVERIFY(expected.size() > before);

        QFile demo(demoSpec());
        QVERIFY(demo.open(QIODevice::ReadOnly));
        QJsonObject spec = QJsonDocument::fromJson(demo.readAll()).object();
        QJsonArray competitors = spec[u"competitors"_s].toArray();
        QJsonObject salesNest = competitors[2].toObject();
        QCOMPARE(salesNest[u"name"_s].toString(), u"SalesNest"_s);
        salesNest[u"aliases"_s] = QJsonArray{u"Sales Nest"_s, u"FunnelForge"_s};
        competitors[2] = salesNest;
        spec[u"competitors"_s] = competitors;
        // The spec lives elsewhere now: its recorded files by their full names.
        const QString examples = QFileInfo(demoSpec()).absolutePath() + u'/';
        QJsonArray engines = spec[u"engines"_s].toArray();
        for (qsizetype e = 0; e < engines.size(); ++e) {
            QJsonObject engine = engines[e].toObject();
            engine[u"file"_s] = examples + engine[u"file"_s].toString();
            engines[e] = engine;
        }
        spec[u"engines"_s] = engines;
        QJsonObject analysis = spec[u"analysis"_s].toObject();
        analysis[u"recorded_sites"_s] = examples + analysis[u"recorded_sites"_s].toString();
        spec[u"analysis"_s] = analysis;
        QFile specFile(dir.filePath(u"alias.json"_s));
        QVERIFY(specFile.open(QIODevice::WriteOnly));
        specFile.write(QJsonDocument(spec).toJson());
        specFile.close();

        const Outcome o = cli({u"rescore"_s, u"2"_s, u"--db"_s, db, u"--spec"_s, specFile.fileName()});
        QVERIFY2(o.exitCode == 0, qPrintable(o.err));
        QVERIFY2(o.err.contains(u"analysed 192 stored answers again, no engine asked"_s), qPrintable(o.err));
        QVERIFY2(o.out.contains(u"all\tSalesNest\tmentioned_answers\t%1\t%2\n"_s.arg(before).arg(expected.size())),
                 qPrintable(o.out));
        QVERIFY(!o.out.contains(u"all\tPipewise\tmentioned_answers\t"_s));

        // No engine was asked: the answers and failures are as they were.
        QCOMPARE(queryRows(db, items), itemsBefore);
        QCOMPARE(queryRows(db, u"SELECT COUNT(*) FROM failures"_s), failuresBefore);

        // Exported beside audit 1 (the same answers, analysed with the old spec).
        const QString out = dir.filePath(u"out"_s);
        const Outcome exported = cli({u"export"_s, u"2"_s, u"--db"_s, db, u"--out"_s, out});
        QCOMPARE(exported.exitCode, 0);
        QVERIFY2(exported.err.contains(u"compares audit 2 with audit 1"_s), qPrintable(exported.err));
        QCOMPARE(lines(out + u"/scores.csv"_s).value(0).trimmed(),
                 QByteArray("cut,brand,role,figure,value,previous_audit,previous_value,change,intervals_overlap"));
        const auto scores = scoreRows(out + u"/scores.csv"_s);
        const QStringList mentioned = scores.value(u"all|SalesNest|mentioned_answers"_s);
        QCOMPARE(mentioned.value(0).toInt(), int(expected.size()));
        QCOMPARE(mentioned.value(1), u"1"_s);
        QCOMPARE(mentioned.value(2).toInt(), before);
        QVERIFY(scores.value(u"all|SalesNest|visibility"_s).value(3).toDouble() > 0);
        for (const QString &brand : {u"Brightlane CRM"_s, u"Pipewise"_s, u"Clientory"_s, u"Relata"_s}) {
            for (const QString &figure : {u"mentioned_answers"_s, u"mentions"_s, u"visibility"_s, u"citations"_s}) {
                const QStringList row = scores.value(u"all|"_s + brand + u'|' + figure);
                QVERIFY2(row.size() == 5 && row[3] == u"0"_s,
                         qPrintable(brand + u' ' + figure + u": "_s + row.join(u',')));
                QCOMPARE(row[4], u"1"_s); // the same visibility: the intervals overlap
            }
        }
        // FunnelForge is tracked now, no longer discovered.
        QFile discovered(out + u"/discovered.csv"_s);
        QVERIFY(discovered.open(QIODevice::ReadOnly));
        QVERIFY(!discovered.readAll().contains("FunnelForge"));
        QVERIFY(queryRows(db,
                          u"SELECT COUNT(*) FROM discovered d JOIN items i ON i.id = d.item_id "
                          "WHERE i.audit_id = 1 AND d.name = 'FunnelForge'"_s)
                    .value(0)
                    .toInt()
                > 0);

        QCOMPARE(cli({u"rescore"_s, u"9"_s, u"--db"_s, db}).exitCode, 2);
    }

    void badSpecExitsTwoNamingEveryProblem()
    {
        QTemporaryDir dir;
        QFile spec(dir.filePath(u"bad.json"_s));
        QVERIFY(spec.open(QIODevice::WriteOnly));
        spec.write(R"({"name": "bad", "brand": {"name": "Acme"}, )"
                   R"("competitors": [{"name": "A"}, {"name": "B"}, {"name": "C", "domains": ["acme..com"]}], )"
                   R"("samples": "two", "prompts": ["p"], )"
                   R"("engines": [{"id": "x", "kind": "bard", "model": "m"}]})");
        spec.close();
        const Outcome o = cli({u"run"_s, spec.fileName(), u"--db"_s, dir.filePath(u"a.sqlite"_s)});
        QCOMPARE(o.exitCode, 2);
        QVERIFY2(o.err.contains(u"3 problem(s)"_s), qPrintable(o.err));
        QVERIFY(o.err.contains(u"competitors[2].domains[0]: \"acme..com\" is not a domain name"_s));
        QVERIFY(o.err.contains(u"samples: "_s));
        QVERIFY(o.err.contains(u"engines[0].kind: "_s));
        QVERIFY(!QFile::exists(dir.filePath(u"a.sqlite"_s))); // nothing was started
    }

    void failedAnswersExitOne()
    {
        QTemporaryDir dir;
        QFile answers(dir.filePath(u"answers.jsonl"_s));
        QVERIFY(answers.open(QIODevice::WriteOnly));
        answers.write(R"({"prompt": "Best CRM?", "sample": 1, "answer": "=cmd|' /C calc'!A0 is **Acme**"})"
                      "\n");
        answers.close();
        QFile spec(dir.filePath(u"spec.json"_s));
        QVERIFY(spec.open(QIODevice::WriteOnly));
        spec.write(
            R"({"name": "t", "brand": {"name": "Acme"}, "templates": false, "prompts": ["Best CRM?", "Unrecorded?"], )"
            R"("engines": [{"id": "r", "kind": "recorded", "file": "answers.jsonl"}]})");
        spec.close();
        const QString out = dir.filePath(u"out"_s);
        const Outcome o = cli({u"run"_s, spec.fileName(), u"--db"_s, dir.filePath(u"a.sqlite"_s), u"--out"_s, out});
        QCOMPARE(o.exitCode, 1);
        QVERIFY(o.err.contains(u"not-recorded"_s));
        QCOMPARE(lines(out + u"/failures.csv"_s).size(), 3);
        // The answer that starts like a formula is neutralised in the export: prefixed with ',
        // and quoted as well, for spreadsheets that split fields on more than commas
        // (docs/csv-format.md).
        const QList<QByteArray> rows = lines(out + u"/answers.csv"_s);
        QCOMPARE(rows.size(), 4); // the header, both items, and nothing after the last CRLF
        QCOMPARE(rows.last(), QByteArray());
        QVERIFY(rows[0].endsWith('\r') && rows[1].endsWith('\r')); // CRLF line ends
        const QList<QByteArray> header = rows[0].chopped(1).split(',');
        const QList<QByteArray> answered = rows[1].chopped(1).split(',');
        QCOMPARE(answered.size(), header.size());
        QCOMPARE(answered.at(header.indexOf("prompt")), QByteArray("Best CRM?"));
        QCOMPARE(header.last(), QByteArray("answer"));
        QCOMPARE(answered.last(), QByteArray("\"'=cmd|' /C calc'!A0 is **Acme**\""));
    }

    void importKeepsGoodRowsAndReportsBadOnes()
    {
        QTemporaryDir dir;
        QFile answers(dir.filePath(u"answers.csv"_s));
        QVERIFY(answers.open(QIODevice::WriteOnly));
        answers.write("prompt,engine,answer,citations\n"
                      "What is the best CRM?,chatgpt-app,\"1. **Pipewise**\n2. **Brightlane "
                      "CRM**\",https://pipewise.example/pricing\n"
                      "What is the best CRM?,chatgpt-app,Relata is fine.,\n"
                      "Is it good?,ai overviews,x,\n"
                      "Is Brightlane CRM good?,ai-overviews,Brightlane CRM is fine.,\n");
        answers.close();
        const QString out = dir.filePath(u"out"_s);
        const Outcome o = cli(
            {u"import"_s, demoSpec(), answers.fileName(), u"--db"_s, dir.filePath(u"a.sqlite"_s), u"--out"_s, out});
        QCOMPARE(o.exitCode, 1);
        QVERIFY2(o.err.contains(u"answers.csv: line 5: engine \"ai overviews\""_s), qPrintable(o.err));
        QVERIFY(o.err.contains(u"importing 3 answer(s), leaving out 1 bad row(s)"_s));
        QFile csv(out + u"/answers.csv"_s);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(csv.readAll());
        QCOMPARE(text.count(u",analysed,"_s), 3);
        QVERIFY(text.contains(u",ai-overviews,"_s));
        QVERIFY(text.contains(u"Pipewise; Brightlane CRM"_s));
        QFile citations(out + u"/citations.csv"_s);
        QVERIFY(citations.open(QIODevice::ReadOnly));
        QVERIFY(citations.readAll().contains(
            "https://pipewise.example/pricing,pipewise.example,pipewise.example,Pipewise,competitor,engine"));
    }

    // A folder of answers' pages saved from the browser: each converted to Markdown with its
    // links as citations; a page without its prompt and engine is named and left out.
    void importsAFolderOfSavedPages()
    {
        QTemporaryDir dir;
        const QString pages = dir.filePath(u"pages"_s);
        QVERIFY(QDir().mkpath(pages));
        const auto copy = [&](const QString &fixture, const QString &name) {
            return QFile::copy(QStringLiteral(GEOAUDIT_SOURCE_DIR) + u"/tests/data/clipboard/"_s + fixture,
                               pages + u'/' + name);
        };
        QVERIFY(copy(u"chatgpt.html"_s, u"first.html"_s));
        QFile sidecar(pages + u"/first.json"_s);
        QVERIFY(sidecar.open(QIODevice::WriteOnly));
        sidecar.write(R"({"prompt": "What is the best budget phone?", "engine": "chatgpt-app"})");
        sidecar.close();
        QVERIFY(copy(u"perplexity.html"_s, u"perplexity__compare battery life.html"_s));
        QVERIFY(copy(u"ai-mode.html"_s, u"untitled.html"_s));
        const QString out = dir.filePath(u"out"_s);
        const Outcome o
            = cli({u"import"_s, demoSpec(), pages, u"--db"_s, dir.filePath(u"a.sqlite"_s), u"--out"_s, out});
        QCOMPARE(o.exitCode, 1);
        QVERIFY2(o.err.contains(u"untitled.html: no sidecar untitled.json and a name not of the form "
                                "ENGINE__PROMPT.html"_s),
                 qPrintable(o.err));
        QVERIFY(o.err.contains(u"importing 2 answer(s), leaving out 1 bad row(s)"_s));
        QFile csv(out + u"/answers.csv"_s);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(csv.readAll());
        QCOMPARE(text.count(u",analysed,"_s), 2);
        QVERIFY(text.contains(u",perplexity,"_s));
        QVERIFY(text.contains(u"### **1. [Lumo Phone 9a](https://www.lumophones.com/phone-9a)**"_s));
        QFile citations(out + u"/citations.csv"_s);
        QVERIFY(citations.open(QIODevice::ReadOnly));
        const QByteArray cited = citations.readAll();
        QVERIFY2(cited.contains("https://www.phonearena.com/news/lumo-9a-battery_id1552,www.phonearena.com,"
                                "phonearena.com,third party"),
                 cited.constData());
        QVERIFY(cited.contains("https://www.rtings.com/phone/reviews/best/budget,www.rtings.com,rtings.com"));
    }

    void planShowsPromptsAndCost()
    {
        QTemporaryDir dir;
        QFile spec(dir.filePath(u"spec.json"_s));
        QVERIFY(spec.open(QIODevice::WriteOnly));
        spec.write(
            R"({"name": "p", "brand": {"name": "Acme"}, "competitors": [{"name": "Beta"}], "topics": ["CRM for )"
            R"(small business"], )"
            R"("samples": 3, "engines": [{"id": "gpt", "kind": "openai", "model": "gpt-4o-mini", "api_key_env": )"
            R"("NOT_NEEDED_TO_PLAN"}]})");
        spec.close();
        const Outcome o = cli({u"plan"_s, spec.fileName()});
        QCOMPARE(o.exitCode, 0);
        QVERIFY(o.out.contains(u"best-of\tCRM for small business\tnon-branded\tWhat are the best options for CRM for "
                               "small business?\n"_s));
        QVERIFY(
            o.out.contains(u"best-of-search\tCRM for small business\tnon-branded\tbest CRM for small business\n"_s));
        QVERIFY(o.out.contains(u"alternatives\t\tbranded\tWhat are good alternatives to Beta?"_s));
        QVERIFY2(o.out.contains(u"\n15 prompts x 1 engines x 3 samples = 45 answers;"_s), qPrintable(o.out));
        QVERIFY(o.out.contains(u"tokens in"_s) && o.out.contains(u"$0.0"_s));
    }

    // A brand named by an ordinary word is matched only as written: plan says so on stderr,
    // with the spec's path and the name's JSON path, and plans as usual.
    void planWarnsOfNamesMatchedAsWritten()
    {
        QTemporaryDir dir;
        QFile spec(dir.filePath(u"spec.json"_s));
        QVERIFY(spec.open(QIODevice::WriteOnly));
        spec.write(R"({"name": "p", "brand": {"name": "Ring"}, "competitors": [{"name": "Arlo"}, )"
                   R"({"name": "Nothing", "aliases": ["Nothing Phone"]}, {"name": "Chase", "match_case": false}], )"
                   R"("prompts": ["Is Ring better than Arlo?", "Which doorbell is best?"], )"
                   R"("engines": [{"id": "gpt", "kind": "openai", "model": "gpt-4o-mini"}]})");
        spec.close();
        const Outcome o = cli({u"plan"_s, spec.fileName()});
        QCOMPARE(o.exitCode, 0);
        const QString warning = u"%1: warning: %2: \"%3\" is also an ordinary word, so only \"%3\" and \"%4\" count "
                                "as mentions, not \"%5\"; set \"match_case\": false to count it in any case, or true "
                                "to keep this without a warning\n"_s;
        QCOMPARE(
            o.err,
            warning.arg(spec.fileName(), u"brand.name"_s, u"Ring"_s, u"RING"_s, u"ring"_s)
                + warning.arg(spec.fileName(), u"competitors[1].name"_s, u"Nothing"_s, u"NOTHING"_s, u"nothing"_s));
        QVERIFY2(o.out.contains(u"custom\t\tbranded\tIs Ring better than Arlo?\n"_s), qPrintable(o.out));
        QVERIFY(o.out.contains(u"custom\t\tnon-branded\tWhich doorbell is best?\n"_s));
    }

    // Above either limit, run and resume start nothing without --yes: exit status 4 and a
    // message with the figures and the ways on. The demo asks 192 answers at no cost; the
    // priced spec 5 answers at $12 each (12 tokens in at $1 a token).
    void bigAuditsNeedYes_data()
    {
        QTest::addColumn<bool>("priced");
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<QString>("variables"); // NAME=value
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("refusal"); // empty: it runs

        const auto refusal = [](const QString &answers, const QString &cost, const QString &maxAnswers,
                                const QString &maxCost) {
            return u"this audit would ask %1 answers, costing about $%2, above the limits for running without "
                   "asking (%3 answers or $%4); nothing was asked or stored. Add --yes to run it anyway, or raise "
                   "the limits with --max-answers and --max-cost (or GEOAUDIT_MAX_ANSWERS and "
                   "GEOAUDIT_MAX_COST_USD).\n"_s.arg(answers, cost, maxAnswers, maxCost);
        };
        QTest::newRow("below the defaults") << false << QStringList() << QString() << 0 << QString();
        QTest::newRow("above --max-answers") << false << QStringList{u"--max-answers"_s, u"191"_s} << QString() << 4
                                             << refusal(u"192"_s, u"0.00"_s, u"191"_s, u"50.00"_s);
        QTest::newRow("at --max-answers")
            << false << QStringList{u"--max-answers"_s, u"192"_s} << QString() << 0 << QString();
        QTest::newRow("above GEOAUDIT_MAX_ANSWERS") << false << QStringList() << u"GEOAUDIT_MAX_ANSWERS=100"_s << 4
                                                    << refusal(u"192"_s, u"0.00"_s, u"100"_s, u"50.00"_s);
        QTest::newRow("--max-answers over the variable")
            << false << QStringList{u"--max-answers"_s, u"1000"_s} << u"GEOAUDIT_MAX_ANSWERS=100"_s << 0 << QString();
        QTest::newRow("--yes") << false << QStringList{u"--max-answers"_s, u"10"_s, u"--yes"_s} << QString() << 0
                               << QString();
        QTest::newRow("above the default cost")
            << true << QStringList() << QString() << 4 << refusal(u"5"_s, u"60.00"_s, u"5,000"_s, u"50.00"_s);
        QTest::newRow("above GEOAUDIT_MAX_COST_USD")
            << true << QStringList{u"--max-cost"_s, u"100"_s} << u"GEOAUDIT_MAX_COST_USD=5"_s << 0 << QString();
        QTest::newRow("above --max-cost") << true << QStringList{u"--max-cost"_s, u"59.99"_s} << QString() << 4
                                          << refusal(u"5"_s, u"60.00"_s, u"5,000"_s, u"59.99"_s);
        QTest::newRow("a limit that is no number")
            << false << QStringList() << u"GEOAUDIT_MAX_COST_USD=lots"_s << 2
            << u"GEOAUDIT_MAX_COST_USD: \"lots\" is not an amount in US dollars; write it like 120.50\n"_s;
    }

    void bigAuditsNeedYes()
    {
        QFETCH(bool, priced);
        QFETCH(QStringList, options);
        QFETCH(QString, variables);
        QFETCH(int, exitCode);
        QFETCH(QString, refusal);
        FakeEngineServer engine;
        QVERIFY(engine.listen());
        QTemporaryDir dir;
        QString spec = demoSpec();
        if (priced) {
            QFile file(dir.filePath(u"spec.json"_s));
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(
                QStringLiteral(R"({"name": "priced", "brand": {"name": "Acme"}, "templates": false, )"
                               R"("prompts": ["Best CRM?"], "samples": 5, "analysis": {"inspect_sites": false}, )"
                               R"("engines": [{"id": "e", "kind": "openai", "model": "m", "base_url": "%1", )"
                               R"("price": {"input": 1000000, "output": 0}}]})")
                    .arg(engine.baseUrl().toString())
                    .toUtf8());
            spec = file.fileName();
        }
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(u"GEOAUDIT_MAX_ANSWERS"_s);
        env.remove(u"GEOAUDIT_MAX_COST_USD"_s);
        if (!variables.isEmpty())
            env.insert(variables.section(u'=', 0, 0), variables.section(u'=', 1));
        const QString db = dir.filePath(u"a.sqlite"_s);
        const Outcome o = cli(QStringList{u"run"_s, spec, u"--db"_s, db} + options, env);
        QCOMPARE(o.exitCode, exitCode);
        if (!refusal.isEmpty()) {
            QCOMPARE(o.err, refusal);
            if (exitCode == 2) // refused before the database is opened
                QVERIFY(!QFile::exists(db));
            else
                QCOMPARE(queryRows(db, u"SELECT COUNT(*) FROM audits"_s), QStringList{u"0"_s}); // nothing stored
            return;
        }
        const QString answers = priced ? u"5"_s : u"192"_s;
        QVERIFY2(o.err.startsWith(u"Preparing %1 answers: 0%\n"_s.arg(answers)), qPrintable(o.err));
        QVERIFY2(o.err.contains(u"Preparing %1 answers: 100%\naudit 1: %1 answers, %1 to ask\n"_s.arg(answers)),
                 qPrintable(o.err));
        QCOMPARE(queryRows(db, u"SELECT state, COUNT(*) FROM audits GROUP BY state"_s), QStringList{u"finished\t1"_s});
    }

    // resume counts what is left to ask against the limits.
    void resumeOfABigAuditNeedsYes()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(u"a.sqlite"_s);
        QCOMPARE(cli({u"run"_s, demoSpec(), u"--db"_s, db}).exitCode, 0);
        QVERIFY(queryRows(db, u"UPDATE items SET status = 'pending' WHERE id > 92"_s).isEmpty());
        QVERIFY(queryRows(db, u"UPDATE audits SET state = 'cancelled'"_s).isEmpty());
        const Outcome refused = cli({u"resume"_s, u"1"_s, u"--db"_s, db, u"--max-answers"_s, u"99"_s});
        QCOMPARE(refused.exitCode, 4);
        QVERIFY2(refused.err.startsWith(u"this audit would ask 100 answers, costing about $0.00, above the limits "
                                        "for running without asking (99 answers or $50.00)"_s),
                 qPrintable(refused.err));
        const Outcome resumed = cli({u"resume"_s, u"1"_s, u"--db"_s, db, u"--max-answers"_s, u"100"_s});
        QCOMPARE(resumed.exitCode, 0);
        QVERIFY2(resumed.err.contains(u"audit 1: 192 answers, 100 to ask"_s), qPrintable(resumed.err));
    }

    void resumeWithNothingToResumeExitsTwo()
    {
        QTemporaryDir dir;
        const Outcome o = cli({u"resume"_s, u"--db"_s, dir.filePath(u"a.sqlite"_s)});
        QCOMPARE(o.exitCode, 2);
        QVERIFY2(o.err.contains(u"nothing to resume"_s), qPrintable(o.err));
    }

    void runsAgainstAFakeEngineWithoutLeakingTheKey()
    {
        FakeEngineServer openai;
        FakeEngineServer anthropic;
        QVERIFY(openai.listen() && anthropic.listen());
        openai.setAnswers([](const QString &) { return u"1. **Acme** is best.\n2. **Beta** is fine."_s; });
        // The third Anthropic request fails for good, its key appearing nowhere after.
        anthropic.setFaults([](int n, const QString &) {
            return n == 2 ? FakeEngineServer::Fault::BadRequest : FakeEngineServer::Fault::None;
        });
        QTemporaryDir dir;
        QFile spec(dir.filePath(u"spec.json"_s));
        QVERIFY(spec.open(QIODevice::WriteOnly));
        spec.write(
            QStringLiteral(R"({"name": "fake", "brand": {"name": "Acme"}, "competitors": [{"name": "Beta"}], )"
                           R"("templates": false, "prompts": ["Best CRM?", "Cheapest CRM?"], "samples": 2, )"
                           R"("engines": [{"id": "local", "kind": "openai", "model": "llama3", "base_url": "%1"}, )"
                           R"({"id": "claude", "kind": "anthropic", "model": "claude-3-5-haiku", "base_url": "%2", )"
                           R"("api_key_env": "GEOAUDIT_CLI_TEST_KEY"}]})")
                .arg(openai.baseUrl().toString(), anthropic.baseUrl().toString())
                .toUtf8());
        spec.close();
        const QString db = dir.filePath(u"a.sqlite"_s);
        const QString out = dir.filePath(u"out"_s);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"GEOAUDIT_CLI_TEST_KEY"_s, u"sk-secret-4242"_s);
        const Outcome run = cli({u"run"_s, spec.fileName(), u"--db"_s, db, u"--out"_s, out}, env);
        const QString &err = run.err;
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(err.contains(u"finished in"_s) && err.contains(u"7 answered, 1 failed"_s), qPrintable(err));
        QCOMPARE(openai.requestCount(), 4);
        QCOMPARE(anthropic.requestCount(), 4);
        QCOMPARE(anthropic.requests()[0].headers.value("x-api-key"), QByteArray("sk-secret-4242"));
        QVERIFY(openai.requests()[0].headers.value("authorization").isEmpty()); // a local server gets no key

        // The key is nowhere: not in the output, the database (and its WAL) or the exports.
        QVERIFY(!err.contains(u"sk-secret-4242"_s));
        const Outcome exported = cli({u"export"_s, u"1"_s, u"--db"_s, db, u"--out"_s, dir.filePath(u"reports"_s),
                                      u"--format"_s, u"json,html,pdf"_s},
                                     env);
        QCOMPARE(exported.exitCode, 0);
        QVERIFY(!exported.err.contains(u"sk-secret-4242"_s) && !exported.out.contains(u"sk-secret-4242"_s));
        QDirIterator files(dir.path(), QDir::Files, QDirIterator::Subdirectories);
        int checked = 0;
        while (files.hasNext()) {
            QFile f(files.next());
            QVERIFY(f.open(QIODevice::ReadOnly));
            QVERIFY2(!f.readAll().contains("sk-secret-4242"), qPrintable(f.fileName()));
            ++checked;
        }
        QVERIFY(checked >= 11); // spec, database, the seven tables and three reports
        const auto failures = lines(out + u"/failures.csv"_s);
        QCOMPARE(failures.size(), 3);
        QVERIFY(failures[1].contains(",claude,") && failures[1].contains("http-400"));
    }

    void robotsCheckAndInspectASavedPage()
    {
        QTemporaryDir dir;
        QFile robots(dir.filePath(u"robots.txt"_s));
        QVERIFY(robots.open(QIODevice::WriteOnly));
        robots.write("User-agent: GPTBot\nDisallow: /private/\n\nUser-agent: *\nAllow: /\n");
        robots.close();
        Outcome o = cli({u"robots-check"_s, robots.fileName(), u"GPTBot"_s, u"https://acme.example/private/x?y=1"_s});
        QCOMPARE(o.exitCode, 0);
        QCOMPARE(o.out.trimmed(), u"disallowed"_s);
        QVERIFY2(o.err.contains(u"GPTBot"_s), qPrintable(o.err));
        o = cli({u"robots-check"_s, robots.fileName(), u"ClaudeBot"_s, u"https://acme.example/private/x"_s});
        QCOMPARE(o.out.trimmed(), u"allowed"_s);

        QFile page(dir.filePath(u"page.html"_s));
        QVERIFY(page.open(QIODevice::WriteOnly));
        page.write("<!doctype html><html lang=\"en\"><head><title>Acme CRM &amp; pipelines</title>"
                   "<meta name=\"description\" content=\"A CRM for small sales teams, with pipelines and forecasts.\">"
                   "<script type=\"application/ld+json\">{\"@type\": \"Organization\", \"name\": \"Acme\", \"url\": "
                   "\"https://acme.example\"}</script>"
                   "</head><body><h1>Acme</h1><p>Hello.</p></body></html>");
        page.close();
        o = cli({u"inspect"_s, u"--html"_s, page.fileName(), u"--url"_s, u"https://acme.example/"_s});
        QCOMPARE(o.exitCode, 0);
        const QJsonObject report = QJsonDocument::fromJson(o.out.toUtf8()).object();
        QCOMPARE(report[u"title"_s].toString(), u"Acme CRM & pipelines"_s);
        QCOMPARE(report[u"lang"_s].toString(), u"en"_s);
        QCOMPARE(report[u"h1_count"_s].toInt(), 1);
        QCOMPARE(report[u"jsonld_types"_s].toArray().at(0).toString(), u"Organization"_s);
        QVERIFY(report[u"checks"_s].toArray().size() > 20);
        QVERIFY(report.contains(u"score"_s) && report.contains(u"word_count"_s) && report.contains(u"description"_s));
    }

    // inspect --record keeps a site's responses; --recorded inspects them again, offline,
    // to the same report. The proxy comes from --proxy or, by default, from http_proxy.
    void inspectRecordsASiteAndReplaysIt()
    {
        FakeWeb web;
        QVERIFY(web.listen());
        web.serve(u"shop.web.test"_s, u"/"_s, {301, {{"Location", "/home"}}, {}, 0, 0});
        web.serve(u"shop.web.test"_s, u"/home"_s,
                  {200,
                   {{"Content-Type", "text/html"}},
                   "<html lang=de><title>Der Laden am Eck</title><h1>Laden</h1><ul><li>Brot</li></ul></html>",
                   0,
                   0});
        web.serve(u"shop.web.test"_s, u"/robots.txt"_s,
                  {200, {{"Content-Type", "text/plain"}}, "User-agent: GPTBot\nDisallow: /\n", 0, 0});
        QTemporaryDir dir;
        const QString proxy = u"http://127.0.0.1:%1"_s.arg(web.proxy().port());
        // --allow-private-hosts: no name is looked up before fetching through the proxy, so the
        // test does not wait on, or depend on, the machine's DNS resolver (twice a sanitized CI
        // run saw inspect end abnormally here, where a lookup of shop.web.test went out).
        const Outcome live = cli({u"inspect"_s, u"--allow-private-hosts"_s, u"--proxy"_s, proxy, u"--record"_s,
                                  dir.path(), u"http://shop.web.test/"_s});
        QVERIFY2(live.exitCode == 0, qPrintable(u"exit %1: %2"_s.arg(live.exitCode).arg(live.err)));
        QVERIFY2(live.err.contains(u"recorded in"_s), qPrintable(live.err));
        QCOMPARE(web.requestCount(), 4); // /, /home, robots.txt, llms.txt
        QVERIFY(QFile::exists(dir.filePath(u"shop.web.test/manifest.json"_s)));

        const Outcome replay = cli({u"inspect"_s, u"--recorded"_s, dir.path(), u"http://shop.web.test/"_s});
        QCOMPARE(replay.exitCode, 0);
        QCOMPARE(web.requestCount(), 4); // the recording, not the web
        QJsonObject a = QJsonDocument::fromJson(live.out.toUtf8()).object(),
                    b = QJsonDocument::fromJson(replay.out.toUtf8()).object();
        QCOMPARE(a[u"title"_s].toString(), u"Der Laden am Eck"_s);
        QCOMPARE(a[u"final_url"_s].toString(), u"http://shop.web.test/home"_s);
        a.remove(u"inspected_at"_s);
        b.remove(u"inspected_at"_s);
        QCOMPARE(b, a);

        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"http_proxy"_s, proxy);
        const Outcome system = cli({u"inspect"_s, u"--allow-private-hosts"_s, u"http://shop.web.test/home"_s}, env);
        QVERIFY2(system.exitCode == 0, qPrintable(u"exit %1: %2"_s.arg(system.exitCode).arg(system.err)));
        QCOMPARE(web.requestCount(), 7); // the system's proxy is the default

        const Outcome bad = cli({u"inspect"_s, u"--proxy"_s, u"proxy.example"_s, u"http://shop.web.test/"_s});
        QCOMPARE(bad.exitCode, 2);
        QVERIFY2(bad.err.contains(u"write it like http://proxy.example:3128"_s), qPrintable(bad.err));
    }

    // A database the user may not write is named as read-only, with the way out, before
    // anything is asked. Root writes any file, so as root the CLI runs as nobody.
    // kill -9 mid-audit: the store is intact, the audit lists as interrupted, and resume
    // finishes it without asking again anything that had been answered.
    void survivesKillNineAndResumes()
    {
        FakeEngineServer server;
        QVERIFY(server.listen());
        server.setLatencyMs(40);
        QTemporaryDir dir;
        QJsonArray prompts;
        for (int i = 0; i < 150; ++i)
            prompts.append(u"Which CRM, question %1?"_s.arg(i));
        const QJsonObject spec{{u"name"_s, u"killed"_s},
                               {u"brand"_s, QJsonObject{{u"name"_s, u"Acme"_s}}},
                               {u"templates"_s, false},
                               {u"prompts"_s, prompts},
                               {u"analysis"_s, QJsonObject{{u"inspect_sites"_s, false}}},
                               {u"engines"_s,
                                QJsonArray{QJsonObject{{u"id"_s, u"local"_s},
                                                       {u"kind"_s, u"openai"_s},
                                                       {u"model"_s, u"m"_s},
                                                       {u"base_url"_s, server.baseUrl().toString()},
                                                       {u"concurrency"_s, 5}}}}};
        QFile specFile(dir.filePath(u"spec.json"_s));
        QVERIFY(specFile.open(QIODevice::WriteOnly));
        specFile.write(QJsonDocument(spec).toJson());
        specFile.close();
        const QString db = dir.filePath(u"a.sqlite"_s);

        QProcess run;
        run.start(QStringLiteral(GEOAUDIT_BIN_DIR) + u"/geoaudit-cli"_s,
                  {u"run"_s, specFile.fileName(), u"--db"_s, db});
        QTRY_VERIFY_WITH_TIMEOUT(server.requestCount() >= 60, 30000);
        run.kill(); // SIGKILL: no handler, no cleanup
        QVERIFY(run.waitForFinished(10000));
        QCOMPARE(run.exitStatus(), QProcess::CrashExit);
        QTRY_COMPARE(server.openConnections(), 0); // what the killed process had sent is all counted

        QCOMPARE(queryRows(db, u"PRAGMA integrity_check"_s), QStringList{u"ok"_s});
        const QStringList answeredBefore = queryRows(db,
                                                     u"SELECT p.text FROM items i JOIN prompts p ON p.id = i.prompt_id "
                                                     "WHERE i.status IN ('answered', 'analysed')"_s);
        QVERIFY2(answeredBefore.size() >= 40 && answeredBefore.size() < 150,
                 qPrintable(QString::number(answeredBefore.size())));
        // Half a minute later its heartbeat has stopped: the audit shows as interrupted.
        QCOMPARE(queryRows(db, u"UPDATE audits SET heartbeat_at = '2000-01-01T00:00:00.000Z' RETURNING id"_s),
                 QStringList{u"1"_s});
        QVERIFY2(cli({u"list"_s, u"--db"_s, db}).out.contains(u"1\tinterrupted\t"_s), "not listed as interrupted");

        const int askedBefore = server.requestCount();
        const Outcome resumed = cli({u"resume"_s, u"1"_s, u"--db"_s, db});
        QVERIFY2(resumed.exitCode == 0, qPrintable(resumed.err));
        QCOMPARE(queryRows(db, u"SELECT COUNT(*) FROM items WHERE status = 'analysed'"_s), QStringList{u"150"_s});
        QCOMPARE(queryRows(db, u"SELECT state FROM audits"_s), QStringList{u"finished"_s});
        QSet<QString> askedAgain;
        for (qsizetype r = askedBefore; r < server.requests().size(); ++r)
            askedAgain.insert(server.requests()[r].prompt);
        for (const QString &prompt : answeredBefore)
            QVERIFY2(!askedAgain.contains(prompt), qPrintable(u"answered before the kill, asked again: "_s + prompt));
        QCOMPARE(server.requestCount() - askedBefore, 150 - int(answeredBefore.size())); // the rest, once each
    }

    // `run spec & resume` (issue #17): the second process is refused while the first runs,
    // names it and exits 3, and every item is asked exactly once; on both backends.
    void resumeOfARunningAuditIsRefused_data()
    {
        QTest::addColumn<geo::DatabaseTarget::Backend>("backend");
        QTest::addColumn<QString>("auditId"); // empty: resume the latest unfinished
        QTest::newRow("sqlite") << geo::DatabaseTarget::Backend::SQLite << u"1"_s;
        QTest::newRow("sqlite, latest") << geo::DatabaseTarget::Backend::SQLite << QString();
        QTest::newRow("postgresql") << geo::DatabaseTarget::Backend::PostgreSQL << u"1"_s;
        QTest::newRow("postgresql, latest") << geo::DatabaseTarget::Backend::PostgreSQL << QString();
    }

    void resumeOfARunningAuditIsRefused()
    {
        QFETCH(geo::DatabaseTarget::Backend, backend);
        QFETCH(QString, auditId);
        const TestDatabase database(backend);
        QVERIFY2(database.isValid(), qPrintable(database.error()));
        FakeEngineServer server;
        QVERIFY(server.listen());
        server.setLatencyMs(300); // slow until the resume is refused: the run is still on then
        QTemporaryDir dir;
        const QString spec = writeFakeEngineSpec(dir, server, u"leased"_s, 150, 3);

        QProcess run;
        run.start(CliProgram, {u"run"_s, spec, u"--db"_s, database.location()});
        QTRY_VERIFY_WITH_TIMEOUT(server.requestCount() >= 3, 30000);
        const qint64 runPid = run.processId();
        QStringList args{u"resume"_s, u"--db"_s, database.location()};
        if (!auditId.isEmpty())
            args.insert(1, auditId);
        const Outcome resumed = cli(args);
        QVERIFY2(resumed.exitCode == 3, qPrintable(u"exit status %1: %2"_s.arg(resumed.exitCode).arg(resumed.err)));
        QVERIFY2(run.state() == QProcess::Running, "the run ended before the resume was refused; slow the engine more");
        const QString refusal
            = u"error: audit 1 is being run by geoaudit-cli (pid %1 on host %2), last seen "_s.arg(runPid).arg(
                QSysInfo::machineHostName());
        QVERIFY2(resumed.err.startsWith(refusal), qPrintable(resumed.err));
        QVERIFY2(resumed.err.contains(u"; wait for it to finish or stop it first"_s), qPrintable(resumed.err));
        server.setLatencyMs(0);

        QTRY_VERIFY_WITH_TIMEOUT(run.state() == QProcess::NotRunning, 120000);
        QVERIFY2(run.exitStatus() == QProcess::NormalExit && run.exitCode() == 0,
                 run.readAllStandardError().constData());
        QCOMPARE(server.requestCount(), 150);
        QHash<QString, int> asked;
        for (const auto &r : server.requests())
            ++asked[r.prompt];
        QCOMPARE(asked.size(), 150);
        for (auto it = asked.cbegin(); it != asked.cend(); ++it)
            QVERIFY2(it.value() == 1, qPrintable(u"asked %1 times: %2"_s.arg(it.value()).arg(it.key())));
        // Finished, it is nobody's: its lease was given up.
        QCOMPARE(queryRows(database.location(), u"SELECT state FROM audits WHERE lease_token IS NULL"_s),
                 QStringList{u"finished"_s});
    }

    // kill -9 then resume at once, on the same host: the killed process's lease is taken over
    // without waiting for its heartbeat to go stale.
    void resumeTakesOverAKilledRunAtOnce()
    {
        FakeEngineServer server;
        QVERIFY(server.listen());
        server.setLatencyMs(20);
        QTemporaryDir dir;
        const QString spec = writeFakeEngineSpec(dir, server, u"killed"_s, 100, 3);
        const QString db = dir.filePath(u"a.sqlite"_s);
        QProcess run;
        run.start(CliProgram, {u"run"_s, spec, u"--db"_s, db});
        QTRY_VERIFY_WITH_TIMEOUT(server.requestCount() >= 10, 30000);
        run.kill();
        QVERIFY(run.waitForFinished(10000));
        const Outcome resumed = cli({u"resume"_s, u"1"_s, u"--db"_s, db});
        QVERIFY2(resumed.exitCode == 0, qPrintable(resumed.err));
        QCOMPARE(queryRows(db, u"SELECT COUNT(*) FROM items WHERE status = 'analysed'"_s), QStringList{u"100"_s});
    }

    void readOnlyDatabaseExitsTwo()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(u"a.sqlite"_s);
        QCOMPARE(cli({u"list"_s, u"--db"_s, db}).exitCode, 0); // creates it
        QVERIFY(QFile::setPermissions(dir.path(),
                                      QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
                                          | QFileDevice::ReadOther | QFileDevice::ExeOther));
        QVERIFY(QFile::setPermissions(db, QFileDevice::ReadOwner | QFileDevice::ReadOther));
        const QStringList args{u"run"_s, u"--demo"_s, u"--db"_s, db};
        const Outcome o = ::geteuid() == 0
            ? runToEnd(u"runuser"_s, QStringList{u"-u"_s, u"nobody"_s, u"--"_s, CliProgram} + args)
            : cli(args);
        QCOMPARE(o.exitCode, 2);
        QVERIFY2(o.err.contains(u"is read-only"_s) && o.err.contains(u"choose another file with --db"_s),
                 qPrintable(o.err));
    }

    void unusableDatabaseExitsTwo()
    {
        QTemporaryDir dir;
        QFile notDb(dir.filePath(u"x.sqlite"_s));
        QVERIFY(notDb.open(QIODevice::WriteOnly));
        notDb.write(QByteArray(4096, 'x'));
        notDb.close();
        const Outcome o = cli({u"list"_s, u"--db"_s, notDb.fileName()});
        QCOMPARE(o.exitCode, 2);
        QVERIFY2(o.err.contains(u"is not a GEO Audit database"_s), qPrintable(o.err));
    }

    // The demo on PostgreSQL: the same figures and tables as on SQLite, so the queries that
    // differ between the backends agree; and the reports read from it too.
    void theDemoOnPostgresExportsWhatSqliteDoes()
    {
        const TestDatabase pg(geo::DatabaseTarget::Backend::PostgreSQL);
        QVERIFY2(pg.isValid(), qPrintable(pg.error()));
        QTemporaryDir dir;
        const QString sqlite = dir.filePath(u"a.sqlite"_s);
        for (const QString &db : {sqlite, pg.location()}) {
            const QString out = dir.filePath(db == sqlite ? u"sqlite"_s : u"pg"_s);
            const Outcome o = cli({u"run"_s, u"--demo"_s, u"--db"_s, db, u"--out"_s, out});
            QVERIFY2(o.exitCode == 0, qPrintable(o.err));
            const Outcome listed = cli({u"list"_s, u"--db"_s, db});
            QVERIFY2(listed.out.contains(u"finished\t192/192\t0"_s), qPrintable(listed.out + listed.err));
        }
        for (const QString &table :
             {u"mentions"_s, u"citations"_s, u"sites"_s, u"discovered"_s, u"scores"_s, u"failures"_s}) {
            auto onSqlite = lines(dir.filePath(u"sqlite/%1.csv"_s.arg(table)));
            auto onPostgres = lines(dir.filePath(u"pg/%1.csv"_s.arg(table)));
            QVERIFY(onSqlite.size() > 1);
            if (table == u"sites"_s) {
                // The page inspected for a domain is the first of its cited pages whose answer
                // is analysed, which the analysis pool's timing picks; the figures must agree.
                for (auto *rows : {&onSqlite, &onPostgres})
                    for (QByteArray &row : *rows) {
                        QByteArrayList cells = row.split(',');
                        if (cells.size() > 6)
                            cells.removeAt(6);
                        row = cells.join(',');
                    }
            }
            QCOMPARE(onPostgres, onSqlite);
        }
        // answers.csv differs only in the time each answer arrived.
        QCOMPARE(lines(dir.filePath(u"pg/answers.csv"_s)).size(), lines(dir.filePath(u"sqlite/answers.csv"_s)).size());
        const QString reports = dir.filePath(u"reports"_s);
        const Outcome exported
            = cli({u"export"_s, u"1"_s, u"--db"_s, pg.location(), u"--out"_s, reports, u"--format"_s, u"json"_s});
        QVERIFY2(exported.exitCode == 0, qPrintable(exported.err));
        QVERIFY(QFileInfo(reports + u"/report.json"_s).size() > 1000);
        // Rescoring replaces the analyses in one transaction, the same on both.
        const Outcome rescored = cli({u"rescore"_s, u"1"_s, u"--db"_s, pg.location()});
        QVERIFY2(rescored.exitCode == 0 && rescored.err.contains(u"analysed 192 stored answers again"_s),
                 qPrintable(rescored.err));
        QCOMPARE(rescored.out, cli({u"rescore"_s, u"1"_s, u"--db"_s, sqlite}).out);
    }

    // Two analysts' runs at once on one PostgreSQL database: each its own audit, ids from the
    // database, and neither waits for the other to finish.
    void twoRunsShareOnePostgresDatabase()
    {
        const TestDatabase pg(geo::DatabaseTarget::Backend::PostgreSQL);
        QVERIFY2(pg.isValid(), qPrintable(pg.error()));
        FakeEngineServer server;
        QVERIFY(server.listen());
        server.setLatencyMs(20);
        QTemporaryDir dir;
        const auto writeSpec = [&](const QString &name, int prompts) {
            QJsonArray texts;
            for (int i = 0; i < prompts; ++i)
                texts.append(u"%1: which CRM, question %2?"_s.arg(name).arg(i));
            const QJsonObject spec{{u"name"_s, name},
                                   {u"brand"_s, QJsonObject{{u"name"_s, u"Acme"_s}}},
                                   {u"templates"_s, false},
                                   {u"prompts"_s, texts},
                                   {u"samples"_s, 2},
                                   {u"analysis"_s, QJsonObject{{u"inspect_sites"_s, false}}},
                                   {u"engines"_s,
                                    QJsonArray{QJsonObject{{u"id"_s, u"local"_s},
                                                           {u"kind"_s, u"openai"_s},
                                                           {u"model"_s, u"m"_s},
                                                           {u"base_url"_s, server.baseUrl().toString()},
                                                           {u"concurrency"_s, 2}}}}};
            QFile f(dir.filePath(name + u".json"_s));
            f.open(QIODevice::WriteOnly);
            f.write(QJsonDocument(spec).toJson());
            return f.fileName();
        };
        const QString first = writeSpec(u"first"_s, 100);
        const QString second = writeSpec(u"second"_s, 30);
        QProcess a, b;
        a.start(CliProgram, {u"run"_s, first, u"--db"_s, pg.location()});
        // The second starts while the first is well under way (and far from done).
        QTRY_VERIFY_WITH_TIMEOUT(server.requestCount() >= 20, 30000);
        b.start(CliProgram, {u"run"_s, second, u"--db"_s, pg.location()});
        QTRY_VERIFY_WITH_TIMEOUT(a.state() == QProcess::NotRunning && b.state() == QProcess::NotRunning, 120000);
        QVERIFY2(a.exitCode() == 0, a.readAllStandardError().constData());
        QVERIFY2(b.exitCode() == 0, b.readAllStandardError().constData());

        // They overlapped: the second asked before the first's last question.
        qint64 firstLast = 0, secondFirst = -1;
        for (const auto &r : server.requests()) {
            if (r.prompt.startsWith(u"first:"_s))
                firstLast = std::max(firstLast, r.atMs);
            else if (secondFirst < 0)
                secondFirst = r.atMs;
        }
        QVERIFY2(secondFirst >= 0 && secondFirst < firstLast, "the runs did not overlap");
        QCOMPARE(server.requestCount(), 260); // every answer asked once

        const Outcome listed = cli({u"list"_s, u"--db"_s, pg.location()});
        QVERIFY2(listed.out.contains(u"finished\t200/200\t0"_s), qPrintable(listed.out));
        QVERIFY2(listed.out.contains(u"finished\t60/60\t0"_s), qPrintable(listed.out));
        QCOMPARE(queryRows(pg.location(),
                           u"SELECT a.name, COUNT(*) FROM items i JOIN audits a ON a.id = i.audit_id "
                           "WHERE i.status = 'analysed' GROUP BY a.name ORDER BY a.name"_s),
                 (QStringList{u"first\t200"_s, u"second\t60"_s}));
        // No answer landed on the other audit's items.
        QCOMPARE(queryRows(pg.location(),
                           u"SELECT COUNT(*) FROM items i JOIN prompts p ON p.id = i.prompt_id "
                           "JOIN audits a ON a.id = i.audit_id WHERE p.text NOT LIKE a.name || ':%'"_s),
                 QStringList{u"0"_s});
    }

    // The URL takes no password: libpq finds it in PGPASSWORD or ~/.pgpass; without one, or
    // for a URL that is not one, the CLI says what to do and exits 2.
    void findsThePostgresPasswordWhereLibpqLooks()
    {
        TestPostgres &server = TestPostgres::instance();
        QVERIFY2(server.status(), qPrintable(server.status().ok() ? QString() : server.status().error()));
        const QString password = u"cli-secret-9d2"_s;
        QVERIFY(server.createPasswordUser(u"cli_analyst"_s, password));
        const auto created = server.createDatabase();
        QVERIFY(created);
        const QString name = created->section(u'/', -1);
        QVERIFY(server.exec(u"ALTER DATABASE %1 OWNER TO cli_analyst"_s.arg(name)));
        const QString url = server.url(name, u"cli_analyst"_s);

        QTemporaryDir home;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const QString &v : {u"PGPASSWORD"_s, u"PGPASSFILE"_s, u"PGUSER"_s, u"PGHOST"_s, u"PGPORT"_s})
            env.remove(v);
        env.insert(u"HOME"_s, home.path());
        const Outcome refused = cli({u"list"_s, u"--db"_s, url}, env);
        QCOMPARE(refused.exitCode, 2);
        QVERIFY2(refused.err.contains(u"refused the login of the user cli_analyst"_s)
                     && refused.err.contains(u"PGPASSWORD"_s),
                 qPrintable(refused.err));

        QFile pgpass(home.filePath(u".pgpass"_s));
        QVERIFY(pgpass.open(QIODevice::WriteOnly));
        pgpass.write(u"127.0.0.1:%1:*:cli_analyst:%2\n"_s.arg(QString::number(server.port()), password).toUtf8());
        pgpass.close();
        QVERIFY(pgpass.setPermissions(QFile::ReadOwner | QFile::WriteOwner));
        const Outcome fromFile = cli({u"list"_s, u"--db"_s, url}, env); // it creates the tables
        QVERIFY2(fromFile.exitCode == 0, qPrintable(fromFile.err));
        QVERIFY(!fromFile.err.contains(password) && !fromFile.out.contains(password));
        QCOMPARE(queryRows(created.value(), u"SELECT COUNT(*) FROM schema_migrations"_s).value(0).toInt(),
                 geo::AuditStore::schemaVersion());
        QVERIFY(pgpass.remove());

        env.insert(u"PGPASSWORD"_s, password);
        const Outcome fromEnv = cli({u"list"_s, u"--db"_s, url}, env);
        QVERIFY2(fromEnv.exitCode == 0, qPrintable(fromEnv.err));

        const Outcome noName = cli({u"list"_s, u"--db"_s, u"postgresql://"_s}, env);
        QCOMPARE(noName.exitCode, 2);
        QVERIFY2(noName.err.contains(u"names no database; write it as postgresql://user@host:port/dbname"_s),
                 qPrintable(noName.err));
        const Outcome withPassword
            = cli({u"list"_s, u"--db"_s, u"postgresql://cli_analyst:%1@127.0.0.1/%2"_s.arg(password, name)}, env);
        QCOMPARE(withPassword.exitCode, 2);
        QVERIFY2(withPassword.err.contains(u"holds a password"_s) && !withPassword.err.contains(password),
                 qPrintable(withPassword.err));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
