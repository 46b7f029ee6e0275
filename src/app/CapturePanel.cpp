#include "CapturePanel.h"

#include "RunControl.h"
#include "run/RunnerThread.h"
#include "sites/AnswerHtml.h"
#include "spec/PromptPlanner.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMimeData>
#include <QPushButton>
#include <QShortcut>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace geo {

using namespace Qt::StringLiterals;

CapturePanel::CapturePanel(const AuditSpec &spec, QClipboard *clipboard, QWidget *parent)
    : QDialog(parent), m_clipboard(clipboard), m_spec(spec), m_list(new QListWidget(this)), m_prompt(new QLabel(this)),
      m_status(new QLabel(this)), m_preview(new QTextBrowser(this)),
      m_copy(new QPushButton(tr("Copy prompt  Ctrl+Shift+C"), this)),
      m_accept(new QPushButton(tr("Accept answer  Ctrl+Shift+A"), this)),
      m_skip(new QPushButton(tr("Skip  Ctrl+Shift+S"), this))
{
    setWindowTitle(tr("Capture answers from the browser"));
    setObjectName(u"capturePanel"_s);
    m_list->setObjectName(u"captureList"_s);
    m_prompt->setObjectName(u"capturePrompt"_s);
    m_status->setObjectName(u"captureStatus"_s);
    m_preview->setObjectName(u"capturePreview"_s);
    m_copy->setObjectName(u"copyPromptButton"_s);
    m_accept->setObjectName(u"acceptCapturedButton"_s);
    m_skip->setObjectName(u"skipCaptureButton"_s);

    // Only engines without an API are answered by hand; a spec without one gets "browser".
    m_spec.engines.clear();
    for (const EngineSpec &e : spec.engines)
        if (e.kind == u"imported"_s)
            m_spec.engines << e;
    if (m_spec.engines.isEmpty()) {
        EngineSpec browser;
        browser.id = u"browser"_s;
        browser.kind = u"imported"_s;
        m_spec.engines << browser;
    }
    // In the order the audit plans them: prompt, then engine, then sample.
    const Result<Plan> plan = PromptPlanner::plan(m_spec);
    if (plan) {
        for (const PlannedPrompt &p : plan.value().prompts)
            for (const EngineSpec &e : std::as_const(m_spec.engines))
                for (int s = 1; s <= std::max(1, m_spec.samples); ++s)
                    m_items.append({p.text, e.id, e.model, s});
    }
    for (const Item &item : std::as_const(m_items))
        m_list->addItem(item.sample > 1 ? tr("%1 — %2, sample %3").arg(item.prompt, item.engine).arg(item.sample)
                                        : tr("%1 — %2").arg(item.prompt, item.engine));
    for (int i = 0; i < m_list->count(); ++i)
        m_list->item(i)->setCheckState(Qt::Unchecked);

    // The panel is driven by its shortcuts; the list only shows where the capture is.
    m_list->setFocusPolicy(Qt::NoFocus);
    m_prompt->setWordWrap(true);
    m_prompt->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setWordWrap(true);
    m_preview->setOpenLinks(false);
    // Shortcuts of the panel's window, not of its buttons: the buttons' own shortcuts did not
    // fire once the buttons' states had changed (seen in the GUI test).
    const auto shortcut = [this](const QString &keys, void (CapturePanel::*slot)()) {
        connect(new QShortcut(QKeySequence(keys), this), &QShortcut::activated, this, slot);
    };
    shortcut(u"Ctrl+Shift+C"_s, &CapturePanel::copyPrompt);
    shortcut(u"Ctrl+Shift+A"_s, &CapturePanel::acceptCaptured);
    shortcut(u"Ctrl+Shift+S"_s, &CapturePanel::skip);
    m_copy->setToolTip(tr("Put the prompt on the clipboard to paste it in the browser (Ctrl+Shift+C)"));
    m_accept->setToolTip(tr("Keep the answer captured from the clipboard for this prompt (Ctrl+Shift+A)"));
    m_skip->setToolTip(tr("Leave this prompt without an answer (Ctrl+Shift+S)"));

    auto *buttons = new QHBoxLayout;
    for (QPushButton *b : {m_copy, m_accept, m_skip})
        buttons->addWidget(b);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_list, 2);
    layout->addWidget(m_prompt);
    layout->addLayout(buttons);
    layout->addWidget(m_status);
    layout->addWidget(m_preview, 3);

    connect(m_copy, &QPushButton::clicked, this, &CapturePanel::copyPrompt);
    connect(m_accept, &QPushButton::clicked, this, &CapturePanel::acceptCaptured);
    connect(m_skip, &QPushButton::clicked, this, &CapturePanel::skip);
    connect(m_clipboard, &QClipboard::dataChanged, this, &CapturePanel::takeClipboard);
    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        if (!m_ended && row >= 0 && m_items[row].state == Item::State::Open && row != m_current) {
            m_current = row;
            showItem(row);
        }
    });
    m_current = m_items.isEmpty() ? -1 : 0;
    showItem(m_current);
    if (!plan)
        m_status->setText(tr("The spec has no prompts to capture: %1").arg(plan.error()));
}

