#include "CsvExports.h"

#include "export/CsvExporter.h"
#include "model/WhenReady.h"
#include "model/WorkPool.h"

#include <QAbstractItemModel>
#include <QDir>
#include <QProgressDialog>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

namespace geo {

using namespace Qt::StringLiterals;

CsvExports::CsvExports(AuditStore *store, QWidget *window) : QObject(window), m_store(store), m_window(window) { }

void CsvExports::exportAudit(qint64 auditId, const QString &folder)
{
    // A large audit takes seconds: after half a second a dialog counts the rows written and
    // offers to stop.
    auto progress = std::make_shared<CsvExporter::Progress>();
    auto *dialog = new QProgressDialog(tr("Exporting audit %1…").arg(auditId), tr("Cancel"), 0, 0, m_window);
    dialog->setObjectName(u"exportProgress"_s);
    dialog->setWindowModality(Qt::WindowModal);
    dialog->setMinimumDuration(500);
    dialog->setAutoReset(false);
    connect(dialog, &QProgressDialog::canceled, dialog, [progress] { progress->cancelled = true; });
    auto *tick = new QTimer(dialog);
    connect(tick, &QTimer::timeout, dialog, [dialog, progress, auditId] {
        dialog->setLabelText(tr("Exporting audit %1: %L2 rows written…").arg(auditId).arg(progress->rows.load()));
    });
    tick->start(200);
    whenReady(
        CsvExporter::exportAudit(m_store, auditId, folder, progress), this,
        [this, folder, dialog, progress](const Result<QStringList> &files) {
            dialog->deleteLater();
            if (!files) {
                emit failed(files.error(), progress->cancelled);
                return;
            }
            emit exported(
                files.value(),
                tr("Wrote %n CSV file(s) to %1", nullptr, int(files->size())).arg(QDir::toNativeSeparators(folder)));
        });
}

QList<QVariantList> CsvExports::rowsOf(const QAbstractItemModel *view)
{
    QList<QVariantList> rows;
    QVariantList header;
    for (int c = 0; c < view->columnCount(); ++c)
        header << view->headerData(c, Qt::Horizontal, Qt::DisplayRole);
    rows << header;
    for (int r = 0; r < view->rowCount(); ++r) {
        QVariantList row;
        for (int c = 0; c < view->columnCount(); ++c)
            row << view->index(r, c).data(Qt::DisplayRole);
        rows << row;
    }
    return rows;
}

void CsvExports::exportView(const QAbstractItemModel *view, const QString &path)
{
    // Copying what is shown is quick; writing it is the disk's, off the GUI thread.
    const QList<QVariantList> rows = rowsOf(view);
    const int count = int(rows.size() - 1);
    whenReady(QtConcurrent::run(workPool(), [path, rows] { return CsvExporter::writeTable(path, rows); }), this,
              [this, path, count](const Status &written) {
                  if (!written) {
                      emit failed(written.error(), false);
                      return;
                  }
                  emit exported({path},
                                tr("Wrote %n row(s) to %1", nullptr, count).arg(QDir::toNativeSeparators(path)));
              });
}

} // namespace geo
