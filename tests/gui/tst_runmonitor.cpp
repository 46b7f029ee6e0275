#include "RunMonitor.h"

#include <QTest>
#include <QtCharts/QChartView>
#include <QtCharts/QLineSeries>
#include <QtCharts/QValueAxis>

#include <algorithm>

using namespace geo;
using namespace Qt::StringLiterals;

namespace {

// The throughput axis's tick labels as the chart draws them.
QStringList rateLabels(RunMonitor &monitor)
{
    const QChart *chart = monitor.findChild<QChartView *>(u"throughputChart"_s)->chart();
    const auto *axis = qobject_cast<QValueAxis *>(chart->axes(Qt::Vertical).front());
    QStringList labels;
    const double step = (axis->max() - axis->min()) / (axis->tickCount() - 1);
    const QString format = axis->labelFormat(); // "%.Nf"
    if (!format.startsWith(u"%."_s) || !format.endsWith(u'f'))
        return {u"unexpected label format "_s + format};
    const int decimals = format.mid(2, format.size() - 3).toInt();
    for (int i = 0; i < axis->tickCount(); ++i)
        labels << QString::number(axis->min() + i * step, 'f', decimals);
    return labels;
}

} // namespace

class TestRunMonitor : public QObject
{
    Q_OBJECT

private slots:
    // The rate axis reads as numbers that differ, before any data and at any rate.
    void rateTicksReadApart_data()
    {
        QTest::addColumn<QList<double>>("rates"); // answers per second, one a second
        QTest::addColumn<QStringList>("labels");
        QTest::newRow("no data yet") << QList<double>{}
                                     << QStringList{u"0.00"_s, u"0.25"_s, u"0.50"_s, u"0.75"_s, u"1.00"_s};
        QTest::newRow("a slow local model")
            << QList<double>{0.1, 0.3, 0.25} << QStringList{u"0.0"_s, u"0.2"_s, u"0.4"_s};
        QTest::newRow("a few a second") << QList<double>{1.0, 2.7, 2.2} << QStringList{u"0"_s, u"2"_s, u"4"_s};
        QTest::newRow("hundreds") << QList<double>{120.0, 371.6} << QStringList{u"0"_s, u"200"_s, u"400"_s, u"600"_s};
    }

    void rateTicksReadApart()
    {
        QFETCH(QList<double>, rates);
        QFETCH(QStringList, labels);
        RunMonitor monitor;
        RunStats s;
        s.planned = 100;
        for (int i = 0; i < rates.size(); ++i) {
            s.elapsedMs = (i + 1) * 1000;
            s.answersPerSecond = s.answersPerSecondOverall = rates[i];
            monitor.showStats(s);
        }
        const QStringList shown = rateLabels(monitor);
        QCOMPARE(shown, labels);
        QCOMPARE(QSet<QString>(shown.cbegin(), shown.cend()).size(), shown.size());
    }

    // Each line has a colour of its own, since the legend shows colours, not dashes.
    void everyLineHasItsColour()
    {
        RunMonitor monitor;
        QStringList colours;
        const QChart *chart = monitor.findChild<QChartView *>(u"throughputChart"_s)->chart();
        for (const QAbstractSeries *series : chart->series())
            colours << static_cast<const QLineSeries *>(series)->pen().color().name();
        QCOMPARE(colours.size(), 4);
        QCOMPARE(QSet<QString>(colours.cbegin(), colours.cend()).size(), 4);
    }
};

QTEST_MAIN(TestRunMonitor)
#include "tst_runmonitor.moc"
