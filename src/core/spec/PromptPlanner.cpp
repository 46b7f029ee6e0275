#include "PromptPlanner.h"

#include "analysis/MentionFinder.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <utility>

namespace geo {

using namespace Qt::StringLiterals;

namespace {

// Every filling of the placeholders a template names; a template naming none yields itself.
QStringList expand(const QString &text, const AuditSpec &spec, const QString &topic)
{
    QStringList out{text};
    const auto fill = [&out](const QString &placeholder, const QStringList &values) {
        if (!out.front().contains(placeholder))
            return;
        QStringList next;
        for (const QString &t : std::as_const(out))
            for (const QString &v : values)
                next << QString(t).replace(placeholder, v);
        out = next;
    };
    fill(u"{topic}"_s, {topic});
    fill(u"{brand}"_s, {spec.brand.name});
    QStringList competitors;
    for (const auto &c : spec.competitors)
        competitors << c.name;
    fill(u"{competitor}"_s, competitors);
    return out;
}

} // namespace

Result<Plan> PromptPlanner::plan(const AuditSpec &spec)
{
    Plan plan;
    const MentionFinder finder(spec.trackedBrands());
    QSet<QString> seen;
    const auto add = [&](const QString &text, const QString &category, const QString &topic) {
        const QString normal = text.simplified();
        if (normal.isEmpty() || seen.contains(normal.toCaseFolded()))
            return;
        seen.insert(normal.toCaseFolded());
        plan.prompts.append({normal, category, topic, finder.mentionsAny(normal)});
    };

    if (spec.templates) {
        QFile file(u":/prompts/templates.json"_s);
        if (!file.open(QIODevice::ReadOnly))
            return Error{u"the built-in prompt templates are missing from this build"_s};
        const QJsonArray intents = QJsonDocument::fromJson(file.readAll()).object().value(u"intents"_s).toArray();
        const QStringList topics = spec.topics.isEmpty() ? QStringList{QString()} : spec.topics;
        const auto fill = [&](const QString &text, const QString &category) {
            const bool perTopic = text.contains(u"{topic}"_s);
            for (const QString &topic : topics) {
                if (perTopic && topic.isEmpty())
                    continue;
                for (const QString &filled : expand(text, spec, topic))
                    add(filled, category, perTopic ? topic : QString());
                if (!perTopic)
                    break;
            }
        };
        for (const QJsonValue &i : intents) {
            const QJsonObject intent = i.toObject();
            const QString id = intent.value(u"id"_s).toString();
            // The style rides in the category id ("pricing", "pricing-search"): a category is
            // stored, cut and exported as it is, so the style needs no place of its own.
            const std::pair<QString, QString> styles[] = {{u"conversational"_s, id}, {u"search"_s, id + u"-search"_s}};
            for (const auto &[style, category] : styles)
                for (const QJsonValue &t : intent.value(style).toArray())
                    fill(t.toString(), category);
        }
    }
    for (const QString &p : spec.prompts) {
        QString topic;
        for (const QString &t : spec.topics)
            if (p.contains(t, Qt::CaseInsensitive))
                topic = t;
        add(p, u"custom"_s, topic);
    }

    plan.items = WorkItems::grid(int(plan.prompts.size()), int(spec.engines.size()), spec.samples);
    return plan;
}

} // namespace geo
