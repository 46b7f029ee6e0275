#include "analysis/Vader.h"

#include <QTest>

#include <thread>
#include <vector>

using namespace Qt::StringLiterals;

// Every expected value is derived by hand from the VADER rules (Hutto & Gilbert, ICWSM 2014,
// as the reference implementation vaderSentiment applies them) and the lexicon values in
// resources/vader (good 1.9, great 3.1, bad -2.5, like 1.5, fun 2.3, joy 2.8, problem -1.7,
// rude -2.0, kind 2.4, kiss 1.8, death -2.9, bomb -2.2, stop -1.2, yeah 1.2, doubt -1.5,
// no -1.2, aggravated -1.9, grinning 1.5, crying -2.1, :) 2.0, :-) 1.3, :d 2.3, nice 1.8,
// okay 0.9; "ok" is listed as 1.6 then 1.2 and "lol" as 2.9 then 1.8, the later line wins).
// Each comment gives the per-token valences v; then, with s = sum(v) (+/- punctuation p when
// s != 0): compound = s / sqrt(s^2 + 15), P = sum(v + 1 | v > 0), N = sum(v - 1 | v < 0),
// n = count(v == 0), p added to the larger of P, |N|, and pos/neg/neu = P, |N|, n over their
// sum. N = -0.74 below means the negation scalar.
class TestVader : public QObject
{
    Q_OBJECT

private slots:
    void score_data();
    void score();
    void rounded_data();
    void rounded();
    void concurrentCallsAgree();
};

