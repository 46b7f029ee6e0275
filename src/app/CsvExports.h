#pragma once

#include <QList>
#include <QObject>
#include <QVariantList>

class QAbstractItemModel;
class QWidget;

namespace geo {

class AuditStore;

// The CSV files the analyst asks for, written off the GUI thread: every table of an audit
// into a folder (past half a second a dialog counts the rows written and can stop it), or
// one table as its view shows it, filtered and sorted. How each went comes as a signal.
class CsvExports final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CsvExports)
public:
    // window: the dialog's parent, which it blocks while it shows.
    CsvExports(AuditStore *store, QWidget *window);

    void exportAudit(qint64 auditId, const QString &folder);
    void exportView(const QAbstractItemModel *view, const QString &path);
    // What a view shows, header first, as display text: copied on the GUI thread (quick),
    // so the view may change while the copy is written.
    static QList<QVariantList> rowsOf(const QAbstractItemModel *view);

signals:
    void exported(const QStringList &files, const QString &message);
    // cancelled: the analyst stopped it, and needs no telling why it failed.
    void failed(const QString &error, bool cancelled);

private:
    AuditStore *m_store;
    QWidget *m_window;
};

} // namespace geo
