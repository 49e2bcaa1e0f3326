# The interface-language catalogues (docs/architecture.md "Languages"). assets/i18n/en.po is the source
# of English: the built-in English table is generated from it into the build tree and compiled into
# debrief_core. Every other assets/i18n/<code>.po is checked with msgfmt --check and compiled to a
# standard .mo file, which the app fetches only when a person chooses that language.
#
# debrief_compile_catalogues(<target name> <output dir> <po files>...): a target building
# <output dir>/<code>.mo for each .po, with the list in DEBRIEF_MO_FILES (parent scope).

find_program(DEBRIEF_MSGFMT msgfmt REQUIRED)  # Debian's gettext (scripts/lib/setup.sh)

set(DEBRIEF_I18N_DIR "${CMAKE_SOURCE_DIR}/assets/i18n")
set(DEBRIEF_ENGLISH_PO "${DEBRIEF_I18N_DIR}/en.po")
set(DEBRIEF_ENGLISH_CPP "${CMAKE_BINARY_DIR}/generated/strings_en.cpp")
# Debian's python, because `python3` on PATH may be another interpreter (as for the icons).
add_custom_command(OUTPUT "${DEBRIEF_ENGLISH_CPP}"
  COMMAND ${CMAKE_COMMAND} -E make_directory "${CMAKE_BINARY_DIR}/generated"
  COMMAND /usr/bin/python3 "${CMAKE_SOURCE_DIR}/scripts/lib/po_to_catalogue.py" "${DEBRIEF_ENGLISH_PO}" "${DEBRIEF_ENGLISH_CPP}"
  DEPENDS "${DEBRIEF_ENGLISH_PO}" "${CMAKE_SOURCE_DIR}/scripts/lib/po_to_catalogue.py"
  COMMENT "Generating the English catalogue from assets/i18n/en.po" VERBATIM)
target_sources(debrief_core PRIVATE "${DEBRIEF_ENGLISH_CPP}")

# The translations present in the source tree (translators add files; CONFIGURE_DEPENDS notices them).
file(GLOB DEBRIEF_TRANSLATION_POS CONFIGURE_DEPENDS "${DEBRIEF_I18N_DIR}/*.po")
list(REMOVE_ITEM DEBRIEF_TRANSLATION_POS "${DEBRIEF_ENGLISH_PO}")

function(debrief_compile_catalogues target out_dir)
  set(outputs "")
  foreach(po ${ARGN})
    get_filename_component(code "${po}" NAME_WE)
    set(mo "${out_dir}/${code}.mo")
    # --check: format strings, the header and plural forms as gettext sees them; a broken catalogue
    # fails the build instead of reaching a person. (Placeholders and nplurals against Debrief's own
    # rules are checked by the unit tests and by the app's reader.) --no-hash: the reader sorts the
    # keys and binary-searches them, so gettext's hash table would only add 1.2 KB brotli per file.
    add_custom_command(OUTPUT "${mo}"
      COMMAND ${CMAKE_COMMAND} -E make_directory "${out_dir}"
      COMMAND "${DEBRIEF_MSGFMT}" --check --no-hash --output-file "${mo}" "${po}"
      DEPENDS "${po}"
      COMMENT "Compiling the ${code} catalogue" VERBATIM)
    list(APPEND outputs "${mo}")
  endforeach()
  add_custom_target(${target} ALL DEPENDS ${outputs})
  set(DEBRIEF_MO_FILES "${outputs}" PARENT_SCOPE)
endfunction()
