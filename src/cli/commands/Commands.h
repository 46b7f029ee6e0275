// The table's entries, one function per verb, each defined beside the code that runs it.
#pragma once

#include "Command.h"

namespace geo::cli {

Command helpCommand();
Command runCommand();
Command planCommand();
Command resumeCommand();
Command importCommand();
Command keyCommand();
Command analyzeCommand();
Command sentimentCommand();
Command inspectCommand();
Command robotsCheckCommand();
Command listCommand();
Command exportCommand();
Command rescoreCommand();

} // namespace geo::cli
