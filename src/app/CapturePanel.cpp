#include "CapturePanel.h"

#include "sites/AnswerHtml.h"
#include "spec/PromptPlanner.h"

#include <QClipboard>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QShortcut>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace geo {

using namespace Qt::StringLiterals;

CapturePanel::CapturePanel(const AuditSpec &spec, QClipboard *clipboard, QWidget *parent)
    : QDialog(parent), m_clipboard(clipboard), m_list(new QListWidget(this)), m_prompt(new QLabel(this)),
      m_status(new QLabel(this)), m_preview(new QTextBrowser(this)),
      m_copy(new QPushButton(tr("Copy prompt  Ctrl+Shift+C"), this)),
      m_accept(new QPushButton(tr("Accept answer  Ctrl+Shift+A"), this)),
      m_skip(new QPushButton(tr("Skip  Ctrl+Shift+S"), this)), m_store(new QPushButton(tr("&Store answers"), this))
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
    m_store->setObjectName(u"storeCapturedButton"_s);

    // Only engines without an API are answered by hand; a spec without one gets "browser".
    QList<EngineSpec> engines;
    for (const EngineSpec &e : spec.engines)
        if (e.kind == u"imported"_s)
            engines << e;
    if (engines.isEmpty()) {
        EngineSpec browser;
        browser.id = u"browser"_s;
        browser.kind = u"imported"_s;
        engines << browser;
    }
    const Result<Plan> plan = PromptPlanner::plan(spec);
    if (plan) {
        for (const PlannedPrompt &p : plan.value().prompts)
            for (const EngineSpec &e : std::as_const(engines))
                for (int s = 1; s <= std::max(1, spec.samples); ++s)
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
    m_store->setToolTip(tr("Import the accepted answers as a new audit and analyse them"));

    auto *buttons = new QHBoxLayout;
    for (QPushButton *b : {m_copy, m_accept, m_skip})
        buttons->addWidget(b);
    buttons->addStretch();
    buttons->addWidget(m_store);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_list, 2);
    layout->addWidget(m_prompt);
    layout->addLayout(buttons);
    layout->addWidget(m_status);
    layout->addWidget(m_preview, 3);

    connect(m_copy, &QPushButton::clicked, this, &CapturePanel::copyPrompt);
    connect(m_accept, &QPushButton::clicked, this, &CapturePanel::acceptCaptured);
    connect(m_skip, &QPushButton::clicked, this, &CapturePanel::skip);
    connect(m_store, &QPushButton::clicked, this, &CapturePanel::store);
    connect(m_clipboard, &QClipboard::dataChanged, this, &CapturePanel::takeClipboard);
    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0 && m_items[row].state == Item::State::Open && row != m_current) {
            m_current = row;
            showItem(row);
        }
    });
    m_current = m_items.isEmpty() ? -1 : 0;
    showItem(m_current);
    if (!plan)
        m_status->setText(tr("The spec has no prompts to capture: %1").arg(plan.error()));
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

void CapturePanel::acceptCaptured()
{
    if (m_current < 0 || !m_captured)
        return;
    Item &item = m_items[m_current];
    ImportedAnswer answer = *m_captured;
    answer.line = m_current + 1;
    answer.prompt = item.prompt;
    answer.engine = item.engine;
    answer.model = item.model;
    answer.sample = item.sample;
    m_answers.append(answer);
    item.state = Item::State::Captured;
    m_list->item(m_current)->setCheckState(Qt::Checked);
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
    if (m_current < 0)
        store(); // all done: analysed like any import
}

void CapturePanel::store()
{
    if (m_stored || m_answers.isEmpty())
        return;
    m_stored = true;
    m_status->setText(tr("%n answer(s) stored as a new audit; its analysis shows in the main window.", nullptr,
                         int(m_answers.size())));
    for (QPushButton *b : {m_copy, m_accept, m_skip, m_store})
        b->setEnabled(false);
    emit storeAnswers(m_answers);
}

void CapturePanel::reject()
{
    if (!m_stored && !m_answers.isEmpty()) {
        const auto answer = QMessageBox::question(
            this, windowTitle(),
            tr("Store the %n accepted answer(s) as a new audit before closing?", nullptr, int(m_answers.size())),
            QMessageBox::Yes | QMessageBox::No | QMessageBox::Cancel, QMessageBox::Yes);
        if (answer == QMessageBox::Cancel)
            return;
        if (answer == QMessageBox::Yes)
            store();
    }
    QDialog::reject();
}

void CapturePanel::showItem(int row)
{
    m_accept->setEnabled(false);
    m_copy->setEnabled(row >= 0);
    m_skip->setEnabled(row >= 0);
    m_store->setEnabled(!m_stored && !m_answers.isEmpty());
    if (row < 0) {
        m_prompt->setText(tr("Every prompt is done."));
        return;
    }
    const QSignalBlocker quiet(m_list);
    m_list->setCurrentRow(row);
    const Item &item = m_items[row];
    m_prompt->setText(tr("<b>%1</b> on %2 (%3 of %4)")
                          .arg(item.prompt.toHtmlEscaped(), item.engine.toHtmlEscaped())
                          .arg(row + 1)
                          .arg(m_items.size()));
    m_status->setText(tr("Copy the prompt, ask it in the browser, then copy the whole answer."));
}

} // namespace geo
