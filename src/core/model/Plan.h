#pragma once

#include <QList>
#include <QString>

#include <algorithm>
#include <iterator>

namespace geo {

struct PlannedPrompt
{
    QString text;
    QString category;     // a template's intent ("pricing", "-search" added for the search-like style) or "custom"
    QString topic;        // the topic it is about, empty when none
    bool branded = false; // names a tracked brand
};

struct WorkItem
{
    int prompt = 0; // index into the plan's prompts
    int engine = 0; // index into the spec's engines
    int sample = 1; // 1-based

    friend bool operator==(const WorkItem &, const WorkItem &) = default;
};

// A plan's work items. A planned spec asks every prompt x engine x sample, in that order:
// those are computed from the three counts, not stored, so that a plan of millions of answers
// costs no memory until its items are written, a chunk at a time. Items appended one by one
// (imported answers, a stored audit being resumed) are kept as a list.
class WorkItems
{
public:
    WorkItems() = default;
    static WorkItems grid(int prompts, int engines, int samples);

    qsizetype size() const { return m_list.isEmpty() ? qsizetype(m_prompts) * m_engines * m_samples : m_list.size(); }
    bool isEmpty() const { return size() == 0; }
    WorkItem operator[](qsizetype i) const;
    WorkItem at(qsizetype i) const { return (*this)[i]; }
    WorkItem first() const { return (*this)[0]; }
    WorkItem last() const { return (*this)[size() - 1]; }
    // True while the items are the whole grid of prompts x engines x samples.
    bool isGrid() const { return m_list.isEmpty(); }
    int engines() const { return m_engines; } // of the grid
    int samples() const { return m_samples; } // of the grid

    void append(const WorkItem &item);
    WorkItems &operator<<(const WorkItem &item)
    {
        append(item);
        return *this;
    }
    void clear() { *this = WorkItems(); }

    class const_iterator
    {
    public:
        using iterator_category = std::forward_iterator_tag;
        using value_type = WorkItem;
        using difference_type = qsizetype;
        using pointer = void;
        using reference = WorkItem;

        const_iterator() = default;
        const_iterator(const WorkItems *items, qsizetype at) : m_items(items), m_at(at) { }
        WorkItem operator*() const { return (*m_items)[m_at]; }
        const_iterator &operator++()
        {
            ++m_at;
            return *this;
        }
        const_iterator operator++(int)
        {
            const_iterator was = *this;
            ++m_at;
            return was;
        }
        friend bool operator==(const const_iterator &a, const const_iterator &b) { return a.m_at == b.m_at; }

    private:
        const WorkItems *m_items = nullptr;
        qsizetype m_at = 0;
    };
    const_iterator begin() const { return {this, 0}; }
    const_iterator end() const { return {this, size()}; }

private:
    int m_prompts = 0;
    int m_engines = 0;
    int m_samples = 0;
    QList<WorkItem> m_list; // when not the grid
};

struct Plan
{
    QList<PlannedPrompt> prompts;
    WorkItems items;
};

inline WorkItems WorkItems::grid(int prompts, int engines, int samples)
{
    WorkItems items;
    items.m_prompts = std::max(prompts, 0);
    items.m_engines = std::max(engines, 0);
    items.m_samples = std::max(samples, 0);
    return items;
}

inline WorkItem WorkItems::operator[](qsizetype i) const
{
    if (!m_list.isEmpty())
        return m_list[i];
    const qsizetype perPrompt = qsizetype(m_engines) * m_samples;
    return {int(i / perPrompt), int(i % perPrompt / m_samples), int(i % m_samples) + 1};
}

inline void WorkItems::append(const WorkItem &item)
{
    if (m_list.isEmpty()) { // the grid's items, if any, come first
        const WorkItems grid = *this;
        m_list.reserve(grid.size() + 1);
        for (qsizetype i = 0; i < grid.size(); ++i)
            m_list.append(grid[i]);
        m_prompts = m_engines = m_samples = 0;
    }
    m_list.append(item);
}

} // namespace geo
