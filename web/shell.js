// Page glue for the WebAssembly app: capability checks, start-up (fonts, storage), the overlay of
// native text fields and accessible mirror elements, clipboard, downloads and file picking.
// The C++ side calls `Debrief.*`; tests read `window.debrief` (frames, state, pending(), settled()).
'use strict';

window.debrief = { frames: 0, state: 'loading', errors: [] };

const Debrief = (() => {
  const overlay = () => document.getElementById('overlay');
  const statusText = (text) => { document.getElementById('status-text').textContent = text; };
  const call = (name, ...args) => Module['_' + name](...args);

  // Passes a JS string to C++ as UTF-8 on the heap, as (pointer, byte length): never NUL-terminated,
  // since text a person typed or imported may hold U+0000 and C++ would stop reading there. TextEncoder
  // writes a lone surrogate as U+FFFD (EF BF BD); Emscripten's stringToUTF8 paired it with whatever
  // followed, swallowing that character. (On the heap: ccall's stack copy is too small for long texts.)
  const encoder = new TextEncoder();
  function withString(text, fn) {
    const bytes = encoder.encode(text);
    const ptr = _malloc(bytes.length || 1);
    try {
      HEAPU8.set(bytes, ptr); // read HEAPU8 after _malloc: growing the memory replaces it
      return fn(ptr, bytes.length);
    } finally {
      _free(ptr);
    }
  }

  // A lone surrogate (a paste that split an emoji) is stored as U+FFFD, so the field shows U+FFFD too:
  // what you see is what is stored. One UTF-16 unit for one, so the caret and selection stay put.
  const wellFormed = (text) => (text.toWellFormed ? text.toWellFormed()
    : text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd'));
  function showWellFormed(el) {
    const fixed = wellFormed(el.value);
    if (fixed === el.value) return;
    const [start, end, direction] = [el.selectionStart, el.selectionEnd, el.selectionDirection];
    el.value = fixed;
    if (start !== null && document.activeElement === el) el.setSelectionRange(start, end, direction);
  }

  // A character outside the BMP typed as one key (an emoji key, Windows' touch keyboard) reaches
  // Firefox's fields, and Chrome's on Windows, as two input events, one per UTF-16 unit
  // (w3c/uievents#227): the first inserts a high surrogate alone, just before the caret. Its other
  // half is the next event: wait for it instead of making it U+FFFD or storing it. (A paste that
  // split a pair is not waited for: nothing else is coming.)
  function awaitingLowSurrogate(el, e) {
    const high = (unit) => unit >= 0xd800 && unit <= 0xdbff;
    if (e.inputType !== 'insertText' || !e.data || e.data.length !== 1 || !high(e.data.charCodeAt(0))) return false;
    const at = el.selectionStart;
    return !!at && at === el.selectionEnd && high(el.value.charCodeAt(at - 1));
  }

  // A one-line field given a value with a line break (an imported journal, another app's copy) cannot
  // show it in an <input>, which drops line breaks from its value, so the next keystroke would store
  // the text without it. Such a field is a one-row <textarea> instead: the break is kept, shown (the
  // second line is a scroll away) and deletable like any character, and Enter still adds none. This is
  // what a person would expect: the text they were given, unchanged until they change it; a stand-in
  // mark (say U+2424) could not be told from the same mark typed on purpose. Only "\n" stays exact: a
  // textarea reports "\r\n" and "\r" as "\n", as multi-line fields do.
  const needsArea = (f) => !f.multi && f.type === 'text' && 'value' in f && /[\r\n]/.test(f.value);

  function setState(state) {
    window.debrief.state = state;
    document.body.dataset.state = state;
  }

  // Shown before the wasm (and its catalogues) can run, so they live here, in each interface language.
  const failureTexts = {
    en: {
      wasm: 'Debrief needs WebAssembly, which this browser does not offer. Please open it in a current version of Chrome, Edge, Firefox or Safari.',
      webgl2: 'Debrief draws its screens with WebGL 2, which is turned off or unavailable in this browser. Please enable hardware acceleration or try another browser. Your journal is safe on this device.',
      fonts: 'Debrief could not load its fonts. Please reload the page; if you are offline, connect once so Debrief can store itself for offline use.',
      load: 'Debrief could not start. Please reload the page. Your journal is stored on this device and has not been touched.',
    },
    de: {
      wasm: 'Debrief braucht WebAssembly, das dieser Browser nicht bietet. Bitte öffne es in einer aktuellen Version von Chrome, Edge, Firefox oder Safari.',
      webgl2: 'Debrief zeichnet seine Ansichten mit WebGL 2, das in diesem Browser ausgeschaltet oder nicht verfügbar ist. Bitte schalte die Hardwarebeschleunigung ein oder nimm einen anderen Browser. Dein Tagebuch ist auf diesem Gerät sicher.',
      fonts: 'Debrief konnte seine Schriften nicht laden. Bitte lade die Seite neu; wenn du offline bist, verbinde dich einmal, damit Debrief sich für die Offline-Nutzung speichern kann.',
      load: 'Debrief konnte nicht starten. Bitte lade die Seite neu. Dein Tagebuch liegt auf diesem Gerät und wurde nicht angerührt.',
    },
    it: {
      wasm: 'Debrief ha bisogno di WebAssembly, che questo browser non offre. Aprilo in una versione recente di Chrome, Edge, Firefox o Safari.',
      webgl2: 'Debrief disegna le sue schermate con WebGL 2, che in questo browser è disattivato o non disponibile. Attiva l’accelerazione hardware o prova un altro browser. Il tuo diario è al sicuro su questo dispositivo.',
      fonts: 'Debrief non è riuscito a caricare i suoi caratteri. Ricarica la pagina; se sei offline, collegati una volta perché Debrief possa salvarsi per l’uso offline.',
      load: 'Debrief non è riuscito ad avviarsi. Ricarica la pagina. Il tuo diario è salvato su questo dispositivo e non è stato toccato.',
    },
    ar: {
      wasm: 'يحتاج Debrief إلى WebAssembly، وهذا المتصفح لا يوفّره. يُرجى فتحه في إصدار حديث من Chrome أو Edge أو Firefox أو Safari.',
      webgl2: 'يرسم Debrief شاشاته باستخدام WebGL 2، وهو معطّل أو غير متاح في هذا المتصفح. يُرجى تفعيل تسريع الأجهزة أو تجربة متصفح آخر. يومياتك آمنة على هذا الجهاز.',
      fonts: 'تعذّر على Debrief تحميل خطوطه. يُرجى إعادة تحميل الصفحة؛ وإن كنت دون اتصال، فاتصل مرة واحدة ليحفظ Debrief نفسه للاستخدام دون اتصال.',
      load: 'تعذّر تشغيل Debrief. يُرجى إعادة تحميل الصفحة. يومياتك محفوظة على هذا الجهاز ولم تُمَس.',
    },
  };
  const openingTexts = { en: 'Opening your journal…', de: 'Dein Tagebuch wird geöffnet…', it: 'Sto aprendo il tuo diario…', ar: 'جارٍ فتح يومياتك…' };

  // The language to start in, before C++ runs: the one this device last showed (a hint kept by
  // languageChanged; the journal holds the real choice), else the first of the browser's languages
  // Debrief speaks, else English. C++ decides again once the journal is read (platform/language_web.cpp).
  const languages = ['en', 'de', 'it', 'ar'];
  const hintKey = 'debrief.language';
  function startLanguage() {
    let hint = null;
    try { hint = localStorage.getItem(hintKey); } catch { /* storage blocked: use the browser's */ }
    if (languages.includes(hint)) return hint;
    const tags = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || ''];
    for (const tag of tags) {
      const code = String(tag).split(/[-_]/)[0].toLowerCase();
      if (languages.includes(code)) return code;
    }
    return 'en';
  }
  const firstLanguage = startLanguage();
  const failures = failureTexts[firstLanguage];

  function fail(reason) {
    setState('failed');
    statusText(failures[reason] || failures.load);
    whenRunning(); // the worker may still hold (or fetch) a build that works
  }

  // Whether the last input came from the keyboard (a pointer or touch resets it).
  let keyboardUser = false;
  addEventListener('keydown', (e) => { if (e.key === 'Tab' || e.key === 'Enter' || e.key === ' ') keyboardUser = true; }, true);
  addEventListener('pointerdown', () => { keyboardUser = false; }, true);

  // Scrolled away: kept in reading order, parked with no size at the nearest edge of the page (never
  // past it, or focusing it would scroll the page itself; no size, so nothing can be pointed at there
  // and tests still scroll to what they click); focus scrolls ImGui to it.
  const parked = (x, y) => `left:${x}px;top:${Math.min(Math.max(y, 0), window.innerHeight - 1)}px;width:0;height:0;overflow:hidden`;

  // ---- native text fields -------------------------------------------------------------------
  const fields = {
    els: new Map(),
    sync(list) {
      const seen = new Set();
      for (const f of list) {
        seen.add(f.id);
        let el = this.els.get(f.id);
        // A one-line textarea stays one until C++ sends a value without a break while it is not focused.
        const area = f.multi || needsArea(f) || (!!el && el._area && !('value' in f && document.activeElement !== el));
        if (!el || el._multi !== f.multi || el._area !== area || (!area && el.type !== f.type)) {
          const kept = el ? el.value : '';  // C++ sends a value only when the model changed it
          if (el) el.remove();
          el = this.create(f, area);
          el.value = kept;
        }
        this.update(el, f);
      }
      for (const [id, el] of this.els) {
        if (!seen.has(id)) {
          el.remove();
          this.els.delete(id);
        }
      }
      order(overlay());
      // C++ asked for focus here (a new screen, step or list row): its 'focus' event scrolls it in.
      const wanted = list.find((f) => f.focus);
      const target = wanted && this.els.get(wanted.id);
      // Keyboard users only: on a touch screen focusing a field would pop up the soft keyboard.
      if (target && !target.hidden && keyboardUser && document.activeElement !== target) target.focus({ preventScroll: true });
    },
    create(f, area) {
      const el = document.createElement(area ? 'textarea' : 'input');
      el._multi = f.multi;
      el._area = area;
      el._id = f.id;
      el._height = 0;
      el.className = 'field';
      fitDirection(el);
      el.spellcheck = true;
      el.autocomplete = 'off';
      if (!area) el.type = f.type;
      // A date is one field: Tab leaves it (Chromium and Firefox would step through day, month and
      // year first; the arrow keys still move between them) and the phone opens its own picker.
      if (!area && f.type === 'date') el.addEventListener('keydown', (e) => tabPast(el, e));
      if (area && !f.multi) {
        el.rows = 1;
        el.classList.add('one-line');
        el.addEventListener('keydown', (e) => { if (e.key === 'Enter') e.preventDefault(); });
      }
      el.addEventListener('input', (e) => {
        if (!e.isComposing && awaitingLowSurrogate(el, e)) return;
        fitDirection(el);
        if (!e.isComposing) showWellFormed(el);
        withString(el.value, (ptr, length) => call('debrief_field_input', el._id, ptr, length));
        if (el._parked) call('debrief_field_focus', el._id);  // typing where it cannot be seen: show it
        this.measure(el);
      });
      el.addEventListener('focus', () => call('debrief_field_focus', el._id));
      // The canvas below must not see events meant for the field (it would steal focus).
      for (const type of ['mousedown', 'mouseup', 'mousemove', 'touchstart', 'touchend', 'pointerdown', 'keydown']) {
        el.addEventListener(type, (e) => e.stopPropagation(), { passive: true });
      }
      // Scrolling over a field scrolls the page, unless the field itself still has text to scroll.
      const canScroll = (dy) => el._area && (dy > 0 ? el.scrollTop + el.clientHeight < el.scrollHeight - 1 : el.scrollTop > 0);
      // In the app's own coordinates: it may sit below a notch (shell.css, the safe area).
      const scrollPage = (x, y, dy) => {
        const app = document.getElementById('app').getBoundingClientRect();
        call('debrief_scroll_by', x - app.left, y - app.top, dy);
      };
      el.addEventListener('wheel', (e) => {
        e.stopPropagation();
        const dy = e.deltaMode === 1 ? e.deltaY * 40 : e.deltaY;
        if (!canScroll(dy)) { e.preventDefault(); scrollPage(e.clientX, e.clientY, dy); }
      }, { passive: false });
      let lastY = null;
      el.addEventListener('touchstart', (e) => { lastY = e.touches[0].clientY; }, { passive: true });
      el.addEventListener('touchmove', (e) => {
        e.stopPropagation();
        const t = e.touches[0];
        const dy = lastY === null ? 0 : lastY - t.clientY;
        lastY = t.clientY;
        if (!canScroll(dy)) { e.preventDefault(); scrollPage(t.clientX, t.clientY, dy); }
      }, { passive: false });
      this.els.set(f.id, el);
      overlay().appendChild(el);
      return el;
    },
    update(el, f) {
      el.dataset.seq = f.seq;
      el._parent = f.parent;
      mirror.place(el, f.parent);
      const [x, y, w, h] = f.rect;
      // Scrolled away: parked as the mirror's controls are (still read, and reached by Tab, in its
      // place; focus brings it into view), and unseen: an empty box must not show at the edge.
      el._parked = f.offscreen;
      const style = f.offscreen ? `${parked(x, y)};padding:0;border-width:0;opacity:0` : `left:${x}px;top:${y}px;width:${w}px;height:${h}px;` +
        `clip-path:inset(${Math.max(0, f.clip[1])}px ${Math.max(0, f.clip[2])}px ${Math.max(0, f.clip[3])}px ${Math.max(0, f.clip[0])}px)`;
      if (el._style !== style) { el.style.cssText = style; el._style = style; }
      if (el.getAttribute('aria-label') !== f.label) el.setAttribute('aria-label', f.label);
      if (el.placeholder !== f.placeholder) el.placeholder = f.placeholder;
      if (el.hidden !== f.hidden) {
        if (f.hidden && document.activeElement === el) el.blur();
        el.hidden = f.hidden;
      }
      if ('value' in f && el.value !== f.value) {
        el.value = f.value;
        fitDirection(el);
        this.measure(el);
      } else if (el._multi && el._height === 0) {
        this.measure(el);
      }
    },
    // Multi-line fields grow with their text: report the height the content needs.
    measure(el) {
      if (!el._multi || el.hidden || el._parked) return;
      const saved = el.style.height;
      el.style.height = '0px';
      const needed = el.scrollHeight + 2;
      el.style.height = saved;
      if (Math.abs(needed - el._height) > 1) {
        el._height = needed;
        call('debrief_field_height', el._id, needed);
      }
    },
  };

  // Moves focus to the next (Shift: previous) tabbable element in document order, which order()
  // keeps equal to the visual order of fields and mirrored items.
  function tabPast(el, e) {
    if (e.key !== 'Tab' || e.altKey || e.ctrlKey || e.metaKey) return;
    const tabbable = [...document.querySelectorAll('input, textarea, button, select, a[href], [tabindex]')]
      .filter((x) => x.tabIndex >= 0 && !x.disabled && !x.hidden && !x.closest('[hidden], [inert]') && x.getClientRects().length > 0);
    const to = tabbable[tabbable.indexOf(el) + (e.shiftKey ? -1 : 1)];
    if (!to) return; // the first or last stop: leave it to the browser (out to its own interface)
    e.preventDefault();
    to.focus();
  }

  // Typed text reads in its own direction (dir="auto": an Arabic note in the English interface, a
  // Latin company name in the Arabic one). An empty field has no text to decide by, and Chromium
  // then makes dir="auto" left-to-right: it takes the page's direction instead, so the caret and the
  // placeholder start on the interface's side.
  function fitDirection(el) {
    if (el.value.trim() === '') el.removeAttribute('dir');
    else if (el.dir !== 'auto') el.dir = 'auto';
  }

  // ---- accessible mirror of ImGui items -----------------------------------------------------
  // Regions (landmarks, tab lists, radio groups, lists) are plain containers nested as the frame
  // nested them; controls, texts and native fields sit inside their region, each absolutely placed
  // over its ImGui item (regions themselves take no room, so positions stay relative to #overlay).
  const mirror = {
    els: new Map(),
    regions: new Map(),
    key: '',
    container(parent) { return (parent && this.regions.get(parent)) || overlay(); },
    // Puts an element into its region, never moving the focused element (that would blur it).
    place(el, parent) {
      const target = this.container(parent);
      if (el.parentNode !== target && el !== document.activeElement && !el.contains(document.activeElement)) {
        target.appendChild(el);
      }
    },
    syncRegions(list) {
      const keep = new Set(list.map((r) => r.id));
      for (const r of list) {
        let el = this.regions.get(r.id);
        if (!el) {
          el = document.createElement('div');
          el.className = 'region';
          this.regions.set(r.id, el);
        }
        el.dataset.seq = r.seq;
        if (el.getAttribute('role') !== r.role) el.setAttribute('role', r.role);
        if (r.name) { if (el.getAttribute('aria-label') !== r.name) el.setAttribute('aria-label', r.name); }
        else el.removeAttribute('aria-label');
        if (r.rove) el.dataset.rove = ''; else delete el.dataset.rove;
        // A list item's place when the list lays out only part of itself (the journal's cards).
        for (const [attr, value] of [['aria-posinset', r.pos], ['aria-setsize', r.size]]) {
          if (value) { if (el.getAttribute(attr) !== String(value)) el.setAttribute(attr, String(value)); }
          else el.removeAttribute(attr);
        }
        this.describe(el, r.hint);
        el._parent = r.parent;
      }
      for (const r of list) this.place(this.regions.get(r.id), r.parent);
      return keep;
    },
    sync(frame) {
      const items = frame.items;
      const key = items.map((i) => `${i.id}|${i.role}|${i.name}|${i.level}`).join('\n');
      // Controls only go when the items change: only then can focus lose its control.
      const before = key !== this.key ? this.focusPlace() : null;
      const keepRegions = this.syncRegions(frame.regions);
      if (key !== this.key) {
        this.key = key;
        const keep = new Set(items.map((i) => i.id));
        for (const [id, el] of this.els) {
          if (!keep.has(id) || el._role !== items.find((i) => i.id === id).role) { el.remove(); this.els.delete(id); }
        }
        for (const item of items) {
          if (!this.els.has(item.id)) this.els.set(item.id, this.create(item));
        }
      }
      for (const item of items) {
        const el = this.els.get(item.id);
        this.update(el, item);
        this.place(el, item.parent);
      }
      for (const el of fields.els.values()) this.place(el, el._parent);
      // Regions gone from the frame: whatever they still hold has been placed elsewhere above.
      for (const [id, el] of this.regions) {
        if (!keepRegions.has(id)) {
          for (const child of Array.from(el.children)) overlay().appendChild(child);
          if (el._hint) el._hint.remove();
          el.remove();
          this.regions.delete(id);
        }
      }
      order(overlay());
      this.rove();
      this.speak(frame);
      this.arrive(frame, before);
      this.restore();
      this.refocus(before);
    },
    // The controls a person can reach, in reading order.
    controls() {
      return Array.from(overlay().querySelectorAll('.mirror, .field')).filter((el) => !el.hidden && !el.disabled);
    },
    // Where focus is among the controls, to follow it if its control goes with this frame.
    focusPlace() {
      const active = document.activeElement;
      if (!active || !overlay().contains(active)) return null;
      const all = this.controls();
      const at = all.indexOf(active);
      return at < 0 ? null : { active, before: all.slice(0, at).reverse(), after: all.slice(at + 1) };
    },
    // The focused control went away (its row removed, "Mark done" replaced by its undo): focus goes
    // to what took its place, else to the next control, else to the one before, so a keyboard or
    // screen reader user goes on from where they were instead of from the top of the page.
    refocus(place) {
      if (!place || place.active.isConnected) return;
      const active = document.activeElement;
      if (active && active !== document.body && active.isConnected) return;  // a screen's heading took it
      const all = this.controls();
      const known = new Set([...place.before, ...place.after]);
      const previous = place.before.find((el) => el.isConnected);
      const next = all[previous ? all.indexOf(previous) + 1 : 0];
      const target = (next && !known.has(next) ? next : null) || place.after.find((el) => el.isConnected) || previous;
      if (target) target.focus();
    },
    // A region's hint (how to move within it) as its description: a hidden element it points to,
    // read after the name and never as content of its own.
    describe(el, hint) {
      let note = el._hint;
      if (!hint) {
        if (note) { note.remove(); el._hint = null; el.removeAttribute('aria-describedby'); }
        return;
      }
      if (!note) {
        // Kept outside the overlay, whose children are ordered by their place in the frame.
        note = document.createElement('span');
        note.hidden = true;
        note.id = `hint-${++this.hints}`;
        el._hint = note;
        document.body.appendChild(note);
        el.setAttribute('aria-describedby', note.id);
      }
      if (note.textContent !== hint) note.textContent = hint;
    },
    hints: 0,
    // The sets that are one Tab stop, and which of their elements take part.
    sets: [
      ['[role="radiogroup"]', '[role="radio"]'],
      ['[role="tablist"]', '[role="tab"]'],
      ['[role="toolbar"]', 'button.mirror'],
      ['[data-rove]', '[role="checkbox"]'],
    ],
    members(set) {
      const entry = this.sets.find(([container]) => set.matches(container));
      return entry ? Array.from(set.querySelectorAll(entry[1])) : [];
    },
    // Radio groups, tab lists, toolbars and groups of checkboxes are one Tab stop each (WAI-ARIA's
    // radio group, tabs and toolbar patterns, and a roving group of checkboxes): only one member is
    // in the tab order (the checked radio, the selected tab, the toolbar's main action, the checkbox
    // last moved to; else the first), and the arrow keys move between the others (keydown below).
    // The one that has focus keeps it.
    rove() {
      for (const [container] of this.sets) {
        for (const set of overlay().querySelectorAll(container)) {
          const members = this.members(set);
          const current = members.find((m) => m === document.activeElement) ||
            members.find((m) => m.getAttribute('aria-checked') === 'true' && m.getAttribute('role') === 'radio') ||
            members.find((m) => m.getAttribute('aria-selected') === 'true') ||
            members.find((m) => m.dataset.primary !== undefined) ||
            (members.includes(set._current) ? set._current : null) || members[0];
          this.enter(members, current);
        }
      }
    },
    enter(members, current) {
      for (const member of members) {
        const index = member === current ? 0 : -1;
        if (member.tabIndex !== index) member.tabIndex = index;
      }
    },
    // Arrow keys within a radio group choose the next or previous radio; within a tab list, a
    // toolbar or a group of checkboxes they only move focus (Enter or Space opens the tab, presses
    // the button, ticks the box: a step is not left by a stray arrow key). Home and End go to the
    // first and last. In a right-to-left page the next one is to the left.
    step(el, e) {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      const set = el.parentElement && el.parentElement.closest(this.sets.map(([container]) => container).join(', '));
      if (!set) return;
      const members = this.members(set);
      const at = members.indexOf(el);
      if (at < 0) return;
      const rtl = document.documentElement.dir === 'rtl';
      const toolbar = set.getAttribute('role') === 'toolbar';  // a row: Up and Down are left alone
      const forward = { ArrowRight: rtl ? -1 : 1, ArrowLeft: rtl ? 1 : -1, ...(toolbar ? {} : { ArrowDown: 1, ArrowUp: -1 }) }[e.key];
      let to = null;
      if (forward) to = members[(at + forward + members.length) % members.length];
      else if (e.key === 'Home') to = members[0];
      else if (e.key === 'End') to = members[members.length - 1];
      if (!to) return;
      e.preventDefault();
      e.stopPropagation();  // moving within the set does not scroll the journal too
      set._current = to;
      this.enter(members, to);
      to.focus();
      if (to.getAttribute('role') === 'radio') call('debrief_activate', to._id);
    },
    // Status lines (the search's result count, a save that failed) are spoken when their text
    // changes on a screen that shows them, never as the screen is arrived at.
    statuses: {},
    speak(frame) {
      const now = frame.status || {};
      for (const [key, text] of Object.entries(now)) {
        const before = this.statuses[key];
        if (text && before !== undefined && text !== before) announce(text);
      }
      this.statuses = now;
    },
    // Escape presses the control that closes what is open (a menu, the import preview): the last
    // one in the frame, the innermost. Focus then goes back to the control that opened it.
    dismiss(e) {
      if (e.key !== 'Escape' || e.isComposing || e.defaultPrevented) return;
      const closers = Array.from(overlay().querySelectorAll('[data-dismiss]'));
      const closer = closers[closers.length - 1];
      if (!closer) return;
      e.preventDefault();
      this.restoring = { from: closer._id, to: closer._opener !== undefined ? closer._opener : closer._id };
      call('debrief_activate', closer._id);
    },
    // Once the closed thing is gone: focus on its opener, if focus was left with nothing (on the
    // page) or on something that went away with it.
    restore() {
      const r = this.restoring;
      if (!r) return;
      const closer = this.els.get(r.from);
      if (closer && closer.dataset.dismiss !== undefined) return;  // not closed yet
      this.restoring = null;
      const to = this.els.get(r.to);
      const active = document.activeElement;
      if (to && (!active || active === document.body || !active.isConnected)) to.focus();
    },
    // A new screen or step: say where the person is, and put focus on its heading (a screen's
    // title, or the step's), unless they are typing in a field or this is the first frame. Gone back
    // to the place just left (`frame.back`: out of a draft, from a reflection to the journal), focus
    // goes to the control that led away instead. `before`: where focus was before this frame.
    arrive(frame, before) {
      if (frame.place === this.where) return;
      const first = this.where === undefined;
      const left = this.left;
      this.left = before && before.active._id !== undefined ? { place: this.where, id: before.active._id } : null;
      this.where = frame.place;
      if (first) return;
      // A status from the last place ("Step 1 of 8: Let it out") would be read at the end of the
      // next screen as if it were still true: it goes, unless the new place says something itself.
      announce(frame.announce || '');
      const active = document.activeElement;
      if (active && active !== document.body && !active.classList.contains('mirror')) return;
      const opener = frame.back && left && left.place === frame.place ? this.els.get(left.id) : null;
      const target = opener || this.title();
      if (target) target.focus({ preventScroll: true });
    },
    // The screen's or the step's title: the last heading C++ drew as a title (widgets.cpp heading()),
    // else the first heading of the main region.
    title() {
      const main = overlay().querySelector('[role="main"]') || overlay();
      const titles = main.querySelectorAll('.mirror-text[data-title]');
      return titles[titles.length - 1] || main.querySelector('.mirror-text[role="heading"]');
    },
    create(item) {
      // A progress bar is read with its value; it is not operated, so never in the tab order.
      if (item.role === 'progressbar') {
        const bar = document.createElement('div');
        bar._role = item.role;
        bar._id = item.id;
        bar.className = 'mirror-progress';
        bar.setAttribute('role', 'progressbar');
        bar.setAttribute('aria-label', item.name);
        bar.setAttribute('aria-valuemin', '0');
        bar.setAttribute('aria-valuemax', '100');
        return bar;
      }
      // Texts are read, not operated: headings, paragraphs and list items, never in the tab order.
      const text = item.role === 'text' || item.role === 'heading' || item.role === 'listitem';
      const el = document.createElement(text ? (item.role === 'text' ? 'p' : 'div') : 'button');
      el._role = item.role;
      el._id = item.id;
      if (text) {
        el.className = 'mirror-text';
        if (item.role !== 'text') el.setAttribute('role', item.role);
        if (item.role === 'heading') {
          el.setAttribute('aria-level', String(item.level || 2));
          el.tabIndex = -1;  // focus lands on a new screen's heading
        }
        el.textContent = item.name;
        el._name = item.name;
        return el;
      }
      el.type = 'button';
      el.className = 'mirror';
      if (item.role !== 'button') el.setAttribute('role', item.role);
      el.setAttribute('aria-label', item.name);
      el.textContent = item.name;
      el.addEventListener('click', (e) => {
        // File pickers must open inside the user's own gesture (Safari refuses otherwise).
        if (el._picker) files.pick();
        // Pointer clicks already reached ImGui through the canvas handlers; keyboard and
        // assistive-technology activations (detail 0) become a synthetic ImGui click.
        if (e.detail === 0) call('debrief_activate', el._id);
        // What opens a menu or a preview is where Escape brings focus back to.
        this.opener = el._id;
      });
      el.addEventListener('keydown', (e) => {
        // Space and Enter press the button: they must not also reach the page's own keys (Space
        // scrolls the journal, src/platform/backend_web.cpp), or the press lands where the item was.
        if (e.key === ' ' || e.key === 'Enter') e.stopPropagation();
        this.step(el, e);
      });
      // Keyboard and screen-reader focus (not a pointer's) brings the item on screen.
      el.addEventListener('focus', () => { if (el.matches(':focus-visible')) call('debrief_focus_item', el._id); });
      return el;
    },
    update(el, item) {
      el.dataset.seq = item.seq;
      const [x, y, w, h] = item.rect;
      const style = item.offscreen ? parked(x, y) : `left:${x}px;top:${y}px;width:${w}px;height:${h}px`;
      if (el._style !== style) { el.style.cssText = style; el._style = style; }
      if (el._role === 'progressbar') {
        if (el.getAttribute('aria-valuenow') !== String(item.value)) el.setAttribute('aria-valuenow', String(item.value));
        if (el.getAttribute('aria-valuetext') !== item.valuetext) el.setAttribute('aria-valuetext', item.valuetext);
        return;
      }
      if (el.className === 'mirror-text') {
        if (el._name !== item.name) { el.textContent = item.name; el._name = item.name; }
        if (item.title) el.dataset.title = ''; else delete el.dataset.title;
        return;
      }
      el._picker = item.picker;
      // An item keeps its id when its name changes (a card whose company was renamed, e.g. by the
      // writer tab while a read-only tab shows the list): the element must take the new name, or
      // assistive technology (and tests) keep seeing the old one until the element is recreated.
      if (el.getAttribute('aria-label') !== item.name) {
        el.setAttribute('aria-label', item.name);
        el.textContent = item.name;
      }
      const set = (name, on, value) => {
        const v = on ? String(value) : null;
        if (el.getAttribute(name) !== v) v === null ? el.removeAttribute(name) : el.setAttribute(name, v);
      };
      set('aria-checked', item.role === 'checkbox' || item.role === 'radio', item.checked);
      set('aria-selected', item.role === 'tab', item.selected);
      set('aria-expanded', item.expandable, item.expanded);
      set('aria-disabled', item.disabled, true);
      set('data-primary', item.primary, '');
      set('data-clipped', item.clipped, '');  // its label is cut off on the canvas (tests look)
      if (item.dismiss && el.dataset.dismiss === undefined) el._opener = this.opener;
      set('data-dismiss', item.dismiss, '');
    },
  };

  addEventListener('keydown', (e) => mirror.dismiss(e), true);

  // The skip link, the page's first Tab stop: past the top bar and the tabs to what the screen is
  // about (a step's heading, else the screen's title), where the next Tab goes on into the content.
  // Its words are here, as it exists before the app runs, in the language the page shows.
  const skipTexts = { en: 'Skip to the content', de: 'Zum Inhalt springen', it: 'Vai al contenuto', ar: 'الانتقال إلى المحتوى' };
  function skipLink() {
    const link = document.getElementById('skip-link');
    if (!link) return;
    link.textContent = skipTexts[document.documentElement.lang] || skipTexts.en;
    if (link._wired) return;
    link._wired = true;
    link.addEventListener('click', (e) => {
      e.preventDefault();
      const main = overlay().querySelector('[role="main"]') || overlay();
      const target = mirror.title() || main.querySelector('input, textarea, button.mirror');
      if (!target) return;
      target.focus({ preventScroll: true });
      call('debrief_focus_item', target._id);  // ImGui scrolls it into view
    });
  }
  skipLink();

  // Keeps each container's DOM order = visual order (reading and tab order), without moving the
  // focused element (moving a focused node blurs it and would close the soft keyboard).
  function order(layer) {
    const children = Array.from(layer.children);
    const sorted = children.slice().sort((a, b) => a.dataset.seq - b.dataset.seq);
    if (!sorted.every((el, i) => el === children[i])) {
      const focused = sorted.findIndex((el) => el === document.activeElement || el.contains(document.activeElement));
      if (focused < 0) {
        for (const el of sorted) layer.appendChild(el);
      } else {
        const anchor = sorted[focused];
        for (let i = 0; i < focused; ++i) layer.insertBefore(sorted[i], anchor);
        for (let i = focused + 1; i < sorted.length; ++i) layer.appendChild(sorted[i]);
      }
    }
    for (const el of sorted) if (el.className === 'region') order(el);
  }

  // ---- clipboard, mail, downloads, file picking -------------------------------------------------
  let copying = 0;  // clipboard writes not finished yet (window.debrief.pending)
  function copyText(text) {
    const fallback = () => {
      const area = document.createElement('textarea');
      area.value = text;
      area.setAttribute('readonly', '');
      area.style.cssText = 'position:fixed;left:-9999px;top:0';
      document.body.appendChild(area);
      area.select();
      try { document.execCommand('copy'); } finally { area.remove(); }
    };
    window.debrief.lastCopied = text;
    if (navigator.clipboard && navigator.clipboard.writeText) {
      ++copying;
      navigator.clipboard.writeText(text).catch(fallback).finally(() => { --copying; });
    } else {
      fallback();
    }
  }

  // Only mail links: the app drafts messages, it has no reason to open anything else, and a URL
  // built from journal text must never become javascript: or a page on another site.
  function openUrl(url) {
    let scheme = '';
    try { scheme = new URL(url).protocol; } catch { /* not a URL at all */ }
    if (scheme !== 'mailto:') {
      console.warn('Debrief: refused to open a link that is not mailto:');
      return false;
    }
    window.debrief.lastUrl = url;
    const a = document.createElement('a');
    a.href = url;
    a.rel = 'noopener noreferrer';
    a.click();
    return true;
  }

  function download(name, mime, bytes) {
    const url = URL.createObjectURL(new Blob([bytes], { type: mime }));
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }

  const maxImportBytes = 50 * 1024 * 1024;
  const files = {
    input: null,
    reading: 0,  // picked or dropped files still being read (window.debrief.pending)
    pick() {
      if (!this.input) {
        this.input = document.createElement('input');
        this.input.type = 'file';
        this.input.accept = '.json,application/json';
        this.input.style.display = 'none';
        this.input.addEventListener('change', () => {
          const file = this.input.files[0];
          this.input.value = '';
          if (file) this.read(file);
        });
        this.input.addEventListener('cancel', () => call('debrief_import_cancelled'));
        document.body.appendChild(this.input);
      }
      this.input.click();
    },
    // Oversized files are refused before reading them into memory. The file is read in the chunks
    // the browser gives, straight into the wasm heap, and each chunk is reported, so the progress
    // bar shows real bytes; C++ says stop when the import was cancelled (nothing is kept then).
    read(file) {
      if (file.size > maxImportBytes) {
        withString(file.name, (name, length) => call('debrief_import_too_large', name, length, file.size));
        return;
      }
      const serial = withString(file.name, (name, length) => call('debrief_import_begin', name, length, file.size));
      const unreadable = () => withString(file.name, (name, length) => call('debrief_import_unreadable', name, length));
      let ptr = _malloc(file.size + 1);
      if (!ptr) { unreadable(); return; }
      ++this.reading;
      let loaded = 0;
      const release = () => { if (ptr) { _free(ptr); ptr = 0; } };
      const reader = file.stream().getReader();
      const pump = () => reader.read().then(({ done, value }) => {
        if (!done) {
          // A file that grew since it was picked cannot overflow the buffer.
          if (loaded + value.length > file.size) throw new Error('the file changed while it was read');
          HEAPU8.set(value, ptr + loaded);  // HEAPU8 read here: growing the memory replaces it
          loaded += value.length;
          if (!call('debrief_import_reading', serial, loaded)) return reader.cancel();
          return pump();
        }
        if (!call('debrief_import_reading', serial, loaded)) return undefined;
        withString(file.name, (name, length) => call('debrief_import_file', name, length, ptr, loaded));
        return undefined;
      });
      pump().catch(unreadable).finally(() => { release(); --this.reading; });
    },
  };

  // The interface language, decided in C++: the page's lang, dir and title follow it, so the native
  // fields and the accessible mirror (children of <body>) read and lay out in that direction.
  function languageChanged(code, dir, title, description) {
    document.documentElement.lang = code;
    document.documentElement.dir = dir;
    if (title) document.title = title;
    const meta = document.querySelector('meta[name="description"]');
    if (meta && description) meta.content = description;
    window.debrief.language = code;
    try { localStorage.setItem(hintKey, code); } catch { /* only a start-up hint */ }
    linkManifest(code);
    skipLink();
  }
  // Each translation has its manifest (cmake/WebApp.cmake): installing offers the app in the
  // language it is shown in.
  function linkManifest(code) {
    const link = document.querySelector('link[rel="manifest"]');
    const href = code === 'en' ? 'manifest.webmanifest' : `manifest.${code}.webmanifest`;
    if (link && link.getAttribute('href') !== href) link.setAttribute('href', href);
  }
  window.debrief.setLanguage = (code) => withString(code, (ptr, length) => call('debrief_set_language', ptr, length));

  // Catalogues other than English are fetched when needed (sw.js keeps them for offline use). The
  // likely one is fetched at once, alongside app.wasm, and written to /i18n/ in preRun, so the first
  // frame is already in that language instead of flashing English.
  let catalogueFetches = 0;
  const catalogueDownloads = new Map();
  function downloadCatalogue(code) {
    if (!catalogueDownloads.has(code)) {
      ++catalogueFetches;
      const download = fetch(`i18n/${code}.catalogue`).then(async (response) => {
        if (!response.ok) throw new Error(`i18n/${code}.catalogue: HTTP ${response.status}`);
        return new Uint8Array(await response.arrayBuffer());
      }).finally(() => { --catalogueFetches; });
      download.catch(() => catalogueDownloads.delete(code)); // a later request tries again
      catalogueDownloads.set(code, download);
    }
    return catalogueDownloads.get(code);
  }
  function fetchCatalogue(code) {
    ++catalogueFetches; // counted until C++ has it, so settled() waits for the switch
    downloadCatalogue(code).then((bytes) => {
      const ptr = _malloc(bytes.length || 1);
      HEAPU8.set(bytes, ptr);
      try {
        withString(code, (codePtr, codeLength) => call('debrief_catalogue_loaded', codePtr, codeLength, ptr, bytes.length));
      } finally {
        _free(ptr);
      }
    }, (e) => {
      console.warn('Debrief: could not load a language:', e);
      withString(code, (codePtr, codeLength) => call('debrief_catalogue_failed', codePtr, codeLength));
    }).finally(() => { --catalogueFetches; });
  }
  function prefetchCatalogue() {
    if (firstLanguage !== 'en') downloadCatalogue(firstLanguage).catch(() => {});
  }
  // preRun: waits for the likely catalogue; without it (offline, never fetched) the app starts in
  // English and switches when it can.
  async function loadCatalogue() {
    if (firstLanguage === 'en') return;
    try {
      const bytes = await downloadCatalogue(firstLanguage);
      FS.mkdir('/i18n');
      FS.writeFile(`/i18n/${firstLanguage}.catalogue`, bytes);
    } catch (e) {
      console.warn('Debrief: starting in English, the language file is not here yet:', e);
    }
  }

  // Notices drawn on the canvas are also spoken through a polite live region.
  function announce(text) {
    let region = document.getElementById('announce');
    if (!region) {
      region = document.createElement('div');
      region.id = 'announce';
      region.setAttribute('role', 'status');
      region.setAttribute('aria-live', 'polite');
      region.className = 'visually-hidden';
      document.body.appendChild(region);
    }
    region.textContent = text;
  }

  // ---- page-level behaviour -------------------------------------------------------------------
  function ready() {
    setState('ready');
    // The worker's install (reading every file into its cache) competed with the first frame for
    // the CPU and the GPU process; it waits until the app has drawn and has nothing left to do.
    settled(10000).catch(() => {}).then(whenRunning);
  }

  function watchViewport() {
    const app = document.getElementById('app');
    // Events can come while the wasm is still loading: Module._debrief_* exist from the start (as
    // glue wrappers) but throw until the wasm is instantiated, and main() reads the viewport,
    // theme and visibility itself when it starts. Until Debrief.ready(), there is nothing to tell.
    const running = () => window.debrief.state === 'ready';
    // When a soft keyboard opens, the visual viewport shrinks: fit the app above it.
    if (window.visualViewport) {
      const fit = () => {
        const vv = window.visualViewport;
        // Within the safe area (shell.css), above the keyboard.
        app.style.height = `calc(${vv.height}px - var(--safe-top) - var(--safe-bottom))`;
        app.style.top = `calc(${vv.offsetTop}px + var(--safe-top))`;
        if (running()) call('debrief_request_frame');
      };
      window.visualViewport.addEventListener('resize', fit);
      window.visualViewport.addEventListener('scroll', fit);
    }
    matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => { if (running()) call('debrief_theme_changed'); });
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible' && running()) call('debrief_resume');
    });
    // Tapping outside a field closes the keyboard (the canvas handlers preventDefault, so the
    // browser would otherwise keep the field focused).
    app.addEventListener('pointerdown', (e) => {
      const active = document.activeElement;
      if (active && active.classList.contains('field') && e.target !== active) active.blur();
    }, true);
    // Drag-and-drop import anywhere on the page.
    window.addEventListener('dragover', (e) => { e.preventDefault(); });
    window.addEventListener('drop', (e) => {
      e.preventDefault();
      const file = e.dataTransfer && e.dataTransfer.files[0];
      if (file) files.read(file);
    });
  }

  // Started as soon as this script runs, so the fonts download alongside app.js and app.wasm
  // instead of after the wasm is instantiated; preRun only waits for them and writes them to /fonts.
  // The Arabic faces, more letters and emoji are fetched only when the app first draws one of their
  // characters (loadFontFile). Each file is a collection of a regular and a bold face (cmake/Fonts.cmake).
  const fontNames = ['latin.ttc'];
  let fontDownloads = null;
  const fetchFontFiles = (names) => Promise.all(names.map(async (name) => {
    const response = await fetch(`fonts/${name}`);
    if (!response.ok) throw new Error(`fonts/${name}: HTTP ${response.status}`);
    return new Uint8Array(await response.arrayBuffer());
  }));
  function fetchFonts() {
    fontDownloads = fontDownloads || fetchFontFiles(fontNames);
    fontDownloads.catch(() => {}); // reported by loadFonts(); not an unhandled rejection before preRun
    return fontDownloads;
  }

  // app.wasm is downloaded and compiled from here, not by app.js: the compile then runs while the
  // other scripts load and run. It starts once the page has painted "Opening your journal…" (a
  // request made before that paint competes with the stylesheet on a slow network and, to
  // Lighthouse, makes the first paint wait for the whole wasm), or when app.js asks for it.
  let wasmCompile = null;
  function compileWasm() {
    if (!wasmCompile) {
      const request = fetch('app.wasm', { credentials: 'same-origin' });
      wasmCompile = WebAssembly.compileStreaming(request).catch(async () => {
        // A host that sends another MIME type than application/wasm: compile from the bytes.
        const response = await request;
        if (!response.ok) throw new Error(`app.wasm: HTTP ${response.status}`);
        return WebAssembly.compile(await response.arrayBuffer());
      });
    }
    return wasmCompile;
  }
  function compileWasmAfterPaint() {
    if (document.visibilityState === 'visible') requestAnimationFrame(() => setTimeout(compileWasm, 0));
    else compileWasm();  // a hidden page paints nothing
  }
  // Module.instantiateWasm: Emscripten hands over the imports and takes the instance.
  function instantiateWasm(imports, receive) {
    compileWasm()
      .then((module) => WebAssembly.instantiate(module, imports).then((instance) => receive(instance, module)))
      .catch((e) => {
        window.debrief.errors.push(String(e));
        fail('load');
      });
    return {};  // the exports arrive through receive()
  }

  async function loadFonts() {
    // The atlas is not worth waiting for longer than it takes to build.
    const atlasesInTime = Promise.race([readAtlases(), new Promise((resolve) => setTimeout(resolve, ATLAS_WAIT_MS, []))]);
    const [buffers, atlases] = await Promise.all([fetchFonts(), atlasesInTime]);
    FS.mkdir('/fonts');
    FS.mkdir('/fonts/blocks');  // for loadFontFile
    fontNames.forEach((name, i) => FS.writeFile(`/fonts/${name}`, buffers[i]));
    FS.mkdir('/atlas');
    for (const [name, bytes] of atlases) FS.writeFile(`/atlas/${name}`, bytes);
  }

  // The glyph atlas of the last visit (ui/atlas_cache.h): C++ restores its atlas from /atlas instead
  // of rasterising every glyph again, and saves there each one it had to build. /atlas is in memory,
  // so the files are kept in a cache of their own: not one of the service worker's 'debrief-' caches,
  // which it deletes when a new build takes over. Only a cache: when it is missing, unreadable or
  // slow, the atlas is built as on a first visit, and the C++ side checks every byte it restores.
  const ATLAS_CACHE = 'glyph-atlas';
  const atlasNames = ['latin.atlas', 'latin-arabic.atlas'];
  const ATLAS_WAIT_MS = 100;  // reading takes a few milliseconds, building 10-30 (more on a phone)
  let atlasReads = null;
  function readAtlases() {
    atlasReads = atlasReads || (async () => {
      const cache = await caches.open(ATLAS_CACHE);
      const found = await Promise.all(atlasNames.map(async (name) => {
        const response = await cache.match(`atlas/${name}`);
        return response ? [name, new Uint8Array(await response.arrayBuffer())] : null;
      }));
      return found.filter(Boolean);
    })().catch(() => []);
    return atlasReads;
  }

  // Called from C++ after each font load: how the atlas came, and the file of one just built (or '').
  // It is copied now, and written to the cache once the app has settled, away from the start-up.
  let atlasWrites = 0;
  let atlasesForgotten = false;
  function atlasLoaded(restored, savedPath) {
    window.debrief.atlas = restored ? 'restored' : 'built';
    if (!savedPath) return;
    const bytes = FS.readFile(savedPath);
    FS.unlink(savedPath);  // /atlas is in memory; the copy is what goes to the cache
    const name = savedPath.slice(savedPath.lastIndexOf('/') + 1);
    settled(30000).catch(() => {}).then(async () => {
      if (atlasesForgotten) return;
      const cache = await caches.open(ATLAS_CACHE);
      await cache.put(`atlas/${name}`, new Response(bytes, { headers: { 'Content-Type': 'application/octet-stream' } }));
      window.debrief.atlasWrites = ++atlasWrites;
    }).catch((e) => console.warn('Debrief: the glyph atlas is not kept for the next visit:', e));
  }

  // Called by web/storage.js when the disk or the quota is full: the atlases' space goes back to the
  // journal, and none is written again in this visit (the next start builds and keeps one again).
  function forgetAtlases() {
    atlasesForgotten = true;
    if (typeof caches !== 'undefined') caches.delete(ATLAS_CACHE).catch(() => {});
  }

  // Called from C++ (ui/fonts.h) while text is drawn whose characters are in a file not loaded yet
  // (arabic.ttc, blocks/u1f400.ttc...); the app draws with the glyphs it has until the file is in
  // /fonts, then rebuilds its atlas. A failed download is retried on the next request (C++ asks again
  // whenever it draws with the file still missing).
  const fontFiles = new Map();  // name -> 'loading' | 'loaded'
  function loadFontFile(name) {
    if (fontFiles.has(name)) return;
    fontFiles.set(name, 'loading');
    fetchFontFiles([name]).then(([bytes]) => {
      FS.writeFile(`/fonts/${name}`, bytes);
      fontFiles.set(name, 'loaded');
      call('debrief_font_file_arrived');
    }, (e) => {
      console.warn(`Debrief: font ${e.message}`);
      fontFiles.delete(name);
    });
  }

  // No throwaway WebGL2 context here (creating one costs tens of milliseconds at start-up): main()
  // creates the real one and fails with 'webgl2' when it cannot. This only catches browsers
  // without the API at all, before they download the wasm.
  function supported() {
    if (typeof WebAssembly !== 'object') return 'wasm';
    return typeof WebGL2RenderingContext === 'function' ? '' : 'webgl2';
  }

  // ---- settled signal -----------------------------------------------------------------------------
  // What the app will still do by itself, by name; [] when nothing: 'start' (still loading), 'frame'
  // (a frame is scheduled: render on demand draws a few settle frames after each event), 'timer' (a
  // C++ timer is armed: the 400 ms save debounce, a notice that expires), 'save' (the indicator is
  // pending or saving), 'sync' (an IndexedDB sync is running or queued, or the mark it leaves is
  // being written), 'refresh' (a read-only tab is reloading the writer's files), 'info' (a storage
  // estimate is on its way), 'file' (an import being read), 'clipboard' (a copy not written yet),
  // 'catalogue' (a language file on its way), 'fonts' (a font file downloading). Input already
  // dispatched is included (its handlers schedule a frame at once); a save message still travelling
  // from another tab is not.
  function pending() {
    const d = window.debrief;
    if (d.state === 'loading') return ['start'];
    const reasons = [];
    const app = d.state === 'ready' ? Module._debrief_pending() : 0;  // 'failed': the app never ran
    if (app & 1) reasons.push('frame');
    if (app & 2) reasons.push('timer');
    if (d.save === 'pending' || d.save === 'saving') reasons.push('save');
    const storage = d.storage;
    if (storage && (storage.inFlight || storage.again || storage.marking > 0)) reasons.push('sync');
    if (storage && storage.refreshing) reasons.push('refresh');
    if (storage && storage.reporting > 0) reasons.push('info');
    if (files.reading > 0) reasons.push('file');
    if (copying > 0) reasons.push('clipboard');
    if (catalogueFetches > 0) reasons.push('catalogue');
    if ([...fontFiles.values()].includes('loading')) reasons.push('fonts');
    return reasons;
  }

  // Resolves once pending() is empty: what tests wait on before a negative check ("nothing
  // happened", "the file was not overwritten") instead of a fixed delay. Polled every 10 ms (the
  // states above end in different places; none of them is an event); rejects after timeoutMs,
  // naming what is still pending. A hidden tab gets no animation frames, so it settles once shown.
  function settled(timeoutMs = 15000) {
    const deadline = performance.now() + timeoutMs;
    return new Promise((resolve, reject) => {
      const check = () => {
        const left = pending();
        if (left.length === 0) resolve();
        else if (performance.now() > deadline) reject(new Error(`Debrief did not settle within ${timeoutMs} ms: ${left.join(', ')}`));
        else setTimeout(check, 10);
      };
      check();
    });
  }
  window.debrief.pending = pending;
  window.debrief.settled = settled;

  // The start-up text and the page's direction in the likely language, before anything is drawn.
  function showStarting() {
    document.documentElement.lang = firstLanguage;
    document.documentElement.dir = firstLanguage === 'ar' ? 'rtl' : 'ltr';
    statusText(openingTexts[firstLanguage]);
    linkManifest(firstLanguage);
  }

  return { compileWasmAfterPaint, instantiateWasm, fail, ready, announce, firstLanguage, languageChanged, fetchCatalogue, prefetchCatalogue, loadCatalogue, showStarting, fields, mirror, copyText, openUrl, download, files, withString, fetchFonts, readAtlases, loadFonts, atlasLoaded, forgetAtlases, loadFontFile, supported, watchViewport, statusText };
})();

