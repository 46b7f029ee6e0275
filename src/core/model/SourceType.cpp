#include "SourceType.h"

#include <array>

namespace geo {

using namespace Qt::StringLiterals;

namespace {

const std::array<QString, SourceTypeCount> &names()
{
    static const std::array<QString, SourceTypeCount> n{
        u"own"_s,       u"competitor"_s,  u"review"_s, u"forum"_s,         u"video"_s, u"news"_s,
        u"reference"_s, u"marketplace"_s, u"blog"_s,   u"documentation"_s, u"other"_s};
    return n;
}

} // namespace

QString sourceTypeName(SourceType type)
{
    return names().at(std::size_t(type));
}

QString sourceTypeLabel(SourceType type)
{
    static const std::array<QString, SourceTypeCount> labels{
        u"Own"_s,   u"Competitor"_s,     u"Review site"_s, u"Forum or community"_s,
        u"Video"_s, u"News and media"_s, u"Reference"_s,   u"Marketplace or retailer"_s,
        u"Blog"_s,  u"Documentation"_s,  u"Other"_s};
    return labels.at(std::size_t(type));
}

std::optional<SourceType> sourceTypeFromName(QStringView name)
{
    for (int i = 0; i < SourceTypeCount; ++i)
        if (names()[i] == name)
            return SourceType(i);
    return std::nullopt;
}

bool isOverridable(SourceType type)
{
    return type != SourceType::Own && type != SourceType::Competitor;
}

QStringList overridableSourceTypeNames()
{
    QStringList out;
    for (int i = 0; i < SourceTypeCount; ++i)
        if (isOverridable(SourceType(i)))
            out << names()[i];
    return out;
}

QJsonObject sourceTypesToJson(const SourceTypeOverrides &overrides)
{
    QJsonObject o;
    for (auto it = overrides.begin(); it != overrides.end(); ++it)
        o.insert(it.key(), sourceTypeName(it.value()));
    return o;
}

SourceTypeOverrides sourceTypesFromJson(const QJsonObject &json)
{
    SourceTypeOverrides out;
    for (auto it = json.begin(); it != json.end(); ++it)
        if (const auto type = sourceTypeFromName(it.value().toString()); type && isOverridable(*type))
            out.insert(it.key().toLower(), *type);
    return out;
}

} // namespace geo