CapturePanel *CapturePanel::startCapture(const AuditSpec &spec, RunControl *run, QWidget *parent)
{
    auto *panel = new CapturePanel(spec, QGuiApplication::clipboard(), parent);
    panel->setAttribute(Qt::WA_DeleteOnClose);
    panel->resize(720, 560);
    connect(panel, &CapturePanel::answerCaptured, run, &RunControl::capture);
    connect(panel, &CapturePanel::itemSkipped, run, &RunControl::skipCapture);
    connect(
        run->runner(), &RunnerThread::finished, panel, [panel](qint64 id, const QString &state, const RunStats &stats) {
            panel->end(
                tr("Audit %1 %2: %n answer(s) stored and analysed.", nullptr, int(stats.answered)).arg(id).arg(state));
        });
    connect(run, &RunControl::failed, panel, &CapturePanel::end);
    connect(panel, &QDialog::finished, run, [run] {
        if (run->isRunning())
            run->runner()->cancel();
    });
    run->startCapture(panel->captureSpec());
    panel->show();
    return panel;
}

std::optional<ImportedAnswer> CapturePanel::answerFrom(const QMimeData *data)
{
    if (!data)
        return std::nullopt;
    ImportedAnswer answer;
    if (data->hasHtml()) {
        const AnswerHtml html = AnswerHtml::fromHtml(data->html().toUtf8());
        answer.answer = html.markdown;
        answer.citations = html.citations;
    }
    if (answer.answer.trimmed().isEmpty() && data->hasText()) // plain text: no structure to keep
        answer.answer = data->text().trimmed();
    if (answer.answer.trimmed().isEmpty())
        return std::nullopt;
    return answer;
}

void CapturePanel::copyPrompt()
{
    if (m_current < 0)
        return;
    m_copiedPrompt = m_items[m_current].prompt;
    m_clipboard->setText(m_copiedPrompt);
    m_status->setText(tr("Prompt copied: paste it in the browser, then copy the engine's whole answer."));
}

void CapturePanel::takeClipboard()
{
    const QMimeData *mime = m_clipboard->mimeData();
    if (m_current < 0 || !mime || (!mime->hasHtml() && mime->text() == m_copiedPrompt))
        return; // our own prompt, or nothing left to capture
    m_captured = answerFrom(mime);
    if (!m_captured) {
        m_status->setText(tr("The clipboard holds no text; copy the answer in the browser."));
        m_accept->setEnabled(false);
        return;
    }
    m_preview->setMarkdown(m_captured->answer);
    m_status->setText(tr("Captured %n character(s) with %1 link(s) from %2. Accept it for this prompt?", nullptr,
                         int(m_captured->answer.size()))
                          .arg(m_captured->citations.size())
                          .arg(mime->hasHtml() ? tr("HTML") : tr("plain text")));
    m_accept->setEnabled(true);
}

ImportedAnswer CapturePanel::itemAt(int row) const
{
    ImportedAnswer answer;
    answer.line = row + 1;
    answer.prompt = m_items[row].prompt;
    answer.engine = m_items[row].engine;
    answer.model = m_items[row].model;
    answer.sample = m_items[row].sample;
    return answer;
}

void CapturePanel::acceptCaptured()
{
    if (m_current < 0 || !m_captured)
        return;
    ImportedAnswer answer = itemAt(m_current);
    answer.answer = m_captured->answer;
    answer.citations = m_captured->citations;
    m_items[m_current].state = Item::State::Captured;
    m_list->item(m_current)->setCheckState(Qt::Checked);
    emit answerCaptured(answer);
    moveOn();
}

void CapturePanel::skip()
{
    if (m_current < 0)
        return;
    m_items[m_current].state = Item::State::Skipped;
    QListWidgetItem *row = m_list->item(m_current);
    row->setCheckState(Qt::PartiallyChecked);
    row->setText(tr("%1 (skipped)").arg(row->text()));
    emit itemSkipped(itemAt(m_current));
    moveOn();
}

void CapturePanel::moveOn()
{
    m_captured.reset();
    m_preview->clear();
    const auto next
        = std::find_if(m_items.cbegin(), m_items.cend(), [](const Item &i) { return i.state == Item::State::Open; });
    m_current = next == m_items.cend() ? -1 : int(next - m_items.cbegin());
    showItem(m_current);
}

void CapturePanel::end(const QString &message)
{
    m_ended = true;
    m_current = -1;
    m_captured.reset();
    for (QPushButton *b : {m_copy, m_accept, m_skip})
        b->setEnabled(false);
    m_status->setText(message);
}

void CapturePanel::showItem(int row)
{
    m_accept->setEnabled(false);
    m_copy->setEnabled(row >= 0);
    m_skip->setEnabled(row >= 0);
    if (row < 0) {
        m_prompt->setText(tr("Every prompt is done."));
        m_status->setText(tr("Each answer was stored as it was accepted; the analysis shows in the main window."));
        return;
    }
    const QSignalBlocker quiet(m_list);
    m_list->setCurrentRow(row);
    const Item &item = m_items[row];
    m_prompt->setText(tr("<b>%1</b> on %2 (%3 of %4)")
                          .arg(item.prompt.toHtmlEscaped(), item.engine.toHtmlEscaped())
                          .arg(row + 1)
                          .arg(m_items.size()));
    m_status->setText(tr("Copy the prompt, ask it in the browser, then copy the whole answer. Each answer accepted "
                         "is stored and analysed at once."));
}

} // namespace geo
