// geoaudit: the desktop app.
#include "AppSettings.h"
#include "Appearance.h"
#include "MainWindow.h"
#include "model/WhenReady.h"
#include "run/Proxy.h"
#include "store/AuditStore.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QTimer>

#include <cstdio>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    // Organization and application are both "geoaudit": settings go to
    // ~/.config/geoaudit/geoaudit.conf; the database to ~/.local/share/geoaudit (AuditStore::defaultPath).
    QApplication::setApplicationName(u"geoaudit"_s);
    QApplication::setApplicationDisplayName(u"GEO Audit"_s);
    QApplication::setOrganizationName(u"geoaudit"_s);
    QApplication::setApplicationVersion(QStringLiteral(GEOAUDIT_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(u"How AI answer engines talk about a brand."_s);
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption version = parser.addVersionOption();
    const QCommandLineOption db(u"db"_s,
                                u"The database: a SQLite file (default: %1) or postgresql://user@host:port/dbname, "
                                "with the password in PGPASSWORD or ~/.pgpass."_s.arg(geo::AuditStore::defaultPath()),
                                u"PATH"_s);
    const QCommandLineOption demo(u"demo"_s, u"Open the demo audit (sample data)."_s);
    const QCommandLineOption screenshot(
        u"screenshot"_s,
        u"Once the window shows the audits in the database, save a picture of it to FILE (PNG) and quit."_s, u"FILE"_s);
    parser.addOptions({db, demo, screenshot});
    parser.addPositionalArgument(u"spec"_s, u"An audit spec (JSON) to open."_s, u"[SPEC]"_s);
    // --help and --version answer before the GUI starts, so they work without a display.
    QStringList rawArguments;
    for (int i = 0; i < argc; ++i)
        rawArguments << QString::fromLocal8Bit(argv[i]);
    if (parser.parse(rawArguments)) {
        if (parser.isSet(help)) {
            // Without an application object the parser cannot know the program's name.
            std::fputs(qPrintable(parser.helpText().replace(u"<executable_name>"_s, u"geoaudit"_s)), stdout);
            return 0;
        }
        if (parser.isSet(version))
            parser.showVersion();
    }

    QApplication app(argc, argv);
    // Lets the desktop match the window to the installed .desktop entry and its icon.
    QGuiApplication::setDesktopFileName(QStringLiteral(GEOAUDIT_APP_ID));
    QIcon icon;
    for (const int size : {16, 24, 32, 48, 64, 128, 256})
        icon.addFile(u":/icons/hicolor/%1x%1/apps/geoaudit.png"_s.arg(size), QSize(size, size));
    QApplication::setWindowIcon(QIcon::fromTheme(u"geoaudit"_s, icon));
    parser.process(app);
    geo::useSystemProxy();
    geo::Appearance::apply(geo::Appearance::theme());

    const QString chosen = geo::AppSettings().database();
    geo::AuditStore store(parser.isSet(db)       ? parser.value(db)
                              : chosen.isEmpty() ? geo::AuditStore::defaultPath()
                                                 : chosen);
    geo::MainWindow window(&store);
    if (!parser.positionalArguments().isEmpty())
        window.openSpec(parser.positionalArguments().constFirst());
    else if (parser.isSet(demo))
        window.openDemo();
    else
        window.reopenLast();
    window.show();

    if (parser.isSet(screenshot)) {
        // Proves a start end to end (store opened, audits listed, window painted) for
        // installed-package checks, then closes the window as a user would, so settings are saved.
        // The store runs jobs in order, so once a flush queued now resolves, the window's own
        // listing has been delivered to it.
        const QString file = parser.value(screenshot);
        geo::whenReady(store.flush(), &window, [&window, file](const geo::Status &flushed) {
            // Queued: the flush may have resolved before the event loop started, and neither
            // exit() nor closing the last window ends an event loop that is not running yet.
            QMetaObject::invokeMethod(
                &window,
                [&window, file, flushed] {
                    if (!flushed) {
                        std::fprintf(stderr, "geoaudit: %s\n", qPrintable(flushed.error()));
                        QCoreApplication::exit(1);
                    } else if (!window.grab().save(file, "PNG")) {
                        std::fprintf(stderr, "geoaudit: cannot save the screenshot to %s\n", qPrintable(file));
                        QCoreApplication::exit(1);
                    } else {
                        window.close();
                    }
                },
                Qt::QueuedConnection);
        });
        QTimer::singleShot(60000, &app, [] {
            std::fputs("geoaudit: the window did not list the audits within a minute\n", stderr);
            QCoreApplication::exit(1);
        });
    }
    return app.exec();
}
