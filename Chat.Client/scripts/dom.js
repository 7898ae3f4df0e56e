// Small DOM helpers. User text only ever goes in through textContent.

export function byId(id) {
  const element = document.getElementById(id);
  if (!element) throw new Error(`#${id} is missing from the page`);
  return element;
}

export function setText(element, text) {
  element.textContent = text ?? '';
}

// Shows a text in an alert region, or hides the region when text is empty.
export function showAlert(element, text) {
  element.textContent = text ?? '';
  element.hidden = !text;
}

export function cloneTemplate(id) {
  return byId(id).content.firstElementChild.cloneNode(true);
}

export function newClientMessageId() {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // randomUUID needs a secure context; getRandomValues does not.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
