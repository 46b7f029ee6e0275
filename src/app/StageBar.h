#pragma once

#include <QProgressBar>

namespace geo {

// A flat progress bar. QProgressBar::setValue repaints at once rather than on the next
// frame, and the Fusion style strokes an animated, rounded, striped bar every time: at ten
// updates a second over several bars that was the GUI thread's largest cost during a run.
// This one fills a rectangle and draws its text, in the palette's colours.
class StageBar final : public QProgressBar
{
    Q_OBJECT
public:
    explicit StageBar(QWidget *parent = nullptr);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
};

} // namespace geo
