// Tests for ui/fonts: the Arabic faces are optional until they arrive, then the atlas takes them in.
#include "ui/fonts.h"

#include "scratch_folder.h"

#include <doctest/doctest.h>
#include <imgui.h>

#include <filesystem>
#include <string>

using namespace debrief;

TEST_CASE("fonts: without the Arabic files the atlas builds in Latin and asks for them") {
    samples::ScratchFolder folder;
    const std::filesystem::path fonts(DEBRIEF_FONTS_DIR);
    std::filesystem::copy_file(fonts / "latin.ttc", folder.path() / "latin.ttc");
    ImGuiContext* context = ImGui::CreateContext();
    ui::want_arabic_glyphs();
    REQUIRE(ui::load_fonts(folder.path().string(), 1.0f, 16.0f, 22.0f));
    CHECK(ui::arabic_files_needed());
    CHECK_FALSE(ui::fonts_outdated());  // no rebuild every frame while the download runs
    CHECK(ui::fonts().body->FindGlyphNoFallback(0x0627) == nullptr);

    std::filesystem::copy_file(fonts / "arabic.ttc", folder.path() / "arabic.ttc");
    ui::arabic_files_arrived();
    CHECK(ui::fonts_outdated());
    REQUIRE(ui::load_fonts(folder.path().string(), 1.0f, 16.0f, 22.0f));
    CHECK_FALSE(ui::arabic_files_needed());
    CHECK_FALSE(ui::fonts_outdated());
    for (ImFont* font : {ui::fonts().body, ui::fonts().heading, ui::fonts().small})
        CHECK(font->FindGlyphNoFallback(0x0627) != nullptr);  // alef, in every face
    ImGui::DestroyContext(context);
}

