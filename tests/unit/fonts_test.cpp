// Tests for ui/fonts: the Arabic faces are optional until they arrive, then the atlas takes them in.
#include "ui/fonts.h"

#include "core/catalogue_file.h"
#include "core/text.h"
#include "scratch_folder.h"
#include "test_files.h"
#include "ui/bidi_text.h"

#include <doctest/doctest.h>
#include <imgui.h>

#include <filesystem>
#include <set>
#include <string>

using namespace debrief;

TEST_CASE("fonts: without the Arabic files the atlas builds in Latin and asks for them") {
    ui::forget_wanted_glyphs();
    samples::ScratchFolder folder;
    const std::filesystem::path fonts(DEBRIEF_FONTS_DIR);
    std::filesystem::copy_file(fonts / "latin.ttc", folder.path() / "latin.ttc");
    ImGuiContext* context = ImGui::CreateContext();
    ui::want_arabic_glyphs();
    REQUIRE(ui::load_fonts(folder.path().string(), 1.0f, 16.0f, 22.0f));
    CHECK(ui::font_files_needed() == std::vector<std::string>{"arabic.ttc"});
    CHECK_FALSE(ui::fonts_outdated());  // no rebuild every frame while the download runs
    CHECK(ui::fonts().body->FindGlyphNoFallback(0x0627) == nullptr);

    std::filesystem::copy_file(fonts / "arabic.ttc", folder.path() / "arabic.ttc");
    ui::font_files_arrived();
    CHECK(ui::fonts_outdated());
    REQUIRE(ui::load_fonts(folder.path().string(), 1.0f, 16.0f, 22.0f));
    CHECK(ui::font_files_needed().empty());
    CHECK_FALSE(ui::fonts_outdated());
    for (ImFont* font : {ui::fonts().body, ui::fonts().heading, ui::fonts().small})
        CHECK(font->FindGlyphNoFallback(0x0627) != nullptr);  // alef, in every face
    ImGui::DestroyContext(context);
}

// cmake/Fonts.cmake keeps only the Arabic characters FriBidi's shaping can produce: every one the
// Arabic interface shows, shaped as the app shapes it, must have a glyph in the regular and the bold face.
TEST_CASE("fonts: the Arabic faces draw every character of the Arabic interface, shaped") {
    const auto read = read_catalogue_file(
        Language::ar, test::read_file(std::string(DEBRIEF_CATALOGUE_DIR) + "/ar.catalogue"), english_catalogue());
    REQUIRE_MESSAGE(read.ok(), read.error());
    std::set<char32_t> shown;
    for (const CatalogueEntry& e : read.value()->catalogue()) {
        const std::string line = ui::display_line(e.text);
        for (std::size_t pos = 0; pos < line.size();) {
            const char32_t c = decode_utf8(line, pos);
            if (c >= 0x0600) shown.insert(c);  // the Latin faces hold the rest (checked by the layout tests)
        }
    }
    REQUIRE(shown.size() > 100);

    samples::ScratchFolder folder;
    const std::filesystem::path fonts(DEBRIEF_FONTS_DIR);
    for (const char* name : {"latin.ttc", "arabic.ttc"}) std::filesystem::copy_file(fonts / name, folder.path() / name);
    ImGuiContext* context = ImGui::CreateContext();
    ui::want_arabic_glyphs();
    REQUIRE(ui::load_fonts(folder.path().string(), 1.0f, 16.0f, 22.0f));
    for (const char32_t c : shown) {
        CAPTURE(static_cast<unsigned>(c));
        if (c > 0xFFFF) continue;  // emoji and the like: no UI language's font has them
        CHECK(ui::fonts().body->FindGlyphNoFallback(static_cast<ImWchar>(c)) != nullptr);
        CHECK(ui::fonts().heading->FindGlyphNoFallback(static_cast<ImWchar>(c)) != nullptr);
    }
    ImGui::DestroyContext(context);
}

