// Drafts are assembled from catalogue sentences, one per checklist element, so that every draft
// the app writes passes its own checklist and each element can be traced to one sentence.
#include "core/messages.h"

#include "core/cues.h"
#include "core/i18n.h"
#include "core/text.h"

#include <algorithm>
#include <optional>

namespace debrief {
namespace {

// [SECTION] Checklists

struct ItemSpec {
    std::string_view item;
    std::string_view cue;
    CueRule rule = CueRule::must_appear;
    Requirement requirement = Requirement::required;
    CueScope scope = CueScope::whole_body;
};

constexpr CueRule absent = CueRule::must_not_appear;
constexpr CueRule present = CueRule::must_appear;

// Each item names its cue list (core/cues.h); the label is "check.<kind>.<item>".
std::vector<ItemSpec> item_specs(MessageKind kind) {
    switch (kind) {
        case MessageKind::feedback_reply:
            return {{"thanks", "thanks"},
                    {"enjoyed", "enjoyed"},
                    {"excited", "excited"},
                    {"strengthen", "strengthen"},
                    {"similar_roles", "similar_roles"},
                    {"not_desperate", "desperate", absent}};
        case MessageKind::recruiter_question:
            return {{"polite", "polite"}, {"asks_why", "asks_why"}, {"areas", "areas"}, {"thanks", "thanks"}};
        case MessageKind::follow_up:
            return {{"thanks", "thanks"},
                    {"accepts", "accepts"},
                    {"keep_in_mind", "keep_in_mind"},
                    {"invite_feedback", "invite_feedback"},
                    {"interest", "interest"}};
        case MessageKind::check_in:
            return {{"new_roles", "new_roles"},
                    {"new_experience", "new_experience"},
                    {"share_useful", "share_useful"},
                    {"interest", "interest"}};
        case MessageKind::network_note:
            return {{"positive", "positive"},
                    {"future", "future"},
                    {"looking_for", "looking_for"},
                    {"specific_help", "specific_help"},
                    {"not_dwelling", "upset", absent}};
        case MessageKind::withdrawal:
            return {{"addressed", "greeting", present, Requirement::required, CueScope::first_line},
                    {"thanks", "thanks"},
                    {"honest_reason", "honest_reason"},
                    {"appreciate_time", "appreciate_time"},
                    {"stay_in_touch", "stay_in_touch"},
                    {"no_criticism", "criticism", absent},
                    {"offer_help", "offer_help", present, Requirement::optional}};
        case MessageKind::reconnect:
            return {{"gap", "gap"},   {"context", "context"},     {"why_now", "why_now"},
                    {"plan", "plan"}, {"in_return", "in_return"}, {"thanks", "thanks_in_advance"}};
        // After an interview, to build rapport while the process runs (docs/advice.md B).
        case MessageKind::thank_you:
            return {{"prompt", "prompt"},
                    {"thanks", "thanks"},
                    {"specific", "specific"},
                    {"enjoyed", "enjoyed"},
                    {"door_open", "door_open"}};
    }
    return {};
}

// Every draft also needs its [placeholders] replaced: a draft that still says "[link]" is not ready
// to send, however many cue phrases it holds. Its label is shared by all kinds ("check.filled_in").
constexpr std::string_view filled_in_item = "filled_in";

bool is_latin_word_byte(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

// Non-ASCII bytes count as word characters, so "hi" does not match inside "hiç" or "hİ".
bool is_word_byte(char c) { return is_latin_word_byte(c) || static_cast<unsigned char>(c) >= 0x80; }

std::string_view first_line(std::string_view text) {
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        const std::string_view line = text.substr(start, end - start);
        if (!is_blank(line)) return line;
        start = end + 1;
    }
    return {};
}

// [SECTION] Facts drawn from the reflection

struct Facts {
    std::string company;
    std::string role;
    bool role_known = false;  // false when `role` is the [role] placeholder
    std::optional<Date> interview;
    std::string loved;
    std::string win;
    std::string similar_role;
    std::vector<std::string> wanted;
};

bool is_ascii_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_ascii_lower(char c) { return c >= 'a' && c <= 'z'; }

// Closing punctuation the template supplies itself: the full stop after a slot, or the comma or
// "and" that joins list items. "…" is U+2026 (E2 80 A6).
bool trim_closing_punctuation(std::string& s) {
    if (s.size() >= 3 && s.compare(s.size() - 3, 3, "\xE2\x80\xA6") == 0) {
        s.resize(s.size() - 3);
        return true;
    }
    if (s.empty()) return false;
    const char c = s.back();
    if (c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == ' ') {
        s.pop_back();
        return true;
    }
    return false;
}

// A name as typed (its capitals kept) without the closing punctuation the template adds itself.
std::string name_fragment(std::string_view text) {
    std::string out = collapse_whitespace(text);
    while (trim_closing_punctuation(out)) {
    }
    return out;
}

std::string pick(Language lang, std::string_view preferred, std::string_view fallback,
                 std::string_view placeholder_key) {
    for (const std::string_view candidate : {preferred, fallback}) {
        std::string name = name_fragment(candidate);
        if (!name.empty()) return name;
    }
    return std::string(tr_in(lang, placeholder_key));
}

// The user's item usually starts a sentence of its own ("My portfolio"); mid-sentence it should
// read "my portfolio". Heuristic: lowercase the first letter only when the first word is plain
// capitalised (an ASCII capital followed by lowercase letters only, or the single letter "A"), is
// not "I" (nor "I'm", "I've"), and the next word does not start with a capital too. So "UX",
// "NASA" (all caps), "McKinsey" (a capital inside), "iOS" (starts lowercase), "New York",
// "Deutsche Bank" (a capitalised run) and non-ASCII initials are kept. A single proper noun such
// as "Berlin" cannot be told from "Remote" and is lowercased; the user can fix it in the draft.
// Only English and Italian lower any plain capitalised first word mid-sentence: German capitalises
// every noun, so it lowers only words that are never nouns (lower_german_function_word), and Arabic
// has no case.
bool lowers_spliced_initial(Language lang) { return lang == Language::en || lang == Language::it; }

void lower_initial(std::string& text) {
    const std::string_view t = text;
    if (t.empty() || !is_ascii_upper(t[0])) return;
    std::size_t end = 1;
    while (end < t.size() && t[end] != ' ') {
        if (!is_ascii_lower(t[end]) && (end == 1 || is_ascii_upper(t[end]))) return;
        ++end;
    }
    if (end == 1 && t[0] == 'I') return;
    if (end + 1 < t.size() && is_ascii_upper(t[end + 1])) return;
    text[0] = static_cast<char>(t[0] - 'A' + 'a');
}

// German keeps the capital of a first word that may be a noun, but the words below never are:
// "Das kleine Team" reads "... idealerweise das kleine Team" mid-sentence, "Meine Fallstudie" reads
// "meine Fallstudie". ("Sie" and "Ihr" are left alone: capitalised, they are the formal "you".)
void lower_german_function_word(std::string& text) {
    static constexpr std::string_view words[] = {
        "der",     "die",     "das",     "den",   "dem",       "des",     "ein",    "eine",   "einen", "einem",
        "einer",   "eines",   "mein",    "meine", "meinen",    "meinem",  "meiner", "meines", "unser", "unsere",
        "unseren", "unserem", "unserer", "kein",  "keine",     "keinen",  "keinem", "keiner", "diese", "dieser",
        "dieses",  "diesen",  "diesem",  "viel",  "viele",     "vielen",  "mehr",   "alle",   "jede",  "jeder",
        "jedes",   "einige",  "mehrere", "ich",   "wir",       "es",      "mit",    "ohne",   "bei",   "von",
        "vom",     "zu",      "zum",     "zur",   "im",        "in",      "am",     "an",     "auf",   "aus",
        "nach",    "vor",     "durch",   "sehr",  "besonders", "wirklich"};
    const std::size_t end = std::min(text.find_first_of(" ,;:"), text.size());
    if (end == 0 || !is_ascii_upper(text[0])) return;
    std::string first = text.substr(0, end);
    first[0] = static_cast<char>(first[0] - 'A' + 'a');
    if (std::find(std::begin(words), std::end(words), first) != std::end(words)) text[0] = first[0];
}

// User text dropped into the middle of a sentence: no surrounding space, no closing punctuation,
// and a first letter that fits the sentence around it. Empty when nothing but punctuation is left.
std::string fragment(Language lang, std::string_view text) {
    std::string out = collapse_whitespace(text);
    while (trim_closing_punctuation(out)) {
    }
    if (lowers_spliced_initial(lang)) lower_initial(out);
    if (lang == Language::de) lower_german_function_word(out);
    return out;
}

std::string top_loved(Language lang, const Reflection& r) {
    const LovedItem* best = nullptr;
    for (const LovedItem& item : r.loved) {
        if (fragment(lang, item.text).empty()) continue;
        if (!best || item.weight > best->weight) best = &item;
    }
    return best ? fragment(lang, best->text) : std::string();
}

std::string helpful_win(Language lang, const Reflection& r) {
    for (const Win& w : r.wins) {
        if (w.really_helped && !fragment(lang, w.text).empty()) return fragment(lang, w.text);
    }
    return {};
}

// Must-haves first, each thing once: a criterion entered twice (or suggested again from what was
// loved) would read "a small team, a small team and…".
std::vector<std::string> wanted_criteria(Language lang, const Reflection& r, std::size_t limit) {
    std::vector<std::string> wanted, folded;
    for (const CriterionKind kind : {CriterionKind::must_have, CriterionKind::nice_to_have}) {
        for (const Criterion& c : r.criteria) {
            if (c.kind != kind || wanted.size() >= limit) continue;
            std::string text = fragment(lang, c.text);
            std::string key = fold_for_search(text);
            if (text.empty() || std::find(folded.begin(), folded.end(), key) != folded.end()) continue;
            folded.push_back(std::move(key));
            wanted.push_back(std::move(text));
        }
    }
    return wanted;
}

Facts gather_facts(const Reflection* r, const DraftContext& ctx) {
    const Language lang = ctx.language;
    Facts f;
    f.company = pick(lang, r ? r->company : "", ctx.company, "msg.placeholder.company");
    f.role = pick(lang, r ? r->role : "", ctx.role, "msg.placeholder.role");
    f.role_known = !name_fragment(r ? r->role : "").empty() || !name_fragment(ctx.role).empty();
    if (!r) return f;
    f.interview = r->last_interview_on;
    f.loved = top_loved(lang, *r);
    f.win = helpful_win(lang, *r);
    if (r->feedback.ask_about_similar_role) f.similar_role = fragment(lang, r->feedback.similar_role);
    f.wanted = wanted_criteria(lang, *r, 3);
    return f;
}

std::string or_placeholder(Language lang, std::string_view value, std::string_view placeholder_key) {
    std::string text = fragment(lang, value);
    return text.empty() ? std::string(tr_in(lang, placeholder_key)) : text;
}

std::string tr_format_in(Language lang, std::string_view key, const TextVars& vars) {
    return format_text(tr_in(lang, key), vars);
}

}  // namespace

namespace {

// [SECTION] Drafts

class DraftBuilder {
public:
    DraftBuilder(MessageKind kind, Language lang, Tone tone, const Facts& facts)
        : m_kind(kind), m_lang(lang), m_tone(tone), m_facts(facts) {}

