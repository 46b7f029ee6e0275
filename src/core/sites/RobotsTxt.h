#pragma once

#include <QByteArray>
#include <QString>

namespace geo {

// robots.txt as RFC 9309 reads it.
class RobotsTxt final
{
public:
    static RobotsTxt parse(const QByteArray &body);
};

} // namespace geo
