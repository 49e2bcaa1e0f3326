// Browser clock and crypto for the Environment interface.
#include "platform/environment_web.h"

#include <emscripten.h>

#include <cmath>
#include <cstdlib>

namespace debrief::platform {
namespace {
// emscripten_date_now() only arrived after 3.1.6.
// clang-format off
EM_JS(double, js_date_now, (), { return Date.now(); });
EM_JS(int, js_utc_offset_minutes, (), { return -new Date().getTimezoneOffset(); });
EM_JS(int, js_local_date, (), {
    const d = new Date();
    return d.getFullYear() * 10000 + (d.getMonth() + 1) * 100 + d.getDate();
});
EM_JS(char*, js_uuid, (), {
    let id;
    if (crypto.randomUUID) {
        id = crypto.randomUUID();
    } else {
        const b = crypto.getRandomValues(new Uint8Array(16));
        b[6] = (b[6] & 0x0f) | 0x40;
        b[8] = (b[8] & 0x3f) | 0x80;
        const h = Array.from(b, x => x.toString(16).padStart(2, "0")).join("");
        id = [h.slice(0, 8), h.slice(8, 12), h.slice(12, 16), h.slice(16, 20), h.slice(20)].join("-");
    }
    const size = lengthBytesUTF8(id) + 1;
    const ptr = _malloc(size);
    stringToUTF8(id, ptr, size);
    return ptr;
});
// clang-format on
}  // namespace

Timestamp WebEnvironment::now() {
    return {static_cast<std::int64_t>(std::floor(js_date_now())), js_utc_offset_minutes()};
}

Date WebEnvironment::today() {
    const int packed = js_local_date();
    return {packed / 10000, (packed / 100) % 100, packed % 100};
}

std::string WebEnvironment::new_id() {
    char* raw = js_uuid();
    std::string id(raw);
    std::free(raw);
    return id;
}

}  // namespace debrief::platform
