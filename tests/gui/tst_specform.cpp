#include "CompetitorsModel.h"
#include "EnginesModel.h"
#include "ProblemLabel.h"
#include "SpecDocument.h"
#include "SpecForm.h"
#include "spec/SpecReader.h"

#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTest>

#include <functional>
#include <optional>

using namespace geo;
using namespace Qt::StringLiterals;

using Mutation = std::function<void(AuditSpec &)>;
Q_DECLARE_METATYPE(Mutation)

// The set-up form on its own: what it holds reads back as the spec it was given, and each
// problem the spec reader finds is shown beside the field it belongs to.
class TestSpecForm : public QObject
{
    Q_OBJECT

private:
    // A spec that holds, asking a local server so that no key is looked up.
    static AuditSpec valid()
    {
        AuditSpec s;
        s.name = u"Form test"_s;
        s.brand = {u"Acme"_s, {u"Acme Inc"_s}, {u"acme.example"_s}};
        s.competitors = {{u"Globex"_s, {}, {u"globex.example"_s}}};
        s.topics = {u"CRM"_s};
        s.prompts = {u"Best CRM?"_s};
        EngineSpec e;
        e.id = u"gpt"_s;
        e.kind = u"openai"_s;
        e.model = u"gpt-4o-mini"_s;
        e.baseUrl = QUrl(u"http://127.0.0.1:1/v1"_s);
        s.engines = {e};
        return s;
    }

    static QStringList visibleProblems(const SpecForm &form)
    {
        QStringList out;
        for (const ProblemLabel *label : form.findChildren<ProblemLabel *>())
            if (label->isVisibleTo(&form))
                out << label->objectName() + u": "_s + label->text();
        return out;
    }

private slots:
    void aValidSpecShowsNoProblem()
    {
        SpecForm form;
        form.setSpec(valid());
        QVERIFY2(form.outcome().spec, qPrintable(form.outcome().problems.join(u'\n')));
        QVERIFY(form.problems().isEmpty());
        QVERIFY2(visibleProblems(form).isEmpty(), qPrintable(visibleProblems(form).join(u'\n')));
        QVERIFY(!form.isModified());
    }

    // Spec → form → spec: nothing the form shows, or carries unseen, is lost on the way.
    void readsBackTheSpecItWasGiven_data()
    {
        QTest::addColumn<Mutation>("mutate");
        QTest::newRow("valid") << Mutation([](AuditSpec &) {});
        QTest::newRow("everything set") << Mutation([](AuditSpec &s) {
            s.brand.aliases = {u"Acme Inc"_s, u"ACME Corporation"_s};
            s.competitors << BrandSpec{u"Initech"_s, {u"Initech Corp"_s}, {u"initech.example"_s, u"initech.io"_s}};
            s.topics << u"sales pipeline management"_s;
            s.templates = false;
            s.prompts << u"Which CRM, and why?"_s;
            s.samples = 5;
            s.analysis.threads = 3;
            s.analysis.inspectSites = false;
            s.budgetUsd = 7.25;
            s.weights = {0.4, 0.3, 0.1, 0.2};
            s.engines[0].rpm = 60;
            s.engines[0].tpm = 100000;
            s.engines[0].concurrency = 2;
            s.engines[0].timeoutMs = 5000;
            s.engines[0].webSearch = true;
            s.engines[0].price = Price{1.0, 2.0};
            EngineSpec claude;
            claude.id = u"claude"_s;
            claude.kind = u"anthropic"_s;
            claude.model = u"claude-3-5-haiku"_s;
            claude.baseUrl = QUrl(u"https://api.anthropic.com/v1"_s);
            s.engines << claude;
        });
    }

    void readsBackTheSpecItWasGiven()
    {
        QFETCH(Mutation, mutate);
        AuditSpec spec = valid();
        mutate(spec);
        const SpecReader::Outcome given = SpecReader::parse(QJsonDocument(spec.toJson()).toJson(), {});
        QVERIFY2(given.spec, qPrintable(given.problems.join(u'\n')));
        SpecForm form;
        form.setSpec(*given.spec);
        // An edit makes the document anew from what every field says: nothing may be lost.
        auto *name = form.findChild<QLineEdit *>(u"nameEdit"_s);
        QTest::keyClick(name, Qt::Key_End);
        QTest::keyClick(name, Qt::Key_Space); // trimmed away
        QVERIFY(form.isModified());
        form.validateNow();
        QVERIFY2(form.outcome().spec, qPrintable(form.outcome().problems.join(u'\n')));
        QCOMPARE(form.outcome().spec->toJson(), given.spec->toJson());
    }

