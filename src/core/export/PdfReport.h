#pragma once

#include "ReportDocument.h"
#include "model/Result.h"

class QIODevice;

namespace geo {

// The report as an A4 PDF made with QPdfWriter: text, tables and the charts all drawn with
// QPainter as vectors, a footer with the page number on every page. Needs a
// QGuiApplication (fonts); the offscreen platform will do.
class PdfReport final
{
public:
    static Status write(const ReportDocument &document, QIODevice *device);
};

} // namespace geo
