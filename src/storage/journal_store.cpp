// Sharded storage of the journal (see journal_store.h): loading with line-level quarantine and
// migration of the old one-file-per-record layout, and batched saving that writes each touched
// shard once.
#include "storage/journal_store.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <set>
#include <type_traits>
#include <unordered_map>

#include "core/i18n.h"
#include "serialization/journal_json.h"
#include "serialization/json_reader.h"
#include "serialization/schema_fields.h"

namespace debrief {

namespace {

// [SECTION] Names and helpers

// In the order of RecordType, so a collection's index is its RecordType's value.
constexpr RecordType collection_types[] = {RecordType::reflection, RecordType::contact, RecordType::message,
                                           RecordType::reminder};
constexpr std::string_view settings_file = "settings.json";
constexpr std::string_view quarantine_dir = "quarantine";
constexpr std::string_view shard_suffix = ".jsonl";
constexpr std::string_view legacy_suffix = ".json";

int collection_index(RecordType type) { return static_cast<int>(type); }

std::string_view directory_of(RecordType type) {
    switch (type) {
        case RecordType::reflection: return "reflections";
        case RecordType::contact: return "contacts";
        case RecordType::message: return "messages";
        case RecordType::reminder: return "reminders";
        case RecordType::settings: break;
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

std::string shard_file_name(int shard) {
    char name[16];
    std::snprintf(name, sizeof name, "%02x", shard);
    return name + std::string(shard_suffix);
}

// The shard number of "2a.jsonl"; nullopt for any other name (only names this version writes).
std::optional<int> shard_of_file_name(std::string_view name) {
    if (name.size() != 2 + shard_suffix.size() || !ends_with(name, shard_suffix)) return std::nullopt;
    int value = 0;
    for (char c : name.substr(0, 2)) {
        const int digit = c >= '0' && c <= '9' ? c - '0' : (c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1);
        if (digit < 0) return std::nullopt;
        value = value * 16 + digit;
    }
    if (value >= JournalStore::shard_count) return std::nullopt;
    return value;
}

// "<id>.json": a record file of the layout before shards.
bool is_legacy_record_name(std::string_view name) { return ends_with(name, legacy_suffix); }

std::string id_of(const AnyRecord& record) {
    switch (record_type_of(record)) {
        case RecordType::reflection: return std::get<Reflection>(record).meta.id;
        case RecordType::contact: return std::get<Contact>(record).meta.id;
        case RecordType::message: return std::get<Message>(record).meta.id;
        case RecordType::reminder: return std::get<Reminder>(record).meta.id;
        case RecordType::settings: break;
    }
    return "";
}

std::int64_t modified_of(const AnyRecord& record) {
    return std::visit(
        [](const auto& r) -> std::int64_t {
            if constexpr (std::is_same_v<std::decay_t<decltype(r)>, Settings>) {
                return r.modified.unix_ms;
            } else {
                return r.meta.modified.unix_ms;
            }
        },
        record);
}

// The per-id extras map of a collection (nullptr for settings); const or not, like `extras`.
template <class Extras>
auto collection_extras(Extras& extras, RecordType type) -> decltype(&extras.reflections) {
    switch (type) {
        case RecordType::reflection: return &extras.reflections;
        case RecordType::contact: return &extras.contacts;
        case RecordType::message: return &extras.messages;
        case RecordType::reminder: return &extras.reminders;
        case RecordType::settings: break;
    }
    return nullptr;
}

// Calls `visit` with the journal's vector of records of a collection type.
template <class J, class F>
void with_records(J& journal, RecordType type, F&& visit) {
    switch (type) {
        case RecordType::reflection: visit(journal.reflections); break;
        case RecordType::contact: visit(journal.contacts); break;
        case RecordType::message: visit(journal.messages); break;
        case RecordType::reminder: visit(journal.reminders); break;
        case RecordType::settings: break;
    }
}

// Records in a stable, meaningful order: oldest first, ties by id (file listing order is arbitrary).
template <class T>
void sort_records(std::vector<T>& records) {
    // Sorts positions, then moves each record once: swapping whole records (dozens of strings each)
    // was an eighth of loading 10,000 reflections.
    std::vector<std::size_t> order(records.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
        const T& a = records[x];
        const T& b = records[y];
        if (a.meta.created.unix_ms != b.meta.created.unix_ms) return a.meta.created.unix_ms < b.meta.created.unix_ms;
        return a.meta.id < b.meta.id;
    });
    std::vector<T> sorted;
    sorted.reserve(records.size());
    for (const std::size_t i : order) sorted.push_back(std::move(records[i]));
    records = std::move(sorted);
}

std::string render(const std::map<std::string, std::string>& lines, const std::string& held) {
    std::size_t size = held.size();
    for (const auto& [id, line] : lines) size += line.size() + 1;
    std::string bytes;
    bytes.reserve(size);
    for (const auto& [id, line] : lines) {
        bytes += line;
        bytes += '\n';
    }
    bytes += held;
    return bytes;
}

// The lines of a shard file; a last line without its '\n' (a torn write) still counts as a line.
std::vector<std::string_view> split_lines(std::string_view bytes) {
    std::vector<std::string_view> lines;
    while (!bytes.empty()) {
        const auto end = bytes.find('\n');
        lines.push_back(bytes.substr(0, end));
        if (end == std::string_view::npos) break;
        bytes.remove_prefix(end + 1);
    }
    return lines;
}

// "a reflection record": a noun phrase for messages, from the catalogue.
std::string record_phrase(RecordType type) {
    return std::string(tr(std::string("error.record.") + std::string(record_type_key(type))));
}

IoError bad_id_error(RecordType type, std::string_view id) {
    return IoError{IoErrorKind::bad_path,
                   tr_format("error.storage.bad_id", {{"record", record_phrase(type)}, {"id", id}}),
                   std::string(directory_of(type))};
}

// Finds records of a journal by id. A batch of many lookups (an import) builds a hash index once,
// so each lookup is O(1) (a scan per dirty record made an import of 10,000 records quadratic); a
// few lookups (one edit) scan instead, which is cheaper than indexing 10,000 records.
class RecordFinder {
public:
    RecordFinder(const Journal& journal, std::size_t lookups) : m_journal(journal) {
        if (lookups <= scan_limit) return;
        m_indexed = true;
        index(journal.reflections, m_reflections);
        index(journal.contacts, m_contacts);
        index(journal.messages, m_messages);
        index(journal.reminders, m_reminders);
    }

    // Calls `found(record)` when the journal has the record.
    template <class F>
    void with_record(RecordType type, std::string_view id, F&& found) const {
        switch (type) {
            case RecordType::reflection: return find(m_journal.reflections, m_reflections, id, found);
            case RecordType::contact: return find(m_journal.contacts, m_contacts, id, found);
            case RecordType::message: return find(m_journal.messages, m_messages, id, found);
            case RecordType::reminder: return find(m_journal.reminders, m_reminders, id, found);
            case RecordType::settings: break;
        }
    }

private:
    static constexpr std::size_t scan_limit = 16;
    template <class T>
    using ById = std::unordered_map<std::string_view, const T*>;

    template <class T>
    static void index(const std::vector<T>& records, ById<T>& by_id) {
        by_id.reserve(records.size());
        for (const T& r : records) by_id.emplace(r.meta.id, &r);
    }
    template <class T, class F>
    void find(const std::vector<T>& records, const ById<T>& by_id, std::string_view id, F& found) const {
        if (m_indexed) {
            const auto it = by_id.find(id);
            if (it != by_id.end()) found(*it->second);
            return;
        }
        for (const T& r : records) {
            if (r.meta.id == id) return found(r);
        }
    }

    const Journal& m_journal;
    bool m_indexed = false;
    ById<Reflection> m_reflections;
    ById<Contact> m_contacts;
    ById<Message> m_messages;
    ById<Reminder> m_reminders;
};

}  // namespace

// [SECTION] Paths

JournalStore::JournalStore(std::string root) : m_files(std::move(root)) {}

int JournalStore::shard_of(std::string_view id) {
    std::uint32_t hash = 2166136261u;
    for (unsigned char c : id) {
        hash ^= c;
        hash *= 16777619u;
    }
    return static_cast<int>(hash % static_cast<std::uint32_t>(shard_count));
}

std::string JournalStore::shard_path(RecordType type, int shard) {
    return join(directory_of(type), shard_file_name(shard));
}

std::string JournalStore::record_path(RecordType type, std::string_view id) {
    if (type == RecordType::settings) return std::string(settings_file);
    return shard_path(type, shard_of(id));
}

JournalStore::Collection& JournalStore::collection(RecordType type) {
    return m_collections[static_cast<std::size_t>(collection_index(type))];
}

const JournalStore::Shard& JournalStore::shard(RecordType type, int index) const {
    return m_collections[static_cast<std::size_t>(collection_index(type))][static_cast<std::size_t>(index)];
}

const RecordExtras& JournalStore::extras_of(RecordType type, const std::string& id) const {
    static const RecordExtras none;
    if (type == RecordType::settings) return m_extras.settings;
    const auto* all = collection_extras(m_extras, type);
    const auto it = all->find(id);
    return it == all->end() ? none : it->second;
}

// [SECTION] Saving

// Records the change of one record's line in `staged` unless the line on disk is already the same.
IoResult<SaveOutcome> JournalStore::stage(RecordType type, const std::string& id, std::optional<std::string> line,
                                          StagedChanges& staged) const {
    // Ids are never file names any more, but an id that is not one the schema allows is a bug
    // upstream: refuse it rather than store a record that no load would accept.
    if (!is_valid_record_id(id)) return bad_id_error(type, id);
    const int index = shard_of(id);
    const auto& lines = shard(type, index).lines;
    const auto known = lines.find(id);
    const bool present = known != lines.end();
    if (line ? present && known->second == *line : !present) return SaveOutcome::unchanged;
    const SaveOutcome outcome = line ? SaveOutcome::written : SaveOutcome::removed;
    staged[{collection_index(type), index}][id] = std::move(line);
    return outcome;
}

IoResult<Done> JournalStore::write_shard(RecordType type, int index, const Shard& contents) {
    const std::string path = shard_path(type, index);
    if (contents.lines.empty() && contents.held.empty()) return m_files.remove(path);
    return m_files.write_atomic(path, render(contents.lines, contents.held));
}

// Writes each shard named in `staged` once, with all its changes.
void JournalStore::write_staged(const StagedChanges& staged, BatchSaveResult& result) {
    for (const auto& [where, changes] : staged) {
        const RecordType type = collection_types[where.first];
        Shard updated = shard(type, where.second);
        for (const auto& [id, line] : changes) {
            if (line) {
                updated.lines[id] = *line;
            } else {
                updated.lines.erase(id);
            }
        }
        auto written = write_shard(type, where.second, updated);
        if (!written) {
            // Nothing of this shard changed on disk: its records stay to be saved.
            if (!result.first_error) result.first_error = written.error();
            for (const auto& change : changes) result.unwritten.push_back(RecordKey{type, change.first});
            continue;
        }
        collection(type)[static_cast<std::size_t>(where.second)] = std::move(updated);
        ++result.summary.files_written;
        for (const auto& change : changes) ++(change.second ? result.summary.written : result.summary.removed);
    }
}

IoResult<SaveOutcome> JournalStore::write_settings(const Settings& settings) {
    // The journal's own unknown top-level keys are kept with its settings.
    std::string bytes = encode_record(settings, m_extras.settings, TextLayout::pretty, m_extras.document);
    if (m_settings_on_disk == bytes) return SaveOutcome::unchanged;
    auto written = m_files.write_atomic(std::string(settings_file), bytes);
    if (!written) return written.error();
    m_settings_on_disk = std::move(bytes);
    return SaveOutcome::written;
}

BatchSaveResult JournalStore::save_records(const Journal& journal, const std::vector<RecordKey>& records) {
    BatchSaveResult result;
    const auto failed = [&](const RecordKey& ref, IoError error) {
        if (!result.first_error) result.first_error = std::move(error);
        result.unwritten.push_back(ref);
    };
    const RecordFinder finder(journal, records.size());
    StagedChanges staged;
    for (const RecordKey& ref : records) {
        IoResult<SaveOutcome> outcome = SaveOutcome::unchanged;
        if (ref.type == RecordType::settings) {
            outcome = write_settings(journal.settings);
            if (outcome && outcome.value() == SaveOutcome::written) {
                ++result.summary.written;
                ++result.summary.files_written;
            }
        } else {
            std::optional<std::string> line;
            finder.with_record(ref.type, ref.id, [&](const auto& record) {
                line = encode_record(record, extras_of(ref.type, ref.id), TextLayout::line);
            });
            outcome = stage(ref.type, ref.id, std::move(line), staged);
        }
        if (!outcome) {
            failed(ref, outcome.error());
        } else if (outcome.value() == SaveOutcome::unchanged) {
            ++result.summary.unchanged;
        }
    }
    write_staged(staged, result);
    return result;
}

// [SECTION] Loading

// The state of one load_journal: where each record landed in the journal (to resolve an id seen
// twice) and which old-layout files to move into shards.
struct JournalStore::Loader {
    JournalStore& store;
    LoadResult& result;
    std::array<std::unordered_map<std::string, std::size_t>, 4> position{};  // id -> index in its vector
    std::vector<RecordKey> from_legacy;                                      // records read from old-layout files
    std::vector<std::string> legacy_paths;  // old-layout files, removed once their shards are written
    std::size_t listed_warnings = 0;        // see add_warnings
    std::size_t all_warnings = 0;

