// The page's words in the language the young person picked. The server renders the default language and marks
// each text with its key (data-t, data-t-placeholder, data-t-aria-label, data-t-href); the other languages come
// from their files (wwwroot/texts, fingerprinted, cached for good). The choice is kept in this tab's
// sessionStorage only: never a cookie, localStorage or the address, and quick exit clears it with the rest.
const root = document.documentElement;
const files = JSON.parse(root.dataset.texts || '{}'); // { code: { name, dir, url } }, in the order offered
const defaultLanguage = Object.keys(files)[0] ?? 'sv';
const storageKey = 'chat.language';
const loaded = new Map();
let language = defaultLanguage;
let texts = {};

export const offered = () => Object.keys(files);
export const current = () => language;

function stored() {
  try {
    const code = sessionStorage.getItem(storageKey);
    return code && code in files ? code : null;
  } catch {
    return null; // storage disabled: the default language, every time
  }
}

function load(code) {
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

// "{name}" slots filled in from values.
function fill(text, values) {
  return text.replace(/\{(\w+)\}/g, (slot, name) => (name in values ? String(values[name]) : slot));
}

export const has = (key) => key in texts;

export function t(key, values = {}) {
  const text = texts[key];
  return typeof text === 'string' ? fill(text, values) : key;
}

// A count in the language's own plural forms ("one", "few", "many", …; "other" always exists).
export function plural(key, count, values = {}) {
  const forms = texts[key] ?? {};
  const form = forms[new Intl.PluralRules(language).select(count)] ?? forms.other ?? key;
  return fill(form, { count, ...values });
}

// Dates and times as the chosen language writes them, in Latin digits like the times and codes around them.
export function dateFormat(options) {
  return new Intl.DateTimeFormat(`${language}-u-nu-latn`, options);
}

function apply() {
  root.lang = language;
  root.dir = files[language]?.dir ?? 'ltr';
  for (const element of document.querySelectorAll('[data-t]')) element.textContent = t(element.dataset.t);
  for (const name of ['placeholder', 'aria-label', 'href']) {
    for (const element of document.querySelectorAll(`[data-t-${name}]`)) element.setAttribute(name, t(element.getAttribute(`data-t-${name}`)));
  }
}

// Switches the page to code (and remembers it for this tab). Resolves when the page speaks it.
export async function use(code) {
  if (!(code in files)) return;
  texts = await load(code);
  language = code;
  try {
    if (code === defaultLanguage) sessionStorage.removeItem(storageKey);
    else sessionStorage.setItem(storageKey, code);
  } catch {
    // Storage disabled: the choice lasts as long as the page.
  }
  apply();
  window.dispatchEvent(new CustomEvent('chat:language', { detail: code }));
}

// The words the page needs before anything else runs: the stored choice, else the default. Tried again until it
// arrives (a phone on a bad connection); meanwhile the page shows the default language as rendered.
export async function ready() {
  for (let wait = 1000; ; wait = Math.min(wait * 2, 15000)) {
    try {
      const code = stored() ?? defaultLanguage;
      if (code === defaultLanguage) {
        texts = await load(code);
        return;
      }
      return await use(code);
    } catch {
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}
