#pragma once

#include <csetjmp>
#include <cstddef>

namespace geo::htmlfacts {

// The memory of one gumbo parse, on a budget. Gumbo 0.10.1 does not check for failed
// allocations, so when the budget runs out (or malloc fails) allocate() jumps back to the
// std::jmp_buf set with setOverflow(), and freeAll() then releases every block gumbo held,
// which gumbo itself can no longer do. GumboTree is its one user.
class GumboArena
{
public:
    GumboArena() = default;
    GumboArena(const GumboArena &) = delete; // the list of blocks points at m_head
    GumboArena &operator=(const GumboArena &) = delete;

    // GumboOptions' allocator and deallocator, with the arena as their userdata.
    static void *allocate(void *userdata, std::size_t size);
    static void release(void *userdata, void *ptr);

    // Where allocate() jumps when the budget runs out; nullptr outside a parse.
    void setOverflow(std::jmp_buf *overflow) { m_overflow = overflow; }
    void freeAll();

private:
    struct alignas(std::max_align_t) BlockHeader
    {
        BlockHeader *prev;
        BlockHeader *next;
        std::size_t size;
    };

    BlockHeader m_head{&m_head, &m_head, 0}; // circular list of live blocks
    std::size_t m_used = 0;
    std::jmp_buf *m_overflow = nullptr;
};

} // namespace geo::htmlfacts
