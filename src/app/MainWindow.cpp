#include "MainWindow.h"

#include "AboutDialog.h"
#include "ApiKeysDialog.h"
#include "AnswersModel.h"
#include "AuditListModel.h"
#include "FailuresModel.h"
#include "RunMonitor.h"
#include "ScoresChart.h"
#include "SettingsDialog.h"
#include "ScoresModel.h"
#include "SpecForm.h"
#include "export/CsvExporter.h"
#include "engines/AnswerFile.h"
#include "run/AuditRunner.h"
#include "run/Pricing.h"
#include "run/Proxy.h"
#include "spec/SpecReader.h"
#include "spec/SpecWriter.h"
#include "store/AuditRepository.h"
#include "store/AuditStore.h"
#include "WhenReady.h"
#include "ui_MainWindow.h"

#include <QAbstractItemView>
#include <QCloseEvent>
#include <QDir>
#include <QFileDialog>
#include <QHeaderView>
#include <QLocale>
#include <QMessageBox>
#include <QProgressDialog>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QTextCursor>
#include <QTextDocument>
#include <QTimer>
#include <QStandardPaths>
#include <QtConcurrent/QtConcurrentRun>

namespace geo {

using namespace Qt::StringLiterals;

namespace {

// Shows model in view through a proxy that sorts by the raw values under Qt::UserRole and
// filters on every column; rows keep the model's order until the user sorts.
QSortFilterProxyModel *showSorted(QTableView *view, QAbstractItemModel *model)
{
    auto *proxy = new QSortFilterProxyModel(view);
    proxy->setSourceModel(model);
    proxy->setSortRole(Qt::UserRole);
    proxy->setFilterKeyColumn(-1);
    proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    view->setModel(proxy);
    view->setSortingEnabled(true);
    view->sortByColumn(-1, Qt::AscendingOrder);
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 6);
    return proxy;
}

} // namespace

