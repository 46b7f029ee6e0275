// The manual page of geoaudit-cli in roff (man(7) macros), generated from the command table
// so that it documents exactly the verbs and options the program takes. The build runs
// `geoaudit-cli --man` and installs what it prints.
#pragma once

#include <QString>

namespace geo::cli {

class ManPage
{
public:
    static QString roff();
};

} // namespace geo::cli