    // A tone rewrites some sentences of a kind ("msg.follow_up.thanks.shorter"); the others are
    // the standard ones. Whether a variant exists is read from the English source table, which
    // always holds every key (catalogues_test keeps the other languages complete).
    void add(std::string_view item, std::string_view suffix, Joint joint, const TextVars& extra = {}) {
        std::string key = "msg.";
        key += to_key(m_kind);
        key += '.';
        key += suffix;
        if (m_tone != Tone::standard) {
            std::string variant = key + '.' + std::string(to_key(m_tone));
            if (tr_in(Language::en, variant) != variant) key = std::move(variant);
        }
        TextVars vars{{"company", m_facts.company}, {"role", m_facts.role}};
        vars.insert(vars.end(), extra.begin(), extra.end());
        m_parts.push_back({std::string(item), tr_format_in(m_lang, key, vars), joint});
    }
    void add_raw(std::string_view item, std::string text, Joint joint) {
        m_parts.push_back({std::string(item), std::move(text), joint});
    }
    std::vector<DraftPart> take() { return std::move(m_parts); }

private:
    MessageKind m_kind;
    Language m_lang;
    Tone m_tone;
    const Facts& m_facts;
    std::vector<DraftPart> m_parts;
};

std::string greeting(MessageKind kind, const Reflection* r, const DraftContext& ctx) {
    std::string name = name_fragment(ctx.recipient_name);
    if (name.empty() && r && kind == MessageKind::recruiter_question) name = name_fragment(r->feedback.recruiter_name);
    return greeting_line(kind, name, ctx.language, ctx.several_recipients);
}

std::string signoff(const DraftContext& ctx) {
    return signoff_text(ctx.language, ctx.sender_name, ctx.signature, ctx.profile_link);
}

std::string interview_date(const Facts& f, const DraftContext& ctx) {
    return f.interview ? format_long_date_in(ctx.language, *f.interview, ctx.today.year) : std::string();
}

void feedback_reply_body(DraftBuilder& b, const Facts& f, const DraftContext& ctx) {
    const std::string date = interview_date(f, ctx);
    b.add("thanks", "thanks", Joint::new_paragraph);
    b.add("enjoyed", date.empty() ? "enjoyed" : "enjoyed_dated", Joint::same_paragraph, {{"date", date}});
    b.add("excited", f.loved.empty() ? "excited" : "excited_loved", Joint::same_paragraph, {{"loved", f.loved}});
    b.add("strengthen", "strengthen", Joint::new_paragraph);
    const bool named = !f.similar_role.empty();
    b.add("similar_roles", named ? "similar_roles_named" : "similar_roles", Joint::same_paragraph,
          {{"similar_role", f.similar_role}});
}

void recruiter_question_body(DraftBuilder& b) {
    b.add("polite", "polite", Joint::new_paragraph);
    b.add("asks_why", "asks_why", Joint::new_paragraph);
    b.add("areas", "areas", Joint::same_paragraph);
    b.add("thanks", "thanks", Joint::new_paragraph);
}

void follow_up_body(DraftBuilder& b, const Facts& f, const DraftContext& ctx) {
    const std::string date = interview_date(f, ctx);
    b.add("thanks", date.empty() ? "thanks" : "thanks_dated", Joint::new_paragraph, {{"date", date}});
    b.add("accepts", "accepts", Joint::same_paragraph);
    b.add("keep_in_mind", "keep_in_mind", Joint::new_paragraph);
    b.add("invite_feedback", "invite_feedback", Joint::same_paragraph);
    b.add("interest", "interest", Joint::new_paragraph);
}

void check_in_body(DraftBuilder& b, const DraftContext& ctx) {
    const Language lang = ctx.language;
    const std::string experience = or_placeholder(lang, ctx.new_experience, "msg.check_in.experience_placeholder");
    // A link is kept as typed: its capitals and any closing punctuation may be part of it.
    const std::string link = is_blank(ctx.article_link) ? std::string(tr_in(lang, "msg.check_in.link_placeholder"))
                                                        : collapse_whitespace(ctx.article_link);
    b.add("", "opening", Joint::new_paragraph);
    b.add("new_roles", "new_roles", Joint::same_paragraph);
    b.add("new_experience", "new_experience", Joint::new_paragraph, {{"experience", experience}});
    b.add("share_useful", "share_useful", Joint::new_paragraph, {{"link", link}});
    b.add("interest", "interest", Joint::new_paragraph);
}

std::string network_target(Language lang, const Facts& f) {
    if (!f.role_known) return std::string(tr_in(lang, "msg.network_note.target_any"));
    return tr_format_in(lang, "msg.network_note.target_role", {{"role", f.role}});
}

void network_note_body(DraftBuilder& b, const Facts& f, Language lang) {
    b.add("positive", f.win.empty() ? "positive" : "positive_win", Joint::new_paragraph, {{"win", f.win}});
    b.add("future", "future", Joint::same_paragraph);
    const std::string target = network_target(lang, f);
    const std::string criteria = join_list(lang, f.wanted);
    b.add("looking_for", criteria.empty() ? "looking_for" : "looking_for_ideally", Joint::new_paragraph,
          {{"target", target}, {"criteria", criteria}});
    // "A company that might be a good fit" needs a role or a criterion before it to point back to.
    const bool nothing_named = !f.role_known && criteria.empty();
    b.add("specific_help", nothing_named ? "specific_help_any" : "specific_help", Joint::same_paragraph);
    b.add("", "closing", Joint::new_paragraph);
}

void withdrawal_body(DraftBuilder& b, const DraftContext& ctx) {
    std::string reason = "reason.";
    reason += to_key(ctx.withdrawal_reason);
    b.add("thanks", "thanks", Joint::new_paragraph);
    b.add("honest_reason", reason, Joint::same_paragraph);
    b.add("appreciate_time", "appreciate_time", Joint::new_paragraph);
    b.add("stay_in_touch", "stay_in_touch", Joint::same_paragraph);
    if (ctx.offer_help == OfferHelp::yes) b.add("offer_help", "offer_help", Joint::same_paragraph);
}

void reconnect_body(DraftBuilder& b, const ReconnectDetails& d, Language lang) {
    b.add("gap", "gap", Joint::new_paragraph,
          {{"how_long", or_placeholder(lang, d.how_long, "msg.reconnect.how_long_placeholder")}});
    b.add("context", "context", Joint::same_paragraph,
          {{"context", or_placeholder(lang, d.context, "msg.reconnect.context_placeholder")}});
    b.add("why_now", "why_now", Joint::new_paragraph,
          {{"why_now", or_placeholder(lang, d.why_now, "msg.reconnect.why_now_placeholder")}});
    b.add("plan", "plan", Joint::same_paragraph,
          {{"plan", or_placeholder(lang, d.plan, "msg.reconnect.plan_placeholder")}});
    b.add("in_return", "in_return", Joint::new_paragraph,
          {{"offer", or_placeholder(lang, d.offer, "msg.reconnect.offer_placeholder")}});
    b.add("thanks", "thanks", Joint::same_paragraph);
}

// Sent the day of the interview: the moment, the thanks, one specific thing, what you enjoyed, the
// door left open. The specific thing is the user's to name; until then it is a [placeholder].
void thank_you_body(DraftBuilder& b, const Facts& f, const DraftContext& ctx) {
    const Language lang = ctx.language;
    b.add("prompt", "prompt", Joint::new_paragraph);
    b.add("thanks", "thanks", Joint::same_paragraph);
    b.add("specific", "specific", Joint::new_paragraph,
          {{"detail", or_placeholder(lang, ctx.detail, "msg.thank_you.detail_placeholder")}});
    b.add("enjoyed", f.loved.empty() ? "enjoyed" : "enjoyed_loved", Joint::same_paragraph, {{"loved", f.loved}});
    b.add("door_open", "door_open", Joint::new_paragraph);
}

void body_parts(MessageKind kind, DraftBuilder& b, const Facts& f, const DraftContext& ctx) {
    switch (kind) {
        case MessageKind::feedback_reply: feedback_reply_body(b, f, ctx); break;
        case MessageKind::recruiter_question: recruiter_question_body(b); break;
        case MessageKind::follow_up: follow_up_body(b, f, ctx); break;
        case MessageKind::check_in: check_in_body(b, ctx); break;
        case MessageKind::network_note: network_note_body(b, f, ctx.language); break;
        case MessageKind::withdrawal: withdrawal_body(b, ctx); break;
        case MessageKind::reconnect: reconnect_body(b, ctx.reconnect, ctx.language); break;
        case MessageKind::thank_you: thank_you_body(b, f, ctx); break;
    }
}

// The address the caller chose (core/people.h picks it per kind). Only a question for the recruiter
// falls back to the recruiter's address, as its greeting falls back to their name: guessing the
// recruiter for every kind addressed the network note and the follow-up to them.
std::string recipient_email(MessageKind kind, const Reflection* r, const DraftContext& ctx) {
    if (!is_blank(ctx.recipient_email)) return std::string(trim(ctx.recipient_email));
    return r && kind == MessageKind::recruiter_question ? std::string(trim(r->feedback.recruiter_email))
                                                        : std::string();
}

// [SECTION] mailto

bool is_unreserved(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
           c == '_' || c == '~';
}

void append_percent_encoded(std::string& out, std::string_view text, std::string_view also_keep) {
    static constexpr char hex[] = "0123456789ABCDEF";
    for (const char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if (is_unreserved(c) || also_keep.find(ch) != std::string_view::npos) {
            out += ch;
            continue;
        }
        out += '%';
        out += hex[c >> 4];
        out += hex[c & 0x0F];
    }
}

// Mail clients expect CRLF; text typed in a browser textarea arrives with bare LF.
std::string with_crlf(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 16);
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\r') {
            if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
            out += "\r\n";
        } else if (text[i] == '\n') {
            out += "\r\n";
        } else {
            out += text[i];
        }
    }
    return out;
}

}  // namespace

