// Dear ImGui compile-time configuration for Debrief (included by imgui.h through IMGUI_USER_CONFIG).
#pragma once

// Our fonts are subset Noto files loaded at start-up; the built-in ProggyClean would only add size.
#define IMGUI_DISABLE_DEFAULT_FONT
// No Win32 clipboard/IME helpers. (ImGui's file helpers stay: io.IniFilename is null, so they never run.)
#define IMGUI_DISABLE_WIN32_FUNCTIONS
