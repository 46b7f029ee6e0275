#include "Chart.h"

#include <QFont>
#include <QFontMetricsF>
#include <QPainter>

namespace geo {

using namespace Qt::StringLiterals;

namespace {

QString number(double v)
{
    return QString::number(v, 'f', 1);
}

} // namespace

const QString &Chart::fontFamily()
{
    static const QString family = u"DejaVu Sans"_s;
    return family;
}

void Chart::rect(const QRectF &r, const QColor &color)
{
    ChartItem item;
    item.kind = ChartItem::Kind::Rect;
    item.rect = r;
    item.color = color;
    items << item;
}

void Chart::line(const QLineF &l, const QColor &color, double width)
{
    ChartItem item;
    item.kind = ChartItem::Kind::Line;
    item.line = l;
    item.color = color;
    item.size = width;
    items << item;
}

void Chart::text(const QPointF &at, const QString &text, double fontSize, const QColor &color, ChartItem::Anchor anchor,
                 bool bold)
{
    ChartItem item;
    item.kind = ChartItem::Kind::Text;
    item.at = at;
    item.text = text;
    item.color = color;
    item.size = fontSize;
    item.anchor = anchor;
    item.bold = bold;
    items << item;
}

QString Chart::toSvg() const
{
    QString svg
        = u"<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"%1\" class=\"chart\" viewBox=\"0 0 %2 %3\" "
          "role=\"img\" aria-labelledby=\"%1-title\" font-family=\"%4, Helvetica, Arial, sans-serif\">"
          "<title id=\"%1-title\">%5</title>"_s.arg(id.toHtmlEscaped(), number(size.width()), number(size.height()),
                                                    fontFamily(), (title + u": "_s + description).toHtmlEscaped());
    for (const ChartItem &i : items) {
        switch (i.kind) {
        case ChartItem::Kind::Rect:
            svg += u"<rect x=\"%1\" y=\"%2\" width=\"%3\" height=\"%4\" fill=\"%5\"/>"_s.arg(
                number(i.rect.x()), number(i.rect.y()), number(i.rect.width()), number(i.rect.height()),
                i.color.name());
            break;
        case ChartItem::Kind::Line:
            svg += u"<line x1=\"%1\" y1=\"%2\" x2=\"%3\" y2=\"%4\" stroke=\"%5\" stroke-width=\"%6\"/>"_s.arg(
                number(i.line.x1()), number(i.line.y1()), number(i.line.x2()), number(i.line.y2()), i.color.name(),
                number(i.size));
            break;
        case ChartItem::Kind::Text: {
            const QString anchor = i.anchor == ChartItem::Anchor::Start ? u"start"_s
                : i.anchor == ChartItem::Anchor::Middle                 ? u"middle"_s
                                                                        : u"end"_s;
            svg += u"<text x=\"%1\" y=\"%2\" font-size=\"%3\" fill=\"%4\" text-anchor=\"%5\"%6>%7</text>"_s.arg(
                number(i.at.x()), number(i.at.y()), number(i.size), i.color.name(), anchor,
                i.bold ? u" font-weight=\"bold\""_s : QString(), i.text.toHtmlEscaped());
            break;
        }
        }
    }
    return svg + u"</svg>"_s;
}

void Chart::paint(QPainter &painter, const QRectF &target) const
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.translate(target.topLeft());
    const double scale = target.width() / size.width();
    painter.scale(scale, scale);
    for (const ChartItem &i : items) {
        switch (i.kind) {
        case ChartItem::Kind::Rect:
            painter.fillRect(i.rect, i.color);
            break;
        case ChartItem::Kind::Line:
            painter.setPen(QPen(i.color, i.size, Qt::SolidLine, Qt::FlatCap));
            painter.drawLine(i.line);
            break;
        case ChartItem::Kind::Text: {
            QFont font(fontFamily());
            font.setPixelSize(qRound(i.size)); // chart units, scaled with the painter
            font.setBold(i.bold);
            painter.setFont(font);
            painter.setPen(i.color);
            const double width = QFontMetricsF(font, painter.device()).horizontalAdvance(i.text);
            const double dx = i.anchor == ChartItem::Anchor::Start ? 0.0
                : i.anchor == ChartItem::Anchor::Middle            ? width / 2
                                                                   : width;
            painter.drawText(QPointF(i.at.x() - dx, i.at.y()), i.text);
            break;
        }
        }
    }
    painter.restore();
}

} // namespace geo
