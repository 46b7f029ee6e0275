#include "Vader.h"

#include <QFile>
#include <QVarLengthArray>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>

namespace geo {

using namespace Qt::StringLiterals;

namespace {

// Constants of docs/sentiment.md; the booster scalars come from boosters.tsv.
constexpr double kCapsEmphasis = 0.733;
constexpr double kNegationScalar = -0.74;
constexpr double kAlpha = 15.0;
constexpr double kExclamation = 0.292;
constexpr int kMaxExclamations = 4;
constexpr double kQuestion = 0.18;
constexpr double kManyQuestions = 0.96;
constexpr double kNeverSo = 1.25;
constexpr double kDamping2 = 0.95;
constexpr double kDamping3 = 0.9;

// The separators of Python's str.split() (str.isspace()), which the reference tokenises
// with; all of them are in the BMP. Wider than QChar::isSpace(): U+001C..U+001F too.
constexpr bool isSpace(char16_t c)
{
    if (c <= 0x20)
        return c == 0x20 || (c >= 0x09 && c <= 0x0d) || (c >= 0x1c && c <= 0x1f);
    if (c < 0x85)
        return false;
    return c == 0x85 || c == 0xa0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200a) || c == 0x2028 || c == 0x2029
        || c == 0x202f || c == 0x205f || c == 0x3000;
}

// Python's string.punctuation: every printable ASCII character that is not a letter, a
// digit or a space.
constexpr bool isAsciiPunctuation(char16_t c)
{
    return (c >= 0x21 && c <= 0x2f) || (c >= 0x3a && c <= 0x40) || (c >= 0x5b && c <= 0x60) || (c >= 0x7b && c <= 0x7e);
}

// The reference counts Python characters (code points), not UTF-16 units.
qsizetype codePointCount(const char16_t *s, qsizetype length)
{
    qsizetype count = length;
    for (qsizetype i = 0; i + 1 < length; ++i) {
        if (QChar::isHighSurrogate(s[i]) && QChar::isLowSurrogate(s[i + 1])) {
            --count;
            ++i;
        }
    }
    return count;
}

// Decodes the code point at s[i] (a surrogate pair or a single unit) and its length in units.
char32_t codePointAt(const char16_t *s, qsizetype length, qsizetype i, qsizetype *units)
{
    const char16_t c = s[i];
    if (QChar::isHighSurrogate(c) && i + 1 < length && QChar::isLowSurrogate(s[i + 1])) {
        *units = 2;
        return QChar::surrogateToUcs4(c, s[i + 1]);
    }
    *units = 1;
    return c;
}

// Python's str.isupper(): at least one upper-case letter and no lower- or title-case one.
bool isAllCaps(QStringView word)
{
    const auto *s = word.utf16();
    bool upper = false;
    qsizetype units = 1;
    for (qsizetype i = 0; i < word.size(); i += units) {
        const char32_t c = codePointAt(s, word.size(), i, &units);
        if (QChar::isLower(c) || QChar::isTitleCase(c))
            return false;
        upper = upper || QChar::isUpper(c);
    }
    return upper;
}

// FNV-1a over UTF-16 units: short words, so a simple inline hash beats a call into qHash();
// tokenize() computes the same while lower-casing.
constexpr std::uint64_t kFnvOffset = 14695981039346656037ull;
constexpr std::uint64_t kFnvPrime = 1099511628211ull;

constexpr std::uint64_t hashStep(std::uint64_t hash, char16_t c)
{
    return (hash ^ c) * kFnvPrime;
}

std::uint64_t hashWord(QStringView word)
{
    std::uint64_t hash = kFnvOffset;
    for (const QChar c : word)
        hash = hashStep(hash, c.unicode());
    return hash;
}

QString readResource(const QString &path)
{
    QFile file(path);
    // The data is compiled in, so failing here is a broken build, not a runtime condition;
    // carrying on would silently score every text as neutral.
    if (!file.open(QIODevice::ReadOnly))
        qFatal("VADER: cannot read %s; is geoaudit_resources linked?", qUtf8Printable(path));
    return QString::fromUtf8(file.readAll());
}

// "key<TAB>value..." lines. The reference data files (lexicon, emoji) have no comments; the
// project's own lists (negations, boosters, special cases) start with a '#' header.
template<typename F>
void forEachRecord(const QString &content, bool commentLines, F &&f)
{
    for (QStringView line : QStringView(content).split(u'\n')) {
        line = line.trimmed();
        if (line.isEmpty() || (commentLines && line.startsWith(u'#')))
            continue;
        const qsizetype tab = line.indexOf(u'\t');
        if (tab < 0) {
            f(line, QStringView());
            continue;
        }
        QStringView value = line.sliced(tab + 1);
        const qsizetype nextTab = value.indexOf(u'\t');
        if (nextTab >= 0)
            value.truncate(nextTab);
        f(line.first(tab), value);
    }
}

double roundTo(double value, int decimals)
{
    // to_chars with a precision is correctly rounded from the exact binary value with ties to
    // even, which is what Python's round() does; parsing it back gives Python's double.
    char buffer[64];
    const auto written = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed, decimals);
    if (written.ec != std::errc())
        return value;
    double result = value;
    std::from_chars(buffer, written.ptr, result);
    return result;
}

} // namespace

