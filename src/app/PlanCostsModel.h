#pragma once

#include <QAbstractTableModel>
#include <QString>

namespace geo {

// What a plan asks of each engine and what that costs, a row per engine and a total row
// last (in bold), for the prompt preview. Numbers show as text, right-aligned, with their
// values under Qt::UserRole.
class PlanCostsModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PlanCostsModel)
public:
    enum Column { Engine, Model, Answers, TokensIn, TokensOut, Cost, ColumnCount };
    // Recorded and imported answers cost nothing; a model without a known price, unknown.
    enum class Price { Known, Unknown, Free };

    struct Row
    {
        QString engine;
        QString model;
        int answers = 0;
        qint64 tokensIn = 0;
        qint64 tokensOut = 0;
        double costUsd = 0.0;
        Price price = Price::Known;
    };

    using QAbstractTableModel::QAbstractTableModel;

    void setRows(const QList<Row> &engines, const Row &total);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QString text(const Row &row, int column) const;

    QList<Row> m_rows; // the total last
};

} // namespace geo
