#include "CellProblems.h"

#include <QColor>
#include <QStringList>

namespace geo {

QVariant CellProblems::data(int row, int column, int role) const
{
    if (role != Qt::BackgroundRole && role != Qt::ToolTipRole)
        return {};
    QStringList texts;
    for (const CellProblem &p : m_problems)
        if (p.row == row && (p.column == column || p.column < 0))
            texts << p.text;
    if (texts.isEmpty())
        return {};
    // Translucent, so the mark reads on light and dark palettes alike.
    return role == Qt::BackgroundRole ? QVariant(QColor(220, 53, 69, 60)) : QVariant(texts.join(u'\n'));
}

} // namespace geo
