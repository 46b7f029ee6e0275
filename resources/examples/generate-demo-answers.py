#!/usr/bin/env python3
"""Generate the recorded answers of GEO Audit's offline demo audit.

Writes demo-answers-gpt.jsonl and demo-answers-claude.jsonl next to this script: the 12
prompts of the demo audit, 8 samples each, per engine. Answers are assembled from the
hand-written blocks below so that the samples of one prompt differ the way repeated samples
of a real engine do: brands left out, different orders, lengths, formats and verdicts.

Every brand and site is fictional and uses the reserved .example TLD. The output depends
only on SEED. Standard library only:  python3 generate-demo-answers.py

Afterwards the script checks that every cited URL has a recorded response under
demo-sites/<host>/manifest.json and prints how often each tracked brand is mentioned.
"""
import json
import random
import re
import sys
from pathlib import Path
from urllib.parse import urlsplit

SEED = 2026
SAMPLES = 8
HERE = Path(__file__).resolve().parent

PROMPTS = [  # (topic, exact prompt text); the topic keys the building blocks below
    ("team", "What is the best CRM for a 10-person sales team?"),
    ("setup", "Which CRM is easiest to set up for a small business?"),
    ("realestate", "What are the top CRM tools for real estate agents in 2026?"),
    ("budget", "Recommend an affordable CRM for a startup with a tight budget."),
    ("pipeline", "What CRM has the best sales pipeline management features?"),
    ("email", "Which CRM integrates best with Gmail and Outlook?"),
    ("alternatives", "What are good alternatives to Pipewise?"),
    ("versus", "Brightlane CRM vs Clientory: which is better for a small agency?"),
    ("worth", "Is Brightlane CRM worth it?"),
    ("choose", "How do I choose a CRM for a small B2B company?"),
    ("mobile", "Which CRM has the best mobile app for field sales reps?"),
    ("support", "What CRM do you recommend for managing customer support and sales together?"),
]

ENGINES = {
    # latency = base + per output token, clamped; cite_rate = share of answers with structured citations
    "gpt": dict(model="gpt-4o-mini-2024-07-18", finish="stop", ms=(700, 7.0), clamp=(1500, 6000), cite_rate=0.6),
    "claude": dict(model="claude-3-5-haiku-20241022", finish="end_turn", ms=(1500, 10.0), clamp=(2500, 9000),
                   cite_rate=0.18),
}

TRACKED = ["pipewise", "brightlane", "clientory", "salesnest", "relata"]
UNTRACKED = ["zendora", "kinetic", "orbit", "funnelforge"]

# How many of the 8 samples of a prompt name each tracked brand, and how many are generic
# advice naming none. Jittered by ±1 per engine. Prompts 7-9 name a tracked brand.
#            generic, pipewise, brightlane, clientory, salesnest, relata
PLAN = {
    "team":         (0, 8, 5, 6, 4, 3),
    "setup":        (0, 7, 6, 5, 4, 2),
    "realestate":   (0, 7, 2, 4, 5, 6),
    "budget":       (0, 7, 6, 5, 4, 2),
    "pipeline":     (0, 8, 4, 4, 3, 3),
    "email":        (0, 7, 6, 6, 3, 2),
    "alternatives": (0, 8, 5, 7, 5, 4),
    "versus":       (0, 2, 8, 8, 1, 1),
    "worth":        (0, 4, 8, 4, 1, 1),
    "choose":       (5, 3, 2, 3, 2, 1),
    "mobile":       (1, 6, 2, 4, 6, 2),
    "support":      (1, 6, 4, 6, 3, 4),
}
# Brands named in every sample of the branded prompts.
FIXED = {"alternatives": {"pipewise"}, "versus": {"brightlane", "clientory"}, "worth": {"brightlane"}}

# Where engines tend to list each brand for a topic (higher comes first, before noise).
PREF = {
    "team":         dict(pipewise=3.0, clientory=2.5, brightlane=1.5, salesnest=1.6, relata=1.2),
    "setup":        dict(brightlane=2.5, pipewise=2.6, clientory=1.6, salesnest=1.7, relata=0.8),
    "realestate":   dict(relata=3.0, salesnest=2.5, pipewise=2.0, clientory=1.6, brightlane=0.8),
    "budget":       dict(brightlane=2.3, salesnest=2.3, clientory=2.2, pipewise=1.9, relata=1.0),
    "pipeline":     dict(pipewise=3.4, clientory=2.1, relata=2.0, brightlane=1.3, salesnest=1.3),
    "email":        dict(brightlane=2.3, clientory=2.7, pipewise=2.5, salesnest=1.0, relata=1.0),
    "alternatives": dict(clientory=2.6, brightlane=2.0, salesnest=1.8, relata=1.6),
    "choose":       dict(pipewise=2.5, clientory=2.2, brightlane=1.8, salesnest=1.2, relata=1.0),
    "mobile":       dict(salesnest=3.2, pipewise=2.5, clientory=2.0, relata=1.2, brightlane=0.9),
    "support":      dict(clientory=3.3, relata=2.2, pipewise=1.9, brightlane=1.5, salesnest=1.0),
}

