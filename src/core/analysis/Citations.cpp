#include "Citations.h"

#include <QSet>
#include <QUrlQuery>

#include <libpsl.h>
#include <md4c.h>

namespace geo {

using namespace Qt::StringLiterals;

QUrl normaliseCitationUrl(const QUrl &input)
{
    QUrl url = input.adjusted(QUrl::RemoveFragment | QUrl::NormalizePathSegments);
    if (!url.isValid() || (url.scheme() != u"http"_s && url.scheme() != u"https"_s) || url.host().isEmpty())
        return {};
    url.setHost(url.host().toLower());
    if ((url.scheme() == u"http"_s && url.port() == 80) || (url.scheme() == u"https"_s && url.port() == 443))
        url.setPort(-1);
    if (url.hasQuery()) {
        static const QStringList tracking{u"gclid"_s, u"fbclid"_s, u"msclkid"_s, u"mc_cid"_s,
                                          u"mc_eid"_s, u"igshid"_s, u"ref_src"_s, u"_hsenc"_s, u"_hsmi"_s};
        QUrlQuery query(url);
        const auto items = query.queryItems(QUrl::FullyEncoded);
        query.clear();
        for (const auto &[k, v] : items)
            if (!k.startsWith(u"utm_"_s) && !tracking.contains(k))
                query.addQueryItem(k, v);
        url.setQuery(query.isEmpty() ? QString() : query.query(QUrl::FullyEncoded), QUrl::StrictMode);
    }
    if (url.path().isEmpty())
        url.setPath(u"/"_s);
    return url;
}

QString registrableDomain(const QString &host)
{
    const QByteArray ace = QUrl::toAce(host);
    if (const char *domain = psl_registrable_domain(psl_builtin(), ace.constData()))
        return QUrl::fromAce(QByteArray(domain));
    return host;
}

namespace {

struct LinkCollector
{
    QList<QString> hrefs;

    static int enterSpan(MD_SPANTYPE type, void *detail, void *self)
    {
        if (type == MD_SPAN_A) {
            const MD_ATTRIBUTE &href = static_cast<MD_SPAN_A_DETAIL *>(detail)->href;
            static_cast<LinkCollector *>(self)->hrefs.append(QString::fromUtf8(href.text, href.size));
        }
        return 0;
    }
    static int ignoreBlock(MD_BLOCKTYPE, void *, void *) { return 0; }
    static int ignoreSpan(MD_SPANTYPE, void *, void *) { return 0; }
    static int ignoreText(MD_TEXTTYPE, const MD_CHAR *, MD_SIZE, void *) { return 0; }
};

QList<QString> markdownLinks(const QString &markdown)
{
    const QByteArray utf8 = markdown.toUtf8();
    LinkCollector collector;
    MD_PARSER parser{};
    parser.flags = MD_DIALECT_GITHUB;
    parser.enter_block = LinkCollector::ignoreBlock;
    parser.leave_block = LinkCollector::ignoreBlock;
    parser.enter_span = LinkCollector::enterSpan;
    parser.leave_span = LinkCollector::ignoreSpan;
    parser.text = LinkCollector::ignoreText;
    md_parse(utf8.constData(), MD_SIZE(utf8.size()), &parser, &collector);
    return collector.hrefs;
}

int ownerOf(const QString &host, const QList<BrandSpec> &brands)
{
    for (int b = 0; b < brands.size(); ++b)
        for (const QString &d : brands[b].domains)
            if (host == d || host.endsWith(u'.' + d))
                return b;
    return -1;
}

} // namespace

QList<CitationRef> extractCitations(const QString &markdown, const QList<Citation> &structured,
                                    const QList<BrandSpec> &brands)
{
    QList<CitationRef> out;
    QSet<QString> seen;
    const auto add = [&](const QString &raw, CitationRef::Source source) {
        QString text = raw.trimmed();
        if (text.startsWith(u"www."_s))
            text.prepend(u"https://"_s);
        const QUrl url = normaliseCitationUrl(QUrl(text));
        if (url.isEmpty())
            return;
        const QString normal = url.toString(QUrl::FullyEncoded);
        if (seen.contains(normal))
            return;
        seen.insert(normal);
        out.append({normal, url.host(), registrableDomain(url.host()), ownerOf(url.host(), brands), source});
    };
    for (const Citation &c : structured)
        add(c.url, CitationRef::Source::Engine);
    for (const QString &href : markdownLinks(markdown))
        add(href, CitationRef::Source::Text);
    return out;
}

} // namespace geo
