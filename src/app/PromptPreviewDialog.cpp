#include "PromptPreviewDialog.h"

#include "PlanCostsModel.h"
#include "PlannedPromptsModel.h"
#include "TopicCountsModel.h"
#include "Usd.h"
#include "run/Pricing.h"
#include "spec/PromptPlanner.h"
#include "ui_PromptPreviewDialog.h"

#include <QHeaderView>
#include <QKeySequence>
#include <QLocale>
#include <QPushButton>
#include <QShortcut>

namespace geo {

using namespace Qt::StringLiterals;

namespace {

// The first column takes the room the numbers leave, and the table is as tall as its rows
// (up to a few, then it scrolls); called once the rows exist.
void fitCounts(QTableView *view)
{
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    view->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    const int rows = std::min(view->model()->rowCount(), 6);
    view->setFixedHeight(view->horizontalHeader()->sizeHint().height()
                         + rows * view->verticalHeader()->defaultSectionSize() + 2 * view->frameWidth());
}

QString count(qsizetype n, const QString &one, const QString &many)
{
    return n == 1 ? one : many.arg(QLocale().toString(n));
}

} // namespace

PromptPreviewDialog::PromptPreviewDialog(const AuditSpec &spec, QWidget *parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::PromptPreviewDialog>()), m_spec(spec),
      m_prompts(new PlannedPromptsModel(this)), m_costs(new PlanCostsModel(this)), m_topics(new TopicCountsModel(this))
{
    m_ui->setupUi(this);
    if (const Result<Plan> plan = PromptPlanner::plan(spec); plan)
        m_prompts->setPrompts(plan->prompts);
    m_ui->promptsView->setModel(m_prompts);
    QHeaderView *header = m_ui->promptsView->horizontalHeader();
    header->setSectionResizeMode(PlannedPromptsModel::Prompt, QHeaderView::Stretch);
    for (int column = PlannedPromptsModel::Category; column < PlannedPromptsModel::ColumnCount; ++column)
        header->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    m_ui->costView->setModel(m_costs);
    m_ui->topicsView->setModel(m_topics);
    for (QTableView *view : {m_ui->promptsView, m_ui->costView, m_ui->topicsView})
        view->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    m_ui->costView->verticalHeader()->hide();
    m_ui->topicsView->verticalHeader()->hide();

    m_ui->buttons->button(QDialogButtonBox::Ok)->setText(tr("&Use these prompts"));
    m_ui->buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    m_ui->buttons->button(QDialogButtonBox::Close)->setDefault(true);
    connect(m_ui->buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_ui->buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_ui->addPromptButton, &QPushButton::clicked, this, [this] {
        const QModelIndex added = m_prompts->append();
        m_ui->promptsView->scrollTo(added);
        m_ui->promptsView->setCurrentIndex(added);
        m_ui->promptsView->edit(added);
    });
    connect(m_ui->removePromptButton, &QPushButton::clicked, this, &PromptPreviewDialog::removeSelected);
    auto *remove = new QShortcut(QKeySequence::Delete, m_ui->promptsView, nullptr, nullptr, Qt::WidgetShortcut);
    connect(remove, &QShortcut::activated, this, &PromptPreviewDialog::removeSelected);
    connect(m_ui->promptsView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            [this] { m_ui->removePromptButton->setEnabled(m_ui->promptsView->selectionModel()->hasSelection()); });
    connect(m_prompts, &QAbstractItemModel::dataChanged, this, [this](const QModelIndex &topLeft) {
        if (topLeft.column() == PlannedPromptsModel::Prompt) // not describe()'s own change
            recount();
    });
    connect(m_prompts, &QAbstractItemModel::rowsRemoved, this, &PromptPreviewDialog::recount);
    connect(m_prompts, &QAbstractItemModel::rowsInserted, this, &PromptPreviewDialog::recount);
    recount();
}

PromptPreviewDialog::~PromptPreviewDialog() = default;

bool PromptPreviewDialog::isEdited() const
{
    return m_prompts->isEdited();
}

QStringList PromptPreviewDialog::prompts() const
{
    return m_prompts->texts();
}

void PromptPreviewDialog::removeSelected()
{
    QList<int> rows;
    for (const QModelIndex &index : m_ui->promptsView->selectionModel()->selectedRows())
        rows << index.row();
    std::sort(rows.begin(), rows.end(), std::greater<>());
    for (const int row : rows) // from the end, so the rows left keep their numbers
        m_prompts->removeRow(row);
}

void PromptPreviewDialog::recount()
{
    // What Start would ask: once edited, the list is the spec's own prompts, templates off.
    AuditSpec asked = m_spec;
    if (m_prompts->isEdited()) {
        asked.templates = false;
        asked.prompts = m_prompts->texts();
    }
    m_ui->buttons->button(QDialogButtonBox::Ok)->setEnabled(m_prompts->isEdited());
    const Result<Plan> planned = PromptPlanner::plan(asked);
    if (!planned) {
        m_ui->totalsLabel->setText(planned.error());
        return;
    }
    const Plan &plan = planned.value();
    if (m_prompts->isEdited())
        m_prompts->describe(plan.prompts);
    const QLocale locale;

    QList<PlanCostsModel::Row> costs;
    for (int e = 0; e < asked.engines.size(); ++e) {
        const EngineSpec &engine = asked.engines[e];
        // This engine's share, as a plan of its own: estimated per prompt, however many answers.
        AuditSpec alone = asked;
        alone.engines = {engine};
        const Plan own{plan.prompts, WorkItems::grid(int(plan.prompts.size()), 1, asked.samples)};
        const Pricing::Estimate estimate = Pricing::estimate(alone, own);
        const bool free = engine.kind == u"recorded"_s || engine.kind == u"imported"_s;
        costs << PlanCostsModel::Row{engine.id,
                                     engine.model,
                                     int(own.items.size()),
                                     estimate.tokensIn,
                                     estimate.tokensOut,
                                     estimate.costUsd,
                                     free                            ? PlanCostsModel::Price::Free
                                         : Pricing::priceFor(engine) ? PlanCostsModel::Price::Known
                                                                     : PlanCostsModel::Price::Unknown};
    }
    const Pricing::Estimate total = Pricing::estimate(asked, plan);
    m_costs->setRows(costs,
                     {tr("Total"), QString(), int(plan.items.size()), total.tokensIn, total.tokensOut, total.costUsd,
                      PlanCostsModel::Price::Known});
    fitCounts(m_ui->costView);

    // Topics as the plan assigns them, which is how the scores will cut the answers.
    const auto perPrompt = int(asked.engines.size() * asked.samples);
    QStringList topics = asked.topics;
    topics << QString(); // prompts about no topic last
    QList<TopicCountsModel::Row> counts;
    for (const QString &topic : std::as_const(topics)) {
        const auto prompts = int(std::count_if(plan.prompts.begin(), plan.prompts.end(),
                                               [&topic](const PlannedPrompt &p) { return p.topic == topic; }));
        if (prompts > 0 || !topic.isEmpty())
            counts << TopicCountsModel::Row{topic, prompts, prompts * perPrompt};
    }
    m_topics->setRows(counts);
    fitCounts(m_ui->topicsView);

    const qsizetype duplicates = m_prompts->texts().size() - plan.prompts.size();
    QString text = tr("<b>%1</b> × %2 × %3 = <b>%4</b>; about %5 tokens in and %6 out, costing about <b>%7</b>.")
                       .arg(count(plan.prompts.size(), tr("1 prompt"), tr("%1 prompts")),
                            count(asked.engines.size(), tr("1 engine"), tr("%1 engines")),
                            count(asked.samples, tr("1 sample"), tr("%1 samples")),
                            count(plan.items.size(), tr("1 answer"), tr("%1 answers")), locale.toString(total.tokensIn),
                            locale.toString(total.tokensOut), formatUsd(total.costUsd));
    if (!total.unpriced.isEmpty())
        text += u' ' + tr("No price is known for %1.").arg(total.unpriced.join(u", "_s).toHtmlEscaped());
    if (m_prompts->isEdited() && duplicates > 0)
        text += u' ' + tr("%n repeated prompt(s) will be asked once.", nullptr, int(duplicates));
    if (asked.budgetUsd > 0)
        text += u' '
            + (total.costUsd > asked.budgetUsd ? tr("Over the budget of %1: the audit stops asking when it is spent.")
                                               : tr("Within the budget of %1."))
                  .arg(formatUsd(asked.budgetUsd));
    m_ui->totalsLabel->setText(text);
}

} // namespace geo
