#include "SpecForm.h"

#include "ChoiceDelegate.h"
#include "CompetitorsModel.h"
#include "EnginesModel.h"
#include "FormText.h"
#include "ProblemLabel.h"
#include "PromptPreviewDialog.h"
#include "ui_SpecForm.h"

#include <QApplication>
#include <QHeaderView>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QStyledItemDelegate>

#include <algorithm>

namespace geo {

using namespace Qt::StringLiterals;

namespace {

// Typing pauses shorter than this are one edit: the form is read once they end.
constexpr int ValidationDelayMs = 150;

bool under(const QString &path, const QString &place)
{
    return place.isEmpty() || path == place || path.startsWith(place + u'.') || path.startsWith(place + u'[');
}

// Shortens long text in the middle: an address's host and its version both matter. Elided
// here, as the item view style's own ElideMiddle cut addresses after "http://".
class MiddleElidingDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        const QStyle *style = option->widget ? option->widget->style() : QApplication::style();
        const int margin = style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, option->widget) + 1;
        option->text = option->fontMetrics.elidedText(option->text, Qt::ElideMiddle, option->rect.width() - 2 * margin);
        option->textElideMode = Qt::ElideNone;
    }
};

QString sentence(QString text)
{
    if (!text.isEmpty())
        text[0] = text[0].toUpper();
    return text;
}

} // namespace

