#pragma once

#include <QIODevice>
#include <QString>
#include <QVariant>
#include <QVariantList>

namespace geo {

// Writes RFC 4180 CSV in UTF-8 with CRLF line ends. Numbers are written as numbers; a text
// cell that a spreadsheet would run as a formula (starting with =, +, -, @, tab or CR) is
// prefixed with an apostrophe and quoted; so is a cell holding a comma or semicolon (the
// list separator of many locales), a quote or a line break. A null QVariant is an empty cell
// (a figure that is n/a).
class CsvWriter final
{
public:
    explicit CsvWriter(QIODevice *device) : m_device(device) { }

    void writeRow(const QVariantList &cells);
    bool ok() const { return m_ok; }

    static QString formatCell(const QVariant &value);

private:
    QIODevice *m_device;
    bool m_ok = true;
};

} // namespace geo
