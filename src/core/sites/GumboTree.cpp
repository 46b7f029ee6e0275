#include "GumboTree.h"

namespace geo::htmlfacts {

GumboTree::GumboTree()
{
    m_options = kGumboDefaultOptions;
    m_options.allocator = &GumboArena::allocate;
    m_options.deallocator = &GumboArena::release;
    m_options.userdata = &m_arena;
    m_options.max_errors = 0; // nobody reads them, and broken pages produce millions
}

GumboTree::~GumboTree()
{
    if (m_output)
        gumbo_destroy_output(&m_options, m_output);
    m_arena.freeAll();
}

bool GumboTree::parse(const QByteArray &utf8)
{
    m_input = utf8; // gumbo's nodes point into the buffer
    std::jmp_buf overflow;
    m_arena.setOverflow(&overflow);
    if (setjmp(overflow) != 0) {
        m_arena.setOverflow(nullptr);
        m_arena.freeAll();
        m_output = nullptr;
        return false;
    }
    m_output = gumbo_parse_with_options(&m_options, m_input.constData(), size_t(m_input.size()));
    m_arena.setOverflow(nullptr);
    return true;
}

} // namespace geo::htmlfacts
