#pragma once

#include "Appearance.h"
#include "run/RunLimits.h"
#include "sites/SiteInspector.h"

#include <QByteArray>
#include <QSettings>
#include <QString>

namespace geo {

// Every setting the app keeps between starts, typed, each with its default: the one place
// that names their QSettings keys, so a key cannot be spelled two ways or defaulted twice.
// Kept where QSettings keeps the application's (~/.config/geoaudit/geoaudit.conf); cheap to
// make, so made where needed rather than passed around.
class AppSettings final
{
    Q_DISABLE_COPY_MOVE(AppSettings)
public:
    AppSettings() = default;

    // Analysis threads for runs started in the app; 0 keeps each spec's own.
    int analysisThreads() const;
    void setAnalysisThreads(int threads);

    // The site report cache: its size, and how long reports of sites that answered and of
    // those that did not stay fresh.
    SiteCacheOptions siteCache() const;
    void setSiteCache(const SiteCacheOptions &options);
    // Whether inspected sites may resolve to private or loopback addresses.
    bool allowPrivateHosts() const;
    void setAllowPrivateHosts(bool allow);

    // The proxy as typed (run/Proxy.h parses it); empty for the system's.
    QString proxy() const;
    void setProxy(const QString &proxy);
    // The database (a SQLite file or a postgresql:// URL); empty for AuditStore::defaultPath().
    QString database() const;
    void setDatabase(const QString &database);

    // Above these figures Start asks before it runs an audit (RunLimits' defaults until set).
    RunLimits confirmLimits() const;
    void setConfirmLimits(const RunLimits &limits);

    Appearance::Theme theme() const;
    void setTheme(Appearance::Theme theme);

    // The folders the file dialogs last used: for specs, exports and imported answers.
    QString specFolder() const;
    void setSpecFolder(const QString &folder);
    QString exportFolder() const; // the documents folder until one is chosen
    void setExportFolder(const QString &folder);
    QString importFolder() const;
    void setImportFolder(const QString &folder);

    // The main window as it was closed: geometry, the sidebar's splitter, the page shown, the
    // spec open (a file, or the demo's resource) and the audit picked (0: none).
    QString lastSpec() const;
    void setLastSpec(const QString &path);
    qint64 lastAudit() const;
    void setLastAudit(qint64 auditId);
    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray &geometry);
    QByteArray splitterState() const;
    void setSplitterState(const QByteArray &state);
    int page() const;
    void setPage(int page);

private:
    QSettings m_settings;
};

} // namespace geo
