// Atomic writes and plain file access with POSIX calls and <cstdio> (see file_store.h).
// No iostreams: libc++'s fstream/sstream cost ~50 KB of brotli'd wasm on the web build. No
// std::filesystem either: its paths, directory iterators and error categories were 11 KB of the
// wasm's code for what a few POSIX calls do here, natively and on Emscripten's file system alike.
#include "storage/file_store.h"

#include <dirent.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

#include "core/i18n.h"

namespace debrief {

namespace {

struct FileCloser {
    void operator()(std::FILE* file) const { std::fclose(file); }
};
using File = std::unique_ptr<std::FILE, FileCloser>;
struct FolderCloser {
    void operator()(DIR* folder) const { closedir(folder); }
};
using Folder = std::unique_ptr<DIR, FolderCloser>;

std::string join_path(std::string_view folder, std::string_view name) {
    if (folder.empty()) return std::string(name);
    return std::string(folder) + (folder.back() == '/' ? "" : "/") + std::string(name);
}

// Everything before the last '/' ("" when there is none).
std::string parent_of(const std::string& path) {
    const std::size_t slash = path.rfind('/');
    return slash == std::string::npos ? std::string() : path.substr(0, slash);
}

std::string name_of(const std::string& path) { return path.substr(path.rfind('/') + 1); }

bool status(const std::string& path, struct stat& info) { return ::stat(path.c_str(), &info) == 0; }

bool exists_at(const std::string& path) {
    struct stat info {};
    return status(path, info);
}

bool is_folder(const std::string& path) {
    struct stat info {};
    return status(path, info) && S_ISDIR(info.st_mode);
}

// Makes `path` and its missing parents; 0, or the errno that stopped it.
int make_folders(const std::string& path) {
    if (path.empty()) return 0;
    for (std::size_t end = 1; end <= path.size(); ++end) {
        if (end < path.size() && path[end] != '/') continue;
        if (::mkdir(path.substr(0, end).c_str(), 0777) != 0 && errno != EEXIST) return errno;
    }
    return is_folder(path) ? 0 : EEXIST;  // a file stands where the folder should be
}

// Removes a file; 0 when it is gone, including when it was never there.
int remove_file(const std::string& path) { return std::remove(path.c_str()) == 0 || errno == ENOENT ? 0 : errno; }

IoErrorKind kind_of(int error_number) {
    switch (error_number) {
        case ENOENT: return IoErrorKind::not_found;
        case ENOSPC:
#ifdef EDQUOT
        case EDQUOT:
#endif
        case EFBIG: return IoErrorKind::no_space;
        case EACCES:
        case EPERM:
        case EROFS: return IoErrorKind::denied;
        case EISDIR: return IoErrorKind::not_a_file;
        default: return IoErrorKind::other;
    }
}

// A reason a person can act on; the system's own wording only when there is nothing better.
// (The system's wording comes from the C library, in English; the kinds people meet are covered.)
std::string reason_of(int error_number) {
    switch (kind_of(error_number)) {
        case IoErrorKind::no_space: return std::string(tr("error.file.reason.no_space"));
        case IoErrorKind::denied: return std::string(tr("error.file.reason.denied"));
        case IoErrorKind::not_a_file: return std::string(tr("error.file.reason.not_a_file"));
        case IoErrorKind::not_found: return std::string(tr("error.file.reason.not_found"));
        case IoErrorKind::bad_path:
        case IoErrorKind::other: break;
    }
    if (error_number == 0) return std::string(tr("error.file.reason.none"));
    return std::strerror(error_number);
}

// `key` is a whole sentence with {file} and {reason}: "Could not save {file}: {reason}."
IoError error_from(int error_number, std::string_view key, std::string_view relative) {
    return IoError{kind_of(error_number),
                   tr_format(key, {{"file", std::string(relative)}, {"reason", reason_of(error_number)}}),
                   std::string(relative)};
}

}  // namespace

FileStore::FileStore(std::string root) : m_root(std::move(root)) {}

IoResult<std::string> FileStore::resolve(std::string_view relative) const {
    bool safe = !relative.empty() && relative.front() != '/';
    for (std::size_t start = 0; safe && start <= relative.size();) {
        const std::size_t end = std::min(relative.find('/', start), relative.size());
        const std::string_view part = relative.substr(start, end - start);
        safe = part != ".." && part != ".";
        start = end + 1;
    }
    if (!safe) {
        return IoError{IoErrorKind::bad_path, tr_format("error.file.unsafe_path", {{"file", std::string(relative)}}),
                       std::string(relative)};
    }
    return join_path(m_root, relative);
}

std::string FileStore::temp_name_for(std::string_view file_name) { return "." + std::string(file_name) + ".tmp"; }

bool FileStore::is_temp_name(std::string_view file_name) {
    return file_name.size() > 5 && file_name.front() == '.' && file_name.substr(file_name.size() - 4) == ".tmp";
}

std::string FileStore::target_of_temp(std::string_view temp_name) {
    return is_temp_name(temp_name) ? std::string(temp_name.substr(1, temp_name.size() - 5)) : std::string(temp_name);
}

IoResult<Done> FileStore::write_atomic(std::string_view relative, std::string_view bytes) {
    auto resolved = resolve(relative);
    if (!resolved) return resolved.error();
    const std::string& target = resolved.value();
    struct stat old {};
    const bool had_old = status(target, old);
    // Once a version exists, every failure says it is unchanged.
    const std::string_view save_key = had_old ? "error.file.save_unchanged" : "error.file.save";
    if (had_old && S_ISDIR(old.st_mode)) return error_from(EISDIR, "error.file.save", relative);
    const std::string folder = parent_of(target);
    if (const int made = make_folders(folder); made != 0) {
        return error_from(made, had_old ? "error.file.create_folder_unchanged" : "error.file.create_folder", relative);
    }

    const std::string temp = join_path(folder, temp_name_for(name_of(target)));
    errno = 0;
    {
        File out(std::fopen(temp.c_str(), "wb"));
        if (!out) {
            const int saved = errno;
            return error_from(saved, save_key, relative);
        }
        errno = 0;
        bool ok = bytes.empty() || std::fwrite(bytes.data(), 1, bytes.size(), out.get()) == bytes.size();
        int saved = ok ? 0 : errno;
        // Closing flushes the last buffer: a full disk may only show here.
        if (std::fclose(out.release()) != 0 && ok) {
            ok = false;
            saved = errno;
        }
        if (!ok) {
            remove_file(temp);
            return error_from(saved, save_key, relative);
        }
    }
    if (std::rename(temp.c_str(), target.c_str()) != 0) {
        const int saved = errno;
        remove_file(temp);
        return error_from(saved, save_key, relative);
    }
    return Done{};
}

IoResult<std::string> FileStore::read(std::string_view relative) const {
    auto resolved = resolve(relative);
    if (!resolved) return resolved.error();
    if (is_folder(resolved.value())) return error_from(EISDIR, "error.file.read", relative);
    errno = 0;
    File in(std::fopen(resolved.value().c_str(), "rb"));
    if (!in) {
        const int saved = errno;
        return error_from(saved == 0 && !exists_at(resolved.value()) ? ENOENT : saved, "error.file.read", relative);
    }
    std::string bytes;
    char buffer[16384];
    errno = 0;
    for (std::size_t got; (got = std::fread(buffer, 1, sizeof buffer, in.get())) > 0;) bytes.append(buffer, got);
    if (std::ferror(in.get())) return error_from(errno, "error.file.read", relative);
    return bytes;
}

IoResult<std::vector<std::string>> FileStore::list(std::string_view relative_dir) const {
    auto resolved = relative_dir.empty() ? IoResult<std::string>(m_root) : resolve(relative_dir);
    if (!resolved) return resolved.error();
    std::vector<std::string> names;
    const std::string& path = resolved.value();
    Folder folder(opendir(path.c_str()));
    if (!folder) {
        if (errno == ENOENT) return names;
        return error_from(errno, "error.file.list", relative_dir);
    }
    errno = 0;
    while (const dirent* entry = readdir(folder.get())) {
        const std::string_view name = entry->d_name;
        struct stat info {};
        if (name != "." && name != ".." && status(join_path(path, name), info) && S_ISREG(info.st_mode)) {
            names.emplace_back(name);
        }
        errno = 0;
    }
    if (errno != 0) return error_from(errno, "error.file.list", relative_dir);
    std::sort(names.begin(), names.end());
    return names;
}

IoResult<Done> FileStore::remove(std::string_view relative) {
    auto resolved = resolve(relative);
    if (!resolved) return resolved.error();
    if (is_folder(resolved.value())) return error_from(EISDIR, "error.file.remove", relative);
    if (const int failed = remove_file(resolved.value()); failed != 0)
        return error_from(failed, "error.file.remove", relative);
    return Done{};
}

IoResult<Done> FileStore::move_no_replace(std::string_view from, std::string_view to) {
    auto source = resolve(from);
    if (!source) return source.error();
    auto target = resolve(to);
    if (!target) return target.error();
    if (exists_at(target.value())) {
        return IoError{IoErrorKind::other,
                       tr_format("error.file.move_taken", {{"file", std::string(from)}, {"target", std::string(to)}}),
                       std::string(to)};
    }
    int failed = make_folders(parent_of(target.value()));
    if (failed == 0 && std::rename(source.value().c_str(), target.value().c_str()) != 0) failed = errno;
    if (failed != 0) return error_from(failed, "error.file.move", from);
    return Done{};
}

bool FileStore::exists(std::string_view relative) const {
    auto resolved = resolve(relative);
    return resolved.ok() && exists_at(resolved.value());
}

std::uintmax_t FileStore::size_of(std::string_view relative) const {
    auto resolved = resolve(relative);
    struct stat info {};
    if (!resolved || !status(resolved.value(), info) || !S_ISREG(info.st_mode)) return 0;
    return static_cast<std::uintmax_t>(info.st_size);
}

}  // namespace debrief
