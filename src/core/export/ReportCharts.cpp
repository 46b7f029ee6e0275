#include "ReportCharts.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <tuple>

namespace geo {

using namespace Qt::StringLiterals;

namespace {

// The geometry every chart shares: a label column, a bar area, a value column.
constexpr double Width = 640;
constexpr double LabelWidth = 170;
constexpr double BarLeft = 180;
constexpr double BarRight = 500;
constexpr double ValueLeft = 508;
constexpr double Top = 34; // below the legend line
constexpr double RowHeight = 28;
constexpr double BarHeight = 16;
constexpr double FontSize = 12;
constexpr double SmallFont = 10.5;

const QColor Ink(0x26, 0x32, 0x38);
const QColor Muted(0x60, 0x6b, 0x73);
const QColor Grid(0xdd, 0xe2, 0xe6);
const QColor BrandColor(0x15, 0x65, 0xc0);
const QColor CompetitorColor(0x90, 0xa4, 0xae);
const QColor ThirdPartyColor(0xd7, 0xcc, 0xc8);
const QColor Whisker(0x26, 0x32, 0x38);

QString percent(double v)
{
    return QString::number(100.0 * v, 'f', 0) + u'%';
}

// Brand names are the user's; long ones are cut to fit the label column.
QString label(const QString &name, int chars = 24)
{
    return name.size() <= chars ? name : name.left(chars - 1).trimmed() + u'…';
}

double rowY(int row)
{
    return Top + row * RowHeight;
}

double barX(double fraction, double max)
{
    return BarLeft + (BarRight - BarLeft) * std::clamp(fraction / max, 0.0, 1.0);
}

// A chart with its size fixed by its rows, and the grid of its value axis below them.
Chart frame(const QString &id, const QString &title, const QString &description, int rows)
{
    Chart c;
    c.id = id;
    c.title = title;
    c.description = description;
    c.size = QSizeF(Width, rowY(rows) + 28);
    return c;
}

void axis(Chart &c, int rows, double max, const std::function<QString(double)> &format, int steps = 4)
{
    const double bottom = rowY(rows);
    for (int t = 0; t <= steps; ++t) {
        const double x = BarLeft + (BarRight - BarLeft) * t / steps;
        c.line(QLineF(x, Top - 6, x, bottom), Grid, 1.0);
        c.text(QPointF(x, bottom + 16), format(max * t / steps), SmallFont, Muted, ChartItem::Anchor::Middle);
    }
}

void legend(Chart &c, const QList<std::pair<QString, QColor>> &keys)
{
    double x = BarLeft;
    for (const auto &[name, color] : keys) {
        c.rect(QRectF(x, 8, 12, 12), color);
        c.text(QPointF(x + 16, 18), name, SmallFont, Ink);
        x += 28 + name.size() * 6.5;
    }
}

void brandLabel(Chart &c, const ReportData &data, int brand, int row)
{
    c.text(QPointF(LabelWidth, rowY(row) + RowHeight / 2 + 4), label(data.scores.brands[brand]), FontSize, Ink,
           ChartItem::Anchor::End, brand == 0);
}

QColor brandColor(int brand)
{
    return brand == 0 ? BrandColor : CompetitorColor;
}

// The smallest of 25%, 50%, 75% and 100% that holds every value: small shares stay legible.
double shareMax(const QList<double> &values)
{
    const double most = values.isEmpty() ? 0.0 : *std::max_element(values.begin(), values.end());
    return std::max(0.25, std::ceil(most * 4.0 - 1e-9) / 4.0);
}

// Steps of 5%, 10% or 25% for that scale, so that every tick is a round number.
int shareSteps(double max)
{
    return max <= 0.5 ? 5 : max <= 0.75 ? 3 : 4;
}

QString cutName(const ReportData &data)
{
    return data.headlineCut() == u"non-branded"_s ? u"answers to non-branded prompts"_s : u"all answers"_s;
}

} // namespace

QList<Chart> ReportCharts::build(const ReportData &data)
{
    return {visibility(data), shareOfVoice(data), rankDistribution(data), citationOwners(data), readiness(data)};
}

Chart ReportCharts::visibility(const ReportData &data)
{
    const CutScores &cut = data.headline();
    const int rows = int(cut.brands.size());
    Chart c = frame(
        u"chart-visibility"_s, u"Visibility"_s,
        u"share of %1 that mention each brand, with the Wilson 95% interval as whiskers"_s.arg(cutName(data)), rows);
    legend(c, {{u"visibility"_s, BrandColor}, {u"95% interval"_s, Whisker}});
    axis(c, rows, 1.0, [](double v) { return percent(v); });
    for (int b = 0; b < rows; ++b) {
        const BrandScore &s = cut.brands[b];
        brandLabel(c, data, b, b);
        const double mid = rowY(b) + RowHeight / 2;
        if (!s.visibility) {
            c.text(QPointF(BarLeft + 4, mid + 4), u"n/a"_s, FontSize, Muted);
            continue;
        }
        c.rect(QRectF(BarLeft, mid - BarHeight / 2, barX(*s.visibility, 1.0) - BarLeft, BarHeight), brandColor(b));
        QString value = percent(*s.visibility);
        if (s.visibilityInterval) {
            const double low = barX(s.visibilityInterval->low, 1.0), high = barX(s.visibilityInterval->high, 1.0);
            c.line(QLineF(low, mid, high, mid), Whisker, 1.5);
            c.line(QLineF(low, mid - 6, low, mid + 6), Whisker, 1.5);
            c.line(QLineF(high, mid - 6, high, mid + 6), Whisker, 1.5);
            value += u" (%1–%2)"_s.arg(percent(s.visibilityInterval->low), percent(s.visibilityInterval->high));
        }
        c.text(QPointF(ValueLeft, mid + 4), value, SmallFont, Ink);
    }
    return c;
}

Chart ReportCharts::shareOfVoice(const ReportData &data)
{
    const CutScores &cut = data.headline();
    const int rows = int(cut.brands.size());
    Chart c = frame(
        u"chart-share-of-voice"_s, u"Share of voice"_s,
        u"each brand's share of all brand mentions in %1 (a brand counted once per answer)"_s.arg(cutName(data)), rows);
    QList<double> values;
    for (const BrandScore &s : cut.brands)
        values << s.shareOfVoice.value_or(0.0);
    const double max = shareMax(values);
    legend(c, {{data.scores.brands.value(0), BrandColor}, {u"competitors"_s, CompetitorColor}});
    axis(
        c, rows, max, [](double v) { return percent(v); }, shareSteps(max));
    for (int b = 0; b < rows; ++b) {
        const BrandScore &s = cut.brands[b];
        brandLabel(c, data, b, b);
        const double mid = rowY(b) + RowHeight / 2;
        if (!s.shareOfVoice) {
            c.text(QPointF(BarLeft + 4, mid + 4), u"n/a"_s, FontSize, Muted);
            continue;
        }
        c.rect(QRectF(BarLeft, mid - BarHeight / 2, barX(*s.shareOfVoice, max) - BarLeft, BarHeight), brandColor(b));
        c.text(QPointF(ValueLeft, mid + 4), QString::number(100.0 * *s.shareOfVoice, 'f', 1) + u'%', SmallFont, Ink);
    }
    return c;
}

Chart ReportCharts::rankDistribution(const ReportData &data)
{
    const CutScores &cut = data.headline();
    const int rows = int(cut.brands.size());
    const int answers = cut.brands.isEmpty() ? 0 : cut.brands.front().answers;
    Chart c = frame(u"chart-rank-distribution"_s, u"Rank distribution"_s,
                    u"of %1 %2, how many placed each brand 1st, 2nd, 3rd or lower in their recommendation list, "
                    "or mentioned it outside the list"_s.arg(answers)
                        .arg(cutName(data)),
                    rows);
    const QList<std::pair<QString, QColor>> keys{{u"1st"_s, QColor(0x0d, 0x47, 0xa1)},
                                                 {u"2nd"_s, QColor(0x19, 0x76, 0xd2)},
                                                 {u"3rd"_s, QColor(0x64, 0xb5, 0xf6)},
                                                 {u"4th+"_s, QColor(0xbb, 0xde, 0xfb)},
                                                 {u"mentioned, unranked"_s, QColor(0xcf, 0xd8, 0xdc)}};
    legend(c, keys);
    axis(c, rows, std::max(answers, 1), [](double v) { return QString::number(v, 'f', 0); });
    for (int b = 0; b < rows; ++b) {
        const BrandScore &s = cut.brands[b];
        brandLabel(c, data, b, b);
        const double mid = rowY(b) + RowHeight / 2;
        if (answers == 0) {
            c.text(QPointF(BarLeft + 4, mid + 4), u"n/a"_s, FontSize, Muted);
            continue;
        }
        const QList<int> counts{s.rankCounts[0], s.rankCounts[1], s.rankCounts[2], s.rankCounts[3],
                                s.mentionedAnswers - s.rankedAnswers};
        double x = BarLeft;
        for (qsizetype k = 0; k < counts.size(); ++k) {
            const double w = (BarRight - BarLeft) * counts[k] / answers;
            c.rect(QRectF(x, mid - BarHeight / 2, w, BarHeight), keys[k].second);
            x += w;
        }
        c.text(QPointF(ValueLeft, mid + 4), u"%1 ranked, %2 top 3"_s.arg(s.rankedAnswers).arg(s.top3Answers), SmallFont,
               Ink);
    }
    return c;
}

Chart ReportCharts::citationOwners(const ReportData &data)
{
    const CutScores &cut = data.headline();
    int total = 0;
    for (const DomainScore &d : cut.domains)
        total += d.citations;
    int own = 0, competitors = 0;
    for (int b = 0; b < cut.brands.size(); ++b)
        (b == 0 ? own : competitors) += cut.brands[b].citations;
    const QList<std::tuple<QString, int, QColor>> rows{
        {label(data.scores.brands.value(0)), own, BrandColor},
        {u"Competitors"_s, competitors, CompetitorColor},
        {u"Third parties"_s, total - own - competitors, ThirdPartyColor}};
    Chart c = frame(
        u"chart-citation-owners"_s, u"Citation owners"_s,
        u"who owns the %1 sources cited in %2: the brand's domains, competitors' or third parties'"_s.arg(total).arg(
            cutName(data)),
        int(rows.size()));
    legend(c,
           {{u"the brand's domains"_s, BrandColor},
            {u"competitors' domains"_s, CompetitorColor},
            {u"third parties"_s, ThirdPartyColor}});
    axis(c, int(rows.size()), 1.0, [](double v) { return percent(v); });
    for (int r = 0; r < rows.size(); ++r) {
        const auto &[name, count, color] = rows[r];
        const double mid = rowY(r) + RowHeight / 2;
        c.text(QPointF(LabelWidth, mid + 4), name, FontSize, Ink, ChartItem::Anchor::End, r == 0);
        if (total == 0) {
            c.text(QPointF(BarLeft + 4, mid + 4), u"n/a"_s, FontSize, Muted);
            continue;
        }
        const double share = double(count) / total;
        c.rect(QRectF(BarLeft, mid - BarHeight / 2, barX(share, 1.0) - BarLeft, BarHeight), color);
        c.text(QPointF(ValueLeft, mid + 4), u"%1 (%2)"_s.arg(count).arg(QString::number(100.0 * share, 'f', 1) + u'%'),
               SmallFont, Ink);
    }
    return c;
}

Chart ReportCharts::readiness(const ReportData &data)
{
    // One row per tracked brand's domain that was inspected, brand first; a brand with no
    // inspected domain still gets a row saying so.
    struct Row
    {
        int brand;
        QString domain;
        const InspectedSite *site;
    };
    QList<Row> rows;
    for (int b = 0; b < data.scores.brands.size(); ++b) {
        const qsizetype before = rows.size();
        for (const ReportDomain &d : data.domains)
            if (d.owner == b && d.site)
                rows.append({b, d.domain, &*d.site});
        if (rows.size() == before)
            rows.append({b, QString(), nullptr});
    }
    Chart c
        = frame(u"chart-readiness"_s, u"GEO readiness of the brands' sites"_s,
                u"how easy each tracked brand's own site is for answer engines to crawl, read and quote, 0 to 100"_s,
                int(rows.size()));
    legend(c, {{data.scores.brands.value(0), BrandColor}, {u"competitors"_s, CompetitorColor}});
    axis(c, int(rows.size()), 100.0, [](double v) { return QString::number(v, 'f', 0); });
    for (int r = 0; r < rows.size(); ++r) {
        const Row &row = rows[r];
        const double mid = rowY(r) + RowHeight / 2;
        c.text(QPointF(LabelWidth, mid - 1), label(data.scores.brands[row.brand]), FontSize, Ink,
               ChartItem::Anchor::End, row.brand == 0);
        c.text(QPointF(LabelWidth, mid + 11), label(row.domain, 30), SmallFont - 1, Muted, ChartItem::Anchor::End);
        if (!row.site) {
            c.text(QPointF(BarLeft + 4, mid + 4), u"not inspected"_s, FontSize, Muted);
            continue;
        }
        if (!row.site->reachable) {
            c.text(QPointF(BarLeft + 4, mid + 4), u"unreachable"_s, FontSize, Muted);
            continue;
        }
        c.rect(QRectF(BarLeft, mid - BarHeight / 2, barX(row.site->score, 100.0) - BarLeft, BarHeight),
               brandColor(row.brand));
        c.text(QPointF(ValueLeft, mid + 4), u"%1 / 100"_s.arg(row.site->score), SmallFont, Ink);
    }
    return c;
}

} // namespace geo
