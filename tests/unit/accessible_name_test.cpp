// Issue #16 item 4: user text inside a composed accessible name is wrapped in Unicode isolates, so its
// direction cannot reorder the sentence around it.
#include <doctest/doctest.h>

#include <string>

#include "ui/item_registry.h"

using namespace debrief;

namespace {

const std::string fsi = "\xE2\x81\xA8";  // U+2068 FIRST STRONG ISOLATE
const std::string pdi = "\xE2\x81\xA9";  // U+2069 POP DIRECTIONAL ISOLATE

}  // namespace

TEST_CASE("a row's action is named with the row's text between isolates") {
    CHECK(ui::name_with_user_text("reminders.done.named", "title", "Follow up with Lumen") ==
          "Mark \xE2\x80\x9C" + fsi + "Follow up with Lumen" + pdi + "\xE2\x80\x9D done");
    // Right-to-left text, and text that carries its own bidi controls, stay inside their isolate.
    const std::string arabic = "\xD9\x84\xD9\x8A\xD9\x84\xD9\x89";  // ليلى
    CHECK(ui::name_with_user_text("contacts.remove.named", "name", arabic).find(fsi + arabic + pdi) !=
          std::string::npos);
    const std::string override_text =
        "\xE2\x80\xAE"
        "abc";  // U+202E RIGHT-TO-LEFT OVERRIDE, never closed
    const std::string name = ui::name_with_user_text("contacts.write.named", "name", override_text);
    CHECK(name.find(fsi + override_text + pdi) != std::string::npos);  // PDI also ends the override
}
