#pragma once

#include <QHash>
#include <QString>
#include <QStringView>

#include <array>
#include <cstdint>
#include <vector>

namespace geo {

// VADER sentiment scores of a text (docs/sentiment.md).
struct SentimentScores
{
    double neg = 0.0;
    double neu = 0.0;
    double pos = 0.0;
    double compound = 0.0;
};

// VADER (Hutto & Gilbert 2014) with the lexicon shipped in resources/vader. Immutable after
// construction and safe to use from any thread.
class Vader final
{
public:
    static const Vader &instance();

    // Unrounded scores; see rounded() for the figures the reference implementation prints.
    SentimentScores score(const QString &text) const;

    // neg/neu/pos to 3 decimals and compound to 4, as Python's round() does it (correctly
    // rounded from the exact binary value, ties to even).
    static SentimentScores rounded(const SentimentScores &scores);

    Vader(const Vader &) = delete;
    Vader &operator=(const Vader &) = delete;

private:
    Vader();

    // What a word means to the rules besides its valence; the rules compare lower-case tokens
    // with these words, and a role is cheaper to compare than a string.
    enum class Role : std::uint8_t {
        None,
        No,
        Or,
        Nor,
        Never,
        So,
        This,
        Without,
        Doubt,
        Least,
        At,
        Very,
        Kind,
        Of,
        But
    };

    // Everything known about one lower-case word. Words of multi-word phrases have entries too
    // (maybe with nothing else set), so a phrase is matched by comparing entry indices.
    struct Entry
    {
        double valence = 0.0; // lexicon valence, when inLexicon
        double booster = 0.0; // booster/dampener scalar, when isBooster
        bool inLexicon = false;
        bool isBooster = false;
        bool isNegation = false;
        Role role = Role::None;
        std::uint8_t phraseStarts = 0; // PhraseKind bits: first word of such a phrase
    };

    enum PhraseKind : std::uint8_t { SpecialCase = 1, BoosterPhrase = 2 };

    // A 2- or 3-word phrase of special_cases.tsv or boosters.tsv.
    struct Phrase
    {
        std::array<std::int32_t, 3> words{};
        int length = 0;
        double value = 0.0;
    };

    struct Token;

    // Open addressing; the hash's upper half is kept as a tag to skip most key comparisons.
    struct Slot
    {
        std::int32_t index = -1; // in m_entries, -1 = empty
        std::uint32_t tag = 0;
    };

    std::int32_t find(QStringView word, std::uint64_t hash) const;
    std::int32_t intern(QStringView word);
    void loadLexicon();
    void loadEmoji();
    void loadNegations();
    void loadBoosters();
    void loadSpecialCases();
    std::vector<Phrase> makePhrases(const QHash<QString, double> &phrases, PhraseKind kind);

    QStringView replaceEmoji(const QString &text, QString &buffer) const;
    void tokenize(QStringView text, std::vector<Token> &tokens, int &exclamations, int &questions) const;
    double valence(const std::vector<Token> &tokens, std::size_t i, bool capDifferential) const;
    double specialCases(const std::vector<Token> &tokens, std::size_t i, double valence) const;

    std::vector<Entry> m_entries;
    std::vector<QString> m_keys; // m_keys[i] is the word of m_entries[i]
    std::vector<Slot> m_slots;
    std::size_t m_mask = 0;
    qsizetype m_maxKeyLength = 0; // longer tokens cannot be in the table

    QHash<char32_t, QString> m_emoji; // single-code-point emoji -> description
    char32_t m_minEmoji = 0x10FFFF;

    std::vector<Phrase> m_specialCases;
    std::vector<Phrase> m_boosterPhrases;
};

} // namespace geo
