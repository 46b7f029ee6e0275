#include "SourceClassifier.h"

#include <array>
#include <utility>

namespace geo {

using namespace Qt::StringLiterals;

namespace {

// Schema.org types by the source type they tell, the more specific genres first: a forum
// thread or a review that embeds a video is a forum or a review.
const QList<std::pair<SourceType, QStringList>> &schemaTypes()
{
    static const QList<std::pair<SourceType, QStringList>> types{
        {SourceType::Forum, {u"DiscussionForumPosting"_s, u"QAPage"_s, u"Question"_s, u"SocialMediaPosting"_s}},
        {SourceType::Review,
         {u"Review"_s, u"CriticReview"_s, u"UserReview"_s, u"EmployerReview"_s, u"Recommendation"_s}},
        {SourceType::News,
         {u"NewsArticle"_s, u"ReportageNewsArticle"_s, u"AnalysisNewsArticle"_s, u"OpinionNewsArticle"_s,
          u"BackgroundNewsArticle"_s, u"ReviewNewsArticle"_s, u"LiveBlogPosting"_s, u"NewsMediaOrganization"_s}},
        {SourceType::Video, {u"VideoObject"_s, u"VideoGallery"_s, u"Clip"_s}},
        {SourceType::Documentation, {u"TechArticle"_s, u"APIReference"_s, u"HowTo"_s}},
        {SourceType::Reference, {u"DefinedTerm"_s, u"DefinedTermSet"_s, u"ScholarlyArticle"_s, u"MedicalWebPage"_s}},
        {SourceType::Marketplace, {u"Offer"_s, u"AggregateOffer"_s, u"OnlineStore"_s, u"Store"_s}},
        {SourceType::Blog, {u"BlogPosting"_s, u"Blog"_s}},
    };
    return types;
}

// Section names of a site (path segments and host labels) by the source type they tell.
const QHash<QString, SourceType> &sections()
{
    static const QHash<QString, SourceType> names = [] {
        QHash<QString, SourceType> out;
        const std::pair<SourceType, QStringList> table[] = {
            {SourceType::Forum,
             {u"r"_s, u"forum"_s, u"forums"_s, u"community"_s, u"communities"_s, u"discuss"_s, u"discussions"_s,
              u"threads"_s, u"questions"_s}},
            {SourceType::Review, {u"review"_s, u"reviews"_s, u"ratings"_s}},
            {SourceType::Video, {u"watch"_s, u"video"_s, u"videos"_s, u"shorts"_s}},
            {SourceType::News, {u"news"_s, u"newsroom"_s, u"press"_s}},
            {SourceType::Reference, {u"wiki"_s, u"glossary"_s, u"encyclopedia"_s, u"dictionary"_s}},
            {SourceType::Marketplace, {u"shop"_s, u"store"_s, u"products"_s, u"dp"_s, u"buy"_s}},
            {SourceType::Blog, {u"blog"_s, u"blogs"_s, u"posts"_s}},
            {SourceType::Documentation,
             {u"docs"_s, u"doc"_s, u"documentation"_s, u"manual"_s, u"guides"_s, u"help"_s, u"kb"_s,
              u"knowledge-base"_s, u"developers"_s}},
        };
        for (const auto &[type, words] : table)
            for (const QString &w : words)
                out.insert(w, type);
        return out;
    }();
    return names;
}

} // namespace

std::optional<SourceType> sourceTypeOfPage(const PageKinds &page)
{
    for (const auto &[type, names] : schemaTypes())
        for (const QString &name : names)
            // As written, or as an IRI: "https://schema.org/NewsArticle".
            for (const QString &declared : page.schemaTypes)
                if (declared == name || declared.endsWith(u'/' + name) || declared.endsWith(u':' + name))
                    return type;
    const QString og = page.ogType.trimmed().toLower();
    if (og.startsWith(u"video"_s))
        return SourceType::Video;
    if (og == u"product"_s || og == u"product.item"_s)
        return SourceType::Marketplace;
    if (og == u"article"_s)
        return SourceType::Blog; // a news site's articles say NewsArticle, which decided above
    return std::nullopt;
}

std::optional<SourceType> sourceTypeOfShape(const QUrl &url, const QString &domain)
{
    QStringList parts;
    const QString host = url.host().toLower();
    // Host labels below the registrable domain, the outermost first: forum.example.com.
    if (host.size() > domain.size() && host.endsWith(u'.' + domain))
        parts = host.left(host.size() - domain.size() - 1).split(u'.');
    parts.removeAll(u"www"_s);
    parts += url.path(QUrl::FullyDecoded).toLower().split(u'/', Qt::SkipEmptyParts);
    for (const QString &part : std::as_const(parts))
        if (const auto it = sections().constFind(part); it != sections().cend())
            return *it;
    return std::nullopt;
}

SourceClassifier::SourceClassifier(SourceTypeOverrides overrides, QHash<QString, PageKinds> pages,
                                   const SourceTable &table)
    : m_overrides(std::move(overrides)), m_table(table)
{
    for (auto it = pages.cbegin(); it != pages.cend(); ++it)
        if (const auto type = sourceTypeOfPage(*it))
            m_pageTypes.insert(it.key(), *type);
}

SourceType SourceClassifier::classify(const QUrl &url, const QString &domain, int owner) const
{
    if (owner >= 0)
        return owner == 0 ? SourceType::Own : SourceType::Competitor;
    const QString host = url.host().toLower();
    for (QString h = host; h.contains(u'.'); h = h.section(u'.', 1))
        if (const auto it = m_overrides.constFind(h); it != m_overrides.cend())
            return *it;
    if (const auto type = m_table.lookup(host, url.path(QUrl::FullyDecoded).split(u'/', Qt::SkipEmptyParts)))
        return *type;
    if (const auto it = m_pageTypes.constFind(domain); it != m_pageTypes.cend())
        return *it;
    return sourceTypeOfShape(url, domain).value_or(SourceType::Other);
}

} // namespace geo
