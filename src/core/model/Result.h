#pragma once

#include <QString>

#include <optional>
#include <utility>
#include <variant>

namespace geo {

// An error the user can act on: what went wrong, in words that name the fix.
struct Error
{
    QString message;
};

// A value or an Error; errors the user can fix travel as values, never as exceptions.
template<typename T>
class Result
{
public:
    Result(T value) : m_data(std::move(value)) { }
    Result(Error error) : m_data(std::move(error)) { }

    bool ok() const { return std::holds_alternative<T>(m_data); }
    explicit operator bool() const { return ok(); }
    const T &value() const & { return std::get<T>(m_data); }
    T &value() & { return std::get<T>(m_data); }
    T &&value() && { return std::get<T>(std::move(m_data)); }
    const T *operator->() const { return &value(); }
    T *operator->() { return &value(); }
    const QString &error() const { return std::get<Error>(m_data).message; }

private:
    std::variant<T, Error> m_data;
};

// A step that yields nothing but may fail.
struct Done
{ };
using Status = Result<Done>;
inline Status ok()
{
    return Done{};
}

} // namespace geo
