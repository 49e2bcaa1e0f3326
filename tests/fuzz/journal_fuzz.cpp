// libFuzzer entry point: every input goes through the import pipeline and the writers
// (journal_checks.h); a broken invariant aborts with its description, and libFuzzer saves the input.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "journal_checks.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    if (const auto failure = debrief::fuzz::check_journal_bytes(bytes)) {
        std::fprintf(stderr, "journal_fuzz: %s\n", failure->c_str());
        std::abort();
    }
    return 0;
}
