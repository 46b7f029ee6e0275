#pragma once

#include "engines/AnswerFile.h"
#include "model/AuditSpec.h"

#include <QDialog>
#include <QList>

#include <optional>

class QClipboard;
class QLabel;
class QListWidget;
class QMimeData;
class QPushButton;
class QTextBrowser;

namespace geo {

// Collects an audit's answers from the browser. Lists the spec's prompts × imported engines
// × samples (an engine "browser" when the spec has no imported one); Copy prompt puts the
// current prompt on the clipboard; while the panel is open, whatever is copied next is the
// captured answer (its HTML converted to Markdown with its links as citations, else its
// plain text), shown for a glance; Accept keeps it for the current item, Skip leaves the
// item out, and either moves on. When every item is done, or on Store, the answers kept go
// out with storeAnswers() to be imported as a new audit.
class CapturePanel final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CapturePanel)
public:
    CapturePanel(const AuditSpec &spec, QClipboard *clipboard, QWidget *parent = nullptr);

    struct Item
    {
        QString prompt;
        QString engine;
        QString model;
        int sample = 1;
        enum class State { Open, Captured, Skipped } state = State::Open;
    };
    const QList<Item> &items() const { return m_items; }
    int current() const { return m_current; } // -1 when every item is done
    QList<ImportedAnswer> answers() const { return m_answers; }

    // The answer in clipboard data: its HTML as Markdown when it has HTML, else its text.
    static std::optional<ImportedAnswer> answerFrom(const QMimeData *data);

    void copyPrompt();
    void acceptCaptured();
    void skip();
    void store();

    // Closing with accepted answers not yet stored asks whether to store them first.
    void reject() override;

signals:
    void storeAnswers(const QList<geo::ImportedAnswer> &answers);

private:
    void takeClipboard();
    void moveOn();
    void showItem(int row);

    QClipboard *m_clipboard;
    QList<Item> m_items;
    QList<ImportedAnswer> m_answers;
    std::optional<ImportedAnswer> m_captured;
    QString m_copiedPrompt; // the clipboard holds this because Copy prompt put it there
    int m_current = 0;
    bool m_stored = false;
    QListWidget *m_list;
    QLabel *m_prompt;
    QLabel *m_status;
    QTextBrowser *m_preview;
    QPushButton *m_copy;
    QPushButton *m_accept;
    QPushButton *m_skip;
    QPushButton *m_store;
};

} // namespace geo
