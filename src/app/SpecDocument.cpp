#include "SpecDocument.h"

#include "model/WhenReady.h"
#include "model/WorkPool.h"
#include "spec/SpecWriter.h"

#include <QEventLoop>
#include <QFileInfo>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QtConcurrent/QtConcurrentRun>

namespace geo {

using namespace Qt::StringLiterals;

// One undo step: the whole spec before and after (a spec is a few kilobytes, and whole
// copies cannot drift from what the form showed). Steps of the same field merge while the
// document says the edit continues.
class SpecDocument::Edit final : public QUndoCommand
{
public:
    Edit(SpecDocument *document, const AuditSpec &before, const AuditSpec &after, const QString &field,
         const QString &label, bool continues)
        : m_document(document), m_before(before), m_after(after), m_field(field), m_continues(continues)
    {
        setText(label.isEmpty() ? field : label);
    }

    int id() const override { return 1; } // every step is an Edit; mergeWith decides
    bool mergeWith(const QUndoCommand *other) override
    {
        const auto *next = static_cast<const Edit *>(other);
        if (!next->m_continues || next->m_field != m_field)
            return false;
        m_after = next->m_after;
        return true;
    }
    void undo() override { m_document->apply(m_before, m_field); }
    void redo() override { m_document->apply(m_after, m_field); }

private:
    SpecDocument *m_document;
    AuditSpec m_before;
    AuditSpec m_after;
    QString m_field;
    bool m_continues;
};

SpecDocument::SpecDocument(QObject *parent) : QObject(parent)
{
    connect(&m_undo, &QUndoStack::cleanChanged, this, [this](bool clean) { emit dirtyChanged(!clean); });
}

// QUndoStack's destructor clears the stack and says cleanChanged; by then the form and the
// window that listen to dirtyChanged are half destroyed (the document is their child), so
// nothing may hear it.
SpecDocument::~SpecDocument()
{
    m_undo.disconnect(this);
}

SpecReader::Outcome SpecDocument::read() const
{
    return SpecReader::parse(QJsonDocument(m_spec.toJson()).toJson(QJsonDocument::Compact), {});
}

QString SpecDocument::title() const
{
    if (!m_path.isEmpty())
        return QFileInfo(m_path).fileName();
    const QString name = m_spec.name.trimmed();
    return name.isEmpty() ? tr("New audit") : name;
}

QString SpecDocument::suggestedFileName() const
{
    static const QRegularExpression notWord(u"[^a-z0-9]+"_s);
    static const QRegularExpression ends(u"^-+|-+$"_s);
    QString name = m_spec.name.toLower().replace(notWord, u"-"_s);
    name.remove(ends);
    return (name.isEmpty() ? u"audit"_s : name) + u".json"_s;
}

void SpecDocument::load(const AuditSpec &spec, const QString &path)
{
    replace(spec, path.startsWith(u':') ? QString() : path, false);
}

void SpecDocument::clear()
{
    replace(AuditSpec{}, {}, true);
}

void SpecDocument::replace(const AuditSpec &spec, const QString &path, bool blank)
{
    m_editing.clear();
    m_spec = spec;
    ++m_revision;
    ++m_generation;
    m_undo.clear(); // clean: dirtyChanged(false) if it was dirty
    setPath(path);
    emit replaced(blank);
}

void SpecDocument::edit(const AuditSpec &spec, const QString &field, const QString &label)
{
    const bool continues = field == m_editing;
    m_editing = field;
    m_pushing = true;
    m_undo.push(new Edit(this, m_spec, spec, field, label, continues)); // applies it
    m_pushing = false;
}

void SpecDocument::commit()
{
    m_editing.clear();
}

void SpecDocument::apply(const AuditSpec &spec, const QString &field)
{
    m_spec = spec;
    ++m_revision;
    if (!m_pushing)
        m_editing.clear(); // an undo or redo: typing after it is a step of its own
    emit changed(field);
}

bool SpecDocument::saveTo(const QString &path)
{
    const SpecReader::Outcome read = this->read();
    if (!read.spec)
        return false;
    commit(); // what is written is one step; typing after it another
    const quint64 revision = m_revision;
    const quint64 generation = m_generation;
    const AuditSpec spec = *read.spec;
    whenReady(QtConcurrent::run(workPool(), [spec, path] { return SpecWriter::write(spec, path); }), this,
              [this, path, revision, generation](const Status &written) {
                  if (!written) {
                      emit saveFailed(written.error());
                      return;
                  }
                  if (generation == m_generation) // not another spec opened meanwhile
                      setPath(path);
                  if (revision == m_revision) // else edited meanwhile: the file holds an older state
                      m_undo.setClean();
                  emit saved(path);
              });
    return true;
}

bool SpecDocument::saveAndWait(const QString &path)
{
    QEventLoop written;
    bool saved = false;
    connect(this, &SpecDocument::saved, &written, [&] {
        saved = true;
        written.quit();
    });
    connect(this, &SpecDocument::saveFailed, &written, &QEventLoop::quit);
    if (saveTo(path))
        written.exec();
    return saved;
}

void SpecDocument::setPath(const QString &path)
{
    if (path == m_path)
        return;
    m_path = path;
    emit pathChanged(path);
}

} // namespace geo
