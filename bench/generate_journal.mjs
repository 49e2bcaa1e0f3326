// Generates a large, realistic Debrief journal export (docs/schema.md, format version 1) for benchmarks: mixed English, German, Italian, Arabic and emoji, deterministic from a seed.
// Usage: node bench/generate_journal.mjs [--reflections 10000] [--seed 1] [--end 2026-11-29T20:00:00Z] <out.json>
// The journal ends at `end` (default: now), so its reminders are due relative to the day it is used,
// as a real journal's are: a journal dated to a fixed day would look different to the app every day.
import { writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';

// Small, fast, seedable PRNG (mulberry32): the same seed always gives the same journal.
function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = (list) => list[Math.floor(next() * list.length)];
  const chance = (p) => next() < p;
  const hex = (n) => { let s = ''; for (let i = 0; i < n; ++i) s += '0123456789abcdef'[int(0, 15)]; return s; };
  const uuid = () => `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[int(0, 3)]}${hex(3)}-${hex(12)}`;
  return { next, int, pick, chance, uuid };
}

// Per language: the pieces reflections are assembled from. Lengths follow what people write in
// journaling apps: letters of a few sentences to a few paragraphs, short answers elsewhere.
const LANG = {
  en: {
    companies: ['Northwind Analytics', 'Blue Harbor Health', 'Acme Robotics', 'Lumen & Vale', 'Greenfield Logistics', 'Orbit Studios', 'Maple Street Bank', 'Cedar Labs', 'Brightline Media', 'Kestrel Software'],
    roles: ['Product Manager', 'Senior Data Analyst', 'UX Researcher', 'Backend Engineer', 'Marketing Lead', 'Customer Success Manager', 'Staff Designer', 'Operations Coordinator'],
    places: ['London', 'Manchester', 'New York', 'Toronto', 'Remote', 'Dublin', 'Seattle', 'Austin'],
    via: ['LinkedIn', 'a referral from a former colleague', 'the company careers page', 'a recruiter reached out', 'a meetup'],
    rejection: ['Dear candidate,\n\nThank you for your interest in the role. After careful consideration we have decided to move forward with other candidates whose experience more closely matches our needs.\n\nKind regards,\nThe Talent Team', 'Hi,\n\nThanks for taking the time to speak with us. Unfortunately we will not be progressing your application at this stage.\n\nBest of luck with your search.'],
    sentences: ['I really thought this one was going to work out.', 'Three rounds, a take-home task and then a two-line email.', 'I am tired of pretending this does not hurt.', 'The team seemed genuinely kind and I could picture myself there.', 'Maybe I talked too much about the old project.', 'I keep replaying the last question in my head.', 'It is fine. It is not fine. It will be fine.', 'I wish they had told me what was missing.', 'The hiring manager laughed at my joke, so I got my hopes up.', 'Tomorrow I will go for a long walk and not check my inbox.', 'I prepared for days and it still was not enough.', 'Part of me is relieved, honestly.'],
    wins: ['My portfolio walkthrough went really well', 'I stayed calm during the live coding exercise', 'They praised my case study', 'I asked good questions about the team', 'I reached the final round out of 200 applicants', 'I negotiated the interview time for once'],
    reflect: ['I should have quantified my impact with numbers.', 'SQL at an expert level, apparently.', 'The system design discussion.', 'Shorter answers, clearer structure.', 'Tell me about a time you failed.', 'The year I led the migration project.', 'Internal candidate, maybe budget.'],
    loved: ['The small, focused team', 'Their mission around accessibility', 'Four-day work week', 'The office by the river', 'A manager who mentors', 'Hybrid with two office days'],
    criteria: ['Small team', 'Remote friendly', 'Commute over one hour', 'Mentoring culture', 'Product-led company', 'No on-call rota'],
    names: ['Sarah Miller', 'James Carter', 'Priya Shah', 'Tom Becker', 'Olivia Brown', 'Daniel Kim'],
    lessons: ['A rejection is information, not a verdict.', 'I am allowed to be disappointed and still keep going.', 'Preparation pays off even when the outcome does not.'],
    actions: ['Add a SQL project to the portfolio', 'Send a thank-you note to the recruiter', 'Ask Priya for a mock interview', 'Apply to two roles this week'],
  },
  de: {
    companies: ['Müller & Söhne GmbH', 'Bäckerei Schröder KG', 'Nordlicht Software AG', 'Grünwald Energie', 'Fischer Logistik', 'Süddeutsche Versicherung', 'Weißkopf Design'],
    roles: ['Produktmanagerin', 'Softwareentwickler (m/w/d)', 'Datenanalystin', 'Teamleitung Vertrieb', 'UX-Designerin', 'Projektkoordinator'],
    places: ['München', 'Berlin', 'Köln', 'Hamburg', 'Düsseldorf', 'Zürich', 'Wien'],
    via: ['Empfehlung von Jörg über LinkedIn', 'Stellenbörse', 'Karriereseite', 'Xing', 'Jobmesse in Köln'],
    rejection: ['Sehr geehrte Frau Schäfer,\n\nvielen Dank für Ihr Interesse. Leider haben wir uns für eine andere Kandidatin entschieden.\n\nMit freundlichen Grüßen\nIhr Recruiting-Team', 'Hallo,\n\nwir bedanken uns für das angenehme Gespräch. Nach reiflicher Überlegung können wir Ihnen leider keine Zusage geben.\n\nViele Grüße'],
    sentences: ['Ich war so nah dran – drei Runden!', 'Und dann „eine andere Kandidatin“. Schon wieder.', 'Ehrlich gesagt bin ich müde von diesem ständigen Warten.', 'Das Team wirkte herzlich, ich hätte mich dort wohlgefühlt.', 'Vielleicht habe ich zu lange über das alte Projekt geredet.', 'Die letzte Frage geht mir nicht aus dem Kopf.', 'Morgen gehe ich an die Isar und schaue nicht aufs Handy.', 'Ich habe mich tagelang vorbereitet und trotzdem hat es nicht gereicht.', 'Ein bisschen erleichtert bin ich auch.', 'Warum sagt einem niemand, was gefehlt hat?'],
    wins: ['Mein Portfolio wurde zweimal gelobt', 'Ich kam in die Finalrunde – gegen 120 Bewerbungen', 'Die Fallstudie lief richtig gut', 'Ich bin ruhig geblieben, obwohl es holprig war'],
    reflect: ['Ja, weitgehend.', 'SQL auf Expertenniveau', 'Die Fallstudie', 'Kürzer antworten', '„Wo sehen Sie sich in fünf Jahren?“', 'Das Auslandsjahr in Mailand', 'Interne Kandidatin, Budget'],
    loved: ['Das kreative Team', 'Die Mission: Nachhaltigkeit', 'Altstadt-Büro', 'Flexible Arbeitszeiten', 'Offene Feedbackkultur'],
    criteria: ['Kleines Team', 'Remote möglich', 'Pendeln über 1 Stunde', 'Weiterbildungsbudget', 'Keine Reisetätigkeit'],
    names: ['Jörg Weiß', 'Frau Özdemir', 'Anna Krüger', 'Lukas Bauer', 'Sophie Lehmann'],
    lessons: ['Absage ist Information, kein Urteil.', 'Ich darf enttäuscht sein und trotzdem weitermachen.'],
    actions: ['Portfolio um SQL-Projekt erweitern', 'Dankesmail an Frau Özdemir schicken', 'Zwei Bewerbungen diese Woche'],
  },
  it: {
    companies: ['Bottega Ricci S.r.l.', 'Gruppo Ferrari Servizi', 'Studio Bianchi & Associati', 'Luce Verde Energia', 'Caffè Moretti', 'Tessitura Colombo'],
    roles: ['Responsabile marketing', 'Sviluppatrice software', 'Analista dati', 'Product designer', 'Coordinatore di progetto'],
    places: ['Bologna', 'Milano', 'Torino', 'Roma', 'Firenze', 'Napoli'],
    via: ['LinkedIn', 'un amico in azienda', 'il sito dell\'azienda', 'un head hunter'],
    rejection: ['Gentile candidata,\n\nla ringraziamo per l\'interesse dimostrato. Purtroppo abbiamo deciso di proseguire con altri profili.\n\nCordiali saluti', 'Buongiorno,\n\ngrazie per il tempo dedicato ai colloqui. Al momento non possiamo darle un riscontro positivo.'],
    sentences: ['Perché proprio adesso? Ero così vicina…', 'Non mi hanno più risposto, nemmeno una riga.', 'Il colloquio era andato benissimo, o almeno così credevo.', 'Mi sento stanca ma non sconfitta.', 'Forse ho parlato troppo poco dei risultati concreti.', 'Domani esco a correre e non penso al lavoro.', 'Un po\' mi sento sollevata, lo ammetto.', 'Speravo davvero in questa possibilità.'],
    wins: ['Il colloquio è andato benissimo', 'Ho presentato il progetto con sicurezza', 'Mi hanno fatto i complimenti per il portfolio'],
    reflect: ['Abbastanza, sì.', 'Esperienza con budget grandi', 'La presentazione del caso', 'Rispondere con esempi concreti', 'Qual è il tuo più grande difetto?', 'Il master a Parigi', 'Candidato interno'],
    loved: ['La città, il cibo e l\'atmosfera', 'Il team giovane', 'La missione sociale', 'Lo smart working'],
    criteria: ['Team piccolo', 'Lavoro da remoto', 'Pendolarismo oltre un\'ora', 'Crescita professionale'],
    names: ['Giulia Rossi', 'Marco Conti', 'Chiara Esposito', 'Luca Romano'],
    lessons: ['Un no non definisce il mio valore.', 'Ogni colloquio mi rende più preparata.'],
    actions: ['Aggiornare il CV con i numeri', 'Scrivere a Marco per un consiglio', 'Candidarmi a tre posizioni'],
  },
  ar: {
    companies: ['شركة النور للتقنية', 'مجموعة الأفق القابضة', 'بنك الخليج الأول', 'شركة الواحة للطاقة', 'استوديو القمر للتصميم'],
    roles: ['مهندسة برمجيات أولى', 'مدير منتج', 'محللة بيانات', 'مصمم تجربة المستخدم', 'منسقة مشاريع'],
    places: ['دبي', 'الرياض', 'عمّان', 'القاهرة', 'الدوحة', 'بيروت'],
    via: ['لينكدإن', 'توصية من صديق', 'موقع الشركة', 'معرض التوظيف'],
    rejection: ['عزيزتي المرشحة،\n\nنشكرك على اهتمامك بالوظيفة. بعد دراسة متأنية قررنا المضي قدماً مع مرشحين آخرين.\n\nمع أطيب التحيات', 'مرحباً،\n\nشكراً لوقتك. للأسف لن نتمكن من المضي في طلبك في هذه المرحلة.'],
    sentences: ['كنت متحمسة جداً لهذه الفرصة.', 'ثلاث مقابلات ثم رسالة قصيرة جداً.', 'أشعر بالتعب لكنني لست مهزومة.', 'الفريق كان لطيفاً وتخيلت نفسي معهم.', 'ربما تحدثت كثيراً عن المشروع القديم.', 'غداً سأمشي طويلاً ولن أفتح بريدي.', 'أتمنى لو أخبروني بما كان ينقصني.', 'بصراحة، أشعر ببعض الارتياح أيضاً.'],
    wins: ['قدمت عرضاً ممتازاً لمشروعي', 'وصلت إلى المرحلة النهائية', 'بقيت هادئة خلال الاختبار العملي'],
    reflect: ['نعم إلى حد كبير.', 'خبرة أعمق في قواعد البيانات', 'دراسة الحالة', 'إجابات أقصر وأوضح', 'ما هي أكبر نقاط ضعفك؟', 'سنة العمل في الخارج', 'مرشح داخلي، الميزانية'],
    loved: ['الفريق الصغير المتعاون', 'رسالة الشركة في التعليم', 'المكتب قرب البحر', 'العمل المرن'],
    criteria: ['فريق صغير', 'العمل عن بعد', 'تنقل أكثر من ساعة', 'فرص للتعلم'],
    names: ['ليلى حداد', 'عمر خالد', 'سارة يوسف', 'أحمد منصور'],
    lessons: ['الرفض معلومة، وليس حكماً.', 'كل مقابلة تجعلني أقوى.'],
    actions: ['أرسل رسالة شكر إلى مسؤولة التوظيف', 'أضيف مشروعاً جديداً إلى ملفي', 'أتقدم لوظيفتين هذا الأسبوع'],
  },
};
const LANG_WEIGHTS = [['en', 0.45], ['de', 0.25], ['it', 0.15], ['ar', 0.15]];
const EMOJI = ['😤', '🎉', '💪🏽', '🌙', '😔', '🙂', '☕', '🚶‍♀️', '📅', '✨', '😅', '❤️'];
const EMOTIONS = ['angry', 'sad', 'frustrated', 'disappointed', 'embarrassed', 'anxious', 'relieved', 'numb', 'hopeful', 'tired'];
const STEPS = ['vent', 'wins', 'reflect', 'feedback', 'loved', 'criteria', 'army', 'resilience'];
const OFFSETS = [0, 60, 120, 240, 330, -300, -240];

