#pragma once

#include "SiteReport.h"

namespace geo {

// Scores a site from what was fetched (docs/readiness.md): every check with its status,
// points and evidence, 0..100 in all. A pure function.
class ReadinessScorer final
{
public:
    struct Inputs
    {
        FetchResult page;
        FetchResult robots;
        FetchResult llms;
        FetchResult llmsFull;
        int timeoutMs = 5000;
        bool pageOnly = false; // a saved page: no robots.txt, llms.txt or transport to judge
    };

    static void score(const Inputs &in, SiteReport &report);

    // The crawlers that earn points, with them; and those reported without points.
    static const QList<std::pair<QString, int>> &scoredCrawlers();
    static const QStringList &reportedCrawlers();
};

} // namespace geo