bool cue_matches(std::string_view text, std::string_view cue) {
    const bool any_ending = !cue.empty() && cue.back() == '*';
    if (any_ending) cue.remove_suffix(1);
    if (cue.empty()) return false;
    const bool bounded = is_latin_word_byte(cue.front());
    for (std::size_t pos = text.find(cue); pos != std::string_view::npos; pos = text.find(cue, pos + 1)) {
        if (!bounded) return true;
        const std::size_t end = pos + cue.size();
        const bool starts_word = pos == 0 || !is_word_byte(text[pos - 1]);
        const bool ends_word = any_ending || end == text.size() || !is_word_byte(text[end]);
        if (starts_word && ends_word) return true;
    }
    return false;
}

bool has_placeholders(std::string_view text) {
    for (std::size_t open = text.find('['); open != std::string_view::npos; open = text.find('[', open + 1)) {
        std::size_t end = open + 1;
        while (end < text.size() && text[end] != '[' && text[end] != ']' && text[end] != '\n') ++end;
        if (end < text.size() && text[end] == ']' && end > open + 1) return true;
    }
    return false;
}

bool ChecklistItem::satisfied_folded(std::string_view folded_body) const {
    if (rule == CueRule::no_placeholders) return !has_placeholders(folded_body);
    const std::string_view scope_text = scope == CueScope::first_line ? first_line(folded_body) : folded_body;
    const bool found =
        std::any_of(cues.begin(), cues.end(), [&](const std::string& cue) { return cue_matches(scope_text, cue); });
    return rule == CueRule::must_appear ? found : !found;
}

