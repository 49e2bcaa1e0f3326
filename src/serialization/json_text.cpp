// Raw-bytes checks and the product's one JSON tokenizer: nlohmann's SAX parser feeding JsonTree (see json_text.h).
#include "serialization/json_text.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <iterator>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/i18n.h"
#include "core/text.h"
#include "serialization/json_reader.h"

namespace debrief {

namespace {

constexpr std::string_view utf8_bom = "\xEF\xBB\xBF";

bool is_continuation(unsigned char c) { return (c & 0xC0u) == 0x80u; }

// Returns the offset of the first byte that does not start or continue a valid UTF-8 sequence.
// Rejects overlong forms, surrogates and code points above U+10FFFF, as RFC 3629 does.
std::optional<std::size_t> find_invalid_utf8(std::string_view s) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
    std::size_t i = 0;
    while (i < s.size()) {
        const unsigned char c = byte(i);
        if (c < 0x80u) {
            ++i;
            continue;
        }
        std::size_t length = 0;
        unsigned char low = 0x80u, high = 0xBFu;  // allowed range of the second byte
        if (c >= 0xC2u && c <= 0xDFu) {
            length = 2;
        } else if (c >= 0xE0u && c <= 0xEFu) {
            length = 3;
            if (c == 0xE0u) low = 0xA0u;   // no overlong 3-byte forms
            if (c == 0xEDu) high = 0x9Fu;  // no UTF-16 surrogates
        } else if (c >= 0xF0u && c <= 0xF4u) {
            length = 4;
            if (c == 0xF0u) low = 0x90u;   // no overlong 4-byte forms
            if (c == 0xF4u) high = 0x8Fu;  // nothing above U+10FFFF
        } else {
            return i;
        }
        if (i + 1 >= s.size() || byte(i + 1) < low || byte(i + 1) > high) return i;
        for (std::size_t k = 2; k < length; ++k) {
            if (i + k >= s.size() || !is_continuation(byte(i + k))) return i;
        }
        i += length;
    }
    return std::nullopt;
}

// Finds where brackets first nest deeper than `max_depth`, skipping string contents: the position for
// the message when the parser stopped at that depth (the tree never holds a deeper one).
std::optional<std::size_t> find_excess_depth(std::string_view s, int max_depth) {
    int depth = 0;
    bool in_string = false;
    bool escaped = false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (in_string) {
            if (escaped) {
                escaped = false;
            } else if (c == '\\') {
                escaped = true;
            } else if (c == '"') {
                in_string = false;
            }
            continue;
        }
        if (c == '"') {
            in_string = true;
        } else if (c == '[' || c == '{') {
            if (++depth > max_depth) return i;
        } else if (c == ']' || c == '}') {
            if (depth > 0) --depth;  // unbalanced closers are the parser's to report
        }
    }
    return std::nullopt;
}

std::string format_megabytes(std::size_t bytes) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f", static_cast<double>(bytes) / (1024.0 * 1024.0));
    // In the interface language's digits and decimal separator ("12,5" in German).
    std::string size;
    for (const char* c = buffer; *c != '\0'; ++c) {
        if (*c >= '0' && *c <= '9') {
            size += format_number(*c - '0');
        } else if (*c == '.') {
            size += tr("number.decimal_separator");
        } else {
            size += *c;
        }
    }
    return tr_format("error.json.megabytes", {{"size", size}});
}

// How a single offending byte reads in a message: 'x' for visible ASCII, U+000A otherwise.
std::string describe_byte(std::string_view s, std::size_t offset) {
    const auto c = static_cast<unsigned char>(s[offset]);
    char buffer[16];
    if (c >= 0x21u && c < 0x7Fu) {
        std::snprintf(buffer, sizeof buffer, "'%c'", c);
    } else {
        std::snprintf(buffer, sizeof buffer, "U+%04X", static_cast<unsigned>(c));
    }
    return buffer;
}

