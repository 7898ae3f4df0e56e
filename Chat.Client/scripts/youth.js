// The young person's chat page: start, queue, chat, end, rating. Protocol: docs/protocol.md.
import { call, createConnection, fireAndForget } from './hub.js';
import { byId } from './dom.js';
import { createTranscript, spokenText } from './transcript.js';
import { createAnnouncer } from './live-region.js';
import { wireComposer } from './composer.js';
import * as view from './youth-view.js';
import { createHandover, forgetCodes } from './youth-handover.js';
import { createReader } from './youth-reader.js';
import { watchOpening } from './youth-opening.js';
import { createShareCheck } from './youth-share-check.js';
import * as texts from './texts.js';

// The token lives in this tab's sessionStorage only: never a cookie, localStorage or the URL.
const tokenKey = 'chat.token';
const readToken = () => sessionStorage.getItem(tokenKey);
const storeToken = (token) => sessionStorage.setItem(tokenKey, token);
const forgetToken = () => sessionStorage.removeItem(tokenKey);

const connection = createConnection('/hubs/youth');
// The status lines are rewritten in the page's language (the default one until texts.ready has the chosen one).
const opening = watchOpening((open) => view.setClosed(!open));
const transcript = createTranscript(byId('messages'), 'youth');
const announce = createAnnouncer(byId('chat-announcer'));
let moved = false;
let counsellorName = '';
// The chat's holder is one of this service's own counsellors (not a partner service's member): only then is a
// return code to "the same person" offered. guestName: a partner's member who joined beside the counsellor.
let ownHolder = false;
let guestName = '';
const handover = createHandover(connection, { showError: view.showError, counsellorName: () => counsellorName });

// Help pages open in place of the chat. The message list loses its scroll position while hidden: keep it, or
// go to the newest entry when something arrived meanwhile.
const messageList = byId('messages');
let listScroll = { top: 0, atBottom: true };
const reader = createReader({
  area: byId('chat-area'),
  onOpen: () => {
    listScroll = { top: messageList.scrollTop, atBottom: messageList.scrollHeight - messageList.scrollTop - messageList.clientHeight < 80 };
  },
  onClose: ({ news }) => {
    messageList.scrollTop = news || listScroll.atBottom ? messageList.scrollHeight : listScroll.top;
  },
});

// What the reader says beside the way back when something happens in the chat meanwhile.
function newsFor(message) {
  if (message.kind === 'joined') return texts.t('news.joined', { name: message.name || texts.t('people.aCounsellor') });
  if (message.kind === 'ended') return texts.t('news.ended');
  if (message.kind === 'transferred') return texts.t('news.transferred');
  if (message.kind === 'page') return texts.t('news.page', { name: message.name || texts.t('people.counsellor') });
  if (message.from === 'counsellor') return texts.t('news.message');
  return null;
}

function setCounsellor(name) {
  counsellorName = name || counsellorName;
  view.setCounsellor(counsellorName);
  handover.setCounsellorName();
}

function apply(state) {
  if (state.token) storeToken(state.token);
  for (const message of state.messages ?? []) receive(message, false);
  if (state.counsellor) setCounsellor(state.counsellor);
  handover.apply(state);
  if (state.state === 'waiting') {
    view.setQueuePosition(state.position);
    view.setQueueEstimate(state.estimatedWaitSeconds);
    view.show('waiting');
  } else if (state.state === 'active') {
    view.show('chat');
  } else if (transcript.lastSeq === 0) {
    // Ended before anyone joined: the place was released while this phone was away. Nothing to rate.
    startOver();
    view.showError('place-released');
  } else {
    view.setRated(Boolean(state.rated));
    view.show('ended');
  }
}

function startOver() {
  forgetToken();
  transcript.clear();
  counsellorName = '';
  ownHolder = false;
  guestName = '';
  handover.reset();
  view.hideEmergency();
  view.show('start');
}

// live: an event as it happens (a resume's entries only fill the transcript; its state decides the view).
function receive(message, live = true) {
  // Events only matter while this tab holds a conversation (not after leaving the queue).
  if (!readToken() || !transcript.add(message)) return;
  if (message.kind === 'joined' && message.service && ownHolder) {
    guestName = message.name; // beside the counsellor, who still holds the chat
  } else if (message.kind === 'joined') {
    setCounsellor(message.name);
    ownHolder = !message.service;
  } else if (message.kind === 'left' && guestName && !message.service) {
    setCounsellor(guestName); // the counsellor left; the partner's member holds the chat now
    ownHolder = false;
  } else if (message.kind === 'left' || message.kind === 'handover-cancelled') {
    guestName = '';
  } else if (message.kind === 'transferred') {
    ownHolder = false;
  }
  if (message.kind === 'note' && !counsellorName) setCounsellor(message.name);
  handover.setReturnAvailable(ownHolder);
  if (!live) return;
  if (message.from !== 'youth') announce(spokenText(message, 'youth'));
  // The reader shows it only while it is open (reader.notify checks).
  const news = newsFor(message);
  if (news) reader.notify(news);
  if (message.kind === 'joined') {
    view.show('chat');
  } else if (message.kind === 'handover' || message.kind === 'handover-cancelled') {
    handover.offerAnswered();
  } else if (message.kind === 'transferred') {
    handover.offerAnswered();
    view.setTyping(false);
    view.setQueuePosition(null);
    view.show('waiting');
  } else if (message.kind === 'ended') {
    view.setTyping(false);
    view.setRated(false);
    view.show('ended');
  } else if (message.from === 'counsellor') {
    view.setTyping(false);
  }
}

