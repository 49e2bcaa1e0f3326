# The interface-language catalogues (docs/architecture.md "Languages"). assets/i18n/en.po is the source
# of English: the built-in English table is generated from it into the build tree and compiled into
# debrief_core. Every other assets/i18n/<code>.po is checked with msgfmt --check and packed into
# <code>.catalogue (src/core/catalogue_file.h), which the app fetches only when a person chooses that
# language.
#
# debrief_compile_catalogues(<target name> <output dir> <po files>...): a target building
# <output dir>/<code>.catalogue for each .po.

find_program(DEBRIEF_MSGFMT msgfmt REQUIRED)  # Debian's gettext (scripts/lib/setup.sh)

set(DEBRIEF_I18N_DIR "${CMAKE_SOURCE_DIR}/assets/i18n")
set(DEBRIEF_ENGLISH_PO "${DEBRIEF_I18N_DIR}/en.po")
set(DEBRIEF_ENGLISH_CPP "${CMAKE_BINARY_DIR}/generated/strings_en.cpp")
# Debian's python, because `python3` on PATH may be another interpreter (as for the icons).
add_custom_command(OUTPUT "${DEBRIEF_ENGLISH_CPP}"
  COMMAND ${CMAKE_COMMAND} -E make_directory "${CMAKE_BINARY_DIR}/generated"
  COMMAND /usr/bin/python3 "${CMAKE_SOURCE_DIR}/scripts/lib/po_to_catalogue.py" english "${DEBRIEF_ENGLISH_PO}" "${DEBRIEF_ENGLISH_CPP}"
  DEPENDS "${DEBRIEF_ENGLISH_PO}" "${CMAKE_SOURCE_DIR}/scripts/lib/po_to_catalogue.py"
  COMMENT "Generating the English catalogue from assets/i18n/en.po" VERBATIM)
target_sources(debrief_core PRIVATE "${DEBRIEF_ENGLISH_CPP}")

# The translations present in the source tree (translators add files; CONFIGURE_DEPENDS notices them).
file(GLOB DEBRIEF_TRANSLATION_POS CONFIGURE_DEPENDS "${DEBRIEF_I18N_DIR}/*.po")
list(REMOVE_ITEM DEBRIEF_TRANSLATION_POS "${DEBRIEF_ENGLISH_PO}")

function(debrief_compile_catalogues target out_dir)
  set(packer "${CMAKE_SOURCE_DIR}/scripts/lib/po_to_catalogue.py")
  set(outputs "")
  foreach(po ${ARGN})
    get_filename_component(code "${po}" NAME_WE)
    set(packed "${out_dir}/${code}.catalogue")
    # msgfmt --check: format strings, the header and plural forms as gettext sees them; a broken
    # catalogue fails the build instead of reaching a person. No .mo is shipped: the packer keeps
    # only the texts (src/core/catalogue_file.h), a third of the download. Placeholders against
    # English are checked by the unit tests, everything else again by the app's reader.
    add_custom_command(OUTPUT "${packed}"
      COMMAND ${CMAKE_COMMAND} -E make_directory "${out_dir}"
      COMMAND "${DEBRIEF_MSGFMT}" --check --output-file /dev/null "${po}"
      COMMAND /usr/bin/python3 "${packer}" pack "${DEBRIEF_ENGLISH_PO}" "${po}" "${packed}"
      DEPENDS "${po}" "${DEBRIEF_ENGLISH_PO}" "${packer}"
      COMMENT "Checking and packing the ${code} catalogue" VERBATIM)
    list(APPEND outputs "${packed}")
  endforeach()
  add_custom_target(${target} ALL DEPENDS ${outputs})
endfunction()
