// Result<T, E>: a value or a human-readable error, so JSON and file errors never travel as exceptions.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace debrief {

// Why decoding failed, written for the person who owns the file.
struct Error {
    std::string message;  // a full sentence, already naming the place, e.g. "... at $.reflections[3].vent.mood_before,
                          // found \"seven\""
    std::string json_path;  // where, e.g. "$.reflections[3].vent.mood_before"; "$" for the whole document
};

// The value of a Result whose success carries nothing.
struct Done {};

// Either a value or an error. Exceptions are avoided on purpose: the WebAssembly build does not
// catch them, so a throw would end the whole page.
template <class T, class E = Error>
class Result {
public:
    Result(T value)
        : m_state(std::in_place_index<0>, std::move(value)) {
    }  // NOLINT(google-explicit-constructor): reads like `return value;`
    Result(E error) : m_state(std::in_place_index<1>, std::move(error)) {}  // NOLINT(google-explicit-constructor)

    bool ok() const { return m_state.index() == 0; }
    explicit operator bool() const { return ok(); }

    const T& value() const& { return std::get<0>(m_state); }
    T& value() & { return std::get<0>(m_state); }
    T&& value() && { return std::get<0>(std::move(m_state)); }

    const E& error() const { return std::get<1>(m_state); }

private:
    std::variant<T, E> m_state;
};

}  // namespace debrief
