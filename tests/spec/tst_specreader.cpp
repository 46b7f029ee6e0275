#include "PipeWriter.h"
#include "spec/SpecReader.h"
#include "spec/SpecWriter.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace geo;
using namespace Qt::StringLiterals;

class TestSpecReader : public QObject
{
    Q_OBJECT

private:
    static QByteArray minimal(const QByteArray &extra = {})
    {
        return R"({"name": "Acme CRM audit", "brand": {"name": "Acme CRM", "aliases": ["Acme"], "domains": )"
               R"(["acme-crm.example"]}, )"
               R"("prompts": ["What is the best CRM?"], )"
               R"("engines": [{"id": "gpt", "kind": "openai", "model": "gpt-4o-mini", "api_key_env": )"
               R"("OPENAI_API_KEY"}])"
            + extra + "}";
    }

private slots:
    void readsTheDocumentedExample()
    {
        const QByteArray json
            = R"({ "name": "Acme CRM audit", )"
              R"("brand": {"name": "Acme CRM", "aliases": ["Acme"], "domains": ["acme-crm.example"]}, )"
              R"("competitors": [{"name": "HubSpot", "aliases": [], "domains": ["hubspot.com"]}], )"
              R"("topics": ["CRM for small business"], )"
              R"("templates": true, )"
              R"("prompts": ["What is the best CRM for a 10-person sales team?"], )"
              R"("samples": 2, )"
              R"("engines": [{"id": "gpt", "kind": "openai", "model": "gpt-4o-mini", )"
              "\"base_url\": \"https://api.openai.com/v1\", \"api_key_env\": \"OPENAI_API_KEY\", "
              R"("concurrency": 10, "rpm": 500, "timeout_ms": 60000}], )"
              R"("analysis": {"threads": 10, "inspect_sites": true}, )"
              R"("budget_usd": 5.0 })";
        const auto out = SpecReader::parse(json, {});
        QVERIFY2(out.spec, qPrintable(out.problems.join(u'\n')));
        const AuditSpec &s = *out.spec;
        QCOMPARE(s.name, u"Acme CRM audit"_s);
        QCOMPARE(s.brand.names(), (QStringList{u"Acme CRM"_s, u"Acme"_s}));
        QCOMPARE(s.competitors.size(), 1);
        QCOMPARE(s.competitors[0].domains, QStringList{u"hubspot.com"_s});
        QCOMPARE(s.samples, 2);
        QCOMPARE(s.engines[0].rpm, 500);
        QCOMPARE(s.engines[0].baseUrl, QUrl(u"https://api.openai.com/v1"_s));
        QCOMPARE(s.analysis.threads, 10);
        QCOMPARE(s.budgetUsd, 5.0);
        // What toJson writes reads back to the same spec.
        const auto again = SpecReader::parse(QJsonDocument(s.toJson()).toJson(), {});
        QVERIFY(again.spec);
        QCOMPARE(again.spec->toJson(), s.toJson());
    }

