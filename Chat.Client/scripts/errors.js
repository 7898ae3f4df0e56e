// Texts for the error codes of docs/protocol.md. The hub's own message is English for developers. A young person
// reads them in their language (errors.{code} in wwwroot/texts); the console's are Swedish here until its texts move.
import { has, plural, t } from './texts.js';

const common = {
  'server-error': 'Något gick fel hos oss. Försök igen om en stund.',
  unavailable: 'Chatten har tekniska problem just nu. Vänta en liten stund och försök igen.',
  'connection-lost': 'Anslutningen bröts. Försök igen när du har kontakt.',
  'empty-message': 'Meddelandet är tomt.',
  'message-too-long': 'Meddelandet är för långt. Det får vara högst 2000 tecken.',
  'invalid-characters': 'Meddelandet innehåller tecken som inte går att skicka. Ta bort dem och försök igen.',
  'invalid-client-message-id': 'Meddelandet kunde inte skickas. Försök igen.',
};

const staff = {
  'invalid-capacity': 'Välj 1, 2 eller 3 samtidiga chattar.',
  'chats-open': 'Avsluta dina pågående chattar innan du går ur tjänst.',
  'invalid-conversation-id': 'Chatten gick inte att hitta.',
  'not-on-duty': 'Gå i tjänst innan du tar en chatt.',
  'at-capacity': 'Du har redan så många chattar som du har valt. Avsluta en eller öka antalet.',
  'already-taken': 'En annan kurator har redan tagit chatten.',
  'nothing-waiting': 'Ingen i kön är din att ta just nu: de väntar först på någon med rätt språk eller ämne. Du kan ändå välja en chatt i listan.',
  'unknown-conversation': 'Chatten finns inte längre. Den unga kan ha lämnat kön.',
  'not-your-conversation': 'Chatten är inte din.',
  'not-active': 'Chatten är inte aktiv längre.',
  'already-ended': 'Chatten är redan avslutad.',
  'not-ended': 'Avsluta chatten innan du fyller i avslutet.',
  'already-wrapped-up': 'Avslutet är redan sparat.',
  'invalid-topic': 'Välj ett ämne i listan.',
  'invalid-language': 'Välj ett språk i listan.',
  'invalid-age-band': 'Välj en åldersgrupp i listan.',
  'invalid-outcome': 'Välj ett utfall.',
  'choose-service': 'Välj en verksamhet i listan först.',
  'choose-transfer': 'Välj en kollega eller en kunskap först.',
  'unknown-service': 'Verksamheten finns inte i katalogen.',
  'not-eligible': 'Den verksamheten kan inte ta emot den här chatten. Visa listan igen för att se varför.',
  'handover-pending': 'En överlämning pågår redan i chatten.',
  'summary-too-long': 'Sammanfattningen får vara högst 600 tecken.',
  'note-too-long': 'Anteckningen får vara högst 300 tecken.',
  'no-guest': 'Lämna chatten först när någon från verksamheten har anslutit.',
  'invalid-transfer': 'Välj en kollega eller en kunskap (inte dig själv).',
  'invalid-skill': 'Den kunskapen finns inte.',
  'invalid-user-name': 'Kollegan finns inte.',
  'colleague-not-on-duty': 'Kollegan är inte i tjänst längre.',
  'no-return-code': 'Den unga har inte bett om en kod.',
  'no-handover': 'Ingen överlämning väntar i den chatten.',
  'not-your-service': 'Den överlämningen gäller en annan verksamhet.',
  'no-service': 'Ditt konto hör inte till någon verksamhet i katalogen.',
  'not-shared': 'Den unga valde att inte låta er öppna koden. Be den unga berätta själv.',
  'invalid-code': 'Det ser inte ut som en kod (12 tecken).',
  'unknown-code': 'Koden finns inte, eller har gått ut.',
  'code-used': 'Koden har redan öppnats.',
  'too-many-attempts': 'För många felaktiga koder. Vänta en stund.',
  'empty-message': 'Skriv något först.',
  'choose-page': 'Välj en hjälpsida i listan först.',
  'unknown-page': 'Sidan finns inte, eller är inte publicerad längre. Öppna listan igen.',
  'invalid-slug': 'Sidan finns inte.',
  'observer-present': 'En annan samordnare följer redan den här chatten.',
  'not-observing': 'Du följer inte den här chatten längre.',
  forbidden: 'Det här får ditt konto inte göra.',
};

const fallback = 'Något gick fel. Försök igen.';

// How long to wait, in words: "30 sekunder", "1 minut", "10 minuter".
function waitText(seconds) {
  if (!(seconds > 0)) return 'en liten stund';
  if (seconds < 60) return `${seconds} sekunder`;
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? '1 minut' : `${minutes} minuter`;
}

// retryAfter: seconds, with slow-down (the server's limit on how fast chats start and messages are sent).
export function errorText(code, audience, retryAfter) {
  if (audience === 'youth') return youthErrorText(code, retryAfter);
  if (code === 'slow-down') return `Det gick lite för fort. Vänta ${waitText(retryAfter)} och försök sedan igen.`;
  return staff[code] ?? common[code] ?? fallback;
}

function youthErrorText(code, retryAfter) {
  if (code === 'slow-down') {
    const wait = !(retryAfter > 0) ? t('wait.aMoment')
      : retryAfter < 60 ? plural('wait.seconds', retryAfter) : plural('wait.minutesPlain', Math.ceil(retryAfter / 60));
    return t('errors.slow-down', { wait });
  }
  return has(`errors.${code}`) ? t(`errors.${code}`) : t('errors.fallback');
}
