#include "RunCountersModel.h"

#include <QDataWidgetMapper>
#include <QLabel>
#include <QSignalSpy>
#include <QTest>

using namespace geo;
using namespace Qt::StringLiterals;

namespace {

QStringList texts(const QAbstractItemModel &model, int role = Qt::DisplayRole)
{
    QStringList out;
    for (int r = 0; r < model.rowCount(); ++r)
        out << model.index(r, 0).data(role).toString();
    return out;
}

QVariantList values(const QAbstractItemModel &model)
{
    QVariantList out;
    for (int r = 0; r < model.rowCount(); ++r)
        out << model.index(r, 0).data(Qt::UserRole);
    return out;
}

} // namespace

// The monitor's counters: each RunStats gives every counter its exact text and raw value;
// labels mapped to the rows follow each new figure.
class TestRunCounters : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); // "1,234" and "0.5"
    }

    void showsEachCounter_data()
    {
        QTest::addColumn<RunStats>("stats");
        QTest::addColumn<QStringList>("expected"); // in Counter order
        QTest::addColumn<QVariantList>("sortBy");

        RunStats started;
        started.planned = 10;
        QTest::newRow("started") << started
                                 << QStringList{u"0"_s,         u"0"_s, u"0"_s,    u"0"_s,       u"0"_s, u"0"_s,
                                                u"0.0 / 0.0"_s, u"–"_s, u"0:00"_s, u"$0.0000"_s, u"–"_s}
                                 << QVariantList{0, 0, 0, 0, 0, 0, 0.0, QVariant(), qint64(0), 0.0, 0};
        RunStats busy;
        busy.planned = 20000;
        busy.asked = 12345;
        busy.answered = 12000;
        busy.analysed = 11990;
        busy.failed = 7;
        busy.inFlight = 12;
        busy.retrying = 3;
        busy.answersPerSecond = 41.25;
        busy.answersPerSecondOverall = 38.04;
        busy.latencyP50Ms = 850;
        busy.latencyP95Ms = 2140;
        busy.elapsedMs = 3723000; // 1 h 2 min 3 s
        busy.costUsd = 12.345;
        busy.sitesPlanned = 40;
        busy.sitesInspected = 31;
        busy.sitesUnreachable = 2;
        busy.siteCacheHits = 118;
        QTest::newRow("busy") << busy
                              << QStringList{u"12,345"_s,
                                             u"12,000"_s,
                                             u"11,990"_s,
                                             u"7"_s,
                                             u"12"_s,
                                             u"3"_s,
                                             u"41.3 / 38.0"_s,
                                             u"850 / 2,140 ms"_s,
                                             u"1:02:03"_s,
                                             u"$12.35"_s,
                                             u"31 of 40 (2 unreachable, 118 answered from the cache)"_s}
                              << QVariantList{12345, 12000, 11990, 7, 12, 3, 41.25, 850, qint64(3723000), 12.345, 31};
        // Below a dollar the cost keeps four places: a cent would hide a small run's cost.
        RunStats small;
        small.answered = 1;
        small.latencyP50Ms = 5;
        small.latencyP95Ms = 5;
        small.elapsedMs = 59999;
        small.costUsd = 0.00042;
        QTest::newRow("small") << small
                               << QStringList{u"0"_s,         u"1"_s,        u"0"_s,    u"0"_s,       u"0"_s, u"0"_s,
                                              u"0.0 / 0.0"_s, u"5 / 5 ms"_s, u"0:59"_s, u"$0.0004"_s, u"–"_s}
                               << QVariantList{0, 1, 0, 0, 0, 0, 0.0, 5, qint64(59999), 0.00042, 0};
    }

    void showsEachCounter()
    {
        QFETCH(RunStats, stats);
        QFETCH(QStringList, expected);
        QFETCH(QVariantList, sortBy);
        RunCountersModel model;
        QCOMPARE(model.rowCount(), int(RunCountersModel::CounterCount));
        QCOMPARE(model.columnCount(), 1);
        QCOMPARE(texts(model), QStringList(RunCountersModel::CounterCount, u"–"_s)); // before any progress
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setStats(stats);
        QCOMPARE(changed.size(), 1); // every counter in one signal
        QCOMPARE(texts(model), expected);
        QCOMPARE(texts(model, Qt::EditRole), expected); // what QDataWidgetMapper reads
        QCOMPARE(values(model), sortBy);
        model.clear();
        QCOMPARE(texts(model), QStringList(RunCountersModel::CounterCount, u"–"_s));
        QCOMPARE(values(model), QVariantList(RunCountersModel::CounterCount));
    }

    void namesEachCounter()
    {
        RunCountersModel model;
        QStringList names;
        for (int r = 0; r < model.rowCount(); ++r)
            names << model.headerData(r, Qt::Vertical, Qt::DisplayRole).toString();
        QCOMPARE(names,
                 (QStringList{u"Asked"_s, u"Answered"_s, u"Analysed"_s, u"Failed"_s, u"In flight"_s, u"Retrying"_s,
                              u"Answers/s (last 10 s / overall)"_s, u"Latency p50 / p95"_s, u"Elapsed"_s,
                              u"Cost so far"_s, u"Sites inspected"_s}));
    }

    // As the main window shows them: labels mapped to the rows follow each new figure.
    void mappedLabelsFollowTheStats()
    {
        RunCountersModel model;
        QLabel inFlight, cost;
        QDataWidgetMapper mapper;
        mapper.setOrientation(Qt::Vertical);
        mapper.setModel(&model);
        mapper.addMapping(&inFlight, RunCountersModel::InFlight, "text");
        mapper.addMapping(&cost, RunCountersModel::Cost, "text");
        mapper.toFirst();
        QCOMPARE(inFlight.text(), u"–"_s);
        RunStats stats;
        stats.inFlight = 6;
        stats.costUsd = 2.5;
        model.setStats(stats);
        QCOMPARE(inFlight.text(), u"6"_s);
        QCOMPARE(cost.text(), u"$2.50"_s);
        stats.inFlight = 0;
        model.setStats(stats);
        QCOMPARE(inFlight.text(), u"0"_s);
        model.clear();
        QCOMPARE(cost.text(), u"–"_s);
    }
};

QTEST_MAIN(TestRunCounters)
#include "tst_runcounters.moc"
