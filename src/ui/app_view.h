// The whole interface: one full-window layout (no floating windows) that routes to the screens.
#pragma once

#include "app/app.h"
#include "ui/services.h"
#include "ui/view_state.h"

namespace debrief::ui {

// Draws one frame of the interface into the current ImGui context (between NewFrame and Render).
// `view` is what the screens remember between frames for this App: create one per App, keep it as
// long as the App, and never draw another App with it.
void draw_app(App& app, ViewState& view, Services& services);

}  // namespace debrief::ui
