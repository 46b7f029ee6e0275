#include "SpecDocument.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace geo;
using namespace Qt::StringLiterals;

namespace {

// A spec that holds, so that it can be saved.
AuditSpec valid()
{
    AuditSpec s;
    s.name = u"Document test"_s;
    s.brand = {u"Acme"_s, {}, {u"acme.example"_s}};
    s.prompts = {u"Best CRM?"_s};
    s.templates = false;
    EngineSpec e;
    e.id = u"gpt"_s;
    e.kind = u"openai"_s;
    e.model = u"gpt-4o-mini"_s;
    e.baseUrl = QUrl(u"http://127.0.0.1:1/v1"_s);
    s.engines = {e};
    return s;
}

// "name=Acme" sets the audit's name; "brand=..." the brand's; "brand.aliases=a,b" its aliases.
AuditSpec edited(AuditSpec spec, const QString &field, const QString &value)
{
    if (field == u"name"_s)
        spec.name = value;
    else if (field == u"brand"_s)
        spec.brand.name = value;
    else if (field == u"brand.aliases"_s)
        spec.brand.aliases = value.split(u',', Qt::SkipEmptyParts);
    return spec;
}

// What the tests look at of a spec: name | brand | aliases.
QString summary(const AuditSpec &s)
{
    return s.name + u'|' + s.brand.name + u'|' + s.brand.aliases.join(u',');
}

} // namespace

