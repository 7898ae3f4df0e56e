// The counsellor console: duty, queue and the counsellor's chats. Protocol: docs/protocol.md.
import { call, createConnection } from './hub.js';
import { byId, setText, showAlert } from './dom.js';
import { errorText } from './errors.js';
import { readLabels } from './labels.js';
import { t } from './texts.js';
import { createQueue } from './staff-queue.js';
import { createPanel } from './staff-panel.js';
import { createSkills } from './staff-skills.js';
import { createDangerAlert } from './staff-alert.js';
import { createDesk } from './staff-desk.js';
import { createTabs } from './staff-tabs.js';
import { createAttention } from './staff-attention.js';
import { createAnnouncer } from './live-region.js';

const labels = readLabels(byId('console'));
// The staff tag on this person's own entries, from the first snapshot (before any panel exists).
let self = '';
const connection = createConnection('/hubs/staff');

// Snapshots from different nodes can arrive out of order: show only the newest.
let queueVersion = 0;
function newerQueue(version) {
  if (version < queueVersion) return false;
  queueVersion = version;
  return true;
}

const panels = new Map();
const queue = createQueue({ labels, onTake: (id, button) => take(button, 'Take', id) });
let onDuty = false;
const attention = createAttention();
const tabs = createTabs({ onUnread: attention.unread });

// Who waits for this person (the queue, or a partner's desk) while on duty; a new id is a new arrival. The list is
// kept, for when duty changes.
let lastWaiting = [];
let waitingIds = null;
function noticeWaiting(waiting) {
  lastWaiting = waiting;
  const ids = new Set(onDuty ? (waiting ?? []).map((chat) => chat.conversationId) : []);
  const arrived = waitingIds !== null && [...ids].some((id) => !waitingIds.has(id));
  waitingIds = ids;
  attention.waiting(ids.size, arrived);
}

const showError = (error) =>
  showAlert(byId('console-error'), error ? errorText(error.code ?? error, 'staff') : '');
const skills = createSkills({ connection, showError });
// Only for a partner service's member (their snapshot names the service).
const desk = createDesk({ connection, labels, showError, onTake: (id, button) => take(button, 'TakeHandover', id) });
const showDanger = createDangerAlert({ isMine: (id) => panels.has(id), isWaiting: (id) => queue.has(id) });

// state: 'reconnecting', 'closed', or null once connected (the notice goes away).
function showConnection(state) {
  showAlert(byId('connection-status'), state ? t(`console.connection.${state}`) : '');
  byId('reconnect').hidden = state !== 'closed';
}

function renderDuty(duty) {
  if (!duty) return;
  setText(byId('duty-status'), duty.onDuty
    ? t('console.duty.on', { active: duty.active, capacity: duty.capacity })
    : t('console.duty.off'));
  if (duty.onDuty) byId('capacity').value = String(duty.capacity);
  byId('go-off-duty').disabled = !duty.onDuty;
  setText(byId('go-on-duty'), t(duty.onDuty ? 'console.duty.change' : 'console.duty.goOn'));
  onDuty = duty.onDuty;
  updateQueueHints();
  noticeWaiting(lastWaiting);
  desk.setOnDuty(duty.onDuty);
}

function updateQueueHints() {
  byId('queue-off-duty').hidden = onDuty;
  byId('queue-empty').hidden = !onDuty || queue.count > 0;
  byId('take-next').disabled = !onDuty || queue.count === 0;
}

function renderQueue(waiting) {
  queue.render(waiting);
  updateQueueHints();
  noticeWaiting(waiting);
}

function renderDesk(waiting) {
  desk.render(waiting);
  noticeWaiting(waiting);
}

const announce = createAnnouncer(byId('console-announcer'));

function updateChatsEmpty() {
  byId('chats-empty').hidden = panels.size > 0;
}

// A chat that appears by itself does not take the view (take() selects the one the counsellor took).
function addPanel(chat) {
  const panel = createPanel(chat, {
    connection,
    labels,
    self,
    onClose: (id) => {
      panels.delete(id);
      tabs.remove(id);
      updateChatsEmpty();
    },
    onIncoming: (id) => { if (tabs.incoming(id)) attention.message(); },
    onChange: tabs.refresh,
    announce,
  });
  panels.set(chat.conversationId, panel);
  tabs.add(panel);
  updateChatsEmpty();
  return panel;
}

function syncPanels(chats) {
  const present = new Set(chats.map((chat) => chat.conversationId));
  for (const chat of chats) {
    const panel = panels.get(chat.conversationId);
    if (panel) panel.update(chat);
    // A wrapped-up chat is done: no new panel for it (nor again for one the counsellor closed).
    else if (!chat.wrappedUp) addPanel(chat);
  }
  // A wrapped-up chat may leave the snapshot; its panel stays until the counsellor closes it.
  for (const [id, panel] of panels) {
    if (!present.has(id) && !panel.wrappedUp) {
      panels.delete(id);
      tabs.remove(id);
    }
  }
  updateChatsEmpty();
}