struct Vader::Token
{
    std::int32_t entry = -1; // in m_entries, -1 when the word is unknown
    Role role = Role::None;
    bool inLexicon = false;
    bool isBooster = false;
    bool negated = false; // a negation word, or contains "n't"
    bool allCaps = false;
    std::uint8_t phraseStarts = 0;
    double valence = 0.0;
};

const Vader &Vader::instance()
{
    static const Vader vader;
    return vader;
}

Vader::Vader()
{
    m_slots.assign(16384, {});
    m_mask = m_slots.size() - 1;
    loadLexicon();
    loadEmoji();
    loadNegations();
    loadBoosters();
    loadSpecialCases();
    const std::pair<QStringView, Role> roles[] = {
        {u"no", Role::No},       {u"or", Role::Or},     {u"nor", Role::Nor},         {u"never", Role::Never},
        {u"so", Role::So},       {u"this", Role::This}, {u"without", Role::Without}, {u"doubt", Role::Doubt},
        {u"least", Role::Least}, {u"at", Role::At},     {u"very", Role::Very},       {u"kind", Role::Kind},
        {u"of", Role::Of},       {u"but", Role::But},
    };
    for (const auto &[word, role] : roles)
        m_entries[std::size_t(intern(word))].role = role;
}

std::int32_t Vader::find(QStringView word, std::uint64_t hash) const
{
    if (word.size() > m_maxKeyLength)
        return -1;
    const auto tag = std::uint32_t(hash >> 32);
    for (std::size_t slot = hash & m_mask;; slot = (slot + 1) & m_mask) {
        const Slot &s = m_slots[slot];
        if (s.index < 0)
            return -1;
        if (s.tag != tag)
            continue;
        const QString &key = m_keys[std::size_t(s.index)];
        if (key.size() == word.size() && std::memcmp(key.constData(), word.data(), std::size_t(word.size()) * 2) == 0)
            return s.index;
    }
}

std::int32_t Vader::intern(QStringView word)
{
    const std::uint64_t hash = hashWord(word);
    if (const std::int32_t index = find(word, hash); index >= 0)
        return index;
    const auto insert = [this](std::int32_t index, std::uint64_t h) {
        std::size_t slot = h & m_mask;
        while (m_slots[slot].index >= 0)
            slot = (slot + 1) & m_mask;
        m_slots[slot] = {index, std::uint32_t(h >> 32)};
    };
    // Keep the load factor at most 1/2 so that probes stay short.
    if ((m_keys.size() + 1) * 2 > m_slots.size()) {
        m_slots.assign(m_slots.size() * 2, {});
        m_mask = m_slots.size() - 1;
        for (std::size_t i = 0; i < m_keys.size(); ++i)
            insert(std::int32_t(i), hashWord(m_keys[i]));
    }
    const auto index = std::int32_t(m_keys.size());
    insert(index, hash);
    m_keys.push_back(word.toString());
    m_entries.push_back({});
    m_maxKeyLength = std::max(m_maxKeyLength, word.size());
    return index;
}