    // After the last record: the count of the warnings not listed.
    void finish_warnings() {
        if (all_warnings <= listed_warnings) return;
        result.warnings.push_back(more_warnings_line(all_warnings - listed_warnings));
    }

    // A valid temporary file's target, or why it is not valid.
    // Why a temporary file is not a valid save: a catalogue key ("An unfinished save of {file} ...")
    // and, for an unreadable one, the decoder's {reason}.
    struct TempProblem {
        std::string_view key;
        std::string reason;
    };
    using TempCheck = std::optional<TempProblem> (Loader::*)(RecordType, const std::string&, const std::string&);

    // The collection's files to read, in order: `shard(index)` for each shard, then
    // `old_file(path)` for each old-layout file. Leftover temporary files are dealt with first.
    template <class Shard, class OldFile>
    void list_collection(RecordType type, Shard shard, OldFile old_file) {
        const std::string dir(directory_of(type));
        auto listed = store.m_files.list(dir);
        if (!listed) {
            result.errors.push_back(listed.error());
            return;
        }
        std::vector<std::string> names = std::move(listed).value();
        recover_temps(type, dir, names);
        // Shards first: a record also found in an old-layout file is a migration cut short.
        for (const std::string& name : names) {
            if (const auto index = shard_of_file_name(name); index && !FileStore::is_temp_name(name)) shard(*index);
        }
        for (const std::string& name : names) {
            if (!FileStore::is_temp_name(name) && is_legacy_record_name(name)) old_file(join(dir, name));
        }
    }

