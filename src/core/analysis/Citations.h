#pragma once

#include "model/Analysis.h"
#include "model/Answer.h"
#include "model/AuditSpec.h"

#include <QList>
#include <QString>
#include <QUrl>

namespace geo {

class MarkdownDocument;

// Normalises a cited URL so the same page counts once: lower-case host, no fragment, no
// tracking parameters (utm_*, gclid, fbclid, ...), no default port. Invalid: empty URL.
QUrl normaliseCitationUrl(const QUrl &url);

// The registrable domain of a host ("blog.example.co.uk" -> "example.co.uk"), by libpsl; an
// IP address, bracketed or not, is its own ("[2001:DB8::1]" -> "2001:db8::1").
QString registrableDomain(const QString &host);

// The engine's structured citations (those the text cites as [n] marked so), then the links
// of the Markdown, then bare domains written in its text ("hubspot.com", not "e.g." or
// "v2.0"), de-duplicated by normalised URL, in order, each with its domain and owner.
QList<CitationRef> extractCitations(const MarkdownDocument &doc, const QList<Citation> &structured,
                                    const QList<BrandSpec> &brands);

// The tracked brand owning a host (one of its domains or their subdomains), -1 for none.
int ownerOf(const QString &host, const QList<BrandSpec> &brands);

// Whether c may stand in a host name as written in text: a letter, a digit, '.' or '-'.
bool isHostNameChar(QChar c);

// Whether text is a host name under a real public suffix (or the reserved .example).
bool isCitableDomain(const QString &text);

} // namespace geo
