// Markdown rendering (see markdown.h). User text is escaped just enough that it cannot turn into structure.
#include "serialization/markdown.h"

#include <vector>

#include "core/dates.h"
#include "core/i18n.h"
#include "core/names.h"
#include "core/people.h"
#include "core/record_fields.h"
#include "core/reminders.h"
#include "core/steps.h"

namespace debrief {

namespace {

// [SECTION] Text helpers

// Characters with inline meaning in CommonMark; a backslash makes them literal.
bool is_inline_markup(char c) {
    return c == '\\' || c == '*' || c == '_' || c == '`' || c == '[' || c == ']' || c == '<' || c == '>' || c == '|' ||
           c == '~';
}

// One line of user text, safe inside a paragraph or list item: inline markup is escaped, a line
// that would open a block (heading, quote, list, fence, rule) gets its first character escaped,
// and control characters other than tab are dropped (they have no business in a reading copy).
std::string escape_line(std::string_view text) {
    // Control characters go first: dropped later, a "\0" before "#" hid the heading marker from the
    // check below, and " \0#" came out as a heading (found by the import fuzzer).
    std::string kept;
    kept.reserve(text.size());
    for (const char c : text) {
        if ((static_cast<unsigned char>(c) < 0x20u && c != '\t') || c == 0x7F) continue;
        kept += c;
    }
    const std::string_view line = kept;
    std::string out;
    out.reserve(line.size() + 8);
    std::size_t start = 0;
    while (start < line.size() && (line[start] == ' ' || line[start] == '\t')) ++start;
    std::size_t digits = start;
    while (digits < line.size() && line[digits] >= '0' && line[digits] <= '9') ++digits;
    const bool ordered_marker = digits > start && digits < line.size() && (line[digits] == '.' || line[digits] == ')');
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        const bool block_marker = i == start && (c == '#' || c == '-' || c == '+' || c == '=');
        if (is_inline_markup(c) || block_marker || (ordered_marker && i == digits)) out += '\\';
        out += c;
    }
    return out;
}

bool blank(std::string_view text) { return text.find_first_not_of(" \t\r\n") == std::string_view::npos; }

// Multi-line user text as Markdown paragraphs: blank lines separate paragraphs, single line breaks
// are kept as hard breaks (two trailing spaces, invisible when the file is read as plain text).
// `prefix` starts every line ("> " for a quote).
std::string paragraphs(std::string_view text, std::string_view prefix = "") {
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.remove_suffix(1);
    std::vector<std::string_view> lines;
    for (std::size_t pos = 0;;) {
        const std::size_t end = text.find('\n', pos);
        std::string_view line = text.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        lines.push_back(line);
        if (end == std::string_view::npos) break;
        pos = end + 1;
    }
    std::string out;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (i > 0) out += '\n';
        if (blank(lines[i])) {
            out += prefix.substr(0, prefix.find_last_not_of(' ') + 1);
            continue;
        }
        out += prefix;
        out += escape_line(lines[i]);
        if (i + 1 < lines.size() && !blank(lines[i + 1])) out += "  ";
    }
    return out;
}

// A single-line value (company names, list items): line breaks become spaces.
std::string inline_text(std::string_view text) {
    std::string flat(text);
    for (char& c : flat) {
        if (c == '\n' || c == '\r') c = ' ';
    }
    return escape_line(flat);
}

std::string label(std::string_view key) { return std::string(tr(key)); }

// Numbers and lists in the language of the labels: Arabic-Indic digits and the Arabic comma in
// Arabic, as its dates already are ("٣/١٠", "خيبة أمل، تعب"). A list is joined by commas only.
std::string out_of(long long value, long long max) { return format_number(value) + "/" + format_number(max); }
std::string comma_list(const std::vector<std::string>& items) {
    return join_list(interface_language(), items, "msg.list.more");
}

std::string long_date(const Date& date) { return format_long_date(date); }

// "- **Label:** value" list lines; skipped when the value is empty.
void fact(std::string& out, std::string_view label_key, const std::string& value) {
    if (value.empty()) return;
    out += "- **" + label(label_key) + ":** " + value + "\n";
}

