#pragma once

#include "ReportDocument.h"

#include <QByteArray>

namespace geo {

// The report as one self-contained HTML file: inline CSS (with print rules) and inline SVG
// charts, no scripts and no external resources, every text escaped (brand names and
// answers are untrusted). It is also well-formed XML, which the tests check.
class HtmlReport final
{
public:
    static QByteArray render(const ReportDocument &document);
};

} // namespace geo
