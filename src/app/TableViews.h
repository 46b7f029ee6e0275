#pragma once

#include <QList>
#include <utility>

class QAbstractItemModel;
class QModelIndex;
class QSortFilterProxyModel;
class QTableView;

namespace geo {

// How the main window's tables show their models.
namespace TableViews {

// Shows model in view through a proxy that sorts by the values under Qt::UserRole and
// filters on every column; rows keep the model's order until the analyst sorts.
QSortFilterProxyModel *showSorted(QTableView *view, QAbstractItemModel *model);
// The model's row that a row of a view shown with showSorted is; -1 for none.
int sourceRow(const QTableView *view, const QModelIndex &index);
// Fixed column widths, in ems of the view's font: (column, ems).
void setColumnWidths(QTableView *view, const QList<std::pair<int, int>> &ems);

} // namespace TableViews

} // namespace geo
