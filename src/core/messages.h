// Message drafts for the eight kinds of message (docs/advice.md A4, B, C), their checklists, their
// tones (standard, shorter, warmer), and mailto links.
#pragma once

#include "core/i18n.h"
#include "core/journal.h"
#include "core/names.h"

#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace debrief {

enum class WithdrawalReason { another_offer, change_of_plans, personal };

template <>
struct EnumInfo<WithdrawalReason> {
    static constexpr std::array<std::string_view, 3> keys{"another_offer", "change_of_plans", "personal"};
    static constexpr std::string_view display_prefix = "withdrawal_reason.";
    static constexpr std::string_view display_suffix = "";
};

enum class OfferHelp { no, yes };

// What the reconnect message says; any empty field becomes a [bracketed] prompt in the draft.
struct ReconnectDetails {
    std::string how_long;  // "two years"
    std::string context;   // "I finished my master's in Milan"
    std::string why_now;   // "I'm moving into product design"
    std::string plan;
    std::string offer;  // what the user can give in return
};

// Everything a draft needs beyond the reflection. Empty strings fall back to the reflection, then
// to a visible [placeholder] the user is expected to replace.
struct DraftContext {
    // Every sentence, the date and the list words come from it. A new draft starts in the
    // interface language; the draft view lets the user move it to another.
    Language language = interface_language();
    std::string sender_name;
    std::string signature;     // lines under the sender's name
    std::string profile_link;  // the last line of the sign-off
    std::string recipient_name;
    std::string recipient_email;
    // Two or more people named at once: Italian greets "Gentili …", Arabic in the plural.
    bool several_recipients = false;
    Date today;
    std::string company;  // for drafts without a reflection (withdrawal, reconnect)
    std::string role;
    WithdrawalReason withdrawal_reason = WithdrawalReason::another_offer;
    OfferHelp offer_help = OfferHelp::yes;
    std::string new_experience;  // check-in: "I've completed a UX research course"
    std::string article_link;    // check-in: something useful to share
    std::string detail;          // thank-you: something specific you talked about
    ReconnectDetails reconnect;
    // The wording: each tone has its own whole sentences for some items, the standard ones for the rest.
    Tone tone = Tone::standard;
};

// How a part attaches to the one before it.
enum class Joint { new_paragraph, same_paragraph, new_line };

// One sentence or block of a draft, tagged with the checklist item it fulfils (empty when none).
struct DraftPart {
    std::string item_key;
    std::string text;
    Joint joint = Joint::same_paragraph;
};

// no_placeholders ignores the cues: the item is met while the body holds no [placeholder].
enum class CueRule { must_appear, must_not_appear, no_placeholders };
enum class Requirement { required, optional };
enum class CueScope { whole_body, first_line };

// One element the advice says a message should contain (or avoid), checked by cue phrases.
struct ChecklistItem {
    std::string key;
    std::string label;  // translated
    CueRule rule = CueRule::must_appear;
    Requirement requirement = Requirement::required;
    CueScope scope = CueScope::whole_body;
    std::vector<std::string> cues;  // folded; a trailing '*' allows any word ending

    bool satisfied(const std::string& body) const;
    bool satisfied_folded(std::string_view folded_body) const;
};

struct ChecklistResult {
    std::vector<bool> satisfied;  // parallel to the checklist
    int required_met = 0;
    int required_total = 0;

    bool all_required_met() const { return required_met == required_total; }
};

// Labels in the interface language; cues of the draft's language plus English (core/cues.h).
std::vector<ChecklistItem> checklist(MessageKind kind, Language language = Language::en);

// Folds the body once and checks every item.
ChecklistResult check_body(const std::vector<ChecklistItem>& items, const std::string& body);

// Whether a folded cue occurs in folded text. Cues starting with a Latin letter or digit must start
// (and, without a trailing '*', end) on a word boundary; other scripts match anywhere, because
// Arabic attaches prefixes such as "و" and "ال" to the word itself.
bool cue_matches(std::string_view folded_text, std::string_view folded_cue);

// Whether the text still holds a [placeholder]: a '[', then at least one character other than
// '[', ']' or a line break, then ']'. "[]" and a bracket left open are not placeholders.
bool has_placeholders(std::string_view text);

// `r` may be null for withdrawal and reconnect, which are often started from the home screen.
std::vector<DraftPart> draft_parts(MessageKind kind, const Reflection* r, const DraftContext& ctx);
std::string join_parts(const std::vector<DraftPart>& parts);
std::string draft_subject(MessageKind kind, const Reflection* r, const DraftContext& ctx);

// A new draft: kind, reflection link, recipient, subject and body. meta is left for the caller.
Message draft_message(MessageKind kind, const Reflection* r, const DraftContext& ctx);

// A draft moved to another language. Each sentence of the draft as first composed that is still
// in the body word for word is replaced by the same sentence in `to`; sentences the user wrote or
// changed stay as they are, and `kept` counts the composed ones that were not found. The subject
// is replaced only while it is the composed one. `ctx` describes the draft as it was composed
// (its language is the draft's current one, `m.language`).
struct Recomposed {
    std::string subject;
    std::string body;
    int replaced = 0;
    int kept = 0;
};
Recomposed recompose_draft(const Message& m, const Reflection* r, DraftContext ctx, Language to);
// The same for another tone (the draft's language kept, `ctx.tone` taken from `m.tone`): only the
// app's own sentences still in the body word for word change, so nothing the user wrote is lost.
Recomposed retone_draft(const Message& m, const Reflection* r, DraftContext ctx, Tone to);

// The composing details a stored draft does not keep, read back from its body: for a withdrawal,
// the reason and the offer of help whose sentences are in it. `ctx` is the rest of the context.
DraftContext composed_context_of(const Message& m, const Reflection* r, DraftContext ctx);

// The draft's greeting line for `recipient_name` ("Dear Anna,", "Hello," without a name), which
// names several people at once when `several` ("Gentili Anna e Ben,").
std::string greeting_line(MessageKind kind, const std::string& recipient_name, Language language, bool several);

// The sign-off a draft of `language` ends with: "Kind regards," and the sender's name, then the
// signature's lines and the link, each as typed.
std::string signoff_text(Language language, const std::string& sender, const std::string& signature,
                         const std::string& link);
// The draft signed anew: the sign-off is replaced while it is the one composed for the old details.
void resign_draft(Message& m, const std::string& old_signoff, const std::string& new_signoff);

// RFC 6068 link; UTF-8 is percent-encoded byte by byte and line breaks become %0D%0A.
std::string mailto_url(const std::string& to, const std::string& subject, const std::string& body);

}  // namespace debrief
