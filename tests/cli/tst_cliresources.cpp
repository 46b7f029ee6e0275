#include "FakeEngineServer.h"

#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <memory>

using namespace Qt::StringLiterals;

// A CLI run as resources go (issue #17): the memory three large answers take, and what Qt
// itself prints on stderr when engines misbehave.

namespace {

const QByteArray CliProgram = QByteArrayLiteral(GEOAUDIT_BIN_DIR "/geoaudit-cli");

struct Measured
{
    int exitCode = -1;
    QString err;
    qint64 peakBytes = 0; // the child's peak resident set (ru_maxrss)
};

// Runs the CLI to its end while this process's event loop serves the fake engines, and
// takes its peak memory from wait4(): QProcess reaps its children itself and keeps no
// rusage, and /proc read while it runs could miss the last of it.
Measured runMeasured(const QStringList &args, const QString &errPath)
{
    QByteArrayList argv8{CliProgram};
    for (const QString &a : args)
        argv8 << a.toLocal8Bit();
    std::vector<char *> argv;
    for (QByteArray &a : argv8)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    const int errFd = ::open(QFile::encodeName(errPath).constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    const int nullFd = ::open("/dev/null", O_WRONLY | O_CLOEXEC);
    if (errFd < 0 || nullFd < 0)
        return {};
    const pid_t pid = ::fork();
    if (pid == 0) { // only async-signal-safe calls until exec: this process has threads
        ::dup2(nullFd, STDOUT_FILENO);
        ::dup2(errFd, STDERR_FILENO);
        ::execve(argv[0], argv.data(), environ);
        ::_exit(127);
    }
    ::close(errFd);
    ::close(nullFd);
    if (pid < 0)
        return {};
    int status = 0;
    rusage usage{};
    // Generous: under the sanitizers, with other tests beside it, a run of 90 MB takes minutes.
    constexpr int EndsWithinMs = 300000;
    const bool ended = QTest::qWaitFor([&] { return ::wait4(pid, &status, WNOHANG, &usage) == pid; }, EndsWithinMs);
    if (!ended) {
        ::kill(pid, SIGKILL);
        ::wait4(pid, &status, 0, &usage);
        Measured hung;
        hung.err = u"the CLI did not end within %1 s"_s.arg(EndsWithinMs / 1000);
        return hung;
    }
    QFile err(errPath);
    Measured m;
    m.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    m.err = err.open(QIODevice::ReadOnly) ? QString::fromUtf8(err.readAll()) : QString();
    m.peakBytes = qint64(usage.ru_maxrss) * 1024;
    return m;
}

// A spec asking one OpenAI-compatible engine the given prompts once each, every one in flight
// at once (the default concurrency is 10), sites not inspected.
QString writeSpec(const QTemporaryDir &dir, const QString &name, const QUrl &engine, const QStringList &prompts,
                  int timeoutMs = 60000)
{
    QFile spec(dir.filePath(name + u".json"_s));
    if (!spec.open(QIODevice::WriteOnly))
        return {};
    QStringList quoted;
    for (const QString &p : prompts)
        quoted << u'"' + p + u'"';
    spec.write(QStringLiteral(R"({"name": "%1", "brand": {"name": "Acme"}, "competitors": [{"name": "Beta"}], )"
                              R"("templates": false, "prompts": [%2], "samples": 1, )"
                              R"("engines": [{"id": "local", "kind": "openai", "model": "llama3", "base_url": "%3", )"
                              R"("timeout_ms": %4}], "analysis": {"inspect_sites": false}})")
                   .arg(name, quoted.join(u", "_s), engine.toString(), QString::number(timeoutMs))
                   .toUtf8());
    return spec.fileName();
}

// Markdown of exactly `bytes` bytes of UTF-8 as answers run: headings, ranked lists naming
// the brands, prose with a few non-ASCII characters, a link.
QString largeAnswer(qsizetype bytes)
{
    const QString block
        = u"## Choosing a CRM\n\n1. **Acme** is the best CRM for small teams; its setup takes minutes.\n"
          "2. **Beta** costs more, but its reports are thorough.\n\nMost teams compare features "
          "before they buy, and the café owners we asked liked Acme's calendar.\n\n"_s;
    QString text = u"See [the reviews](https://reviews.example.org/crm) first.\n\n"_s;
    const qsizetype blockBytes = block.toUtf8().size();
    qsizetype size = text.toUtf8().size();
    text.reserve(bytes);
    for (; size + blockBytes <= bytes; size += blockBytes)
        text += block;
    text += QString(bytes - size, u'x');
    return text;
}

// Lines Qt prints of its own: "QIODevice::read (QNetworkReplyHttpImpl): device not open",
// "QObject::connect: ...", "QSqlQuery::...", "qt.network.ssl: ...", "QThread: ...".
const QRegularExpression QtWarning(u"^(Q[A-Za-z]+(::|:)|qt\\.[a-z.]+:)"_s, QRegularExpression::MultilineOption);

} // namespace

class TestCliResources : public QObject
{
    Q_OBJECT

private slots:
    // Three 30 MB answers in flight at once take at most three times the largest of them
    // over a run of tiny answers: no stage keeps whole-body copies of an answer.
    void largeAnswersTakeAtMostThreeTimesTheLargest()
    {
        constexpr qsizetype AnswerBytes = 30'000'000;
        FakeEngineServer server;
        QVERIFY(server.listen());
        const QString large = largeAnswer(AnswerBytes);
        QCOMPARE(large.toUtf8().size(), AnswerBytes);
        server.setAnswers([&large](const QString &prompt) {
            return prompt.startsWith(u"Large"_s) ? large : u"1. **Acme** is best.\n2. **Beta** is fine."_s;
        });
        QTemporaryDir dir;
        const QString small
            = writeSpec(dir, u"small"_s, server.baseUrl(), {u"Small one?"_s, u"Small two?"_s, u"Small three?"_s});
        const QString big
            = writeSpec(dir, u"large"_s, server.baseUrl(), {u"Large one?"_s, u"Large two?"_s, u"Large three?"_s});

        const Measured baseline
            = runMeasured({u"run"_s, small, u"--db"_s, dir.filePath(u"small.sqlite"_s)}, dir.filePath(u"small.err"_s));
        QVERIFY2(baseline.exitCode == 0, qPrintable(baseline.err));
        const Measured run
            = runMeasured({u"run"_s, big, u"--db"_s, dir.filePath(u"large.sqlite"_s)}, dir.filePath(u"large.err"_s));
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.err.contains(u"3 answered, 0 failed"_s), qPrintable(run.err));
        QCOMPARE(server.maxInFlight(), 3);

