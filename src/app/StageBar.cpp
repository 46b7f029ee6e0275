#include "StageBar.h"

#include <QPainter>

#include <algorithm>

namespace geo {

StageBar::StageBar(QWidget *parent) : QProgressBar(parent)
{
    // It paints every pixel it owns, so a repaint need not repaint what lies beneath.
    setAttribute(Qt::WA_OpaquePaintEvent);
}

QSize StageBar::sizeHint() const
{
    const QFontMetrics metrics = fontMetrics();
    return {metrics.horizontalAdvance(text()) + 4 * metrics.height(), metrics.height() + 8};
}

QSize StageBar::minimumSizeHint() const
{
    return {4 * fontMetrics().height(), fontMetrics().height() + 8};
}

void StageBar::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    const QPalette &colours = palette();
    const QRect frame = rect().adjusted(0, 0, -1, -1);
    painter.setPen(colours.color(QPalette::Mid));
    painter.setBrush(colours.color(QPalette::Base));
    painter.drawRect(frame);

    const qint64 span = qint64(maximum()) - minimum();
    const double done = span > 0 ? double(qint64(value()) - minimum()) / double(span) : 0.0;
    const QRect inside = frame.adjusted(1, 1, 0, 0);
    QRect filled = inside;
    filled.setWidth(int(inside.width() * std::clamp(done, 0.0, 1.0)));
    if (isEnabled() && filled.width() > 0)
        painter.fillRect(filled, colours.color(QPalette::Highlight));

    if (!isTextVisible())
        return;
    // The text reads on either side of the edge: highlighted text over the bar, plain beside.
    const QString label = text();
    const int flags = Qt::AlignCenter | Qt::TextSingleLine;
    painter.setPen(colours.color(isEnabled() ? QPalette::Active : QPalette::Disabled, QPalette::Text));
    painter.drawText(inside, flags, label);
    painter.setClipRect(filled);
    painter.setPen(colours.color(QPalette::HighlightedText));
    painter.drawText(inside, flags, label);
}

} // namespace geo