MainWindow::MainWindow(AuditStore *store, QWidget *parent)
    : QMainWindow(parent), m_ui(std::make_unique<Ui::MainWindow>()), m_store(store),
      m_runner(new AuditRunner(store, &m_network, this)), m_audits(new AuditListModel(this)),
      m_scores(new ScoresModel(this)), m_failures(new FailuresModel(this)), m_answers(new AnswersModel(this)),
      m_citations(new QStandardItemModel(this)), m_discovered(new QStandardItemModel(this)),
      m_sites(new QStandardItemModel(this)), m_checks(new QStandardItemModel(this))
{
    m_ui->setupUi(this);
    m_ui->sampleBadge->hide();
    m_ui->startButton->setEnabled(false);
    m_ui->auditList->setModel(m_audits);
    m_ui->splitter->setStretchFactor(1, 1);
    m_ui->splitter->setSizes({280, 820});

    showSorted(m_ui->scoresView, m_scores); // the audited brand first, until the user sorts
    m_ui->scoresView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_ui->scoresView->horizontalHeader()->setStretchLastSection(true);

    showSorted(m_ui->citationsView, m_citations);
    showSorted(m_ui->discoveredView, m_discovered);
    m_ui->citationsView->horizontalHeader()->setStretchLastSection(true);
    m_ui->discoveredView->horizontalHeader()->setStretchLastSection(true);
    showSorted(m_ui->sitesView, m_sites);
    showSorted(m_ui->checksView, m_checks);
    m_ui->checksView->horizontalHeader()->setStretchLastSection(true);
    // Evidence is the point of a check: wrapped in full, its row as tall as it needs.
    m_ui->checksView->setWordWrap(true);
    m_ui->checksView->setTextElideMode(Qt::ElideNone);
    m_ui->checksView->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_ui->sitesView->horizontalHeader()->setStretchLastSection(true);
    m_ui->sitesSplitter->setSizes({120, 180}); // the checks below, wide enough for their evidence
    connect(m_ui->sitesView->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &MainWindow::showSite);
    QSortFilterProxyModel *answersShown = showSorted(m_ui->answersView, m_answers);
    m_ui->answersView->horizontalHeader()->resizeSection(AnswersModel::Prompt, 22 * fontMetrics().horizontalAdvance(u'M'));
    m_ui->answersView->horizontalHeader()->setStretchLastSection(true);
    m_ui->answersSplitter->setSizes({430, 350});
    connect(m_ui->answersFilter, &QLineEdit::textChanged, answersShown, &QSortFilterProxyModel::setFilterFixedString);
    connect(m_ui->answersView->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &MainWindow::showAnswer);
    m_ui->scoresSplitter->setStretchFactor(0, 0); // the table keeps its rows' height (fitScoresTable)
    m_ui->scoresSplitter->setStretchFactor(1, 1);
    connect(m_ui->cutCombo, &QComboBox::currentIndexChanged, this,
            [this] { showCut(m_ui->cutCombo->currentData().toString()); });
    connect(m_ui->discoveredView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            [this] { m_ui->trackBrandButton->setEnabled(m_opened && m_ui->discoveredView->selectionModel()->hasSelection()); });
    connect(m_ui->trackBrandButton, &QPushButton::clicked, this, &MainWindow::trackSelectedBrand);
    connect(m_ui->exportCitationsButton, &QPushButton::clicked, this,
            [this] { chooseViewExport(m_ui->citationsView, u"citations"_s); });

    QSortFilterProxyModel *failuresShown = showSorted(m_ui->failuresView, m_failures); // in order of arrival until sorted
    // Fixed widths: fitting columns to thousands of rows would make the GUI wait.
    QHeaderView *failuresHeader = m_ui->failuresView->horizontalHeader();
    const int em = fontMetrics().horizontalAdvance(u'M');
    for (auto [column, ems] : std::initializer_list<std::pair<int, int>>{
             {FailuresModel::Time, 7}, {FailuresModel::Stage, 5}, {FailuresModel::Engine, 7}, {FailuresModel::Prompt, 18},
             {FailuresModel::ErrorClass, 8}, {FailuresModel::Message, 24}, {FailuresModel::Attempts, 6}})
        failuresHeader->resizeSection(column, ems * em);
    failuresHeader->setSectionResizeMode(FailuresModel::Message, QHeaderView::Stretch);
    failuresHeader->setStretchLastSection(false);
    connect(m_ui->failuresFilter, &QLineEdit::textChanged, failuresShown, &QSortFilterProxyModel::setFilterFixedString);
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(failuresShown, signal, this, &MainWindow::updateFailuresCount);
    connect(failuresShown, &QAbstractItemModel::modelReset, this, &MainWindow::updateFailuresCount);
    connect(failuresShown, &QAbstractItemModel::layoutChanged, this, &MainWindow::updateFailuresCount);
    connect(m_runner, &AuditRunner::itemFailed, m_failures, &FailuresModel::add);

    m_ui->newAuditAction->setShortcut(QKeySequence::New);
    m_ui->openSpecAction->setShortcut(QKeySequence::Open);
    m_ui->saveSpecAction->setShortcut(QKeySequence::Save);
    m_ui->saveSpecAsAction->setShortcut(QKeySequence::SaveAs);
    m_ui->quitAction->setShortcut(QKeySequence::Quit);
    connect(m_ui->newAuditAction, &QAction::triggered, this, &MainWindow::newAudit);
    connect(m_ui->openSpecAction, &QAction::triggered, this, &MainWindow::chooseSpec);
    connect(m_ui->openDemoAction, &QAction::triggered, this, [this] {
        if (maybeDiscard())
            openDemo();
    });
    connect(m_ui->saveSpecAction, &QAction::triggered, this, &MainWindow::saveSpec);
    connect(m_ui->saveSpecAsAction, &QAction::triggered, this, &MainWindow::chooseSpecToSave);
    connect(m_ui->setupForm, &SpecForm::validated, this, &MainWindow::showSpec);
    connect(m_ui->setupForm, &SpecForm::modifiedChanged, this, &MainWindow::updateTitle);
    connect(m_ui->setupForm, &SpecForm::apiKeysRequested, m_ui->apiKeysAction, &QAction::trigger);
    // The set-up page has the room of the progress, which belongs to runs.
    connect(m_ui->pages, &QTabWidget::currentChanged, this,
            [this] { m_ui->progressGroup->setVisible(m_ui->pages->currentWidget() != m_ui->setupForm); });
    connect(m_ui->exportCsvAction, &QAction::triggered, this, &MainWindow::chooseExportFolder);
    connect(m_ui->quitAction, &QAction::triggered, this, &QWidget::close);
    connect(m_ui->aboutAction, &QAction::triggered, this, &MainWindow::about);
    connect(m_ui->importAnswersAction, &QAction::triggered, this, &MainWindow::chooseAnswersToImport);
    connect(m_ui->apiKeysAction, &QAction::triggered, this, [this] {
        ApiKeysDialog dialog(m_ui->setupForm->engines(), this);
        dialog.exec();
        m_ui->setupForm->refreshKeys();
    });
    m_ui->settingsAction->setShortcut(QKeySequence::Preferences);
    connect(m_ui->settingsAction, &QAction::triggered, this, [this] {
        SettingsDialog dialog(this);
        connect(&dialog, &SettingsDialog::apiKeysRequested, m_ui->apiKeysAction, &QAction::trigger);
        if (dialog.exec() == QDialog::Accepted)
            showSpec(); // the analysis threads may have changed
    });
    connect(m_ui->startButton, &QPushButton::clicked, this, &MainWindow::start);
    connect(m_ui->resumeButton, &QPushButton::clicked, this, &MainWindow::resumeSelected);
    connect(m_ui->cancelButton, &QPushButton::clicked, m_runner, &AuditRunner::cancel);
    connect(m_ui->pauseButton, &QPushButton::toggled, this, [this](bool pause) {
        if (pause)
            m_runner->pause();
        else
            m_runner->unpause();
    });
    connect(m_runner, &AuditRunner::pausedChanged, this, [this](bool paused) {
        const QSignalBlocker quiet(m_ui->pauseButton);
        m_ui->pauseButton->setChecked(paused);
        m_ui->pauseButton->setText(paused ? tr("Con&tinue") : tr("&Pause"));
        m_ui->monitor->setPaused(paused);
        refreshAudits(); // the sidebar shows the audit as paused or running again
        if (!paused && m_runner->isRunning())
            statusBar()->showMessage(tr("Audit %1 running").arg(m_runner->auditId()));
    });
    connect(m_ui->exportFailuresButton, &QPushButton::clicked, this,
            [this] { chooseViewExport(m_ui->failuresView, u"failures"_s); });
    connect(m_ui->exportScoresButton, &QPushButton::clicked, this, [this] { chooseViewExport(m_ui->scoresView, u"scores"_s); });
    connect(m_ui->retryFailedButton, &QPushButton::clicked, this, &MainWindow::retryFailed);
    connect(m_ui->runAgainButton, &QPushButton::clicked, this, &MainWindow::runAgain);
    connect(m_ui->deleteButton, &QPushButton::clicked, this, &MainWindow::deleteSelected);
    connect(m_ui->auditList->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) {
                if (const AuditSummary *a = m_audits->audit(current))
                    showAudit(a->id);
                updateResume();
            });
    connect(m_runner, &AuditRunner::notice, this, [this](const QString &message) { statusBar()->showMessage(message); });

    connect(m_runner, &AuditRunner::started, this, [this](qint64 id) {
        statusBar()->showMessage(tr("Audit %1 running").arg(id));
        refreshAudits(id);
    });
    connect(m_runner, &AuditRunner::progress, this, &MainWindow::showProgress);
    connect(m_runner, &AuditRunner::finished, this,
            [this](qint64 id, const QString &state, const RunStats &) { onFinished(id, state); });
    connect(m_runner, &AuditRunner::error, this, [this](const QString &message) {
        if (!m_runner->isRunning())
            setRunning(false);
        statusBar()->showMessage(message);
        QMessageBox::warning(this, tr("GEO Audit"), message);
    });

    QSettings settings;
    restoreGeometry(settings.value(u"window/geometry"_s).toByteArray());
    m_ui->splitter->restoreState(settings.value(u"window/splitter"_s).toByteArray());
    m_ui->pages->setCurrentIndex(settings.value(u"window/page"_s, 0).toInt());
    m_ui->progressGroup->setVisible(m_ui->pages->currentWidget() != m_ui->setupForm);
    showSpec();
    refreshAudits();
    whenReady(m_store->opened(), this, [this](const Status &s) {
        if (!s)
            QMessageBox::critical(this, tr("GEO Audit"), s.error());
    });
}

