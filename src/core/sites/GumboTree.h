#pragma once

#include "GumboArena.h"

#include <gumbo.h>

#include <QByteArray>

namespace geo::htmlfacts {

// One document parsed by gumbo, in a GumboArena so a pathological page costs a bounded
// amount of memory; gumbo_destroy_output runs when it goes away. Keeps its own copy of the
// input (shared, not copied), since gumbo's nodes point into it.
class GumboTree
{
public:
    GumboTree();
    ~GumboTree();
    GumboTree(const GumboTree &) = delete;
    GumboTree &operator=(const GumboTree &) = delete;

    // False when gumbo ran out of its memory budget; nothing is kept then.
    bool parse(const QByteArray &utf8);

    const GumboNode *root() const { return m_output ? m_output->root : nullptr; }

private:
    GumboArena m_arena;
    GumboOptions m_options;
    GumboOutput *m_output = nullptr;
    QByteArray m_input;
};

} // namespace geo::htmlfacts
