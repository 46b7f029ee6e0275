#include "Citations.h"

#include "MarkdownDocument.h"

#include <QHostAddress>
#include <QSet>
#include <QUrlQuery>

#include <libpsl.h>

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
        static const QStringList tracking{u"gclid"_s,  u"fbclid"_s,  u"msclkid"_s, u"mc_cid"_s, u"mc_eid"_s,
                                          u"igshid"_s, u"ref_src"_s, u"_hsenc"_s,  u"_hsmi"_s};
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
    // An address is a site of its own: by the suffix list 127.0.0.1 and 10.0.0.1 were both "0.1".
    const bool bracketed = host.startsWith(u'[') && host.endsWith(u']');
    if (QHostAddress address; address.setAddress(bracketed ? host.mid(1, host.size() - 2) : host))
        return address.toString();
    const QByteArray ace = QUrl::toAce(host);
    if (const char *domain = psl_registrable_domain(psl_builtin(), ace.constData()))
        return QUrl::fromAce(QByteArray(domain));
    return host;
}

int ownerOf(const QString &host, const QList<BrandSpec> &brands)
{
    for (int b = 0; b < brands.size(); ++b)
        for (const QString &d : brands[b].domains)
            if (host == d || host.endsWith(u'.' + d))
                return b;
    return -1;
}

bool isHostNameChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'.' || c == u'-';
}

bool isCitableDomain(const QString &text)
{
    if (!isDomainName(text))
        return false;
    const QString tld = text.section(u'.', -1).toLower();
    if (tld == u"example"_s) // RFC 2606: for documentation, as in the demo
        return true;
    // Without the "*" default rule, an unknown last label ("g" of "e.g") is not a suffix.
    return psl_is_public_suffix2(psl_builtin(), QUrl::toAce(tld).constData(), PSL_TYPE_ANY | PSL_TYPE_NO_STAR_RULE)
        != 0;
}

namespace {

bool inRanges(qsizetype at, const QList<std::pair<qsizetype, qsizetype>> &ranges)
{
    return std::any_of(ranges.begin(), ranges.end(), [at](const auto &r) { return at >= r.first && at < r.second; });
}

// Bare host names in the visible text, outside links, e-mail addresses and paths.
QStringList bareDomains(const MarkdownDocument &doc)
{
    QStringList out;
    const QString &text = doc.text();
    for (qsizetype i = 0; i < text.size();) {
        if (!isHostNameChar(text[i])) {
            ++i;
            continue;
        }
        qsizetype end = i;
        while (end < text.size() && isHostNameChar(text[end]))
            ++end;
        QString token = text.mid(i, end - i);
        const bool partOfSomething = (i > 0 && (text[i - 1] == u'@' || text[i - 1] == u'/' || text[i - 1] == u':'))
            || (end < text.size() && (text[end] == u'@' || text[end] == u'/'));
        while (token.endsWith(u'.') || token.endsWith(u'-'))
            token.chop(1);
        if (token.contains(u'.') && !partOfSomething && !inRanges(i, doc.linkRanges()) && isCitableDomain(token))
            out << token.toLower();
        i = end;
    }
    return out;
}

// The n of every "[n]" in the visible text that names one of `count` engine citations.
QList<int> markers(const MarkdownDocument &doc, qsizetype count)
{
    QList<int> out;
    const QString &text = doc.text();
    for (qsizetype at = text.indexOf(u'['); at >= 0; at = text.indexOf(u'[', at + 1)) {
        const qsizetype close = text.indexOf(u']', at);
        bool isNumber = false;
        const int n
            = close > at + 1 && close - at <= 4 ? QStringView(text).mid(at + 1, close - at - 1).toInt(&isNumber) : 0;
        if (isNumber && n >= 1 && n <= count && !out.contains(n))
            out << n;
    }
    return out;
}

} // namespace

QList<CitationRef> extractCitations(const MarkdownDocument &doc, const QList<Citation> &structured,
                                    const QList<BrandSpec> &brands)
{
    QList<CitationRef> out;
    QSet<QString> seen;
    const auto add = [&](const QString &raw, CitationRef::Source source, int marker) {
        QString text = raw.trimmed();
        if (!text.contains(u"://"_s))
            text.prepend(u"https://"_s); // www.example.com, or a bare domain
        const QUrl url = normaliseCitationUrl(QUrl(text));
        if (url.isEmpty())
            return;
        const QString normal = url.toString(QUrl::FullyEncoded);
        if (seen.contains(normal))
            return;
        seen.insert(normal);
        out.append({normal, url.host(), registrableDomain(url.host()), ownerOf(url.host(), brands), source, marker});
    };
    const QList<int> cited = markers(doc, structured.size());
    for (qsizetype i = 0; i < structured.size(); ++i)
        add(structured[i].url, CitationRef::Source::Engine, cited.contains(int(i + 1)) ? int(i + 1) : 0);
    for (const QString &href : doc.links())
        if (href.startsWith(u"http"_s, Qt::CaseInsensitive) || href.startsWith(u"www."_s, Qt::CaseInsensitive))
            add(href, CitationRef::Source::Text, 0);
    for (const QString &domain : bareDomains(doc))
        add(domain, CitationRef::Source::Text, 0);
    return out;
}

} // namespace geo