// A heading with exactly one blank line before it (none at the very start).
void heading(std::string& out, int level, const std::string& text) {
    if (!out.empty()) {
        while (out.size() < 2 || out.compare(out.size() - 2, 2, "\n\n") != 0) out += '\n';
    }
    out.append(static_cast<std::size_t>(level), '#');
    out += ' ';
    out += text;
    out += "\n\n";
}

// A question-and-answer pair inside a step: the label in bold, the answer as paragraphs.
void answer(std::string& out, std::string_view label_key, const std::string& text) {
    if (blank(text)) return;
    out += "**" + label(label_key) + "**\n\n" + paragraphs(text) + "\n\n";
}

std::string mood(int value) { return out_of(value, 10); }

// Writes the fields a table (core/record_fields.h) marks as facts or answers, in table order; the
// rest is laid out by hand below. A run of facts is a list, so a blank line closes it before an
// answer, and at the end when the caller asks (close_facts).
class ShownFields : public FieldWalker<ShownFields> {
public:
    explicit ShownFields(std::string& out) : m_out(out) {}

    void text(const FieldInfo& f, const std::string& text) {
        if (f.show == Show::fact) {
            shown_fact(f, inline_text(text));
        } else if (f.show == Show::answer && !blank(text)) {
            close_facts();
            answer(m_out, f.label, text);
        }
    }
    template <class E>
    void enumeration(const FieldInfo& f, E value) {
        if (f.show == Show::fact) shown_fact(f, display_name(value));
    }
    void date(const FieldInfo& f, const std::optional<Date>& day) {
        if (f.show == Show::fact && day) shown_fact(f, long_date(*day));
    }
    void date(const FieldInfo& f, const Date& day) {
        if (f.show == Show::fact) shown_fact(f, long_date(day));
    }
    // "6/10": a number out of its maximum.
    void number(const FieldInfo& f, const std::optional<int>& value, int /*min*/, int max) {
        if (f.show == Show::fact && value) shown_fact(f, out_of(*value, max));
    }
    void number(const FieldInfo& f, int value, int /*min*/, int max) {
        if (f.show == Show::fact) shown_fact(f, out_of(value, max));
    }
    // Lists and nested objects have their own layout below; the remaining kinds are not shown.
    template <class... Value>
    void object(const FieldInfo&, Value&&...) {}
    template <class... Value>
    void items(const FieldInfo&, Value&&...) {}

    void close_facts() {
        if (m_in_facts) m_out += '\n';
        m_in_facts = false;
    }

private:
    void shown_fact(const FieldInfo& f, const std::string& value) {
        const std::size_t before = m_out.size();
        fact(m_out, f.label, value);
        m_in_facts = m_in_facts || m_out.size() > before;
    }

    std::string& m_out;
    bool m_in_facts = false;
};

// The facts and answers of one object, with a blank line after a closing run of facts.
template <class Object>
void shown_fields(std::string& out, const Object& object) {
    ShownFields shown(out);
    visit_fields(object, shown);
    shown.close_facts();
}

// [SECTION] Reflection

// "Anna Berg (anna@nordlicht.example, old colleague)": a name with what else is known of them in
// brackets; the address alone when there is no name.
std::string person(const std::string& name, std::vector<std::string> extras) {
    std::vector<std::string> shown;
    for (const std::string& e : extras)
        if (!blank(e)) shown.push_back(inline_text(e));
    std::string out = inline_text(name);
    if (blank(name) && !shown.empty()) {
        out = shown.front();
        shown.erase(shown.begin());
    }
    const std::string bracket = comma_list(shown);
    if (!bracket.empty()) out += " (" + bracket + ")";
    return out;
}

// The people of the opportunity entered in its details (the recruiter is shown with step 4).
void opportunity_people(std::string& out, const Reflection& r) {
    std::vector<std::string> interviewers;
    for (const Interviewer& i : r.interviewers) {
        if (blank(i.name) && blank(i.email)) continue;
        interviewers.push_back(person(i.name, {i.email, i.rapport ? label("markdown.rapport") : std::string()}));
    }
    fact(out, "markdown.interviewers", comma_list(interviewers));
    fact(out, "markdown.hiring_manager", person(r.hiring_manager_name, {r.hiring_manager_email}));
    // Who sent the rejection, when it was not the recruiter (an empty choice means them).
    if (!r.rejected_by.empty()) {
        const std::vector<Recipient> sender = resolve_people(r, r.rejected_by);
        if (!sender.empty()) fact(out, "markdown.rejected_by", person(sender.front().name, {sender.front().email}));
    }
}

