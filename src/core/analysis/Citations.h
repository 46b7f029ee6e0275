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
};

// Normalises a cited URL so the same page counts once: lower-case host, no fragment, no
// tracking parameters (utm_*, gclid, fbclid, ...), no default port. Invalid: empty URL.
QUrl normaliseCitationUrl(const QUrl &url);

// The registrable domain of a host ("blog.example.co.uk" -> "example.co.uk"), by libpsl.
QString registrableDomain(const QString &host);

// The engine's structured citations, then the links written in the Markdown text (parsed with
// md4c), de-duplicated by normalised URL, in order, each with its domain and owner.
QList<CitationRef> extractCitations(const QString &markdown, const QList<Citation> &structured,
                                    const QList<BrandSpec> &brands);

} // namespace geo
