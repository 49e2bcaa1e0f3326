// One-file-per-record storage of the journal (see journal_store.h).
#include "storage/journal_store.h"

#include <algorithm>
#include <optional>
#include <set>

#include "serialization/schema_fields.h"

namespace debrief {

namespace {

constexpr RecordType collection_types[] = {RecordType::reflection, RecordType::contact, RecordType::message,
                                           RecordType::reminder};
constexpr std::string_view settings_file = "settings.json";
constexpr std::string_view quarantine_dir = "quarantine";

std::string_view directory_of(RecordType type) {
    switch (type) {
        case RecordType::reflection:
            return "reflections";
        case RecordType::contact:
            return "contacts";
        case RecordType::message:
            return "messages";
        case RecordType::reminder:
            return "reminders";
        case RecordType::settings:
            break;
    }
    return "";
}

std::string join(std::string_view dir, std::string_view name) {
    return dir.empty() ? std::string(name) : std::string(dir) + "/" + std::string(name);
}

bool ends_with(std::string_view text, std::string_view suffix) {
    return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

std::string file_name_of(const std::string& path) {
    const auto slash = path.rfind('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

std::string id_of(const AnyRecord& record) {
    switch (record_type_of(record)) {
        case RecordType::reflection:
            return std::get<Reflection>(record).meta.id;
        case RecordType::contact:
            return std::get<Contact>(record).meta.id;
        case RecordType::message:
            return std::get<Message>(record).meta.id;
        case RecordType::reminder:
            return std::get<Reminder>(record).meta.id;
        case RecordType::settings:
            break;
    }
    return "";
}

// The per-id extras map of a collection (nullptr for settings); const or not, like `extras`.
template <class Extras>
auto collection_extras(Extras& extras, RecordType type) -> decltype(&extras.reflections) {
    switch (type) {
        case RecordType::reflection:
            return &extras.reflections;
        case RecordType::contact:
            return &extras.contacts;
        case RecordType::message:
            return &extras.messages;
        case RecordType::reminder:
            return &extras.reminders;
        case RecordType::settings:
            break;
    }
    return nullptr;
}

// Records in a stable, meaningful order: oldest first, ties by id (file listing order is arbitrary).
template <class T>
void sort_records(std::vector<T>& records) {
    std::sort(records.begin(), records.end(), [](const T& a, const T& b) {
        if (a.meta.created.unix_ms != b.meta.created.unix_ms) return a.meta.created.unix_ms < b.meta.created.unix_ms;
        return a.meta.id < b.meta.id;
    });
}

template <class T>
const T* find_by_id(const std::vector<T>& records, std::string_view id) {
    for (const T& r : records) {
        if (r.meta.id == id) return &r;
    }
    return nullptr;
}

}  // namespace

JournalStore::JournalStore(std::filesystem::path root) : m_files(std::move(root)) {}

std::string JournalStore::record_path(RecordType type, std::string_view id) {
    if (type == RecordType::settings) return std::string(settings_file);
    return join(directory_of(type), std::string(id) + ".json");
}

const RecordExtras& JournalStore::extras_of(RecordType type, const std::string& id) const {
    static const RecordExtras none;
    if (type == RecordType::settings) return m_extras.settings;
    const auto* all = collection_extras(m_extras, type);
    const auto it = all->find(id);
    return it == all->end() ? none : it->second;
}

// [SECTION] Loading

LoadResult JournalStore::load_journal() {
    LoadResult result;
    m_on_disk.clear();
    m_extras = JournalExtras{};
    for (RecordType type : collection_types) load_directory(type, result);
    load_directory(RecordType::settings, result);
    sort_records(result.journal.reflections);
    sort_records(result.journal.contacts);
    sort_records(result.journal.messages);
    sort_records(result.journal.reminders);
    result.extras = m_extras;
    return result;
}

void JournalStore::load_directory(RecordType type, LoadResult& result) {
    const std::string_view dir = directory_of(type);
    auto listed = m_files.list(std::string(dir));
    if (!listed) {
        result.errors.push_back(listed.error());
        return;
    }
    std::vector<std::string> names = std::move(listed).value();
    const auto belongs_here = [&](const std::string& name) {
        return type == RecordType::settings ? name == settings_file : ends_with(name, ".json");
    };

    // Unfinished saves first, so a promoted one is loaded like any other file below.
    for (const std::string& name : std::vector<std::string>(names)) {
        if (!FileStore::is_temp_name(name)) continue;
        const std::string target = FileStore::target_of_temp(name);
        if (!belongs_here(target)) continue;
        const std::string temp_path = join(dir, name);
        const std::string target_path = join(dir, target);
        if (std::find(names.begin(), names.end(), target) != names.end()) {
            // The save never reached its rename: the real file still holds the last complete version.
            if (auto removed = m_files.remove(temp_path); !removed) result.errors.push_back(removed.error());
            continue;
        }
        auto bytes = m_files.read(temp_path);
        if (!bytes) {
            result.errors.push_back(bytes.error());
            continue;
        }
        auto decoded = decode_record(bytes.value());
        const bool valid = decoded.ok() && record_type_of(decoded.value().record) == type &&
                           (type == RecordType::settings || id_of(decoded.value().record) + ".json" == target);
        if (!valid) {
            quarantine(temp_path,
                       decoded.ok()
                           ? "An unfinished save of " + target_path + " held a different record"
                           : "An unfinished save of " + target_path + " is incomplete: " + decoded.error().message,
                       result);
            continue;
        }
        if (auto moved = m_files.move_no_replace(temp_path, target_path); !moved) {
            result.errors.push_back(moved.error());
            continue;
        }
        result.warnings.push_back("Recovered " + target_path + " from a save that was interrupted.");
        names.push_back(target);
    }

    for (const std::string& name : names) {
        if (FileStore::is_temp_name(name) || !belongs_here(name)) continue;
        const std::string path = join(dir, name);
        auto bytes = m_files.read(path);
        if (!bytes) {
            result.errors.push_back(bytes.error());
            continue;
        }
        auto decoded = decode_record(bytes.value());
        if (!decoded) {
            quarantine(path, decoded.error().message, result);
            continue;
        }
        const std::string expected_id = type == RecordType::settings ? "" : name.substr(0, name.size() - 5);
        if (accept(type, path, expected_id, std::move(decoded).value(), result))
            m_on_disk[path] = std::move(bytes).value();
    }
}

bool JournalStore::accept(RecordType type, const std::string& path, const std::string& expected_id,
                          DecodedRecord decoded, LoadResult& result) {
    const RecordType found = record_type_of(decoded.record);
    if (found != type) {
        quarantine(path,
                   "The file holds a " + std::string(record_type_key(found)) + " record where a " +
                       std::string(record_type_key(type)) + " record belongs",
                   result);
        return false;
    }
    const std::string id = id_of(decoded.record);
    if (type != RecordType::settings && id != expected_id) {
        quarantine(path, "The file name says id \"" + expected_id + "\" but the record inside has id \"" + id + "\"",
                   result);
        return false;
    }
    for (std::string& warning : decoded.warnings) result.warnings.push_back(path + ": " + warning);
    if (type == RecordType::settings) {
        m_extras.settings = std::move(decoded.extras);
    } else if (!decoded.extras.empty()) {
        (*collection_extras(m_extras, type))[id] = std::move(decoded.extras);
    }
    Journal& j = result.journal;
    switch (type) {
        case RecordType::reflection:
            j.reflections.push_back(std::get<Reflection>(std::move(decoded.record)));
            break;
        case RecordType::contact:
            j.contacts.push_back(std::get<Contact>(std::move(decoded.record)));
            break;
        case RecordType::message:
            j.messages.push_back(std::get<Message>(std::move(decoded.record)));
            break;
        case RecordType::reminder:
            j.reminders.push_back(std::get<Reminder>(std::move(decoded.record)));
            break;
        case RecordType::settings:
            j.settings = std::get<Settings>(std::move(decoded.record));
            break;
    }
    return true;
}

void JournalStore::quarantine(const std::string& path, const std::string& reason, LoadResult& result) {
    // Numbered so that a second damaged copy of the same file never replaces the first.
    const std::string name = file_name_of(path);
    for (int n = 1; n <= 100000; ++n) {
        const std::string target = join(quarantine_dir, name + "." + std::to_string(n));
        if (m_files.exists(target)) continue;
        auto moved = m_files.move_no_replace(path, target);
        if (!moved) {
            result.errors.push_back(moved.error());
            return;
        }
        result.quarantined.push_back(QuarantinedFile{path, target, reason});
        return;
    }
    result.errors.push_back(
        IoError{IoErrorKind::other, "Could not move " + path + " aside: the quarantine folder is full.", path});
}

// [SECTION] Saving

IoResult<SaveOutcome> JournalStore::write_if_changed(const std::string& path, std::string bytes) {
    const auto known = m_on_disk.find(path);
    if (known != m_on_disk.end() && known->second == bytes) return SaveOutcome::unchanged;
    auto written = m_files.write_atomic(path, bytes);
    if (!written) return written.error();
    m_on_disk[path] = std::move(bytes);
    return SaveOutcome::written;
}

template <class T>
IoResult<SaveOutcome> JournalStore::save(RecordType type, const T& record, const std::string& id,
                                         const RecordExtras& extras) {
    if (type != RecordType::settings && !is_valid_record_id(id)) {
        // The id is the file name: an unsafe one must never reach the file system.
        return IoError{IoErrorKind::bad_path,
                       "Could not save a " + std::string(record_type_key(type)) + " with the id \"" + id +
                           "\": ids may only hold letters, digits, '-' and '_'.",
                       std::string(directory_of(type))};
    }
    return write_if_changed(record_path(type, id), encode_record(record, extras));
}

IoResult<SaveOutcome> JournalStore::save_record(const Reflection& r) {
    return save(RecordType::reflection, r, r.meta.id, extras_of(RecordType::reflection, r.meta.id));
}
IoResult<SaveOutcome> JournalStore::save_record(const Contact& c) {
    return save(RecordType::contact, c, c.meta.id, extras_of(RecordType::contact, c.meta.id));
}
IoResult<SaveOutcome> JournalStore::save_record(const Message& m) {
    return save(RecordType::message, m, m.meta.id, extras_of(RecordType::message, m.meta.id));
}
IoResult<SaveOutcome> JournalStore::save_record(const Reminder& r) {
    return save(RecordType::reminder, r, r.meta.id, extras_of(RecordType::reminder, r.meta.id));
}
IoResult<SaveOutcome> JournalStore::save_record(const Settings& s) {
    return save(RecordType::settings, s, "", m_extras.settings);
}

IoResult<SaveOutcome> JournalStore::save_record(const Journal& journal, RecordType type, std::string_view id) {
    const auto save_or_remove = [&](const auto* record) -> IoResult<SaveOutcome> {
        if (record != nullptr) return save_record(*record);
        auto removed = remove_record(type, id);
        if (!removed) return removed.error();
        return SaveOutcome::removed;
    };
    switch (type) {
        case RecordType::reflection:
            return save_or_remove(find_by_id(journal.reflections, id));
        case RecordType::contact:
            return save_or_remove(find_by_id(journal.contacts, id));
        case RecordType::message:
            return save_or_remove(find_by_id(journal.messages, id));
        case RecordType::reminder:
            return save_or_remove(find_by_id(journal.reminders, id));
        case RecordType::settings:
            break;
    }
    return save_record(journal.settings);
}

IoResult<Done> JournalStore::remove_record(RecordType type, std::string_view id) {
    if (type != RecordType::settings && !is_valid_record_id(id)) {
        return IoError{IoErrorKind::bad_path, "Could not remove a record with the id \"" + std::string(id) + "\".",
                       std::string(directory_of(type))};
    }
    const std::string path = record_path(type, id);
    auto removed = m_files.remove(path);
    if (!removed) return removed.error();
    m_on_disk.erase(path);
    return Done{};
}

IoResult<SaveSummary> JournalStore::save_all(const Journal& journal) {
    SaveSummary summary;
    std::optional<IoError> first_error;
    std::set<std::string> kept;
    const auto tally = [&](IoResult<SaveOutcome> outcome, const std::string& path) {
        kept.insert(path);
        if (!outcome) {
            if (!first_error) first_error = outcome.error();
            return;
        }
        if (outcome.value() == SaveOutcome::written) ++summary.written;
        if (outcome.value() == SaveOutcome::unchanged) ++summary.unchanged;
    };
    for (const Reflection& r : journal.reflections)
        tally(save_record(r), record_path(RecordType::reflection, r.meta.id));
    for (const Contact& c : journal.contacts) tally(save_record(c), record_path(RecordType::contact, c.meta.id));
    for (const Message& m : journal.messages) tally(save_record(m), record_path(RecordType::message, m.meta.id));
    for (const Reminder& r : journal.reminders) tally(save_record(r), record_path(RecordType::reminder, r.meta.id));
    tally(save_record(journal.settings), std::string(settings_file));

    std::vector<std::string> stale;
    for (const auto& [path, bytes] : m_on_disk) {
        if (kept.count(path) == 0) stale.push_back(path);
    }
    for (const std::string& path : stale) {
        auto removed = m_files.remove(path);
        if (!removed) {
            if (!first_error) first_error = removed.error();
            continue;
        }
        m_on_disk.erase(path);
        ++summary.removed;
    }
    if (first_error) return *first_error;
    return summary;
}

}  // namespace debrief
