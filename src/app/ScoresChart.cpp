#include "ScoresChart.h"

#include "ChartColours.h"

#include <QtCharts/QBarCategoryAxis>
#include <QtCharts/QBarSet>
#include <QtCharts/QHorizontalBarSeries>
#include <QtCharts/QValueAxis>

namespace geo {

using namespace Qt::StringLiterals;

ScoresChart::ScoresChart(QWidget *parent) : QChartView(parent)
{
    chart()->setMargins(QMargins(4, 4, 4, 4));
    chart()->setBackgroundRoundness(0);
    chart()->legend()->setAlignment(Qt::AlignBottom);
    setRenderHint(QPainter::Antialiasing);
    setMinimumSize(260, 180); // room for a label per brand
}

ScoresChart::~ScoresChart() = default;

void ScoresChart::showCut(const QStringList &brands, const CutScores &cut)
{
    QChart *c = chart();
    c->removeAllSeries();
    for (QAbstractAxis *axis : c->axes()) {
        c->removeAxis(axis); // which gives the axis back to us
        delete axis;
    }
    auto *visibility = new QBarSet(tr("Visibility %"));
    auto *share = new QBarSet(tr("Share of voice %"));
    visibility->setColor(QColor(0x1f, 0x77, 0xb4));
    share->setColor(QColor(0x9e, 0xc5, 0xe6));
    QStringList names;
    // Horizontal bars list the first category at the bottom: add the brands in reverse so
    // that the audited brand is on top, as in the table.
    for (qsizetype b = cut.brands.size() - 1; b >= 0; --b) {
        names << brands.value(b);
        *visibility << cut.brands[b].visibility.value_or(0.0) * 100.0;
        *share << cut.brands[b].shareOfVoice.value_or(0.0) * 100.0;
    }
    auto *series = new QHorizontalBarSeries;
    series->append(share);
    series->append(visibility);
    c->addSeries(series);
    auto *categories = new QBarCategoryAxis;
    categories->append(names);
    categories->setTruncateLabels(false); // brand names are short; "…" says nothing
    auto *values = new QValueAxis;
    values->setRange(0, 100);
    values->setLabelFormat(u"%d"_s);
    c->addAxis(categories, Qt::AlignLeft);
    c->addAxis(values, Qt::AlignBottom);
    series->attachAxis(categories);
    series->attachAxis(values);
    applyPalette(c, palette());
}

void ScoresChart::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        applyPalette(chart(), palette());
    QChartView::changeEvent(event);
}

} // namespace geo