MainWindow::~MainWindow()
{
    // Store jobs whose continuations name this window resolve while it lives (see ~AuditRunner).
    m_store->flush().waitForFinished();
}

bool MainWindow::openSpec(const QString &path)
{
    const SpecReader::Outcome read = SpecReader::readFile(path);
    if (!read.spec) {
        QMessageBox box(QMessageBox::Warning, tr("GEO Audit"),
                        tr("The spec %1 has %n problem(s).", nullptr, int(read.problems.size())).arg(QDir::toNativeSeparators(path)),
                        QMessageBox::Ok, this);
        box.setInformativeText(read.problems.join(u'\n'));
        box.exec();
        return false;
    }
    setSpec(*read.spec);
    m_specPath = path.startsWith(u':') ? QString() : path; // a resource cannot be written back
    updateTitle();
    statusBar()->showMessage(path.startsWith(u':') ? tr("Opened the demo audit: recorded sample answers, no engine is asked")
                                                   : tr("Opened %1").arg(QDir::toNativeSeparators(path)),
                             8000);
    return true;
}

void MainWindow::openDemo()
{
    openSpec(u":/examples/demo-audit.json"_s);
}

void MainWindow::setAnalysisThreads(int threads)
{
    QSettings().setValue(u"analysis/threads"_s, threads);
    showSpec();
}

void MainWindow::setSpec(const AuditSpec &spec)
{
    m_ui->setupForm->setSpec(spec); // validated() brings it back to showSpec
}

void MainWindow::showSpec()
{
    const SpecReader::Outcome &read = m_ui->setupForm->outcome();
    m_opened = read.spec;
    m_ui->saveSpecAction->setEnabled(m_opened.has_value());
    m_ui->saveSpecAsAction->setEnabled(m_opened.has_value());
    updateTitle();
    if (!m_opened) {
        m_spec.reset();
        const QStringList &problems = m_ui->setupForm->problems();
        const QString why = tr("Fix the set-up first:") + u"\n• "_s + problems.mid(0, 8).join(u"\n• "_s)
                          + (problems.size() > 8 ? u"\n…"_s : QString());
        m_ui->specTitle->setText(m_ui->setupForm->auditName().isEmpty() ? tr("New audit") : m_ui->setupForm->auditName());
        m_ui->sampleBadge->hide();
        // A new audit untouched is not yet wrong; one being filled in says what is left.
        m_ui->specSummary->setText(!m_ui->setupForm->isModified() && m_ui->setupForm->auditName().isEmpty()
                                       ? tr("Fill in the set-up below, or open a spec with File → Open spec…")
                                       : tr("%n problem(s) to fix on the Set up page before the audit can start.", nullptr,
                                            int(problems.size())));
        m_ui->startButton->setToolTip(why);
        m_ui->saveSpecAction->setToolTip(why);
        m_ui->saveSpecAsAction->setToolTip(why);
        m_ui->startButton->setEnabled(false);
        m_ui->importAnswersAction->setEnabled(false);
        return;
    }
    m_ui->startButton->setToolTip(QString());
    m_ui->saveSpecAction->setToolTip(QString());
    m_ui->saveSpecAsAction->setToolTip(QString());
    AuditSpec spec = *m_opened;
    if (const int threads = QSettings().value(u"analysis/threads"_s, 0).toInt(); threads > 0)
        spec.analysis.threads = threads;
    m_spec = spec;
    const auto plan = PromptPlanner::plan(spec);
    QStringList competitors;
    for (const auto &c : spec.competitors)
        competitors << c.name;
    QStringList engines;
    for (const auto &e : spec.engines)
        engines << (e.model.isEmpty() ? e.id : u"%1 (%2)"_s.arg(e.id, e.model));
    QString cost;
    if (plan) {
        const Pricing::Estimate e = Pricing::estimate(spec, plan.value());
        cost = spec.sampleData ? tr("Recorded sample answers: nothing is asked or paid.")
                               : tr("About %1 tokens in and %2 out, costing about $%3%4.")
                                     .arg(QLocale().toString(e.tokensIn), QLocale().toString(e.tokensOut))
                                     .arg(e.costUsd, 0, 'f', 2)
                                     .arg(e.unpriced.isEmpty() ? QString() : tr(" (no price known for %1)").arg(e.unpriced.join(u", "_s)));
        if (spec.budgetUsd > 0 && !spec.sampleData)
            cost += u' ' + tr("Budget: $%1.").arg(spec.budgetUsd, 0, 'f', 2);
    }
    m_ui->specTitle->setText(spec.name);
    m_ui->sampleBadge->setVisible(spec.sampleData);
    m_ui->importAnswersAction->setEnabled(!m_runner->isRunning());
    m_ui->specSummary->setText(
        tr("<b>%1</b> against %2.<br>%3 prompts × %4 (%5) × %6 = <b>%7 answers</b>; analysis on %8 threads.<br>%9")
            .arg(spec.brand.name.toHtmlEscaped(),
                 competitors.isEmpty() ? tr("no competitors") : competitors.join(u", "_s).toHtmlEscaped())
            .arg(plan ? plan->prompts.size() : 0)
            .arg(spec.engines.size() == 1 ? tr("1 engine") : tr("%1 engines").arg(spec.engines.size()))
            .arg(engines.join(u", "_s).toHtmlEscaped())
            .arg(spec.samples == 1 ? tr("1 sample") : tr("%1 samples").arg(spec.samples))
            .arg(plan ? plan->items.size() : 0)
            .arg(spec.analysis.threads)
            .arg(cost.toHtmlEscaped()));
    m_ui->startButton->setEnabled(!m_runner->isRunning());
    if (!m_runner->isRunning()) {
        m_ui->progressBar->setRange(0, plan ? int(plan->items.size()) : 0);
        m_ui->progressBar->setValue(0);
    }
}