# Brands. names[0] is the canonical name, later ones are aliases engines also use. pros and
# cons are noun phrases, notes whole sentences ({n} name, {p} possessive); each is tagged with
# the topics it suits, "*" meaning any.
BRANDS = {
    "pipewise": dict(
        names=["Pipewise"], short="Pipewise", price="from $19/user/month (Advanced $39, Professional $59)",
        price_short="$19/user/mo",
        what=["a pipeline-first CRM built around a visual, drag-and-drop deal board",
              "a sales-focused CRM that keeps every deal stage in view",
              "one of the most popular CRMs for small sales teams, known for its pipeline view"],
        best_for={"*": "pipeline-driven sales teams", "team": "teams of 5-50 reps who live in their pipeline",
                  "setup": "teams that want a working pipeline on day one",
                  "realestate": "agents who think in deals rather than contacts",
                  "budget": "startups that expect to scale their sales team quickly",
                  "pipeline": "deal tracking and forecasting", "email": "logging email from the deal view",
                  "mobile": "reps who update deals between meetings",
                  "support": "sales-led teams that handle support elsewhere"},
        pros=[("*", "a clean, visual pipeline that reps actually keep up to date"),
              ("pipeline team", "drag-and-drop deal stages with weighted forecasting"),
              ("pipeline team alternatives", "workflow automation for follow-ups and task creation"),
              ("*", "a large marketplace of 400+ integrations"),
              ("email", "two-way email sync with open and click tracking"),
              ("mobile", "a well-rated mobile app with call logging"),
              ("setup", "sensible default stages, so you can start in an afternoon")],
        cons=[("*", "pricing that climbs quickly once you need automation and forecasting"),
              ("*", "thin contact management and marketing features"),
              ("budget", "the lack of a free plan (there is only a 14-day trial)"),
              ("support realestate", "the lack of a built-in help desk"),
              ("alternatives", "key features locked behind the Professional tier")],
        notes=[("team pipeline", "{n} is the safe default for a sales team of that size: reps pick it up quickly and "
                                 "managers get a reliable forecast."),
               ("*", "{p} automation builder is genuinely good, but the best parts sit on the $39 and $59 tiers."),
               ("budget", "{n} is not the cheapest option, and the cost adds up fast once you add seats."),
               ("support", "{n} is excellent for deals but weak for support, so you would need a separate help desk."),
               ("mobile", "{p} mobile app is solid for updating deals, though offline support is limited."),
               ("email", "{p} Gmail and Outlook extensions work well, but email templates are limited on the "
                         "Essential plan."),
               ("realestate", "{n} works for agents who think in deals, although it has no listing or transaction "
                              "features."),
               ("pipeline", "Most Pipewise-based teams say the forecast view is the reason they stay.")],
        switch="if you need stronger automation and forecasting"),
    "brightlane": dict(
        names=["Brightlane CRM", "Brightlane"], short="Brightlane",
        price="free for up to 2 users; Starter $12/user/month, Growth $29/user/month",
        price_short="Free / $12/user/mo",
        what=["a lightweight CRM for small teams that puts fast setup first",
              "a simple, affordable CRM aimed at teams under 25 people",
              "a newer CRM focused on ease of use and clean email integration"],
        best_for={"*": "small teams that want something simple", "setup": "getting up and running in a day",
                  "budget": "tight budgets (the free plan covers 2 users)",
                  "email": "teams that live in Gmail or Outlook",
                  "team": "smaller teams that value simplicity over depth",
                  "versus": "agencies that want quick setup and low cost",
                  "realestate": "solo agents on a budget", "pipeline": "simple pipelines without the overhead",
                  "support": "small teams with light support needs", "mobile": "occasional mobile use"},
        pros=[("setup *", "a guided setup and CSV import that gets most teams live in a day"),
              ("*", "a clean, uncluttered interface"),
              ("email setup worth", "two-way Gmail and Outlook sync with automatic contact capture"),
              ("budget worth", "a free plan for up to 2 users and a $12 Starter tier"),
              ("email", "a sidebar that logs emails and meetings without copy-paste"),
              ("versus worth alternatives", "transparent month-to-month pricing with no onboarding fee"),
              ("pipeline team", "multiple pipelines with custom stages")],
        cons=[("*", "basic reporting with few custom dashboards"),
              ("*", "limited automation on the Starter plan"),
              ("*", "a smaller integration marketplace than the big players"),
              ("mobile realestate worth", "a mobile app without offline mode"),
              ("support versus worth", "the lack of a help desk or ticketing")],
        notes=[("setup", "{n} is probably the quickest to set up: the import wizard maps your spreadsheet columns "
                         "and suggests pipeline stages for you."),
               ("budget", "{n} is a great fit for a tight budget, and the free plan is genuinely usable rather than "
                          "a trial in disguise."),
               ("email", "{p} email sync is one of its strongest points; replies land on the contact record "
                         "automatically."),
               ("*", "{n} is easy to like, but teams that need deep reporting may outgrow it within a year or two."),
               ("mobile", "{p} mobile app is fine for looking up contacts, but it is a weak choice for reps who work "
                          "offline."),
               ("team", "{n} covers the basics well for ten users, though managers may miss advanced forecasting."),
               ("realestate", "{n} can work for a solo agent, but it lacks real-estate-specific features."),
               ("support", "{n} has no ticketing inbox, so it is a weaker pick if support is half the job."),
               ("pipeline", "{p} pipeline view is clean and fast, although forecasting is basic."),
               ("alternatives", "A Brightlane-based setup is usually cheaper than Pipewise for the same number of "
                                "seats.")],
        switch="if you want something simpler and cheaper"),
    "clientory": dict(
        names=["Clientory", "Clientory CRM"], short="Clientory",
        price="free tier for basic contacts; Starter $20/user/month, Professional $50/user/month",
        price_short="Free / $20/user/mo",
        what=["an all-in-one platform that combines a CRM, a shared inbox and a help desk",
              "a CRM suite with built-in ticketing and marketing tools",
              "a broad customer platform that grows from simple CRM to service desk"],
        best_for={"*": "teams that want sales and support in one place",
                  "support": "running sales and support from one customer record",
                  "email": "shared inboxes across Gmail and Outlook",
                  "versus": "agencies that also manage client requests", "team": "teams that want room to grow",
                  "budget": "startups that can live within the free tier",
                  "realestate": "brokerages with an admin team", "mobile": "reps who need customer history on the go",
                  "pipeline": "teams that want pipeline and marketing together"},
        pros=[("support versus *", "a built-in help desk with ticketing and SLAs"),
              ("email support", "a shared team inbox that works with Gmail and Outlook"),
              ("*", "a polished interface with a lot of depth"),
              ("budget", "a free tier that covers basic contact management"),
              ("team pipeline", "solid reporting and dashboards on the Professional plan"),
              ("versus", "client portals and request forms for agency work")],
        cons=[("*", "a steep price jump from Starter to Professional"),
              ("*", "a longer setup than simpler tools"),
              ("budget team", "annual contracts on the higher tiers"),
              ("setup versus", "a crowded interface with more modules than a small team needs")],
        notes=[("support", "{n} is the strongest pick here if you want tickets and deals in one place; support "
                           "agents and reps see the same customer timeline."),
               ("*", "{n} is excellent, but the jump from $20 to $50 per user catches many small teams off guard."),
               ("email", "{n} handles shared inboxes very well, which helps when several people reply to the same "
                         "clients."),
               ("setup", "{n} is not the easiest to set up; expect a week or two to configure it properly."),
               ("versus", "{n} shines for agencies that field client requests, thanks to its help desk and client "
                          "portal."),
               ("budget", "{p} free tier is generous, but you'll likely need Starter as soon as you want automation."),
               ("mobile", "{p} mobile app is good for reading customer history, less so for logging field visits.")],
        switch="if you want a help desk alongside the CRM"),
    "salesnest": dict(
        names=["SalesNest", "Sales Nest"], short="SalesNest", price="Basic $15/user/month, Pro $32/user/month",
        price_short="$15/user/mo",
        what=["a mobile-first CRM designed for field sales teams",
              "a CRM built around route planning and on-site visits",
              "a field sales CRM with a strong iOS and Android app"],
        best_for={"*": "field and outside sales teams", "mobile": "reps who spend the day on the road",
                  "realestate": "agents who spend their day at showings", "team": "teams with outside reps",
                  "budget": "small field teams", "pipeline": "visit-driven pipelines",
                  "setup": "teams that mostly work from their phones", "email": "mobile-heavy teams",
                  "support": "field service teams"},
        pros=[("mobile realestate *", "an excellent mobile app with full offline mode"),
              ("mobile", "route planning, check-ins and GPS visit logging"),
              ("mobile realestate", "business card and document scanning"),
              ("budget", "low per-seat pricing starting at $15"),
              ("setup *", "a short learning curve for reps")],
        cons=[("*", "a dated desktop interface"),
              ("*", "limited reporting outside the Pro plan"),
              ("*", "fewer integrations than mainstream CRMs"),
              ("email", "basic email sync that only logs sent messages"),
              ("support", "the lack of support ticketing")],
        notes=[("mobile", "{n} is the standout for field reps; its offline mode means nothing is lost in a car park "
                          "or a rural area."),
               ("*", "{n} is not the best fit if your team sells mostly over email and video calls."),
               ("realestate", "{n} works well for agents who are out at showings all day and need notes synced from "
                              "their phone."),
               ("team", "{n} makes sense for a 10-person team only if most of the reps are outside sales."),
               ("budget", "{n} is affordable, and the Basic plan already includes the mobile app."),
               ("*", "{p} desktop app feels dated and a bit clunky next to newer tools."),
               ("email", "{p} email integration is the weakest of the group."),
               ("team pipeline", "{p} reporting is a common complaint, and the desktop app feels dated.")],
        switch="if your reps work mostly in the field"),
    "relata": dict(
        names=["Relata", "Relata CRM"], short="Relata", price="Solo $25/month, Team $45/user/month",
        price_short="$25/mo (Solo)",
        what=["a relationship-focused CRM with strong drip campaigns",
              "a customisable CRM popular with real estate agents and agencies",
              "a CRM built around long-term client relationships and follow-up"],
        best_for={"*": "relationship-driven businesses",
                  "realestate": "agents who rely on long-term follow-up and referrals",
                  "support": "service businesses that track client history",
                  "versus": "agencies with long client relationships", "pipeline": "custom, multi-stage deal "
                                                                                   "processes",
                  "team": "teams with long sales cycles", "budget": "solo operators"},
        pros=[("realestate", "transaction pipelines and listing-aware contact records"),
              ("realestate *", "automated drip campaigns and anniversary reminders"),
              ("pipeline *", "highly customisable fields and pipelines"),
              ("support", "a unified client timeline across emails, calls and requests")],
        cons=[("*", "clunky reporting"), ("*", "poor customer service"),
              ("*", "a dated, confusing interface with a steep learning curve"),
              ("budget", "a higher per-seat price than most small-business tools"),
              ("mobile", "a sluggish mobile app that feels like an afterthought")],
        notes=[("* team setup", "{p} reporting is clunky and support is painfully slow, which frustrates teams that "
                                "need quick answers."),
               ("budget email alternatives", "Reviews of {n} mention poor customer service and a confusing reporting "
                                             "module."),
               ("email", "{n} is a weak choice for email-heavy teams; its Outlook add-in is disappointing."),
               ("team setup budget", "{n} is not the best fit for a small team that wants quick results."),
               ("realestate", "{n} is a strong pick for agents because its drip campaigns keep past clients warm for "
                              "years."),
               ("pipeline", "{n} lets you model complex deal stages, but building reports on top of them is awkward."),
               ("support", "{n} is a reasonable middle ground if support means managing relationships rather than "
                           "high-volume tickets."),
               ("mobile", "{n} is a poor choice for field reps; the app is slow and users complain about lost notes."),
               ("*", "Users praise {p} flexibility, although onboarding takes longer than it should."),
               ("realestate", "{p} interface is dated and confusing, but agents put up with it for the follow-up "
                              "automation.")],
        switch="if long-term client follow-up matters most"),
    # Untracked brands: engines name them, the audit may "discover" them.
    "zendora": dict(
        names=["Zendora"], short="Zendora", price="free starter tier; paid plans from $25/user/month",
        price_short="Free / $25/user/mo", topics="team choose alternatives support pipeline",
        what=["an enterprise-leaning suite with a free starter tier", "a broad sales and service suite"],
        best_for={"*": "companies that expect to grow past 50 users"},
        pros=[("*", "a very broad feature set"), ("*", "strong reporting")],
        cons=[("*", "complexity small teams rarely need")],
        notes=[("*", "{n} is powerful, but it can overwhelm a small team.")]),
    "kinetic": dict(
        names=["Kinetic Desk"], short="Kinetic Desk", price="from $18/agent/month", price_short="$18/agent/mo",
        topics="support email", what=["a help desk that added a lightweight CRM", "a support-first tool with basic "
                                                                                  "deal tracking"],
        best_for={"*": "support-heavy teams"},
        pros=[("*", "fast ticket handling"), ("*", "a friendly shared inbox")],
        cons=[("*", "a thin sales pipeline")], notes=[]),
    "orbit": dict(
        names=["Orbit Sales"], short="Orbit Sales", price="from $29/user/month", price_short="$29/user/mo",
        topics="team pipeline email alternatives mobile",
        what=["an outbound-focused CRM with email sequences and a built-in dialer",
              "a prospecting CRM for outbound teams"],
        best_for={"*": "outbound and SDR-heavy teams"},
        pros=[("*", "email sequences and a dialer included"), ("*", "good activity reporting")],
        cons=[("*", "thin account management features")], notes=[]),
    "funnelforge": dict(
        names=["FunnelForge"], short="FunnelForge", price="from $39/month for 3 users", price_short="$39/mo (3 users)",
        topics="budget setup realestate alternatives",
        what=["a marketing automation tool with a built-in CRM", "a funnel builder with simple contact management"],
        best_for={"*": "solo founders who sell through landing pages"},
        pros=[("*", "landing pages and email campaigns in one place"), ("*", "a low price for a three-person team")],
        cons=[("*", "a basic sales pipeline")], notes=[]),
}