// Any interface text may be drawn in any face (the small one draws tabs, step names and legends):
// every character of every language's catalogue needs a glyph in all three, or it shows as "?".
TEST_CASE("fonts: every face draws every Latin character of every interface language") {
    samples::ScratchFolder folder;
    const std::filesystem::path fonts(DEBRIEF_FONTS_DIR);
    std::filesystem::copy_file(fonts / "latin.ttc", folder.path() / "latin.ttc");
    ImGuiContext* context = ImGui::CreateContext();
    REQUIRE(ui::load_fonts(folder.path().string(), 1.0f, 16.0f, 22.0f));
    const auto arabic = [](char32_t c) { return (c >= 0x0600 && c <= 0x06FF) || (c >= 0xFB50 && c <= 0xFEFF); };
    for (const Language language : all_languages) {
        CAPTURE(language_code(language));
        std::set<char32_t> shown;
        const auto collect = [&](const Catalogue& catalogue) {
            for (const CatalogueEntry& e : catalogue) {
                const std::string line = ui::display_line(e.text);
                for (std::size_t pos = 0; pos < line.size();) {
                    const char32_t c = decode_utf8(line, pos);
                    if (c >= 0x20 && !arabic(c)) shown.insert(c);
                }
            }
        };
        if (language == Language::en) {
            collect(english_catalogue());
        } else {
            const auto read = read_catalogue_file(language,
                                                  test::read_file(std::string(DEBRIEF_CATALOGUE_DIR) + "/" +
                                                                  std::string(language_code(language)) + ".catalogue"),
                                                  english_catalogue());
            REQUIRE_MESSAGE(read.ok(), read.error());
            collect(read.value()->catalogue());
        }
        for (const char32_t c : shown) {
            CAPTURE(static_cast<unsigned>(c));
            for (ImFont* font : {ui::fonts().body, ui::fonts().heading, ui::fonts().small})
                CHECK(font->FindGlyphNoFallback(static_cast<ImWchar>(c)) != nullptr);
        }
    }
    ImGui::DestroyContext(context);
}

// ui/atlas_cache.h: each atlas is built once, saved in the folder, and restored at the next start.
// (Arabic is wanted from here on, as in the app, which never needs a way back.)
TEST_CASE("fonts: an atlas built once is restored from the atlas folder next time") {
    samples::ScratchFolder folder;
    const std::filesystem::path fonts(DEBRIEF_FONTS_DIR);
    for (const char* name : {"latin.ttc", "arabic.ttc"}) std::filesystem::copy_file(fonts / name, folder.path() / name);
    std::filesystem::create_directories(folder.path() / "atlases");
    const std::string saved_path = (folder.path() / "atlases" / "latin-arabic.atlas").string();
    ui::set_atlas_folder((folder.path() / "atlases").string());
    ui::want_arabic_glyphs();

    // What a start draws with: the texture and every glyph of the body font, harakat moved (once).
    const auto load = [&] {
        ImGuiContext* context = ImGui::CreateContext();
        REQUIRE(ui::load_fonts(folder.path().string(), 2.0f, 16.0f, 22.0f));
        unsigned char* pixels = nullptr;
        int width = 0, height = 0;
        ImGui::GetIO().Fonts->GetTexDataAsAlpha8(&pixels, &width, &height);
        std::string drawn(reinterpret_cast<const char*>(pixels), static_cast<std::size_t>(width) * height);
        for (const ImFontGlyph& g : ui::fonts().body->Glyphs) {
            const float box[] = {g.X0, g.X1, g.Y0, g.Y1, g.U0, g.V0, g.AdvanceX};
            drawn.append(reinterpret_cast<const char*>(box), sizeof box);
        }
        const ImFontGlyph* fatha = ui::fonts().body->FindGlyphNoFallback(0x064E);
        REQUIRE(fatha != nullptr);
        CHECK(fatha->X1 < 0.0f);  // moved left onto its letter (place_arabic_marks)
        ImGui::DestroyContext(context);
        return drawn;
    };

    const std::string built = load();
    CHECK_FALSE(ui::atlas_restored());
    CHECK(ui::take_saved_atlas() == saved_path);
    CHECK(std::filesystem::file_size(saved_path) > 0);
    CHECK(ui::take_saved_atlas().empty());  // told once

    CHECK(load() == built);
    CHECK(ui::atlas_restored());
    CHECK(ui::take_saved_atlas().empty());             // nothing new to keep
    CHECK_FALSE(std::filesystem::exists(saved_path));  // read once: the web's folder is in memory

    // Another pixel ratio is another recipe: built, and saved over the first.
    ImGuiContext* context = ImGui::CreateContext();
    REQUIRE(ui::load_fonts(folder.path().string(), 3.0f, 16.0f, 22.0f));
    ImGui::DestroyContext(context);
    CHECK_FALSE(ui::atlas_restored());
    CHECK(ui::take_saved_atlas() == saved_path);

    // A damaged file is built over.
    folder.put("atlases/latin-arabic.atlas", "not an atlas");
    CHECK(load() == built);
    CHECK_FALSE(ui::atlas_restored());
    CHECK(ui::take_saved_atlas() == saved_path);
    CHECK(load() == built);
    CHECK(ui::atlas_restored());
    CHECK(load() == built);  // and with the file read, the next load builds (and saves) again
    CHECK_FALSE(ui::atlas_restored());
    CHECK(ui::take_saved_atlas() == saved_path);
    ui::set_atlas_folder("");
}

