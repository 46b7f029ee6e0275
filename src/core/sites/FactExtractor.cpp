#include "FactExtractor.h"

#include "HtmlCharset.h"
#include "JsonLd.h"

#include <QString>
#include <QStringList>
#include <QTextBoundaryFinder>

#include <algorithm>
#include <cstring>
#include <vector>

namespace geo::htmlfacts {

using namespace Qt::StringLiterals;

namespace {

// A heading is a line, not a page: text beyond this (a heading around a whole article on a
// broken page) is not kept.
constexpr qsizetype MaxHeadingChars = 1024;
// An application shell: see HtmlFacts::appShell.
constexpr int ShellMaxChars = 50;
constexpr int ShellMaxPageWords = 100;

// ---------------------------------------------------------------------------------------
// Text helpers.

QString collapsed(const QString &s)
{
    return s.simplified();
}

QString attribute(const GumboElement &element, const char *name)
{
    const GumboAttribute *a = gumbo_get_attribute(&element.attributes, name);
    return a ? QString::fromUtf8(a->value) : QString();
}

bool hasAttribute(const GumboElement &element, const char *name)
{
    return gumbo_get_attribute(&element.attributes, name) != nullptr;
}

const GumboVector *childrenOf(const GumboNode *node)
{
    switch (node->type) {
    case GUMBO_NODE_DOCUMENT:
        return &node->v.document.children;
    case GUMBO_NODE_ELEMENT:
    case GUMBO_NODE_TEMPLATE:
        return &node->v.element.children;
    default:
        return nullptr;
    }
}

// The text directly inside an element that holds only text (title, script).
QByteArray directText(const GumboNode *node)
{
    QByteArray text;
    const GumboVector *children = childrenOf(node);
    for (unsigned i = 0; children && i < children->length; ++i) {
        const auto *child = static_cast<const GumboNode *>(children->data[i]);
        if (child->type == GUMBO_NODE_TEXT || child->type == GUMBO_NODE_WHITESPACE || child->type == GUMBO_NODE_CDATA)
            text += child->v.text.text;
    }
    return text;
}

bool isLetterOrNumberAt(const QString &text, qsizetype i)
{
    const QChar c = text.at(i);
    if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate())
        return QChar::isLetterOrNumber(QChar::surrogateToUcs4(c, text.at(i + 1)));
    return c.isLetterOrNumber();
}

// UAX #29 words: "don't" is one word, each Han character is one, punctuation is none.
int countWords(const QString &text)
{
    if (text.isEmpty())
        return 0;
    QTextBoundaryFinder finder(QTextBoundaryFinder::Word, text);
    int words = 0;
    qsizetype start = 0;
    for (qsizetype end = finder.toNextBoundary(); end > 0; end = finder.toNextBoundary()) {
        if (end > start && isLetterOrNumberAt(text, start))
            ++words;
        start = end;
    }
    return words;
}

int countNonSpace(const QString &text)
{
    return int(std::count_if(text.cbegin(), text.cend(), [](QChar c) { return !c.isSpace() && !c.isLowSurrogate(); }));
}

// Text gathered across nodes; element boundaries become spaces so "<p>a</p><p>b</p>" is
// two words while "a<b>b</b>" stays one.
struct TextSink
{
    QString text;
    bool pendingSpace = false;

