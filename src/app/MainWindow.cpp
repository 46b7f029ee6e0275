#include "MainWindow.h"

#include "AboutDialog.h"
#include "AnswerText.h"
#include "AnswersModel.h"
#include "ApiKeysDialog.h"
#include "AppSettings.h"
#include "AuditListModel.h"
#include "AuditResults.h"
#include "CapturePanel.h"
#include "ChoiceDelegate.h"
#include "CitationsModel.h"
#include "CsvExports.h"
#include "DiscoveredModel.h"
#include "FailuresModel.h"
#include "FileDialogs.h"
#include "MetricsDialog.h"
#include "OpenFolderButton.h"
#include "ReadinessChecksModel.h"
#include "RunControl.h"
#include "RunCountersModel.h"
#include "RunMonitor.h"
#include "ScoresChart.h"
#include "ScoresModel.h"
#include "SettingsDialog.h"
#include "SitesModel.h"
#include "SourceMixModel.h"
#include "SpecDocument.h"
#include "SpecForm.h"
#include "SpecSummary.h"
#include "TableViews.h"
#include "WindowSizing.h"
#include "model/WhenReady.h"
#include "run/RunnerThread.h"
#include "spec/SpecReader.h"
#include "store/AuditStore.h"
#include "ui_MainWindow.h"

#include <QCloseEvent>
#include <QDataWidgetMapper>
#include <QDir>
#include <QGuiApplication>
#include <QHeaderView>
#include <QLocale>
#include <QMessageBox>
#include <QScrollBar>
#include <QSortFilterProxyModel>

#include <algorithm>
#include <climits>
#include <tuple>

namespace geo {

using namespace Qt::StringLiterals;
using TableViews::showSorted;

MainWindow::MainWindow(AuditStore *store, QWidget *parent)
    : QMainWindow(parent), m_ui(std::make_unique<Ui::MainWindow>()), m_store(store), m_run(new RunControl(store, this)),
      m_runner(m_run->runner()), m_audits(new AuditListModel(this)), m_results(new AuditResults(store, m_runner, this)),
      m_document(new SpecDocument(this)), m_exports(new CsvExports(store, this))
{
    m_ui->setupUi(this);
    m_ui->setupForm->setDocument(m_document);
    m_ui->sampleBadge->hide();
    m_ui->startButton->setEnabled(false);
    m_ui->auditList->setModel(m_audits);
    m_ui->splitter->setStretchFactor(1, 1);
    m_ui->splitter->setSizes({280, 820});
    setUpResultViews();
    setUpMenus();
    setUpRunControls();
    connect(m_ui->auditList->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) {
                if (const AuditSummary *a = m_audits->audit(current)) {
                    m_ui->exportCsvAction->setEnabled(true);
                    if (a->id != m_results->auditId()) // another audit: nothing of the last one stays
                        for (QLineEdit *filter : {m_ui->answersFilter, m_ui->failuresFilter})
                            filter->clear();
                    m_results->show(a->id);
                }
                updateResume();
            });
    // The set-up page has the room of the progress, which belongs to runs.
    connect(m_ui->pages, &QTabWidget::currentChanged, this,
            [this] { m_ui->progressGroup->setVisible(m_ui->pages->currentWidget() != m_ui->setupForm); });