const pad = (n, w = 2) => String(n).padStart(w, '0');
function isoTimestamp(ms, offsetMinutes) {
  const d = new Date(ms + offsetMinutes * 60000);
  const base = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}`;
  if (offsetMinutes === 0) return `${base}Z`;
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${base}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}
const isoDate = (ms) => new Date(ms).toISOString().slice(0, 10);
const DAY = 86400000;

export function generateJournal({ reflections = 10000, seed = 1, end = Date.now() } = {}) {
  const r = rng(seed);
  const language = () => {
    let x = r.next();
    for (const [code, w] of LANG_WEIGHTS) { if ((x -= w) < 0) return LANG[code]; }
    return LANG.en;
  };
  const emojify = (text) => (r.chance(0.3) ? `${text} ${r.pick(EMOJI)}` : text);
  // A paragraph of `n` sentences, occasionally switching language mid-text as bilingual people do.
  const paragraph = (L, n) => {
    const out = [];
    for (let i = 0; i < n; ++i) out.push(emojify(r.pick(r.chance(0.08) ? language().sentences : L.sentences)));
    return out.join(' ');
  };
  const letter = (L) => {
    const paragraphs = r.int(1, 4);
    const out = [];
    for (let i = 0; i < paragraphs; ++i) out.push(paragraph(L, r.int(2, 6)));
    return out.join('\n\n');
  };
  const maybe = (p, make) => (r.chance(p) ? make() : '');

  const span = 6 * 365 * DAY;  // six years of job hunting, oldest first
  const journal = {
    format: 'debrief-journal',
    version: 1,
    exported_at: isoTimestamp(end, 60),
    settings: {
      modified: isoTimestamp(end - 3 * DAY, 60),
      profile_choices: [
        { key: 'small team', kind: 'must_have' },
        { key: 'remote friendly', kind: 'nice_to_have' },
        { key: 'pendeln uber 1 stunde', kind: 'deal_breaker' },
      ],
      search_location: 'München',
    },
    reflections: [],
    contacts: [],
    messages: [],
    reminders: [],
  };

  for (let i = 0; i < reflections; ++i) {
    const L = language();
    const offset = r.pick(OFFSETS);
    const created = end - span + Math.floor((i / reflections) * span) + r.int(0, 3600000);
    const modified = created + r.int(0, 5 * DAY);
    const applied = created - r.int(10, 60) * DAY;
    const interviewed = created - r.int(1, 9) * DAY;
    // How far the person got through the eight steps: most finish, some stop early.
    const reached = r.chance(0.55) ? 8 : r.int(0, 7);
    const steps = {};
    STEPS.forEach((s, k) => { steps[s] = k < reached ? (r.chance(0.1) ? 'skipped' : 'done') : 'untouched'; });
    const done = (k) => k < reached;
    const id = r.uuid();
    const company = r.pick(L.companies);
    const army = done(6) ? Array.from({ length: r.int(0, 3) }, () => ({ id: r.uuid(), name: r.pick(L.names), contact_id: null, told: r.chance(0.5) })) : [];
    journal.reflections.push({
      id,
      created: isoTimestamp(created, offset),
      modified: isoTimestamp(modified, offset),
      deleted: r.chance(0.02) ? isoTimestamp(modified + DAY, offset) : null,
      company,
      role: r.pick(L.roles),
      location: r.pick(L.places),
      found_via: maybe(0.7, () => r.pick(L.via)),
      stage: r.pick(['applied', 'screen', 'interview', 'interview', 'final_round', 'offer']),
      ending: r.pick(['rejected', 'rejected', 'rejected', 'ghosted', 'withdrew']),
      applied_on: r.chance(0.8) ? isoDate(applied) : null,
      last_interview_on: r.chance(0.6) ? isoDate(interviewed) : null,
      rejected_on: r.chance(0.9) ? isoDate(created) : null,
      rejection_message: maybe(0.6, () => r.pick(L.rejection)),
      current_step: STEPS[Math.min(reached, 7)],
      steps,
      vent: {
        letter: done(0) ? letter(L) : '',
        mood_before: r.chance(0.85) ? r.int(0, 6) : null,
        emotions: done(0) ? Array.from(new Set(Array.from({ length: r.int(0, 3) }, () => r.pick(EMOTIONS)))) : [],
      },
      wins: done(1) ? Array.from({ length: r.int(1, 4) }, () => ({ id: r.uuid(), text: emojify(r.pick(L.wins)), really_helped: r.chance(0.4) })) : [],
      reflect: done(2) ? {
        fit: r.pick(L.reflect), missing_skills: r.pick(L.reflect), went_well: r.pick(L.reflect), do_better: paragraph(L, r.int(1, 2)),
        tripped_questions: r.pick(L.reflect), should_have_highlighted: r.pick(L.reflect), likely_reasons: r.pick(L.reflect),
      } : { fit: '', missing_skills: '', went_well: '', do_better: '', tripped_questions: '', should_have_highlighted: '', likely_reasons: '' },
      feedback: done(3) ? {
        recruiter_name: r.pick(L.names), recruiter_email: `recruiting${r.int(1, 99)}@example.com`,
        ask_about_similar_role: r.chance(0.3), similar_role: maybe(0.3, () => r.pick(L.roles)), sent: r.chance(0.6),
      } : { recruiter_name: '', recruiter_email: '', ask_about_similar_role: false, similar_role: '', sent: false },
      loved: done(4) ? Array.from({ length: r.int(1, 3) }, () => ({ id: r.uuid(), text: r.pick(L.loved), tag: r.pick(['role', 'company', 'team', 'place', 'mission', 'other']), weight: r.int(1, 5) })) : [],
      criteria: done(5) ? Array.from({ length: r.int(1, 3) }, () => ({ id: r.uuid(), text: r.pick(L.criteria), kind: r.pick(['must_have', 'nice_to_have', 'deal_breaker']) })) : [],
      army,
      army_note: done(6) ? maybe(0.5, () => paragraph(L, r.int(1, 3))) : '',
      resilience: done(7) ? { lesson: r.pick(L.lessons), next_action: r.pick(L.actions), mood_after: r.int(3, 10) } : { lesson: '', next_action: '', mood_after: null },
    });

    // Around them, the people and messages a real journal accumulates (about 1 in 20 reflections).
    if (i % 20 === 0) {
      const contactId = r.uuid();
      const name = r.pick(L.names);
      journal.contacts.push({
        id: contactId, created: isoTimestamp(created, offset), modified: isoTimestamp(modified, offset), deleted: null,
        name, role: 'Recruiter', company, channel: r.pick(['email', 'linkedin', 'phone', 'in_person', 'other']),
        email: `contact${i}@example.com`, relationship: 'recruiter', last_contact: isoDate(created), reflection_id: id, notes: maybe(0.5, () => paragraph(L, 1)),
      });
      const messageId = r.uuid();
      journal.messages.push({
        id: messageId, created: isoTimestamp(created, offset), modified: isoTimestamp(modified, offset), deleted: null,
        kind: r.pick(['feedback_reply', 'follow_up', 'check_in', 'network_note']), reflection_id: id, contact_id: contactId,
        to: `contact${i}@example.com`, subject: `${company} – ${r.pick(L.roles)}`, body: paragraph(L, r.int(3, 6)),
        status: r.pick(['draft', 'sent', 'replied']), sent_on: r.chance(0.5) ? isoDate(created + DAY) : null, replied_on: null, reply_notes: '',
      });
      journal.reminders.push({
        id: r.uuid(), created: isoTimestamp(created, offset), modified: isoTimestamp(modified, offset), deleted: null,
        kind: r.pick(['follow_up', 'check_in', 'feedback', 'custom']), title: `${r.pick(L.actions)} ${r.chance(0.3) ? r.pick(EMOJI) : ''}`.trim(),
        due: isoDate(created + 14 * DAY), reflection_id: id, contact_id: contactId, message_id: messageId,
        done: created + 14 * DAY < end, done_on: created + 14 * DAY < end ? isoDate(created + 15 * DAY) : null, snoozed_until: null,
      });
    }
  }
  return journal;
}

// The canonical-looking text Debrief itself writes: 2-space indent, UTF-8, final newline.
export function journalText(journal) {
  return `${JSON.stringify(journal, null, 2)}\n`;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const option = (name, fallback, parse = Number) => {
    const i = args.indexOf(name);
    if (i < 0) return fallback;
    const [value] = args.splice(i, 2).slice(1);
    return parse(value);
  };
  const reflections = option('--reflections', 10000);
  const seed = option('--seed', 1);
  const end = option('--end', Date.now(), Date.parse);
  const out = args[0];
  if (!out || !Number.isFinite(end)) {
    console.error('usage: node bench/generate_journal.mjs [--reflections N] [--seed S] [--end ISO-8601 time] <out.json>');
    process.exit(2);
  }
  const text = journalText(generateJournal({ reflections, seed, end }));
  await writeFile(out, text);
  console.log(`${out}: ${reflections} reflections, ${(Buffer.byteLength(text) / 1048576).toFixed(1)} MB`);
}
