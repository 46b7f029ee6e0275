#include "PlannedPromptsModel.h"

#include <QHash>

namespace geo {

using namespace Qt::StringLiterals;

PlannedPromptsModel::PlannedPromptsModel(QObject *parent) : QAbstractTableModel(parent) { }

void PlannedPromptsModel::setPrompts(const QList<PlannedPrompt> &prompts)
{
    beginResetModel();
    m_prompts = prompts;
    m_edited = false;
    endResetModel();
}

QStringList PlannedPromptsModel::texts() const
{
    QStringList out;
    for (const PlannedPrompt &p : m_prompts)
        if (!p.text.isEmpty())
            out << p.text;
    return out;
}

void PlannedPromptsModel::describe(const QList<PlannedPrompt> &planned)
{
    QHash<QString, const PlannedPrompt *> byText;
    for (const PlannedPrompt &p : planned)
        byText.insert(p.text.toCaseFolded(), &p);
    for (PlannedPrompt &p : m_prompts)
        if (const PlannedPrompt *found = byText.value(p.text.toCaseFolded()))
            p = {p.text, found->category, found->topic, found->branded};
    if (!m_prompts.isEmpty())
        emit dataChanged(index(0, Category), index(rowCount() - 1, ColumnCount - 1));
}

QModelIndex PlannedPromptsModel::append()
{
    const int row = int(m_prompts.size());
    beginInsertRows({}, row, row);
    m_prompts.append({QString(), u"custom"_s, QString(), false});
    m_edited = true;
    endInsertRows();
    return index(row, Prompt);
}

int PlannedPromptsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_prompts.size());
}

int PlannedPromptsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PlannedPromptsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_prompts.size())
        return {};
    const PlannedPrompt &p = m_prompts[index.row()];
    if (role == Qt::ToolTipRole && index.column() == Prompt)
        return p.text;
    if (role != Qt::DisplayRole && role != Qt::EditRole)
        return {};
    switch (index.column()) {
    case Prompt:
        return p.text;
    case Category:
        return p.category == u"custom"_s ? tr("own") : p.category;
    case Topic:
        return p.topic;
    case Branded:
        return p.branded ? tr("yes") : QString();
    }
    return {};
}

bool PlannedPromptsModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || role != Qt::EditRole || index.column() != Prompt || index.row() >= m_prompts.size())
        return false;
    const QString text = value.toString().simplified(); // as the planner keeps it
    PlannedPrompt &p = m_prompts[index.row()];
    if (text == p.text)
        return false;
    p.text = text;
    p.category = u"custom"_s; // reworded, it is the analyst's own
    m_edited = true;
    emit dataChanged(this->index(index.row(), 0), this->index(index.row(), ColumnCount - 1));
    return true;
}

Qt::ItemFlags PlannedPromptsModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    const Qt::ItemFlags base = Qt::ItemIsSelectable | Qt::ItemIsEnabled;
    return index.column() == Prompt ? base | Qt::ItemIsEditable : base;
}

QVariant PlannedPromptsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical)
        return section + 1;
    switch (section) {
    case Prompt:
        return tr("Prompt");
    case Category:
        return tr("Category");
    case Topic:
        return tr("Topic");
    case Branded:
        return tr("Branded");
    }
    return {};
}

bool PlannedPromptsModel::removeRows(int row, int count, const QModelIndex &parent)
{
    if (parent.isValid() || row < 0 || count <= 0 || row + count > m_prompts.size())
        return false;
    beginRemoveRows({}, row, row + count - 1);
    m_prompts.remove(row, count);
    m_edited = true; // before the signal, so its receivers count the list as edited
    endRemoveRows();
    return true;
}

} // namespace geo
