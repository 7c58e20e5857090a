// Read aloud: speaks the summary and the body with the browser's own speech synthesis, in the text's language.
// The button stays hidden unless the browser has a voice for that language: a button that reads Arabic with a
// Danish voice would be worse than none. Speech is queued paragraph by paragraph, because some browsers stop a
// single long utterance after a few seconds.
const button = document.getElementById("read-aloud");
const status = document.getElementById("read-aloud-status");
const synth = window.speechSynthesis;

function voiceFor(lang) {
  const voices = synth.getVoices();
  return voices.find((v) => v.lang.toLowerCase().replace("_", "-").split("-")[0] === lang) || null;
}

function chunks() {
  const parts = [];
  for (const id of ["guide-title", "guide-summary"]) {
    const element = document.getElementById(id);
    if (element) parts.push(element.textContent.trim());
  }
  const body = document.getElementById("guide-body");
  if (body) {
    for (const block of body.querySelectorAll("h2, h3, p, li")) parts.push(block.textContent.trim());
  }
  return parts.filter(Boolean);
}

function reset() {
  button.textContent = button.dataset.startLabel;
  delete button.dataset.speaking;
}

function setUp() {
  const voice = voiceFor(button.dataset.lang);
  button.hidden = !voice;
}

if (button && synth && typeof SpeechSynthesisUtterance !== "undefined") {
  setUp();
  synth.addEventListener?.("voiceschanged", setUp);
  button.addEventListener("click", () => {
    if (button.dataset.speaking) {
      synth.cancel();
      reset();
      status.textContent = button.dataset.stopped;
      return;
    }
    const voice = voiceFor(button.dataset.lang);
    if (!voice) return;
    const parts = chunks();
    parts.forEach((text, index) => {
      const utterance = new SpeechSynthesisUtterance(text);
      utterance.voice = voice;
      utterance.lang = voice.lang;
      if (index === parts.length - 1) utterance.onend = reset;
      synth.speak(utterance);
    });
    button.dataset.speaking = "1";
    button.textContent = button.dataset.stopLabel;
    status.textContent = button.dataset.reading;
  });
}
