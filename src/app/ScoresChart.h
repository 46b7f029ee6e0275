#pragma once

#include "scoring/Scorer.h"

#include <QtCharts/QChartView>

namespace geo {

// Visibility and share of voice of every tracked brand in one cut, side by side as bars.
class ScoresChart final : public QChartView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ScoresChart)
public:
    explicit ScoresChart(QWidget *parent = nullptr);
    ~ScoresChart() override;

    void showCut(const QStringList &brands, const CutScores &cut);

protected:
    void changeEvent(QEvent *event) override;
};

} // namespace geo
