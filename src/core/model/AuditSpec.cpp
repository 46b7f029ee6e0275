#include "AuditSpec.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QUrl>

#include <algorithm>

namespace geo {

using namespace Qt::StringLiterals;

QStringList BrandSpec::names() const
{
    return QStringList{name} + aliases;
}

QList<BrandSpec> AuditSpec::trackedBrands() const
{
    return QList<BrandSpec>{brand} + competitors;
}

static QJsonObject brandJson(const BrandSpec &b)
{
    QJsonObject o{{u"name"_s, b.name},
                  {u"aliases"_s, QJsonArray::fromStringList(b.aliases)},
                  {u"domains"_s, QJsonArray::fromStringList(b.domains)}};
    if (b.matchCase)
        o.insert(u"match_case"_s, *b.matchCase);
    return o;
}

QJsonObject AuditSpec::toJson() const
{
    QJsonArray competitorArray;
    for (const auto &c : competitors)
        competitorArray.append(brandJson(c));
    QJsonArray engineArray;
    for (const auto &e : engines) {
        QJsonObject o{
            {u"id"_s, e.id}, {u"kind"_s, e.kind}, {u"concurrency"_s, e.concurrency}, {u"timeout_ms"_s, e.timeoutMs}};
        if (!e.model.isEmpty())
            o.insert(u"model"_s, e.model);
        if (e.baseUrl.isValid())
            o.insert(u"base_url"_s, e.baseUrl.toString());
        if (!e.apiKeyEnv.isEmpty())
            o.insert(u"api_key_env"_s, e.apiKeyEnv);
        if (e.rpm > 0)
            o.insert(u"rpm"_s, e.rpm);
        if (e.tpm > 0)
            o.insert(u"tpm"_s, e.tpm);
        if (e.webSearch)
            o.insert(u"web_search"_s, true);
        if (!e.file.isEmpty())
            o.insert(u"file"_s, e.file);
        if (e.speed > 0)
            o.insert(u"speed"_s, e.speed);
        if (e.price)
            o.insert(u"price"_s,
                     QJsonObject{{u"input"_s, e.price->inputPerMillion}, {u"output"_s, e.price->outputPerMillion}});
        engineArray.append(o);
    }
    QJsonObject analysisObject{{u"threads"_s, analysis.threads}, {u"inspect_sites"_s, analysis.inspectSites}};
    if (!analysis.recordedSites.isEmpty())
        analysisObject.insert(u"recorded_sites"_s, analysis.recordedSites);
    QJsonObject o{{u"name"_s, name},
                  {u"brand"_s, brandJson(brand)},
                  {u"competitors"_s, competitorArray},
                  {u"topics"_s, QJsonArray::fromStringList(topics)},
                  {u"templates"_s, templates},
                  {u"prompts"_s, QJsonArray::fromStringList(prompts)},
                  {u"samples"_s, samples},
                  {u"engines"_s, engineArray},
                  {u"analysis"_s, analysisObject}};
    if (weights != ScoreWeights{})
        o.insert(u"scoring"_s, QJsonObject{{u"weights"_s, weights.toJson()}});
    if (budgetUsd > 0)
        o.insert(u"budget_usd"_s, budgetUsd);
    if (sampleData)
        o.insert(u"sample_data"_s, true);
    if (!sourceTypes.isEmpty())
        o.insert(u"source_types"_s, sourceTypesToJson(sourceTypes));
    return o;
}

bool isDomainName(const QString &text)
{
    const QString ace = QString::fromLatin1(QUrl::toAce(text));
    if (ace.isEmpty() || ace.size() > 253 || ace.endsWith(u'.'))
        return false;
    static const QRegularExpression label(u"^(?!-)[A-Za-z0-9-]{1,63}(?<!-)$"_s);
    const QStringList labels = ace.split(u'.');
    if (labels.size() < 2)
        return false;
    return std::all_of(labels.begin(), labels.end(), [](const QString &l) { return label.match(l).hasMatch(); })
        && !labels.last().front().isDigit();
}

} // namespace geo
