#include "spec/PromptPlanner.h"
#include "spec/SpecReader.h"

#include <QTest>

using namespace geo;
using namespace Qt::StringLiterals;

class TestPromptPlanner : public QObject
{
    Q_OBJECT

private:
    static AuditSpec spec(bool templates, const QStringList &prompts)
    {
        AuditSpec s;
        s.name = u"t"_s;
        s.brand = {u"Acme CRM"_s, {u"Acme"_s}, {}};
        s.competitors = {{u"HubSpot"_s, {}, {}}, {u"Pipedrive"_s, {}, {}}};
        s.topics = {u"CRM for small business"_s};
        s.templates = templates;
        s.prompts = prompts;
        s.samples = 3;
        EngineSpec e;
        e.id = u"a"_s;
        EngineSpec f;
        f.id = u"b"_s;
        s.engines = {e, f};
        return s;
    }

private slots:
    void ownPromptsOnly()
    {
        const auto plan
            = PromptPlanner::plan(spec(false,
                                       {u"What is the best CRM for small business?"_s, u"Is Acme any good?"_s,
                                        u"what is the best  CRM for small business?"_s}));
        QVERIFY(plan);
        QCOMPARE(plan->prompts.size(), 2); // the third repeats the first
        QCOMPARE(plan->prompts[0].category, u"custom"_s);
        QCOMPARE(plan->prompts[0].topic, u"CRM for small business"_s);
        QVERIFY(!plan->prompts[0].branded);
        QVERIFY(plan->prompts[1].branded);
        QCOMPARE(plan->items.size(), 2 * 2 * 3);
        QCOMPARE(plan->items.last().sample, 3);
        QCOMPARE(plan->items.last().engine, 1);
    }

    void templatesFillEveryPlaceholder()
    {
        const auto plan = PromptPlanner::plan(spec(true, {}));
        QVERIFY(plan);
        QStringList texts;
        QSet<QString> categories;
        for (const auto &p : plan->prompts) {
            texts << p.text;
            categories << p.category;
            QVERIFY2(!p.text.contains(u'{'), qPrintable(p.text));
        }
        QVERIFY(texts.contains(u"What are the best options for CRM for small business?"_s));
        QVERIFY(texts.contains(u"What are good alternatives to HubSpot?"_s));
        QVERIFY(texts.contains(u"What are good alternatives to Pipedrive?"_s));
        QVERIFY(texts.contains(u"Which is better for CRM for small business, Acme CRM or Pipedrive?"_s));
        QCOMPARE(
            categories,
            (QSet<QString>{u"best-of"_s, u"best-of-search"_s, u"comparison"_s, u"comparison-search"_s,
                           u"alternatives"_s, u"alternatives-search"_s, u"pricing"_s, u"pricing-search"_s,
                           u"problem-solution"_s, u"problem-solution-search"_s, u"reviews"_s, u"reviews-search"_s}));
    }

    // Every prompt the templates make, in order: its category, its topic (none for a template
    // without {topic}) and whether it names a tracked brand (Acme CRM, HubSpot or Pipedrive).
    void templatesPlanEachPrompt_data()
    {
        QTest::addColumn<int>("index");
        QTest::addColumn<QString>("category");
        QTest::addColumn<QString>("topic");
        QTest::addColumn<bool>("branded");
        const QString topic = u"CRM for small business"_s;
        int index = 0;
        const auto row = [&](const char *text, const QString &category, const QString &rowTopic, bool branded) {
            QTest::newRow(text) << index++ << category << rowTopic << branded;
        };
        row("What are the best options for CRM for small business?", u"best-of"_s, topic, false);
        row("best CRM for small business", u"best-of-search"_s, topic, false);
        row("Which is better for CRM for small business, Acme CRM or HubSpot?", u"comparison"_s, topic, true);
        row("Which is better for CRM for small business, Acme CRM or Pipedrive?", u"comparison"_s, topic, true);
        row("Acme CRM vs HubSpot", u"comparison-search"_s, QString(), true);
        row("Acme CRM vs Pipedrive", u"comparison-search"_s, QString(), true);
        row("What are good alternatives to HubSpot?", u"alternatives"_s, QString(), true);
        row("What are good alternatives to Pipedrive?", u"alternatives"_s, QString(), true);
        row("What are the best alternatives to Acme CRM?", u"alternatives"_s, QString(), true);
        row("HubSpot alternatives", u"alternatives-search"_s, QString(), true);
        row("Pipedrive alternatives", u"alternatives-search"_s, QString(), true);
        row("What would you recommend for CRM for small business on a tight budget?", u"pricing"_s, topic, false);
        row("affordable CRM for small business", u"pricing-search"_s, topic, false);
        row("What are the most common problems with CRM for small business, and which options avoid them?",
            u"problem-solution"_s, topic, false);
        row("what to look for in CRM for small business", u"problem-solution-search"_s, topic, false);
        row("Which options for CRM for small business get the best reviews?", u"reviews"_s, topic, false);
        row("Is Acme CRM worth it?", u"reviews"_s, QString(), true);
        row("top rated CRM for small business", u"reviews-search"_s, topic, false);
        row("Acme CRM reviews", u"reviews-search"_s, QString(), true);
    }

    void templatesPlanEachPrompt()
    {
        QFETCH(int, index);
        QFETCH(QString, category);
        QFETCH(QString, topic);
        QFETCH(bool, branded);
        const auto plan = PromptPlanner::plan(spec(true, {}));
        QVERIFY(plan);
        QCOMPARE(plan->prompts.size(), 19);
        const PlannedPrompt &p = plan->prompts.at(index);
        QCOMPARE(p.text, QString::fromUtf8(QTest::currentDataTag()));
        QCOMPARE(p.category, category);
        QCOMPARE(p.topic, topic);
        QCOMPARE(p.branded, branded);
    }

    void theDemoPlansItsAnswers()
    {
        const auto read = SpecReader::readFile(u":/examples/demo-audit.json"_s);
        QVERIFY(read.spec);
        const auto plan = PromptPlanner::plan(*read.spec);
        QVERIFY(plan);
        QCOMPARE(plan->prompts.size(), 12);
        QCOMPARE(plan->items.size(), 192);
    }
};

QTEST_APPLESS_MAIN(TestPromptPlanner)
#include "tst_promptplanner.moc"