void Vader::loadLexicon()
{
    // Later lines win, as in the reference's dict (the file repeats "ok", "lol", ...).
    // Keys are kept as written: the few with capitals (":D") are unreachable there too,
    // since tokens are lower-cased before the lookup.
    forEachRecord(readResource(u":/vader/vader_lexicon.txt"_s), false, [this](QStringView word, QStringView value) {
        bool ok = false;
        const double valence = value.toDouble(&ok);
        if (!ok)
            return;
        Entry &entry = m_entries[std::size_t(intern(word))];
        entry.valence = valence;
        entry.inLexicon = true;
    });
}

void Vader::loadEmoji()
{
    // The reference replaces one character at a time, so only single-code-point keys can
    // ever match; sequences (flags, keycaps, ZWJ) are left out.
    forEachRecord(readResource(u":/vader/emoji_utf8_lexicon.txt"_s), false,
                  [this](QStringView key, QStringView description) {
                      if (key.isEmpty() || description.isEmpty())
                          return;
                      qsizetype units = 0;
                      const char32_t c = codePointAt(key.utf16(), key.size(), 0, &units);
                      if (units != key.size())
                          return;
                      m_emoji.insert(c, description.toString());
                      m_minEmoji = std::min(m_minEmoji, c);
                  });
}

void Vader::loadNegations()
{
    forEachRecord(readResource(u":/vader/negations.txt"_s), true,
                  [this](QStringView word, QStringView) { m_entries[std::size_t(intern(word))].isNegation = true; });
}

void Vader::loadBoosters()
{
    QHash<QString, double> phrases;
    forEachRecord(readResource(u":/vader/boosters.tsv"_s), true, [&](QStringView word, QStringView value) {
        bool ok = false;
        const double scalar = value.toDouble(&ok);
        if (!ok)
            return;
        if (word.contains(u' ')) {
            phrases.insert(word.toString(), scalar);
            return;
        }
        Entry &entry = m_entries[std::size_t(intern(word))];
        entry.booster = scalar;
        entry.isBooster = true;
    });
    m_boosterPhrases = makePhrases(phrases, BoosterPhrase);
}

void Vader::loadSpecialCases()
{
    QHash<QString, double> phrases;
    forEachRecord(readResource(u":/vader/special_cases.tsv"_s), true, [&](QStringView phrase, QStringView value) {
        bool ok = false;
        const double valence = value.toDouble(&ok);
        if (ok)
            phrases.insert(phrase.toString(), valence);
    });
    m_specialCases = makePhrases(phrases, SpecialCase);
}

std::vector<Vader::Phrase> Vader::makePhrases(const QHash<QString, double> &phrases, PhraseKind kind)
{
    // The reference looks up "w1 w2" / "w1 w2 w3" built from tokens, which contain no spaces;
    // so a one-word entry ("badass") or one with doubled spaces can never match and is dropped.
    std::vector<Phrase> result;
    for (auto it = phrases.cbegin(); it != phrases.cend(); ++it) {
        const QList<QStringView> words = QStringView(it.key()).split(u' ');
        if (words.size() < 2 || words.size() > 3
            || std::any_of(words.cbegin(), words.cend(), [](QStringView w) { return w.isEmpty(); }))
            continue;
        Phrase phrase;
        phrase.length = int(words.size());
        phrase.value = it.value();
        for (int i = 0; i < phrase.length; ++i)
            phrase.words[std::size_t(i)] = intern(words[i]);
        m_entries[std::size_t(phrase.words[0])].phraseStarts |= kind;
        result.push_back(phrase);
    }
    return result;
}

