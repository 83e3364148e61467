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
      // Runs after machina's own click handler has copied the last form.
      button.addEventListener("click", function () {
        var forms = document.getElementById(item.formset).querySelectorAll(".forum-form__group");
        tieCopiedFields(forms[forms.length - 1]);
      });
    }
  });
});

// machina renames the copied inputs but re-points only a label right before an input, while
// components/form_field.html puts the hint and error in between (or the label after a checkbox):
// tie each label and hint to the new input, and drop the errors copied from the form above.
function tieCopiedFields(form) {
  form.querySelectorAll(".form-field").forEach(function (field) {
    var input = field.querySelector("input, select, textarea");
    var help = field.querySelector(".form-field__help");
    field.querySelectorAll(".form-field__error").forEach(function (error) {
      error.remove();
    });
    field.classList.remove("form-field--error");
    field.querySelectorAll("label").forEach(function (label) {
      label.htmlFor = input.id;
    });
    input.removeAttribute("aria-invalid");
    input.removeAttribute("aria-describedby");
    if (help) {
      help.id = input.id + "_helptext";
      input.setAttribute("aria-describedby", help.id);
    }
  });
}
