#pragma once

#include "model/RunStats.h"

#include <QWidget>

class QLabel;
class QProgressBar;

QT_BEGIN_NAMESPACE
class QChart;
class QLineSeries;
class QValueAxis;
QT_END_NAMESPACE

namespace geo {

// The live view of a run: a bar per stage (asked, answered, analysed, sites inspected),
// the time left, and answers and analyses per second, now and on average, drawn over the
// run. Fed by AuditRunner::progress, which comes at most ten times a second.
class RunMonitor final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RunMonitor)
public:
    explicit RunMonitor(QWidget *parent = nullptr);
    ~RunMonitor() override;

    void showStats(const RunStats &stats);
    // While paused the time left is not counted down.
    void setPaused(bool paused);
    // Forgets the drawn throughput, for a new run.
    void reset();

protected:
    void changeEvent(QEvent *event) override;
    // Points drawn per series so far (at most one a second, thinned on long runs).
    int pointCount() const;

private:
    QProgressBar *addStage(const QString &name, int row);

    QProgressBar *m_asked;
    QProgressBar *m_answered;
    QProgressBar *m_analysed;
    QProgressBar *m_sites;
    QLabel *m_eta;
    QChart *m_chart;
    QLineSeries *m_answersNow;
    QLineSeries *m_analysesNow;
    QLineSeries *m_answersAverage;
    QLineSeries *m_analysesAverage;
    QValueAxis *m_time;
    QValueAxis *m_rate;
    double m_lastPointS = -1.0;
    double m_highest = 0.0; // the highest rate drawn so far
    bool m_paused = false;
};

} // namespace geo
