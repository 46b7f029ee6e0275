#pragma once

#include "model/AuditSpec.h"

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

// Where each character of a folded text came from in the original. Kept as the points where
// folding stops going one to one (a decomposition, a dropped mark, a surrogate pair), not as
// an index per character, which for a long answer cost four times its text.
class FoldMap final
{
public:
    // The index in the original text of folded character `folded` (or of the end).
    qsizetype operator[](qsizetype folded) const;
    // Folded character `folded` came from `origin`; called in folded order.
    void add(qsizetype folded, qsizetype origin);
    void clear() { m_points.clear(); }

private:
    QList<std::pair<qsizetype, qsizetype>> m_points; // (folded, origin)
};

// Folds case and diacritics ("Équipe" -> "equipe"); map says where each folded character is
// in the original text, so matches found in the folded text point back into the original.
QString foldForMatching(QStringView text, FoldMap *map = nullptr);

// Finds whole-word occurrences of the tracked brands' names and aliases. "Acme's", "Acme-based"
// and "(Acme)" count, "Acmeville" does not; where names overlap the longer one wins, so
// "Acme CRM" is one mention, not "Acme CRM" and "Acme". Names are matched in any case, but
// those matched as written (CaseMatching.h) only as written or in capitals: "Ring", "RING",
// never "ring". Such a name that starts a sentence and is followed by a lower-case word ("Ring
// lights are cheap.") may be the word itself: it counts only when the brand is also named
// beyond doubt in the text, or the text never uses the word in lower case.
// Immutable and safe on any thread.
class MentionFinder final
{
public:
    explicit MentionFinder(const QList<BrandSpec> &brands);

    QList<BrandMention> find(const QString &text) const; // in document order
    bool mentionsAny(const QString &text) const { return !find(text).isEmpty(); }
    int brandCount() const { return m_brandCount; }

private:
    struct Hit
    {
        qsizetype start; // in the original text
        qsizetype end;
        int brand;
        int written = -1;      // the index of the needle matched as written, or -1
        bool doubtful = false; // a sentence-initial common word followed by a lower-case word
    };
    // Appends the hits in whole lines of a text, which start at `offset` of the text, and the
    // needles matched as written whose word the lines use in lower case.
    void findInLines(QStringView text, qsizetype offset, QList<Hit> &hits, QList<bool> &usedAsWord) const;

    struct Needle
    {
        QString folded;
        int brand;
    };
    // A name matched as written: as given, or in capitals.
    struct WrittenNeedle
    {
        QString name;
        QString upper;
        QString lower; // the word in lower case, when only the name's first letter is a capital
        int brand;
    };
    QList<Needle> m_needles;
    QList<WrittenNeedle> m_written;
    int m_brandCount = 0;
};

} // namespace geo