void TestVader::score_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<double>("neg");
    QTest::addColumn<double>("neu");
    QTest::addColumn<double>("pos");
    QTest::addColumn<double>("compound");

    // --- No tokens, no lexicon words.
    // No tokens at all: the reference returns four zeros (not neu 1).
    QTest::newRow("empty") << QString() << 0.0 << 0.0 << 0.0 << 0.0;
    QTest::newRow("white space only") << u" \t\n  "_s << 0.0 << 0.0 << 0.0 << 0.0;
    // v = 0 x6: n = 6, P = N = 0 -> neu 1, compound 0.
    QTest::newRow("no lexicon words") << u"The table is made of wood."_s << 0.0 << 1.0 << 0.0 << 0.0;

    // --- Lexicon look-up and case.
    // v = [1.9]: pos 2.9/2.9; compound 1.9/sqrt(3.61+15) = 0.44043.
    QTest::newRow("single word") << u"good"_s << 0.0 << 0.0 << 1.0 << 0.4404;
    // v = [0,0,0,1.9]: pos 2.9/5.9 = 0.4915, neu 3/5.9 = 0.5085.
    QTest::newRow("sentence") << u"The book was good."_s << 0.0 << 0.508 << 0.492 << 0.4404;
    // Look-up is on the lower-cased token.
    QTest::newRow("mixed case") << u"The Book Was GoOd"_s << 0.0 << 0.508 << 0.492 << 0.4404;
    // One token, all caps: no cap differential, so no emphasis: v = [1.9].
    QTest::newRow("caps without differential, one token") << u"GOOD"_s << 0.0 << 0.0 << 1.0 << 0.4404;
    // Every token in caps: no differential, v = [0,0,0,1.9].
    QTest::newRow("caps without differential, sentence") << u"THE FOOD IS GOOD"_s << 0.0 << 0.508 << 0.492 << 0.4404;
    // Duplicate lexicon key, the later line wins: ok = 1.2; compound 1.2/sqrt(1.44+15) = 0.29598.
    QTest::newRow("duplicate key: later wins (ok)") << u"ok"_s << 0.0 << 0.0 << 1.0 << 0.296;
    // lol = 1.8: compound 1.8/sqrt(3.24+15) = 0.42146.
    QTest::newRow("duplicate key: later wins (lol)") << u"lol"_s << 0.0 << 0.0 << 1.0 << 0.4215;

    // --- Punctuation stripping and emoticons.
    // `"good",` -> good: same numbers as "The book was good."
    QTest::newRow("punctuation stripped") << u"The book was \"good\","_s << 0.0 << 0.508 << 0.492 << 0.4404;
    // "ok." would strip to "ok" (2 chars), so it stays "ok.", which is not in the lexicon.
    QTest::newRow("short token keeps punctuation") << u"ok."_s << 0.0 << 1.0 << 0.0 << 0.0;
    // v = [0,0,0,2.0]: pos 3/6 = 0.5, neu 0.5; compound 2/sqrt(19) = 0.45883.
    QTest::newRow("emoticon :)") << u"You did it :)"_s << 0.0 << 0.5 << 0.5 << 0.4588;
    // ":-)" strips to "" so it is kept: v = [0,0,1.3]: pos 2.3/4.3 = 0.5349;
    // compound 1.3/sqrt(1.69+15) = 0.31822.
    QTest::newRow("emoticon :-)") << u"The end :-)"_s << 0.0 << 0.465 << 0.535 << 0.3182;
    // ":D" has an upper-case letter and no lower-case one, so it is ALL CAPS and the others
    // are not: v = [0,0,0, 2.3 + 0.733 = 3.033]: pos 4.033/7.033 = 0.5734;
    // compound 3.033/sqrt(9.199+15) = 0.61656.
    QTest::newRow("emoticon :D counts as caps") << u"You did it :D"_s << 0.0 << 0.427 << 0.573 << 0.6166;

    // --- Negation.
    // good 1.9 * -0.74 = -1.406: neg 2.406/3.406 = 0.7064; compound -1.406/sqrt(1.9768+15)
    // = -0.34121.
    QTest::newRow("negation at distance 1") << u"not good"_s << 0.706 << 0.294 << 0.0 << -0.3412;
    // Rule words compare lower-case: NOT negates too (caps only matter for lexicon/booster words).
    QTest::newRow("negation in caps") << u"The food is NOT good"_s << 0.376 << 0.624 << 0.0 << -0.3412;
    // "mayn't" is not in the list but contains "n't": like 1.5 * N = -1.11;
    // neg 2.11/5.11 = 0.4129; compound -1.11/sqrt(1.2321+15) = -0.27554.
    QTest::newRow("n't word at distance 1") << u"You mayn't like it"_s << 0.413 << 0.587 << 0.0 << -0.2755;
    QTest::newRow("n't word in caps") << u"You MAYN'T like it"_s << 0.413 << 0.587 << 0.0 << -0.2755;
    // good at 4; "not" 2 before: 1.9 * N = -1.406; neg 2.406/6.406 = 0.3756.
    QTest::newRow("negation at distance 2") << u"It is not that good"_s << 0.376 << 0.624 << 0.0 << -0.3412;
    // very +0.293 -> 2.193, then "isn't" (listed) 2 before: 2.193 * N = -1.62282;
    // neg 2.62282/6.62282 = 0.3960; compound -1.62282/sqrt(2.63354+15) = -0.38646.
    QTest::newRow("n't word at distance 2 after a booster")
        << u"The food isn't very good"_s << 0.396 << 0.604 << 0.0 << -0.3865;
    // "not" 3 before: 1.9 * N = -1.406; neg 2.406/5.406 = 0.4451.
    QTest::newRow("negation at distance 3") << u"not at all good"_s << 0.445 << 0.555 << 0.0 << -0.3412;
    // "not" 4 before: out of reach, good stays 1.9; pos 2.9/6.9 = 0.4203.
    QTest::newRow("negation at distance 4 ignored") << u"not at all that good"_s << 0.0 << 0.58 << 0.42 << 0.4404;

    // --- "no".
    // "no" before a lexicon word is 0; good after "no": 1.9 * N = -1.406 (as "not good").
    QTest::newRow("no before a lexicon word") << u"no good"_s << 0.706 << 0.294 << 0.0 << -0.3412;
    QTest::newRow("No capitalised") << u"No good"_s << 0.706 << 0.294 << 0.0 << -0.3412;
    // "no" alone keeps its valence -1.2: compound -1.2/sqrt(16.44) = -0.29596.
    QTest::newRow("no alone") << u"no"_s << 1.0 << 0.0 << 0.0 << -0.296;
    // "such" is no lexicon word, so "no" keeps -1.2; problem has "no" 2 before: -1.7 * N = 1.258.
    // v = [-1.2, 0, 1.258]: P 2.258, N -2.2, n 1, total 5.458: neg 0.4031, neu 0.1832,
    // pos 0.4137; compound 0.058/sqrt(0.003364+15) = 0.01498.
    QTest::newRow("no 2 before") << u"no such problem"_s << 0.403 << 0.183 << 0.414 << 0.015;
    // "no" 0 (fun follows); fun 2.3 * N = -1.702; joy has "no" 3 before and "or" 1 before:
    // 2.8 * N = -2.072. v = [0,-1.702,0,-2.072]: N -5.774, total 7.774: neg 0.7427;
    // compound -3.774/sqrt(14.2431+15) = -0.69790.
    QTest::newRow("no 3 before with or") << u"no fun or joy"_s << 0.743 << 0.257 << 0.0 << -0.6979;
    // As above, but "nor" is also a negation word 1 before joy: -2.072 * N = 1.53328.
    // v = [0,-1.702,0,1.53328]: P 2.53328, N -2.702, total 7.23528: neg 0.3734, neu 0.2764,
    // pos 0.3501; compound -0.16872/sqrt(0.028466+15) = -0.04353.
    QTest::newRow("no 3 before with nor") << u"no fun nor joy"_s << 0.373 << 0.276 << 0.35 << -0.0435;

    // --- Boosters and dampeners.
    // A booster alone is neutral.
    QTest::newRow("booster alone") << u"very"_s << 0.0 << 1.0 << 0.0 << 0.0;
    // 1.9 + 0.293 = 2.193: pos 3.193/4.193 = 0.7615; compound 2.193/sqrt(4.80925+15) = 0.49275.
    QTest::newRow("booster at distance 1") << u"very good"_s << 0.0 << 0.238 << 0.762 << 0.4927;
    // Sign flipped for a negative word: -2.5 - 0.293 = -2.793: neg 3.793/4.793 = 0.7914;
    // compound -2.793/sqrt(7.80085+15) = -0.58493.
    QTest::newRow("booster on a negative word") << u"very bad"_s << 0.791 << 0.209 << 0.0 << -0.5849;
    // 1.9 - 0.293 = 1.607: pos 2.607/3.607 = 0.7228; compound 1.607/sqrt(2.58245+15) = 0.38322.
    QTest::newRow("dampener") << u"slightly good"_s << 0.0 << 0.277 << 0.723 << 0.3832;
    // Dampener on a negative word: -2.5 + 0.293 = -2.207: neg 3.207/4.207 = 0.7623;
    // compound -2.207/sqrt(4.87085+15) = -0.49513.
    QTest::newRow("dampener on a negative word") << u"barely bad"_s << 0.762 << 0.238 << 0.0 << -0.4951;
    // 2 before, x0.95: 1.9 + 0.27835 = 2.17835: pos 3.17835/5.17835 = 0.6138;
    // compound 2.17835/sqrt(4.74521+15) = 0.49016.
    QTest::newRow("booster at distance 2") << u"very much good"_s << 0.0 << 0.386 << 0.614 << 0.4902;
    // 3 before, x0.9: 1.9 + 0.2637 = 2.1637: pos 3.1637/6.1637 = 0.5133;
    // compound 2.1637/sqrt(4.68160+15) = 0.48765.
    QTest::newRow("booster at distance 3") << u"very much the good"_s << 0.0 << 0.487 << 0.513 << 0.4877;
    // 1.9 + 0.293 + 0.27835 + 0.2637 = 2.73505: pos 3.73505/6.73505 = 0.5546;
    // compound 2.73505/sqrt(7.48050+15) = 0.57680.
    QTest::newRow("boosters at distances 1-3") << u"very very very good"_s << 0.0 << 0.445 << 0.555 << 0.5768;

    // --- ALL CAPS.
    // Cap differential (GOOD in caps, the rest not): 1.9 + 0.733 = 2.633;
    // pos 3.633/6.633 = 0.5477; compound 2.633/sqrt(6.93269+15) = 0.56225.
    QTest::newRow("caps with differential") << u"The food is GOOD"_s << 0.0 << 0.452 << 0.548 << 0.5622;
    // -2.5 - 0.733 = -3.233: neg 4.233/7.233 = 0.5852; compound -3.233/sqrt(10.45229+15)
    // = -0.64079.
    QTest::newRow("caps on a negative word") << u"The food is BAD"_s << 0.585 << 0.415 << 0.0 << -0.6408;
    // "123" has no cased letter, so it is not caps: differential holds; v = [2.633, 0]:
    // pos 3.633/4.633 = 0.7842.
    QTest::newRow("caps next to a token without letters") << u"GOOD 123"_s << 0.0 << 0.216 << 0.784 << 0.5622;
    // Booster in caps: 0.293 + 0.733 = 1.026 -> 2.926; pos 3.926/7.926 = 0.4953;
    // compound 2.926/sqrt(8.56148+15) = 0.60279.
    QTest::newRow("booster in caps") << u"The food is VERY good"_s << 0.0 << 0.505 << 0.495 << 0.6028;
    // Booster in caps before a negative word: -0.293 - 0.733 = -1.026 -> -3.526;
    // neg 4.526/8.526 = 0.5308; compound -3.526/sqrt(12.43268+15) = -0.67320.
    QTest::newRow("booster in caps on a negative word")
        << u"The food is VERY bad"_s << 0.531 << 0.469 << 0.0 << -0.6732;

    // --- "but".
    // good 1.9 * 0.5 = 0.95 before, bad -2.5 * 1.5 = -3.75 after; v = [0,0,0,0.95,0,0,0,0,-3.75]:
    // P 1.95, N -4.75, n 7, total 13.7: neg 0.3467, neu 0.5109, pos 0.1423;
    // compound -2.8/sqrt(7.84+15) = -0.58586.
    QTest::newRow("but") << u"The food was good but the service was bad"_s << 0.347 << 0.511 << 0.142 << -0.5859;
    // Only the first "but" splits: v = [0.95, 0, -3.75, 0, 3.1 * 1.5 = 4.65]: P 7.6, N -4.75,
    // n 2, total 14.35: neg 0.3310, neu 0.1394, pos 0.5296; compound 1.85/sqrt(18.4225) = 0.43102.
    QTest::newRow("but twice") << u"good but bad but great"_s << 0.331 << 0.139 << 0.53 << 0.431;
    // Every earlier valence is halved, equal or not: nice 1.8 -> 0.9, okay 0.9 -> 0.45,
    // good 1.9 * 1.5 = 2.85. v = [0.9, 0.45, 0, 2.85]: P 7.2, n 1, total 8.2: pos 0.8780;
    // compound 4.2/sqrt(17.64+15) = 0.73509.
    QTest::newRow("but halves every earlier valence") << u"nice okay but good"_s << 0.0 << 0.122 << 0.878 << 0.7351;

    // --- "least".
    // "least" 1 before, not after at/very: 1.9 * N = -1.406; neg 2.406/4.406 = 0.5461.
    QTest::newRow("least") << u"the least good"_s << 0.546 << 0.454 << 0.0 << -0.3412;
    QTest::newRow("least at the start") << u"least good"_s << 0.706 << 0.294 << 0.0 << -0.3412;
    // "at least": good stays 1.9; pos 2.9/4.9 = 0.5918.
    QTest::newRow("at least") << u"at least good"_s << 0.0 << 0.408 << 0.592 << 0.4404;
    // "very least": no negation, but "very" 2 before still boosts: 1.9 + 0.27835 = 2.17835;
    // pos 3.17835/6.17835 = 0.5144.
    QTest::newRow("very least") << u"the very least good"_s << 0.0 << 0.486 << 0.514 << 0.4902;

    // --- "never".
    // "never" 1 before is a plain negation: -1.406.
    QTest::newRow("never") << u"never good"_s << 0.706 << 0.294 << 0.0 << -0.3412;
    // so +0.293 -> 2.193, then "never so" (2 before, 1 before) x1.25 = 2.74125;
    // pos 3.74125/5.74125 = 0.6516; compound 2.74125/sqrt(7.51445+15) = 0.57766.
    QTest::newRow("never so") << u"never so good"_s << 0.0 << 0.348 << 0.652 << 0.5777;
    // "never this": 1.9 x1.25 = 2.375; pos 3.375/5.375 = 0.6279;
    // compound 2.375/sqrt(5.640625+15) = 0.52282.
    QTest::newRow("never this") << u"never this good"_s << 0.0 << 0.372 << 0.628 << 0.5228;
    // very +0.293, so (booster 2 before) +0.27835 -> 2.47135, then "never" 3 before with "so"
    // 2 before: x1.25 = 3.0891875; pos 4.0891875/7.0891875 = 0.5768;
    // compound 3.0891875/sqrt(9.54308+15) = 0.62361.
    QTest::newRow("never so at distance 3") << u"never so very good"_s << 0.0 << 0.423 << 0.577 << 0.6236;
    // At k=3 the rule also fires for "so"/"this" 1 before, with no "never":
    // (1.9 + 0.293) x1.25 = 2.74125; pos 3.74125/6.74125 = 0.5550.
    QTest::newRow("so 1 before with 3 tokens before") << u"It is so good"_s << 0.0 << 0.445 << 0.555 << 0.5777;
    // Without 3 tokens before, only the booster: 2.193 (as "very good").
    QTest::newRow("so 1 before at the start") << u"so good"_s << 0.0 << 0.238 << 0.762 << 0.4927;

    // --- "without doubt".
    // doubt -1.5 negated by "without" 1 before: 1.11; good: "without doubt" 2/1 before leaves
    // it 1.9. v = [0, 1.11, 1.9]: P 5.01, n 1, total 6.01: pos 0.8336;
    // compound 3.01/sqrt(9.0601+15) = 0.61363.
    QTest::newRow("without doubt") << u"without doubt good"_s << 0.0 << 0.166 << 0.834 << 0.6136;
    // k=3: "without" 3 before, "doubt" 1 before: good stays 1.9; doubt has "without" 2 before
    // (not "without doubt"): -1.5 * N = 1.11. v = [0,0,1.11,1.9]: total 7.01: pos 0.7147.
    QTest::newRow("without a doubt") << u"without a doubt good"_s << 0.0 << 0.285 << 0.715 << 0.6136;
    // "without" alone is a negation word: -1.406.
    QTest::newRow("without") << u"without good"_s << 0.706 << 0.294 << 0.0 << -0.3412;

    // --- "kind of" / "sort of".
    // "kind" followed by "of" is 0 (not its 2.4); good gets the "kind of" dampener in the k=3
    // step: 1.9 - 0.293 = 1.607; pos 2.607/7.607 = 0.3427.
    QTest::newRow("kind of") << u"The book was kind of good."_s << 0.0 << 0.657 << 0.343 << 0.3832;
    // Fewer than 3 tokens before good: no k=3 step, so no dampening: 1.9; pos 2.9/4.9.
    QTest::newRow("kind of at the start") << u"kind of good"_s << 0.0 << 0.408 << 0.592 << 0.4404;
    // "kind" not followed by "of" is a lexicon word: 2.4 + 0.293 (so) = 2.693;
    // pos 3.693/4.693 = 0.7869; compound 2.693/sqrt(7.25225+15) = 0.57088.
    QTest::newRow("kind alone") << u"so kind"_s << 0.0 << 0.213 << 0.787 << 0.5709;
    // "sort of" is a two-word dampener: 1.607 as for "kind of".
    QTest::newRow("sort of") << u"The food was sort of good"_s << 0.0 << 0.657 << 0.343 << 0.3832;

    // --- Special cases (only in the k=3 step, so with 3 tokens before).
    // bomb -2.2 -> "the bomb" ending at i: 3. v = [0,0,0,0,3]: pos 4/8 = 0.5;
    // compound 3/sqrt(24) = 0.61237.
    QTest::newRow("special case ending at the word") << u"The movie is the bomb"_s << 0.0 << 0.5 << 0.5 << 0.6124;
    // Too close to the start for the k=3 step: bomb stays -2.2; neg 3.2/4.2 = 0.7619;
    // compound -2.2/sqrt(19.84) = -0.49392.
    QTest::newRow("special case at the start is ignored") << u"the bomb"_s << 0.762 << 0.238 << 0.0 << -0.4939;
    // "bus stop" overrides stop -1.2 with 0.0, which is neutral: every token neutral.
    QTest::newRow("special case to zero") << u"We waited at the bus stop"_s << 0.0 << 1.0 << 0.0 << 0.0;
    // "yeah right" starting at yeah: -2. v = [0,0,0,-2,0]: neg 3/7 = 0.4286;
    // compound -2/sqrt(19) = -0.45883.
    QTest::newRow("special case starting at the word")
        << u"He said that, yeah right"_s << 0.429 << 0.571 << 0.0 << -0.4588;
    // kiss 1.8 -> "kiss of death" starting at it: -1.5; death -2.9 -> same phrase ending at it:
    // -1.5. v = [0,0,0,-1.5,0,-1.5]: N -5, n 4, total 9: neg 0.5556;
    // compound -3/sqrt(24) = -0.61237.
    QTest::newRow("three-word special case") << u"It was the kiss of death"_s << 0.556 << 0.444 << 0.0 << -0.6124;
    // good: "the bomb" 3 and 2 before matches: 3; bomb itself (i=1) stays -2.2.
    // v = [0,-2.2,0,3]: P 4, N -3.2, n 2, total 9.2: neg 0.3478, neu 0.2174, pos 0.4348;
    // compound 0.8/sqrt(15.64) = 0.20229.
    QTest::newRow("special case just before the word") << u"the bomb and good"_s << 0.348 << 0.217 << 0.435 << 0.2023;

    // --- Exclamation and question marks (v = [0,0,0,1.9] unless said).
    // p = 0.292: s = 2.192, compound 2.192/sqrt(19.80486) = 0.49256; P 3.192, total 6.192:
    // pos 0.5155.
    QTest::newRow("exclamation") << u"The food is good!"_s << 0.0 << 0.484 << 0.516 << 0.4926;
    // Six marks count as 4: p = 1.168: s = 3.068, compound 3.068/sqrt(24.41262) = 0.62093;
    // P 4.068, total 7.068: pos 0.5756.
    QTest::newRow("exclamations capped at 4") << u"The food is good!!!!!!"_s << 0.0 << 0.424 << 0.576 << 0.6209;
    // One question mark adds nothing.
    QTest::newRow("one question mark") << u"Is the food good?"_s << 0.0 << 0.508 << 0.492 << 0.4404;
    // Two: p = 0.36: s = 2.26, compound 2.26/sqrt(20.1076) = 0.50400; P 3.26/6.26 = 0.5208.
    QTest::newRow("two question marks") << u"Is the food good??"_s << 0.0 << 0.479 << 0.521 << 0.504;
    // Three: p = 0.54: s = 2.44, compound 2.44/sqrt(20.9536) = 0.53304; P 3.44/6.44 = 0.5342.
    QTest::newRow("three question marks") << u"Is the food good???"_s << 0.0 << 0.466 << 0.534 << 0.533;
    // Four or more: p = 0.96: s = 2.86, compound 2.86/sqrt(23.1796) = 0.59404;
    // P 3.86/6.86 = 0.5627.
    QTest::newRow("five question marks") << u"Is the food good?????"_s << 0.0 << 0.437 << 0.563 << 0.594;
    // Both: p = 0.584 + 0.36 = 0.944: s = 2.844, compound 2.844/sqrt(23.08834) = 0.59188;
    // P 3.844/6.844 = 0.5617.
    QTest::newRow("exclamations and questions") << u"The food is good!!??"_s << 0.0 << 0.438 << 0.562 << 0.5919;
    // Negative: s = -2.5 - 0.584 = -3.084, compound -3.084/sqrt(24.51106) = -0.62292;
    // N -3.5 - 0.584 = -4.084, total 7.084: neg 0.5765.
    QTest::newRow("exclamations on a negative sum") << u"The food is bad!!"_s << 0.577 << 0.423 << 0.0 << -0.6229;
    // s = 0: no emphasis anywhere, all neutral.
    QTest::newRow("punctuation without sentiment") << u"Is it food?!?!"_s << 0.0 << 1.0 << 0.0 << 0.0;
    // v = [1.9, 0, -1.9, 0]: s = 0 so compound 0; P 2.9 = |N| 2.9, so p goes to neither:
    // total 7.8: pos = neg = 0.3718, neu 0.2564.
    QTest::newRow("punctuation with a tie") << u"Good food, aggravated staff!"_s << 0.372 << 0.256 << 0.372 << 0.0;

    // --- Emoji.
    // -> "grinning face": v = [1.5, 0]: pos 2.5/3.5 = 0.7143; compound 1.5/sqrt(17.25) = 0.36116.
    QTest::newRow("emoji") << u"\U0001F600"_s << 0.0 << 0.286 << 0.714 << 0.3612;
    // -> "good grinning face" (space added after a non-space): v = [1.9, 1.5, 0]: P 5.4, n 1,
    // total 6.4: pos 0.8438; compound 3.4/sqrt(26.56) = 0.65973.
    QTest::newRow("emoji after a word") << u"good\U0001F600"_s << 0.0 << 0.156 << 0.844 << 0.6597;
    // -> "grinning facegood": nothing is added after the description, v = [1.5, 0].
    QTest::newRow("emoji before a word") << u"\U0001F600good"_s << 0.0 << 0.286 << 0.714 << 0.3612;
    // -> "The food crying face": v = [0,0,-2.1,0]: neg 3.1/6.1 = 0.5082;
    // compound -2.1/sqrt(19.41) = -0.47666.
    QTest::newRow("emoji after a space") << u"The food \U0001F622"_s << 0.508 << 0.492 << 0.0 << -0.4767;

    // --- White space and several sentences.
    // A no-break space separates tokens (Python's str.split()): v = [1.9, 0]: pos 2.9/3.9.
    QTest::newRow("no-break space separates") << u"good\u00A0food"_s << 0.0 << 0.256 << 0.744 << 0.4404;
    // v = [0,0,0,1.9,0,0,0,-2.5], p = 0.292: s = -0.6 - 0.292 = -0.892,
    // compound -0.892/sqrt(15.795664) = -0.22444; P 2.9 < |N| 3.5, N -3.792, n 6,
    // total 12.692: neg 0.2988, neu 0.4727, pos 0.2285.
    QTest::newRow("two sentences") << u"The food was good. The service was bad!"_s << 0.299 << 0.473 << 0.228
                                   << -0.2244;
    // good: "not" 1 before -> -1.406; rude -2.0 with VERY in caps 1 before: -0.293 - 0.733
    // -> -3.026; "But" halves those (-0.703, -1.513) and great 3.1 after it x1.5 = 4.65;
    // p = 0.584. s = 2.434 + 0.584 = 3.018, compound 3.018/sqrt(24.108324) = 0.61466;
    // P 5.65 + 0.584 = 6.234, N -4.216, n 12, total 22.45: neg 0.1878, neu 0.5345, pos 0.2777.
    QTest::newRow("paragraph") << u"The food was not good. The staff was VERY rude!! But the dessert was great."_s
                               << 0.188 << 0.535 << 0.278 << 0.6147;
}

