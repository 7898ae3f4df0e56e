// Getting a counsellor's attention while they look elsewhere: the title says who waits and how many messages are
// unread while the console is hidden or unfocused, and a short tone (Web Audio, no file) plays when a chat starts
// waiting or a message arrives out of view. Browsers let a page play sound only after a gesture, so the tone is
// made ready at the first click or key press (going on duty is one), never before; the toggle mutes it.
import { byId, inView } from './dom.js';
import { t } from './texts.js';

const mutedKey = 'console.sound-off';

export function createAttention() {
  const base = document.title;
  const sound = byId('sound-on');
  let audio = null;
  let waiting = 0;
  let unread = 0;

  sound.checked = localStorage.getItem(mutedKey) !== '1';
  sound.addEventListener('change', () => localStorage.setItem(mutedKey, sound.checked ? '0' : '1'));

  function unlock() {
    const Context = window.AudioContext ?? window.webkitAudioContext;
    if (!audio && Context) audio = new Context();
    if (audio?.state === 'suspended') audio.resume();
  }
  document.addEventListener('pointerdown', unlock, { capture: true });
  document.addEventListener('keydown', unlock, { capture: true });

  // A few soft sine beeps, 160 ms each.
  function tone(frequencies) {
    if (!sound.checked || audio?.state !== 'running') return;
    frequencies.forEach((frequency, i) => {
      const start = audio.currentTime + i * 0.18;
      const oscillator = new OscillatorNode(audio, { type: 'sine', frequency });
      const gain = new GainNode(audio, { gain: 0.0001 });
      gain.gain.setValueAtTime(0.0001, start);
      gain.gain.exponentialRampToValueAtTime(0.2, start + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.16);
      oscillator.connect(gain).connect(audio.destination);
      oscillator.start(start);
      oscillator.stop(start + 0.17);
    });
  }

  function renderTitle() {
    document.title = inView() || (waiting === 0 && unread === 0) ? base
      : waiting && unread ? t('console.pageTitle.waitingAndUnread', { waiting, unread })
      : waiting ? t('console.pageTitle.waiting', { waiting })
      : t('console.pageTitle.unread', { unread });
  }
  document.addEventListener('visibilitychange', renderTitle);
  window.addEventListener('focus', renderTitle);
  window.addEventListener('blur', renderTitle);

  return {
    // count: chats this person can take now; arrived: one of them is new since the last count.
    waiting(count, arrived) {
      waiting = count;
      renderTitle();
      if (arrived) tone([660, 880]);
    },
    unread(count) {
      unread = count;
      renderTitle();
    },
    message() {
      tone([520]);
    },
  };
}
