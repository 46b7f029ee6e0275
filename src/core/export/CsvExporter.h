#pragma once

#include "Result.h"

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace geo {

// Writes an audit's tables as CSV files into a folder: answers, mentions, citations, sites,
// scores and failures (columns in docs/csv-format.md). Each file is replaced atomically.
class CsvExporter final
{
public:
    static Result<QStringList> exportAudit(QSqlDatabase &db, qint64 auditId, const QString &folder);
    static const QStringList &fileNames();
};

} // namespace geo
