// Hostile input, end to end through geoaudit-cli: a catalogue of hostile specs and answer
// files, each with the exit status and the words of the message it gets; a hostile engine
// in every fault mode, each run ending with its failures recorded one by one; and a server
// that echoes the API key, which must appear in no table, export, report or output.

#include "CliFixtures.h"
#include "FakeEngineServer.h"
#include "PipeWriter.h"
#include "TestDatabases.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <map>
#include <memory>
#include <optional>

using namespace Qt::StringLiterals;
using Fault = FakeEngineServer::Fault;

using CliFixtures::queryRows;

namespace {

const QString CliProgram = QStringLiteral(GEOAUDIT_BIN_DIR "/geoaudit-cli");

struct Outcome
{
    int exitCode = -1; // -1: it crashed or did not end within the bound
    QString out;
    QString err;
};

// Runs the CLI to its end while this process's event loop serves the fake engines.
Outcome cli(const QStringList &args, const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment())
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(CliProgram, args);
    if (!QTest::qWaitFor([&p] { return p.state() == QProcess::NotRunning; }, 60000)) {
        p.kill();
        p.waitForFinished();
        return {};
    }
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

// A valid spec that `plan` accepts, with `from` replaced by `to` to make it hostile.
QByteArray spec(const QByteArray &from = {}, const QByteArray &to = {})
{
    QByteArray json = R"({"name": "h", "brand": {"name": "Acme"}, "templates": false, "prompts": ["Best CRM?"], )"
                      R"("engines": [{"id": "gpt", "kind": "openai", "model": "gpt-4o-mini", )"
                      R"("api_key_env": "GEOAUDIT_HOSTILE_NO_KEY"}]})";
    if (!from.isEmpty()) {
        if (!json.contains(from)) // a row that would test the valid spec instead
            qFatal("spec(): \"%s\" is not in the spec", from.constData());
        json.replace(from, to);
    }
    return json;
}

QByteArray engine(const QByteArray &with)
{
    return spec(R"("api_key_env": "GEOAUDIT_HOSTILE_NO_KEY")", R"("api_key_env": "GEOAUDIT_HOSTILE_NO_KEY", )" + with);
}

// The spec of the answers `import` reads: one imported engine.
const QByteArray ImportSpec = R"({"name": "i", "brand": {"name": "Acme"}, "templates": false, )"
                              R"("analysis": {"inspect_sites": false}, )"
                              R"("prompts": ["Best CRM?"], "engines": [{"id": "chat", "kind": "imported"}]})";

enum class Made {
    File,        // the content, written to the file
    Directory,   // a folder of that name
    EndlessFifo, // a named pipe fed the content and then spaces for ever
    Fifo,        // a named pipe fed the content, then closed
    Absolute,    // the name is an existing path such as /dev/zero; nothing is made
};

// Bytes no reader should take for text: a fixed seed, so the message is the same each time.
QByteArray garbage(int size)
{
    QRandomGenerator random(17);
    QByteArray bytes(size, Qt::Uninitialized);
    for (char &b : bytes)
        b = char(random.bounded(256));
    return bytes;
}

// A hostile engine's fault mode and what a run against it ends with.
struct Mode
{
    const char *name;
    Fault fault;
    int exitCode;
    QString errorClass; // of both hostile items; empty: both answered
    QString words;      // in each failure's message
    int attempts;       // requests per hostile item
    int timeoutMs = 1000;
};

// Transient faults are asked 5 times (RetryPolicy), permanent ones once; timeout_ms is 1 s.
const QList<Mode> Modes{
    {"garbage", Fault::Garbage, 1, u"malformed-response"_s, u"the answer is not valid JSON"_s, 5},
    {"HTML 200", Fault::Html, 1, u"not-json"_s, u"the server sent HTML instead of JSON; check base_url"_s, 1},
    {"empty 200", Fault::Empty, 1, u"malformed-response"_s, u"the server sent an empty answer"_s, 5},
    {"reset", Fault::Reset, 1, u"connection"_s, u"closed (127.0.0.1)"_s, 5},
    // Long enough for the answer to pass the cap: a shorter timeout ends it first.
    {"200 MB", Fault::Huge, 1, u"too-large"_s, u"the answer was larger than"_s, 1, 20000},
    {"hang", Fault::Stall, 1, u"timeout"_s, u"no answer within 1 s; raise timeout_ms if the model is slow"_s, 5},
    {"drip", Fault::DripAnswer, 0, {}, {}, 1, 10000}, // slow, but done long before its timeout
    {"drip forever", Fault::Drip, 1, u"timeout"_s, u"the whole answer did not arrive within 1 s"_s, 5},
    {"429 with Retry-After", Fault::RateLimitedForASecond, 1, u"http-429"_s, u"HTTP 429: scripted fault"_s, 5},
    {"401", Fault::Unauthorized, 1, u"auth"_s, u"the API key was rejected (401); set GEOAUDIT_HOSTILE_KEY"_s, 1},
    {"key echoed in an error", Fault::EchoKey, 1, u"http-400"_s,
     u"Invalid request; your headers were Authorization: Bearer [redacted]"_s, 1},
    {"key echoed in an answer", Fault::EchoKeyInAnswer, 0, {}, {}, 1},
    {"key echoed in a refusal", Fault::EchoKeyRefusal, 1, u"unexpected-response"_s, u"[redacted]"_s, 1},
};

// Keys of no known shape, so that only the redaction of the key in use can take them out.
const QByteArray OpenAiKey = "oQ4vZt9LxW2pKe7RmY3nHs8DjU6cBf1A";
const QByteArray AnthropicKey = "aN5wPq8ZrT2yLk6XvM4sJd9HgC3bUe7F";

// Any 8 characters in a row of either key found in `text`, else nothing: a key cut short leaks
// too.
QByteArray keyIn(const QByteArray &text)
{
    for (const QByteArray &key : {OpenAiKey, AnthropicKey})
        for (qsizetype at = 0; at + 8 <= key.size(); ++at)
            if (text.contains(key.mid(at, 8)))
                return key.mid(at, 8);
    return {};
}

// One run of the CLI against a hostile engine and a good one, started with the others.
struct ModeRun
{
    FakeEngineServer hostile;
    FakeEngineServer good;
    QTemporaryDir dir;
    QProcess process;
    QString db() const { return dir.filePath(u"a.sqlite"_s); }
};

} // namespace

