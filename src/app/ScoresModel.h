#pragma once

#include "scoring/ScoreComparison.h"
#include "scoring/Scorer.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QStringList>

namespace geo {

// One cut's per-brand figures, a row per tracked brand. Raw values under Qt::UserRole sort.
class ScoresModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ScoresModel)
public:
    enum Column {
        Brand,
        Visibility,
        Interval,
        VisibilityChange,
        ShareOfVoice,
        MentionShare,
        AverageRank,
        Top3Rate,
        Sentiment,
        CitationShare,
        Score,
        Mentioned,
        ColumnCount
    };

    using QAbstractTableModel::QAbstractTableModel;

    void setScores(const QStringList &brands, const CutScores &cut, const QString &scoreFormula = {});
    void clear();
    // The cut's changes since the previous audit of the series (ScoreComparison), none when
    // there is no previous audit.
    void setChanges(const QList<BrandChange> &changes);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QString columnDefinition(int section) const; // its header's tool tip
    QStringList m_brands;
    CutScores m_cut;
    QString m_formula;
    QHash<int, BrandChange> m_changes; // by brand index
};

} // namespace geo
