#include "AuditListModel.h"

#include <QLocale>

namespace geo {

using namespace Qt::StringLiterals;

void AuditListModel::setAudits(const QList<AuditSummary> &audits)
{
    beginResetModel();
    m_audits = audits;
    endResetModel();
}

void AuditListModel::showProgress(qint64 auditId, const RunStats &stats)
{
    const QModelIndex at = indexOf(auditId);
    if (!at.isValid())
        return;
    AuditSummary &a = m_audits[at.row()];
    a.items = stats.planned;
    a.answered = stats.answered;
    a.failed = stats.failed;
    emit dataChanged(at, at, {Qt::DisplayRole});
}

const AuditSummary *AuditListModel::audit(const QModelIndex &index) const
{
    return index.isValid() && index.row() < m_audits.size() ? &m_audits[index.row()] : nullptr;
}

QModelIndex AuditListModel::indexOf(qint64 auditId) const
{
    for (int row = 0; row < m_audits.size(); ++row)
        if (m_audits[row].id == auditId)
            return index(row);
    return {};
}

int AuditListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_audits.size());
}

QVariant AuditListModel::data(const QModelIndex &index, int role) const
{
    const AuditSummary *a = audit(index);
    if (!a)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        return u"%1\n%2 · %3 of %4 answers%5 · %6"_s.arg(a->name, stateName(a->state))
            .arg(a->answered)
            .arg(a->items)
            .arg(a->failed > 0 ? u", %1 failed"_s.arg(a->failed) : QString(),
                 QLocale().toString(a->createdAt.toLocalTime(), QLocale::ShortFormat));
    case Qt::ToolTipRole:
        return a->sampleData ? u"Audit %1, sample data (recorded answers)"_s.arg(a->id) : u"Audit %1"_s.arg(a->id);
    case AuditIdRole:
        return a->id;
    case StateRole:
        return stateName(a->state);
    default:
        return {};
    }
}

} // namespace geo