    const AppSettings settings;
    if (!restoreGeometry(settings.windowGeometry()))
        fitToScreen(this);
    m_ui->splitter->restoreState(settings.splitterState());
    m_ui->pages->setCurrentIndex(settings.page());
    m_ui->progressGroup->setVisible(m_ui->pages->currentWidget() != m_ui->setupForm);
    showSpec();
    updateTitle();
    refreshAudits(settings.lastAudit());
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

// The result pages: each table sorted by its model's values, sized for what it holds.
void MainWindow::setUpResultViews()
{
    showSorted(m_ui->scoresView, m_results->scores()); // the audited brand first, until the user sorts
    m_ui->scoresView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_ui->scoresSplitter->setStretchFactor(0, 0); // the table keeps its rows' height (fitScoresTable)
    m_ui->scoresSplitter->setStretchFactor(1, 1);
    connect(m_ui->cutCombo, &QComboBox::currentIndexChanged, this,
            [this] { m_results->showCut(m_ui->cutCombo->currentData().toString()); });
    connect(m_results, &AuditResults::scored, this, &MainWindow::showScored);
    connect(m_results, &AuditResults::cutShown, this,
            [this](const QString &, const QStringList &brands, const CutScores &cut) {
                m_ui->scoresGroup->setTitle(tr("Scores (%1)").arg(m_ui->cutCombo->currentText().toLower()));
                fitScoresTable();
                m_ui->scoresChart->showCut(brands, cut);
                m_ui->citationsView->resizeColumnsToContents(); // a cut cites a few hundred domains at most
            });

    showSorted(m_ui->citationsView, m_results->citations());
    showSorted(m_ui->sourceMixView, m_results->sourceMix());
    connect(m_results->sourceMix(), &QAbstractItemModel::modelReset, m_ui->sourceMixView,
            &QTableView::resizeColumnsToContents);
    // The analyst's type of a domain goes into the open spec's source_types, one undo step.
    m_ui->citationsView->setItemDelegateForColumn(
        CitationsModel::Type, new ChoiceDelegate(overridableSourceTypeNames(), m_ui->citationsView));
    connect(m_results->citations(), &CitationsModel::typeChosen, this, [this](const QString &domain, SourceType type) {
        AuditSpec spec = m_document->spec();
        spec.sourceTypes.insert(domain, type);
        m_document->edit(spec, u"source_types"_s, tr("source type"));
        m_document->commit();
        statusBar()->showMessage(tr("%1 is a source of type %2 in the open spec; the figures count it so when the "
                                    "audit is run or rescored with it")
                                     .arg(domain, sourceTypeName(type)));
    });
    connect(m_document, &SpecDocument::changed, this,
            [this] { m_results->citations()->setOverrides(m_document->spec().sourceTypes); });
    showSorted(m_ui->discoveredView, m_results->discovered());
    connect(m_results->discovered(), &QAbstractItemModel::modelReset, this, [this] {
        m_ui->discoveredView->resizeColumnsToContents();
        m_ui->trackBrandButton->setEnabled(false);
    });
    connect(m_ui->discoveredView->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        m_ui->trackBrandButton->setEnabled(m_ui->setupForm->outcome().spec
                                           && m_ui->discoveredView->selectionModel()->hasSelection());
    });
    connect(m_ui->trackBrandButton, &QPushButton::clicked, this, &MainWindow::trackSelectedBrand);

    showSorted(m_ui->sitesView, m_results->sites());
    showSorted(m_ui->checksView, m_results->checks());
    // Evidence is the point of a check: wrapped in full, its row as tall as it needs.
    m_ui->checksView->setWordWrap(true);
    m_ui->checksView->setTextElideMode(Qt::ElideNone);
    m_ui->checksView->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_ui->sitesSplitter->setSizes({120, 180}); // the checks below, wide enough for their evidence
    connect(m_results->sites(), &QAbstractItemModel::modelReset, m_ui->sitesView, &QTableView::resizeColumnsToContents);
    connect(m_ui->sitesView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &index) { m_results->showSite(TableViews::sourceRow(m_ui->sitesView, index)); });
    connect(m_results->checks(), &QAbstractItemModel::modelReset, this, [this] {
        // The evidence takes what is left; the other columns fit their words, the names capped.
        for (int column = 0; column < ReadinessChecksModel::Evidence; ++column)
            m_ui->checksView->resizeColumnToContents(column);
        const int most = 14 * fontMetrics().horizontalAdvance(u'M');
        m_ui->checksView->setColumnWidth(ReadinessChecksModel::Check,
                                         std::min(m_ui->checksView->columnWidth(ReadinessChecksModel::Check), most));
    });

    QSortFilterProxyModel *answersShown = showSorted(m_ui->answersView, m_results->answers());
    TableViews::setColumnWidths(m_ui->answersView, {{AnswersModel::Prompt, 22}});
    m_ui->answersSplitter->setSizes({430, 350});
    connect(m_ui->answersFilter, &QLineEdit::textChanged, answersShown, &QSortFilterProxyModel::setFilterFixedString);
    connect(m_ui->answersView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &index) {
                const AnswerRow *a = m_results->answers()->answer(TableViews::sourceRow(m_ui->answersView, index));
                if (a)
                    AnswerText::render(m_ui->answerBrowser->document(), *a);
                else
                    m_ui->answerBrowser->document()->clear();
            });
    // New answers (another audit's) leave no row selected, so no answer to read.
    connect(m_results->answers(), &QAbstractItemModel::modelReset, m_ui->answerBrowser->document(),
            &QTextDocument::clear);

    // In order of arrival until sorted; fixed widths, as fitting columns to thousands of
    // rows would make the GUI wait.
    QSortFilterProxyModel *failuresShown = showSorted(m_ui->failuresView, m_results->failures());
    TableViews::setColumnWidths(m_ui->failuresView,
                                {{FailuresModel::Time, 7},
                                 {FailuresModel::Stage, 5},
                                 {FailuresModel::Engine, 7},
                                 {FailuresModel::Prompt, 18},
                                 {FailuresModel::ErrorClass, 8},
                                 {FailuresModel::Message, 24},
                                 {FailuresModel::Attempts, 6}});
    m_ui->failuresView->horizontalHeader()->setSectionResizeMode(FailuresModel::Message, QHeaderView::Stretch);
    connect(m_ui->failuresFilter, &QLineEdit::textChanged, failuresShown, &QSortFilterProxyModel::setFilterFixedString);
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(failuresShown, signal, this, &MainWindow::updateFailuresCount);
    connect(failuresShown, &QAbstractItemModel::modelReset, this, &MainWindow::updateFailuresCount);
    connect(failuresShown, &QAbstractItemModel::layoutChanged, this, &MainWindow::updateFailuresCount);

    for (QTableView *view : {m_ui->citationsView, m_ui->discoveredView, m_ui->sitesView, m_ui->checksView,
                             m_ui->answersView, m_ui->scoresView})
        view->horizontalHeader()->setStretchLastSection(true);
    m_ui->failuresView->horizontalHeader()->setStretchLastSection(false);
    for (auto [button, view, name] : std::initializer_list<std::tuple<QPushButton *, QTableView *, QString>>{
             {m_ui->exportScoresButton, m_ui->scoresView, u"scores"_s},
             {m_ui->exportCitationsButton, m_ui->citationsView, u"citations"_s},
             {m_ui->exportFailuresButton, m_ui->failuresView, u"failures"_s}})
        connect(button, &QPushButton::clicked, this, [this, view, name] { chooseViewExport(view, name); });
    auto *openFolder = new OpenFolderButton(this);
    statusBar()->addPermanentWidget(openFolder);
    connect(m_exports, &CsvExports::exported, this,
            [this, openFolder](const QStringList &files, const QString &message) {
                statusBar()->showMessage(message);
                openFolder->offer(files);
                emit exported(files);
            });
    connect(m_exports, &CsvExports::failed, this, [this](const QString &error, bool cancelled) {
        statusBar()->showMessage(error);
        if (!cancelled)
            QMessageBox::warning(this, tr("GEO Audit"), error);
    });
}

