// geoaudit-cli: the headless front end, on the same core as the app. Its verbs are a table
// (CommandTable, one file per verb under commands/); this reads the command line against it,
// sets up what every verb shares and runs the verb.
#include "ArgumentParser.h"
#include "Console.h"
#include "HelpText.h"
#include "ManPage.h"
#include "export/ReportWriter.h"
#include "run/Proxy.h"

#include <QCoreApplication>
#include <QGuiApplication>

#include <cstdio>
#include <memory>

using namespace geo;
using namespace geo::cli;
using namespace Qt::StringLiterals;

namespace {

// The PDF report draws text, which takes a QGuiApplication; without a display it uses the
// offscreen platform, so that the CLI works headless. Everything else needs only QtCore.
std::unique_ptr<QCoreApplication> application(int &argc, char *argv[], bool gui)
{
    if (!gui)
        return std::make_unique<QCoreApplication>(argc, argv);
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY")
        && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    return std::make_unique<QGuiApplication>(argc, argv);
}

} // namespace

int main(int argc, char *argv[])
{
    QStringList arguments;
    for (int i = 1; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    const Result<Invocation> parsed = ArgumentParser::parse(arguments);
    if (!parsed) {
        say(parsed.error());
        return BadInput;
    }
    Invocation in = parsed.value();
    // The build runs this to write the man page: no application, no settings, nothing else.
    if (in.isSet(u"man"_s)) {
        std::fputs(qPrintable(ManPage::roff()), stdout);
        return Success;
    }
    in.output.dir = in.value(u"out"_s);
    if (in.isSet(u"format"_s)) {
        const Result<QStringList> formats = ReportWriter::parseFormats(in.value(u"format"_s));
        if (!formats) {
            say(u"--format: "_s + formats.error());
            return BadInput;
        }
        in.output.formats = formats.value();
    }
    const auto app = application(argc, argv, in.output.formats.contains(u"pdf"_s));
    QCoreApplication::setApplicationName(u"geoaudit"_s);
    QCoreApplication::setOrganizationName(u"geoaudit"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(GEOAUDIT_VERSION));
    if (in.isSet(u"version"_s)) {
        print(u"geoaudit-cli "_s + QCoreApplication::applicationVersion());
        return Success;
    }
    if (!in.command) {
        std::fputs(qPrintable(HelpText::overview()), stderr);
        return BadInput;
    }
    in.network.allowPrivateHosts = in.isSet(u"allow-private-hosts"_s);
    useSystemProxy();
    if (in.isSet(u"proxy"_s)) {
        const Result<QNetworkProxy> proxy = parseProxy(in.value(u"proxy"_s));
        if (!proxy) {
            say(u"--proxy: "_s + proxy.error());
            return BadInput;
        }
        in.network.proxy = proxy.value();
    }
    return in.command->run(in);
}
