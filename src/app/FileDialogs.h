#pragma once

#include <QCoreApplication>
#include <QString>

class QWidget;

namespace geo {

// The main window's file dialogs, each opening where the analyst last chose a file of its
// kind and remembering (in AppSettings) where they chose this time. Each returns the path
// chosen, or empty when the analyst cancelled.
class FileDialogs final
{
    Q_DECLARE_TR_FUNCTIONS(FileDialogs)
public:
    static QString specToOpen(QWidget *parent);
    // current: where the spec was opened from or last saved, if anywhere.
    static QString specToSave(QWidget *parent, const QString &current, const QString &fileName);
    static QString answersToImport(QWidget *parent);
    // A folder of answers saved from the browser as pages, with a sidecar each (SavedPages).
    static QString pagesToImport(QWidget *parent);
    static QString exportFolder(QWidget *parent);
    static QString viewExport(QWidget *parent, const QString &fileName);
};

} // namespace geo
