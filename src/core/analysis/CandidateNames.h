#pragma once

#include <QList>
#include <QSet>
#include <QString>

namespace geo {

class MarkdownDocument;

// The places where an answer recommends something, and the names there that may be brands:
// list items, table rows and headings (linked or not), the "Name:" / "Name –" lead-ins of text
// whose Markdown was flattened on copying, and bold or leading linked names anywhere. A name
// made only of ordinary words (Debian's word list) or of the answer's own recurring section
// labels ("Why It's Great", "ANC Performance") is not a brand.
class CandidateNames final
{
public:
    // One place of the recommendation list, in text order.
    struct Place
    {
        qsizetype start = 0; // in the document's text()
        qsizetype end = 0;
        // A tracked brand named in [start, namedEnd) makes the place its own: a whole entry, or
        // the name of a lead-in (what follows it may compare it with others).
        qsizetype namedEnd = 0;
        bool heading = false;
        // A table row's table header, [start, end) in text(); empty otherwise.
        qsizetype headerStart = 0;
        qsizetype headerEnd = 0;
        QString name; // the brand-like name it leads with; empty when none
        // Whether it leads with a name in form, a brand or not ("Orbit Sales", not "Pros"): a
        // place of the recommendation list even when its name is made of ordinary words.
        bool listed = false;
    };
    // A brand-like name in bold or linked text outside the places' own names.
    struct Mention
    {
        QString name;
        qsizetype at = 0;
    };

    explicit CandidateNames(const MarkdownDocument &doc);

    const QList<Place> &places() const { return m_places; }
    const QList<Mention> &mentions() const { return m_mentions; }

    // The name cleaned of enumeration, symbols and trailing punctuation when it may be a
    // brand's or a product's; empty otherwise.
    QString brandLike(QStringView text) const;
    // A name in form that is not a label: not a single ordinary word, a fixed label ("Pros",
    // "Top Picks") or one of the answer's section labels. brandLike() is this and not only
    // ordinary words.
    QString listed(QStringView text) const;
    // The shape of a name alone: capitalised words, no address.
    static QString nameShaped(QStringView text);
    // A word of Debian's word list in lower case (not a proper noun), a number or punctuation.
    static bool isOrdinaryWord(QStringView word);

private:
    struct Lead
    {
        QString name;
        bool listed = false;
    };

    void collectLabels(const MarkdownDocument &doc);
    Lead entryName(const MarkdownDocument &doc, qsizetype index) const;
    void dropLabelsAmongLabels(const MarkdownDocument &doc);
    void addLeadIns(const QString &text, qsizetype blockStart, qsizetype blockEnd);

    QSet<QString> m_labels; // lower-case section labels of this answer
    QList<qsizetype> m_softBreaks;
    QList<Place> m_places;
    QList<Mention> m_mentions;
};

} // namespace geo
