// The conversation without page reloads: the question goes to /api/assistant with the page's CSRF token, and the
// answer (rendered by the server, the same markup as without JavaScript) is added to the conversation. If anything
// fails, the form is sent the ordinary way, so the question is never lost.
const form = document.getElementById("ask-form");
const chat = document.getElementById("chat");

async function ask(event) {
  const textarea = form.querySelector("textarea");
  const message = textarea.value.trim();
  if (!message) return; // the server explains an empty question beside the field
  event.preventDefault();
  const button = form.querySelector("button[type=submit]");
  button.disabled = true;
  try {
    const response = await fetch(form.dataset.api, {
      method: "POST",
      credentials: "same-origin",
      headers: {
        "Content-Type": "application/json",
        "X-CSRFToken": form.querySelector("input[name=csrf_token]").value,
      },
      body: JSON.stringify({ message, lang: form.dataset.lang }),
    });
    if (!response.ok) throw new Error(String(response.status));
    const reply = await response.json();
    chat.insertAdjacentHTML("beforeend", reply.html);
    textarea.value = "";
    textarea.dispatchEvent(new Event("input"));
    const added = chat.lastElementChild;
    added.setAttribute("tabindex", "-1");
    added.scrollIntoView({ block: "start" });
    // Keep the question box ready without scrolling the answer's start out of view on a phone.
    textarea.focus({ preventScroll: true });
  } catch (error) {
    form.submit();
  } finally {
    button.disabled = false;
  }
}

if (form && chat && window.fetch) form.addEventListener("submit", ask);
