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
  const showBook = () => {
    document.getElementById("book-channel").value = attempt.querySelector("[name=channel]:checked").value;
    document.getElementById("book-notes").value = attempt.querySelector("[name=notes]").value;
    book.hidden = false;
    book.querySelector("input[type=datetime-local]").focus();
  };
  const showCallback = () => {
    callback.hidden = false;
    document.getElementById("callback-submit").hidden = false;
    document.getElementById("id_call_back_on").focus();
  };
  root.addEventListener("click", (event) => {
    const button = event.target.closest("[data-action]");
    if (!button) return;
    if (button.dataset.action === "book") showBook();
    if (button.dataset.action === "unbook") book.hidden = true;
    if (button.dataset.action === "callback") showCallback();
  });
  document.addEventListener("keydown", (event) => {
    const typing = ["INPUT", "TEXTAREA", "SELECT"].includes(event.target.tagName);
    if (event.key === "Escape") { event.target.blur(); return; }
    if (typing || event.ctrlKey || event.metaKey || event.altKey) return;
    const target = root.querySelector(`[data-key="${event.key}"]`);
    if (target) { event.preventDefault(); target.click(); }
  });
  root.dataset.ready = "1";  // keys work from here on (tests wait for it)
})();
