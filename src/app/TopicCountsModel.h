#pragma once

#include <QAbstractTableModel>
#include <QString>

namespace geo {

// How many prompts and answers a plan has about each topic, as the scores will cut them, for
// the prompt preview. Numbers show as text, right-aligned, with their values under
// Qt::UserRole.
class TopicCountsModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TopicCountsModel)
public:
    enum Column { Topic, Prompts, Answers, ColumnCount };

    struct Row
    {
        QString topic; // empty: prompts about no topic
        int prompts = 0;
        int answers = 0;
    };

    using QAbstractTableModel::QAbstractTableModel;

    void setRows(const QList<Row> &rows);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QList<Row> m_rows;
};

} // namespace geo
