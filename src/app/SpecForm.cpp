#include "SpecForm.h"

#include "CaseNote.h"
#include "ChoiceDelegate.h"
#include "CompetitorsModel.h"
#include "EnginesModel.h"
#include "FormText.h"
#include "ProblemLabel.h"
#include "PromptPreviewDialog.h"
#include "SpecDocument.h"
#include "ui_SpecForm.h"

#include <QApplication>
#include <QHeaderView>
#include <QJsonValue>
#include <QKeyEvent>
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

// Tables compare as the spec writes them: the specs' types have no ==.
QJsonValue json(const QList<BrandSpec> &competitors)
{
    AuditSpec s;
    s.competitors = competitors;
    return s.toJson().value(u"competitors"_s);
}

QJsonValue json(const QList<EngineSpec> &engines)
{
    AuditSpec s;
    s.engines = engines;
    return s.toJson().value(u"engines"_s);
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
    connect(m_engines, &EnginesModel::keysLocated, this, &SpecForm::validated);
    m_ui->enginesView->setItemDelegateForColumn(EnginesModel::Kind,
                                                new ChoiceDelegate(SpecReader::engineKinds(), this));
    QHeaderView *engineHeader = m_ui->enginesView->horizontalHeader();
    const int em = fontMetrics().horizontalAdvance(u'M');
    // Names fit their text (a spec has a few engines, so measuring them is cheap), numbers fit
    // their header, and the address takes what is left.
    for (const int column : {EnginesModel::Id, EnginesModel::Kind, EnginesModel::Model, EnginesModel::ApiKey})
        engineHeader->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    for (auto [column, ems] : std::initializer_list<std::pair<int, int>>{{EnginesModel::Concurrency, 4},
                                                                         {EnginesModel::Rpm, 4},
                                                                         {EnginesModel::Tpm, 4},
                                                                         {EnginesModel::TimeoutMs, 5}})
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
    // Each field's edits are one undo step, ended when the analyst leaves the field.
    const auto line = [this](QLineEdit *edit, const QString &field) {
        connect(edit, &QLineEdit::textChanged, this, [this, field] { edited({field}, field); });
        connect(edit, &QLineEdit::editingFinished, this, [this] { m_document->commit(); });
    };
    line(m_ui->nameEdit, u"name"_s);
    line(m_ui->brandEdit, u"brand"_s);
    line(m_ui->aliasesEdit, u"brand.aliases"_s);
    line(m_ui->domainsEdit, u"brand.domains"_s);
    // Topics, templates and own prompts together decide whether there is anything to ask.
    connect(m_ui->topicsEdit, &QPlainTextEdit::textChanged, this, [this] {
        edited({u"topics"_s, u"prompts"_s}, u"topics"_s);
    });
    connect(m_ui->promptsEdit, &QPlainTextEdit::textChanged, this, [this] {
        edited({u"templates"_s, u"prompts"_s}, u"prompts"_s);
    });
    connect(m_ui->templatesCheck, &QCheckBox::toggled, this, [this] {
        edited({u"templates"_s, u"prompts"_s}, u"templates"_s);
        m_document->commit();
    });
    connect(m_ui->inspectSitesCheck, &QCheckBox::toggled, this, [this] {
        edited({}, u"analysis.inspect_sites"_s);
        m_document->commit();
    });
    const auto spin = [this](QAbstractSpinBox *box, const QString &field) {
        connect(box, &QAbstractSpinBox::editingFinished, this, [this] { m_document->commit(); });
        return [this, field] { edited({field}, field); };
    };
    connect(m_ui->samplesSpin, &QSpinBox::valueChanged, this, spin(m_ui->samplesSpin, u"samples"_s));
    connect(m_ui->threadsSpin, &QSpinBox::valueChanged, this, spin(m_ui->threadsSpin, u"analysis.threads"_s));
    connect(m_ui->budgetSpin, &QDoubleSpinBox::valueChanged, this, spin(m_ui->budgetSpin, u"budget_usd"_s));
    // The plain text fields have no editingFinished; the undo keys go to the document (below).
    const QList<QWidget *> fields{m_ui->nameEdit,    m_ui->brandEdit,   m_ui->aliasesEdit,
                                  m_ui->domainsEdit, m_ui->topicsEdit,  m_ui->promptsEdit,
                                  m_ui->samplesSpin, m_ui->threadsSpin, m_ui->budgetSpin};
    for (QWidget *field : fields)
        field->installEventFilter(this);
    for (auto [model, path] : std::initializer_list<std::pair<QAbstractItemModel *, QString>>{
             {m_competitors, u"competitors"_s}, {m_engines, u"engines"_s}}) {
        const auto changed = [this, path] { tableEdited(path); };
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
    connect(m_ui->removeCompetitorButton, &QPushButton::clicked, this,
            [this] { removeSelected(m_ui->competitorsView); });
    connect(m_ui->removeEngineButton, &QPushButton::clicked, this, [this] { removeSelected(m_ui->enginesView); });
    connect(m_ui->apiKeysButton, &QPushButton::clicked, this, &SpecForm::apiKeysRequested);
    connect(m_ui->previewButton, &QPushButton::clicked, this, &SpecForm::preview);
    setDocument(new SpecDocument(this));
}

SpecForm::~SpecForm() = default;

void SpecForm::setDocument(SpecDocument *document)
{
    if (m_document) {
        disconnect(m_document, nullptr, this, nullptr);
        if (m_document->parent() == this)
            m_document->deleteLater();
    }
    m_document = document;
    connect(document, &SpecDocument::changed, this, &SpecForm::showDocument);
    connect(document, &SpecDocument::replaced, this, &SpecForm::showReplaced);
    connect(document, &SpecDocument::dirtyChanged, this, &SpecForm::modifiedChanged);
    showReplaced(document->spec().name.isEmpty() && !document->isDirty() && document->path().isEmpty());
}

void SpecForm::setSpec(const AuditSpec &spec)
{
    m_document->load(spec);
}

void SpecForm::clear()
{
    m_document->clear();
}

bool SpecForm::addCompetitor(const QString &name)
{
    for (const BrandSpec &tracked : m_document->spec().trackedBrands())
        if (tracked.name.compare(name, Qt::CaseInsensitive) == 0)
            return false;
    m_competitors->append(BrandSpec{name, {}, {}}); // tableEdited makes it a step
    validateNow();
    return true;
}

QStringList SpecForm::missingKeys() const
{
    return m_engines->missingKeys();
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

bool SpecForm::isModified() const
{
    return m_document->isDirty();
}

bool SpecForm::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::FocusOut && qobject_cast<QPlainTextEdit *>(watched))
        m_document->commit(); // what QLineEdit's editingFinished says for the others
    // Undo and redo are the document's (Edit menu), not the field's own history of keys:
    // refused here, the keys reach the window's shortcuts.
    if (event->type() == QEvent::ShortcutOverride) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->matches(QKeySequence::Undo) || key->matches(QKeySequence::Redo)) {
            event->ignore();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

AuditSpec SpecForm::formSpec() const
{
    AuditSpec s = m_document->spec(); // carries what the form does not show: weights, sample data
    s.name = m_ui->nameEdit->text().trimmed();
    s.brand.name = m_ui->brandEdit->text().trimmed(); // the brand's match_case stays the document's
    s.brand.aliases = FormText::splitCommas(m_ui->aliasesEdit->text());
    s.brand.domains = FormText::splitCommas(m_ui->domainsEdit->text());
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

// Sets the fields to spec. After an undo only the fields that say otherwise are set, so the
// others keep their cursor and the way the analyst wrote them ("Acme,Globex").
void SpecForm::fill(const AuditSpec &spec, bool everything)
{
    m_filling = true;
    const AuditSpec shown = formSpec();
    if (everything || shown.name != spec.name)
        m_ui->nameEdit->setText(spec.name);
    if (everything || shown.brand.name != spec.brand.name)
        m_ui->brandEdit->setText(spec.brand.name);
    if (everything || shown.brand.aliases != spec.brand.aliases)
        m_ui->aliasesEdit->setText(FormText::joinCommas(spec.brand.aliases));
    if (everything || shown.brand.domains != spec.brand.domains)
        m_ui->domainsEdit->setText(FormText::joinCommas(spec.brand.domains));
    if (everything || shown.topics != spec.topics)
        m_ui->topicsEdit->setPlainText(FormText::joinLines(spec.topics));
    m_ui->templatesCheck->setChecked(spec.templates);
    if (everything || shown.prompts != spec.prompts)
        m_ui->promptsEdit->setPlainText(FormText::joinLines(spec.prompts));
    m_ui->samplesSpin->setValue(spec.samples);
    m_ui->threadsSpin->setValue(spec.analysis.threads);
    m_ui->budgetSpin->setValue(spec.budgetUsd);
    m_ui->inspectSitesCheck->setChecked(spec.analysis.inspectSites);
    if (everything || json(shown.competitors) != json(spec.competitors))
        m_competitors->setBrands(spec.competitors);
    if (everything || json(shown.engines) != json(spec.engines))
        m_engines->setEngines(spec.engines);
    m_filling = false;
}

void SpecForm::edited(const QStringList &paths, const QString &field)
{
    if (m_filling)
        return;
    for (const QString &p : paths)
        m_touched.insert(p);
    if (m_removing)
        return; // removeSelected makes the rows one step
    // The Edit menu names the step by the field's caption ("Undo aliases").
    const auto place
        = std::find_if(m_places.cbegin(), m_places.cend(), [&](const Place &p) { return p.path == field; });
    const QString label = place != m_places.cend() ? place->title.toLower()
        : field == u"analysis.inspect_sites"_s     ? tr("site inspection")
                                                   : field;
    m_editing = true;
    m_document->edit(formSpec(), field, label);
    m_editing = false;
    m_validation.start();
}

void SpecForm::tableEdited(const QString &field)
{
    if (m_filling)
        return;
    edited({field}, field);
    m_document->commit();
}

void SpecForm::showDocument(const QString &field)
{
    if (m_editing)
        return; // the fields say it already
    fill(m_document->spec(), false);
    m_touched.insert(field); // an undone problem shows where it is
    validateNow();
}

void SpecForm::showReplaced(bool blank)
{
    fill(m_document->spec(), true);
    m_touched.clear();
    if (!blank) // an opened spec shows all its problems at once
        for (const Place &p : std::as_const(m_places))
            m_touched.insert(p.path);
    validateNow();
}

void SpecForm::validateNow()
{
    m_validation.stop();
    m_outcome = m_document->read();
    const QString caseNote = CaseNote::of(m_document->spec().brand);
    m_ui->brandCaseNote->setText(caseNote);
    m_ui->brandCaseNote->setVisible(!caseNote.isEmpty());
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
        const auto place
            = std::find_if(m_places.cbegin(), m_places.cend(), [&](const Place &p) { return under(path, p.path); });
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
            const QString what
                = column >= 0 ? model->headerData(column, Qt::Horizontal, Qt::DisplayRole).toString() : key;
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
            tinted.setColor(QPalette::Base,
                            QColor((base.red() * 4 + red.red()) / 5, (base.green() * 4 + red.green()) / 5,
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
    if (rows.isEmpty())
        return;
    m_removing = true;
    for (const int row : rows) // from the end, so the rows left keep their numbers
        view->model()->removeRow(row);
    m_removing = false;
    tableEdited(view == m_ui->enginesView ? u"engines"_s : u"competitors"_s);
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
        // The edited list is now what is asked: the analyst's own prompts, nothing added;
        // one step to undo.
        m_document->commit();
        m_document->undoStack()->beginMacro(tr("use of the previewed prompts"));
        m_ui->templatesCheck->setChecked(false);
        m_ui->promptsEdit->setPlainText(FormText::joinLines(dialog->prompts()));
        m_document->undoStack()->endMacro();
        m_document->commit();
        validateNow();
    });
    dialog->open(); // window-modal, without a nested event loop
}

} // namespace geo