    void rejects_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("expected");
        QTest::newRow("double dot domain")
            << minimal(R"(, "competitors": [{"name": "A"}, {"name": "B"}, {"name": "C", "domains": ["acme..com"]}])")
            << u"competitors[2].domains[0]: \"acme..com\" is not a domain name"_s;
        QTest::newRow("url as domain") << minimal(
            ", \"competitors\": [{\"name\": \"A\", \"domains\": [\"https://a.com/x\"]}]")
                                       << u"competitors[0].domains[0]: \"https://a.com/x\" is not a domain name"_s;
        QTest::newRow("unknown key with suggestion")
            << minimal(", \"sampels\": 2") << u"sampels: unknown key; did you mean \"samples\"?"_s;
        QTest::newRow("unknown key") << minimal(", \"colour\": 2") << u"colour: unknown key; remove it"_s;
        QTest::newRow("samples not a number")
            << minimal(", \"samples\": \"two\"") << u"samples: expected a whole number from 1 to 100, got \"two\""_s;
        QTest::newRow("samples fraction") << minimal(", \"samples\": 1.5") << u"samples: expected a whole number"_s;
        QTest::newRow("threads zero") << minimal(", \"analysis\": {\"threads\": 0}")
                                      << u"analysis.threads: expected a whole number from 1 to 64"_s;
        QTest::newRow("negative budget") << minimal(", \"budget_usd\": -1") << u"budget_usd: expected an amount"_s;
        QTest::newRow("weights not adding up to 1")
            << minimal(R"(, "scoring": {"weights": {"visibility": 0.5}})")
            << u"scoring.weights: the weights add up to 1.15; make them add up to 1"_s;
        QTest::newRow("weight above 1") << minimal(R"(, "scoring": {"weights": {"sentiment": 2}})")
                                        << u"scoring.weights.sentiment: expected a weight from 0 to 1"_s;
        QTest::newRow("unknown weight") << minimal(R"(, "scoring": {"weights": {"rank": 0.1}})")
                                        << u"scoring.weights.rank: unknown key"_s;
        QTest::newRow("api key in spec") << minimal(
            R"(, "competitors": [], "engines": [{"id": "g", "kind": "openai", "model": "m", "api_key": "sk-1"}])")
                                         << u"engines[0].api_key: API keys are never written in a spec"_s;
        QTest::newRow("no engines") << minimal(R"(, "engines": [])")
                                    << u"engines: none given; give at least one engine"_s;
        QTest::newRow("unknown kind") << minimal(R"(, "engines": [{"id": "g", "kind": "bard", "model": "m"}])")
                                      << u"engines[0].kind: \"bard\" is not an engine kind"_s;
        QTest::newRow("bad base url") << minimal(
            ", \"engines\": [{\"id\": \"g\", \"kind\": \"openai\", \"model\": \"m\", \"base_url\": \"ftp://x\"}]")
                                      << u"engines[0].base_url: \"ftp://x\" is not an http(s) address"_s;
        QTest::newRow("duplicate engine id") << minimal(
            R"(, "engines": [{"id": "g", "kind": "openai", "model": "m"}, {"id": "g", "kind": "openai", "model": )"
            R"("n"}])") << u"engines[1].id: \"g\" is used by another engine"_s;
        QTest::newRow("missing recorded file")
            << minimal(R"(, "engines": [{"id": "r", "kind": "recorded", "file": "nope.jsonl"}])")
            << u"engines[0].file: \"nope.jsonl\" not found"_s;
        QTest::newRow("file on a network engine")
            << minimal(R"(, "engines": [{"id": "g", "kind": "openai", "model": "m", "file": "x"}])")
            << u"engines[0].file: only a \"recorded\" engine replays a file"_s;
        QTest::newRow("empty brand") << QByteArray(
            R"({"name": "x", "brand": {"name": ""}, "prompts": ["p"], "engines": [{"id": "g", "kind": "openai", )"
            R"("model": "m"}]})") << u"brand.name: is empty"_s;
        QTest::newRow("no engines") << QByteArray(R"({"name": "x", "brand": {"name": "B"}, "prompts": ["p"]})")
                                    << u"engines: missing"_s;
        QTest::newRow("no prompts") << QByteArray(
            R"({"name": "x", "brand": {"name": "B"}, "templates": false, "engines": [{"id": "g", "kind": )"
            R"("openai", "model": "m"}]})")
                                    << u"prompts: no prompts to ask"_s;
        QTest::newRow("match_case not a boolean")
            << minimal(R"(, "competitors": [{"name": "Ring", "match_case": "yes"}])")
            << u"competitors[0].match_case: expected true or false, got \"yes\""_s;
        QTest::newRow("match_case misspelt")
            << minimal(R"(, "competitors": [{"name": "Ring", "matchcase": true}])")
            << u"competitors[0].matchcase: unknown key; did you mean \"match_case\"?"_s;
        QTest::newRow("name twice") << minimal(R"(, "competitors": [{"name": "Acme"}])")
                                    << u"competitors[0]: the name \"Acme\" is given twice"_s;
        QTest::newRow("malformed json") << QByteArray("{\n  \"name\": \"x\",\n  \"brand\": {\"name\": \"B\"\n}")
                                        << u"line 4"_s;
        QTest::newRow("not an object") << QByteArray("[1, 2]") << u"the spec must be a JSON object"_s;
        QTest::newRow("deeply nested") << QByteArray(100000, '[') << u"the JSON is malformed"_s;
        QTest::newRow("huge") << QByteArray(SpecReader::MaxSpecBytes + 1, ' ') << u"a spec is at most 4 MiB"_s;
        QTest::newRow("a key where its variable's name goes")
            << QByteArray(minimal()).replace("\"OPENAI_API_KEY\"", "\"sk-proj-4f9aQ2xZ\"")
            << u"engines[0].api_key_env: not an environment variable name: give the name of the variable that holds "
               "the key, in letters, digits and \"_\" such as \"OPENAI_API_KEY\", not the key itself"_s;
    }

    void rejects()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, expected);
        const auto out = SpecReader::parse(json, QDir::tempPath());
        QVERIFY(!out.spec);
        const QString all = out.problems.join(u'\n');
        QVERIFY2(all.contains(expected), qPrintable(u"expected \"%1\" in:\n%2"_s.arg(expected, all)));
        QVERIFY2(!all.contains(u"sk-proj"_s), qPrintable(all)); // a key pasted by mistake is not repeated
    }

    // A file over 4 MiB is refused having read 4 MiB and a byte (a sparse file: nothing is
    // written); one of exactly 4 MiB is parsed; an empty one is named as such.
    void rejectsFilesByTheirShape_data()
    {
        QTest::addColumn<qint64>("size");
        QTest::addColumn<QString>("expected");
        QTest::newRow("50 MiB") << qint64(50) * 1024 * 1024 << u"the file is over 4 MiB; a spec is at most 4 MiB"_s;
        QTest::newRow("4 MiB and a byte") << SpecReader::MaxSpecBytes + 1 << u"the file is over 4 MiB"_s;
        QTest::newRow("4 MiB") << SpecReader::MaxSpecBytes << u"the JSON is malformed (illegal value)"_s;
        QTest::newRow("empty") << qint64(0) << u"the spec is empty"_s;
    }

    void rejectsFilesByTheirShape()
    {
        QFETCH(qint64, size);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        QFile f(dir.filePath(u"spec.json"_s));
        QVERIFY(f.open(QIODevice::WriteOnly));
        QVERIFY(f.resize(size)); // sparse: nothing is written
        f.close();
        const auto out = SpecReader::readFile(f.fileName());
        QVERIFY(!out.spec);
        QVERIFY2(out.problems.join(u'\n').contains(expected), qPrintable(out.problems.join(u'\n')));
    }

    // The size a file reports is not trusted: /dev/zero and named pipes report 0 and may never
    // end. Such a file is read to the cap and a byte, then refused; a pipe that ends is read.
    void readsEndlessFilesOnlyToTheCap_data()
    {
        QTest::addColumn<QString>("file");    // absolute: read as it is; relative: a pipe of that name
        QTest::addColumn<QByteArray>("fed");  // what the pipe's writer sends first
        QTest::addColumn<bool>("endless");    // then spaces, until the reader closes
        QTest::addColumn<QString>("name");    // of the spec read; empty when refused
        QTest::addColumn<QString>("problem"); // the only problem, %1 the file; empty when read
        const QString tooLarge = u"%1: the file is over 4 MiB; a spec is at most 4 MiB of JSON, so check that this "
                                 "is the right file"_s;
        QTest::newRow("/dev/zero") << u"/dev/zero"_s << QByteArray() << false << QString() << tooLarge;
        QTest::newRow("endless pipe") << u"spec.json"_s << minimal() << true << QString() << tooLarge;
        QTest::newRow("pipe that ends") << u"spec.json"_s << minimal() << false << u"Acme CRM audit"_s << QString();
    }

    void readsEndlessFilesOnlyToTheCap()
    {
        QFETCH(QString, file);
        QFETCH(QByteArray, fed);
        QFETCH(bool, endless);
        QFETCH(QString, name);
        QFETCH(QString, problem);
        QTemporaryDir dir;
        const QString path = QDir::isAbsolutePath(file) ? file : dir.filePath(file);
        std::optional<PipeWriter> writer;
        if (path != file) {
            writer.emplace(path, fed, endless);
            QVERIFY(writer->made());
        }
        const auto out = SpecReader::readFile(path);
        QCOMPARE(out.problems, problem.isEmpty() ? QStringList() : QStringList{problem.arg(path)});
        QCOMPARE(out.spec ? out.spec->name : QString(), name);
    }

    // NUL and the other C0 control characters are refused in every string, raw or escaped,
    // each at its JSON path; a prompt may span lines, so it keeps tabs and line feeds.
    // Problems quoting such a key or value show the character as JSON writes it.
    void refusesControlCharacters_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QStringList>("problems");
        const auto edit = [](const QByteArray &from, const QByteArray &to) { return minimal().replace(from, to); };
        const QString line = u"remove it (this is one line of plain text)"_s;
        const QString prompt = u"remove it (a prompt may hold tabs and line feeds, no other control characters)"_s;
        QTest::newRow("escaped NUL in the name")
            << edit("\"Acme CRM audit\"", "\"Acme\\u0000 audit\"")
            << QStringList{u"name: holds the control character U+0000 at character 5; "_s + line};
        QTest::newRow("raw NUL in the name")
            << edit("\"Acme CRM audit\"", QByteArray("\"Acme\0 audit\"", 13))
            << QStringList{u"name: holds the control character U+0000 at character 5; "_s + line};
        QTest::newRow("tab in an alias") << edit("[\"Acme\"]", "[\"Ac\\tme\"]")
                                         << QStringList{u"brand.aliases[0]: holds the control character U+0009 at "
                                                        "character 3; "_s
                                                        + line};
        QTest::newRow("NUL in a domain")
            << edit("[\"acme-crm.example\"]", "[\"acme-crm.example\\u0000\"]")
            << QStringList{u"brand.domains[0]: holds the control character U+0000 at character 17; "_s + line};
        QTest::newRow("line feed in a model")
            << edit("\"gpt-4o-mini\"", "\"gpt-4o\\nmini\"")
            << QStringList{u"engines[0].model: holds the control character U+000A at character 7; "_s + line};
        QTest::newRow("escape in a topic")
            << minimal(", \"topics\": [\"CRM\", \"\\u001b[31mred\"]")
            << QStringList{u"topics[1]: holds the control character U+001B at character 1; "_s + line};
        QTest::newRow("NUL in a prompt")
            << edit("\"What is the best CRM?\"", "\"What is\\u0000 the best CRM?\"")
            << QStringList{u"prompts[0]: holds the control character U+0000 at character 8; "_s + prompt};
        QTest::newRow("carriage return in a prompt")
            << edit("\"What is the best CRM?\"", "\"What is the best CRM?\\r\"")
            << QStringList{u"prompts[0]: holds the control character U+000D at character 22; "_s + prompt};
        QTest::newRow("tab and line feed in a prompt")
            << edit("\"What is the best CRM?\"", "\"What is\\tthe best CRM?\\nFor a team of 10.\"") << QStringList{};
        QTest::newRow("NUL in a key") << minimal(", \"na\\u0000me\": \"x\"")
                                      << QStringList{u"na\\u0000me: unknown key; did you mean \"name\"?"_s};
        QTest::newRow("NUL in a value of the wrong type")
            << minimal(", \"samples\": \"2\\u0000\"")
            << QStringList{u"samples: expected a whole number from 1 to 100, got \"2\\u0000\""_s};
    }

    void refusesControlCharacters()
    {
        QFETCH(QByteArray, json);
        QFETCH(QStringList, problems);
        const auto out = SpecReader::parse(json, {});
        QCOMPARE(out.problems, problems);
        QCOMPARE(out.spec.has_value(), problems.isEmpty());
    }

    void reportsEveryProblemAtOnce()
    {
        const QByteArray json = R"({"name": "x", "brand": {"name": "B", "domains": ["b..com"]}, )"
                                R"("samples": 0, "prompts": ["p"], )"
                                R"("engines": [{"id": "g", "kind": "openai", "model": "m", "concurrency": 1000}]})";
        const auto out = SpecReader::parse(json, {});
        QVERIFY(!out.spec);
        QCOMPARE(out.problems.size(), 3);
        QVERIFY(out.problems[0].startsWith(u"brand.domains[0]: "_s));
        QVERIFY(out.problems[1].startsWith(u"samples: "_s));
        QVERIFY(out.problems[2].startsWith(u"engines[0].concurrency: "_s));
    }

    void resolvesRecordedFilesAgainstTheSpecFolder()
    {
        QTemporaryDir dir;
        QFile answers(dir.filePath(u"answers.jsonl"_s));
        QVERIFY(answers.open(QIODevice::WriteOnly));
        answers.close();
        QFile spec(dir.filePath(u"spec.json"_s));
        QVERIFY(spec.open(QIODevice::WriteOnly));
        spec.write(R"({"name": "x", "brand": {"name": "B"}, "prompts": ["p"], )"
                   R"("engines": [{"id": "r", "kind": "recorded", "file": "answers.jsonl"}]})");
        spec.close();
        const auto out = SpecReader::readFile(spec.fileName());
        QVERIFY2(out.spec, qPrintable(out.problems.join(u'\n')));
        QCOMPARE(out.spec->engines[0].file, dir.filePath(u"answers.jsonl"_s));
    }

    void sourceTypeProblems_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QStringList>("problems");
        const QString allowed = u"review, forum, video, news, reference, marketplace, blog, documentation, other"_s;
        QTest::newRow("unknown type") << minimal(R"(, "source_types": {"crmreviewhub.example": "reviews"})")
                                      << QStringList{u"source_types[\"crmreviewhub.example\"]: unknown source type "
                                                     "\"reviews\"; use one of "_s
                                                     + allowed};
        QTest::newRow("not text")
            << minimal(R"(, "source_types": {"crmreviewhub.example": 3})")
            << QStringList{u"source_types[\"crmreviewhub.example\"]: unknown source type 3; use one of "_s + allowed};
        QTest::newRow("own comes from the brands")
            << minimal(R"(, "source_types": {"acme-blog.example": "own"})")
            << QStringList{u"source_types[\"acme-blog.example\"]: \"own\" comes from the brands' domains; add the "
                           "domain to the brand's \"domains\" instead, or use one of "_s
                           + allowed};
        QTest::newRow("not a domain")
            << minimal(R"(, "source_types": {"x.example/reviews": "blog", "x.example": "blog"})")
            << QStringList{u"source_types[\"x.example/reviews\"]: \"x.example/reviews\" is not a domain name; "
                           "write a host such as \"example.com\""_s};
        QTest::newRow("not an object") << minimal(R"(, "source_types": ["x.example"])")
                                       << QStringList{u"source_types: expected an object (the type of each domain, "
                                                      "such as {\"example.com\": \"review\"}), got a list"_s};
    }

    void sourceTypeProblems()
    {
        QFETCH(QByteArray, json);
        QFETCH(QStringList, problems);
        const auto out = SpecReader::parse(json, {});
        QVERIFY(!out.spec);
        QCOMPARE(out.problems, problems);
    }

    void readsSourceTypes()
    {
        const auto out = SpecReader::parse(
            minimal(R"(, "source_types": {"CRMReviewHub.example": "review", "blog.tools.example": "blog"})"), {});
        QVERIFY2(out.spec, qPrintable(out.problems.join(u'\n')));
        QCOMPARE(out.spec->sourceTypes,
                 (SourceTypeOverrides{{u"crmreviewhub.example"_s, SourceType::Review},
                                      {u"blog.tools.example"_s, SourceType::Blog}}));
        const QJsonObject written = out.spec->toJson();
        QCOMPARE(written[u"source_types"_s].toObject(),
                 (QJsonObject{{u"crmreviewhub.example"_s, u"review"_s}, {u"blog.tools.example"_s, u"blog"_s}}));
        const auto again = SpecReader::parse(QJsonDocument(written).toJson(), {});
        QVERIFY(again.spec);
        QCOMPARE(again.spec->sourceTypes, out.spec->sourceTypes);
        // Without any, the spec writes none.
        QVERIFY(!SpecReader::parse(minimal(), {}).spec->toJson().contains(u"source_types"_s));
    }

    void readsScoreWeights()
    {
        const auto out = SpecReader::parse(
            minimal(R"(, "scoring": {"weights": {"visibility": 0.4, "share_of_voice": 0.3, "top3_rate": 0.1, )"
                    R"("sentiment": 0.2}})"),
            {});
        QVERIFY2(out.spec, qPrintable(out.problems.join(u'\n')));
        QCOMPARE(out.spec->weights, (ScoreWeights{0.4, 0.3, 0.1, 0.2}));
        const auto again = SpecReader::parse(QJsonDocument(out.spec->toJson()).toJson(), {});
        QVERIFY(again.spec);
        QCOMPARE(again.spec->weights, out.spec->weights);
        // Without the key, the defaults of METRICS.md; a spec with them writes none.
        const auto plain = SpecReader::parse(minimal(), {});
        QCOMPARE(plain.spec->weights, (ScoreWeights{0.35, 0.25, 0.20, 0.20}));
        QVERIFY(!plain.spec->toJson().contains(u"scoring"_s));
    }

    void readsTheDemo()
    {
        const auto out = SpecReader::readFile(u":/examples/demo-audit.json"_s);
        QVERIFY2(out.spec, qPrintable(out.problems.join(u'\n')));
        QVERIFY(out.spec->sampleData);
        QCOMPARE(out.spec->competitors.size(), 4);
        QCOMPARE(out.spec->prompts.size(), 12);
        QCOMPARE(out.spec->engines.size(), 2);
        QCOMPARE(out.spec->samples, 8);
    }

    // What SpecWriter writes, SpecReader reads back to the same spec, every key included.
    void writtenSpecsReadBackTheSame_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("minimal") << minimal();
        QTest::newRow("every key")
            << minimal(
                   R"(, "competitors": [{"name": "HubSpot", "aliases": ["Hub Spot"], "domains": ["hubspot.com"]}, )"
                   R"({"name": "Ring", "match_case": false}, {"name": "Zendesk", "match_case": true}], )"
                   R"("topics": ["CRM"], "templates": false, "samples": 3, "budget_usd": 12.5, "sample_data": true, )"
                   R"("analysis": {"threads": 4, "inspect_sites": false}, )"
                   R"("scoring": {"weights": {"visibility": 0.4, "share_of_voice": 0.2, "top3_rate": 0.2, )"
                   R"("sentiment": 0.2}})")
                   .replace(R"("api_key_env": "OPENAI_API_KEY"})",
                            R"("api_key_env": "OPENAI_API_KEY", "rpm": 60, "tpm": 90000, "concurrency": 3, )"
                            R"("timeout_ms": 5000, "web_search": true, "price": {"input": 1, "output": 2}})");
    }

    // A name that is an ordinary word is matched as written; the spec holds, and says so.
    void warnsOfNamesMatchedAsWritten_data()
    {
        QTest::addColumn<QByteArray>("brands");
        QTest::addColumn<QList<std::optional<bool>>>("matchCase"); // the brand's, then each competitor's
        QTest::addColumn<QStringList>("warnings");
        const QString warning = u"%1: \"%2\" is also an ordinary word, so only \"%2\" and \"%3\" count as mentions, "
                                "not \"%4\"; set \"match_case\": false to count it in any case, or true to keep this "
                                "without a warning"_s;
        QTest::newRow("no ordinary word") << QByteArray(R"("brand": {"name": "Brightlane"})")
                                          << QList<std::optional<bool>>{std::nullopt} << QStringList{};
        QTest::newRow("brand, alias and competitors")
            << QByteArray(
                   R"("brand": {"name": "Nothing", "aliases": ["Nothing Phone", "Nothing Tech"]}, )"
                   R"("competitors": [{"name": "Ring"}, {"name": "Anker", "aliases": ["Soundcore", "Eufy", "On"]}])")
            << QList<std::optional<bool>>{std::nullopt, std::nullopt, std::nullopt}
            << QStringList{warning.arg(u"brand.name"_s, u"Nothing"_s, u"NOTHING"_s, u"nothing"_s),
                           warning.arg(u"competitors[0].name"_s, u"Ring"_s, u"RING"_s, u"ring"_s),
                           warning.arg(u"competitors[1].aliases[2]"_s, u"On"_s, u"ON"_s, u"on"_s)};
        QTest::newRow("match_case given either way: no warning")
            << QByteArray(R"("brand": {"name": "Ring", "match_case": true}, )"
                          R"("competitors": [{"name": "Apple", "match_case": false}])")
            << QList<std::optional<bool>>{true, false} << QStringList{};
    }

    void warnsOfNamesMatchedAsWritten()
    {
        QFETCH(QByteArray, brands);
        QFETCH(QList<std::optional<bool>>, matchCase);
        QFETCH(QStringList, warnings);
        const QByteArray json = R"({"name": "Phones", )" + brands
            + R"(, "prompts": ["Which phone?"], "engines": [{"id": "g", "kind": "openai", "model": "m"}]})";
        const auto out = SpecReader::parse(json, {});
        QVERIFY2(out.spec, qPrintable(out.problems.join(u'\n')));
        QCOMPARE(out.warnings, warnings);
        QList<std::optional<bool>> read;
        for (const BrandSpec &b : out.spec->trackedBrands())
            read << b.matchCase;
        QCOMPARE(read, matchCase);
    }

    void writtenSpecsReadBackTheSame()
    {
        QFETCH(QByteArray, json);
        const auto read = SpecReader::parse(json, {});
        QVERIFY2(read.spec, qPrintable(read.problems.join(u'\n')));
        QTemporaryDir dir;
        const QString path = dir.filePath(u"spec.json"_s);
        const Status written = SpecWriter::write(*read.spec, path);
        QVERIFY2(written, qPrintable(written ? QString() : written.error()));
        const auto again = SpecReader::readFile(path);
        QVERIFY2(again.spec, qPrintable(again.problems.join(u'\n')));
        QCOMPARE(again.spec->toJson(), read.spec->toJson());
    }

    void writingWhereNoFileCanBeSaysWhere()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"no-such-folder/spec.json"_s);
        const Status written = SpecWriter::write(*SpecReader::parse(minimal(), {}).spec, path);
        QVERIFY(!written);
        QVERIFY2(written.error().contains(QDir::toNativeSeparators(path)), qPrintable(written.error()));
    }

    void domainNames_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::newRow("simple") << u"hubspot.com"_s << true;
        QTest::newRow("subdomain") << u"blog.acme-crm.example"_s << true;
        QTest::newRow("idn") << u"bücher.de"_s << true;
        QTest::newRow("double dot") << u"acme..com"_s << false;
        QTest::newRow("single label") << u"localhost"_s << false;
        QTest::newRow("leading hyphen") << u"-acme.com"_s << false;
        QTest::newRow("scheme") << u"https://acme.com"_s << false;
        QTest::newRow("path") << u"acme.com/x"_s << false;
        QTest::newRow("space") << u"ac me.com"_s << false;
        QTest::newRow("numeric tld") << u"1.2.3.4"_s << false;
    }

    void domainNames()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        QCOMPARE(isDomainName(text), valid);
    }
};

QTEST_APPLESS_MAIN(TestSpecReader)
#include "tst_specreader.moc"
