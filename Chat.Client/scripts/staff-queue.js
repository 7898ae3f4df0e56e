// The waiting list on the console: who waits, with what they chose to tell, and for how long.
import { byId, cloneTemplate, replaceKeepingFocus, setText } from './dom.js';
import { labelOf } from './labels.js';
import { t } from './texts.js';

function waitedText(since) {
  const minutes = Math.max(0, Math.floor((Date.now() - since) / 60000));
  return minutes < 1 ? t('console.queue.waitedUnderMinute') : t('console.queue.waited', { minutes });
}

export function createQueue({ labels, onTake }) {
  const list = byId('queue');
  let count = 0;

  list.addEventListener('click', (event) => {
    const button = event.target.closest('button.take');
    if (button) onTake(button.dataset.conversationId, button);
  });

  function tick() {
    for (const item of list.querySelectorAll('.waiting-chat')) {
      setText(item.querySelector('.waiting-time'), waitedText(Number(item.dataset.waitingSince)));
    }
  }
  setInterval(tick, 15000);

  function render(waiting) {
    const items = (waiting ?? []).map((chat) => {
      const item = cloneTemplate('waiting-chat-template');
      item.dataset.conversationId = chat.conversationId;
      item.dataset.waitingSince = String(chat.waitingSince);
      item.classList.toggle('is-danger', Boolean(chat.danger));
      item.querySelector('.danger-badge').hidden = !chat.danger;
      setText(item.querySelector('.topic'), labelOf(labels.topic, chat.topic));
      setText(item.querySelector('.language'), labelOf(labels.language, chat.language));
      setText(item.querySelector('.age-band'), labelOf(labels.ageBand, chat.ageBand));
      item.querySelector('button.take').dataset.conversationId = chat.conversationId;
      return item;
    });
    replaceKeepingFocus(list, items, byId('queue-heading'));
    count = items.length;
    tick();
  }

  const has = (conversationId) =>
    [...list.querySelectorAll('.waiting-chat')].some((item) => item.dataset.conversationId === conversationId);

  return { render, has, get count() { return count; } };
}