bool ChecklistItem::satisfied(const std::string& body) const { return satisfied_folded(fold_for_search(body)); }

std::vector<ChecklistItem> checklist(MessageKind kind, Language language) {
    std::vector<ChecklistItem> items;
    for (const ItemSpec& spec : item_specs(kind)) {
        ChecklistItem item;
        item.key = std::string(spec.item);
        item.label = std::string(tr("check." + std::string(to_key(kind)) + "." + item.key));
        item.rule = spec.rule;
        item.requirement = spec.requirement;
        item.scope = spec.scope;
        item.cues = cues_for(spec.cue, language);
        items.push_back(std::move(item));
    }
    ChecklistItem filled_in;
    filled_in.key = std::string(filled_in_item);
    filled_in.label = std::string(tr("check.filled_in"));
    filled_in.rule = CueRule::no_placeholders;
    items.push_back(std::move(filled_in));
    return items;
}

ChecklistResult check_body(const std::vector<ChecklistItem>& items, const std::string& body) {
    const std::string folded = fold_for_search(body);
    ChecklistResult result;
    for (const ChecklistItem& item : items) {
        const bool ok = item.satisfied_folded(folded);
        result.satisfied.push_back(ok);
        if (item.requirement != Requirement::required) continue;
        ++result.required_total;
        if (ok) ++result.required_met;
    }
    return result;
}

