#pragma once

#include "model/Result.h"

#include <QString>
#include <QStringList>

namespace geo {

struct ReportData;

// The export formats and the files they write: csv (the tables of docs/csv-format.md),
// json (report.json), html (report.html) and pdf (report.pdf).
class ReportWriter final
{
public:
    static const QStringList &formats();
    // "csv,html" -> {"csv", "html"}; an unknown name is an error naming the valid ones.
    static Result<QStringList> parseFormats(const QString &list);
    // Writes the report files of the formats among json, html and pdf into folder, each
    // replaced atomically; pdf needs a QGuiApplication. Returns the paths written.
    static Result<QStringList> write(const ReportData &data, const QString &folder, const QStringList &formats);
};

} // namespace geo
