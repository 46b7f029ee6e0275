// The command table: every verb and option of geoaudit-cli, in the order --help lists them.
#pragma once

#include "Command.h"

namespace geo::cli {

class CommandTable
{
public:
    static const QList<Command> &commands();
    static const QList<Option> &options();
    static const Command *command(const QString &name);
    static const Option *option(const QString &name);
    static const Option *option(QChar shortName);
    // The names of the verbs, for the error that names an unknown one.
    static QStringList verbNames();
};

} // namespace geo::cli