    void load_settings() {
        auto listed = store.m_files.list("");
        if (!listed) {
            result.errors.push_back(listed.error());
            return;
        }
        std::vector<std::string> names = std::move(listed).value();
        recover_temps(RecordType::settings, "", names);
        if (std::find(names.begin(), names.end(), settings_file) == names.end()) return;
        const std::string path(settings_file);
        auto bytes = store.m_files.read(path);
        if (!bytes) {
            result.errors.push_back(bytes.error());
            return;
        }
        auto decoded = decode_record(bytes.value());
        if (!decoded) return quarantine_file(path, decoded.error().message);
        if (auto wrong = wrong_type(RecordType::settings, decoded.value(), "error.storage.wrong_type_file"))
            return quarantine_file(path, *wrong);
        add_warnings(path, decoded.value());
        store.m_extras.settings = std::move(decoded.value().extras);
        store.m_extras.document = std::move(decoded.value().journal_extras);
        result.journal.settings = std::get<Settings>(std::move(decoded.value().record));
        store.m_settings_on_disk = std::move(bytes).value();
    }

    // Old-layout files found during this load go into shards; the files are removed only after
    // every shard write succeeded, so a crash in between leaves a record in both places (resolved
    // at the next load) and never in neither.
    void migrate_legacy() {
        if (legacy_paths.empty()) return;
        StagedChanges staged;
        for (const RecordKey& ref : from_legacy) {
            std::optional<std::string> line;
            with_records(result.journal, ref.type, [&](const auto& records) {
                const auto& record = records[position[static_cast<std::size_t>(collection_index(ref.type))][ref.id]];
                line = encode_record(record, store.extras_of(ref.type, ref.id), TextLayout::line);
            });
            auto outcome = store.stage(ref.type, ref.id, std::move(line), staged);
            if (!outcome) return result.errors.push_back(outcome.error());
        }
        BatchSaveResult written;
        store.write_staged(staged, written);
        if (written.first_error) return result.errors.push_back(*written.first_error);
        result.files_changed = true;
        for (const std::string& path : legacy_paths) {
            if (auto removed = store.m_files.remove(path); !removed) result.errors.push_back(removed.error());
        }
    }