Q_DECLARE_METATYPE(Made)
Q_DECLARE_METATYPE(Fault)

class TestHostile : public QObject
{
    Q_OBJECT

    // Every mode's run, by row name.
    std::map<QString, std::unique_ptr<ModeRun>> m_modeRuns;

private slots:
    // A run against a hostile engine retries with backoff for seconds, so they all start
    // here and go on while the catalogue runs; engineModes() then checks each one's end.
    void initTestCase()
    {
        for (const Mode &mode : Modes) {
            auto run = std::make_unique<ModeRun>();
            QVERIFY(run->hostile.listen() && run->good.listen());
            run->hostile.setFaults([fault = mode.fault](int, const QString &) { return fault; });
            QFile spec(run->dir.filePath(u"spec.json"_s));
            QVERIFY(spec.open(QIODevice::WriteOnly));
            spec.write(
                QStringLiteral(R"({"name": "mode", "brand": {"name": "Acme"}, "competitors": [{"name": "Beta"}], )"
                               R"("templates": false, "prompts": ["Best CRM?", "Cheapest CRM?"], )"
                               R"("analysis": {"inspect_sites": false}, "engines": [)"
                               R"({"id": "hostile", "kind": "openai", "model": "m", "base_url": "%1", )"
                               R"("api_key_env": "GEOAUDIT_HOSTILE_KEY", "timeout_ms": %3, "concurrency": 2}, )"
                               R"({"id": "good", "kind": "openai", "model": "m", "base_url": "%2"}]})")
                    .arg(run->hostile.baseUrl().toString(), run->good.baseUrl().toString())
                    .arg(mode.timeoutMs)
                    .toUtf8());
            spec.close();
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(u"GEOAUDIT_HOSTILE_KEY"_s, QString::fromLatin1(OpenAiKey));
            run->process.setProcessEnvironment(env);
            run->process.start(CliProgram, {u"run"_s, spec.fileName(), u"--db"_s, run->db()});
            m_modeRuns[QString::fromLatin1(mode.name)] = std::move(run);
        }
    }

    void cleanupTestCase()
    {
        for (auto &[name, run] : m_modeRuns) {
            run->process.kill();
            run->process.waitForFinished();
        }
    }

