#pragma once

#include "sites/SiteInspector.h"

#include <QDialog>

#include <memory>

namespace Ui {
class SettingsDialog;
}

namespace geo {

// The app's settings, kept in QSettings: analysis threads, the site report cache, the
// proxy, private hosts and the database. OK is refused while the proxy or the database does not parse.
class SettingsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsDialog)
public:
    explicit SettingsDialog(QWidget *parent = nullptr);
    ~SettingsDialog() override;

    // The site cache options the settings give (defaults where none are set).
    static SiteCacheOptions siteOptions();
    // The database the settings name, or empty for the default.
    static QString database();

signals:
    void apiKeysRequested();

private:
    void check(); // the proxy and the database; OK waits until both parse
    void save();

    std::unique_ptr<Ui::SettingsDialog> m_ui;
};

} // namespace geo
