// The quick-exit link already works as a plain link. With JavaScript it also forgets the chat in this
// tab, lets the chat page end the conversation (best effort, not awaited), and replaces the history
// entry so that Back does not lead here again.
const link = document.getElementById('quick-exit');

link?.addEventListener('click', (event) => {
  event.preventDefault();
  const url = link.dataset.url || link.href;
  window.dispatchEvent(new Event('chat:quick-exit'));
  try {
    sessionStorage.clear();
  } catch {
    // Storage can be disabled; leaving quickly matters more.
  }
  document.body.replaceChildren();
  location.replace(url);
});
