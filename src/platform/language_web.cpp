// Applies an interface language: the C++ side reads it through tr(); the page sets <html lang>,
// <html dir> (so the native fields and the accessible mirror inherit the direction) and its title.
// Catalogues arrive as bytes from web/shell.js and are read by core/catalogue_file.
#include "platform/language_web.h"

#include "core/catalogue_file.h"
#include "platform/backend_web.h"
#include "ui/lock_view.h"

#include <emscripten.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <iterator>
#include <memory>
#include <optional>
#include <string>

namespace debrief::platform {
namespace {
// clang-format off
EM_JS(void, js_language_changed, (const char* code, int rtl, const char* title, const char* description), {
    Debrief.languageChanged(UTF8ToString(code), rtl ? 'rtl' : 'ltr', UTF8ToString(title), UTF8ToString(description));
});
// console.warn rather than emscripten_log: its printf formatting would add ~2 KB of JS glue.
EM_JS(void, js_catalogue_refused, (const char* code, const char* reason), {
    console.warn('Debrief: the ' + UTF8ToString(code) + ' catalogue was refused: ' + UTF8ToString(reason));
});
EM_JS(void, js_fetch_catalogue, (const char* code), { Debrief.fetchCatalogue(UTF8ToString(code)); });
// The language the page started in: the one this device last showed, else the browser's (shell.js).
EM_JS(char*, js_first_language, (), { return stringToNewUTF8(Debrief.firstLanguage); });
// The first of navigator.languages that Debrief speaks, as C++ reads tags (language_from_tag).
EM_JS(char*, js_browser_languages, (), {
    const tags = (navigator.languages && navigator.languages.length) ? navigator.languages : [navigator.language || ""];
    return stringToNewUTF8(tags.join(","));
});
// clang-format on

enum class Fetch : unsigned char { idle, fetching, failed };

struct Catalogues {
    std::array<std::unique_ptr<CatalogueFile>, std::size(all_languages)> files;  // what tr() points into
    std::array<Fetch, std::size(all_languages)> fetch{};
    Language browser = Language::en;
    Language first = Language::en;  // the page's start language (js_first_language)
    App* app = nullptr;
    // window.debrief.setLanguage (tests, the console): shown until the stored choice changes.
    std::optional<Language> forced;
    std::optional<Language> choice_when_forced;
};

Catalogues& catalogues() {
    static Catalogues c;
    return c;
}

std::size_t index_of(Language language) { return static_cast<std::size_t>(language); }

bool install_bytes(Language language, std::string_view bytes) {
    auto read = read_catalogue_file(language, bytes, english_catalogue());
    if (!read.ok()) {
        js_catalogue_refused(std::string(language_code(language)).c_str(), read.error().c_str());
        return false;
    }
    // Install the new table before the old file goes: tr() never sees freed text.
    std::unique_ptr<CatalogueFile> file = std::move(read).value();
    install_catalogue(language, file->catalogue());
    catalogues().files[index_of(language)] = std::move(file);
    return true;
}

Language browser_language() {
    char* joined = js_browser_languages();
    const std::string tags(joined);
    std::free(joined);
    for (std::size_t start = 0; start <= tags.size();) {
        std::size_t end = tags.find(',', start);
        if (end == std::string::npos) end = tags.size();
        if (const auto language = language_from_tag(std::string_view(tags).substr(start, end - start)))
            return *language;
        start = end + 1;
    }
    return Language::en;
}

Language wanted(const App& app) {
    const Catalogues& c = catalogues();
    if (c.forced && app.chosen_language() == c.choice_when_forced) return *c.forced;
    // Before the journal is read (sealed until the passphrase, or still loading) its choice is not
    // known: the lock screen and the loading progress speak the language this device last showed,
    // the one the person chose, not the browser's.
    if (ui::lock_screen_wanted() || app.storage_info().loading) return c.first;
    return app.chosen_language().value_or(c.browser);
}

}  // namespace

void apply_language(Language language) {
    set_interface_language(language);
    const std::string code(language_code(language));
    js_language_changed(code.c_str(), is_right_to_left(language) ? 1 : 0, tr("page.title").data(),
                        tr("page.description").data());
    request_frame();
}

void ensure_catalogue(Language language) {
    if (has_catalogue(language)) return;
    Fetch& state = catalogues().fetch[index_of(language)];
    if (state == Fetch::fetching) return;
    state = Fetch::fetching;
    js_fetch_catalogue(std::string(language_code(language)).c_str());
}

void start_language(App& app) {
    Catalogues& c = catalogues();
    c.app = &app;
    c.browser = browser_language();
    char* first = js_first_language();
    c.first = language_from_tag(first).value_or(c.browser);
    std::free(first);
    const Language language = wanted(app);
    if (!has_catalogue(language)) {
        // shell.js's preRun wrote it here when it guessed this language (docs/web-platform.md).
        // C stdio, not <fstream>: iostreams would add ~20 KB (brotli) to app.wasm for this one read.
        const std::string path = "/i18n/" + std::string(language_code(language)) + ".catalogue";
        if (std::FILE* file = std::fopen(path.c_str(), "rb")) {
            std::string bytes;
            char chunk[16384];
            for (std::size_t n; (n = std::fread(chunk, 1, sizeof chunk, file)) > 0;) bytes.append(chunk, n);
            std::fclose(file);
            install_bytes(language, bytes);
        }
    }
    // Without its catalogue the page starts in English, and follow_language switches when it comes.
    apply_language(has_catalogue(language) ? language : Language::en);
    follow_language(app);
}

void follow_language(App& app) {
    const Language language = wanted(app);
    if (language == interface_language()) return;
    if (has_catalogue(language)) {
        apply_language(language);
    } else if (catalogues().fetch[index_of(language)] == Fetch::idle) {
        ensure_catalogue(language);
    }
}

}  // namespace debrief::platform