        const double ratio = double(run.peakBytes - baseline.peakBytes) / double(AnswerBytes);
        qInfo("peak %lld MB, baseline %lld MB: %.2f times the largest answer", run.peakBytes / 1000000,
              baseline.peakBytes / 1000000, ratio);
#ifndef GEOAUDIT_SANITIZE // the sanitizers' shadow memory and quarantine inflate every figure
        // It was 59 times. The stages' whole-body copies are gone, but three answers in flight
        // at once still each pass through a body, UTF-16 text, UTF-8 for SQLite and for the
        // analysis, and the analysis' visible text: 12 to 14 times in all, by how they overlap.
        QVERIFY2(ratio <= 18.0, qPrintable(u"%1 times the largest answer"_s.arg(ratio, 0, 'f', 2)));
        QEXPECT_FAIL("", "issue #17's goal: large answers taken one at a time from the network on", Continue);
        QVERIFY2(ratio <= 3.0, qPrintable(u"%1 times the largest answer"_s.arg(ratio, 0, 'f', 2)));
#endif
    }

    // Engines that misbehave in every way the fake one can end in clear failures or retries,
    // and Qt prints nothing of its own on stderr (it printed "QIODevice::read
    // (QNetworkReplyHttpImpl): device not open" for replies read after they were aborted).
    void misbehavingEnginesLeaveNoQtWarnings()
    {
        using Fault = FakeEngineServer::Fault;
        const QHash<QString, Fault> faults{{u"malformed"_s, Fault::MalformedJson},
                                           {u"garbage"_s, Fault::Garbage},
                                           {u"empty"_s, Fault::Empty},
                                           {u"slow"_s, Fault::DripAnswer},
                                           {u"reset"_s, Fault::Reset},
                                           {u"truncated"_s, Fault::Truncated},
                                           {u"drip"_s, Fault::Drip},
                                           {u"limited"_s, Fault::RateLimitedRetryAfter},
                                           {u"unavailable"_s, Fault::Unavailable},
                                           {u"html"_s, Fault::Html},
                                           {u"shape"_s, Fault::WrongShape},
                                           {u"oversized"_s, Fault::None},
                                           {u"huge"_s, Fault::None}};
        FakeEngineServer hostile, huge, refusing;
        QVERIFY(hostile.listen() && huge.listen() && refusing.listen());
        // Each prompt's first ask misbehaves; asked again, it is answered.
        auto asked = std::make_shared<QSet<QString>>();
        hostile.setFaults([faults, asked](int, const QString &prompt) {
            const bool first = !asked->contains(prompt);
            asked->insert(prompt);
            return first ? faults.value(prompt, Fault::None) : Fault::None;
        });
        const QString oversized(33 * 1024 * 1024, u'a'); // over the 32 MiB an answer may take
        hostile.setAnswers([&oversized](const QString &prompt) {
            return prompt == u"oversized"_s ? oversized : u"1. **Acme** is best.\n2. **Beta** is fine."_s;
        });
        // 200 MB sent as it is taken, on an engine with the time to pass the cap: with the
        // hostile one's, the deadline could end it first.
        huge.setFaults([](int, const QString &prompt) { return prompt == u"huge"_s ? Fault::Huge : Fault::None; });
        refusing.setFaults([](int, const QString &) { return Fault::Unauthorized; });
        // The hostile engine's 10 s deadline ends the endless drip; it is long enough that a
        // loaded, sanitized run still reads every other fault whole: at 3 s the first HTML page
        // or the 33 MB answer sometimes timed out, was asked again, and was answered.
        QTemporaryDir dir;
        QFile spec(dir.filePath(u"hostile.json"_s));
        QVERIFY(spec.open(QIODevice::WriteOnly));
        spec.write(QStringLiteral(R"({"name": "hostile", "brand": {"name": "Acme"}, "templates": false, )"
                                  R"("prompts": ["%1"], "samples": 1, "analysis": {"inspect_sites": false}, )"
                                  R"("engines": [{"id": "hostile", "kind": "openai", "model": "m", "base_url": "%2", )"
                                  R"("timeout_ms": 10000}, {"id": "huge", "kind": "openai", "model": "m", )"
                                  R"("base_url": "%3", "timeout_ms": 60000}, {"id": "refusing", "kind": "openai", )"
                                  R"("model": "m", "base_url": "%4"}]})")
                       .arg(QStringList(faults.keys()).join(u"\", \""_s), hostile.baseUrl().toString(),
                            huge.baseUrl().toString(), refusing.baseUrl().toString())
                       .toUtf8());
        spec.close();
        const Measured run = runMeasured({u"run"_s, spec.fileName(), u"--db"_s, dir.filePath(u"a.sqlite"_s)},
                                         dir.filePath(u"run.err"_s));
        // The HTML page, the wrong shape and the two oversized answers fail for good, as does
        // every ask of the engine that refuses; the rest are answered when asked again.
        // QtTest cuts long messages: the end of stderr (the summary, any sanitizer report) matters.
        QVERIFY2(run.exitCode == 1 && run.err.contains(u"22 answered, 17 failed"_s),
                 qPrintable(u"exit %1, stderr ends: %2"_s.arg(run.exitCode).arg(run.err.right(1500))));
        QVERIFY2(run.err.contains(u"failed: hostile [too-large] \"oversized\""_s), qPrintable(run.err));
        QVERIFY2(run.err.contains(u"failed: huge [too-large] \"huge\""_s), qPrintable(run.err));
        QVERIFY2(!QtWarning.match(run.err).hasMatch(), qPrintable(run.err));
    }
};

QTEST_GUILESS_MAIN(TestCliResources)
#include "tst_cliresources.moc"
