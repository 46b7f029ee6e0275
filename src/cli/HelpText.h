// --help and `help VERB`, as plain text generated from the command table.
#pragma once

#include "Command.h"

namespace geo::cli {

class HelpText
{
public:
    // Every verb with its usage and help, then every option.
    static QString overview();
    // One verb: its usage, its help and its options.
    static QString of(const Command &command);
    // The options a verb takes, in the order its usage shows them.
    static QStringList optionsOf(const Command &command);
};

} // namespace geo::cli