// The keys of one large object, for finding a duplicate in constant time per key: an open-addressing
// table of (hash tag, member number) in 8-byte slots, plus every member's hash in order so that
// growing (by doubling) re-places slots without touching the keys. A million keys cost a million
// probes and a few allocations (a node-based set allocated once per key and chased a pointer per
// probe; a scan per key was quadratic). `key_of(n)` gives member n's key, read only on a tag match.
class KeySet {
public:
    // FNV-1a, then a final mix so the low bits used for the slot depend on every byte.
    static std::uint64_t hash(std::string_view key) {
        std::uint64_t h = 14695981039346656037ull;
        for (const char c : key) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
        h ^= h >> 33;
        h *= 0xff51afd7ed558ccdull;
        h ^= h >> 33;
        return h;
    }

    // Adds the next member's key by its hash.
    void insert(std::uint64_t h) {
        m_hashes.push_back(h);
        if (m_hashes.size() * 2 > m_slots.size()) {
            m_slots.assign(m_slots.empty() ? 64 : m_slots.size() * 2, Slot{});
            for (std::size_t member = 0; member < m_hashes.size(); ++member) place(member);
        } else {
            place(m_hashes.size() - 1);
        }
    }
    template <class KeyOf>
    bool contains(std::string_view key, std::uint64_t h, const KeyOf& key_of) const {
        if (m_slots.empty()) return false;
        const std::uint32_t t = tag(h);
        const std::size_t mask = m_slots.size() - 1;
        for (std::size_t i = h & mask;; i = (i + 1) & mask) {
            const Slot& slot = m_slots[i];
            if (slot.member == 0) return false;
            if (slot.tag == t && key_of(slot.member - 1) == key) return true;
        }
    }
    std::size_t size() const { return m_hashes.size(); }

private:
    struct Slot {
        std::uint32_t tag = 0;
        std::uint32_t member = 0;  // member number + 1; 0: empty
    };

    static std::uint32_t tag(std::uint64_t h) { return static_cast<std::uint32_t>(h >> 32); }
    void place(std::size_t member) {
        const std::uint64_t h = m_hashes[member];
        const std::size_t mask = m_slots.size() - 1;
        std::size_t i = h & mask;
        while (m_slots[i].member != 0) i = (i + 1) & mask;
        m_slots[i] = Slot{tag(h), static_cast<std::uint32_t>(member + 1)};
    }

    std::vector<std::uint64_t> m_hashes;
    std::vector<Slot> m_slots;
};

// The iterator nlohmann reads the text through: each step also records the position where the
// builder can see it, so each event can tell where its token lies in the source (nlohmann's SAX
// interface does not say). Reads and comparisons use the iterator's own pointer.
struct TrackedReader {
    using iterator_category = std::input_iterator_tag;
    using value_type = char;
    using difference_type = std::ptrdiff_t;
    using pointer = const char*;
    using reference = const char&;

    const char* at;
    const char** seen;  // the builder's copy of `at`
    reference operator*() const { return *at; }
    TrackedReader& operator++() {
        *seen = ++at;
        return *this;
    }
    TrackedReader operator++(int) {
        TrackedReader before = *this;
        *seen = ++at;
        return before;
    }
    friend bool operator!=(const TrackedReader& a, const TrackedReader& b) { return a.at != b.at; }
};

}  // namespace

// The SAX handler of read_json_tree: builds the flat tree while nlohmann tokenizes, and never throws.
// Finished values wait on `m_pending` until their container closes; then they move to the tree's node
// array as one contiguous block, so a container's children are a plain range. Errors are recorded
// with the JSON path being read at the time; duplicate keys are refused (nlohmann would silently keep
// the last) and overflowing numbers are reported rather than thrown.
class JsonTreeBuilder final : public nlohmann::json_sax<nlohmann::json> {
public:
    // `full_text` is the whole file (for positions); parsing starts after the BOM.
    JsonTreeBuilder(std::string_view full_text, std::size_t bom_length, const DecodeLimits& limits, JsonSource source,
                    JsonTree& tree)
        : m_full(full_text),
          m_text(full_text.substr(bom_length)),
          m_bom_length(bom_length),
          m_max_depth(limits.max_depth),
          m_max_values(limits.max_values),
          m_tree(tree) {
        // Raw texts, numbers and keys and strings without escapes view this copy, or the caller's text.
        if (source == JsonSource::copy) {
            m_tree.m_source.reset(new char[m_text.size() + 1]);
            std::memcpy(m_tree.m_source.get(), m_text.data(), m_text.size());
            m_tree.m_source[m_text.size()] = '\0';
            m_source = m_tree.m_source.get();
        } else {
            m_source = m_text.data();
        }
        m_read = m_text.data();
        // A journal averages one value per 44 bytes (the generated 10,000-reflection file: 816,655
        // values in 35.9 MB). Reserving for one per 40 avoids regrowth there; one per 20, as before,
        // held 1.8 million unused nodes (39 MB natively) at the peak of an import.
        m_tree.m_nodes.reserve(std::min(m_text.size() / 40, m_max_values) + 1);
        m_pending.reserve(64);
    }

