// list: the audits in the database.
#include "Commands.h"
#include "Console.h"
#include "Support.h"
#include "model/States.h"

using namespace Qt::StringLiterals;

namespace geo::cli {

namespace {

int list(const Invocation &in)
{
    std::unique_ptr<AuditStore> store;
    if (const int code = openStore(store, in.value(u"db"_s)); code != Success)
        return code;
    const auto audits = await(store->audits());
    if (!audits) {
        say(audits.error());
        return BadInput;
    }
    print(u"id\tstate\tanswers\tfailed\tcreated\tname"_s);
    for (const AuditSummary &a : audits.value())
        print(u"%1\t%2\t%3/%4\t%5\t%6\t%7"_s.arg(a.id)
                  .arg(stateName(a.state))
                  .arg(a.answered)
                  .arg(a.items)
                  .arg(a.failed)
                  .arg(a.createdAt.toLocalTime().toString(u"yyyy-MM-dd HH:mm"_s), a.name));
    return Success;
}

} // namespace

Command listCommand()
{
    return {.name = u"list"_s,
            .options = {u"db"_s},
            .help = u"Lists the audits in the database: id, state, answers, failures, creation time and name."_s,
            .run = list};
}

} // namespace geo::cli
