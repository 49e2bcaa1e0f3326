// Reading golden and invalid fixture files (tests/fixtures, passed in as DEBRIEF_FIXTURES_DIR) byte for byte.
#pragma once

#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

namespace debrief::samples {

// The exact bytes of tests/fixtures/<relative>; empty if the file is missing (the test then fails on content).
inline std::string read_fixture(std::string_view relative) {
    std::ifstream in(std::string(DEBRIEF_FIXTURES_DIR) + "/" + std::string(relative), std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

}  // namespace debrief::samples