QStringView Vader::replaceEmoji(const QString &text, QString &buffer) const
{
    const char16_t *s = QStringView(text).utf16();
    const qsizetype length = text.size();
    qsizetype units = 1;
    qsizetype first = 0;
    for (; first < length; ++first) {
        if (s[first] >= m_minEmoji && m_emoji.contains(codePointAt(s, length, first, &units)))
            break;
        // A low surrogate alone is never a key, so a pair is safely looked at unit by unit.
    }
    if (first == length)
        return text; // the common case: nothing to replace, nothing to copy

    buffer.reserve(length + 64);
    buffer.append(QStringView(s, first));
    bool previousSpace = first == 0 || s[first - 1] == u' ';
    for (qsizetype i = first; i < length; i += units) {
        const char32_t c = codePointAt(s, length, i, &units);
        const auto emoji = c >= m_minEmoji ? m_emoji.constFind(c) : m_emoji.constEnd();
        if (emoji != m_emoji.constEnd()) {
            // Only a preceding non-space gets a separator; what follows is glued on, as in
            // the reference ("😀good" -> "grinning facegood").
            if (!previousSpace)
                buffer.append(u' ');
            buffer.append(*emoji);
            previousSpace = false;
        } else {
            buffer.append(QStringView(s + i, units));
            previousSpace = c == u' ';
        }
    }
    return buffer;
}

void Vader::tokenize(QStringView text, std::vector<Token> &tokens, int &exclamations, int &questions) const
{
    const char16_t *s = text.utf16();
    const qsizetype length = text.size();
    QVarLengthArray<char16_t, 32> lower(m_maxKeyLength);
    qsizetype i = 0;
    while (true) {
        while (i < length && isSpace(s[i]))
            ++i;
        if (i == length)
            break;
        const qsizetype start = i;
        bool ascii = true;
        bool apostrophe = false;
        for (; i < length && !isSpace(s[i]); ++i) {
            const char16_t c = s[i];
            if (c >= 0x80) {
                ascii = false;
            } else if (c <= u'?') { // letters are above: one comparison for most characters
                exclamations += c == u'!';
                questions += c == u'?';
                apostrophe = apostrophe || c == u'\'';
            }
        }

        // Step 2: strip punctuation unless 2 characters or fewer would remain, which keeps
        // emoticons (":)", ":-)") and short words with their punctuation ("ok.").
        qsizetype from = start;
        qsizetype to = i;
        while (from < to && isAsciiPunctuation(s[from]))
            ++from;
        while (to > from && isAsciiPunctuation(s[to - 1]))
            --to;
        if (to - from <= 2 || (to - from <= 4 && codePointCount(s + from, to - from) <= 2)) {
            from = start;
            to = i;
        }
        const QStringView word(s + from, to - from);

        Token token;
        if (ascii) {
            // Lower-case into a scratch buffer and hash in the same pass; a token longer than
            // every key needs only its case checked.
            const bool lookUp = word.size() <= m_maxKeyLength;
            std::uint64_t hash = kFnvOffset;
            bool upperSeen = false;
            bool lowerSeen = false;
            for (qsizetype j = 0; j < word.size(); ++j) {
                char16_t c = word.utf16()[j];
                if (c >= u'A' && c <= u'Z') {
                    upperSeen = true;
                    c += 32;
                } else if (c >= u'a' && c <= u'z') {
                    lowerSeen = true;
                }
                if (lookUp) {
                    lower[j] = c;
                    hash = hashStep(hash, c);
                }
            }
            token.allCaps = upperSeen && !lowerSeen;
            if (lookUp)
                token.entry = find(QStringView(lower.constData(), word.size()), hash);
            if (apostrophe)
                token.negated = word.contains(u"n't", Qt::CaseInsensitive);
        } else {
            // Rare enough (accents, curly quotes) to afford Unicode lower-casing.
            const QString lowered = word.toString().toLower();
            token.allCaps = isAllCaps(word);
            token.entry = find(lowered, hashWord(lowered));
            if (apostrophe)
                token.negated = lowered.contains(u"n't");
        }
        if (token.entry >= 0) {
            const Entry &entry = m_entries[std::size_t(token.entry)];
            token.role = entry.role;
            token.inLexicon = entry.inLexicon;
            token.isBooster = entry.isBooster;
            token.negated = token.negated || entry.isNegation;
            token.phraseStarts = entry.phraseStarts;
        }
        tokens.push_back(token);
    }
}

