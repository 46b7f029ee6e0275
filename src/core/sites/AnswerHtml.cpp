#include "AnswerHtml.h"

#include "GumboTree.h"
#include "NestingGuard.h"

#include <QSet>
#include <QUrlQuery>

#include <algorithm>

namespace geo {

using namespace Qt::StringLiterals;

namespace {

enum class Role { Skip, Block, Inline };

Role roleOf(GumboTag tag)
{
    switch (tag) {
    // Page furniture and controls: never part of what the engine answered.
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_INPUT:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_IMG:
    case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_CANVAS:
        return Role::Skip;
    case GUMBO_TAG_HTML:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_P:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_HGROUP:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_FIELDSET:
        return Role::Block;
    default:
        return Role::Inline;
    }
}

bool isSpace(QChar c)
{
    return c == u' ' || c == u'\t' || c == u'\n' || c == u'\r' || c == u'\f' || c == QChar::Nbsp;
}

// Runs of spaces become one; lines are trimmed and blank ones dropped.
QString tidy(const QString &run)
{
    QStringList lines;
    for (const QString &line : run.split(u'\n')) {
        const QString simple = line.simplified();
        if (!simple.isEmpty())
            lines << simple;
    }
    return lines.join(u'\n');
}

QString attribute(const GumboNode *node, const char *name)
{
    const GumboAttribute *a = gumbo_get_attribute(&node->v.element.attributes, name);
    return a ? QString::fromUtf8(a->value) : QString();
}

const GumboVector &childrenOf(const GumboNode *node)
{
    return node->type == GUMBO_NODE_DOCUMENT ? node->v.document.children : node->v.element.children;
}

bool isElement(const GumboNode *node)
{
    return node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE;
}

const GumboNode *findTag(const GumboNode *node, GumboTag tag)
{
    if (isElement(node) && node->v.element.tag == tag)
        return node;
    if (!isElement(node) && node->type != GUMBO_NODE_DOCUMENT)
        return nullptr;
    const GumboVector &children = childrenOf(node);
    for (unsigned i = 0; i < children.length; ++i)
        if (const GumboNode *found = findTag(static_cast<const GumboNode *>(children.data[i]), tag))
            return found;
    return nullptr;
}

// Walks the tree once, writing Markdown and collecting the links.
class Renderer
{
public:
    AnswerHtml out;

    QStringList blocks(const GumboNode *parent)
    {
        QStringList result;
        QString run;
        const auto flush = [&] {
            if (const QString text = tidy(run); !text.isEmpty())
                result << text;
            run.clear();
        };
        const GumboVector &children = childrenOf(parent);
        for (unsigned i = 0; i < children.length; ++i) {
            const auto *child = static_cast<const GumboNode *>(children.data[i]);
            if (!isElement(child) || roleOf(child->v.element.tag) != Role::Block) {
                inlineOf(child, run);
                continue;
            }
            flush();
            block(child, result);
        }
        flush();
        return result;
    }

private:
    QSet<QString> m_seen;
    bool m_inCell = false;
    bool m_inLink = false;

