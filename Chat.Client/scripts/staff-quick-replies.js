// Quick replies in one chat's composer: the coordinators' texts, loaded each time the menu opens (they may change
// during a shift), the chat's own language first. Choosing one puts its text into the message box, where the
// counsellor edits it; it never sends by itself.
import { loadOnOpen } from './hub.js';
import { inLanguageOrder, labelOf } from './labels.js';

export function wireQuickReplies(element, chat, { connection, labels, showError }) {
  const $ = (selector) => element.querySelector(selector);
  const menu = $('.quick-replies');
  const groups = $('.quick-reply-groups');
  const input = $('.message-input');

  function choose(text) {
    input.focus();
    input.setRangeText(text, input.selectionStart, input.selectionEnd, 'end');
    input.dispatchEvent(new Event('input', { bubbles: true }));
    menu.open = false;
  }

  function render(replies) {
    const items = inLanguageOrder(replies, chat.language, labels).map((language) => {
      const group = document.createElement('li');
      const heading = Object.assign(document.createElement('p'), { className: 'quick-reply-language', textContent: labelOf(labels.language, language) });
      const buttons = document.createElement('ul');
      buttons.setAttribute('aria-label', heading.textContent);
      buttons.append(...replies.filter((reply) => reply.language === language).map((reply) => {
        const item = document.createElement('li');
        const button = Object.assign(document.createElement('button'), { type: 'button', className: 'quick-reply button-quiet', textContent: reply.label, title: reply.text });
        button.addEventListener('click', () => choose(reply.text));
        item.append(button);
        return item;
      }));
      group.append(heading, buttons);
      return group;
    });
    groups.replaceChildren(...items);
    $('.quick-replies-empty').hidden = items.length > 0;
  }

  loadOnOpen(menu, connection, 'QuickReplies', render, showError);

  // Escape closes the menu and goes back to its button.
  menu.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || !menu.open) return;
    event.preventDefault();
    menu.open = false;
    menu.querySelector('summary').focus();
  });
}
