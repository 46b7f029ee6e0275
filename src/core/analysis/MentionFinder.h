#pragma once

#include "spec/AuditSpec.h"

#include <QList>
#include <QString>

namespace geo {

// One occurrence of a tracked brand's name or alias in a text.
struct BrandMention
{
    int brand = -1;       // index into the tracked brands
    qsizetype offset = 0; // in the original text, UTF-16 units
    qsizetype length = 0;
};

// Folds case and diacritics ("Équipe" -> "equipe"); map[i] is the index in the original text
// of folded character i, so matches found in the folded text point back into the original.
QString foldForMatching(const QString &text, QList<qsizetype> *map = nullptr);

// Finds whole-word occurrences of the tracked brands' names and aliases. "Acme's", "Acme-based"
// and "(Acme)" count, "Acmeville" does not; where names overlap the longer one wins, so
// "Acme CRM" is one mention, not "Acme CRM" and "Acme". Immutable and safe on any thread.
class MentionFinder final
{
public:
    explicit MentionFinder(const QList<BrandSpec> &brands);

    QList<BrandMention> find(const QString &text) const; // in document order
    bool mentionsAny(const QString &text) const { return !find(text).isEmpty(); }
    int brandCount() const { return m_brandCount; }

private:
    struct Needle
    {
        QString folded;
        int brand;
    };
    QList<Needle> m_needles;
    int m_brandCount = 0;
};

} // namespace geo
