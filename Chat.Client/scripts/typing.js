// Tells the other side "typing" at most every throttleMs, and "stopped" after idleMs without input.
export function createTypingNotifier(send, { throttleMs = 3000, idleMs = 4000 } = {}) {
  let typing = false;
  let lastSent = 0;
  let idleTimer = 0;

  function stop() {
    clearTimeout(idleTimer);
    if (!typing) return;
    typing = false;
    send(false);
  }

  function input() {
    const now = Date.now();
    if (!typing || now - lastSent >= throttleMs) {
      typing = true;
      lastSent = now;
      send(true);
    }
    clearTimeout(idleTimer);
    idleTimer = setTimeout(stop, idleMs);
  }

  return { input, stop };
}

// Shows the other side's typing indicator; hides it by itself if the "stopped" signal never comes.
export function createTypingIndicator(element, { timeoutMs = 8000 } = {}) {
  let timer = 0;
  return function show(isTyping) {
    clearTimeout(timer);
    element.hidden = !isTyping;
    if (isTyping) timer = setTimeout(() => { element.hidden = true; }, timeoutMs);
  };
}
