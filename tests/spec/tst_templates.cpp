#include "spec/PromptPlanner.h"

#include <QTest>

using namespace geo;
using namespace Qt::StringLiterals;

namespace {

// Topics of every kind a user may type: fields and mass nouns, plurals, category names, and
// phrases with a "for ..." tail.
const QStringList Topics{u"knowledge management"_s,        u"CRM for dentists"_s, u"running shoes"_s,
                         u"project management software"_s, u"email marketing"_s,  u"CRM"_s,
                         u"noise-cancelling headphones"_s};

AuditSpec spec(const QString &topic)
{
    AuditSpec s;
    s.name = u"t"_s;
    s.brand = {u"Acme"_s, {}, {}};
    s.competitors = {{u"Globex"_s, {}, {}}};
    s.topics = {topic};
    EngineSpec e;
    e.id = u"a"_s;
    s.engines = {e};
    return s;
}

} // namespace

class TestTemplates : public QObject
{
    Q_OBJECT

private slots:
    // Every built-in template filled with every kind of topic, as the plan holds it: its place
    // in the plan, its category (the intent, "-search" for the search-like style) and its text.
    void everyTemplateReadsRightForEveryTopic_data()
    {
        QTest::addColumn<QString>("topic");
        QTest::addColumn<int>("index");
        QTest::addColumn<QString>("category");
        QTest::addColumn<QString>("text");
        const QStringList categories{u"best-of"_s,
                                     u"best-of-search"_s,
                                     u"comparison"_s,
                                     u"comparison-search"_s,
                                     u"alternatives"_s,
                                     u"alternatives"_s,
                                     u"alternatives-search"_s,
                                     u"pricing"_s,
                                     u"pricing-search"_s,
                                     u"problem-solution"_s,
                                     u"problem-solution-search"_s,
                                     u"reviews"_s,
                                     u"reviews"_s,
                                     u"reviews-search"_s,
                                     u"reviews-search"_s};
        const auto rows = [&](const QString &topic, const QStringList &texts) {
            QCOMPARE(texts.size(), categories.size());
            for (int i = 0; i < texts.size(); ++i)
                QTest::addRow("%s: %s", qPrintable(topic), qPrintable(texts[i]))
                    << topic << i << categories[i] << texts[i];
        };
        rows(u"knowledge management"_s,
             {u"What are the best options for knowledge management?"_s, u"best knowledge management"_s,
              u"Which is better for knowledge management, Acme or Globex?"_s, u"Acme vs Globex"_s,
              u"What are good alternatives to Globex?"_s, u"What are the best alternatives to Acme?"_s,
              u"Globex alternatives"_s, u"What would you recommend for knowledge management on a tight budget?"_s,
              u"affordable knowledge management"_s,
              u"What are the most common problems with knowledge management, and which options avoid them?"_s,
              u"what to look for in knowledge management"_s,
              u"Which options for knowledge management get the best reviews?"_s, u"Is Acme worth it?"_s,
              u"top rated knowledge management"_s, u"Acme reviews"_s});
        rows(u"CRM for dentists"_s,
             {u"What are the best options for CRM for dentists?"_s, u"best CRM for dentists"_s,
              u"Which is better for CRM for dentists, Acme or Globex?"_s, u"Acme vs Globex"_s,
              u"What are good alternatives to Globex?"_s, u"What are the best alternatives to Acme?"_s,
              u"Globex alternatives"_s, u"What would you recommend for CRM for dentists on a tight budget?"_s,
              u"affordable CRM for dentists"_s,
              u"What are the most common problems with CRM for dentists, and which options avoid them?"_s,
              u"what to look for in CRM for dentists"_s, u"Which options for CRM for dentists get the best reviews?"_s,
              u"Is Acme worth it?"_s, u"top rated CRM for dentists"_s, u"Acme reviews"_s});
        rows(u"running shoes"_s,
             {u"What are the best options for running shoes?"_s, u"best running shoes"_s,
              u"Which is better for running shoes, Acme or Globex?"_s, u"Acme vs Globex"_s,
              u"What are good alternatives to Globex?"_s, u"What are the best alternatives to Acme?"_s,
              u"Globex alternatives"_s, u"What would you recommend for running shoes on a tight budget?"_s,
              u"affordable running shoes"_s,
              u"What are the most common problems with running shoes, and which options avoid them?"_s,
              u"what to look for in running shoes"_s, u"Which options for running shoes get the best reviews?"_s,
              u"Is Acme worth it?"_s, u"top rated running shoes"_s, u"Acme reviews"_s});
        rows(u"project management software"_s,
             {u"What are the best options for project management software?"_s, u"best project management software"_s,
              u"Which is better for project management software, Acme or Globex?"_s, u"Acme vs Globex"_s,
              u"What are good alternatives to Globex?"_s, u"What are the best alternatives to Acme?"_s,
              u"Globex alternatives"_s,
              u"What would you recommend for project management software on a tight budget?"_s,
              u"affordable project management software"_s,
              u"What are the most common problems with project management software, and which options avoid them?"_s,
              u"what to look for in project management software"_s,
              u"Which options for project management software get the best reviews?"_s, u"Is Acme worth it?"_s,
              u"top rated project management software"_s, u"Acme reviews"_s});
        rows(u"email marketing"_s,
             {u"What are the best options for email marketing?"_s, u"best email marketing"_s,
              u"Which is better for email marketing, Acme or Globex?"_s, u"Acme vs Globex"_s,
              u"What are good alternatives to Globex?"_s, u"What are the best alternatives to Acme?"_s,
              u"Globex alternatives"_s, u"What would you recommend for email marketing on a tight budget?"_s,
              u"affordable email marketing"_s,
              u"What are the most common problems with email marketing, and which options avoid them?"_s,
              u"what to look for in email marketing"_s, u"Which options for email marketing get the best reviews?"_s,
              u"Is Acme worth it?"_s, u"top rated email marketing"_s, u"Acme reviews"_s});
        rows(u"CRM"_s,
             {u"What are the best options for CRM?"_s, u"best CRM"_s, u"Which is better for CRM, Acme or Globex?"_s,
              u"Acme vs Globex"_s, u"What are good alternatives to Globex?"_s,
              u"What are the best alternatives to Acme?"_s, u"Globex alternatives"_s,
              u"What would you recommend for CRM on a tight budget?"_s, u"affordable CRM"_s,
              u"What are the most common problems with CRM, and which options avoid them?"_s,
              u"what to look for in CRM"_s, u"Which options for CRM get the best reviews?"_s, u"Is Acme worth it?"_s,
              u"top rated CRM"_s, u"Acme reviews"_s});
        rows(u"noise-cancelling headphones"_s,
             {u"What are the best options for noise-cancelling headphones?"_s, u"best noise-cancelling headphones"_s,
              u"Which is better for noise-cancelling headphones, Acme or Globex?"_s, u"Acme vs Globex"_s,
              u"What are good alternatives to Globex?"_s, u"What are the best alternatives to Acme?"_s,
              u"Globex alternatives"_s,
              u"What would you recommend for noise-cancelling headphones on a tight budget?"_s,
              u"affordable noise-cancelling headphones"_s,
              u"What are the most common problems with noise-cancelling headphones, and which options avoid them?"_s,
              u"what to look for in noise-cancelling headphones"_s,
              u"Which options for noise-cancelling headphones get the best reviews?"_s, u"Is Acme worth it?"_s,
              u"top rated noise-cancelling headphones"_s, u"Acme reviews"_s});
    }

