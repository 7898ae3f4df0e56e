// Does a message look like it says who the young person is? The same rules as the server's
// Chat.Server/Privacy/PersonalDetails.cs, pattern for pattern; PersonalDetailsAgreementTests runs one corpus through
// both, so change them together. Nothing about what was found is kept or sent anywhere.
const identity = /(?<![0-9])(?<century>18|19|20)?(?<year>[0-9]{2})(?<month>[0-9]{2})(?<day>[0-9]{2})[-+ ]?(?<serial>[0-9]{4})(?![0-9])/g;
const phone = /(?<![0-9+])(?:\+[0-9]|0)(?:[ ()-]{0,2}[0-9]){5,17}(?![0-9])/g;
const email = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/;
const address = new RegExp(
  '(?<![A-Za-zÅÄÖåäöÉé])[A-Za-zÅÄÖåäöÉé]{2,}(?:gatan|gata|vägen|väg|gränd|gränden|torget|torg|allén|allé|backen|backe|'
  + 'stigen|platsen|leden|stråket|kajen|slingan|promenaden|esplanaden|ringen|liden) [0-9]{1,4}(?: ?[A-Za-z])?(?![0-9A-Za-z])', 'i');

// Luhn over the 10 digits without the century: weights 2, 1, 2, 1, … and the digit sums of the products.
function luhn(digits) {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    const product = Number(digits[i]) * (i % 2 === 0 ? 2 : 1);
    sum += Math.floor(product / 10) + (product % 10);
  }
  return sum % 10 === 0;
}

function isIdentityNumber({ year, month, day, serial }) {
  const m = Number(month);
  const d = Number(day);
  if (m < 1 || m > 12 || !((d >= 1 && d <= 31) || (d >= 61 && d <= 91))) return false;
  return luhn(year + month + day + serial);
}

const isPhone = (candidate) => (candidate.match(/[0-9]/g) ?? []).length - (candidate.startsWith('00') ? 2 : 0) >= 8;

// The kinds found, in the server's order: 'identity-number', 'phone', 'email', 'address'.
export function findPersonalDetails(text) {
  const found = [];
  const identities = [...text.matchAll(identity)].filter((m) => isIdentityNumber(m.groups));
  if (identities.length > 0) found.push('identity-number');
  const overlaps = (m) => identities.some((i) => i.index < m.index + m[0].length && m.index < i.index + i[0].length);
  if ([...text.matchAll(phone)].some((m) => isPhone(m[0]) && !overlaps(m))) found.push('phone');
  if (email.test(text)) found.push('email');
  if (address.test(text)) found.push('address');
  return found;
}
