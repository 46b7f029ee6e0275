#pragma once

#include <QColor>
#include <QLineF>
#include <QList>
#include <QRectF>
#include <QSizeF>
#include <QString>

class QPainter;

namespace geo {

// A chart laid out once as rectangles, lines and texts in its own units (1 unit = 1 CSS
// px), then drawn as SVG for the HTML report or with QPainter for the PDF: both show the
// same geometry, and both stay vectors.
struct ChartItem
{
    enum class Kind { Rect, Line, Text };
    enum class Anchor { Start, Middle, End };

    Kind kind = Kind::Rect;
    QRectF rect;  // Rect
    QLineF line;  // Line
    QPointF at;   // Text: the start, middle or end of its baseline
    QString text; // plain text, never markup
    QColor color;
    double size = 1.0; // Line: stroke width; Text: font size
    Anchor anchor = Anchor::Start;
    bool bold = false;
};

struct Chart
{
    QString id;
    QString title;
    QString description; // what it shows, for screen readers and the PDF caption
    QSizeF size;
    QList<ChartItem> items;

    void rect(const QRectF &r, const QColor &color);
    void line(const QLineF &l, const QColor &color, double width = 1.0);
    void text(const QPointF &at, const QString &text, double fontSize, const QColor &color,
              ChartItem::Anchor anchor = ChartItem::Anchor::Start, bool bold = false);

    // An <svg> element that scales to its container's width; all text escaped.
    QString toSvg() const;
    // Draws the chart scaled to the width of target, from its top left corner.
    void paint(QPainter &painter, const QRectF &target) const;

    // The font family both renderings ask for (Debian: fonts-dejavu-core).
    static const QString &fontFamily();
};

} // namespace geo
