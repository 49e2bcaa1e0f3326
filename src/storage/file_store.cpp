// Atomic writes and plain file access with std::filesystem and <cstdio> (see file_store.h).
// No iostreams: libc++'s fstream/sstream cost ~50 KB of brotli'd wasm on the web build.
#include "storage/file_store.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <memory>
#include <system_error>

#include "core/i18n.h"

namespace debrief {

namespace {

namespace fs = std::filesystem;

struct FileCloser {
    void operator()(std::FILE* file) const { std::fclose(file); }
};
using File = std::unique_ptr<std::FILE, FileCloser>;

std::string display(const fs::path& relative) { return relative.generic_string(); }

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
    return std::generic_category().message(error_number);
}

// `key` is a whole sentence with {file} and {reason}: "Could not save {file}: {reason}."
IoError error_from(int error_number, std::string_view key, const fs::path& relative) {
    return IoError{kind_of(error_number),
                   tr_format(key, {{"file", display(relative)}, {"reason", reason_of(error_number)}}),
                   display(relative)};
}

}  // namespace

FileStore::FileStore(std::filesystem::path root) : m_root(std::move(root)) {}

IoResult<std::filesystem::path> FileStore::resolve(const std::filesystem::path& relative) const {
    bool safe = !relative.empty() && !relative.has_root_name() && !relative.has_root_directory();
    for (const fs::path& part : relative) safe = safe && part != ".." && part != ".";
    if (!safe) {
        return IoError{IoErrorKind::bad_path, tr_format("error.file.unsafe_path", {{"file", display(relative)}}),
                       display(relative)};
    }
    return m_root / relative;
}

std::string FileStore::temp_name_for(std::string_view file_name) { return "." + std::string(file_name) + ".tmp"; }

bool FileStore::is_temp_name(std::string_view file_name) {
    return file_name.size() > 5 && file_name.front() == '.' && file_name.substr(file_name.size() - 4) == ".tmp";
}

std::string FileStore::target_of_temp(std::string_view temp_name) {
    return is_temp_name(temp_name) ? std::string(temp_name.substr(1, temp_name.size() - 5)) : std::string(temp_name);
}

IoResult<Done> FileStore::write_atomic(const std::filesystem::path& relative, std::string_view bytes) {
    auto resolved = resolve(relative);
    if (!resolved) return resolved.error();
    const fs::path target = resolved.value();
    std::error_code ec;
    const bool had_old = fs::exists(target, ec);
    // Once a version exists, every failure says it is unchanged.
    const std::string_view save_key = had_old ? "error.file.save_unchanged" : "error.file.save";
    if (had_old && fs::is_directory(target, ec)) return error_from(EISDIR, "error.file.save", relative);
    fs::create_directories(target.parent_path(), ec);
    if (ec) {
        return error_from(ec.value(), had_old ? "error.file.create_folder_unchanged" : "error.file.create_folder",
                          relative);
    }

    const fs::path temp = target.parent_path() / temp_name_for(target.filename().string());
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
            fs::remove(temp, ec);
            return error_from(saved, save_key, relative);
        }
    }
    fs::rename(temp, target, ec);
    if (ec) {
        const int saved = ec.value();
        std::error_code ignored;
        fs::remove(temp, ignored);
        return error_from(saved, save_key, relative);
    }
    return Done{};
}

IoResult<std::string> FileStore::read(const std::filesystem::path& relative) const {
    auto resolved = resolve(relative);
    if (!resolved) return resolved.error();
    std::error_code ec;
    if (fs::is_directory(resolved.value(), ec)) return error_from(EISDIR, "error.file.read", relative);
    errno = 0;
    File in(std::fopen(resolved.value().c_str(), "rb"));
    if (!in) {
        const int saved = errno;
        return error_from(saved == 0 && !fs::exists(resolved.value(), ec) ? ENOENT : saved, "error.file.read",
                          relative);
    }
    std::string bytes;
    char buffer[16384];
    errno = 0;
    for (std::size_t got; (got = std::fread(buffer, 1, sizeof buffer, in.get())) > 0;) bytes.append(buffer, got);
    if (std::ferror(in.get())) return error_from(errno, "error.file.read", relative);
    return bytes;
}

IoResult<std::vector<std::string>> FileStore::list(const std::filesystem::path& relative_dir) const {
    auto resolved = relative_dir.empty() ? IoResult<fs::path>(m_root) : resolve(relative_dir);
    if (!resolved) return resolved.error();
    std::vector<std::string> names;
    std::error_code ec;
    if (!fs::exists(resolved.value(), ec)) return names;
    for (fs::directory_iterator it(resolved.value(), ec), end; !ec && it != end; it.increment(ec)) {
        std::error_code type_ec;
        if (it->is_regular_file(type_ec)) names.push_back(it->path().filename().string());
    }
    if (ec) return error_from(ec.value(), "error.file.list", relative_dir);
    std::sort(names.begin(), names.end());
    return names;
}

IoResult<Done> FileStore::remove(const std::filesystem::path& relative) {
    auto resolved = resolve(relative);
    if (!resolved) return resolved.error();
    std::error_code ec;
    if (fs::is_directory(resolved.value(), ec)) return error_from(EISDIR, "error.file.remove", relative);
    fs::remove(resolved.value(), ec);
    if (ec) return error_from(ec.value(), "error.file.remove", relative);
    return Done{};
}

IoResult<Done> FileStore::move_no_replace(const std::filesystem::path& from, const std::filesystem::path& to) {
    auto source = resolve(from);
    if (!source) return source.error();
    auto target = resolve(to);
    if (!target) return target.error();
    std::error_code ec;
    if (fs::exists(target.value(), ec)) {
        return IoError{IoErrorKind::other,
                       tr_format("error.file.move_taken", {{"file", display(from)}, {"target", display(to)}}),
                       display(to)};
    }
    fs::create_directories(target.value().parent_path(), ec);
    if (!ec) fs::rename(source.value(), target.value(), ec);
    if (ec) return error_from(ec.value(), "error.file.move", from);
    return Done{};
}

bool FileStore::exists(const std::filesystem::path& relative) const {
    auto resolved = resolve(relative);
    std::error_code ec;
    return resolved.ok() && fs::exists(resolved.value(), ec);
}

std::uintmax_t FileStore::size_of(const std::filesystem::path& relative) const {
    auto resolved = resolve(relative);
    std::error_code ec;
    const std::uintmax_t size = resolved.ok() ? fs::file_size(resolved.value(), ec) : 0;
    return ec ? 0 : size;
}

}  // namespace debrief
