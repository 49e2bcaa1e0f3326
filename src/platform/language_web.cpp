// Applies an interface language: the C++ side reads it through tr(); the page sets <html lang> and
// <html dir>, so the native fields and the accessible mirror inherit the direction.
#include "platform/language_web.h"

#include "platform/backend_web.h"

#include <emscripten.h>

#include <string>

namespace debrief::platform {
namespace {
// clang-format off
EM_JS(void, js_language_changed, (const char* code, int rtl), {
    Debrief.languageChanged(UTF8ToString(code), rtl ? 'rtl' : 'ltr');
});
// clang-format on
}  // namespace

void apply_language(Language language) {
    set_interface_language(language);
    const std::string code(language_code(language));
    js_language_changed(code.c_str(), is_right_to_left(language) ? 1 : 0);
    request_frame();
}

}  // namespace debrief::platform

// The page (and tests) switch languages through this; unknown codes are ignored.
extern "C" EMSCRIPTEN_KEEPALIVE void debrief_set_language(const char* code, int length) {
    if (const auto language = debrief::language_from_tag(std::string_view(code, static_cast<std::size_t>(length))))
        debrief::platform::apply_language(*language);
}
