// Checks on how a draft reads, shared by the tests that compose drafts.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace debrief::test {

// English words starting with a capital right after a comma, a colon or "and" inside a sentence:
// the mark of a template spliced together from separate sentences. Names and "I" are the callers'
// to allow.
inline std::vector<std::string> capitals_after_joints(const std::string& body) {
    std::vector<std::string> words;
    for (const std::string_view joint : {", ", ": ", " and "}) {
        for (std::size_t pos = body.find(joint); pos != std::string::npos; pos = body.find(joint, pos + 1)) {
            const std::size_t start = pos + joint.size();
            if (start >= body.size() || body[start] < 'A' || body[start] > 'Z') continue;
            const std::size_t end = body.find_first_of(" ,.\n", start);
            words.push_back(body.substr(start, end == std::string::npos ? std::string::npos : end - start));
        }
    }
    return words;
}

}  // namespace debrief::test
