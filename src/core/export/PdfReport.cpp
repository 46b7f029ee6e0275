#include "PdfReport.h"

#include <QFont>
#include <QFontMetricsF>
#include <QPainter>
#include <QPdfWriter>

#include <algorithm>

namespace geo {

using namespace Qt::StringLiterals;

namespace {

// Points (the writer works at 72 dpi): A4 is 595 × 842.
constexpr double PageWidth = 595.0;
constexpr double PageHeight = 842.0;
constexpr double Left = 42.0;
constexpr double Right = PageWidth - 42.0;
constexpr double Top = 48.0;
constexpr double Bottom = PageHeight - 56.0;
constexpr double Width = Right - Left;

const QColor Ink(0x26, 0x32, 0x38);
const QColor Muted(0x60, 0x6b, 0x73);
const QColor Accent(0x0d, 0x47, 0xa1);
const QColor Value(0x15, 0x65, 0xc0);
const QColor Rule(0xdd, 0xe2, 0xe6);
const QColor HeaderFill(0xee, 0xf2, 0xf5);
const QColor EmphasisFill(0xe3, 0xf0, 0xfc);
const QColor NoticeFill(0xff, 0xf8, 0xe1);

QFont font(double points, bool bold = false)
{
    QFont f(Chart::fontFamily());
    f.setPointSizeF(points);
    f.setBold(bold);
    return f;
}

// Lays the document out top to bottom, starting a page when the next piece does not fit.
class Flow
{
public:
    Flow(QPdfWriter &writer, QPainter &painter, const QString &footer)
        : m_writer(writer), m_p(painter), m_footer(footer)
    { }

    void finish() { drawFooter(); }

    void pageBreak()
    {
        if (m_y > Top)
            newPage();
    }

    void title(const QString &title, const QString &subtitle, const QString &notice)
    {
        text(title, font(20, true), Accent, 4);
        text(subtitle, font(8.5), Muted, 6);
        if (!notice.isEmpty()) {
            const QFont f = font(8.5);
            const double h = height(notice, f, Width - 16) + 10;
            m_p.fillRect(QRectF(Left, m_y, Width, h), NoticeFill);
            m_p.fillRect(QRectF(Left, m_y, 3, h), QColor(0xf9, 0xa8, 0x25));
            draw(QRectF(Left + 10, m_y + 5, Width - 16, h), notice, f, Ink);
            m_y += h + 6;
        }
        m_p.fillRect(QRectF(Left, m_y, Width, 2), Value);
        m_y += 10;
    }

    // A heading never ends a page: it goes with (the start of) the block after it.
    void heading(const QString &title, const ReportBlock *next)
    {
        double needed = 60;
        if (next && next->kind == ReportBlock::Kind::ChartBlock)
            needed = 75 + next->chart.size.height() * Width / next->chart.size.width();
        ensure(needed);
        m_y += 8;
        text(title, font(13, true), Accent, 2);
        m_p.fillRect(QRectF(Left, m_y, Width, 0.75), Rule);
        m_y += 8;
    }

    void paragraph(const QString &body) { text(body, font(9), Ink, 6); }

    void figures(const QList<KeyFigure> &figures)
    {
        if (figures.isEmpty())
            return;
        // The first figure (the score) spans the width with its formula beside it.
        const KeyFigure &first = figures.front();
        const QFont label = font(7.5, true), big = font(24, true), note = font(8);
        const double noteWidth = Width - 150;
        const double h1 = std::max(52.0, height(first.note, note, noteWidth) + 26);
        ensure(h1 + 8);
        box(QRectF(Left, m_y, Width, h1));
        draw(QRectF(Left + 10, m_y + 8, 130, 12), first.label.toUpper(), label, Muted);
        draw(QRectF(Left + 10, m_y + 20, 130, 30), first.value, big, Value);
        draw(QRectF(Left + 140, m_y + 20, noteWidth, h1), first.note, note, Ink);
        m_y += h1 + 6;
        const double w = (Width - 2 * 6) / 3, small = 18, h = 64;
        for (qsizetype i = 1; i < figures.size(); i += 3) {
            ensure(h + 6);
            for (qsizetype j = i; j < std::min(figures.size(), i + 3); ++j) {
                const KeyFigure &f = figures[j];
                const QRectF r(Left + (j - i) * (w + 6), m_y, w, h);
                box(r);
                draw(QRectF(r.x() + 8, r.y() + 6, w - 16, 12), f.label.toUpper(), label, Muted);
                draw(QRectF(r.x() + 8, r.y() + 17, w - 16, 24), f.value, font(small, true), Value);
                draw(QRectF(r.x() + 8, r.y() + 41, w - 16, 22), f.note, font(7), Ink);
            }
            m_y += h + 6;
        }
        m_y += 4;
    }

    void chart(const Chart &c)
    {
        const double scale = Width / c.size.width();
        const QFont captionFont = font(8);
        const double caption = 14 + height(c.description, captionFont, Width);
        ensure(caption + c.size.height() * scale + 10);
        text(c.title, font(10, true), Ink, 1);
        text(c.description, captionFont, Muted, 2);
        c.paint(m_p, QRectF(Left, m_y, Width, c.size.height() * scale));
        m_y += c.size.height() * scale + 12;
    }

