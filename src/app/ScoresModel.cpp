#include "ScoresModel.h"

#include <QFont>
#include <QLocale>

namespace geo {

using namespace Qt::StringLiterals;

namespace {

QString percent(const std::optional<double> &v)
{
    return v ? QLocale().toString(*v * 100.0, 'f', 1) + u" %"_s : u"n/a"_s;
}

QString number(const std::optional<double> &v)
{
    return v ? QLocale().toString(*v, 'f', 1) : u"n/a"_s;
}

// The change of visibility in percentage points, n/a without a previous value.
std::optional<double> visibilityChange(const BrandChange *change)
{
    if (!change)
        return std::nullopt;
    for (const FigureChange &f : change->figures)
        if (f.figure == u"visibility"_s)
            return f.change;
    return std::nullopt;
}

} // namespace

void ScoresModel::setChanges(const QList<BrandChange> &changes)
{
    m_changes.clear();
    for (const BrandChange &c : changes)
        m_changes.insert(c.brand, c);
    if (rowCount() > 0)
        emit dataChanged(index(0, VisibilityChange), index(rowCount() - 1, VisibilityChange));
}

void ScoresModel::setScores(const QStringList &brands, const CutScores &cut, const QString &scoreFormula)
{
    beginResetModel();
    m_brands = brands;
    m_cut = cut;
    m_formula = scoreFormula;
    endResetModel();
}

void ScoresModel::clear()
{
    m_changes.clear();
    setScores({}, {});
}

int ScoresModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_cut.brands.size());
}

int ScoresModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ScoresModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_cut.brands.size())
        return {};
    const BrandScore &s = m_cut.brands[index.row()];
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Brand:
            return m_brands.value(index.row());
        case Visibility:
            return percent(s.visibility);
        case Interval:
            return s.visibilityInterval
                ? u"%1 – %2"_s.arg(percent(s.visibilityInterval->low), percent(s.visibilityInterval->high))
                : u"n/a"_s;
        case VisibilityChange: {
            const auto found = m_changes.constFind(index.row());
            const std::optional<double> change = visibilityChange(found == m_changes.cend() ? nullptr : &*found);
            if (!change)
                return u"n/a"_s;
            const QString points
                = (*change > 0 ? u"+"_s : QString()) + QLocale().toString(*change * 100.0, 'f', 1) + u" pp"_s;
            return found->intervalsOverlap.value_or(false) ? tr("%1 (within noise)").arg(points) : points;
        }
        case ShareOfVoice:
            return percent(s.shareOfVoice);
        case MentionShare:
            return percent(s.mentionShare);
        case AverageRank:
            return number(s.averageRank);
        case Top3Rate:
            return percent(s.top3Rate);
        case Sentiment:
            return number(s.sentimentIndex);
        case CitationShare:
            return percent(s.citationShare);
        case Score:
            return number(s.visibilityScore);
        case Mentioned:
            return u"%1 of %2"_s.arg(s.mentionedAnswers).arg(s.answers);
        default:
            return {};
        }
    }
    if (role == Qt::UserRole) {
        switch (index.column()) {
        case Brand:
            return m_brands.value(index.row());
        case Visibility:
            return s.visibility.value_or(-1.0);
        case Interval:
            return s.visibilityInterval ? s.visibilityInterval->low : -1.0;
        case VisibilityChange: {
            const auto found = m_changes.constFind(index.row());
            return visibilityChange(found == m_changes.cend() ? nullptr : &*found).value_or(-2.0);
        }
        case ShareOfVoice:
            return s.shareOfVoice.value_or(-1.0);
        case MentionShare:
            return s.mentionShare.value_or(-1.0);
        case AverageRank:
            return s.averageRank.value_or(1e9); // unranked sorts last
        case Top3Rate:
            return s.top3Rate.value_or(-1.0);
        case Sentiment:
            return s.sentimentIndex.value_or(-1.0);
        case CitationShare:
            return s.citationShare.value_or(-1.0);
        case Score:
            return s.visibilityScore.value_or(-1.0);
        case Mentioned:
            return s.mentionedAnswers;
        default:
            return {};
        }
    }
    if (role == Qt::TextAlignmentRole && index.column() != Brand)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::FontRole && index.row() == 0) {
        QFont bold;
        bold.setBold(true);
        return bold;
    }
    return {};
}

// What each column means, as docs/metrics.md defines it (Help → Metrics).
QString ScoresModel::columnDefinition(int section) const
{
    switch (section) {
    case Brand:
        return tr("The audit's brand, then its competitors");
    case Visibility:
        return tr("Share of the answers that mention the brand at least once");
    case Interval:
        return tr("Wilson 95% interval of the visibility: with this many answers, the true share is likely within it");
    case VisibilityChange:
        return tr("Visibility now minus in the previous audit of the series, in percentage points; "
                  "within noise when the two 95% intervals overlap");
    case ShareOfVoice:
        return tr("The brand's mentioning answers out of all tracked brands' mentioning answers (each brand counted "
                  "once per answer)");
    case MentionShare:
        return tr("The brand's mentions out of all mentions of tracked brands, counting every repeat");
    case AverageRank:
        return tr("Mean position of the brand in the answers' recommendation lists, over the answers that rank it");
    case Top3Rate:
        return tr("Share of all answers that rank the brand first, second or third");
    case Sentiment:
        return tr("Tone of the sentences about the brand (VADER), 0 negative, 50 neutral, 100 positive");
    case CitationShare:
        return tr("Citations of the brand's own domains out of all citations in the answers");
    case Score:
        return m_formula.isEmpty() ? tr("Visibility, share of voice and top-3 rate weighed into one figure, 0-100")
                                   : m_formula;
    case Mentioned:
        return tr("Number of answers that mention the brand");
    default:
        return {};
    }
}

QVariant ScoresModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::ToolTipRole)
        return columnDefinition(section);
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Brand:
        return u"Brand"_s;
    case Visibility:
        return u"Visibility"_s;
    case Interval:
        return u"95% interval"_s;
    case VisibilityChange:
        return tr("Change");
    case ShareOfVoice:
        return u"Share of voice"_s;
    case MentionShare:
        return u"Mention share"_s;
    case AverageRank:
        return u"Average rank"_s;
    case Top3Rate:
        return u"Top-3 rate"_s;
    case Sentiment:
        return u"Sentiment (0-100)"_s;
    case CitationShare:
        return u"Citation share"_s;
    case Score:
        return u"Visibility score"_s;
    case Mentioned:
        return u"Answers mentioning"_s;
    default:
        return {};
    }
}

} // namespace geo
