#include "LlmsTxt.h"

#include <QStringList>

#include <md4c.h>

namespace geo {

using namespace Qt::StringLiterals;

namespace {

struct Walker
{
    LlmsTxt result;
    int headingLevel = 0; // of the heading being read, 0 outside one
    bool inH2Section = false;
    bool sectionCounted = false;
    int listDepth = 0;
    bool titleSeen = false;

    static int enterBlock(MD_BLOCKTYPE type, void *detail, void *self)
    {
        auto *w = static_cast<Walker *>(self);
        if (type == MD_BLOCK_H) {
            w->headingLevel = int(static_cast<MD_BLOCK_H_DETAIL *>(detail)->level);
            if (w->headingLevel == 1 && !w->titleSeen)
                w->result.hasTitle = w->titleSeen = true;
            if (w->headingLevel <= 2) {
                w->inH2Section = w->headingLevel == 2;
                w->sectionCounted = false;
            }
        } else if (type == MD_BLOCK_QUOTE && w->titleSeen) {
            w->result.hasSummary = true;
        } else if (type == MD_BLOCK_UL || type == MD_BLOCK_OL) {
            ++w->listDepth;
        }
        return 0;
    }
    static int leaveBlock(MD_BLOCKTYPE type, void *, void *self)
    {
        auto *w = static_cast<Walker *>(self);
        if (type == MD_BLOCK_H)
            w->headingLevel = 0;
        else if (type == MD_BLOCK_UL || type == MD_BLOCK_OL)
            --w->listDepth;
        return 0;
    }
    static int enterSpan(MD_SPANTYPE type, void *, void *self)
    {
        auto *w = static_cast<Walker *>(self);
        if (type == MD_SPAN_A && w->inH2Section && w->listDepth > 0 && !w->sectionCounted) {
            ++w->result.linkSections;
            w->sectionCounted = true;
        }
        return 0;
    }
    static int leaveSpan(MD_SPANTYPE, void *, void *) { return 0; }
    static int text(MD_TEXTTYPE, const MD_CHAR *, MD_SIZE, void *) { return 0; }
};

} // namespace

LlmsTxt LlmsTxt::parse(const QByteArray &markdown)
{
    Walker walker;
    MD_PARSER parser{};
    parser.flags = MD_DIALECT_GITHUB;
    parser.enter_block = Walker::enterBlock;
    parser.leave_block = Walker::leaveBlock;
    parser.enter_span = Walker::enterSpan;
    parser.leave_span = Walker::leaveSpan;
    parser.text = Walker::text;
    md_parse(markdown.constData(), MD_SIZE(markdown.size()), &parser, &walker);
    return walker.result;
}

QString LlmsTxt::describe() const
{
    QStringList missing;
    if (!hasTitle)
        missing << u"an H1 title"_s;
    if (!hasSummary)
        missing << u"a blockquote summary"_s;
    if (linkSections == 0)
        missing << u"an H2 section with a list of links"_s;
    return missing.isEmpty() ? u"llms.txt has a title, a summary and %1 section(s) of links"_s.arg(linkSections)
                             : u"llms.txt lacks %1"_s.arg(missing.join(u", "_s));
}

} // namespace geo
