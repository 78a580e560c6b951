// Call session: keyboard shortcuts, the sitting's timer, inline booking and call-back.
(function () {
  const root = document.querySelector(".session");
  if (!root) return;
  const started = new Date(root.dataset.started);
  const timer = document.getElementById("session-timer");
  const tick = () => {
    const s = Math.max(0, Math.floor((Date.now() - started) / 1000));
    timer.textContent = Math.floor(s / 60) + ":" + String(s % 60).padStart(2, "0");
  };
  tick();
  setInterval(tick, 1000);

  const attempt = document.getElementById("attempt-form");
  const book = document.getElementById("book-form");
  const callback = document.getElementById("callback-row");
  const callbackSubmit = document.getElementById("callback-submit");
  const rest = () => attempt.focus({ preventScroll: true });

  const showBook = () => {
    book.hidden = false;
    book.querySelector("input[type=datetime-local]").focus();
  };
  // The booking form posts the channel and notes typed in the call's form.
  if (book) {
    book.addEventListener("submit", () => {
      document.getElementById("book-channel").value = attempt.querySelector("[name=channel]:checked").value;
      document.getElementById("book-notes").value = attempt.querySelector("[name=notes]").value;
    });
  }
  const showCallback = (open) => {
    callback.hidden = !open;
    if (open) document.getElementById("id_call_back_on").focus();
    else rest();
  };
  // Enter in a field of the call's form: browsers press the form's first enabled
  // submit button ("No answer"). Only the call-back date has a button of its own.
  attempt.addEventListener("keydown", (event) => {
    if (event.key !== "Enter" || event.target.tagName !== "INPUT") return;
    event.preventDefault();
    if (callback.contains(event.target)) attempt.requestSubmit(callbackSubmit);
  });
  root.addEventListener("click", (event) => {
    const button = event.target.closest("[data-action]");
    if (!button) return;
    if (button.dataset.action === "book") showBook();
    if (button.dataset.action === "unbook") { book.hidden = true; rest(); }
    if (button.dataset.action === "callback") showCallback(true);
    if (button.dataset.action === "no-callback") showCallback(false);
  });

  // Keys act unless the user is typing (a choice such as a radio is not typing).
  const CHOICES = ["radio", "checkbox", "button", "submit"];
  const typing = (el) =>
    el.tagName === "TEXTAREA" || el.tagName === "SELECT" ||
    (el.tagName === "INPUT" && !CHOICES.includes(el.type));
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape") { event.target.blur(); return; }
    if (typing(event.target) || event.ctrlKey || event.metaKey || event.altKey) return;
    const target = root.querySelector(`[data-key="${event.key}"]`);
    if (target) { event.preventDefault(); target.click(); }
  });

  // A refused form comes back with its field marked: start there. Otherwise rest on
  // the call's form, where keys work and Tab leads to the channel and the notes.
  const invalid = root.querySelector("[aria-invalid=true]");
  if (invalid) invalid.focus();
  else if (document.activeElement === document.body) rest();
  root.dataset.ready = "1";  // keys work from here on (tests wait for it)
})();
