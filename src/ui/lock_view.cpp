// The lock screen and the lock's parts of "Your data" (see lock_view.h). Every passphrase field is
// an <input type=password>; a passphrase is handed to the host and cleared from the form at once.
#include "ui/lock_view.h"

#include "core/i18n.h"
#include "ui/text_field.h"
#include "ui/theme.h"
#include "ui/widgets.h"

#include <imgui.h>

namespace debrief::ui {
namespace {

LockHost* g_host = nullptr;

bool passphrase_field(const char* key, std::string& value) {
    FieldOptions options;
    options.type = InputType::password;
    return text_field(tr(key).data(), value, FieldKind::single_line, options);
}

void problem_text(const LockForm& form, const char* where) {
    if (form.problem.empty() || form.problem_where != where) return;
    ImGui::PushStyleColor(ImGuiCol_Text, palette().danger);
    wrapped_text(form.problem.c_str());
    ImGui::PopStyleColor();
}

// A new passphrase typed twice: the catalogue key of what is wrong with it, or nullptr.
const char* new_passphrase_problem(const std::string& next, const std::string& repeat) {
    if (next.size() < min_passphrase_length) return "data.lock.too_short";
    if (next != repeat) return "data.lock.mismatch";
    return nullptr;
}

// Asks for a new passphrase twice and returns it once both agree and the button was pressed.
std::optional<std::string> new_passphrase(LockForm& form, const char* button_key) {
    passphrase_field("data.lock.new_passphrase", form.next);
    passphrase_field("data.lock.repeat_passphrase", form.repeat);
    if (!button(tr(button_key).data(), Emphasis::primary, true)) return std::nullopt;
    if (const char* problem = new_passphrase_problem(form.next, form.repeat)) {
        form.problem = std::string(tr(problem));
        form.problem_where = "lock";
        return std::nullopt;
    }
    std::string chosen = std::move(form.next);
    form.next.clear();
    form.repeat.clear();
    form.problem.clear();
    return chosen;
}

}  // namespace

void set_lock_host(LockHost* host) { g_host = host; }
LockHost* lock_host() { return g_host; }

bool lock_screen_wanted() { return g_host && g_host->locked(); }

void draw_lock_screen(App&) {
    LockForm& form = g_host->form();
    heading(tr("lock.title").data());
    wrapped_text(tr("lock.body").data());
    passphrase_field("lock.passphrase", form.unlock);
    problem_text(form, "unlock");
    const bool waiting = g_host->busy() || g_host->retry_blocked();
    ImGui::BeginDisabled(waiting);
    if (button(tr("lock.unlock").data(), Emphasis::primary, true) && !form.unlock.empty()) {
        form.problem.clear();
        g_host->unlock(form.unlock);
        form.unlock.clear();
    }
    ImGui::EndDisabled();
    if (g_host->busy()) muted_text(tr("lock.unlocking").data());
}

void draw_lock_card(App& app, Services& services) {
    if (!g_host) return;
    LockForm& form = g_host->form();
    begin_card("lock");
    subheading(tr("data.lock").data());
    if (!g_host->can_change()) {
        muted_text(tr(g_host->sealed() ? "data.lock.on_help" : "data.lock.off_help").data());
        muted_text(tr("data.lock.other_tab").data());
        end_card();
        return;
    }
    ImGui::BeginDisabled(g_host->busy());
    if (!g_host->sealed()) {
        wrapped_text(tr("data.lock.off_help").data());
        // Said before anything can be turned on, with the way out right beside it.
        ImGui::PushStyleColor(ImGuiCol_Text, palette().warn);
        wrapped_text(tr("data.lock.warning").data());
        ImGui::PopStyleColor();
        if (button(tr("data.lock.export_first").data(), Emphasis::normal, true)) {
            services.download(app.export_json());
            app.notify(std::string(tr("data.exported")));
        }
        if (auto chosen = new_passphrase(form, "data.lock.turn_on")) g_host->set_passphrase(*chosen);
    } else {
        wrapped_text(tr("data.lock.on_help").data());
        if (button(tr("data.lock.lock_now").data(), Emphasis::primary, true)) g_host->lock_now();
        bool automatic = g_host->auto_lock();
        if (checkbox(tr("data.lock.auto").data(), automatic)) g_host->set_auto_lock(automatic);
        subheading(tr("data.lock.change_title").data());
        wrapped_text(tr("data.lock.warning").data());
        if (auto chosen = new_passphrase(form, "data.lock.change")) g_host->set_passphrase(*chosen);
        if (button(tr("data.lock.turn_off").data(), Emphasis::quiet)) {
            form.problem.clear();
            g_host->set_passphrase(std::nullopt);
        }
    }
    ImGui::EndDisabled();
    problem_text(form, "lock");
    if (g_host->busy()) muted_text(tr("data.lock.working").data());
    end_card();
}

void draw_sealed_export(App& app) {
    if (!g_host) return;
    LockForm& form = g_host->form();
    // Plain JSON stays the default: the passphrase fields appear only when asked for.
    if (!form.export_open) {
        if (button(tr("data.export.sealed").data(), Emphasis::normal, true)) form.export_open = true;
        return;
    }
    wrapped_text(tr("data.export.sealed_help").data());
    passphrase_field("data.export.passphrase", form.export_next);
    passphrase_field("data.export.repeat", form.export_repeat);
    ImGui::BeginDisabled(g_host->busy());
    if (button(tr("data.export.sealed_confirm").data(), Emphasis::primary, true)) {
        if (const char* problem = new_passphrase_problem(form.export_next, form.export_repeat)) {
            form.problem = std::string(tr(problem));
            form.problem_where = "export";
        } else {
            g_host->export_sealed(app.export_json(), form.export_next);
            form.export_next.clear();
            form.export_repeat.clear();
            form.problem.clear();
            form.export_open = false;
        }
    }
    if (button(tr("data.import.cancel").data(), Emphasis::quiet)) {
        form.export_next.clear();
        form.export_repeat.clear();
        form.problem.clear();
        form.export_open = false;
    }
    ImGui::EndDisabled();
    problem_text(form, "export");
}

void draw_sealed_import() {
    if (!g_host || !g_host->sealed_import_waiting()) return;
    LockForm& form = g_host->form();
    user_text_line(g_host->sealed_import_name());
    wrapped_text(tr("data.import.sealed").data());
    passphrase_field("data.import.sealed_passphrase", form.import_passphrase);
    problem_text(form, "import");
    ImGui::BeginDisabled(g_host->busy());
    if (button(tr("data.import.sealed_open").data(), Emphasis::primary, true) && !form.import_passphrase.empty()) {
        form.problem.clear();
        g_host->open_sealed_import(form.import_passphrase);
        form.import_passphrase.clear();
    }
    if (button(tr("data.import.cancel").data(), Emphasis::quiet)) {
        form.problem.clear();
        g_host->cancel_sealed_import();
    }
    ImGui::EndDisabled();
}

}  // namespace debrief::ui
