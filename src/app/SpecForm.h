#pragma once

#include "spec/AuditSpec.h"
#include "spec/SpecReader.h"

#include <QSet>
#include <QTimer>
#include <QWidget>

#include <memory>

class QTableView;

namespace Ui {
class SpecForm;
}

namespace geo {

class CompetitorsModel;
class EnginesModel;
class ProblemLabel;

// The set-up page: an audit spec as a form. What it says is read by SpecReader, exactly as
// a spec file would be, so the rules live in one place; each problem is shown beside its
// field (or on its table cell) once the analyst has touched that field.
class SpecForm final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SpecForm)
public:
    explicit SpecForm(QWidget *parent = nullptr);
    ~SpecForm() override;

    // Fills the form; every field counts as touched, so all problems show at once.
    void setSpec(const AuditSpec &spec);
    // A new audit with the defaults; problems show as the analyst fills it in.
    void clear();
    void addCompetitor(const QString &name);

    // Reads the form now rather than after the pause that coalesces typing.
    void validateNow();
    // The form read as a spec file: the spec when it holds, else every problem.
    const SpecReader::Outcome &outcome() const { return m_outcome; }
    // The problems, each named by its field, for a tool tip.
    const QStringList &problems() const { return m_problems; }

    QString auditName() const;
    QList<EngineSpec> engines() const;
    // Looks the engines' keys up again, after the analyst saved or removed some.
    void refreshKeys();

    bool isModified() const { return m_modified; }
    void setModified(bool modified);

signals:
    void validated();
    void modifiedChanged(bool modified);
    void apiKeysRequested();

private:
    // Where the problems under a spec path are shown.
    struct Place
    {
        QString path;
        ProblemLabel *label;
        QWidget *field;
        QString title;
    };

    AuditSpec formSpec() const;
    void fill(const AuditSpec &spec);
    void edited(const QStringList &paths);
    void showProblems();
    void preview();
    void removeSelected(QTableView *view);

    std::unique_ptr<Ui::SpecForm> m_ui;
    CompetitorsModel *m_competitors;
    EnginesModel *m_engines;
    QList<Place> m_places;
    AuditSpec m_base; // carries what the form does not show: weights, recorded sites, sample data
    SpecReader::Outcome m_outcome;
    QStringList m_problems;
    QSet<QString> m_touched; // place paths
    QTimer m_validation;
    bool m_filling = false;
    bool m_modified = false;
};

} // namespace geo
