#pragma once

#include "ScoreWeights.h"
#include "SourceType.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

namespace geo {

// A brand the audit tracks: the audited brand or a competitor.
struct BrandSpec
{
    QString name;
    QStringList aliases;
    QStringList domains;
    // "match_case": true matches the names only as written (or in capitals), false in any case;
    // unset, a name that is an ordinary word ("Ring") is matched as written (analysis/CaseMatching.h).
    std::optional<bool> matchCase = std::nullopt;

    QStringList names() const; // name first, then aliases
};

// USD per million tokens.
struct Price
{
    double inputPerMillion = 0.0;
    double outputPerMillion = 0.0;
};

struct EngineSpec
{
    QString id;
    QString kind; // openai, anthropic, gemini, recorded
    QString model;
    QUrl baseUrl;
    QString apiKeyEnv;
    int concurrency = 10;
    int rpm = 0; // requests per minute; 0: no limit
    int tpm = 0; // tokens (in and out) per minute; 0: no limit
    int timeoutMs = 60000;
    bool webSearch = false;
    QString file;               // recorded: JSONL of answers, resolved against the spec's folder
    double speed = 0.0;         // recorded: replay at recorded latency / speed; 0 replays at once
    std::optional<Price> price; // overrides the built-in price table
};

struct AnalysisSpec
{
    int threads = 10;
    bool inspectSites = true;
    QString recordedSites; // folder of recorded site responses, resolved like EngineSpec::file
};

// Whether text is a host name with at least two labels (IDN allowed), as a brand's domains must be.
bool isDomainName(const QString &text);

// An audit as the user describes it (docs/spec-format.md).
struct AuditSpec
{
    QString name;
    BrandSpec brand;
    QList<BrandSpec> competitors;
    QStringList topics;
    bool templates = true;
    QStringList prompts;
    int samples = 1;
    QList<EngineSpec> engines;
    AnalysisSpec analysis;
    ScoreWeights weights;
    double budgetUsd = 0.0;          // 0: no budget
    bool sampleData = false;         // recorded answers shipped with the product, not a real run
    SourceTypeOverrides sourceTypes; // the analyst's type of a cited domain, before any other rule

    // The brand first, then the competitors: the order of every per-brand table.
    QList<BrandSpec> trackedBrands() const;
    QJsonObject toJson() const;
};

} // namespace geo
