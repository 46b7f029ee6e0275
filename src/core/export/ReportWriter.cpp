#include "ReportWriter.h"

#include "HtmlReport.h"
#include "JsonReport.h"
#include "PdfReport.h"
#include "ReportData.h"
#include "ReportDocument.h"

#include <QDir>
#include <QJsonDocument>
#include <QSaveFile>

#include <functional>

namespace geo {

using namespace Qt::StringLiterals;

namespace {

Status save(const QString &path, const std::function<Status(QIODevice *)> &write)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error{u"cannot write %1 (%2); choose a folder you can write to"_s.arg(path, file.errorString())};
    if (Status s = write(&file); !s) {
        file.cancelWriting();
        return s;
    }
    if (!file.commit())
        return Error{u"cannot write %1 (%2); check the free space"_s.arg(path, file.errorString())};
    return ok();
}

Status bytes(QIODevice *device, const QByteArray &data)
{
    return device->write(data) == data.size() ? ok() : Status(Error{device->errorString()});
}

} // namespace

const QStringList &ReportWriter::formats()
{
    static const QStringList names{u"csv"_s, u"json"_s, u"html"_s, u"pdf"_s};
    return names;
}

Result<QStringList> ReportWriter::parseFormats(const QString &list)
{
    QStringList out;
    for (const QString &name : list.split(u',', Qt::SkipEmptyParts)) {
        const QString format = name.trimmed().toLower();
        if (!formats().contains(format))
            return Error{u"\"%1\" is not an export format; the formats are %2 (comma-separated)"_s.arg(
                name, formats().join(u", "_s))};
        if (!out.contains(format))
            out << format;
    }
    if (out.isEmpty())
        return Error{u"no export format given; the formats are %1 (comma-separated)"_s.arg(formats().join(u", "_s))};
    return out;
}

Result<QStringList> ReportWriter::write(const ReportData &data, const QString &folder, const QStringList &formats)
{
    if (!QDir().mkpath(folder))
        return Error{u"cannot create the folder %1; choose a folder you can write to"_s.arg(folder)};
    const QDir dir(folder);
    QStringList written;
    const auto add = [&](const QString &name, const std::function<Status(QIODevice *)> &write) -> Status {
        const QString path = dir.filePath(name);
        if (Status s = save(path, write); !s)
            return s;
        written << path;
        return ok();
    };
    if (formats.contains(u"json"_s))
        if (Status s = add(u"report.json"_s,
                           [&](QIODevice *d) { return bytes(d, QJsonDocument(JsonReport::render(data)).toJson()); });
            !s)
            return Error{s.error()};
    if (formats.contains(u"html"_s) || formats.contains(u"pdf"_s)) {
        const ReportDocument document = ReportDocument::build(data);
        if (formats.contains(u"html"_s))
            if (Status s = add(u"report.html"_s, [&](QIODevice *d) { return bytes(d, HtmlReport::render(document)); });
                !s)
                return Error{s.error()};
        if (formats.contains(u"pdf"_s))
            if (Status s = add(u"report.pdf"_s, [&](QIODevice *d) { return PdfReport::write(document, d); }); !s)
                return Error{s.error()};
    }
    return written;
}

} // namespace geo
