// Cue phrases per language. Latin-script cues match whole words (a trailing '*' allows any ending);
// Arabic cues match anywhere in a word, because Arabic attaches و, ب, ال and pronouns to it, so an
// Arabic cue is a stem short enough to survive those ("مماثل" finds "المماثلة", "مماثلا"). Cues
// are folded like the body (core/text.h), so they are written with their accents and hamzas.
#include "core/cues.h"

#include "core/text.h"

#include <algorithm>
#include <array>

namespace debrief {
namespace {

struct CueList {
    std::string_view name;
    std::array<std::string_view, 4> phrases;  // indexed by Language: en, de, it, ar
};

// clang-format off
constexpr CueList cue_lists[] = {
    {"accepts", {
        "understand|respect|accept*",
        "verstehe*|respektiere*|akzeptiere*|nachvollziehen|nehme ich",
        "capisco|comprendo|rispett*|accett*",
        "أتفهم|أفهم|أحترم|أتقبل|أقبل قرار"}},
    {"appreciate_time", {
        "appreciat*|your time|the time you|time you|time and effort|effort",
        "ihre zeit|die zeit|zu schätzen|schätze|mühe|aufwand",
        "il tempo|vostro tempo|suo tempo|tuo tempo|apprezzo|impegno",
        "وقتك|وقتكم|الوقت الذي|جهدكم|الجهد|أقدر|أثمن"}},
    {"areas", {
        "education|qualification*|skill*|interview*|fit|experience|background",
        "ausbildung|qualifikation*|fähigkeit*|kenntnis*|vorstellungsgespräch*|erfahrung*",
        "formazione|competenz*|colloqui*|esperienz*|requisit*|capacità",
        "تعليم|مؤهل|مهارات|مهارة|مقابلة|خبرة"}},
    {"asks_why", {
        "why|reason*|what made the difference|deciding factor|what led to",
        "warum|weshalb|wieso|grund|gründe|woran lag|woran es lag",
        "perché|motiv*|ragion*|la differenza",
        "لماذا|سبب|أسباب|ما الذي جعل"}},
    {"context", {
        "in the meantime|meanwhile|these past|over the past|i've been|i have been|since then",
        "inzwischen|in der zwischenzeit|mittlerweile|im letzten jahr|in den letzten",
        "nel frattempo|in questo periodo|nell'ultimo|negli ultimi",
        "في هذه الأثناء|خلال هذه الفترة|خلال العام|خلال الفترة|في الفترة الماضية"}},
    {"criticism", {
        "disappoint*|unprofessional|rude|disorgani*|waste of time|wasted|poorly|terrible|awful|unfair|ridiculous|chaotic|never heard back|took forever|lowball*|incompeten*",
        "unprofessionell|enttäusch*|unverschämt|chaotisch|zeitverschwendung|respektlos|katastrophal",
        "deludent*|poco professional*|vergogn*|scortes*|caotic*|perdita di tempo|disorganizzat*",
        "غير مهني|سيء|مخيب|فوضوي|فوضى|مضيعة|استهتار"}},
    {"desperate", {
        "desperate*|begging|beg you|i beg|reconsider*|really need this|need this job|last chance",
        "verzweifelt|flehe*|anflehe*|überdenken|brauche diese stelle",
        "disperat*|supplic*|riconsider*|ho davvero bisogno|bisogno di questo lavoro",
        "أتوسل|أرجوك|يائس|بحاجة ماسة|أمس الحاجة|تعيدوا النظر|إعادة النظر"}},
    {"door_open", {
        "continue the conversation|any further questions|any other questions|look forward|looking forward|hear from you|hearing from you|next steps|happy to share more|glad to share more|whenever it suits",
        "weitere fragen|stehe ich ihnen|zur verfügung|von ihnen zu hören|von ihnen höre|den austausch|austausch fortzusetzen|nächsten schritte",
        "resto a disposizione|rimango a disposizione|sue notizie|vostre notizie|risentirci|proseguire|ulteriori domande|prossimi passi",
        "أتطلع|على استعداد|أي أسئلة|سماع أخباركم|أن أسمع منكم|مواصلة الحديث|متى ما ناسبكم|الخطوات التالية"}},
    {"enjoyed", {
        "enjoyed|enjoy*|pleasure|great to meet|nice to meet|lovely to meet|glad to meet|good to meet|great talking|lovely talking",
        "gefreut|freude|genossen|gefallen|schön, sie kennenzulernen",
        "piacere|piaciut*|piacevole|lieto di conoscer*|lieta di conoscer*",
        "سعدت|سعيد بلقاء|سعيدة بلقاء|استمتعت|سرور|سرني|تشرفت"}},
    {"excited", {
        "excited|enthusias*|inspir*|admire*|impressed|passionate",
        "begeistert|spannend|beeindruck*|fasziniert|inspiriert",
        "entusias*|appassion*|ammir*|ispira*|colpit*",
        "متحمس|حماس|شغف|معجب|إعجاب|ملهم"}},
    {"future", {
        "looking ahead|next step*|going forward|from here|next chapter|future|looking forward|what comes next|what's next",
        "nach vorn*|nächsten schritt*|nächster schritt|nächste schritt*|zukunft|künftig*",
        "guardo avanti|guardare avanti|prossimo passo|prossimi passi|futuro|prossima tappa",
        "المستقبل|مستقبلا|الخطوة التالية|الخطوة القادمة|قادم|أتطلع"}},
    {"gap", {
        "it's been|it has been|long time|a while|since we last|so long|ages",
        "lange her|weile her|jahre her|jahr her|monate her|eine weile|lange nicht*|seit langem|letztes gespräch|letzten gespräch",
        "è passato|sono passati|molto tempo|tanto tempo|un po' di tempo|da tempo|non ci sentiamo",
        "مر وقت|منذ فترة|منذ مدة|طويلة|مضى"}},
    {"greeting", {
        "dear|hello|hi|good morning|good afternoon",
        "liebe|lieber|sehr geehrte*|hallo|guten tag|guten morgen",
        "gentile|caro|cara|buongiorno|ciao|salve|egregio|egregia",
        "مرحبا|عزيزي|عزيزتي|السيد|السيدة|الأستاذ|تحية طيبة|السلام عليكم"}},
    {"honest_reason", {
        "withdraw*|decided|another offer|other offer|accepted an offer|plans have changed|change of plans|personal reason*|personal circumstances",
        "zurückzuziehen|zurückzieh*|entschieden|angebot|persönlichen gründen|persönliche gründe|pläne geändert",
        "ritir*|ho deciso|offerta|motivi personali|piani sono cambiati|cambio di programm*",
        "انسحاب|أنسحب|سحب طلبي|قررت|عرضا آخر|عرض آخر|عرض عمل|ظروف شخصية|تغيرت خططي"}},
    {"in_return", {
        "in return|return the favo*|in turn|happy to help|glad to help",
        "im gegenzug|revanchier*|erkenntlich|gern helfe|helfe ich ihnen",
        "in cambio|ricambi*|a mia volta|esserti utile|esservi utile",
        "في المقابل|بالمقابل|الجميل|بدوري|مساعدتك"}},
    {"interest", {
        "interest*|keen|love to work with|love to join",
        "interessiert|interessiere|interesse|bei ihnen arbeiten|teil ihres teams",
        "interessato|interessata|interessati|interesse|lavorare con voi|entrare nel vostro team|far parte",
        "مهتم|اهتمام|أرغب في العمل|الانضمام إلى فريقكم|الانضمام إليكم"}},
    {"invite_feedback", {
        "concern*|feedback|let me know|any questions|clarify",
        "bedenken|rückmeldung*|feedback|lassen sie mich wissen|melden sie sich",
        "dubbi|perplessit*|riscontro|feedback|fatemi sapere|chiarir*",
        "ملاحظات|مخاوف|رأيكم|استفسار|توضيح"}},
    {"keep_in_mind", {
        "keep me in mind|in mind for|future opening*|future role*|future position*|future opportunit*|considered for|consider me|think of me",
        "im hinterkopf|zukünftige*|künftige*|gern an mich|an mich denken|berücksichtig*",
        "tenermi presente|tenere presente|future posizion*|posizioni future|opportunità future|in futuro|pensate a me|pensi a me|considerarmi|considerato per|considerata per",
        "تتذكروني|تذكروني|تذكرني|الفرص القادمة|فرص مستقبلية|مستقبلا|في الحسبان|بعين الاعتبار"}},
    {"looking_for", {
        "looking for|searching for|hoping to find|ideally|my next role|in search of",
        "ich suche|suche nach|auf der suche|idealerweise|meine nächste stelle|am liebsten",
        "cerco|sto cercando|idealmente|alla ricerca di|il mio prossimo ruolo",
        "أبحث عن|أسعى إلى|أسعى ل|أطمح"}},
    {"new_experience", {
        "since we last|since then|since our|learned|learnt|new skill*|completed|course|certificat*|earned",
        "seitdem|seit unserem|gelernt|kurs*|zertifikat*|abgeschlossen|fortbildung*|weiterbildung*",
        "da allora|imparato|corso|certificazion*|certificato|completato|ho ottenuto",
        "منذ|تعلمت|دورة|شهادة|أكملت|أنهيت"}},
    {"new_roles", {
        "new role*|opened up|opening*|open position*|open role*|new position*|vacanc*|hiring|recruiting",
        "neue stelle*|offene stelle*|offene position*|neue position*|verstärkung|stellen frei|ausgeschrieben",
        "nuove posizion*|nuovi ruoli|nuovo ruolo|posizioni aperte|posizione aperta|assumendo|assunzion*|si è liberat*",
        "وظائف شاغرة|شواغر|شاغرة|وظيفة جديدة|وظائف جديدة|موظفين جدد|توظيف"}},
    {"offer_help", {
        "of help|help you|recommend*|happy to help|glad to help|can help",
        "helfen|empfehl*|unterstütz*|behilflich",
        "aiutar*|consigliar*|d'aiuto|di aiuto|suggerir*|esservi utile",
        "المساعدة|مساعدت|أساعد|أرشح"}},
    {"plan", {
        "my plan|plan is|plan to|planning|i intend|i aim|i'm aiming",
        "mein plan|ich plane|habe vor|habe ich vor|beabsichtige",
        "il mio piano|ho intenzione|penso di|conto di|il mio obiettivo",
        "خطتي|أخطط|أنوي|أعتزم|هدفي"}},
    {"polite", {
        "hope you*|hope this|hope all|hope your|i trust",
        "ich hoffe|hoffe*|hoffentlich",
        "spero|mi auguro|auguro*",
        "أتمنى|آمل أن|أرجو أن|بخير"}},
    {"prompt", {
        "today|today's|this morning|this afternoon|this evening|yesterday|right away|straight away|still fresh|fresh in my mind|so soon|promptly",
        "heute|heutig*|gestern|noch frisch|frisch in erinnerung|gleich nach|direkt nach|umgehend",
        "oggi|stamattina|stamani|questa mattina|questo pomeriggio|ieri|ancora fresc*|appena concluso|subito dopo",
        "اليوم|هذا الصباح|البارحة|بالأمس|يوم أمس|فور انتهاء|مباشرة"}},
    {"positive", {
        "proud|learned|learnt|came away|grateful|great experience|good experience|positive|valuable",
        "stolz|gelernt|positiv*|wertvoll*|bereichernd",
        "orgoglio|orgoglios*|imparato|positiv*|preziosa|arricchente",
        "فخور|تعلمت|إيجابي|مفيدة|ثرية"}},
    {"share_useful", {
        "article*|you might find|thought of you|worth a read|http*|www|you might enjoy|would enjoy|i thought your",
        "artikel*|beitrag|vielleicht finden sie|sie interessieren könnte",
        "articol*|link|potrebbe interessar*|troverà utile|condivido",
        "مقال|رابط|تهمكم|يهمكم|تهمك|أشارككم"}},
    {"similar_roles", {
        "similar position*|similar opening*|similar opportunit*|roles like this|positions like this|other positions|other roles|other opening*|considered for|consider me|keep me in mind|in mind for",
        "ähnliche*|vergleichbare*|berücksichtig*|an mich denken|in betracht",
        "simil*|analog*|altre posizioni|considerarmi|tenermi presente|prendermi in considerazione|prendere in considerazione",
        "مماثل|مشابه|شبيهة|بعين الاعتبار|تتذكروني|تضعوني"}},
    {"specific_help", {
        "introduc*|could you help|can you help|would you help|connect me|put me in touch|pass along|pass on|pass my name|refer me|referral|recommend me",
        "vorstellen|bekannt machen|weiterempfehl*|empfehlen|empfehlung|in kontakt bringen|kontakt herstellen",
        "presentarmi|presentazione|aiutarmi|segnalarmi|segnalazione|mettermi in contatto|in contatto con",
        "تعريفي|عرفني|ساعدني|مساعدتي|ترشيحي|ترشحني|على تواصل مع"}},
    {"specific", {
        "in particular|particularly|especially|specifically|what you said about|your point about|when we discussed|when we talked about|our conversation about|our discussion about|the part about|stayed with me|stuck with me",
        "was sie über|was sie zu|ihre bemerkung|ihr gedanke|ihre gedanken zu|als wir über|im gedächtnis|hängen geblieben|insbesondere|vor allem",
        "quello che ha detto|quanto ha detto|ciò che ha detto|mi è rimast*|in particolare|soprattutto|quando abbiamo parlato|la sua osservazione",
        "ما ذكرتم|ما قلتم|حديثنا عن|عندما تحدثنا|ناقشنا|عالقا في ذهني|لفت انتباهي|بالتحديد|على وجه الخصوص|خصوصا"}},
    {"stay_in_touch", {
        "stay in touch|keep in touch|work together|working together|paths cross|in touch",
        "in kontakt|zusammenarbeit*|zusammenzuarbeiten|unsere wege",
        "in contatto|lavorare insieme|collaborar*|nostre strade",
        "على تواصل|التواصل|نعمل معا|العمل معا|طرقنا"}},
    {"strengthen", {
        "strengthen*|stronger|improve*",
        "stärken|stärker|verbesser*",
        "rafforz*|miglior*|più forte",
        "يقوي|تقوي|أقوي|أقوى|تقوية|تحسين|تعزيز|يعزز|تعزز|تطوير|أطور"}},
    {"thanks", {
        "thank*|grateful|much appreciated|appreciate it",
        "dank*|bedank*",
        "grazie|ringrazi*|grato|grata|grati|grate|riconoscente",
        "شكر|ممتن"}},
    {"thanks_in_advance", {
        "thank*|in advance|grateful",
        "dank*|bedank*|im voraus",
        "grazie|ringrazi*|in anticipo|grato|grata|fin da ora",
        "شكر|مقدما|سلفا|ممتن"}},
    {"upset", {
        "upset|devastat*|crushed|heartbroken|gutted|unfair|depress*|miserable|furious|so angry|bitter|can't believe|cannot believe|humiliat*",
        "enttäuscht|traurig|wütend|am boden|zerstört|frustriert",
        "deluso|delusa|arrabbiat*|distrutt*|triste|amareggiat*",
        "حزين|الحزن|محبط|غاضب|مكتئب|منهار"}},
    {"why_now", {
        "reaching out|because|the reason i|why i'm|getting in touch|i'm writing|writing to you",
        "weil|da ich|schreibe ihnen|melde mich|der grund|grund meiner",
        "perché|poiché|ti scrivo|le scrivo|vi scrivo|mi faccio sentire|il motivo",
        "لأنني|لأنه|لأنها|لأننا|أتواصل|أكتب إليك|أكتب لك|سبب رسالتي|سبب تواصلي"}},
};
// clang-format on

const CueList* find_list(std::string_view name) {
    for (const CueList& list : cue_lists) {
        if (list.name == name) return &list;
    }
    return nullptr;
}

void append_folded_cues(std::vector<std::string>& cues, std::string_view list) {
    const std::string folded = fold_for_search(list);
    std::size_t start = 0;
    while (start <= folded.size()) {
        std::size_t bar = folded.find('|', start);
        if (bar == std::string::npos) bar = folded.size();
        std::string cue = collapse_whitespace(std::string_view(folded).substr(start, bar - start));
        if (!cue.empty() && std::find(cues.begin(), cues.end(), cue) == cues.end()) cues.push_back(std::move(cue));
        start = bar + 1;
    }
}

}  // namespace

std::string_view cue_phrases(std::string_view name, Language language) {
    const CueList* list = find_list(name);
    return list ? list->phrases[static_cast<std::size_t>(language)] : std::string_view{};
}

std::vector<std::string> cues_for(std::string_view name, Language language) {
    std::vector<std::string> cues;
    append_folded_cues(cues, cue_phrases(name, language));
    if (language != Language::en) append_folded_cues(cues, cue_phrases(name, Language::en));
    return cues;
}

std::vector<std::string_view> cue_names() {
    std::vector<std::string_view> names;
    for (const CueList& list : cue_lists) names.push_back(list.name);
    return names;
}

}  // namespace debrief
