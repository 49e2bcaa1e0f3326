// Test doubles for drawing views natively with no GPU: a null ImGui backend, a fixed clock, a
// text-field host that records placements and injects typing, and services that record calls.
#pragma once

#include "app/app.h"
#include "fixed_environment.h"
#include "ui/item_registry.h"
#include "ui/services.h"
#include "ui/text_field.h"
#include "ui/view_state.h"

#include <imgui.h>

#include <map>
#include <string>
#include <vector>

namespace debrief::test {

class RecordingServices final : public ui::Services {
public:
    void copy_text(const std::string& text) override { copied.push_back(text); }
    void open_url(const std::string& url) override { urls.push_back(url); }
    void download(const ExportFile& file) override { downloads.push_back(file); }
    void ensure_catalogue(Language language) override { ensured.push_back(language); }
    std::vector<std::string> copied, urls;
    std::vector<ExportFile> downloads;
    std::vector<Language> ensured;
};

class FakeFields final : public ui::TextFieldHost {
public:
    void place(const ui::FieldRequest& r) override {
        placed.push_back({r.id, r.label, r.value ? *r.value : "", r.hidden || r.offscreen,
                          r.kind == ui::FieldKind::multi_line, r.clip_max.y});
    }
    std::optional<std::string> take_edit(ImGuiID id) override {
        auto it = edits.find(id);
        if (it == edits.end()) return std::nullopt;
        std::string v = it->second;
        edits.erase(it);
        return v;
    }
    float content_height(ImGuiID) const override { return 0.0f; }
    // Queues typing into the field with this label (as placed in the last frame).
    bool type(const std::string& label, const std::string& text) {
        for (const auto& p : placed)
            if (p.label == label) {
                edits[p.id] = text;
                return true;
            }
        return false;
    }
    struct Placed {
        ImGuiID id;
        std::string label, value;
        bool hidden;
        bool multi_line;
        float clip_bottom;  // where it stops being visible (CSS px from the top)
    };
    std::vector<Placed> placed;
    std::map<ImGuiID, std::string> edits;
};

// An ImGui context with our fonts and no renderer: NewFrame/Render only build draw lists.
class NullBackend {
public:
    explicit NullBackend(ImVec2 size);
    ~NullBackend();
    // One frame of the whole app with its view state; returns the mirrored items of that frame.
    const std::vector<ui::ItemInfo>& frame(App& app, ui::ViewState& view, ui::Services& services);
    // Clicks the item with this role and name during the next frames (press, release).
    bool click(App& app, ui::ViewState& view, ui::Services& services, ui::Role role, const std::string& name);
    // Scrolls the body down (mouse wheel) until the item is on screen; false when it never appears.
    bool scroll_to(App& app, ui::ViewState& view, ui::Services& services, ui::Role role, const std::string& name);
    FakeFields fields;

private:
    ImGuiContext* m_context = nullptr;
};

// One app on a screen of `size`, ready to draw: what most view tests start from.
struct AppOnScreen {
    explicit AppOnScreen(ImVec2 size) : ui(size) {}
    const std::vector<ui::ItemInfo>& frame() { return ui.frame(app, view, services); }
    bool click(ui::Role role, const std::string& name) { return ui.click(app, view, services, role, name); }
    bool scroll_to(ui::Role role, const std::string& name) { return ui.scroll_to(app, view, services, role, name); }

    FixedEnvironment env;
    App app{env};
    ui::ViewState view;
    RecordingServices services;
    NullBackend ui;
};

}  // namespace debrief::test
