// The console's banner for DangerAlert: someone pressed "Jag är i fara just nu". It says whose chat it is,
// since every counsellor on duty hears it, and stays until closed.
import { byId, setText } from './dom.js';

export function createDangerAlert({ isMine, isWaiting }) {
  const banner = byId('danger-alert');
  byId('danger-alert-close').addEventListener('click', () => { banner.hidden = true; });

  return function show(conversationId) {
    const where = isMine(conversationId) ? 'i en av dina chattar'
      : isWaiting(conversationId) ? 'i kön (chatten står nu först)'
      : 'i en kollegas chatt';
    setText(byId('danger-alert-text'), `En ung person ${where} har tryckt ”Jag är i fara just nu”.`);
    banner.hidden = false;
  };
}
