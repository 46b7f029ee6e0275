// A verb's usage as the table gives it, in pieces that each renderer sets in its own way:
// plain text for --help and the argument errors, roff fonts for the man page.
#pragma once

#include "Command.h"

namespace geo::cli {

class Synopsis
{
public:
    struct Piece
    {
        enum class Font { Roman, Bold, Italic };
        Font font;
        QString text;
    };
    // A run of pieces kept on one line, e.g. [--db PATH].
    using Unit = QList<Piece>;

    // run SPEC|--demo [--db PATH] ...: the verb, its arguments, its required options, then
    // the optional ones.
    static QList<Unit> of(const Command &command);
    // An option and its value: --db PATH.
    static Unit of(const Option &option);
    // All on one line, as an error message quotes it: geoaudit-cli export AUDIT_ID --out DIR ...
    static QString line(const Command &command);
    static QString plain(const Unit &unit);
};

} // namespace geo::cli
