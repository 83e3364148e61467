// @mentions in the forum's composer: typing "@" and the start of a display name offers the
// members who may read the forum (from /forum-medlemmar/, permission-checked), as a listbox tied
// to the text area (aria-autocomplete, aria-controls, aria-activedescendant). Arrow keys move,
// Enter or Tab chooses, Escape closes; a click chooses too. Without JavaScript "@Namn" is typed by
// hand and works the same (forum/notifications/mentions.py).
(function () {
  "use strict";
  var SOURCE = "/forum-medlemmar/";
  // The forum's id is in machina's addresses: /forum/forum/<slug>-<id>/...
  var FORUM_IN_PATH = /\/forum\/forum\/[^/]*-(\d+)\//;
  // "@" at the start of the text or after a space, then up to five words of a name being typed.
  var TYPING = /(?:^|\s)@([^\s@][^@\n]{0,60})$/;

  function start(textarea, forumId) {
    var list = document.createElement("ul");
    var status = document.createElement("p");
    var options = [];
    var active = -1;
    var match = null;
    var request = 0;

    list.id = textarea.id + "-mentions";
    list.className = "mention-list";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", "Medlemmar att nämna");
    list.hidden = true;
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    textarea.setAttribute("aria-autocomplete", "list");
    textarea.setAttribute("aria-controls", list.id);
    textarea.insertAdjacentElement("afterend", status);
    textarea.insertAdjacentElement("afterend", list);

    function close() {
      list.hidden = true;
      list.textContent = "";
      options = [];
      active = -1;
      textarea.removeAttribute("aria-activedescendant");
    }

    function highlight(index) {
      options.forEach(function (option, position) {
        option.setAttribute("aria-selected", position === index ? "true" : "false");
      });
      active = index;
      if (index >= 0) {
        textarea.setAttribute("aria-activedescendant", options[index].id);
      }
    }

    function choose(index) {
      var name = options[index].textContent;
      var before = textarea.value.slice(0, textarea.selectionStart);
      var after = textarea.value.slice(textarea.selectionStart);
      var at = before.length - match.length;
      textarea.value = before.slice(0, at) + name + " " + after;
      textarea.selectionStart = textarea.selectionEnd = at + name.length + 1;
      status.textContent = name + " nämns.";
      close();
      textarea.focus();
    }

    function show(names) {
      close();
      names.forEach(function (name, index) {
        var option = document.createElement("li");
        option.id = list.id + "-" + index;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.textContent = name;
        option.addEventListener("mousedown", function (event) {
          event.preventDefault(); // keeps the focus in the text area
          choose(index);
        });
        list.appendChild(option);
        options.push(option);
      });
      list.hidden = names.length === 0;
      status.textContent = names.length
        ? names.length + " förslag. Välj med pil upp och ned och tryck Enter."
        : "Ingen medlem med det namnet.";
    }

    textarea.addEventListener("input", function () {
      var typed = TYPING.exec(textarea.value.slice(0, textarea.selectionStart));
      if (!typed) {
        match = null;
        close();
        return;
      }
      match = typed[1];
      var mine = ++request;
      fetch(SOURCE + "?forum=" + forumId + "&q=" + encodeURIComponent(match), {
        credentials: "same-origin",
        headers: { Accept: "application/json" },
      })
        .then(function (response) {
          return response.ok ? response.json() : { members: [] };
        })
        .then(function (data) {
          if (mine === request && match !== null) {
            show(data.members.map(function (member) { return member.name; }));
          }
        })
        .catch(close);
    });

    textarea.addEventListener("keydown", function (event) {
      if (list.hidden || !options.length) {
        return;
      }
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        var step = event.key === "ArrowDown" ? 1 : -1;
        highlight((active + step + options.length) % options.length);
      } else if ((event.key === "Enter" || event.key === "Tab") && active >= 0) {
        event.preventDefault();
        choose(active);
      } else if (event.key === "Escape") {
        event.preventDefault();
        close();
      }
    });

    textarea.addEventListener("blur", close);
  }

  document.addEventListener("DOMContentLoaded", function () {
    var forum = FORUM_IN_PATH.exec(window.location.pathname);
    var textarea = document.querySelector("form.forum-form textarea[name='content']");
    if (forum && textarea && window.fetch) {
      start(textarea, forum[1]);
    }
  });
})();
