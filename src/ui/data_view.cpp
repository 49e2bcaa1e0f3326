// "Your data": the interface language, export (JSON, Markdown), import with a preview and undo, what the browser does
// with the journal (persistence, quota, private windows), and how to use Debrief offline / install it.
#include "ui/views.h"

#include "ui/people_fields.h"

#include "app/export_flow.h"
#include "app/import_flow.h"
#include "core/dates.h"
#include "core/i18n.h"
#include "ui/item_registry.h"
#include "ui/lock_view.h"
#include "ui/theme.h"
#include "ui/widgets.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <vector>

namespace debrief::ui {
namespace {

// "10,000": a count with the interface language's digits and group separator, as progress lines say it.
std::string grouped(long long n) {
    const std::string digits = std::to_string(std::max(0LL, n));
    const std::string_view separator = tr("number.group_separator");
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += separator;
        out += format_number(digits[i] - '0');
    }
    return out;
}

// A storage size as people say it: "10.1 GB", "512 MB", "40 KB" (binary units, as browsers count),
// in the interface's digits and its own decimal separator (the catalogue's "{whole}.{tenth}").
std::string storage_size(double bytes) {
    constexpr double kb = 1024.0, mb = kb * 1024.0, gb = mb * 1024.0;
    if (bytes >= gb) {
        const long long tenths = std::llround(bytes / gb * 10.0);
        if (tenths >= 1000 || tenths % 10 == 0) return tr_format("data.size.gb", {{"n", format_number(tenths / 10)}});
        return tr_format("data.size.gb_tenths",
                         {{"whole", format_number(tenths / 10)}, {"tenth", format_number(tenths % 10)}});
    }
    if (bytes >= mb) return tr_format("data.size.mb", {{"n", format_number(std::llround(bytes / mb))}});
    return tr_format("data.size.kb", {{"n", format_number(std::max(1LL, std::llround(bytes / kb)))}});
}

// Each language named in itself, so a person who cannot read the current one still finds theirs. The
// choice is stored at once; the platform switches the interface when the catalogue is in.
void draw_language(App& app, Services& services) {
    begin_card("language");
    subheading(tr("data.language").data());
    std::vector<const char*> names;
    for (const Language language : all_languages) names.push_back(language_name(language).data());
    int selected = static_cast<int>(app.chosen_language().value_or(interface_language()));
    if (choice_row("language", selected, names)) {
        const Language language = all_languages[static_cast<std::size_t>(selected)];
        app.choose_language(language);
        services.ensure_catalogue(language);
    }
    end_card();
}

// While the JSON file is prepared: the bar and a Cancel (nothing is lost: the journal is only read).
void draw_export_progress(App& app, const ExportProgress& p) {
    const std::string line =
        tr_plural("progress.export.preparing", p.total, {{"done", grouped(p.done)}, {"total", grouped(p.total)}});
    set_next_text_hidden();  // the progress bar says it as its value
    wrapped_text(line.c_str());
    progress_bar(std::string(tr("progress.export.name")), static_cast<float>(p.fraction), line);
    set_next_item_dismisses();  // Escape cancels the export
    if (button(tr("data.import.cancel").data(), Emphasis::normal)) {
        app.export_flow().cancel();
        app.notify(std::string(tr("progress.export.cancelled")));
    }
}

void draw_export(App& app, Services& services) {
    begin_card("export");
    subheading(tr("data.export").data());
    wrapped_text(tr("data.export.help").data());
    if (const std::optional<ExportProgress> progress = app.export_flow().progress()) {
        draw_export_progress(app, *progress);
        draw_sealed_export(app);
        end_card();
        return;
    }
    // Prepared in steps (app/export_flow.h); the platform downloads it when it is ready.
    if (button(tr("data.export.json").data(), Emphasis::primary, true)) app.export_flow().start(app);
    if (button(tr("data.export.markdown").data(), Emphasis::normal, true)) {
        services.download(app.export_markdown());
        app.notify(std::string(tr("data.exported")));
    }
    draw_sealed_export(app);
    end_card();
}

// "12" or "2.5": megabytes as the progress line says them, tenths below 10 MB so a small file moves too.
std::string megabytes(long long bytes) {
    const double mb = static_cast<double>(bytes) / (1024.0 * 1024.0);
    if (mb >= 10.0) return format_number(static_cast<long long>(mb));
    const long long tenths = static_cast<long long>(mb * 10.0);
    return tr_format("progress.tenths", {{"whole", format_number(tenths / 10)}, {"tenth", format_number(tenths % 10)}});
}

// What the import is doing, in words: the line above the bar (and the bar's value for screen readers).
std::string progress_line(const ImportProgress& p) {
    switch (p.phase) {
        case ImportProgress::Phase::reading:
            return tr_format("progress.import.reading", {{"done", megabytes(p.done)}, {"total", megabytes(p.total)}});
        case ImportProgress::Phase::parsing: return std::string(tr("progress.import.parsing"));
        case ImportProgress::Phase::checking:
            return tr_plural("progress.import.checking", p.total,
                             {{"done", grouped(p.done)}, {"total", grouped(p.total)}});
        case ImportProgress::Phase::comparing: return std::string(tr("progress.import.comparing"));
        case ImportProgress::Phase::merging:
            return tr_plural("progress.import.merging", p.total,
                             {{"done", grouped(p.done)}, {"total", grouped(p.total)}});
    }
    return {};
}

// The phase alone, without numbers: spoken (politely) when it changes, where the numbers would chatter.
std::string_view progress_phase(const ImportProgress& p) {
    switch (p.phase) {
        case ImportProgress::Phase::reading: return tr("progress.import.name");
        case ImportProgress::Phase::parsing: return tr("progress.import.parsing");
        case ImportProgress::Phase::checking: return tr("progress.import.phase.checking");
        case ImportProgress::Phase::comparing: return tr("progress.import.comparing");
        case ImportProgress::Phase::merging: return tr("progress.import.phase.merging");
    }
    return {};
}

// The picker that started the work sits low on a phone's screen, and the bar, its words and Cancel
// are taller than it: scroll them into view once, as they appear (not every frame: the person may
// scroll away). ImGui's per-window storage remembers that they were shown until they go.
void bring_into_view_once(const char* id, float top) {
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    const ImGuiID key = ImGui::GetID(id);
    ImGuiStorage* storage = ImGui::GetStateStorage();
    if (storage->GetBool(key, false)) return;
    storage->SetBool(key, true);
    ImGui::ScrollToBringRectIntoView(window, ImRect(window->WorkRect.Min.x, top, window->WorkRect.Max.x,
                                                    ImGui::GetItemRectMax().y + ImGui::GetStyle().ItemSpacing.y));
}

// Forgets that `id` was shown, so it is brought into view again the next time it appears.
void forget_shown(const char* id) { ImGui::GetStateStorage()->SetBool(ImGui::GetID(id), false); }

// While a file is read and checked: the bar, what is happening, and a Cancel that loses nothing (the
// journal is untouched until the person applies the preview).
void draw_import_progress(App& app, const ImportProgress& p) {
    const float top = ImGui::GetCursorScreenPos().y;
    const std::string line = progress_line(p);
    set_next_text_hidden();  // the progress bar says it as its value
    wrapped_text(line.c_str());
    progress_bar(std::string(tr("progress.import.name")), static_cast<float>(p.fraction), line);
    set_frame_status("import-progress", std::string(progress_phase(p)));
    muted_text(
        tr(p.phase == ImportProgress::Phase::merging ? "progress.import.merge_reassure" : "progress.import.reassure")
            .data());
    set_next_item_dismisses();  // Escape cancels the import
    if (button(tr("data.import.cancel").data(), Emphasis::normal)) {
        app.import_flow().cancel();
        app.notify(std::string(tr(p.phase == ImportProgress::Phase::merging ? "progress.import.merge_cancelled"
                                                                            : "progress.import.cancelled")));
    }
    bring_into_view_once("import-progress", top);
}

void draw_import(App& app) {
    ImportFlow& flow = app.import_flow();
    begin_card("import");
    subheading(tr("data.import").data());
    wrapped_text(tr("data.import.help").data());
    if (!flow.error().empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, palette().danger);
        wrapped_text(flow.error().c_str());
        ImGui::PopStyleColor();
    }
    const std::optional<ImportProgress> progress = flow.progress();
    const bool show_progress = progress && progress->file_bytes >= ImportFlow::small_file_bytes;
    if (!show_progress) forget_shown("import-progress");
    if (show_progress) {
        draw_import_progress(app, *progress);
    } else if (lock_host() && lock_host()->sealed_import_waiting()) {
        draw_sealed_import();
    } else if (const auto& pending = flow.pending()) {
        const ImportPreview& p = pending->preview;
        const auto sum = [&](auto field) {
            return format_number(field(p.reflections) + field(p.contacts) + field(p.messages) + field(p.reminders));
        };
        // Each count with its own plural ("1 contact", Arabic's dual), in the language's list.
        const std::vector<std::string> counts = {tr_plural("data.import.count.reflections", p.reflections.total()),
                                                 tr_plural("data.import.count.contacts", p.contacts.total()),
                                                 tr_plural("data.import.count.messages", p.messages.total()),
                                                 tr_plural("data.import.count.reminders", p.reminders.total())};
        const std::string summary =
            tr_format("data.import.preview", {{"list", join_list(interface_language(), counts)}});
        user_text_line(pending->file_name);
        wrapped_text(summary.c_str());
        const std::string changes =
            tr_format("data.import.preview_changes",
                      {{"new", sum([](const ImportCounts& c) { return c.added; })},
                       {"updated", sum([](const ImportCounts& c) { return c.updated; })},
                       {"unchanged", sum([](const ImportCounts& c) { return c.unchanged + c.older_ignored; })}});
        wrapped_text(changes.c_str());
        draw_import_people(p);
        const long long conflicts =
            p.reflections.conflicts + p.contacts.conflicts + p.messages.conflicts + p.reminders.conflicts;
        if (conflicts > 0) muted_text(tr_plural("data.import.conflicts", conflicts).c_str());
        if (!pending->warnings.empty()) {
            muted_text(tr("data.import.warnings").data());
            for (const std::string& w : pending->warnings) {
                ImGui::Bullet();  // the warning wraps beside it, shaped and aligned like any paragraph
                ImGui::SameLine();
                wrapped_text(w.c_str());
            }
        }
        if (button(tr("data.import.apply_merge").data(), Emphasis::primary, true))
            flow.begin_apply(app, ImportFlow::Mode::merge);
        muted_text(tr("data.import.replace_help").data());
        if (button(tr("data.import.apply_replace").data(), Emphasis::normal, true))
            flow.begin_apply(app, ImportFlow::Mode::replace);
        set_next_item_dismisses();  // Escape cancels the preview
        if (button(tr("data.import.cancel").data(), Emphasis::quiet)) flow.cancel();
    } else {
        set_next_item_file_picker();
        button(tr("data.import.pick").data(), Emphasis::normal, true);  // the DOM opens the picker (Safari)
    }
    if (flow.can_undo() && button(tr("data.import.undo").data(), Emphasis::quiet)) flow.undo(app);
    end_card();
}

