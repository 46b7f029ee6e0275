#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <utility>

namespace geo {

// One <script type="application/ld+json"> block.
struct JsonLdBlock
{
    // A JSON object or array, once an envelope around the whole block ("<!-- -->",
    // "<![CDATA[ ]]>", "//<![CDATA[ //]]>"), which older templates emit, is removed.
    bool valid = false;
    // Every @type in the block, each once, including those inside @graph, nested objects
    // and arrays of types; exactly as written (no IRI expansion). Depth-first, with object
    // members in QJsonObject's (alphabetical) order, so not necessarily document order.
    QStringList types;
    QString error; // why the block does not parse; empty when valid
};

// What a page says about itself, read with gumbo, for the GEO readiness checks
// (docs/readiness.md: structured data, metadata, content structure).
struct HtmlFacts
{
    // Entities decoded, white space runs collapsed to one space, trimmed. The first
    // <title>; otherwise the first non-empty value of each.
    QString title;
    QString description; // <meta name="description">
    QString ogTitle;
    QString ogDescription;
    QString ogSiteName;
    QString ogType;    // <meta property="og:type">: "article", "video.other", ... (a source type's evidence)
    QString canonical; // href of <link rel="canonical">, as written (not resolved)
    QString lang;      // <html lang>

    QList<std::pair<int, QString>> headings; // level 1-6 and text, in document order
    // Words of the main text: body text outside script/style/noscript/template/iframe/
    // nav/header/footer/aside, and only inside <main> (else <article>) when the page has one.
    // Words are Unicode (UAX #29) words, so text without spaces (Chinese, Japanese) counts.
    int wordCount = 0;
    int lists = 0;             // <ul>/<ol>/<dl> in the body, nested ones included
    int tables = 0;            // <table> in the body
    QList<JsonLdBlock> jsonLd; // every <script type="application/ld+json">, valid or not
    // An element #root, #app, #__next or #__nuxt with under 50 non-space characters of
    // text, on a page with under 100 words of rendered body text (nav and footer included).
    bool appShell = false;

    int h1Count() const;
    // A heading more than one level deeper than the heading before it (h2 then h4). The
    // first heading may have any level: a missing H1 is h1Count()'s business.
    bool skipsHeadingLevels() const;

    // The bytes as fetched. The charset comes from a BOM, else <meta charset> or
    // <meta http-equiv="Content-Type"> (only when the bytes are not valid UTF-8, since
    // re-encoded pages often keep a stale declaration), else UTF-8.
    // Safe on any input and any thread: input beyond 2 MiB (the fetcher's cap) is ignored,
    // tags nested deeper than 512 elements are dropped before gumbo sees them (their text
    // stays), and gumbo's time and memory are budgeted (a pathological page is read only as
    // far as the budget goes).
    static HtmlFacts parse(const QByteArray &html);
};

} // namespace geo
