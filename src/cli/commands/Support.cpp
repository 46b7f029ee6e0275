#include "Support.h"

#include "Console.h"
#include "spec/SpecReader.h"

using namespace Qt::StringLiterals;

namespace geo::cli {

QString demoSpecPath()
{
    return u":/examples/demo-audit.json"_s;
}

int openStore(std::unique_ptr<AuditStore> &store, const QString &path)
{
    store = std::make_unique<AuditStore>(path.isEmpty() ? AuditStore::defaultPath() : path);
    if (const Status s = await(store->opened()); !s) {
        say(s.error());
        return BadInput;
    }
    return Success;
}

std::optional<qint64> parseAuditId(const QString &text)
{
    bool isNumber = false;
    const qint64 id = text.toLongLong(&isNumber);
    if (!isNumber) {
        say(u"\"%1\" is not an audit id; `geoaudit-cli list` shows the ids"_s.arg(text));
        return std::nullopt;
    }
    return id;
}

std::optional<AuditSpec> readSpec(const QString &specPath, bool warnings)
{
    SpecReader::Outcome read = SpecReader::readFile(specPath);
    if (!read.spec) {
        say(u"%1: the spec has %2 problem(s):"_s.arg(specPath).arg(read.problems.size()));
        for (const QString &p : read.problems)
            say(u"  "_s + p);
    }
    for (const QString &w : warnings ? read.warnings : QStringList())
        say(u"%1: warning: %2"_s.arg(specPath, w));
    return read.spec;
}

} // namespace geo::cli