    void table(const ReportTable &t)
    {
        const int columns = int(t.header.size());
        QList<double> widths;
        double stretch = 0;
        for (int c = 0; c < columns; ++c)
            stretch += t.stretch.value(c, 1);
        for (int c = 0; c < columns; ++c)
            widths << Width * t.stretch.value(c, 1) / stretch;
        const QFont cell = font(7.5), bold = font(7.5, true);
        // A short table stays on one page; a long one starts with its header and a row at least.
        double needed = rowHeight(t.header, widths, bold);
        for (qsizetype r = 0; r < t.rows.size() && (r == 0 || t.rows.size() <= ShortTable); ++r)
            needed += rowHeight(t.rows[r], widths, r == t.emphasis ? bold : cell);
        ensure(needed);
        row(t, t.header, widths, bold, HeaderFill);
        for (qsizetype r = 0; r < t.rows.size(); ++r) {
            const bool emphasis = r == t.emphasis;
            const QFont &f = emphasis ? bold : cell;
            if (m_y + rowHeight(t.rows[r], widths, f) > Bottom) {
                newPage();
                row(t, t.header, widths, bold, HeaderFill); // the header again on the new page
            }
            row(t, t.rows[r], widths, f, emphasis ? EmphasisFill : QColor(Qt::white));
        }
        m_y += 8;
    }

private:
    static constexpr double Pad = 3.0;
    static constexpr qsizetype ShortTable = 15;

    void newPage()
    {
        drawFooter();
        m_writer.newPage();
        ++m_page;
        m_y = Top;
    }

    void ensure(double needed)
    {
        if (m_y + needed > Bottom)
            newPage();
    }

    void drawFooter()
    {
        const QFont f = font(7.5);
        m_p.fillRect(QRectF(Left, Bottom + 18, Width, 0.5), Rule);
        draw(QRectF(Left, Bottom + 22, Width - 80, 12), m_footer, f, Muted);
        m_p.setFont(f);
        m_p.drawText(QRectF(Right - 80, Bottom + 22, 80, 12), Qt::AlignRight | Qt::AlignTop, u"Page %1"_s.arg(m_page));
    }

    double height(const QString &s, const QFont &f, double width) const
    {
        return QFontMetricsF(f, &m_writer).boundingRect(QRectF(0, 0, width, 10000), Qt::TextWordWrap, s).height();
    }

    void draw(const QRectF &r, const QString &s, const QFont &f, const QColor &color,
              int flags = Qt::AlignLeft | Qt::AlignTop)
    {
        m_p.setFont(f);
        m_p.setPen(color);
        m_p.drawText(r, flags | Qt::TextWordWrap, s);
    }

    void text(const QString &s, const QFont &f, const QColor &color, double after)
    {
        const double h = height(s, f, Width);
        ensure(h);
        draw(QRectF(Left, m_y, Width, h + 2), s, f, color);
        m_y += h + after;
    }

    void box(const QRectF &r)
    {
        m_p.setPen(QPen(Rule, 0.75));
        m_p.setBrush(Qt::NoBrush);
        m_p.drawRoundedRect(r, 4, 4);
    }

    double rowHeight(const QStringList &cells, const QList<double> &widths, const QFont &f) const
    {
        double h = 0;
        for (qsizetype c = 0; c < cells.size() && c < widths.size(); ++c)
            h = std::max(h, height(cells[c], f, widths[c] - 2 * Pad));
        return h + 2 * Pad;
    }

    void row(const ReportTable &t, const QStringList &cells, const QList<double> &widths, const QFont &f,
             const QColor &fill)
    {
        const double h = rowHeight(cells, widths, f);
        m_p.fillRect(QRectF(Left, m_y, Width, h), fill);
        double x = Left;
        for (qsizetype c = 0; c < cells.size() && c < widths.size(); ++c) {
            const int align = t.numeric.value(c) ? Qt::AlignRight : Qt::AlignLeft;
            draw(QRectF(x + Pad, m_y + Pad, widths[c] - 2 * Pad, h), cells[c], f, Ink, align | Qt::AlignTop);
            x += widths[c];
        }
        m_p.fillRect(QRectF(Left, m_y + h - 0.5, Width, 0.5), Rule);
        m_y += h;
    }

    QPdfWriter &m_writer;
    QPainter &m_p;
    QString m_footer;
    double m_y = Top;
    int m_page = 1;
};

} // namespace

Status PdfReport::write(const ReportDocument &d, QIODevice *device)
{
    QPdfWriter writer(device);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageMargins(QMarginsF(0, 0, 0, 0));
    writer.setResolution(72); // one unit is one point
    writer.setTitle(d.title);
    writer.setCreator(u"GEO Audit"_s);
    QPainter painter;
    if (!painter.begin(&writer))
        return Error{u"cannot start the PDF; check that the folder is writable"_s};
    Flow flow(writer, painter, d.footer);
    flow.title(d.title, d.subtitle, d.notice);
    for (const ReportSection &s : d.sections) {
        if (s.newPage)
            flow.pageBreak();
        flow.heading(s.title, s.blocks.isEmpty() ? nullptr : &s.blocks.front());
        for (const ReportBlock &b : s.blocks) {
            switch (b.kind) {
            case ReportBlock::Kind::Paragraph:
                flow.paragraph(b.text);
                break;
            case ReportBlock::Kind::Figures:
                flow.figures(b.figures);
                break;
            case ReportBlock::Kind::ChartBlock:
                flow.chart(b.chart);
                break;
            case ReportBlock::Kind::TableBlock:
                flow.table(b.table);
                break;
            }
        }
    }
    flow.finish();
    if (!painter.end())
        return Error{u"cannot finish the PDF; check the free space"_s};
    return ok();
}

} // namespace geo
