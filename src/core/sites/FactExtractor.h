#pragma once

#include "HtmlFacts.h"

#include <gumbo.h>

#include <QByteArray>

namespace geo::htmlfacts {

// The facts of a page read from gumbo's tree of it: one walk, iterative so the tree's depth
// costs heap, never stack. An empty HtmlFacts for no tree. declaredCharset, when given, gets
// the page's first <meta> charset declaration (empty when none), for HtmlFacts::parse to
// read a page that is not UTF-8 again in its own charset.
HtmlFacts extractFacts(const GumboNode *root, QByteArray *declaredCharset = nullptr);

} // namespace geo::htmlfacts