void MainWindow::setUpMenus()
{
    m_ui->newAuditAction->setShortcut(QKeySequence::New);
    m_ui->openSpecAction->setShortcut(QKeySequence::Open);
    m_ui->saveSpecAction->setShortcut(QKeySequence::Save);
    m_ui->saveSpecAsAction->setShortcut(QKeySequence::SaveAs);
    m_ui->quitAction->setShortcut(QKeySequence::Quit);
    // Where the platform names no Preferences keys (X11 without a desktop's theme), Ctrl+,.
    const QList<QKeySequence> preferences = QKeySequence::keyBindings(QKeySequence::Preferences);
    m_ui->settingsAction->setShortcuts(preferences.isEmpty() ? QList{QKeySequence(tr("Ctrl+,"))} : preferences);
    connect(m_ui->newAuditAction, &QAction::triggered, this, &MainWindow::newAudit);
    connect(m_ui->openSpecAction, &QAction::triggered, this, [this] {
        if (!maybeDiscard())
            return;
        if (const QString path = FileDialogs::specToOpen(this); !path.isEmpty())
            openSpec(path);
    });
    connect(m_ui->openDemoAction, &QAction::triggered, this, [this] {
        if (maybeDiscard())
            openDemo();
    });
    connect(m_ui->saveSpecAction, &QAction::triggered, this, &MainWindow::saveSpec);
    connect(m_ui->saveSpecAsAction, &QAction::triggered, this, &MainWindow::chooseSpecToSave);
    connect(m_ui->importAnswersAction, &QAction::triggered, this, [this] {
        if (const QString path = FileDialogs::answersToImport(this); !path.isEmpty())
            importAnswers(path);
    });
    // File → Capture answers and Import a folder of saved pages, enabled whenever Import answers is.
    const auto likeImport = [this](const QString &name, const QString &text) {
        auto *action = new QAction(text, this);
        action->setObjectName(name);
        action->setEnabled(false);
        m_ui->fileMenu->insertAction(m_ui->importAnswersAction, action);
        connect(m_ui->importAnswersAction, &QAction::changed, action,
                [this, action] { action->setEnabled(m_ui->importAnswersAction->isEnabled()); });
        return action;
    };
    connect(likeImport(u"captureAnswersAction"_s, tr("&Capture answers from the browser…")), &QAction::triggered, this,
            &MainWindow::openCapturePanel);
    connect(likeImport(u"importPagesAction"_s, tr("Import a &folder of saved pages…")), &QAction::triggered, this,
            [this] {
                if (const QString folder = FileDialogs::pagesToImport(this); !folder.isEmpty())
                    importAnswers(folder);
            });
    connect(m_ui->exportCsvAction, &QAction::triggered, this, [this] {
        if (const QString folder = FileDialogs::exportFolder(this); !folder.isEmpty())
            exportCsvTo(folder);
    });
    connect(m_ui->quitAction, &QAction::triggered, this, &QWidget::close);

    // Edit → Undo and Redo: the set-up's edits, a field at a time.
    QAction *undo = m_document->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setObjectName(u"undoAction"_s);
    undo->setShortcuts(QKeySequence::Undo);
    QAction *redo = m_document->undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setObjectName(u"redoAction"_s);
    const QKeySequence ctrlShiftZ(Qt::CTRL | Qt::SHIFT | Qt::Key_Z); // on every platform, first
    QList<QKeySequence> redoKeys = QKeySequence::keyBindings(QKeySequence::Redo);
    redoKeys.removeAll(ctrlShiftZ);
    redo->setShortcuts(QList{ctrlShiftZ} + redoKeys);
    // Settings in Edit, as GNOME and Windows place them: a menu of its own would take an Alt
    // letter the window's tabs need.
    m_ui->editMenu->addActions({undo, redo});
    m_ui->editMenu->addSeparator();
    m_ui->editMenu->addActions({m_ui->settingsAction, m_ui->apiKeysAction});

    connect(m_ui->setupForm, &SpecForm::validated, this, &MainWindow::showSpec);
    connect(m_ui->setupForm, &SpecForm::apiKeysRequested, m_ui->apiKeysAction, &QAction::trigger);
    // The title names the spec's file (or audit) and marks unsaved changes.
    for (auto signal : {&SpecDocument::changed, &SpecDocument::pathChanged})
        connect(m_document, signal, this, &MainWindow::updateTitle);
    connect(m_document, &SpecDocument::replaced, this, &MainWindow::updateTitle);
    connect(m_document, &SpecDocument::dirtyChanged, this, &MainWindow::updateTitle);
    connect(m_document, &SpecDocument::saved, this, [this](const QString &path) {
        statusBar()->showMessage(tr("Saved the spec to %1").arg(QDir::toNativeSeparators(path)), 8000);
        emit specSaved(path);
    });
    connect(m_document, &SpecDocument::saveFailed, this, [this](const QString &error) {
        statusBar()->showMessage(error);
        QMessageBox::warning(this, tr("GEO Audit"), error);
    });

    connect(m_ui->apiKeysAction, &QAction::triggered, this, [this] {
        ApiKeysDialog dialog(m_ui->setupForm->engines(), this);
        dialog.exec();
        m_ui->setupForm->refreshKeys();
    });
    connect(m_ui->settingsAction, &QAction::triggered, this, [this] {
        SettingsDialog dialog(this);
        connect(&dialog, &SettingsDialog::apiKeysRequested, m_ui->apiKeysAction, &QAction::trigger);
        if (dialog.exec() == QDialog::Accepted)
            showSpec(); // the analysis threads may have changed
    });
    connect(m_ui->metricsAction, &QAction::triggered, this, [this] {
        auto *metrics = new MetricsDialog(this);
        metrics->setAttribute(Qt::WA_DeleteOnClose);
        metrics->show();
    });
    connect(m_ui->aboutAction, &QAction::triggered, this, [this] {
        AboutDialog dialog(this);
        dialog.exec();
    });
}

