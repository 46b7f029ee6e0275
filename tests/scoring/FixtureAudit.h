#pragma once

// A hand-written audit of 30 answers for tst_scorer_fixture: its answers' texts, with what
// each says about the tracked brands worked out by hand beside it. Brands: Acme (0, alias
// "Acme CRM", acme.example), Borealis (1, borealis.example), Cobalt (2, alias "Cobalt Sales",
// cobalt.example). Sentences name a brand with no VADER word but "good" (1.9), "bad" (-2.5)
// and "great" (3.1). In the notes: m mentions, o order, r rank, s sentiment, p PAWC.

#include "model/AuditSpec.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace fixture {

struct Answer
{
    QString engine;
    QString category;
    QString topic;
    bool branded;
    QString text;
    QStringList engineCitations;
};

inline geo::AuditSpec spec()
{
    geo::AuditSpec s;
    s.name = QStringLiteral("Fixture audit");
    s.brand = {QStringLiteral("Acme"), {QStringLiteral("Acme CRM")}, {QStringLiteral("acme.example")}};
    s.competitors = {{QStringLiteral("Borealis"), {}, {QStringLiteral("borealis.example")}},
                     {QStringLiteral("Cobalt"), {QStringLiteral("Cobalt Sales")}, {QStringLiteral("cobalt.example")}}};
    return s;
}

