#include "AnswerFile.h"

#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QUrl>

#include <csv.h>

#include <memory>

namespace geo {

using namespace Qt::StringLiterals;

namespace {

const QStringList Columns{u"prompt"_s, u"engine"_s, u"answer"_s, u"sample"_s, u"model"_s, u"citations"_s};

// Collects libcsv's fields and records, remembering the line each record starts on.
struct CsvCollector
{
    int line = 1;
    int recordStart = 0;
    QStringList fields;
    QList<std::pair<int, QStringList>> records;

    static void field(void *text, size_t size, void *self)
    {
        auto *c = static_cast<CsvCollector *>(self);
        if (c->fields.isEmpty())
            c->recordStart = c->line;
        c->fields << QString::fromUtf8(static_cast<const char *>(text), qsizetype(size));
    }
    static void record(int, void *self)
    {
        auto *c = static_cast<CsvCollector *>(self);
        c->records.append({c->recordStart, c->fields});
        c->fields.clear();
    }
};

} // namespace

AnswerFile AnswerFile::read(const QString &path)
{
    AnswerFile out;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        out.problems << u"%1: cannot read it (%2)"_s.arg(path, file.errorString());
        return out;
    }
    if (file.size() > MaxFileBytes) {
        out.problems << u"%1: the file is over %2 MiB; split it"_s.arg(path).arg(MaxFileBytes >> 20);
        return out;
    }
    const QByteArray data = file.readAll();
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == u"csv"_s)
        return parseCsv(data);
    if (suffix == u"jsonl"_s || suffix == u"ndjson"_s || suffix == u"json"_s)
        return parseJsonLines(data);
    out.problems << u"%1: not a .csv or .jsonl file; save the answers as CSV with a header row, or as JSON lines"_s.arg(path);
    return out;
}

AnswerFile AnswerFile::parseCsv(const QByteArray &data)
{
    AnswerFile out;
    CsvCollector collector;
    csv_parser parser;
    const unsigned char options = CSV_STRICT | CSV_STRICT_FINI;
    csv_init(&parser, options);
    const auto parserGuard = std::unique_ptr<csv_parser, void (*)(csv_parser *)>(&parser, csv_free);
    // Feed a line at a time so every record knows its line, and a broken line can be
    // reported and skipped without losing the rest of the file.
    qsizetype at = 0;
    while (at < data.size()) {
        qsizetype end = data.indexOf('\n', at);
        end = end < 0 ? data.size() : end + 1;
        const size_t length = size_t(end - at);
        if (csv_parse(&parser, data.constData() + at, length, CsvCollector::field, CsvCollector::record, &collector) != length) {
            out.problems << u"line %1: broken quoting (%2); quote the whole field and double the quotes inside it"_s.arg(
                collector.fields.isEmpty() ? collector.line : collector.recordStart)
                                .arg(QString::fromLatin1(csv_strerror(csv_error(&parser))));
            csv_free(&parser);
            csv_init(&parser, options);
            collector.fields.clear();
        }
        collector.line += int(std::count(data.constData() + at, data.constData() + end, '\n'));
        at = end;
    }
    if (csv_fini(&parser, CsvCollector::field, CsvCollector::record, &collector) != 0)
        out.problems << u"line %1: a quoted field is never closed; close its quote"_s.arg(collector.recordStart);

    if (collector.records.isEmpty()) {
        out.problems << u"the file is empty; it needs a header row naming prompt, engine and answer"_s;
        return out;
    }
    const QStringList header = collector.records.front().second;
    QHash<QString, int> column;
    for (int i = 0; i < header.size(); ++i)
        column.insert(header[i].trimmed().toLower(), i);
    QStringList missing;
    for (const QString &required : {u"prompt"_s, u"engine"_s, u"answer"_s})
        if (!column.contains(required))
            missing << required;
    if (!missing.isEmpty()) {
        out.problems << u"line 1: the header has no %1 column (it has: %2); name the columns prompt, engine, answer "
                        "and optionally sample, model, citations"_s.arg(missing.join(u", "_s), header.join(u", "_s));
        return out;
    }
    for (qsizetype r = 1; r < collector.records.size(); ++r) {
        const auto &[line, fields] = collector.records[r];
        if (fields.size() != header.size()) {
            out.problems << u"line %1: %2 fields where the header has %3; quote fields that contain commas"_s.arg(line)
                                .arg(fields.size())
                                .arg(header.size());
            continue;
        }
        const auto value = [&](const QString &name) { return column.contains(name) ? fields[column[name]] : QString(); };
        ImportedAnswer a;
        a.line = line;
        a.prompt = value(u"prompt"_s);
        a.engine = value(u"engine"_s);
        a.answer = value(u"answer"_s);
        a.model = value(u"model"_s);
        const QString sample = value(u"sample"_s).trimmed();
        bool isNumber = true;
        a.sample = sample.isEmpty() ? 0 : sample.toInt(&isNumber);
        if (!isNumber || a.sample < 0) {
            out.problems << u"line %1: sample \"%2\" is not a whole number of 1 or more"_s.arg(line).arg(sample);
            continue;
        }
        out.add(a, value(u"citations"_s));
    }
    out.numberSamples();
    return out;
}

