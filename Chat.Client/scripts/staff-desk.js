// A partner service's desk: the live handovers waiting for its members, and opening a code a young person gave.
import { call } from './hub.js';
import { byId, cloneTemplate, replaceKeepingFocus, setText } from './dom.js';
import { labelOf } from './labels.js';
import { dateFormat as formatFor, t } from './texts.js';

const dateFormat = formatFor({ day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' });

export function createDesk({ connection, labels, showError, onTake }) {
  let onDuty = false;
  let count = 0;

  function hints() {
    byId('desk-off-duty').hidden = onDuty;
    byId('desk-empty').hidden = !onDuty || count > 0;
  }

  byId('desk-queue').addEventListener('click', (event) => {
    const button = event.target.closest('button.take-handover');
    if (button) onTake(button.dataset.conversationId, button);
  });

  byId('open-code-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      const opened = await call(connection, 'OpenCode', byId('open-code').value);
      showError(null);
      setText(byId('opened-code-facts'), t('console.desk.facts', {
        service: opened.serviceName,
        topic: labelOf(labels.topic, opened.topic, t('console.desk.noTopic')),
        ageBand: labelOf(labels.ageBand, opened.ageBand, t('console.desk.noAge')),
        issued: dateFormat.format(opened.issuedAt),
      }));
      setText(byId('opened-code-summary'), opened.summary);
      byId('opened-code').hidden = false;
      byId('open-code').value = '';
    } catch (error) {
      byId('opened-code').hidden = true;
      showError(error);
    }
  });

  return {
    // Shows the desk instead of the counsellors' queue and skills.
    show(serviceName) {
      setText(byId('desk-service'), serviceName);
      byId('desk-panel').hidden = false;
      byId('open-code-panel').hidden = false;
      byId('queue-panel').hidden = true;
      byId('skills-panel').hidden = true;
    },
    render(waiting) {
      const items = (waiting ?? []).map((handover) => {
        const item = cloneTemplate('waiting-handover-template');
        item.classList.toggle('is-danger', Boolean(handover.danger));
        item.querySelector('.danger-badge').hidden = !handover.danger;
        setText(item.querySelector('.summary'), handover.summary);
        setText(item.querySelector('.topic'), labelOf(labels.topic, handover.topic));
        setText(item.querySelector('.language'), labelOf(labels.language, handover.language));
        setText(item.querySelector('.age-band'), labelOf(labels.ageBand, handover.ageBand));
        item.querySelector('button.take-handover').dataset.conversationId = handover.conversationId;
        return item;
      });
      replaceKeepingFocus(byId('desk-queue'), items, byId('desk-heading'));
      count = items.length;
      hints();
    },
    setOnDuty(value) {
      onDuty = value;
      hints();
    },
  };
}
