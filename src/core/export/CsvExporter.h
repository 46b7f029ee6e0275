#pragma once

#include "model/Result.h"

#include <QFuture>
#include <QString>
#include <QStringList>
#include <QVariantList>

#include <atomic>
#include <memory>

namespace geo {

class AuditStore;
struct ScoredAudit;

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

    // Reads the rows on the store's reader thread and writes them there; scores.csv is scored
    // on the global thread pool. Never blocks the caller.
    static QFuture<Result<QStringList>> exportAudit(AuditStore *store, qint64 auditId, const QString &folder,
                                                    std::shared_ptr<Progress> progress = {});
    // The same, blocking: for worker threads.
    static Result<QStringList> exportNow(AuditStore &store, qint64 auditId, const QString &folder,
                                         Progress *progress = nullptr);
    static const QStringList &fileNames();
    // Writes rows (the first one the header) as one CSV file, replaced atomically: a table
    // as a view shows it, filtered and sorted.
    static Status writeTable(const QString &path, const QList<QVariantList> &rows);
    // scores.csv of scored figures: every cut's brand rows, then its source-type rows.
    static Status writeScores(const ScoredAudit &scored, const QString &path);
};

} // namespace geo
