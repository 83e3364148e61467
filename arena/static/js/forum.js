// Starts machina's forum scripts (kept out of the page itself so that no inline script is needed).
document.addEventListener("DOMContentLoaded", function () {
  if (window.machina) {
    window.machina.init();
  }
});
