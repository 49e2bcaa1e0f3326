# The web executable (app.js + app.wasm) and the static site in build/site/.
# Toolchain traps handled here are explained in docs/web-platform.md.
file(GLOB DEBRIEF_PLATFORM_SOURCES CONFIGURE_DEPENDS src/platform/*.cpp)
add_executable(debrief_web ${DEBRIEF_PLATFORM_SOURCES} ${IMGUI_DIR}/backends/imgui_impl_opengl3.cpp)
set_source_files_properties(${IMGUI_DIR}/backends/imgui_impl_opengl3.cpp PROPERTIES COMPILE_OPTIONS "-w")
target_compile_definitions(debrief_web PRIVATE IMGUI_IMPL_OPENGL_ES3)
debrief_layer_root(platform DEBRIEF_PLATFORM_ROOT)
target_include_directories(debrief_web PRIVATE "${DEBRIEF_PLATFORM_ROOT}")
target_link_libraries(debrief_web PRIVATE debrief_ui debrief_app debrief_core debrief_serialization)
debrief_strict_warnings(debrief_web)
# EM_JS/EM_ASM bodies are JavaScript: their macro expansion trips -Wpedantic / variadic warnings.
target_compile_options(debrief_web PRIVATE -Wno-gnu-zero-variadic-macro-arguments -Wno-dollar-in-identifier-extension -Wno-c99-extensions)

set(DEBRIEF_SITE_DIR "${CMAKE_SOURCE_DIR}/build/site" CACHE PATH "Deployable static site")
set_target_properties(debrief_web PROPERTIES OUTPUT_NAME app SUFFIX ".js" RUNTIME_OUTPUT_DIRECTORY "${DEBRIEF_SITE_DIR}")
# -o index.html breaks under optimisation with Debian's htmlmin: we link app.js and hand-write index.html.
target_link_options(debrief_web PRIVATE
  -Os
  -sMIN_WEBGL_VERSION=2 -sMAX_WEBGL_VERSION=2
  -sALLOW_MEMORY_GROWTH=1 -sINITIAL_MEMORY=33554432
  -sFORCE_FILESYSTEM=1 -lidbfs.js
  -sEXPORTED_FUNCTIONS=_main,_malloc,_free
  -sENVIRONMENT=web
  -sDISABLE_EXCEPTION_CATCHING=1
  -sTOTAL_STACK=1048576
  -sERROR_ON_UNDEFINED_SYMBOLS=1
  # Smaller JS glue (~1 KB brotli): only the Module fields web/shell.js sets, no GL extension-string
  # and version-string emulation or error tracking (imgui_impl_opengl3 asks for neither), no setjmp.
  -sINCOMING_MODULE_JS_API=canvas,preRun,instantiateWasm,onAbort,print,printErr
  -sGL_EXTENSIONS_IN_PREFIXED_FORMAT=0 -sGL_EMULATE_GLES_VERSION_STRING_FORMAT=0
  -sGL_SUPPORT_AUTOMATIC_ENABLE_EXTENSIONS=0 -sGL_TRACK_ERRORS=0
  -sSUPPORT_LONGJMP=0
  # emmalloc instead of dlmalloc: -2.2 KB brotli, with the same 10k-journal load, import and peak heap
  # (scripts/bench --only scale). Binaryen's -Oz repeated until nothing changes: -1.0 KB more.
  -sMALLOC=emmalloc -sBINARYEN_EXTRA_PASSES=-Oz,--converge
  # Closure in advanced mode shortens the glue's names: app.js 21.1 → 14.8 KB brotli. The names the glue
  # shares with web/*.js and the tests are listed in web/app-externs.js, and so kept.
  --closure=1 "--closure-args=--externs=${CMAKE_SOURCE_DIR}/web/app-externs.js"
  --post-js "${CMAKE_SOURCE_DIR}/web/app-exports.js")

# Closure comes from npm (package.json pins the release Emscripten 3.1.6 was made with: newer ones
# refuse its --language_in). Debian's emcc looks for it in its own folder unless told.
set(DEBRIEF_CLOSURE "${CMAKE_SOURCE_DIR}/node_modules/.bin/google-closure-compiler")
if(NOT EXISTS "${DEBRIEF_CLOSURE}")
  message(FATAL_ERROR "${DEBRIEF_CLOSURE} is missing: run scripts/build (it runs `npm ci`).")
endif()
set_target_properties(debrief_web PROPERTIES
  RULE_LAUNCH_LINK "${CMAKE_COMMAND} -E env EM_CLOSURE_COMPILER=${DEBRIEF_CLOSURE}"
  LINK_DEPENDS "${CMAKE_SOURCE_DIR}/web/app-externs.js;${CMAKE_SOURCE_DIR}/web/app-exports.js")

# Static files next to app.js/app.wasm.
set(DEBRIEF_WEB_FILES index.html shell.js lock.js storage.js shell.css)
foreach(f ${DEBRIEF_WEB_FILES})
  add_custom_command(TARGET debrief_web POST_BUILD
    COMMAND ${CMAKE_COMMAND} -E copy_if_different "${CMAKE_SOURCE_DIR}/web/${f}" "${DEBRIEF_SITE_DIR}/${f}")
endforeach()

# ---- Offline and installable (docs/web-platform.md "Offline and files") ----
# Icons are drawn by our own script with the standard library only; Debian's python, because
# `python3` on PATH may be another interpreter.
set(DEBRIEF_ICON_FILES "${DEBRIEF_SITE_DIR}/icons/icon-192.png" "${DEBRIEF_SITE_DIR}/icons/icon-512.png"
    "${DEBRIEF_SITE_DIR}/icons/icon-maskable-512.png")
add_custom_command(OUTPUT ${DEBRIEF_ICON_FILES}
  COMMAND /usr/bin/python3 "${CMAKE_SOURCE_DIR}/scripts/lib/make_icons.py" "${DEBRIEF_SITE_DIR}/icons"
  DEPENDS "${CMAKE_SOURCE_DIR}/scripts/lib/make_icons.py"
  COMMENT "Drawing the app icons" VERBATIM)
find_program(DEBRIEF_NODE NAMES node nodejs REQUIRED)
# Runs on every build, after debrief_web and its POST_BUILD copies. Those copies only run when app.js
# relinks, so the web files are copied again here, and the fonts (rebuilt on their own): the hash must
# describe what build/site/ really holds. The scripts are minified in place before the hash is taken. The fonts folder is emptied first: the service worker
# precaches whatever is in the site folder, font files of an older build included.
# sw.js is written last, from the finished site.
list(TRANSFORM DEBRIEF_WEB_FILES PREPEND "${CMAKE_SOURCE_DIR}/web/" OUTPUT_VARIABLE DEBRIEF_WEB_SOURCES)
add_custom_target(debrief_site ALL
  COMMAND ${CMAKE_COMMAND} -E copy_if_different ${DEBRIEF_WEB_SOURCES} "${CMAKE_SOURCE_DIR}/web/manifest.webmanifest"
          "${DEBRIEF_SITE_DIR}/"
  COMMAND ${CMAKE_COMMAND} -E remove_directory "${DEBRIEF_SITE_DIR}/fonts"
  COMMAND ${CMAKE_COMMAND} -E make_directory "${DEBRIEF_SITE_DIR}/fonts"
  COMMAND ${CMAKE_COMMAND} -E copy "${DEBRIEF_FONTS_DIR}/latin.ttc" "${DEBRIEF_FONTS_DIR}/arabic.ttc"
          "${DEBRIEF_SITE_DIR}/fonts/"
  COMMAND ${CMAKE_COMMAND} -E copy_directory "${DEBRIEF_FONTS_DIR}/blocks" "${DEBRIEF_SITE_DIR}/fonts/blocks"
  COMMAND "${DEBRIEF_NODE}" "${CMAKE_SOURCE_DIR}/scripts/lib/minify.mjs" "${DEBRIEF_SITE_DIR}"
          app.js shell.js lock.js storage.js
  COMMAND "${DEBRIEF_NODE}" "${CMAKE_SOURCE_DIR}/scripts/lib/make_precache.mjs" "${DEBRIEF_SITE_DIR}" "${CMAKE_SOURCE_DIR}/web/sw.js"
  COMMAND "${DEBRIEF_NODE}" "${CMAKE_SOURCE_DIR}/scripts/lib/precompress.mjs" "${DEBRIEF_SITE_DIR}"
  DEPENDS ${DEBRIEF_ICON_FILES}
  COMMENT "Writing build/site/sw.js (precache list and build hash) and the .br/.gz copies" VERBATIM)
add_dependencies(debrief_site debrief_web debrief_fonts)
# The translations, fetched only when chosen (web/sw.js keeps them once fetched, outside the precache).
debrief_compile_catalogues(debrief_catalogues "${DEBRIEF_SITE_DIR}/i18n" ${DEBRIEF_TRANSLATION_POS})
add_dependencies(debrief_site debrief_catalogues)
# A manifest per translation (manifest.<code>.webmanifest): the installed app's description and
# direction in that language; web/shell.js links the one for the language shown.
set(DEBRIEF_MANIFESTS "")
foreach(po ${DEBRIEF_TRANSLATION_POS})
  get_filename_component(code "${po}" NAME_WE)
  set(manifest "${DEBRIEF_SITE_DIR}/manifest.${code}.webmanifest")
  add_custom_command(OUTPUT "${manifest}"
    COMMAND /usr/bin/python3 "${CMAKE_SOURCE_DIR}/scripts/lib/make_manifest.py"
            "${CMAKE_SOURCE_DIR}/web/manifest.webmanifest" "${po}" "${manifest}"
    DEPENDS "${po}" "${CMAKE_SOURCE_DIR}/web/manifest.webmanifest" "${CMAKE_SOURCE_DIR}/scripts/lib/make_manifest.py"
            "${CMAKE_SOURCE_DIR}/scripts/lib/po_to_catalogue.py"
    COMMENT "Writing the ${code} web app manifest" VERBATIM)
  list(APPEND DEBRIEF_MANIFESTS "${manifest}")
endforeach()
add_custom_target(debrief_manifests ALL DEPENDS ${DEBRIEF_MANIFESTS})
add_dependencies(debrief_site debrief_manifests)