    const std::optional<Error>& error() const { return m_error; }
    bool too_deep() const { return m_too_deep; }

    // Turns the children's indexes into pointers once the node array stops growing.
    void finish() {
        m_tree.m_nodes.push_back(m_pending.back());
        JsonNode* base = m_tree.m_nodes.data();
        for (JsonNode& node : m_tree.m_nodes) {
            if (node.m_kind == JsonKind::array || node.m_kind == JsonKind::object)
                node.m_link.children = base + node.m_link.first;
        }
    }

    // Where nlohmann's reader stands: shared with the iterator it reads through.
    const char** read_position() { return &m_read; }

    bool null() override { return literal(JsonKind::null, false); }
    bool boolean(bool value) override { return literal(JsonKind::boolean, value); }
    bool number_integer(number_integer_t) override { return number(true); }
    bool number_unsigned(number_unsigned_t value) override {
        return number(value <= static_cast<number_unsigned_t>(INT64_MAX));
    }
    bool number_float(number_float_t, const string_t&) override { return number(false); }
    bool string(string_t& value) override {
        JsonNode node;
        node.m_kind = JsonKind::string;
        const std::size_t start = token_start();
        node.m_link.raw = m_source + start;
        node.set_text(text_of(start, value));
        return add(node);
    }
    bool binary(binary_t&) override { return false; }  // never produced by the JSON parser

    bool start_object(std::size_t) override { return open(false); }
    bool start_array(std::size_t) override { return open(true); }
    bool end_object() override { return close(JsonKind::object); }
    bool end_array() override { return close(JsonKind::array); }

    bool key(string_t& value) override {
        Frame& frame = m_frames.back();
        if (is_duplicate(frame, value)) {
            const std::string object_path = path_of(m_frames.size() - 1);
            m_error =
                Error{tr_format("error.json.duplicate_key", {{"key", quote_for_message(value)}, {"path", object_path}}),
                      path_key(object_path, value)};
            return false;
        }
        frame.key = text_of(token_start(), value);
        frame.has_key = true;
        return true;
    }

