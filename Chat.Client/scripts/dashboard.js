// The coordinators' live dashboard: the floor every few seconds, ending a stuck chat, following one silently.
// Protocol: docs/protocol.md (staff hub, "Dashboard"). The same words (dashboard.* in the staff texts) as the
// server's first rendering (DashboardWords).
import { call, createConnection } from './hub.js';
import { byId, cloneTemplate, setText, showAlert } from './dom.js';
import { errorText } from './errors.js';
import { createTranscript, spokenText } from './transcript.js';
import { createAnnouncer } from './live-region.js';
import { dateFormat, t } from './texts.js';

const root = byId('dashboard');
const canAct = root.dataset.canAct === 'true';
const connection = createConnection('/hubs/staff');
// Times in the service's own zone (DirectoryOptions), as the server writes them.
const timeZone = root.dataset.zone;
const clock = dateFormat({ hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone });
const clockSeconds = dateFormat({ hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23', timeZone });
// No staff tag matches this, so every line is shown with its author's name: the coordinator wrote none of them.
const transcript = createTranscript(byId('observed-messages'), 'counsellor', 'observer');
const announce = createAnnouncer(byId('observed-announcer'));
let following = null;

const showError = (error) => showAlert(byId('dashboard-error'), error ? errorText(error.code ?? error, 'staff') : '');

function ago(milliseconds) {
  const minutes = Math.floor(Math.max(0, milliseconds) / 60000);
  if (minutes < 1) return t('dashboard.ago.underMinute');
  return minutes < 60 ? t('dashboard.ago.minutes', { minutes }) : t('dashboard.ago.hours', { hours: Math.floor(minutes / 60), minutes: minutes % 60 });
}

function flags(chat) {
  return [
    chat.danger && t('dashboard.flag.danger'),
    chat.stuck && t('dashboard.flag.stuck'),
    chat.youthAway && t('dashboard.flag.youthAway'),
    chat.waitingFor && t('dashboard.flag.waitingFor', { service: chat.waitingFor }),
    chat.guest && t('dashboard.flag.guest', { guest: chat.guest }),
    chat.observer && t('dashboard.flag.observer', { observer: chat.observer }),
  ].filter(Boolean);
}

function chatRow(chat, now) {
  const row = cloneTemplate('dashboard-chat-row');
  const $ = (selector) => row.querySelector(selector);
  row.dataset.conversationId = chat.conversationId;
  row.classList.toggle('is-stuck', chat.stuck);
  setText($('.chat-holder'), chat.service ? `${chat.holder}, ${chat.service}` : chat.holder);
  setText($('.chat-taken'), clock.format(chat.taken));
  setText($('.chat-last'), ago(now - chat.lastActivity));
  setText($('.chat-flags'), flags(chat).join(' · '));
  for (const button of row.querySelectorAll('button')) button.dataset.conversationId = chat.conversationId;
  return row;
}

function deskRow(desk) {
  const row = document.createElement('tr');
  const name = document.createElement('th');
  name.scope = 'row';
  name.textContent = desk.name;
  row.append(name, ...[desk.onDuty, desk.waiting].map((n) => {
    const cell = document.createElement('td');
    cell.textContent = String(n);
    return cell;
  }));
  return row;
}

function render(state) {
  setText(byId('fig-waiting'), String(state.waiting));
  setText(byId('fig-longest'), state.longestWaitSeconds == null ? '–' : ago(state.longestWaitSeconds * 1000));
  setText(byId('fig-danger'), String(state.dangerWaiting));
  byId('fig-danger').closest('.figure').classList.toggle('is-danger', state.dangerWaiting > 0);
  setText(byId('fig-on-duty'), String(state.onDuty));
  setText(byId('fig-free'), t('dashboard.free', { free: state.freeCapacity, capacity: state.capacity }));
  setText(byId('fig-chats'), String(state.chatsInProgress));
  setText(byId('fig-handovers'), String(state.handoversToday));
  byId('chat-rows').replaceChildren(...state.chats.map((chat) => chatRow(chat, state.at)));
  byId('chats-empty').hidden = state.chats.length > 0;
  byId('chats-table').hidden = state.chats.length === 0;
  byId('desk-rows').replaceChildren(...state.desks.map(deskRow));
  byId('desks-empty').hidden = state.desks.length > 0;
  byId('desks-table').hidden = state.desks.length === 0;
  setText(byId('dashboard-updated'), t('dashboard.updated', { time: clockSeconds.format(state.at) }));
  setActions();
  if (following && !state.chats.some((chat) => chat.conversationId === following)) byId('observed-ended').hidden = false;
}

// Buttons act only for coordinators, and only over a live connection.
function setActions() {
  for (const button of root.querySelectorAll('.chat-actions button')) {
    button.hidden = !canAct;
    if (button.classList.contains('follow')) button.disabled = button.dataset.conversationId === following;
  }
}

async function follow(id) {
  try {
    if (following && following !== id) await call(connection, 'LeaveSilently', following).catch(() => {});
    const chat = await call(connection, 'JoinSilently', id);
    following = id;
    transcript.clear();
    for (const message of chat.messages) transcript.add(message);
    byId('observed-ended').hidden = chat.state !== 'ended';
    byId('observed').hidden = false;
    byId('observed-heading').focus();
    setActions();
    showError(null);
  } catch (error) {
    showError(error);
  }
}

async function stopFollowing() {
  const id = following;
  following = null;
  byId('observed').hidden = true;
  transcript.clear();
  setActions();
  if (id) await call(connection, 'LeaveSilently', id).catch((error) => showError(error));
}

async function end(id, button) {
  if (!window.confirm(t('console.dashboard.confirmEnd'))) return;
  button.disabled = true;
  try {
    await call(connection, 'EndChat', id);
    showError(null);
  } catch (error) {
    showError(error);
    button.disabled = false;
  }
}

root.addEventListener('click', (event) => {
  const button = event.target.closest('.chat-actions button');
  if (!button) return;
  if (button.classList.contains('follow')) follow(button.dataset.conversationId);
  else end(button.dataset.conversationId, button);
});
byId('stop-following').addEventListener('click', stopFollowing);

connection.on('DashboardChanged', render);
connection.on('Message', ({ conversationId, message }) => {
  if (conversationId !== following) return;
  if (transcript.add(message)) announce(spokenText(message, 'counsellor', 'observer'));
  if (message.kind === 'ended') byId('observed-ended').hidden = false;
});

async function watch() {
  try {
    render(await call(connection, 'WatchDashboard'));
    showAlert(byId('connection-status'), '');
  } catch (error) {
    showError(error);
  }
}

connection.onreconnecting(() => showAlert(byId('connection-status'), t('console.connection.reconnecting')));
connection.onreconnected(watch);
connection.onclose(() => showAlert(byId('connection-status'), t('console.connection.closedReload')));
setActions();
connection.start().then(watch, () => showAlert(byId('connection-status'), t('console.connection.closedReload')));