// The page (and tests) switch languages through this; unknown codes are ignored. The language is
// shown at once (English fills in until its catalogue is in) and is not stored: a person's choice
// goes through the picker (App::choose_language), and a new choice there takes over.
extern "C" EMSCRIPTEN_KEEPALIVE void debrief_set_language(const char* code, int length) {
    using namespace debrief;
    if (const auto language = language_from_tag(std::string_view(code, static_cast<std::size_t>(length)))) {
        auto& c = platform::catalogues();
        c.forced = *language;
        c.choice_when_forced = c.app ? c.app->chosen_language() : std::nullopt;
        platform::ensure_catalogue(*language);
        platform::apply_language(*language);
    }
}

// web/shell.js hands over a fetched catalogue (or reports that it could not get one).
extern "C" EMSCRIPTEN_KEEPALIVE void debrief_catalogue_loaded(const char* code, int code_length, const char* bytes,
                                                              int size) {
    using namespace debrief;
    const auto language = language_from_tag(std::string_view(code, static_cast<std::size_t>(code_length)));
    if (!language) return;
    auto& c = platform::catalogues();
    const bool ok = platform::install_bytes(*language, std::string_view(bytes, static_cast<std::size_t>(size)));
    c.fetch[platform::index_of(*language)] = ok ? platform::Fetch::idle : platform::Fetch::failed;
    if (!ok && c.app) c.app->notify(std::string(tr("data.language.unavailable")));
    // Redraw in the new text (follow_language applies it after the frame if it is the wanted one).
    if (ok && *language == interface_language()) platform::apply_language(*language);
    platform::request_frame();
}

extern "C" EMSCRIPTEN_KEEPALIVE void debrief_catalogue_failed(const char* code, int code_length) {
    using namespace debrief;
    const auto language = language_from_tag(std::string_view(code, static_cast<std::size_t>(code_length)));
    if (!language) return;
    auto& c = platform::catalogues();
    c.fetch[platform::index_of(*language)] = platform::Fetch::failed;
    if (c.app && platform::wanted(*c.app) == *language) c.app->notify(std::string(tr("data.language.unavailable")));
    platform::request_frame();
}
