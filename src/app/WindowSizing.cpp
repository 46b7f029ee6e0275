#include "WindowSizing.h"

#include <QScreen>
#include <QStyle>
#include <QWidget>

namespace geo {

void fitToScreen(QWidget *window)
{
    const QRect screen = window->screen()->availableGeometry();
    const QSize size(screen.width() * 4 / 5, screen.height() * 4 / 5);
    window->setGeometry(QStyle::alignedRect(Qt::LeftToRight, Qt::AlignCenter, size, screen));
}

} // namespace geo
