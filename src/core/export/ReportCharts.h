#pragma once

#include "Chart.h"
#include "ReportData.h"

#include <QList>

namespace geo {

// The five charts of the reports, laid out from the audit's headline figures: visibility
// with its Wilson intervals, share of voice, rank distribution, citation owners, and the
// GEO readiness of each tracked brand's own site.
class ReportCharts final
{
public:
    static QList<Chart> build(const ReportData &data);

    static Chart visibility(const ReportData &data);
    static Chart shareOfVoice(const ReportData &data);
    static Chart rankDistribution(const ReportData &data);
    static Chart citationOwners(const ReportData &data);
    static Chart readiness(const ReportData &data);
};

} // namespace geo
