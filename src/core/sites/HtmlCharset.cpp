#include "HtmlCharset.h"

#include "HtmlTagTable.h"

#include <QByteArrayList>
#include <QStringDecoder>

namespace geo::htmlfacts {

namespace {

// A decoder for a declared charset, or none when the page is to be read as UTF-8.
// Labels follow the WHATWG Encoding Standard where it differs from ICU's names.
std::optional<QStringDecoder> decoderFor(QByteArray label)
{
    label = label.trimmed().toLower();
    if (label.isEmpty() || label == "utf-8" || label == "utf8" || label == "unicode-1-1-utf-8"
        || label.startsWith("utf-16")) // a meta tag naming UTF-16 means UTF-8 (spec)
        return std::nullopt;
    static const QByteArrayList windows1252
        = {"latin1", "iso-8859-1", "iso8859-1",    "iso_8859-1",     "l1",         "ascii", "us-ascii", "cp1252",
           "cp819",  "x-cp1252",   "windows-1252", "ansi_x3.4-1968", "iso-ir-100", "ibm819"};
    if (windows1252.contains(label))
        label = "windows-1252";
    else if (label == "gb2312" || label == "gb_2312" || label == "gb_2312-80" || label == "x-gbk" || label == "chinese")
        label = "gbk";
    QStringDecoder decoder(label.constData());
    if (!decoder.isValid())
        return std::nullopt;
    return decoder;
}

} // namespace

QByteArray withoutBom(QByteArray bytes)
{
    if (bytes.startsWith("\xEF\xBB\xBF")) {
        bytes.remove(0, 3);
    } else if (bytes.startsWith("\xFF\xFE") || bytes.startsWith("\xFE\xFF")) {
        QStringDecoder utf16(bytes.startsWith("\xFF\xFE") ? QStringDecoder::Utf16LE : QStringDecoder::Utf16BE);
        bytes = QString(utf16.decode(QByteArrayView(bytes).sliced(2))).toUtf8();
    }
    return bytes;
}

bool isValidUtf8(const QByteArray &bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString decoded = decoder.decode(bytes); // decode() is lazy until converted
    return !decoder.hasError();
}

QByteArray charsetFromContentType(const QString &content)
{
    const QByteArray c = content.toLatin1().toLower();
    qsizetype at = c.indexOf("charset");
    while (at >= 0) {
        qsizetype p = at + 7;
        while (p < c.size() && isHtmlSpace(c.at(p)))
            ++p;
        if (p < c.size() && c.at(p) == '=') {
            ++p;
            while (p < c.size() && isHtmlSpace(c.at(p)))
                ++p;
            if (p < c.size() && (c.at(p) == '"' || c.at(p) == '\'')) {
                const qsizetype close = c.indexOf(c.at(p), p + 1);
                return close < 0 ? QByteArray() : c.mid(p + 1, close - p - 1);
            }
            qsizetype e = p;
            while (e < c.size() && !isHtmlSpace(c.at(e)) && c.at(e) != ';')
                ++e;
            return c.mid(p, e - p);
        }
        at = c.indexOf("charset", p);
    }
    return {};
}

std::optional<QByteArray> decodedAsUtf8(const QByteArray &bytes, QByteArray label)
{
    std::optional<QStringDecoder> decoder = decoderFor(std::move(label));
    if (!decoder)
        return std::nullopt;
    return QString(decoder->decode(bytes)).toUtf8();
}

} // namespace geo::htmlfacts
