// Reads the gettext catalogues the app is built from, so browser tests can find controls by the
// names a person sees in each language (a walk in German uses the German labels, not the keys).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './harness.mjs';

const unquote = (s) => JSON.parse(s.replace(/\t/g, '\\t'));

// key -> text (a plural entry's first form) for assets/i18n/<code>.po; English fills missing keys.
export function catalogue(code) {
  const read = (lang) => {
    const entries = new Map();
    let key = null;
    let target = null;
    for (const line of readFileSync(join(ROOT, 'assets', 'i18n', `${lang}.po`), 'utf8').split('\n')) {
      if (line.startsWith('msgid ')) { key = unquote(line.slice(6)); target = null; continue; }
      const str = /^msgstr(?:\[0\])? (".*")$/.exec(line);
      if (str) { target = key; entries.set(key, unquote(str[1])); continue; }
      if (line.startsWith('"') && target !== null) entries.set(target, entries.get(target) + unquote(line));
      else if (!line.startsWith('"')) target = null;
    }
    entries.delete('');
    return entries;
  };
  const english = read('en');
  const own = code === 'en' ? english : read(code);
  return (key, vars = {}) => {
    const text = own.get(key) ?? english.get(key);
    if (text === undefined) throw new Error(`no catalogue text for ${key}`);
    return text.replace(/\{([a-z0-9_]+)\}/g, (m, name) => (name in vars ? vars[name] : m));
  };
}

// The values of a control's name as the app isolates them (core/i18n.h, tr_format): in the
// right-to-left interface each between U+2068 and U+2069; drafts never carry the marks.
export const isolated = (code, vars) => (code === 'ar'
  ? Object.fromEntries(Object.entries(vars).map(([name, value]) => [name, `\u2068${value}\u2069`]))
  : vars);

// Whole numbers as the app writes them in each language (CLDR's default digits: Arabic-Indic for ar).
export const number = (code, n) => (code === 'ar' ? String(n).replace(/[0-9]/g, (d) => String.fromCharCode(0x660 + Number(d))) : String(n));
