// The Data screen while an import or export runs: a progress bar read with its value and words,
// and a Cancel (pressed by Escape) that leaves the journal as it was.
#include "app/export_flow.h"
#include "app/import_flow.h"
#include "sample_journal.h"
#include "serialization/journal_json.h"
#include "ui_test_support.h"

#include <doctest/doctest.h>

using namespace debrief;
using ui::Role;

namespace {

const ui::ItemInfo* find(const std::vector<ui::ItemInfo>& items, Role role) {
    for (const ui::ItemInfo& item : items)
        if (item.role == role) return &item;
    return nullptr;
}

// A journal file past the size from which the progress is shown.
Journal large_journal() {
    Journal j = samples::sample_journal();
    const Reflection original = j.reflections.front();
    while (encode_journal(j, samples::sample_export_time()).size() <
           static_cast<std::size_t>(ImportFlow::small_file_bytes)) {
        for (int i = 0; i < 20; ++i) {
            Reflection r = original;
            r.meta.id = "00000000-0000-4000-8000-" + std::to_string(100000000000LL + j.reflections.size());
            j.reflections.push_back(r);
        }
    }
    return j;
}

}  // namespace

TEST_CASE("an import in progress shows a progress bar with its words, and Cancel leaves the journal as it was") {
    test::FixedEnvironment env;
    App app(env);
    app.create_reflection();
    const std::string before = encode_journal(app.journal(), app.extras(), samples::sample_export_time());
    ui::ViewState view;
    test::RecordingServices services;
    test::NullBackend ui(ImVec2(390, 844));
    app.go(Screen::data);
    const Journal file = large_journal();
    const std::string text = encode_journal(file, samples::sample_export_time());
    const int serial = app.import_flow().begin_reading("journal.json", 3 * 1024 * 1024);
    app.import_flow().reading_progress(1024 * 1024 + 512 * 1024);
    const auto& reading = ui.frame(app, view, services);
    const ui::ItemInfo* bar = find(reading, Role::progressbar);
    REQUIRE(bar != nullptr);
    CHECK(bar->name == "Importing your file");
    CHECK(bar->value_text == "Reading your file… 1.5 of 3.0 MB");
    CHECK(bar->value == 10);  // a fifth of the bar is the reading: half of it read
    CHECK(bar->max.x - bar->min.x > 200.0f);
    // No file picker meanwhile: a second import waits for this one.
    for (const ui::ItemInfo& item : reading) CHECK_FALSE(item.file_picker);

    app.import_flow().start("journal.json", text);
    app.import_flow().step(app, [] { return false; });  // the parse
    app.import_flow().step(app, [] { return false; });  // the header
    app.import_flow().step(app, [] { return false; });  // the first record
    const auto& checking = ui.frame(app, view, services);
    bar = find(checking, Role::progressbar);
    REQUIRE(bar != nullptr);
    const std::size_t total =
        file.reflections.size() + file.contacts.size() + file.messages.size() + file.reminders.size();
    CHECK(bar->value_text == "Checking 1 of " + std::to_string(total) + " entries");
    CHECK(bar->value >= 35);  // read and parsed
    bool has_dismissing_cancel = false;
    for (const ui::ItemInfo& item : checking) has_dismissing_cancel |= item.name == "Cancel" && item.dismiss;
    CHECK(has_dismissing_cancel);

    REQUIRE(ui.click(app, view, services, Role::button, "Cancel"));
    CHECK_FALSE(app.import_flow().busy());
    CHECK_FALSE(app.import_flow().still_reading(serial));
    CHECK(app.notice() == "Import stopped. Your journal is just as it was.");
    CHECK(encode_journal(app.journal(), app.extras(), samples::sample_export_time()) == before);
    CHECK(find(ui.frame(app, view, services), Role::progressbar) == nullptr);
}

TEST_CASE("Download journal prepares the file in steps behind a progress bar; Cancel downloads nothing") {
    test::FixedEnvironment env;
    App app(env);
    app.create_reflection();
    ui::ViewState view;
    test::RecordingServices services;
    test::NullBackend ui(ImVec2(390, 844));
    app.go(Screen::data);
    ui.frame(app, view, services);
    REQUIRE(ui.click(app, view, services, Role::button, "Download journal (.json)"));
    REQUIRE(app.export_flow().busy());
    const ui::ItemInfo* bar = find(ui.frame(app, view, services), Role::progressbar);
    REQUIRE(bar != nullptr);
    CHECK(bar->name == "Preparing your export");
    CHECK(bar->value_text == "Preparing your file… 0 of 1 entry");
    REQUIRE(ui.click(app, view, services, Role::button, "Cancel"));
    CHECK_FALSE(app.export_flow().busy());
    CHECK(services.downloads.empty());
    CHECK(app.notice() == "Export stopped. Nothing was downloaded, and your journal is unchanged.");
}
