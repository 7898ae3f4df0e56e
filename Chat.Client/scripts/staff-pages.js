// Sending a help page into one chat: the published pages, loaded each time the picker is opened (coordinators
// publish during a shift), grouped by language with the chat's own language first.
import { call, loadOnOpen } from './hub.js';
import { newClientMessageId } from './dom.js';
import { inLanguageOrder, labelOf } from './labels.js';
import { t } from './texts.js';

export function wirePages(element, chat, { connection, labels, showError }) {
  const $ = (selector) => element.querySelector(selector);
  const tools = $('.page-tools');
  const select = $('.page-choice');
  const button = $('.send-page');
  // A retry of the same page keeps its clientMessageId, so a lost reply cannot send it twice.
  let pending = null;

  const option = (value, text) => Object.assign(document.createElement('option'), { value, textContent: text });

  function render(pages) {
    const chosen = select.value;
    const groups = inLanguageOrder(pages, chat.language, labels).map((language) => {
      const group = document.createElement('optgroup');
      group.label = labelOf(labels.language, language);
      group.append(...pages.filter((p) => p.language === language).map((p) => option(`${p.language}/${p.slug}`, p.title)));
      return group;
    });
    select.replaceChildren(option('', t('console.pages.choose')), ...groups);
    select.value = pages.some((p) => `${p.language}/${p.slug}` === chosen) ? chosen : '';
  }

  loadOnOpen(tools, connection, 'Pages', render, showError);

  button.addEventListener('click', async () => {
    const page = select.value;
    if (!page) return showError('choose-page');
    const [language, slug] = page.split('/');
    if (pending?.page !== page) pending = { id: newClientMessageId(), page };
    button.disabled = true;
    try {
      await call(connection, 'SendPage', { conversationId: chat.conversationId, language, slug, clientMessageId: pending.id });
      pending = null;
      select.value = '';
      showError(null);
      tools.open = false;
      $('.message-input').focus();
    } catch (error) {
      showError(error);
    } finally {
      button.disabled = false;
    }
  });
}
