// One conversation on the console: transcript, message box, quick replies, ending, and the wrap-up afterwards.
import { call, fireAndForget } from './hub.js';
import { cloneTemplate, setText, showAlert } from './dom.js';
import { errorText } from './errors.js';
import { labelOf } from './labels.js';
import { t } from './texts.js';
import { createTranscript, spokenText } from './transcript.js';
import { createTypingIndicator } from './typing.js';
import { wireComposer } from './composer.js';
import { wireHandover } from './staff-handover.js';
import { wirePages } from './staff-pages.js';
import { wireQuickReplies } from './staff-quick-replies.js';

// self: the signed-in person's staff tag (ConsoleState.self). onIncoming: a message from the young person or a
// partner's member arrived; onChange: what the chat's tab shows (label, danger, ended) may have changed;
// announce: says one line in the console's live region.
export function createPanel(chat, { connection, labels, self, onClose, onIncoming, onChange, announce }) {
  const id = chat.conversationId;
  const element = cloneTemplate('staff-chat-template');
  const $ = (selector) => element.querySelector(selector);
  const transcript = createTranscript($('.messages'), 'counsellor', self);
  const showTyping = createTypingIndicator($('.typing-indicator'));
  const showError = (error) =>
    showAlert($('.chat-error'), error ? errorText(error.code ?? error, 'staff') : '');
  let state = chat.state;
  let wrappedUp = chat.wrappedUp;
  let danger = chat.danger;
  // A coordinator following the chat silently: the counsellor always knows.
  let observer = chat.observer ?? null;
  // Handed on (transferred, or left to a partner's member): the chat is no longer this person's.
  const close = () => {
    element.remove();
    onClose(id);
  };
  const handover = wireHandover(element, chat, { connection, labels, showError, onTransferred: close });
  wirePages(element, chat, { connection, labels, showError });
  wireQuickReplies(element, chat, { connection, labels, showError });

  element.dataset.conversationId = id;
  const topic = labelOf(labels.topic, chat.topic, t('console.chat.noTopic'));
  setText($('.staff-chat-title'), topic);
  setText($('.staff-chat-meta'),
    t('console.chat.meta', { language: labelOf(labels.language, chat.language), ageBand: labelOf(labels.ageBand, chat.ageBand) }));

  const composer = wireComposer({
    form: $('.send-form'),
    input: $('.message-input'),
    button: $('.send'),
    sendText: (clientMessageId, text) => call(connection, 'Send', { conversationId: id, clientMessageId, text }),
    sendTyping: (isTyping) => fireAndForget(connection, 'Typing', id, isTyping),
    onError: showError,
  });

  function render() {
    const ended = state === 'ended';
    element.classList.toggle('is-danger', Boolean(danger));
    $('.danger-badge').hidden = !danger;
    setText($('.observer-badge'), observer ? t('console.chat.observer', { observer }) : '');
    $('.observer-badge').hidden = !observer || ended;
    element.classList.toggle('is-ended', ended);
    $('.send-form').hidden = ended;
    $('.page-tools').hidden = ended;
    $('.quick-replies').hidden = ended;
    // A partner's member who has joined but not taken over yet writes, but does not end the chat.
    $('.end-area').hidden = ended || !handover.holder;
    $('.wrap-up').hidden = !ended || wrappedUp;
    $('.wrapped-up').hidden = !wrappedUp;
    if (ended) {
      const list = $('.messages');
      list.scrollTop = list.scrollHeight;
      showTyping(false);
      composer.stopTyping();
    }
    onChange(id);
  }

  // The wrap-up's first field, when the chat waits for its wrap-up; false otherwise.
  function focusWrapUp() {
    if (state !== 'ended' || wrappedUp) return false;
    $('.wrap-up select').focus();
    return true;
  }

  // Ending, or ending and blocking: each asks once more before it acts. kind: 'end' | 'block' | null (neither).
  function confirmEnd(kind) {
    $('.end-chat').hidden = kind !== null;
    $('.block-chat').hidden = kind !== null;
    $('.end-confirm').hidden = kind !== 'end';
    $('.block-confirm').hidden = kind !== 'block';
    (kind ? $(`.${kind}-confirm-yes`) : $('.end-chat')).focus();
  }

  async function endChat(method) {
    try {
      await call(connection, method, id);
    } catch (error) {
      if (error.code !== 'already-ended') return showError(error);
    }
    showError(null);
    state = 'ended';
    confirmEnd(null);
    if (method === 'Block') form.elements.outcome.value = 'abusive';
    render();
    focusWrapUp();
  }

  $('.end-chat').addEventListener('click', () => confirmEnd('end'));
  $('.block-chat').addEventListener('click', () => confirmEnd('block'));
  $('.end-confirm-no').addEventListener('click', () => confirmEnd(null));
  $('.block-confirm-no').addEventListener('click', () => confirmEnd(null));
  $('.end-confirm-yes').addEventListener('click', () => endChat('End'));
  $('.block-confirm-yes').addEventListener('click', () => endChat('Block'));

  const form = $('.wrap-up');
  form.elements.topic.value = chat.topic ?? '';
  form.elements.ageBand.value = chat.ageBand ?? '';
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const value = (name) => form.elements[name].value || null;
    try {
      await call(connection, 'WrapUp', {
        conversationId: id, topic: value('topic'), ageBand: value('ageBand'), outcome: value('outcome'),
      });
    } catch (error) {
      if (error.code !== 'already-wrapped-up') return showError(error);
    }
    showError(null);
    wrappedUp = true;
    render();
    $('.close-panel').focus();
  });

  $('.close-panel').addEventListener('click', close);

  function receive(message) {
    if (!transcript.add(message)) return;
    // Live entries only (not a snapshot's history), and not the counsellor's own.
    if (message.staffId !== self) announce(t('console.announce', { chat: topic, line: spokenText(message, 'counsellor', self) }));
    // Seen in another tab of the same person: this one follows.
    if (message.kind === 'transferred' || (message.kind === 'left' && message.staffId === self)) return close();
    handover.receive(message, state);
    if (message.kind === 'joined' || message.kind === 'left') render();
    if (message.kind === 'ended') {
      // Whoever was writing in this chat goes straight on to its wrap-up; focus elsewhere is left alone.
      const writingHere = element.contains(document.activeElement);
      state = 'ended';
      render();
      if (writingHere) focusWrapUp();
    } else if (message.from === 'youth') {
      showTyping(false);
    }
    if (message.kind === 'text' && (message.from === 'youth' || message.staffId !== self)) onIncoming(id);
  }

  function update(snapshot) {
    for (const message of snapshot.messages ?? []) transcript.add(message);
    state = snapshot.state;
    wrappedUp = snapshot.wrappedUp;
    danger = snapshot.danger;
    observer = snapshot.observer ?? null;
    handover.update(snapshot, state);
    render();
  }

  function markDanger() {
    danger = true;
    render();
  }

  function setObserver(name) {
    observer = name ?? null;
    render();
  }

  update(chat);
  return {
    id, element, receive, update, markDanger, setObserver, setTyping: showTyping, focusWrapUp,
    answered: handover.answered, returnRequested: handover.returnRequested, noteAnswered: handover.noteAnswered,
    get wrappedUp() { return wrappedUp; },
    get needsWrapUp() { return state === 'ended' && !wrappedUp; },
    get danger() { return Boolean(danger); },
    get label() { return state === 'ended' ? t('console.tabs.ended', { topic }) : danger ? t('console.tabs.danger', { topic }) : topic; },
  };
}