    void block(const GumboNode *node, QStringList &result)
    {
        const GumboTag tag = node->v.element.tag;
        // Google writes its headings as <div role="heading" aria-level="3">.
        if (attribute(node, "role") == u"heading"_s) {
            const int level = std::clamp(attribute(node, "aria-level").toInt(), 1, 6);
            if (const QString text = inlineText(node); !text.isEmpty())
                result << QString(level, u'#') + u' ' + text;
            return;
        }
        switch (tag) {
        case GUMBO_TAG_H1:
        case GUMBO_TAG_H2:
        case GUMBO_TAG_H3:
        case GUMBO_TAG_H4:
        case GUMBO_TAG_H5:
        case GUMBO_TAG_H6:
            if (const QString text = inlineText(node); !text.isEmpty())
                result << QString(int(tag - GUMBO_TAG_H1) + 1, u'#') + u' ' + text;
            return;
        case GUMBO_TAG_UL:
        case GUMBO_TAG_OL:
            if (const QString list = listOf(node); !list.isEmpty())
                result << list;
            return;
        case GUMBO_TAG_TABLE:
            if (const QString table = tableOf(node); !table.isEmpty())
                result << table;
            return;
        case GUMBO_TAG_PRE: {
            const QString code = rawText(node).trimmed();
            if (!code.isEmpty())
                result << u"```\n"_s + code + u"\n```"_s;
            return;
        }
        case GUMBO_TAG_BLOCKQUOTE: {
            QStringList lines = blocks(node).join(u"\n\n"_s).split(u'\n');
            for (QString &line : lines)
                line = line.isEmpty() ? u">"_s : u"> "_s + line;
            if (!lines.join(QString()).remove(u'>').trimmed().isEmpty())
                result << lines.join(u'\n');
            return;
        }
        case GUMBO_TAG_HR:
            result << u"---"_s;
            return;
        default:
            result << blocks(node);
        }
    }

    QString listOf(const GumboNode *list)
    {
        const bool ordered = list->v.element.tag == GUMBO_TAG_OL;
        bool isNumber = false;
        int number = attribute(list, "start").toInt(&isNumber);
        if (!isNumber)
            number = 1;
        QStringList items;
        const GumboVector &children = childrenOf(list);
        for (unsigned i = 0; i < children.length; ++i) {
            const auto *li = static_cast<const GumboNode *>(children.data[i]);
            if (!isElement(li) || roleOf(li->v.element.tag) == Role::Skip)
                continue;
            // An item's paragraphs and nested lists stay one tight item.
            const QString content = blocks(li).join(u'\n');
            const QString marker = ordered ? QString::number(number++) + u". "_s : u"- "_s;
            if (content.isEmpty())
                continue;
            QStringList lines = content.split(u'\n');
            lines.front().prepend(marker);
            for (qsizetype l = 1; l < lines.size(); ++l)
                lines[l].prepend(QString(marker.size(), u' '));
            items << lines.join(u'\n');
        }
        return items.join(u'\n');
    }

    void rowsOf(const GumboNode *node, QList<QStringList> &rows)
    {
        const GumboVector &children = childrenOf(node);
        for (unsigned i = 0; i < children.length; ++i) {
            const auto *child = static_cast<const GumboNode *>(children.data[i]);
            if (!isElement(child))
                continue;
            const GumboTag tag = child->v.element.tag;
            if (tag == GUMBO_TAG_THEAD || tag == GUMBO_TAG_TBODY || tag == GUMBO_TAG_TFOOT) {
                rowsOf(child, rows);
            } else if (tag == GUMBO_TAG_TR) {
                QStringList cells;
                const GumboVector &cellNodes = childrenOf(child);
                for (unsigned c = 0; c < cellNodes.length; ++c) {
                    const auto *cell = static_cast<const GumboNode *>(cellNodes.data[c]);
                    if (isElement(cell)
                        && (cell->v.element.tag == GUMBO_TAG_TD || cell->v.element.tag == GUMBO_TAG_TH)) {
                        m_inCell = true;
                        cells << inlineText(cell).replace(u'\n', u' ');
                        m_inCell = false;
                    }
                }
                if (!cells.isEmpty())
                    rows << cells;
            }
        }
    }

    // A GFM table; its first row is the header, as engines write their comparison tables.
    QString tableOf(const GumboNode *table)
    {
        QList<QStringList> rows;
        rowsOf(table, rows);
        qsizetype columns = 0;
        for (const QStringList &row : std::as_const(rows))
            columns = std::max(columns, row.size());
        if (columns == 0)
            return {};
        QStringList lines;
        const auto line = [&](QStringList cells) {
            while (cells.size() < columns)
                cells << QString();
            return u"| "_s + cells.join(u" | "_s) + u" |"_s;
        };
        for (qsizetype r = 0; r < rows.size(); ++r) {
            lines << line(rows[r]);
            if (r == 0)
                lines << line(QStringList(columns, u"---"_s));
        }
        return lines.join(u'\n');
    }

