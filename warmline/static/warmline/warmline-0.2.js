// Site-wide: copy a block's text to the clipboard ([data-copy] names its selector).
document.addEventListener("click", (event) => {
  const button = event.target.closest("[data-copy]");
  if (!button || !navigator.clipboard) return;
  const source = document.querySelector(button.dataset.copy);
  if (!source) return;
  const text = "value" in source ? source.value : source.innerText;
  navigator.clipboard.writeText(text).then(() => {
    button.textContent = "Copied";
  });
});

// Behaviour that would otherwise be inline handlers (the Content-Security-Policy
// allows no inline script): [data-autosubmit] submits its form on change,
// [data-print] prints the page, [data-select-all] selects its text on click.
document.addEventListener("change", (event) => {
  const field = event.target.closest("[data-autosubmit]");
  if (field && field.form) field.form.requestSubmit();
});
document.addEventListener("click", (event) => {
  if (event.target.closest("[data-print]")) {
    event.preventDefault();
    window.print();
  }
  const field = event.target.closest("[data-select-all]");
  if (field) field.select();
});

// [data-confirm] on a form asks before it is sent (deleting, revoking).
document.addEventListener("submit", (event) => {
  const form = event.target.closest("form[data-confirm]");
  if (form && !window.confirm(form.dataset.confirm)) event.preventDefault();
});

// The sign-in form tells Warmline the browser's time zone: a new account takes it.
for (const field of document.querySelectorAll("[data-browser-zone]")) {
  field.value = Intl.DateTimeFormat().resolvedOptions().timeZone || "";
}
