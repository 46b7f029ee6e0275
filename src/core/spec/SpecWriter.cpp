#include "SpecWriter.h"

#include <QDir>
#include <QJsonDocument>
#include <QSaveFile>

namespace geo {

using namespace Qt::StringLiterals;

Status SpecWriter::write(const AuditSpec &spec, const QString &path)
{
    QSaveFile file(path);
    const auto failed = [&] {
        return Status(Error{u"cannot write the spec to %1 (%2); choose a folder you can write to"_s.arg(
            QDir::toNativeSeparators(path), file.errorString())});
    };
    if (!file.open(QIODevice::WriteOnly))
        return failed();
    file.write(QJsonDocument(spec.toJson()).toJson(QJsonDocument::Indented));
    if (!file.commit())
        return failed();
    return ok();
}

} // namespace geo
