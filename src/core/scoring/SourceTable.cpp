#include "SourceTable.h"

#include "model/AuditSpec.h"

#include <QFile>
#include <QLoggingCategory>

#include <csv.h>

#include <algorithm>
#include <memory>

namespace geo {

using namespace Qt::StringLiterals;

namespace {

// libcsv's callbacks: fields into the record, records with the line they end on.
struct Collector
{
    QStringList fields;
    QList<std::pair<int, QStringList>> records;
    int line = 1;

    static void field(void *data, size_t length, void *self)
    {
        static_cast<Collector *>(self)->fields << QString::fromUtf8(static_cast<const char *>(data), qsizetype(length));
    }
    static void record(int, void *self)
    {
        auto *c = static_cast<Collector *>(self);
        c->records.append({c->line, c->fields});
        c->fields.clear();
    }
};

QStringList segments(const QString &path)
{
    return path.toLower().split(u'/', Qt::SkipEmptyParts);
}

} // namespace

SourceTable SourceTable::parse(const QByteArray &tsv)
{
    SourceTable table;
    csv_parser parser;
    csv_init(&parser, 0);
    const auto guard = std::unique_ptr<csv_parser, void (*)(csv_parser *)>(&parser, csv_free);
    csv_set_delim(&parser, '\t');
    csv_set_quote(&parser, '\0'); // a table of names: quotes have no meaning in it
    Collector collector;
    // A line at a time, so each record knows its line number.
    for (qsizetype at = 0; at < tsv.size();) {
        qsizetype end = tsv.indexOf('\n', at);
        end = end < 0 ? tsv.size() : end + 1;
        csv_parse(&parser, tsv.constData() + at, size_t(end - at), Collector::field, Collector::record, &collector);
        ++collector.line;
        at = end;
    }
    --collector.line;
    csv_fini(&parser, Collector::field, Collector::record, &collector);
    for (const auto &[line, fields] : std::as_const(collector.records))
        table.add(line, fields);
    return table;
}

void SourceTable::add(int line, const QStringList &fields)
{
    if (fields.isEmpty() || fields.front().trimmed().startsWith(u'#')
        || (fields.size() == 1 && fields.front().trimmed().isEmpty()))
        return;
    const auto problem = [&](const QString &what) { m_problems << u"line %1: %2"_s.arg(line).arg(what); };
    if (fields.size() != 2) {
        problem(u"expected a domain and a type separated by one tab, got %1 fields"_s.arg(fields.size()));
        return;
    }
    const QString key = fields[0].trimmed().toLower();
    const QString host = key.section(u'/', 0, 0);
    if (!isDomainName(host)) {
        problem(u"\"%1\" is not a domain name"_s.arg(host));
        return;
    }
    const auto type = sourceTypeFromName(fields[1].trimmed());
    if (!type || !isOverridable(*type)) {
        problem(u"unknown type \"%1\"; use one of %2"_s.arg(fields[1].trimmed(),
                                                            overridableSourceTypeNames().join(u", "_s)));
        return;
    }
    QList<Entry> &entries = m_byHost[host];
    const Entry entry{segments(key.section(u'/', 1)), *type};
    if (std::any_of(entries.cbegin(), entries.cend(), [&](const Entry &e) { return e.path == entry.path; })) {
        problem(u"\"%1\" is listed twice"_s.arg(key));
        return;
    }
    entries.append(entry);
    std::stable_sort(entries.begin(), entries.end(),
                     [](const Entry &a, const Entry &b) { return a.path.size() > b.path.size(); });
    ++m_size;
}

const SourceTable &SourceTable::builtIn()
{
    static const SourceTable table = [] {
        QFile file(u":/source-types.tsv"_s);
        SourceTable t = parse(file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray());
        // Tests read the shipped table whole (tst_sourcetypes); a broken line only loses its entry.
        for (const QString &p : t.problems())
            qWarning("resources/source-types.tsv: %s", qPrintable(p));
        return t;
    }();
    return table;
}

std::optional<SourceType> SourceTable::lookup(const QString &host, const QStringList &pathSegments) const
{
    // The host itself, then each parent domain: the most specific host with an entry decides.
    for (QString h = host.toLower(); h.contains(u'.'); h = h.section(u'.', 1)) {
        const auto it = m_byHost.constFind(h);
        if (it == m_byHost.cend())
            continue;
        for (const Entry &e : *it) {
            bool matches = e.path.size() <= pathSegments.size();
            for (qsizetype i = 0; matches && i < e.path.size(); ++i)
                matches = pathSegments[i].compare(e.path[i], Qt::CaseInsensitive) == 0;
            if (matches)
                return e.type;
        }
    }
    return std::nullopt;
}

} // namespace geo
