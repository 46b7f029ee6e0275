#pragma once

#include <QString>
#include <QStringList>

namespace geo {

// How the set-up form writes lists in one line of text or one item a line: blanks and
// empty items are dropped, as the spec reader would refuse them.
namespace FormText {

QStringList splitCommas(const QString &text); // aliases, domains
QString joinCommas(const QStringList &items);
QStringList splitLines(const QString &text); // topics, prompts
QString joinLines(const QStringList &items);

} // namespace FormText

} // namespace geo