// The spec being set up as a document: its edits undo a field edit at a time, and it is
// dirty exactly when it differs from what was opened or last saved.
class TestSpecDocument : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    // Runs one operation of a script: "edit FIELD=VALUE", "commit", "undo", "redo", "save".
    void run(SpecDocument &document, const QString &op)
    {
        if (op.startsWith(u"edit "_s)) {
            const QString assignment = op.mid(5);
            const QString field = assignment.section(u'=', 0, 0);
            document.edit(edited(document.spec(), field, assignment.section(u'=', 1)), field);
        } else if (op == u"commit"_s) {
            document.commit();
        } else if (op == u"undo"_s) {
            document.undoStack()->undo();
        } else if (op == u"redo"_s) {
            document.undoStack()->redo();
        } else if (op == u"save"_s) {
            QSignalSpy saved(&document, &SpecDocument::saved);
            QVERIFY(document.saveTo(m_dir.filePath(u"spec.json"_s)));
            QTRY_COMPARE(saved.size(), 1);
        } else {
            QFAIL(qPrintable(u"unknown operation "_s + op));
        }
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    // Typing into a field is one step: its edits merge until the field is left (commit) or
    // another field is edited. Undo walks back through the steps, redo forward again.
    void undoesAFieldEditAtATime_data()
    {
        QTest::addColumn<QStringList>("script");
        QTest::addColumn<QStringList>("states"); // after each step, the loaded spec first

        const QString start = u"Document test|Acme|"_s;
        QTest::newRow("typing is one step") << QStringList{u"edit name=A"_s, u"edit name=Ac"_s, u"edit name=Acme"_s}
                                            << QStringList{start, u"Acme|Acme|"_s};
        QTest::newRow("each field a step")
            << QStringList{u"edit name=N"_s, u"edit brand=B"_s, u"edit brand=Bo"_s, u"edit brand.aliases=x,y"_s}
            << QStringList{start, u"N|Acme|"_s, u"N|Bo|"_s, u"N|Bo|x,y"_s};
        QTest::newRow("leaving the field ends its step")
            << QStringList{u"edit name=A"_s, u"commit"_s, u"edit name=AB"_s, u"edit name=ABC"_s}
            << QStringList{start, u"A|Acme|"_s, u"ABC|Acme|"_s};
        QTest::newRow("back to a field is a new step")
            << QStringList{u"edit name=A"_s, u"edit brand=B"_s, u"edit name=C"_s}
            << QStringList{start, u"A|Acme|"_s, u"A|B|"_s, u"C|B|"_s};
        // An edit after an undo starts a step of its own and drops the ones undone.
        QTest::newRow("edit after undo") << QStringList{u"edit name=A"_s, u"edit brand=B"_s, u"undo"_s,
                                                        u"edit brand=C"_s}
                                         << QStringList{start, u"A|Acme|"_s, u"A|C|"_s};
        QTest::newRow("typing after an undo is not merged into it")
            << QStringList{u"edit name=A"_s, u"commit"_s, u"edit name=B"_s, u"undo"_s, u"edit name=D"_s}
            << QStringList{start, u"A|Acme|"_s, u"D|Acme|"_s};
    }

    void undoesAFieldEditAtATime()
    {
        QFETCH(QStringList, script);
        QFETCH(QStringList, states);
        SpecDocument document;
        document.load(valid());
        for (const QString &op : std::as_const(script))
            run(document, op);
        QUndoStack *undo = document.undoStack();
        QCOMPARE(undo->count(), states.size() - 1);
        QCOMPARE(undo->index(), undo->count());
        QCOMPARE(summary(document.spec()), states.constLast());
        QSignalSpy changed(&document, &SpecDocument::changed);
        for (qsizetype i = states.size() - 2; i >= 0; --i) {
            undo->undo();
            QCOMPARE(summary(document.spec()), states[i]);
        }
        QVERIFY(!undo->canUndo());
        QCOMPARE(changed.size(), states.size() - 1); // a change signal a step
        for (qsizetype i = 1; i < states.size(); ++i) {
            undo->redo();
            QCOMPARE(summary(document.spec()), states[i]);
        }
        QVERIFY(!undo->canRedo());
    }

    // The dirty flag after each operation: clean once opened or saved, dirty after an edit,
    // clean again when undo (or redo) comes back to the saved state.
    void isDirtyExactlyWhenItDiffersFromTheFile_data()
    {
        QTest::addColumn<QStringList>("script");
        QTest::addColumn<QList<bool>>("dirty"); // after each operation

        QTest::newRow("edit, undo") << QStringList{u"edit name=X"_s, u"undo"_s, u"redo"_s}
                                    << QList<bool>{true, false, true};
        QTest::newRow("typing back to what it was is still an edit")
            << QStringList{u"edit name=X"_s, u"edit name=Document test"_s} << QList<bool>{true, true};
        QTest::newRow("save") << QStringList{u"edit name=X"_s, u"save"_s, u"edit brand=Y"_s, u"undo"_s}
                              << QList<bool>{true, false, true, false};
        QTest::newRow("undo past the save") << QStringList{u"edit name=X"_s, u"commit"_s, u"edit name=Y"_s, u"save"_s,
                                                           u"undo"_s,        u"undo"_s,   u"redo"_s,        u"redo"_s}
                                            << QList<bool>{true, true, true, false, true, true, true, false};
        // Saved in the middle of typing: the next key starts a step of its own, so undoing
        // it comes back to exactly what was written.
        QTest::newRow("save while typing") << QStringList{u"edit name=Ab"_s, u"save"_s, u"edit name=Abc"_s, u"undo"_s}
                                           << QList<bool>{true, false, true, false};
        // The saved state undone and replaced by another edit can never be reached again.
        QTest::newRow("saved state dropped")
            << QStringList{u"edit name=X"_s, u"save"_s, u"undo"_s, u"edit brand=Z"_s, u"undo"_s}
            << QList<bool>{true, false, true, true, true};
    }

    void isDirtyExactlyWhenItDiffersFromTheFile()
    {
        QFETCH(QStringList, script);
        QFETCH(QList<bool>, dirty);
        SpecDocument document;
        document.load(valid(), m_dir.filePath(u"opened.json"_s));
        QVERIFY(!document.isDirty());
        QSignalSpy dirtyChanged(&document, &SpecDocument::dirtyChanged);
        bool was = false;
        int changes = 0;
        for (qsizetype i = 0; i < script.size(); ++i) {
            run(document, script[i]);
            QVERIFY(!QTest::currentTestFailed());
            QVERIFY2(document.isDirty() == dirty[i], qPrintable(u"after "_s + script[i]));
            changes += dirty[i] != was;
            was = dirty[i];
        }
        QCOMPARE(dirtyChanged.size(), changes); // each flip signalled once
    }

    // Save writes what the spec reads as, and from then on the document is at the file.
    void savingMovesItToTheFile()
    {
        SpecDocument document;
        document.load(valid());
        QCOMPARE(document.path(), QString());
        document.edit(edited(document.spec(), u"name"_s, u"Saved audit"_s), u"name"_s);
        QSignalSpy path(&document, &SpecDocument::pathChanged);
        QSignalSpy saved(&document, &SpecDocument::saved);
        const QString file = m_dir.filePath(u"saved.json"_s);
        QVERIFY(document.saveTo(file));
        QTRY_COMPARE(saved.size(), 1);
        QCOMPARE(saved[0][0].toString(), file);
        QCOMPARE(path.size(), 1);
        QCOMPARE(document.path(), file);
        QCOMPARE(document.title(), u"saved.json"_s);
        QVERIFY(!document.isDirty());
        const SpecReader::Outcome read = SpecReader::readFile(file);
        QVERIFY2(read.spec, qPrintable(read.problems.join(u'\n')));
        QCOMPARE(read.spec->toJson(), document.read().spec->toJson());
    }

    // An edit made while the file is written is not in it: the document stays dirty.
    void anEditDuringTheSaveStaysDirty()
    {
        SpecDocument document;
        document.load(valid());
        QSignalSpy saved(&document, &SpecDocument::saved);
        QVERIFY(document.saveTo(m_dir.filePath(u"during.json"_s)));
        document.edit(edited(document.spec(), u"brand"_s, u"Later"_s), u"brand"_s);
        QTRY_COMPARE(saved.size(), 1);
        QVERIFY(document.isDirty());
        QCOMPARE(document.path(), m_dir.filePath(u"during.json"_s)); // Save goes there from now on
    }

    void aSpecWithProblemsIsNotSaved()
    {
        SpecDocument document;
        document.clear();
        QVERIFY(!document.read().spec);
        QVERIFY(!document.saveTo(m_dir.filePath(u"never.json"_s)));
        QVERIFY(!QFile::exists(m_dir.filePath(u"never.json"_s)));
    }

    // Opening another spec forgets the edits of the last; a new audit is blank.
    void loadingStartsAfresh()
    {
        SpecDocument document;
        QSignalSpy replaced(&document, &SpecDocument::replaced);
        document.load(valid(), m_dir.filePath(u"a.json"_s));
        document.edit(edited(document.spec(), u"name"_s, u"X"_s), u"name"_s);
        QVERIFY(document.isDirty());
        document.load(valid(), u":/examples/demo-audit.json"_s);
        QCOMPARE(document.path(), QString()); // a resource is never written back
        QVERIFY(!document.isDirty());
        QCOMPARE(document.undoStack()->count(), 0);
        document.clear();
        QCOMPARE(summary(document.spec()), u"||"_s);
        QCOMPARE(replaced.size(), 3);
        QCOMPARE(replaced[0][0].toBool(), false);
        QCOMPARE(replaced[2][0].toBool(), true);
    }

    void namesItsFile_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("title");
        QTest::addColumn<QString>("suggested");
        QTest::newRow("new") << QString() << QString() << u"New audit"_s << u"audit.json"_s;
        QTest::newRow("named") << QString() << u"  Acme CRM audit "_s << u"Acme CRM audit"_s
                               << u"acme-crm-audit.json"_s;
        QTest::newRow("saved") << u"/tmp/specs/q3.json"_s << u"Acme CRM audit"_s << u"q3.json"_s
                               << u"acme-crm-audit.json"_s;
        QTest::newRow("punctuation") << QString() << u"Ünïcode & Co. (2024)!"_s << u"Ünïcode & Co. (2024)!"_s
                                     << u"n-code-co-2024.json"_s;
    }

    void namesItsFile()
    {
        QFETCH(QString, path);
        QFETCH(QString, name);
        QFETCH(QString, title);
        QFETCH(QString, suggested);
        AuditSpec spec;
        spec.name = name;
        SpecDocument document;
        document.load(spec, path);
        QCOMPARE(document.title(), title);
        QCOMPARE(document.suggestedFileName(), suggested);
    }
};

QTEST_MAIN(TestSpecDocument)
#include "tst_specdocument.moc"
