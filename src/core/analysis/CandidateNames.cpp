#include "CandidateNames.h"
#include "EnglishWords.h"

#include "MarkdownDocument.h"

#include <QHash>

#include <algorithm>
#include <array>

namespace geo {

using namespace Qt::StringLiterals;

namespace {

constexpr int MaxNameWords = 7; // "Sonora QuietDrive 35 Wireless Headphones II" has six

// Leads of list items that name nothing, whatever the word list says.
bool isFixedLabel(const QString &lower)
{
    // Those ResponseAnalyzer always skipped, so that ranks stay where they were.
    static const QSet<QString> labels{u"pros"_s,
                                      u"cons"_s,
                                      u"price"_s,
                                      u"pricing"_s,
                                      u"best for"_s,
                                      u"ideal for"_s,
                                      u"good for"_s,
                                      u"bottom line"_s,
                                      u"note"_s,
                                      u"tip"_s,
                                      u"tips"_s,
                                      u"features"_s,
                                      u"key features"_s,
                                      u"summary"_s,
                                      u"overview"_s,
                                      u"verdict"_s,
                                      u"why"_s,
                                      u"ease of use"_s,
                                      u"integrations"_s,
                                      u"support"_s,
                                      u"customer support"_s,
                                      u"cost"_s,
                                      u"budget"_s,
                                      u"strengths"_s,
                                      u"weaknesses"_s,
                                      u"limitations"_s,
                                      u"drawbacks"_s,
                                      u"downsides"_s,
                                      u"standout feature"_s,
                                      u"free plan"_s,
                                      u"free trial"_s,
                                      u"starting price"_s,
                                      u"reporting"_s,
                                      u"automation"_s,
                                      u"mobile app"_s,
                                      u"recommendation"_s,
                                      u"my recommendation"_s,
                                      u"conclusion"_s,
                                      u"final thoughts"_s,
                                      u"quick take"_s,
                                      u"considerations"_s,
                                      u"example"_s,
                                      u"examples"_s,
                                      u"step"_s,
                                      u"option"_s,
                                      u"alternative"_s,
                                      u"top pick"_s,
                                      u"top picks"_s,
                                      u"runner-up"_s,
                                      u"also consider"_s,
                                      u"honorable mentions"_s,
                                      u"caveat"_s,
                                      u"warning"_s};
    return labels.contains(lower);
}

bool endsSentence(QChar c)
{
    return QStringView(u".!?…:;)\"”").contains(c);
}

// Where a name ends before what the answer says of it: "Name:", "Name – ", "Name (2024)", a cell.
struct Cut
{
    qsizetype at = -1;
    qsizetype length = 0;
};

const std::array<QStringView, 7> &separators()
{
    static const std::array<QStringView, 7> all{u":", u" – ", u" — ", u" - ", u"\t", u" (", u" | "};
    return all;
}

// The next place of separator k from `from`; -1 when there is none.
Cut nextCut(QStringView s, qsizetype from, size_t k)
{
    const QStringView sep = separators()[k];
    qsizetype at = s.indexOf(sep, from);
    // A time ("10:30") or an address ("https://") is not a lead-in's colon.
    while (k == 0 && at > 0
           && ((at + 1 < s.size() && s[at + 1] == u'/')
               || (s[at - 1].isDigit() && at + 1 < s.size() && s[at + 1].isDigit())))
        at = s.indexOf(sep, at + 1);
    return {at, sep.size()};
}

Cut nextCut(QStringView s, qsizetype from)
{
    Cut best;
    for (size_t k = 0; k < separators().size(); ++k)
        if (const Cut c = nextCut(s, from, k); c.at >= 0 && (best.at < 0 || c.at < best.at))
            best = c;
    return best;
}

// nextCut() over one long text from left to right: each separator's next place is looked for
// again only once passed, so a long flattened paragraph is read a few times, not once a cut.
class Cutter
{
public:
    explicit Cutter(QStringView s) : m_s(s) { m_next.fill(-2); }