void MainWindow::updateTitle()
{
    const QString name = m_ui->setupForm->auditName();
    setWindowTitle((m_specPath.isEmpty() ? (name.isEmpty() ? tr("New audit") : name) : QFileInfo(m_specPath).fileName())
                   + u"[*]"_s);
    setWindowModified(m_ui->setupForm->isModified());
}

void MainWindow::newAudit()
{
    if (m_runner->isRunning() || !maybeDiscard())
        return;
    m_specPath.clear();
    m_ui->setupForm->clear();
    m_ui->pages->setCurrentWidget(m_ui->setupForm);
    m_ui->setupForm->setFocus(); // its first field
    statusBar()->showMessage(tr("New audit: fill in the set-up, then press Start"), 8000);
}

bool MainWindow::maybeDiscard()
{
    if (!m_ui->setupForm->isModified())
        return true;
    return QMessageBox::question(this, tr("GEO Audit"), tr("The set-up has changes that are not saved. Discard them?"),
                                 QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Cancel)
        == QMessageBox::Discard;
}

void MainWindow::saveSpec()
{
    if (m_specPath.isEmpty())
        chooseSpecToSave();
    else
        saveSpecTo(m_specPath);
}

void MainWindow::chooseSpecToSave()
{
    if (!m_opened)
        return;
    QSettings settings;
    const QString folder = m_specPath.isEmpty() ? settings.value(u"spec/folder"_s).toString() : QFileInfo(m_specPath).absolutePath();
    // A file name from the audit's name: "Acme CRM audit" -> acme-crm-audit.json.
    QString name = m_opened->name.toLower().replace(QRegularExpression(u"[^a-z0-9]+"_s), u"-"_s);
    name.remove(QRegularExpression(u"^-+|-+$"_s));
    if (name.isEmpty())
        name = u"audit"_s;
    const QString path = QFileDialog::getSaveFileName(this, tr("Save audit spec"), QDir(folder).filePath(name + u".json"_s),
                                                      tr("Audit specs (*.json)"));
    if (path.isEmpty())
        return;
    settings.setValue(u"spec/folder"_s, QFileInfo(path).absolutePath());
    saveSpecTo(path);
}

void MainWindow::saveSpecTo(const QString &path)
{
    m_ui->setupForm->validateNow();
    if (!m_opened)
        return;
    // What the form says, not what runs: the app's settings stay out of the file.
    const AuditSpec spec = *m_opened;
    whenReady(QtConcurrent::run([spec, path] { return SpecWriter::write(spec, path); }), this, [this, path](const Status &written) {
        if (!written) {
            statusBar()->showMessage(written.error());
            QMessageBox::warning(this, tr("GEO Audit"), written.error());
            return;
        }
        m_specPath = path;
        m_ui->setupForm->setModified(false);
        updateTitle();
        statusBar()->showMessage(tr("Saved the spec to %1").arg(QDir::toNativeSeparators(path)), 8000);
        emit specSaved(path);
    });
}

void MainWindow::setRunning(bool running)
{
    if (running) {
        m_runner->setAllowPrivateHosts(QSettings().value(u"sites/allowPrivateHosts"_s, false).toBool());
        m_runner->setSiteOptions(SettingsDialog::siteOptions());
        // Empty: the system's proxy (useSystemProxy() in main).
        if (const Result<QNetworkProxy> proxy = parseProxy(QSettings().value(u"network/proxy"_s).toString()); proxy)
            m_network.setProxy(proxy.value());
        else
            statusBar()->showMessage(u"Settings: "_s + proxy.error());
    }
    m_ui->startButton->setEnabled(!running && m_spec.has_value());
    m_ui->cancelButton->setEnabled(running);
    m_ui->pauseButton->setEnabled(running);
    if (!running) {
        const QSignalBlocker quiet(m_ui->pauseButton);
        m_ui->pauseButton->setChecked(false);
        m_ui->pauseButton->setText(tr("&Pause"));
    }
    m_ui->newAuditAction->setEnabled(!running);
    m_ui->openSpecAction->setEnabled(!running);
    m_ui->openDemoAction->setEnabled(!running);
    m_ui->importAnswersAction->setEnabled(!running && m_spec.has_value());
    updateResume();
}

void MainWindow::updateResume()
{
    const AuditSummary *a = m_audits->audit(m_ui->auditList->currentIndex());
    const bool idle = !m_runner->isRunning();
    m_ui->resumeButton->setEnabled(idle && a && a->state != u"finished"_s && a->state != u"running"_s);
    m_ui->retryFailedButton->setEnabled(idle && a && a->failed > 0);
    m_ui->runAgainButton->setEnabled(idle && a);
    m_ui->deleteButton->setEnabled(idle && a);
}

void MainWindow::start()
{
    m_ui->setupForm->validateNow(); // what was typed a moment ago counts
    if (!m_spec || m_runner->isRunning())
        return;
    setRunning(true);
    clearRun();
    m_runner->start(*m_spec);
}

void MainWindow::clearRun()
{
    m_scores->clear();
    m_answers->setAnswers({});
    m_failures->clear();
    m_ui->monitor->reset();
    m_ui->pages->setCurrentWidget(m_ui->monitorPage);
}

void MainWindow::resumeSelected()
{
    const qint64 id = selectedAudit();
    if (id == 0 || m_runner->isRunning())
        return;
    setRunning(true);
    clearRun();
    m_runner->resume(id);
}

