// Reading test data from disk: fixtures, compiled catalogues, fonts.
#pragma once

#include <fstream>
#include <sstream>
#include <string>

namespace debrief::test {

// The whole file as bytes; empty when it cannot be read (the caller's checks then fail visibly).
inline std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

}  // namespace debrief::test
