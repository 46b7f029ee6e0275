#include "CsvExporter.h"

#include "CsvWriter.h"
#include "scoring/AuditScoring.h"
#include "store/AuditStore.h"

#include <QDir>
#include <QSaveFile>

#include <functional>
#include <memory>

namespace geo {

using namespace Qt::StringLiterals;

namespace {

Status writeFile(const QString &path, const std::function<Status(CsvWriter &)> &write)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error{u"cannot write %1 (%2); choose a folder you can write to"_s.arg(path, file.errorString())};
    CsvWriter csv(&file);
    if (Status s = write(csv); !s) {
        file.cancelWriting();
        return s;
    }
    if (!csv.ok() || !file.commit())
        return Error{u"cannot write %1 (%2); check the free space"_s.arg(path, file.errorString())};
    return ok();
}

Error cancelled()
{
    return Error{u"the export was cancelled; the tables written before it stopped are complete"_s};
}

// Each table of the store's export into its file, replaced atomically when complete.
class FileSink final : public RowSink
{
public:
    FileSink(const QDir &dir, CsvExporter::Progress *progress) : m_dir(dir), m_progress(progress) { }

    Status begin(ExportTable table) override
    {
        m_path = m_dir.filePath(CsvExporter::fileNames().at(fileIndex(table)));
        m_file = std::make_unique<QSaveFile>(m_path);
        if (!m_file->open(QIODevice::WriteOnly))
            return Error{
                u"cannot write %1 (%2); choose a folder you can write to"_s.arg(m_path, m_file->errorString())};
        m_csv = std::make_unique<CsvWriter>(m_file.get());
        m_header = true;
        return ok();
    }

    Status row(const QVariantList &values) override
    {
        if (m_progress && m_progress->cancelled) {
            m_file->cancelWriting();
            return cancelled();
        }
        m_csv->writeRow(values);
        if (m_progress && !m_header)
            ++m_progress->rows;
        m_header = false;
        return ok();
    }

    Status end(ExportTable) override
    {
        if (!m_csv->ok() || !m_file->commit())
            return Error{u"cannot write %1 (%2); check the free space"_s.arg(m_path, m_file->errorString())};
        m_written << m_path;
        m_csv.reset();
        m_file.reset();
        return ok();
    }

    const QStringList &written() const { return m_written; }

private:
    // answers, mentions, citations, sites are the first four files; failures the last.
    static qsizetype fileIndex(ExportTable table)
    {
        return table == ExportTable::Failures ? CsvExporter::fileNames().size() - 1 : qsizetype(table);
    }

