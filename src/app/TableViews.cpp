#include "TableViews.h"

#include <QHeaderView>
#include <QSortFilterProxyModel>
#include <QTableView>

namespace geo::TableViews {

QSortFilterProxyModel *showSorted(QTableView *view, QAbstractItemModel *model)
{
    auto *proxy = new QSortFilterProxyModel(view);
    proxy->setSourceModel(model);
    proxy->setSortRole(Qt::UserRole);
    proxy->setFilterKeyColumn(-1);
    proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    view->setModel(proxy);
    view->setSortingEnabled(true);
    view->sortByColumn(-1, Qt::AscendingOrder);
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 6);
    return proxy;
}

int sourceRow(const QTableView *view, const QModelIndex &index)
{
    const auto *proxy = static_cast<const QSortFilterProxyModel *>(view->model());
    return proxy->mapToSource(index).row();
}

void setColumnWidths(QTableView *view, const QList<std::pair<int, int>> &ems)
{
    const int em = view->fontMetrics().horizontalAdvance(u'M');
    for (const auto &[column, width] : ems)
        view->horizontalHeader()->resizeSection(column, width * em);
}

} // namespace geo::TableViews
