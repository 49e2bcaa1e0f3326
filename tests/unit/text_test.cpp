// Tests for core/text: UTF-8 validation and decoding, search folding, truncation.
#include "core/text.h"

#include <doctest/doctest.h>

#include <string>

using namespace debrief;

TEST_CASE("text: is_valid_utf8 accepts well-formed text in several scripts") {
    CHECK(is_valid_utf8(""));
    CHECK(is_valid_utf8("plain ascii"));
    CHECK(is_valid_utf8("Grüße aus Köln, ß"));
    CHECK(is_valid_utf8("مرحبا بالعالم"));
    CHECK(is_valid_utf8("emoji 😀 and 👩🏽‍💻"));
    CHECK(is_valid_utf8("\xF4\x8F\xBF\xBF"));  // U+10FFFF, the last code point
}

TEST_CASE("text: is_valid_utf8 rejects malformed sequences") {
    CHECK_FALSE(is_valid_utf8("\xC3"));              // truncated
    CHECK_FALSE(is_valid_utf8("\xC0\xAF"));          // overlong '/'
    CHECK_FALSE(is_valid_utf8("\xE0\x80\xAF"));      // overlong three-byte
    CHECK_FALSE(is_valid_utf8("\xED\xA0\x80"));      // surrogate U+D800
    CHECK_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));  // above U+10FFFF
    CHECK_FALSE(is_valid_utf8("\x80"));              // lone continuation byte
    CHECK_FALSE(
        is_valid_utf8("ab\xFF"
                      "cd"));
}

TEST_CASE("text: decode_utf8 advances and replaces bad bytes one at a time") {
    const std::string s = "a\xC3\xA9\xFF\xF0\x9F\x98\x80";
    std::size_t pos = 0;
    CHECK(decode_utf8(s, pos) == U'a');
    CHECK(decode_utf8(s, pos) == U'é');
    CHECK(pos == 3);
    CHECK(decode_utf8(s, pos) == replacement_character);
    CHECK(pos == 4);
    CHECK(decode_utf8(s, pos) == U'😀');
    CHECK(pos == s.size());
}

TEST_CASE("text: append_utf8 round-trips through decode_utf8") {
    for (const char32_t cp : {U'A', U'ß', U'€', U'ع', U'😀', char32_t{0x10FFFF}}) {
        std::string s;
        append_utf8(s, cp);
        std::size_t pos = 0;
        CHECK(decode_utf8(s, pos) == cp);
        CHECK(pos == s.size());
    }
    std::string surrogate;
    append_utf8(surrogate, 0xD800);
    CHECK(surrogate == "\xEF\xBF\xBD");
}

TEST_CASE("text: fold_for_search lower-cases and strips Latin accents") {
    CHECK(fold_for_search("Grüße") == "grusse");
    CHECK(fold_for_search("ÄÖÜ äöü") == "aou aou");
    CHECK(fold_for_search("Café CRÈME") == "cafe creme");
    CHECK(fold_for_search("Ça va, François?") == "ca va, francois?");
    CHECK(fold_for_search("Łódź, Dvořák, Œuvre, Ærø") == "lodz, dvorak, oeuvre, aero");
    CHECK(fold_for_search("İstanbul ĳ ſ") == "istanbul ij s");
    CHECK(fold_for_search("ẞ") == "ss");
    CHECK(fold_for_search("3×4÷2") == "3×4÷2");  // signs are not letters
}

TEST_CASE("text: fold_for_search drops combining marks so decomposed input matches") {
    CHECK(fold_for_search("Cafe\xCC\x81") == "cafe");  // e + U+0301
    CHECK(fold_for_search("Café") == fold_for_search("Cafe\xCC\x81"));
}

TEST_CASE("text: fold_for_search keeps Arabic letters but strips tashkeel and tatweel") {
    CHECK(fold_for_search("شُكْرًا") == "شكرا");
    CHECK(fold_for_search("مـــرحبا") == "مرحبا");
    CHECK(fold_for_search("مرحبا") == "مرحبا");
}