    void load_shard(RecordType type, int index) {
        const std::string path = shard_path(type, index);
        auto bytes = store.m_files.read(path);
        if (!bytes) return result.errors.push_back(bytes.error());
        Shard& shard = store.collection(type)[static_cast<std::size_t>(index)];
        std::string bad_lines;
        std::vector<std::string> reasons;
        int number = 0;
        for (std::string_view line : split_lines(bytes.value())) {
            ++number;
            if (line.empty()) continue;
            auto decoded = decode_record(line);
            std::optional<std::string> problem =
                decoded ? line_problem(type, index, decoded.value()) : decoded.error().message;
            if (problem) {
                bad_lines.append(line).append("\n");
                reasons.push_back(
                    tr_format("error.storage.line", {{"line", format_number(number)}, {"problem", *problem}}));
                continue;
            }
            shard.lines.emplace(id_of(decoded.value().record), std::string(line));
            add(type, path, std::move(decoded).value());
        }
        if (bad_lines.empty()) return;
        // The shard loses its bad lines only once they are safe in quarantine.
        if (!quarantine_lines(type, index, bad_lines, reasons)) return;
        if (auto rewritten = store.write_shard(type, index, shard); !rewritten)
            result.errors.push_back(rewritten.error());
    }

    void load_legacy_file(RecordType type, const std::string& path) {
        auto bytes = store.m_files.read(path);
        if (!bytes) return result.errors.push_back(bytes.error());
        auto decoded = decode_record(bytes.value());
        if (!decoded) return quarantine_file(path, decoded.error().message);
        if (auto wrong = wrong_type(type, decoded.value(), "error.storage.wrong_type_file"))
            return quarantine_file(path, *wrong);
        const std::string id = id_of(decoded.value().record);
        const std::string name = file_name_of(path);
        const std::string expected_id = name.substr(0, name.size() - legacy_suffix.size());
        if (id != expected_id) {
            return quarantine_file(path,
                                   tr_format("error.storage.id_mismatch", {{"expected", expected_id}, {"id", id}}));
        }
        legacy_paths.push_back(path);
        from_legacy.push_back(RecordKey{type, id});
        if (!known(type, id)) return add(type, path, std::move(decoded).value());
        // Seen in a shard too (a migration cut short, or an older version wrote again): the newer
        // `modified` wins, the shard's copy on a tie.
        if (modified_of(decoded.value().record) > modified_of_known(type, id))
            add(type, path, std::move(decoded).value());
    }

private:
    // Unfinished saves: dropped when the real file exists (it holds the last complete version),
    // promoted when complete and valid, quarantined otherwise.
    void recover_temps(RecordType type, const std::string& dir, std::vector<std::string>& names) {
        for (const std::string& name : std::vector<std::string>(names)) {
            if (!FileStore::is_temp_name(name)) continue;
            const std::string target = FileStore::target_of_temp(name);
            const TempCheck check = temp_check_for(type, target);
            if (check == nullptr) continue;
            const std::string temp_path = join(dir, name);
            const std::string target_path = join(dir, target);
            if (std::find(names.begin(), names.end(), target) != names.end()) {
                if (auto removed = store.m_files.remove(temp_path); !removed) result.errors.push_back(removed.error());
                continue;
            }
            auto bytes = store.m_files.read(temp_path);
            if (!bytes) {
                result.errors.push_back(bytes.error());
                continue;
            }
            if (auto problem = (this->*check)(type, target, bytes.value())) {
                quarantine_file(temp_path,
                                tr_format(problem->key, {{"file", target_path}, {"reason", problem->reason}}));
                continue;
            }
            if (auto moved = store.m_files.move_no_replace(temp_path, target_path); !moved) {
                result.errors.push_back(moved.error());
                continue;
            }
            result.warnings.push_back(tr_format("error.storage.recovered", {{"file", target_path}}));
            result.files_changed = true;
            names.push_back(target);
        }
    }

