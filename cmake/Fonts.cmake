# Subsets Debian's Noto fonts at build time (fonts-noto-core + pyftsubset); output stays in the build tree.
# The ranges match src/ui/fonts.cpp and cover what the UI is written in (English, German, Italian, Arabic):
# Latin: Basic Latin, Latin-1, the few Latin Extended-A letters of Windows-1252 (Œ œ Š š Ž ž Ÿ), general
# punctuation (– — ‘ ’ “ ” … €), arrows and a few symbols. The rest of Latin Extended-A cost ~2.4 KB brotli
# per face for letters none of the UI languages use.
# Arabic: the Arabic letters, marks, digits and punctuation (U+060C–0671) plus the presentation forms
# FriBidi's shaping produces for them (U+FE70–FEFF, alef wasla U+FB50–FB51), which ImGui draws after FriBidi
# shaped the text (stb_truetype ignores GSUB/GPOS; docs/web-platform.md). Not the Persian/Urdu letters
# (U+0672–06FF, U+FB52–FBFF): they doubled the Arabic font for a language the UI does not offer.
set(NOTO_DIR "/usr/share/fonts/truetype/noto" CACHE PATH "Debian fonts-noto-core directory")
set(DEBRIEF_FONTS_DIR "${CMAKE_BINARY_DIR}/fonts")
# Debian 12 ships fontTools as a module only; use Debian's python (PATH may hold another one).
set(PYFTSUBSET /usr/bin/python3 -m fontTools.subset)

set(LATIN_UNICODES "U+0020-007E,U+00A0-00FF,U+0152-0153,U+0160-0161,U+0178,U+017D-017E,U+2010-2027,U+2030-203A,U+20AC,U+2190-2193,U+2713,U+2022,U+25B8,U+25BE,U+2605,U+2606")
set(ARABIC_UNICODES "U+0020,U+00A0,U+060C-0671,U+FB50-FB51,U+FE70-FEFF,U+200C-200F")
set(SUBSET_FLAGS --layout-features= --no-hinting --desubroutinize --drop-tables+=GSUB,GPOS,GDEF,DSIG,MATH,OS/2,post,name,gasp)
# stb_truetype reads only cmap, glyf/loca, hmtx/hhea, head and maxp; the other tables are dropped above.

function(debrief_subset_font out src unicodes)
  add_custom_command(OUTPUT "${DEBRIEF_FONTS_DIR}/${out}"
    COMMAND ${CMAKE_COMMAND} -E make_directory "${DEBRIEF_FONTS_DIR}"
    COMMAND ${PYFTSUBSET} "${NOTO_DIR}/${src}" --unicodes=${unicodes} ${SUBSET_FLAGS}
            --output-file=${DEBRIEF_FONTS_DIR}/${out}
    DEPENDS "${NOTO_DIR}/${src}" "${CMAKE_CURRENT_LIST_FILE}"
    COMMENT "Subsetting ${src} -> ${out}" VERBATIM)
endfunction()

debrief_subset_font(latin.ttf NotoSans-Regular.ttf "${LATIN_UNICODES}")
debrief_subset_font(latin-bold.ttf NotoSans-Bold.ttf "${LATIN_UNICODES}")
debrief_subset_font(arabic.ttf NotoSansArabic-Regular.ttf "${ARABIC_UNICODES}")
# Headings are bold in Arabic too: the heading font merges this face (src/ui/fonts.cpp).
debrief_subset_font(arabic-bold.ttf NotoSansArabic-Bold.ttf "${ARABIC_UNICODES}")
add_custom_target(debrief_fonts ALL DEPENDS
  "${DEBRIEF_FONTS_DIR}/latin.ttf" "${DEBRIEF_FONTS_DIR}/latin-bold.ttf" "${DEBRIEF_FONTS_DIR}/arabic.ttf"
  "${DEBRIEF_FONTS_DIR}/arabic-bold.ttf")