    void catalogue_data()
    {
        QTest::addColumn<QString>("verb"); // plan and run read the file as the spec; import as answers
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<Made>("made");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QStringList>("words");    // each on stderr, in this order
        QTest::addColumn<QStringList>("exported"); // "FILE\tTEXT": --out DIR's FILE holds TEXT

        const auto plan = [](const char *row, const QByteArray &content, int exitCode, const QStringList &words,
                             Made made = Made::File, const QString &name = u"spec.json"_s) {
            QTest::newRow(row) << u"plan"_s << name << content << made << exitCode << words << QStringList();
        };
        const auto one = [](const QString &problem) { return QStringList{u"the spec has 1 problem(s):"_s, problem}; };
        // Syntax and size.
        plan("malformed JSON", "{\"name\": \"h\",\n \"brand\": {\"name\" \"Acme\"}}", 2,
             one(u"line 2, column 20: the JSON is malformed (missing name separator); fix the syntax there"_s));
        plan("truncated", spec().left(37), 2,
             one(u"line 1, column 38: the JSON is malformed (unterminated string); fix the syntax there"_s));
        plan("10,000-deep lists", QByteArray(10000, '[') + QByteArray(10000, ']'), 2,
             one(u"line 1, column 1026: the JSON is malformed (too deeply nested document)"_s));
        plan("10,000-deep objects", QByteArray("{\"a\":").repeated(10000) + '1' + QByteArray(10000, '}'), 2,
             one(u"line 1, column 5122: the JSON is malformed (too deeply nested document)"_s));
        plan("5 MiB string", "{\"name\": \"" + QByteArray(5 << 20, 'x') + "\"}", 2,
             one(u"spec.json: the file is over 4 MiB; a spec is at most 4 MiB of JSON"_s));
        plan("100,000-character brand", spec("\"Acme\"", '"' + QByteArray(100000, 'A') + '"'), 0, {});
        plan("empty file", {}, 2, one(u"the spec is empty; write the audit as a JSON object (docs/spec-format.md)"_s));
        plan("only white space", "  \n\t\n", 2, one(u"the spec is empty"_s));
        plan("a list, not an object", "[1, 2]", 2,
             one(u"the spec must be a JSON object such as {\"name\": ..., \"brand\": ...}"_s));
        plan("null", "null", 2, one(u"line 1, column 2: the JSON is malformed (illegal value)"_s));
        plan("binary garbage", garbage(3000), 2, one(u"the JSON is malformed"_s));
        // Characters.
        plan("raw NUL", spec("\"Acme\"", QByteArray("\"Ac\0me\"", 7)), 2,
             one(u"brand.name: holds the control character U+0000 at character 3; remove it (this is one line of "
                 "plain text)"_s));
        plan("escaped \\u0000", spec("\"Acme\"", "\"Ac\\u0000me\""), 2,
             one(u"brand.name: holds the control character U+0000 at character 3"_s));
        plan("escape character in a prompt", spec("Best CRM?", "Best\\u001b[2J CRM?"), 2,
             one(u"prompts[0]: holds the control character U+001B at character 5; remove it (a prompt may hold tabs "
                 "and line feeds, no other control characters)"_s));
        plan("invalid UTF-8", spec("\"Acme\"", "\"Ac\xff\xfeme\""), 2,
             one(u"line 1, column 36: the JSON is malformed (invalid UTF8 string)"_s));
        plan("byte-order mark", "\xef\xbb\xbf" + spec(), 0, {});
        // Wrong types at every level.
        plan("brand a number", spec("{\"name\": \"Acme\"}", "7"), 2,
             {u"the spec has 2 problem(s):"_s,
              u"brand: expected an object (the audited brand: {\"name\": ...}), got 7"_s,
              u"brand.name: missing; give the brand's name as people write it"_s});
        plan("brand name a list", spec("\"Acme\"", "[\"Acme\"]"), 2,
             one(u"brand.name: expected text (the brand's name as people write it), got a list"_s));
        plan("competitors text", spec("\"templates\"", "\"competitors\": \"Beta\", \"templates\""), 2,
             one(u"competitors: expected a list of brands, got \"Beta\""_s));
        plan("competitor a number", spec("\"templates\"", "\"competitors\": [3], \"templates\""), 2,
             one(u"competitors[0]: expected a brand {\"name\": ..., \"aliases\": [], \"domains\": []}, got 3"_s));
        plan("engines an object", spec("[{\"id\"", "{\"id\"").replace("}]}", "}}"), 2,
             one(u"engines: expected a non-empty list of engines, got an object"_s));
        plan("engine text", spec("[{", "[\"gpt\", {"), 2, one(u"engines[0]: expected an engine object, got \"gpt\""_s));
        plan("prompts text", spec("[\"Best CRM?\"]", "\"Best CRM?\""), 2,
             one(u"prompts: expected a list of questions to ask the engines, got \"Best CRM?\""_s));
        plan("prompt a boolean", spec("[\"Best CRM?\"]", "[true]"), 2,
             one(u"prompts[0]: expected text (questions to ask the engines), got true"_s));
        plan("no prompts", spec("[\"Best CRM?\"]", "[]"), 2,
             one(u"prompts: no prompts to ask; add prompts, or set \"templates\": true and give at least one topic"_s));
        plan("samples text", spec("\"engines\"", "\"samples\": \"2\", \"engines\""), 2,
             one(u"samples: expected a whole number from 1 to 100, got \"2\""_s));
        plan("weights a list", spec("\"engines\"", "\"scoring\": {\"weights\": [1]}, \"engines\""), 2,
             one(u"scoring.weights: expected an object (the visibility score's weights), got a list"_s));
        plan("weight text", spec("\"engines\"", "\"scoring\": {\"weights\": {\"visibility\": \"all\"}}, \"engines\""),
             2, one(u"scoring.weights.visibility: expected a weight from 0 to 1, got \"all\""_s));
        plan("timeout text", engine("\"timeout_ms\": \"1s\""), 2,
             one(u"engines[0].timeout_ms: expected a whole number from 1000 to 600000, got \"1s\""_s));
        // Numbers out of range.
        plan("zero samples", spec("\"engines\"", "\"samples\": 0, \"engines\""), 2,
             one(u"samples: expected a whole number from 1 to 100, got 0"_s));
        plan("negative samples", spec("\"engines\"", "\"samples\": -3, \"engines\""), 2,
             one(u"samples: expected a whole number from 1 to 100, got -3"_s));
        plan("1e300 samples", spec("\"engines\"", "\"samples\": 1e300, \"engines\""), 2,
             one(u"samples: expected a whole number from 1 to 100, got 1e+300"_s));
        plan("fractional samples", spec("\"engines\"", "\"samples\": 2.5, \"engines\""), 2,
             one(u"samples: expected a whole number from 1 to 100, got 2.5"_s));
        plan("zero timeout", engine("\"timeout_ms\": 0"), 2,
             one(u"engines[0].timeout_ms: expected a whole number from 1000 to 600000, got 0"_s));
        plan("huge concurrency", engine("\"concurrency\": 100000"), 2,
             one(u"engines[0].concurrency: expected a whole number from 1 to 100, got 100000"_s));
        plan("negative budget", spec("\"engines\"", "\"budget_usd\": -1, \"engines\""), 2,
             one(u"budget_usd: expected an amount in US dollars, 0 or more, got -1"_s));
        plan("weights adding up to 2",
             spec("\"engines\"",
                  R"("scoring": {"weights": {"visibility": 1, "share_of_voice": 1, "top3_rate": 0, "sentiment": 0}}, )"
                  R"("engines")"),
             2, one(u"scoring.weights: the weights add up to 2; make them add up to 1"_s));
        // Engines.
        plan("unknown engine kind", spec("\"kind\": \"openai\"", "\"kind\": \"bard\""), 2,
             one(u"engines[0].kind: \"bard\" is not an engine kind; use one of openai, anthropic, gemini, recorded, "
                 "imported"_s));
        plan("duplicate engine ids", spec("}]}", R"(}, {"id": "gpt", "kind": "anthropic", "model": "c"}]})"), 2,
             one(u"engines[1].id: \"gpt\" is used by another engine; give each engine its own id"_s));
        plan("URL with credentials", engine("\"base_url\": \"https://ana:sk-pass-123456789@api.example.com/v1\""), 2,
             one(u"engines[0].base_url: holds a user name or password; remove it, and give the key's variable in "
                 "\"api_key_env\""_s));
        plan("file URL", engine("\"base_url\": \"file:///etc/passwd\""), 2,
             one(u"engines[0].base_url: \"file:///etc/passwd\" is not an http(s) address"_s));
        // Local servers (Ollama, vLLM, llama.cpp) are engines like any other: allowed.
        plan("loopback and private engine URLs",
             // (moc takes "//" in a raw string for a comment, so these strings are not raw)
             spec("}]}",
                  ", \"base_url\": \"http://127.0.0.1:11434/v1\"}, "
                  "{\"id\": \"lan\", \"kind\": \"openai\", \"model\": \"m\", "
                  "\"base_url\": \"http://192.168.1.20:8000/v1\"}, "
                  "{\"id\": \"v6\", \"kind\": \"openai\", \"model\": \"m\", \"base_url\": \"http://[::1]:8080/v1\"}]}"),
             0, {});
        plan(
            "key in the spec", engine(R"("api_key": "sk-abc")"), 2,
            one(u"engines[0].api_key: API keys are never written in a spec; put the key in an environment variable"_s));
        plan("shell in the key's variable", spec("GEOAUDIT_HOSTILE_NO_KEY", "$(rm -rf ~)"), 2,
             one(u"engines[0].api_key_env: not an environment variable name: give the name of the variable"_s));
        plan("a key pasted as the key's variable", spec("GEOAUDIT_HOSTILE_NO_KEY", "sk-proj-4f9aQ2xZ"), 2,
             one(u"engines[0].api_key_env: not an environment variable name"_s));
        // Files that are no files.
        plan("directory", {}, 2,
             one(u"spec.json: cannot read the spec (file to open is a directory); check the path"_s), Made::Directory);
        plan("missing file", {}, 2,
             one(u"spec.json: cannot read the spec (No such file or directory); check the path"_s), Made::Absolute,
             u"/nonexistent/spec.json"_s);
        plan("/dev/zero", {}, 2, one(u"/dev/zero: the file is over 4 MiB; a spec is at most 4 MiB of JSON"_s),
             Made::Absolute, u"/dev/zero"_s);
        plan("endless pipe", "{\"name\": ", 2, one(u"spec.json: the file is over 4 MiB"_s), Made::EndlessFifo);
        plan("pipe that ends", spec(), 0, {}, Made::Fifo);
        QTest::newRow("key's variable not set")
            << u"run"_s << u"spec.json"_s << spec() << Made::File << 2
            << QStringList{u"error: engine 'gpt': GEOAUDIT_HOSTILE_NO_KEY is not set"_s,
                           u"export GEOAUDIT_HOSTILE_NO_KEY=... before starting"_s}
            << QStringList();

        // Answer files.
        const auto answers = [](const char *row, const QString &name, const QByteArray &content, int exitCode,
                                const QStringList &words, Made made = Made::File, const QStringList &exported = {}) {
            QTest::newRow(row) << u"import"_s << name << content << made << exitCode << words << exported;
        };
        const QString csv = u"answers.csv"_s, jsonl = u"answers.jsonl"_s;
        const QString none = u"answers.csv: no answer to import"_s;
        const QString header = u"prompt,engine,answer\n"_s;
        answers("CSV quote never closed", csv, "prompt,engine,answer\nBest CRM?,chat,\"Acme is best.\n", 2,
                {u"answers.csv: line 2: a quoted field is never closed; close its quote"_s, none});
        answers("CSV quote inside a field", csv, "prompt,engine,answer\nBest CRM?,chat,\"Acme\" is best.\n", 2,
                {u"answers.csv: line 2: broken quoting (a quote inside an unquoted field, or text after a closing "
                 "quote); quote the whole field and double the quotes inside it"_s,
                 none});
        answers("CSV too many columns", csv, "prompt,engine,answer\nBest CRM?,chat,Acme,is,best\n", 2,
                {u"answers.csv: line 2: 5 fields where the header has 3; quote fields that contain commas"_s, none});
        answers("CSV one short row of two", csv, "prompt,engine,answer\nBest CRM?,chat,Acme\nBest CRM?,chat\n", 1,
                {u"answers.csv: line 3: 2 fields where the header has 3"_s,
                 u"answers.csv: importing 1 answer(s), leaving out 1 bad row(s)"_s, u"1 answered, 0 failed"_s});
        answers("CSV without a header", csv, "Best CRM?,chat,Acme is best.\n", 2,
                {u"answers.csv: line 1: the header has no prompt, engine, answer column (it has: Best CRM?, chat, Acme "
                 "is best.); name the columns prompt, engine, answer"_s,
                 none});
        answers("CSV empty", csv, {}, 2,
                {u"answers.csv: the file is empty; it needs a header row naming prompt, engine and answer"_s, none});
        answers("CSV header only", csv, header.toUtf8(), 2, {none});
        answers("CSV NUL in a prompt", csv, QByteArray("prompt,engine,answer\nBest\0CRM?,chat,Acme\n", 41), 2,
                {u"answers.csv: line 2: prompt holds the control character U+0000 at character 5; remove it"_s, none});
        answers("CSV escape in an engine", csv,
                "prompt,engine,answer\nBest CRM?,ch\x1b"
                "at,Acme\n",
                2,
                {u"answers.csv: line 2: engine holds the control character U+001B at character 3; remove it"_s, none});
        answers("CSV sample not a number", csv, "prompt,engine,answer,sample\nBest CRM?,chat,Acme,zero\n", 2,
                {u"answers.csv: line 2: sample \"zero\" is not a whole number of 1 or more"_s, none});
        answers("CSV script citation", csv, "prompt,engine,answer,citations\nBest CRM?,chat,Acme,javascript:alert(1)\n",
                2, {u"answers.csv: line 2: citation \"javascript:alert(1)\" is not an http(s) address"_s, none});
        answers("CSV empty answer", csv, "prompt,engine,answer\nBest CRM?,chat,\n", 2,
                {u"answers.csv: line 2: the answer is empty"_s, none});
        answers("CSV binary garbage", csv, garbage(4000), 2, {none});
        answers("CSV invalid UTF-8 in an answer", csv, "prompt,engine,answer\nBest CRM?,chat,Acme \xff\xfe is best\n",
                0, {u"answers.csv: importing 1 answer(s), leaving out 0 bad row(s)"_s});
        answers("JSONL wrong types", jsonl, "{\"prompt\": 5, \"engine\": \"chat\", \"answer\": [\"a\"]}\n", 2,
                {u"answers.jsonl: line 1: \"prompt\" is a number; expected text"_s,
                 u"answers.jsonl: line 1: \"answer\" is a list; expected text"_s,
                 u"answers.jsonl: no answer to import"_s});
        answers("JSONL sample and citations text", jsonl,
                R"({"prompt": "Best CRM?", "engine": "chat", "answer": "A", "sample": "one", "citations": "x"})"
                "\n",
                2,
                {u"answers.jsonl: line 1: \"sample\" is text; expected a whole number of 1 or more"_s,
                 u"answers.jsonl: line 1: \"citations\" is text; expected a list of addresses or {\"url\", \"title\"} "
                 "objects"_s});
        answers("JSONL a list", jsonl, "[1, 2]\n", 2,
                {u"answers.jsonl: line 1: not a JSON object (a JSON value of another kind); write one {\"prompt\", "
                 "\"engine\", \"answer\"} object a line"_s});
        answers("JSONL cut off", jsonl, "{\"prompt\": \"Best CRM?\", \"engine\": \n", 2,
                {u"answers.jsonl: line 1: not a JSON object (unterminated object)"_s});
        answers("JSONL unknown key", jsonl,
                R"({"prompt": "Best CRM?", "engine": "chat", "answer": "A", "rating": 5})"
                "\n",
                2,
                {u"answers.jsonl: line 1: unknown key(s) rating; the keys are prompt, engine, answer, sample, model, "
                 "citations"_s});
        answers("JSONL escaped NUL", jsonl,
                R"({"prompt": "Best\u0000CRM?", "engine": "chat", "answer": "A"})"
                "\n",
                2, {u"answers.jsonl: line 1: prompt holds the control character U+0000 at character 5; remove it"_s});
        answers("JSONL one bad line of two", jsonl,
                R"({"prompt": "Best CRM?", "engine": "chat", "answer": "A"})"
                "\n"
                R"({"prompt": "Best CRM?", "engine": 7, "answer": "B", "sample": 2})"
                "\n",
                1,
                {u"answers.jsonl: line 2: \"engine\" is a number; expected text"_s,
                 u"answers.jsonl: importing 1 answer(s), leaving out 1 bad row(s)"_s});
        answers(
            "not CSV or JSONL", u"answers.txt"_s, header.toUtf8(), 2,
            {u"answers.txt: not a .csv or .jsonl file; save the answers as CSV with a header row, or as JSON lines"_s,
             u"answers.txt: no answer to import"_s});
        // A folder is read as saved pages (SavedPages), whatever its name.
        answers("answers a directory", csv, {}, 2,
                {u"answers.csv: the folder holds no .html page; save each answer's page there as .html"_s, none},
                Made::Directory);
        // What is read is written safely: a cell that starts like a formula or holds ";" or ","
        // is quoted (and the formula neutralised), and an IP address is a site of its own.
        answers("formula, \";\" and \",\" in an answer", csv,
                "prompt,engine,answer\nBest CRM?,chat,\"=HYPERLINK(\"\"http://x\"\";\"\"y\"\"), a; b\"\n", 0,
                {u"answers.csv: importing 1 answer(s), leaving out 0 bad row(s)"_s}, Made::File,
                {u"answers.csv\t,\"'=HYPERLINK(\"\"http://x\"\";\"\"y\"\"), a; b\"\r\n"_s});
        answers(
            "IP addresses cited", csv,
            "prompt,engine,answer,citations\nBest CRM?,chat,Acme,http://192.168.1.20/pricing https://[2001:db8::1]/x\n",
            0, {u"answers.csv: importing 1 answer(s), leaving out 0 bad row(s)"_s}, Made::File,
            {u"citations.csv\t,http://192.168.1.20/pricing,192.168.1.20,192.168.1.20,third party,"_s,
             u"citations.csv\t,https://[2001:db8::1]/x,2001:db8::1,2001:db8::1,third party,"_s});
        answers("answers from a pipe that ends", csv, "prompt,engine,answer\nBest CRM?,chat,Acme is best.\n", 0,
                {u"answers.csv: importing 1 answer(s), leaving out 0 bad row(s)"_s}, Made::Fifo);
    }

