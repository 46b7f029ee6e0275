#include "Synopsis.h"

#include "CommandTable.h"

using namespace Qt::StringLiterals;

namespace geo::cli {

using Font = Synopsis::Piece::Font;

Synopsis::Unit Synopsis::of(const Option &option)
{
    Unit unit{{Font::Bold, u"--"_s + option.name}};
    if (!option.value.isEmpty())
        unit << Piece{Font::Roman, u" "_s} << Piece{Font::Italic, option.value};
    return unit;
}

QList<Synopsis::Unit> Synopsis::of(const Command &command)
{
    QList<Unit> units{{{Font::Bold, command.name}}};
    for (const Argument &a : command.arguments) {
        Unit unit;
        if (a.choices.isEmpty()) {
            unit << Piece{Font::Italic, a.name};
        } else {
            for (const QString &choice : a.choices) {
                if (!unit.isEmpty())
                    unit << Piece{Font::Roman, u"|"_s};
                unit << Piece{Font::Bold, choice};
            }
        }
        if (a.stdinDash)
            unit << Piece{Font::Roman, u"|"_s} << Piece{Font::Bold, u"-"_s};
        if (const Option *instead = CommandTable::option(a.instead))
            unit << Piece{Font::Roman, u"|"_s} << of(*instead);
        if (a.kind == Argument::Kind::Optional)
            unit = Unit{{Font::Roman, u"["_s}} + unit + Unit{{Font::Roman, u"]"_s}};
        units << unit;
    }
    for (const QString &name : command.required)
        units << of(*CommandTable::option(name));
    for (const QString &name : command.options)
        units << Unit{{Font::Roman, u"["_s}} + of(*CommandTable::option(name)) + Unit{{Font::Roman, u"]"_s}};
    return units;
}

QString Synopsis::plain(const Unit &unit)
{
    QString text;
    for (const Piece &p : unit)
        text += p.text;
    return text;
}

QString Synopsis::line(const Command &command)
{
    QStringList units{u"geoaudit-cli"_s};
    for (const Unit &unit : of(command))
        units << plain(unit);
    return units.join(u' ');
}

} // namespace geo::cli