TEST_CASE("text: fold_for_search lower-cases Greek and Cyrillic") {
    CHECK(fold_for_search("ΑΘΗΝΑ Άρης") == "αθηνα αρησ");  // final sigma folds too
    CHECK(fold_for_search("ΟΔΟΣ οδος") == "οδοσ οδοσ");    // final sigma folds to sigma
    CHECK(fold_for_search("МОСКВА Ёлка") == "москва елка");
}

TEST_CASE("text: fold_for_search unifies typographic quotes and no-break spaces") {
    CHECK(fold_for_search("I\xE2\x80\x99m") == "i'm");
    CHECK(fold_for_search("a\xC2\xA0"
                          "b") == "a b");
    CHECK(fold_for_search("\xE2\x80\x9Cquoted\xE2\x80\x9D") == "\"quoted\"");
}

TEST_CASE("text: contains_folded matches across case and accents") {
    CHECK(contains_folded("Ich freue mich auf das Gespräch", "GESPRACH"));
    CHECK(contains_folded("Zürich", "zurich"));
    CHECK(contains_folded("anything", ""));
    CHECK_FALSE(contains_folded("Zürich", "zurigo"));
}

TEST_CASE("text: trim, collapse_whitespace and normalize_key") {
    CHECK(trim("  a b \n") == "a b");
    CHECK(trim(" \t ").empty());
    CHECK(collapse_whitespace("  a \t\n b   c ") == "a b c");
    CHECK(normalize_key("  Dog-Friendly\xC2\xA0 Office ") == "dog-friendly office");
    CHECK(is_blank(" \n\t"));
    CHECK_FALSE(is_blank(" x "));
}

TEST_CASE("text: truncate_utf8 leaves short text alone") {
    CHECK(truncate_utf8("short", 10) == "short");
    CHECK(truncate_utf8("exactly10!", 10) == "exactly10!");
}

TEST_CASE("text: truncate_utf8 cuts on code point boundaries and adds an ellipsis") {
    const std::string out = truncate_utf8("Grüße aus Köln", 7);
    CHECK(out.size() <= 7);
    CHECK(is_valid_utf8(out));
    CHECK(out == "Grü\xE2\x80\xA6");
    CHECK(truncate_utf8("Grüße aus Köln", 6) == "Gr\xE2\x80\xA6");  // half an "ü" is never kept
    for (std::size_t max = 0; max < 40; ++max) {
        const std::string arabic = truncate_utf8("مرحبا بالعالم الجميل", max);
        CHECK(arabic.size() <= max);
        CHECK(is_valid_utf8(arabic));
    }
}

TEST_CASE("text: truncate_utf8 keeps emoji sequences, flags and combining marks whole") {
    const std::string technologist = "👩🏽‍💻";  // woman + skin tone + ZWJ + laptop
    const std::string flag = "🇩🇪";
    const std::string text = "ok " + technologist + " " + flag + " done";
    for (std::size_t max = 3; max < text.size(); ++max) {
        CAPTURE(max);
        const std::string out = truncate_utf8(text, max);
        CHECK(out.size() <= max);
        CHECK(is_valid_utf8(out));
        const bool has_part = out.find("👩") != std::string::npos || out.find("💻") != std::string::npos ||
                              out.find("🏽") != std::string::npos || out.find("\xE2\x80\x8D") != std::string::npos;
        CHECK(has_part == (out.find(technologist) != std::string::npos));
        const bool has_indicator = out.find("🇩") != std::string::npos;
        CHECK(has_indicator == (out.find(flag) != std::string::npos));
    }
    const std::string decomposed = "Cafe\xCC\x81 noir";        // é as e + U+0301
    CHECK(truncate_utf8(decomposed, 8) == "Caf\xE2\x80\xA6");  // never "Cafe…" without its accent
    CHECK(truncate_utf8("abc", 2) == "ab");                    // too small for the ellipsis: just the prefix
}

