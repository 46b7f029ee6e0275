#include "PlainText.h"

namespace geo {

qsizetype controlCharacterAt(QStringView text, QStringView allowed)
{
    for (qsizetype i = 0; i < text.size(); ++i)
        if (text[i].unicode() < 0x20 && !allowed.contains(text[i]))
            return i;
    return -1;
}

} // namespace geo