std::vector<DraftPart> draft_parts(MessageKind kind, const Reflection* r, const DraftContext& ctx) {
    const Facts facts = gather_facts(r, ctx);
    DraftBuilder builder(kind, ctx.language, ctx.tone, facts);
    const std::string_view greeting_item = kind == MessageKind::withdrawal ? "addressed" : "";
    builder.add_raw(greeting_item, greeting(kind, r, ctx), Joint::new_paragraph);
    body_parts(kind, builder, facts, ctx);
    builder.add_raw("", signoff(ctx), Joint::new_paragraph);
    return builder.take();
}

std::string join_parts(const std::vector<DraftPart>& parts) {
    std::string out;
    for (const DraftPart& part : parts) {
        if (!out.empty()) {
            switch (part.joint) {
                case Joint::new_paragraph: out += "\n\n"; break;
                case Joint::same_paragraph: out += ' '; break;
                case Joint::new_line: out += '\n'; break;
            }
        }
        out += part.text;
    }
    return out;
}

std::string draft_subject(MessageKind kind, const Reflection* r, const DraftContext& ctx) {
    const Facts facts = gather_facts(r, ctx);
    const std::string sender = collapse_whitespace(ctx.sender_name);
    const std::string key = "msg." + std::string(to_key(kind)) + ".subject";
    return tr_format_in(ctx.language, key, {{"company", facts.company}, {"role", facts.role}, {"sender", sender}});
}