    bool parse_error(std::size_t position, const std::string& last_token,
                     const nlohmann::detail::exception& ex) override {
        // nlohmann counts the offending character as read, so it sits one before `position`; when
        // the whole token is known (a string or a number) the message points at its start.
        const std::size_t last = position > 0 ? position - 1 : 0;
        const std::string path = path_of(m_frames.size());
        if (last >= m_text.size()) {
            m_error = Error{tr_format("error.json.cut_off", {{"where", where(m_text.size())}}), path};
            return false;
        }
        // nlohmann's last token is reliable only for strings and numbers (other scans do not reset it).
        const bool string_token = last_token.size() >= 2 && last_token.front() == '"' && last_token.back() == '"';
        const bool number_token =
            !last_token.empty() && last_token.find_first_not_of("0123456789+-.eE") == std::string::npos;
        const bool whole_token = (string_token || number_token) && position >= last_token.size() &&
                                 m_text.substr(position - last_token.size(), last_token.size()) == last_token;
        const std::size_t start = whole_token ? position - last_token.size() : last;
        if (ex.id == 406) {  // out_of_range.406: a number beyond double's range
            m_error =
                Error{tr_format("error.json.number_too_large",
                                {{"number", truncate_utf8(last_token, 40)}, {"path", path}, {"where", where(start)}}),
                      path};
            return false;
        }
        const auto c = static_cast<unsigned char>(m_text[last]);
        if (c < 0x20u) {  // outside strings these are whitespace, so this is a raw one inside text
            m_error =
                Error{tr_format("error.json.control_character",
                                {{"character", describe_byte(m_text, last)}, {"where", where(last)}, {"path", path}}),
                      path};
            return false;
        }
        const std::string token =
            whole_token && last_token.size() > 1 ? truncate_utf8(last_token, 24) : describe_byte(m_text, last);
        // nlohmann says which token it expected; a value where a separator belongs is nearly always a
        // forgotten comma, the most common hand-editing mistake.
        const std::string detail = ex.what();
        const bool separator_expected =
            detail.find("expected '}'") != std::string::npos || detail.find("expected ']'") != std::string::npos;
        const char first = m_text[start];
        const bool value_start = first == '"' || first == '{' || first == '[' || first == '-' ||
                                 (first >= '0' && first <= '9') || first == 't' || first == 'f' || first == 'n';
        const bool comma_missing = separator_expected && value_start;
        m_error = Error{tr_format(comma_missing ? "error.json.unexpected_comma_missing" : "error.json.unexpected",
                                  {{"token", token}, {"where", where(start)}, {"path", path}}),
                        path};
        return false;
    }

private:
    struct Frame {
        std::size_t mark = 0;   // where the container's values start on m_pending
        std::size_t start = 0;  // where its opening bracket is in the source
        bool is_array = false;
        bool has_key = false;
        std::string_view key;  // objects: the last key read
        // Objects with many keys: the keys so far, so hostile files stay linear.
        std::unique_ptr<KeySet> keys;
    };

    // How far nlohmann has read, from the start of the body. At an event it has read the token the
    // event is about and, after a number, one character more.
    std::size_t read_offset() const { return static_cast<std::size_t>(m_read - m_text.data()); }

