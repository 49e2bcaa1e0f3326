// Tests for the translations in assets/i18n/: each one that exists (translators add them) compiles
// and reads back, has every English key, and keeps each text's {placeholders}. (A text for a key
// English lacks already fails the build: scripts/lib/po_to_catalogue.py.)
#include "core/catalogue_file.h"

#include "test_files.h"

#include <doctest/doctest.h>

#include <fstream>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <vector>

using namespace debrief;

namespace {

bool file_exists(const std::string& path) { return std::ifstream(path).good(); }

using test::read_file;

std::vector<std::string_view> forms_of(std::string_view text) {
    std::vector<std::string_view> forms;
    for (std::size_t start = 0;;) {
        const std::size_t nul = text.find('\0', start);
        forms.push_back(text.substr(start, nul == std::string_view::npos ? std::string_view::npos : nul - start));
        if (nul == std::string_view::npos) return forms;
        start = nul + 1;
    }
}

// The names of "{name}" placeholders, as format_text() recognises them.
std::set<std::string> placeholders(std::string_view text) {
    std::set<std::string> names;
    for (std::size_t open = text.find('{'); open != std::string_view::npos; open = text.find('{', open + 1)) {
        std::size_t end = open + 1;
        while (end < text.size() &&
               ((text[end] >= 'a' && text[end] <= 'z') || (text[end] >= '0' && text[end] <= '9') || text[end] == '_'))
            ++end;
        if (end > open + 1 && end < text.size() && text[end] == '}')
            names.insert(std::string(text.substr(open + 1, end - open - 1)));
    }
    return names;
}

// "cue.*" entries are phrase lists for the draft checklists, not interface text: they are not
// translated in catalogues.
bool is_interface_text(std::string_view key) { return key.substr(0, 4) != "cue."; }

// The translators' catalogue of `language`, as the build compiled it (DEBRIEF_CATALOGUE_DIR).
std::unique_ptr<CatalogueFile> translation(Language language) {
    auto read = read_catalogue_file(
        language,
        read_file(std::string(DEBRIEF_CATALOGUE_DIR) + "/" + std::string(language_code(language)) + ".catalogue"),
        english_catalogue());
    REQUIRE_MESSAGE(read.ok(), read.error());
    return std::move(read.value());
}

const CatalogueEntry* find(const Catalogue& c, std::string_view key) {
    for (const CatalogueEntry& e : c)
        if (e.key == key) return &e;
    return nullptr;
}

}  // namespace

TEST_CASE("catalogues: every translation has every English key with the same placeholders") {
    const Catalogue english = english_catalogue();
    int checked = 0;
    for (const Language language : all_languages) {
        if (language == Language::en) continue;
        const std::string code(language_code(language));
        const std::string po = std::string(DEBRIEF_I18N_DIR) + "/" + code + ".po";
        if (!file_exists(po)) continue;  // not written yet: the app falls back to English
        CAPTURE(code);
        ++checked;
        const std::string bytes = read_file(std::string(DEBRIEF_CATALOGUE_DIR) + "/" + code + ".catalogue");
        REQUIRE_MESSAGE(!bytes.empty(), "assets/i18n/" << code << ".po exists but was not compiled");
        const auto read = read_catalogue_file(language, bytes, english_catalogue());
        REQUIRE_MESSAGE(read.ok(), read.error());
        const Catalogue translated = read.value()->catalogue();
        for (const CatalogueEntry& e : english) {
            if (!is_interface_text(e.key)) continue;
            CAPTURE(e.key);
            const CatalogueEntry* t = find(translated, e.key);
            CHECK_MESSAGE(t != nullptr, "missing (or fuzzy) in " << code << ".po");
            if (!t) continue;
            std::set<std::string> expected;
            for (const std::string_view form : forms_of(e.text))
                for (const std::string& name : placeholders(form)) expected.insert(name);
            const std::vector<std::string_view> forms = forms_of(t->text);
            const bool plural = forms_of(e.text).size() > 1;
            CHECK(forms.size() == (plural ? plural_form_count(language) : 1));
            for (std::size_t i = 0; i < forms.size(); ++i) {
                CAPTURE(i);
                std::set<std::string> found = placeholders(forms[i]);
                // Arabic names zero, one and two in words ("تأملين"), so those forms may leave out {n}.
                if (plural && language == Language::ar && i <= 2 && expected.count("n")) found.insert("n");
                CHECK(found == expected);
            }
        }
    }
    MESSAGE(checked << " translation(s) checked");
}

TEST_CASE("catalogues: the test catalogues load and name their language in the picker") {
    for (const Language language : {Language::de, Language::it, Language::ar}) {
        const std::string code(language_code(language));
        CAPTURE(code);
        const auto read = read_catalogue_file(
            language, read_file(std::string(DEBRIEF_FIXTURE_CATALOGUE_DIR) + "/" + code + ".catalogue"),
            english_catalogue());
        REQUIRE_MESSAGE(read.ok(), read.error());
        CHECK(find(read.value()->catalogue(), "page.title") != nullptr);
        CHECK_FALSE(language_name(language).empty());
    }
    CHECK(language_name(Language::de) == "Deutsch");
    CHECK(language_name(Language::it) == "Italiano");
    CHECK(language_name(Language::ar) == "العربية");
    CHECK(language_name(Language::en) == "English");
}