Message draft_message(MessageKind kind, const Reflection* r, const DraftContext& ctx) {
    Message m;
    m.kind = kind;
    m.reflection_id = r ? r->meta.id : std::string();
    m.to = recipient_email(kind, r, ctx);
    m.subject = draft_subject(kind, r, ctx);
    m.body = join_parts(draft_parts(kind, r, ctx));
    m.status = MessageStatus::draft;
    m.language = ctx.language;
    m.tone = ctx.tone;
    return m;
}

namespace {

// `before` describes the draft as it was composed, `after` as it should now read.
Recomposed recompose(const Message& m, const Reflection* r, const DraftContext& before_ctx,
                     const DraftContext& after_ctx) {
    const std::vector<DraftPart> before = draft_parts(m.kind, r, before_ctx);
    const std::string subject_before = draft_subject(m.kind, r, before_ctx);
    const std::vector<DraftPart> after = draft_parts(m.kind, r, after_ctx);

    Recomposed out;
    out.subject = m.subject == subject_before ? draft_subject(m.kind, r, after_ctx) : m.subject;
    // The parts come from the same builder with the same facts, so they pair up one to one. They
    // are looked for in order, each after the last one found, so a sentence the user repeated
    // elsewhere is not the one replaced.
    std::string body;
    std::size_t cursor = 0;
    for (std::size_t i = 0; i < before.size() && i < after.size(); ++i) {
        const std::string& old_text = before[i].text;
        const std::size_t at = old_text.empty() ? std::string::npos : m.body.find(old_text, cursor);
        if (at == std::string::npos) {
            ++out.kept;
            continue;
        }
        body.append(m.body, cursor, at - cursor);
        body += after[i].text;
        cursor = at + old_text.size();
        ++out.replaced;
    }
    body.append(m.body, cursor, std::string::npos);
    out.body = std::move(body);
    return out;
}

const DraftPart* part_for(const std::vector<DraftPart>& parts, std::string_view item) {
    for (const DraftPart& p : parts)
        if (p.item_key == item) return &p;
    return nullptr;
}

}  // namespace