// Start, Pause, Cancel and the audits' buttons, and what the runner says back.
void MainWindow::setUpRunControls()
{
    connect(m_ui->startButton, &QPushButton::clicked, this, &MainWindow::start);
    connect(m_ui->resumeButton, &QPushButton::clicked, this, [this] { runSelected(&RunControl::resume); });
    connect(m_ui->retryFailedButton, &QPushButton::clicked, this, [this] { runSelected(&RunControl::retryFailed); });
    connect(m_ui->runAgainButton, &QPushButton::clicked, this, &MainWindow::runAgain);
    connect(m_ui->deleteButton, &QPushButton::clicked, this, &MainWindow::deleteSelected);
    connect(m_ui->cancelButton, &QPushButton::clicked, m_runner, &RunnerThread::cancel);
    connect(m_ui->pauseButton, &QPushButton::toggled, this, [this](bool pause) {
        // Said at once; the runner's pausedChanged confirms it from its thread.
        m_ui->pauseButton->setText(pause ? tr("Con&tinue") : tr("&Pause"));
        if (pause)
            m_runner->pause();
        else
            m_runner->unpause();
    });
    connect(m_runner, &RunnerThread::pausedChanged, this, [this](bool paused) {
        const QSignalBlocker quiet(m_ui->pauseButton);
        m_ui->pauseButton->setChecked(paused);
        m_ui->pauseButton->setText(paused ? tr("Con&tinue") : tr("&Pause"));
        m_ui->monitor->setPaused(paused);
        refreshAudits(); // the sidebar shows the audit as paused or running again
    });
    connect(m_run, &RunControl::runningChanged, this, &MainWindow::setRunning);
    connect(m_run, &RunControl::status, this, [this](const QString &message) { statusBar()->showMessage(message); });
    connect(m_run, &RunControl::failed, this,
            [this](const QString &message) { QMessageBox::warning(this, tr("GEO Audit"), message); });
    connect(m_run, &RunControl::importing, m_results->scores(), &ScoresModel::clear);
    connect(m_run, &RunControl::rowsLeftOut, this, [this](const QString &path, const QStringList &problems, int kept) {
        const QString text
            = tr("%n row(s) of %1 were left out; %2 answer(s) will be imported.", nullptr, int(problems.size()))
                  .arg(QFileInfo(path).fileName())
                  .arg(kept);
        QMessageBox box(QMessageBox::Warning, tr("Import answers"), text, QMessageBox::Ok, this);
        box.setDetailedText(problems.join(u'\n'));
        box.setInformativeText(problems.mid(0, 8).join(u'\n') + (problems.size() > 8 ? u"\n…"_s : QString()));
        box.exec();
    });
    connect(m_runner, &RunnerThread::started, this, [this](qint64 id) { refreshAudits(id); });
    // Storing a big audit's items takes a while before the first answer is asked: said in the
    // bar's text, its value staying the answers done.
    connect(m_runner, &RunnerThread::preparing, this, [this](qint64 written, qint64 total) {
        const QLocale locale;
        const qint64 percent = total > 0 ? written * 100 / total : 100;
        m_ui->progressBar->setFormat(tr("Preparing %1 answers: %2%%").arg(locale.toString(total)).arg(percent));
        statusBar()->showMessage(tr("Preparing %1 answers: %2%").arg(locale.toString(total)).arg(percent));
    });
    connect(m_runner, &RunnerThread::progress, this, [this, format = m_ui->progressBar->format()](const RunStats &s) {
        m_ui->progressBar->setFormat(format); // after the preparing's
        m_ui->monitor->showStats(s);
        m_ui->progressBar->setRange(0, s.planned);
        m_ui->progressBar->setValue(s.done());
        m_audits->showProgress(m_runner->auditId(), s);
    });
    connect(m_runner, &RunnerThread::finished, this, [this](qint64 id, const QString &state) {
        m_results->failures()->flush();
        if (state == stateName(AuditState::Finished) && m_results->failures()->rowCount() == 0)
            m_ui->pages->setCurrentWidget(m_ui->scoresPage); // the run is over: its results
        refreshAudits(id);
    });

    // The counters' labels show the rows of the counters' model.
    auto *counters = new QDataWidgetMapper(this);
    counters->setOrientation(Qt::Vertical);
    counters->setModel(m_run->counters());
    for (auto [label, row] : std::initializer_list<std::pair<QLabel *, RunCountersModel::Counter>>{
             {m_ui->askedValue, RunCountersModel::Asked},
             {m_ui->answeredValue, RunCountersModel::Answered},
             {m_ui->analysedValue, RunCountersModel::Analysed},
             {m_ui->failedValue, RunCountersModel::Failed},
             {m_ui->inFlightValue, RunCountersModel::InFlight},
             {m_ui->retryingValue, RunCountersModel::Retrying},
             {m_ui->rateValue, RunCountersModel::Rate},
             {m_ui->latencyValue, RunCountersModel::Latency},
             {m_ui->elapsedValue, RunCountersModel::Elapsed},
             {m_ui->costValue, RunCountersModel::Cost},
             {m_ui->sitesValue, RunCountersModel::Sites}})
        counters->addMapping(label, row, "text");
    counters->toFirst();
}