    TempCheck temp_check_for(RecordType type, const std::string& target) const {
        if (type == RecordType::settings) return target == settings_file ? &Loader::single_record_problem : nullptr;
        if (shard_of_file_name(target)) return &Loader::shard_problem;
        if (is_legacy_record_name(target)) return &Loader::single_record_problem;
        return nullptr;
    }

    // A temporary shard is promoted only when complete (ends with '\n') and every line belongs.
    std::optional<TempProblem> shard_problem(RecordType type, const std::string& target, const std::string& bytes) {
        if (bytes.empty() || bytes.back() != '\n') return TempProblem{"error.storage.unfinished_no_line_break", {}};
        const int index = *shard_of_file_name(target);
        std::set<std::string> ids;
        for (std::string_view line : split_lines(bytes)) {
            auto decoded = decode_record(line);
            if (!decoded) return TempProblem{"error.storage.unfinished_incomplete", decoded.error().message};
            const std::string id = id_of(decoded.value().record);
            if (record_type_of(decoded.value().record) != type || shard_of(id) != index || !ids.insert(id).second)
                return TempProblem{"error.storage.unfinished_different", {}};
        }
        return std::nullopt;
    }

    std::optional<TempProblem> single_record_problem(RecordType type, const std::string& target,
                                                     const std::string& bytes) {
        auto decoded = decode_record(bytes);
        if (!decoded) return TempProblem{"error.storage.unfinished_incomplete", decoded.error().message};
        const bool same = record_type_of(decoded.value().record) == type &&
                          (type == RecordType::settings || id_of(decoded.value().record) + ".json" == target);
        if (!same) return TempProblem{"error.storage.unfinished_different", {}};
        return std::nullopt;
    }

