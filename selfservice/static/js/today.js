// The Today page refreshes its lists every two minutes while it is open and visible. Without JavaScript the page
// works the same; reload it to see what is new. Nothing is replaced while focus is inside the lists, so a keyboard
// user never loses their place, and screen readers are not interrupted (no live region: new items are not urgent).
const INTERVAL_MS = 120000;
const work = document.getElementById("today-work");
const updated = document.getElementById("today-updated");

async function refresh() {
  if (document.hidden || !work || work.contains(document.activeElement)) return;
  try {
    const response = await fetch(updated.dataset.refreshUrl, { credentials: "same-origin", headers: { Accept: "text/html", "X-Background-Refresh": "1" } });
    if (!response.ok || response.redirected) return;
    const page = new DOMParser().parseFromString(await response.text(), "text/html");
    const freshWork = page.getElementById("today-work");
    const freshUpdated = page.getElementById("today-updated");
    if (freshWork && freshUpdated) {
      work.replaceChildren(...freshWork.childNodes);
      updated.textContent = freshUpdated.textContent;
    }
  } catch {
    // Offline for a moment: the next round tries again.
  }
}

if (work && updated) setInterval(refresh, INTERVAL_MS);
