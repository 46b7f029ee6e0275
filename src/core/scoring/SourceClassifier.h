#pragma once

#include "SourceTable.h"
#include "model/SourceType.h"

#include <QHash>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

namespace geo {

// The type a page's own markup declares (schema.org types, og:type); none when it says
// nothing that tells a source type.
std::optional<SourceType> sourceTypeOfPage(const PageKinds &page);
// The type the shape of a URL suggests: the labels of its host below the registrable domain
// (forum.example.com), then its path segments (/r/, /forum/, /reviews/, /docs/, /watch, ...),
// the first that names a section deciding.
std::optional<SourceType> sourceTypeOfShape(const QUrl &url, const QString &domain);

// Decides what kind of source a cited URL is, in this order (docs/metrics.md): a tracked
// brand's domain (own, competitor); the analyst's source_types (host or a parent domain);
// the shipped table; what the site inspection saw on the registrable domain's page; the
// URL's shape; else other.
class SourceClassifier final
{
public:
    // pages: by registrable domain, what the inspected page of each declares.
    SourceClassifier(SourceTypeOverrides overrides, QHash<QString, PageKinds> pages,
                     const SourceTable &table = SourceTable::builtIn());

    // owner: the tracked brand owning the host (0 the audited brand), -1 for none.
    SourceType classify(const QUrl &url, const QString &domain, int owner) const;

private:
    SourceTypeOverrides m_overrides;
    QHash<QString, SourceType> m_pageTypes; // by registrable domain, the pages that tell one
    const SourceTable &m_table;
};

} // namespace geo
