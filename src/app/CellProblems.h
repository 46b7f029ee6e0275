#pragma once

#include <QList>
#include <QString>
#include <QVariant>

namespace geo {

// A validation problem placed on a table cell, or on a whole row when column is -1.
struct CellProblem
{
    int row = 0;
    int column = -1;
    QString text;
};

// The problems a table model marks: a tinted background and the problem as tool tip, for
// the set-up form's tables.
class CellProblems final
{
public:
    void set(const QList<CellProblem> &problems) { m_problems = problems; }
    bool isEmpty() const { return m_problems.isEmpty(); }
    // The mark for (row, column) under role, or an invalid QVariant for the model's own data.
    QVariant data(int row, int column, int role) const;

private:
    QList<CellProblem> m_problems;
};

} // namespace geo
