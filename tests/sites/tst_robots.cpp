#include "sites/RobotsTxt.h"

#include <QElapsedTimer>
#include <QTest>

#include <atomic>
#include <thread>
#include <vector>

using namespace geo;
using namespace Qt::StringLiterals;

namespace {

// Comment lines filling exactly n bytes (n >= 2), to move a line to the 500 KiB limit.
QByteArray padding(qsizetype n)
{
    QByteArray out;
    out.reserve(n);
    while (n - out.size() > 81)
        out += '#' + QByteArray(78, 'x') + '\n';
    const qsizetype left = n - out.size();
    out += '#' + QByteArray(left - 2, 'x') + '\n';
    return out;
}

const QByteArray star = "User-agent: *\n"_ba;

// "User-agent: *", comments up to `at`, then `line`; more lines follow, so the body is over the limit.
QByteArray lineAt(qsizetype at, const QByteArray &line)
{
    QByteArray body = star + padding(at - star.size()) + line;
    body += "\n# after the line\nUser-agent: *\nDisallow: /\n"_ba + QByteArray(4096, '#');
    return body;
}

} // namespace

class TestRobots : public QObject
{
    Q_OBJECT

private slots:
    void verdict_data()
    {
        QTest::addColumn<QByteArray>("robots");
        QTest::addColumn<QString>("agent");
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("allowed");

        // Groups
        QTest::newRow("several user-agent lines share a group (second)")
            << "User-agent: ClaudeBot\nUser-agent: GPTBot\nDisallow: /x\n"_ba << u"GPTBot"_s << u"/x"_s << false;
        QTest::newRow("several user-agent lines share a group (first)")
            << "User-agent: ClaudeBot\nUser-agent: GPTBot\nDisallow: /x\n"_ba << u"ClaudeBot"_s << u"/x"_s << false;
        QTest::newRow("blank line between user-agent lines keeps one group")
            << "User-agent: GPTBot\n\nUser-agent: *\nDisallow: /\n"_ba << u"GPTBot"_s << u"/page"_s << false;
        QTest::newRow("user-agent after a rule starts a new group")
            << "User-agent: GPTBot\nDisallow: /a\nUser-agent: ClaudeBot\nDisallow: /b\n"_ba << u"GPTBot"_s << u"/b"_s
            << true;
        QTest::newRow("new group keeps its own rules")
            << "User-agent: GPTBot\nDisallow: /a\nUser-agent: ClaudeBot\nDisallow: /b\n"_ba << u"ClaudeBot"_s << u"/b"_s
            << false;
        QTest::newRow("new group does not inherit earlier rules")
            << "User-agent: GPTBot\nDisallow: /a\nUser-agent: ClaudeBot\nDisallow: /b\n"_ba << u"ClaudeBot"_s << u"/a"_s
            << true;
        QTest::newRow("empty disallow is a rule line that ends the group")
            << "User-agent: GPTBot\nDisallow:\nUser-agent: ClaudeBot\nDisallow: /\n"_ba << u"GPTBot"_s << u"/x"_s
            << true;
        QTest::newRow("unknown field does not end a run of user-agent lines")
            << "User-agent: GPTBot\nCrawl-delay: 5\nUser-agent: ClaudeBot\nDisallow: /\n"_ba << u"GPTBot"_s << u"/x"_s
            << false;
        QTest::newRow("sitemap line inside a group is transparent")
            << "User-agent: GPTBot\nSitemap: https://example.com/s.xml\nDisallow: /\n"_ba << u"GPTBot"_s << u"/x"_s
            << false;
        QTest::newRow("user-agent naming no token still opens a group")
            << "User-agent: GPTBot\nDisallow: /a\nUser-agent: 1bot\nDisallow: /\n"_ba << u"GPTBot"_s << u"/b"_s << true;

        // Which group applies
        QTest::newRow("group token matched case-insensitively")
            << "User-agent: gptbot\nDisallow: /\n"_ba << u"GPTBot"_s << u"/"_s << false;
        QTest::newRow("caller token matched case-insensitively")
            << "User-agent: GPTBot\nDisallow: /\n"_ba << u"GPTBOT"_s << u"/"_s << false;
        QTest::newRow("longer token does not apply (Googlebot-News vs Googlebot)")
            << "User-agent: Googlebot-News\nDisallow: /\n"_ba << u"Googlebot"_s << u"/"_s << true;
        QTest::newRow("shorter token does not apply (Googlebot vs Googlebot-News)")
            << "User-agent: Googlebot\nDisallow: /\n"_ba << u"Googlebot-News"_s << u"/"_s << true;
        QTest::newRow("token with hyphen matches exactly")
            << "User-agent: OAI-SearchBot\nDisallow: /\n"_ba << u"oai-searchbot"_s << u"/"_s << false;
        QTest::newRow("version after the token in the group line")
            << "User-agent: GPTBot/1.1\nDisallow: /\n"_ba << u"GPTBot"_s << u"/"_s << false;
        QTest::newRow("version after the caller's token")
            << "User-agent: GPTBot\nDisallow: /\n"_ba << u"GPTBot/1.2"_s << u"/"_s << false;
        QTest::newRow("full browser string in the group names its first token only")
            << "User-agent: Mozilla/5.0 (compatible; GPTBot/1.0)\nDisallow: /\n"_ba << u"GPTBot"_s << u"/"_s << true;
        QTest::newRow("named group beats star")
            << "User-agent: *\nDisallow: /\n\nUser-agent: GPTBot\nAllow: /\n"_ba << u"GPTBot"_s << u"/x"_s << true;
        QTest::newRow("unnamed agent falls back to star")
            << "User-agent: *\nDisallow: /\n\nUser-agent: GPTBot\nAllow: /\n"_ba << u"ClaudeBot"_s << u"/x"_s << false;
        QTest::newRow("no named group and no star allows")
            << "User-agent: ClaudeBot\nDisallow: /\n"_ba << u"GPTBot"_s << u"/x"_s << true;
        QTest::newRow("empty file allows") << QByteArray() << u"GPTBot"_s << u"/x"_s << true;
        QTest::newRow("named group without rules allows and shields from star")
            << "User-agent: *\nDisallow: /\n\nUser-agent: GPTBot\n"_ba << u"GPTBot"_s << u"/x"_s << true;
        QTest::newRow("groups naming the same agent are combined (first)")
            << "User-agent: GPTBot\nDisallow: /a\n\nUser-agent: *\nDisallow: /\n\nUser-agent: GPTBot\nDisallow: /b\n"_ba
            << u"GPTBot"_s << u"/a"_s << false;
        QTest::newRow("groups naming the same agent are combined (second)")
            << "User-agent: GPTBot\nDisallow: /a\n\nUser-agent: *\nDisallow: /\n\nUser-agent: GPTBot\nDisallow: /b\n"_ba
            << u"GPTBot"_s << u"/b"_s << false;
        QTest::newRow("combined groups do not take in star")
            << "User-agent: GPTBot\nDisallow: /a\n\nUser-agent: *\nDisallow: /\n\nUser-agent: GPTBot\nDisallow: /b\n"_ba
            << u"GPTBot"_s << u"/c"_s << true;
        QTest::newRow("longest match across combined groups")
            << "User-agent: GPTBot\nDisallow: /a\n\nUser-agent: GPTBot\nAllow: /a/b\n"_ba << u"GPTBot"_s << u"/a/b/c"_s
            << true;
        QTest::newRow("star groups are combined")
            << "User-agent: *\nDisallow: /a\n\nUser-agent: GPTBot\nAllow: /\n\nUser-agent: *\nDisallow: /b\n"_ba
            << u"ClaudeBot"_s << u"/b"_s << false;

        // Longest match
        QTest::newRow("longest match wins: longer disallow")
            << star + "Allow: /p\nDisallow: /p/q\n"_ba << u"GPTBot"_s << u"/p/q/r"_s << false;
        QTest::newRow("longest match wins: longer allow")
            << star + "Disallow: /p\nAllow: /p/q\n"_ba << u"GPTBot"_s << u"/p/q"_s << true;
        QTest::newRow("longest match wins whatever the order")
            << star + "Allow: /p/q\nDisallow: /p\n"_ba << u"GPTBot"_s << u"/p/q"_s << true;
        QTest::newRow("allow wins a tie (allow last)")
            << star + "Disallow: /x\nAllow: /x\n"_ba << u"GPTBot"_s << u"/x"_s << true;
        QTest::newRow("allow wins a tie (allow first)")
            << star + "Allow: /x\nDisallow: /x\n"_ba << u"GPTBot"_s << u"/x"_s << true;
        QTest::newRow("allow wins a tie of wildcard patterns")
            << star + "Disallow: /*.pdf\nAllow: /a*pdf\n"_ba << u"GPTBot"_s << u"/a.pdf"_s << true;
        QTest::newRow("wildcards count towards the length")
            << star + "Allow: /page\nDisallow: /*.html\n"_ba << u"GPTBot"_s << u"/page.html"_s << false;
        QTest::newRow("length counted after normalisation")
            << star + "Disallow: /%7Ea\nAllow: /~a\n"_ba << u"GPTBot"_s << u"/~a"_s << true;
        QTest::newRow("rule matches a prefix")
            << star + "Disallow: /fish\n"_ba << u"GPTBot"_s << u"/fishheads/yummy.html"_s << false;
        QTest::newRow("rule matches from the first octet only")
            << star + "Disallow: /fish\n"_ba << u"GPTBot"_s << u"/catfish"_s << true;
        QTest::newRow("path matching is case-sensitive")
            << star + "Disallow: /fish\n"_ba << u"GPTBot"_s << u"/Fish.asp"_s << true;
        QTest::newRow("query is part of the path")
            << star + "Disallow: /search?q=\n"_ba << u"GPTBot"_s << u"/search?q=shoes"_s << false;
        QTest::newRow("query rule does not match the bare path")
            << star + "Disallow: /search?q=\n"_ba << u"GPTBot"_s << u"/search"_s << true;
        QTest::newRow("empty path is /") << star + "Disallow: /$\n"_ba << u"GPTBot"_s << QString() << false;

        // Wildcards and anchors
        QTest::newRow("wildcard in the middle")
            << star + "Disallow: /*.php\n"_ba << u"GPTBot"_s << u"/a/b/index.php?x=1"_s << false;
        QTest::newRow("wildcard needs the literal after it")
            << star + "Disallow: /*.php\n"_ba << u"GPTBot"_s << u"/index.html"_s << true;
        QTest::newRow("several wildcards in order")
            << star + "Disallow: /a*b*c\n"_ba << u"GPTBot"_s << u"/aXXbYYc"_s << false;
        QTest::newRow("several wildcards out of order")
            << star + "Disallow: /a*b*c\n"_ba << u"GPTBot"_s << u"/aXXcYYb"_s << true;
        QTest::newRow("trailing wildcard is a prefix match")
            << star + "Disallow: /fish*\n"_ba << u"GPTBot"_s << u"/fish.html"_s << false;
        QTest::newRow("rule of a lone wildcard matches everything")
            << star + "Disallow: *\n"_ba << u"GPTBot"_s << u"/anything"_s << false;
        QTest::newRow("end anchor matches the end")
            << star + "Disallow: /*.php$\n"_ba << u"GPTBot"_s << u"/folder/filename.php"_s << false;
        QTest::newRow("end anchor refuses a query after")
            << star + "Disallow: /*.php$\n"_ba << u"GPTBot"_s << u"/filename.php?parameters"_s << true;
        QTest::newRow("end anchor refuses more characters")
            << star + "Disallow: /*.php$\n"_ba << u"GPTBot"_s << u"/filename.php5"_s << true;
        QTest::newRow("end anchor with a wildcard takes the last occurrence")
            << star + "Disallow: /*.php$\n"_ba << u"GPTBot"_s << u"/a.php/b.php"_s << false;
        QTest::newRow("end anchor without wildcard is an exact match")
            << star + "Disallow: /$\nAllow: /\n"_ba << u"GPTBot"_s << u"/"_s << false;
        QTest::newRow("end anchor without wildcard refuses longer paths")
            << star + "Disallow: /$\n"_ba << u"GPTBot"_s << u"/x"_s << true;
        QTest::newRow("dollar inside a pattern is literal")
            << star + "Disallow: /a$b\n"_ba << u"GPTBot"_s << u"/a$b/c"_s << false;
        QTest::newRow("%24 in a rule matches a literal $")
            << star + "Disallow: /foo-%24\n"_ba << u"GPTBot"_s << u"/foo-$"_s << false;
        QTest::newRow("%2A in a rule matches a literal *")
            << star + "Disallow: /file-with-a-%2A.html\n"_ba << u"GPTBot"_s << u"/file-with-a-*.html"_s << false;
        QTest::newRow("%2A in a rule is not a wildcard")
            << star + "Disallow: /file-with-a-%2A.html\n"_ba << u"GPTBot"_s << u"/file-with-a-x.html"_s << true;

        // Percent-encoding
        QTest::newRow("%7E in a rule matches ~ in the path")
            << star + "Disallow: /%7Ejoe\n"_ba << u"GPTBot"_s << u"/~joe/index.html"_s << false;
        QTest::newRow("~ in a rule matches %7e in the path")
            << star + "Disallow: /~joe\n"_ba << u"GPTBot"_s << u"/%7ejoe/index.html"_s << false;
        QTest::newRow("encoded unreserved letters are decoded")
            << star + "Disallow: /foo/bar/%62%61%7A\n"_ba << u"GPTBot"_s << u"/foo/bar/baz"_s << false;
        QTest::newRow("hex case does not matter")
            << star + "Disallow: /%e3%83%84\n"_ba << u"GPTBot"_s << u"/%E3%83%84"_s << false;
        QTest::newRow("UTF-8 rule matches the encoded path")
            << star + "Disallow: /foo/bar/ツ\n"_ba << u"GPTBot"_s << u"/foo/bar/%E3%83%84"_s << false;
        QTest::newRow("encoded rule matches a non-ASCII path")
            << star + "Disallow: /foo/bar/%E3%83%84\n"_ba << u"GPTBot"_s << u"/foo/bar/ツ"_s << false;
        QTest::newRow("%2F in a rule is not /") << star + "Disallow: /a%2Fb\n"_ba << u"GPTBot"_s << u"/a/b"_s << true;
        QTest::newRow("%2F in a rule matches %2f")
            << star + "Disallow: /a%2Fb\n"_ba << u"GPTBot"_s << u"/a%2fb"_s << false;
        QTest::newRow("/ in a rule is not %2F") << star + "Disallow: /a/b\n"_ba << u"GPTBot"_s << u"/a%2Fb"_s << true;
        QTest::newRow("stray percent stands for itself")
            << star + "Disallow: /100%\n"_ba << u"GPTBot"_s << u"/100%25-off"_s << false;
        QTest::newRow("space in a rule matches %20")
            << star + "Disallow: /a b\n"_ba << u"GPTBot"_s << u"/a%20b"_s << false;

        // /robots.txt and empty rules
        QTest::newRow("/robots.txt is always allowed")
            << star + "Disallow: /\n"_ba << u"GPTBot"_s << u"/robots.txt"_s << true;
        QTest::newRow("/robots.txt with a query is an ordinary path")
            << star + "Disallow: /\n"_ba << u"GPTBot"_s << u"/robots.txt?x=1"_s << false;
        QTest::newRow("empty disallow allows all") << star + "Disallow:\n"_ba << u"GPTBot"_s << u"/x"_s << true;
        QTest::newRow("empty disallow with a comment allows all")
            << star + "Disallow: # nothing\n"_ba << u"GPTBot"_s << u"/x"_s << true;
        QTest::newRow("rule not starting with / is ignored")
            << star + "Disallow: private\n"_ba << u"GPTBot"_s << u"/private"_s << true;
        QTest::newRow("full URL rule is ignored")
            << star + "Disallow: https://example.com/private\n"_ba << u"GPTBot"_s << u"/private"_s << true;

        // Syntax
        QTest::newRow("comment after a value")
            << star + "Disallow: /a # not /b\n"_ba << u"GPTBot"_s << u"/a"_s << false;
        QTest::newRow("comment is not part of the value")
            << star + "Disallow: /a#b\n"_ba << u"GPTBot"_s << u"/ab"_s << false;
        QTest::newRow("comment lines and blank lines skipped")
            << "# hello\n\nUser-agent: GPTBot # OpenAI\n# more\n\nDisallow: /a\n"_ba << u"GPTBot"_s << u"/a"_s << false;
        QTest::newRow("CRLF line ends") << "User-agent: GPTBot\r\nDisallow: /a\r\nUser-agent: *\r\nDisallow: /\r\n"_ba
                                        << u"GPTBot"_s << u"/a"_s << false;
        QTest::newRow("CRLF line ends keep groups apart")
            << "User-agent: GPTBot\r\nDisallow: /a\r\nUser-agent: *\r\nDisallow: /\r\n"_ba << u"GPTBot"_s << u"/b"_s
            << true;
        QTest::newRow("CR line ends") << "User-agent: GPTBot\rDisallow: /a\r"_ba << u"GPTBot"_s << u"/a"_s << false;
        QTest::newRow("no line end after the last line")
            << "User-agent: GPTBot\nDisallow: /a"_ba << u"GPTBot"_s << u"/a"_s << false;
        QTest::newRow("UTF-8 BOM") << "\xEF\xBB\xBFUser-agent: GPTBot\nDisallow: /\n"_ba << u"GPTBot"_s << u"/x"_s
                                   << false;
        QTest::newRow("leading and trailing white space")
            << "   User-agent :\t GPTBot  \n\t Disallow:\t/a \t\n"_ba << u"GPTBot"_s << u"/a"_s << false;
        QTest::newRow("no space after the colon")
            << "User-agent:GPTBot\nDisallow:/a\n"_ba << u"GPTBot"_s << u"/a"_s << false;
        QTest::newRow("unknown fields ignored")
            << star + "Crawl-delay: 10\nNoindex: /b\nHost: example.com\nDisallow: /a\n"_ba << u"GPTBot"_s << u"/b"_s
            << true;
        QTest::newRow("misspelling Google does not forgive ignored")
            << star + "Dsallow: /a\n"_ba << u"GPTBot"_s << u"/a"_s << true;
        QTest::newRow("rules before any user-agent line ignored")
            << "Disallow: /\nUser-agent: GPTBot\nDisallow: /x\n"_ba << u"GPTBot"_s << u"/y"_s << true;
        QTest::newRow("rules before any user-agent line do not form a star group")
            << "Disallow: /\n"_ba << u"GPTBot"_s << u"/y"_s << true;
        QTest::newRow("field names are case-insensitive")
            << "USER-AGENT: GPTBot\nDISALLOW: /a\nallow: /a/b\n"_ba << u"GPTBot"_s << u"/a/c"_s << false;
        QTest::newRow("field names are case-insensitive (allow)")
            << "USER-AGENT: GPTBot\nDISALLOW: /a\nallow: /a/b\n"_ba << u"GPTBot"_s << u"/a/b"_s << true;
        QTest::newRow("binary junk lines skipped")
            << "\x01\x02\xff\xfe\n\x00:\x00\nUser-agent: GPTBot\n\xc3\x28: x\nDisallow: /a\n"_ba << u"GPTBot"_s
            << u"/a"_s << false;

        // Google's leniencies (github.com/google/robotstxt, robots.cc), which sites rely on
        QTest::newRow("line without a colon read as if it had one")
            << star + "Disallow /a\nDisallow: /b\n"_ba << u"GPTBot"_s << u"/a"_s << false;
        QTest::newRow("tab instead of a colon") << star + "Disallow\t/a\n"_ba << u"GPTBot"_s << u"/a"_s << false;
        QTest::newRow("user-agent without a colon")
            << "User-agent FooBot\nDisallow: /private\n"_ba << u"FooBot"_s << u"/private"_s << false;
        QTest::newRow("user-agent without a colon keeps its group apart")
            << "User-agent FooBot\nDisallow: /private\n"_ba << u"GPTBot"_s << u"/private"_s << true;
        QTest::newRow("line without a colon, comment after")
            << star + "Disallow /a # old area\n"_ba << u"GPTBot"_s << u"/a"_s << false;
        QTest::newRow("line without a colon of three words is nothing")
            << star + "Disallow /a /b\n"_ba << u"GPTBot"_s << u"/a"_s << true;
        QTest::newRow("white space before the colon") << star + "Disallow :/a\n"_ba << u"GPTBot"_s << u"/a"_s << false;
        QTest::newRow("line without a colon, a colon in its value")
            << star + "Disallow /a:b\n"_ba << u"GPTBot"_s << u"/a:b"_s << false;
        QTest::newRow("user agent without a colon is three words, nothing")
            << "user agent FooBot\nDisallow: /\n"_ba << u"FooBot"_s << u"/x"_s << true;
        QTest::newRow("misspelt dissallow") << star + "Dissallow: /a\n"_ba << u"GPTBot"_s << u"/a"_s << false;
        QTest::newRow("misspelt dissalow") << star + "dissalow: /a\n"_ba << u"GPTBot"_s << u"/a"_s << false;
        QTest::newRow("misspelt disalow") << star + "DISALOW: /a\n"_ba << u"GPTBot"_s << u"/a"_s << false;
        QTest::newRow("misspelt diasllow") << star + "Diasllow: /a\n"_ba << u"GPTBot"_s << u"/a"_s << false;
        QTest::newRow("misspelt disallaw") << star + "Disallaw: /a\n"_ba << u"GPTBot"_s << u"/a"_s << false;
        QTest::newRow("misspelt useragent")
            << "useragent: FooBot\nDisallow: /a\n"_ba << u"FooBot"_s << u"/a"_s << false;
        QTest::newRow("misspelt user agent")
            << "User Agent: FooBot\nDisallow: /a\n"_ba << u"FooBot"_s << u"/a"_s << false;
        QTest::newRow("misspelling without a colon") << star + "Disalow /a\n"_ba << u"GPTBot"_s << u"/a"_s << false;
        QTest::newRow("key read by its start") << star + "Disallowed: /a\n"_ba << u"GPTBot"_s << u"/a"_s << false;
        QTest::newRow("byte order mark cut short")
            << "\xEF\xBBUser-agent: GPTBot\nDisallow: /\n"_ba << u"GPTBot"_s << u"/x"_s << false;
        QTest::newRow("first byte of a byte order mark")
            << "\xEFUser-agent: GPTBot\nDisallow: /\n"_ba << u"GPTBot"_s << u"/x"_s << false;
        QTest::newRow("CR, LF and CRLF in one file")
            << "User-agent: GPTBot\rDisallow: /a\n\r\nDisallow: /b\r\nDisallow: /c"_ba << u"GPTBot"_s << u"/b"_s
            << false;
        const QByteArray longRule = "Disallow: /"_ba + QByteArray(RobotsTxt::MaxLineBytes - 12, 'a');
        QTest::newRow("long line read up to its first MaxLineBytes octets")
            << star + longRule + "bcd\n"_ba << u"GPTBot"_s << QString::fromLatin1(longRule.sliced(10) + 'b') << false;
        QTest::newRow("long line's rest dropped")
            << star + longRule + "bcd\n"_ba << u"GPTBot"_s << QString::fromLatin1(longRule.sliced(10) + 'x') << true;
        QTest::newRow("line after a long line read")
            << star + longRule + "bcd\nDisallow: /z\n"_ba << u"GPTBot"_s << u"/z"_s << false;
        QTest::newRow("allowing index.html allows its directory")
            << star + "Disallow: /\nAllow: /index.html\n"_ba << u"GPTBot"_s << u"/"_s << true;
        QTest::newRow("allowing index.html allows the page")
            << star + "Disallow: /\nAllow: /index.html\n"_ba << u"GPTBot"_s << u"/index.html"_s << true;
        QTest::newRow("allowing index.htm allows its directory, not below it")
            << star + "Disallow: /shop\nAllow: /shop/index.htm\n"_ba << u"GPTBot"_s << u"/shop/boots"_s << false;
        QTest::newRow("allowing index.htm allows its directory itself")
            << star + "Disallow: /shop\nAllow: /shop/index.htm\n"_ba << u"GPTBot"_s << u"/shop/"_s << true;
        QTest::newRow("disallowing index.html leaves its directory")
            << star + "Disallow: /index.html\n"_ba << u"GPTBot"_s << u"/"_s << true;

        // 500 KiB
        const QByteArray rule = "Disallow: /private"_ba;
        QTest::newRow("rule ending just inside 500 KiB applies")
            << lineAt(RobotsTxt::MaxBytes - rule.size() - 1, rule) << u"GPTBot"_s << u"/private"_s << false;
        QTest::newRow("line ending exactly at 500 KiB applies")
            << lineAt(RobotsTxt::MaxBytes - rule.size(), rule) << u"GPTBot"_s << u"/private"_s << false;
        QTest::newRow("CRLF split by 500 KiB keeps the line")
            << lineAt(RobotsTxt::MaxBytes - rule.size() - 1, rule + '\r') << u"GPTBot"_s << u"/private"_s << false;
        QTest::newRow("line cut by 500 KiB is dropped, not shortened")
            << lineAt(RobotsTxt::MaxBytes - 12, "Disallow: /private-area"_ba) << u"GPTBot"_s << u"/public"_s << true;
        QTest::newRow("line cut by 500 KiB does not apply")
            << lineAt(RobotsTxt::MaxBytes - 12, "Disallow: /private-area"_ba) << u"GPTBot"_s << u"/private-area"_s
            << true;
        QTest::newRow("rule after 500 KiB ignored")
            << lineAt(RobotsTxt::MaxBytes, rule) << u"GPTBot"_s << u"/private"_s << true;
    }

