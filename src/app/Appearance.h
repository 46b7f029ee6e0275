#pragma once

#include <QPalette>

namespace geo::Appearance {

// Light or dark, as the analyst chooses in Settings; "system" leaves the palette to the
// desktop. Kept in AppSettings and applied at start and on change.
enum class Theme { System, Light, Dark };

Theme theme();              // as chosen (AppSettings)
void setTheme(Theme theme); // keeps it and applies it
void apply(Theme theme);
QPalette darkPalette();

} // namespace geo::Appearance
