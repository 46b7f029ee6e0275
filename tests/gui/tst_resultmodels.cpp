#include "CitationsModel.h"
#include "DiscoveredModel.h"
#include "ReadinessChecksModel.h"
#include "SitesModel.h"
#include "SourceMixModel.h"

#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>
#include <limits>

using namespace geo;
using namespace Qt::StringLiterals;

using Table = QList<QStringList>;      // display text, row by row
using SortTable = QList<QVariantList>; // Qt::UserRole, row by row

Q_DECLARE_METATYPE(QList<geo::DomainScore>)
Q_DECLARE_METATYPE(QList<geo::DiscoveredBrand>)
Q_DECLARE_METATYPE(QList<geo::StoredSiteReport>)
Q_DECLARE_METATYPE(QList<geo::ReadinessCheck>)
Q_DECLARE_METATYPE(geo::SourceType)

namespace {

DomainScore domain(const QString &name, int owner, int citations, std::optional<int> readiness,
                   SourceType type = SourceType::Other)
{
    DomainScore d;
    d.type = type;
    d.domain = name;
    d.owner = owner;
    d.citations = citations;
    d.readiness = readiness;
    return d;
}

StoredSiteReport site(const QString &name, int owner, int status, int score)
{
    StoredSiteReport s;
    s.report.domain = name;
    s.report.pageFetch.status = status; // 0: never answered
    s.report.score = score;
    s.owner = owner;
    return s;
}

ReadinessCheck check(const QString &group, const QString &name, ReadinessCheck::Status status, int points,
                     int maxPoints, const QString &evidence)
{
    return ReadinessCheck{group, name, status, points, maxPoints, evidence};
}

QStringList headers(const QAbstractItemModel &model)
{
    QStringList out;
    for (int c = 0; c < model.columnCount(); ++c)
        out << model.headerData(c, Qt::Horizontal, Qt::DisplayRole).toString();
    return out;
}

Table displayed(const QAbstractItemModel &model, int role = Qt::DisplayRole)
{
    Table out;
    for (int r = 0; r < model.rowCount(); ++r) {
        QStringList row;
        for (int c = 0; c < model.columnCount(); ++c)
            row << model.index(r, c).data(role).toString();
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

// The first column's text in the order a view sorting by column (ascending) shows.
QStringList sortedBy(QAbstractItemModel *model, int column)
{
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(model);
    proxy.setSortRole(Qt::UserRole);
    proxy.sort(column, Qt::AscendingOrder);
    QStringList out;
    for (int r = 0; r < proxy.rowCount(); ++r)
        out << proxy.index(r, 0).data().toString();
    return out;
}

} // namespace

// The result pages' models, each fed one batch of the store's or the scores' typed results:
// their rows and columns, the exact text shown and the values sorted by.
class TestResultModels : public QObject
{
    Q_OBJECT

private slots:
    void citations_data()
    {
        QTest::addColumn<QStringList>("brands");
        QTest::addColumn<QList<DomainScore>>("domains");
        QTest::addColumn<Table>("display");
        QTest::addColumn<SortTable>("sort");
        const QStringList brands{u"Acme"_s, u"Globex"_s};
        QTest::newRow("none") << brands << QList<DomainScore>{} << Table{} << SortTable{};
        QTest::newRow("owned, third party, not inspected")
            << brands
            << QList<DomainScore>{domain(u"acme.example"_s, 0, 12, 81, SourceType::Own),
                                  domain(u"globex.example"_s, 1, 7, 0, SourceType::Competitor),
                                  domain(u"news.example"_s, -1, 3, std::nullopt, SourceType::News)}
            << Table{{u"acme.example"_s, u"Acme"_s, u"Own"_s, u"12"_s, u"81"_s},
                     {u"globex.example"_s, u"Globex"_s, u"Competitor"_s, u"7"_s, u"0"_s},
                     {u"news.example"_s, u"third party"_s, u"News and media"_s, u"3"_s, u"not inspected"_s}}
            << SortTable{{u"acme.example"_s, u"Acme"_s, int(SourceType::Own), 12, 81},
                         {u"globex.example"_s, u"Globex"_s, int(SourceType::Competitor), 7, 0},
                         {u"news.example"_s, u"third party"_s, int(SourceType::News), 3, -2}};
        // An owner the brands do not name (scores of another spec) shows as no one.
        QTest::newRow("owner out of range")
            << QStringList{u"Acme"_s} << QList<DomainScore>{domain(u"x.example"_s, 4, 1, 5, SourceType::Competitor)}
            << Table{{u"x.example"_s, QString(), u"Competitor"_s, u"1"_s, u"5"_s}}
            << SortTable{{u"x.example"_s, QString(), int(SourceType::Competitor), 1, 5}};
    }

    void citations()
    {
        QFETCH(QStringList, brands);
        QFETCH(QList<DomainScore>, domains);
        QFETCH(Table, display);
        QFETCH(SortTable, sort);
        CitationsModel model;
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.setRows(brands, domains);
        QCOMPARE(reset.size(), 1); // one batch
        QCOMPARE(headers(model), (QStringList{u"Domain"_s, u"Owner"_s, u"Type"_s, u"Citations"_s, u"GEO readiness"_s}));
        QCOMPARE(model.columnCount(), int(CitationsModel::ColumnCount));
        QCOMPARE(displayed(model), display);
        QCOMPARE(sortValues(model), sort);
    }

    // Numbers sort as numbers (9 before 10, unlike their text); the domains never inspected,
    // then those that did not answer, come before the worst inspected, and say which they are.
    void citationsSortByTheirValues()
    {
        CitationsModel model;
        DomainScore down = domain(u"e.example"_s, -1, 1, std::nullopt);
        down.unreachable = true;
        model.setRows({u"Acme"_s},
                      {domain(u"a.example"_s, -1, 10, 100), domain(u"b.example"_s, -1, 9, std::nullopt),
                       domain(u"c.example"_s, -1, 100, 9), domain(u"d.example"_s, -1, 2, 90), down});
        QCOMPARE(sortedBy(&model, CitationsModel::Citations),
                 (QStringList{u"e.example"_s, u"d.example"_s, u"b.example"_s, u"a.example"_s, u"c.example"_s}));
        QCOMPARE(sortedBy(&model, CitationsModel::Readiness),
                 (QStringList{u"b.example"_s, u"e.example"_s, u"c.example"_s, u"d.example"_s, u"a.example"_s}));
        QCOMPARE(model.index(1, CitationsModel::Readiness).data().toString(), u"not inspected"_s);
        QCOMPARE(model.index(4, CitationsModel::Readiness).data().toString(), u"unreachable"_s);
    }

    // The analyst sets a third party's type: shown at once, announced for the spec, kept when
    // another cut is shown; a brand's own domains and unknown names are refused.
    void citationTypeOverride_data()
    {
        QTest::addColumn<int>("row");
        QTest::addColumn<QString>("value");
        QTest::addColumn<bool>("accepted");
        QTest::addColumn<QString>("shown");
        QTest::newRow("review") << 2 << u"review"_s << true << u"Review site"_s;
        QTest::newRow("forum") << 2 << u"forum"_s << true << u"Forum or community"_s;
        QTest::newRow("unknown name") << 2 << u"reviews"_s << false << u"News and media"_s;
        QTest::newRow("own is the brands' domains") << 2 << u"own"_s << false << u"News and media"_s;
        QTest::newRow("a brand's domain") << 0 << u"review"_s << false << u"Own"_s;
    }

    void citationTypeOverride()
    {
        QFETCH(int, row);
        QFETCH(QString, value);
        QFETCH(bool, accepted);
        QFETCH(QString, shown);
        const QList<DomainScore> domains{domain(u"acme.example"_s, 0, 12, 81, SourceType::Own),
                                         domain(u"globex.example"_s, 1, 7, 0, SourceType::Competitor),
                                         domain(u"news.example"_s, -1, 3, std::nullopt, SourceType::News)};
        CitationsModel model;
        model.setRows({u"Acme"_s, u"Globex"_s}, domains);
        QSignalSpy chosen(&model, &CitationsModel::typeChosen);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        const QModelIndex cell = model.index(row, CitationsModel::Type);
        QCOMPARE(bool(model.flags(cell) & Qt::ItemIsEditable), row == 2);
        QCOMPARE(model.setData(cell, value), accepted);
        QCOMPARE(cell.data().toString(), shown);
        QCOMPARE(chosen.size(), accepted ? 1 : 0);
        QCOMPARE(changed.size(), accepted ? 1 : 0);
        if (!accepted)
            return;
        QCOMPARE(chosen[0][0].toString(), u"news.example"_s);
        QCOMPARE(sourceTypeName(chosen[0][1].value<SourceType>()), value);
        QCOMPARE(cell.data(Qt::EditRole).toString(), value);
        // Another cut's rows keep the choice until the spec says otherwise.
        model.setRows({u"Acme"_s, u"Globex"_s}, domains.mid(2));
        QCOMPARE(model.index(0, CitationsModel::Type).data().toString(), shown);
        model.setOverrides({});
        QCOMPARE(model.index(0, CitationsModel::Type).data().toString(), u"News and media"_s);
        model.setOverrides({{u"news.example"_s, SourceType::Video}, {u"acme.example"_s, SourceType::Blog}});
        QCOMPARE(model.index(0, CitationsModel::Type).data().toString(), u"Video"_s);
        model.setRows({u"Acme"_s, u"Globex"_s}, domains);
        QCOMPARE(model.index(0, CitationsModel::Type).data().toString(), u"Own"_s); // a brand's stays its own
    }

    // Each engine's citations by type: all prompts first, then each engine; other cuts left out.
    void sourceMix()
    {
        CutScores all{u"all"_s, {}, {}, {}};
        all.sources.citations[std::size_t(SourceType::Forum)] = 3;
        all.sources.citations[std::size_t(SourceType::Marketplace)] = 1;
        CutScores gpt{u"engine=gpt"_s, {}, {}, {}};
        gpt.sources.citations[std::size_t(SourceType::Forum)] = 3;
        CutScores claude{u"engine=claude"_s, {}, {}, {}};
        CutScores branded{u"branded"_s, {}, {}, {}};
        branded.sources.citations[std::size_t(SourceType::Blog)] = 9;
        SourceMixModel model;
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.setCuts({all, branded, gpt, claude});
        QCOMPARE(reset.size(), 1);
        QCOMPARE(model.columnCount(), 2 + SourceTypeCount);
        QCOMPARE(headers(model).mid(0, 6),
                 (QStringList{u"Engine"_s, u"Citations"_s, u"Own"_s, u"Competitor"_s, u"Review site"_s,
                              u"Forum or community"_s}));
        QCOMPARE(headers(model).back(), u"Other"_s);
        const Table shown = displayed(model);
        QCOMPARE(shown.size(), 3);
        const int forum = SourceMixModel::FirstType + int(SourceType::Forum);
        const int market = SourceMixModel::FirstType + int(SourceType::Marketplace);
        QCOMPARE((QStringList{shown[0][0], shown[0][1], shown[0][forum], shown[0][market]}),
                 (QStringList{u"All engines"_s, u"4"_s, u"75.0%"_s, u"25.0%"_s}));
        QCOMPARE((QStringList{shown[1][0], shown[1][1], shown[1][forum], shown[1][market]}),
                 (QStringList{u"gpt"_s, u"3"_s, u"100.0%"_s, u"0.0%"_s}));
        QCOMPARE((QStringList{shown[2][0], shown[2][1], shown[2][forum]}),
                 (QStringList{u"claude"_s, u"0"_s, u"n/a"_s}));
        QCOMPARE(model.index(0, forum).data(Qt::UserRole).toDouble(), 0.75);
        QCOMPARE(sortedBy(&model, forum), (QStringList{u"claude"_s, u"All engines"_s, u"gpt"_s}));
    }

    void discovered_data()
    {
        QTest::addColumn<QList<DiscoveredBrand>>("brands");
        QTest::addColumn<Table>("display");
        QTest::addColumn<SortTable>("sort");
        QTest::newRow("none") << QList<DiscoveredBrand>{} << Table{} << SortTable{};
        QTest::newRow("two")
            << QList<DiscoveredBrand>{{u"Pipewise"_s,
                                       {u"Pipewise Flow"_s, u"Pipewise Pro"_s},
                                       14,
                                       {u"claude"_s, u"gpt"_s},
                                       2,
                                       0.35},
                                      {u"Initech"_s, {}, 2, {u"gpt"_s}, std::nullopt, 0.05}}
            << Table{{u"Pipewise"_s, u"Pipewise Flow, Pipewise Pro"_s, u"14"_s, u"35%"_s, u"2"_s, u"claude, gpt"_s},
                     {u"Initech"_s, QString(), u"2"_s, u"5%"_s, u"–"_s, u"gpt"_s}}
            << SortTable{{u"Pipewise"_s, u"Pipewise Flow, Pipewise Pro"_s, 14, 0.35, 2, u"claude, gpt"_s},
                         {u"Initech"_s, QString(), 2, 0.05, std::numeric_limits<int>::max(), u"gpt"_s}};
        QTest::newRow("no engine, no share") << QList<DiscoveredBrand>{{u"Umbrella"_s, {}, 1, {}, 1, std::nullopt}}
                                             << Table{{u"Umbrella"_s, QString(), u"1"_s, u"n/a"_s, u"1"_s, QString()}}
                                             << SortTable{{u"Umbrella"_s, QString(), 1, -1.0, 1, QString()}};
    }

    void discovered()
    {
        QFETCH(QList<DiscoveredBrand>, brands);
        QFETCH(Table, display);
        QFETCH(SortTable, sort);
        DiscoveredModel model;
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.setRows(brands);
        QCOMPARE(reset.size(), 1);
        QCOMPARE(headers(model),
                 (QStringList{u"Brand"_s, u"Products"_s, u"Answers naming it"_s, u"Share of answers"_s, u"Best rank"_s,
                              u"Engines"_s}));
        QCOMPARE(displayed(model), display);
        QCOMPARE(sortValues(model), sort);
        // The products of a brand are its tooltip too, one a line.
        if (!brands.isEmpty() && !brands.front().products.isEmpty())
            QCOMPARE(model.index(0, DiscoveredModel::Products).data(Qt::ToolTipRole).toString(),
                     brands.front().products.join(u'\n'));
    }

    void sites_data()
    {
        QTest::addColumn<QList<StoredSiteReport>>("reports");
        QTest::addColumn<QStringList>("brands");
        QTest::addColumn<Table>("display");
        QTest::addColumn<SortTable>("sort");
        const QList<StoredSiteReport> reports{site(u"acme.example"_s, 0, 200, 74), site(u"down.example"_s, -1, 0, 0),
                                              site(u"globex.example"_s, 1, 404, 12)};
        QTest::newRow("none") << QList<StoredSiteReport>{} << QStringList{u"Acme"_s} << Table{} << SortTable{};
        QTest::newRow("owners named") << reports << QStringList{u"Acme"_s, u"Globex"_s}
                                      << Table{{u"acme.example"_s, u"Acme"_s, u"74"_s},
                                               {u"down.example"_s, u"third party"_s, u"unreachable"_s},
                                               {u"globex.example"_s, u"Globex"_s, u"12"_s}}
                                      << SortTable{{u"acme.example"_s, u"Acme"_s, 74},
                                                   {u"down.example"_s, u"third party"_s, -1},
                                                   {u"globex.example"_s, u"Globex"_s, 12}};
        // Before the scores name the brands, a tracked brand's site is nobody's yet, not a
        // third party's.
        QTest::newRow("brands not yet scored") << reports << QStringList{}
                                               << Table{{u"acme.example"_s, QString(), u"74"_s},
                                                        {u"down.example"_s, u"third party"_s, u"unreachable"_s},
                                                        {u"globex.example"_s, QString(), u"12"_s}}
                                               << SortTable{{u"acme.example"_s, QString(), 74},
                                                            {u"down.example"_s, u"third party"_s, -1},
                                                            {u"globex.example"_s, QString(), 12}};
    }

    void sites()
    {
        QFETCH(QList<StoredSiteReport>, reports);
        QFETCH(QStringList, brands);
        QFETCH(Table, display);
        QFETCH(SortTable, sort);
        SitesModel model;
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.setRows(reports);
        model.setBrands(brands);
        QCOMPARE(reset.size(), 1);
        QCOMPARE(headers(model), (QStringList{u"Site"_s, u"Owner"_s, u"GEO readiness"_s}));
        QCOMPARE(displayed(model), display);
        QCOMPARE(sortValues(model), sort);
        for (int r = 0; r < reports.size(); ++r)
            QCOMPARE(model.report(r)->domain, reports[r].report.domain);
        QVERIFY(!model.report(int(reports.size())));
        QVERIFY(!model.report(-1));
    }

    // The brands come with the scores, after the reports: only the owners change, so the
    // site the analyst selected stays selected.
    void sitesNameTheirOwnersWhenTheBrandsArrive()
    {
        SitesModel model;
        model.setRows({site(u"acme.example"_s, 0, 200, 74), site(u"news.example"_s, -1, 200, 50)});
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QCOMPARE(model.index(0, SitesModel::Owner).data().toString(), QString());
        model.setBrands({u"Acme"_s});
        QCOMPARE(reset.size(), 0);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed[0][0].toModelIndex(), model.index(0, SitesModel::Owner));
        QCOMPARE(changed[0][1].toModelIndex(), model.index(1, SitesModel::Owner));
        QCOMPARE(model.index(0, SitesModel::Owner).data().toString(), u"Acme"_s);
    }

    void readinessChecks_data()
    {
        using S = ReadinessCheck::Status;
        QTest::addColumn<QList<ReadinessCheck>>("checks");
        QTest::addColumn<Table>("display");
        QTest::addColumn<SortTable>("sort");
        QTest::newRow("none") << QList<ReadinessCheck>{} << Table{} << SortTable{};
        QTest::newRow("each result")
            << QList<ReadinessCheck>{check(u"AI crawler access"_s, u"GPTBot"_s, S::Pass, 10, 10,
                                           u"robots.txt allows /"_s),
                                     check(u"Metadata"_s, u"Description"_s, S::Partial, 3, 5, u"74 characters"_s),
                                     check(u"Structured data"_s, u"Organization"_s, S::Fail, 0, 8, u"no JSON-LD"_s),
                                     check(u"Transport"_s, u"HSTS"_s, S::Unknown, 0, 0, QString())}
            << Table{{u"AI crawler access"_s, u"GPTBot"_s, u"pass"_s, u"10 of 10"_s, u"robots.txt allows /"_s},
                     {u"Metadata"_s, u"Description"_s, u"partial"_s, u"3 of 5"_s, u"74 characters"_s},
                     {u"Structured data"_s, u"Organization"_s, u"fail"_s, u"0 of 8"_s, u"no JSON-LD"_s},
                     {u"Transport"_s, u"HSTS"_s, u"unknown"_s, u"–"_s, QString()}}
            << SortTable{{u"AI crawler access"_s, u"GPTBot"_s, 0, 10, u"robots.txt allows /"_s},
                         {u"Metadata"_s, u"Description"_s, 1, 3, u"74 characters"_s},
                         {u"Structured data"_s, u"Organization"_s, 2, 0, u"no JSON-LD"_s},
                         {u"Transport"_s, u"HSTS"_s, 3, -1, QString()}};
    }

    void readinessChecks()
    {
        QFETCH(QList<ReadinessCheck>, checks);
        QFETCH(Table, display);
        QFETCH(SortTable, sort);
        ReadinessChecksModel model;
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.setRows(checks);
        QCOMPARE(reset.size(), 1);
        QCOMPARE(headers(model), (QStringList{u"Group"_s, u"Check"_s, u"Result"_s, u"Points"_s, u"Evidence"_s}));
        QCOMPARE(displayed(model), display);
        QCOMPARE(displayed(model, Qt::ToolTipRole), display); // evidence runs long: the tip shows it whole
        QCOMPARE(sortValues(model), sort);
    }
};

QTEST_MAIN(TestResultModels)
#include "tst_resultmodels.moc"