    void verdict()
    {
        QFETCH(QByteArray, robots);
        QFETCH(QString, agent);
        QFETCH(QString, path);
        QFETCH(bool, allowed);
        const auto verdict = RobotsTxt::parse(robots).check(agent, path);
        QVERIFY2(verdict.allowed == allowed, qPrintable(verdict.evidence));
        QVERIFY(!verdict.evidence.isEmpty());
    }

    void evidence_data()
    {
        QTest::addColumn<QByteArray>("robots");
        QTest::addColumn<QString>("agent");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("evidence");

        QTest::newRow("disallowing rule named")
            << "User-agent: GPTBot\nDisallow: /\n"_ba << u"GPTBot"_s << u"/"_s
            << u"robots.txt group 'User-agent: GPTBot' disallows / (rule 'Disallow: /')"_s;
        QTest::newRow("group spelt as in the file")
            << "user-agent: gptbot\ndisallow: /a\n"_ba << u"GPTBot"_s << u"/a/b"_s
            << u"robots.txt group 'User-agent: gptbot' disallows /a/b (rule 'Disallow: /a')"_s;
        QTest::newRow("no group and no star") << "User-agent: ClaudeBot\nDisallow: /\n"_ba << u"GPTBot"_s << u"/"_s
                                              << u"no group names GPTBot and there is no '*' group: allowed"_s;
        QTest::newRow("star fallback said")
            << "User-agent: *\nDisallow: /private\n"_ba << u"GPTBot"_s << u"/private/x"_s
            << u"robots.txt group 'User-agent: *', as no group names GPTBot, disallows /private/x (rule "
               "'Disallow: /private')"_s;
        QTest::newRow("allowing rule named")
            << "User-agent: GPTBot\nAllow: /pub\n"_ba << u"GPTBot"_s << u"/pub/a"_s
            << u"robots.txt group 'User-agent: GPTBot' allows /pub/a (rule 'Allow: /pub')"_s;
        QTest::newRow("more specific allow said")
            << "User-agent: GPTBot\nDisallow: /\nAllow: /pub\n"_ba << u"GPTBot"_s << u"/pub/a"_s
            << u"robots.txt group 'User-agent: GPTBot' allows /pub/a (rule 'Allow: /pub' is more specific than "
               "'Disallow: /')"_s;
        QTest::newRow("tie said")
            << "User-agent: GPTBot\nDisallow: /x\nAllow: /x\n"_ba << u"GPTBot"_s << u"/x"_s
            << u"robots.txt group 'User-agent: GPTBot' allows /x (rule 'Allow: /x' wins the tie with 'Disallow: /x')"_s;
        QTest::newRow("no matching rule said")
            << "User-agent: GPTBot\nDisallow: /private\n"_ba << u"GPTBot"_s << u"/public"_s
            << u"robots.txt group 'User-agent: GPTBot' has no rule matching /public: allowed"_s;
        QTest::newRow("group without rules said") << "User-agent: GPTBot\nDisallow:\n"_ba << u"GPTBot"_s << u"/public"_s
                                                  << u"robots.txt group 'User-agent: GPTBot' has no rules: allowed"_s;
        QTest::newRow("combined groups said")
            << "User-agent: GPTBot\nDisallow: /a\n\nUser-agent: GPTBot\nDisallow: /b\n"_ba << u"GPTBot"_s << u"/b"_s
            << u"robots.txt group 'User-agent: GPTBot' (2 groups combined) disallows /b (rule 'Disallow: /b')"_s;
        QTest::newRow("rule quoted as written")
            << "User-agent: GPTBot\nDisallow: /%7ejoe/*.PHP$\n"_ba << u"GPTBot"_s << u"/~joe/a.PHP"_s
            << u"robots.txt group 'User-agent: GPTBot' disallows /~joe/a.PHP (rule 'Disallow: /%7ejoe/*.PHP$')"_s;
        QTest::newRow("percent signs in the path kept")
            << "User-agent: GPTBot\nDisallow: /a%20b\n"_ba << u"GPTBot"_s << u"/a%20b%1"_s
            << u"robots.txt group 'User-agent: GPTBot' disallows /a%20b%1 (rule 'Disallow: /a%20b')"_s;
        QTest::newRow("index page rule quoted for its directory")
            << "User-agent: GPTBot\nDisallow: /\nAllow: /index.html\n"_ba << u"GPTBot"_s << u"/"_s
            << u"robots.txt group 'User-agent: GPTBot' allows / (rule 'Allow: /index.html' is more specific than "
               "'Disallow: /')"_s;
        QTest::newRow("misspelt key quoted as the rule it stands for")
            << "User-agent: GPTBot\nDisalow /a\n"_ba << u"GPTBot"_s << u"/a/b"_s
            << u"robots.txt group 'User-agent: GPTBot' disallows /a/b (rule 'Disallow: /a')"_s;
        QTest::newRow("robots.txt itself") << "User-agent: *\nDisallow: /\n"_ba << u"GPTBot"_s << u"/robots.txt"_s
                                           << u"/robots.txt is always allowed (RFC 9309 2.2.2)"_s;
    }