std::set<std::string> files_needed() {
    const std::vector<std::string> files = ui::font_files_needed();
    return {files.begin(), files.end()};
}

// Characters neither the Latin nor the Arabic font has come from a block file once they are drawn:
// names in other alphabets and emoji, with only the characters drawn rasterised.
TEST_CASE("fonts: a drawn character the Latin font lacks comes from its block, once the file is there") {
    ui::forget_wanted_glyphs();
    samples::ScratchFolder folder;
    const std::filesystem::path fonts(DEBRIEF_FONTS_DIR);
    std::filesystem::copy_file(fonts / "latin.ttc", folder.path() / "latin.ttc");
    std::filesystem::create_directories(folder.path() / "blocks");
    for (const char* name : {"u0100.ttc", "u1f300.ttc", "u1f400.ttc"})
        std::filesystem::copy_file(fonts / "blocks" / name, folder.path() / "blocks" / name);
    ImGuiContext* context = ImGui::CreateContext();
    REQUIRE(ui::load_fonts(folder.path().string(), 1.0f, 16.0f, 22.0f));
    const auto has = [](char32_t c) {
        for (ImFont* font : {ui::fonts().body, ui::fonts().heading, ui::fonts().small})
            if (font->FindGlyphNoFallback(static_cast<ImWchar>(c)) == nullptr) return false;
        return true;
    };
    CHECK_FALSE(has(0x0141));

    // Ł ı: u0100; 👍: u1f400, its skin tone: u1f300; ❤: u2700, its emoji form: ufe00.
    ui::want_glyphs_of("Łukasz Yılmaz 👍🏽 ❤️ Müller");
    CHECK(ui::fonts_outdated());
    CHECK(files_needed() == std::set<std::string>{"blocks/u2700.ttc", "blocks/ufe00.ttc"});
    REQUIRE(ui::load_fonts(folder.path().string(), 1.0f, 16.0f, 22.0f));
    CHECK_FALSE(ui::fonts_outdated());
    CHECK(has(0x0141));
    CHECK(has(0x0131));
    CHECK(has(0x1F44D));
    CHECK_FALSE(has(0x0142));  // ł is in the file but was never drawn
    CHECK_FALSE(has(0x2764));  // its file is still on its way
    // An outline as tall as a capital letter and wider than a small one, not an empty box or a speck.
    const ImFontGlyph* thumb = ui::fonts().body->FindGlyphNoFallback(0x1F44D);
    const ImFontGlyph* capital = ui::fonts().body->FindGlyphNoFallback('M');
    const ImFontGlyph* small = ui::fonts().body->FindGlyphNoFallback('n');
    CHECK(thumb->Y1 - thumb->Y0 >= capital->Y1 - capital->Y0);
    CHECK(thumb->X1 - thumb->X0 > small->X1 - small->X0);
    CHECK(thumb->X1 - thumb->X0 < 2.0f * (capital->X1 - capital->X0));
    // The skin tone is drawn as nothing (Symbola's is a stippled square; make_font_blocks.py --blank).
    const ImFontGlyph* tone = ui::fonts().body->FindGlyphNoFallback(0x1F3FD);
    REQUIRE(tone != nullptr);
    CHECK(tone->AdvanceX == 0.0f);
    CHECK_FALSE(tone->Visible);

    for (const char* name : {"u2700.ttc", "ufe00.ttc"})
        std::filesystem::copy_file(fonts / "blocks" / name, folder.path() / "blocks" / name);
    ui::font_files_arrived();
    CHECK(ui::fonts_outdated());
    // An atlas with blocks is neither restored nor saved: it holds what this visit happened to draw.
    std::filesystem::create_directories(folder.path() / "atlases");
    ui::set_atlas_folder((folder.path() / "atlases").string());
    REQUIRE(ui::load_fonts(folder.path().string(), 1.0f, 16.0f, 22.0f));
    ui::set_atlas_folder("");
    CHECK(ui::take_saved_atlas().empty());
    CHECK(files_needed().empty());
    CHECK(has(0x2764));
    const ImFontGlyph* selector = ui::fonts().body->FindGlyphNoFallback(0xFE0F);
    REQUIRE(selector != nullptr);
    CHECK(selector->AdvanceX == 0.0f);  // the emoji form of the heart: nothing drawn, no width

    // Characters no file has (Hebrew) are not asked for; drawing the same text again asks for nothing.
    ui::want_glyphs_of("שלום Łukasz 👍🏽");
    CHECK_FALSE(ui::fonts_outdated());
    CHECK(files_needed().empty());
    ImGui::DestroyContext(context);
}