# What engines cite: (url, title, topics, owning brand or None).
SOURCES = [
    ("https://crmreviewhub.example/reviews/best-crm-small-business-2026",
     "Best CRM for Small Business in 2026: 14 Tools Tested", "team setup budget pipeline choose email", None),
    ("https://crmreviewhub.example/best-crm-small-business", "Best CRM Software for Small Business",
     "team budget", None),  # old URL, answers with 301
    ("https://crmreviewhub.example/compare/brightlane-vs-clientory",
     "Brightlane CRM vs Clientory (2026): Which Should You Choose?", "versus", None),
    ("https://crmreviewhub.example/reviews/brightlane-crm", "Brightlane CRM Review 2026: Pricing, Pros & Cons",
     "worth setup", None),
    ("https://smbtechjournal.example/blog/how-to-choose-a-crm-b2b", "How to Choose a CRM for a Small B2B Company",
     "choose team", None),
    ("https://smbtechjournal.example/blog/easiest-crm-to-set-up", "The Easiest CRMs to Set Up Without a Consultant",
     "setup", None),
    ("https://salesopsweekly.example/articles/pipeline-management-crm-comparison",
     "Pipeline Management Compared: Five SMB CRMs Put to Work", "pipeline team", None),
    ("https://salesopsweekly.example/articles/pipewise-alternatives", "Seven Pipewise Alternatives for Small Sales "
                                                                      "Teams",
     "alternatives", None),
    ("https://realestatetools.example/guides/best-crm-for-real-estate-agents", "Best CRM for Real Estate Agents "
                                                                               "(2026 Guide)",
     "realestate", None),
    ("https://startupstack.example/tools/crm", "CRM Tools for Startups: Free and Low-Cost Picks", "budget", None),
    ("https://fieldsalesreview.example/mobile-crm-apps-ranked", "Mobile CRM Apps Ranked for Field Sales Reps",
     "mobile", None),
    ("https://supportstackdaily.example/guides/crm-with-help-desk",
     "CRMs With a Built-In Help Desk: What Small Teams Should Know", "support", None),
    ("https://agencyops.example/playbook/choosing-a-crm-for-agencies", "Choosing a CRM for a Small Agency",
     "versus choose", None),
    ("https://brightlane.example/", "Brightlane CRM - Simple CRM for Small Teams", "setup worth versus", "brightlane"),
    ("https://brightlane.example/pricing", "Pricing - Brightlane CRM", "budget worth versus", "brightlane"),
    ("https://docs.brightlane.example/integrations/gmail-and-outlook", "Connect Gmail and Outlook - Brightlane Docs",
     "email", "brightlane"),
    ("https://docs.brightlane.example/getting-started/import-contacts", "Import your contacts - Brightlane Docs",
     "setup", "brightlane"),
    ("https://pipewise.example/pricing", "Pipewise Pricing - Plans for Every Sales Team",
     "budget alternatives team", "pipewise"),
    ("https://pipewise.example/features/pipeline", "Visual Sales Pipeline | Pipewise", "pipeline team", "pipewise"),
    ("https://blog.pipewise.example/guides/sales-pipeline-stages", "How to Set Up Sales Pipeline Stages (With "
                                                                   "Examples)",
     "pipeline", "pipewise"),
    ("https://blog.pipewise.example/2024/05/pipeline-stages", "How to Set Up Sales Pipeline Stages",
     "pipeline", "pipewise"),  # moved post, answers with 301
    ("https://clientory.example/", "Clientory - CRM and Help Desk in One", "support versus email", "clientory"),
    ("https://clientory.example/features/help-desk", "Help Desk | Clientory", "support", "clientory"),
    ("https://salesnest.example/", "SalesNest - The Mobile CRM for Field Sales", "mobile realestate", "salesnest"),
    ("https://salesnest.example/mobile", "SalesNest Mobile App for iOS and Android", "mobile", "salesnest"),
    ("http://relata.example/", "Relata CRM - Relationship Management for Agents and Agencies",
     "realestate support", "relata"),  # http only
    ("http://relata.example/real-estate", "Relata CRM for Real Estate Teams", "realestate", "relata"),
]