Recomposed recompose_draft(const Message& m, const Reflection* r, DraftContext ctx, Language to) {
    ctx.language = m.language;
    ctx.tone = m.tone;
    DraftContext after = ctx;
    after.language = to;
    return recompose(m, r, ctx, after);
}

Recomposed retone_draft(const Message& m, const Reflection* r, DraftContext ctx, Tone to) {
    ctx.language = m.language;
    ctx.tone = m.tone;
    DraftContext after = ctx;
    after.tone = to;
    return recompose(m, r, ctx, after);
}

DraftContext composed_context_of(const Message& m, const Reflection* r, DraftContext ctx) {
    ctx.language = m.language;
    ctx.tone = m.tone;
    if (m.kind != MessageKind::withdrawal) return ctx;
    for (const WithdrawalReason reason : enum_values<WithdrawalReason>()) {
        DraftContext candidate = ctx;
        candidate.withdrawal_reason = reason;
        const std::vector<DraftPart> parts = draft_parts(m.kind, r, candidate);
        const DraftPart* part = part_for(parts, "honest_reason");
        if (part && m.body.find(part->text) != std::string::npos) {
            ctx.withdrawal_reason = reason;
            break;
        }
    }
    ctx.offer_help = OfferHelp::yes;
    const std::vector<DraftPart> parts = draft_parts(m.kind, r, ctx);
    const DraftPart* offer = part_for(parts, "offer_help");
    if (offer && m.body.find(offer->text) == std::string::npos) ctx.offer_help = OfferHelp::no;
    return ctx;
}

