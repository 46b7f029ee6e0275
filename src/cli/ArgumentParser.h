// Reads a command line against the command table: the verb, its arguments and its options,
// or the one precise error, with the verb's usage, that the CLI prints before exiting 2.
#pragma once

#include "Command.h"
#include "model/Result.h"

namespace geo::cli {

class ArgumentParser
{
public:
    // The arguments after the program's name. --help, and VERB --help, come back as the
    // help verb; --version and --man come back set, whatever else is given.
    static Result<Invocation> parse(const QStringList &arguments);
};

} // namespace geo::cli