// Snapshots never overlap; one asked for during another runs right after it, so nothing is missed.
let loading = null;
let loadAgain = false;
function refresh() {
  if (loading) {
    loadAgain = true;
    return loading;
  }
  loading = (async () => {
    do {
      loadAgain = false;
      try {
        const state = await call(connection, 'Snapshot');
        self = state.self ?? self;
        renderDuty(state.duty);
        if (state.service) {
          desk.show(state.service);
          renderDesk(state.handovers);
        } else {
          skills.render(state.skills);
          if (newerQueue(state.queueVersion)) renderQueue(state.waiting);
        }
        syncPanels(state.chats ?? []);
      } catch (error) {
        showError(error);
      }
    } while (loadAgain);
  })().finally(() => { loading = null; });
  return loading;
}

// 'Take' a chosen chat, or 'TakeNext': the one the matching rules give this counsellor.
async function take(button, method, ...args) {
  button.disabled = true;
  try {
    const chat = await call(connection, method, ...args);
    showError(null);
    (panels.get(chat.conversationId) ?? addPanel(chat)).update(chat);
    tabs.select(chat.conversationId);
    panels.get(chat.conversationId).element.querySelector('.message-input').focus();
  } catch (error) {
    showError(error);
  } finally {
    button.disabled = false;
    updateQueueHints();
  }
}


async function changeDuty(method, ...args) {
  try {
    renderDuty(await call(connection, method, ...args));
    showError(null);
    await refresh();
  } catch (error) {
    showError(error);
  }
}

byId('go-on-duty').addEventListener('click', () => changeDuty('GoOnDuty', Number(byId('capacity').value)));
byId('go-off-duty').addEventListener('click', () => changeDuty('GoOffDuty'));
byId('take-next').addEventListener('click', (event) => take(event.currentTarget, 'TakeNext'));

connection.on('QueueChanged', ({ version, waiting }) => {
  if (newerQueue(version)) renderQueue(waiting);
});
connection.on('DutyChanged', renderDuty);
connection.on('Message', ({ conversationId, message }) => {
  const panel = panels.get(conversationId);
  if (panel) panel.receive(message);
  else refresh(); // taken in another tab of the same counsellor
});
connection.on('DangerAlert', ({ conversationId }) => {
  showDanger(conversationId);
  panels.get(conversationId)?.markDanger();
});
connection.on('ObserverChanged', ({ conversationId, observer }) => panels.get(conversationId)?.setObserver(observer));
connection.on('Typing', ({ conversationId, isTyping }) => panels.get(conversationId)?.setTyping(isTyping));
connection.on('HandoverQueueChanged', ({ waiting }) => renderDesk(waiting));
connection.on('HandoverAnswered', (answer) => panels.get(answer.conversationId)?.answered(answer));
connection.on('ReturnCodeRequested', ({ conversationId }) => panels.get(conversationId)?.returnRequested());
connection.on('ReturnNoteAnswered', (answer) => panels.get(answer.conversationId)?.noteAnswered(answer));
// A session that ended (sign-out in another tab, the shift is over, an admin disabled the account) closes the
// connection from the server: asking the probe tells that apart from a network drop, and goes to sign in.
let leaving = false;
async function leaveIfSignedOut() {
  if (leaving) return true;
  let response;
  try {
    response = await fetch('/staff/auth/session', { credentials: 'same-origin', cache: 'no-store' });
  } catch {
    return false; // the network or the server is away: keep trying to reconnect
  }
  if (response.status !== 401) return false;
  leaving = true;
  await connection.stop();
  window.location.assign('/staff/signin?error=session-ended');
  return true;
}
// Signing out here ends the session too, but on purpose: the form's own answer (the sign-in page, no error) is where
// this page goes, not to "your session ended" as well, which raced it.
byId('sign-out-form').addEventListener('submit', () => { leaving = true; });

connection.onreconnecting(async () => {
  if (!(await leaveIfSignedOut())) showConnection('reconnecting');
});
connection.onreconnected(() => {
  showConnection(null);
  refresh();
});
// Duty can change only over a live connection: a click before it is up would just fail.
const setConnected = (connected) => { byId('go-on-duty').disabled = !connected; };

connection.onclose(async () => {
  setConnected(false);
  if (!(await leaveIfSignedOut())) showConnection('closed');
});

async function connect() {
  showConnection(null);
  try {
    await connection.start();
  } catch {
    if (!(await leaveIfSignedOut())) showConnection('closed');
    return;
  }
  setConnected(true);
  await refresh();
}

byId('reconnect').addEventListener('click', connect);
connect();
