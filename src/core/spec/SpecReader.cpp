#include "SpecReader.h"

#include "analysis/CaseMatching.h"
#include "model/BoundedRead.h"
#include "model/PlainText.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <cmath>

namespace geo {

using namespace Qt::StringLiterals;

namespace {

QString typeName(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null:
        return u"null"_s;
    case QJsonValue::Bool:
        return v.toBool() ? u"true"_s : u"false"_s;
    case QJsonValue::Double:
        return QString::number(v.toDouble());
    case QJsonValue::String:
        return u"\"%1\""_s.arg(v.toString().left(60));
    case QJsonValue::Array:
        return u"a list"_s;
    case QJsonValue::Object:
        return u"an object"_s;
    case QJsonValue::Undefined:
        break;
    }
    return u"nothing"_s;
}

int editDistance(const QString &a, const QString &b)
{
    QList<int> row(b.size() + 1);
    for (int j = 0; j <= b.size(); ++j)
        row[j] = j;
    for (int i = 1; i <= a.size(); ++i) {
        int diagonal = row[0];
        row[0] = i;
        for (int j = 1; j <= b.size(); ++j) {
            const int above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

QString lineAndColumn(const QByteArray &text, int offset)
{
    offset = std::min(offset, int(text.size())); // past the end when the text ends too soon
    const QByteArray before = text.left(offset);
    const int line = before.count('\n') + 1;
    const int column = offset - (before.lastIndexOf('\n') + 1) + 1;
    return u"line %1, column %2"_s.arg(line).arg(column);
}

// Walks the JSON once, collecting every problem with its path.
class Checker
{
public:
    explicit Checker(QString baseDir) : m_baseDir(std::move(baseDir)) { }

    QStringList problems;
    QStringList warnings;

    void problem(const QString &path, const QString &message)
    {
        problems << visible(path.isEmpty() ? message : path + u": "_s + message);
    }

    // A problem may quote a key or value holding a control character; shown raw, a NUL
    // would cut the line where it is printed. They are shown as JSON writes them.
    static QString visible(QString text)
    {
        for (qsizetype i = text.size() - 1; i >= 0; --i)
            if (text[i].unicode() < 0x20)
                text.replace(i, 1, u"\\u"_s + QString::number(text[i].unicode(), 16).rightJustified(4, u'0'));
        return text;
    }

    // NUL and the other C0 control characters are not text: a name stored with a NUL is cut
    // short wherever it is shown. A prompt may span lines, so tabs and line feeds pass there.
    bool plainText(const QString &path, const QString &raw, bool multiLine)
    {
        const qsizetype i = controlCharacterAt(raw, multiLine ? QStringView(u"\t\n") : QStringView());
        if (i < 0)
            return true;
        const QString code = QString::number(raw[i].unicode(), 16).rightJustified(4, u'0').toUpper();
        const QString allowed = multiLine ? u"a prompt may hold tabs and line feeds, no other control characters"_s
                                          : u"this is one line of plain text"_s;
        problem(path,
                u"holds the control character U+%1 at character %2; remove it (%3)"_s.arg(code, QString::number(i + 1),
                                                                                          allowed));
        return false;
    }

    static QString join(const QString &path, const QString &key) { return path.isEmpty() ? key : path + u'.' + key; }

    // The analyst's source types: a host name each, and one of the overridable type names.
    SourceTypeOverrides sourceTypes(const QJsonObject &o)
    {
        SourceTypeOverrides out;
        const QString allowed = overridableSourceTypeNames().join(u", "_s);
        for (auto it = o.begin(); it != o.end(); ++it) {
            const QString path = u"source_types[\"%1\"]"_s.arg(it.key());
            const QString host = it.key().trimmed().toLower();
            if (!isDomainName(host)) {
                problem(path, u"\"%1\" is not a domain name; write a host such as \"example.com\""_s.arg(it.key()));
                continue;
            }
            const auto type = sourceTypeFromName(it.value().toString());
            if (!it.value().isString() || !type) {
                problem(path, u"unknown source type %1; use one of %2"_s.arg(typeName(it.value()), allowed));
                continue;
            }
            if (!isOverridable(*type)) {
                problem(
                    path,
                    u"\"%1\" comes from the brands' domains; add the domain to the brand's \"domains\" instead, or use "
                    "one of %2"_s.arg(it.value().toString(), allowed));
                continue;
            }
            out.insert(host, *type);
        }
        return out;
    }

    void onlyKeys(const QJsonObject &o, const QString &path, const QStringList &known)
    {
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (known.contains(it.key()))
                continue;
            if (it.key() == u"api_key"_s) {
                problem(join(path, it.key()),
                        u"API keys are never written in a spec; put the key in an environment "
                        "variable (or the keychain in the app) and name the variable in \"api_key_env\""_s);
                continue;
            }
            QString hint;
            for (const auto &k : known)
                if (editDistance(it.key(), k) <= 2)
                    hint = u"; did you mean \"%1\"?"_s.arg(k);
            if (hint.isEmpty())
                hint = u"; remove it (known keys: %1)"_s.arg(known.join(u", "_s));
            problem(join(path, it.key()), u"unknown key"_s + hint);
        }
    }

    QString string(const QJsonObject &o, const QString &path, const QString &key, bool required, const QString &what)
    {
        const QJsonValue v = o.value(key);
        const QString p = join(path, key);
        if (v.isUndefined() || v.isNull()) {
            if (required)
                problem(p, u"missing; give %1"_s.arg(what));
            return {};
        }
        if (!v.isString()) {
            problem(p, u"expected text (%1), got %2"_s.arg(what, typeName(v)));
            return {};
        }
        if (!plainText(p, v.toString(), false))
            return {};
        const QString s = v.toString().trimmed();
        if (s.isEmpty() && required)
            problem(p, u"is empty; give %1"_s.arg(what));
        return s;
    }

    QStringList strings(const QJsonObject &o, const QString &path, const QString &key, const QString &what,
                        bool multiLine = false)
    {
        const QJsonValue v = o.value(key);
        const QString p = join(path, key);
        QStringList out;
        if (v.isUndefined() || v.isNull())
            return out;
        if (!v.isArray()) {
            problem(p, u"expected a list of %1, got %2"_s.arg(what, typeName(v)));
            return out;
        }
        const QJsonArray a = v.toArray();
        for (qsizetype i = 0; i < a.size(); ++i) {
            const QString ip = u"%1[%2]"_s.arg(p).arg(i);
            if (!a[i].isString()) {
                problem(ip, u"expected text (%1), got %2"_s.arg(what, typeName(a[i])));
                continue;
            }
            const QString text = a[i].toString();
            if (!plainText(ip, text, multiLine))
                continue;
            if (text.trimmed().isEmpty())
                problem(ip, u"is empty; remove it or write %1"_s.arg(what));
            else
                out << text.trimmed();
        }
        return out;
    }

    int integer(const QJsonObject &o, const QString &path, const QString &key, int fallback, int min, int max)
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined())
            return fallback;
        const double d = v.toDouble(std::nan(""));
        if (!v.isDouble() || d != std::floor(d) || d < min || d > max) {
            problem(join(path, key),
                    u"expected a whole number from %1 to %2, got %3"_s.arg(min).arg(max).arg(typeName(v)));
            return fallback;
        }
        return int(d);
    }

    double number(const QJsonObject &o, const QString &path, const QString &key, double fallback, double min,
                  double max, const QString &what)
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined())
            return fallback;
        if (!v.isDouble() || v.toDouble() < min || v.toDouble() > max) {
            problem(join(path, key), u"expected %1, got %2"_s.arg(what, typeName(v)));
            return fallback;
        }
        return v.toDouble();
    }

    bool boolean(const QJsonObject &o, const QString &path, const QString &key, bool fallback)
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined())
            return fallback;
        if (!v.isBool()) {
            problem(join(path, key), u"expected true or false, got %1"_s.arg(typeName(v)));
            return fallback;
        }
        return v.toBool();
    }

    QJsonObject object(const QJsonObject &o, const QString &path, const QString &key, bool required,
                       const QString &what)
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined() && !required)
            return {};
        if (!v.isObject()) {
            problem(join(path, key),
                    v.isUndefined() ? u"missing; give %1"_s.arg(what)
                                    : u"expected an object (%1), got %2"_s.arg(what, typeName(v)));
            return {};
        }
        return v.toObject();
    }

    BrandSpec brand(const QJsonObject &o, const QString &path)
    {
        onlyKeys(o, path, {u"name"_s, u"aliases"_s, u"domains"_s, u"match_case"_s});
        BrandSpec b;
        b.name = string(o, path, u"name"_s, true, u"the brand's name as people write it"_s);
        b.aliases = strings(o, path, u"aliases"_s, u"other names of the brand"_s);
        if (o.contains(u"match_case"_s))
            b.matchCase = boolean(o, path, u"match_case"_s, false);
        caseWarnings(b, path);
        const QStringList domains = strings(o, path, u"domains"_s, u"domain names such as \"example.com\""_s);
        for (qsizetype i = 0; i < domains.size(); ++i) {
            if (isDomainName(domains[i]))
                b.domains << domains[i].toLower();
            else
                problem(u"%1.domains[%2]"_s.arg(path).arg(i),
                        u"\"%1\" is not a domain name; write a host name such as \"example.com\", "
                        "without \"https://\" or a path"_s.arg(domains[i]));
        }
        return b;
    }

    // A name matched only as written because it is an ordinary word: no error, as the spec
    // is right, but the analyst should know that "ring" will not count.
    void caseWarnings(const BrandSpec &b, const QString &path)
    {
        const QStringList ordinary = CaseMatching::ordinaryWordNames(b);
        const QStringList names = b.names();
        for (qsizetype i = 0; i < names.size(); ++i) {
            if (!ordinary.contains(names[i].simplified()))
                continue;
            const QString name = names[i].simplified();
            warnings << visible(
                u"%1: \"%2\" is also an ordinary word, so only \"%2\" and \"%3\" count as mentions, not \"%4\"; "
                "set \"match_case\": false to count it in any case, or true to keep this without a warning"_s.arg(
                    i == 0 ? join(path, u"name"_s) : u"%1.aliases[%2]"_s.arg(path).arg(i - 1), name, name.toUpper(),
                    name.toLower()));
        }
    }

    QString existingPath(const QString &path, const QString &name, bool directory)
    {
        const QString resolved = QDir::isAbsolutePath(name) ? name : QDir(m_baseDir).filePath(name);
        const QFileInfo info(resolved);
        if (!info.exists() || info.isDir() != directory) {
            problem(path,
                    u"\"%1\" not found (looked for %2 %3); give a path relative to the spec's folder"_s.arg(
                        name, directory ? u"the folder"_s : u"the file"_s, resolved));
            return name;
        }
        return resolved;
    }

    EngineSpec engine(const QJsonObject &o, const QString &path)
    {
        const QStringList &kinds = SpecReader::engineKinds();
        static const QRegularExpression idPattern(u"^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$"_s);
        static const QRegularExpression envPattern(u"^[A-Za-z_][A-Za-z0-9_]*$"_s);
        onlyKeys(o, path,
                 {u"id"_s, u"kind"_s, u"model"_s, u"base_url"_s, u"api_key_env"_s, u"concurrency"_s, u"rpm"_s, u"tpm"_s,
                  u"timeout_ms"_s, u"web_search"_s, u"file"_s, u"speed"_s, u"price"_s});
        EngineSpec e;
        e.id = string(o, path, u"id"_s, true, u"a short name for the engine such as \"gpt\""_s);
        if (!e.id.isEmpty() && !idPattern.match(e.id).hasMatch())
            problem(join(path, u"id"_s),
                    u"\"%1\" is not a usable id; use up to 40 letters, digits, "
                    "\"-\", \"_\" or \".\""_s.arg(e.id));
        e.kind = string(o, path, u"kind"_s, true, u"one of %1"_s.arg(kinds.join(u", "_s)));
        if (!e.kind.isEmpty() && !kinds.contains(e.kind))
            problem(join(path, u"kind"_s),
                    u"\"%1\" is not an engine kind; use one of %2"_s.arg(e.kind, kinds.join(u", "_s)));
        const bool recorded = e.kind == u"recorded"_s;
        const bool asksNothing = recorded || e.kind == u"imported"_s;
        e.model = string(o, path, u"model"_s, !asksNothing, u"the model to ask, such as \"gpt-4o-mini\""_s);
        const QString url = string(o, path, u"base_url"_s, false, u"the API's address"_s);
        if (!url.isEmpty()) {
            e.baseUrl = QUrl(url, QUrl::StrictMode);
            if (!e.baseUrl.isValid() || (e.baseUrl.scheme() != u"https"_s && e.baseUrl.scheme() != u"http"_s)
                || e.baseUrl.host().isEmpty())
                problem(join(path, u"base_url"_s),
                        u"\"%1\" is not an http(s) address; write it like \"https://api.openai.com/v1\""_s.arg(url));
            // The spec is stored with the audit and shown; a password or key has no place in it.
            else if (!e.baseUrl.userInfo().isEmpty())
                problem(join(path, u"base_url"_s),
                        u"holds a user name or password; remove it, and give the key's variable in \"api_key_env\""_s);
        } else if (e.kind == u"openai"_s) {
            e.baseUrl = QUrl(u"https://api.openai.com/v1"_s);
        } else if (e.kind == u"anthropic"_s) {
            e.baseUrl = QUrl(u"https://api.anthropic.com/v1"_s);
        } else if (e.kind == u"gemini"_s) {
            e.baseUrl = QUrl(u"https://generativelanguage.googleapis.com/v1beta"_s);
        }
        e.apiKeyEnv = string(o, path, u"api_key_env"_s, false, u"the environment variable holding the key"_s);
        if (!e.apiKeyEnv.isEmpty() && !envPattern.match(e.apiKeyEnv).hasMatch())
            // Not repeated: what is pasted here by mistake is often the key itself.
            problem(join(path, u"api_key_env"_s),
                    u"not an environment variable name: give the name of the variable that holds the key, in "
                    "letters, digits and \"_\" such as \"OPENAI_API_KEY\", not the key itself"_s);
        e.concurrency = integer(o, path, u"concurrency"_s, 10, 1, 100);
        e.rpm = integer(o, path, u"rpm"_s, 0, 0, 1000000);
        e.tpm = integer(o, path, u"tpm"_s, 0, 0, 1000000000);
        e.timeoutMs = integer(o, path, u"timeout_ms"_s, 60000, 1000, 600000);
        e.webSearch = boolean(o, path, u"web_search"_s, false);
        e.speed = number(o, path, u"speed"_s, 0.0, 0.0, 1e6, u"a replay speed-up of 0 (at once) or more"_s);
        if (o.contains(u"price"_s)) {
            const QString pricePath = join(path, u"price"_s);
            const QJsonObject price
                = object(o, path, u"price"_s, true, u"{\"input\": USD, \"output\": USD} per million tokens"_s);
            onlyKeys(price, pricePath, {u"input"_s, u"output"_s});
            const QString what = u"USD per million tokens, 0 or more"_s;
            e.price = Price{number(price, pricePath, u"input"_s, 0.0, 0.0, 1e6, what),
                            number(price, pricePath, u"output"_s, 0.0, 0.0, 1e6, what)};
            if (!price.contains(u"input"_s) || !price.contains(u"output"_s))
                problem(pricePath, u"give both \"input\" and \"output\" prices per million tokens"_s);
        }
        const QString file = string(o, path, u"file"_s, recorded, u"the JSONL file of recorded answers"_s);
        if (!file.isEmpty())
            e.file = existingPath(join(path, u"file"_s), file, false);
        if (!recorded && (o.contains(u"file"_s) || o.contains(u"speed"_s)))
            problem(join(path, o.contains(u"file"_s) ? u"file"_s : u"speed"_s),
                    u"only a \"recorded\" engine replays a file; remove it or set \"kind\": \"recorded\""_s);
        return e;
    }

