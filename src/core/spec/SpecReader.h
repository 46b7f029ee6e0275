#pragma once

#include "model/AuditSpec.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>

namespace geo {

// Reads an audit spec from JSON and validates all of it at once. Every problem names its
// JSON path and the fix: `competitors[2].domains[0]: "acme..com" is not a domain name`.
class SpecReader final
{
public:
    struct Outcome
    {
        std::optional<AuditSpec> spec;
        QStringList problems;
        QStringList warnings; // about a spec that holds, such as names matched only as written
    };

    // baseDir resolves relative file names (recorded answers and sites); it may be a
    // resource path such as ":/examples".
    static Outcome parse(const QByteArray &json, const QString &baseDir);
    static Outcome readFile(const QString &path);

    // The engine kinds a spec may name, for editors that offer them.
    static const QStringList &engineKinds();

    // Specs larger than this are refused before parsing.
    static constexpr qint64 MaxSpecBytes = 4 * 1024 * 1024;
};

} // namespace geo
