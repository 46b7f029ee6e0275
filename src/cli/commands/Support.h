// What several verbs share: the store --db names, spec files, and the demo built in.
#pragma once

#include "model/AuditSpec.h"
#include "store/AuditStore.h"

#include <QString>

#include <memory>
#include <optional>

namespace geo::cli {

// The demo spec is a Qt resource, so an installed CLI runs it from anywhere.
QString demoSpecPath();

// Opens the database at path (the default one when empty); on failure says why and returns
// BadInput.
int openStore(std::unique_ptr<AuditStore> &store, const QString &path);

// An audit id as typed, or nullopt having said that it is not one.
std::optional<qint64> parseAuditId(const QString &text);

// Reads and validates a spec file, saying every problem it has.
// With warnings, also says what holds but may surprise (names matched as written); plan
// does, so that it is said once before a run, not on every run.
std::optional<AuditSpec> readSpec(const QString &specPath, bool warnings = false);

} // namespace geo::cli
