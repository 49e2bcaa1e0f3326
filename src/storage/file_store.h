// Bytes in files under one root folder, with atomic replacement; the same code natively and on an IDBFS mount.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace debrief {

enum class IoErrorKind { not_found, no_space, denied, not_a_file, bad_path, other };

// What went wrong, for a person: `message` is a full sentence naming the file.
struct IoError {
    IoErrorKind kind = IoErrorKind::other;
    std::string message;
    std::string path;  // relative to the store's root, with '/' separators
};

template <class T>
using IoResult = Result<T, IoError>;

// Files under `root`. Every path argument is relative to the root; absolute paths and ".." are
// refused so a damaged id can never reach outside the journal folder.
class FileStore {
public:
    explicit FileStore(std::filesystem::path root);

    const std::filesystem::path& root() const { return m_root; }

    // Writes a temporary file beside the target (see temp_name_for), closes it and renames it over
    // the target: readers see the old bytes or the new ones, never a mix. On any failure (disk or
    // quota full, permissions, the target being a folder) the temporary file is removed, the
    // target is untouched and the error says why. Creates missing parent folders.
    IoResult<Done> write_atomic(const std::filesystem::path& relative, std::string_view bytes);

    IoResult<std::string> read(const std::filesystem::path& relative) const;

    // Names of the regular files directly in `relative_dir` ("" for the root), sorted; a missing
    // folder is empty.
    IoResult<std::vector<std::string>> list(const std::filesystem::path& relative_dir) const;

    // Removes a file; removing a file that does not exist succeeds.
    IoResult<Done> remove(const std::filesystem::path& relative);

    // Renames `from` to `to`, refusing to replace an existing `to` (creates `to`'s folder).
    IoResult<Done> move_no_replace(const std::filesystem::path& from, const std::filesystem::path& to);

    bool exists(const std::filesystem::path& relative) const;
    // The file's size in bytes; 0 when it is missing or unreadable (for progress, never for safety).
    std::uintmax_t size_of(const std::filesystem::path& relative) const;

    // ".name.json.tmp": hidden, and never ending in ".json", so a leftover temporary file can never
    // be mistaken for (or listed as) a record.
    static std::string temp_name_for(std::string_view file_name);
    static bool is_temp_name(std::string_view file_name);
    // The file a temporary file was meant to become ("name.json" for ".name.json.tmp").
    static std::string target_of_temp(std::string_view temp_name);

private:
    // The absolute path, or an error for paths that would leave the root.
    IoResult<std::filesystem::path> resolve(const std::filesystem::path& relative) const;

    std::filesystem::path m_root;
};

}  // namespace debrief
