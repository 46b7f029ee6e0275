#include "CaseNote.h"

#include "analysis/CaseMatching.h"

#include <QCoreApplication>
#include <QStringList>

namespace geo::CaseNote {

using namespace Qt::StringLiterals;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("CaseNote", text);
}

// "ring", ""nothing" and "on"", ""a", "b" and "c"": the words as the answers would write them.
QString quotedList(const QStringList &names)
{
    QStringList quoted;
    for (const QString &n : names)
        quoted << u"\u201C%1\u201D"_s.arg(n.toLower());
    if (quoted.size() < 2)
        return quoted.join(QString());
    return tr("%1 and %2").arg(quoted.mid(0, quoted.size() - 1).join(u", "_s), quoted.last());
}

QStringList ordinaryWords(const BrandSpec &brand)
{
    QStringList out;
    for (const QString &name : brand.names())
        if (CaseMatching::isOrdinaryWord(name))
            out << name.simplified();
    return out;
}

} // namespace

QString of(const BrandSpec &brand)
{
    if (brand.matchCase == true)
        return tr("Matched as written (or in capitals): the spec sets \u201Cmatch_case\u201D");
    const QStringList words = ordinaryWords(brand);
    if (words.isEmpty())
        return {};
    if (brand.matchCase == false)
        return (words.size() == 1
                    ? tr("Matched in any case: the spec sets \u201Cmatch_case\u201D to false, so %1 counts too")
                    : tr("Matched in any case: the spec sets \u201Cmatch_case\u201D to false, so %1 count too"))
            .arg(quotedList(words));
    return (words.size() == 1 ? tr("Matched as written (or in capitals): %1 is an ordinary word")
                              : tr("Matched as written (or in capitals): %1 are ordinary words"))
        .arg(quotedList(words));
}

} // namespace geo::CaseNote