void MainWindow::retryFailed()
{
    const qint64 id = selectedAudit();
    if (id == 0 || m_runner->isRunning())
        return;
    setRunning(true);
    clearRun();
    m_runner->retryFailed(id);
}

void MainWindow::runAgain()
{
    const qint64 id = selectedAudit();
    if (id == 0 || !maybeDiscard())
        return;
    whenReady(m_store->submit([id](QSqlDatabase &db) { return AuditRepository::loadAudit(db, id); }), this, [this](const Result<StoredAudit> &stored) {
        if (!stored) {
            QMessageBox::warning(this, tr("GEO Audit"), stored.error());
            return;
        }
        const SpecReader::Outcome read = SpecReader::parse(stored->specJson, {});
        if (!read.spec) {
            QMessageBox::warning(this, tr("GEO Audit"), tr("The spec of audit %1 no longer holds: %2")
                                                             .arg(stored->id)
                                                             .arg(read.problems.join(u'\n')));
            return;
        }
        setSpec(*read.spec);
        m_specPath.clear();
        updateTitle();
        statusBar()->showMessage(tr("Opened the spec of audit %1: Start runs it again as the next audit of its series")
                                     .arg(stored->id));
    });
}

void MainWindow::deleteSelected()
{
    const AuditSummary *a = m_audits->audit(m_ui->auditList->currentIndex());
    if (!a || m_runner->isRunning())
        return;
    const qint64 id = a->id;
    if (QMessageBox::question(this, tr("Delete audit"),
                              tr("Delete “%1” (audit %2) with all its answers, analyses and site reports? This cannot be undone.")
                                  .arg(a->name)
                                  .arg(id))
        != QMessageBox::Yes)
        return;
    whenReady(m_store->submit([id](QSqlDatabase &db) { return AuditRepository::deleteAudit(db, id); }), this, [this, id](const Status &deleted) {
        if (!deleted) {
            QMessageBox::warning(this, tr("GEO Audit"), deleted.error());
            return;
        }
        m_scores->clear();
        m_failures->clear();
        m_answers->setAnswers({});
        statusBar()->showMessage(tr("Deleted audit %1").arg(id));
        refreshAudits();
    });
}

void MainWindow::chooseAnswersToImport()
{
    QSettings settings;
    const QString path = QFileDialog::getOpenFileName(this, tr("Import answers"), settings.value(u"import/folder"_s).toString(),
                                                      tr("Answers (*.csv *.jsonl *.ndjson);;All files (*)"));
    if (path.isEmpty())
        return;
    settings.setValue(u"import/folder"_s, QFileInfo(path).absolutePath());
    importAnswersFrom(path);
}

void MainWindow::importAnswersFrom(const QString &path)
{
    if (!m_spec || m_runner->isRunning())
        return;
    setRunning(true);
    statusBar()->showMessage(tr("Reading %1…").arg(QDir::toNativeSeparators(path)));
    whenReady(QtConcurrent::run([path] { return AnswerFile::read(path); }), this, [this, path](const AnswerFile &file) {
        if (!file.problems.isEmpty()) {
            QMessageBox box(QMessageBox::Warning, tr("Import answers"),
                            tr("%n row(s) of %1 were left out; %2 answer(s) will be imported.", nullptr, int(file.problems.size()))
                                .arg(QFileInfo(path).fileName())
                                .arg(file.answers.size()),
                            QMessageBox::Ok, this);
            box.setDetailedText(file.problems.join(u'\n'));
            box.setInformativeText(file.problems.mid(0, 8).join(u'\n') + (file.problems.size() > 8 ? u"\n…"_s : QString()));
            box.exec();
        }
        if (file.answers.isEmpty()) {
            setRunning(false);
            statusBar()->showMessage(tr("Nothing imported from %1").arg(QDir::toNativeSeparators(path)));
            return;
        }
        m_scores->clear();
        m_runner->importAnswers(*m_spec, file.answers);
    });
}

void MainWindow::showProgress(const RunStats &s)
{
    m_ui->monitor->showStats(s);
    const QLocale locale;
    m_ui->progressBar->setRange(0, s.planned);
    m_ui->progressBar->setValue(s.done());
    m_ui->askedValue->setText(locale.toString(s.asked));
    m_ui->answeredValue->setText(locale.toString(s.answered));
    m_ui->analysedValue->setText(locale.toString(s.analysed));
    m_ui->failedValue->setText(locale.toString(s.failed));
    m_ui->inFlightValue->setText(locale.toString(s.inFlight));
    m_ui->rateValue->setText(u"%1 / %2"_s.arg(locale.toString(s.answersPerSecond, 'f', 1),
                                               locale.toString(s.answersPerSecondOverall, 'f', 1)));
    m_ui->latencyValue->setText(s.answered > 0 ? u"%1 / %2 ms"_s.arg(locale.toString(s.latencyP50Ms), locale.toString(s.latencyP95Ms))
                                               : u"–"_s);
    m_ui->elapsedValue->setText(formatDuration(s.elapsedMs));
    m_ui->retryingValue->setText(locale.toString(s.retrying));
    m_ui->sitesValue->setText(s.sitesPlanned == 0 ? u"–"_s
                                                  : tr("%1 of %2 (%3 unreachable, %4 answered from the cache)")
                                                        .arg(s.sitesInspected)
                                                        .arg(s.sitesPlanned)
                                                        .arg(s.sitesUnreachable)
                                                        .arg(s.siteCacheHits));
    m_ui->costValue->setText(u"$"_s + locale.toString(s.costUsd, 'f', s.costUsd < 1 ? 4 : 2));
}

