#include "EnglishWords.h"

#include <QFile>

namespace geo {

const QSet<QString> &englishWords()
{
    static const QSet<QString> words = [] {
        QSet<QString> out;
        QFile f(QStringLiteral("/usr/share/dict/american-english"));
        if (f.open(QIODevice::ReadOnly | QIODevice::Text))
            while (!f.atEnd()) {
                const QString w = QString::fromUtf8(f.readLine()).trimmed();
                if (!w.isEmpty() && !w.front().isUpper())
                    out.insert(w);
            }
        return out;
    }();
    return words;
}

} // namespace geo
