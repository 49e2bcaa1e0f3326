// Keyword suggestion: tokenised by letters and digits, matched on folded words, shown as written.
#include "core/keywords.h"

#include "core/text.h"

#include <algorithm>
#include <array>
#include <set>
#include <utility>
#include <vector>

namespace debrief {
namespace {

struct Token {
    std::string written;
    std::string folded;
    std::size_t letters = 0;  // code points, for "longest word"
    bool joined = false;      // only spaces between it and the word before: they may be one phrase
};

bool is_separator(char32_t c) {
    if (c < 0x80) return !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
    if (c >= 0x80 && c <= 0xBF) return c != 0xAA && c != 0xB5 && c != 0xBA;  // Latin-1 punctuation, « » ¿
    if (c == 0xD7 || c == 0xF7) return true;                                 // × ÷
    if (c >= 0x2000 && c <= 0x206F) return true;                             // dashes, quotes, …
    if (c == 0x060C || c == 0x061B || c == 0x061F || (c >= 0x066A && c <= 0x066D) || c == 0x06D4) return true;
    if (c == 0x3000 || c == 0x3001 || c == 0x3002) return true;
    return false;
}

std::vector<Token> tokens_of(std::string_view text) {
    std::vector<Token> tokens;
    Token current;
    bool spaces_only = false;  // since the last word
    auto flush = [&] {
        if (current.letters == 0) return;
        current.folded = fold_for_search(current.written);
        if (!current.folded.empty()) tokens.push_back(std::move(current));
        current = Token{};
        spaces_only = true;
    };
    for (std::size_t pos = 0; pos < text.size();) {
        const std::size_t start = pos;
        const char32_t c = decode_utf8(text, pos);
        if (is_separator(c) || c == replacement_character) {
            flush();
            if (c != ' ') spaces_only = false;
            continue;
        }
        if (current.letters == 0) current.joined = spaces_only && !tokens.empty();
        current.written.append(text.substr(start, pos - start));
        ++current.letters;
    }
    flush();
    return tokens;
}

std::vector<std::string> folded_words(std::string_view text) {
    std::vector<std::string> words;
    for (Token& t : tokens_of(text)) words.push_back(std::move(t.folded));
    return words;
}

// Stopwords plus words too generic to search for (team, work, week...), as written; folded on use.
constexpr std::array<std::string_view, 4> stopword_lists{
    // en
    "a an the and or nor of in on at to for with without by from that which who whom whose this these those "
    "is are was were be been being am it its as into onto our my your their we i you they he she us them "
    "not no but so very really every each some any more most much many other than then there here about "
    "over under up down out just also too can could would should will must have has had do does did all "
    "only own same such both few like lot lots where when how what why if while together always often "
    "week weeks day days work works working job jobs role roles team teams people company companies place "
    "small big large good great nice real kind way thing things "
    "one two three four five six seven eight nine ten twice",  // "one hour" says less than "commute"
    // de
    "der die das den dem des ein eine einer einem einen eines und oder mit ohne von vom zu zum zur im in "
    "am an auf für bei aus nach über unter wie als auch nicht kein keine keinen sehr jede jeden jeder "
    "jedes sich ist sind war waren wird werden hat haben sein es sie wir ich du er man mein meine unser unsere "
    "uns dass was wo wann wenn aber so nur noch schon immer gemeinsam zusammen woche wochen tag tage arbeit "
    "arbeiten team teams firma leute klein kleine kleines kleinen groß große großes gut gute gutes "
    "eins zwei drei vier fünf sechs sieben acht neun zehn zweimal",
    // it
    "il lo la i gli le l un uno una un' di del dello della dei degli delle d da dal dallo dalla dai dagli "
    "dalle in nel nello nella nei negli nelle con senza per su sul sullo sulla sui sugli sulle tra fra e ed "
    "o od che chi cui sull dell nell all dall lavora lavorano non molto molta molti molte ogni è sono era erano essere "
    "ha hanno ho a al allo alla "
    "ai agli alle come anche più ma se si ci mi ti vi noi voi loro mio mia nostro nostra sempre insieme "
    "settimana settimane giorno giorni lavoro lavorare squadra team azienda persone piccolo piccola "
    "grande buono buona bel bello bella due tre quattro cinque sei sette otto nove dieci",
    // ar
    "في من على إلى الى عن مع و أو او ثم التي الذي الذين اللذين هذا هذه ذلك تلك هناك كل بعض كان كانت "
    "يكون تكون هو هي هم نحن أنا انا أنت لا لم لن ما ماذا عند بين كما أن إن ان قد جدا كل كلها دائما "
    "معا أسبوع اسبوع كل عمل العمل يعمل فريق الفريق شركة الشركة ناس صغير صغيرة كبير كبيرة جيد جيدة "
    "واحد واحدة اثنان اثنين ثلاثة أربعة خمسة ستة سبعة ثمانية تسعة عشرة"};

const std::array<std::set<std::string>, 4>& stopwords() {
    static const std::array<std::set<std::string>, 4> sets = [] {
        std::array<std::set<std::string>, 4> out;
        for (std::size_t i = 0; i < stopword_lists.size(); ++i) {
            for (std::string& w : folded_words(stopword_lists[i])) out[i].insert(std::move(w));
        }
        return out;
    }();
    return sets;
}

// Common job-search terms: how people write them → the keyword a job board knows. Matched on folded
// words, so "Part time", "part-time" and "PART-TIME!" all read as "part-time".
struct KnownTerm {
    std::string_view written;
    std::string_view keyword;
};

constexpr KnownTerm known_terms[] = {
    // en
    {"remote", "remote"},
    {"work from home", "remote"},
    {"wfh", "remote"},
    {"hybrid", "hybrid"},
    {"part time", "part-time"},
    {"full time", "full-time"},
    {"four day week", "4-day week"},
    {"4 day week", "4-day week"},
    {"flexible hours", "flexible hours"},
    {"flexitime", "flexible hours"},
    {"on site", "on-site"},
    {"onsite", "on-site"},
    {"start up", "startup"},
    {"startup", "startup"},
    {"non profit", "nonprofit"},
    {"nonprofit", "nonprofit"},
    {"climate", "climate"},
    {"sustainability", "sustainability"},
    {"visa sponsorship", "visa sponsorship"},
    {"relocation", "relocation"},
    {"mentorship", "mentorship"},
    {"mentoring", "mentorship"},
    {"freelance", "freelance"},
    {"internship", "internship"},
    {"unpaid", "unpaid"},
    {"agency", "agency"},
    // de
    {"homeoffice", "Homeoffice"},
    {"home office", "Homeoffice"},
    {"teilzeit", "Teilzeit"},
    {"vollzeit", "Vollzeit"},
    {"gleitzeit", "Gleitzeit"},
    {"4 tage woche", "4-Tage-Woche"},
    {"klimaschutz", "Klimaschutz"},
    {"nachhaltigkeit", "Nachhaltigkeit"},
    {"befristet", "befristet"},
    {"unbefristet", "unbefristet"},
    {"zeitarbeit", "Zeitarbeit"},
    {"praktikum", "Praktikum"},
    // it
    {"da remoto", "remoto"},
    {"remoto", "remoto"},
    {"smart working", "smart working"},
    {"ibrido", "ibrido"},
    {"tempo parziale", "part-time"},
    {"tempo pieno", "full-time"},
    {"orario flessibile", "orario flessibile"},
    {"clima", "clima"},
    {"sostenibilita", "sostenibilità"},
    {"tirocinio", "tirocinio"},
    // ar
    {"عن بعد", "عن بعد"},
    {"هجين", "هجين"},
    {"دوام جزئي", "دوام جزئي"},
    {"دوام كامل", "دوام كامل"},
    {"ساعات مرنة", "ساعات مرنة"},
    {"المناخ", "المناخ"},
    {"الاستدامة", "الاستدامة"},
};

const std::vector<std::pair<std::vector<std::string>, std::string_view>>& known_table() {
    static const auto table = [] {
        std::vector<std::pair<std::vector<std::string>, std::string_view>> out;
        for (const KnownTerm& t : known_terms) out.emplace_back(folded_words(t.written), t.keyword);
        return out;
    }();
    return table;
}

bool has_arabic(std::string_view text) {
    for (std::size_t pos = 0; pos < text.size();) {
        const char32_t c = decode_utf8(text, pos);
        if (c >= 0x0600 && c <= 0x06FF) return true;
    }
    return false;
}

Language guess(const std::vector<Token>& tokens, std::string_view text, Language hint) {
    if (has_arabic(text)) return Language::ar;
    const std::array<Language, 3> latin{Language::en, Language::de, Language::it};
    std::array<int, 3> hits{};
    for (std::size_t i = 0; i < latin.size(); ++i) {
        const auto& set = stopwords()[static_cast<std::size_t>(latin[i])];
        for (const Token& t : tokens) hits[i] += static_cast<int>(set.count(t.folded));
    }
    const int best = *std::max_element(hits.begin(), hits.end());
    for (std::size_t i = 0; i < latin.size(); ++i) {
        if (latin[i] == hint && hits[i] == best) return hint;
    }
    for (std::size_t i = 0; i < latin.size(); ++i) {
        if (hits[i] == best) return latin[i];
    }
    return Language::en;
}

// The earliest known term in the text; at one position the longer term wins ("work from home").
std::string_view known_term_in(const std::vector<Token>& tokens) {
    for (std::size_t start = 0; start < tokens.size(); ++start) {
        std::string_view found;
        std::size_t found_length = 0;
        for (const auto& [words, keyword] : known_table()) {
            if (words.size() <= found_length || start + words.size() > tokens.size()) continue;
            bool match = true;
            for (std::size_t k = 0; k < words.size() && match; ++k) match = tokens[start + k].folded == words[k];
            if (match) {
                found = keyword;
                found_length = words.size();
            }
        }
        if (found_length > 0) return found;
    }
    return {};
}

// A sentence's capital is not part of the word: "Critiques every week" suggests "critiques", while a
// criterion of one word ("München") is a name kept as written. Not in German, whose nouns keep theirs.
std::string as_keyword_word(const Token& t, bool first_of_several, Language language) {
    std::string word = t.written;
    const bool lower_rest = std::none_of(word.begin() + 1, word.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
    if (first_of_several && language != Language::de && lower_rest && word[0] >= 'A' && word[0] <= 'Z')
        word[0] = static_cast<char>(word[0] - 'A' + 'a');
    return word;
}

}  // namespace

Language guess_text_language(std::string_view text, Language hint) { return guess(tokens_of(text), text, hint); }

std::string suggest_keyword(std::string_view text, Language hint) {
    const std::vector<Token> tokens = tokens_of(text);
    if (const std::string_view known = known_term_in(tokens); !known.empty()) return std::string(known);
    const Language language = guess(tokens, text, hint);
    const auto& stop = stopwords()[static_cast<std::size_t>(language)];
    std::vector<std::size_t> content;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const bool digits_only =
            std::all_of(tokens[i].folded.begin(), tokens[i].folded.end(), [](char c) { return c >= '0' && c <= '9'; });
        if (stop.count(tokens[i].folded) == 0 && !digits_only) content.push_back(i);
    }
    if (content.empty()) return {};
    // Longer words are the more specific ones ("critiques" over "every"); ties keep the earlier word.
    // Two words only as written together, a phrase a job board can match ("senior design"), when
    // they are together at least as long as the longest word; two words from apart read as nonsense.
    std::size_t first = content[0];
    std::size_t count = 1;
    std::size_t letters = 0;
    for (std::size_t k = 0; k < content.size(); ++k) {
        const std::size_t i = content[k];
        if (tokens[i].letters > letters) {
            first = i;
            count = 1;
            letters = tokens[i].letters;
        }
    }
    for (std::size_t k = 0; k + 1 < content.size(); ++k) {
        const std::size_t i = content[k];
        if (content[k + 1] != i + 1 || !tokens[i + 1].joined) continue;
        const std::size_t pair = tokens[i].letters + tokens[i + 1].letters;
        if (pair > letters || (count == 1 && pair >= letters)) {
            first = i;
            count = 2;
            letters = pair;
        }
    }
    // German inflects an adjective for the article it followed ("das herzliche Designteam"): without
    // the article it reads wrong, and the noun alone is the keyword.
    const auto capital = [](const Token& t) {
        std::size_t pos = 0;
        const char32_t c = decode_utf8(t.written, pos);
        return (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7);  // with Ä, Ö, Ü
    };
    if (count == 2 && language == Language::de && !capital(tokens[first]) && capital(tokens[first + 1])) {
        ++first;
        count = 1;
    }
    std::string keyword = as_keyword_word(tokens[first], first == 0 && tokens.size() > 1, language);
    if (count == 2) keyword += ' ' + tokens[first + 1].written;
    return keyword;
}

std::string word_key(std::string_view text) {
    std::string key;
    for (const std::string& w : folded_words(text)) {
        if (!key.empty()) key += ' ';
        key += w;
    }
    return key;
}

}  // namespace debrief
