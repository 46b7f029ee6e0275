#pragma once

#include <QDialog>

namespace geo {

// Help → Metrics: the definitions behind every figure (docs/metrics.md, shipped in the app),
// beside the window rather than over it, so the analyst reads it next to the figures.
class MetricsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MetricsDialog)
public:
    explicit MetricsDialog(QWidget *parent = nullptr);
};

} // namespace geo
