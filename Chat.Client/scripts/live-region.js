// A polite live region that says one line at a time: the newest entry of a chat, never the history again.
// Each line is a new text node, so the same words twice in a row (“ok”, “ok”) are still both spoken.
export function createAnnouncer(region) {
  return function announce(text) {
    if (!text) return;
    region.replaceChildren(document.createTextNode(text));
  };
}