    void evidence()
    {
        QFETCH(QByteArray, robots);
        QFETCH(QString, agent);
        QFETCH(QString, path);
        QFETCH(QString, evidence);
        QCOMPARE(RobotsTxt::parse(robots).check(agent, path).evidence, evidence);
    }

    void unavailable_data()
    {
        QTest::addColumn<bool>("serverError"); // 5xx or unreachable, else 4xx
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("allowed");
        QTest::addColumn<bool>("disallowsSomething");
        QTest::addColumn<QString>("evidence");

        QTest::newRow("4xx allows everything")
            << false << 404 << u"/private"_s << true << false << u"robots.txt answered 404: everything allowed"_s;
        QTest::newRow("4xx without a status allows everything")
            << false << 0 << u"/private"_s << true << false << u"robots.txt is unavailable (4xx): everything allowed"_s;
        QTest::newRow("5xx disallows everything")
            << true << 503 << u"/"_s << false << true << u"robots.txt answered 503: everything disallowed"_s;
        QTest::newRow("unreachable disallows everything")
            << true << 0 << u"/page"_s << false << true << u"robots.txt could not be fetched: everything disallowed"_s;
        QTest::newRow("5xx still allows /robots.txt")
            << true << 500 << u"/robots.txt"_s << true << true << u"/robots.txt is always allowed (RFC 9309 2.2.2)"_s;
    }