GPT_INTRO = {
    "team": ["For a 10-person sales team, you want a CRM that balances pipeline visibility, automation and per-seat "
             "cost. Here are the strongest options:",
             "Here are some of the best CRMs for a sales team of around 10 people, depending on your priorities:",
             "The best CRM for a 10-person team depends on how you sell, but these are consistently strong picks:"],
    "setup": ["If ease of setup is your top priority, these CRMs get small businesses running fastest:",
              "Here are the CRMs that are easiest to set up for a small business, with minimal training or admin:"],
    "realestate": ["Here are the top CRM tools for real estate agents in 2026, based on what agents actually use: "
                   "lead follow-up, transaction tracking and mobile access.",
                   "Real estate agents need strong follow-up automation and good mobile access. These CRMs stand out "
                   "in 2026:"],
    "budget": ["If you're a startup on a tight budget, these CRMs offer the best value:",
               "Here are affordable CRM options that work well for early-stage startups:"],
    "pipeline": ["If pipeline management is your main concern, these CRMs offer the strongest features:",
                 "Here are the CRMs with the best sales pipeline management, from visual deal boards to forecasting:"],
    "email": ["Most modern CRMs connect to Gmail and Outlook, but the depth of the integration varies a lot. These "
              "are the best options:",
              "Here are the CRMs with the best Gmail and Outlook integrations (two-way sync, tracking and sidebar "
              "add-ins):"],
    "alternatives": ["Pipewise is a popular pipeline-focused CRM, but it isn't right for everyone, especially if "
                     "cost or support features matter. Here are good alternatives:",
                     "If Pipewise doesn't fit your needs or budget, here are some solid alternatives:"],
    "mobile": ["For field sales reps, the mobile app matters more than the desktop experience. These CRMs have the "
               "best mobile apps:",
               "Here are the CRMs with the strongest mobile apps for field sales teams:"],
    "support": ["If you want to manage customer support and sales in one place, look for a CRM with a built-in help "
                "desk or shared inbox. Good options:",
                "Here are CRMs that handle both sales and customer support well:"],
}

CLAUDE_INTRO = {
    "team": ["There isn't a single best CRM for every 10-person team; it depends on how your reps sell and how much "
             "admin you're willing to take on. That said, a few tools come up again and again.",
             "For a team of ten, the honest answer is that most mainstream CRMs will work. The differences show up "
             "in pricing, automation and how much your reps will actually enjoy using it."],
    "setup": ["Ease of setup depends partly on how messy your existing data is, but some CRMs are noticeably quicker "
              "to get running than others.",
              "If you don't have a dedicated admin, setup time matters more than feature lists. Here's how I'd think "
              "about it."],
    "realestate": ["Real estate is a bit of a special case, because agents care about long-term follow-up and mobile "
                   "access more than complex pipelines. I can't verify every 2026 pricing change, so treat the "
                   "numbers as approximate.",
                   "For agents, I'd prioritise automated follow-up, a good mobile app and simple transaction "
                   "tracking. A few options stand out."],
    "budget": ["On a tight budget, the best CRM is often the one with a genuinely usable free tier and predictable "
               "per-seat pricing.",
               "It depends on how many seats you need and whether you can live with a free tier for a while, but "
               "here are the options I'd look at first."],
    "pipeline": ["Most CRMs have a pipeline view; what differs is forecasting, automation and how easy it is to keep "
                 "deals up to date.",
                 "\"Best\" depends on how complex your sales process is, but some CRMs are clearly stronger on "
                 "pipeline management than others."],
    "email": ["It depends a little on whether your team is on Gmail, Outlook or a mix of both, but a few CRMs handle "
              "both well.",
              "Almost every CRM claims Gmail and Outlook integration, so the useful question is how deep it goes: "
              "two-way sync, sidebar add-ins and automatic logging."],
    "alternatives": ["Pipewise is strong on pipeline management, but people usually look elsewhere because of price, "
                     "missing support features or a need for something simpler. Which alternative fits depends on "
                     "why you're leaving.",
                     "Good question to ask before renewing. Pipewise does pipelines very well, so the right "
                     "alternative depends on what's pushing you away from it."],
    "mobile": ["For field reps, I'd weigh offline access, fast note-taking and location features above everything "
               "else.",
               "The mobile app is where field sales CRMs really differ, and it's worth testing on the phones your "
               "reps actually use."],
    "support": ["Combining support and sales in one tool makes sense for small teams, but it's worth being clear "
                "about how much support volume you handle.",
                "It depends on your support volume. If you handle a handful of requests a day, a CRM with a shared "
                "inbox is enough; above that you want real ticketing."],
}

HEDGES = ["Pricing changes often, so treat the numbers as approximate and check the vendors' sites.",
          "I don't have live data on every vendor's latest plans, so it's worth confirming details before you commit.",
          "A lot depends on your existing tools and how disciplined your team is about logging activity.",
          "Any of these can work; the bigger risk is picking something your team won't use."]

CRITERIA = {
    "team": ["**Pipeline visibility:** managers should see every deal's stage and next step at a glance.",
             "**Automation:** automatic follow-up tasks save each rep hours a week.",
             "**Per-seat cost:** at 10 users, a $10 difference per seat is $1,200 a year.",
             "**Reporting:** win rates, activity and forecast by rep."],
    "setup": ["**Import tools:** a wizard that maps spreadsheet columns for you.",
              "**Sensible defaults:** ready-made pipeline stages and fields.",
              "**Email sync:** connecting Gmail or Outlook in a few clicks.",
              "**Onboarding help:** live chat or a setup call included in the price."],
    "realestate": ["**Lead capture:** pull leads from your website and listing portals automatically.",
                   "**Drip campaigns:** long-term nurture for buyers who are 6-18 months out.",
                   "**Transaction tracking:** stages from offer to closing, with key dates.",
                   "**Mobile app:** notes and follow-ups straight from showings."],
    "budget": ["**A usable free tier:** not just a 14-day trial.",
               "**Month-to-month billing:** avoid annual contracts until you have traction.",
               "**Predictable pricing:** watch for add-ons that double the per-seat cost.",
               "**Easy export:** so you can switch later without losing data."],
    "pipeline": ["**Custom stages** for each pipeline", "**Weighted forecasting** based on stage probability",
                 "**Stalled-deal alerts** so nothing goes quiet", "**Automation** that creates tasks when deals move"],
    "email": ["**Two-way sync** rather than BCC logging", "**Sidebar add-ins** for Gmail and Outlook",
              "**Open and click tracking**", "**Shared inbox** if several people work the same accounts",
              "**Calendar sync** for meetings"],
    "alternatives": ["**Price at your seat count:** Pipewise gets expensive on the higher tiers.",
                     "**Support features:** Pipewise has no help desk.",
                     "**Migration:** check that deals, notes and activity history import cleanly."],
    "mobile": ["**Offline mode** for areas with poor signal", "**Route planning and check-ins**",
               "**Voice notes and quick logging** after each visit", "**Business card scanning**"],
    "support": ["**Shared inbox and ticketing**", "**One customer timeline** for sales and support",
                "**SLAs and routing** once volume grows", "**A customer portal or knowledge base**"],
}

