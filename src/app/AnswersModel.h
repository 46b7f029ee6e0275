#pragma once

#include "store/AuditRecords.h"

#include <QAbstractTableModel>

namespace geo {

// The answers of the audit on show, a row each; raw values under Qt::UserRole sort.
class AnswersModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AnswersModel)
public:
    enum Column { Prompt, Engine, Sample, Mentioned, Citations, ColumnCount };

    using QAbstractTableModel::QAbstractTableModel;

    void setAnswers(const QList<AnswerRow> &answers);
    const AnswerRow *answer(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QList<AnswerRow> m_answers;
};

} // namespace geo