bool MainWindow::openSpec(const QString &path)
{
    const SpecReader::Outcome read = SpecReader::readFile(path);
    if (!read.spec) {
        QMessageBox box(QMessageBox::Warning, tr("GEO Audit"),
                        tr("The spec %1 has %n problem(s).", nullptr, int(read.problems.size()))
                            .arg(QDir::toNativeSeparators(path)),
                        QMessageBox::Ok, this);
        box.setInformativeText(read.problems.join(u'\n'));
        box.exec();
        return false;
    }
    m_document->load(*read.spec, path);
    statusBar()->showMessage(path.startsWith(u':')
                                 ? tr("Opened the demo audit: recorded sample answers, no engine is asked")
                                 : tr("Opened %1").arg(QDir::toNativeSeparators(path)),
                             8000);
    return true;
}

void MainWindow::openDemo()
{
    openSpec(u":/examples/demo-audit.json"_s);
}

void MainWindow::reopenLast()
{
    const QString last = AppSettings().lastSpec();
    if (last.isEmpty() || !QFileInfo::exists(last) || !openSpec(last))
        openDemo();
}

void MainWindow::setAnalysisThreads(int threads)
{
    AppSettings().setAnalysisThreads(threads);
    showSpec();
}

void MainWindow::showSpec()
{
    const SpecReader::Outcome &read = m_ui->setupForm->outcome();
    m_spec.reset();
    if (read.spec)
        m_spec = SpecSummary::runnable(*read.spec, AppSettings().analysisThreads());
    const SpecSummary summary = m_spec
        ? SpecSummary::of(*m_spec, m_ui->setupForm->missingKeys())
        : SpecSummary::ofProblems(m_ui->setupForm->auditName(), m_ui->setupForm->problems(), !m_document->isDirty());
    const bool running = m_runner->isRunning();
    m_ui->specTitle->setText(summary.title);
    m_ui->specSummary->setText(summary.text);
    m_ui->sampleBadge->setVisible(summary.sampleData);
    for (QAction *save : {m_ui->saveSpecAction, m_ui->saveSpecAsAction}) {
        save->setEnabled(m_spec.has_value());
        save->setToolTip(summary.blocker);
    }
    m_ui->startButton->setToolTip(summary.blocker);
    m_ui->startButton->setEnabled(m_spec && summary.blocker.isEmpty() && !running);
    m_ui->importAnswersAction->setEnabled(m_spec && !running);
    if (m_spec && !running) {
        m_ui->progressBar->setRange(0, int(std::min<qint64>(summary.answers, INT_MAX)));
        m_ui->progressBar->setValue(0);
    }
}

