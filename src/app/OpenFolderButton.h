#pragma once

#include <QPushButton>

namespace geo {

// "Open folder" in the status bar once files are written: opens the folder that holds them
// in the desktop's file manager. Hidden until there is something to open.
class OpenFolderButton final : public QPushButton
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OpenFolderButton)
public:
    explicit OpenFolderButton(QWidget *parent = nullptr);

    void offer(const QStringList &files);

private:
    QString m_folder;
};

} // namespace geo
