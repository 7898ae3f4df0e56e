// The message box: Enter sends, Shift+Enter makes a new line; the text stays in the box until sent.
import { newClientMessageId } from './dom.js';
import { createTypingNotifier } from './typing.js';

export function wireComposer({ form, input, button, sendText, sendTyping, onError }) {
  const typing = createTypingNotifier(sendTyping);
  // A retry of the same text keeps its clientMessageId, so a lost reply cannot store it twice.
  let pending = null;

  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      button.click();
    }
  });
  input.addEventListener('input', () => {
    if (input.value.trim()) typing.input();
    else typing.stop();
  });

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const text = input.value;
    if (!text.trim() || button.disabled) return;
    if (pending?.text !== text) pending = { id: newClientMessageId(), text };
    button.disabled = true;
    typing.stop();
    try {
      await sendText(pending.id, text);
      pending = null;
      if (input.value === text) input.value = '';
      onError(null);
      input.focus();
    } catch (error) {
      onError(error);
    } finally {
      button.disabled = false;
    }
  });

  return { stopTyping: typing.stop };
}
