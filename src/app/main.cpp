// geoaudit: the desktop app.
#include "MainWindow.h"
#include "run/Proxy.h"
#include "store/AuditStore.h"

#include <QApplication>
#include <QCommandLineParser>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(u"geoaudit"_s);
    QApplication::setApplicationDisplayName(u"GEO Audit"_s);
    QApplication::setOrganizationName(u"geoaudit"_s);
    QApplication::setApplicationVersion(QStringLiteral(GEOAUDIT_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(u"How AI answer engines talk about a brand."_s);
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption db(u"db"_s, u"The SQLite database (default: %1)."_s.arg(geo::AuditStore::defaultPath()), u"PATH"_s);
    const QCommandLineOption demo(u"demo"_s, u"Open the demo audit (sample data)."_s);
    parser.addOptions({db, demo});
    parser.addPositionalArgument(u"spec"_s, u"An audit spec (JSON) to open."_s, u"[SPEC]"_s);
    parser.process(app);
    geo::useSystemProxy();

    geo::AuditStore store(parser.isSet(db) ? parser.value(db) : geo::AuditStore::defaultPath());
    geo::MainWindow window(&store);
    if (!parser.positionalArguments().isEmpty())
        window.openSpec(parser.positionalArguments().constFirst());
    else
        window.openDemo();
    window.show();
    return app.exec();
}