void MainWindow::onFinished(qint64 auditId, const QString &state)
{
    setRunning(false);
    m_failures->flush();
    if (state == u"finished"_s && m_failures->rowCount() == 0)
        m_ui->pages->setCurrentWidget(m_ui->scoresPage); // the run is over: its results
    const RunStats s = m_runner->stats();
    statusBar()->showMessage(tr("Audit %1 %2: %3 answered, %4 failed").arg(auditId).arg(state).arg(s.answered).arg(s.failed));
    refreshAudits(auditId);
}

void MainWindow::refreshAudits(qint64 select)
{
    whenReady(m_store->submit([](QSqlDatabase &db) { return AuditRepository::listAudits(db); }), this, [this, select](const Result<QList<AuditSummary>> &audits) {
        if (!audits)
            return;
        const qint64 keep = select ? select : selectedAudit();
        m_audits->setAudits(audits.value());
        if (const QModelIndex index = m_audits->indexOf(keep); index.isValid())
            m_ui->auditList->setCurrentIndex(index);
        updateResume();
        emit auditsRefreshed();
    });
}

void MainWindow::showFailures(qint64 auditId)
{
    // The running audit's failures come live from the runner.
    if (m_runner->isRunning() && m_runner->auditId() == auditId)
        return;
    whenReady(m_store->submit([auditId](QSqlDatabase &db) { return AuditRepository::failures(db, auditId); }), this, [this, auditId](const Result<QList<StoredFailure>> &failures) {
        if (!failures || selectedAudit() != auditId || (m_runner->isRunning() && m_runner->auditId() == auditId))
            return;
        m_failures->clear();
        for (const StoredFailure &f : failures.value())
            m_failures->add(f.failure, f.prompt);
        m_failures->flush();
    });
}

void MainWindow::updateFailuresCount()
{
    const int shown = m_ui->failuresView->model()->rowCount();
    const int all = m_failures->rowCount();
    const QString failures = all == 1 ? tr("1 failure") : tr("%1 failures").arg(all);
    m_ui->failuresCount->setText(all == 0 ? tr("No failures") : shown == all ? failures : tr("%1 of %2").arg(shown).arg(failures));
    m_ui->pages->setTabText(m_ui->pages->indexOf(m_ui->failuresPage), all == 0 ? tr("F&ailures") : tr("F&ailures (%1)").arg(all));
}

void MainWindow::showAudit(qint64 auditId)
{
    m_ui->exportCsvAction->setEnabled(true);
    showFailures(auditId);
    whenReady(m_store->submit([auditId](QSqlDatabase &db) { return AuditRepository::siteReports(db, auditId); }), this, [this, auditId](const Result<QList<StoredSiteReport>> &reports) {
        if (!reports || selectedAudit() != auditId)
            return;
        m_siteReports = reports.value();
        showSites();
    });
    whenReady(m_store->submit([auditId](QSqlDatabase &db) { return AuditRepository::answers(db, auditId); }), this, [this, auditId](const Result<QList<AnswerRow>> &answers) {
        if (answers && selectedAudit() == auditId)
            m_answers->setAnswers(answers.value());
    });
    // The scores and those of the previous audit of the series, in one job off the GUI thread.
    struct Shown
    {
        AuditScores scores;
        std::optional<AuditScores> previous;
    };
    whenReady(m_store
        ->submit([auditId](QSqlDatabase &db) -> Result<Shown> {
            Result<AuditScores> scores = AuditRepository::scores(db, auditId);
            if (!scores)
                return Error{scores.error()};
            Shown shown{std::move(scores).value(), std::nullopt};
            if (const Result<qint64> previous = AuditRepository::previousInSeries(db, auditId); previous && previous.value() > 0)
                if (Result<AuditScores> earlier = AuditRepository::scores(db, previous.value()); earlier)
                    shown.previous = std::move(earlier).value();
            return shown;
        }), this, [this, auditId](const Result<Shown> &shown) {
            if (!shown || selectedAudit() != auditId)
                return;
            m_shown = shown->scores;
            m_previousId = shown->previous ? shown->previous->auditId : 0;
            m_changes = ScoreComparison::compare(shown->scores, shown->previous ? &*shown->previous : nullptr);
            m_ui->comparedWith->setText(m_previousId ? tr("Change since audit %1 of this series").arg(m_previousId)
                                                     : tr("No earlier audit of this series to compare with"));
            const CutScores *preferred = m_shown->cut(u"non-branded"_s);
            const QString first = preferred && preferred->brands.value(0).answers > 0 ? u"non-branded"_s : u"all"_s;
            {
                const QSignalBlocker quiet(m_ui->cutCombo);
                m_ui->cutCombo->clear();
                for (const CutScores &cut : m_shown->cuts)
                    m_ui->cutCombo->addItem(cut.cut == u"all"_s ? tr("All prompts")
                                            : cut.cut == u"non-branded"_s ? tr("Non-branded prompts")
                                            : cut.cut == u"branded"_s ? tr("Branded prompts")
                                                                       : cut.cut.section(u'=', 0, 0) + u": "_s + cut.cut.section(u'=', 1),
                                            cut.cut);
                m_ui->cutCombo->setCurrentIndex(m_ui->cutCombo->findData(first));
            }
            showCut(first);
            showDiscovered();
            showSites(); // owners are named from the scores' brands
        });
}

// The scores table as tall as its brands' rows, the chart below it taking the rest.
void MainWindow::fitScoresTable()
{
    const QTableView *table = m_ui->scoresView;
    const int height = table->horizontalHeader()->sizeHint().height()
                       + table->model()->rowCount() * table->verticalHeader()->defaultSectionSize()
                       + table->horizontalScrollBar()->sizeHint().height() + 2 * table->frameWidth();
    const int total = std::max(m_ui->scoresSplitter->height(), height + m_ui->scoresChart->minimumHeight());
    m_ui->scoresSplitter->setSizes({height, total - height});
}

