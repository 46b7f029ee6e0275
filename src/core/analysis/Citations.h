#pragma once

#include "engines/Engine.h"
#include "spec/AuditSpec.h"

#include <QList>
#include <QString>
#include <QUrl>

namespace geo {

struct CitationRef
{
    enum class Source { Engine, Text };

    QString url;    // normalised
    QString host;
    QString domain; // registrable domain (public suffix list)
    int owner = -1; // index of the tracked brand owning the domain, -1 for a third party
    Source source = Source::Engine;
    int marker = 0; // n when the text cites it as [n] (an engine citation), else 0
};

class MarkdownDocument;

// Normalises a cited URL so the same page counts once: lower-case host, no fragment, no
// tracking parameters (utm_*, gclid, fbclid, ...), no default port. Invalid: empty URL.
QUrl normaliseCitationUrl(const QUrl &url);

// The registrable domain of a host ("blog.example.co.uk" -> "example.co.uk"), by libpsl.
QString registrableDomain(const QString &host);

// The engine's structured citations (those the text cites as [n] marked so), then the links
// of the Markdown, then bare domains written in its text ("hubspot.com", not "e.g." or
// "v2.0"), de-duplicated by normalised URL, in order, each with its domain and owner.
QList<CitationRef> extractCitations(const MarkdownDocument &doc, const QList<Citation> &structured,
                                    const QList<BrandSpec> &brands);

// The tracked brand owning a host (one of its domains or their subdomains), -1 for none.
int ownerOf(const QString &host, const QList<BrandSpec> &brands);

// Whether text is a host name under a real public suffix (or the reserved .example).
bool isCitableDomain(const QString &text);

} // namespace geo