    void unavailable()
    {
        QFETCH(bool, serverError);
        QFETCH(int, status);
        QFETCH(QString, path);
        QFETCH(bool, allowed);
        QFETCH(bool, disallowsSomething);
        QFETCH(QString, evidence);
        const RobotsTxt robots = serverError ? RobotsTxt::disallowAll(status) : RobotsTxt::allowAll(status);
        const auto verdict = robots.check(u"GPTBot"_s, path);
        QCOMPARE(verdict.allowed, allowed);
        QCOMPARE(verdict.evidence, evidence);
        QCOMPARE(robots.disallowsSomething(u"GPTBot"_s), disallowsSomething);
        QVERIFY(robots.sitemaps().isEmpty());
    }

    void disallowsSomething_data()
    {
        QTest::addColumn<QByteArray>("robots");
        QTest::addColumn<QString>("agent");
        QTest::addColumn<bool>("disallows");

        QTest::newRow("disallow in the agent's group")
            << "User-agent: GPTBot\nAllow: /\nDisallow: /private\n"_ba << u"GPTBot"_s << true;
        QTest::newRow("only allow rules") << "User-agent: GPTBot\nAllow: /\n"_ba << u"GPTBot"_s << false;
        QTest::newRow("empty disallow disallows nothing")
            << "User-agent: GPTBot\nDisallow:\n"_ba << u"GPTBot"_s << false;
        QTest::newRow("disallow cancelled by an equal allow")
            << "User-agent: GPTBot\nDisallow: /x\nAllow: /x\n"_ba << u"GPTBot"_s << false;
        QTest::newRow("disallow cancelled by an allow equal after normalisation")
            << "User-agent: GPTBot\nDisallow: /%7Ex\nAllow: /~x\n"_ba << u"GPTBot"_s << false;
        QTest::newRow("anchored disallow not cancelled by an unanchored allow")
            << "User-agent: GPTBot\nDisallow: /x$\nAllow: /x\n"_ba << u"GPTBot"_s << true;
        QTest::newRow("another agent's disallow does not count")
            << "User-agent: ClaudeBot\nDisallow: /\n"_ba << u"GPTBot"_s << false;
        QTest::newRow("star disallow counts for an unnamed agent")
            << "User-agent: *\nDisallow: /tmp\n"_ba << u"GPTBot"_s << true;
        QTest::newRow("named group without disallow shields from star")
            << "User-agent: *\nDisallow: /\n\nUser-agent: GPTBot\nAllow: /\n"_ba << u"GPTBot"_s << false;
        QTest::newRow("disallow in a combined group counts")
            << "User-agent: GPTBot\nAllow: /\n\nUser-agent: GPTBot\nDisallow: /b\n"_ba << u"GPTBot"_s << true;
        QTest::newRow("empty file disallows nothing") << QByteArray() << u"GPTBot"_s << false;
    }

