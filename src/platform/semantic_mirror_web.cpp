// Serialises ui::item_registry_items() for web/shell.js (Debrief.mirror) and handles activation.
#include "platform/semantic_mirror_web.h"

#include "app/app.h"
#include "core/i18n.h"
#include "platform/backend_web.h"
#include "ui/item_registry.h"

#include <emscripten.h>

#include <utility>

#include "platform/page_json.h"

namespace debrief::platform {
namespace {

// clang-format off
EM_JS(void, js_mirror_sync, (const char* json), { Debrief.mirror.sync(JSON.parse(UTF8ToString(json))); });
// clang-format on

const char* region_role(ui::Region region) {
    switch (region) {
        case ui::Region::banner: return "banner";
        case ui::Region::navigation: return "navigation";
        case ui::Region::main: return "main";
        case ui::Region::tablist: return "tablist";
        case ui::Region::tabpanel: return "tabpanel";
        case ui::Region::radiogroup: return "radiogroup";
        case ui::Region::group: return "group";
        case ui::Region::list: return "list";
        case ui::Region::listitem: return "listitem";
        case ui::Region::toolbar: return "toolbar";
        case ui::Region::checkgroup: return "group";  // a group of checkboxes, one Tab stop (shell.js)
    }
    return "group";
}

const char* role_name(ui::Role role) {
    switch (role) {
        case ui::Role::button: return "button";
        case ui::Role::checkbox: return "checkbox";
        case ui::Role::radio: return "radio";
        case ui::Role::tab: return "tab";
        case ui::Role::option: return "option";
        case ui::Role::link: return "link";
        case ui::Role::heading: return "heading";
        case ui::Role::text: return "text";
        case ui::Role::listitem: return "listitem";
        case ui::Role::progressbar: return "progressbar";
    }
    return "button";
}

std::string g_last_sent;
// An item activated while scrolled away: clicked once a frame has scrolled it into view.
unsigned g_pending_activation = 0;

}  // namespace

void mirror_sync_to_dom(const App& app) {
    if (g_pending_activation != 0) {
        for (const ui::ItemInfo& item : ui::item_registry_items()) {
            if (item.id != g_pending_activation || item.offscreen) continue;
            queue_click((item.min.x + item.max.x) * 0.5f, (item.min.y + item.max.y) * 0.5f);
            g_pending_activation = 0;
        }
    }
    std::string json;
    {
        JsonWriter w(json, JsonLayout::compact);
        w.begin_object();
        w.key("regions");
        w.begin_array();
        for (const ui::RegionInfo& region : ui::item_registry_regions()) {
            w.begin_object();
            w.key("id");
            w.number(static_cast<std::int64_t>(region.id));
            w.key("role");
            w.string(region_role(region.kind));
            w.key("name");
            w.string(region.name);
            w.key("parent");
            w.number(static_cast<std::int64_t>(region.parent));
            w.key("seq");
            w.number(static_cast<std::int64_t>(region.sequence));
            if (region.position > 0) {
                w.key("pos");
                w.number(static_cast<std::int64_t>(region.position));
                w.key("size");
                w.number(static_cast<std::int64_t>(region.set_size));
            }
            w.key("rove");
            w.boolean(region.kind == ui::Region::checkgroup);
            // How to move within a group of checkboxes: a roving group is not what a screen reader
            // user expects of checkboxes, so it says so.
            w.key("hint");
            w.string(region.kind == ui::Region::checkgroup ? std::string(tr("a11y.checkgroup_hint")) : std::string());
            w.end_object();
        }
        w.end_array();
        w.key("items");
        w.begin_array();
        for (const ui::ItemInfo& item : ui::item_registry_items()) {
            w.begin_object();
            w.key("id");
            w.number(static_cast<std::int64_t>(item.id));
            w.key("role");
            w.string(role_name(item.role));
            w.key("name");
            w.string(item.name);
            w.key("rect");
            write_numbers(w, {debrief::platform::page_left(item.min.x, item.max.x), item.min.y, item.max.x - item.min.x,
                              item.max.y - item.min.y});
            const std::pair<const char*, bool> flags[] = {
                // Radios and chip checkboxes drawn as buttons carry their state in `selected`.
                {"checked",
                 item.checked || ((item.role == ui::Role::radio || item.role == ui::Role::checkbox) && item.selected)},
                {"expandable", item.expandable},
                {"expanded", item.expanded},
                {"disabled", item.disabled},
                {"selected", item.selected},
                {"picker", item.file_picker},
                {"offscreen", item.offscreen},
                {"primary", item.primary},
                {"dismiss", item.dismiss},
                {"clipped", item.clipped},
                {"title", item.title},
            };
            for (const auto& [key, value] : flags) {
                w.key(key);
                w.boolean(value);
            }
            w.key("seq");
            w.number(static_cast<std::int64_t>(item.sequence));
            w.key("level");
            w.number(static_cast<std::int64_t>(item.level));
            w.key("parent");
            w.number(static_cast<std::int64_t>(item.parent));
            if (item.role == ui::Role::progressbar) {
                w.key("value");
                w.number(static_cast<std::int64_t>(item.value));
                w.key("valuetext");
                w.string(item.value_text);
            }
            w.end_object();
        }
        w.end_array();
        w.key("place");
        w.string(ui::item_registry_place());
        if (ui::item_registry_back()) {
            w.key("back");
            w.boolean(true);
        }
        w.key("announce");
        w.string(ui::item_registry_announcement());
        // Spoken when their text changes on the same screen; a save that failed is said once, as it
        // fails (the indicator in the top bar is only drawn, and a person typing would not look up).
        w.key("status");
        w.begin_object();
        for (const ui::FrameStatus& status : ui::item_registry_statuses()) {
            w.key(status.key);
            w.string(status.text);
        }
        w.key("save");
        w.string(app.save_status().state == SaveState::failed ? std::string(tr("save.failed")) : std::string());
        w.end_object();
        w.end_object();
    }
    if (json == g_last_sent) return;
    g_last_sent = std::move(json);
    js_mirror_sync(g_last_sent.c_str());
}

}  // namespace debrief::platform

extern "C" {
// A mirror element was activated without a pointer (keyboard, screen reader): click the ImGui item.
EMSCRIPTEN_KEEPALIVE void debrief_activate(unsigned id) {
    for (const debrief::ui::ItemInfo& item : debrief::ui::item_registry_items()) {
        if (item.id != id) continue;
        if (item.offscreen) {
            debrief::platform::g_pending_activation = id;
            debrief::platform::reveal_rect((item.min.x + item.max.x) * 0.5f, item.min.y, item.max.y, item.window);
            return;
        }
        debrief::platform::queue_click((item.min.x + item.max.x) * 0.5f, (item.min.y + item.max.y) * 0.5f);
        return;
    }
}

// Keyboard focus reached a mirror element: make sure the item is on screen.
EMSCRIPTEN_KEEPALIVE void debrief_focus_item(unsigned id) {
    for (const debrief::ui::ItemInfo& item : debrief::ui::item_registry_items())
        if (item.id == id)
            debrief::platform::reveal_rect((item.min.x + item.max.x) * 0.5f, item.min.y, item.max.y, item.window);
}
}
