# Subsets Debian's Noto fonts at build time (fonts-noto-core + fontTools); output stays in the build tree.
# The ranges match src/ui/fonts.cpp and cover what the UI is written in (English, German, Italian, Arabic):
# Latin: Basic Latin, Latin-1, the few Latin Extended-A letters of Windows-1252 (Œ œ Š š Ž ž Ÿ), general
# punctuation (– — ‘ ’ “ ” … €), arrows and a few symbols. The rest of Latin Extended-A cost ~2.4 KB brotli
# per face for letters none of the UI languages use.
# Arabic: the letters, the harakat, tatweel, the Arabic-Indic digits and punctuation, and the presentation
# forms FriBidi's shaping produces for them (U+FE80–FEFC with the lam-alef ligatures, alef wasla U+FB50–
# FB51), which ImGui draws after FriBidi shaped the text (stb_truetype ignores GSUB/GPOS;
# docs/web-platform.md). Not the Persian/Urdu letters (U+063B–063F, U+0672–06FF, U+FB52–FBFF), the
# Quranic marks (U+0610–061A, U+0656–065F), nor the isolated harakat forms (U+FE70–FE7F), which FriBidi's
# FRIBIDI_FLAGS_ARABIC never emits: together they were a fifth of the Arabic download.
# Each script is one collection of its regular and bold faces (scripts/lib/make_font_collection.py).
set(NOTO_DIR "/usr/share/fonts/truetype/noto" CACHE PATH "Debian fonts-noto-core directory")
set(DEBRIEF_FONTS_DIR "${CMAKE_BINARY_DIR}/fonts")

set(LATIN_UNICODES "U+0020-007E,U+00A0-00FF,U+0152-0153,U+0160-0161,U+0178,U+017D-017E,U+2010-2027,U+2030-203A,U+20AC,U+2190-2193,U+2713,U+2022,U+25B8,U+25BE,U+2605,U+2606")
set(ARABIC_UNICODES "U+0020,U+00A0,U+060C,U+061B-061C,U+061F,U+0621-063A,U+0640-0655,U+0660-066D,U+0670-0671,U+FB50-FB51,U+FE80-FEFC,U+200C-200F")

function(debrief_font_collection out unicodes regular bold)
  set(script "${CMAKE_SOURCE_DIR}/scripts/lib/make_font_collection.py")
  # Debian's python (PATH may hold another one without fontTools).
  add_custom_command(OUTPUT "${DEBRIEF_FONTS_DIR}/${out}"
    COMMAND ${CMAKE_COMMAND} -E make_directory "${DEBRIEF_FONTS_DIR}"
    COMMAND /usr/bin/python3 "${script}" "${DEBRIEF_FONTS_DIR}/${out}" "${unicodes}" "${NOTO_DIR}/${regular}" "${NOTO_DIR}/${bold}"
    DEPENDS "${NOTO_DIR}/${regular}" "${NOTO_DIR}/${bold}" "${script}" "${CMAKE_CURRENT_LIST_FILE}"
    COMMENT "Subsetting ${regular} and ${bold} -> ${out}" VERBATIM)
endfunction()

debrief_font_collection(latin.ttc "${LATIN_UNICODES}" NotoSans-Regular.ttf NotoSans-Bold.ttf)
# Headings are bold in Arabic too: the heading font merges the bold face (src/ui/fonts.cpp).
debrief_font_collection(arabic.ttc "${ARABIC_UNICODES}" NotoSansArabic-Regular.ttf NotoSansArabic-Bold.ttf)

# The characters the fonts above lack, one file per block of 256 code points, fetched the first time
# one of the block's characters is drawn, and only the characters drawn are rasterised (the block lists
# match src/ui/fonts.cpp's). Letters from Noto Sans for names and words typed in other alphabets:
# Latin Extended-A and -B (Łukasz, Yılmaz, Dvořák), the combining accents, Greek, Cyrillic, Latin
# Extended Additional (Vietnamese). Emoji and symbols from Symbola (fonts-symbola; outlines, which
# stb_truetype draws: Noto's emoji are colour bitmaps), with the zero-width joiner and the variation
# selectors, so that "❤️" is a heart and not a heart and a "?"; the skin tones are blanked (see
# scripts/lib/make_font_blocks.py).
set(SYMBOLA "/usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf" CACHE FILEPATH "Debian fonts-symbola")
set(MORE_LETTERS_UNICODES "U+0100-024F,U+0300-03FF,U+0400-04FF,U+1E00-1EFF")
set(SYMBOL_UNICODES "U+200B-200F,U+2190-21FF,U+2300-23FF,U+2460-24FF,U+25A0-27BF,U+2B00-2BFF,U+FE00-FE0F,U+1F300-1F6FF,U+1F900-1F9FF")
set(blocks_script "${CMAKE_SOURCE_DIR}/scripts/lib/make_font_blocks.py")
add_custom_command(OUTPUT "${DEBRIEF_FONTS_DIR}/blocks.stamp"
  COMMAND ${CMAKE_COMMAND} -E remove_directory "${DEBRIEF_FONTS_DIR}/blocks"
  COMMAND /usr/bin/python3 "${blocks_script}" "${DEBRIEF_FONTS_DIR}/blocks" "${MORE_LETTERS_UNICODES}"
          "${NOTO_DIR}/NotoSans-Regular.ttf" "${NOTO_DIR}/NotoSans-Bold.ttf"
  COMMAND /usr/bin/python3 "${blocks_script}" --blank "U+1F3FB-1F3FF" "${DEBRIEF_FONTS_DIR}/blocks" "${SYMBOL_UNICODES}"
          "${SYMBOLA}"
  COMMAND ${CMAKE_COMMAND} -E touch "${DEBRIEF_FONTS_DIR}/blocks.stamp"
  DEPENDS "${NOTO_DIR}/NotoSans-Regular.ttf" "${NOTO_DIR}/NotoSans-Bold.ttf" "${SYMBOLA}" "${blocks_script}"
          "${CMAKE_SOURCE_DIR}/scripts/lib/make_font_collection.py" "${CMAKE_CURRENT_LIST_FILE}"
  COMMENT "Subsetting Noto Sans and Symbola into blocks -> fonts/blocks/" VERBATIM)
add_custom_target(debrief_fonts ALL DEPENDS "${DEBRIEF_FONTS_DIR}/latin.ttc" "${DEBRIEF_FONTS_DIR}/arabic.ttc"
                                            "${DEBRIEF_FONTS_DIR}/blocks.stamp")