AnswerFile AnswerFile::parseJsonLines(const QByteArray &data)
{
    AnswerFile out;
    const QList<QByteArray> lines = data.split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const int line = int(i + 1);
        if (lines[i].trimmed().isEmpty())
            continue;
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(lines[i], &error);
        if (error.error != QJsonParseError::NoError || !doc.isObject()) {
            out.problems << u"line %1: not a JSON object (%2); write one {\"prompt\", \"engine\", \"answer\"} object a line"_s.arg(line).arg(
                error.error != QJsonParseError::NoError ? error.errorString() : u"a JSON value of another kind"_s);
            continue;
        }
        const QJsonObject o = doc.object();
        QStringList unknown;
        for (auto it = o.begin(); it != o.end(); ++it)
            if (!Columns.contains(it.key()))
                unknown << it.key();
        if (!unknown.isEmpty()) {
            out.problems << u"line %1: unknown key(s) %2; the keys are %3"_s.arg(line).arg(unknown.join(u", "_s), Columns.join(u", "_s));
            continue;
        }
        const QJsonValue sample = o.value(u"sample"_s);
        if (!sample.isUndefined() && (!sample.isDouble() || sample.toDouble() < 1 || sample.toDouble() != double(sample.toInt()))) {
            out.problems << u"line %1: sample is not a whole number of 1 or more"_s.arg(line);
            continue;
        }
        ImportedAnswer a;
        a.line = line;
        a.prompt = o.value(u"prompt"_s).toString();
        a.engine = o.value(u"engine"_s).toString();
        a.answer = o.value(u"answer"_s).toString();
        a.model = o.value(u"model"_s).toString();
        a.sample = sample.toInt(0);
        QStringList urls;
        for (const QJsonValue &c : o.value(u"citations"_s).toArray()) {
            if (c.isObject())
                a.citations.append({c[u"url"_s].toString(), c[u"title"_s].toString()});
            else
                urls << c.toString();
        }
        out.add(a, urls.join(u' '));
    }
    out.numberSamples();
    return out;
}

void AnswerFile::add(ImportedAnswer a, const QString &citations)
{
    static const QRegularExpression idPattern(u"^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$"_s);
    a.prompt = a.prompt.simplified();
    a.engine = a.engine.trimmed();
    a.answer.remove(QChar(0)); // NUL bytes are not text
    const auto problem = [&](const QString &what) { problems << u"line %1: %2"_s.arg(a.line).arg(what); };
    if (a.prompt.isEmpty())
        return problem(u"the prompt is empty"_s);
    if (!idPattern.match(a.engine).hasMatch())
        return problem(u"engine \"%1\" is not a usable name; use up to 40 letters, digits, \"-\", \"_\" or \".\", "
                       "such as chatgpt-app"_s.arg(a.engine.left(60)));
    if (a.answer.trimmed().isEmpty())
        return problem(u"the answer is empty"_s);
    if (a.answer.size() > MaxAnswerChars)
        return problem(u"the answer is over %1 MiB of text"_s.arg(MaxAnswerChars >> 20));
    for (const QString &url : citations.split(QRegularExpression(u"[\\s;]+"_s), Qt::SkipEmptyParts))
        a.citations.append({url, {}});
    for (const Citation &c : std::as_const(a.citations)) {
        const QUrl url(c.url, QUrl::StrictMode);
        if (!url.isValid() || (url.scheme() != u"http"_s && url.scheme() != u"https"_s) || url.host().isEmpty())
            return problem(u"citation \"%1\" is not an http(s) address"_s.arg(c.url.left(100)));
    }
    answers.append(a);
}

void AnswerFile::numberSamples()
{
    // Given samples first, then the rows without one take the next free number.
    QHash<QString, QHash<int, int>> taken; // prompt+engine -> sample -> line
    QList<ImportedAnswer> kept;
    const auto key = [](const ImportedAnswer &a) { return a.prompt + u'\x1f' + a.engine; };
    for (const ImportedAnswer &a : std::as_const(answers)) {
        if (a.sample == 0)
            continue;
        auto &samples = taken[key(a)];
        if (samples.contains(a.sample)) {
            problems << u"line %1: sample %2 of this prompt on engine %3 is already on line %4"_s.arg(a.line).arg(a.sample).arg(a.engine).arg(samples[a.sample]);
            continue;
        }
        samples.insert(a.sample, a.line);
    }
    for (ImportedAnswer a : std::as_const(answers)) {
        auto &samples = taken[key(a)];
        if (a.sample == 0) {
            a.sample = 1;
            while (samples.contains(a.sample))
                ++a.sample;
            samples.insert(a.sample, a.line);
        } else if (samples.value(a.sample) != a.line) {
            continue; // the duplicate reported above
        }
        kept.append(a);
    }
    std::sort(kept.begin(), kept.end(), [](const ImportedAnswer &x, const ImportedAnswer &y) { return x.line < y.line; });
    answers = kept;
}

} // namespace geo
