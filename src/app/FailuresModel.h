#pragma once

#include "store/AuditRecords.h"

#include <QAbstractTableModel>
#include <QTimer>

namespace geo {

// The failures of the audit on show, a row each. Failures arrive one signal at a time while
// a run goes; they are kept aside and inserted in one batch at most ten times a second, so a
// burst of thousands costs the view a few inserts, not thousands.
class FailuresModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FailuresModel)
public:
    enum Column { Time, Stage, Engine, Prompt, ErrorClass, Message, Attempts, ColumnCount };

    explicit FailuresModel(QObject *parent = nullptr);

    void add(const FailureRecord &failure, const QString &prompt);
    void clear();
    // Inserts what add() kept aside now (tests, and before a view is exported).
    void flush();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    struct Row
    {
        FailureRecord failure;
        QString prompt;
    };
    QList<Row> m_rows;
    QList<Row> m_pending;
    QTimer m_flush;
};

} // namespace geo