void MainWindow::updateTitle()
{
    setWindowTitle(m_document->title() + u"[*]"_s);
    setWindowModified(m_document->isDirty());
}

bool MainWindow::maybeDiscard()
{
    if (!m_document->isDirty())
        return true;
    const auto choice = QMessageBox::question(
        this, tr("GEO Audit"), tr("The set-up has changes that are not saved. Save them first?"),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (choice != QMessageBox::Save)
        return choice == QMessageBox::Discard;
    const QString path = !m_document->path().isEmpty()
        ? m_document->path()
        : FileDialogs::specToSave(this, {}, m_document->suggestedFileName());
    return !path.isEmpty() && m_document->saveAndWait(path);
}

void MainWindow::newAudit()
{
    if (m_runner->isRunning() || !maybeDiscard())
        return;
    m_document->clear();
    m_ui->pages->setCurrentWidget(m_ui->setupForm);
    m_ui->setupForm->setFocus(); // its first field
    statusBar()->showMessage(tr("New audit: fill in the set-up, then press Start"), 8000);
}

void MainWindow::saveSpec()
{
    if (m_document->path().isEmpty())
        chooseSpecToSave();
    else
        saveSpecTo(m_document->path());
}

void MainWindow::chooseSpecToSave()
{
    if (!m_ui->setupForm->outcome().spec)
        return;
    if (const QString path = FileDialogs::specToSave(this, m_document->path(), m_document->suggestedFileName());
        !path.isEmpty())
        saveSpecTo(path);
}

void MainWindow::saveSpecTo(const QString &path)
{
    // What the form says, not what runs: the app's settings stay out of the file.
    m_document->saveTo(path); // saved() or saveFailed() tells
}

void MainWindow::setRunning(bool running)
{
    m_ui->startButton->setEnabled(!running && m_spec.has_value() && m_ui->setupForm->missingKeys().isEmpty());
    m_ui->cancelButton->setEnabled(running);
    m_ui->pauseButton->setEnabled(running);
    if (!running) {
        const QSignalBlocker quiet(m_ui->pauseButton);
        m_ui->pauseButton->setChecked(false);
        m_ui->pauseButton->setText(tr("&Pause"));
    }
    for (QAction *action : {m_ui->newAuditAction, m_ui->openSpecAction, m_ui->openDemoAction})
        action->setEnabled(!running);
    m_ui->importAnswersAction->setEnabled(!running && m_spec.has_value());
    updateResume();
}

void MainWindow::updateResume()
{
    const AuditSummary *a = m_audits->audit(m_ui->auditList->currentIndex());
    const bool idle = !m_runner->isRunning();
    m_ui->resumeButton->setEnabled(idle && a && a->state != AuditState::Finished && a->state != AuditState::Running
                                   && a->state != AuditState::Preparing);
    m_ui->retryFailedButton->setEnabled(idle && a && a->failed > 0);
    m_ui->runAgainButton->setEnabled(idle && a);
    m_ui->deleteButton->setEnabled(idle && a);
}

void MainWindow::start()
{
    m_ui->setupForm->validateNow(); // what was typed a moment ago counts
    if (!m_spec || m_run->isRunning())
        return;
    const SpecSummary summary = SpecSummary::of(*m_spec);
    if (const RunLimits limits = AppSettings().confirmLimits(); limits.exceededBy(summary.answers, summary.costUsd)) {
        const QLocale locale;
        confirmStart(tr("This audit would ask %1 answers, costing about $%2: more than the %3 answers or $%4 "
                        "that Settings lets start without asking.")
                         .arg(locale.toString(summary.answers), locale.toString(summary.costUsd, 'f', 2),
                              locale.toString(limits.answers), locale.toString(limits.costUsd, 'f', 2)));
        return;
    }
    startNow();
}

void MainWindow::confirmStart(const QString &question)
{
    auto *box = new QMessageBox(QMessageBox::Question, tr("Start a large audit?"), question,
                                QMessageBox::Yes | QMessageBox::Cancel, this);
    box->setObjectName(u"confirmStartBox"_s);
    box->setInformativeText(tr("Its answers are prepared first, then asked; Cancel stops it at any time."));
    box->button(QMessageBox::Yes)->setText(tr("&Start"));
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this](int answer) {
        if (answer == QMessageBox::Yes && m_spec && !m_run->isRunning())
            startNow();
    });
    box->open();
}