void TestVader::score()
{
    QFETCH(QString, text);
    QFETCH(double, neg);
    QFETCH(double, neu);
    QFETCH(double, pos);
    QFETCH(double, compound);

    // Exact after rounding: both sides are then the double nearest the same decimal.
    const geo::SentimentScores scores = geo::Vader::rounded(geo::Vader::instance().score(text));
    QCOMPARE(scores.neg, neg);
    QCOMPARE(scores.neu, neu);
    QCOMPARE(scores.pos, pos);
    QCOMPARE(scores.compound, compound);
}

void TestVader::rounded_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<double>("threeDecimals");
    QTest::addColumn<double>("fourDecimals");

    // Exact binary ties go to even: 0.0625 and 0.1875 are exact, 0.03125 too.
    QTest::newRow("tie to even, down") << 0.0625 << 0.062 << 0.0625;
    QTest::newRow("tie to even, up") << 0.1875 << 0.188 << 0.1875;
    QTest::newRow("negative tie") << -0.0625 << -0.062 << -0.0625;
    QTest::newRow("four-decimal tie") << 0.03125 << 0.031 << 0.0312;
    // Not ties in binary: 1.0005 is stored as 1.000499999..., 0.0005 as 0.000500000...01,
    // 0.12345 as 0.1234500...04, 0.99995 as 0.99995000...06.
    QTest::newRow("just below half") << 1.0005 << 1.0 << 1.0005;
    QTest::newRow("just above half") << 0.0005 << 0.001 << 0.0005;
    QTest::newRow("four decimals, above half") << 0.12345 << 0.123 << 0.1235;
    QTest::newRow("four decimals, carry") << 0.99995 << 1.0 << 1.0;
}

