// Tests of FileStore: atomic writes that never leave a half-written target, reads, listing, removal and path safety.
#include <doctest/doctest.h>

#include "scratch_folder.h"
#include "storage/file_store.h"

#if defined(__unix__) || defined(__APPLE__)
#include <sys/resource.h>
#include <csignal>
#define DEBRIEF_CAN_LIMIT_FILE_SIZE 1
#endif

using namespace debrief;
using namespace debrief::samples;

TEST_CASE("write_atomic creates folders and writes exact bytes") {
    ScratchFolder folder;
    FileStore store(folder.path());
    const std::string bytes = std::string("Grüße \xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7 🎉\r\n\0end", 27);
    REQUIRE(store.write_atomic("a/b/c.json", bytes).ok());
    CHECK(folder.get("a/b/c.json") == bytes);
    auto read = store.read("a/b/c.json");
    REQUIRE(read.ok());
    CHECK(read.value() == bytes);
    CHECK_FALSE(folder.has("a/b/.c.json.tmp"));  // no temporary file is left behind
}

TEST_CASE("write_atomic replaces the old content") {
    ScratchFolder folder;
    FileStore store(folder.path());
    folder.put("x.json", "old old old old");
    REQUIRE(store.write_atomic("x.json", "new").ok());
    CHECK(folder.get("x.json") == "new");
    REQUIRE(store.write_atomic("x.json", "").ok());
    CHECK(folder.get("x.json").empty());
}

TEST_CASE("a failed write leaves the old content intact: target is a folder") {
    ScratchFolder folder;
    FileStore store(folder.path());
    std::filesystem::create_directories(folder.path() / "d.json");
    auto result = store.write_atomic("d.json", "data");
    REQUIRE_FALSE(result.ok());
    CHECK(result.error().kind == IoErrorKind::not_a_file);
    CHECK(result.error().message == "Could not save d.json: a folder of that name is in the way.");
    CHECK(result.error().path == "d.json");
    CHECK(std::filesystem::is_directory(folder.path() / "d.json"));
    CHECK_FALSE(folder.has(".d.json.tmp"));
}

TEST_CASE("a failed write leaves the old content intact: the temporary file cannot be created") {
    ScratchFolder folder;
    FileStore store(folder.path());
    folder.put("r.json", "the previous version");
    std::filesystem::create_directories(folder.path() / ".r.json.tmp");  // blocks the temporary file
    auto result = store.write_atomic("r.json", "the new version");
    REQUIRE_FALSE(result.ok());
    CHECK(result.error().message.rfind("Could not save r.json: ", 0) == 0);
    CHECK(result.error().message.find("The previous version is unchanged.") != std::string::npos);
    CHECK(folder.get("r.json") == "the previous version");
}

#ifdef DEBRIEF_CAN_LIMIT_FILE_SIZE
TEST_CASE("a failed write leaves the old content intact: no space left mid-write") {
    // RLIMIT_FSIZE makes writes past the limit fail with EFBIG, the way a full disk or quota fails.
    ScratchFolder folder;
    FileStore store(folder.path());
    folder.put("big.json", "the previous version");
    const auto old_handler = std::signal(SIGXFSZ, SIG_IGN);
    rlimit old_limit{};
    getrlimit(RLIMIT_FSIZE, &old_limit);
    rlimit small = old_limit;
    small.rlim_cur = 4096;
    REQUIRE(setrlimit(RLIMIT_FSIZE, &small) == 0);
    auto result = store.write_atomic("big.json", std::string(1 << 20, 'x'));
    setrlimit(RLIMIT_FSIZE, &old_limit);
    std::signal(SIGXFSZ, old_handler);

    REQUIRE_FALSE(result.ok());
    CHECK(result.error().kind == IoErrorKind::no_space);
    CHECK(result.error().message ==
          "Could not save big.json: there is no space left (the disk or the browser's storage quota is full). The "
          "previous "
          "version is unchanged.");
    CHECK(folder.get("big.json") == "the previous version");
    CHECK_FALSE(folder.has(".big.json.tmp"));
}
#endif