    void boundary() { pendingSpace = true; }
    void add(const QString &s)
    {
        if (pendingSpace && !text.isEmpty() && !text.back().isSpace())
            text += u' ';
        pendingSpace = false;
        text += s;
    }
};

// Elements that render inline by default, so they do not separate words.
bool isInline(GumboTag tag)
{
    switch (tag) {
    case GUMBO_TAG_A:
    case GUMBO_TAG_ABBR:
    case GUMBO_TAG_ACRONYM:
    case GUMBO_TAG_B:
    case GUMBO_TAG_BDI:
    case GUMBO_TAG_BDO:
    case GUMBO_TAG_BIG:
    case GUMBO_TAG_BLINK:
    case GUMBO_TAG_CITE:
    case GUMBO_TAG_CODE:
    case GUMBO_TAG_DATA:
    case GUMBO_TAG_DEL:
    case GUMBO_TAG_DFN:
    case GUMBO_TAG_EM:
    case GUMBO_TAG_FONT:
    case GUMBO_TAG_I:
    case GUMBO_TAG_INS:
    case GUMBO_TAG_KBD:
    case GUMBO_TAG_LABEL:
    case GUMBO_TAG_MARK:
    case GUMBO_TAG_NOBR:
    case GUMBO_TAG_Q:
    case GUMBO_TAG_S:
    case GUMBO_TAG_SAMP:
    case GUMBO_TAG_SMALL:
    case GUMBO_TAG_SPAN:
    case GUMBO_TAG_STRIKE:
    case GUMBO_TAG_STRONG:
    case GUMBO_TAG_SUB:
    case GUMBO_TAG_SUP:
    case GUMBO_TAG_TIME:
    case GUMBO_TAG_TT:
    case GUMBO_TAG_U:
    case GUMBO_TAG_VAR:
    case GUMBO_TAG_WBR:
    case GUMBO_TAG_UNKNOWN: // custom elements are inline unless styled
        return true;
    default:
        return false;
    }
}

bool isShellId(const GumboElement &element)
{
    const GumboAttribute *id = gumbo_get_attribute(&element.attributes, "id");
    if (!id)
        return false;
    const char *v = id->value;
    return std::strcmp(v, "root") == 0 || std::strcmp(v, "app") == 0 || std::strcmp(v, "__next") == 0
        || std::strcmp(v, "__nuxt") == 0;
}

// ---------------------------------------------------------------------------------------
// The walk over gumbo's tree: iterative, so its depth costs heap, never stack.

class Extractor
{
public:
    explicit Extractor(HtmlFacts &facts) : m_facts(facts) { }

    QByteArray declaredCharset; // the first <meta> charset declaration

    void run(const GumboNode *root)
    {
        if (!root)
            return;
        struct Frame
        {
            const GumboNode *node;
            unsigned next;
        };
        std::vector<Frame> stack;
        if (enter(root))
            stack.push_back({root, 0});
        while (!stack.empty()) {
            Frame &top = stack.back();
            const GumboVector *children = childrenOf(top.node);
            if (children && top.next < children->length) {
                const auto *child = static_cast<const GumboNode *>(children->data[top.next++]);
                if (child->type == GUMBO_NODE_ELEMENT || child->type == GUMBO_NODE_TEMPLATE) {
                    if (enter(child))
                        stack.push_back({child, 0}); // invalidates top
                } else if (child->type != GUMBO_NODE_COMMENT) {
                    text(QString::fromUtf8(child->v.text.text));
                }
            } else {
                leave(top.node);
                stack.pop_back();
            }
        }
        finish();
    }

private:
    // False to skip the element's subtree (and its leave()).
    bool enter(const GumboNode *node)
    {
        const GumboElement &element = node->v.element;
        const GumboTag tag = element.tag;
        if (node->type == GUMBO_NODE_TEMPLATE || tag == GUMBO_TAG_TEMPLATE)
            return false; // inert content
        if (tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE) {
            if (tag == GUMBO_TAG_SCRIPT && element.tag_namespace == GUMBO_NAMESPACE_HTML)
                script(node);
            return false;
        }
        if (element.tag_namespace == GUMBO_NAMESPACE_HTML) {
            switch (tag) {
            case GUMBO_TAG_HTML:
                if (!m_seenHtml) {
                    m_seenHtml = true;
                    m_facts.lang = collapsed(attribute(element, "lang"));
                }
                break;
            case GUMBO_TAG_TITLE:
                if (!m_seenTitle) {
                    m_seenTitle = true;
                    m_facts.title = collapsed(QString::fromUtf8(directText(node)));
                }
                return false;
            case GUMBO_TAG_META:
                meta(element);
                break;
            case GUMBO_TAG_LINK:
                link(element);
                break;
            case GUMBO_TAG_BODY:
                ++m_body;
                break;
            case GUMBO_TAG_H1:
            case GUMBO_TAG_H2:
            case GUMBO_TAG_H3:
            case GUMBO_TAG_H4:
            case GUMBO_TAG_H5:
            case GUMBO_TAG_H6:
                m_facts.headings.append({int(tag - GUMBO_TAG_H1) + 1, QString()});
                m_openHeadings.push_back({m_facts.headings.size() - 1, m_headingText.text.size()});
                break;
            case GUMBO_TAG_UL:
            case GUMBO_TAG_OL:
            case GUMBO_TAG_DL:
                if (m_body > 0)
                    ++m_facts.lists;
                break;
            case GUMBO_TAG_TABLE:
                if (m_body > 0)
                    ++m_facts.tables;
                break;
            case GUMBO_TAG_NOSCRIPT:
            case GUMBO_TAG_IFRAME:
            case GUMBO_TAG_NOEMBED:
            case GUMBO_TAG_NOFRAMES:
                ++m_unrendered; // shown only without scripts or frames; iframe text is markup
                break;
            case GUMBO_TAG_NAV:
            case GUMBO_TAG_HEADER:
            case GUMBO_TAG_FOOTER:
            case GUMBO_TAG_ASIDE:
                ++m_chrome;
                break;
            case GUMBO_TAG_MAIN:
                ++m_main;
                m_hasMain = true;
                break;
            case GUMBO_TAG_ARTICLE:
                ++m_article;
                m_hasArticle = true;
                break;
            default:
                break;
            }
        }
        if (isShellId(element))
            m_shellStarts.push_back(m_shellChars);
        if (element.tag_namespace != GUMBO_NAMESPACE_HTML || !isInline(tag))
            boundary();
        return true;
    }

