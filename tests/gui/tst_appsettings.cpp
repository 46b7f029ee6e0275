#include "AppSettings.h"

#include <QApplication>
#include <QDir>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <memory>

using namespace geo;
using namespace Qt::StringLiterals;

// Every setting the app keeps: its default before anything is set, and what is set read back
// by another AppSettings (as the next start would), under the key earlier versions wrote.
// The settings live in a temporary XDG_CONFIG_HOME (see main), never the user's.
class TestAppSettings : public QObject
{
    Q_OBJECT

private:
    struct Accessor
    {
        std::function<QVariant(const AppSettings &)> get;
        std::function<void(AppSettings &, const QVariant &)> set;
    };

    static QVariantList siteCacheValues(const SiteCacheOptions &o) { return {o.cacheBytes, o.ttlMs, o.failureTtlMs}; }

    // The settings by name, read and written as QVariant so one table tests them all.
    static Accessor accessor(const QString &name)
    {
        static const QHash<QString, Accessor> all{
            {u"analysisThreads"_s,
             {[](const AppSettings &s) { return QVariant(s.analysisThreads()); },
              [](AppSettings &s, const QVariant &v) { s.setAnalysisThreads(v.toInt()); }}},
            {u"siteCache"_s,
             {[](const AppSettings &s) { return QVariant(siteCacheValues(s.siteCache())); },
              [](AppSettings &s, const QVariant &v) {
                  const QVariantList l = v.toList();
                  SiteCacheOptions o;
                  o.cacheBytes = l.value(0).toLongLong();
                  o.ttlMs = l.value(1).toLongLong();
                  o.failureTtlMs = l.value(2).toLongLong();
                  s.setSiteCache(o);
              }}},
            {u"allowPrivateHosts"_s,
             {[](const AppSettings &s) { return QVariant(s.allowPrivateHosts()); },
              [](AppSettings &s, const QVariant &v) { s.setAllowPrivateHosts(v.toBool()); }}},
            {u"proxy"_s,
             {[](const AppSettings &s) { return QVariant(s.proxy()); },
              [](AppSettings &s, const QVariant &v) { s.setProxy(v.toString()); }}},
            {u"database"_s,
             {[](const AppSettings &s) { return QVariant(s.database()); },
              [](AppSettings &s, const QVariant &v) { s.setDatabase(v.toString()); }}},
            {u"theme"_s,
             {[](const AppSettings &s) { return QVariant(int(s.theme())); },
              [](AppSettings &s, const QVariant &v) { s.setTheme(Appearance::Theme(v.toInt())); }}},
            {u"specFolder"_s,
             {[](const AppSettings &s) { return QVariant(s.specFolder()); },
              [](AppSettings &s, const QVariant &v) { s.setSpecFolder(v.toString()); }}},
            {u"exportFolder"_s,
             {[](const AppSettings &s) { return QVariant(s.exportFolder()); },
              [](AppSettings &s, const QVariant &v) { s.setExportFolder(v.toString()); }}},
            {u"importFolder"_s,
             {[](const AppSettings &s) { return QVariant(s.importFolder()); },
              [](AppSettings &s, const QVariant &v) { s.setImportFolder(v.toString()); }}},
            {u"windowGeometry"_s,
             {[](const AppSettings &s) { return QVariant(s.windowGeometry()); },
              [](AppSettings &s, const QVariant &v) { s.setWindowGeometry(v.toByteArray()); }}},
            {u"splitterState"_s,
             {[](const AppSettings &s) { return QVariant(s.splitterState()); },
              [](AppSettings &s, const QVariant &v) { s.setSplitterState(v.toByteArray()); }}},
            {u"confirmLimits"_s,
             {[](const AppSettings &s) {
                  return QVariant(QVariantList{s.confirmLimits().answers, s.confirmLimits().costUsd});
              },
              [](AppSettings &s, const QVariant &v) {
                  s.setConfirmLimits({v.toList().value(0).toLongLong(), v.toList().value(1).toDouble()});
              }}},
            {u"page"_s,
             {[](const AppSettings &s) { return QVariant(s.page()); },
              [](AppSettings &s, const QVariant &v) { s.setPage(v.toInt()); }}},
            {u"lastSpec"_s,
             {[](const AppSettings &s) { return QVariant(s.lastSpec()); },
              [](AppSettings &s, const QVariant &v) { s.setLastSpec(v.toString()); }}},
            {u"lastAudit"_s,
             {[](const AppSettings &s) { return QVariant(s.lastAudit()); },
              [](AppSettings &s, const QVariant &v) { s.setLastAudit(v.toLongLong()); }}},
        };
        return all.value(name);
    }

