#pragma once

#include <QByteArray>
#include <QString>

namespace geo {

// What a page says about itself, read with gumbo.
struct HtmlFacts
{
    QString title;

    static HtmlFacts parse(const QByteArray &html);
};

} // namespace geo
