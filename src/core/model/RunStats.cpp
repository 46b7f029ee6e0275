#include "RunStats.h"

#include <algorithm>

namespace geo {

qint64 RunStats::etaMs() const
{
    const int left = planned - done();
    if (left <= 0)
        return 0;
    // Analyses trail answers, so their rate is the pace at which items end.
    const double rate = analysesPerSecond > 0 ? analysesPerSecond : analysesPerSecondOverall;
    return rate > 0 ? qint64(left / rate * 1000.0) : -1;
}

QString formatDuration(qint64 ms)
{
    using namespace Qt::StringLiterals;
    const qint64 s = ms / 1000;
    return s >= 3600 ? u"%1:%2:%3"_s.arg(s / 3600).arg(s / 60 % 60, 2, 10, QChar(u'0')).arg(s % 60, 2, 10, QChar(u'0'))
                     : u"%1:%2"_s.arg(s / 60).arg(s % 60, 2, 10, QChar(u'0'));
}

int percentile(QList<int> values, double p)
{
    if (values.isEmpty())
        return 0;
    const auto k = qsizetype(p * double(values.size() - 1) + 0.5);
    std::nth_element(values.begin(), values.begin() + k, values.end());
    return values[k];
}

} // namespace geo
