# Targets for the sources that scripts/lib/setup.sh fetched with `apt-get source` into .deps/.
# They are compiled with their own (default) warnings, never with ours.

# --- nlohmann/json 3.11 (Debian package nlohmann-json3-dev, header-only) ---
if(EMSCRIPTEN)
  # The Emscripten toolchain confines find_package to its sysroot, and adding all of /usr/include
  # would mix glibc headers into the wasm build: expose only the nlohmann/ folder through a link.
  set(NLOHMANN_LINK_DIR "${CMAKE_BINARY_DIR}/nlohmann-include")
  file(MAKE_DIRECTORY "${NLOHMANN_LINK_DIR}")
  file(CREATE_LINK /usr/include/nlohmann "${NLOHMANN_LINK_DIR}/nlohmann" SYMBOLIC)
  add_library(nlohmann_json::nlohmann_json INTERFACE IMPORTED)
  target_include_directories(nlohmann_json::nlohmann_json SYSTEM INTERFACE "${NLOHMANN_LINK_DIR}")
else()
  find_package(nlohmann_json 3.11 REQUIRED)
endif()

# --- Dear ImGui 1.86 (Debian source package `imgui`) ---
set(IMGUI_DIR "${DEBRIEF_DEPS_DIR}/imgui-1.86+ds")
if(NOT EXISTS "${IMGUI_DIR}/imgui.cpp")
  message(FATAL_ERROR "ImGui sources missing in ${IMGUI_DIR}: run scripts/build (it runs `apt-get source imgui`).")
endif()
# imgui_demo.cpp is deliberately absent: the demo window adds ~135 KB gzip (docs/web-platform.md).
# ImGui 1.86 has no switch to leave out its built-in ProggyClean font: ImFontAtlas::Build() falls back
# to it when no font was added, so its 11,980 bytes of base85 (10 KB of the brotli'd wasm) stay linked.
# Debrief always adds its own fonts first (src/ui/fonts.cpp), so imgui_draw.cpp is compiled from a copy
# in which that fallback has no data; the array is then unused and dropped.
file(READ "${IMGUI_DIR}/imgui_draw.cpp" IMGUI_DRAW_SOURCE)
set(IMGUI_DEFAULT_FONT_DATA "return proggy_clean_ttf_compressed_data_base85;")
string(FIND "${IMGUI_DRAW_SOURCE}" "${IMGUI_DEFAULT_FONT_DATA}" found)
if(found EQUAL -1)
  message(FATAL_ERROR "${IMGUI_DIR}/imgui_draw.cpp no longer returns its default font where expected.")
endif()
string(REPLACE "${IMGUI_DEFAULT_FONT_DATA}" "IM_ASSERT(0 && \"Debrief adds its own fonts\"); return NULL;"
       IMGUI_DRAW_SOURCE "${IMGUI_DRAW_SOURCE}")
set(IMGUI_DRAW_COPY "${CMAKE_BINARY_DIR}/imgui/imgui_draw.cpp")
file(WRITE "${IMGUI_DRAW_COPY}.new" "${IMGUI_DRAW_SOURCE}")
configure_file("${IMGUI_DRAW_COPY}.new" "${IMGUI_DRAW_COPY}" COPYONLY)  # rewritten only when it changes
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${IMGUI_DIR}/imgui_draw.cpp")
set_source_files_properties("${IMGUI_DRAW_COPY}" PROPERTIES COMPILE_OPTIONS "-Wno-unused-const-variable")
add_library(imgui STATIC
  ${IMGUI_DIR}/imgui.cpp "${IMGUI_DRAW_COPY}"
  ${IMGUI_DIR}/imgui_tables.cpp ${IMGUI_DIR}/imgui_widgets.cpp)
target_include_directories(imgui SYSTEM PUBLIC ${IMGUI_DIR} ${CMAKE_CURRENT_SOURCE_DIR}/src/ui/imgui_config)
target_compile_definitions(imgui PUBLIC
  IMGUI_USER_CONFIG="debrief_imconfig.h"
  IMGUI_DISABLE_OBSOLETE_FUNCTIONS IMGUI_DISABLE_DEMO_WINDOWS IMGUI_DISABLE_METRICS_WINDOW
  IMGUI_ENABLE_TEST_ENGINE)  # item hooks feed the accessible semantic mirror (src/ui/item_registry.*)

# --- GNU FriBidi 1.0.8 (Debian source package `fribidi`): Arabic shaping + reordering for display ---
set(FRIBIDI_DIR "${DEBRIEF_DEPS_DIR}/fribidi-1.0.8")
if(NOT EXISTS "${FRIBIDI_DIR}/lib/fribidi.c")
  message(FATAL_ERROR "FriBidi sources missing in ${FRIBIDI_DIR}: run scripts/build (it runs `apt-get source fribidi`).")
endif()
file(GLOB FRIBIDI_SOURCES ${FRIBIDI_DIR}/lib/*.c)
add_library(fribidi STATIC ${FRIBIDI_SOURCES})
# The tarball ships the generated tables (lib/*.tab.i); config headers are ours (cmake/fribidi/).
target_include_directories(fribidi SYSTEM PUBLIC ${FRIBIDI_DIR}/lib ${CMAKE_CURRENT_SOURCE_DIR}/cmake/fribidi)
target_compile_definitions(fribidi PRIVATE HAVE_CONFIG_H FRIBIDI_BUILD FRIBIDI_LIB_STATIC)
target_compile_definitions(fribidi PUBLIC FRIBIDI_LIB_STATIC)
set_target_properties(fribidi PROPERTIES C_STANDARD 99)
target_compile_options(fribidi PRIVATE -w)  # upstream code, upstream warnings
