// Renders ChatMessage entries into a list, in seq order, each seq once.
// viewer is 'youth' or 'counsellor': it decides which entries are "own" and how people are named.

const timeFormat = new Intl.DateTimeFormat('sv-SE', { hour: '2-digit', minute: '2-digit' });

function authorOf(message, viewer) {
  if (message.from === viewer) return 'Du';
  if (message.from === 'counsellor') return message.name || 'Kurator';
  return viewer === 'youth' ? 'Du' : 'Den unga';
}

function endedText(message, viewer) {
  if (message.from === viewer) return 'Du avslutade chatten';
  if (message.from === 'youth') return 'Den unga avslutade chatten';
  if (message.from === 'counsellor') return `${message.name || 'Kuratorn'} avslutade chatten`;
  return 'Chatten avslutades';
}

export function systemText(message, viewer) {
  switch (message.kind) {
    case 'joined': return `${message.name || 'En kurator'} har anslutit`;
    case 'left': return `${message.name || 'Kuratorn'} har lämnat chatten`;
    case 'ended': return endedText(message, viewer);
    default: return '';
  }
}

export function renderMessage(message, viewer) {
  const item = document.createElement('li');
  item.className = 'msg';
  item.dataset.seq = String(message.seq);
  const text = document.createElement('p');
  text.className = 'msg-text';
  text.dir = 'auto';

  if (message.kind === 'text') {
    item.classList.add(message.from === 'youth' ? 'msg-youth' : 'msg-counsellor');
    if (message.from === viewer) item.classList.add('msg-own');
    const author = document.createElement('span');
    author.className = 'msg-author';
    author.dir = 'auto';
    author.textContent = authorOf(message, viewer);
    text.textContent = message.text ?? '';
    item.append(author, text);
  } else {
    item.classList.add('msg-system');
    text.textContent = systemText(message, viewer);
    item.append(text);
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

export function createTranscript(list, viewer) {
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
      list.insertBefore(renderMessage(message, viewer), later ?? null);
      lastSeq = Math.max(lastSeq, message.seq);
      while (seen.has(complete + 1)) complete += 1;
      if (nearBottom || message.from === viewer) list.scrollTop = list.scrollHeight;
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
