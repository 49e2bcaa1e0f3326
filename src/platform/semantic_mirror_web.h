// Mirrors each frame's interactive ImGui items as hidden, focusable DOM elements with ARIA roles,
// names and states (the way Flutter's web semantics tree works), so screen readers can use Debrief
// and browser tests can find controls by role and name. ImGui itself has none (ocornut/imgui #4122).
//  [x] Buttons, checkboxes, radios, tabs (roles from ui/item_registry.h)
//  [x] Names without "##id"; checked, expanded, disabled, selected states
//  [x] Activation by click, Enter, Space or a screen reader's default action -> a synthetic ImGui click
//  [x] Tab order = visual order; keyboard focus scrolls the item into view
//  [x] DOM rebuilt only when the item set changes, otherwise only moved
//  [x] File-picker buttons open <input type=file> inside the user's own gesture (Safari requires it)
//  [x] Statuses spoken when they change (search results, a save that failed); Escape presses the
//      item that closes what is open; an item whose label is cut off is marked
#pragma once

namespace debrief {
class App;
}

namespace debrief::platform {

// After each frame: publishes the registry's items to the DOM when they changed, with the app's
// save state as a spoken status when saving failed.
void mirror_sync_to_dom(const App& app);

}  // namespace debrief::platform