void TestVader::rounded()
{
    QFETCH(double, value);
    QFETCH(double, threeDecimals);
    QFETCH(double, fourDecimals);

    const geo::SentimentScores scores = geo::Vader::rounded({value, value, value, value});
    QCOMPARE(scores.neg, threeDecimals);
    QCOMPARE(scores.neu, threeDecimals);
    QCOMPARE(scores.pos, threeDecimals);
    QCOMPARE(scores.compound, fourDecimals);
}

void TestVader::concurrentCallsAgree()
{
    // score() is meant for a thread pool: the same text must give the same numbers everywhere.
    const QString text = u"The food was not good. The staff was VERY rude!! But the dessert was "
                         u"great \U0001F600. It is so good, never this bad???"_s;
    const geo::SentimentScores expected = geo::Vader::instance().score(text);
    std::vector<int> mismatches(4, 0);
    std::vector<std::thread> threads;
    for (std::size_t t = 0; t < mismatches.size(); ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < 2000; ++i) {
                const geo::SentimentScores s = geo::Vader::instance().score(text);
                if (s.neg != expected.neg || s.neu != expected.neu || s.pos != expected.pos
                    || s.compound != expected.compound)
                    ++mismatches[t];
            }
        });
    }
    for (std::thread &thread : threads)
        thread.join();
    for (int count : mismatches)
        QCOMPARE(count, 0);
}

QTEST_APPLESS_MAIN(TestVader)
#include "tst_vader.moc"