SpecForm::SpecForm(QWidget *parent)
    : QWidget(parent), m_ui(std::make_unique<Ui::SpecForm>()), m_competitors(new CompetitorsModel(this)),
      m_engines(new EnginesModel(this))
{
    m_ui->setupUi(this);
    setFocusProxy(m_ui->nameEdit);
    // Most specific first: the first place whose path a problem lies under shows it.
    m_places = {{u"name"_s, m_ui->nameProblem, m_ui->nameEdit, tr("Audit name")},
                {u"brand.aliases"_s, m_ui->aliasesProblem, m_ui->aliasesEdit, tr("Aliases")},
                {u"brand.domains"_s, m_ui->domainsProblem, m_ui->domainsEdit, tr("Domains")},
                {u"brand"_s, m_ui->brandProblem, m_ui->brandEdit, tr("Brand")},
                {u"topics"_s, m_ui->topicsProblem, m_ui->topicsEdit, tr("Topics")},
                {u"competitors"_s, m_ui->competitorsProblem, m_ui->competitorsView, tr("Competitors")},
                {u"templates"_s, m_ui->promptsProblem, m_ui->templatesCheck, tr("Prompts")},
                {u"prompts"_s, m_ui->promptsProblem, m_ui->promptsEdit, tr("Prompts")},
                {u"samples"_s, m_ui->samplesProblem, m_ui->samplesSpin, tr("Samples")},
                {u"analysis.threads"_s, m_ui->threadsProblem, m_ui->threadsSpin, tr("Analysis threads")},
                {u"budget_usd"_s, m_ui->budgetProblem, m_ui->budgetSpin, tr("Budget")},
                {u"engines"_s, m_ui->enginesProblem, m_ui->enginesView, tr("Engines")},
                {QString(), m_ui->otherProblem, nullptr, QString()}}; // the rest: weights, recorded sites

    m_ui->competitorsView->setModel(m_competitors);
    m_ui->competitorsView->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_ui->enginesView->setModel(m_engines);
    m_ui->enginesView->setItemDelegateForColumn(EnginesModel::Kind, new ChoiceDelegate(SpecReader::engineKinds(), this));
    QHeaderView *engineHeader = m_ui->enginesView->horizontalHeader();
    const int em = fontMetrics().horizontalAdvance(u'M');
    // Names fit their text (a spec has a few engines, so measuring them is cheap), numbers fit
    // their header, and the address takes what is left.
    for (const int column : {EnginesModel::Id, EnginesModel::Kind, EnginesModel::Model, EnginesModel::ApiKey})
        engineHeader->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    for (auto [column, ems] : std::initializer_list<std::pair<int, int>>{
             {EnginesModel::Concurrency, 4}, {EnginesModel::Rpm, 4}, {EnginesModel::Tpm, 4}, {EnginesModel::TimeoutMs, 5}})
        engineHeader->resizeSection(column, std::max(ems * em, engineHeader->sectionSizeHint(column)));
    engineHeader->setSectionResizeMode(EnginesModel::BaseUrl, QHeaderView::Stretch);
    engineHeader->setMinimumSectionSize(4 * em);
    m_ui->enginesView->setItemDelegateForColumn(EnginesModel::BaseUrl, new MiddleElidingDelegate(this));
    for (QTableView *view : {m_ui->competitorsView, m_ui->enginesView}) {
        view->verticalHeader()->hide();
        view->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 10);
        connect(view->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this, view] {
            (view == m_ui->enginesView ? m_ui->removeEngineButton : m_ui->removeCompetitorButton)
                ->setEnabled(view->selectionModel()->hasSelection());
        });
    }

    m_validation.setSingleShot(true);
    m_validation.setInterval(ValidationDelayMs);
    connect(&m_validation, &QTimer::timeout, this, &SpecForm::validateNow);
    connect(m_ui->nameEdit, &QLineEdit::textChanged, this, [this] { edited({u"name"_s}); });
    connect(m_ui->brandEdit, &QLineEdit::textChanged, this, [this] { edited({u"brand"_s}); });
    connect(m_ui->aliasesEdit, &QLineEdit::textChanged, this, [this] { edited({u"brand.aliases"_s}); });
    connect(m_ui->domainsEdit, &QLineEdit::textChanged, this, [this] { edited({u"brand.domains"_s}); });
    // Topics, templates and own prompts together decide whether there is anything to ask.
    connect(m_ui->topicsEdit, &QPlainTextEdit::textChanged, this, [this] { edited({u"topics"_s, u"prompts"_s}); });
    connect(m_ui->templatesCheck, &QCheckBox::toggled, this, [this] { edited({u"templates"_s, u"prompts"_s}); });
    connect(m_ui->promptsEdit, &QPlainTextEdit::textChanged, this, [this] { edited({u"templates"_s, u"prompts"_s}); });
    connect(m_ui->samplesSpin, &QSpinBox::valueChanged, this, [this] { edited({u"samples"_s}); });
    connect(m_ui->threadsSpin, &QSpinBox::valueChanged, this, [this] { edited({u"analysis.threads"_s}); });
    connect(m_ui->budgetSpin, &QDoubleSpinBox::valueChanged, this, [this] { edited({u"budget_usd"_s}); });
    connect(m_ui->inspectSitesCheck, &QCheckBox::toggled, this, [this] { edited({}); });
    for (auto [model, path] : std::initializer_list<std::pair<QAbstractItemModel *, QString>>{
             {m_competitors, u"competitors"_s}, {m_engines, u"engines"_s}}) {
        const auto changed = [this, path] { edited({path}); };
        connect(model, &QAbstractItemModel::rowsInserted, this, changed);
        connect(model, &QAbstractItemModel::rowsRemoved, this, changed);
        connect(model, &QAbstractItemModel::dataChanged, this,
                [changed](const QModelIndex &, const QModelIndex &, const QList<int> &roles) {
                    // Marks, key look-ups and other views of the same data are not edits.
                    if (roles.isEmpty() || roles.contains(Qt::EditRole))
                        changed();
                });
    }
    connect(m_ui->addCompetitorButton, &QPushButton::clicked, this, [this] {
        const QModelIndex added = m_competitors->append();
        m_ui->competitorsView->setCurrentIndex(added);
        m_ui->competitorsView->edit(added);
    });
    connect(m_ui->addEngineButton, &QPushButton::clicked, this, [this] {
        const QModelIndex added = m_engines->append();
        m_ui->enginesView->setCurrentIndex(added);
        m_ui->enginesView->edit(added);
    });
    connect(m_ui->removeCompetitorButton, &QPushButton::clicked, this, [this] { removeSelected(m_ui->competitorsView); });
    connect(m_ui->removeEngineButton, &QPushButton::clicked, this, [this] { removeSelected(m_ui->enginesView); });
    connect(m_ui->apiKeysButton, &QPushButton::clicked, this, &SpecForm::apiKeysRequested);
    connect(m_ui->previewButton, &QPushButton::clicked, this, &SpecForm::preview);
    clear();
}