void MainWindow::startNow()
{
    clearRun();
    m_run->start(*m_spec);
}

void MainWindow::clearRun()
{
    m_results->clear();
    m_ui->monitor->reset();
    m_ui->pages->setCurrentWidget(m_ui->monitorPage);
}

void MainWindow::runSelected(void (RunControl::*run)(qint64))
{
    const qint64 id = selectedAudit();
    if (id == 0 || m_run->isRunning())
        return;
    clearRun();
    (m_run->*run)(id);
}

void MainWindow::runAgain()
{
    const qint64 id = selectedAudit();
    if (id == 0 || !maybeDiscard())
        return;
    whenReady(m_store->loadAudit(id), this, [this](const Result<StoredAudit> &stored) {
        if (!stored) {
            QMessageBox::warning(this, tr("GEO Audit"), stored.error());
            return;
        }
        const SpecReader::Outcome read = SpecReader::parse(stored->specJson, {});
        if (!read.spec) {
            QMessageBox::warning(
                this, tr("GEO Audit"),
                tr("The spec of audit %1 no longer holds: %2").arg(stored->id).arg(read.problems.join(u'\n')));
            return;
        }
        m_document->load(*read.spec); // a new audit of the series: no file to save it to yet
        statusBar()->showMessage(
            tr("Opened the spec of audit %1: Start runs it again as the next audit of its series").arg(stored->id));
    });
}

void MainWindow::deleteSelected()
{
    const AuditSummary *a = m_audits->audit(m_ui->auditList->currentIndex());
    if (!a || m_runner->isRunning())
        return;
    const qint64 id = a->id;
    if (QMessageBox::question(
            this, tr("Delete audit"),
            tr("Delete “%1” (audit %2) with all its answers, analyses and site reports? This cannot be undone.")
                .arg(a->name)
                .arg(id),
            QMessageBox::Yes | QMessageBox::No, QMessageBox::No)
        != QMessageBox::Yes)
        return;
    whenReady(m_store->deleteAudit(id), this, [this, id](const Status &deleted) {
        if (!deleted) {
            QMessageBox::warning(this, tr("GEO Audit"), deleted.error());
            return;
        }
        m_results->clear();
        statusBar()->showMessage(tr("Deleted audit %1").arg(id));
        refreshAudits();
    });
}

