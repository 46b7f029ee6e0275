#include "CaseMatching.h"

#include <QFile>
#include <QSet>

namespace geo::CaseMatching {

using namespace Qt::StringLiterals;

namespace {

// The list's lower-case entries only: "Apple" and "Nike" are there as proper nouns, which is
// no reason to doubt a capitalised "Nike"; "apple" is there as the fruit.
const QSet<QString> &lowerCaseWords()
{
    static const QSet<QString> words = [] {
        QSet<QString> out;
        QFile f(u"/usr/share/dict/american-english"_s);
        if (!f.open(QIODevice::ReadOnly | QIODevice::Text))
            return out;
        while (!f.atEnd()) {
            const QString word = QString::fromUtf8(f.readLine()).trimmed();
            if (!word.isEmpty() && word == word.toLower())
                out.insert(word);
        }
        return out;
    }();
    return words;
}

} // namespace

bool isOrdinaryWord(const QString &name)
{
    const QString word = name.simplified();
    if (word.isEmpty() || word.contains(u' '))
        return false;
    return lowerCaseWords().contains(word.toLower());
}

bool matchedAsWritten(const BrandSpec &brand, const QString &name)
{
    return brand.matchCase.value_or(isOrdinaryWord(name));
}

QStringList ordinaryWordNames(const BrandSpec &brand)
{
    QStringList out;
    if (brand.matchCase.has_value())
        return out;
    for (const QString &name : brand.names())
        if (isOrdinaryWord(name))
            out << name.simplified();
    return out;
}

} // namespace geo::CaseMatching
