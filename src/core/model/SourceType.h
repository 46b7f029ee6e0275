#pragma once

#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <optional>

namespace geo {

// What kind of source a cited page is (docs/metrics.md, "Source types"). The order is the
// order of every per-type table and figure.
enum class SourceType {
    Own,        // a domain of the audited brand
    Competitor, // a domain of a tracked competitor
    Review,
    Forum, // forums and communities
    Video,
    News,        // news and media
    Reference,   // wikis, encyclopaedias, dictionaries
    Marketplace, // marketplaces and retailers
    Blog,
    Documentation,
    Other,
};

inline constexpr int SourceTypeCount = int(SourceType::Other) + 1;

// The exported name: own, competitor, review, forum, video, news, reference, marketplace,
// blog, documentation, other.
QString sourceTypeName(SourceType type);
std::optional<SourceType> sourceTypeFromName(QStringView name);
// In words, for reports and views: "Forum or community", "News and media", ...
QString sourceTypeLabel(SourceType type);
// The names an analyst may give a domain in the spec's source_types: every type but own and
// competitor, which come from the brands' domains.
QStringList overridableSourceTypeNames();
bool isOverridable(SourceType type);

// What an inspected page declares itself to be, as the site inspection read it: its JSON-LD
// @types and its og:type.
struct PageKinds
{
    QStringList schemaTypes;
    QString ogType;
};

// The analyst's types by host ("example.com", lower case), as the spec's "source_types"
// holds them: {"example.com": "review"}. fromJson skips what it cannot read; SpecReader is
// where a spec's mistakes are reported.
using SourceTypeOverrides = QMap<QString, SourceType>;
QJsonObject sourceTypesToJson(const SourceTypeOverrides &overrides);
SourceTypeOverrides sourceTypesFromJson(const QJsonObject &json);

} // namespace geo
