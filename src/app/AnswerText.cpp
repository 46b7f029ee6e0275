#include "AnswerText.h"

#include <QTextCursor>
#include <QTextDocument>

namespace geo {

using namespace Qt::StringLiterals;

void AnswerText::render(QTextDocument *document, const AnswerRow &a)
{
    document->setMarkdown(a.answer);
    QTextCharFormat mark; // a highlighter's yellow, with dark text on any palette
    mark.setBackground(QColor(0xff, 0xe0, 0x82));
    mark.setForeground(QColor(0x20, 0x20, 0x20));
    for (const QString &brand : a.mentioned)
        for (QTextCursor found = document->find(brand, 0, QTextDocument::FindWholeWords); !found.isNull();
             found = document->find(brand, found, QTextDocument::FindWholeWords))
            found.mergeCharFormat(mark);
    QTextCursor end(document);
    end.movePosition(QTextCursor::End);
    QString cited;
    for (const QString &url : a.citations)
        cited += u"<li><a href=\"%1\">%2</a></li>"_s.arg(url.toHtmlEscaped(), url.toHtmlEscaped());
    const QString heading = tr("%1 · %2 · sample %3").arg(a.engine, a.prompt).arg(a.sample).toHtmlEscaped();
    end.insertHtml(u"<hr><p><b>%1</b></p>"_s.arg(heading)
                   + (a.citations.isEmpty() ? u"<p>%1</p>"_s.arg(tr("No citations."))
                                            : u"<p>%1</p><ul>%2</ul>"_s.arg(tr("Citations:"), cited)));
}

} // namespace geo