    void everyTemplateReadsRightForEveryTopic()
    {
        QFETCH(QString, topic);
        QFETCH(int, index);
        QFETCH(QString, category);
        QFETCH(QString, text);
        const auto plan = PromptPlanner::plan(spec(topic));
        QVERIFY(plan);
        QCOMPARE(plan->prompts.size(), 15); // a template added needs its rows above
        const PlannedPrompt &p = plan->prompts.at(index);
        QCOMPARE(p.text, text);
        QCOMPARE(p.category, category);
        QCOMPARE(p.topic, text.contains(topic) ? topic : QString());
    }

    // The mistakes the templates once made, for any topic, are in no planned prompt.
    void noTopicIsMisused_data()
    {
        QTest::addColumn<QString>("topic");
        for (const QString &topic : Topics)
            QTest::newRow(qPrintable(topic)) << topic;
    }

    void noTopicIsMisused()
    {
        QFETCH(QString, topic);
        const auto plan = PromptPlanner::plan(spec(topic));
        QVERIFY(plan);
        int used = 0;
        for (const PlannedPrompt &p : plan->prompts) {
            if (p.topic.isEmpty())
                continue;
            ++used;
            QCOMPARE(misuse(p.text, topic), QString());
        }
        QCOMPARE(used, 9); // the templates that name {topic}
    }

