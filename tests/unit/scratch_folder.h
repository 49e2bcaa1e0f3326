// A fresh, empty folder under the system temp directory for one test, removed again afterwards.
#pragma once

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>

#include <unistd.h>

namespace debrief::samples {

class ScratchFolder {
public:
    ScratchFolder() {
        // ctest starts each test case as a process of its own, two at a time: the process id keeps
        // two cases started in the same instant out of each other's folder (the counter starts at 0
        // in both, and two of them once failed together in a run of the whole suite).
        static std::atomic<int> counter{0};
        const auto stamp = std::chrono::steady_clock::now().time_since_epoch().count();
        m_path = std::filesystem::temp_directory_path() /
                 ("debrief-test-" + std::to_string(::getpid()) + "-" + std::to_string(stamp) + "-" +
                  std::to_string(counter.fetch_add(1)));
        std::filesystem::create_directories(m_path);
    }
    ~ScratchFolder() {
        std::error_code ignored;
        std::filesystem::remove_all(m_path, ignored);
    }
    ScratchFolder(const ScratchFolder&) = delete;
    ScratchFolder& operator=(const ScratchFolder&) = delete;

    const std::filesystem::path& path() const { return m_path; }

    // Writes `bytes` to path()/relative directly, bypassing the code under test.
    void put(const std::string& relative, const std::string& bytes) const {
        const auto target = m_path / relative;
        std::filesystem::create_directories(target.parent_path());
        std::ofstream(target, std::ios::binary) << bytes;
    }

    // The exact bytes of path()/relative ("" if missing).
    std::string get(const std::string& relative) const {
        std::ifstream in(m_path / relative, std::ios::binary);
        return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }

    bool has(const std::string& relative) const { return std::filesystem::exists(m_path / relative); }

private:
    std::filesystem::path m_path;
};

}  // namespace debrief::samples