STEPS = [  # prompt 10: (step, variants)
    ("Map your sales process", ["Write down the stages a deal goes through, from first contact to signed contract, "
                                "and who owns each step.",
                                "Before looking at any tools, sketch how a lead becomes a customer in your business "
                                "and where deals usually stall."]),
    ("List your must-have features", ["Separate must-haves (pipeline, email sync, reporting) from nice-to-haves such "
                                      "as AI assistants or marketing automation.",
                                      "Keep the list short: most small B2B teams need contact and company records, a "
                                      "pipeline, email integration and basic reporting."]),
    ("Check integrations", ["Make sure it connects to the tools you already rely on: Gmail or Outlook, your "
                            "calendar, accounting and your website forms.",
                            "Integrations matter more than feature counts; a CRM that doesn't sync with your inbox "
                            "won't get used."]),
    ("Work out the real cost", ["Compare the price at your expected seat count in two years, not today, and watch "
                                "for add-ons and annual contracts.",
                                "Look beyond the headline price: onboarding fees, paid add-ons and minimum seat "
                                "counts can double the cost."]),
    ("Account for B2B specifics", ["B2B deals involve several contacts per account, so check that the CRM links "
                                   "contacts to companies and tracks multiple stakeholders.",
                                   "Longer sales cycles mean you need reminders, activity history and account-level "
                                   "views, not just a lead list."]),
    ("Run a trial with real data", ["Shortlist two or three tools and run a two-week trial with real deals and at "
                                    "least two of your reps.",
                                    "Import a few hundred real contacts and work live deals in each shortlisted CRM; "
                                    "demo data hides friction."]),
    ("Plan adoption", ["Decide who owns the CRM, which fields are required, and how your weekly pipeline review will "
                       "use it.",
                       "The best CRM is the one your team updates, so agree on a few simple rules and review the "
                       "pipeline in it every week."]),
    ("Check data ownership and security", ["Confirm you can export all of your data, and check permissions, "
                                           "two-factor login and where data is hosted.",
                                           "Ask how you would get your data out if you switched, and whether "
                                           "role-based permissions are on your plan."]),
]

PRO_SENTENCES = ["{n} stands out for {a} and {b}.", "Its strengths are {a} and {b}.", "{n} offers {a}, plus {b}.",
                 "Reviewers tend to praise {a} and {b}."]
CON_SENTENCES = ["The catch with {n} is {c}.", "The main drawback is {c}.", "Watch out for {c}.", "{p} weak spot is "
                                                                                                  "{c}.",
                 "A common complaint about {n} is {c}.", "The downside of {n} is {c}."]


def cap(s):
    return s[:1].upper() + s[1:]


def words(text):
    return sum(1 for t in text.split() if re.search(r"[A-Za-z0-9]", t))


def pick(rng, tagged, topic, k):
    """Up to k texts of (tags, text) pairs: those made for the topic first, then general ones."""
    own = [t for tags, t in tagged if topic in tags.split()]
    general = [t for tags, t in tagged if "*" in tags.split() and t not in own]
    rng.shuffle(own)
    rng.shuffle(general)
    return (own + general)[:k]


def name(rng, b, alias=0.2):
    names = BRANDS[b]["names"]
    return names[-1] if len(names) > 1 and rng.random() < alias else names[0]


def poss(b):
    short = BRANDS[b]["short"]
    return short + ("'" if short.endswith("s") else "'s")


def fill(rng, b, text):
    return text.format(n=name(rng, b), p=poss(b))


def describe(rng, b, topic):
    br = BRANDS[b]
    return dict(
        what=rng.choice(br["what"]), best=br["best_for"].get(topic, br["best_for"]["*"]),
        pros=pick(rng, br["pros"], topic, rng.randint(2, 3)),
        cons=pick(rng, br["cons"], topic, rng.choice([1, 1, 2])),
        note=fill(rng, b, (pick(rng, br["notes"], topic, 1) or [""])[0]), price=br["price"])


def pro_sentence(rng, b, d):
    return rng.choice(PRO_SENTENCES).format(n=name(rng, b), a=d["pros"][0], b=d["pros"][1])


def con_sentence(rng, b, d):
    return rng.choice(CON_SENTENCES).format(n=name(rng, b), p=poss(b), c=d["cons"][0])


def extra(rng, b, d):
    """One or two sentences of opinion about a brand."""
    options = [d["note"], pro_sentence(rng, b, d) + " " + con_sentence(rng, b, d), con_sentence(rng, b, d)]
    return rng.choice([o for o in options if o])


# ---------------------------------------------------------------- GPT-style answers

def gpt_item(rng, style, i, b, topic, mark):
    d, n = describe(rng, b, topic), name(rng, b, 0.1)
    if style == "heading":
        lead = f"{n} is {d['what']}." if rng.random() < 0.6 else cap(d["what"]) + "."
        lines = [f"### {i}. **{n}**", lead + mark]
        if rng.random() < 0.6:
            opinion = d["note"] if d["note"] and rng.random() < 0.6 else con_sentence(rng, b, d)
            lines[-1] += " " + opinion
        lines += ["", f"- **Best for:** {cap(d['best'])}", f"- **Pros:** {cap('; '.join(d['pros']))}",
                  f"- **Cons:** {cap('; '.join(d['cons']))}"]
        if rng.random() < 0.6:
            lines.append(f"- **Pricing:** {cap(d['price'])}")
        return "\n".join(lines)
    if style == "numbered":
        lines = [f"{i}. **{n}** – {cap(d['what'])}.{mark}"]
        lines += [f"   - {cap(p)}" for p in d["pros"]]
        lines += [f"   - Downside: {c}" for c in d["cons"][:1]]
        if rng.random() < 0.5:
            lines.append(f"   - Pricing: {d['price']}")
        return "\n".join(lines)
    return f"{i}. **{n}** – {cap(d['what'])}. Best for {d['best']}. {extra(rng, b, d)}{mark}"


def gpt_table(rng, items, topic):
    head, row = rng.choice([
        ("| CRM | Best for | Starting price |", lambda b, d: [cap(d["best"]), BRANDS[b]["price_short"]]),
        ("| CRM | Key strength | Main drawback | Price |",
         lambda b, d: [cap(d["pros"][0]), cap(d["cons"][0]), BRANDS[b]["price_short"]])])
    lines = ["### Quick comparison" if rng.random() < 0.5 else "**Quick comparison:**", "", head,
             "|" + "---|" * head.count(" | ") + "---|"]
    for b in items:
        lines.append("| " + " | ".join([BRANDS[b]["names"][0]] + row(b, describe(rng, b, topic))) + " |")
    return "\n".join(lines)


def gpt_closer(rng, items, topic):
    if not items:
        return "If you share your team size and budget, I can suggest specific tools to shortlist."
    a = BRANDS[items[0]]["names"][0]
    b = BRANDS[items[1]]["names"][0] if len(items) > 1 else None
    best_b = BRANDS[items[1]]["best_for"].get(topic, BRANDS[items[1]]["best_for"]["*"]) if b else ""
    options = [f"**Recommendation:** For most teams, **{a}** is the best place to start."]
    if b:
        options += [f"**Bottom line:** For most small teams, **{a}** is the strongest all-round choice; **{b}** is "
                    f"the better fit for {best_b}.",
                    f"**Bottom line:** **{a}** is my top pick here, with **{b}** a close second for {best_b}.",
                    f"**Bottom line:** There's no single winner, but **{a}** and **{b}** cover most needs. Shortlist "
                    "both and run a free trial with your own data."]
    out = rng.choice(options)
    if rng.random() < 0.4:
        out += "\n\n" + rng.choice(["If you tell me your budget and must-have integrations, I can narrow it down "
                                    "further.",
                                    "Most of these offer free trials, so test two or three with real data before "
                                    "committing.",
                                    "Want a side-by-side comparison of the top two?"])
    return out


def gpt_list(rng, topic, items, marks):
    parts = [rng.choice(GPT_INTRO[topic])]
    style = rng.choice(["heading", "heading", "numbered", "compact"])
    for i, b in enumerate(items, 1):
        mark = marks.pop(0) if marks and rng.random() < 0.6 else ""
        parts.append(gpt_item(rng, style, i, b, topic, mark))
    if len(items) >= 3 and rng.random() < 0.4:
        parts.append(gpt_table(rng, items, topic))
    if rng.random() < 0.3:
        parts.append("### What to look for\n\n" + "\n".join("- " + c for c in rng.sample(CRITERIA[topic], 3)))
    parts.append(gpt_closer(rng, [b for b in items if b in TRACKED] or items, topic))
    return parts


GENERIC_GOAL = {"mobile": "which CRM app to give field reps", "support": "how to run support and sales in one tool"}


