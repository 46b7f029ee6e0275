#include "PlanCostsModel.h"
#include "TopicCountsModel.h"

#include <QFont>
#include <QSignalSpy>
#include <QTest>

using namespace geo;
using namespace Qt::StringLiterals;

using Table = QList<QStringList>;      // display text, row by row
using SortTable = QList<QVariantList>; // Qt::UserRole, row by row
using CostRows = QList<PlanCostsModel::Row>;
using TopicRows = QList<TopicCountsModel::Row>;

Q_DECLARE_METATYPE(PlanCostsModel::Row)

namespace {

Table displayed(const QAbstractItemModel &model)
{
    Table out;
    for (int r = 0; r < model.rowCount(); ++r) {
        QStringList row;
        for (int c = 0; c < model.columnCount(); ++c)
            row << model.index(r, c).data().toString();
        out << row;
    }
    return out;
}

SortTable sortValues(const QAbstractItemModel &model)
{
    SortTable out;
    for (int r = 0; r < model.rowCount(); ++r) {
        QVariantList row;
        for (int c = 0; c < model.columnCount(); ++c)
            row << model.index(r, c).data(Qt::UserRole);
        out << row;
    }
    return out;
}

QStringList headers(const QAbstractItemModel &model)
{
    QStringList out;
    for (int c = 0; c < model.columnCount(); ++c)
        out << model.headerData(c, Qt::Horizontal, Qt::DisplayRole).toString();
    return out;
}

} // namespace

// The prompt preview's tables: what a plan asks of each engine and costs, and how many
// prompts and answers each topic has, from typed rows, exactly as shown and sorted.
class TestPlanModels : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void costs_data()
    {
        using P = PlanCostsModel::Price;
        QTest::addColumn<CostRows>("engines");
        QTest::addColumn<PlanCostsModel::Row>("total");
        QTest::addColumn<Table>("display");
        QTest::addColumn<SortTable>("sort");
        QTest::newRow("no engines") << CostRows{} << PlanCostsModel::Row{u"Total"_s, {}, 0, 0, 0, 0.0, P::Known}
                                    << Table{{u"Total"_s, QString(), u"0"_s, u"0"_s, u"0"_s, u"$0.0000"_s}}
                                    << SortTable{{u"Total"_s, QString(), 0, qint64(0), qint64(0), 0.0}};
        QTest::newRow("priced, unknown, free")
            << CostRows{{u"gpt"_s, u"gpt-4o-mini"_s, 1200, 96000, 720000, 12.5, P::Known},
                        {u"local"_s, u"llama3"_s, 1200, 96000, 720000, 0.0, P::Unknown},
                        {u"replay"_s, u"gpt-4o"_s, 24, 1920, 14400, 0.0, P::Free}}
            << PlanCostsModel::Row{u"Total"_s, {}, 2424, 193920, 1454400, 12.5, P::Known}
            << Table{{u"gpt"_s, u"gpt-4o-mini"_s, u"1,200"_s, u"96,000"_s, u"720,000"_s, u"$12.50"_s},
                     {u"local"_s, u"llama3"_s, u"1,200"_s, u"96,000"_s, u"720,000"_s, u"price unknown"_s},
                     {u"replay"_s, u"gpt-4o"_s, u"24"_s, u"1,920"_s, u"14,400"_s, u"nothing (no API)"_s},
                     {u"Total"_s, QString(), u"2,424"_s, u"193,920"_s, u"1,454,400"_s, u"$12.50"_s}}
            << SortTable{{u"gpt"_s, u"gpt-4o-mini"_s, 1200, qint64(96000), qint64(720000), 12.5},
                         {u"local"_s, u"llama3"_s, 1200, qint64(96000), qint64(720000), 0.0},
                         {u"replay"_s, u"gpt-4o"_s, 24, qint64(1920), qint64(14400), 0.0},
                         {u"Total"_s, QString(), 2424, qint64(193920), qint64(1454400), 12.5}};
        QTest::newRow("under a dollar") << CostRows{{u"gpt"_s, u"m"_s, 3, 240, 1800, 0.00123, P::Known}}
                                        << PlanCostsModel::Row{u"Total"_s, {}, 3, 240, 1800, 0.00123, P::Known}
                                        << Table{{u"gpt"_s, u"m"_s, u"3"_s, u"240"_s, u"1,800"_s, u"$0.0012"_s},
                                                 {u"Total"_s, QString(), u"3"_s, u"240"_s, u"1,800"_s, u"$0.0012"_s}}
                                        << SortTable{{u"gpt"_s, u"m"_s, 3, qint64(240), qint64(1800), 0.00123},
                                                     {u"Total"_s, QString(), 3, qint64(240), qint64(1800), 0.00123}};
    }

    void costs()
    {
        QFETCH(CostRows, engines);
        QFETCH(PlanCostsModel::Row, total);
        QFETCH(Table, display);
        QFETCH(SortTable, sort);
        PlanCostsModel model;
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.setRows(engines, total);
        QCOMPARE(reset.size(), 1);
        QCOMPARE(headers(model),
                 (QStringList{u"Engine"_s, u"Model"_s, u"Answers"_s, u"Tokens in"_s, u"Tokens out"_s, u"Cost"_s}));
        QCOMPARE(displayed(model), display);
        QCOMPARE(sortValues(model), sort);
        // The total in bold, the numbers to the right.
        const int last = model.rowCount() - 1;
        for (int r = 0; r <= last; ++r)
            QCOMPARE(model.index(r, 0).data(Qt::FontRole).value<QFont>().bold(), r == last);
        for (int c = 0; c < model.columnCount(); ++c)
            QCOMPARE(model.index(0, c).data(Qt::TextAlignmentRole).isValid(), c >= PlanCostsModel::Answers);
    }

    void topics_data()
    {
        QTest::addColumn<TopicRows>("rows");
        QTest::addColumn<Table>("display");
        QTest::addColumn<SortTable>("sort");
        QTest::newRow("none") << TopicRows{} << Table{} << SortTable{};
        QTest::newRow("topics and none") << TopicRows{{u"CRM for small business"_s, 6, 96},
                                                      {u"sales pipeline"_s, 0, 0},
                                                      {QString(), 1200, 19200}}
                                         << Table{{u"CRM for small business"_s, u"6"_s, u"96"_s},
                                                  {u"sales pipeline"_s, u"0"_s, u"0"_s},
                                                  {u"no topic"_s, u"1,200"_s, u"19,200"_s}}
                                         << SortTable{{u"CRM for small business"_s, 6, 96},
                                                      {u"sales pipeline"_s, 0, 0},
                                                      {u"no topic"_s, 1200, 19200}};
    }

    void topics()
    {
        QFETCH(TopicRows, rows);
        QFETCH(Table, display);
        QFETCH(SortTable, sort);
        TopicCountsModel model;
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.setRows(rows);
        QCOMPARE(reset.size(), 1);
        QCOMPARE(headers(model), (QStringList{u"Topic"_s, u"Prompts"_s, u"Answers"_s}));
        QCOMPARE(displayed(model), display);
        QCOMPARE(sortValues(model), sort);
    }
};

QTEST_MAIN(TestPlanModels)
#include "tst_planmodels.moc"