    QDir m_dir;
    CsvExporter::Progress *m_progress;
    QString m_path;
    std::unique_ptr<QSaveFile> m_file;
    std::unique_ptr<CsvWriter> m_csv;
    bool m_header = false;
    QStringList m_written;
};

QVariant figure(const std::optional<double> &value)
{
    return value ? QVariant(*value) : QVariant();
}

// One row per cut, brand and figure, beside the same figure in the previous audit of the
// series: a long table, so that a spreadsheet pivots it any way.
Status writeScoreRows(const ScoredAudit &scored, CsvWriter &csv)
{
    const AuditScores *scores = &scored.scores;
    const std::optional<AuditScores> &previous = scored.previous;
    csv.writeRow({u"cut"_s, u"brand"_s, u"role"_s, u"figure"_s, u"value"_s, u"previous_audit"_s, u"previous_value"_s,
                  u"change"_s, u"intervals_overlap"_s});
    const QVariant previousAudit = previous ? QVariant(previous->auditId) : QVariant();
    for (const BrandChange &brand : scored.changes) {
        const QVariant overlap = brand.intervalsOverlap ? QVariant(*brand.intervalsOverlap ? 1 : 0) : QVariant();
        for (const FigureChange &f : brand.figures)
            csv.writeRow({brand.cut, scores->brands.at(brand.brand), brand.brand == 0 ? u"brand"_s : u"competitor"_s,
                          f.figure, figure(f.value), previousAudit, figure(f.previous), figure(f.change), overlap});
    }
    // The source mix of each cut's citations as a whole: rows of no brand, role "all".
    for (const CutScores &cut : scores->cuts) {
        const CutScores *before = previous ? previous->cut(cut.cut) : nullptr;
        const QList<Figure> now = sourceFigures(cut.sources, u"citations"_s);
        const QList<Figure> then = before ? sourceFigures(before->sources, u"citations"_s) : QList<Figure>();
        for (qsizetype f = 0; f < now.size(); ++f) {
            FigureChange c{now[f].name, now[f].value, std::nullopt, std::nullopt};
            if (before)
                c.previous = then[f].value;
            if (c.value && c.previous)
                c.change = *c.value - *c.previous;
            csv.writeRow({cut.cut, QString(), u"all"_s, c.figure, figure(c.value), previousAudit, figure(c.previous),
                          figure(c.change), QVariant()});
        }
    }
    return ok();
}

// One row per discovered brand, most named first (docs/csv-format.md).
Status writeDiscovered(const AuditScores &scores, CsvWriter &csv)
{
    csv.writeRow({u"brand"_s, u"products"_s, u"answers"_s, u"engines"_s, u"best_rank"_s, u"mention_share"_s});
    for (const DiscoveredBrand &d : scores.discovered)
        csv.writeRow({d.name, d.products.join(u"; "_s), d.answers, d.engines.join(u','),
                      d.bestRank ? QVariant(*d.bestRank) : QVariant(), figure(d.mentionShare)});
    return ok();
}

} // namespace

const QStringList &CsvExporter::fileNames()
{
    static const QStringList names{u"answers.csv"_s,    u"mentions.csv"_s, u"citations.csv"_s, u"sites.csv"_s,
                                   u"discovered.csv"_s, u"scores.csv"_s,   u"failures.csv"_s};
    return names;
}

Result<QStringList> CsvExporter::exportNow(AuditStore &store, qint64 auditId, const QString &folder, Progress *progress)
{
    if (!QDir().mkpath(folder))
        return Error{u"cannot create the folder %1; choose a folder you can write to"_s.arg(folder)};
    const QDir dir(folder);
    auto sink = std::make_shared<FileSink>(dir, progress);
    if (Status s = store.exportRows(auditId, sink).result(); !s)
        return Error{s.error()};
    QStringList written = sink->written();
    if (progress && progress->cancelled)
        return cancelled();
    const Result<ScoredAudit> scored = AuditScoring::loadWithPrevious(store, auditId);
    if (!scored)
        return Error{scored.error()};
    const QString discovered = dir.filePath(u"discovered.csv"_s);
    if (Status s = writeFile(discovered, [&](CsvWriter &csv) { return writeDiscovered(scored->scores, csv); }); !s)
        return Error{s.error()};
    written << discovered;
    const QString scores = dir.filePath(u"scores.csv"_s);
    if (Status s = writeScores(scored.value(), scores); !s)
        return Error{s.error()};
    written << scores;
    return written;
}

QFuture<Result<QStringList>> CsvExporter::exportAudit(AuditStore *store, qint64 auditId, const QString &folder,
                                                      std::shared_ptr<Progress> progress)
{
    return store->background(
        [store, auditId, folder, progress] { return exportNow(*store, auditId, folder, progress.get()); });
}

Status CsvExporter::writeScores(const ScoredAudit &scored, const QString &path)
{
    return writeFile(path, [&scored](CsvWriter &csv) { return writeScoreRows(scored, csv); });
}

Status CsvExporter::writeTable(const QString &path, const QList<QVariantList> &rows)
{
    return writeFile(path, [&rows](CsvWriter &csv) {
        for (const QVariantList &row : rows)
            csv.writeRow(row);
        return ok();
    });
}

} // namespace geo
