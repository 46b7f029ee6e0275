#pragma once

#include "Citations.h"
#include "MentionFinder.h"
#include "model/Analysis.h"
#include "model/Answer.h"
#include "model/AuditSpec.h"

#include <QList>

#include <optional>

namespace geo {

class MarkdownDocument;

// A pure, deterministic function of (answer, spec): holds no locks and shares nothing
// mutable, so the analysis pool runs it on any thread.
class ResponseAnalyzer final
{
public:
    explicit ResponseAnalyzer(const AuditSpec &spec);

    Analysis analyze(const QString &answer, const QList<Citation> &structured) const;
    // The same from the answer's UTF-8, which is all its Markdown parser reads: a long answer
    // waiting for its analysis is held at half the size of its UTF-16.
    Analysis analyzeUtf8(const QByteArray &answer, const QList<Citation> &structured) const;

    // A candidate brand name from the start of a list item or row: its leading bold text, or
    // the text before the first ":" or " - " / " – "; a capitalised name of at most five words.
    static QString candidateName(const QString &entryText, const QString &lead);

private:
    Analysis analyzeDocument(const MarkdownDocument &doc, const QList<Citation> &structured) const;

    QList<BrandSpec> m_brands;
    MentionFinder m_finder;
};

} // namespace geo