    void catalogue()
    {
        QFETCH(QString, verb);
        QFETCH(QString, name);
        QFETCH(QByteArray, content);
        QFETCH(Made, made);
        QFETCH(int, exitCode);
        QFETCH(QStringList, words);
        QFETCH(QStringList, exported);
        QTemporaryDir dir;
        const QString path = made == Made::Absolute ? name : dir.filePath(name);
        std::optional<PipeWriter> pipe;
        switch (made) {
        case Made::File: {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            QCOMPARE(f.write(content), content.size());
            break;
        }
        case Made::Directory:
            QVERIFY(QDir(dir.path()).mkdir(name));
            break;
        case Made::EndlessFifo:
        case Made::Fifo:
            pipe.emplace(path, content, made == Made::EndlessFifo);
            QVERIFY(pipe->made());
            break;
        case Made::Absolute:
            break;
        }
        QStringList args{verb};
        if (verb == u"import"_s) {
            QFile s(dir.filePath(u"import-spec.json"_s));
            QVERIFY(s.open(QIODevice::WriteOnly));
            s.write(ImportSpec);
            args << s.fileName();
        }
        args << path;
        if (verb != u"plan"_s)
            args << u"--db"_s << dir.filePath(u"a.sqlite"_s);
        if (!exported.isEmpty())
            args << u"--out"_s << dir.filePath(u"out"_s);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(u"GEOAUDIT_HOSTILE_NO_KEY"_s);
        const Outcome o = cli(args, env);
        QCOMPARE(o.exitCode, exitCode);
        // The words in order, each after the one before.
        qsizetype at = 0;
        for (const QString &w : words) {
            const qsizetype found = o.err.indexOf(w, at);
            QVERIFY2(found >= 0,
                     qPrintable(u"\"%1\" not in stderr after character %2:\n%3"_s.arg(w).arg(at).arg(o.err)));
            at = found + w.size();
        }
        for (const QString &e : exported) {
            QFile f(dir.filePath(u"out/"_s + e.section(u'\t', 0, 0)));
            QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(f.fileName()));
            const QByteArray table = f.readAll();
            QVERIFY2(table.contains(e.section(u'\t', 1).toUtf8()), table.constData());
        }
        if (exitCode == 0 && verb == u"plan"_s)
            QVERIFY2(o.out.contains(u"tokens in"_s), qPrintable(o.out)); // the plan was made
    }

    void engineModes_data()
    {
        QTest::addColumn<int>("index");
        for (int i = 0; i < Modes.size(); ++i)
            QTest::newRow(Modes[i].name) << i;
    }

    // Each run ends (every wait is bounded by timeout_ms), each hostile item's failure is
    // stored on its own with its stage, class, attempts and message, the good engine's
    // answers are all kept, and the exit status is 1 when anything failed, else 0.
    void engineModes()
    {
        QFETCH(int, index);
        const Mode &mode = Modes[index];
        ModeRun &run = *m_modeRuns.at(QString::fromLatin1(mode.name));
        QVERIFY2(QTest::qWaitFor([&] { return run.process.state() == QProcess::NotRunning; }, 60000),
                 "the run did not end");
        const QString err = QString::fromUtf8(run.process.readAllStandardError());
        QCOMPARE(run.process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(run.process.exitCode(), mode.exitCode);
        const bool failed = !mode.errorClass.isEmpty();
        QVERIFY2(err.contains(u"audit 1 finished in "_s)
                     && err.contains(failed ? u"s: 2 answered, 2 failed"_s : u"s: 4 answered, 0 failed"_s),
                 qPrintable(err));
        QCOMPARE(run.good.requestCount(), 2);
        if (mode.fault == Fault::Reset) // Qt sends a request again, once, when a kept-alive connection drops it
            QVERIFY2(run.hostile.requestCount() >= 2 * mode.attempts && run.hostile.requestCount() <= 4 * mode.attempts,
                     qPrintable(QString::number(run.hostile.requestCount())));
        else
            QCOMPARE(run.hostile.requestCount(), 2 * mode.attempts);
        QVERIFY2(keyIn(err.toUtf8()).isEmpty(), qPrintable(err));

        const QStringList failures = queryRows(
            run.db(), u"SELECT stage, engine, error_class, attempts, message FROM failures ORDER BY item_id"_s);
        QCOMPARE(failures.size(), failed ? 2 : 0);
        for (const QString &f : failures) {
            const QStringList v = f.split(u'\t');
            QCOMPARE(v.mid(0, 4),
                     (QStringList{u"ask"_s, u"hostile"_s, mode.errorClass, QString::number(mode.attempts)}));
            QVERIFY2(v[4].startsWith(u"engine 'hostile': "_s) && v[4].contains(mode.words), qPrintable(v[4]));
            QVERIFY2(keyIn(v[4].toUtf8()).isEmpty(), qPrintable(v[4]));
        }
        QCOMPARE(err.count(u"failed: hostile ["_s + mode.errorClass + u']'), failed ? 2 : 0);

        // Retry-After: 1 is waited for each time, instead of the backoff's random 0 to 8 s (the
        // test's event loop looks at the server every 10 ms, and coarse timers may be early).
        if (mode.fault == Fault::RateLimitedForASecond) {
            const QStringList prompts{u"Best CRM?"_s, u"Cheapest CRM?"_s};
            for (const QString &prompt : prompts) {
                QList<qint64> at;
                for (const auto &r : run.hostile.requests())
                    if (r.prompt == prompt)
                        at << r.atMs;
                QCOMPARE(at.size(), 5);
                for (qsizetype i = 1; i < at.size(); ++i)
                    QVERIFY2(at[i] - at[i - 1] >= 900 && at[i] - at[i - 1] < 2000,
                             qPrintable(u"%1 ms"_s.arg(at[i] - at[i - 1])));
            }
        }
        if (mode.fault == Fault::EchoKeyInAnswer) { // kept, with the key taken out of all of it
            const QStringList kept
                = queryRows(run.db(), u"SELECT answer, model FROM items WHERE engine = 'hostile' ORDER BY id"_s);
            QCOMPARE(kept,
                     QStringList(2, u"Acme is best. You sent the key [redacted] with it.\tm-2025-01-01[redacted]"_s));
            const QStringList cited = queryRows(
                run.db(), u"SELECT url FROM citations c JOIN items i ON i.id = c.item_id WHERE i.engine = 'hostile'"_s);
            QCOMPARE(cited, QStringList(2, u"https://reviews.example.org/crm/[redacted]"_s));
        }
    }

    void keyEcho_data()
    {
        QTest::addColumn<geo::DatabaseTarget::Backend>("backend");
        QTest::newRow("sqlite") << geo::DatabaseTarget::Backend::SQLite;
        QTest::newRow("postgresql") << geo::DatabaseTarget::Backend::PostgreSQL;
    }

    // Servers that echo the key in an error, an answer (its text, model and citation) and a
    // refusal: the key is in no table, export, report or output afterwards.
    void keyEcho()
    {
        QFETCH(geo::DatabaseTarget::Backend, backend);
        const TestDatabase db(backend);
        QVERIFY2(db.isValid(), qPrintable(db.error()));
        FakeEngineServer openai, anthropic;
        QVERIFY(openai.listen() && anthropic.listen());
        const auto echo = [](bool refusals) {
            return [refusals](int, const QString &prompt) {
                if (prompt == u"Echo error?"_s)
                    return Fault::EchoKey;
                if (prompt == u"Echo answer?"_s)
                    return Fault::EchoKeyInAnswer;
                return prompt == u"Echo refusal?"_s && refusals ? Fault::EchoKeyRefusal : Fault::None;
            };
        };
        openai.setFaults(echo(true));
        anthropic.setFaults(echo(false));
        QTemporaryDir dir;
        QFile spec(dir.filePath(u"spec.json"_s));
        QVERIFY(spec.open(QIODevice::WriteOnly));
        spec.write(
            QStringLiteral(R"({"name": "keys", "brand": {"name": "Acme"}, "competitors": [{"name": "Beta"}], )"
                           R"("templates": false, "analysis": {"inspect_sites": false}, )"
                           R"("prompts": ["Echo error?", "Echo answer?", "Echo refusal?", "Plain?"], "engines": [)"
                           R"({"id": "gpt", "kind": "openai", "model": "gpt-4o-mini", "base_url": "%1", )"
                           R"("api_key_env": "GEOAUDIT_HOSTILE_OPENAI_KEY"}, )"
                           R"({"id": "claude", "kind": "anthropic", "model": "claude-3-5-haiku", "base_url": "%2", )"
                           R"("api_key_env": "GEOAUDIT_HOSTILE_ANTHROPIC_KEY"}]})")
                .arg(openai.baseUrl().toString(), anthropic.baseUrl().toString())
                .toUtf8());
        spec.close();
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"GEOAUDIT_HOSTILE_OPENAI_KEY"_s, QString::fromLatin1(OpenAiKey));
        env.insert(u"GEOAUDIT_HOSTILE_ANTHROPIC_KEY"_s, QString::fromLatin1(AnthropicKey));
        const QString out = dir.filePath(u"out"_s), reports = dir.filePath(u"reports"_s);
        const Outcome run = cli({u"run"_s, spec.fileName(), u"--db"_s, db.location(), u"--out"_s, out}, env);
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(u"5 answered, 3 failed"_s), qPrintable(run.err));
        QCOMPARE(openai.requests().at(0).headers.value("authorization"), "Bearer " + OpenAiKey);
        QCOMPARE(anthropic.requests().at(0).headers.value("x-api-key"), AnthropicKey);
        const Outcome exported = cli(
            {u"export"_s, u"1"_s, u"--db"_s, db.location(), u"--out"_s, reports, u"--format"_s, u"csv,json,html,pdf"_s},
            env);
        QCOMPARE(exported.exitCode, 0);
        for (const Outcome *o : {&run, &exported})
            QVERIFY2(keyIn((o->out + o->err).toUtf8()).isEmpty(), qPrintable(o->out + o->err));

        // What was echoed is kept, with "[redacted]" where the key was.
        QFile failures(reports + u"/failures.csv"_s);
        QVERIFY(failures.open(QIODevice::ReadOnly));
        const QByteArray failed = failures.readAll();
        QCOMPARE(failed.count("[redacted]"), 3); // two errors and a refusal
        QFile answers(reports + u"/answers.csv"_s);
        QVERIFY(answers.open(QIODevice::ReadOnly));
        QCOMPARE(answers.readAll().count("You sent the key [redacted] with it."), 2);

        // Every file: the spec, the SQLite database with its WAL, the tables and the reports.
        QStringList folders{dir.path()}, names;
        if (backend == geo::DatabaseTarget::Backend::SQLite)
            folders << QFileInfo(db.location()).absolutePath();
        for (const QString &folder : folders) {
            QDirIterator files(folder, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
            while (files.hasNext()) {
                QFile f(files.next());
                QVERIFY(f.open(QIODevice::ReadOnly));
                QVERIFY2(keyIn(f.readAll()).isEmpty(), qPrintable(f.fileName()));
                names << QFileInfo(f).fileName();
            }
        }
        for (const QString &report : {u"report.json"_s, u"report.html"_s, u"report.pdf"_s, u"failures.csv"_s})
            QVERIFY2(names.contains(report), qPrintable(names.join(u", "_s)));
        // The PDF's text is compressed in its file; pdftotext reads it as a reader would.
        const QString pdftotext = QStandardPaths::findExecutable(u"pdftotext"_s);
        if (!pdftotext.isEmpty()) {
            const Outcome text = [&] {
                QProcess p;
                p.start(pdftotext, {reports + u"/report.pdf"_s, u"-"_s});
                p.waitForFinished(30000);
                return Outcome{p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), {}};
            }();
            QCOMPARE(text.exitCode, 0);
            QVERIFY2(text.out.contains(u"Acme"_s), qPrintable(text.out.left(500)));
            QVERIFY2(keyIn(text.out.toUtf8()).isEmpty(), qPrintable(text.out));
        }
        if (backend == geo::DatabaseTarget::Backend::SQLite) {
            // Its bytes, free pages and all; a WAL left behind would have been read too (the
            // last connection to close folds it in and removes it).
            QVERIFY2(names.contains(QFileInfo(db.location()).fileName()), qPrintable(names.join(u", "_s)));
        } else { // every text column of every table
            const QStringList columns
                = queryRows(db.location(),
                            u"SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = "
                            "current_schema() AND data_type IN ('text', 'character varying', 'json', 'jsonb')"_s);
            QVERIFY2(columns.size() >= 10, qPrintable(columns.join(u", "_s)));
            QVERIFY(columns.contains(u"failures\tmessage"_s));
            for (const QString &c : columns) {
                const QStringList tc = c.split(u'\t');
                const QString all
                    = queryRows(db.location(),
                                u"SELECT string_agg(\"%2\"::text, E'\\n') FROM \"%1\""_s.arg(tc[0], tc[1]))
                          .join(u'\n');
                QVERIFY2(keyIn(all.toUtf8()).isEmpty(), qPrintable(c + u": "_s + all));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestHostile)
#include "tst_hostile.moc"
