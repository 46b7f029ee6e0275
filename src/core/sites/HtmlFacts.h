#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <utility>

namespace geo {

// One <script type="application/ld+json"> block: whether it parses, and every @type in it
// (inside @graph and nested objects too).
struct JsonLdBlock
{
    bool valid = false;
    QStringList types;
    QString error;
};

// What a page says about itself, read with gumbo.
struct HtmlFacts
{
    QString title, description, ogTitle, ogDescription, ogSiteName, canonical, lang;
    QList<std::pair<int, QString>> headings; // level and text, in document order
    int wordCount = 0;
    int lists = 0;
    int tables = 0;
    QList<JsonLdBlock> jsonLd;
    bool appShell = false;

    int h1Count() const;
    bool skipsHeadingLevels() const;
    static HtmlFacts parse(const QByteArray &html);
};

} // namespace geo
