#pragma once

#include "model/AuditSpec.h"
#include "spec/SpecReader.h"

#include <QSet>
#include <QTimer>
#include <QWidget>

#include <memory>

class QTableView;

namespace Ui {
class SpecForm;
}

namespace geo {

class CompetitorsModel;
class EnginesModel;
class ProblemLabel;
class SpecDocument;

// The set-up page: a view of the spec being set up (a SpecDocument), which it edits one
// field at a time and shows again after an undo or a load. What it says is read by
// SpecReader, exactly as a spec file would be, so the rules live in one place; each
// problem is shown beside its field (or on its table cell) once the analyst has touched it.
class SpecForm final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SpecForm)
public:
    explicit SpecForm(QWidget *parent = nullptr);
    ~SpecForm() override;

    // The document shown and edited: one of the form's own until another is set.
    SpecDocument *document() const { return m_document; }
    void setDocument(SpecDocument *document);

    // Loads spec into the document; every field counts as touched, so all problems show.
    void setSpec(const AuditSpec &spec);
    // A new audit with the defaults; problems show as the analyst fills it in.
    void clear();
    // Adds a competitor, an edit of its own; false when the spec tracks the name already.
    bool addCompetitor(const QString &name);

    // Reads the form now rather than after the pause that coalesces typing.
    void validateNow();
    // The form read as a spec file: the spec when it holds, else every problem.
    const SpecReader::Outcome &outcome() const { return m_outcome; }
    // The problems, each named by its field, for a tool tip.
    const QStringList &problems() const { return m_problems; }

    QString auditName() const;
    QStringList missingKeys() const; // EnginesModel::missingKeys; validated() follows a change
    QList<EngineSpec> engines() const;
    // Looks the engines' keys up again, after the analyst saved or removed some.
    void refreshKeys();

    // Whether the document differs from what was opened or saved.
    bool isModified() const;

signals:
    void validated();
    void modifiedChanged(bool modified);
    void apiKeysRequested();

private:
    // Where the problems under a spec path are shown.
    struct Place
    {
        QString path;
        ProblemLabel *label;
        QWidget *field;
        QString title;
    };

    bool eventFilter(QObject *watched, QEvent *event) override;

    AuditSpec formSpec() const; // the document's spec with what the fields say
    void fill(const AuditSpec &spec, bool everything);
    void edited(const QStringList &paths, const QString &field);
    void tableEdited(const QString &field);  // one step a change of rows or a committed cell
    void showDocument(const QString &field); // after an undo or redo
    void showReplaced(bool blank);
    void showProblems();
    void preview();
    void removeSelected(QTableView *view);

    std::unique_ptr<Ui::SpecForm> m_ui;
    CompetitorsModel *m_competitors;
    EnginesModel *m_engines;
    SpecDocument *m_document = nullptr;
    QList<Place> m_places;
    SpecReader::Outcome m_outcome;
    QStringList m_problems;
    QSet<QString> m_touched; // place paths
    QTimer m_validation;
    bool m_filling = false;  // the widgets' change signals are not the analyst's edits
    bool m_editing = false;  // the document's change is this form's own edit
    bool m_removing = false; // rows removed together are one step
};

} // namespace geo
