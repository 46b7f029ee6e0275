#include "Redaction.h"

#include <QRegularExpression>

namespace geo {

using namespace Qt::StringLiterals;

QString redactSecrets(QString text, const QByteArray &key, SecretShapes shapes)
{
    const QString redacted = u"[redacted]"_s;
    if (!key.isEmpty())
        text.replace(QString::fromUtf8(key), redacted);
    if (shapes == SecretShapes::KeyOnly)
        return text;
    static const QRegularExpression bearer(u"\\b(Bearer|Basic)\\s+[A-Za-z0-9._~+/=-]{8,}"_s,
                                           QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression keyLike(u"\\b(sk|pk|rk)-[A-Za-z0-9_-]{8,}|\\bAIza[A-Za-z0-9_-]{20,}"_s);
    text.replace(bearer, u"\\1 "_s + redacted);
    text.replace(keyLike, redacted);
    return text;
}

} // namespace geo
