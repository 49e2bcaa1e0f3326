// The whole interface: one full-window layout (no floating windows) that routes to the screens.
#pragma once

#include "app/app.h"
#include "ui/services.h"

namespace debrief::ui {

// Draws one frame of the interface into the current ImGui context (between NewFrame and Render).
void draw_app(App& app, Services& services);

}  // namespace debrief::ui
