// Before a message that looks like it says who the young person is goes out: a calm question, "Skicka ändå" or
// "Ändra". Nothing about it is kept or sent: the server only learns the message was confirmed, if it is sent.
import { byId } from './dom.js';
import { findPersonalDetails } from './personal-details.js';
import { current, t } from './texts.js';

// The calm question before sending, in the young person's language. kinds may be empty when only the server noticed.
function nudgeText(kinds) {
  const named = kinds.map((kind) => t(`shareCheck.kind.${kind}`));
  const what = named.length === 0 ? t('shareCheck.somethingPersonal')
    : new Intl.ListFormat(current(), { type: 'conjunction' }).format(named);
  return t('shareCheck.question', { what });
}

export function createShareCheck() {
  const box = byId('share-check');
  let answer = null; // resolves the open question

  function settle(value) {
    if (!answer) return;
    const resolve = answer;
    answer = null;
    box.hidden = true;
    resolve(value);
  }

  byId('share-check-send').addEventListener('click', () => settle(true));
  byId('share-check-edit').addEventListener('click', () => settle(false));
  // Changing the text is answer enough: the next send asks again if it still looks personal.
  byId('message-input').addEventListener('input', () => settle(false));
  // Escape answers "Ändra", wherever focus is (quick-exit.js moves focus only when Escape closed nothing).
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || event.defaultPrevented || !answer || box.getClientRects().length === 0) return;
    event.preventDefault();
    settle(false);
    byId('message-input').focus();
  });

  // For wireComposer's ask: null when there is nothing to ask.
  return function ask(text, refused) {
    const kinds = findPersonalDetails(text);
    if (kinds.length === 0 && !refused) return Promise.resolve(null);
    settle(false);
    byId('share-check-text').textContent = nudgeText(kinds);
    box.hidden = false;
    byId('share-check-edit').focus();
    return new Promise((resolve) => { answer = resolve; });
  };
}
