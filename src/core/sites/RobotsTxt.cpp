#include "RobotsTxt.h"

namespace geo {

RobotsTxt RobotsTxt::parse(const QByteArray &)
{
    return {};
}

} // namespace geo
