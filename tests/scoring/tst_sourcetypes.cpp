#include "analysis/Citations.h"
#include "scoring/SourceClassifier.h"
#include "scoring/SourceTable.h"

#include <QFile>
#include <QTest>

using namespace geo;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(geo::SourceType)

namespace {

// What the site inspection saw on a few made-up sites.
QHash<QString, PageKinds> inspectedPages()
{
    return {{u"dailyplanet.example"_s, {{u"WebSite"_s, u"NewsArticle"_s, u"VideoObject"_s}, u"article"_s}},
            {u"fanboards.example"_s, {{u"DiscussionForumPosting"_s}, {}}},
            {u"talkboards.example"_s, {{u"DiscussionForumPosting"_s, u"BreadcrumbList"_s}, {}}},
            {u"clipshow.example"_s, {{}, u"video.other"_s}},
            {u"gadgetmart.example"_s, {{u"Product"_s, u"Offer"_s}, u"product"_s}},
            {u"stilltv.example"_s, {{u"https://schema.org/VideoObject"_s}, {}}},
            {u"plainpage.example"_s, {{u"WebPage"_s, u"Organization"_s}, u"website"_s}}};
}

SourceTypeOverrides analystTypes()
{
    return {{u"crm-ratings.example"_s, SourceType::Review},
            {u"reddit.com"_s, SourceType::News},
            {u"fanboards.example"_s, SourceType::Reference}};
}

} // namespace

