#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace geo::htmlfacts {

// The encoding of a fetched page, so its text reaches gumbo (which reads only UTF-8) as
// UTF-8. HtmlFacts::parse decides the order: a BOM first, then the bytes as UTF-8 when
// they are valid UTF-8, and only then the page's own <meta> declaration.

// The bytes after their byte order mark: a UTF-8 BOM is dropped, UTF-16 (either order) is
// re-encoded as UTF-8; bytes without a BOM come back as they are.
QByteArray withoutBom(QByteArray bytes);

bool isValidUtf8(const QByteArray &bytes);

// The charset named in "text/html; charset=..." (the spec's algorithm, simplified); empty
// when there is none.
QByteArray charsetFromContentType(const QString &content);

// The bytes decoded from the declared charset `label`, as UTF-8; nullopt when the label
// says UTF-8 (or UTF-16, which in a <meta> means UTF-8) or names no charset Qt knows, so
// the bytes are to be read as UTF-8 as they are.
std::optional<QByteArray> decodedAsUtf8(const QByteArray &bytes, QByteArray label);

} // namespace geo::htmlfacts
