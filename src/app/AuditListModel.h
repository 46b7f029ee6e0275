#pragma once

#include "model/RunStats.h"
#include "store/AuditRecords.h"

#include <QAbstractListModel>

namespace geo {

// The audits in the store, newest first, for the sidebar.
class AuditListModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AuditListModel)
public:
    enum Role { AuditIdRole = Qt::UserRole + 1, StateRole };

    using QAbstractListModel::QAbstractListModel;

    void setAudits(const QList<AuditSummary> &audits);
    // A running audit's counts as its run reports them, between two reads of the store.
    void showProgress(qint64 auditId, const RunStats &stats);
    const AuditSummary *audit(const QModelIndex &index) const;
    QModelIndex indexOf(qint64 auditId) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;

private:
    QList<AuditSummary> m_audits;
};

} // namespace geo
