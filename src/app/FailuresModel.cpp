#include "FailuresModel.h"

namespace geo {

using namespace Qt::StringLiterals;

FailuresModel::FailuresModel(QObject *parent) : QAbstractTableModel(parent)
{
    m_flush.setSingleShot(true);
    m_flush.setInterval(100);
    connect(&m_flush, &QTimer::timeout, this, &FailuresModel::flush);
}

void FailuresModel::add(const FailureRecord &failure, const QString &prompt)
{
    m_pending.append({failure, prompt});
    if (!m_flush.isActive())
        m_flush.start();
}

void FailuresModel::flush()
{
    m_flush.stop();
    if (m_pending.isEmpty())
        return;
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + m_pending.size() - 1));
    m_rows.append(std::move(m_pending));
    m_pending.clear();
    endInsertRows();
}

void FailuresModel::clear()
{
    m_flush.stop();
    m_pending.clear();
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

int FailuresModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int FailuresModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FailuresModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &row = m_rows[index.row()];
    const FailureRecord &f = row.failure;
    if (role == Qt::UserRole) {
        switch (index.column()) {
        case Time:
            return f.at;
        case Attempts:
            return f.attempts;
        default:
            break;
        }
        role = Qt::DisplayRole;
    }
    if (role == Qt::ToolTipRole && (index.column() == Message || index.column() == Prompt))
        return index.column() == Message ? f.message : row.prompt;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Time:
        return f.at.toLocalTime().toString(u"HH:mm:ss"_s);
    case Stage:
        return f.stage;
    case Engine:
        return f.engine;
    case Prompt:
        return row.prompt;
    case ErrorClass:
        return f.errorClass;
    case Message:
        return f.message;
    case Attempts:
        return f.attempts;
    default:
        return {};
    }
}

QVariant FailuresModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Time:
        return tr("Time");
    case Stage:
        return tr("Stage");
    case Engine:
        return tr("Engine");
    case Prompt:
        return tr("Prompt");
    case ErrorClass:
        return tr("Error class");
    case Message:
        return tr("Message");
    case Attempts:
        return tr("Attempts");
    default:
        return {};
    }
}

} // namespace geo
