#pragma once

#include "model/AuditSpec.h"
#include "model/Result.h"
#include "spec/SpecReader.h"

#include <QObject>
#include <QUndoStack>

namespace geo {

// The audit spec being set up: what the form shows (held as typed, problems and all), the
// file Save writes it to, its edits as an undo stack, and whether it differs from what was
// opened or last saved (the stack's clean state, so undoing back to it is clean again).
// Views edit it through edit(); it never reads a widget.
class SpecDocument final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SpecDocument)
public:
    explicit SpecDocument(QObject *parent = nullptr);
    ~SpecDocument() override;

    const AuditSpec &spec() const { return m_spec; }
    // The spec read as a spec file would be: the spec when it holds, else every problem.
    SpecReader::Outcome read() const;
    // Where Save writes; empty for a new audit, the demo or an audit opened to run again.
    const QString &path() const { return m_path; }
    // For the window's title: the file's name, else the audit's, else "New audit".
    QString title() const;
    // A file name from the audit's name: "Acme CRM audit" -> acme-crm-audit.json.
    QString suggestedFileName() const;
    bool isDirty() const { return !m_undo.isClean(); }
    QUndoStack *undoStack() { return &m_undo; }

    // Replaces the document: nothing to undo, clean. A path in the resources (":/...")
    // cannot be written back, so it is kept as none.
    void load(const AuditSpec &spec, const QString &path = {});
    // A new audit with the defaults.
    void clear();
    // An edit of one field (a spec key such as "brand.aliases"): spec is the whole spec with
    // it changed. Edits of the same field merge into one undo step until commit(), so typing
    // is one step, not one a key. label names the field in the Edit menu ("Undo aliases").
    void edit(const AuditSpec &spec, const QString &field, const QString &label = {});
    // Ends the field's edit (the analyst left the field or committed a cell): the next edit
    // is a step of its own.
    void commit();
    // Writes the spec, as read, to path off the GUI thread; saved() or saveFailed() follows.
    // Returns false, writing nothing, while the spec has problems.
    bool saveTo(const QString &path);
    // The same, returning once the file is written (true) or could not be (false); the event
    // loop runs meanwhile, so the window is still drawn.
    bool saveAndWait(const QString &path);

signals:
    // The spec changed: field is what an edit, undo or redo changed; empty after load().
    void changed(const QString &field);
    // load() or clear(): blank for a new audit, whose fields are not wrong until touched.
    void replaced(bool blank);
    void dirtyChanged(bool dirty);
    void pathChanged(const QString &path);
    void saved(const QString &path);
    void saveFailed(const QString &error);

private:
    class Edit;
    friend class Edit;

    void apply(const AuditSpec &spec, const QString &field); // by the undo stack's commands
    void replace(const AuditSpec &spec, const QString &path, bool blank);
    void setPath(const QString &path);

    AuditSpec m_spec;
    QString m_path;
    QUndoStack m_undo;
    QString m_editing; // the field whose edit merges into the top step
    bool m_pushing = false;
    quint64 m_revision = 0;   // counts every change of the spec
    quint64 m_generation = 0; // counts load() and clear()
};

} // namespace geo
