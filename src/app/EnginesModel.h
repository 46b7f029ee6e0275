#pragma once

#include "CellProblems.h"
#include "engines/KeyStore.h"
#include "model/AuditSpec.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QSet>

namespace geo {

// The set-up form's engines, one editable row each, with where each engine's API key
// comes from (the environment, the keychain, or nowhere yet). The key itself is never
// read into the model: KeyStore::locate answers with its source only.
class EnginesModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EnginesModel)
public:
    // ApiKey edits the name of the variable holding the key and shows where the key is found.
    enum Column { Id, Kind, Model, BaseUrl, ApiKey, Concurrency, Rpm, Tpm, TimeoutMs, ColumnCount };

    explicit EnginesModel(QObject *parent = nullptr);

    // Fields without a column (price, web search, recorded file, speed) are kept as given.
    void setEngines(const QList<EngineSpec> &engines);
    const QList<EngineSpec> &engines() const { return m_engines; }
    // Adds an OpenAI engine with an id of its own; returns its model cell, for the view to edit.
    QModelIndex append();
    void setProblems(const QList<CellProblem> &problems);
    // Looks every key up again, after keys were saved or removed.
    void refreshKeys();
    // Why an engine cannot start for want of its key, one line per engine; keysLocated()
    // says when a lookup has changed what this returns.
    QStringList missingKeys() const;
    // The column showing a spec key ("model", "base_url", ...), or -1.
    static int columnOf(const QString &key);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    bool removeRows(int row, int count, const QModelIndex &parent = {}) override;

signals:
    void keysLocated();

private:
    bool needsNoKey(const EngineSpec &engine) const;
    bool keyMissing(const EngineSpec &engine) const;
    QString keyText(const EngineSpec &engine) const;
    QString keyToolTip(const EngineSpec &engine) const;
    void locate(const QString &name);

    QList<EngineSpec> m_engines;
    CellProblems m_problems;
    QHash<QString, KeyStore::Source> m_sources; // by variable name
    QSet<QString> m_locating;
};

} // namespace geo
