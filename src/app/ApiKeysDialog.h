#pragma once

#include "model/AuditSpec.h"

#include <QDialog>

#include <memory>

namespace Ui {
class ApiKeysDialog;
}

namespace geo {

// Saves API keys in the OS keychain under the names engines look them up by, and shows for
// each name the open spec needs where its key comes from. Keys are never shown back.
class ApiKeysDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApiKeysDialog)
public:
    explicit ApiKeysDialog(const QList<EngineSpec> &engines, QWidget *parent = nullptr);
    ~ApiKeysDialog() override;

signals:
    void keysChanged();

private:
    void refresh();
    void save();
    void remove();

    std::unique_ptr<Ui::ApiKeysDialog> m_ui;
    QList<EngineSpec> m_engines;
    QPushButton *m_save;
    QPushButton *m_delete;
};

} // namespace geo
