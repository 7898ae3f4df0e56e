// What the young person sees: one view at a time, plus the alert and connection notices.
import { byId, setText, showAlert } from './dom.js';
import { errorText } from './errors.js';
import { createTypingIndicator } from './typing.js';
import { current as currentLanguage, plural, t } from './texts.js';

const views = ['resuming', 'start', 'closed', 'waiting', 'chat', 'ended', 'open-elsewhere', 'session-moved'];
const showTyping = createTypingIndicator(byId('typing-indicator'));
// Outside opening hours the place of the start form is taken by the closed view; a chat under way is not affected.
let closed = !byId('closed').hidden;
let current = views.find((id) => !byId(id).hidden) ?? 'start';
// Whether focus was last in one of the views: a button disabled while it had focus (the start button while the
// chat starts) drops focus to the page itself, and the next view should still catch it.
let focusInViews = false;
document.addEventListener('focusin', (event) => {
  focusInViews = views.some((id) => byId(id).contains(event.target));
});
const focusLost = () => focusInViews && (!document.activeElement || document.activeElement === document.body);

export function setClosed(isClosed) {
  if (closed === isClosed) return;
  closed = isClosed;
  if (current === 'start' || current === 'closed') show('start');
}

export function show(requested) {
  const name = requested === 'start' && closed ? 'closed' : requested;
  current = name;
  const focusWasInside = focusLost() || views.some((id) => byId(id).contains(document.activeElement));
  for (const id of views) byId(id).hidden = id !== name;
  // The reader shows the place in the queue too, while there is one.
  byId('reader-queue').hidden = name !== 'waiting';
  byId('reader-danger').hidden = name !== 'waiting' && name !== 'chat';
  // The language is picked before a chat starts; it is the chat's language from then on.
  const picker = document.getElementById('language-picker');
  if (picker) picker.hidden = name !== 'start' && name !== 'closed';
  hideEndConfirm();
  // If the pressed button vanished with its view, move focus to the new view's heading.
  if (focusWasInside) byId(name).querySelector('[data-focus]')?.focus();
}

export function showError(error) {
  showAlert(byId('chat-error'), error ? errorText(error.code ?? error, 'youth', error.retryAfter) : '');
}

export function showConnection(state) {
  showAlert(byId('connection-status'), state ? t(`connection.${state}`) : '');
  byId('reconnect').hidden = state !== 'closed';
}

export function setReady(ready) {
  byId('start-chat').disabled = !ready;
}

// Only real changes are written, so screen readers do not repeat the same words at every queue update.
function update(element, text) {
  if (element.textContent !== text) setText(element, text);
}

export function setQueuePosition(position) {
  const text = typeof position !== 'number' ? t('waiting.inQueue')
    : position <= 1 ? t('waiting.first')
    : t('waiting.position', { position });
  update(byId('queue-position'), text);
  update(byId('reader-queue'), text);
}

// Rounded as coarsely as the estimate deserves: minutes up to ten, then fives, then "over an hour".
export function estimateText(seconds) {
  if (typeof seconds !== 'number') return t('wait.unknown');
  if (seconds < 60) return t('wait.soon');
  const minutes = Math.round(seconds / 60);
  if (minutes > 60) return t('wait.overAnHour');
  const shown = minutes <= 10 ? minutes : Math.round(minutes / 5) * 5;
  return plural('wait.minutes', shown);
}

export function setQueueEstimate(seconds) {
  update(byId('queue-estimate'), estimateText(seconds));
}

// The 112 notice stays until a new chat starts: someone in danger should not lose it when a chat ends.
export function showEmergency(state) {
  const box = byId('emergency');
  const appearing = box.hidden;
  box.hidden = false;
  setText(byId('danger-status'), t(`danger.${state}`));
  if (appearing) {
    byId('emergency-heading').focus();
    box.scrollIntoView({ block: 'start' });
  }
}

export function hideEmergency() {
  byId('emergency').hidden = true;
}

export function setCounsellor(name) {
  setText(byId('typing-indicator'), t('chat.typing', { name: name || t('people.counsellor') }));
}

export function setTyping(isTyping) {
  showTyping(isTyping);
}

export function setRated(rated) {
  // The rating button is disabled while its answer is on the way, which may already have dropped focus.
  const focusWasInside = byId('rating').contains(document.activeElement) || focusLost();
  byId('rating').hidden = rated;
  byId('rating-thanks').hidden = !rated;
  // The pressed button went with the question: keep focus here rather than lose it to the page's start.
  if (rated && focusWasInside) byId('rating-thanks').focus();
}

export function showEndConfirm() {
  byId('end-chat').hidden = true;
  byId('end-confirm').hidden = false;
  byId('end-confirm-yes').focus();
}

export function hideEndConfirm() {
  byId('end-chat').hidden = false;
  byId('end-confirm').hidden = true;
}

// Escape answers "Nej, fortsätt", wherever focus is (quick-exit.js moves focus only when Escape closed nothing).
document.addEventListener('keydown', (event) => {
  // Not while the help reader covers it: that Escape closes the reader.
  if (event.key !== 'Escape' || event.defaultPrevented || byId('end-confirm').getClientRects().length === 0) return;
  event.preventDefault();
  hideEndConfirm();
  byId('end-chat').focus();
});

export function startChoices() {
  const value = (id) => byId(id).value || null;
  return { topic: value('topic'), language: currentLanguage(), ageBand: value('age-band') };
}