void draw_storage(const App& app) {
    const StorageInfo& info = app.storage_info();
    begin_card("storage");
    subheading(tr("data.storage").data());
    if (!info.available) {
        ImGui::PushStyleColor(ImGuiCol_Text, palette().danger);
        wrapped_text(tr("data.storage.unavailable").data());
        ImGui::PopStyleColor();
    } else {
        wrapped_text(tr(info.persistent ? "data.storage.persistent" : "data.storage.not_persistent").data());
        if (info.quota_bytes > 0)
            muted_text(tr_format("data.storage.estimate",
                                 {{"used", storage_size(info.used_bytes)}, {"quota", storage_size(info.quota_bytes)}})
                           .c_str());
    }
    if (info.lost) {
        ImGui::PushStyleColor(ImGuiCol_Text, palette().danger);
        wrapped_text(tr("data.storage.lost").data());
        ImGui::PopStyleColor();
    }
    for (const std::string& q : info.quarantined) {
        ImGui::PushStyleColor(ImGuiCol_Text, palette().warn);
        wrapped_text(q.c_str());
        ImGui::PopStyleColor();
    }
    end_card();
}

}  // namespace

void draw_data(App& app, Services& services) {
    heading(tr("data.title").data());
    draw_you_card(app);
    draw_language(app, services);
    draw_export(app, services);
    draw_import(app);
    draw_lock_card(app, services);
    draw_storage(app);
    begin_card("install");
    subheading(tr("data.install").data());
    wrapped_text(tr("data.install.body").data());
    end_card();
    begin_card("about");
    subheading(tr("data.about").data());
    wrapped_text(tr("data.about.body").data());
    end_card();
    if (button(tr("data.trash").data(), Emphasis::quiet)) app.go(Screen::trash);
}

}  // namespace debrief::ui
