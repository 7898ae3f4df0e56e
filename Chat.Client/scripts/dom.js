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

// Draws a list's items again without losing the keyboard focus: a button that had it is found again in the new items
// by its data-conversation-id; when its item has gone (someone else took the chat), the focus goes to `fallback`.
export function replaceKeepingFocus(list, items, fallback) {
  const focused = list.contains(document.activeElement) ? document.activeElement : null;
  list.replaceChildren(...items);
  if (!focused) return;
  const id = focused.dataset.conversationId;
  (list.querySelector(`button[data-conversation-id="${CSS.escape(id ?? '')}"]`) ?? fallback).focus();
}

// The page is what the person looks at: its tab shown and its window focused.
export const inView = () => document.visibilityState === 'visible' && document.hasFocus();

export function cloneTemplate(id) {
  return byId(id).content.firstElementChild.cloneNode(true);
}

export function newClientMessageId() {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // randomUUID needs a secure context; getRandomValues does not.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