    void leave(const GumboNode *node)
    {
        if (node->type == GUMBO_NODE_DOCUMENT)
            return;
        const GumboElement &element = node->v.element;
        const GumboTag tag = element.tag;
        if (element.tag_namespace != GUMBO_NAMESPACE_HTML || !isInline(tag))
            boundary();
        if (isShellId(element)) {
            if (m_shellChars - m_shellStarts.back() < ShellMaxChars)
                m_shellFound = true;
            m_shellStarts.pop_back();
        }
        if (element.tag_namespace != GUMBO_NAMESPACE_HTML)
            return;
        switch (tag) {
        case GUMBO_TAG_BODY:
            --m_body;
            break;
        case GUMBO_TAG_H1:
        case GUMBO_TAG_H2:
        case GUMBO_TAG_H3:
        case GUMBO_TAG_H4:
        case GUMBO_TAG_H5:
        case GUMBO_TAG_H6: {
            const OpenHeading open = m_openHeadings.back();
            m_openHeadings.pop_back();
            // Bounded, so headings nested in headings cannot cost quadratic time.
            const QString text = collapsed(m_headingText.text.mid(open.start, 4 * MaxHeadingChars));
            m_facts.headings[open.index].second = text.left(MaxHeadingChars);
            if (m_openHeadings.empty())
                m_headingText = {};
            break;
        }
        case GUMBO_TAG_NOSCRIPT:
        case GUMBO_TAG_IFRAME:
        case GUMBO_TAG_NOEMBED:
        case GUMBO_TAG_NOFRAMES:
            --m_unrendered;
            break;
        case GUMBO_TAG_NAV:
        case GUMBO_TAG_HEADER:
        case GUMBO_TAG_FOOTER:
        case GUMBO_TAG_ASIDE:
            --m_chrome;
            break;
        case GUMBO_TAG_MAIN:
            --m_main;
            break;
        case GUMBO_TAG_ARTICLE:
            --m_article;
            break;
        default:
            break;
        }
    }

    void text(const QString &s)
    {
        if (m_unrendered > 0)
            return;
        if (!m_openHeadings.empty())
            m_headingText.add(s);
        if (m_body == 0)
            return;
        m_page.add(s);
        m_shellChars += countNonSpace(s);
        if (m_chrome > 0)
            return;
        m_content.add(s);
        if (m_main > 0)
            m_mainText.add(s);
        if (m_article > 0)
            m_articleText.add(s);
    }

