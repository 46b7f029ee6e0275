#pragma once

#include "Engine.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace geo {

// An answer collected by hand from an engine with no API (the ChatGPT app, AI Overviews).
struct ImportedAnswer
{
    int line = 0; // where it starts in the file, 1-based
    QString prompt;
    QString engine;
    int sample = 0; // 1-based; the next free one when the file gives none
    QString answer;
    QString model;
    QList<Citation> citations;
};

// Reads answers from CSV (a header naming prompt, engine, answer and optionally sample,
// model, citations) or JSON lines with the same keys. Bad rows are reported by line number
// and left out; good rows are kept.
class AnswerFile final
{
public:
    QList<ImportedAnswer> answers;
    QStringList problems;

    static AnswerFile read(const QString &path);
    static AnswerFile parseCsv(const QByteArray &data);
    static AnswerFile parseJsonLines(const QByteArray &data);

    static constexpr qint64 MaxFileBytes = 512 * 1024 * 1024;
    static constexpr qsizetype MaxAnswerChars = 8 * 1024 * 1024;

private:
    void add(ImportedAnswer answer, const QString &citations);
    void addCitation(ImportedAnswer &answer, const QString &url);
    void numberSamples();
};

} // namespace geo
