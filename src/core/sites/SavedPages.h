#pragma once

#include "engines/AnswerFile.h"

#include <QString>

namespace geo {

// Answers saved from engines' web pages as HTML, one answer a page, converted to Markdown
// as the clipboard's are (AnswerHtml). A page's prompt and engine come from a sidecar
// PAGE.json ({"prompt", "engine", and optionally "sample", "model"}) or from its name,
// ENGINE__PROMPT.html or ENGINE__PROMPT__SAMPLE.html. Problems name the page.
class SavedPages final
{
public:
    // A folder of pages (each .html or .htm in it, by name), one page, or else an answers
    // file of CSV or JSON lines (AnswerFile::read).
    static AnswerFile read(const QString &path);

    static bool isPage(const QString &path);

    static constexpr int MaxPages = 100000;
};

} // namespace geo
