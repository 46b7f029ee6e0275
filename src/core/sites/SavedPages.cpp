#include "SavedPages.h"

#include "AnswerHtml.h"
#include "HtmlCharset.h"
#include "model/BoundedRead.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <variant>

namespace geo {

using namespace Qt::StringLiterals;

namespace {

// The page's bytes as UTF-8: a BOM first, then UTF-8 itself, else the Windows code page
// browsers assume for pages that do not say.
QByteArray asUtf8(const QByteArray &bytes)
{
    const QByteArray text = htmlfacts::withoutBom(bytes);
    if (htmlfacts::isValidUtf8(text))
        return text;
    return htmlfacts::decodedAsUtf8(text, "windows-1252").value_or(text);
}

// The prompt, engine and the rest of one page, as a JSON line for AnswerFile to check; or
// the problem with its page.
std::variant<QJsonObject, QString> pageAnswer(const QFileInfo &page)
{
    QJsonObject o;
    const QString sidecar = page.absolutePath() + u'/' + page.completeBaseName() + u".json"_s;
    if (QFileInfo::exists(sidecar)) {
        const BoundedRead read = BoundedRead::file(sidecar, 64 * 1024);
        if (read.status != BoundedRead::Status::Read)
            return u"cannot read its sidecar %1"_s.arg(QFileInfo(sidecar).fileName());
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(read.data, &error);
        if (!doc.isObject())
            return u"its sidecar %1 is not a JSON object (%2); write {\"prompt\": \"…\", \"engine\": \"…\"}"_s.arg(
                QFileInfo(sidecar).fileName(),
                error.error != QJsonParseError::NoError ? error.errorString() : u"a JSON value of another kind"_s);
        o = doc.object();
        for (const QString &key : o.keys())
            if (key != u"prompt"_s && key != u"engine"_s && key != u"sample"_s && key != u"model"_s)
                return u"its sidecar has the unknown key \"%1\"; the keys are prompt, engine, sample, model"_s.arg(key);
    } else {
        const QStringList parts = page.completeBaseName().split(u"__"_s);
        if (parts.size() < 2 || parts.size() > 3)
            return u"no sidecar %1 and a name not of the form ENGINE__PROMPT.html; add the sidecar with the prompt "
                   "and engine, or rename the page"_s.arg(QFileInfo(sidecar).fileName());
        o.insert(u"engine"_s, parts[0]);
        o.insert(u"prompt"_s, QString(parts[1]).replace(u'_', u' '));
        if (parts.size() == 3) {
            bool isNumber = false;
            const int sample = parts[2].toInt(&isNumber);
            if (!isNumber)
                return u"\"%1\" after the prompt in its name is not a sample number"_s.arg(parts[2]);
            o.insert(u"sample"_s, sample);
        }
    }
    const BoundedRead read = BoundedRead::file(page.filePath(), AnswerFile::MaxFileBytes);
    if (read.status == BoundedRead::Status::Unreadable)
        return u"cannot read it (%1)"_s.arg(read.error);
    if (read.status == BoundedRead::Status::TooLarge)
        return u"the page is over %1 MiB"_s.arg(AnswerFile::MaxFileBytes >> 20);
    const AnswerHtml answer = AnswerHtml::fromHtml(asUtf8(read.data));
    o.insert(u"answer"_s, answer.markdown);
    QJsonArray citations;
    for (const Citation &c : answer.citations)
        citations.append(QJsonObject{{u"url"_s, c.url}, {u"title"_s, c.title}});
    o.insert(u"citations"_s, citations);
    return o;
}

} // namespace

bool SavedPages::isPage(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    return suffix == u"html"_s || suffix == u"htm"_s;
}

AnswerFile SavedPages::read(const QString &path)
{
    const QFileInfo info(path);
    QFileInfoList pages;
    if (info.isDir()) {
        pages = QDir(path).entryInfoList({u"*.html"_s, u"*.htm"_s, u"*.HTML"_s, u"*.HTM"_s},
                                         QDir::Files | QDir::Readable, QDir::Name);
        if (pages.isEmpty()) {
            AnswerFile out;
            out.problems << u"the folder holds no .html page; save each answer's page there as .html"_s;
            return out;
        }
        if (pages.size() > MaxPages) {
            AnswerFile out;
            out.problems << u"the folder holds over %1 pages; split it"_s.arg(MaxPages);
            return out;
        }
    } else if (isPage(path)) {
        pages << info;
    } else {
        return AnswerFile::read(path);
    }
    // Each page becomes a JSON line, so its answer is checked (and its samples numbered)
    // exactly as an answers file's are; "line N" then names the page.
    QByteArray lines;
    QStringList names;
    QStringList problems;
    for (const QFileInfo &page : std::as_const(pages)) {
        const auto answer = pageAnswer(page);
        if (const auto *problem = std::get_if<QString>(&answer)) {
            problems << u"%1: %2"_s.arg(page.fileName(), *problem);
            continue;
        }
        lines += QJsonDocument(std::get<QJsonObject>(answer)).toJson(QJsonDocument::Compact) + '\n';
        names << page.fileName();
    }
    AnswerFile out = AnswerFile::parseJsonLines(lines);
    static const QRegularExpression line(u"^line (\\d+): "_s);
    for (QString &p : out.problems)
        if (const auto m = line.match(p); m.hasMatch())
            p.replace(0, m.capturedLength(), names.value(m.captured(1).toInt() - 1) + u": "_s);
    out.problems = problems + out.problems;
    return out;
}

} // namespace geo
