// Handing a chat on, inside one chat panel: to a partner service (the young person decides), to a colleague
// or a skill, leaving once a partner's member has joined, and a note for a return code.
import { call } from './hub.js';
import { setText } from './dom.js';
import { labelOf } from './labels.js';
import { t } from './texts.js';

const availabilities = new Set(['live', 'bycode', 'askage', 'excluded']);

export function wireHandover(element, chat, { connection, labels, showError, onTransferred }) {
  const $ = (selector) => element.querySelector(selector);
  const id = chat.conversationId;
  const status = (text) => {
    $('.handover-status').hidden = !text;
    setText($('.handover-status'), text);
  };

  function serviceItem(verdict) {
    const item = document.createElement('li');
    const closed = verdict.availability === 'excluded' || verdict.availability === 'askage';
    item.className = closed ? 'service service-excluded' : 'service';
    const label = document.createElement('label');
    const radio = document.createElement('input');
    radio.type = 'radio';
    radio.name = `service-${id}`;
    radio.value = verdict.service;
    radio.disabled = closed;
    const name = document.createElement('strong');
    name.textContent = verdict.name;
    const what = document.createElement('span');
    what.textContent = availabilities.has(verdict.availability) ? t(`console.handover.${verdict.availability}`) : verdict.availability;
    label.append(radio, name, what);
    item.append(label);
    if (verdict.reason) {
      const reason = document.createElement('p');
      reason.className = 'hint';
      reason.textContent = verdict.reason;
      item.append(reason);
    }
    return item;
  }

  // Those that can take the chat first; those that cannot, with the reason, folded away below.
  function renderServices(verdicts) {
    const open = verdicts.filter((v) => v.availability !== 'excluded');
    const excluded = verdicts.filter((v) => v.availability === 'excluded');
    const list = $('.service-list');
    list.replaceChildren(...open.map(serviceItem));
    if (excluded.length > 0) {
      const fold = document.createElement('details');
      fold.className = 'services-excluded';
      const summary = document.createElement('summary');
      summary.textContent = t('console.handover.excludedList', { count: excluded.length });
      const more = document.createElement('ul');
      more.className = 'service-list';
      more.append(...excluded.map(serviceItem));
      fold.append(summary, more);
      const item = document.createElement('li');
      item.append(fold);
      list.append(item);
    }
    $('.services').hidden = false;
  }

  const ageBand = () => $('select[name="handoverAgeBand"]').value || null;

  $('.load-services').addEventListener('click', async () => {
    try {
      renderServices(await call(connection, 'Services', { conversationId: id, ageBand: ageBand() }));
      showError(null);
    } catch (error) {
      showError(error);
    }
  });

  $('.propose-handover').addEventListener('click', async () => {
    const service = $(`input[name="service-${id}"]:checked`)?.value;
    if (!service) return showError('choose-service');
    try {
      const offer = await call(connection, 'ProposeHandover', {
        conversationId: id, service, ageBand: ageBand(), summary: $('.handover-summary').value,
      });
      showError(null);
      // Hidden (and the focus moved on) first; folded, so the tools come back closed.
      api.proposed(offer.serviceName);
      $('.handover-tools').open = false;
    } catch (error) {
      showError(error);
    }
  });

  // Colleagues on duty and every skill, loaded when the tools are opened.
  $('.handover-tools').addEventListener('toggle', async () => {
    if (!$('.handover-tools').open) return;
    try {
      const colleagues = await call(connection, 'Colleagues');
      const select = $('.transfer-to');
      const option = (value, text) => Object.assign(document.createElement('option'), { value, textContent: text });
      const skills = [
        ...Object.keys(labels.language ?? {}).map((code) => option(`skill:language:${code}`, t('console.handover.skillLanguage', { language: labelOf(labels.language, code) }))),
        ...Object.keys(labels.topic ?? {}).map((code) => option(`skill:topic:${code}`, t('console.handover.skillTopic', { topic: labelOf(labels.topic, code) }))),
      ];
      select.replaceChildren(option('', t('console.handover.chooseTransfer')),
        ...colleagues.map((c) => option(`user:${c.userName}`, c.displayName)), ...skills);
    } catch (error) {
      showError(error);
    }
  });

  $('.transfer').addEventListener('click', async () => {
    const target = $('.transfer-to').value;
    if (!target) return showError('choose-transfer');
    const [kind, ...rest] = target.split(':');
    try {
      await call(connection, 'Transfer', {
        conversationId: id,
        toCounsellor: kind === 'user' ? rest.join(':') : null,
        skill: kind === 'skill' ? rest.join(':') : null,
        note: $('.transfer-note').value || null,
      });
      showError(null);
      onTransferred();
    } catch (error) {
      showError(error);
    }
  });

  const leave = async () => {
    try {
      await call(connection, 'Leave', id);
      showError(null);
      onTransferred();
    } catch (error) {
      showError(error);
    }
  };
  $('.leave-chat').addEventListener('click', leave);
  $('.guest-leave').addEventListener('click', leave);

  $('.cancel-handover').addEventListener('click', async () => {
    try {
      await call(connection, 'CancelHandover', id);
      showError(null);
      pending = false;
      status(null);
      render(currentState);
    } catch (error) {
      showError(error);
    }
  });

  $('.propose-note').addEventListener('click', async () => {
    try {
      await call(connection, 'ProposeReturnNote', { conversationId: id, note: $('.return-note-text').value });
      showError(null);
      setText($('.return-note-status'), t('console.returnNote.sent'));
    } catch (error) {
      showError(error);
    }
  });

  let holder = chat.holder !== false;
  let canHandOver = Boolean(chat.canHandOver);
  let guest = chat.guest ?? null;
  // A proposal not answered yet, or a yes waiting for the service: nothing else is handed on meanwhile.
  let pending = Boolean(chat.proposed || chat.waitingFor);
  let currentState = chat.state;

  function render(state) {
    // Read before anything is hidden: Chromium may blur a focused element as soon as it is hidden.
    const focused = document.activeElement;
    currentState = state;
    const active = state === 'active';
    $('.handover-tools').hidden = !canHandOver || !active || Boolean(guest) || pending;
    $('.cancel-handover').hidden = !canHandOver || !active || Boolean(guest) || !pending;
    $('.guest-bar').hidden = !holder || !active || !guest;
    $('.guest-self-bar').hidden = holder || !active;
    setText($('.guest-text'), guest ? t('console.guest.joined', { guest }) : '');
    keepFocus(focused);
  }

  // A control that was just hidden (asking folds the tools away, cancelling or an answer hides "cancel") would leave
  // the focus on nothing: it goes to what the console says happened, or back to the tools, or to the message box.
  function keepFocus(focused) {
    if (!element.contains(focused) || focused.checkVisibility()) return;
    [$('.handover-status'), $('.handover-tools > summary'), $('.message-input')].find((next) => next.checkVisibility())?.focus();
  }

  const api = {
    update(next, state) {
      chat = next;
      holder = next.holder !== false;
      canHandOver = Boolean(next.canHandOver);
      guest = next.guest ?? null;
      pending = Boolean(next.proposed || next.waitingFor);
      if (next.proposed) status(t('console.handover.asked', { service: next.proposed }));
      else if (next.waitingFor) status(t('console.handover.waitingFor', { service: next.waitingFor }));
      else status(null);
      $('.return-note').hidden = !next.returnCode || !canHandOver;
      render(state);
    },
    receive(message, state) {
      if (message.kind === 'joined' && message.service && !holder) {
        // This is me joining as a guest: nothing changes here.
      } else if (message.kind === 'joined' && message.service) {
        guest = `${message.name}, ${message.service}`;
        pending = false;
        status(null);
      } else if (message.kind === 'left' && message.service) {
        guest = null; // the partner's member left again; the handover is over
      } else if (message.kind === 'left') {
        // The counsellor left: the partner's member who joined now holds the chat.
        holder = true;
        guest = null;
      } else if (message.kind === 'handover-cancelled') {
        pending = false;
        status(null);
      }
      render(state);
    },
    answered({ accepted, serviceName, mode }) {
      if (!accepted) {
        pending = false;
        status(t('console.handover.declined', { service: serviceName }));
      } else if (mode === 'gone') {
        pending = false;
        status(t('console.handover.noneLive', { service: serviceName }));
      } else if (mode === 'live') {
        status(t('console.handover.waitingFor', { service: serviceName }));
      } else {
        pending = false;
        status(t('console.handover.byCode', { service: serviceName }));
      }
      render(currentState);
    },
    proposed(serviceName) {
      pending = true;
      status(t('console.handover.asked', { service: serviceName }));
      render(currentState);
    },
    returnRequested() {
      if (canHandOver) $('.return-note').hidden = false;
    },
    noteAnswered({ kept }) {
      setText($('.return-note-status'), t(kept ? 'console.returnNote.kept' : 'console.returnNote.declined'));
    },
    get holder() { return holder; },
  };
  return api;
}