def gpt_generic(rng, topic, items):
    """Advice without naming tracked brands (untracked ones may appear in passing)."""
    parts = ["The right choice depends on your team and budget. Rather than one product, here's what matters most "
             f"when you're deciding {GENERIC_GOAL.get(topic, 'which CRM to pick')}:",
             "\n".join(f"{i}. {c}" for i, c in enumerate(CRITERIA[topic], 1))]
    if items:
        named = " and ".join(f"**{BRANDS[b]['names'][0]}**" for b in items)
        parts.append(f"Tools that are often mentioned here include {named}, but test them against the list above "
                     "before you decide.")
    tips = "\n".join(f"- **{t}:** {rng.choice(v)}" for t, v in (STEPS[3], STEPS[5], STEPS[6]))
    parts.append("### How to decide\n\n" + tips)
    parts.append(rng.choice(HEDGES) + " " + gpt_closer(rng, [], topic))
    return parts


def choose_steps(rng, items, gpt):
    steps = [STEPS[0], STEPS[1], *rng.sample(STEPS[2:5], 2), STEPS[5], *rng.sample(STEPS[6:], 1)]
    if rng.random() < 0.5:
        steps = [s for s in steps if s is not STEPS[1]]
    out = []
    for i, (title, variants) in enumerate(steps, 1):
        text = rng.choice(variants)
        if title.startswith("Run a trial") and items:
            text += " " + shortlist(rng, items, gpt)
        out.append(f"### {i}. {title}\n{text}" if gpt else f"{i}. **{title}.** {text}")
    return out


def shortlist(rng, items, gpt):
    if gpt:
        return "Good candidates for a small B2B team:\n\n" + "\n".join(
            f"- **{name(rng, b)}** – {cap(BRANDS[b]['best_for']['*'])}" for b in items)
    names = [name(rng, b) for b in items]
    listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    return (f"For a small B2B team, {listed} are common starting points, but I'd judge them on your own process "
            "rather than on reviews.")


def gpt_choose(rng, items, marks):
    parts = ["Choosing a CRM for a small B2B company comes down to your sales process, your team and your budget. "
             "Here's a practical step-by-step approach:"]
    parts += choose_steps(rng, items, True)
    if marks:
        parts[1] += marks.pop(0)
    parts.append("**Bottom line:** Pick the simplest CRM that fits your process and that your team will actually "
                 "use; you can always add complexity later.")
    return parts


def gpt_versus(rng, items, marks):
    verdict = rng.choice(["brightlane"] * 4 + ["clientory"] * 2 + ["depends"] * 2)
    intro = rng.choice(["Both Brightlane CRM and Clientory work well for small agencies, but they're built for "
                        "different priorities.",
                        "Here's how Brightlane CRM and Clientory compare for a small agency:"])
    parts = [intro + (marks.pop(0) if marks else "")]
    for b in ("brightlane", "clientory"):
        d = describe(rng, b, "versus")
        parts.append(f"### **{BRANDS[b]['names'][0]}**\n{cap(d['what'])}. {d['note']}\n\n"
                     f"- **Strengths:** {cap('; '.join(d['pros']))}\n- **Weaknesses:** {cap('; '.join(d['cons']))}\n"
                     f"- **Pricing:** {cap(d['price'])}")
    rows = [("Starting price", "$12/user/mo (free for 2 users)", "$20/user/mo (free tier)"),
            ("Setup time", "About a day", "1-2 weeks"),
            ("Client requests / ticketing", "No", "Yes, built-in help desk"),
            ("Reporting", "Basic", "Strong on Professional"),
            ("Email integration", "Excellent two-way sync", "Shared team inbox"),
            ("Client portal", "No", "Yes")]
    if rng.random() < 0.7:
        rows = rng.sample(rows, rng.randint(4, 6))
        body = "\n".join(f"| {' | '.join(r)} |" for r in rows)
        parts.append("| Feature | Brightlane CRM | Clientory |\n|---|---|---|\n" + body)
    parts.append("**Which should you choose?**\n\n- Choose **Brightlane CRM** if you mainly need a simple, "
                 "affordable way to track leads and projects.\n"
                 "- Choose **Clientory** if you also handle ongoing client requests and want them in the same system.")
    others = [b for b in items if b not in FIXED["versus"]]
    if others:
        alts = " or ".join(f"**{name(rng, b)}** ({BRANDS[b]['switch']})" for b in others)
        parts.append(f"If neither feels right, {alts} is worth a look.")
    parts.append({
        "brightlane": "**Bottom line:** For most small agencies, **Brightlane CRM** is the better choice: it's "
                      "cheaper, faster to set up and covers clients and deals without extra complexity.",
        "clientory": "**Bottom line:** If your agency handles ongoing client requests, **Clientory** is the better "
                     "long-term platform despite the higher price.",
        "depends": "**Bottom line:** Neither is strictly better. Brightlane CRM is the value pick and Clientory the "
                   "more complete platform; your support workload should decide."}[verdict])
    return parts


WORTH_VERDICT = [
    ("yes", "**Short answer:** Yes, for most small teams that want a simple, affordable CRM, Brightlane CRM is worth "
            "it. It's less compelling if you need advanced reporting or a help desk."),
    ("yes", "**Short answer:** For small businesses, usually yes. Brightlane offers excellent value and one of the "
            "easiest setups around, as long as your needs stay fairly simple."),
    ("mixed", "**Short answer:** It can be, but it depends on what you need. Brightlane is great value for basic "
              "contact and pipeline management, yet teams with complex sales processes often outgrow it."),
    ("no", "**Short answer:** Probably not, if you need advanced automation or deep reporting. Brightlane CRM is "
           "good for simplicity but limited once your process gets complex."),
]


def gpt_worth(rng, items, marks):
    kind, verdict = rng.choice(WORTH_VERDICT[:2] * 2 + WORTH_VERDICT[2:])
    br = BRANDS["brightlane"]
    pros = pick(rng, br["pros"], "worth", rng.randint(3, 4))
    cons = pick(rng, br["cons"], "worth", rng.randint(2, 3))
    parts = [verdict + (marks.pop(0) if marks else ""),
             "### What Brightlane CRM does well\n" + "\n".join(f"- {cap(p)}" for p in pros),
             "### Where it falls short\n" + "\n".join(f"- {cap(c)}" for c in cons)]
    if rng.random() < 0.7:
        parts.append("### Pricing\n- **Free:** up to 2 users\n- **Starter:** $12/user/month\n- **Growth:** "
                     "$29/user/month (automation, custom reports)")
    parts.append("### Who it's best for\n" + rng.choice([
        "Small teams (2-15 people) that want a CRM running this week, mostly work from Gmail or Outlook, and don't "
        "need complex automation.",
        "Agencies, consultancies and small B2B teams whose sales process fits in one or two pipelines."]))
    others = [b for b in items if b != "brightlane"]
    if others:
        parts.append("### Alternatives to consider\n" + "\n".join(
            f"- **{name(rng, b)}** – {BRANDS[b]['switch']}" for b in others))
    parts.append({"yes": "**Verdict:** Worth it for small teams that value simplicity and price. Start on the free "
                         "plan and upgrade only when you hit its limits.",
                  "mixed": "**Verdict:** Try the free plan first; if reporting or automation feel limiting within a "
                           "month, look elsewhere.",
                  "no": "**Verdict:** Good product, wrong fit for complex sales teams. Consider it only if "
                        "simplicity matters more than depth."}[kind])
    return parts


# ---------------------------------------------------------------- Claude-style answers

PROSE_OPENERS = ["{n} is {what}, which makes it a good fit for {best}.", "Another option is {n}, {what}.",
                 "I'd also look at {n}. It's {what}.", "{n} takes a different approach: it's {what}.",
                 "{n} is worth considering too; it's {what}."]


