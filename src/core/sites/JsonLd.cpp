#include "JsonLd.h"

#include <QByteArrayView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QJsonValue>
#include <QSet>

#include <vector>

namespace geo::htmlfacts {

using namespace Qt::StringLiterals;

namespace {

// Drops token from the front (or back) of v, ignoring white space around it.
bool consume(QByteArrayView &v, QByteArrayView token)
{
    const QByteArrayView t = v.trimmed();
    if (!t.startsWith(token))
        return false;
    v = t.sliced(token.size());
    return true;
}
bool consumeBack(QByteArrayView &v, QByteArrayView token)
{
    const QByteArrayView t = v.trimmed();
    if (!t.endsWith(token))
        return false;
    v = t.chopped(token.size());
    return true;
}

// "<![CDATA[ ... ]]>", "//<![CDATA[ ... //]]>" or "/*<![CDATA[*/ ... /*]]>*/".
bool unwrapCdata(QByteArrayView &json)
{
    QByteArrayView v = json;
    const bool lineComment = consume(v, "//");
    const bool blockComment = !lineComment && consume(v, "/*");
    if (!consume(v, "<![CDATA[") || (blockComment && !consume(v, "*/")))
        return false;
    consumeBack(v, "*/");
    if (!consumeBack(v, "]]>"))
        return false;
    if (!consumeBack(v, "//"))
        consumeBack(v, "/*");
    json = v;
    return true;
}

bool unwrapComment(QByteArrayView &json)
{
    QByteArrayView v = json;
    if (!consume(v, "<!--") || !consumeBack(v, "-->"))
        return false;
    json = v;
    return true;
}

// The block without an envelope around all of it (HTML comment, CDATA section, or both).
// XHTML-era templates still emit them and extractors unwrap them; the JSON inside is
// still parsed strictly.
QByteArray unwrapped(QByteArrayView json)
{
    for (int round = 0; round < 3 && (unwrapComment(json) || unwrapCdata(json)); ++round) { }
    return json.trimmed().toByteArray();
}

// Every @type anywhere in the value, each once; iterative, so nesting costs heap, never stack.
// Depth-first, object members in QJsonObject's order (see JsonLdBlock::types).
QStringList typesIn(const QJsonValue &root)
{
    QStringList types;
    QSet<QString> seen;
    auto add = [&](const QJsonValue &v) {
        const QString t = v.toString().trimmed();
        if (!t.isEmpty() && !seen.contains(t)) {
            seen.insert(t);
            types.append(t);
        }
    };
    std::vector<QJsonValue> stack{root};
    while (!stack.empty()) {
        const QJsonValue value = stack.back();
        stack.pop_back();
        std::vector<QJsonValue> children;
        if (value.isObject()) {
            const QJsonObject object = value.toObject();
            // In a value object ({"@value": ..., "@type": "xsd:date"}) @type is a datatype.
            const QJsonValue type = object.contains("@value"_L1) ? QJsonValue() : object.value("@type"_L1);
            if (type.isString()) {
                add(type);
            } else if (type.isArray()) {
                const QJsonArray array = type.toArray();
                for (const QJsonValue &t : array)
                    add(t);
            }
            for (auto it = object.begin(); it != object.end(); ++it) {
                // @context term definitions use @type for coercion ("@type": "@id").
                if (it.key() != "@context"_L1 && (it.value().isObject() || it.value().isArray()))
                    children.push_back(it.value());
            }
        } else if (value.isArray()) {
            const QJsonArray array = value.toArray();
            for (const QJsonValue &v : array) {
                if (v.isObject() || v.isArray())
                    children.push_back(v);
            }
        }
        stack.insert(stack.end(), children.rbegin(), children.rend());
    }
    return types;
}

} // namespace

JsonLdBlock readJsonLdBlock(const QByteArray &raw)
{
    JsonLdBlock block;
    const QByteArray json = unwrapped(raw);
    if (json.isEmpty()) {
        block.error = u"empty block"_s;
        return block;
    }
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError) {
        block.error = u"%1 at offset %2"_s.arg(error.errorString()).arg(error.offset);
        return block;
    }
    if (!doc.isObject() && !doc.isArray()) {
        block.error = u"not a JSON object or array"_s;
        return block;
    }
    block.valid = true;
    block.types = typesIn(doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(doc.array()));
    return block;
}

} // namespace geo::htmlfacts
