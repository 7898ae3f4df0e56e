// Renders ChatMessage entries into a list, in seq order, each seq once.
// viewer is 'youth' or 'counsellor': it decides which entries are "own" and how people are named.
import { dateFormat, t } from './texts.js';

// The young person's words are transcript.* in wwwroot/texts; the console's are console.transcript.* in the staff
// texts, with the same names and {slots}.
function say(viewer, key, values = {}) {
  return t(viewer === 'youth' ? `transcript.${key}` : `console.transcript.${key}`, values);
}

// A partner service's member is named with their service: "Sara, Stödcentrum".
function staffName(message, fallback) {
  const name = message.name || fallback;
  return message.service ? `${name}, ${message.service}` : name;
}

// Own lines: the young person's for the young person; for staff, those carrying their own staff tag (self), since
// a handover puts two staff members in one chat. Without a self, every staff line counts as own.
function isOwn(message, viewer, self) {
  if (viewer === 'youth') return message.from === 'youth';
  return message.from === 'counsellor' && (!self || message.staffId === self);
}

function authorOf(message, viewer, self) {
  if (message.from === 'youth') return say(viewer, viewer === 'youth' ? 'you' : 'youth');
  if (isOwn(message, viewer, self)) return say(viewer, 'you');
  return staffName(message, say(viewer, 'someCounsellor'));
}

function endedText(message, viewer) {
  if (message.from === viewer) return say(viewer, 'youEnded');
  if (message.from === 'youth') return say(viewer, 'youthEnded');
  if (message.from === 'counsellor') return say(viewer, 'counsellorEnded', { name: message.name || say(viewer, 'theCounsellor') });
  return say(viewer, 'ended');
}

export function systemText(message, viewer) {
  const service = message.service || say(viewer, 'theService');
  switch (message.kind) {
    case 'joined': return message.service
      ? say(viewer, 'joinedFrom', { name: message.name || say(viewer, 'aPerson'), service })
      : say(viewer, 'joined', { name: message.name || say(viewer, 'aCounsellor') });
    case 'left': return message.service
      ? say(viewer, 'leftFrom', { name: message.name || say(viewer, 'thePerson'), service })
      : say(viewer, 'left', { name: message.name || say(viewer, 'theCounsellor') });
    case 'ended': return endedText(message, viewer);
    case 'handover': return say(viewer, 'handover', { service });
    case 'transferred': return say(viewer, 'transferred', { name: message.name || say(viewer, viewer === 'youth' ? 'theCounsellor' : 'aCounsellor') });
    case 'handover-cancelled': return say(viewer, 'handoverCancelled', { service });
    case 'note': return say(viewer, 'note', { name: message.name || say(viewer, 'noteBy') });
    default: return '';
  }
}

// "<language>/<slug>" of a help page, as the server writes it in a "page" entry.
const pageAddress = /^([a-z0-9]+(?:-[a-z0-9]+)*)\/([a-z0-9]+(?:-[a-z0-9]+)*)$/;

// A help page a staff member sent: its title as text, and a plain link to the page. On the young person's page
// the reader opens it in place (data-help-link); on the console it opens in a new tab, beside the chats.
function renderPageCard(item, message, viewer, self) {
  const own = isOwn(message, viewer, self);
  item.classList.add('msg-page');
  if (own) item.classList.add('msg-own');
  const author = document.createElement('span');
  author.className = 'msg-author';
  author.textContent = own ? say(viewer, 'youSentPage') : say(viewer, 'sentPage', { name: staffName(message, say(viewer, 'theCounsellor')) });
  const title = document.createElement('p');
  title.className = 'msg-page-title';
  title.dir = 'auto';
  title.textContent = message.text ?? '';
  item.append(author, title);
  const address = pageAddress.exec(message.page ?? '');
  if (!address) return;
  title.lang = address[1];
  const link = document.createElement('a');
  link.className = 'button button-quiet msg-page-read';
  link.href = `/${address[1]}/${address[2]}`;
  link.textContent = say(viewer, 'read');
  link.setAttribute('aria-label', say(viewer, 'readPage', { title: message.text ?? '' }));
  if (viewer === 'youth') {
    link.dataset.helpLink = '';
  } else {
    link.target = '_blank';
    link.rel = 'noopener noreferrer';
  }
  item.append(link);
}

// An entry as one line for a screen reader's live region: who, then what ("Kuratorn: Hej!").
export function spokenText(message, viewer, self) {
  if (message.kind === 'text') return `${authorOf(message, viewer, self)}: ${message.text ?? ''}`;
  if (message.kind === 'page') return `${staffName(message, say(viewer, 'theCounsellor'))}: ${message.text ?? ''}`;
  return [systemText(message, viewer), message.text].filter(Boolean).join(' ');
}

// self: the viewer's own staff tag (staff), so their own lines read "Du".
export function renderMessage(message, viewer, self) {
  const item = document.createElement('li');
  item.className = 'msg';
  item.dataset.seq = String(message.seq);
  const text = document.createElement('p');
  text.className = 'msg-text';

  if (message.kind === 'text') {
    // Someone's own words keep their own direction; a system line reads in the page's language.
    text.dir = 'auto';
    item.classList.add(message.from === 'youth' ? 'msg-youth' : 'msg-counsellor');
    if (isOwn(message, viewer, self)) item.classList.add('msg-own');
    const author = document.createElement('span');
    author.className = 'msg-author';
    author.dir = 'auto';
    author.textContent = authorOf(message, viewer, self);
    text.textContent = message.text ?? '';
    item.append(author, text);
  } else if (message.kind === 'page') {
    renderPageCard(item, message, viewer, self);
  } else {
    item.classList.add('msg-system');
    text.textContent = systemText(message, viewer);
    item.append(text);
    // A summary, a transfer note or a kept note: someone's words, shown as they wrote them.
    if (message.text) {
      const quote = document.createElement('blockquote');
      quote.className = 'msg-quote';
      quote.dir = 'auto';
      quote.textContent = message.text;
      item.append(quote);
    }
  }

  if (typeof message.at === 'number') {
    const time = document.createElement('time');
    time.className = 'msg-time';
    time.dateTime = new Date(message.at).toISOString();
    time.textContent = dateFormat({ hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(message.at);
    item.append(time);
  }
  return item;
}

export function createTranscript(list, viewer, self) {
  const seen = new Set();
  let lastSeq = 0;
  let complete = 0;

  return {
    get lastSeq() { return lastSeq; },
    // Every entry up to here has arrived. Pushes relayed by different nodes can arrive out of
    // order, so a resume asks from here, not from lastSeq, and a gap is filled; repeats are dropped by seq.
    get complete() { return complete; },

    // Returns false for a seq already shown (the sender also gets its own message as an event).
    add(message) {
      if (typeof message?.seq !== 'number' || seen.has(message.seq)) return false;
      const nearBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 80;
      seen.add(message.seq);
      const later = [...list.children].find((el) => Number(el.dataset.seq) > message.seq);
      list.insertBefore(renderMessage(message, viewer, self), later ?? null);
      lastSeq = Math.max(lastSeq, message.seq);
      while (seen.has(complete + 1)) complete += 1;
      if (nearBottom || isOwn(message, viewer, self)) list.scrollTop = list.scrollHeight;
      return true;
    },

    clear() {
      seen.clear();
      lastSeq = 0;
      complete = 0;
      list.replaceChildren();
    },
  };
}
