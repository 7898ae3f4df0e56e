// Texts for the error codes of docs/protocol.md. The hub's own message is English for developers. A young person
// reads them in their language (errors.{code} in wwwroot/texts); staff in the staff language (errors.staff.{code} in
// Texts/Staff/console, carried in the page).
import { has, plural, t } from './texts.js';

// The codes staff and young people share the words of (errors.{code}); every other staff code has its own
// (errors.staff.{code}), and an unknown one says "something went wrong".
const shared = new Set(['server-error', 'unavailable', 'connection-lost', 'empty-message', 'message-too-long',
  'invalid-characters', 'invalid-client-message-id']);

// retryAfter: seconds, with slow-down (the server's limit on how fast chats start and messages are sent).
export function errorText(code, audience, retryAfter) {
  if (audience === 'youth') return youthErrorText(code, retryAfter);
  if (has(`errors.staff.${code}`)) return t(`errors.staff.${code}`);
  return code === 'slow-down' || shared.has(code) ? youthErrorText(code, retryAfter) : t('errors.fallback');
}

function youthErrorText(code, retryAfter) {
  if (code === 'slow-down') {
    const wait = !(retryAfter > 0) ? t('wait.aMoment')
      : retryAfter < 60 ? plural('wait.seconds', retryAfter) : plural('wait.minutesPlain', Math.ceil(retryAfter / 60));
    return t('errors.slow-down', { wait });
  }
  return has(`errors.${code}`) ? t(`errors.${code}`) : t('errors.fallback');
}
