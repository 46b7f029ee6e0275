#include "CsvWriter.h"

#include <QRegularExpression>

namespace geo {

using namespace Qt::StringLiterals;

QString CsvWriter::formatCell(const QVariant &value)
{
    // SQL NULL: SQLite gives an empty QVariant, PostgreSQL a null one of the column's type.
    if (value.isNull())
        return {};
    switch (value.typeId()) {
    case QMetaType::UnknownType:
        return {};
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
        return value.toString();
    case QMetaType::Double:
    case QMetaType::Float:
        return QString::number(value.toDouble(), 'g', 12);
    case QMetaType::Bool:
        return value.toBool() ? u"true"_s : u"false"_s;
    default:
        break;
    }
    QString text = value.toString();
    const bool formula = !text.isEmpty() && QStringView(u"=+-@\t\r").contains(text.front());
    if (formula)
        text.prepend(u'\'');
    // ";" too: where the list separator is ";" a spreadsheet splits there, and "m;=1+1" would
    // leave a cell "=1+1" to run. A neutralised formula is quoted as well, whole in any locale.
    static const QRegularExpression special(u"[,;\"\r\n]"_s);
    if (formula || text.contains(special))
        text = u'"' + text.replace(u'"', u"\"\""_s) + u'"';
    return text;
}

void CsvWriter::writeRow(const QVariantList &cells)
{
    QString line;
    for (qsizetype i = 0; i < cells.size(); ++i) {
        if (i > 0)
            line += u',';
        line += formatCell(cells[i]);
    }
    line += u"\r\n"_s;
    const QByteArray utf8 = line.toUtf8();
    m_ok = m_ok && m_device->write(utf8) == utf8.size();
}

} // namespace geo
