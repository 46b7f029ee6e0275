#include "TopicCountsModel.h"

#include <QLocale>

namespace geo {

void TopicCountsModel::setRows(const QList<Row> &rows)
{
    beginResetModel();
    m_rows = rows;
    endResetModel();
}

int TopicCountsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int TopicCountsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TopicCountsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &row = m_rows[index.row()];
    if (role == Qt::TextAlignmentRole)
        return index.column() == Topic ? QVariant() : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != Qt::UserRole)
        return {};
    switch (index.column()) {
    case Topic:
        return row.topic.isEmpty() ? tr("no topic") : row.topic;
    case Prompts:
        return role == Qt::UserRole ? QVariant(row.prompts) : QVariant(QLocale().toString(row.prompts));
    case Answers:
        return role == Qt::UserRole ? QVariant(row.answers) : QVariant(QLocale().toString(row.answers));
    default:
        return {};
    }
}

QVariant TopicCountsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Topic:
        return tr("Topic");
    case Prompts:
        return tr("Prompts");
    case Answers:
        return tr("Answers");
    default:
        return {};
    }
}

} // namespace geo
