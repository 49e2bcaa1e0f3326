// Proves the field tables drive everything: a marker in each text field of a reflection reaches the
// JSON, survives a round trip, is searchable and shows in Markdown exactly as its table entry says.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/i18n.h"
#include "core/record_fields.h"
#include "core/search.h"
#include "core/text.h"
#include "serialization/journal_json.h"
#include "serialization/markdown.h"

using namespace debrief;

namespace {

struct Marked {
    std::string marker;
    FieldInfo field;
};

// Puts a distinct marker into every text field and text list of a record, one item in every list
// and `true` in every flag (so fields shown only when a flag is set, like the similar role, show).
class MarkEveryText : public FieldWalker<MarkEveryText> {
public:
    std::vector<Marked> marked;

    void text(const FieldInfo& f, std::string& out) { out = next(f); }
    void text_list(const FieldInfo& f, std::vector<std::string>& out) { out = {next(f)}; }
    void flag(const FieldInfo& /*f*/, bool& out) { out = true; }
    void record_id(const FieldInfo& /*f*/, std::string& out) { out = "r1"; }
    template <class Item>
    void items(const FieldInfo& /*f*/, std::vector<Item>& list) {
        list.assign(1, Item{});
        visit_fields(list.front(), *this);
    }

private:
    // "zqmk7x": lowercase letters and digits survive folding and Markdown escaping unchanged, and no
    // marker is part of another.
    std::string next(const FieldInfo& f) {
        std::string marker = "zqmk" + std::to_string(marked.size()) + "x";
        marked.push_back({marker, f});
        return marker;
    }
};

// Every text value of a record, in table order.
class CollectText : public FieldWalker<CollectText> {
public:
    std::vector<std::string> texts;

    void text(const FieldInfo& /*f*/, const std::string& text) { texts.push_back(text); }
    void text_list(const FieldInfo& /*f*/, const std::vector<std::string>& list) {
        texts.insert(texts.end(), list.begin(), list.end());
    }
};

// Every entry of a table and of the tables nested in it.
class CollectFields {
public:
    std::vector<FieldInfo> fields;

    template <class... Value>
    void text(const FieldInfo& f, const Value&...) {
        fields.push_back(f);
    }
    template <class... Value>
    void text_list(const FieldInfo& f, const Value&...) {
        fields.push_back(f);
    }
    template <class... Value>
    void record_id(const FieldInfo& f, const Value&...) {
        fields.push_back(f);
    }
    template <class... Value>
    void flag(const FieldInfo& f, const Value&...) {
        fields.push_back(f);
    }
    template <class... Value>
    void link(const FieldInfo& f, const Value&...) {
        fields.push_back(f);
    }
    template <class... Value>
    void number(const FieldInfo& f, const Value&...) {
        fields.push_back(f);
    }
    template <class... Value>
    void date(const FieldInfo& f, const Value&...) {
        fields.push_back(f);
    }
    template <class... Value>
    void timestamp(const FieldInfo& f, const Value&...) {
        fields.push_back(f);
    }
    template <class... Value>
    void enumeration(const FieldInfo& f, const Value&...) {
        fields.push_back(f);
    }
    template <class... Value>
    void step_index(const FieldInfo& f, const Value&...) {
        fields.push_back(f);
    }
    template <class Object>
    void object(const FieldInfo& f, const Object& object) {
        fields.push_back(f);
        visit_fields(object, *this);
    }
    template <class Item>
    void items(const FieldInfo& f, const std::vector<Item>& /*list*/) {
        fields.push_back(f);
        const Item sample{};
        visit_fields(sample, *this);
    }
};

}  // namespace

TEST_CASE("every text field of the Reflection table reaches the JSON, the round trip, search and Markdown") {
    Reflection r;
    MarkEveryText marks;
    visit_fields(r, marks);
    REQUIRE(marks.marked.size() > 20);  // company ... next_action, item texts and ids, emotions

    const std::string json = encode_record(r);
    const auto decoded = decode_record(json);
    REQUIRE(decoded);
    const auto* back = std::get_if<Reflection>(&decoded.value().record);
    REQUIRE(back != nullptr);
    CHECK(canonical_record_text(*back) == canonical_record_text(r));
    CollectText texts;
    visit_fields(*back, texts);

    const std::string search = searchable_text(r);
    const std::string markdown = reflection_to_markdown(r);
    REQUIRE(texts.texts.size() == marks.marked.size());
    for (std::size_t i = 0; i < marks.marked.size(); ++i) {
        const Marked& m = marks.marked[i];
        CAPTURE(m.field.key);
        CHECK(json.find("\"" + m.marker + "\"") != std::string::npos);
        CHECK(texts.texts[i] == m.marker);
        CHECK((search.find(fold_for_search(m.marker)) != std::string::npos) == (m.field.search != Search::none));
        CHECK((markdown.find(m.marker) != std::string::npos) == (m.field.show != Show::hidden));
    }
}

TEST_CASE("every Markdown label a table names is in the string catalogue") {
    CollectFields all;
    const Reflection reflection;
    const Contact contact;
    const Message message;
    const Reminder reminder;
    const Settings settings;
    visit_fields(reflection, all);
    visit_fields(contact, all);
    visit_fields(message, all);
    visit_fields(reminder, all);
    visit_fields(settings, all);
    for (const FieldInfo& f : all.fields) {
        CAPTURE(f.key);
        if (!f.label.empty()) CHECK(has_text(f.label));
        // A fact or an answer is rendered with its label, so it needs one.
        if (f.show == Show::fact || f.show == Show::answer) CHECK(!f.label.empty());
    }
}
