// The reader on the chat page: a help page's article, shown in place of the chat views while the chat stays
// connected underneath. The page never navigates, so the connection and the place in the queue are untouched.
// The article comes from /help-article/{language}/{slug}: HTML rendered by the server's one Markdown pipeline
// with its link allow-list. Only that parsed <article> is inserted, nothing else is ever inserted as HTML.
//
// No history entry is pushed for the reader (so the phone's Back button cannot close it): quick exit replaces
// only the current entry, and an extra entry for this page would let Back lead here again after it.
import { byId, showAlert } from './dom.js';
import { offered, t } from './texts.js';

const slug = '[a-z0-9]+(?:-[a-z0-9]+)*';
const pagePath = new RegExp(`^/(${slug})/(${slug})$`);
const idPrefix = 'reader-';

// The server's allow-list again, cheaply, in case anything else ever answered: https:, mailto:, tel:, this site.
function isAllowedHref(href) {
  if (href.startsWith('#')) return true;
  try {
    const url = new URL(href, location.href);
    if (['https:', 'mailto:', 'tel:'].includes(url.protocol)) return true;
    return url.origin === location.origin && href.startsWith('/') && !href.startsWith('//');
  } catch {
    return false;
  }
}

function scrub(article) {
  for (const element of article.querySelectorAll('script, style, iframe, object, embed, form, link, meta, base, svg, math')) element.remove();
  for (const element of [article, ...article.querySelectorAll('*')]) {
    for (const { name } of [...element.attributes]) {
      if (name.startsWith('on') || name === 'style' || name === 'srcdoc' || name === 'formaction') element.removeAttribute(name);
    }
  }
  for (const link of article.querySelectorAll('a[href]')) {
    if (!isAllowedHref(link.getAttribute('href'))) link.removeAttribute('href');
  }
  for (const image of article.querySelectorAll('img')) {
    const src = image.getAttribute('src') ?? '';
    if (!src.startsWith('/') || src.startsWith('//')) image.remove();
  }
}

// Heading anchors get a prefix so they can never clash with the chat page's own ids (a heading "Start" would
// otherwise be id="start"). Links that leave the chat page open in a new tab, so the chat stays here.
function prepare(article, opensHere) {
  for (const element of article.querySelectorAll('[id]')) element.id = idPrefix + element.id;
  for (const link of article.querySelectorAll('a[href]')) {
    const href = link.getAttribute('href');
    if (href.startsWith('#')) {
      link.setAttribute('href', `#${idPrefix}${href.slice(1)}`);
    } else if (href.startsWith('https:') || (href.startsWith('/') && !opensHere(link))) {
      link.target = '_blank';
      link.rel = 'noopener noreferrer';
    }
  }
  const heading = article.querySelector('h1');
  heading?.setAttribute('tabindex', '-1');
  return heading;
}