std::string signoff_text(Language language, const std::string& sender_name, const std::string& signature,
                         const std::string& link) {
    const std::string sender = collapse_whitespace(sender_name);
    std::string out = sender.empty() ? std::string(tr_in(language, "msg.signoff.anonymous"))
                                     : tr_format_in(language, "msg.signoff.named", {{"sender", sender}});
    const std::string_view lines = trim(signature);
    if (!lines.empty()) out.append("\n").append(lines);
    const std::string_view url = trim(link);
    if (!url.empty()) out.append("\n").append(url);
    return out;
}

void resign_draft(Message& m, const std::string& old_signoff, const std::string& new_signoff) {
    const std::size_t at = m.body.size() >= old_signoff.size() ? m.body.size() - old_signoff.size() : std::string::npos;
    if (at == std::string::npos || m.body.compare(at, old_signoff.size(), old_signoff) != 0) return;
    m.body.replace(at, old_signoff.size(), new_signoff);
}

std::string greeting_line(MessageKind kind, const std::string& recipient_name, Language lang, bool several) {
    const std::string name = name_fragment(recipient_name);
    // The network note goes to the people on one's side, friends as often as contacts: "Hi Marco,"
    // where every other draft writes "Dear Marco,".
    const bool network = kind == MessageKind::network_note;
    if (!name.empty()) {
        const std::string_view key =
            network ? "msg.greeting.named_network" : (several ? "msg.greeting.named_several" : "msg.greeting.named");
        return tr_format_in(lang, key, {{"name", name}});
    }
    return std::string(tr_in(lang, network ? "msg.greeting.group" : "msg.greeting.anonymous"));
}

std::string mailto_url(const std::string& to, const std::string& subject, const std::string& body) {
    std::string url = "mailto:";
    append_percent_encoded(url, to, "@,");
    char separator = '?';
    if (!subject.empty()) {
        url += separator;
        url += "subject=";
        append_percent_encoded(url, with_crlf(subject), "");
        separator = '&';
    }
    if (!body.empty()) {
        url += separator;
        url += "body=";
        append_percent_encoded(url, with_crlf(body), "");
    }
    return url;
}

}  // namespace debrief