    // The check above finds the mistakes: the old templates' wordings and their kin.
    void misuseIsFound_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("topic");
        QTest::addColumn<QString>("misuse");
        QTest::newRow("the best, mass noun")
            << u"What is the best knowledge management?"_s << u"knowledge management"_s << u"after \"the best\""_s;
        QTest::newRow("the best, plural")
            << u"What is the best running shoes?"_s << u"running shoes"_s << u"after \"the best\""_s;
        QTest::newRow("which, mass noun") << u"Which email marketing would you recommend for a small team?"_s
                                          << u"email marketing"_s << u"after \"which\""_s;
        QTest::newRow("article") << u"I need a project management software."_s << u"project management software"_s
                                 << u"after \"a\""_s;
        QTest::newRow("verb after") << u"Do you think running shoes is worth it?"_s << u"running shoes"_s
                                    << u"before \"is\""_s;
        QTest::newRow("noun after") << u"best running shoes tools"_s << u"running shoes"_s << u"before \"tools\""_s;
        QTest::newRow("right") << u"What are the best options for running shoes?"_s << u"running shoes"_s << QString();
    }

    void misuseIsFound()
    {
        QFETCH(QString, text);
        QFETCH(QString, topic);
        QFETCH(QString, misuse);
        QCOMPARE(TestTemplates::misuse(text, topic), misuse);
    }

private:
    // How text misuses the topic, empty when it does not: after an article or a determiner
    // ("What is the best knowledge management?", "Which running shoes would you ..."), before
    // a verb that must agree with it, or before a noun ("running shoes tools").
    static QString misuse(const QString &text, const QString &topic)
    {
        static const QStringList determiners{u"a"_s,   u"an"_s,   u"the"_s,   u"which"_s, u"what"_s,
                                             u"any"_s, u"each"_s, u"every"_s, u"this"_s,  u"that"_s};
        static const QStringList agreeing{u"is"_s,  u"are"_s,  u"was"_s,  u"were"_s,
                                          u"has"_s, u"have"_s, u"does"_s, u"do"_s};
        static const QStringList nouns{u"tools"_s,   u"software"_s, u"options"_s, u"brands"_s,
                                       u"reviews"_s, u"pricing"_s,  u"prices"_s,  u"alternatives"_s};
        const qsizetype at = text.indexOf(topic);
        if (at < 0)
            return u"no topic"_s;
        const QStringList before = text.left(at).toLower().split(u' ', Qt::SkipEmptyParts);
        const QStringList after = text.mid(at + topic.size()).toLower().split(u' ', Qt::SkipEmptyParts);
        if (before.size() > 1 && before.last() == u"best"_s && before.at(before.size() - 2) == u"the"_s)
            return u"after \"the best\""_s;
        if (!before.isEmpty() && determiners.contains(before.last()))
            return u"after \"%1\""_s.arg(before.last());
        if (!after.isEmpty() && (agreeing.contains(after.first()) || nouns.contains(after.first())))
            return u"before \"%1\""_s.arg(after.first());
        return {};
    }
};

QTEST_APPLESS_MAIN(TestTemplates)
#include "tst_templates.moc"