    // What the analyst types into a field is one undo step of the document; undo puts the
    // field back as it was and redo as it was typed, and the form is unmodified again once
    // undone to what it was given.
    void undoesWhatWasTypedIntoAField_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("before");
        QTest::addColumn<QString>("after");
        QTest::newRow("name") << u"nameEdit"_s << u" Q3"_s << u"Form test"_s << u"Form test Q3"_s;
        QTest::newRow("brand") << u"brandEdit"_s << u" CRM"_s << u"Acme"_s << u"Acme CRM"_s;
        QTest::newRow("aliases") << u"aliasesEdit"_s << u", Acme Co"_s << u"Acme Inc"_s << u"Acme Inc, Acme Co"_s;
        QTest::newRow("domains") << u"domainsEdit"_s << u", acme.io"_s << u"acme.example"_s
                                 << u"acme.example, acme.io"_s;
        QTest::newRow("topics") << u"topicsEdit"_s << u"\nsales"_s << u"CRM"_s << u"CRM\nsales"_s;
        QTest::newRow("samples") << u"samplesSpin"_s << u"7"_s << u"1"_s << u"17"_s;
    }

    void undoesWhatWasTypedIntoAField()
    {
        QFETCH(QString, field);
        QFETCH(QString, typed);
        QFETCH(QString, before);
        QFETCH(QString, after);
        SpecForm form;
        form.setSpec(valid());
        auto *widget = form.findChild<QWidget *>(field);
        QVERIFY(widget);
        const auto text = [widget] {
            if (auto *line = qobject_cast<QLineEdit *>(widget))
                return line->text();
            if (auto *plain = qobject_cast<QPlainTextEdit *>(widget))
                return plain->toPlainText();
            return static_cast<QSpinBox *>(widget)->text();
        };
        QCOMPARE(text(), before);
        QSignalSpy modified(&form, &SpecForm::modifiedChanged);
        QTest::keyClick(widget, Qt::Key_End);
        if (auto *plain = qobject_cast<QPlainTextEdit *>(widget))
            plain->moveCursor(QTextCursor::End);
        for (const QChar c : typed) { // a key each, as typed
            if (c == u'\n')
                QTest::keyClick(widget, Qt::Key_Return);
            else
                QTest::keyClicks(widget, QString(c));
        }
        QCOMPARE(text(), after);
        QUndoStack *undo = form.document()->undoStack();
        QCOMPARE(undo->count(), 1); // typing is one step, not one a key
        QCOMPARE(modified.size(), 1);
        undo->undo();
        QCOMPARE(text(), before);
        QVERIFY(!form.isModified());
        undo->redo();
        QCOMPARE(text(), after);
        QVERIFY(form.isModified());
        QCOMPARE(modified.size(), 3);
        form.validateNow();
        QVERIFY(form.outcome().spec); // what the form reads is the document's
    }

    // Leaving a field ends its step; rows added and cells committed are a step each.
    // Beside the brand's name and in a competitor's row: whether its names are matched as
    // written, and why.
    void saysWhenNamesAreMatchedAsWritten_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QStringList>("aliases");
        QTest::addColumn<std::optional<bool>>("matchCase");
        QTest::addColumn<QString>("note");
        QTest::newRow("no ordinary word")
            << u"Brightlane"_s << QStringList{u"Brightlane CRM"_s} << std::optional<bool>() << QString();
        QTest::newRow("ordinary word")
            << u"Ring"_s << QStringList() << std::optional<bool>()
            << u"Matched as written (or in capitals): \u201Cring\u201D is an ordinary word"_s;
        QTest::newRow("name and alias")
            << u"Nothing"_s << QStringList{u"Nothing Phone"_s, u"On"_s} << std::optional<bool>()
            << u"Matched as written (or in capitals): \u201Cnothing\u201D and \u201Con\u201D are ordinary words"_s;
        QTest::newRow("match_case true")
            << u"Zendesk"_s << QStringList() << std::optional<bool>(true)
            << u"Matched as written (or in capitals): the spec sets \u201Cmatch_case\u201D"_s;
        QTest::newRow("match_case false")
            << u"Ring"_s << QStringList() << std::optional<bool>(false)
            << u"Matched in any case: the spec sets \u201Cmatch_case\u201D to false, so \u201Cring\u201D counts too"_s;
    }

    void saysWhenNamesAreMatchedAsWritten()
    {
        QFETCH(QString, name);
        QFETCH(QStringList, aliases);
        QFETCH(std::optional<bool>, matchCase);
        QFETCH(QString, note);
        BrandSpec brand{name, aliases, {}};
        brand.matchCase = matchCase;
        AuditSpec spec = valid();
        spec.brand = brand;
        SpecForm form;
        form.setSpec(spec);
        const auto *label = form.findChild<QLabel *>(u"brandCaseNote"_s);
        QCOMPARE(label->text(), note);
        QCOMPARE(label->isVisibleTo(&form), !note.isEmpty());
        QCOMPARE(form.outcome().spec.value().brand.matchCase, matchCase); // carried unseen, not lost

        spec = valid();
        spec.competitors = {brand};
        form.setSpec(spec);
        const QAbstractItemModel *competitors = form.findChild<QTableView *>(u"competitorsView"_s)->model();
        QCOMPARE(competitors->index(0, CompetitorsModel::Matching).data().toString(), note);
        QCOMPARE(form.outcome().spec.value().competitors.value(0).matchCase, matchCase);
    }

    void caseNoteFollowsWhatIsTyped()
    {
        SpecForm form;
        form.setSpec(valid());
        const auto *label = form.findChild<QLabel *>(u"brandCaseNote"_s);
        QCOMPARE(label->text(), u"Matched as written (or in capitals): \u201Cacme\u201D is an ordinary word"_s);
        auto *brand = form.findChild<QLineEdit *>(u"brandEdit"_s);
        brand->selectAll();
        QTest::keyClicks(brand, u"Brightlane"_s);
        QTRY_COMPARE(label->text(), QString());
        QVERIFY(!label->isVisibleTo(&form));
        QAbstractItemModel *competitors = form.findChild<QTableView *>(u"competitorsView"_s)->model();
        const QModelIndex matching = competitors->index(0, CompetitorsModel::Matching);
        QCOMPARE(matching.data().toString(), QString());
        QSignalSpy changed(competitors, &QAbstractItemModel::dataChanged);
        QVERIFY(competitors->setData(competitors->index(0, CompetitorsModel::Aliases), u"Apple"_s, Qt::EditRole));
        QVERIFY(changed.count() >= 2);
        QCOMPARE(changed.at(0).at(0).toModelIndex().column(), int(CompetitorsModel::Aliases));
        QCOMPARE(changed.at(1).at(0).toModelIndex().column(), int(CompetitorsModel::Matching)); // its row's note
        QCOMPARE(matching.data().toString(),
                 u"Matched as written (or in capitals): \u201Capple\u201D is an ordinary word"_s);
        QVERIFY(!(matching.flags() & Qt::ItemIsEditable));
    }

    void eachFieldEditIsAStep()
    {
        SpecForm form;
        form.setSpec(valid());
        QUndoStack *undo = form.document()->undoStack();
        auto *brand = form.findChild<QLineEdit *>(u"brandEdit"_s);
        QTest::keyClicks(brand, u"X"_s);
        QTest::keyClick(brand, Qt::Key_Return); // editingFinished
        QTest::keyClicks(brand, u"Y"_s);
        QCOMPARE(undo->count(), 2);
        form.addCompetitor(u"Initech"_s);
        QCOMPARE(undo->count(), 3);
        auto *competitors = form.findChild<QTableView *>(u"competitorsView"_s)->model();
        QCOMPARE(competitors->rowCount(), 2);
        QVERIFY(
            competitors->setData(competitors->index(1, CompetitorsModel::Domains), u"initech.example"_s, Qt::EditRole));
        QCOMPARE(undo->count(), 4);
        QCOMPARE(form.document()->spec().competitors.value(1).domains, QStringList{u"initech.example"_s});
        undo->undo(); // the cell
        QCOMPARE(competitors->index(1, CompetitorsModel::Domains).data().toString(), QString());
        undo->undo(); // the row
        QCOMPARE(competitors->rowCount(), 1);
        undo->undo(); // the second Y
        QCOMPARE(brand->text(), u"AcmeX"_s);
        QCOMPARE(undo->undoText(), u"brand"_s);
    }

    void showsEachProblemBesideItsField_data()
    {
        QTest::addColumn<Mutation>("mutate");
        QTest::addColumn<QString>("label");    // the problem label that shows it
        QTest::addColumn<QString>("expected"); // in its text
        QTest::addColumn<QString>("field");    // marked, when not a table
        QTest::addColumn<int>("row");          // the table cell marked, when a table's
        QTest::addColumn<int>("column");

        QTest::newRow("audit name empty") << Mutation([](AuditSpec &s) { s.name.clear(); }) << u"nameProblem"_s
                                          << u"Is empty; give a name for the audit"_s << u"nameEdit"_s << -1 << -1;
        QTest::newRow("brand domain") << Mutation([](AuditSpec &s) { s.brand.domains = {u"acme..com"_s}; })
                                      << u"domainsProblem"_s << u"\"acme..com\" is not a domain name"_s
                                      << u"domainsEdit"_s << -1 << -1;
        QTest::newRow("brand name empty") << Mutation([](AuditSpec &s) { s.brand.name.clear(); }) << u"brandProblem"_s
                                          << u"give the brand's name"_s << u"brandEdit"_s << -1 << -1;
        QTest::newRow("a name on two brands")
            << Mutation([](AuditSpec &s) { s.brand.aliases = {u"Globex"_s}; }) << u"competitorsProblem"_s
            << u"Competitor 1 (Globex): the name \"Globex\" is given twice"_s << QString() << 0
            << int(CompetitorsModel::Name);
        QTest::newRow("competitor domain")
            << Mutation([](AuditSpec &s) { s.competitors[0].domains = {u"https://globex.example/x"_s}; })
            << u"competitorsProblem"_s
            << u"Competitor 1 (Globex), domains: \"https://globex.example/x\" is not a domain name"_s << QString() << 0
            << int(CompetitorsModel::Domains);
        QTest::newRow("engine without model")
            << Mutation([](AuditSpec &s) { s.engines[0].model.clear(); }) << u"enginesProblem"_s
            << u"Engine 1 (gpt), model: missing"_s << QString() << 0 << int(EnginesModel::Model);
        QTest::newRow("engine address") << Mutation([](AuditSpec &s) {
            s.engines[0].baseUrl = QUrl(u"ftp://x.example"_s);
        }) << u"enginesProblem"_s << u"Engine 1 (gpt), base url: \"ftp://x.example\" is not an http(s) address"_s
                                        << QString() << 0 << int(EnginesModel::BaseUrl);
        QTest::newRow("engine ids twice")
            << Mutation([](AuditSpec &s) { s.engines << s.engines[0]; }) << u"enginesProblem"_s
            << u"Engine 2 (gpt), id: \"gpt\" is used by another engine"_s << QString() << 1 << int(EnginesModel::Id);
        QTest::newRow("no engines") << Mutation([](AuditSpec &s) { s.engines.clear(); }) << u"enginesProblem"_s
                                    << u"None given; give at least one engine"_s << QString() << -1 << -1;
        QTest::newRow("nothing to ask") << Mutation([](AuditSpec &s) {
            s.templates = false;
            s.prompts.clear();
        }) << u"promptsProblem"_s << u"No prompts to ask"_s
                                        << u"promptsEdit"_s << -1 << -1;
        QTest::newRow("too many threads")
            << Mutation([](AuditSpec &s) { s.analysis.threads = 65; }) << u"threadsProblem"_s
            << u"Expected a whole number from 1 to 64, got 65"_s << u"threadsSpin"_s << -1 << -1;
        QTest::newRow("samples") << Mutation([](AuditSpec &s) { s.samples = 101; }) << u"samplesProblem"_s
                                 << u"Expected a whole number from 1 to 100"_s << u"samplesSpin"_s << -1 << -1;
        // The form has no field for the weights: their problem shows above it, path and all.
        QTest::newRow("weights") << Mutation([](AuditSpec &s) { s.weights.visibility = 0.5; }) << u"otherProblem"_s
                                 << u"scoring.weights: the weights add up to"_s << QString() << -1 << -1;
    }

    void showsEachProblemBesideItsField()
    {
        QFETCH(Mutation, mutate);
        QFETCH(QString, label);
        QFETCH(QString, expected);
        QFETCH(QString, field);
        QFETCH(int, row);
        QFETCH(int, column);
        AuditSpec spec = valid();
        mutate(spec);
        SpecForm form;
        form.setSpec(spec);
        QVERIFY(!form.outcome().spec);
        const QStringList shown = visibleProblems(form);
        QCOMPARE(shown.size(), 1); // beside its field and nowhere else
        QVERIFY2(shown[0].startsWith(label + u": "_s) && shown[0].contains(expected), qPrintable(shown[0]));
        if (!field.isEmpty())
            QVERIFY(form.findChild<QWidget *>(field)->property("problem").toBool());
        for (const char *other : {"nameEdit", "brandEdit", "domainsEdit", "threadsSpin"})
            if (field != QLatin1String(other))
                QVERIFY(!form.findChild<QWidget *>(QLatin1String(other))->property("problem").toBool());
        if (row >= 0) {
            const auto *view = form.findChild<QTableView *>(label.startsWith(u"engines"_s) ? u"enginesView"_s
                                                                                           : u"competitorsView"_s);
            const QModelIndex cell = view->model()->index(row, column);
            QVERIFY(cell.data(Qt::BackgroundRole).isValid());
            QVERIFY(cell.data(Qt::ToolTipRole)
                        .toString()
                        .contains(expected.section(u": "_s, -1).left(12), Qt::CaseInsensitive));
        }
        QVERIFY(form.problems().constFirst().contains(expected)); // and in the list Start's tool tip shows
    }

    // A new audit is not wrong yet: its problems show field by field as the analyst fills it
    // in, and go as soon as the field holds.
    void problemsShowOnceAFieldIsTouched()
    {
        SpecForm form;
        form.show();
        form.clear();
        QVERIFY(!form.outcome().spec);
        QVERIFY(!form.problems().isEmpty());
        QVERIFY(visibleProblems(form).isEmpty());
        QSignalSpy modified(&form, &SpecForm::modifiedChanged);
        auto *brand = form.findChild<QLineEdit *>(u"brandEdit"_s);
        auto *problem = form.findChild<ProblemLabel *>(u"brandProblem"_s);
        QTest::keyClicks(brand, u"A"_s);
        QTest::keyClick(brand, Qt::Key_Backspace);
        QTRY_VERIFY(problem->isVisible());
        QCOMPARE(modified.size(), 1);
        QVERIFY(form.isModified());
        QCOMPARE(visibleProblems(form).size(), 1); // the name, engines and prompts are not touched yet
        QTest::keyClicks(brand, u"Acme"_s);
        QTRY_VERIFY(!problem->isVisible());
    }

    // The key column says where each engine's key is, never what it is.
    void enginesSayWhereTheirKeyIs()
    {
        qputenv("GEOAUDIT_SPECFORM_KEY", "sk-never-shown");
        AuditSpec spec = valid();
        spec.engines[0].apiKeyEnv = u"GEOAUDIT_SPECFORM_KEY"_s;
        EngineSpec recorded;
        recorded.id = u"replay"_s;
        recorded.kind = u"recorded"_s;
        recorded.file = QStringLiteral(GEOAUDIT_SOURCE_DIR "/resources/examples/demo-answers-gpt.jsonl");
        EngineSpec local = spec.engines[0];
        local.id = u"local"_s;
        local.apiKeyEnv.clear();
        spec.engines << recorded << local;
        SpecForm form;
        form.setSpec(spec);
        QVERIFY2(form.outcome().spec, qPrintable(form.outcome().problems.join(u'\n')));
        const QAbstractItemModel *engines = form.findChild<QTableView *>(u"enginesView"_s)->model();
        QTRY_COMPARE(engines->index(0, EnginesModel::ApiKey).data().toString(),
                     u"GEOAUDIT_SPECFORM_KEY (environment)"_s);
        QCOMPARE(engines->index(1, EnginesModel::ApiKey).data().toString(), u"not needed"_s);
        QCOMPARE(engines->index(2, EnginesModel::ApiKey).data().toString(), u"none sent"_s);
        for (int row = 0; row < engines->rowCount(); ++row)
            for (int column = 0; column < engines->columnCount(); ++column)
                for (int role : {Qt::DisplayRole, Qt::EditRole, Qt::ToolTipRole})
                    QVERIFY(!engines->index(row, column).data(role).toString().contains(u"sk-never"_s));
        QVERIFY(!form.isModified()); // looking keys up is not an edit
        qunsetenv("GEOAUDIT_SPECFORM_KEY");
    }
};

QTEST_MAIN(TestSpecForm)
#include "tst_specform.moc"