    std::optional<std::string> line_problem(RecordType type, int index, const DecodedRecord& decoded) const {
        if (auto wrong = wrong_type(type, decoded, "error.storage.wrong_type_line")) return wrong;
        const std::string id = id_of(decoded.record);
        if (shard_of(id) != index)
            return tr_format("error.storage.wrong_shard", {{"id", id}, {"shard", shard_file_name(shard_of(id))}});
        if (known(type, id)) return tr_format("error.storage.duplicate", {{"id", id}});
        return std::nullopt;
    }

    // `key` says what holds the record (a line or a file).
    std::optional<std::string> wrong_type(RecordType type, const DecodedRecord& decoded, std::string_view key) const {
        const RecordType found = record_type_of(decoded.record);
        if (found == type) return std::nullopt;
        return tr_format(key, {{"found", record_phrase(found)}, {"expected", record_phrase(type)}});
    }

    bool known(RecordType type, const std::string& id) const {
        return position[static_cast<std::size_t>(collection_index(type))].count(id) > 0;
    }

    std::int64_t modified_of_known(RecordType type, const std::string& id) {
        std::int64_t modified = 0;
        with_records(result.journal, type, [&](const auto& records) {
            modified = records[position[static_cast<std::size_t>(collection_index(type))][id]].meta.modified.unix_ms;
        });
        return modified;
    }

    // The first 50 warnings of the whole load are listed, the rest only counted (finish_warnings), so
    // loading a journal that kept a million unknown keys never builds a million messages.
    void add_warnings(const std::string& path, DecodedRecord& decoded) {
        const std::size_t kept = std::min(decoded.warning_count, JsonReader::max_warnings);
        for (std::size_t i = 0; i < kept && i < decoded.warnings.size(); ++i) {
            if (listed_warnings == JsonReader::max_warnings) break;
            result.warnings.push_back(
                tr_format("error.storage.file_warning", {{"file", path}, {"warning", decoded.warnings[i]}}));
            ++listed_warnings;
        }
        all_warnings += decoded.warning_count;
    }

    void set_extras(RecordType type, const std::string& id, RecordExtras extras) {
        auto& all = *collection_extras(store.m_extras, type);
        if (extras.empty()) {
            all.erase(id);
        } else {
            all[id] = std::move(extras);
        }
    }

