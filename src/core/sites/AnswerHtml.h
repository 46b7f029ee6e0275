#pragma once

#include "model/Answer.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QUrl>

namespace geo {

// An answer copied from an engine's web page (the clipboard's text/html, or a saved page) as
// Markdown, so the analysis sees its headings, lists, tables and bold names as the engine
// showed them, and its links as the answer's citations.
struct AnswerHtml
{
    QString markdown;
    QList<Citation> citations; // the links, unwrapped and without tracking, in order, once each

    // Converts UTF-8 HTML with gumbo: headings, ordered and unordered lists (nested), tables,
    // bold, italics, code, quotes and links. Scripts, styles, buttons, navigation and images
    // are left out; a page with a <main> keeps only that.
    static AnswerHtml fromHtml(const QByteArray &utf8);

    // A link's destination without the engine's redirect wrapper (Google's /url?q=…) and
    // without tracking parameters (utm_*, Google's srsltid); empty when it is not http(s).
    static QUrl unwrapLink(const QUrl &href);

    // Over this, the HTML is cut (a copied answer is a few hundred KiB at most).
    static constexpr qsizetype MaxHtmlBytes = 4 * 1024 * 1024;
};

} // namespace geo
