#include "GumboArena.h"

#include <cstdlib>

namespace geo::htmlfacts {

namespace {

// Real pages need about 3-12x their size (24 MiB at most for 2 MiB of input); markup that
// gumbo amplifies further (misnested formatting re-created in every paragraph) is read
// only as far as fits.
constexpr std::size_t GumboMemoryBudget = 128u * 1024 * 1024;

} // namespace

void *GumboArena::allocate(void *userdata, std::size_t size)
{
    auto *arena = static_cast<GumboArena *>(userdata);
    if (size > GumboMemoryBudget - arena->m_used)
        std::longjmp(*arena->m_overflow, 1);
    auto *block = static_cast<BlockHeader *>(std::malloc(sizeof(BlockHeader) + size));
    if (!block)
        std::longjmp(*arena->m_overflow, 1);
    block->size = size;
    block->prev = arena->m_head.prev;
    block->next = &arena->m_head;
    arena->m_head.prev->next = block;
    arena->m_head.prev = block;
    arena->m_used += size;
    return block + 1;
}

void GumboArena::release(void *userdata, void *ptr)
{
    if (!ptr)
        return;
    auto *arena = static_cast<GumboArena *>(userdata);
    BlockHeader *block = static_cast<BlockHeader *>(ptr) - 1;
    block->prev->next = block->next;
    block->next->prev = block->prev;
    arena->m_used -= block->size;
    std::free(block);
}

void GumboArena::freeAll()
{
    for (BlockHeader *b = m_head.next; b != &m_head;) {
        BlockHeader *next = b->next;
        std::free(b);
        b = next;
    }
    m_head.prev = m_head.next = &m_head;
    m_used = 0;
}

} // namespace geo::htmlfacts
