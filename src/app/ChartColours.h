#pragma once

class QChart;
class QPalette;

namespace geo {

// Paints a chart's surfaces and texts in the palette's colours (light or dark), leaving the
// series' own colours alone; Qt Charts' themes would reset those.
void applyPalette(QChart *chart, const QPalette &palette);

} // namespace geo
