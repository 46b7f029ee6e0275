#include "DiscoveredBrands.h"

#include <QHash>
#include <QMap>
#include <QSet>

#include <algorithm>

namespace geo::DiscoveredBrands {

using namespace Qt::StringLiterals;

namespace {

// Lower case, accents gone (decomposed, the marks dropped), letters and digits only.
QString fold(QStringView text)
{
    QString out;
    for (const QChar c : text.toString().normalized(QString::NormalizationForm_KD))
        if (c.isLetterOrNumber())
            out += c.toLower();
    return out;
}

// The words of a name its brand is: its first, or a particle and the word after it.
QString brandWords(const QString &name)
{
    static const QSet<QString> particles{u"de"_s,  u"da"_s,  u"di"_s,  u"du"_s,  u"del"_s, u"la"_s, u"le"_s,
                                         u"van"_s, u"von"_s, u"der"_s, u"mac"_s, u"mc"_s,  u"st"_s};
    const QStringList words = name.split(u' ', Qt::SkipEmptyParts);
    if (words.isEmpty())
        return {};
    if (words.size() > 1 && particles.contains(fold(words[0])))
        return words[0] + u' ' + words[1];
    return words[0];
}

struct Group
{
    QHash<QString, int> spellings;   // the brand's words as written -> how often
    QMap<QString, QString> products; // folded -> first spelling seen
    QSet<int> answers;
    QSet<QString> engines;
    int bestRank = 0;
};

// The most used spelling; on a tie one not in capitals only ("Korvo" before "KORVO"), then
// the first in order.
QString spellingOf(const Group &g)
{
    QString best;
    int bestCount = 0;
    const auto shouting = [](const QString &s) { return s == s.toUpper() && s != s.toLower(); };
    for (auto it = g.spellings.cbegin(); it != g.spellings.cend(); ++it) {
        const bool better = it.value() > bestCount
            || (it.value() == bestCount && (shouting(best) != shouting(it.key()) ? shouting(best) : it.key() < best));
        if (better) {
            best = it.key();
            bestCount = it.value();
        }
    }
    return best;
}

} // namespace

QString brandKey(const QString &name)
{
    return fold(brandWords(name));
}

QList<DiscoveredBrand> group(const QList<ScoredAnswer> &answers, const QStringList &tracked)
{
    QSet<QString> trackedKeys;
    for (const QString &t : tracked)
        trackedKeys << brandKey(t) << fold(t);
    QHash<QString, Group> groups;
    for (int a = 0; a < answers.size(); ++a)
        for (const DiscoveredName &n : answers[a].discovered) {
            const QString key = brandKey(n.name);
            if (key.isEmpty() || trackedKeys.contains(key))
                continue;
            Group &g = groups[key];
            ++g.spellings[brandWords(n.name)];
            if (const QString product = fold(n.name); product != key && !g.products.contains(product))
                g.products.insert(product, n.name);
            g.answers << a;
            g.engines << answers[a].engine;
            if (n.rank > 0 && (g.bestRank == 0 || n.rank < g.bestRank))
                g.bestRank = n.rank;
        }
    QList<DiscoveredBrand> out;
    for (const Group &g : std::as_const(groups)) {
        DiscoveredBrand d;
        d.name = spellingOf(g);
        d.products = g.products.values();
        std::sort(d.products.begin(), d.products.end(),
                  [](const QString &x, const QString &y) { return x.compare(y, Qt::CaseInsensitive) < 0; });
        d.answers = int(g.answers.size());
        d.engines = g.engines.values();
        d.engines.sort();
        if (g.bestRank > 0)
            d.bestRank = g.bestRank;
        d.mentionShare = double(d.answers) / double(answers.size());
        out << d;
    }
    std::sort(out.begin(), out.end(), [](const DiscoveredBrand &x, const DiscoveredBrand &y) {
        return x.answers != y.answers ? x.answers > y.answers : x.name.compare(y.name, Qt::CaseInsensitive) < 0;
    });
    return out;
}

} // namespace geo::DiscoveredBrands
