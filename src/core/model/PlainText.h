#pragma once

#include <QStringView>

namespace geo {

// Where text first holds a C0 control character (U+0000-U+001F) that is not in `allowed`;
// -1 for none. NUL and its kind are not text: a name stored with a NUL is cut short wherever
// it is shown. Spec and import readers refuse them, each allowing the line breaks it takes.
qsizetype controlCharacterAt(QStringView text, QStringView allowed = {});

} // namespace geo
