#include "AnswersModel.h"

namespace geo {

using namespace Qt::StringLiterals;

void AnswersModel::setAnswers(const QList<AnswerRow> &answers)
{
    beginResetModel();
    m_answers = answers;
    endResetModel();
}

const AnswerRow *AnswersModel::answer(int row) const
{
    return row >= 0 && row < m_answers.size() ? &m_answers[row] : nullptr;
}

int AnswersModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_answers.size());
}

int AnswersModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AnswersModel::data(const QModelIndex &index, int role) const
{
    const AnswerRow *a = index.isValid() ? answer(index.row()) : nullptr;
    if (!a || (role != Qt::DisplayRole && role != Qt::UserRole))
        return {};
    switch (index.column()) {
    case Prompt:
        return a->prompt;
    case Engine:
        return a->engine;
    case Sample:
        return a->sample;
    case Mentioned:
        return role == Qt::UserRole ? QVariant(a->mentioned.size()) : QVariant(a->mentioned.join(u", "_s));
    case Citations:
        return int(a->citations.size());
    default:
        return {};
    }
}

QVariant AnswersModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Prompt:
        return tr("Prompt");
    case Engine:
        return tr("Engine");
    case Sample:
        return tr("Sample");
    case Mentioned:
        return tr("Brands named");
    case Citations:
        return tr("Citations");
    default:
        return {};
    }
}

} // namespace geo
