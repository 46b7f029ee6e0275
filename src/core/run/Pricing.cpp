#include "Pricing.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace geo {

using namespace Qt::StringLiterals;

namespace {

struct Entry
{
    QString match;
    Price price;
};

const QList<Entry> &table()
{
    static const QList<Entry> entries = [] {
        QList<Entry> out;
        QFile f(u":/prices.json"_s);
        if (f.open(QIODevice::ReadOnly))
            for (const QJsonValue &v : QJsonDocument::fromJson(f.readAll()).object().value(u"models"_s).toArray())
                out.append({v[u"match"_s].toString(), {v[u"input"_s].toDouble(), v[u"output"_s].toDouble()}});
        return out;
    }();
    return entries;
}

} // namespace

std::optional<Price> Pricing::priceFor(const EngineSpec &engine)
{
    if (engine.price)
        return engine.price;
    if (engine.kind == u"recorded"_s)
        return std::nullopt;
    const Entry *best = nullptr;
    for (const Entry &e : table())
        if (engine.model.startsWith(e.match, Qt::CaseInsensitive) && (!best || e.match.size() > best->match.size()))
            best = &e;
    return best ? std::optional<Price>(best->price) : std::nullopt;
}

double Pricing::cost(const Price &price, qint64 tokensIn, qint64 tokensOut)
{
    return (double(tokensIn) * price.inputPerMillion + double(tokensOut) * price.outputPerMillion) / 1e6;
}

int Pricing::estimateInputTokens(const QString &prompt)
{
    return int(prompt.size() / 4) + 10;
}

Pricing::Estimate Pricing::estimate(const AuditSpec &spec, const Plan &plan)
{
    Estimate e;
    QList<std::optional<Price>> prices;
    for (const EngineSpec &engine : spec.engines)
        prices << priceFor(engine);
    const auto add = [&](int prompt, int engine, qint64 times) {
        const qint64 in = estimateInputTokens(plan.prompts[prompt].text);
        e.tokensIn += in * times;
        e.tokensOut += qint64(EstimatedOutputTokens) * times;
        if (const auto &price = prices[engine])
            e.costUsd += cost(*price, in, EstimatedOutputTokens) * double(times);
        else if (spec.engines[engine].kind != u"recorded"_s && !e.unpriced.contains(spec.engines[engine].id))
            e.unpriced << spec.engines[engine].id;
    };
    // A grid of millions of answers is estimated per prompt and engine, not per answer.
    if (plan.items.isGrid()) {
        for (int p = 0; p < plan.prompts.size(); ++p)
            for (int engine = 0; engine < plan.items.engines(); ++engine)
                add(p, engine, plan.items.samples());
        return e;
    }
    for (const WorkItem &item : plan.items)
        add(item.prompt, item.engine, 1);
    return e;
}

} // namespace geo