// Dots that read wrongly in Arabic. Arabic-Indic zero (٠) is a dot: a middle dot beside a filled-in
// date or number reads as one more digit ("قادمة · ٢ ديسمبر" looked like the 20th); Arabic separates
// with its comma or words. And in a right-to-left line the dot of "(.json)" is neutral and takes the
// Arabic side: the button read "(json.)"; Arabic names the file type in words ("(ملف JSON)").
TEST_CASE("catalogues: Arabic puts no dot where it reads as something else") {
    const auto arabic = translation(Language::ar);
    for (const CatalogueEntry& e : arabic->catalogue()) {
        CAPTURE(e.key);
        CHECK(e.text.find("· {") == std::string_view::npos);
        CHECK(e.text.find("} ·") == std::string_view::npos);
        CHECK(e.text.find("(.") == std::string_view::npos);
    }
}

// A German or Italian text identical to the English one is either a word those languages borrowed
// (Recruiter, Email, Status) or a format, or it was never translated ("Hiring manager" and
// "Follow-up" once stood in the Italian interface). The borrowed ones are listed here, by key.
TEST_CASE("catalogues: German and Italian keep English words only where they borrowed them") {
    const std::set<std::string_view> shared{"app.name",
                                            "channel.linkedin",
                                            "channel.email",
                                            "contacts.email",
                                            "contacts.name",
                                            "contacts.recruiter",
                                            "checklist.optional",
                                            "data.size.gb",
                                            "data.size.kb",
                                            "data.size.mb",
                                            "error.json.megabytes",
                                            "error.storage.file_warning",
                                            "markdown.feedback.recruiter",
                                            "markdown.status",
                                            "markdown.no",
                                            "message.status",
                                            "month.4",
                                            "month.8",
                                            "month.9",
                                            "month.11",
                                            "msg.check_in.link_placeholder",
                                            "msg.list.more",
                                            "person.interviewer",
                                            "person.recruiter",
                                            "reminders.when",
                                            "line.parts",
                                            "stage.interview",
                                            "tone.standard",
                                            "lock.passphrase"};
    for (const Language language : {Language::de, Language::it}) {
        CAPTURE(language_code(language));
        const auto translated = translation(language);
        const Catalogue english = english_catalogue();
        for (const CatalogueEntry& e : translated->catalogue()) {
            const CatalogueEntry* source = find(english, e.key);
            if (!source || !is_interface_text(e.key) || e.text != source->text) continue;
            CAPTURE(e.key);
            CHECK(shared.count(e.key) == 1);
        }
    }
}

// Italian joins a preposition to the article after it: "su" + "il team" is "sul team", never
// "su il team". A draft splices the user's own phrase ("il team di ricerca", "la missione") into
// its sentence, so a simple preposition may not stand right before one ("circa" and a direct
// object take the article as it is).
TEST_CASE("catalogues: Italian puts no simple preposition before a phrase the user wrote") {
    const auto italian = translation(Language::it);
    int checked = 0;
    for (const CatalogueEntry& e : italian->catalogue()) {
        if (e.key.substr(0, 4) != "msg.") continue;
        CAPTURE(e.key);
        for (const char* phrase : {"{loved}", "{win}", "{detail}", "{criteria}", "{experience}"}) {
            const std::size_t at = e.text.find(phrase);
            if (at == std::string_view::npos) continue;
            ++checked;
            const std::string_view before = e.text.substr(0, at);
            for (const std::string_view preposition : {" di ", " a ", " da ", " in ", " con ", " su "}) {
                const bool joined = before.size() >= preposition.size() &&
                                    before.substr(before.size() - preposition.size()) == preposition;
                CHECK_MESSAGE(!joined, "\"" << preposition << phrase << "\"");
            }
        }
    }
    CHECK(checked == 7);  // every such text was looked at
}

// A text that sends the reader to a screen names it as its tab does: German's tab is "Daten" and
// its screen's title "Deine Daten", and two notices said "siehe „Deine Daten“", a tab nobody sees.
TEST_CASE("catalogues: a screen named in quotes is named as its tab") {
    const std::pair<const char*, const char*> screens[] = {{"data.title", "nav.data"},
                                                           {"profile.title", "nav.profile"},
                                                           {"reminders.title", "nav.reminders"},
                                                           {"contacts.title", "nav.people"}};
    for (const Language language : all_languages) {
        if (language == Language::en) continue;
        CAPTURE(language_code(language));
        const auto translated = translation(language);
        const Catalogue catalogue = translated->catalogue();
        for (const auto& [title_key, tab_key] : screens) {
            const CatalogueEntry* title = find(catalogue, title_key);
            const CatalogueEntry* tab = find(catalogue, tab_key);
            REQUIRE(title);
            REQUIRE(tab);
            if (title->text == tab->text) continue;
            for (const std::string& quoted :
                 {"„" + std::string(title->text) + "“", "«" + std::string(title->text) + "»",
                  "“" + std::string(title->text) + "”"})
                for (const CatalogueEntry& e : catalogue) {
                    CAPTURE(e.key);
                    CHECK(e.text.find(quoted) == std::string_view::npos);
                }
        }
    }
}
