#include "FormText.h"

namespace geo::FormText {

using namespace Qt::StringLiterals;

namespace {

QStringList split(const QString &text, QChar separator)
{
    QStringList out;
    for (const QString &item : text.split(separator)) {
        if (const QString trimmed = item.trimmed(); !trimmed.isEmpty())
            out << trimmed;
    }
    return out;
}

} // namespace

QStringList splitCommas(const QString &text)
{
    return split(text, u',');
}

QString joinCommas(const QStringList &items)
{
    return items.join(u", "_s);
}

QStringList splitLines(const QString &text)
{
    return split(text, u'\n');
}

QString joinLines(const QStringList &items)
{
    return items.join(u'\n');
}

} // namespace geo::FormText
