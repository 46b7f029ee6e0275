#pragma once

#include "spec/PromptPlanner.h"

#include <QAbstractTableModel>

namespace geo {

// The prompts a plan asks, for the analyst to read, reword, add to and remove from before
// the audit starts. Once edited, the list is what the audit asks, as its own prompts.
class PlannedPromptsModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PlannedPromptsModel)
public:
    enum Column { Prompt, Category, Topic, Branded, ColumnCount };

    explicit PlannedPromptsModel(QObject *parent = nullptr);

    void setPrompts(const QList<PlannedPrompt> &prompts);
    const QList<PlannedPrompt> &prompts() const { return m_prompts; }
    QStringList texts() const;
    bool isEdited() const { return m_edited; }
    // Takes each prompt's category, topic and brandedness from the plan made of the list,
    // which decides them once the list is the spec's own prompts.
    void describe(const QList<PlannedPrompt> &planned);
    // Adds an empty own prompt at the end; returns its cell, for the view to edit.
    QModelIndex append();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    bool removeRows(int row, int count, const QModelIndex &parent = {}) override;

private:
    QList<PlannedPrompt> m_prompts;
    bool m_edited = false;
};

} // namespace geo
