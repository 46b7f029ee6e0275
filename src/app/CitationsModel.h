#pragma once

#include "model/Scores.h"
#include "model/SourceType.h"

#include <QAbstractTableModel>
#include <QStringList>

namespace geo {

// The domains one cut of the scores cites, a row each, in the scores' order (most cited
// first). Numbers show as text; Qt::UserRole holds the value to sort by. The type of a third
// party's domain is editable: the analyst's choice shows at once and is announced by
// typeChosen(), for the spec's source_types.
class CitationsModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CitationsModel)
public:
    enum Column { Domain, Owner, Type, Citations, Readiness, ColumnCount };

    using QAbstractTableModel::QAbstractTableModel;

    // brands names the owners: DomainScore::owner indexes them, audited brand first.
    void setRows(const QStringList &brands, const QList<DomainScore> &domains);
    // The analyst's types (the open spec's source_types): shown in place of the scored type
    // of the domains they name, until the audit is scored with them.
    void setOverrides(const SourceTypeOverrides &overrides);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    // Type, EditRole: a source type's name (review, forum, ...).
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

signals:
    void typeChosen(const QString &domain, geo::SourceType type);

private:
    SourceType typeOf(const DomainScore &d) const;

    QStringList m_brands;
    QList<DomainScore> m_domains;
    SourceTypeOverrides m_overrides;
};

} // namespace geo