// area: what the reader takes the place of. onOpen/onClose: the chat page keeps its own scroll positions.
export function createReader({ area, onOpen = () => {}, onClose = () => {} }) {
  const reader = byId('reader');
  const content = byId('reader-content');
  const languages = new Set((reader.dataset.languages ?? '').split(' ').filter(Boolean));
  let returnFocus = null;
  let returnScroll = 0;
  let latest = 0; // an answer to an earlier open that arrives late is dropped

  // { language, slug } for a link to one of this site's help pages, else null.
  function pageOf(link) {
    const url = new URL(link.href, location.href);
    const match = url.origin === location.origin && !url.search ? pagePath.exec(url.pathname) : null;
    return match && languages.has(match[1]) ? { language: match[1], slug: match[2] } : null;
  }

  function isChatPage(link) {
    const url = new URL(link.href, location.href);
    return url.origin === location.origin && url.pathname === location.pathname && !url.search;
  }

  function notice(text) {
    const element = document.createElement('p');
    element.className = 'notice';
    element.textContent = text;
    return element;
  }

  function showProblem(text) {
    showAlert(byId('reader-problem'), text);
    if (text) byId('reader-problem').focus();
  }

  // A page not written in the young person's language yet is shown in the default one, saying so.
  async function load(language, slugValue, note = '') {
    const request = ++latest;
    content.replaceChildren();
    showProblem('');
    byId('reader-loading').hidden = false;
    let article = null;
    try {
      const response = await fetch(`/help-article/${language}/${slugValue}`, { headers: { Accept: 'text/html' }, cache: 'no-store' });
      if (request !== latest) return;
      if (response.ok) {
        const parsed = new DOMParser().parseFromString(await response.text(), 'text/html');
        const root = parsed.body.firstElementChild;
        if (request !== latest) return;
        if (root?.matches('article.help-article')) article = document.adoptNode(root);
      } else if (response.status === 404 && language !== offered()[0]) {
        return load(offered()[0], slugValue, t('reader.notInLanguage'));
      } else if (response.status === 404) {
        return showProblem(t('reader.gone'));
      }
    } catch {
      // offline, or the connection dropped: said below
    } finally {
      if (request === latest) byId('reader-loading').hidden = true;
    }
    if (!article) return showProblem(t('reader.failed'));
    scrub(article);
    const heading = prepare(article, (link) => pageOf(link) !== null || isChatPage(link));
    content.replaceChildren(...(note ? [notice(note)] : []), article);
    window.scrollTo(0, 0);
    heading?.focus();
  }

  function open(language, slugValue) {
    if (reader.hidden) {
      returnFocus = document.activeElement;
      returnScroll = window.scrollY;
      onOpen();
      notify(null);
      area.hidden = true;
      reader.hidden = false;
    }
    window.scrollTo(0, 0);
    byId('reader-back').focus();
    load(language, slugValue);
  }

  function close() {
    if (reader.hidden) return;
    latest += 1;
    reader.hidden = true;
    area.hidden = false;
    content.replaceChildren();
    showProblem('');
    byId('reader-loading').hidden = true;
    const news = !byId('reader-badge').hidden;
    notify(null);
    window.scrollTo(0, returnScroll);
    // Back where it was if that is still on screen; otherwise (a counsellor joined meanwhile) the view's heading.
    const target = returnFocus?.isConnected && returnFocus.getClientRects().length > 0
      ? returnFocus
      : area.querySelector('.view:not([hidden]) [data-focus]');
    target?.focus({ preventScroll: true });
    returnFocus = null;
    onClose({ news });
  }

  // Something happened in the chat while reading: say so beside the way back, and leave the reader open.
  function notify(text) {
    showAlert(byId('reader-news'), text ?? '');
    byId('reader-badge').hidden = !text;
  }

  document.addEventListener('click', (event) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const link = event.target.closest?.('a[href]');
    if (!link) return;
    const inArticle = content.contains(link);
    if (inArticle && link.getAttribute('href').startsWith('#')) {
      // A heading anchor: scroll there without a history entry (see above).
      event.preventDefault();
      let id = link.getAttribute('href').slice(1);
      try {
        id = decodeURIComponent(id);
      } catch {
        // not percent-encoded after all
      }
      const target = document.getElementById(id);
      target?.scrollIntoView({ block: 'start' });
      return;
    }
    if (!inArticle && !link.hasAttribute('data-help-link')) return;
    if (inArticle && isChatPage(link)) {
      // "Back to the chat" in a page's own words: the chat is right here.
      event.preventDefault();
      close();
      return;
    }
    const page = pageOf(link);
    if (!page) return;
    event.preventDefault();
    open(page.language, page.slug);
  });
  byId('reader-back').addEventListener('click', close);
  byId('reader-back-end').addEventListener('click', close);
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || reader.hidden) return;
    event.preventDefault(); // spent here: quick-exit.js then leaves focus where close() put it
    close();
  });

  return {
    open,
    close,
    notify: (text) => { if (!reader.hidden) notify(text); },
    get isOpen() { return !reader.hidden; },
  };
}
