// Keeps the youth page honest while it stays open: whether the chat is open, the likely wait, when it opens.
// Asks GET /youth/status every so often (data-refresh seconds) and at the moment the chat opens or closes, so a
// page left open at 17:59 offers the start button at 18:00. The texts match StatusWords (YouthStatus.cs).
import { byId, setText } from './dom.js';
import { estimateText } from './youth-view.js';
import { dateFormat, t } from './texts.js';

// { inDays, date: 'yyyy-MM-dd', time: 'HH:mm' } on the service's clock, in words: "i dag 18:00", "måndag 18:00".
function whenText({ inDays, date, time }) {
  const day = new Date(`${date}T12:00:00Z`);
  const weekday = dateFormat({ weekday: 'long', timeZone: 'UTC' }).format(day);
  if (inDays === 0) return t('when.today', { time });
  if (inDays === 1) return t('when.tomorrow', { time });
  if (inDays < 7) return t('when.weekday', { weekday, time });
  return t('when.date', { weekday, date: dateFormat({ day: 'numeric', month: 'long', timeZone: 'UTC' }).format(day), time });
}

function openText(status) {
  const first = t(status.onDuty ? 'status.open' : 'status.openNobodyOnDuty');
  return status.closes ? `${first} ${t('status.closes', { when: whenText(status.closes) })}` : first;
}

function opensText(status) {
  return status.opens ? t('status.opens', { when: whenText(status.opens) }) : t('status.opensUnknown');
}

function write(id, text) {
  const element = document.getElementById(id);
  if (element && element.textContent !== text) setText(element, text);
}

// onChange(open): called with every answer, so the page can show the start form or the closed view.
export function watchOpening(onChange) {
  const page = byId('youth-page');
  const every = Math.max(1, Number(page.dataset.refresh) || 60) * 1000;
  let status = JSON.parse(page.dataset.status || 'null');
  let timer = 0;

  function render() {
    if (!status) return;
    write('chat-status', openText(status));
    write('start-estimate', status.onDuty ? estimateText(status.estimatedWaitSeconds) : '');
    write('closed-next', opensText(status));
    onChange(status.open);
  }

  // The next look: at the next opening or closing (a little after, in case this phone's clock is ahead; then
  // again every second until the server agrees), and at least every `every`.
  function schedule() {
    clearTimeout(timer);
    const change = status?.open ? status.closesAt : status?.opensAt;
    const untilChange = typeof change === 'number' ? Math.max(1000, change - Date.now() + 500) : every;
    timer = setTimeout(refresh, Math.min(every, untilChange));
  }

  async function refresh() {
    try {
      const response = await fetch('/youth/status', { cache: 'no-store', credentials: 'omit' });
      if (response.ok) {
        status = await response.json();
        render();
      }
    } catch {
      // Offline for a moment: keep what the page says and look again later.
    }
    schedule();
  }

  render();
  schedule();
  return { refresh, render };
}
