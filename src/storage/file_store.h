// Bytes in files under one root folder, with atomic replacement; the same code natively and on an IDBFS mount.
#pragma once

#include <cstdint>
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

// Files under `root`. Every path argument is relative to the root, with '/' separators; absolute
// paths and ".." are refused so a damaged id can never reach outside the journal folder.
class FileStore {
public:
    explicit FileStore(std::string root);

    const std::string& root() const { return m_root; }

    // Writes a temporary file beside the target (see temp_name_for), closes it and renames it over
    // the target: readers see the old bytes or the new ones, never a mix. On any failure (disk or
    // quota full, permissions, the target being a folder) the temporary file is removed, the
    // target is untouched and the error says why. Creates missing parent folders.
    IoResult<Done> write_atomic(std::string_view relative, std::string_view bytes);

    IoResult<std::string> read(std::string_view relative) const;

    // Names of the regular files directly in `relative_dir` ("" for the root), sorted; a missing
    // folder is empty.
    IoResult<std::vector<std::string>> list(std::string_view relative_dir) const;

    // Removes a file; removing a file that does not exist succeeds.
    IoResult<Done> remove(std::string_view relative);

    // Renames `from` to `to`, refusing to replace an existing `to` (creates `to`'s folder).
    IoResult<Done> move_no_replace(std::string_view from, std::string_view to);

    bool exists(std::string_view relative) const;
    // The file's size in bytes; 0 when it is missing or unreadable (for progress, never for safety).
    std::uintmax_t size_of(std::string_view relative) const;

    // ".name.json.tmp": hidden, and never ending in ".json", so a leftover temporary file can never
    // be mistaken for (or listed as) a record.
    static std::string temp_name_for(std::string_view file_name);
    static bool is_temp_name(std::string_view file_name);
    // The file a temporary file was meant to become ("name.json" for ".name.json.tmp").
    static std::string target_of_temp(std::string_view temp_name);

private:
    // The absolute path, or an error for paths that would leave the root.
    IoResult<std::string> resolve(std::string_view relative) const;

    std::string m_root;
};

}  // namespace debrief
