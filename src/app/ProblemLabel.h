#pragma once

#include <QLabel>

namespace geo {

// A validation problem shown under its field: red on light and dark palettes, wrapped to the
// field's width, hidden while there is nothing to say. Its height follows its width without
// heightForWidth, which QScrollArea would answer with every widget's preferred height
// (stretching the whole set-up form whenever a problem shows).
class ProblemLabel final : public QLabel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProblemLabel)
public:
    explicit ProblemLabel(QWidget *parent = nullptr);

    void setProblem(const QString &text);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void colour();
    void keepHeightFixed();

    int m_height = 0; // for the width it had when last laid out
};

} // namespace geo
