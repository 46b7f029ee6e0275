#pragma once

#include "model/AuditSpec.h"

#include <QMainWindow>

#include <memory>
#include <optional>

class QAbstractItemView;

namespace Ui {
class MainWindow;
}

namespace geo {

class AuditListModel;
class AuditResults;
class AuditStore;
class CapturePanel;
class CsvExports;
class RunControl;
class RunnerThread;
class SpecDocument;
struct CutScores;

// The analyst's window: audits in the store on the left; the spec being set up, Start, live
// progress and the results of the audit selected on the right. It lays the views out and
// wires them to their models and presenters (AuditResults, SpecDocument, RunControl,
// CsvExports); the work happens in the core.
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
    // The spec open when the window last closed, where it still is; else the demo.
    void reopenLast();
    // Imports answers collected by hand as an audit of the open spec's brands (as File →
    // Import answers does after its file dialog); problems in the file are shown.
    void importAnswers(const QString &path);
    // Opens the panel that captures the open spec's answers from the clipboard (File →
    // Capture answers); none while a run is on or no spec is open.
    CapturePanel *openCapturePanel();
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
    void setUpResultViews();
    void setUpMenus();
    void setUpRunControls();

    void showSpec(); // what the form says, as what Start would run
    void updateTitle();
    bool maybeDiscard(); // false when the analyst keeps unsaved set-up changes
    void newAudit();
    void saveSpec();
    void chooseSpecToSave();

    void start();
    // Asks, in a box that does not block (window-modal, no event loop of its own), before
    // starting an audit above the limits of Settings; Start runs it.
    void confirmStart(const QString &question);
    void startNow();
    void runSelected(void (RunControl::*run)(qint64)); // resume or retry the audit selected
    void runAgain();
    void deleteSelected();
    void clearRun(); // the monitor and results, for a run about to start
    void setRunning(bool running);
    void updateResume();

    void refreshAudits(qint64 select = 0);
    qint64 selectedAudit() const;
    void showScored();
    void showCut(const QString &cut, const CutScores &scores);
    void fitScoresTable();
    void updateFailuresCount();
    void trackSelectedBrand();
    void chooseViewExport(const QAbstractItemView *view, const QString &name);
    void closeEvent(QCloseEvent *event) override;

    std::unique_ptr<Ui::MainWindow> m_ui;
    AuditStore *m_store;
    RunControl *m_run;
    RunnerThread *m_runner; // m_run's, on a thread of its own
    AuditListModel *m_audits;
    AuditResults *m_results;  // of the audit selected
    SpecDocument *m_document; // the spec the set-up form edits
    CsvExports *m_exports;
    std::optional<AuditSpec> m_spec; // what runs: the form's spec with the app's settings applied
};

} // namespace geo
