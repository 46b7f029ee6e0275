#include "Console.h"

#include <cstdio>

using namespace Qt::StringLiterals;

namespace geo::cli {

void say(const QString &text)
{
    std::fputs(qPrintable(text + u'\n'), stderr);
}

void print(const QString &text)
{
    std::fputs(qPrintable(text + u'\n'), stdout);
    std::fflush(stdout);
}

} // namespace geo::cli
