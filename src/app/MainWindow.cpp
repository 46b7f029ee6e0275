#include "MainWindow.h"

#include "AboutDialog.h"
#include "ApiKeysDialog.h"
#include "AuditListModel.h"
#include "ScoresModel.h"
#include "export/CsvExporter.h"
#include "engines/AnswerFile.h"
#include "run/AuditRunner.h"
#include "run/Pricing.h"
#include "run/Proxy.h"
#include "spec/SpecReader.h"
#include "store/AuditRepository.h"
#include "store/AuditStore.h"
#include "ui_MainWindow.h"

#include <QCloseEvent>
#include <QDir>
#include <QFileDialog>
#include <QHeaderView>
#include <QInputDialog>
#include <QLocale>
#include <QMessageBox>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QtConcurrent/QtConcurrentRun>

namespace geo {

using namespace Qt::StringLiterals;

namespace {

QString duration(qint64 ms)
{
    const qint64 s = ms / 1000;
    return s >= 3600 ? u"%1:%2:%3"_s.arg(s / 3600).arg(s / 60 % 60, 2, 10, QChar(u'0')).arg(s % 60, 2, 10, QChar(u'0'))
                     : u"%1:%2"_s.arg(s / 60).arg(s % 60, 2, 10, QChar(u'0'));
}

} // namespace

MainWindow::MainWindow(AuditStore *store, QWidget *parent)
    : QMainWindow(parent), m_ui(std::make_unique<Ui::MainWindow>()), m_store(store),
      m_runner(new AuditRunner(store, &m_network, this)), m_audits(new AuditListModel(this)),
      m_scores(new ScoresModel(this))
{
    m_ui->setupUi(this);
    m_ui->sampleBadge->hide();
    m_ui->startButton->setEnabled(false);
    m_ui->auditList->setModel(m_audits);
    m_ui->splitter->setStretchFactor(1, 1);
    m_ui->splitter->setSizes({280, 820});

    auto *sorted = new QSortFilterProxyModel(this);
    sorted->setSourceModel(m_scores);
    sorted->setSortRole(Qt::UserRole);
    m_ui->scoresView->setModel(sorted);
    m_ui->scoresView->setSortingEnabled(true);
    m_ui->scoresView->sortByColumn(-1, Qt::AscendingOrder); // the audited brand first, until the user sorts
    m_ui->scoresView->verticalHeader()->hide();
    m_ui->scoresView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_ui->scoresView->horizontalHeader()->setStretchLastSection(true);

    m_ui->openSpecAction->setShortcut(QKeySequence::Open);
    m_ui->quitAction->setShortcut(QKeySequence::Quit);
    connect(m_ui->openSpecAction, &QAction::triggered, this, &MainWindow::chooseSpec);
    connect(m_ui->openDemoAction, &QAction::triggered, this, &MainWindow::openDemo);
    connect(m_ui->exportCsvAction, &QAction::triggered, this, &MainWindow::chooseExportFolder);
    connect(m_ui->quitAction, &QAction::triggered, this, &QWidget::close);
    connect(m_ui->aboutAction, &QAction::triggered, this, &MainWindow::about);
    connect(m_ui->importAnswersAction, &QAction::triggered, this, &MainWindow::chooseAnswersToImport);
    connect(m_ui->apiKeysAction, &QAction::triggered, this, [this] {
        ApiKeysDialog dialog(m_spec ? m_spec->engines : QList<EngineSpec>{}, this);
        dialog.exec();
    });
    connect(m_ui->analysisThreadsAction, &QAction::triggered, this, [this] {
        bool accepted = false;
        const int current = QSettings().value(u"analysis/threads"_s, 0).toInt();
        const int threads = QInputDialog::getInt(this, tr("Analysis threads"),
                                                 tr("Answers analysed at once (0 uses each spec's own setting):"),
                                                 current, 0, 64, 1, &accepted);
        if (accepted)
            setAnalysisThreads(threads);
    });
    m_ui->allowPrivateHostsAction->setChecked(QSettings().value(u"sites/allowPrivateHosts"_s, false).toBool());
    connect(m_ui->allowPrivateHostsAction, &QAction::toggled, this,
            [](bool allow) { QSettings().setValue(u"sites/allowPrivateHosts"_s, allow); });
    connect(m_ui->startButton, &QPushButton::clicked, this, &MainWindow::start);
    connect(m_ui->resumeButton, &QPushButton::clicked, this, &MainWindow::resumeSelected);
    connect(m_ui->cancelButton, &QPushButton::clicked, m_runner, &AuditRunner::cancel);
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
    refreshAudits();
    m_store->opened().then(this, [this](const Status &s) {
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
    if (m_opened)
        setSpec(*m_opened);
}

void MainWindow::setSpec(const AuditSpec &opened)
{
    m_opened = opened;
    AuditSpec spec = opened;
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
    m_ui->importAnswersAction->setEnabled(true);
    m_ui->specSummary->setText(
        tr("<b>%1</b> against %2.<br>%3 prompts × %4 engines (%5) × %6 samples = <b>%7 answers</b>; analysis on %8 threads.<br>%9")
            .arg(spec.brand.name.toHtmlEscaped(), competitors.join(u", "_s).toHtmlEscaped())
            .arg(plan ? plan->prompts.size() : 0)
            .arg(spec.engines.size())
            .arg(engines.join(u", "_s).toHtmlEscaped())
            .arg(spec.samples)
            .arg(plan ? plan->items.size() : 0)
            .arg(spec.analysis.threads)
            .arg(cost.toHtmlEscaped()));
    m_ui->startButton->setEnabled(!m_runner->isRunning());
    m_ui->progressBar->setRange(0, plan ? int(plan->items.size()) : 0);
    m_ui->progressBar->setValue(0);
}

void MainWindow::setRunning(bool running)
{
    if (running) {
        m_runner->setAllowPrivateHosts(m_ui->allowPrivateHostsAction->isChecked());
        // Empty: the system's proxy (useSystemProxy() in main).
        if (const Result<QNetworkProxy> proxy = parseProxy(QSettings().value(u"network/proxy"_s).toString()); proxy)
            m_network.setProxy(proxy.value());
        else
            statusBar()->showMessage(u"Settings: "_s + proxy.error());
    }
    m_ui->startButton->setEnabled(!running && m_spec.has_value());
    m_ui->cancelButton->setEnabled(running);
    m_ui->openSpecAction->setEnabled(!running);
    m_ui->openDemoAction->setEnabled(!running);
    m_ui->importAnswersAction->setEnabled(!running && m_spec.has_value());
    updateResume();
}

void MainWindow::updateResume()
{
    const AuditSummary *a = m_audits->audit(m_ui->auditList->currentIndex());
    m_ui->resumeButton->setEnabled(!m_runner->isRunning() && a && a->state != u"finished"_s && a->state != u"running"_s);
}

void MainWindow::start()
{
    if (!m_spec || m_runner->isRunning())
        return;
    setRunning(true);
    m_scores->clear();
    m_runner->start(*m_spec);
}

void MainWindow::resumeSelected()
{
    const qint64 id = selectedAudit();
    if (id == 0 || m_runner->isRunning())
        return;
    setRunning(true);
    m_runner->resume(id);
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
    QtConcurrent::run([path] { return AnswerFile::read(path); }).then(this, [this, path](const AnswerFile &file) {
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
    m_ui->elapsedValue->setText(duration(s.elapsedMs));
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
    const RunStats s = m_runner->stats();
    statusBar()->showMessage(tr("Audit %1 %2: %3 answered, %4 failed").arg(auditId).arg(state).arg(s.answered).arg(s.failed));
    refreshAudits(auditId);
}

void MainWindow::refreshAudits(qint64 select)
{
    m_store->submit([](QSqlDatabase &db) { return AuditRepository::listAudits(db); })
        .then(this, [this, select](const Result<QList<AuditSummary>> &audits) {
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

void MainWindow::showAudit(qint64 auditId)
{
    m_ui->exportCsvAction->setEnabled(true);
    m_store->submit([auditId](QSqlDatabase &db) { return AuditRepository::scores(db, auditId); })
        .then(this, [this, auditId](const Result<AuditScores> &scores) {
            if (!scores || selectedAudit() != auditId)
                return;
            const CutScores *cut = scores->cut(u"non-branded"_s);
            if (!cut || cut->brands.value(0).answers == 0)
                cut = scores->cut(u"all"_s);
            m_ui->scoresGroup->setTitle(cut && cut->cut == u"all"_s ? tr("Visibility (all prompts)")
                                                                     : tr("Visibility (non-branded prompts)"));
            if (cut)
                m_scores->setScores(scores->brands, *cut, scores->weights.formula());
        });
}

qint64 MainWindow::selectedAudit() const
{
    const AuditSummary *a = m_audits->audit(m_ui->auditList->currentIndex());
    return a ? a->id : 0;
}

void MainWindow::chooseSpec()
{
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
    m_store->submit([auditId, folder](QSqlDatabase &db) { return CsvExporter::exportAudit(db, auditId, folder); })
        .then(this, [this, folder](const Result<QStringList> &files) {
            if (!files) {
                statusBar()->showMessage(files.error());
                QMessageBox::warning(this, tr("GEO Audit"), files.error());
                return;
            }
            statusBar()->showMessage(tr("Wrote %n CSV file(s) to %1", nullptr, int(files->size())).arg(QDir::toNativeSeparators(folder)));
            emit exported(files.value());
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
    QSettings settings;
    settings.setValue(u"window/geometry"_s, saveGeometry());
    settings.setValue(u"window/splitter"_s, m_ui->splitter->saveState());
    event->accept();
}

} // namespace geo
