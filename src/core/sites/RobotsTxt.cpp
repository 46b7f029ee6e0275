#include "RobotsTxt.h"

#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace geo {

namespace {

constexpr bool isAsciiLetter(uchar c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// RFC 3986 2.3
constexpr bool isUnreserved(uchar c)
{
    return isAsciiLetter(c) || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~';
}

// RFC 3986 2.2: these keep their meaning, so they stay as written, escaped or not.
constexpr bool isReserved(uchar c)
{
    switch (c) {
    case ':':
    case '/':
    case '?':
    case '#':
    case '[':
    case ']':
    case '@':
    case '!':
    case '$':
    case '&':
    case '\'':
    case '(':
    case ')':
    case '*':
    case '+':
    case ',':
    case ';':
    case '=':
        return true;
    default:
        return false;
    }
}

constexpr int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

void appendEscaped(QByteArray &out, uchar c)
{
    static constexpr char hex[] = "0123456789ABCDEF";
    out += '%';
    out += hex[c >> 4];
    out += hex[c & 0xF];
}

enum class Side { Pattern, Path };

// One spelling for every way of writing the same octets, so rules and paths compare byte by
// byte (RFC 9309 2.2.2). Only a pattern keeps '*' as the wildcard; in a path it is a literal
// and equals "%2A", as does '$' with "%24" on both sides (2.2.3).
QByteArray normalise(QByteArrayView in, Side side)
{
    QByteArray out;
    out.reserve(in.size() + 8);
    for (qsizetype i = 0; i < in.size(); ++i) {
        const auto c = uchar(in[i]);
        if (c == '%') {
            const int hi = i + 2 < in.size() ? hexValue(in[i + 1]) : -1;
            const int lo = hi >= 0 ? hexValue(in[i + 2]) : -1;
            if (lo < 0) {
                appendEscaped(out, c); // a stray '%' stands for itself
                continue;
            }
            const auto decoded = uchar(hi * 16 + lo);
            if (isUnreserved(decoded))
                out += char(decoded);
            else
                appendEscaped(out, decoded);
            i += 2;
        } else if (c == '*' && side == Side::Pattern) {
            out += '*';
        } else if (c == '*' || c == '$') {
            appendEscaped(out, c);
        } else if (isUnreserved(c) || isReserved(c)) {
            out += char(c);
        } else {
            appendEscaped(out, c); // non-ASCII, controls, space and other octets a URI cannot carry
        }
    }
    return out;
}

QByteArray normalisedPath(const QString &path)
{
    QByteArray p = normalise(path.toUtf8(), Side::Path);
    if (!p.startsWith('/'))
        p.prepend('/'); // "" is "/", "?q=1" is "/?q=1"
    return p;
}

// The product token a User-agent value names: "GPTBot/1.1" -> "GPTBot" (RFC 9309 2.2.1 allows
// only letters, '-' and '_' in it).
QByteArrayView productToken(QByteArrayView value)
{
    qsizetype n = 0;
    while (n < value.size()) {
        const auto c = uchar(value[n]);
        if (!isAsciiLetter(c) && c != '-' && c != '_')
            break;
        ++n;
    }
    return value.first(n);
}

bool isStar(QByteArrayView value)
{
    return value.startsWith('*') && (value.size() == 1 || value[1] == ' ' || value[1] == '\t');
}

bool isLineEnd(char c)
{
    return c == '\n' || c == '\r';
}

enum class Field { UserAgent, Allow, Disallow, Sitemap, Other };

bool startsWithIgnoringCase(QByteArrayView key, QByteArrayView prefix)
{
    return key.size() >= prefix.size() && key.first(prefix.size()).compare(prefix, Qt::CaseInsensitive) == 0;
}

// Which field a key names. Google's parser (the one Googlebot follows) reads a key by its
// start and forgives the misspellings sites ship: "useragent", "user agent", "dissallow",
// "disalow", "site-map"... Sites rely on that, so it is read as Googlebot reads it.
Field fieldOf(QByteArrayView key)
{
    const auto any = [key](std::initializer_list<QByteArrayView> prefixes) {
        return std::any_of(prefixes.begin(), prefixes.end(),
                           [key](QByteArrayView p) { return startsWithIgnoringCase(key, p); });
    };
    if (any({"user-agent", "useragent", "user agent"}))
        return Field::UserAgent;
    if (any({"allow"}))
        return Field::Allow;
    if (any({"disallow", "dissallow", "dissalow", "disalow", "diasllow", "disallaw"}))
        return Field::Disallow;
    if (any({"sitemap", "site-map"}))
        return Field::Sitemap;
    return Field::Other;
}

bool isBlank(char c)
{
    return c == ' ' || c == '\t';
}

// A line's key and value, its comment taken off. A line without a colon is read as Google
// reads it: "Disallow /private" has white space for its colon, when the line is exactly
// two words ("Disallow /a /b" is nothing). So is a line of two words whose only colon is in
// the value ("Sitemap https://example.com/s.xml"), which Google would read as a key
// "Sitemap https".
bool splitLine(QByteArrayView line, QByteArrayView &key, QByteArrayView &value)
{
    if (const qsizetype hash = line.indexOf('#'); hash >= 0)
        line = line.first(hash);
    line = line.trimmed();
    const qsizetype blank = std::find_if(line.begin(), line.end(), isBlank) - line.begin();
    const QByteArrayView second = blank < line.size() ? line.sliced(blank).trimmed() : QByteArrayView();
    const bool twoWords = !second.isEmpty() && std::none_of(second.begin(), second.end(), isBlank);
    qsizetype separator = line.indexOf(':');
    if (separator < 0 || (blank < separator && twoWords && !second.startsWith(':'))) {
        if (!twoWords)
            return false;
        separator = blank;
    }
    key = line.first(separator).trimmed();
    value = line.sliced(separator + 1).trimmed();
    return !key.isEmpty();
}

// "/dir/index.html" names the page "/dir/" serves, and Google reads "Allow: /dir/index.html"
// as allowing "/dir/" too: the pattern for that, or empty when the rule names no index page.
QByteArrayView indexPageDirectory(QByteArrayView pattern)
{
    const qsizetype slash = pattern.lastIndexOf('/');
    if (slash < 0 || !pattern.sliced(slash).startsWith("/index.htm"))
        return {};
    return pattern.first(slash + 1);
}

// The part of the body RFC 9309 2.5 asks us to read: the first MaxBytes, less a line the
// limit cuts, which could otherwise read as a different, shorter rule.
QByteArrayView readablePart(const QByteArray &body)
{
    QByteArrayView data(body);
    if (data.size() <= RobotsTxt::MaxBytes)
        return data;
    if (isLineEnd(data[RobotsTxt::MaxBytes]))
        return data.first(RobotsTxt::MaxBytes);
    qsizetype end = RobotsTxt::MaxBytes;
    while (end > 0 && !isLineEnd(data[end - 1]))
        --end;
    return data.first(end);
}

} // namespace

QString RobotsTxt::Rule::text() const
{
    return (allow ? u"Allow: "_s : u"Disallow: "_s) + QString::fromUtf8(written);
}

// Literals between wildcards are found leftmost-first: placing each as early as possible
// leaves the most room for the rest, so no backtracking is needed and the cost stays within
// O(path * pattern) however many '*' a rule has.
bool RobotsTxt::Rule::matches(QByteArrayView path) const
{
    QByteArrayView rest(pattern);
    qsizetype star = rest.indexOf('*');
    if (star < 0)
        return anchored ? path == rest : path.startsWith(rest);
    if (!path.startsWith(rest.first(star)))
        return false;
    qsizetype pos = star;
    rest = rest.sliced(star + 1);
    while ((star = rest.indexOf('*')) >= 0) {
        const QByteArrayView literal = rest.first(star);
        if (!literal.isEmpty()) {
            const qsizetype at = path.indexOf(literal, pos);
            if (at < 0)
                return false;
            pos = at + literal.size();
        }
        rest = rest.sliced(star + 1);
    }
    if (anchored)
        return path.size() - pos >= rest.size() && path.endsWith(rest);
    return rest.isEmpty() || path.indexOf(rest, pos) >= 0;
}

RobotsTxt RobotsTxt::parse(const QByteArray &body)
{
    RobotsTxt r;
    r.m_bodySize = body.size();
    QByteArrayView data = readablePart(body);
    // Any start of a byte order mark is skipped, as Google's parser does: a mark cut short
    // by an editor must not spoil the first line.
    for (const char bom : {'\xEF', '\xBB', '\xBF'}) {
        if (!data.startsWith(bom))
            break;
        data = data.sliced(1);
    }

    int current = -1;        // the group rules go to; none before the first User-agent line
    bool inAgentRun = false; // the last group or rule line was a User-agent line
    qsizetype pos = 0;
    while (pos < data.size()) {
        qsizetype end = pos;
        while (end < data.size() && !isLineEnd(data[end]))
            ++end;
        // A line longer than MaxLineBytes is read up to there, as Google reads it.
        const QByteArrayView line = data.sliced(pos, std::min(end - pos, MaxLineBytes));
        pos = end + 1; // "\r\n" leaves an empty line between, which counts for nothing

        QByteArrayView key, value;
        if (!splitLine(line, key, value))
            continue;
        const Field field = fieldOf(key);

        if (field == Field::UserAgent) {
            if (current < 0 || !inAgentRun) {
                r.m_groups.emplaceBack();
                current = int(r.m_groups.size() - 1);
            }
            inAgentRun = true;
            if (isStar(value)) {
                if (r.m_starGroups.isEmpty() || r.m_starGroups.constLast() != current)
                    r.m_starGroups.append(current);
                continue;
            }
            const QByteArrayView token = productToken(value);
            if (token.isEmpty())
                continue; // the group still opens, so its rules stay out of the previous one
            const QByteArray lower = token.toByteArray().toLower();
            auto &groups = r.m_agentGroups[lower];
            if (groups.isEmpty() || groups.constLast() != current)
                groups.append(current);
            if (!r.m_agentSpelling.contains(lower))
                r.m_agentSpelling.insert(lower, QString::fromLatin1(token));
        } else if (const bool allow = field == Field::Allow; allow || field == Field::Disallow) {
            if (current < 0)
                continue; // RFC 9309 2.2: rules belong to a group
            inAgentRun = false;
            if (value.isEmpty() || (value[0] != '/' && value[0] != '*'))
                continue; // empty allows everything; anything else is not a path pattern
            Rule rule;
            rule.allow = allow;
            rule.written = value.toByteArray();
            QByteArrayView pattern = value;
            if (pattern.endsWith('$')) {
                rule.anchored = true;
                pattern = pattern.chopped(1);
            }
            rule.pattern = normalise(pattern, Side::Pattern);
            if (const QByteArrayView directory = indexPageDirectory(rule.pattern); allow && !directory.isEmpty())
                r.m_groups[current].append({directory.toByteArray(), rule.written, true, true});
            r.m_groups[current].append(std::move(rule));
        } else if (field == Field::Sitemap) {
            if (!value.isEmpty())
                r.m_sitemaps.append(QString::fromUtf8(value));
        }
        // Anything else (Crawl-delay, Host, other keys) is not part of the protocol and is skipped.
    }
    for (auto &group : r.m_groups)
        group.squeeze();
    return r;
}

RobotsTxt RobotsTxt::allowAll(int httpStatus)
{
    RobotsTxt r;
    r.m_kind = Kind::AllowAll;
    r.m_status = httpStatus;
    return r;
}

RobotsTxt RobotsTxt::disallowAll(int httpStatus)
{
    RobotsTxt r;
    r.m_kind = Kind::DisallowAll;
    r.m_status = httpStatus;
    return r;
}

RobotsTxt::Applicable RobotsTxt::applicable(const QString &userAgent) const
{
    Applicable a;
    const QString name = userAgent.trimmed();
    const QByteArray token = productToken(name.toUtf8()).toByteArray().toLower();
    if (const auto it = m_agentGroups.constFind(token); !token.isEmpty() && it != m_agentGroups.cend()) {
        a.groups = *it;
        a.label = u"robots.txt group 'User-agent: %1'"_s.arg(m_agentSpelling.value(token));
        if (a.groups.size() > 1)
            a.label += u" (%1 groups combined)"_s.arg(a.groups.size());
    } else if (!m_starGroups.isEmpty()) {
        a.groups = m_starGroups;
        a.label = u"robots.txt group 'User-agent: *'"_s;
        if (a.groups.size() > 1)
            a.label += u" (%1 groups combined)"_s.arg(a.groups.size());
        a.label += u", as no group names %1,"_s.arg(name);
    }
    return a;
}

RobotsTxt::Verdict RobotsTxt::check(const QString &userAgent, const QString &path) const
{
    const QByteArray p = normalisedPath(path);
    if (p == "/robots.txt")
        return {true, u"/robots.txt is always allowed (RFC 9309 2.2.2)"_s};

    switch (m_kind) {
    case Kind::AllowAll:
        return {true,
                m_status > 0 ? u"robots.txt answered %1: everything allowed"_s.arg(m_status)
                             : u"robots.txt is unavailable (4xx): everything allowed"_s};
    case Kind::DisallowAll:
        return {false,
                m_status > 0 ? u"robots.txt answered %1: everything disallowed"_s.arg(m_status)
                             : u"robots.txt could not be fetched: everything disallowed"_s};
    case Kind::Parsed:
        break;
    }

    // Said whenever the verdict rests on part of a larger file.
    const QString partial = m_bodySize > MaxBytes
        ? u" (robots.txt is %1 KiB; only its first %2 KiB were read, RFC 9309 2.5)"_s.arg(
            QString::number((m_bodySize + 1023) / 1024), QString::number(MaxBytes / 1024))
        : QString();

    const Applicable a = applicable(userAgent);
    if (a.groups.isEmpty())
        return {true, u"no group names %1 and there is no '*' group: allowed"_s.arg(userAgent.trimmed()) + partial};

    const Rule *bestAllow = nullptr;
    const Rule *bestDisallow = nullptr;
    qsizetype ruleCount = 0;
    for (const int g : a.groups) {
        ruleCount += m_groups[g].size();
        for (const Rule &rule : m_groups[g]) {
            if (!rule.matches(p))
                continue;
            const Rule *&best = rule.allow ? bestAllow : bestDisallow;
            if (!best || rule.length() > best->length())
                best = &rule; // the first of equally long rules speaks for them
        }
    }

    if (bestDisallow && (!bestAllow || bestDisallow->length() > bestAllow->length()))
        return {false, u"%1 disallows %2 (rule '%3')"_s.arg(a.label, path, bestDisallow->text()) + partial};
    if (bestAllow && bestDisallow) {
        const QString how
            = bestAllow->length() == bestDisallow->length() ? u"wins the tie with"_s : u"is more specific than"_s;
        return {true,
                u"%1 allows %2 (rule '%3' %4 '%5')"_s.arg(a.label, path, bestAllow->text(), how, bestDisallow->text())
                    + partial};
    }
    if (bestAllow)
        return {true, u"%1 allows %2 (rule '%3')"_s.arg(a.label, path, bestAllow->text()) + partial};
    if (ruleCount == 0)
        return {true, u"%1 has no rules: allowed"_s.arg(a.label) + partial};
    return {true, u"%1 has no rule matching %2: allowed"_s.arg(a.label, path) + partial};
}

bool RobotsTxt::disallowsSomething(const QString &userAgent) const
{
    switch (m_kind) {
    case Kind::AllowAll:
        return false;
    case Kind::DisallowAll:
        return true;
    case Kind::Parsed:
        break;
    }
    const Applicable a = applicable(userAgent);
    // An Allow with the same pattern matches the same paths and wins every tie.
    const auto key = [](const Rule &rule) { return rule.anchored ? rule.pattern + '$' : rule.pattern; };
    QSet<QByteArray> allowed;
    for (const int g : a.groups)
        for (const Rule &rule : m_groups[g])
            if (rule.allow)
                allowed.insert(key(rule));
    for (const int g : a.groups)
        for (const Rule &rule : m_groups[g])
            if (!rule.allow && !allowed.contains(key(rule)))
                return true;
    return false;
}

QString RobotsTxt::pathOf(const QUrl &url)
{
    QString path = url.path(QUrl::FullyEncoded);
    if (path.isEmpty())
        path = u"/"_s;
    if (url.hasQuery())
        path += u'?' + url.query(QUrl::FullyEncoded);
    return path;
}

} // namespace geo
