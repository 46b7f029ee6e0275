#pragma once

#include <QDialog>

namespace geo {

// Help → About: the version, GEO Audit's licence and the notices of the libraries it is
// built on (resources/THIRD-PARTY-NOTICES.md), each in a scrollable tab.
class AboutDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AboutDialog)
public:
    explicit AboutDialog(QWidget *parent = nullptr);
    ~AboutDialog() override;
};

} // namespace geo