SpecForm::~SpecForm() = default;

void SpecForm::setSpec(const AuditSpec &spec)
{
    m_base = spec;
    fill(spec);
    m_touched.clear();
    for (const Place &p : std::as_const(m_places))
        m_touched.insert(p.path);
    setModified(false);
    validateNow();
}

void SpecForm::clear()
{
    m_base = AuditSpec{};
    fill(m_base);
    m_touched.clear();
    setModified(false);
    validateNow();
}

void SpecForm::addCompetitor(const QString &name)
{
    m_competitors->append(BrandSpec{name, {}, {}});
    validateNow();
}

QString SpecForm::auditName() const
{
    return m_ui->nameEdit->text().trimmed();
}

QList<EngineSpec> SpecForm::engines() const
{
    return m_engines->engines();
}

void SpecForm::refreshKeys()
{
    m_engines->refreshKeys();
}

void SpecForm::setModified(bool modified)
{
    if (modified == m_modified)
        return;
    m_modified = modified;
    emit modifiedChanged(modified);
}

AuditSpec SpecForm::formSpec() const
{
    AuditSpec s = m_base;
    s.name = m_ui->nameEdit->text().trimmed();
    s.brand = {m_ui->brandEdit->text().trimmed(), FormText::splitCommas(m_ui->aliasesEdit->text()),
               FormText::splitCommas(m_ui->domainsEdit->text())};
    s.competitors = m_competitors->brands();
    s.topics = FormText::splitLines(m_ui->topicsEdit->toPlainText());
    s.templates = m_ui->templatesCheck->isChecked();
    s.prompts = FormText::splitLines(m_ui->promptsEdit->toPlainText());
    s.samples = m_ui->samplesSpin->value();
    s.engines = m_engines->engines();
    s.analysis.threads = m_ui->threadsSpin->value();
    s.analysis.inspectSites = m_ui->inspectSitesCheck->isChecked();
    s.budgetUsd = m_ui->budgetSpin->value();
    return s;
}

void SpecForm::fill(const AuditSpec &spec)
{
    m_filling = true; // the widgets' change signals are not the analyst's edits
    m_ui->nameEdit->setText(spec.name);
    m_ui->brandEdit->setText(spec.brand.name);
    m_ui->aliasesEdit->setText(FormText::joinCommas(spec.brand.aliases));
    m_ui->domainsEdit->setText(FormText::joinCommas(spec.brand.domains));
    m_ui->topicsEdit->setPlainText(FormText::joinLines(spec.topics));
    m_ui->templatesCheck->setChecked(spec.templates);
    m_ui->promptsEdit->setPlainText(FormText::joinLines(spec.prompts));
    m_ui->samplesSpin->setValue(spec.samples);
    m_ui->threadsSpin->setValue(spec.analysis.threads);
    m_ui->budgetSpin->setValue(spec.budgetUsd);
    m_ui->inspectSitesCheck->setChecked(spec.analysis.inspectSites);
    m_competitors->setBrands(spec.competitors);
    m_engines->setEngines(spec.engines);
    m_filling = false;
}

void SpecForm::edited(const QStringList &paths)
{
    if (m_filling)
        return;
    for (const QString &p : paths)
        m_touched.insert(p);
    setModified(true);
    m_validation.start();
}

void SpecForm::validateNow()
{
    m_validation.stop();
    m_outcome = SpecReader::parse(QJsonDocument(formSpec().toJson()).toJson(QJsonDocument::Compact), {});
    showProblems();
    emit validated();
}