    void disallowsSomething()
    {
        QFETCH(QByteArray, robots);
        QFETCH(QString, agent);
        QFETCH(bool, disallows);
        QCOMPARE(RobotsTxt::parse(robots).disallowsSomething(agent), disallows);
    }

    void sitemaps_data()
    {
        QTest::addColumn<QByteArray>("robots");
        QTest::addColumn<QStringList>("sitemaps");

        QTest::newRow("every sitemap line in order, in or out of groups")
            << "Sitemap: https://example.com/a.xml\nUser-agent: *\nSitemap: https://example.com/b.xml\nDisallow: /\n"
               "sitemap:https://example.com/c.xml\n"_ba
            << QStringList{u"https://example.com/a.xml"_s, u"https://example.com/b.xml"_s,
                           u"https://example.com/c.xml"_s};
        QTest::newRow("sitemap field name case-insensitive, value trimmed, comment dropped")
            << "SITEMAP:   https://example.com/s.xml   # main\r\n"_ba << QStringList{u"https://example.com/s.xml"_s};
        QTest::newRow("repeated sitemap lines all kept")
            << "Sitemap: https://example.com/s.xml\nSitemap: https://example.com/s.xml\n"_ba
            << QStringList{u"https://example.com/s.xml"_s, u"https://example.com/s.xml"_s};
        QTest::newRow("empty sitemap line skipped") << "Sitemap:\nSitemap: # none\n"_ba << QStringList{};
        QTest::newRow("no sitemap") << "User-agent: *\nDisallow:\n"_ba << QStringList{};
        QTest::newRow("sitemap line without a colon")
            << "Sitemap https://example.com/s.xml\n"_ba << QStringList{u"https://example.com/s.xml"_s};
        QTest::newRow("site-map spelling, as Google reads it")
            << "Site-map: https://example.com/s.xml\n"_ba << QStringList{u"https://example.com/s.xml"_s};
    }