    Cut next(qsizetype from)
    {
        Cut best;
        for (size_t k = 0; k < m_next.size(); ++k) {
            if (m_next[k] == -1)
                continue; // none left
            if (m_next[k] < from)
                m_next[k] = nextCut(m_s, from, k).at;
            if (m_next[k] >= 0 && (best.at < 0 || m_next[k] < best.at))
                best = {m_next[k], separators()[k].size()};
        }
        return best;
    }

private:
    QStringView m_s;
    std::array<qsizetype, 7> m_next;
};

// Enumeration ("1.", "2)"), heading marks and symbols ("🏆", "✅") before a name.
qsizetype skipEnumeration(QStringView s)
{
    qsizetype i = 0;
    while (i < s.size() && !s[i].isLetter() && !(s[i].isDigit() && i + 1 < s.size() && s[i + 1].isLetter())) {
        if (s[i].isDigit()) {
            qsizetype j = i;
            while (j < s.size() && s[j].isDigit())
                ++j;
            if (j < s.size() && (s[j] == u'.' || s[j] == u')'))
                i = j + 1;
            else
                break; // a number that is part of the name
            continue;
        }
        ++i;
    }
    return i;
}

// Whether a name ending at `end` stands apart from what follows it (a separator, the end of its
// block), rather than being the subject of a sentence ("[Crestline](…) often has it on sale").
bool standsApart(const QString &text, qsizetype end)
{
    while (end < text.size() && (text[end] == u' ' || text[end] == u'*'))
        ++end;
    return end == text.size() || QStringView(u":–—-(|\t\n").contains(text[end]);
}

} // namespace

bool CandidateNames::isOrdinaryWord(QStringView word)
{
    qsizetype from = 0, to = word.size();
    while (from < to && !word[from].isLetterOrNumber())
        ++from;
    while (to > from && !word[to - 1].isLetterOrNumber())
        --to;
    word = word.mid(from, to - from);
    if (word.isEmpty())
        return true;
    if (std::all_of(word.begin(), word.end(), [](QChar c) { return c.isDigit(); }))
        return true;
    // A short acronym names a feature ("ANC", "USB"), not a maker.
    if (word.size() <= 4 && std::all_of(word.begin(), word.end(), [](QChar c) { return c.isLetter() && c.isUpper(); }))
        return true;
    const QSet<QString> &words = englishWords();
    if (words.isEmpty())
        return false;
    if (words.contains(word.toString().toLower()))
        return true;
    // "Noise-Cancelling", "Mic/Call": ordinary when each part is.
    const QStringList parts = word.toString().replace(u'/', u'-').split(u'-', Qt::SkipEmptyParts);
    return parts.size() > 1 && std::all_of(parts.cbegin(), parts.cend(), [&words](const QString &p) {
               return words.contains(p.toLower());
           });
}

QString CandidateNames::nameShaped(QStringView text)
{
    text = text.mid(skipEnumeration(text)).trimmed();
    while (!text.isEmpty() && (endsSentence(text.back()) || QStringView(u",–—-*™®").contains(text.back())))
        text.chop(1);
    const QString name = text.trimmed().toString().simplified();
    const QStringList words = name.split(u' ', Qt::SkipEmptyParts);
    if (words.isEmpty() || words.size() > MaxNameWords || !words.front().front().isUpper())
        return {};
    for (const QString &w : words) {
        // A name capitalises its words; short joiners ("of", "&", "de") may stay lower case.
        if (!w.front().isUpper() && !w.front().isDigit() && w.size() > 3)
            return {};
        // A domain or an address is a source, not a name.
        const qsizetype dot = w.indexOf(u'.');
        if (w.contains(u"://"_s) || w.contains(u'@') || (dot >= 0 && dot + 1 < w.size() && w[dot + 1].isLetter()))
            return {};
    }
    return name;
}

QString CandidateNames::listed(QStringView text) const
{
    const QString name = nameShaped(text);
    if (name.isEmpty())
        return {};
    const QStringList words = name.split(u' ', Qt::SkipEmptyParts);
    const QString lower = name.toLower();
    // "Halden H7 vs Sonora QuietDrive 35" compares two names; it is neither.
    if (words.contains(u"vs"_s) || words.contains(u"vs."_s) || words.contains(u"versus"_s))
        return {};
    if ((words.size() == 1 && isOrdinaryWord(name)) || isFixedLabel(lower) || m_labels.contains(lower))
        return {};
    return name;
}

QString CandidateNames::brandLike(QStringView text) const
{
    const QString name = listed(text);
    const QStringList words = name.split(u' ', Qt::SkipEmptyParts);
    if (std::all_of(words.cbegin(), words.cend(), [](const QString &w) { return isOrdinaryWord(w); }))
        return {};
    return name;
}

CandidateNames::CandidateNames(const MarkdownDocument &doc)
{
    collectLabels(doc);
    const QString &text = doc.text();
    const QList<MarkdownDocument::Entry> &entries = doc.entries();
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const MarkdownDocument::Entry &e = entries[i];
        const Lead lead = entryName(doc, i);
        m_places.append({e.start, e.end, e.end, e.kind == MarkdownDocument::Entry::Kind::Heading, e.headerStart,
                         e.headerEnd, lead.name, lead.listed});
    }
    dropLabelsAmongLabels(doc);
    // Paragraphs outside lists and tables: where flattened text runs its recommendations together.
    m_softBreaks = doc.softBreaks();
    for (const auto &[start, end] : doc.paragraphs())
        addLeadIns(text, start, end);
    std::stable_sort(m_places.begin(), m_places.end(),
                     [](const Place &a, const Place &b) { return a.start < b.start; });

