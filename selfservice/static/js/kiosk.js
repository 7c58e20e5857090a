// The kiosk's idle timer. After a minute without a touch, key or scroll, a countdown offers "I'm still here";
// at the end the Finish form is submitted, which clears the visit on the server and in the browser. Every
// navigation replaces the history entry, so the back button cannot walk through the previous visitor's pages.
const dialog = document.getElementById("kiosk-idle");
const finish = document.getElementById("kiosk-finish");

if (dialog && finish) {
  const warning = Number(dialog.dataset.warningSeconds) * 1000;
  const reset = Number(dialog.dataset.resetSeconds) * 1000;
  const countdown = document.getElementById("kiosk-countdown");
  const text = document.getElementById("kiosk-idle-text");
  // The translated words for every second: the words after a number change with it (plural forms).
  const { pairs = [], at = [] } = JSON.parse(text.dataset.words || "{}");
  const show = (left) => {
    countdown.textContent = String(left);
    const [before, after] = pairs[at[left]] || [];
    if (before === undefined) return;
    text.querySelector("[data-part=before]").textContent = before;
    text.querySelector("[data-part=after]").textContent = after;
  };
  let warnTimer;
  let resetTimer;
  let tick;

  const clearVisit = () => finish.submit();

  const schedule = () => {
    clearTimeout(warnTimer);
    clearTimeout(resetTimer);
    clearInterval(tick);
    if (dialog.open) dialog.close();
    warnTimer = setTimeout(() => {
      let left = Math.round((reset - warning) / 1000);
      show(left);
      if (typeof dialog.showModal === "function") dialog.showModal();
      tick = setInterval(() => {
        left = Math.max(left - 1, 0);
        show(left);
      }, 1000);
    }, warning);
    resetTimer = setTimeout(clearVisit, reset);
  };

  for (const kind of ["pointerdown", "keydown", "scroll", "touchstart"]) {
    document.addEventListener(kind, () => { if (!dialog.open) schedule(); }, { passive: true, capture: true });
  }
  dialog.querySelector("[data-action=stay]").addEventListener("click", schedule);
  schedule();

  // Links replace the current history entry instead of adding one.
  document.addEventListener("click", (event) => {
    const link = event.target.closest("a[href]");
    if (!link || link.target || event.defaultPrevented || link.origin !== location.origin) return;
    event.preventDefault();
    location.replace(link.href);
  });
  // An on-screen keyboard must never hide the field being typed in.
  document.addEventListener("focusin", (event) => {
    if (event.target.matches("input, textarea")) event.target.scrollIntoView({ block: "center" });
  });
}
