#include "Export.h"

#include "Commands.h"
#include "Console.h"
#include "Support.h"
#include "export/CsvExporter.h"
#include "export/ReportData.h"
#include "export/ReportWriter.h"

#include <QDir>

using namespace Qt::StringLiterals;

namespace geo::cli {

int exportAudit(AuditStore &store, qint64 auditId, const Output &out)
{
    const QString folder = QDir(out.dir).absolutePath();
    if (out.formats.contains(u"csv"_s)) {
        const auto written = await(CsvExporter::exportAudit(&store, auditId, folder));
        if (!written) {
            say(written.error());
            return BadInput;
        }
        say(u"wrote %1 tables to %2"_s.arg(written->size()).arg(folder));
    }
    QStringList reports = out.formats;
    reports.removeAll(u"csv"_s);
    if (!reports.isEmpty()) {
        // Read and scored on the thread pool, rendered here: the PDF needs this thread's fonts.
        const auto data = await(ReportData::loadLater(&store, auditId));
        if (!data) {
            say(data.error());
            return BadInput;
        }
        const Result<QStringList> written = ReportWriter::write(data.value(), folder, reports);
        if (!written) {
            say(written.error());
            return BadInput;
        }
        for (const QString &path : written.value())
            say(u"wrote "_s + path);
    }
    const auto previous = await(store.previousInSeries(auditId));
    if (previous && previous.value() > 0)
        say(u"the export compares audit %1 with audit %2, the previous of its series"_s.arg(auditId).arg(
            previous.value()));
    return Success;
}

namespace {

int exportVerb(const Invocation &in)
{
    const std::optional<qint64> id = parseAuditId(in.argument(u"AUDIT_ID"_s));
    if (!id)
        return BadInput;
    std::unique_ptr<AuditStore> store;
    if (const int code = openStore(store, in.value(u"db"_s)); code != Success)
        return code;
    return exportAudit(*store, *id, in.output);
}

} // namespace

Command exportCommand()
{
    return {.name = u"export"_s,
            .arguments = {{.name = u"AUDIT_ID"_s}},
            .required = {u"out"_s},
            .options = {u"format"_s, u"db"_s},
            .help = u"Writes the CSV tables of a stored audit to DIR, or with --format the reports: json "
                    "(report.json, the whole audit), html (report.html, one self-contained file with its charts, "
                    "for any browser and for print) and pdf (report.pdf, A4). Figures are set beside the previous "
                    "finished audit of the same name (a series)."_s,
            .run = exportVerb};
}

} // namespace geo::cli
