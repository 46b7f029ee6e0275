#include "ProblemLabel.h"

#include <QEvent>

namespace geo {

ProblemLabel::ProblemLabel(QWidget *parent) : QLabel(parent)
{
    setWordWrap(true);
    setTextFormat(Qt::PlainText);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    colour();
    keepHeightFixed();
    hide();
}

void ProblemLabel::setProblem(const QString &text)
{
    if (text != this->text()) {
        setText(text);
        keepHeightFixed(); // setText gives a wrapping label heightForWidth again
        m_height = heightForWidth(width());
        updateGeometry();
    }
    setVisible(!text.isEmpty());
}

QSize ProblemLabel::sizeHint() const
{
    // Narrow, so that a long problem wraps instead of widening the form.
    return {fontMetrics().averageCharWidth() * 20, m_height > 0 ? m_height : QLabel::sizeHint().height()};
}

QSize ProblemLabel::minimumSizeHint() const
{
    return {fontMetrics().averageCharWidth() * 10, sizeHint().height()};
}

void ProblemLabel::resizeEvent(QResizeEvent *event)
{
    QLabel::resizeEvent(event);
    if (const int height = heightForWidth(width()); height != m_height) {
        m_height = height;
        updateGeometry(); // the layout settles in a pass or two as the width settles
    }
}

void ProblemLabel::changeEvent(QEvent *event)
{
    // Only the text colour is set here; the rest follows the parent, light or dark.
    if (event->type() == QEvent::PaletteChange)
        colour(); // the same colour again changes nothing, so this settles

    QLabel::changeEvent(event);
}

void ProblemLabel::colour()
{
    const bool dark = palette().color(QPalette::Window).lightness() < 128;
    QPalette red = palette();
    red.setColor(QPalette::WindowText, dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xb0, 0x00, 0x20));
    setPalette(red);
}

void ProblemLabel::keepHeightFixed()
{
    QSizePolicy policy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    policy.setHeightForWidth(false);
    setSizePolicy(policy);
}

} // namespace geo
