#pragma once

#include "CellProblems.h"
#include "model/AuditSpec.h"

#include <QAbstractTableModel>

namespace geo {

// The set-up form's competitors, one editable row each: name, aliases and domains (the
// lists as comma-separated text), and a note when the names are matched only as written.
class CompetitorsModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CompetitorsModel)
public:
    enum Column { Name, Aliases, Domains, Matching, ColumnCount };

    explicit CompetitorsModel(QObject *parent = nullptr);

    void setBrands(const QList<BrandSpec> &brands);
    const QList<BrandSpec> &brands() const { return m_brands; }
    // Adds a row at the end; returns its name cell, for the view to edit.
    QModelIndex append(const BrandSpec &brand = {});
    void setProblems(const QList<CellProblem> &problems);
    // The column showing a spec key ("name", "aliases", "domains"), or -1.
    static int columnOf(const QString &key);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    bool removeRows(int row, int count, const QModelIndex &parent = {}) override;

private:
    QList<BrandSpec> m_brands;
    CellProblems m_problems;
};

} // namespace geo