    void sitemaps()
    {
        QFETCH(QByteArray, robots);
        QFETCH(QStringList, sitemaps);
        QCOMPARE(RobotsTxt::parse(robots).sitemaps(), sitemaps);
    }

    // A 10 MiB file: only the first 500 KiB count, the verdict says so, and it is quick.
    void tenMebibytes()
    {
        QByteArray body = "User-agent: *\nDisallow: /private\nSitemap: https://example.com/early.xml\n"_ba;
        for (int i = 0; body.size() < 10 * 1024 * 1024; ++i)
            body += "Disallow: /junk/"_ba + QByteArray::number(i) + "/*.html$\n"_ba;
        body += "Disallow: /\nSitemap: https://example.com/late.xml\n"_ba;

        QElapsedTimer timer;
        timer.start();
        const RobotsTxt robots = RobotsTxt::parse(body);
        const auto outside = robots.check(u"GPTBot"_s, u"/public/page"_s);
        const auto inside = robots.check(u"GPTBot"_s, u"/junk/10/a.html"_s);
        const auto early = robots.check(u"GPTBot"_s, u"/private/x"_s);
        const auto late = robots.check(u"GPTBot"_s, u"/junk/300000/a.html"_s);
        const qint64 elapsed = timer.elapsed();

        QVERIFY2(outside.allowed, qPrintable(outside.evidence)); // the final "Disallow: /" is past the limit
        QVERIFY(outside.evidence.contains(u"only its first 500 KiB were read"_s));
        QVERIFY2(!inside.allowed, qPrintable(inside.evidence));
        QVERIFY2(!early.allowed, qPrintable(early.evidence));
        QVERIFY2(late.allowed, qPrintable(late.evidence));
        QCOMPARE(robots.sitemaps(), QStringList{u"https://example.com/early.xml"_s});
        QVERIFY2(elapsed < 500, qPrintable(u"took %1 ms"_s.arg(elapsed)));
    }

