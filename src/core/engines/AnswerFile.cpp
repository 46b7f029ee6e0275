#include "AnswerFile.h"

#include "model/BoundedRead.h"
#include "model/PlainText.h"

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

// A JSON value's type, as a problem names what it found.
QString jsonType(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null:
        return u"null"_s;
    case QJsonValue::Bool:
        return u"a boolean"_s;
    case QJsonValue::Double:
        return u"a number"_s;
    case QJsonValue::String:
        return u"text"_s;
    case QJsonValue::Array:
        return u"a list"_s;
    case QJsonValue::Object:
        return u"an object"_s;
    case QJsonValue::Undefined:
        break;
    }
    return u"missing"_s;
}

} // namespace

namespace {

// libcsv's own words ("error parsing data while strict checking enabled") name no fix.
QString csvError(int error)
{
    switch (error) {
    case CSV_EPARSE:
        return u"a quote inside an unquoted field, or text after a closing quote"_s;
    case CSV_ETOOBIG:
        return u"a field too large"_s;
    default:
        return QString::fromLatin1(csv_strerror(error));
    }
}

} // namespace

AnswerFile AnswerFile::read(const QString &path)
{
    AnswerFile out;
    const QString suffix = QFileInfo(path).suffix().toLower();
    const bool csv = suffix == u"csv"_s;
    if (!csv && suffix != u"jsonl"_s && suffix != u"ndjson"_s && suffix != u"json"_s) {
        out.problems << u"not a .csv or .jsonl file; save the answers as CSV with a header row, or as JSON lines"_s;
        return out;
    }
    const BoundedRead read = BoundedRead::file(path, MaxFileBytes);
    if (read.status == BoundedRead::Status::Unreadable)
        out.problems << u"cannot read it (%1)"_s.arg(read.error);
    else if (read.status == BoundedRead::Status::TooLarge)
        out.problems << u"the file is over %1 MiB; split it"_s.arg(MaxFileBytes >> 20);
    else
        out = csv ? parseCsv(read.data) : parseJsonLines(read.data);
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
        if (csv_parse(&parser, data.constData() + at, length, CsvCollector::field, CsvCollector::record, &collector)
            != length) {
            out.problems << u"line %1: broken quoting (%2); quote the whole field and double the quotes inside it"_s
                                .arg(collector.fields.isEmpty() ? collector.line : collector.recordStart)
                                .arg(csvError(csv_error(&parser)));
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
        const auto value
            = [&](const QString &name) { return column.contains(name) ? fields[column[name]] : QString(); };
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
            out.problems
                << u"line %1: not a JSON object (%2); write one {\"prompt\", \"engine\", \"answer\"} object a line"_s
                       .arg(line)
                       .arg(error.error != QJsonParseError::NoError ? error.errorString()
                                                                    : u"a JSON value of another kind"_s);
            continue;
        }
        const QJsonObject o = doc.object();
        QStringList unknown;
        for (auto it = o.begin(); it != o.end(); ++it)
            if (!Columns.contains(it.key()))
                unknown << it.key();
        if (!unknown.isEmpty()) {
            out.problems << u"line %1: unknown key(s) %2; the keys are %3"_s.arg(line).arg(unknown.join(u", "_s),
                                                                                           Columns.join(u", "_s));
            continue;
        }
        // Each value of the wrong type is named with its key, what it is and what it should be.
        QStringList wrong;
        const auto text = [&](const QString &key, const QJsonValue &v) {
            if (!v.isUndefined() && !v.isString())
                wrong << u"%1 is %2; expected text"_s.arg(key, jsonType(v));
            return v.toString();
        };
        ImportedAnswer a;
        a.line = line;
        a.prompt = text(u"\"prompt\""_s, o.value(u"prompt"_s));
        a.engine = text(u"\"engine\""_s, o.value(u"engine"_s));
        a.answer = text(u"\"answer\""_s, o.value(u"answer"_s));
        a.model = text(u"\"model\""_s, o.value(u"model"_s));
        const QJsonValue sample = o.value(u"sample"_s);
        if (!sample.isUndefined() && !sample.isDouble())
            wrong << u"\"sample\" is %1; expected a whole number of 1 or more"_s.arg(jsonType(sample));
        const QJsonValue citations = o.value(u"citations"_s);
        if (!citations.isUndefined() && !citations.isArray())
            wrong << u"\"citations\" is %1; expected a list of addresses or {\"url\", \"title\"} objects"_s.arg(
                jsonType(citations));
        QStringList urls;
        const QJsonArray list = citations.toArray();
        for (qsizetype c = 0; c < list.size(); ++c) {
            const QString key = u"\"citations\"[%1]"_s.arg(c);
            if (list[c].isString())
                urls << list[c].toString();
            else if (list[c].isObject())
                a.citations.append(
                    {text(key + u".url"_s, list[c][u"url"_s]), text(key + u".title"_s, list[c][u"title"_s])});
            else
                wrong << u"%1 is %2; expected an address or a {\"url\", \"title\"} object"_s.arg(key,
                                                                                                 jsonType(list[c]));
        }
        for (const QString &w : std::as_const(wrong))
            out.problems << u"line %1: %2"_s.arg(line).arg(w);
        if (!wrong.isEmpty())
            continue;
        if (sample.isDouble() && (sample.toDouble() < 1 || sample.toDouble() != double(sample.toInt()))) {
            out.problems << u"line %1: sample is not a whole number of 1 or more"_s.arg(line);
            continue;
        }
        a.sample = sample.toInt(0);
        out.add(a, urls.join(u' '));
    }
    out.numberSamples();
    return out;
}

void AnswerFile::add(ImportedAnswer a, const QString &citations)
{
    static const QRegularExpression idPattern(u"^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$"_s);
    const auto problem = [&](const QString &what) { problems << u"line %1: %2"_s.arg(a.line).arg(what); };
    // Checked before any message quotes them.
    const auto plain = [&](const QString &column, const QString &text) {
        // A prompt's tabs and line breaks pass (they become spaces).
        const qsizetype at
            = controlCharacterAt(text, column == u"prompt"_s ? QStringView(u"\t\n\v\f\r") : QStringView());
        if (at >= 0)
            problem(u"%1 holds the control character U+%2 at character %3; remove it"_s.arg(
                column, QString::number(text[at].unicode(), 16).rightJustified(4, u'0').toUpper(),
                QString::number(at + 1)));
        return at < 0;
    };
    if (!plain(u"prompt"_s, a.prompt) || !plain(u"engine"_s, a.engine) || !plain(u"model"_s, a.model))
        return;
    a.prompt = a.prompt.simplified();
    a.engine = a.engine.trimmed();
    a.answer.remove(QChar(0)); // NUL bytes are not text
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
            problems << u"line %1: sample %2 of this prompt on engine %3 is already on line %4"_s.arg(a.line)
                            .arg(a.sample)
                            .arg(a.engine)
                            .arg(samples[a.sample]);
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
    std::sort(kept.begin(), kept.end(),
              [](const ImportedAnswer &x, const ImportedAnswer &y) { return x.line < y.line; });
    answers = kept;
}

} // namespace geo