    // Inline Markdown of an element's content on one line (for headings and cells).
    QString inlineText(const GumboNode *node)
    {
        QString run;
        const GumboVector &children = childrenOf(node);
        for (unsigned i = 0; i < children.length; ++i)
            inlineOf(static_cast<const GumboNode *>(children.data[i]), run);
        return tidy(run).replace(u'\n', u' ');
    }

    void text(const QString &raw, QString &run)
    {
        bool space = false;
        for (const QChar c : raw) {
            if (isSpace(c)) {
                space = true;
                continue;
            }
            if (space)
                run += u' ';
            space = false;
            if (c == u'\\' || c == u'*' || c == u'`' || c == u'[' || c == u']' || (m_inCell && c == u'|'))
                run += u'\\';
            run += c;
        }
        if (space)
            run += u' ';
    }

    // Wraps the element's inline content in a mark ("**"), keeping its outer spaces outside.
    void wrapped(const GumboNode *node, const QString &mark, QString &run)
    {
        QString inner;
        const GumboVector &children = childrenOf(node);
        for (unsigned i = 0; i < children.length; ++i)
            inlineOf(static_cast<const GumboNode *>(children.data[i]), inner);
        const QString core = inner.trimmed();
        if (core.isEmpty()) {
            run += inner;
            return;
        }
        if (isSpace(inner.front()))
            run += u' ';
        run += mark + core + mark;
        if (isSpace(inner.back()))
            run += u' ';
    }

    void inlineOf(const GumboNode *node, QString &run)
    {
        if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE || node->type == GUMBO_NODE_CDATA) {
            text(QString::fromUtf8(node->v.text.text), run);
            return;
        }
        if (!isElement(node))
            return;
        const GumboTag tag = node->v.element.tag;
        const Role role = roleOf(tag);
        if (role == Role::Skip)
            return;
        switch (tag) {
        case GUMBO_TAG_BR:
            run += u'\n';
            return;
        case GUMBO_TAG_B:
        case GUMBO_TAG_STRONG:
            return wrapped(node, u"**"_s, run);
        case GUMBO_TAG_I:
        case GUMBO_TAG_EM:
            return wrapped(node, u"*"_s, run);
        case GUMBO_TAG_CODE:
            if (const QString code = rawText(node).simplified(); !code.isEmpty())
                run += u'`' + code + u'`';
            return;
        case GUMBO_TAG_A:
            return link(node, run);
        default:
            break;
        }
        // A block inside inline content (a card's title and site inside its link) is a word
        // group of its own.
        if (role == Role::Block)
            run += u' ';
        children(node, run);
        if (role == Role::Block)
            run += u' ';
    }

    // Inside a link, sibling elements are the parts of a card or chip ("Orbi A5 review",
    // "GSMArena.com") that the page lays out apart: they are kept apart by a space.
    void children(const GumboNode *node, QString &run)
    {
        const GumboVector &list = childrenOf(node);
        for (unsigned i = 0; i < list.length; ++i) {
            const auto *child = static_cast<const GumboNode *>(list.data[i]);
            if (m_inLink && isElement(child)) {
                QString part;
                inlineOf(child, part);
                if (!run.isEmpty() && !part.isEmpty() && !isSpace(run.back()) && !isSpace(part.front()))
                    run += u' ';
                run += part;
            } else {
                inlineOf(child, run);
            }
        }
    }

