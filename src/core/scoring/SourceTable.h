#pragma once

#include "model/SourceType.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace geo {

// The maintained table of the most cited domains' source types (resources/source-types.tsv):
// a host, optionally with its first path segments, and a type. A host covers its subdomains,
// and the most specific entry wins: docs.github.com before github.com, nytimes.com/wirecutter
// before nytimes.com.
class SourceTable final
{
public:
    // Tab-separated lines, "#" notes; every line that cannot be read is a problem naming its
    // line, and the rest of the table is kept.
    static SourceTable parse(const QByteArray &tsv);
    // The table shipped in the resources, read once.
    static const SourceTable &builtIn();

    // The type of a host and the segments of its URL's path; none when no entry covers them.
    std::optional<SourceType> lookup(const QString &host, const QStringList &pathSegments) const;

    qsizetype size() const { return m_size; }
    const QStringList &problems() const { return m_problems; }

private:
    struct Entry
    {
        QStringList path; // the first path segments it needs, lower case
        SourceType type = SourceType::Other;
    };

    void add(int line, const QStringList &fields);

    QHash<QString, QList<Entry>> m_byHost; // each host's entries, the longest path first
    qsizetype m_size = 0;
    QStringList m_problems;
};

} // namespace geo
