#pragma once

#include <QLocale>
#include <QString>

namespace geo {

// Dollars as the app shows costs: four places below a dollar, where cents would hide what
// a small run costs, else two.
inline QString formatUsd(double usd)
{
    return QStringLiteral("$") + QLocale().toString(usd, 'f', usd < 1 ? 4 : 2);
}

} // namespace geo
