#pragma once

#include "model/AuditSpec.h"

#include <QDialog>

#include <memory>

namespace Ui {
class PromptPreviewDialog;
}

namespace geo {

class PlanCostsModel;
class PlannedPromptsModel;
class TopicCountsModel;

// "Preview prompts": the plan of a spec as an editable list, with what it asks of each
// engine and about each topic, its tokens and its estimated cost, recounted on every edit.
class PromptPreviewDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PromptPreviewDialog)
public:
    explicit PromptPreviewDialog(const AuditSpec &spec, QWidget *parent = nullptr);
    ~PromptPreviewDialog() override;

    bool isEdited() const;
    // The prompts as the analyst left them, to become the spec's own prompts.
    QStringList prompts() const;

private:
    void recount();
    void removeSelected();

    std::unique_ptr<Ui::PromptPreviewDialog> m_ui;
    AuditSpec m_spec;
    PlannedPromptsModel *m_prompts;
    PlanCostsModel *m_costs;
    TopicCountsModel *m_topics;
};

} // namespace geo
