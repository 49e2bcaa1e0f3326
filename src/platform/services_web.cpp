// Thin bridges to web/shell.js (Debrief.copyText, Debrief.openUrl, Debrief.download,
// Debrief.ensureCatalogue).
#include "platform/services_web.h"

#include <emscripten.h>

namespace debrief::platform {
namespace {
// clang-format off
// The copied text travels with its length: a draft may hold U+0000, where UTF8ToString would stop.
EM_JS(void, js_copy_text, (const char* text, int size), {
    Debrief.copyText(new TextDecoder().decode(HEAPU8.subarray(text, text + size)));
});
EM_JS(void, js_open_url, (const char* url), { Debrief.openUrl(UTF8ToString(url)); });
// A view of the heap, not a slice: the Blob that Debrief.download makes copies the bytes once, and a
// slice would copy them first (34 MB for a journal of 10,000 reflections). The view is only read before
// this call returns, while the C++ string is still alive.
EM_JS(void, js_download, (const char* name, const char* mime, const char* data, int size), {
    Debrief.download(UTF8ToString(name), UTF8ToString(mime), HEAPU8.subarray(data, data + size));
});
// Catalogue loading lives in the page (another change); until it is there, asking does nothing and
// the draft view keeps showing that the language is not ready.
EM_JS(void, js_ensure_catalogue, (const char* code), {
    if (window.Debrief && typeof window.Debrief.ensureCatalogue === 'function')
        window.Debrief.ensureCatalogue(UTF8ToString(code));
});
// clang-format on
}  // namespace

void WebServices::copy_text(const std::string& text) { js_copy_text(text.data(), static_cast<int>(text.size())); }
void WebServices::open_url(const std::string& url) { js_open_url(url.c_str()); }
void WebServices::download(const ExportFile& file) {
    js_download(file.name.c_str(), file.mime_type.c_str(), file.bytes.data(), static_cast<int>(file.bytes.size()));
}
void WebServices::ensure_catalogue(Language language) {
    const std::string code(language_code(language));
    js_ensure_catalogue(code.c_str());
}

}  // namespace debrief::platform