    // Where the token of the current event starts: after the previous event's token, past whitespace
    // and separators (the lexer skipped the same, so this rescans only what lies between tokens).
    std::size_t token_start() const {
        std::size_t i = m_scan;
        while (i < m_text.size()) {
            const char c = m_text[i];
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != ',' && c != ':') break;
            ++i;
        }
        return i;
    }

    // A key or string whose literal starts at `start` and has just been read: a view of the source
    // copy when it was written without escapes (its literal is then two quotes longer than its
    // value), else the unescaped value copied aside.
    std::string_view text_of(std::size_t start, std::string_view value) {
        const std::size_t end = read_offset();
        m_scan = end;
        if (end - start == value.size() + 2) return std::string_view(m_source + start + 1, value.size());
        return store(value);
    }

    std::string_view store(std::string_view value) {
        if (m_block_left < value.size()) {
            // Escaped text is rare: blocks of 64 KiB (or one as large as the value) as it comes.
            const std::size_t size = std::max<std::size_t>(value.size(), 64 * 1024);
            m_tree.m_unescaped.emplace_back(new char[size]);
            m_block = m_tree.m_unescaped.back().get();
            m_block_left = size;
        }
        char* at = m_block;
        std::memcpy(at, value.data(), value.size());
        m_block += value.size();
        m_block_left -= value.size();
        return std::string_view(at, value.size());
    }

    // null, true or false: the node views its literal in the source, so that the key before it can
    // be found there too (JsonNode::raw_key).
    bool literal(JsonKind kind, bool value) {
        const std::size_t start = token_start();
        m_scan = read_offset();
        JsonNode node;
        node.m_kind = kind;
        node.m_flag = value;
        node.set_text(std::string_view(m_source + start, m_scan - start));
        return add(node);
    }

    // A number: its literal as written, read from the source (nlohmann gives only the value for
    // integers, so -0 would come back as 0).
    bool number(bool fits_int64) {
        const std::size_t start = token_start();
        std::size_t end = start;
        while (end < m_text.size()) {
            const char c = m_text[end];
            if (!((c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E')) break;
            ++end;
        }
        m_scan = end;
        JsonNode node;
        node.m_kind = JsonKind::number;
        node.m_flag = fits_int64;
        node.set_text(std::string_view(m_source + start, end - start));
        return add(node);
    }

    bool add(JsonNode node) {
        if (++m_values > m_max_values) {
            const std::string path = path_of(m_frames.size());
            m_error = Error{tr_plural("error.json.too_many_values", static_cast<long long>(m_max_values),
                                      {{"n", format_count(m_max_values)}, {"path", path}}),
                            path};
            return false;
        }
        if (!m_frames.empty() && !m_frames.back().is_array) node.set_key(m_frames.back().key);
        m_pending.push_back(node);
        return true;
    }

    bool open(bool is_array) {
        // Nothing here recurses, but the decoders and migrations that read the tree do.
        if (static_cast<int>(m_frames.size()) >= m_max_depth) {
            m_too_deep = true;
            return false;
        }
        Frame frame;
        frame.mark = m_pending.size();
        frame.start = read_offset() - 1;  // the bracket was the last character read
        m_scan = read_offset();
        frame.is_array = is_array;
        m_frames.push_back(std::move(frame));
        return true;
    }

    // Moves the container's values from m_pending into the tree as its children.
    bool close(JsonKind kind) {
        const std::size_t mark = m_frames.back().mark;
        const std::size_t start = m_frames.back().start;
        m_frames.pop_back();
        m_scan = read_offset();  // just after the closing bracket
        JsonNode container;
        container.m_kind = kind;
        container.set_text(std::string_view(m_source + start, m_scan - start));
        auto& nodes = m_tree.m_nodes;
        container.m_link.first = nodes.size();
        container.m_count = static_cast<std::uint32_t>(m_pending.size() - mark);
        nodes.insert(nodes.end(), m_pending.begin() + static_cast<std::ptrdiff_t>(mark), m_pending.end());
        m_pending.resize(mark);
        return add(container);
    }

    bool is_duplicate(Frame& frame, std::string_view key) {
        const std::size_t count = m_pending.size() - frame.mark;
        if (count < 32) {
            for (std::size_t i = frame.mark; i < m_pending.size(); ++i) {
                if (m_pending[i].key() == key) return true;
            }
            return false;
        }
        if (!frame.keys) frame.keys = std::make_unique<KeySet>();
        KeySet& keys = *frame.keys;
        // Every member before this key goes in (the previous one was added since the last key).
        while (keys.size() < count) keys.insert(KeySet::hash(m_pending[frame.mark + keys.size()].key()));
        const auto key_of = [&](std::size_t member) { return m_pending[frame.mark + member].key(); };
        return keys.contains(key, KeySet::hash(key), key_of);
    }

    // The path of the value being read inside the first `frame_count` containers.
    std::string path_of(std::size_t frame_count) const {
        std::string path = "$";
        for (std::size_t i = 0; i < frame_count; ++i) {
            const Frame& frame = m_frames[i];
            // The element being read: as many as the container holds so far.
            const std::size_t done = (i + 1 < m_frames.size() ? m_frames[i + 1].mark : m_pending.size()) - frame.mark;
            if (frame.is_array) {
                path = path_index(path, done);
            } else if (frame.has_key) {
                path = path_key(path, frame.key);
            }
        }
        return path;
    }
    std::string where(std::size_t offset_in_body) const {
        return describe_text_position(m_full, offset_in_body + m_bom_length);
    }

    std::string_view m_full;
    std::string_view m_text;
    std::size_t m_bom_length = 0;
    int m_max_depth;
    std::size_t m_max_values;
    std::size_t m_values = 0;
    JsonTree& m_tree;
    const char* m_source = nullptr;  // the tree's copy of m_text, or m_text itself when borrowed
    const char* m_read = nullptr;    // how far nlohmann has read in m_text (advanced by TrackedReader)
    std::size_t m_scan = 0;          // the end of the previous event's token in m_text
    char* m_block = nullptr;         // where the next unescaped text goes, and the room left there
    std::size_t m_block_left = 0;
    std::vector<JsonNode> m_pending;
    std::vector<Frame> m_frames;
    std::optional<Error> m_error;
    bool m_too_deep = false;
};

std::string describe_text_position(std::string_view text, std::size_t offset) {
    if (offset > text.size()) offset = text.size();
    std::size_t line = 1;
    std::size_t column = 1;
    for (std::size_t i = 0; i < offset; ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == '\n') {
            ++line;
            column = 1;
        } else if (!is_continuation(c)) {
            ++column;  // columns count characters, not bytes, so they match what an editor shows
        }
    }
    return tr_format(
        "error.json.position",
        {{"line", std::to_string(line)}, {"column", std::to_string(column)}, {"offset", std::to_string(offset)}});
}

Result<JsonTree> read_json_tree(std::string_view text, const DecodeLimits& limits, JsonSource source) {
    if (text.size() > limits.max_bytes) {
        return Error{tr_plural("error.json.too_large", static_cast<long long>(text.size()),
                               {{"size", format_megabytes(text.size())}, {"max", format_megabytes(limits.max_bytes)}}),
                     "$"};
    }
    const std::size_t bom_length = text.substr(0, utf8_bom.size()) == utf8_bom ? utf8_bom.size() : 0;
    const std::string_view body = text.substr(bom_length);
    if (body.find_first_not_of(" \t\r\n") == std::string_view::npos) {
        return Error{std::string(tr("error.json.empty")), "$"};
    }

    // nlohmann skips a byte order mark at the start of what it reads, so after ours a second one would
    // pass unnoticed: a journal never has two, and they were always refused.
    const bool second_bom = body.substr(0, utf8_bom.size()) == utf8_bom;
    // nlohmann's lexer also reads a zero byte as the end of the input (it parses C strings too), so a
    // document followed by a zero byte and anything at all would parse. JSON never holds a raw zero
    // byte, so any is refused. Found by the import fuzzer (tests/unit/fuzz_findings_test.cpp).
    const std::size_t zero = body.find('\0');
    JsonTree tree;
    JsonTreeBuilder builder(text, bom_length, limits, source, tree);
    const char* end = body.data() + body.size();
    const char* unused = end;
    if (!second_bom && zero == std::string_view::npos &&
        nlohmann::json::sax_parse(TrackedReader{body.data(), builder.read_position()}, TrackedReader{end, &unused},
                                  &builder) &&
        !builder.error()) {
        builder.finish();
        return tree;
    }

    // Refused. The whole-file checks come first, so a file with several problems gets the same message
    // whichever the parser met first; they only run here, valid files pay for one pass.
    // A zip archive (an export someone compressed, or another app's backup) would otherwise be reported
    // as mis-encoded text: say what it is. "PK\3\4" opens every zip file's first local header.
    if (text.substr(0, 4) == std::string_view("PK\x03\x04", 4)) {
        return Error{std::string(tr("error.json.zip")), "$"};
    }
    if (const auto bad = find_invalid_utf8(text)) {
        char hex[8];
        std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned>(static_cast<unsigned char>(text[*bad])));
        return Error{
            tr_format("error.json.invalid_utf8", {{"byte", hex}, {"where", describe_text_position(text, *bad)}}), "$"};
    }
    if (const auto deep = find_excess_depth(body, limits.max_depth)) {
        return Error{tr_plural("error.json.too_deep", limits.max_depth,
                               {{"where", describe_text_position(text, *deep + bom_length)}}),
                     "$"};
    }
    if (second_bom) {
        return Error{tr_format("error.json.second_bom", {{"where", describe_text_position(text, bom_length)}}), "$"};
    }
    if (zero != std::string_view::npos) {
        // A zero byte where JSON text belongs: files padded with zeros after a crash or a copy cut short.
        return Error{tr_format("error.json.zero_byte", {{"where", describe_text_position(text, zero + bom_length)}}),
                     "$"};
    }
    if (builder.error()) return *builder.error();
    return Error{std::string(tr("error.json.invalid")), "$"};
}

}  // namespace debrief