void SpecForm::showProblems()
{
    static const QRegularExpression rowPath(u"^(competitors|engines)\\[(\\d+)\\](?:\\.([a-z_]+))?"_s);
    QHash<ProblemLabel *, QStringList> shown;
    QSet<QWidget *> marked;
    QList<CellProblem> competitorCells, engineCells;
    m_problems.clear();
    for (const QString &problem : std::as_const(m_outcome.problems)) {
        const qsizetype colon = problem.indexOf(u": "_s);
        const QString path = colon < 0 ? QString() : problem.left(colon);
        const QString message = colon < 0 ? problem : problem.mid(colon + 2);
        const auto place = std::find_if(m_places.cbegin(), m_places.cend(), [&](const Place &p) { return under(path, p.path); });
        QString text = place->field ? sentence(message) : problem;
        if (const QRegularExpressionMatch row = rowPath.match(path); row.hasMatch()) {
            const bool engines = row.captured(1) == u"engines"_s;
            const int r = row.captured(2).toInt();
            const QString key = row.captured(3);
            const int column = engines ? EnginesModel::columnOf(key) : CompetitorsModel::columnOf(key);
            const QAbstractItemModel *model = engines ? static_cast<QAbstractItemModel *>(m_engines) : m_competitors;
            const QString name = model->index(r, 0).data(Qt::EditRole).toString();
            QString who = engines ? tr("Engine %1").arg(r + 1) : tr("Competitor %1").arg(r + 1);
            if (!name.isEmpty())
                who += u" ("_s + name + u')';
            const QString what = column >= 0 ? model->headerData(column, Qt::Horizontal, Qt::DisplayRole).toString() : key;
            text = what.isEmpty() ? tr("%1: %2").arg(who, message) : tr("%1, %2: %3").arg(who, what.toLower(), message);
            (engines ? engineCells : competitorCells) << CellProblem{r, column, sentence(message)};
        }
        m_problems << (place->title.isEmpty() ? text : place->title + u": "_s + text);
        if (place->path.isEmpty() || m_touched.contains(place->path)) {
            shown[place->label] << text;
            if (place->field)
                marked.insert(place->field);
        }
    }
    m_competitors->setProblems(m_touched.contains(u"competitors"_s) ? competitorCells : QList<CellProblem>{});
    m_engines->setProblems(m_touched.contains(u"engines"_s) ? engineCells : QList<CellProblem>{});

    for (const Place &p : std::as_const(m_places)) {
        const QStringList texts = shown.value(p.label);
        p.label->setProblem(texts.join(u'\n'));
        // Fields are tinted; the tables mark their cells instead.
        if (p.field && !qobject_cast<QAbstractItemView *>(p.field) && !qobject_cast<QCheckBox *>(p.field)) {
            const bool bad = marked.contains(p.field);
            if (p.field->property("problem").toBool() == bad)
                continue;
            p.field->setProperty("problem", bad);
            QPalette tinted = palette();
            const QColor base = tinted.color(QPalette::Base);
            const QColor red(220, 53, 69);
            tinted.setColor(QPalette::Base, QColor((base.red() * 4 + red.red()) / 5, (base.green() * 4 + red.green()) / 5,
                                                   (base.blue() * 4 + red.blue()) / 5));
            p.field->setPalette(bad ? tinted : QPalette());
        }
    }
}

void SpecForm::removeSelected(QTableView *view)
{
    QList<int> rows;
    for (const QModelIndex &index : view->selectionModel()->selectedRows())
        rows << index.row();
    std::sort(rows.begin(), rows.end(), std::greater<>());
    for (const int row : rows) // from the end, so the rows left keep their numbers
        view->model()->removeRow(row);
}

void SpecForm::preview()
{
    validateNow();
    // A form with problems still has a plan worth seeing, as far as it goes.
    auto *dialog = new PromptPreviewDialog(m_outcome.spec ? *m_outcome.spec : formSpec(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        if (!dialog->isEdited())
            return;
        // The edited list is now what is asked: the analyst's own prompts, nothing added.
        m_ui->templatesCheck->setChecked(false);
        m_ui->promptsEdit->setPlainText(FormText::joinLines(dialog->prompts()));
        validateNow();
    });
    dialog->open(); // window-modal, without a nested event loop
}

} // namespace geo
