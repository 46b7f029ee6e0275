#include "Execute.h"

#include "Console.h"
#include "Export.h"

#include <type_traits>

#include <QElapsedTimer>
#include <QLocale>
#include <QNetworkAccessManager>

using namespace Qt::StringLiterals;

namespace geo::cli {

namespace {

// Thousands grouped, whatever the user's locale: the figures of a message scripts may read.
const QLocale &english()
{
    static const QLocale locale(QLocale::English, QLocale::UnitedStates);
    return locale;
}

template<typename T>
int limitFrom(const Invocation &in, const QString &option, const char *variable, T &limit)
{
    QString given = in.value(option);
    QString source = u"--"_s + option;
    if (given.isEmpty() && qEnvironmentVariableIsSet(variable)) {
        given = qEnvironmentVariable(variable);
        source = QString::fromLatin1(variable);
    }
    if (!in.isSet(option) && given.isEmpty())
        return Success;
    bool isNumber = false;
    const T value = std::is_integral_v<T> ? T(given.toLongLong(&isNumber)) : T(given.toDouble(&isNumber));
    if (!isNumber || value < 0) {
        say(u"%1: \"%2\" is not %3; write it like %4"_s.arg(
            source, given, std::is_integral_v<T> ? u"a number of answers"_s : u"an amount in US dollars"_s,
            std::is_integral_v<T> ? u"20000"_s : u"120.50"_s));
        return BadInput;
    }
    limit = value;
    return Success;
}

} // namespace

int confirmLimits(const Invocation &in, std::optional<RunLimits> &limits)
{
    RunLimits given;
    if (const int code = limitFrom(in, u"max-answers"_s, "GEOAUDIT_MAX_ANSWERS", given.answers); code != Success)
        return code;
    if (const int code = limitFrom(in, u"max-cost"_s, "GEOAUDIT_MAX_COST_USD", given.costUsd); code != Success)
        return code;
    limits = in.isSet(u"yes"_s) ? std::nullopt : std::optional<RunLimits>(given);
    return Success;
}

int execute(AuditStore &store, const Output &out, const NetworkOptions &net, std::optional<RunLimits> limits,
            const std::function<void(AuditRunner &)> &begin)
{
    QNetworkAccessManager network;
    network.setProxy(net.proxy);
    AuditRunner runner(&store, &network);
    runner.setAllowPrivateHosts(net.allowPrivateHosts);
    runner.setConfirmLimits(limits);
    int exitCode = Success;
    bool done = false;
    QElapsedTimer sinceReport;
    QObject::connect(&runner, &AuditRunner::needsConfirmation, [&](qint64 answers, double cost) {
        say(u"this audit would ask %1 answers, costing about $%2, above the limits for running without asking "
            "(%3 answers or $%4); nothing was asked or stored. Add --yes to run it anyway, or raise the limits "
            "with --max-answers and --max-cost (or GEOAUDIT_MAX_ANSWERS and GEOAUDIT_MAX_COST_USD)."_s.arg(
                english().toString(answers), english().toString(cost, 'f', 2), english().toString(limits->answers),
                english().toString(limits->costUsd, 'f', 2)));
        exitCode = NeedsConfirmation;
        done = true;
    });
    // Storing millions of items takes a while: said as it goes, at most twice a second.
    QElapsedTimer sincePrepared;
    QObject::connect(&runner, &AuditRunner::preparing, [&](qint64 written, qint64 total) {
        if (sincePrepared.isValid() && sincePrepared.elapsed() < 500 && written < total)
            return;
        sincePrepared.start();
        say(u"Preparing %1 answers: %2%"_s.arg(english().toString(total)).arg(total > 0 ? written * 100 / total : 100));
    });
    QObject::connect(&runner, &AuditRunner::error, [&](const QString &message) {
        say(u"error: "_s + message);
        if (!runner.isRunning()) {
            exitCode = BadInput;
            done = true;
        }
    });
    // Another process runs the audit: nothing was asked, or this run stopped asking.
    QObject::connect(&runner, &AuditRunner::busy, [&](const QString &message) {
        say(u"error: "_s + message);
        exitCode = Busy;
        done = true;
    });
    QObject::connect(&runner, &AuditRunner::notice, [](const QString &message) { say(message); });
    QObject::connect(&runner, &AuditRunner::started, [&](qint64 id) {
        const RunStats s = runner.stats();
        say(u"audit %1: %2 answers, %3 to ask"_s.arg(id).arg(s.planned).arg(s.planned - s.answered - s.failed));
        sinceReport.start();
    });
    // At most twice a second, and the last: a log, not a flood.
    QObject::connect(&runner, &AuditRunner::progress, [&](const RunStats &s) {
        if (sinceReport.isValid() && sinceReport.elapsed() < 500 && !s.finished)
            return;
        sinceReport.restart();
        say(u"%1/%2 done: %3 answered, %4 analysed, %5 failed, %6 in flight, %7 retrying, %8 answers/s, $%9"_s
                .arg(s.done())
                .arg(s.planned)
                .arg(s.answered)
                .arg(s.analysed)
                .arg(s.failed)
                .arg(s.inFlight)
                .arg(s.retrying)
                .arg(s.answersPerSecondOverall, 0, 'f', 1)
                .arg(s.costUsd, 0, 'f', 4));
    });
    QObject::connect(&runner, &AuditRunner::itemFailed, [](const FailureRecord &f, const QString &prompt) {
        say(u"failed: %1 [%2] \"%3\": %4"_s.arg(f.engine, f.errorClass, prompt.left(60), f.message));
    });
    QString finalState;
    QObject::connect(&runner, &AuditRunner::finished, [&](qint64, const QString &state, const RunStats &s) {
        say(u"audit %1 %2 in %3 s: %4 answered, %5 failed, $%6"_s.arg(runner.auditId())
                .arg(state)
                .arg(double(s.elapsedMs) / 1000.0, 0, 'f', 1)
                .arg(s.answered)
                .arg(s.failed)
                .arg(s.costUsd, 0, 'f', 4));
        finalState = state;
        exitCode = s.failed > 0 || state != u"finished"_s ? SomeFailed : Success;
        done = true;
    });
    begin(runner);
    waitUntil([&] { return bool(done); });
    if (!out.dir.isEmpty() && runner.auditId() > 0 && !finalState.isEmpty())
        if (const int code = exportAudit(store, runner.auditId(), out); code != Success)
            return code;
    return exitCode;
}

} // namespace geo::cli
