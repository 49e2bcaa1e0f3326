// Dear ImGui compile-time configuration for Debrief (included by imgui.h through IMGUI_USER_CONFIG).
#pragma once

// No Win32 clipboard/IME helpers. (ImGui's file helpers stay: io.IniFilename is null, so they never run.)
#define IMGUI_DISABLE_WIN32_FUNCTIONS

// Code points above U+FFFF (emoji) are characters, not "?": ImGui decodes and draws them only with
// 32-bit ImWchar. The cost is the fonts' lookup tables, sized by their highest code point.
#define IMGUI_USE_WCHAR32
