#pragma once

#include <QByteArray>
#include <QString>

namespace geo {

enum class SecretShapes {
    KeyOnly,         // the key in use, as it is
    KeyAndBearerLike // and anything shaped like a bearer token or an API key
};

// A text a server sent, with the key in use (and, by default, anything shaped like a token:
// "Bearer …", "sk-…", "AIza…") replaced by "[redacted]", so that no key is stored, shown or
// exported when a server or proxy echoes the request in its error.
QString redactSecrets(QString text, const QByteArray &key, SecretShapes shapes = SecretShapes::KeyAndBearerLike);

} // namespace geo
