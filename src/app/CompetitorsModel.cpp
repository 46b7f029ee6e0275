#include "CompetitorsModel.h"

#include "CaseNote.h"
#include "FormText.h"

namespace geo {

using namespace Qt::StringLiterals;

CompetitorsModel::CompetitorsModel(QObject *parent) : QAbstractTableModel(parent) { }

void CompetitorsModel::setBrands(const QList<BrandSpec> &brands)
{
    beginResetModel();
    m_brands = brands;
    m_problems = {};
    endResetModel();
}

QModelIndex CompetitorsModel::append(const BrandSpec &brand)
{
    const int row = int(m_brands.size());
    beginInsertRows({}, row, row);
    m_brands.append(brand);
    endInsertRows();
    return index(row, Name);
}

void CompetitorsModel::setProblems(const QList<CellProblem> &problems)
{
    if (problems.isEmpty() && m_problems.isEmpty())
        return;
    m_problems.set(problems);
    if (!m_brands.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1), {Qt::BackgroundRole, Qt::ToolTipRole});
}

int CompetitorsModel::columnOf(const QString &key)
{
    return key == u"name"_s ? Name : key == u"aliases"_s ? Aliases : key == u"domains"_s ? Domains : -1;
}

int CompetitorsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_brands.size());
}

int CompetitorsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CompetitorsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_brands.size())
        return {};
    if (const QVariant mark = m_problems.data(index.row(), index.column(), role); mark.isValid())
        return mark;
    const BrandSpec &b = m_brands[index.row()];
    if (index.column() == Matching && (role == Qt::DisplayRole || role == Qt::ToolTipRole))
        return CaseNote::of(b);
    if (role != Qt::DisplayRole && role != Qt::EditRole)
        return {};
    switch (index.column()) {
    case Name:
        return b.name;
    case Aliases:
        return FormText::joinCommas(b.aliases);
    case Domains:
        return FormText::joinCommas(b.domains);
    }
    return {};
}

bool CompetitorsModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || role != Qt::EditRole || index.row() >= m_brands.size())
        return false;
    BrandSpec &b = m_brands[index.row()];
    const QString text = value.toString();
    switch (index.column()) {
    case Name:
        b.name = text.trimmed();
        break;
    case Aliases:
        b.aliases = FormText::splitCommas(text);
        break;
    case Domains:
        b.domains = FormText::splitCommas(text);
        break;
    default:
        return false;
    }
    emit dataChanged(index, index, {Qt::DisplayRole, Qt::EditRole});
    if (index.column() != Domains) // a name or alias may be an ordinary word
        emit dataChanged(this->index(index.row(), Matching), this->index(index.row(), Matching),
                         {Qt::DisplayRole, Qt::ToolTipRole});
    return true;
}

Qt::ItemFlags CompetitorsModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return index.column() == Matching ? Qt::ItemIsSelectable | Qt::ItemIsEnabled
                                      : Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemIsEditable;
}

QVariant CompetitorsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
        case Name:
            return tr("Name");
        case Aliases:
            return tr("Aliases");
        case Domains:
            return tr("Domains");
        case Matching:
            return tr("Matching");
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case Name:
            return tr("The competitor's name as people write it");
        case Aliases:
            return tr("Other names of the competitor, separated by commas");
        case Domains:
            return tr("Its websites' host names such as example.com, separated by commas");
        case Matching:
            return tr("How answers are searched for the names: a name that is also an ordinary word is found only "
                      "as written");
        }
    }
    return {};
}

bool CompetitorsModel::removeRows(int row, int count, const QModelIndex &parent)
{
    if (parent.isValid() || row < 0 || count <= 0 || row + count > m_brands.size())
        return false;
    beginRemoveRows({}, row, row + count - 1);
    m_brands.remove(row, count);
    endRemoveRows();
    return true;
}

} // namespace geo