private:
    QString m_baseDir;
};

} // namespace

const QStringList &SpecReader::engineKinds()
{
    static const QStringList kinds{u"openai"_s, u"anthropic"_s, u"gemini"_s, u"recorded"_s, u"imported"_s};
    return kinds;
}

SpecReader::Outcome SpecReader::parse(const QByteArray &json, const QString &baseDir)
{
    Outcome out;
    if (json.size() > MaxSpecBytes) {
        out.problems << u"the spec is %1 MiB; a spec is at most %2 MiB of JSON, so check that this is the right file"_s
                            .arg(double(json.size()) / (1024 * 1024), 0, 'f', 1)
                            .arg(MaxSpecBytes / (1024 * 1024));
        return out;
    }
    if (json.trimmed().isEmpty()) {
        out.problems << u"the spec is empty; write the audit as a JSON object (docs/spec-format.md)"_s;
        return out;
    }
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError) {
        out.problems << u"%1: the JSON is malformed (%2); fix the syntax there"_s.arg(lineAndColumn(json, error.offset),
                                                                                      error.errorString());
        return out;
    }
    if (!doc.isObject()) {
        out.problems << u"the spec must be a JSON object such as {\"name\": ..., \"brand\": ...}"_s;
        return out;
    }
    const QJsonObject root = doc.object();
    Checker c(baseDir);
    AuditSpec spec;
    c.onlyKeys(root, {},
               {u"name"_s, u"brand"_s, u"competitors"_s, u"topics"_s, u"templates"_s, u"prompts"_s, u"samples"_s,
                u"engines"_s, u"analysis"_s, u"scoring"_s, u"budget_usd"_s, u"sample_data"_s, u"source_types"_s});
    spec.name = c.string(root, {}, u"name"_s, true, u"a name for the audit such as \"Acme CRM audit\""_s);
    spec.brand = c.brand(c.object(root, {}, u"brand"_s, true, u"the audited brand: {\"name\": ...}"_s), u"brand"_s);

    const QJsonValue competitors = root.value(u"competitors"_s);
    if (!competitors.isUndefined() && !competitors.isArray())
        c.problem(u"competitors"_s, u"expected a list of brands, got %1"_s.arg(typeName(competitors)));
    const QJsonArray competitorArray = competitors.toArray();
    for (qsizetype i = 0; i < competitorArray.size(); ++i) {
        const QString path = u"competitors[%1]"_s.arg(i);
        if (!competitorArray[i].isObject())
            c.problem(path,
                      u"expected a brand {\"name\": ..., \"aliases\": [], \"domains\": []}, got %1"_s.arg(
                          typeName(competitorArray[i])));
        else
            spec.competitors << c.brand(competitorArray[i].toObject(), path);
    }
    QSet<QString> seenNames;
    const QList<BrandSpec> tracked = spec.trackedBrands();
    for (qsizetype i = 0; i < tracked.size(); ++i) {
        for (const QString &n : tracked[i].names()) {
            if (n.isEmpty())
                continue;
            if (seenNames.contains(n.toCaseFolded()))
                c.problem(i == 0 ? u"brand"_s : u"competitors[%1]"_s.arg(i - 1),
                          u"the name \"%1\" is given twice; each name or alias belongs to one brand"_s.arg(n));
            seenNames.insert(n.toCaseFolded());
        }
    }

    spec.topics = c.strings(root, {}, u"topics"_s, u"topics such as \"CRM for small business\""_s);
    spec.templates = c.boolean(root, {}, u"templates"_s, true);
    const qsizetype problemsBefore = c.problems.size();
    spec.prompts = c.strings(root, {}, u"prompts"_s, u"questions to ask the engines"_s, true);
    // Prompts refused one by one are problems enough; "no prompts" would say it twice.
    if (spec.prompts.isEmpty() && c.problems.size() == problemsBefore && !(spec.templates && !spec.topics.isEmpty()))
        c.problem(u"prompts"_s,
                  u"no prompts to ask; add prompts, or set \"templates\": true and give at least one topic"_s);
    spec.samples = c.integer(root, {}, u"samples"_s, 1, 1, 100);

    const QJsonValue engines = root.value(u"engines"_s);
    if (!engines.isArray() || engines.toArray().isEmpty())
        c.problem(u"engines"_s,
                  engines.isUndefined() || engines.isArray()
                      ? u"%1; give at least one engine such as {\"id\": \"gpt\", \"kind\": \"openai\", \"model\": "
                        "\"gpt-4o-mini\"}"_s.arg(engines.isUndefined() ? u"missing"_s : u"none given"_s)
                      : u"expected a non-empty list of engines, got %1"_s.arg(typeName(engines)));
    const QJsonArray engineArray = engines.toArray();
    QSet<QString> ids;
    for (qsizetype i = 0; i < engineArray.size(); ++i) {
        const QString path = u"engines[%1]"_s.arg(i);
        if (!engineArray[i].isObject()) {
            c.problem(path, u"expected an engine object, got %1"_s.arg(typeName(engineArray[i])));
            continue;
        }
        EngineSpec e = c.engine(engineArray[i].toObject(), path);
        if (!e.id.isEmpty() && ids.contains(e.id))
            c.problem(path + u".id"_s, u"\"%1\" is used by another engine; give each engine its own id"_s.arg(e.id));
        ids.insert(e.id);
        spec.engines << e;
    }

    const QJsonObject analysis = c.object(root, {}, u"analysis"_s, false, u"analysis settings"_s);
    c.onlyKeys(analysis, u"analysis"_s, {u"threads"_s, u"inspect_sites"_s, u"recorded_sites"_s});
    spec.analysis.threads = c.integer(analysis, u"analysis"_s, u"threads"_s, 10, 1, 64);
    spec.analysis.inspectSites = c.boolean(analysis, u"analysis"_s, u"inspect_sites"_s, true);
    const QString sites
        = c.string(analysis, u"analysis"_s, u"recorded_sites"_s, false, u"a folder of recorded sites"_s);
    if (!sites.isEmpty())
        spec.analysis.recordedSites = c.existingPath(u"analysis.recorded_sites"_s, sites, true);
    const QJsonObject scoring = c.object(root, {}, u"scoring"_s, false, u"scoring settings"_s);
    c.onlyKeys(scoring, u"scoring"_s, {u"weights"_s});
    const QJsonObject weights
        = c.object(scoring, u"scoring"_s, u"weights"_s, false, u"the visibility score's weights"_s);
    QStringList weightKeys;
    for (const auto &[key, weight] : ScoreWeights::keys())
        weightKeys << key;
    c.onlyKeys(weights, u"scoring.weights"_s, weightKeys);
    for (const auto &[key, weight] : ScoreWeights::keys())
        spec.weights.*weight
            = c.number(weights, u"scoring.weights"_s, key, spec.weights.*weight, 0.0, 1.0, u"a weight from 0 to 1"_s);
    // The score is read as 0..100, which holds only when the weights add up to 1.
    if (const double sum
        = spec.weights.visibility + spec.weights.shareOfVoice + spec.weights.top3Rate + spec.weights.sentiment;
        std::abs(sum - 1.0) > 1e-6)
        c.problem(u"scoring.weights"_s, u"the weights add up to %1; make them add up to 1"_s.arg(sum));
    spec.budgetUsd = c.number(root, {}, u"budget_usd"_s, 0.0, 0.0, 1e9, u"an amount in US dollars, 0 or more"_s);
    spec.sampleData = c.boolean(root, {}, u"sample_data"_s, false);
    spec.sourceTypes = c.sourceTypes(c.object(root, {}, u"source_types"_s, false,
                                              u"the type of each domain, such as {\"example.com\": \"review\"}"_s));

    out.problems = c.problems;
    out.warnings = c.warnings;
    if (out.problems.isEmpty())
        out.spec = spec;
    return out;
}

SpecReader::Outcome SpecReader::readFile(const QString &path)
{
    const BoundedRead read = BoundedRead::file(path, MaxSpecBytes);
    if (read.status == BoundedRead::Status::Read)
        return parse(read.data, QFileInfo(path).absolutePath());
    Outcome out;
    if (read.status == BoundedRead::Status::Unreadable)
        out.problems << u"%1: cannot read the spec (%2); check the path"_s.arg(path, read.error);
    else
        out.problems << u"%1: the file is over %2 MiB; a spec is at most %2 MiB of JSON, so check that this is the "
                        "right file"_s.arg(path, QString::number(MaxSpecBytes >> 20));
    return out;
}

} // namespace geo
