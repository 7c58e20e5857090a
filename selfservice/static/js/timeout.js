// Session-timeout warning: two minutes before the server ends an idle session, offer "stay signed in".
// Progressive enhancement only: without JavaScript the server still ends the session and says so.
const dialog = document.getElementById("timeout-dialog");
if (dialog && typeof dialog.showModal === "function") {
  const idle = Number(dialog.dataset.idleSeconds) * 1000;
  const warning = Number(dialog.dataset.warningSeconds) * 1000;
  let warnTimer;
  let endTimer;

  const schedule = () => {
    clearTimeout(warnTimer);
    clearTimeout(endTimer);
    warnTimer = setTimeout(() => dialog.showModal(), Math.max(idle - warning, 0));
    endTimer = setTimeout(() => window.location.assign(dialog.dataset.signedOutUrl), idle);
  };

  dialog.querySelector("[data-action=stay]").addEventListener("click", async () => {
    const response = await fetch(dialog.dataset.keepaliveUrl, {
      method: "POST",
      headers: { "X-CSRFToken": dialog.dataset.csrfToken },
      credentials: "same-origin",
    });
    if (response.ok) {
      dialog.close();
      schedule();
    } else {
      window.location.assign(dialog.dataset.signedOutUrl);
    }
  });
  schedule();
}