    // Bold names anywhere, and linked ones that lead their block or are bold.
    const auto add = [&](qsizetype start, qsizetype end) {
        if (const QString name = brandLike(QStringView(text).mid(start, end - start)); !name.isEmpty())
            m_mentions.append({name, start});
    };
    for (const auto &[start, end] : doc.strongRanges())
        add(start, end);
    // Ranges are in text order: a binary search finds the one holding an offset.
    const auto holding = [](const QList<std::pair<qsizetype, qsizetype>> &ranges, qsizetype at) {
        const auto after = std::upper_bound(ranges.cbegin(), ranges.cend(), at,
                                            [](qsizetype x, const auto &r) { return x < r.first; });
        return after != ranges.cbegin() && at < (after - 1)->second ? after - 1 : ranges.cend();
    };
    const auto leadsBlock = [&](qsizetype start) {
        const auto block = holding(doc.blocks(), start);
        return block != doc.blocks().cend()
            && skipEnumeration(QStringView(text).mid(block->first, start - block->first)) == start - block->first;
    };
    const auto inStrong
        = [&](qsizetype start) { return holding(doc.strongRanges(), start) != doc.strongRanges().cend(); };
    for (const auto &[start, end] : doc.linkRanges())
        if (leadsBlock(start) && !inStrong(start) && standsApart(text, end))
            add(start, end);
    std::stable_sort(m_mentions.begin(), m_mentions.end(),
                     [](const Mention &a, const Mention &b) { return a.at < b.at; });
}

// Section labels: a heading text that recurs, or a lead that leads three or more entries (a
// product leads one, perhaps two: its section and a summary).
void CandidateNames::collectLabels(const MarkdownDocument &doc)
{
    QHash<QString, int> headings, leads;
    const auto leadOf = [](QStringView s) {
        s = s.mid(skipEnumeration(s));
        const Cut cut = nextCut(s, 0);
        return (cut.at < 0 ? s : s.left(cut.at)).trimmed().toString().toLower();
    };
    for (const MarkdownDocument::Entry &e : doc.entries()) {
        const QStringView s = QStringView(doc.text()).mid(e.start, e.end - e.start);
        if (e.kind == MarkdownDocument::Entry::Kind::Heading)
            ++headings[leadOf(s)];
        else
            ++leads[e.lead.isEmpty() ? leadOf(s) : leadOf(e.lead)];
    }
    for (auto it = headings.cbegin(); it != headings.cend(); ++it)
        if (it.value() >= 2)
            m_labels.insert(it.key());
    for (auto it = leads.cbegin(); it != leads.cend(); ++it)
        if (it.value() >= 3)
            m_labels.insert(it.key());
    m_labels.remove(QString());
}

