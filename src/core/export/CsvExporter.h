#pragma once

#include "Result.h"

#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <QVariantList>

#include <atomic>

namespace geo {

// Writes an audit's tables as CSV files into a folder: answers, mentions, citations, sites,
// scores and failures (columns in docs/csv-format.md). Each file is replaced atomically.
class CsvExporter final
{
public:
    // Shared with the thread that exports: the rows written so far, and a request to stop,
    // after which the file being written is dropped and the export ends with an error.
    struct Progress
    {
        std::atomic<qint64> rows = 0;
        std::atomic<bool> cancelled = false;
    };

    static Result<QStringList> exportAudit(QSqlDatabase &db, qint64 auditId, const QString &folder,
                                           Progress *progress = nullptr);
    static const QStringList &fileNames();
    // Writes rows (the first one the header) as one CSV file, replaced atomically: a table
    // as a view shows it, filtered and sorted.
    static Status writeTable(const QString &path, const QList<QVariantList> &rows);
};

} // namespace geo
