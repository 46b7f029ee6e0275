#include "RobotsTxt.h"

#include <QSet>

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
    if (data.startsWith("\xEF\xBB\xBF"))
        data = data.sliced(3);

    int current = -1;        // the group rules go to; none before the first User-agent line
    bool inAgentRun = false; // the last group or rule line was a User-agent line
    qsizetype pos = 0;
    while (pos < data.size()) {
        qsizetype end = pos;
        while (end < data.size() && !isLineEnd(data[end]))
            ++end;
        QByteArrayView line = data.sliced(pos, end - pos);
        pos = end + 1; // "\r\n" leaves an empty line between, which counts for nothing

        if (const qsizetype hash = line.indexOf('#'); hash >= 0)
            line = line.first(hash);
        const qsizetype colon = line.indexOf(':');
        if (colon < 0)
            continue;
        const QByteArrayView key = line.first(colon).trimmed();
        const QByteArrayView value = line.sliced(colon + 1).trimmed();

        if (key.compare("user-agent", Qt::CaseInsensitive) == 0) {
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
        } else if (const bool allow = key.compare("allow", Qt::CaseInsensitive) == 0;
                   allow || key.compare("disallow", Qt::CaseInsensitive) == 0) {
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
            r.m_groups[current].append(std::move(rule));
        } else if (key.compare("sitemap", Qt::CaseInsensitive) == 0) {
            if (!value.isEmpty())
                r.m_sitemaps.append(QString::fromUtf8(value));
        }
        // Anything else (Crawl-delay, Host, typos) is not part of the protocol and is skipped.
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
