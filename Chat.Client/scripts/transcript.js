// Renders ChatMessage entries into a list, in seq order, each seq once.
// viewer is 'youth' or 'counsellor': it decides which entries are "own" and how people are named.

const timeFormat = new Intl.DateTimeFormat('sv-SE', { hour: '2-digit', minute: '2-digit' });

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
  if (message.from === 'youth') return viewer === 'youth' ? 'Du' : 'Den unga';
  if (isOwn(message, viewer, self)) return 'Du';
  return staffName(message, 'Kurator');
}

function endedText(message, viewer) {
  if (message.from === viewer) return 'Du avslutade chatten';
  if (message.from === 'youth') return 'Den unga avslutade chatten';
  if (message.from === 'counsellor') return `${message.name || 'Kuratorn'} avslutade chatten`;
  return 'Chatten avslutades';
}

export function systemText(message, viewer) {
  const youth = viewer === 'youth';
  switch (message.kind) {
    case 'joined': return message.service
      ? `${message.name || 'En person'} från ${message.service} har anslutit`
      : `${message.name || 'En kurator'} har anslutit`;
    case 'left': return message.service
      ? `${message.name || 'Personen'} från ${message.service} har lämnat chatten`
      : `${message.name || 'Kuratorn'} har lämnat chatten`;
    case 'ended': return endedText(message, viewer);
    case 'handover': return youth
      ? `Du sa ja till att prata med ${message.service}. Det här får de läsa:`
      : `Den unga sa ja till ${message.service}. Sammanfattningen de får läsa:`;
    case 'transferred': return youth
      ? `${message.name || 'Kuratorn'} har lämnat över dig till en kollega. Du behåller din plats i kön, före dem som kommer nu.`
      : `${message.name || 'En kurator'} lämnade över chatten`;
    case 'handover-cancelled': return youth
      ? `Det blev ingen kontakt med ${message.service || 'verksamheten'} nu. Du fortsätter prata här.`
      : `Överlämningen till ${message.service || 'verksamheten'} avbröts`;
    case 'note': return youth
      ? `Anteckningen du sparade hos ${message.name || 'kuratorn'}:`
      : `Anteckning från ${message.name || 'en kurator'}, sparad av den unga:`;
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
  author.dir = 'auto';
  author.textContent = own ? 'Du skickade en hjälpsida' : `${staffName(message, 'Kuratorn')} skickade en hjälpsida`;
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
  link.textContent = 'Läs';
  link.setAttribute('aria-label', `Läs: ${message.text ?? ''}`);
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
  if (message.kind === 'page') return `${staffName(message, 'Kuratorn')}: ${message.text ?? ''}`;
  return [systemText(message, viewer), message.text].filter(Boolean).join(' ');
}

// self: the viewer's own staff tag (staff), so their own lines read "Du".
export function renderMessage(message, viewer, self) {
  const item = document.createElement('li');
  item.className = 'msg';
  item.dataset.seq = String(message.seq);
  const text = document.createElement('p');
  text.className = 'msg-text';
  text.dir = 'auto';

  if (message.kind === 'text') {
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
    time.textContent = timeFormat.format(message.at);
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