    void boundary()
    {
        m_page.boundary();
        m_content.boundary();
        m_mainText.boundary();
        m_articleText.boundary();
        m_headingText.boundary();
    }

    static void setFirst(QString &field, const QString &value)
    {
        if (field.isEmpty())
            field = collapsed(value);
    }

    void meta(const GumboElement &element)
    {
        const QString name = attribute(element, "name").trimmed();
        const QString property = attribute(element, "property").trimmed();
        auto is = [&](QLatin1StringView key) {
            return name.compare(key, Qt::CaseInsensitive) == 0 || property.compare(key, Qt::CaseInsensitive) == 0;
        };
        const QString content = attribute(element, "content");
        if (name.compare("description"_L1, Qt::CaseInsensitive) == 0)
            setFirst(m_facts.description, content);
        else if (is("og:title"_L1))
            setFirst(m_facts.ogTitle, content);
        else if (is("og:description"_L1))
            setFirst(m_facts.ogDescription, content);
        else if (is("og:site_name"_L1))
            setFirst(m_facts.ogSiteName, content);
        else if (is("og:type"_L1))
            setFirst(m_facts.ogType, content);

        if (declaredCharset.isEmpty()) {
            if (hasAttribute(element, "charset"))
                declaredCharset = attribute(element, "charset").trimmed().toLatin1();
            else if (attribute(element, "http-equiv").trimmed().compare("content-type"_L1, Qt::CaseInsensitive) == 0)
                declaredCharset = charsetFromContentType(content);
        }
    }

    void link(const GumboElement &element)
    {
        if (!m_facts.canonical.isEmpty())
            return;
        const QStringList rel = attribute(element, "rel").simplified().split(u' ', Qt::SkipEmptyParts);
        if (rel.contains("canonical"_L1, Qt::CaseInsensitive))
            setFirst(m_facts.canonical, attribute(element, "href"));
    }

    void script(const GumboNode *node)
    {
        const QString type = attribute(node->v.element, "type").section(u';', 0, 0).trimmed();
        if (type.compare("application/ld+json"_L1, Qt::CaseInsensitive) != 0)
            return;
        m_facts.jsonLd.append(readJsonLdBlock(directText(node)));
    }

    void finish()
    {
        const QString &mainText = m_hasMain ? m_mainText.text : m_hasArticle ? m_articleText.text : m_content.text;
        m_facts.wordCount = countWords(mainText);
        m_facts.appShell = m_shellFound && countWords(m_page.text) < ShellMaxPageWords;
    }

    struct OpenHeading
    {
        qsizetype index;
        qsizetype start;
    };

    HtmlFacts &m_facts;
    bool m_seenHtml = false;
    bool m_seenTitle = false;
    int m_body = 0;
    int m_unrendered = 0;
    int m_chrome = 0;
    int m_main = 0;
    int m_article = 0;
    bool m_hasMain = false;
    bool m_hasArticle = false;
    TextSink m_page;        // all rendered body text
    TextSink m_content;     // without nav, header, footer, aside
    TextSink m_mainText;    // ... inside <main>
    TextSink m_articleText; // ... inside <article>
    TextSink m_headingText; // text of the open headings
    std::vector<OpenHeading> m_openHeadings;
    // Non-space characters of rendered body text so far; an app-shell candidate's text is
    // the difference between its leave and its enter, so nesting costs nothing.
    qsizetype m_shellChars = 0;
    std::vector<qsizetype> m_shellStarts;
    bool m_shellFound = false;
};

} // namespace

HtmlFacts extractFacts(const GumboNode *root, QByteArray *declaredCharset)
{
    HtmlFacts facts;
    Extractor extractor(facts);
    extractor.run(root);
    if (declaredCharset)
        *declaredCharset = extractor.declaredCharset;
    return facts;
}

} // namespace geo::htmlfacts
