#pragma once

#include <QByteArray>
#include <QString>

namespace geo {

// The shape of an llms.txt (llmstxt.org): an H1 title, a blockquote summary, and H2 sections
// of Markdown link lists; read with md4c.
struct LlmsTxt
{
    bool hasTitle = false;
    bool hasSummary = false;
    int linkSections = 0; // H2 sections holding a list of links

    bool wellFormed() const { return hasTitle && hasSummary && linkSections > 0; }
    QString describe() const;

    static LlmsTxt parse(const QByteArray &markdown);
};

} // namespace geo
