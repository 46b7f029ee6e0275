#include "RunMonitor.h"

#include "ChartColours.h"
#include "StageBar.h"

#include <QGridLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QtCharts/QChart>
#include <QtCharts/QChartView>
#include <QtCharts/QLineSeries>
#include <QtCharts/QValueAxis>

#include <cmath>

namespace geo {

using namespace Qt::StringLiterals;

namespace {

// A long run keeps its whole curve but no more than this many points a series.
constexpr int MostPoints = 600;

// As many decimals as the ticks' step needs, so that every tick reads as its value and no
// two alike ("0, 1, 1").
void labelTicks(QValueAxis *axis)
{
    const double step = (axis->max() - axis->min()) / std::max(1, axis->tickCount() - 1);
    int decimals = 0;
    while (decimals < 3 && std::abs(step * std::pow(10, decimals) - std::round(step * std::pow(10, decimals))) > 1e-6)
        ++decimals;
    axis->setLabelFormat(u"%.%1f"_s.arg(decimals));
}

void thin(QLineSeries *series)
{
    QList<QPointF> points = series->points();
    QList<QPointF> kept;
    kept.reserve(points.size() / 2 + 1);
    for (qsizetype i = 0; i < points.size(); i += 2)
        kept.append(points[i]);
    series->replace(kept);
}

} // namespace

RunMonitor::RunMonitor(QWidget *parent) : QWidget(parent)
{
    auto *grid = new QGridLayout(this);
    grid->setColumnStretch(1, 1);
    m_asked = addStage(tr("Asked"), 0);
    m_answered = addStage(tr("Answered"), 1);
    m_analysed = addStage(tr("Analysed"), 2);
    m_sites = addStage(tr("Sites inspected"), 3);
    m_sites->setFormat(tr("%v of %m"));
    m_eta = new QLabel(tr("Time left: –"), this);
    m_eta->setObjectName(u"etaValue"_s);
    grid->addWidget(m_eta, 4, 0, 1, 2);

    m_chart = new QChart;
    m_chart->setMargins(QMargins(4, 4, 4, 4));
    m_chart->legend()->setAlignment(Qt::AlignRight);
    m_chart->setBackgroundRoundness(0);
    const auto series = [this](const QString &name, const QColor &colour, Qt::PenStyle style) {
        auto *s = new QLineSeries;
        s->setName(name);
        QPen pen(colour, 2, style);
        s->setPen(pen);
        m_chart->addSeries(s);
        return s;
    };
    m_answersNow = series(tr("answers/s"), QColor(0x1f, 0x77, 0xb4), Qt::SolidLine);
    m_analysesNow = series(tr("analyses/s"), QColor(0xd6, 0x61, 0x0a), Qt::SolidLine);
    // The legend draws a colour, not a dash: an average is its rate's colour, lighter.
    m_answersAverage = series(tr("answers/s, average"), QColor(0x1f, 0x77, 0xb4).lighter(170), Qt::DashLine);
    m_analysesAverage = series(tr("analyses/s, average"), QColor(0xd6, 0x61, 0x0a).lighter(150), Qt::DashLine);
    m_time = new QValueAxis;
    m_time->setTitleText(tr("seconds into the run"));
    m_time->setLabelFormat(u"%d"_s);
    m_time->setRange(0, 10);
    m_rate = new QValueAxis;
    m_rate->setRange(0, 1);
    labelTicks(m_rate);
    m_chart->addAxis(m_time, Qt::AlignBottom);
    m_chart->addAxis(m_rate, Qt::AlignLeft);
    for (QLineSeries *s : {m_answersNow, m_analysesNow, m_answersAverage, m_analysesAverage}) {
        s->attachAxis(m_time);
        s->attachAxis(m_rate);
    }
    auto *view = new QChartView(m_chart, this);
    view->setObjectName(u"throughputChart"_s);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(160);
    grid->addWidget(view, 5, 0, 1, 2);
    grid->setRowStretch(5, 1);
    applyPalette(m_chart, palette());
}

void RunMonitor::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        applyPalette(m_chart, palette());
    QWidget::changeEvent(event);
}

RunMonitor::~RunMonitor() = default;

QProgressBar *RunMonitor::addStage(const QString &name, int row)
{
    auto *grid = static_cast<QGridLayout *>(layout());
    auto *caption = new QLabel(name, this);
    auto *bar = new StageBar(this);
    bar->setFormat(tr("%v of %m (%p%)"));
    bar->setRange(0, 1);
    bar->setValue(0);
    caption->setBuddy(bar);
    grid->addWidget(caption, row, 0);
    grid->addWidget(bar, row, 1);
    return bar;
}

void RunMonitor::setPaused(bool paused)
{
    m_paused = paused;
    if (paused)
        m_eta->setText(tr("Paused: nothing new is asked"));
}

void RunMonitor::reset()
{
    m_paused = false;
    for (QLineSeries *s : {m_answersNow, m_analysesNow, m_answersAverage, m_analysesAverage})
        s->clear();
    m_lastPointS = -1.0;
    m_highest = 0.0;
    m_time->setRange(0, 10);
    m_rate->setRange(0, 1);
    labelTicks(m_rate);
    for (QProgressBar *bar : {m_asked, m_answered, m_analysed, m_sites}) {
        bar->setRange(0, 1);
        bar->setValue(0);
    }
    m_eta->setText(tr("Time left: –"));
}

int RunMonitor::pointCount() const
{
    return int(m_answersNow->count());
}

void RunMonitor::showStats(const RunStats &s)
{
    const int planned = std::max(s.planned, 1);
    for (auto [bar, value] :
         {std::pair{m_asked, s.asked}, std::pair{m_answered, s.answered}, std::pair{m_analysed, s.analysed}}) {
        bar->setRange(0, planned);
        bar->setValue(std::min(value, planned));
    }
    m_sites->setRange(0, std::max(s.sitesPlanned, 1));
    m_sites->setValue(s.sitesInspected);
    m_sites->setFormat(s.sitesPlanned == 0 ? tr("none to inspect") : tr("%v of %m"));
    const qint64 eta = s.etaMs();
    m_eta->setText(s.finished     ? tr("Done in %1").arg(formatDuration(s.elapsedMs))
                       : m_paused ? tr("Paused: nothing new is asked")
                       : eta < 0  ? tr("Time left: –")
                                  : tr("Time left: about %1").arg(formatDuration(eta)));

    // One point a second is as fine as a ten-second rate window can show.
    const double at = s.elapsedMs / 1000.0;
    if (m_lastPointS >= 0 && at - m_lastPointS < 1.0 && !s.finished)
        return;
    m_lastPointS = at;
    m_answersNow->append(at, s.answersPerSecond);
    m_analysesNow->append(at, s.analysesPerSecond);
    m_answersAverage->append(at, s.answersPerSecondOverall);
    m_analysesAverage->append(at, s.analysesPerSecondOverall);
    if (m_answersNow->count() > MostPoints)
        for (QLineSeries *series : {m_answersNow, m_analysesNow, m_answersAverage, m_analysesAverage})
            thin(series);
    m_highest = std::max(
        {m_highest, s.answersPerSecond, s.analysesPerSecond, s.answersPerSecondOverall, s.analysesPerSecondOverall});
    m_time->setRange(0, std::max(10.0, at));
    m_time->applyNiceNumbers();
    if (m_highest > 0) {
        m_rate->setRange(0, m_highest * 1.1);
        m_rate->applyNiceNumbers(); // round ticks, not 0.275 or 371.663
    }
    labelTicks(m_rate);
}

} // namespace geo