// In a list whose items mostly lead with ordinary words ("Fit and comfort:", "Battery life:"),
// a single unknown word leading another item is a label of the same kind ("Multipoint:").
void CandidateNames::dropLabelsAmongLabels(const MarkdownDocument &doc)
{
    const QList<MarkdownDocument::Entry> &entries = doc.entries();
    const auto isItem = [&](qsizetype i) { return entries[i].kind == MarkdownDocument::Entry::Kind::ListItem; };
    for (qsizetype first = 0; first < entries.size();) {
        qsizetype last = first + 1; // items of one list follow each other with only a line break between
        while (isItem(first) && last < entries.size() && isItem(last)
               && QStringView(doc.text())
                      .mid(entries[last - 1].end, entries[last].start - entries[last - 1].end)
                      .trimmed()
                      .isEmpty())
            ++last;
        if (isItem(first) && last - first >= 3) {
            qsizetype labels = 0;
            for (qsizetype i = first; i < last; ++i) {
                const QStringView text
                    = QStringView(doc.text()).mid(entries[i].start, entries[i].end - entries[i].start);
                const Cut cut = nextCut(text, 0);
                const QStringView lead = entries[i].lead.isEmpty() ? (cut.at < 0 ? QStringView() : text.left(cut.at))
                                                                   : QStringView(entries[i].lead);
                labels += !lead.trimmed().isEmpty() && brandLike(lead).isEmpty() ? 1 : 0;
            }
            if (2 * labels > last - first)
                for (qsizetype i = first; i < last; ++i)
                    if (!m_places[i].name.isEmpty() && !m_places[i].name.contains(u' ')) {
                        m_labels.insert(m_places[i].name.toLower()); // in bold elsewhere too
                        m_places[i].name.clear();
                        m_places[i].listed = false;
                    }
        }
        first = last;
    }
}

// The entry's name: its bold lead or leading link, else the text before its first separator,
// else (after a label: "Best for travel: Sonora Elite 45h") the text after it, else the first
// bold or linked name in it.
CandidateNames::Lead CandidateNames::entryName(const MarkdownDocument &doc, qsizetype index) const
{
    const MarkdownDocument::Entry &e = doc.entries()[index];
    const QStringView whole = QStringView(doc.text()).mid(e.start, e.end - e.start);
    const qsizetype skip = skipEnumeration(whole);
    const QStringView s = whole.mid(skip);
    // An item that is one link and nothing else lists a source ("1. [Title - Site](url)").
    if (e.kind == MarkdownDocument::Entry::Kind::ListItem)
        for (const auto &[start, end] : doc.linkRanges())
            if (start == e.start + skip && end >= e.end)
                return {};
    Lead lead;
    // The entry's own leading text: a name, or (bold, or before a separator) one in form
    // ("Orbit Sales: …"). A heading or item without either is a sentence or a section title.
    const auto leading = [&](QStringView text, bool inForm) {
        lead.name = brandLike(text);
        lead.listed = lead.listed || !lead.name.isEmpty() || (inForm && !listed(text).isEmpty());
        return !lead.name.isEmpty();
    };
    if (!e.lead.isEmpty() && leading(e.lead, true))
        return lead;
    for (const auto &[start, end] : doc.linkRanges())
        if (start == e.start + skip && standsApart(doc.text(), end)
            && leading(QStringView(doc.text()).mid(start, end - start), false))
            return lead;
    const Cut first = nextCut(s, 0);
    if (e.lead.isEmpty() && leading(first.at < 0 ? s : s.left(first.at), first.at >= 0))
        return lead;
    // After a label, or in bold or a link inside: only a name that may be a brand counts.
    const auto named = [&](QStringView text) {
        lead.name = brandLike(text);
        lead.listed = lead.listed || !lead.name.isEmpty();
        return !lead.name.isEmpty();
    };
    if (first.at >= 0) {
        const QStringView rest = s.mid(first.at + first.length);
        const Cut second = nextCut(rest, 0);
        if (named(second.at < 0 ? rest : rest.left(second.at)))
            return lead;
    }
    // Ranges are in text order: only those from the entry's start on are looked at.
    for (const auto *ranges : {&doc.strongRanges(), &doc.linkRanges()})
        for (auto r = std::lower_bound(ranges->cbegin(), ranges->cend(), e.start,
                                       [](const auto &x, qsizetype at) { return x.first < at; });
             r != ranges->cend() && r->first < e.end; ++r)
            if (r->second <= e.end && r->first != e.start + skip) // a leading one was considered above
                if (named(QStringView(doc.text()).mid(r->first, r->second - r->first)))
                    return lead;
    return lead;
}