double Vader::specialCases(const std::vector<Token> &tokens, std::size_t i, double valence) const
{
    // Only called with i >= 3. Phrase words are all in the table, so comparing entry indices
    // compares the lower-case words.
    const auto phraseAt = [&](PhraseKind kind, std::size_t from, int length) -> const Phrase * {
        // Most words start no phrase at all: skip the scan for them.
        if (!(tokens[from].phraseStarts & kind))
            return nullptr;
        for (const Phrase &phrase : kind == SpecialCase ? m_specialCases : m_boosterPhrases) {
            if (phrase.length != length)
                continue;
            bool same = true;
            for (int k = 0; k < length && same; ++k)
                same = tokens[from + std::size_t(k)].entry == phrase.words[std::size_t(k)];
            if (same)
                return &phrase;
        }
        return nullptr;
    };

    // Phrases ending at i or just before it, in the reference's order; the first match wins.
    const std::pair<std::size_t, int> before[] = {{i - 1, 2}, {i - 2, 3}, {i - 2, 2}, {i - 3, 3}, {i - 3, 2}};
    for (const auto &[from, length] : before) {
        if (const Phrase *phrase = phraseAt(SpecialCase, from, length)) {
            valence = phrase->value;
            break;
        }
    }
    // Phrases starting at i override those.
    if (tokens.size() - 1 > i) {
        if (const Phrase *phrase = phraseAt(SpecialCase, i, 2))
            valence = phrase->value;
    }
    if (tokens.size() - 1 > i + 1) {
        if (const Phrase *phrase = phraseAt(SpecialCase, i, 3))
            valence = phrase->value;
    }
    // Multi-word boosters ("kind of", "sort of") just before i.
    const std::pair<std::size_t, int> boosters[] = {{i - 3, 3}, {i - 3, 2}, {i - 2, 2}};
    for (const auto &[from, length] : boosters) {
        if (const Phrase *phrase = phraseAt(BoosterPhrase, from, length))
            valence += phrase->value;
    }
    return valence;
}

double Vader::valence(const std::vector<Token> &tokens, std::size_t i, bool capDifferential) const
{
    const Token &token = tokens[i];
    const std::size_t count = tokens.size();
    if (token.isBooster)
        return 0.0;
    if (token.role == Role::Kind && i + 1 < count && tokens[i + 1].role == Role::Of)
        return 0.0;
    if (!token.inLexicon)
        return 0.0;

    const double lexicon = m_entries[std::size_t(token.entry)].valence;
    double v = lexicon;
    // "no" before a lexicon word negates that word instead of counting itself.
    if (token.role == Role::No && i + 1 < count && tokens[i + 1].inLexicon)
        v = 0.0;
    const auto roleAt = [&](std::size_t back) { return tokens[i - back].role; };
    if ((i > 0 && roleAt(1) == Role::No) || (i > 1 && roleAt(2) == Role::No)
        || (i > 2 && roleAt(3) == Role::No && (roleAt(1) == Role::Or || roleAt(1) == Role::Nor)))
        v = lexicon * kNegationScalar;

    if (token.allCaps && capDifferential)
        v += v > 0 ? kCapsEmphasis : -kCapsEmphasis;

    for (std::size_t k = 1; k <= 3; ++k) {
        // Lexicon words are never modifiers of their neighbours.
        if (i < k || tokens[i - k].inLexicon)
            continue;
        const Token &modifier = tokens[i - k];
        double scalar = 0.0;
        if (modifier.isBooster) {
            scalar = m_entries[std::size_t(modifier.entry)].booster;
            if (v < 0)
                scalar = -scalar;
            if (modifier.allCaps && capDifferential)
                scalar += v > 0 ? kCapsEmphasis : -kCapsEmphasis;
            if (k == 2)
                scalar *= kDamping2;
            else if (k == 3)
                scalar *= kDamping3;
        }
        v += scalar;

        const auto soOrThis = [](Role role) { return role == Role::So || role == Role::This; };
        if (k == 1) {
            if (modifier.negated)
                v *= kNegationScalar;
        } else if (k == 2) {
            if (roleAt(2) == Role::Never && soOrThis(roleAt(1)))
                v *= kNeverSo;
            else if (roleAt(2) == Role::Without && roleAt(1) == Role::Doubt)
                ; // "without doubt" affirms
            else if (modifier.negated)
                v *= kNegationScalar;
        } else {
            if ((roleAt(3) == Role::Never && soOrThis(roleAt(2))) || soOrThis(roleAt(1)))
                v *= kNeverSo;
            else if (roleAt(3) == Role::Without && (roleAt(2) == Role::Doubt || roleAt(1) == Role::Doubt))
                ; // "without (a) doubt" affirms
            else if (modifier.negated)
                v *= kNegationScalar;
            v = specialCases(tokens, i, v);
        }
    }

    // "least" negates, but "at least" and "very least" do not.
    if (i > 0 && !tokens[i - 1].inLexicon && roleAt(1) == Role::Least
        && (i == 1 || (roleAt(2) != Role::At && roleAt(2) != Role::Very)))
        v *= kNegationScalar;
    return v;
}

