// DOM side of the text fields lives in web/shell.js (Debrief.fields); this file decides what to send.
#include "platform/text_fields_web.h"

#include "platform/backend_web.h"

#include <emscripten.h>

#include <algorithm>
#include <iterator>

#include "platform/page_json.h"

namespace debrief::platform {

// clang-format off
EM_JS(void, js_fields_sync, (const char* json), { Debrief.fields.sync(JSON.parse(UTF8ToString(json))); });
// clang-format on

namespace {
// The <input> type: the browser picks the keyboard, the date picker, or hides a passphrase.
const char* input_type_name(ui::InputType type) {
    switch (type) {
        case ui::InputType::email: return "email";
        case ui::InputType::date: return "date";
        case ui::InputType::password: return "password";
        case ui::InputType::text: break;
    }
    return "text";
}
}  // namespace

WebTextFields& web_text_fields() {
    static WebTextFields fields;
    return fields;
}

void WebTextFields::place(const ui::FieldRequest& request) {
    m_frame.push_back(request);
    m_frame_values.push_back(request.value ? *request.value : std::string());
}

std::optional<std::string> WebTextFields::take_edit(ImGuiID id) {
    auto it = m_edits.find(id);
    if (it == m_edits.end()) return std::nullopt;
    std::string value = std::move(it->second);
    m_edits.erase(it);
    return value;
}

float WebTextFields::content_height(ImGuiID id) const {
    auto it = m_heights.find(id);
    return it == m_heights.end() ? 0.0f : it->second;
}

void WebTextFields::sync_to_dom() {
    std::string json;
    m_placed.clear();
    {
        JsonWriter w(json, JsonLayout::compact);
        w.begin_array();
        for (std::size_t i = 0; i < m_frame.size(); ++i) {
            const ui::FieldRequest& r = m_frame[i];
            w.begin_object();
            w.key("id");
            w.number(static_cast<std::int64_t>(r.id));
            w.key("multi");
            w.boolean(r.kind == ui::FieldKind::multi_line);
            w.key("label");
            w.string(r.label);
            w.key("placeholder");
            w.string(r.placeholder);
            w.key("rect");
            write_numbers(w, {page_left(r.min.x, r.max.x), r.min.y, r.max.x - r.min.x, r.max.y - r.min.y});
            w.key("clip");  // insets: left, top, right, bottom (left and right swap in the mirror)
            const float inset_left = r.clip_min.x - r.min.x;
            const float inset_right = r.max.x - r.clip_max.x;
            write_numbers(w, {mirrored() ? inset_right : inset_left, r.clip_min.y - r.min.y,
                              mirrored() ? inset_left : inset_right, r.max.y - r.clip_max.y});
            w.key("hidden");
            w.boolean(r.hidden);
            w.key("offscreen");
            w.boolean(r.offscreen);
            w.key("type");
            w.string(input_type_name(r.input_type));
            w.key("seq");
            w.number(static_cast<std::int64_t>(r.sequence));
            w.key("parent");
            w.number(static_cast<std::int64_t>(r.region));
            if (r.focus) {
                w.key("focus");
                w.boolean(true);
            }
            // Send a value only when the model differs from the DOM (e.g. a generated draft, an undo):
            // re-sending typed text would move the caret and cost a copy per keystroke.
            auto known = m_dom_values.find(r.id);
            if (known == m_dom_values.end() || known->second != m_frame_values[i]) {
                w.key("value");
                w.string(m_frame_values[i]);
                m_dom_values[r.id] = m_frame_values[i];
            }
            w.end_object();
            m_placed.push_back({r.id, r.min.x, r.min.y, r.max.x - r.min.x, r.max.y - r.min.y, r.window});
        }
        w.end_array();
    }
    // shell.js removes the element of a field this frame did not place (another screen): when the
    // field comes back, its new element is empty and must be sent its value again.
    for (auto it = m_dom_values.begin(); it != m_dom_values.end();) {
        const bool placed =
            std::any_of(m_placed.begin(), m_placed.end(), [&](const Placed& p) { return p.id == it->first; });
        it = placed ? std::next(it) : m_dom_values.erase(it);
    }
    m_frame.clear();
    m_frame_values.clear();
    if (json == m_last_sent) return;
    m_last_sent = std::move(json);
    js_fields_sync(m_last_sent.c_str());
}

void WebTextFields::on_input(ImGuiID id, std::string value) {
    m_dom_values[id] = value;
    m_edits[id] = std::move(value);
    request_frame();
}

void WebTextFields::on_height(ImGuiID id, float height) {
    m_heights[id] = height;
    request_frame();
}

void WebTextFields::on_focus(ImGuiID id) {
    for (const Placed& p : m_placed)
        if (p.id == id) reveal_rect(p.x + p.w * 0.5f, p.y - 40.0f /* its caption */, p.y + p.h, p.window);
}

}  // namespace debrief::platform

extern "C" {
// The field's text as UTF-8 with its byte length: it may hold U+0000, so it is never read up to a zero byte.
EMSCRIPTEN_KEEPALIVE void debrief_field_input(unsigned id, const char* utf8, int length) {
    debrief::platform::web_text_fields().on_input(id, std::string(utf8, static_cast<std::size_t>(length)));
}
EMSCRIPTEN_KEEPALIVE void debrief_field_height(unsigned id, float height) {
    debrief::platform::web_text_fields().on_height(id, height);
}
EMSCRIPTEN_KEEPALIVE void debrief_field_focus(unsigned id) { debrief::platform::web_text_fields().on_focus(id); }
}