// "Name:" and "Name –" lead-ins in a block of text: a run of capitalised words that starts
// the block or a sentence (also without a space: "overall.Vexa 13R:If you…") and ends at the
// separator. Each brand-like one is a place, up to the next lead-in.
void CandidateNames::addLeadIns(const QString &text, qsizetype blockStart, qsizetype blockEnd)
{
    // The block with its soft line breaks back: a line of copied text starts a sentence.
    QString lines = text.mid(blockStart, blockEnd - blockStart);
    for (auto at = std::lower_bound(m_softBreaks.cbegin(), m_softBreaks.cend(), blockStart);
         at != m_softBreaks.cend() && *at < blockEnd; ++at)
        lines[*at - blockStart] = u'\n';
    const QStringView block(lines);
    QList<Place> found;
    Cutter cutter(block);
    for (Cut cut = cutter.next(0); cut.at >= 0; cut = cutter.next(cut.at + cut.length)) {
        if (block[cut.at] == u'\t' || block.mid(cut.at, cut.length) == u" (")
            continue;
        qsizetype nameStart = -1;
        qsizetype end = cut.at;
        int words = 0;
        while (words <= MaxNameWords) {
            bool newLine = false;
            while (end > 0 && block[end - 1].isSpace())
                newLine = newLine || block[--end] == u'\n';
            if (end == 0 || (newLine && words > 0)) {
                nameStart = end == 0 && words == 0 ? 0 : nameStart;
                break;
            }
            qsizetype start = end;
            while (start > 0 && !block[start - 1].isSpace())
                --start;
            const QStringView word = block.mid(start, end - start);
            if (endsSentence(word.back()))
                break; // a sentence or a lead-in ended just before: the name starts after it
            // Flattened text loses the space after a full stop: "overall.Vexa".
            qsizetype glued = -1;
            for (qsizetype k = word.size() - 1; k > 0; --k)
                if (endsSentence(word[k - 1]) && word[k].isUpper()) {
                    glued = k;
                    break;
                }
            if (glued > 0) {
                nameStart = start + glued;
                break;
            }
            if (!word.front().isUpper() && !word.front().isDigit() && word != u"&" && word != u"+")
                break;
            ++words;
            nameStart = start;
            end = start;
        }
        // The name must start where a sentence or the block starts.
        if (nameStart < 0 || words > MaxNameWords)
            continue;
        if (nameStart > 0) {
            qsizetype before = nameStart;
            bool newLine = false;
            while (before > 0 && block[before - 1].isSpace())
                newLine = newLine || block[--before] == u'\n';
            if (before > 0 && !newLine && !endsSentence(block[before - 1]))
                continue;
        }
        // A lead-in of ordinary words is a place only when it names a tracked brand, which the
        // analysis decides: "Top Picks:" is none, "Acme CRM:" is Acme's.
        const QStringView lead = block.mid(nameStart, cut.at - nameStart);
        if (nameShaped(lead).isEmpty())
            continue;
        if (!found.isEmpty())
            found.last().end = blockStart + nameStart;
        // Unlike an entry, a lead-in of ordinary words ("Why It's Great:") is no place of its own.
        const QString name = brandLike(lead);
        found.append({blockStart + nameStart, blockEnd, blockStart + cut.at, false, 0, 0, name, !name.isEmpty()});
    }
    m_places << found;
}

} // namespace geo