async function resume(takeOver) {
  const token = readToken();
  if (!token) return view.show('start');
  try {
    const state = await call(connection, 'Resume', { token, afterSeq: transcript.complete, takeOver });
    moved = false;
    view.showError(null);
    apply(state);
  } catch (error) {
    if (error.code === 'open-elsewhere') view.show('open-elsewhere');
    else if (error.code === 'unknown-conversation' || error.code === 'invalid-token') startOver();
    else view.showError(error);
  }
}

// takeOver: true when reconnecting by hand after our own connection was lost.
async function connect(takeOver) {
  view.showConnection(null);
  try {
    // The handshake and the chosen language's texts travel together; nothing is written before the words are there.
    await Promise.all([connection.start(), texts.ready()]);
  } catch {
    view.showConnection('closed');
    return;
  }
  view.setReady(true);
  if (readToken()) await resume(takeOver && !moved);
  else view.show('start');
}

connection.on('Message', receive);
// Places come from snapshots that different nodes may deliver out of order: keep the newest.
let queueVersion = 0;
connection.on('QueuePosition', ({ position, version, estimatedWaitSeconds }) => {
  if (version < queueVersion) return;
  queueVersion = version;
  view.setQueuePosition(position);
  view.setQueueEstimate(estimatedWaitSeconds);
});
connection.on('Typing', ({ isTyping }) => view.setTyping(isTyping));
connection.on('SessionMoved', () => {
  moved = true;
  view.show('session-moved');
  reader.notify(texts.t('errors.session-moved'));
});
connection.on('HandoverOffered', () => reader.notify(texts.t('news.offer')));
connection.onreconnecting(() => view.showConnection('reconnecting'));
connection.onreconnected(() => {
  view.showConnection(null);
  // Our own connection dropped, so taking the conversation back is right; not after another tab took it.
  if (!moved && readToken()) resume(true);
});
connection.onclose(() => {
  view.setReady(false);
  view.showConnection('closed');
});

byId('start-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  view.setReady(false);
  try {
    const state = await call(connection, 'Start', { ...view.startChoices(), code: handover.startCode() });
    transcript.clear();
    handover.reset();
    byId('start-code').value = '';
    apply(state);
    view.showError(null);
  } catch (error) {
    view.showError(error);
    // Closed since the page last asked: show when it opens instead of the form.
    if (error.code === 'chat-closed') opening.refresh();
  } finally {
    view.setReady(true);
  }
});

byId('leave-queue').addEventListener('click', async () => {
  try {
    await call(connection, 'End');
    view.showError(null);
    startOver();
  } catch (error) {
    view.showError(error);
  }
});

wireComposer({
  form: byId('send-form'),
  input: byId('message-input'),
  button: byId('send'),
  sendText: (clientMessageId, text, confirmed) => call(connection, 'Send', { clientMessageId, text, confirmed }),
  ask: createShareCheck(),
  sendTyping: (isTyping) => fireAndForget(connection, 'Typing', isTyping),
  onError: (error) => {
    if (error?.code === 'session-moved') view.show('session-moved');
    view.showError(error);
  },
});

// 112 first, at once; telling the counsellors comes second and may fail without hiding it.
async function raiseDanger() {
  view.showEmergency('sending');
  try {
    await call(connection, 'Danger');
    view.showEmergency('sent');
  } catch (error) {
    view.showEmergency('failed');
    if (error.code === 'session-moved') view.show('session-moved');
  }
}
for (const button of document.querySelectorAll('[data-danger]')) button.addEventListener('click', raiseDanger);

byId('end-chat').addEventListener('click', view.showEndConfirm);
byId('end-confirm-no').addEventListener('click', view.hideEndConfirm);
byId('end-confirm-yes').addEventListener('click', async () => {
  try {
    await call(connection, 'End');
  } catch (error) {
    if (error.code !== 'already-ended') return view.showError(error);
  }
  view.setRated(false);
  view.show('ended');
});

for (const button of document.querySelectorAll('#rating [data-rating]')) {
  button.addEventListener('click', async () => {
    if (button.disabled) return;
    button.disabled = true;
    try {
      await call(connection, 'Rate', Number(button.dataset.rating));
    } catch (error) {
      if (error.code !== 'already-rated') return view.showError(error);
    } finally {
      button.disabled = false;
    }
    view.setRated(true);
  });
}

byId('take-over').addEventListener('click', () => resume(true));
byId('reconnect').addEventListener('click', () => connect(true));
byId('start-again').addEventListener('click', forgetToken);
// The page is about to go: the beacon is delivered even after it has gone (a hub message may not be).
window.addEventListener('chat:quick-exit', () => {
  forgetCodes();
  const token = readToken();
  if (!token) return;
  if (!navigator.sendBeacon?.('/youth/leave', token)) fireAndForget(connection, 'End');
});

for (const button of document.querySelectorAll('#language-picker [data-language]')) {
  button.addEventListener('click', async () => {
    try {
      await texts.use(button.dataset.language);
      view.showError(null);
    } catch {
      view.showError('connection-lost');
    }
  });
}
// The picker says which language is on; the texts that youth-opening.js writes follow the language.
window.addEventListener('chat:language', ({ detail }) => {
  for (const button of document.querySelectorAll('#language-picker [data-language]')) {
    button.setAttribute('aria-pressed', String(button.dataset.language === detail));
  }
  opening.render();
  view.setCounsellor(counsellorName);
});

if (readToken()) view.show('resuming');
connect(false);