def claude_items(rng, topic, items):
    style = rng.choice(["bold", "bold", "dash", "prose", "numbered"])
    shift = rng.randrange(len(PROSE_OPENERS))
    out = []
    for i, b in enumerate(items, 1):
        d, n = describe(rng, b, topic), name(rng, b, 0.25)
        if style == "bold":
            out.append(f"- **{n}**: {cap(d['what'])}. {extra(rng, b, d)}")
        elif style == "dash":
            out.append(f"- {n} - {d['what']}, best for {d['best']}. {extra(rng, b, d)}")
        elif style == "numbered":
            out.append(f"{i}. **{n}** – {cap(d['what'])}. {extra(rng, b, d)}")
        elif i == 1:
            out.append(f"{n} is probably the most common recommendation here. It's {d['what']}, and it suits "
                       f"{d['best']}. {extra(rng, b, d)}")
        else:
            opener = PROSE_OPENERS[(shift + i) % len(PROSE_OPENERS)]  # no opener twice in a row
            out.append(opener.format(n=n, what=d["what"], best=d["best"]) + " " + extra(rng, b, d))
    if style in ("bold", "dash", "numbered"):
        return ["\n".join(out)]
    return out


def claude_table(rng, items, topic):
    rows = []
    for b in items:
        d = describe(rng, b, topic)
        rows.append(f"| {BRANDS[b]['names'][0]} | {cap(d['pros'][0])} | {cap(d['cons'][0])} |")
    return "| Tool | Strengths | Watch out for |\n|---|---|---|\n" + "\n".join(rows)


def claude_closer(rng, items):
    names = [BRANDS[b]["short"] for b in items if b in TRACKED][:2]
    options = ["My suggestion: shortlist two, run a two-week trial with a couple of your reps, and let adoption "
               "decide.",
               "Happy to narrow this down if you share your budget or the tools you already use."]
    if len(names) == 2:
        options += [f"If I were in your position, I'd suggest trialling {names[0]} and {names[1]} side by side for "
                    "two weeks with real deals, and picking the one your team keeps updating without being reminded.",
                    f"I'd start with {names[0]}, and keep {names[1]} as the fallback if it doesn't click with your "
                    "team."]
    return rng.choice(options)


def claude_list(rng, topic, items):
    parts = [rng.choice(CLAUDE_INTRO[topic])]
    lead = rng.choice([None, None, "Here are the options I'd look at:", "The ones I'd shortlist:", "**Options worth "
                                                                                                   "considering:**"])
    if rng.random() < 0.3:
        parts.append("A few things matter most here:\n\n" + "\n".join("- " + c for c in rng.sample(CRITERIA[topic], 3)))
        lead = lead or "With that in mind:"  # keeps the two lists apart
    parts += ([lead] if lead else []) + claude_items(rng, topic, items)
    if len(items) >= 3 and rng.random() < 0.2:
        parts.append(claude_table(rng, items, topic))
    if rng.random() < 0.6:
        parts.append(rng.choice(HEDGES))
    parts.append(claude_closer(rng, items))
    return parts


def claude_generic(rng, topic, items):
    parts = [rng.choice(CLAUDE_INTRO[topic]), "Rather than naming a single product, I'd judge any option on a few "
                                              "things:",
             "\n".join("- " + c for c in CRITERIA[topic]),
             f"Then test it properly. {rng.choice(STEPS[5][1])} {rng.choice(STEPS[3][1])} {rng.choice(STEPS[6][1])}"]
    if items:
        parts.append("Tools such as " + " or ".join(BRANDS[b]["names"][0] for b in items)
                     + " come up in this space, though I'd verify their current plans before relying on them.")
    parts.append(rng.choice(HEDGES[2:]) + " If you tell me more about your team, I can be more specific.")
    return parts


def claude_choose(rng, items):
    parts = [rng.choice(["Choosing a CRM is less about finding the best product and more about finding the one your "
                         "team will actually use. I'd approach it in a few steps.",
                         "It depends a lot on your sales cycle and team size, but a simple process avoids most of "
                         "the expensive mistakes."])]
    parts.append("\n".join(choose_steps(rng, items, False)))
    parts.append(rng.choice(["One more tip: don't let the vendor's demo set your requirements. Decide what you need "
                             "first, then look at products.",
                             "If you tell me your team size, deal size and the tools you already use, I can suggest "
                             "a shortlist."]))
    return parts


def claude_versus(rng, items):
    verdict = rng.choice(["brightlane"] * 4 + ["clientory"] * 2 + ["depends"] * 2)
    bl, cl = (describe(rng, b, "versus") for b in ("brightlane", "clientory"))
    parts = ["It depends mainly on one question: does your agency need to manage ongoing client requests, or mostly "
             "new business and projects?",
             f"Brightlane CRM is the simpler of the two. {pro_sentence(rng, 'brightlane', bl)} "
             f"{con_sentence(rng, 'brightlane', bl)}",
             f"Clientory is the broader platform. It's {cl['what']}. {cl['note']} "
             f"{con_sentence(rng, 'clientory', cl)}"]
    if rng.random() < 0.35:
        parts.append("| | Brightlane CRM | Clientory |\n|---|---|---|\n| Starting price | $12/user/mo, free for 2 "
                     "users | $20/user/mo, free tier |\n"
                     "| Setup | About a day | One to two weeks |\n| Help desk | No | Yes |")
    others = [b for b in items if b not in FIXED["versus"]]
    if others:
        parts.append(" ".join(f"It's also worth knowing that {name(rng, b)} is an option {BRANDS[b]['switch']}."
                              for b in others))
    parts.append({
        "brightlane": "For a small agency, I'd lean towards Brightlane: lower cost, faster setup and less to "
                      "maintain. I'd only pick Clientory if client support is a real part of your workload.",
        "clientory": "For most agencies I'd actually lean towards Clientory, because client requests tend to grow "
                     "with the agency and its help desk handles that well. Brightlane is the better pick only if "
                     "budget is the deciding factor.",
        "depends": "Honestly, both are reasonable. I'd suggest trialling both with one real client account for a "
                   "week; the difference in how they feel day to day will make the decision for you."}[verdict])
    return parts


def claude_worth(rng, items):
    kind = rng.choice(["yes", "yes", "yes", "mixed", "mixed", "no"])
    d = describe(rng, "brightlane", "worth")
    parts = [{"yes": "For most small teams, yes. Brightlane CRM does the basics very well and costs less than most "
                     "alternatives.",
              "mixed": "It depends on what you need it for. Brightlane CRM is good value, but it's deliberately "
                       "simple.",
              "no": "For a growing sales team, I'd be cautious. Brightlane CRM is pleasant to use but limited once "
                    "your process gets complex."}[kind],
             f"{pro_sentence(rng, 'brightlane', d)} " + rng.choice(["Most reviewers rate its setup as one of the "
                                                                    "easiest in the category.",
                                                                  "Day to day, it feels quick and uncluttered.",
                                                                  "Paid plans start at $12 per user per month, with "
                                                                  "a free plan for two users."]),
             f"{con_sentence(rng, 'brightlane', d)} Teams that need deep reporting may outgrow it within a year or "
             "two."]
    if rng.random() < 0.5:
        parts.append("It's a good fit if:\n- you have fewer than 15 users\n- you work mostly from Gmail or "
                     "Outlook\n- nobody on the team wants to be a CRM admin")
    others = [b for b in items if b != "brightlane"]
    if others:
        parts.append("If it turns out to be too limited, " + "; ".join(f"{name(rng, b)} is the usual next step "
                                                                       f"{BRANDS[b]['switch']}" for b in others) + ".")
    parts.append(rng.choice(["I'd start on the free plan for a couple of weeks before paying for anything.",
                             "Since there's a free plan, the cheapest way to find out is to try it with real data."]))
    return parts


# ---------------------------------------------------------------- citations

def sources(topic, brands):
    return [s for s in SOURCES if topic in s[2].split() and (s[3] is None or s[3] in brands)]


