// The page's words in the language the young person picked. The server renders the default language, marks
// each text with its key (data-t, data-t-placeholder, data-t-aria-label, data-t-href) and carries that language's
// texts in the page (#texts-default); the other languages come from their files (wwwroot/texts, fingerprinted,
// cached). The choice is kept in this tab's sessionStorage only: never a cookie, localStorage or the address,
// and quick exit clears it with the rest.
const root = document.documentElement;
const files = JSON.parse(root.dataset.texts || '{}'); // { code: { name, dir, url } }, in the order offered
const defaultLanguage = Object.keys(files)[0] ?? 'sv';
const inPage = document.getElementById('texts-default');
const base = inPage ? JSON.parse(inPage.textContent) : {};
const storageKey = 'chat.language';
const loaded = new Map();
// The page's own language: the staff pages carry theirs (Languages:Staff) with their texts.
let language = inPage?.dataset.language ?? defaultLanguage;
let texts = base;
let wanted = defaultLanguage; // the language asked for last: an earlier answer arriving late is dropped
let picked = false; // the young person has pressed a language on this page

export const current = () => language;
export const offered = () => Object.keys(files);
export const has = (key) => key in texts;

function stored() {
  try {
    const code = sessionStorage.getItem(storageKey);
    return code && code in files ? code : null;
  } catch {
    return null; // storage disabled: the default language, every time
  }
}

function remember(code) {
  try {
    if (code === defaultLanguage) sessionStorage.removeItem(storageKey);
    else sessionStorage.setItem(storageKey, code);
  } catch {
    // Storage disabled: the choice lasts as long as the page.
  }
}

function load(code) {
  if (code === defaultLanguage && inPage) return Promise.resolve(base);
  if (!loaded.has(code)) {
    const request = fetch(files[code].url, { credentials: 'omit' }).then((response) => {
      if (!response.ok) throw new Error(`texts ${code}: ${response.status}`);
      return response.json();
    });
    // A failed load may be tried again (the phone was offline for a moment).
    request.catch(() => loaded.delete(code));
    loaded.set(code, request);
  }
  return loaded.get(code);
}

// "{name}" slots filled in from values. A value written in the other direction than the page (a Latin name in an
// Arabic sentence, an Arabic name in a Swedish one) is isolated (FSI … PDI), so the sentence around it keeps its
// order and punctuation.
const rightToLeftLetter = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/;
const leftToRightLetter = /[A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff]/;

function fill(text, values) {
  const other = root.dir === 'rtl' ? leftToRightLetter : rightToLeftLetter;
  return text.replace(/\{(\w+)\}/g, (slot, name) => {
    if (!(name in values)) return slot;
    const value = String(values[name]);
    return other.test(value) ? `\u2068${value}\u2069` : value;
  });
}

export function t(key, values = {}) {
  const text = texts[key];
  return typeof text === 'string' ? fill(text, values) : key;
}

// Intl objects are costly to make, and a transcript asks for one per entry: each is made once per language and
// options, and kept.
const intl = new Map();
function made(Kind, locale, options) {
  const key = `${Kind.name} ${locale} ${JSON.stringify(options)}`;
  if (!intl.has(key)) intl.set(key, new Kind(locale, options));
  return intl.get(key);
}

// A count in the language's own plural forms ("one", "few", "many", …; "other" always exists).
export function plural(key, count, values = {}) {
  const forms = texts[key] ?? {};
  const form = forms[made(Intl.PluralRules, language).select(count)] ?? forms.other ?? key;
  return fill(form, { count, ...values });
}

// Dates and times as the chosen language writes them, in Latin digits like the times and codes around them.
export function dateFormat(options) {
  return made(Intl.DateTimeFormat, `${language}-u-nu-latn`, options);
}

function apply() {
  root.lang = language;
  root.dir = files[language]?.dir ?? 'ltr';
  for (const element of document.querySelectorAll('[data-t]')) element.textContent = t(element.dataset.t);
  for (const name of ['placeholder', 'aria-label', 'href']) {
    for (const element of document.querySelectorAll(`[data-t-${name}]`)) element.setAttribute(name, t(element.getAttribute(`data-t-${name}`)));
  }
}

async function switchTo(code) {
  wanted = code;
  let words;
  try {
    words = await load(code);
  } catch (error) {
    if (wanted === code) wanted = language;
    throw error;
  }
  if (wanted !== code) return;
  // Anything a file lacks is said in the default language, as the server does.
  texts = code === defaultLanguage ? base : { ...base, ...words };
  language = code;
  remember(code);
  apply();
  window.dispatchEvent(new CustomEvent('chat:language', { detail: code }));
}

// A language pressed on the first screen: switches the page and remembers it for this tab. Resolves when the page
// speaks it, or when a later press has taken its place; rejects when its texts cannot be fetched (the page stays
// as it was).
export function use(code) {
  if (!(code in files)) return Promise.resolve();
  picked = true;
  return switchTo(code);
}

// The language this tab chose before a reload. Always resolves: after three failed tries the page stays in the
// default language, as rendered (the choice stays stored for the next load).
let readiness = null;
export function ready() {
  readiness ??= (async () => {
    const code = stored();
    if (!code || code === defaultLanguage) return;
    for (let attempt = 1; attempt <= 3; attempt++) {
      if (picked) return;
      try {
        return await switchTo(code);
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 1000 * attempt));
      }
    }
  })();
  return readiness;
}
