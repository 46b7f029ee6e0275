#pragma once

#include "store/AuditRecords.h"

#include <QCoreApplication>

class QTextDocument;

namespace geo {

// An answer as the answers page reads it: its Markdown rendered, the tracked brands the
// analysis found in it marked where they stand, and below it what was asked of which
// engine and the citations it gave.
class AnswerText final
{
    Q_DECLARE_TR_FUNCTIONS(AnswerText)
public:
    static void render(QTextDocument *document, const AnswerRow &answer);
};

} // namespace geo
