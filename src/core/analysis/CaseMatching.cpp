#include "CaseMatching.h"
#include "EnglishWords.h"

namespace geo::CaseMatching {

using namespace Qt::StringLiterals;

bool isOrdinaryWord(const QString &name)
{
    const QString word = name.simplified();
    if (word.isEmpty() || word.contains(u' '))
        return false;
    // The key is lower case, so the list's mixed-case entries ("eBay") never match it.
    return englishWords().contains(word.toLower());
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