    // Many wildcards against a long path stay linear in practice, and O(n*m) at worst.
    void wildcardsAreNotExponential()
    {
        QByteArray rule = "/"_ba;
        for (int i = 0; i < 2000; ++i)
            rule += "*a"_ba;
        const RobotsTxt robots
            = RobotsTxt::parse("User-agent: *\nDisallow: "_ba + rule + "*b$\nDisallow: "_ba + rule + "c\n"_ba);
        const QString path = u"/"_s + QString(200000, u'a');

        QElapsedTimer timer;
        timer.start();
        const auto miss = robots.check(u"GPTBot"_s, path);
        const auto hit = robots.check(u"GPTBot"_s, path + u"b"_s);
        const qint64 elapsed = timer.elapsed();

        QVERIFY2(miss.allowed, qPrintable(miss.evidence));
        QVERIFY(!hit.allowed);
        QVERIFY2(elapsed < 500, qPrintable(u"took %1 ms"_s.arg(elapsed)));
    }

    // Shared between threads without copying or locking.
    void concurrentChecks()
    {
        const RobotsTxt robots = RobotsTxt::parse("User-agent: GPTBot\nDisallow: /a\n"_ba);
        std::vector<std::thread> threads;
        std::atomic<int> wrong = 0;
        for (int t = 0; t < 4; ++t)
            threads.emplace_back([&] {
                for (int i = 0; i < 2000; ++i)
                    if (robots.check(u"GPTBot"_s, u"/a/%1"_s.arg(i)).allowed || !robots.disallowsSomething(u"GPTBot"_s))
                        ++wrong;
            });
        for (auto &thread : threads)
            thread.join();
        QCOMPARE(wrong.load(), 0);
    }
};

QTEST_APPLESS_MAIN(TestRobots)
#include "tst_robots.moc"