std::string reflection_title(const Reflection& r) {
    std::string title = blank(r.company) ? label("markdown.untitled") : inline_text(r.company);
    if (!blank(r.role)) title += " \xE2\x80\x94 " + inline_text(r.role);  // em dash
    return title;
}

// Writes one step's content; returns false when there is nothing to show.
bool step_body(std::string& out, const Reflection& r, StepId step) {
    const std::size_t before = out.size();
    switch (step) {
        case StepId::vent: {
            if (r.vent.mood_before) fact(out, "markdown.mood_before", mood(*r.vent.mood_before));
            std::vector<std::string> feelings;
            for (const std::string& key : r.vent.emotions) feelings.push_back(inline_text(emotion_name(key)));
            fact(out, "markdown.emotions", comma_list(feelings));
            if (out.size() > before) out += '\n';
            if (!blank(r.vent.letter)) out += paragraphs(r.vent.letter) + "\n\n";
            break;
        }
        case StepId::wins:
            for (const Win& w : r.wins) {
                if (blank(w.text)) continue;
                out += "- " + inline_text(w.text) +
                       (w.really_helped ? " *(" + label("markdown.really_helped") + ")*" : "") + "\n";
            }
            if (out.size() > before) out += '\n';
            break;
        case StepId::reflect: shown_fields(out, r.reflect); break;
        case StepId::feedback: {
            std::string recruiter = inline_text(r.feedback.recruiter_name);
            if (!blank(r.feedback.recruiter_email)) {
                recruiter +=
                    (recruiter.empty() ? "" : " ") + std::string("(") + inline_text(r.feedback.recruiter_email) + ")";
            }
            fact(out, "markdown.feedback.recruiter", recruiter);
            if (r.feedback.ask_about_similar_role)
                fact(out, "markdown.feedback.similar_role", inline_text(r.feedback.similar_role));
            if (out.size() > before || r.feedback.sent) {
                fact(out, "markdown.feedback.sent", label(r.feedback.sent ? "markdown.yes" : "markdown.no"));
                out += '\n';
            }
            break;
        }
        case StepId::loved:
            for (const LovedItem& l : r.loved) {
                if (blank(l.text)) continue;
                const std::string facts =
                    comma_list({display_name(l.tag), label("markdown.weight") + " " + out_of(l.weight, 5)});
                out += "- " + inline_text(l.text) + " \xE2\x80\x94 " + facts + "\n";
            }
            if (out.size() > before) out += '\n';
            break;
        case StepId::criteria:
            for (const Criterion& c : r.criteria) {
                if (blank(c.text)) continue;
                out += "- **" + display_name(c.kind) + ":** " + inline_text(c.text) + "\n";
            }
            if (out.size() > before) out += '\n';
            break;
        case StepId::army:
            for (const ArmyMember& a : r.army) {
                if (blank(a.name) && blank(a.email)) continue;
                out += "- " + person(a.name, {a.email, a.how_known}) + " \xE2\x80\x94 " +
                       label(a.told ? "markdown.told" : "markdown.not_told") + "\n";
            }
            if (out.size() > before) out += '\n';
            answer(out, "markdown.army_note", r.army_note);
            break;
        case StepId::resilience: shown_fields(out, r.resilience); break;
    }
    return out.size() > before;
}

