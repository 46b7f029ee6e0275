#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace geo {

// robots.txt as RFC 9309 reads it: parsed once into groups of rules, then asked per crawler
// and path. Immutable after parse and safe to share between threads.
//
// Where the RFC is silent, lines are read as Google's open-source parser (the one Googlebot
// uses, github.com/google/robotstxt) reads them, since sites are written for it:
// - A line without a colon has white space in its stead when it is exactly two words:
//   "Disallow /private" and "User-agent FooBot" count; "Disallow /a /b" does not.
// - A key is known by its start, in any case, and by the misspellings Google forgives:
//   "useragent" and "user agent" for User-agent; "dissallow", "dissalow", "disalow",
//   "diasllow" and "disallaw" for Disallow; "site-map" for Sitemap.
// - Any start of a UTF-8 byte order mark is skipped; lines end at CR, LF or CRLF; '#' starts
//   a comment; a line is read up to its first MaxLineBytes octets, the rest dropped.
// - "Allow: /dir/index.html" (or .htm) also allows "/dir/" itself, the page it names.
//
// Where the RFC leaves room, this class decides:
// - A group line names a product token: the leading run of letters, '-' and '_' of its value
//   ("GPTBot/1.1" names GPTBot; "Mozilla/5.0 (compatible; GPTBot)" names Mozilla). A crawler
//   follows the groups whose token equals its own, ignoring case, and no other:
//   "Googlebot-News" does not apply to Googlebot, nor "Googlebot" to Googlebot-News.
//   A "User-agent:" line whose value names no token still opens a group, which nobody follows,
//   so the rules under it never leak into the previous group.
// - Blank lines, unknown fields, Sitemap lines and lines that are no field neither start nor
//   end a group; only a rule line (Allow/Disallow, even an empty one) ends a run of User-agent
//   lines.
// - A rule whose value does not start with '/' or '*' (e.g. "Disallow: private/" or a full URL)
//   is ignored; an empty value allows everything. '$' anchors only as a pattern's last octet;
//   elsewhere it is literal, like "%24".
// - Paths and rules are compared after normalising both: octets outside US-ASCII and others a
//   URI cannot carry are percent-encoded, "%xx" of an unreserved character is decoded and
//   other escapes get upper-case hex ("%7e" and "~" match; "%2F" stays distinct from "/").
//   A literal '*' or '$' in the path equals "%2A"/"%24", as RFC 9309 2.2.3 shows.
// - "Longest match" compares the normalised rule patterns in octets, '*' and '$' included;
//   an Allow wins a tie.
// - Only complete lines within the first MaxBytes count: a line cut by the limit is dropped,
//   not read as a shorter rule.
// - "/robots.txt" is allowed in every case, even when robots.txt answered 5xx.
class RobotsTxt final
{
public:
    static constexpr qsizetype MaxBytes = 500 * 1024; // RFC 9309 2.5: parse at least 500 KiB; ignore the rest
    // Google's parser keeps this much of a line: eight times the 2,083 octets of the longest
    // URL browsers take, less the buffer's final NUL.
    static constexpr qsizetype MaxLineBytes = 2083 * 8 - 1;

    static RobotsTxt parse(const QByteArray &body); // never fails: bad lines are skipped
    // robots.txt answered 4xx (RFC 9309 2.3.1.3); a status, when known, goes into the evidence.
    static RobotsTxt allowAll(int httpStatus = 0);
    // robots.txt answered 5xx, or was unreachable when httpStatus is 0 (2.3.1.4).
    static RobotsTxt disallowAll(int httpStatus = 0);

    struct Verdict
    {
        bool allowed = true;
        QString evidence; // in words for an analyst
    };

    // userAgent: a product token such as "GPTBot" ("GPTBot/1.1" is read as GPTBot);
    // path: the URL's path and query, percent-encoded as sent ("/a%20b?x=1").
    Verdict check(const QString &userAgent, const QString &path) const;
    // What check() takes of a URL: its path and query as sent, "/" when it has no path.
    static QString pathOf(const QUrl &url);
    // True when some rule of the group that applies to userAgent disallows something (for
    // "allowed for the page but disallowed for part of the site"). A Disallow with an Allow of
    // the same pattern beside it disallows nothing, since the Allow wins every tie.
    bool disallowsSomething(const QString &userAgent) const;
    QStringList sitemaps() const { return m_sitemaps; } // every Sitemap: line, in order

private:
    struct Rule
    {
        QByteArray pattern; // normalised, '*' kept as the wildcard, the final '$' taken off
        QByteArray written; // the value as written, for evidence
        bool allow = false;
        bool anchored = false; // the pattern ended in '$'

        qsizetype length() const { return pattern.size() + (anchored ? 1 : 0); }
        QString text() const; // "Disallow: /private"
        bool matches(QByteArrayView path) const;
    };
    struct Applicable
    {
        QList<int> groups;
        QString label; // "robots.txt group 'User-agent: GPTBot'"
    };
    enum class Kind { Parsed, AllowAll, DisallowAll };

    Applicable applicable(const QString &userAgent) const;

    Kind m_kind = Kind::Parsed;
    int m_status = 0;
    qsizetype m_bodySize = 0;                    // to say when only part of a larger file was read
    QList<QList<Rule>> m_groups;                 // rules of each group, in file order
    QHash<QByteArray, QList<int>> m_agentGroups; // lower-case token -> groups naming it
    QHash<QByteArray, QString> m_agentSpelling;  // lower-case token -> first spelling in the file
    QList<int> m_starGroups;
    QStringList m_sitemaps;
};

} // namespace geo