SentimentScores Vader::score(const QString &text) const
{
    QString replaced;
    const QStringView view = replaceEmoji(text, replaced);

    std::vector<Token> tokens;
    tokens.reserve(std::size_t(view.size() / 5 + 1)); // about one token per 5-6 characters
    int exclamations = 0;
    int questions = 0;
    tokenize(view, tokens, exclamations, questions);
    if (tokens.empty())
        return {};

    // Capitals stand out only when some tokens are not in capitals.
    const auto capsCount = std::count_if(tokens.cbegin(), tokens.cend(), [](const Token &t) { return t.allCaps; });
    const bool capDifferential = capsCount > 0 && std::size_t(capsCount) < tokens.size();

    for (std::size_t i = 0; i < tokens.size(); ++i)
        tokens[i].valence = valence(tokens, i, capDifferential);

    // "but" shifts the weight to what follows its first occurrence.
    const auto but = std::find_if(tokens.begin(), tokens.end(), [](const Token &t) { return t.role == Role::But; });
    if (but != tokens.end()) {
        for (auto it = tokens.begin(); it != but; ++it)
            it->valence *= 0.5;
        for (auto it = but + 1; it != tokens.end(); ++it)
            it->valence *= 1.5;
    }

    // Summed left to right, as the reference's sum() does.
    double sum = 0.0;
    double posSum = 0.0;
    double negSum = 0.0;
    int neutral = 0;
    for (const Token &t : tokens) {
        sum += t.valence;
        if (t.valence > 0)
            posSum += t.valence + 1;
        else if (t.valence < 0)
            negSum += t.valence - 1;
        else
            ++neutral;
    }

    const double questionEmphasis = questions <= 1 ? 0.0 : questions <= 3 ? questions * kQuestion : kManyQuestions;
    const double emphasis = std::min(exclamations, kMaxExclamations) * kExclamation + questionEmphasis;
    if (sum > 0)
        sum += emphasis;
    else if (sum < 0)
        sum -= emphasis;

    SentimentScores scores;
    scores.compound = std::clamp(sum / std::sqrt(sum * sum + kAlpha), -1.0, 1.0);
    if (posSum > std::fabs(negSum))
        posSum += emphasis;
    else if (posSum < std::fabs(negSum))
        negSum -= emphasis;
    const double total = posSum + std::fabs(negSum) + neutral;
    scores.pos = std::fabs(posSum / total);
    scores.neg = std::fabs(negSum / total);
    scores.neu = std::fabs(neutral / total);
    return scores;
}

SentimentScores Vader::rounded(const SentimentScores &scores)
{
    return {roundTo(scores.neg, 3), roundTo(scores.neu, 3), roundTo(scores.pos, 3), roundTo(scores.compound, 4)};
}

} // namespace geo
