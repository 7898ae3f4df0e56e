// The counsellor's chats as tabs (the ARIA tabs pattern), or all side by side. Each tab counts the messages that
// arrived while its chat was not the one in view: not the selected tab, or the console window hidden or unfocused.
// Selecting a chat in view (a click, the arrow keys, focus moving into its panel) clears its count.
import { byId, inView, setText } from './dom.js';
import { plural } from './texts.js';

const sideBySideKey = 'console.side-by-side';

export function createTabs({ onUnread }) {
  const bar = byId('chat-tabs-bar');
  const list = byId('chat-tabs');
  const chats = byId('chats');
  const toggle = byId('side-by-side');
  const entries = new Map(); // conversation id → { panel, tab, unread }
  let selected = null;
  let made = 0;
  let sideBySide = localStorage.getItem(sideBySideKey) === '1';

  const total = () => [...entries.values()].reduce((sum, entry) => sum + entry.unread, 0);

  function renderTab(id) {
    const entry = entries.get(id);
    if (!entry) return;
    const { tab, panel, unread } = entry;
    setText(tab.querySelector('.chat-tab-name'), panel.label);
    setText(tab.querySelector('.unread-badge'), unread ? String(unread) : '');
    tab.querySelector('.unread-badge').hidden = !unread;
    // The badge is hidden from assistive technology: the tab's name says it in words.
    tab.setAttribute('aria-label', unread ? plural('console.tabs.unread', unread, { label: panel.label }) : panel.label);
    tab.classList.toggle('is-danger', panel.danger);
  }

  function render() {
    bar.hidden = entries.size === 0;
    toggle.setAttribute('aria-pressed', String(sideBySide));
    chats.classList.toggle('side-by-side', sideBySide);
    for (const [id, { tab, panel }] of entries) {
      const isSelected = id === selected;
      tab.setAttribute('aria-selected', String(isSelected));
      tab.tabIndex = isSelected ? 0 : -1;
      panel.element.hidden = !sideBySide && !isSelected;
      panel.element.classList.toggle('is-selected', isSelected);
    }
  }

  function seen() {
    const entry = entries.get(selected);
    if (entry?.unread && inView()) {
      entry.unread = 0;
      renderTab(selected);
      onUnread(total());
    }
  }

  function select(id, { focusTab = false } = {}) {
    if (!entries.has(id)) return;
    selected = id;
    render();
    seen();
    if (focusTab) entries.get(id).tab.focus();
  }

  function add(panel) {
    const id = panel.id;
    const n = ++made;
    const tab = document.createElement('button');
    Object.assign(tab, { type: 'button', id: `chat-tab-${n}`, className: 'chat-tab' });
    tab.setAttribute('role', 'tab');
    tab.setAttribute('aria-controls', `chat-panel-${n}`);
    const name = Object.assign(document.createElement('span'), { className: 'chat-tab-name' });
    const badge = Object.assign(document.createElement('span'), { className: 'unread-badge', hidden: true });
    badge.setAttribute('aria-hidden', 'true');
    tab.append(name, badge);
    tab.addEventListener('click', () => select(id));
    Object.assign(panel.element, { id: `chat-panel-${n}`, tabIndex: 0 });
    panel.element.setAttribute('role', 'tabpanel');
    panel.element.setAttribute('aria-labelledby', tab.id);
    entries.set(id, { panel, tab, unread: 0 });
    list.append(tab);
    chats.append(panel.element);
    renderTab(id);
    if (selected === null) select(id);
    else render();
  }

  // The chat's panel is gone (closed, handed on): the next one is shown, and the focus follows if it was inside.
  function remove(id) {
    const entry = entries.get(id);
    if (!entry) return;
    const hadFocus = entry.panel.element.contains(document.activeElement) || document.activeElement === document.body;
    const ids = [...entries.keys()];
    entry.tab.remove();
    entry.panel.element.remove();
    entries.delete(id);
    if (selected === id) {
      const index = ids.indexOf(id);
      selected = ids[index + 1] ?? ids[index - 1] ?? null;
    }
    render();
    seen();
    onUnread(total());
    if (hadFocus) (selected ? entries.get(selected).tab : byId('chats-heading')).focus();
  }

  // A message from the young person or a partner's member: true when it counts as unread.
  function incoming(id) {
    const entry = entries.get(id);
    if (!entry || (id === selected && inView())) return false;
    entry.unread += 1;
    renderTab(id);
    onUnread(total());
    return true;
  }

  // Arrow keys move between tabs and show the chat at once (automatic activation); Home and End go to the ends.
  list.addEventListener('keydown', (event) => {
    const ids = [...entries.keys()];
    const index = ids.indexOf(selected);
    const to = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: ids.length - 1 }[event.key];
    if (to === undefined || ids.length === 0) return;
    event.preventDefault();
    select(ids[(to + ids.length) % ids.length], { focusTab: true });
  });

  // Side by side, moving into another chat's panel makes it the one in view.
  chats.addEventListener('focusin', (event) => {
    const id = [...entries].find(([, entry]) => entry.panel.element.contains(event.target))?.[0];
    if (id && id !== selected) select(id);
  });

  toggle.addEventListener('click', () => {
    sideBySide = !sideBySide;
    localStorage.setItem(sideBySideKey, sideBySide ? '1' : '0');
    render();
  });

  window.addEventListener('focus', seen);
  document.addEventListener('visibilitychange', seen);

  // Alt+Shift+A: to the first chat that waits for its wrap-up, from anywhere on the console.
  document.addEventListener('keydown', (event) => {
    if (!event.altKey || !event.shiftKey || event.code !== 'KeyA') return;
    const id = [...entries].find(([, entry]) => entry.panel.needsWrapUp)?.[0];
    if (!id) return;
    event.preventDefault();
    select(id);
    entries.get(id).panel.focusWrapUp();
  });

  return { add, remove, select, incoming, refresh: renderTab };
}