    void link(const GumboNode *node, QString &run)
    {
        const QUrl url = AnswerHtml::unwrapLink(QUrl(attribute(node, "href").trimmed()));
        QString inner;
        m_inLink = true;
        children(node, inner);
        m_inLink = false;
        const QString label = tidy(inner).replace(u'\n', u' ');
        if (!url.isValid() || url.isEmpty()) {
            run += inner;
            return;
        }
        const QString address = url.toString(QUrl::FullyEncoded);
        if (!m_seen.contains(address)) {
            m_seen.insert(address);
            out.citations.append({address, plain(label)});
        }
        if (label.isEmpty())
            return;
        if (isSpace(inner.front()))
            run += u' ';
        run += u'[' + label + u"]("_s + address + u')';
        if (isSpace(inner.back()))
            run += u' ';
    }

    // The label without its Markdown marks, as a citation's title.
    static QString plain(QString label)
    {
        label.remove(u"**"_s);
        QString out;
        for (qsizetype i = 0; i < label.size(); ++i) {
            if (label[i] == u'\\' && i + 1 < label.size())
                ++i;
            else if (label[i] == u'*' || label[i] == u'`')
                continue;
            out += label[i];
        }
        return out;
    }

    static QString rawText(const GumboNode *node)
    {
        if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE || node->type == GUMBO_NODE_CDATA)
            return QString::fromUtf8(node->v.text.text);
        if (!isElement(node))
            return {};
        if (node->v.element.tag == GUMBO_TAG_BR)
            return u"\n"_s;
        QString out;
        const GumboVector &children = childrenOf(node);
        for (unsigned i = 0; i < children.length; ++i)
            out += rawText(static_cast<const GumboNode *>(children.data[i]));
        return out;
    }
};

bool isGoogleHost(const QString &host)
{
    return host.startsWith(u"google."_s) || host.startsWith(u"www.google."_s);
}

} // namespace

QUrl AnswerHtml::unwrapLink(const QUrl &href)
{
    QUrl url = href;
    // Google's AI Overviews and AI Mode send their links through /url?q=<target>.
    if ((url.host().isEmpty() || isGoogleHost(url.host().toLower())) && url.path() == u"/url"_s) {
        const QUrlQuery query(url);
        const QString target = query.hasQueryItem(u"q"_s) ? query.queryItemValue(u"q"_s, QUrl::FullyDecoded)
                                                          : query.queryItemValue(u"url"_s, QUrl::FullyDecoded);
        url = QUrl(target);
    }
    if ((url.scheme() != u"http"_s && url.scheme() != u"https"_s) || url.host().isEmpty())
        return {};
    if (url.hasQuery()) {
        QUrlQuery query(url);
        const auto items = query.queryItems(QUrl::FullyEncoded);
        QUrlQuery kept;
        for (const auto &[key, value] : items)
            if (!key.startsWith(u"utm_"_s, Qt::CaseInsensitive) && key != u"srsltid"_s)
                kept.addQueryItem(key, value);
        url.setQuery(kept.isEmpty() ? QString() : kept.query(QUrl::FullyEncoded), QUrl::StrictMode);
        if (kept.isEmpty())
            url.setQuery(QString());
    }
    // Text fragments ("#:~:text=…") point into the page; the page is what is cited.
    if (url.fragment().startsWith(u":~:"_s))
        url.setFragment(QString());
    return url;
}

AnswerHtml AnswerHtml::fromHtml(const QByteArray &utf8)
{
    // The nesting guard keeps what would make gumbo slow or crash out; cut to the cap first.
    const QByteArray input = htmlfacts::withinNestingLimits(utf8.left(MaxHtmlBytes));
    htmlfacts::GumboTree tree;
    if (!tree.parse(input) || !tree.root())
        return {};
    const GumboNode *root = findTag(tree.root(), GUMBO_TAG_MAIN);
    if (!root)
        root = findTag(tree.root(), GUMBO_TAG_BODY);
    if (!root)
        root = tree.root();
    Renderer renderer;
    renderer.out.markdown = renderer.blocks(root).join(u"\n\n"_s);
    return renderer.out;
}

} // namespace geo
