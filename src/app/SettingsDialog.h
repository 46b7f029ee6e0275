#pragma once

#include <QDialog>

#include <memory>

namespace Ui {
class SettingsDialog;
}

namespace geo {

// The app's settings (AppSettings) to change: analysis threads, the site report cache, the proxy,
// private hosts, the appearance and the database. OK is refused while the proxy or the database
// does not parse.
class SettingsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsDialog)
public:
    explicit SettingsDialog(QWidget *parent = nullptr);
    ~SettingsDialog() override;

signals:
    void apiKeysRequested();

private:
    void check(); // the proxy and the database; OK waits until both parse
    void save();

    std::unique_ptr<Ui::SettingsDialog> m_ui;
};

} // namespace geo
