// Starts machina's forum scripts (kept out of the page itself so that no inline script is needed).
// The poll and attachment widgets only exist on the topic and post forms: each starts only when
// its formset is on the page, and its "add one more" button (hidden without JavaScript) is shown.
document.addEventListener("DOMContentLoaded", function () {
  if (!window.machina) {
    return;
  }
  window.machina.init();
  var widgets = [
    { formset: "poll_formset", button: "add_more_poll_option", widget: window.machina.poll },
    { formset: "attachment_formset", button: "add_more_attachment", widget: window.machina.attachment },
  ];
  widgets.forEach(function (item) {
    var button = document.getElementById(item.button);
    if (document.getElementById(item.formset) && button && item.widget) {
      item.widget.init();
      button.hidden = false;
    }
  });
});
