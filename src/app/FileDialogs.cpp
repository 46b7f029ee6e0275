#include "FileDialogs.h"

#include "AppSettings.h"

#include <QDir>
#include <QFileDialog>

namespace geo {

QString FileDialogs::specToOpen(QWidget *parent)
{
    AppSettings settings;
    const QString path = QFileDialog::getOpenFileName(parent, tr("Open audit spec"), settings.specFolder(),
                                                      tr("Audit specs (*.json);;All files (*)"));
    if (!path.isEmpty())
        settings.setSpecFolder(QFileInfo(path).absolutePath());
    return path;
}

QString FileDialogs::specToSave(QWidget *parent, const QString &current, const QString &fileName)
{
    AppSettings settings;
    const QString folder = current.isEmpty() ? settings.specFolder() : QFileInfo(current).absolutePath();
    const QString path = QFileDialog::getSaveFileName(parent, tr("Save audit spec"), QDir(folder).filePath(fileName),
                                                      tr("Audit specs (*.json)"));
    if (!path.isEmpty())
        settings.setSpecFolder(QFileInfo(path).absolutePath());
    return path;
}

QString FileDialogs::answersToImport(QWidget *parent)
{
    AppSettings settings;
    const QString path
        = QFileDialog::getOpenFileName(parent, tr("Import answers"), settings.importFolder(),
                                       tr("Answers (*.csv *.jsonl *.ndjson *.html *.htm);;All files (*)"));
    if (!path.isEmpty())
        settings.setImportFolder(QFileInfo(path).absolutePath());
    return path;
}

QString FileDialogs::pagesToImport(QWidget *parent)
{
    AppSettings settings;
    const QString folder
        = QFileDialog::getExistingDirectory(parent, tr("Import a folder of saved pages"), settings.importFolder());
    if (!folder.isEmpty())
        settings.setImportFolder(folder);
    return folder;
}

QString FileDialogs::exportFolder(QWidget *parent)
{
    AppSettings settings;
    const QString folder
        = QFileDialog::getExistingDirectory(parent, tr("Export CSV tables to"), settings.exportFolder());
    if (!folder.isEmpty())
        settings.setExportFolder(folder);
    return folder;
}

QString FileDialogs::viewExport(QWidget *parent, const QString &fileName)
{
    AppSettings settings;
    const QString path = QFileDialog::getSaveFileName(
        parent, tr("Export this view"), QDir(settings.exportFolder()).filePath(fileName), tr("CSV (*.csv)"));
    if (!path.isEmpty())
        settings.setExportFolder(QFileInfo(path).absolutePath());
    return path;
}

} // namespace geo
