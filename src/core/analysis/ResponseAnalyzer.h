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

private:
    Analysis analyzeDocument(const MarkdownDocument &doc, const QList<Citation> &structured) const;

    QList<BrandSpec> m_brands;
    MentionFinder m_finder;
};

} // namespace geo
