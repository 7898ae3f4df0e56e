// The console's banner for DangerAlert: someone pressed "Jag är i fara just nu". It says whose chat it is,
// since every counsellor on duty hears it, and stays until closed.
import { byId, setText } from './dom.js';
import { t } from './texts.js';

export function createDangerAlert({ isMine, isWaiting }) {
  const banner = byId('danger-alert');
  byId('danger-alert-close').addEventListener('click', () => { banner.hidden = true; });

  return function show(conversationId) {
    const where = isMine(conversationId) ? t('console.alert.mine')
      : isWaiting(conversationId) ? t('console.alert.waiting')
      : t('console.alert.colleague');
    setText(byId('danger-alert-text'), t('console.alert.text', { where }));
    banner.hidden = false;
  };
}
