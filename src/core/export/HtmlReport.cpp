#include "HtmlReport.h"

namespace geo {

using namespace Qt::StringLiterals;

namespace {

QString esc(const QString &text)
{
    return text.toHtmlEscaped();
}

const QString &style()
{
    static const QString css = uR"(
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; background: #f4f6f8; color: #263238;
  font: 15px/1.5 "DejaVu Sans", "Segoe UI", Helvetica, Arial, sans-serif; }
main { max-width: 1040px; margin: 0 auto; padding: 32px 40px 48px; background: #fff; }
header { border-bottom: 3px solid #1565c0; padding-bottom: 16px; margin-bottom: 8px; }
h1 { font-size: 28px; margin: 0 0 6px; color: #0d47a1; }
h2 { font-size: 20px; margin: 32px 0 12px; color: #0d47a1; border-bottom: 1px solid #dde2e6; padding-bottom: 4px; }
.subtitle { color: #606b73; margin: 0; }
.notice { background: #fff8e1; border-left: 4px solid #f9a825; padding: 8px 12px; margin: 12px 0 0; max-width: none; }
p { margin: 8px 0; max-width: 80ch; }
.figures { display: grid; grid-template-columns: repeat(3, 1fr); gap: 12px; margin: 16px 0; }
.figure { border: 1px solid #dde2e6; border-radius: 6px; padding: 10px 14px; }
.figure .label { font-size: 13px; color: #606b73; text-transform: uppercase; letter-spacing: .04em; }
.figure .value { font-size: 30px; font-weight: bold; color: #1565c0; line-height: 1.2; }
.figure .note { font-size: 12.5px; color: #455a64; }
.figure:first-child { grid-column: span 3; display: flex; align-items: baseline; gap: 18px; flex-wrap: wrap; }
.figure:first-child .value { font-size: 40px; }
figure { margin: 16px 0 24px; }
figcaption { font-weight: bold; margin-bottom: 2px; }
figcaption span { display: block; font-weight: normal; color: #606b73; font-size: 13px; }
svg.chart { display: block; width: 100%; max-width: 800px; height: auto; }
table { border-collapse: collapse; width: 100%; margin: 12px 0; font-size: 13px; }
th, td { padding: 5px 8px; border-bottom: 1px solid #e6eaed; text-align: left; vertical-align: top; }
th { background: #eef2f5; font-weight: bold; }
td.n, th.n { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
tr.emphasis td { font-weight: bold; background: #e3f0fc; }
footer { margin-top: 32px; color: #606b73; font-size: 12px; border-top: 1px solid #dde2e6; padding-top: 8px; }
@media print {
  @page { size: A4; margin: 14mm 12mm; }
  body { background: #fff; font-size: 11pt; }
  main { max-width: none; padding: 0; }
  h2 { break-after: avoid; }
  section.page { break-before: page; }
  figure, .figure, tr { break-inside: avoid; }
  thead { display: table-header-group; }
  .figures { grid-template-columns: repeat(3, 1fr); }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
)"_s;
    return css;
}

QString table(const ReportTable &t)
{
    QString html = u"<table><thead><tr>"_s;
    for (qsizetype c = 0; c < t.header.size(); ++c)
        html += u"<th%1>%2</th>"_s.arg(t.numeric.value(c) ? u" class=\"n\""_s : QString(), esc(t.header[c]));
    html += u"</tr></thead><tbody>"_s;
    for (qsizetype r = 0; r < t.rows.size(); ++r) {
        html += r == t.emphasis ? u"<tr class=\"emphasis\">"_s : u"<tr>"_s;
        for (qsizetype c = 0; c < t.rows[r].size(); ++c)
            html += u"<td%1>%2</td>"_s.arg(t.numeric.value(c) ? u" class=\"n\""_s : QString(), esc(t.rows[r][c]));
        html += u"</tr>"_s;
    }
    return html + u"</tbody></table>"_s;
}

QString block(const ReportBlock &b)
{
    switch (b.kind) {
    case ReportBlock::Kind::Paragraph:
        return u"<p>%1</p>"_s.arg(esc(b.text));
    case ReportBlock::Kind::Figures: {
        QString html = u"<div class=\"figures\">"_s;
        for (const KeyFigure &f : b.figures)
            html += u"<div class=\"figure\"><div class=\"label\">%1</div><div class=\"value\">%2</div>"
                    "<div class=\"note\">%3</div></div>"_s.arg(esc(f.label), esc(f.value), esc(f.note));
        return html + u"</div>"_s;
    }
    case ReportBlock::Kind::ChartBlock:
        return u"<figure><figcaption>%1<span>%2</span></figcaption>%3</figure>"_s.arg(
            esc(b.chart.title), esc(b.chart.description), b.chart.toSvg());
    case ReportBlock::Kind::TableBlock:
        return table(b.table);
    }
    return {};
}

} // namespace

QByteArray HtmlReport::render(const ReportDocument &d)
{
    QString html
        = u"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"/>"
          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>"
          "<meta name=\"generator\" content=\"GEO Audit\"/><title>%1</title><style>%2</style></head>\n"
          "<body><main><header><h1>%1</h1><p class=\"subtitle\">%3</p>"_s.arg(esc(d.title), style(), esc(d.subtitle));
    if (!d.notice.isEmpty())
        html += u"<p class=\"notice\">%1</p>"_s.arg(esc(d.notice));
    html += u"</header>\n"_s;
    for (const ReportSection &s : d.sections) {
        html += u"<section id=\"%1\"%2><h2>%3</h2>"_s.arg(esc(s.id), s.newPage ? u" class=\"page\""_s : QString(),
                                                          esc(s.title));
        for (const ReportBlock &b : s.blocks)
            html += block(b);
        html += u"</section>\n"_s;
    }
    html += u"<footer>%1</footer></main></body></html>\n"_s.arg(esc(d.footer));
    return html.toUtf8();
}

} // namespace geo
