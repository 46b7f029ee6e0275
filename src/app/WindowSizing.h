#pragma once

class QWidget;

namespace geo {

// Sizes a window to four fifths of the screen it opens on, centred there: a first start,
// with no size remembered, that shows the whole window on any screen.
void fitToScreen(QWidget *window);

} // namespace geo
