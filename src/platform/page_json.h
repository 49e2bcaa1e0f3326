// Pieces of the JSON messages C++ sends to web/shell.js (written with JsonWriter, not a tree:
// these run every frame something moves).
#pragma once

#include <initializer_list>

#include "serialization/json_writer.h"

namespace debrief::platform {

// A list of CSS-pixel numbers, such as a rectangle [x, y, width, height].
inline void write_numbers(JsonWriter& w, std::initializer_list<float> values) {
    w.begin_array();
    for (const float v : values) w.decimal(static_cast<double>(v));
    w.end_array();
}

}  // namespace debrief::platform