// src/ui/fonts.cpp and cmake/Fonts.cmake each list the blocks: the app can ask for every file built,
// and every file it can ask for was built.
TEST_CASE("fonts: the blocks the app asks for are the blocks built") {
    ui::forget_wanted_glyphs();
    samples::ScratchFolder folder;
    const std::filesystem::path fonts(DEBRIEF_FONTS_DIR);
    std::filesystem::copy_file(fonts / "latin.ttc", folder.path() / "latin.ttc");
    ImGuiContext* context = ImGui::CreateContext();
    REQUIRE(ui::load_fonts(folder.path().string(), 1.0f, 16.0f, 22.0f));
    // The first and last character of each range fonts.cpp lists, and one of every block between.
    ui::want_glyphs_of(
        "Āɏ̀Ͽ ЀӿḀỿ \u200B\u200F ←⇿ ⌀⏿ ①⓿ ■☀➿ ⬀⯿ \uFE00\uFE0F 🌀🐀🔀🛿 "
        "🤀🧿");
    std::set<std::string> built;
    for (const auto& entry : std::filesystem::directory_iterator(fonts / "blocks"))
        built.insert("blocks/" + entry.path().filename().string());
    CHECK(built.size() == 19);
    CHECK(files_needed() == built);
    ImGui::DestroyContext(context);
}

// has_rtl() is where drawing asks for glyphs (bidi_text.h): it stops looking for right-to-left text
// at the first Arabic letter, but not for characters in blocks, which may come after it.
TEST_CASE("fonts: drawing Arabic text that ends in an emoji asks for the emoji's block") {
    ui::forget_wanted_glyphs();
    samples::ScratchFolder folder;
    std::filesystem::copy_file(std::filesystem::path(DEBRIEF_FONTS_DIR) / "latin.ttc", folder.path() / "latin.ttc");
    ImGuiContext* context = ImGui::CreateContext();
    REQUIRE(ui::load_fonts(folder.path().string(), 1.0f, 16.0f, 22.0f));
    CHECK(ui::has_rtl("استوديو نورد 😭"));
    CHECK(files_needed() == std::set<std::string>{"blocks/u1f600.ttc"});
    ImGui::DestroyContext(context);
}
