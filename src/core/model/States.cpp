#include "States.h"

#include <array>
#include <utility>

namespace geo {

using namespace Qt::StringLiterals;

namespace {

const std::array<std::pair<AuditState, QString>, 7> &auditNames()
{
    static const std::array<std::pair<AuditState, QString>, 7> names{{
        {AuditState::Running, u"running"_s},
        {AuditState::Paused, u"paused"_s},
        {AuditState::Finished, u"finished"_s},
        {AuditState::Interrupted, u"interrupted"_s},
        {AuditState::Cancelled, u"cancelled"_s},
        {AuditState::BudgetStopped, u"budget-stopped"_s},
        {AuditState::Preparing, u"preparing"_s},
    }};
    return names;
}

const std::array<std::pair<ItemState, QString>, 4> &itemNames()
{
    static const std::array<std::pair<ItemState, QString>, 4> names{{
        {ItemState::Pending, u"pending"_s},
        {ItemState::Answered, u"answered"_s},
        {ItemState::Analysed, u"analysed"_s},
        {ItemState::Failed, u"failed"_s},
    }};
    return names;
}

template<typename E, typename Names>
QString nameOf(E state, const Names &names)
{
    for (const auto &[s, name] : names)
        if (s == state)
            return name;
    return {};
}

template<typename E, typename Names>
std::optional<E> fromName(const QString &name, const Names &names)
{
    for (const auto &[s, n] : names)
        if (n == name)
            return s;
    return std::nullopt;
}

} // namespace

QString stateName(AuditState state)
{
    return nameOf(state, auditNames());
}

std::optional<AuditState> auditStateFromName(const QString &name)
{
    return fromName<AuditState>(name, auditNames());
}

QString stateName(ItemState state)
{
    return nameOf(state, itemNames());
}

std::optional<ItemState> itemStateFromName(const QString &name)
{
    return fromName<ItemState>(name, itemNames());
}

} // namespace geo
