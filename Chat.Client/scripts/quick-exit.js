// Quick exit, on every page a young person sees. The link already works as a plain link. With JavaScript it
// also works from the keyboard anywhere on the page (Escape twice, or Shift three times, within a second, as
// GOV.UK does), blanks the page at once, forgets the chat in this tab, lets the chat page end the conversation
// (best effort, not awaited), and replaces the history entry so that Back does not lead here again.
// A single Escape that closes nothing moves focus to the link, so leaving is one Enter away from anywhere.
const link = document.getElementById('quick-exit');
const within = 1000; // ms for the whole sequence

// The keys in a row: a different key in between starts the count again, and a held key (repeat) counts once,
// so typing capital letters or holding Shift never leaves the page.
const presses = { Escape: 2, Shift: 3 };
let run = { key: '', times: [] };

export function leave() {
  const url = link?.dataset.url || link?.href;
  if (!url) return;
  window.dispatchEvent(new Event('chat:quick-exit'));
  try {
    sessionStorage.clear();
  } catch {
    // Storage can be disabled; leaving quickly matters more.
  }
  document.body.replaceChildren();
  document.title = '';
  location.replace(url);
}

// true when this keydown completes a quick-exit sequence. now: the event's time in ms.
export function completes(key, repeat, now) {
  if (repeat) return false;
  if (!(key in presses)) {
    run = { key: '', times: [] };
    return false;
  }
  const times = run.key === key ? run.times.filter((t) => now - t < within) : [];
  times.push(now);
  run = { key, times };
  if (times.length < presses[key]) return false;
  run = { key: '', times: [] };
  return true;
}

link?.addEventListener('click', (event) => {
  event.preventDefault();
  leave();
});

// Capture phase on window: nothing on the page (a reader closing on Escape, a text box) can swallow the keys.
// A single Escape still does what it does there (it closes the help reader); only the second one leaves.
let leaving = false;
window.addEventListener('keydown', (event) => {
  if (event.isComposing) return;
  if (completes(event.key, event.repeat, event.timeStamp)) {
    leaving = true;
    leave();
  }
}, { capture: true });

// Bubble phase, after the page: whatever closed on this Escape (the help reader, a question waiting for an
// answer) called preventDefault, and then the Escape was spent on that. Otherwise it brings the way out.
window.addEventListener('keydown', (event) => {
  if (event.key !== 'Escape' || event.defaultPrevented || event.isComposing || leaving || !link) return;
  link.focus();
});

// When focused, the link shows the key that takes it: a key cap, the same in every language of the pages.
if (link) {
  const key = document.createElement('kbd');
  key.className = 'quick-exit-key';
  key.setAttribute('aria-hidden', 'true');
  key.textContent = 'Enter ↵';
  link.append(key);
}