class TestSourceTypes : public QObject
{
    Q_OBJECT

private slots:
    void classify_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<int>("owner");
        QTest::addColumn<SourceType>("type");
        // 1. the brands' domains, whatever the rules below would say of them
        QTest::newRow("own") << u"https://acme-crm.example/blog/pricing"_s << 0 << SourceType::Own;
        QTest::newRow("competitor") << u"https://docs.pipewise.example/api"_s << 2 << SourceType::Competitor;
        // 2. the analyst's source_types: the host or a parent domain; before the table
        QTest::newRow("override") << u"https://crm-ratings.example/best"_s << -1 << SourceType::Review;
        QTest::newRow("override of a parent")
            << u"https://www.crm-ratings.example/forum/x"_s << -1 << SourceType::Review;
        QTest::newRow("override beats the table") << u"https://www.reddit.com/r/CRM/"_s << -1 << SourceType::News;
        QTest::newRow("override beats the page") << u"https://fanboards.example/t/1"_s << -1 << SourceType::Reference;
        // 3. the shipped table, by host, parent domain and first path segments
        QTest::newRow("table: subdomain of an entry")
            << u"https://en.wikipedia.org/wiki/CRM"_s << -1 << SourceType::Reference;
        QTest::newRow("table: forum") << u"https://stackoverflow.com/questions/1"_s << -1 << SourceType::Forum;
        QTest::newRow("table: video") << u"https://www.youtube.com/watch?v=abc"_s << -1 << SourceType::Video;
        QTest::newRow("table: review") << u"https://www.g2.com/categories/crm"_s << -1 << SourceType::Review;
        QTest::newRow("table: retailer abroad")
            << u"https://www.amazon.co.uk/dp/B0X"_s << -1 << SourceType::Marketplace;
        QTest::newRow("table: blog") << u"https://medium.com/@someone/crm-tips"_s << -1 << SourceType::Blog;
        QTest::newRow("table: news") << u"https://www.nytimes.com/2025/01/02/tech.html"_s << -1 << SourceType::News;
        QTest::newRow("table: path entry before its host")
            << u"https://www.nytimes.com/wirecutter/reviews/best-crm/"_s << -1 << SourceType::Review;
        QTest::newRow("table: subdomain entry before its parent")
            << u"https://docs.github.com/en/rest"_s << -1 << SourceType::Documentation;
        QTest::newRow("table: the parent") << u"https://github.com/acme/crm"_s << -1 << SourceType::Other;
        QTest::newRow("table: path entry only")
            << u"https://www.gartner.com/reviews/market/crm"_s << -1 << SourceType::Review;
        // 4. what the inspection saw on the registrable domain's page
        QTest::newRow("page: news before its video")
            << u"https://www.dailyplanet.example/2025/crm"_s << -1 << SourceType::News;
        QTest::newRow("page: forum") << u"https://www.talkboards.example/x"_s << -1 << SourceType::Forum;
        QTest::newRow("page: og:type video") << u"https://clipshow.example/v/9"_s << -1 << SourceType::Video;
        QTest::newRow("page: offer") << u"https://gadgetmart.example/item/3"_s << -1 << SourceType::Marketplace;
        QTest::newRow("page: type as an IRI, before the shape")
            << u"https://stilltv.example/blog/x"_s << -1 << SourceType::Video;
        QTest::newRow("page that tells nothing: the shape")
            << u"https://plainpage.example/docs/setup"_s << -1 << SourceType::Documentation;
        // 5. the URL's shape: host labels, then path segments, the first section deciding
        QTest::newRow("shape: /r/") << u"https://lemmy.example/r/crm"_s << -1 << SourceType::Forum;
        QTest::newRow("shape: /forum/") << u"https://acme-tools.example/forum/thread-9"_s << -1 << SourceType::Forum;
        QTest::newRow("shape: /community/") << u"https://tools.example/community/q/5"_s << -1 << SourceType::Forum;
        QTest::newRow("shape: /reviews/") << u"https://tools.example/reviews/acme"_s << -1 << SourceType::Review;
        QTest::newRow("shape: /docs/") << u"https://tools.example/docs/start"_s << -1 << SourceType::Documentation;
        QTest::newRow("shape: /blog/") << u"https://tools.example/blog/2025/crm"_s << -1 << SourceType::Blog;
        QTest::newRow("shape: /watch") << u"https://tube.example/watch?v=1"_s << -1 << SourceType::Video;
        QTest::newRow("shape: /news/") << u"https://tools.example/news/launch"_s << -1 << SourceType::News;
        QTest::newRow("shape: /products/, any case")
            << u"https://tools.example/Products/x"_s << -1 << SourceType::Marketplace;
        QTest::newRow("shape: /wiki/") << u"https://tools.example/wiki/CRM"_s << -1 << SourceType::Reference;
        QTest::newRow("shape: the first section decides")
            << u"https://tools.example/blog/reviews/acme"_s << -1 << SourceType::Blog;
        QTest::newRow("shape: host label") << u"https://forum.tools.example/t/1"_s << -1 << SourceType::Forum;
        QTest::newRow("shape: host label before the path")
            << u"https://docs.tools.example/blog/x"_s << -1 << SourceType::Documentation;
        QTest::newRow("shape: www is no section") << u"https://www.tools.example/about"_s << -1 << SourceType::Other;
        QTest::newRow("shape: a word inside a segment is not one")
            << u"https://tools.example/reviewsandmore"_s << -1 << SourceType::Other;
        // 6. nothing tells
        QTest::newRow("other") << u"https://tools.example/pricing"_s << -1 << SourceType::Other;
    }

    void classify()
    {
        QFETCH(QString, url);
        QFETCH(int, owner);
        QFETCH(SourceType, type);
        const SourceClassifier classifier(analystTypes(), inspectedPages());
        const QUrl u(url);
        const SourceType got = classifier.classify(u, registrableDomain(u.host()), owner);
        QCOMPARE(sourceTypeName(got), sourceTypeName(type));
    }

    void tableProblems()
    {
        const SourceTable table = SourceTable::parse("# notes, with a tab\there\n"
                                                     "reddit.com\tforum\n"
                                                     "\n"
                                                     "broken line without a tab\n"
                                                     "not a domain\treview\n"
                                                     "g2.com\treviews\n"
                                                     "acme.example\town\n"
                                                     "reddit.com\tnews\n"
                                                     "nytimes.com/wirecutter\treview\n"
                                                     "nytimes.com\tnews\n"
                                                     "x.example\tblog\textra\n"
                                                     "last.example\tvideo");
        QCOMPARE(table.problems(),
                 (QStringList{u"line 4: expected a domain and a type separated by one tab, got 1 fields"_s,
                              u"line 5: \"not a domain\" is not a domain name"_s,
                              u"line 6: unknown type \"reviews\"; use one of review, forum, video, news, reference, "
                              "marketplace, blog, documentation, other"_s,
                              u"line 7: unknown type \"own\"; use one of review, forum, video, news, reference, "
                              "marketplace, blog, documentation, other"_s,
                              u"line 8: \"reddit.com\" is listed twice"_s,
                              u"line 11: expected a domain and a type separated by one tab, got 3 fields"_s}));
        QCOMPARE(table.size(), 4);
        QCOMPARE(table.lookup(u"old.reddit.com"_s, {}), SourceType::Forum);
        QCOMPARE(table.lookup(u"www.nytimes.com"_s, {u"wirecutter"_s, u"x"_s}), SourceType::Review);
        QCOMPARE(table.lookup(u"www.nytimes.com"_s, {u"section"_s}), SourceType::News);
        QCOMPARE(table.lookup(u"last.example"_s, {}), SourceType::Video);
        QCOMPARE(table.lookup(u"g2.com"_s, {}), std::nullopt);
    }

    // The shipped table reads whole, covers the domains engines cite most, and names its sources.
    void shippedTable()
    {
        const SourceTable &table = SourceTable::builtIn();
        QCOMPARE(table.problems(), QStringList());
        QVERIFY2(table.size() >= 300, qPrintable(QString::number(table.size())));
        const std::pair<QString, SourceType> expected[] = {{u"en.wikipedia.org"_s, SourceType::Reference},
                                                           {u"www.reddit.com"_s, SourceType::Forum},
                                                           {u"m.youtube.com"_s, SourceType::Video},
                                                           {u"www.amazon.com"_s, SourceType::Marketplace},
                                                           {u"www.g2.com"_s, SourceType::Review},
                                                           {u"www.capterra.com"_s, SourceType::Review},
                                                           {u"www.trustpilot.com"_s, SourceType::Review},
                                                           {u"www.forbes.com"_s, SourceType::News},
                                                           {u"medium.com"_s, SourceType::Blog},
                                                           {u"stackoverflow.com"_s, SourceType::Forum},
                                                           {u"learn.microsoft.com"_s, SourceType::Documentation}};
        for (const auto &[host, type] : expected)
            QCOMPARE(table.lookup(host, {}), type);
        QFile file(u":/source-types.tsv"_s);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        QVERIFY(text.contains("# Sources:"));
        QVERIFY(text.contains("# Licence:"));
    }
};

QTEST_GUILESS_MAIN(TestSourceTypes)
#include "tst_sourcetypes.moc"
