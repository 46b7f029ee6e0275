#pragma once

#include <QSet>
#include <QString>

namespace geo {

// Debian's English word list (wamerican), read once: the entries that do not start with a
// capital. The proper nouns it also holds ("Sonora", "Nike") are left out, so that they stay
// possible brands; "apple" and "ring" are in. Without the list, the set is empty.
const QSet<QString> &englishWords();

} // namespace geo