TEST_CASE("a file where a folder should be stops the write and is left alone") {
    ScratchFolder folder;
    FileStore store(folder.path());
    folder.put("notes", "a file, not a folder");
    auto result = store.write_atomic("notes/n.json", "x");
    REQUIRE_FALSE(result.ok());
    CHECK(result.error().message.rfind("Could not create the folder for notes/n.json: ", 0) == 0);
    CHECK(folder.get("notes") == "a file, not a folder");
    CHECK_FALSE(store.move_no_replace("notes", "notes/inside.json").ok());
    CHECK(folder.get("notes") == "a file, not a folder");
}

TEST_CASE("size_of counts a file's bytes; folders and missing files are 0") {
    ScratchFolder folder;
    FileStore store(folder.path());
    folder.put("s/seven.json", "1234567");
    CHECK(store.size_of("s/seven.json") == 7);
    CHECK(store.size_of("s") == 0);
    CHECK(store.size_of("missing.json") == 0);
    CHECK(store.size_of("../s/seven.json") == 0);
    CHECK_FALSE(store.remove("s").ok());  // a folder is never removed as a file
    CHECK(store.exists("s/seven.json"));
}

TEST_CASE("paths outside the root are refused") {
    ScratchFolder folder;
    FileStore store(folder.path());
    for (const char* bad : {"../escape.json", "a/../../escape.json", "/etc/passwd", "", "./x.json"}) {
        CAPTURE(bad);
        auto result = store.write_atomic(bad, "x");
        REQUIRE_FALSE(result.ok());
        CHECK(result.error().kind == IoErrorKind::bad_path);
        CHECK_FALSE(store.read(bad).ok());
    }
    CHECK(store.write_atomic("../x", "x").error().message ==
          "Refusing to use \"../x\": it is not a plain path inside the journal folder.");
    CHECK_FALSE(std::filesystem::exists(folder.path().parent_path() / "escape.json"));
}

TEST_CASE("read reports missing files") {
    ScratchFolder folder;
    FileStore store(folder.path());
    auto result = store.read("nothing.json");
    REQUIRE_FALSE(result.ok());
    CHECK(result.error().kind == IoErrorKind::not_found);
    CHECK(result.error().message == "Could not read nothing.json: it does not exist.");
}

TEST_CASE("list gives sorted regular file names; a missing folder is empty") {
    ScratchFolder folder;
    FileStore store(folder.path());
    folder.put("d/b.json", "1");
    folder.put("d/a.json", "2");
    folder.put("d/.a.json.tmp", "3");
    std::filesystem::create_directories(folder.path() / "d/sub");
    auto names = store.list("d");
    REQUIRE(names.ok());
    CHECK(names.value() == std::vector<std::string>{".a.json.tmp", "a.json", "b.json"});
    auto missing = store.list("nope");
    REQUIRE(missing.ok());
    CHECK(missing.value().empty());
    auto root = store.list("");
    REQUIRE(root.ok());
    CHECK(root.value().empty());  // "d" is a folder
}

TEST_CASE("remove and exists") {
    ScratchFolder folder;
    FileStore store(folder.path());
    folder.put("gone.json", "x");
    CHECK(store.exists("gone.json"));
    CHECK(store.remove("gone.json").ok());
    CHECK_FALSE(store.exists("gone.json"));
    CHECK(store.remove("gone.json").ok());  // already gone is fine
}

TEST_CASE("move_no_replace never overwrites") {
    ScratchFolder folder;
    FileStore store(folder.path());
    folder.put("a.json", "A");
    folder.put("q/b.json", "B");
    auto taken = store.move_no_replace("a.json", "q/b.json");
    REQUIRE_FALSE(taken.ok());
    CHECK(folder.get("q/b.json") == "B");
    CHECK(folder.get("a.json") == "A");
    REQUIRE(store.move_no_replace("a.json", "q/c.json").ok());
    CHECK(folder.get("q/c.json") == "A");
    CHECK_FALSE(folder.has("a.json"));
}

TEST_CASE("temporary file names") {
    CHECK(FileStore::temp_name_for("abc.json") == ".abc.json.tmp");
    CHECK(FileStore::is_temp_name(".abc.json.tmp"));
    CHECK_FALSE(FileStore::is_temp_name("abc.json"));
    CHECK_FALSE(FileStore::is_temp_name(".tmp"));
    CHECK(FileStore::target_of_temp(".abc.json.tmp") == "abc.json");
}
