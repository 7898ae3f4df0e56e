// The young person's side of handovers and return codes (docs/protocol.md, youth hub).
// Every text from the server (service names, summaries, notes, contact details) goes in as text.
// A code is shown once by the server and kept only in this tab's sessionStorage (like the token), so a
// reload can show it again while nothing in Redis links the code to the conversation.
import { call } from './hub.js';
import { byId, setText } from './dom.js';
import { dateFormat, t } from './texts.js';

const codeKeys = { pickup: 'chat.pickup-code', return: 'chat.return-code' };

function keepCode(kind, code) {
  if (code) sessionStorage.setItem(codeKeys[kind], code);
  return code || sessionStorage.getItem(codeKeys[kind]) || '';
}

export function forgetCodes() {
  for (const key of Object.values(codeKeys)) sessionStorage.removeItem(key);
}

const day = (at) => dateFormat({ day: 'numeric', month: 'long', year: 'numeric' }).format(at);

export function createHandover(connection, { showError, counsellorName }) {
  let offer = null;

  // The sentences about "the same person again" name the counsellor who holds the chat.
  function nameCounsellor() {
    const name = counsellorName();
    setText(byId('return-ask-text'), t('return.ask', { name: name || t('people.counsellorMidSentence') }));
    setText(byId('return-note-offer-intro'), t('return.noteOffer', { name: name || t('people.counsellor') }));
  }

  function showOffer(next) {
    offer = next;
    const box = byId('handover-offer');
    if (!next) {
      box.hidden = true;
      return;
    }
    // Service names stay as the directory writes them (in Swedish), inside the young person's language.
    const names = { service: next.serviceName, counsellor: counsellorName() || t('people.counsellor') };
    setText(byId('handover-offer-heading'), t('handover.heading', names));
    setText(byId('handover-intro'), t('handover.intro', names));
    setText(byId('handover-live-text'), t('handover.live', names));
    setText(byId('handover-code-text'), t('handover.byCode', names));
    setText(byId('handover-may-open-text'), t('handover.mayOpen', names));
    setText(byId('handover-summary'), next.summary);
    const live = next.mode === 'live';
    byId('handover-live-text').hidden = !live;
    byId('handover-share-label').hidden = !live;
    byId('handover-code-text').hidden = live;
    byId('handover-may-open-label').hidden = live;
    byId('handover-share').checked = false;
    byId('handover-may-open').checked = false;
    const appearing = box.hidden;
    box.hidden = false;
    if (appearing) byId('handover-offer-heading').focus();
  }

  function showPickup(pickup) {
    const box = byId('pickup');
    box.hidden = !pickup;
    if (!pickup) return;
    setText(byId('pickup-heading'), t('pickup.heading', { service: pickup.serviceName }));
    const code = keepCode('pickup', pickup.code);
    setText(byId('pickup-code'), code);
    byId('pickup-code').hidden = !code;
    byId('pickup-delete').hidden = !code;
    byId('pickup-elsewhere').hidden = Boolean(code);
    setText(byId('pickup-expires'), t('pickup.expires', { date: day(pickup.expiresAt) }));
    setText(byId('pickup-contact'), pickup.contact);
    byId('pickup-contact').hidden = !pickup.contact;
    byId('pickup-contact-label').hidden = !pickup.contact;
  }

  async function answer(accept) {
    if (!offer) return;
    const request = {
      offerId: offer.id,
      accept,
      shareHistory: byId('handover-share').checked,
      serviceMayOpen: byId('handover-may-open').checked,
    };
    try {
      const pickup = await call(connection, 'AnswerHandover', request);
      showOffer(null);
      showError(null);
      if (pickup) {
        showPickup(pickup);
        byId('pickup-heading').focus();
      }
    } catch (error) {
      if (error.code === 'no-offer') showOffer(null);
      showError(error);
    }
  }

  function showReturnCode(code) {
    byId('return-ask').hidden = Boolean(code);
    byId('return-code-box').hidden = !code;
    if (!code) return;
    const shown = keepCode('return', code.code);
    setText(byId('return-code'), shown);
    byId('return-code').hidden = !shown;
    byId('return-delete').hidden = !shown;
    byId('return-elsewhere').hidden = Boolean(shown);
    setText(byId('return-expires'), t('return.expires', { date: day(code.expiresAt) }));
    byId('return-note-kept').hidden = !code.noteKept && !code.note;
    setText(byId('return-note-text'), code.note);
    byId('return-note-text').hidden = !code.note;
  }

  function showNoteOffer(note) {
    byId('return-note-offer').hidden = !note;
    setText(byId('return-note-offer-text'), note);
  }

  async function answerNote(keep) {
    try {
      showReturnCode(await call(connection, 'AnswerReturnNote', keep));
      showNoteOffer(null);
      showError(null);
    } catch (error) {
      if (error.code === 'no-offer') showNoteOffer(null);
      showError(error);
    }
  }

  async function deleteCode(code, done) {
    try {
      await call(connection, 'DeleteCode', code);
      showError(null);
      done();
    } catch (error) {
      showError(error);
    }
  }

  byId('handover-accept').addEventListener('click', () => answer(true));
  byId('handover-decline').addEventListener('click', () => answer(false));
  byId('pickup-delete').addEventListener('click', () =>
    deleteCode(byId('pickup-code').textContent, () => {
      sessionStorage.removeItem(codeKeys.pickup);
      showPickup(null);
    }));
  byId('return-request').addEventListener('click', async () => {
    try {
      showReturnCode(await call(connection, 'RequestReturnCode'));
      showError(null);
    } catch (error) {
      showError(error);
    }
  });
  byId('return-note-keep').addEventListener('click', () => answerNote(true));
  byId('return-note-drop').addEventListener('click', () => answerNote(false));
  byId('return-delete').addEventListener('click', () =>
    deleteCode(byId('return-code').textContent, () => {
      sessionStorage.removeItem(codeKeys.return);
      byId('return-code-box').hidden = true;
      byId('return-deleted').hidden = false;
    }));
  byId('delete-code').addEventListener('click', () => {
    const input = byId('start-code');
    deleteCode(input.value, () => {
      input.value = '';
      byId('code-deleted').hidden = false;
    });
  });

  connection.on('HandoverOffered', showOffer);
  connection.on('ReturnNoteOffered', ({ note }) => showNoteOffer(note));

  return {
    // Everything a resume brings back: a proposal still unanswered, a code, a note proposal.
    apply(state) {
      showOffer(state.offer ?? null);
      showPickup(state.pickup ?? null);
      showReturnCode(state.returnCode ?? null);
      showNoteOffer(state.returnNoteOffer ?? null);
      nameCounsellor();
      const returnTo = byId('return-to');
      returnTo.hidden = !state.returnTo && !state.waitingFor;
      setText(byId('waiting-hint'), state.waitingFor
        ? t('waiting.forService', { service: state.waitingFor })
        : t('waiting.hint'));
      if (state.waitingFor) setText(returnTo, t('waiting.waitingFor', { service: state.waitingFor }));
      if (state.returnTo) {
        const { counsellorName: name, onDuty } = state.returnTo;
        setText(returnTo, t(onDuty ? 'waiting.askedFirst' : 'waiting.notHere', { name }));
      }
    },
    // Whether "the same person again" can be offered: only after a chat held by this service's own counsellor.
    setReturnAvailable(available) {
      byId('return').hidden = !available;
    },
    // A new chat starts clean.
    reset() {
      offer = null;
      forgetCodes();
      byId('return').hidden = true;
      showOffer(null);
      showPickup(null);
      showReturnCode(null);
      showNoteOffer(null);
      byId('return-deleted').hidden = true;
      byId('return-to').hidden = true;
    },
    offerAnswered() {
      showOffer(null);
    },
    startCode() {
      return byId('start-code').value.trim() || null;
    },
    setCounsellorName: nameCounsellor,
  };
}
