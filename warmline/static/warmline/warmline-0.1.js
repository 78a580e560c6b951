// Site-wide: copy a block's text to the clipboard ([data-copy] names its selector).
document.addEventListener("click", (event) => {
  const button = event.target.closest("[data-copy]");
  if (!button || !navigator.clipboard) return;
  const source = document.querySelector(button.dataset.copy);
  if (!source) return;
  navigator.clipboard.writeText(source.innerText).then(() => {
    button.textContent = "Copied";
  });
});
