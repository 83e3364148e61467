// Reactions without a page reload: the form of forum/reactions/ is sent with fetch, and the
// reactions of the post the server answers with (templates/reactions/reactions.html) replace the
// old ones; the focus returns to the same button. Without JavaScript, or if the request fails,
// the form is sent the ordinary way and the page comes back at the post.
document.addEventListener("submit", function (event) {
  var form = event.target;
  if (!form.matches("form[data-reactions]") || !window.fetch || !event.submitter) {
    return;
  }
  event.preventDefault();
  var button = event.submitter;
  var data = new FormData(form);
  data.append(button.name, button.value);
  button.disabled = true;
  fetch(form.action, {
    method: "POST",
    body: data,
    credentials: "same-origin",
    headers: { "X-Arena-Fetch": "1" },
  })
    .then(function (response) {
      if (!response.ok) {
        throw new Error(response.status);
      }
      return response.text();
    })
    .then(function (html) {
      var fresh = new DOMParser().parseFromString(html, "text/html").querySelector(".reactions");
      var old = form.closest(".reactions");
      old.replaceWith(fresh);
      var again = fresh.querySelector('button[value="' + button.value + '"]');
      if (again) {
        again.focus();
      }
    })
    .catch(function () {
      var kind = document.createElement("input");
      kind.type = "hidden";
      kind.name = button.name;
      kind.value = button.value;
      form.appendChild(kind);
      form.submit();
    });
});