void MainWindow::importAnswers(const QString &path)
{
    if (m_spec && !m_run->isRunning())
        m_run->importAnswers(*m_spec, path);
}

CapturePanel *MainWindow::openCapturePanel()
{
    if (!m_spec || m_run->isRunning())
        return nullptr;
    return CapturePanel::startCapture(*m_spec, m_run, this);
}

void MainWindow::refreshAudits(qint64 select)
{
    whenReady(m_store->audits(), this, [this, select](const Result<QList<AuditSummary>> &audits) {
        if (!audits)
            return;
        const qint64 keep = select ? select : selectedAudit();
        m_audits->setAudits(audits.value());
        // The audit picked before, else (the first time, or it is gone) the newest.
        if (const QModelIndex index = m_audits->indexOf(keep); index.isValid())
            m_ui->auditList->setCurrentIndex(index);
        else if (m_audits->rowCount() > 0)
            m_ui->auditList->setCurrentIndex(m_audits->index(0));
        updateResume();
        emit auditsRefreshed();
    });
}

qint64 MainWindow::selectedAudit() const
{
    const AuditSummary *a = m_audits->audit(m_ui->auditList->currentIndex());
    return a ? a->id : 0;
}

// The scores of the audit selected are in: its cuts to choose from, the first one shown.
void MainWindow::showScored()
{
    const qint64 previous = m_results->previousAuditId();
    m_ui->comparedWith->setText(previous ? tr("Change since audit %1 of this series").arg(previous)
                                         : tr("No earlier audit of this series to compare with"));
    const QString first = m_results->firstCut();
    {
        const QSignalBlocker quiet(m_ui->cutCombo);
        m_ui->cutCombo->clear();
        for (const QString &cut : m_results->cuts())
            m_ui->cutCombo->addItem(AuditResults::cutLabel(cut), cut);
        m_ui->cutCombo->setCurrentIndex(m_ui->cutCombo->findData(first));
    }
    m_results->showCut(first);
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

void MainWindow::updateFailuresCount()
{
    const int shown = m_ui->failuresView->model()->rowCount();
    const int all = m_results->failures()->rowCount();
    const QString failures = all == 1 ? tr("1 failure") : tr("%1 failures").arg(all);
    m_ui->failuresCount->setText(all == 0           ? tr("No failures")
                                     : shown == all ? failures
                                                    : tr("%1 of %2").arg(shown).arg(failures));
    m_ui->pages->setTabText(m_ui->pages->indexOf(m_ui->failuresPage),
                            all == 0 ? tr("F&ailures") : tr("F&ailures (%1)").arg(all));
}

void MainWindow::trackSelectedBrand()
{
    const QModelIndexList rows = m_ui->discoveredView->selectionModel()->selectedRows(0);
    if (rows.isEmpty() || !m_ui->setupForm->outcome().spec)
        return;
    const QString name = rows.first().data().toString();
    statusBar()->showMessage(m_ui->setupForm->addCompetitor(name)
                                 ? tr("%1 is now a competitor in the open spec; Start audits it").arg(name)
                                 : tr("%1 is tracked already").arg(name));
}

void MainWindow::exportCsvTo(const QString &folder)
{
    if (const qint64 auditId = selectedAudit(); auditId != 0) {
        statusBar()->showMessage(tr("Exporting audit %1…").arg(auditId));
        m_exports->exportAudit(auditId, folder);
    }
}

void MainWindow::chooseViewExport(const QAbstractItemView *view, const QString &name)
{
    const QString path = FileDialogs::viewExport(this, u"audit-%1-%2.csv"_s.arg(selectedAudit()).arg(name));
    if (!path.isEmpty())
        exportView(view, path);
}

void MainWindow::exportView(const QAbstractItemView *view, const QString &path)
{
    m_results->failures()->flush(); // what has arrived is what is shown
    m_exports->exportView(view->model(), path);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_runner->isRunning()
        && QMessageBox::question(this, tr("GEO Audit"), tr("An audit is running. Stop it and quit?"))
            != QMessageBox::Yes) {
        event->ignore();
        return;
    }
    if (!m_runner->isRunning() && !maybeDiscard()) {
        event->ignore();
        return;
    }
    AppSettings settings;
    settings.setWindowGeometry(saveGeometry());
    settings.setSplitterState(m_ui->splitter->saveState());
    settings.setPage(m_ui->pages->currentIndex());
    settings.setLastSpec(m_document->path());
    settings.setLastAudit(selectedAudit());
    event->accept();
}

} // namespace geo