inline QList<Answer> answers()
{
    const QString gpt = QStringLiteral("gpt"), claude = QStringLiteral("claude");
    const QString bestOf = QStringLiteral("best-of"), compare = QStringLiteral("compare");
    const QString crm = QStringLiteral("crm"), pricing = QStringLiteral("pricing");
    return {
        // G1. A m1 o1 r- s0 p1.
        {gpt, bestOf, crm, false, QStringLiteral("Acme is a CRM for small teams."), {}},
        // G2. Three items of 3 words (the dash is no word), sentences 0..2: weights 1, e^-1/2,
        // e^-1 over D3 = 1 + e^-1/2 + e^-1. B o1 r1; A o2 r2; C o3 r3; all s0.
        {gpt,
         bestOf,
         crm,
         false,
         QStringLiteral("1. **Borealis** - pipeline views\n2. **Acme** - team inbox\n3. **Cobalt** - mobile app\n"),
         {}},
        // G3. No brand.
        {gpt, bestOf, pricing, false, QStringLiteral("It depends on the size of your team."), {}},
        // G4. A m1 o1 r- s0 p1; cites acme.example (brand).
        {gpt,
         bestOf,
         crm,
         false,
         QStringLiteral("Acme offers a starter plan [1]."),
         {QStringLiteral("https://acme.example/pricing")}},
        // G5. Two sentences of 3 words, N - 1 = 1: A o1 s(good) p 1/(1+e^-1); B o2 s(bad) p e^-1/(1+e^-1).
        {gpt, bestOf, crm, false, QStringLiteral("Acme is good. Borealis is bad."), {}},
        // G6. A table: every cell is a sentence of 1 word but "field teams" (2): CRM, Focus,
        // Cobalt (2), field teams, Zendora, agencies, Acme (6), startups; N - 1 = 7.
        // Rows: Cobalt r1, Zendora (discovered) 2, Acme r3. C o1 p e^-2/7 / (e^-2/7 + e^-6/7); A o2.
        {gpt,
         bestOf,
         crm,
         false,
         QStringLiteral(
             "| CRM | Focus |\n|---|---|\n| Cobalt | field teams |\n| Zendora | agencies |\n| Acme | startups |\n"),
         {}},
        // G7. Headings are entries and sentences: "Borealis" (1 word, i=0), "Borealis suits long
        // sales cycles." (5, i=1), "Cobalt" (1, i=2), "Cobalt suits field reps." (4, i=3).
        // B m2 o1 r1 weight 1 + 5e^-1/3 (H1); C m2 o2 r2 weight e^-2/3 + 4e^-1 (H2).
        {gpt,
         bestOf,
         crm,
         false,
         QStringLiteral("### Borealis\nBorealis suits long sales cycles.\n\n### Cobalt\nCobalt suits field reps.\n"),
         {}},
        // G8. One sentence: A o1, B o2, p 1/2 each; the link cites borealis.example (competitor).
        {gpt,
         compare,
         crm,
         true,
         QStringLiteral("Acme and Borealis both sync with email, see [the docs](https://borealis.example/email)."),
         {}},
        // G9. A (alias) m1 o1 s(great) p1; cites review.example (third party), acme.example.
        {gpt,
         compare,
         crm,
         true,
         QStringLiteral("Acme CRM is great for agencies."),
         {QStringLiteral("https://review.example/acme-vs-borealis"), QStringLiteral("https://acme.example/agencies")}},
        // G10. C (alias) m1 o1 s0 p1.
        {gpt, bestOf, crm, false, QStringLiteral("Many teams pick Cobalt Sales."), {}},
        // G11. "Options:" (1 word, i=0), items A (3, i=1) r1, C (3, i=2) r2, then prose naming B
        // (4 words, i=3) unranked; N - 1 = 3. Weights 3e^-1/3, 3e^-2/3, 4e^-1. Orders A1 C2 B3.
        {gpt,
         bestOf,
         crm,
         false,
         QStringLiteral("Options:\n\n- **Acme** - team inbox\n- **Cobalt** - mobile app\n\nBorealis is also around.\n"),
         {}},
        // G12. No brand.
        {gpt, bestOf, pricing, false, QStringLiteral("Plans vary by seat count."), {}},
        // G13. B m1 o1 s(bad) p1; cites review.example.
        {gpt,
         bestOf,
         crm,
         false,
         QStringLiteral("Borealis is bad for small teams [1]."),
         {QStringLiteral("https://review.example/borealis")}},
        // G14. Items A r1, C r2, B r3 (3 words each, i=0..2), "Acme costs less." (3, i=3); N - 1 = 3.
        // A m2 weight 1 + e^-1, C e^-1/3, B e^-2/3 (over W14, the 3s cancel). Orders A1 C2 B3.
        {gpt,
         bestOf,
         crm,
         false,
         QStringLiteral("1. **Acme** - team inbox\n2. **Cobalt** - mobile app\n3. **Borealis** - pipeline "
                        "views\n\nAcme costs less.\n"),
         {}},
        // G15. C m1 o1 s0 p1; the link cites docs.cobalt.example, registrable cobalt.example.
        {gpt,
         bestOf,
         crm,
         false,
         QStringLiteral("Cobalt has a field mode, per [its guide](https://docs.cobalt.example/field)."),
         {}},
        // G16. No brand; a bare third-party domain cites review.example.
        {gpt, bestOf, crm, false, QStringLiteral("Review sites such as review.example compare them."), {}},
        // C1. As G2 in the order C r1, B r2, A r3.
        {claude,
         bestOf,
         crm,
         false,
         QStringLiteral("1. **Cobalt** - mobile app\n2. **Borealis** - pipeline views\n3. **Acme** - team inbox\n"),
         {}},
        // C2. A m1 o1 s(good) p1.
        {claude, bestOf, crm, false, QStringLiteral("Acme is good."), {}},
        // C3. No brand.
        {claude, bestOf, pricing, false, QStringLiteral("It depends on the size of your team."), {}},
        // C4. As G5 the other way: B o1 s(bad) p 1/(1+e^-1); A o2 s(good) p e^-1/(1+e^-1).
        {claude, compare, crm, true, QStringLiteral("Borealis is bad. Acme is good."), {}},
        // C5. Zendora (discovered) is entry 1, A r2 o1 p1.
        {claude, compare, crm, true, QStringLiteral("- **Zendora** - new option\n- **Acme** - team inbox\n"), {}},
        // C6. One sentence: C o1, A o2, p 1/2 each; links cite acme.example and cobalt.example.
        {claude,
         compare,
         crm,
         true,
         QStringLiteral("Cobalt and Acme are close, see [this](https://acme.example/compare) and "
                        "[that](https://cobalt.example/compare)."),
         {}},
        // C7. One sentence: B o1, A o2, p 1/2 each (a best-of prompt that names Acme).
        {claude, bestOf, crm, true, QStringLiteral("Borealis is similar to Acme."), {}},
        // C8. A m1 o1 s(great) p1; cites acme.example, review.example.
        {claude,
         bestOf,
         crm,
         false,
         QStringLiteral("Acme is great [1]."),
         {QStringLiteral("https://acme.example/"), QStringLiteral("https://review.example/top")}},
        // C9. No brand.
        {claude, bestOf, crm, false, QStringLiteral("Try two or three tools first."), {}},
        // C10. C m1 o1 s(bad) p1.
        {claude, bestOf, crm, false, QStringLiteral("Cobalt is bad."), {}},
        // C11. As G7 with A first: A m2 o1 r1 p H1; B m2 o2 r2 p H2.
        {claude,
         bestOf,
         crm,
         false,
         QStringLiteral("### Acme\nAcme suits long sales cycles.\n\n### Borealis\nBorealis suits field reps.\n"),
         {}},
        // C12. One sentence: B o1, A o2, p 1/2 each; cites borealis.example.
        {claude,
         compare,
         crm,
         true,
         QStringLiteral("Borealis has more seats than Acme."),
         {QStringLiteral("https://borealis.example/seats")}},
        // C13. A (alias) m1 o1 s0 p1.
        {claude, bestOf, crm, false, QStringLiteral("Acme CRM suits startups."), {}},
        // C14. Item C r1 (3 words, i=0), prose A unranked (4 words, i=1); N - 1 = 1: C 3, A 4e^-1.
        {claude, bestOf, crm, false, QStringLiteral("- **Cobalt** - mobile app\n\nAcme is another choice.\n"), {}},
    };
}

} // namespace fixture