void MainWindow::showCut(const QString &name)
{
    const CutScores *cut = m_shown ? m_shown->cut(name) : nullptr;
    if (!cut)
        return;
    m_ui->scoresGroup->setTitle(tr("Scores (%1)").arg(m_ui->cutCombo->currentText().toLower()));
    m_scores->setScores(m_shown->brands, *cut, m_shown->weights.formula());
    fitScoresTable();
    QList<BrandChange> changes;
    for (const BrandChange &c : std::as_const(m_changes))
        if (c.cut == name)
            changes << c;
    m_scores->setChanges(changes);
    m_ui->scoresChart->showCut(m_shown->brands, *cut);

    m_citations->clear();
    m_citations->setHorizontalHeaderLabels({tr("Domain"), tr("Owner"), tr("Citations"), tr("GEO readiness")});
    for (const DomainScore &d : cut->domains) {
        const auto cell = [](const QString &text, const QVariant &sortBy) {
            auto *item = new QStandardItem(text);
            item->setData(sortBy, Qt::UserRole);
            return item;
        };
        const QString owner = d.owner >= 0 ? m_shown->brands.value(d.owner) : tr("third party");
        m_citations->appendRow({cell(d.domain, d.domain), cell(owner, owner), cell(QString::number(d.citations), d.citations),
                                cell(d.readiness ? QString::number(*d.readiness) : tr("not inspected"), d.readiness.value_or(-1))});
    }
    m_ui->citationsView->resizeColumnsToContents(); // a cut cites a few hundred domains at most
}

void MainWindow::showAnswer(const QModelIndex &index)
{
    const auto *shown = static_cast<const QSortFilterProxyModel *>(m_ui->answersView->model());
    const AnswerRow *a = m_answers->answer(shown->mapToSource(index).row());
    QTextDocument *document = m_ui->answerBrowser->document();
    if (!a) {
        document->clear();
        return;
    }
    document->setMarkdown(a->answer);
    // The brands the analysis found in it, marked where they stand.
    QTextCharFormat mark;
    mark.setBackground(QColor(0xff, 0xe0, 0x82));
    mark.setForeground(QColor(0x20, 0x20, 0x20));
    for (const QString &brand : a->mentioned)
        for (QTextCursor found = document->find(brand, 0, QTextDocument::FindWholeWords); !found.isNull();
             found = document->find(brand, found, QTextDocument::FindWholeWords))
            found.mergeCharFormat(mark);
    QTextCursor end(document);
    end.movePosition(QTextCursor::End);
    QString cited;
    for (const QString &url : a->citations)
        cited += u"<li><a href=\"%1\">%2</a></li>"_s.arg(url.toHtmlEscaped(), url.toHtmlEscaped());
    const QString heading = tr("%1 · %2 · sample %3").arg(a->engine, a->prompt).arg(a->sample).toHtmlEscaped();
    end.insertHtml(u"<hr><p><b>%1</b></p>"_s.arg(heading)
                   + (a->citations.isEmpty() ? u"<p>%1</p>"_s.arg(tr("No citations."))
                                             : u"<p>%1</p><ul>%2</ul>"_s.arg(tr("Citations:"), cited)));
}

void MainWindow::showSite(const QModelIndex &index)
{
    m_checks->clear();
    m_checks->setHorizontalHeaderLabels({tr("Group"), tr("Check"), tr("Result"), tr("Points"), tr("Evidence")});
    const auto *shown = static_cast<const QSortFilterProxyModel *>(m_ui->sitesView->model());
    const int row = shown->mapToSource(index).row();
    if (row < 0 || row >= m_siteReports.size())
        return;
    for (const ReadinessCheck &c : m_siteReports[row].report.checks) {
        QList<QStandardItem *> cells;
        for (const QString &text : {c.group, c.name, ReadinessCheck::statusName(c.status),
                                    c.maxPoints > 0 ? u"%1 of %2"_s.arg(c.points).arg(c.maxPoints) : u"–"_s, c.evidence}) {
            cells << new QStandardItem(text);
            cells.last()->setData(text, Qt::UserRole);
            cells.last()->setToolTip(text);
        }
        m_checks->appendRow(cells);
    }
    // The evidence takes what is left; the other columns fit their words, the names capped.
    for (int column = 0; column < 4; ++column)
        m_ui->checksView->resizeColumnToContents(column);
    m_ui->checksView->setColumnWidth(1, std::min(m_ui->checksView->columnWidth(1), 14 * fontMetrics().horizontalAdvance(u'M')));
}

void MainWindow::showSites()
{
    m_sites->clear();
    m_sites->setHorizontalHeaderLabels({tr("Site"), tr("Owner"), tr("GEO readiness")});
    for (const StoredSiteReport &s : std::as_const(m_siteReports)) {
        const QString owner = s.owner >= 0 && m_shown ? m_shown->brands.value(s.owner) : tr("third party");
        auto *domain = new QStandardItem(s.report.domain);
        domain->setData(s.report.domain, Qt::UserRole);
        auto *by = new QStandardItem(owner);
        by->setData(owner, Qt::UserRole);
        auto *score = new QStandardItem(s.report.reachable() ? QString::number(s.report.score) : tr("unreachable"));
        score->setData(s.report.reachable() ? s.report.score : -1, Qt::UserRole);
        m_sites->appendRow({domain, by, score});
    }
    m_ui->sitesView->resizeColumnsToContents();
    showSite({});
}

void MainWindow::showDiscovered()
{
    m_discovered->clear();
    m_discovered->setHorizontalHeaderLabels({tr("Brand"), tr("Answers naming it"), tr("Engines")});
    if (!m_shown)
        return;
    for (const DiscoveredBrand &d : m_shown->discovered) {
        auto *name = new QStandardItem(d.name);
        name->setData(d.name, Qt::UserRole);
        auto *answers = new QStandardItem(QString::number(d.answers));
        answers->setData(d.answers, Qt::UserRole);
        auto *engines = new QStandardItem(d.engines.join(u", "_s));
        engines->setData(engines->text(), Qt::UserRole);
        m_discovered->appendRow({name, answers, engines});
    }
    m_ui->discoveredView->resizeColumnsToContents();
    m_ui->trackBrandButton->setEnabled(false);
}