void render_reflection(std::string& out, const Reflection& r, int level) {
    heading(out, level, reflection_title(r));
    ShownFields facts(out);
    visit_fields(r, facts);  // location, stage, dates...: the list continues with progress below
    opportunity_people(out, r);
    const StepProgress p = progress(r);
    // The document is plain text: format_text, not tr_format, whose isolates are for drawing.
    fact(out, "markdown.progress",
         format_text(tr("markdown.steps_done"), {{"done", format_number(p.done)}, {"total", format_number(p.total)}}));
    if (r.meta.deleted) fact(out, "markdown.trashed", long_date(local_date(*r.meta.deleted)));

    if (!blank(r.rejection_message)) {
        heading(out, level + 1, label("markdown.rejection"));
        out += paragraphs(r.rejection_message, "> ") + "\n";
    }
    for (int i = 0; i < step_count; ++i) {
        const auto step = static_cast<StepId>(i);
        std::string title = format_number(i + 1) + ". " + display_name(step);
        const StepState state = r.steps[static_cast<std::size_t>(i)];
        if (state == StepState::skipped) title += " (" + display_name(state) + ")";
        heading(out, level + 1, title);
        if (!step_body(out, r, step)) out += "*" + label("markdown.nothing_yet") + "*\n";
    }
}

}  // namespace

std::string reflection_to_markdown(const Reflection& reflection) {
    std::string out;
    render_reflection(out, reflection, 1);
    while (out.size() >= 2 && out[out.size() - 1] == '\n' && out[out.size() - 2] == '\n') out.pop_back();
    return out;
}

std::string journal_to_markdown(const Journal& journal) {
    std::string out = "# " + label("markdown.journal_title") + "\n";
    for (const Reflection& r : journal.reflections) {
        if (!r.meta.deleted) render_reflection(out, r, 2);
    }

    std::string contacts;
    for (const Contact& c : journal.contacts) {
        if (c.meta.deleted) continue;
        std::string line = "- **" + (blank(c.name) ? std::string("?") : inline_text(c.name)) + "**";
        std::vector<std::string> parts;
        if (std::string role = inline_text(c.role); !role.empty()) parts.push_back(std::move(role));
        if (!blank(c.company)) parts.push_back(inline_text(c.company));
        const std::string details = comma_list(parts);
        if (!details.empty()) line += " \xE2\x80\x94 " + details;
        line += " (" + display_name(c.channel) + ")";
        if (!blank(c.email)) line += " \xC2\xB7 " + inline_text(c.email);
        if (c.last_contact) line += " \xC2\xB7 " + label("markdown.last_contact") + ": " + long_date(*c.last_contact);
        contacts += line + "\n";
        if (!blank(c.notes)) contacts += paragraphs(c.notes, "  ") + "\n";
    }
    if (!contacts.empty()) {
        heading(out, 2, label("markdown.contacts"));
        out += contacts;
    }

    bool any_message = false;
    for (const Message& m : journal.messages) {
        if (m.meta.deleted) continue;
        if (!any_message) heading(out, 2, label("markdown.messages"));
        any_message = true;
        heading(out, 3, blank(m.subject) ? display_name(m.kind) : inline_text(m.subject));
        fact(out, "markdown.kind", display_name(m.kind));
        fact(out, "markdown.status", display_name(m.status));
        if (m.sent_on) fact(out, "markdown.sent_on", long_date(*m.sent_on));
        if (m.replied_on) fact(out, "markdown.replied_on", long_date(*m.replied_on));
        fact(out, "markdown.to", inline_text(m.to));
        out += '\n';
        if (!blank(m.body)) out += paragraphs(m.body, "> ") + "\n\n";
        answer(out, "markdown.reply_notes", m.reply_notes);
    }

    std::string reminders;
    for (const Reminder& r : titled_reminders(journal)) {  // titled as the interface shows them
        if (r.meta.deleted) continue;
        std::string line = std::string(r.done ? "- [x] " : "- [ ] ") + long_date(r.due) + " \xE2\x80\x94 " +
                           (blank(r.title) ? display_name(r.kind) : inline_text(r.title));
        if (r.done && r.done_on)
            line += " (" + format_text(tr("markdown.done_on"), {{"date", long_date(*r.done_on)}}) + ")";
        if (!r.done && r.snoozed_until)
            line += " (" + format_text(tr("markdown.snoozed_until"), {{"date", long_date(*r.snoozed_until)}}) + ")";
        reminders += line + "\n";
    }
    if (!reminders.empty()) {
        heading(out, 2, label("markdown.reminders"));
        out += reminders;
    }
    while (out.size() >= 2 && out[out.size() - 1] == '\n' && out[out.size() - 2] == '\n') out.pop_back();
    return out;
}

}  // namespace debrief
