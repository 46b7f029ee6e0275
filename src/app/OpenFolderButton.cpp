#include "OpenFolderButton.h"

#include <QDesktopServices>
#include <QDir>
#include <QFileInfo>
#include <QUrl>

namespace geo {

using namespace Qt::StringLiterals;

OpenFolderButton::OpenFolderButton(QWidget *parent) : QPushButton(tr("Open folder"), parent)
{
    setObjectName(u"openExportFolderButton"_s);
    setFlat(true);
    hide();
    connect(this, &QPushButton::clicked, this, [this] { QDesktopServices::openUrl(QUrl::fromLocalFile(m_folder)); });
}

void OpenFolderButton::offer(const QStringList &files)
{
    if (files.isEmpty())
        return;
    m_folder = QFileInfo(files.front()).absolutePath();
    setToolTip(tr("Open %1 in the file manager").arg(QDir::toNativeSeparators(m_folder)));
    show();
}

} // namespace geo