void MainWindow::trackSelectedBrand()
{
    const QModelIndexList rows = m_ui->discoveredView->selectionModel()->selectedRows(0);
    if (rows.isEmpty() || !m_opened)
        return;
    const QString name = rows.first().data().toString();
    for (const BrandSpec &tracked : m_opened->trackedBrands())
        if (tracked.name.compare(name, Qt::CaseInsensitive) == 0) {
            statusBar()->showMessage(tr("%1 is tracked already").arg(name));
            return;
        }
    m_ui->setupForm->addCompetitor(name);
    statusBar()->showMessage(tr("%1 is now a competitor in the open spec; Start audits it").arg(name));
}

qint64 MainWindow::selectedAudit() const
{
    const AuditSummary *a = m_audits->audit(m_ui->auditList->currentIndex());
    return a ? a->id : 0;
}

void MainWindow::chooseSpec()
{
    if (!maybeDiscard())
        return;
    QSettings settings;
    const QString path = QFileDialog::getOpenFileName(this, tr("Open audit spec"), settings.value(u"spec/folder"_s).toString(),
                                                      tr("Audit specs (*.json);;All files (*)"));
    if (path.isEmpty())
        return;
    settings.setValue(u"spec/folder"_s, QFileInfo(path).absolutePath());
    openSpec(path);
}

void MainWindow::chooseExportFolder()
{
    QSettings settings;
    const QString start = settings.value(u"export/folder"_s,
                                         QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)).toString();
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Export CSV tables to"), start);
    if (folder.isEmpty())
        return;
    settings.setValue(u"export/folder"_s, folder);
    exportCsvTo(folder);
}

void MainWindow::exportCsvTo(const QString &folder)
{
    const qint64 auditId = selectedAudit();
    if (auditId == 0)
        return;
    statusBar()->showMessage(tr("Exporting audit %1…").arg(auditId));
    // A large audit takes seconds: after half a second a dialog counts the rows written and
    // offers to stop.
    auto progress = std::make_shared<CsvExporter::Progress>();
    auto *dialog = new QProgressDialog(tr("Exporting audit %1…").arg(auditId), tr("Cancel"), 0, 0, this);
    dialog->setObjectName(u"exportProgress"_s);
    dialog->setWindowModality(Qt::WindowModal);
    dialog->setMinimumDuration(500);
    dialog->setAutoReset(false);
    connect(dialog, &QProgressDialog::canceled, dialog, [progress] { progress->cancelled = true; });
    auto *tick = new QTimer(dialog);
    connect(tick, &QTimer::timeout, dialog, [dialog, progress, auditId] {
        dialog->setLabelText(tr("Exporting audit %1: %L2 rows written…").arg(auditId).arg(progress->rows.load()));
    });
    tick->start(200);
    whenReady(m_store->submit([auditId, folder, progress](QSqlDatabase &db) { return CsvExporter::exportAudit(db, auditId, folder, progress.get()); }), this, [this, folder, dialog, progress](const Result<QStringList> &files) {
        dialog->deleteLater();
        if (!files) {
            statusBar()->showMessage(files.error());
            if (!progress->cancelled)
                QMessageBox::warning(this, tr("GEO Audit"), files.error());
            return;
        }
        statusBar()->showMessage(tr("Wrote %n CSV file(s) to %1", nullptr, int(files->size())).arg(QDir::toNativeSeparators(folder)));
        emit exported(files.value());
    });
}

void MainWindow::chooseViewExport(const QAbstractItemView *view, const QString &name)
{
    QSettings settings;
    const QString folder = settings.value(u"export/folder"_s,
                                          QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)).toString();
    const QString suggested = QDir(folder).filePath(u"audit-%1-%2.csv"_s.arg(selectedAudit()).arg(name));
    const QString path = QFileDialog::getSaveFileName(this, tr("Export this view"), suggested, tr("CSV (*.csv)"));
    if (path.isEmpty())
        return;
    settings.setValue(u"export/folder"_s, QFileInfo(path).absolutePath());
    exportView(view, path);
}

void MainWindow::exportView(const QAbstractItemView *view, const QString &path)
{
    m_failures->flush(); // what has arrived is what is shown
    // Copying what is shown is quick; writing it is the disk's, off the GUI thread.
    const QAbstractItemModel *model = view->model();
    QList<QVariantList> rows;
    QVariantList header;
    for (int c = 0; c < model->columnCount(); ++c)
        header << model->headerData(c, Qt::Horizontal, Qt::DisplayRole);
    rows << header;
    for (int r = 0; r < model->rowCount(); ++r) {
        QVariantList row;
        for (int c = 0; c < model->columnCount(); ++c)
            row << model->index(r, c).data(Qt::DisplayRole);
        rows << row;
    }
    const int count = int(rows.size() - 1);
    whenReady(QtConcurrent::run([path, rows] { return CsvExporter::writeTable(path, rows); }), this, [this, path, count](const Status &written) {
        if (!written) {
            statusBar()->showMessage(written.error());
            QMessageBox::warning(this, tr("GEO Audit"), written.error());
            return;
        }
        statusBar()->showMessage(tr("Wrote %n row(s) to %1", nullptr, count).arg(QDir::toNativeSeparators(path)));
        emit exported({path});
    });
}

void MainWindow::about()
{
    AboutDialog dialog(this);
    dialog.exec();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_runner->isRunning()
        && QMessageBox::question(this, tr("GEO Audit"), tr("An audit is running. Stop it and quit?")) != QMessageBox::Yes) {
        event->ignore();
        return;
    }
    if (!m_runner->isRunning() && !maybeDiscard()) {
        event->ignore();
        return;
    }
    QSettings settings;
    settings.setValue(u"window/geometry"_s, saveGeometry());
    settings.setValue(u"window/splitter"_s, m_ui->splitter->saveState());
    settings.setValue(u"window/page"_s, m_ui->pages->currentIndex());
    event->accept();
}

} // namespace geo
