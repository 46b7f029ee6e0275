#pragma once

#include <QByteArray>

namespace geo::htmlfacts {

// Gumbo 0.10.1 has no limit on depth, and deep or tag-heavy markup makes it quadratic in
// time (scope checks walk the stack of open elements), amplify memory (formatting elements
// re-created in every paragraph) or crash (its tree destruction recurses per level). This
// pre-pass over the bytes models gumbo's stack and list of active formatting elements and
// returns the input without what would nest too deep, without formatting elements beyond a
// few active ones and attributes beyond a few hundred per tag, cut where a work budget runs
// out. Dropped tags keep their text. The input itself (shared, not copied) comes back when
// nothing had to go.
QByteArray withinNestingLimits(const QByteArray &html);

} // namespace geo::htmlfacts
