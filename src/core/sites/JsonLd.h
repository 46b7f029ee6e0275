#pragma once

#include "HtmlFacts.h"

#include <QByteArray>

namespace geo::htmlfacts {

// One <script type="application/ld+json"> block read as JSON-LD: whether it parses (after
// the comment or CDATA envelope older templates put around it) and the @types it names.
// Apart from the HTML walk, since it reads JSON, not markup.
JsonLdBlock readJsonLdBlock(const QByteArray &raw);

} // namespace geo::htmlfacts
