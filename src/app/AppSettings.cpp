#include "AppSettings.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace geo {

using namespace Qt::StringLiterals;

namespace {

// The keys as earlier versions wrote them, so settings carry over.
namespace Key {
const QString AnalysisThreads = u"analysis/threads"_s;
const QString SiteCacheMiB = u"sites/cacheMiB"_s;
const QString SiteTtlHours = u"sites/ttlHours"_s;
const QString SiteFailureTtlMinutes = u"sites/failureTtlMinutes"_s;
const QString AllowPrivateHosts = u"sites/allowPrivateHosts"_s;
const QString Proxy = u"network/proxy"_s;
const QString Database = u"storage/database"_s;
const QString Theme = u"appearance/theme"_s;
const QString ConfirmAnswers = u"run/confirmAboveAnswers"_s;
const QString ConfirmCostUsd = u"run/confirmAboveCostUsd"_s;
const QString SpecFolder = u"spec/folder"_s;
const QString ExportFolder = u"export/folder"_s;
const QString ImportFolder = u"import/folder"_s;
const QString WindowGeometry = u"window/geometry"_s;
const QString WindowSplitter = u"window/splitter"_s;
const QString WindowPage = u"window/page"_s;
const QString LastSpec = u"window/spec"_s;
const QString LastAudit = u"window/audit"_s;
} // namespace Key

// The cache is kept in the units the settings dialog shows.
constexpr qint64 MiB = 1024 * 1024;
constexpr qint64 HourMs = 3600 * 1000;
constexpr qint64 MinuteMs = 60 * 1000;

} // namespace

int AppSettings::analysisThreads() const
{
    return m_settings.value(Key::AnalysisThreads, 0).toInt();
}

void AppSettings::setAnalysisThreads(int threads)
{
    m_settings.setValue(Key::AnalysisThreads, threads);
}

SiteCacheOptions AppSettings::siteCache() const
{
    SiteCacheOptions o;
    o.cacheBytes = m_settings.value(Key::SiteCacheMiB, o.cacheBytes / MiB).toLongLong() * MiB;
    o.ttlMs = m_settings.value(Key::SiteTtlHours, o.ttlMs / HourMs).toLongLong() * HourMs;
    o.failureTtlMs = m_settings.value(Key::SiteFailureTtlMinutes, o.failureTtlMs / MinuteMs).toLongLong() * MinuteMs;
    return o;
}

void AppSettings::setSiteCache(const SiteCacheOptions &options)
{
    m_settings.setValue(Key::SiteCacheMiB, options.cacheBytes / MiB);
    m_settings.setValue(Key::SiteTtlHours, options.ttlMs / HourMs);
    m_settings.setValue(Key::SiteFailureTtlMinutes, options.failureTtlMs / MinuteMs);
}

bool AppSettings::allowPrivateHosts() const
{
    return m_settings.value(Key::AllowPrivateHosts, false).toBool();
}

void AppSettings::setAllowPrivateHosts(bool allow)
{
    m_settings.setValue(Key::AllowPrivateHosts, allow);
}

RunLimits AppSettings::confirmLimits() const
{
    RunLimits limits;
    limits.answers = m_settings.value(Key::ConfirmAnswers, limits.answers).toLongLong();
    limits.costUsd = m_settings.value(Key::ConfirmCostUsd, limits.costUsd).toDouble();
    return limits;
}

void AppSettings::setConfirmLimits(const RunLimits &limits)
{
    m_settings.setValue(Key::ConfirmAnswers, limits.answers);
    m_settings.setValue(Key::ConfirmCostUsd, limits.costUsd);
}

QString AppSettings::proxy() const
{
    return m_settings.value(Key::Proxy).toString();
}

void AppSettings::setProxy(const QString &proxy)
{
    m_settings.setValue(Key::Proxy, proxy);
}

QString AppSettings::database() const
{
    return m_settings.value(Key::Database).toString();
}

void AppSettings::setDatabase(const QString &database)
{
    m_settings.setValue(Key::Database, database);
}

Appearance::Theme AppSettings::theme() const
{
    const QString name = m_settings.value(Key::Theme).toString();
    return name == u"dark"_s ? Appearance::Theme::Dark
        : name == u"light"_s ? Appearance::Theme::Light
                             : Appearance::Theme::System;
}

void AppSettings::setTheme(Appearance::Theme theme)
{
    m_settings.setValue(Key::Theme,
                        theme == Appearance::Theme::Dark        ? u"dark"_s
                            : theme == Appearance::Theme::Light ? u"light"_s
                                                                : u"system"_s);
}

QString AppSettings::specFolder() const
{
    return m_settings.value(Key::SpecFolder).toString();
}

void AppSettings::setSpecFolder(const QString &folder)
{
    m_settings.setValue(Key::SpecFolder, folder);
}

QString AppSettings::exportFolder() const
{
    // The folder chosen last, while it is there; else Documents, where the desktop has one,
    // else home: a picker must open where a new folder can be made.
    for (const QString &folder : {m_settings.value(Key::ExportFolder).toString(),
                                  QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)})
        if (!folder.isEmpty() && QFileInfo(folder).isDir())
            return folder;
    return QDir::homePath();
}

void AppSettings::setExportFolder(const QString &folder)
{
    m_settings.setValue(Key::ExportFolder, folder);
}

QString AppSettings::importFolder() const
{
    return m_settings.value(Key::ImportFolder).toString();
}

void AppSettings::setImportFolder(const QString &folder)
{
    m_settings.setValue(Key::ImportFolder, folder);
}

QByteArray AppSettings::windowGeometry() const
{
    return m_settings.value(Key::WindowGeometry).toByteArray();
}

void AppSettings::setWindowGeometry(const QByteArray &geometry)
{
    m_settings.setValue(Key::WindowGeometry, geometry);
}

QByteArray AppSettings::splitterState() const
{
    return m_settings.value(Key::WindowSplitter).toByteArray();
}

void AppSettings::setSplitterState(const QByteArray &state)
{
    m_settings.setValue(Key::WindowSplitter, state);
}

int AppSettings::page() const
{
    return m_settings.value(Key::WindowPage, 0).toInt();
}

void AppSettings::setPage(int page)
{
    m_settings.setValue(Key::WindowPage, page);
}

QString AppSettings::lastSpec() const
{
    return m_settings.value(Key::LastSpec).toString();
}

void AppSettings::setLastSpec(const QString &path)
{
    m_settings.setValue(Key::LastSpec, path);
}

qint64 AppSettings::lastAudit() const
{
    return m_settings.value(Key::LastAudit, 0).toLongLong();
}

void AppSettings::setLastAudit(qint64 auditId)
{
    m_settings.setValue(Key::LastAudit, auditId);
}

} // namespace geo
