#pragma once

#include "scoring/AuditScores.h"
#include "scoring/ScoreComparison.h"
#include "spec/AuditSpec.h"
#include "store/AuditRepository.h"

#include <QMainWindow>
#include <QNetworkAccessManager>

#include <memory>
#include <optional>

class QAbstractItemView;
class QStandardItemModel;

namespace Ui {
class MainWindow;
}

namespace geo {

class AnswersModel;
class AuditListModel;
class AuditRunner;
class AuditStore;
class FailuresModel;
class ScoresModel;
struct RunStats;

// The analyst's window: audits in the store on the left; the open spec, Start, live progress
// and the headline scores on the right. Views only: the work happens in the core.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)
public:
    explicit MainWindow(AuditStore *store, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Opens a spec file into the set-up form; returns false (after telling the user why)
    // when it has problems.
    bool openSpec(const QString &path);
    // Writes the set-up form's spec to path (as File → Save spec as… does after its file
    // dialog); specSaved follows.
    void saveSpecTo(const QString &path);
    void openDemo();
    // Imports answers collected by hand as an audit of the open spec's brands (as File →
    // Import answers does after its file dialog); problems in the file are shown.
    void importAnswers(const QString &path) { importAnswersFrom(path); }
    // Analyses this many answers at once in runs started here; 0 keeps the spec's threads.
    void setAnalysisThreads(int threads);
    // Writes the selected audit's CSV tables to folder; the status bar says where they went.
    void exportCsvTo(const QString &folder);
    // Writes a table as its view shows it (filtered, sorted) to a CSV file; exported() follows.
    void exportView(const QAbstractItemView *view, const QString &path);

signals:
    void exported(const QStringList &files);
    void specSaved(const QString &path);
    void auditsRefreshed();

private:
    void setSpec(const AuditSpec &spec); // into the form
    void showSpec(); // what the form says, as what Start would run
    void newAudit();
    void saveSpec();
    void chooseSpecToSave();
    bool maybeDiscard(); // false when the analyst keeps unsaved set-up changes
    void updateTitle();
    void start();
    void resumeSelected();
    void retryFailed();
    void runAgain();
    void deleteSelected();
    void clearRun(); // the monitor and failures, for a run about to start
    void showFailures(qint64 auditId);
    void updateFailuresCount();
    void chooseAnswersToImport();
    void importAnswersFrom(const QString &path);
    void setRunning(bool running);
    void updateResume();
    void showProgress(const RunStats &stats);
    void onFinished(qint64 auditId, const QString &state);
    void refreshAudits(qint64 select = 0);
    void showAudit(qint64 auditId);
    void showCut(const QString &cut);
    void fitScoresTable();
    void showDiscovered();
    void showAnswer(const QModelIndex &index);
    void showSite(const QModelIndex &index);
    void showSites();
    void trackSelectedBrand();
    qint64 selectedAudit() const;
    void chooseSpec();
    void chooseExportFolder();
    void chooseViewExport(const QAbstractItemView *view, const QString &name);
    void about();
    void closeEvent(QCloseEvent *event) override;

    std::unique_ptr<Ui::MainWindow> m_ui;
    AuditStore *m_store;
    QNetworkAccessManager m_network;
    AuditRunner *m_runner;
    AuditListModel *m_audits;
    ScoresModel *m_scores;
    FailuresModel *m_failures;
    AnswersModel *m_answers;
    QStandardItemModel *m_citations;
    QStandardItemModel *m_discovered;
    QStandardItemModel *m_sites;  // a row per inspected site
    QStandardItemModel *m_checks; // the readiness checks of the site selected
    QList<StoredSiteReport> m_siteReports;
    std::optional<AuditScores> m_shown; // the scores of the audit on show
    QList<BrandChange> m_changes;        // since the previous audit of its series
    qint64 m_previousId = 0;
    QString m_specPath; // where Save spec writes; empty for a new audit or the demo
    std::optional<AuditSpec> m_opened; // what the set-up form says, when it holds
    std::optional<AuditSpec> m_spec;   // what runs: the form's spec with the app's settings applied
};

} // namespace geo