    // Adds a decoded record to the journal, or replaces the copy already there.
    void add(RecordType type, const std::string& path, DecodedRecord decoded) {
        add_warnings(path, decoded);
        const std::string id = id_of(decoded.record);
        set_extras(type, id, std::move(decoded.extras));
        auto& positions = position[static_cast<std::size_t>(collection_index(type))];
        with_records(result.journal, type, [&](auto& records) {
            using T = typename std::decay_t<decltype(records)>::value_type;
            const auto [at, added] = positions.try_emplace(id, records.size());
            if (added) {
                records.push_back(std::get<T>(std::move(decoded.record)));
            } else {
                records[at->second] = std::get<T>(std::move(decoded.record));
            }
        });
    }

    // "quarantine/<name>.N" for the first N not taken: a second damaged copy never replaces the first.
    std::optional<std::string> free_quarantine_path(const std::string& name) const {
        for (int n = 1; n <= 100000; ++n) {
            std::string target = join(quarantine_dir, name + "." + std::to_string(n));
            if (!store.m_files.exists(target)) return target;
        }
        return std::nullopt;
    }

    // Moves a whole file aside.
    void quarantine_file(const std::string& path, const std::string& reason) {
        const std::optional<std::string> target = free_quarantine_path(file_name_of(path));
        if (!target) {
            return result.errors.push_back(
                IoError{IoErrorKind::other, tr_format("error.storage.quarantine_full", {{"file", path}}), path});
        }
        if (auto moved = store.m_files.move_no_replace(path, *target); !moved)
            return result.errors.push_back(moved.error());
        result.quarantined.push_back(QuarantinedFile{path, *target, reason});
        result.files_changed = true;
    }

    // Writes a shard's bad lines into a new quarantine file. When that fails they are held and
    // written back with the shard, so they are never lost.
    bool quarantine_lines(RecordType type, int index, const std::string& bad_lines,
                          const std::vector<std::string>& reasons) {
        const std::string path = shard_path(type, index);
        const auto target = free_quarantine_path(std::string(directory_of(type)) + "-" + shard_file_name(index));
        if (target && store.m_files.write_atomic(*target, bad_lines)) {
            for (const std::string& reason : reasons)
                result.quarantined.push_back(QuarantinedFile{path, *target, reason});
            result.files_changed = true;
            return true;
        }
        store.collection(type)[static_cast<std::size_t>(index)].held = bad_lines;
        result.errors.push_back(
            IoError{IoErrorKind::other, tr_format("error.storage.lines_not_set_aside", {{"file", path}}), path});
        return false;
    }
};

LoadResult JournalStore::load_journal() {
    JournalLoad load(*this);
    while (!load.done) load.unit();
    return load.take_result();
}

std::unique_ptr<JournalLoad> JournalStore::begin_load() { return std::make_unique<JournalLoad>(*this); }

JournalLoad::JournalLoad(JournalStore& store)
    : m_store(store),
      m_loader(std::make_unique<JournalStore::Loader>(JournalStore::Loader{store, m_result, {}, {}, {}})) {}

JournalLoad::~JournalLoad() = default;

void JournalLoad::unit() {
    if (!m_started) return start();
    if (m_next < m_files.size()) {
        const File& file = m_files[m_next++];
        m_bytes_done += file.bytes;
        if (file.shard >= 0) {
            m_loader->load_shard(file.type, file.shard);
        } else {
            m_loader->load_legacy_file(file.type, file.old_path);
        }
        return;
    }
    finish();
}

void JournalLoad::start() {
    m_store.m_collections = {};
    m_store.m_settings_on_disk.reset();
    m_store.m_extras = JournalExtras{};
    m_started = true;
    m_loader->load_settings();
    for (RecordType type : collection_types) {
        m_loader->list_collection(
            type,
            [&](int index) {
                m_files.push_back(File{type, index, {}, 0});
            },
            [&](std::string path) {
                m_files.push_back(File{type, -1, std::move(path), 0});
            });
    }
    for (File& file : m_files) {
        file.bytes =
            m_store.m_files.size_of(file.shard >= 0 ? JournalStore::shard_path(file.type, file.shard) : file.old_path);
        m_bytes_total += file.bytes;
    }
}

void JournalLoad::finish() {
    m_loader->migrate_legacy();
    m_loader->finish_warnings();
    sort_records(m_result.journal.reflections);
    sort_records(m_result.journal.contacts);
    sort_records(m_result.journal.messages);
    sort_records(m_result.journal.reminders);
    m_result.extras = m_store.m_extras;
    done = true;
}

}  // namespace debrief