    static void settingsTable()
    {
        QTest::addColumn<QString>("setting");
        QTest::addColumn<QVariant>("byDefault");
        QTest::addColumn<QVariant>("changed");
        QTest::addColumn<QStringList>("keys"); // as written (sorted), so earlier settings carry over
        const SiteCacheOptions defaults;
        QTest::newRow("analysis threads")
            << u"analysisThreads"_s << QVariant(0) << QVariant(4) << QStringList{u"analysis/threads"_s};
        QTest::newRow("site cache") << u"siteCache"_s << QVariant(siteCacheValues(defaults))
                                    << QVariant(QVariantList{qint64(32) * 1024 * 1024, qint64(2) * 3600 * 1000,
                                                             qint64(5) * 60 * 1000})
                                    << QStringList{u"sites/cacheMiB"_s, u"sites/failureTtlMinutes"_s,
                                                   u"sites/ttlHours"_s};
        QTest::newRow("private hosts") << u"allowPrivateHosts"_s << QVariant(false) << QVariant(true)
                                       << QStringList{u"sites/allowPrivateHosts"_s};
        QTest::newRow("proxy") << u"proxy"_s << QVariant(QString()) << QVariant(u"http://proxy.example:3128"_s)
                               << QStringList{u"network/proxy"_s};
        QTest::newRow("database") << u"database"_s << QVariant(QString())
                                  << QVariant(u"postgresql://analyst@db.example:5432/audits"_s)
                                  << QStringList{u"storage/database"_s};
        QTest::newRow("theme") << u"theme"_s << QVariant(int(Appearance::Theme::System))
                               << QVariant(int(Appearance::Theme::Dark)) << QStringList{u"appearance/theme"_s};
        QTest::newRow("confirm limits") << u"confirmLimits"_s << QVariant(QVariantList{qint64(5000), 50.0})
                                        << QVariant(QVariantList{qint64(20000), 125.5})
                                        << QStringList{u"run/confirmAboveAnswers"_s, u"run/confirmAboveCostUsd"_s};
        QTest::newRow("spec folder") << u"specFolder"_s << QVariant(QString()) << QVariant(u"/srv/specs"_s)
                                     << QStringList{u"spec/folder"_s};
        // The export folder is one that exists: Documents where there is one, else home.
        const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
        QTest::newRow("export folder") << u"exportFolder"_s
                                       << QVariant(QFileInfo(documents).isDir() ? documents : QDir::homePath())
                                       << QVariant(QDir::tempPath()) << QStringList{u"export/folder"_s};
        QTest::newRow("import folder") << u"importFolder"_s << QVariant(QString()) << QVariant(u"/srv/answers"_s)
                                       << QStringList{u"import/folder"_s};
        QTest::newRow("window geometry") << u"windowGeometry"_s << QVariant(QByteArray())
                                         << QVariant(QByteArray("\x01\xd9\xd0\xcb\x00\x03", 6))
                                         << QStringList{u"window/geometry"_s};
        QTest::newRow("splitter") << u"splitterState"_s << QVariant(QByteArray())
                                  << QVariant(QByteArray("\0\0\0\xff", 4)) << QStringList{u"window/splitter"_s};
        QTest::newRow("page") << u"page"_s << QVariant(0) << QVariant(3) << QStringList{u"window/page"_s};
        QTest::newRow("last spec") << u"lastSpec"_s << QVariant(QString()) << QVariant(u"/srv/specs/crm.json"_s)
                                   << QStringList{u"window/spec"_s};
        QTest::newRow("last audit") << u"lastAudit"_s << QVariant(qint64(0)) << QVariant(qint64(42))
                                    << QStringList{u"window/audit"_s};
    }

private slots:
    void init() { QSettings().clear(); }

    // A folder chosen for exports and since removed is not where the next picker opens.
    void aRemovedExportFolderIsForgotten()
    {
        auto folder = std::make_unique<QTemporaryDir>();
        AppSettings settings;
        settings.setExportFolder(folder->path());
        QCOMPARE(settings.exportFolder(), folder->path());
        const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
        folder.reset();
        QCOMPARE(settings.exportFolder(), QFileInfo(documents).isDir() ? documents : QDir::homePath());
    }

    void theSettingsAreKeptInTheTemporaryFolder()
    {
        QVERIFY2(QSettings().fileName().startsWith(qEnvironmentVariable("XDG_CONFIG_HOME")),
                 qPrintable(QSettings().fileName()));
    }

    void eachSettingHasItsDefault_data() { settingsTable(); }

    void eachSettingHasItsDefault()
    {
        QFETCH(QString, setting);
        QFETCH(QVariant, byDefault);
        const Accessor a = accessor(setting);
        QVERIFY(a.get);
        QCOMPARE(a.get(AppSettings()), byDefault);
    }

    void eachSettingReadsBackWhatWasSet_data() { settingsTable(); }

    void eachSettingReadsBackWhatWasSet()
    {
        QFETCH(QString, setting);
        QFETCH(QVariant, byDefault);
        QFETCH(QVariant, changed);
        QFETCH(QStringList, keys);
        const Accessor a = accessor(setting);
        {
            AppSettings settings;
            a.set(settings, changed);
            QCOMPARE(a.get(settings), changed);
        }
        QCOMPARE(a.get(AppSettings()), changed); // a later start reads it back
        QSettings written;
        QStringList kept = written.allKeys();
        kept.sort();
        QCOMPARE(kept, keys);
        {
            AppSettings settings;
            a.set(settings, byDefault);
        }
        QCOMPARE(a.get(AppSettings()), byDefault);
    }

    // The cache is kept in the dialog's units: sizes in whole MiB, times in hours and minutes.
    void theSiteCacheKeepsWholeUnits()
    {
        SiteCacheOptions o;
        o.cacheBytes = 3 * 1024 * 1024 + 17;
        o.ttlMs = 5 * 3600 * 1000 + 999;
        o.failureTtlMs = 7 * 60 * 1000 + 1;
        AppSettings().setSiteCache(o);
        const SiteCacheOptions read = AppSettings().siteCache();
        QCOMPARE(read.cacheBytes, qint64(3) * 1024 * 1024);
        QCOMPARE(read.ttlMs, qint64(5) * 3600 * 1000);
        QCOMPARE(read.failureTtlMs, qint64(7) * 60 * 1000);
        QCOMPARE(QSettings().value(u"sites/cacheMiB"_s).toInt(), 3);
    }
};

int main(int argc, char *argv[])
{
    // Before the application exists, so QSettings never sees the user's configuration.
    QTemporaryDir config;
    if (!config.isValid())
        return 1;
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(config.path()));
    QApplication app(argc, argv);
    QApplication::setOrganizationName(u"geoaudit-test"_s);
    QApplication::setApplicationName(u"tst_appsettings"_s);
    TestAppSettings test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_appsettings.moc"