TEST_CASE("text: fold_for_search folds Arabic as common Arabic search does") {
    // Harakat, tanween, shadda, sukun, the marks up to U+065F and the dagger alef all go.
    CHECK(fold_for_search("مُقَابَلَةٌ") == fold_for_search("مقابلة"));
    CHECK(fold_for_search("الرَّاتِب") == "الراتب");
    CHECK(fold_for_search("رحمٰن") == "رحمن");         // U+0670 dagger alef
    CHECK(fold_for_search("ا\xD9\x95") == "ا");       // U+0655 hamza below, a mark
    CHECK(fold_for_search("مقـــابلة") == "مقابله");  // tatweel
    // Hamza forms of alef, madda and wasla are typed as a bare alef.
    CHECK(fold_for_search("أمل إيجابي آخر ٱلعمل") == "امل ايجابي اخر العمل");
    // Ta marbuta and ha, alef maqsura and ya look alike at a word's end and are often swapped.
    CHECK(fold_for_search("شركة") == fold_for_search("شركه"));
    CHECK(fold_for_search("مستشفى") == fold_for_search("مستشفي"));
    CHECK(contains_folded("تقدّمتُ إلى وظيفةٍ في شركة النور", "وظيفه"));
    CHECK(contains_folded("إدارة المنتجات", "اداره"));
    // Identities follow: the same criterion typed with or without hamza is one criterion.
    CHECK(normalize_key("أمان وظيفي") == normalize_key("امان وظيفي"));
}

TEST_CASE("text: fold_for_search handles German ß and umlauts, Italian accents") {
    CHECK(fold_for_search("Straße") == fold_for_search("Strasse"));
    CHECK(fold_for_search("GROẞE Grüße") == "grosse grusse");
    CHECK(fold_for_search("Bewerbungsgespräch") == "bewerbungsgesprach");
    CHECK(fold_for_search("perché è già così") == "perche e gia cosi");
    CHECK(fold_for_search("Società, università, più") == "societa, universita, piu");
    CHECK(contains_folded("Colloquio con l'università", "UNIVERSITA"));
}

TEST_CASE("text: fold_for_lookup reads ae, oe, ue as the umlauts they spell") {
    CHECK(fold_for_lookup("Müller") == fold_for_lookup("Mueller"));
    CHECK(fold_for_lookup("Müller") == fold_for_lookup("Muller"));
    CHECK(fold_for_lookup("Schöne Grüße") == fold_for_lookup("Schoene Gruesse"));
    CHECK(fold_for_lookup("Bewerbungsgespräch") == fold_for_lookup("Bewerbungsgespraech"));
    CHECK(fold_for_lookup("Ærø") == fold_for_lookup("Aero"));  // æ folds to ae, then like typed ae
    CHECK(fold_for_lookup("Mueller") == "muller");
    CHECK(fold_for_lookup("") == "");
    CHECK(fold_for_lookup("e") == "e");
    CHECK(fold_for_lookup("aee") == "ae");
    CHECK(fold_for_lookup("uae") == "ua");
    CHECK(fold_for_lookup("eae") == "ea");
    CHECK(fold_for_lookup("Queue") == "quu");
    CHECK(fold_for_lookup("OEOE") == "oo");
    CHECK(fold_for_lookup("Goethe, Bäume\nFrauen") == "gothe, baume\nfraun");
    // The fold of a prefix is a prefix of the fold of what is typed next, so narrowing holds.
    const std::string word = "Gruesse aus Koeln";
    for (std::size_t n = 1; n < word.size(); ++n) {
        const std::string shorter = fold_for_lookup(word.substr(0, n));
        const std::string longer = fold_for_lookup(word.substr(0, n + 1));
        CAPTURE(n);
        CHECK(longer.rfind(shorter, 0) == 0);
    }
    // Search-only: identities keep the spelling apart.
    CHECK(normalize_key("Poet") != normalize_key("Pot"));
}
