#pragma once

#include "model/AuditSpec.h"
#include "model/Result.h"

#include <QString>

namespace geo {

// Writes a spec as the JSON SpecReader reads back to the same spec (AuditSpec::toJson),
// indented for people who edit specs by hand. The file is replaced whole or not at all.
class SpecWriter final
{
public:
    static Status write(const AuditSpec &spec, const QString &path);
};

} // namespace geo
