// A streaming JSON writer: appends canonical JSON text to a std::string without building a tree.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace debrief {

// pretty: 2-space indent, "key": value, empty containers as {} and []; compact: no whitespace at all.
// Both are byte for byte what nlohmann::json's dump(2) and dump(-1) write, so files written before
// this writer existed keep their exact bytes (golden fixtures, canonical record texts).
enum class JsonLayout { pretty, compact };

// Appends one JSON value to `out`. The caller pairs begin/end calls and writes key() before every
// value inside an object; the writer adds separators, line breaks and indentation. Misuse is not
// diagnosed: the callers are a handful of encoders with a fixed shape, covered by tests.
// Text is gathered in a small buffer and moved to `out` in blocks (an export makes millions of tiny
// writes); `out` is complete after flush() or the writer's destruction.
class JsonWriter {
public:
    JsonWriter(std::string& out, JsonLayout layout) : m_out(out), m_pretty(layout == JsonLayout::pretty) {}
    ~JsonWriter() { flush(); }
    JsonWriter(const JsonWriter&) = delete;
    JsonWriter& operator=(const JsonWriter&) = delete;

    void begin_object();
    void end_object();
    void begin_array();
    void end_array();
    void key(std::string_view name);

    void string(std::string_view text);
    void number(std::int64_t value);
    // Not for documents (they hold no fractions): for messages to the page, such as screen rectangles.
    // Rounded to two decimals (a hundredth of a CSS pixel); NaN, infinities and magnitudes of 1e15 and
    // more are written as null.
    void decimal(double value);
    void boolean(bool value);
    void null();
    // A value already written as compact JSON by someone else (a scalar from a parsed tree).
    void raw_value(std::string_view json);
    // Compact layout only: `members` ("a":1,"b":[2]) appended to the open object as they are.
    void raw_members(std::string_view members);
    // A key already written as a JSON string literal, quotes and escapes included: kept as it is.
    void raw_key(std::string_view quoted);
    // A whole JSON value as someone wrote it: strings, numbers and keys go out as they are, while
    // brackets and separators are placed as this writer's layout places them (whitespace between
    // tokens is not kept). `json` must be valid JSON; brackets that do not pair are dropped.
    void raw_json(std::string_view json);
    bool pretty() const { return m_pretty; }

    // Moves the buffered text to the end of `out`.
    void flush();

private:
    void put(char c);
    void put(const char* text, std::size_t size);
    void put(std::string_view text) { put(text.data(), text.size()); }
    void put_escaped(std::string_view text);
    void new_line();
    void before_value();
    void after_key();  // ": " (compact: ":") after a key, whether escaped here or given quoted
    void open(char bracket);
    void close(char bracket);

    std::string& m_out;
    bool m_pretty;
    // One entry per open container: whether it holds an element yet (decides "{}" versus a line break
    // before the closing bracket, and whether a comma is due). A std::string because it is a cheap
    // growable byte stack.
    std::string m_has_elements;
    bool m_after_key = false;  // the next value follows "key": and needs no separator
    std::size_t m_used = 0;
    char m_buffer[4096];
};

// Appends `text` as a JSON string literal (quotes included), escaped as nlohmann::json's dump does with
// ensure_ascii=false and error_handler_t::replace: '"', '\\' and the C0 controls are escaped (\b \f \n \r \t
// or \u00xx in lowercase hex), everything else is copied as raw UTF-8, and each ill-formed UTF-8 sequence
// (Unicode Table 3-7) becomes one U+FFFD.
void append_json_string(std::string& out, std::string_view text);

// Appends valid JSON text without the whitespace between its tokens: strings, numbers, keys and
// their order are kept byte for byte.
void append_compact_json(std::string& out, std::string_view json);

}  // namespace debrief