def inline_link(rng, topic, brands):
    """A Markdown link or bare domain written in a Claude answer, or None."""
    cands = sources(topic, brands)
    if not cands:
        return None
    url, title, _, owner = rng.choice(cands)
    host = urlsplit(url).hostname
    if owner and urlsplit(url).path in ("/", "/pricing"):
        return rng.choice([f"You can check current plans at {host}.", f"For current pricing, see {host}."])
    if owner:
        return f"{BRANDS[owner]['short']} documents this on its own site: [{title}]({url})."
    return rng.choice([f"[{title}]({url}) has a fuller comparison if you want more detail.",
                       f"There's a useful write-up at {host} ([{title}]({url})).",
                       f"For more detail, see [{host}]({url})."])


# ---------------------------------------------------------------- assembly

def plan_samples(rng, topic):
    """For each sample, the tracked brands it names (None for a generic answer)."""
    generic, *counts = PLAN[topic]
    plain = rng.sample(range(SAMPLES), SAMPLES - generic)
    chosen = {s: set() for s in plain}
    for b, k in zip(TRACKED, counts):
        if b in FIXED.get(topic, ()):
            k = len(plain)
        elif 0 < k < len(plain):
            k = max(1, min(len(plain) - 1, k + rng.choice([-1, 0, 0, 1])))
        for s in rng.sample(plain, min(k, len(plain))):
            chosen[s].add(b)
    return [chosen.get(s) for s in range(SAMPLES)]


def order(rng, topic, brands):
    """Tracked brands plus a few untracked ones, in the order the engine lists them."""
    extra_brands = [u for u in UNTRACKED if topic in BRANDS[u]["topics"].split() and rng.random() < 0.35]
    while len(brands) + len(extra_brands) < 3 and topic not in ("versus", "worth", "choose"):
        extra_brands.append(rng.choice([u for u in UNTRACKED if u not in extra_brands]))
    pref = PREF.get(topic, {})
    score = {b: pref.get(b, 1.5) + rng.gauss(0, 0.8) for b in TRACKED if b in brands}  # not set order: hash-seeded
    score.update({u: 0.9 + rng.gauss(0, 0.8) for u in extra_brands})
    return sorted(score, key=score.get, reverse=True)


def answer(engine, topic, brands, rng):
    """(markdown, citations) for one sample; brands is None for a generic answer."""
    if brands is None:
        items = [u for u in UNTRACKED if topic in BRANDS[u]["topics"].split() and rng.random() < 0.5]
        tracked_items = []
    else:
        listed = set(brands) - {"pipewise"} if topic == "alternatives" else set(brands)  # named in the intro
        items = order(rng, topic, listed)
        tracked_items = [b for b in items if b in TRACKED]
    cands = sources(topic, set(brands or ()))
    cites = []
    if cands and rng.random() < ENGINES[engine]["cite_rate"]:
        cites = rng.sample(cands, rng.randint(1, min(4, len(cands))))
    if engine == "gpt":
        marks = [f" [{i}]" for i in range(1, len(cites) + 1)]  # footnotes pointing at the citations
        if topic == "choose":
            parts = gpt_choose(rng, tracked_items, marks)
        elif brands is None:
            parts = gpt_generic(rng, topic, items)
        elif topic == "versus":
            parts = gpt_versus(rng, items, marks)
        elif topic == "worth":
            parts = gpt_worth(rng, items, marks)
        else:
            parts = gpt_list(rng, topic, items, marks)
    else:
        if topic == "choose":
            parts = claude_choose(rng, tracked_items)
        elif brands is None:
            parts = claude_generic(rng, topic, items)
        elif topic == "versus":
            parts = claude_versus(rng, items)
        elif topic == "worth":
            parts = claude_worth(rng, items)
        else:
            parts = claude_list(rng, topic, items)
        link = inline_link(rng, topic, set(tracked_items)) if rng.random() < 0.22 else None
        if link:
            parts.insert(len(parts) - 1, link)
    return "\n\n".join(parts), [{"url": u, "title": t} for u, t, _, _ in cites]


def record(engine, pi, topic, prompt, sample, brands):
    rng = random.Random(f"{SEED}:{engine}:{pi}:{sample}")
    for _ in range(40):  # real answers run 120-450 words; redraw the rare outlier
        text, cites = answer(engine, topic, brands, rng)
        if 120 <= words(text) <= 450:
            break
    cfg = ENGINES[engine]
    tokens_out = round(words(text) * 1.35 * rng.uniform(0.95, 1.08))
    base, per_token = cfg["ms"]
    latency = round(base + per_token * tokens_out * rng.uniform(0.8, 1.3) + rng.gauss(0, 250))
    return {"prompt": prompt, "sample": sample, "model": cfg["model"], "answer": text, "citations": cites,
            "latency_ms": min(max(latency, cfg["clamp"][0]), cfg["clamp"][1]),
            "tokens_in": round(len(prompt.split()) * 1.4 + 10), "tokens_out": tokens_out,
            "finish_reason": cfg["finish"]}


def cited_urls(rec):
    """Structured citations, Markdown links and bare .example domains, as the analyzer sees them."""
    urls = [c["url"] for c in rec["citations"]]
    text = rec["answer"]
    urls += re.findall(r"https?://[^\s)\]]+", text)
    text = re.sub(r"https?://[^\s)\]]+", " ", text)
    urls += ["https://" + h + "/" for h in re.findall(r"\b((?:[a-z0-9-]+\.)+example)\b", text)]
    return urls


def check_sites(records):
    missing = set()
    for rec in records:
        for url in cited_urls(rec):
            parts = urlsplit(url)
            manifest = HERE / "demo-sites" / parts.hostname / "manifest.json"
            paths = json.loads(manifest.read_text()) if manifest.exists() else {}
            for path in {parts.path or "/", "/", "/robots.txt", "/llms.txt"}:
                if path not in paths:
                    missing.add(f"{parts.hostname}{path}")
    return sorted(missing)


def mention_rx(names):
    """Whole-word, case-insensitive; "Brightlane's" and "Pipewise-based" match (see docs/metrics.md)."""
    return re.compile(r"(?<!\w)(" + "|".join(map(re.escape, names)) + r")(?!\w)", re.I)


def summary(engine, records):
    topic_of = {p: t for t, p in PROMPTS}
    non_branded = [r for r in records if topic_of[r["prompt"]] not in FIXED]
    print(f"{engine}: {len(records)} answers, {len(non_branded)} non-branded; mention rate over non-branded (all)")
    for b in TRACKED:
        rx = mention_rx(BRANDS[b]["names"])
        nb = sum(bool(rx.search(r["answer"])) for r in non_branded) / len(non_branded)
        al = sum(bool(rx.search(r["answer"])) for r in records) / len(records)
        print(f"  {BRANDS[b]['names'][0]:<15} {nb:5.0%} ({al:.0%})")
    any_rx = mention_rx([n for b in TRACKED for n in BRANDS[b]["names"]])
    none = sum(not any_rx.search(r["answer"]) for r in non_branded) / len(non_branded)
    cited = sum(bool(r["citations"]) for r in records) / len(records)
    print(f"  {'(no brand)':<15} {none:5.0%}    structured citations on {cited:.0%} of answers")


def main():
    failed = False
    for engine in ENGINES:
        records = []
        for pi, (topic, prompt) in enumerate(PROMPTS):
            plan = plan_samples(random.Random(f"{SEED}:{engine}:{pi}:plan"), topic)
            records += [record(engine, pi, topic, prompt, s + 1, plan[s]) for s in range(SAMPLES)]
        with open(HERE / f"demo-answers-{engine}.jsonl", "w", encoding="utf-8") as f:
            f.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
        summary(engine, records)
        missing = check_sites(records)
        if missing:
            failed = True
            print("  cited but not recorded under demo-sites/: " + ", ".join(missing), file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
