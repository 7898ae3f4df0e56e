// The message box: Enter sends, Shift+Enter makes a new line; the text stays in the box until sent.
import { newClientMessageId } from './dom.js';
import { createTypingNotifier } from './typing.js';

// ask (optional): asks the writer before sending; ask(text, refused) resolves true (send anyway), false (change it)
// or null (nothing to ask). refused: the server refused it as looking personal, so ask even if the page saw nothing.
export function wireComposer({ form, input, button, sendText, sendTyping, onError, ask }) {
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
    if (pending?.text !== text) pending = { id: newClientMessageId(), text, confirmed: false };
    button.disabled = true;
    typing.stop();
    try {
      if (!pending.confirmed && ask && !(await confirmed(text, false))) return;
      try {
        await sendText(pending.id, text, pending.confirmed);
      } catch (error) {
        if (error?.code !== 'looks-personal' || pending.confirmed || !ask || !(await confirmed(text, true))) throw error;
        await sendText(pending.id, text, true);
      }
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

  // false when the writer chose to change the text (it stays in the box, with the focus).
  async function confirmed(text, refused) {
    const answer = await ask(text, refused);
    if (answer === false) {
      input.focus();
      return false;
    }
    if (answer === true) pending.confirmed = true;
    return true;
  }

  return { stopTyping: typing.stop };
}
