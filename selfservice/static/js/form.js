// Progressive enhancement for long forms: character counters, and autosave a few seconds after typing stops
// and when the page is left. Without JavaScript every button still saves on the server.

const COUNT_PLACEHOLDER = "COUNT";

for (const field of document.querySelectorAll("[data-maxlength]")) {
  const counter = document.getElementById(`${field.id}-limit`);
  if (!counter) continue;
  const max = Number(field.dataset.maxlength);
  const update = () => {
    const used = [...field.value].length; // count characters, not UTF-16 units, as the server does
    counter.textContent = counter.dataset.template.replace(COUNT_PLACEHOLDER, String(used));
    counter.classList.toggle("over", used > max);
  };
  field.addEventListener("input", update);
  update();
}

const form = document.querySelector("form[data-autosave]");
if (form) {
  const url = form.dataset.autosave;
  const status = form.querySelector(".autosave-status");
  let timer;
  let dirty = false;

  const save = async () => {
    if (!dirty) return;
    dirty = false;
    try {
      const response = await fetch(url, { method: "POST", body: new FormData(form), credentials: "same-origin" });
      if (response.ok && status) {
        const result = await response.json();
        status.textContent = `${document.documentElement.dataset.savedLabel || "✓"} ${result.at}`;
      }
    } catch {
      dirty = true; // try again on the next pause or when the page is left
    }
  };

  form.addEventListener("input", () => {
    dirty = true;
    clearTimeout(timer);
    timer = setTimeout(save, 3000);
  });
  window.addEventListener("pagehide", () => {
    if (dirty && navigator.sendBeacon) {
      navigator.sendBeacon(url, new FormData(form));
      dirty = false;
    }
  });
  form.addEventListener("submit", () => {
    dirty = false;
    clearTimeout(timer);
  });
}
