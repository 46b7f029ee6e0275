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

class RunControl;

// Collects an audit's answers from the browser. Lists the spec's prompts × imported engines
// × samples (an engine "browser" when the spec has no imported one: captureSpec()); Copy
// prompt puts the current prompt on the clipboard; while the panel is open, whatever is
// copied next is the captured answer (its HTML converted to Markdown with its links as
// citations, else its plain text), shown for a glance; Accept sends it out for the current
// item (answerCaptured(), to be stored and analysed at once), Skip leaves the item out
// (itemSkipped()), and either moves on. end() says the audit stopped: nothing more is taken.
class CapturePanel final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CapturePanel)
public:
    CapturePanel(const AuditSpec &spec, QClipboard *clipboard, QWidget *parent = nullptr);

    // Opens a panel on the application's clipboard and starts its audit with run: the capture
    // is an audit of its own, running while the panel is open. Closing the panel cancels it,
    // keeping what was captured.
    static CapturePanel *startCapture(const AuditSpec &spec, RunControl *run, QWidget *parent);

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
    // The audit the panel captures: the spec with only its engines without an API.
    const AuditSpec &captureSpec() const { return m_spec; }

    // The answer in clipboard data: its HTML as Markdown when it has HTML, else its text.
    static std::optional<ImportedAnswer> answerFrom(const QMimeData *data);

    void copyPrompt();
    void acceptCaptured();
    void skip();
    // The audit stopped (finished, cancelled or refused): message says how.
    void end(const QString &message);

signals:
    void answerCaptured(const geo::ImportedAnswer &answer);
    void itemSkipped(const geo::ImportedAnswer &item); // its prompt, engine and sample

private:
    ImportedAnswer itemAt(int row) const;
    void takeClipboard();
    void moveOn();
    void showItem(int row);

    QClipboard *m_clipboard;
    AuditSpec m_spec;
    QList<Item> m_items;
    std::optional<ImportedAnswer> m_captured;
    QString m_copiedPrompt; // the clipboard holds this because Copy prompt put it there
    int m_current = 0;
    bool m_ended = false;
    QListWidget *m_list;
    QLabel *m_prompt;
    QLabel *m_status;
    QTextBrowser *m_preview;
    QPushButton *m_copy;
    QPushButton *m_accept;
    QPushButton *m_skip;
};

} // namespace geo
