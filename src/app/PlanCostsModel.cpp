#include "PlanCostsModel.h"

#include "Usd.h"

#include <QFont>
#include <QLocale>

namespace geo {

void PlanCostsModel::setRows(const QList<Row> &engines, const Row &total)
{
    beginResetModel();
    m_rows = engines;
    m_rows << total;
    endResetModel();
}

int PlanCostsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int PlanCostsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString PlanCostsModel::text(const Row &row, int column) const
{
    const QLocale locale;
    switch (column) {
    case Engine:
        return row.engine;
    case Model:
        return row.model;
    case Answers:
        return locale.toString(row.answers);
    case TokensIn:
        return locale.toString(row.tokensIn);
    case TokensOut:
        return locale.toString(row.tokensOut);
    case Cost:
        return row.price == Price::Free   ? tr("nothing (no API)")
            : row.price == Price::Unknown ? tr("price unknown")
                                          : formatUsd(row.costUsd);
    default:
        return {};
    }
}

QVariant PlanCostsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &row = m_rows[index.row()];
    const bool number = index.column() >= Answers;
    switch (role) {
    case Qt::DisplayRole:
        return text(row, index.column());
    case Qt::UserRole:
        switch (index.column()) {
        case Answers:
            return row.answers;
        case TokensIn:
            return row.tokensIn;
        case TokensOut:
            return row.tokensOut;
        case Cost:
            return row.costUsd;
        default:
            return text(row, index.column());
        }
    case Qt::TextAlignmentRole:
        return number ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    case Qt::FontRole:
        if (index.row() == m_rows.size() - 1) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    default:
        return {};
    }
}

QVariant PlanCostsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Engine:
        return tr("Engine");
    case Model:
        return tr("Model");
    case Answers:
        return tr("Answers");
    case TokensIn:
        return tr("Tokens in");
    case TokensOut:
        return tr("Tokens out");
    case Cost:
        return tr("Cost");
    default:
        return {};
    }
}

} // namespace geo