var Module = {
  canvas: document.getElementById('canvas'),
  preRun: [() => {
    addRunDependency('fonts');
    Debrief.loadFonts().then(() => removeRunDependency('fonts'), (e) => {
      window.debrief.errors.push(String(e));
      Debrief.fail('fonts');
    });
    addRunDependency('catalogue');
    Debrief.loadCatalogue().finally(() => removeRunDependency('catalogue'));
    if (window.DebriefStorage) DebriefStorage.preRun(Module);
  }],
  instantiateWasm: Debrief.instantiateWasm,
  onAbort: () => Debrief.fail('load'),
  print: (text) => console.log(text),
  printErr: (text) => console.warn(text),
};

(() => {
  Debrief.showStarting();
  const missing = Debrief.supported();
  if (missing) {
    Debrief.fail(missing);
    Module.preRun = [() => { throw new Error('unsupported browser'); }];
  } else {
    Debrief.compileWasmAfterPaint();
    Debrief.fetchFonts();
    Debrief.readAtlases();
    Debrief.prefetchCatalogue();
  }
  Debrief.watchViewport();
})();

// ---- offline: the service worker and the "Update available" banner ---------------------------
// sw.js keeps one cache per build. A new build waits until the user chooses Reload, so a page never
// runs an old app.js with a new app.wasm (docs/web-platform.md, "Offline and files").
function registerServiceWorker() {
  const sw = navigator.serviceWorker;
  // Service workers need a secure context (https or localhost); elsewhere Debrief just stays online-only.
  if (!sw || !window.isSecureContext) return;
  let registration = null;
  let switching = false;
  let reloading = false;
  const reload = () => { if (!reloading) { reloading = true; location.reload(); } };

  // The live region exists (empty) from the start: screen readers announce content added to an
  // existing region, not a region inserted along with its content.
  const banner = document.createElement('div');
  banner.id = 'update-banner';
  banner.setAttribute('role', 'status');
  // Keys pressed on the banner are not the app's (Space would also scroll the journal).
  for (const type of ['keydown', 'keyup']) banner.addEventListener(type, (e) => e.stopPropagation());
  document.body.appendChild(banner);

  // The banner lives outside the canvas, so its words are here, in the language the page shows now.
  const bannerTexts = {
    en: { update: 'Update available', unsaved: 'Your latest changes are not saved yet. Reload anyway?', reload: 'Reload' },
    de: { update: 'Eine neue Version ist da', unsaved: 'Deine letzten Änderungen sind noch nicht gespeichert. Trotzdem neu laden?', reload: 'Neu laden' },
    it: { update: 'È disponibile un aggiornamento', unsaved: 'Le ultime modifiche non sono ancora salvate. Ricaricare comunque?', reload: 'Ricarica' },
    ar: { update: 'يتوفر تحديث', unsaved: 'لم تُحفظ التغييرات الأخيرة بعد. إعادة التحميل على أي حال؟', reload: 'إعادة التحميل' },
  };
  const words = () => bannerTexts[document.documentElement.lang] || bannerTexts.en;

  function showBanner(key, anyway = false) {
    const label = document.createElement('span');
    label.textContent = words()[key];
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = words().reload;
    button.addEventListener('click', () => update(button, anyway));
    banner.replaceChildren(label, button);
  }

  // Saves pending journal changes first (DebriefStorage belongs to the storage glue, if loaded).
  // 3.1.6's IDBFS can drop its callback (docs/web-platform.md), so never wait more than ~3 s.
  function flush() {
    const storage = window.DebriefStorage;
    if (!storage || typeof storage.flush !== 'function') return Promise.resolve(true);
    // flush() resolves false (or rejects) when the save failed.
    const saved = Promise.resolve().then(() => storage.flush()).then((ok) => ok !== false, (e) => {
      console.warn('Debrief: saving before the update failed:', e);
      return false;
    });
    return Promise.race([saved, new Promise((resolve) => setTimeout(() => resolve(true), 3000))]);
  }

  async function update(button, anyway) {
    button.disabled = true;
    if (!anyway && !(await flush())) {
      showBanner('unsaved', true);
      return;
    }
    const waiting = registration && registration.waiting;
    if (!waiting) { reload(); return; } // another tab already switched builds
    switching = true;
    waiting.postMessage({ type: 'skip-waiting' });
    // If the worker vanishes before activating, controllerchange never comes: reload regardless.
    setTimeout(reload, 5000);
  }

  sw.addEventListener('controllerchange', () => {
    // Our own Reload, or a switch while this page is still loading (it could fetch app.wasm from
    // the new build after app.js from the old one): start again on the new build.
    if (switching || window.debrief.state === 'loading') reload();
    // Another tab switched: this page keeps running what it loaded (it fetches nothing more).
    else showBanner('update');
  });

  const offer = () => { if (registration.waiting && sw.controller) showBanner('update'); };
  const watch = (worker) => worker && worker.addEventListener('statechange', () => { if (worker.state === 'installed') offer(); });
  sw.register('sw.js', { updateViaCache: 'none' }).then((reg) => {
    registration = reg;
    offer(); // a build that finished installing during an earlier visit
    watch(reg.installing);
    reg.addEventListener('updatefound', () => watch(reg.installing));
  }, (e) => console.warn('Debrief: could not register or update the service worker (offline?):', e));
}

// Only once the app runs and has settled after its first frames (or failed), and the page has
// loaded: by then app.wasm, app.js and the fonts are in the HTTP cache, where the worker's install takes them from (sw.js precache) instead
// of downloading them a second time, and the install never competes with the app's own downloads.
let serviceWorkerStarted = false;
function whenRunning() {
  if (serviceWorkerStarted) return;
  serviceWorkerStarted = true;
  if (document.readyState === 'complete') registerServiceWorker();
  else window.addEventListener('load', registerServiceWorker, { once: true });
}
