#pragma once

#include "Chart.h"
#include "ReportData.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace geo {

struct ReportTable
{
    QStringList header;
    QList<QStringList> rows; // plain text, never markup
    QList<bool> numeric;     // per column: right-aligned
    QList<int> stretch;      // per column: relative width (PDF)
    int emphasis = -1;       // a row to set in bold: the audited brand's
};

// One headline figure: the visibility score with its formula beside it, and so on.
struct KeyFigure
{
    QString label;
    QString value;
    QString note;
};

struct ReportBlock
{
    enum class Kind { Paragraph, Figures, ChartBlock, TableBlock };
    Kind kind = Kind::Paragraph;
    QString text;
    QList<KeyFigure> figures;
    Chart chart;
    ReportTable table;
};

struct ReportSection
{
    QString id;
    QString title;
    QList<ReportBlock> blocks;
    bool newPage = false; // starts a printed page
};

// What the HTML and PDF reports say, in order, as plain text, figures, charts and tables:
// worded and formatted once (n/a for n/a figures) so that both renderings say the same.
struct ReportDocument
{
    QString title;
    QString subtitle;
    QString notice; // sample data, unfinished audit
    QString footer;
    QList<ReportSection> sections;

    static ReportDocument build(const ReportData &data);
};

} // namespace geo
