/* Keyboard access to the navigation drawer on small screens (phones, and any
 * screen zoomed to 200-400 %). Material opens the drawer with a <label> for a
 * hidden checkbox, which a keyboard cannot reach. This makes the menu button
 * a real button: Tab reaches it, Enter or Space opens the drawer and moves
 * focus into it, Escape closes it and returns focus to the button.
 * Without JavaScript nothing changes. Part of the site's script file (no inline
 * script, see swvsite/bundle.py), so a strict Content-Security-Policy with
 * script-src 'self' allows it.
 */
(function () {
  "use strict";

  var toggle = document.getElementById("__drawer");
  var button = document.querySelector('.md-header label[for="__drawer"]');
  var drawer = document.querySelector(".md-sidebar--primary");
  if (!toggle || !button || !drawer) {
    return;
  }

  button.setAttribute("role", "button");
  button.setAttribute("tabindex", "0");
  button.setAttribute("aria-label", "Menu");
  button.setAttribute("aria-expanded", String(toggle.checked));
  if (!drawer.id) {
    drawer.id = "menu";
  }
  button.setAttribute("aria-controls", drawer.id);

  function firstLink() {
    return drawer.querySelector("a[href], [tabindex='0']");
  }

  function setOpen(open, moveFocus) {
    if (toggle.checked !== open) {
      toggle.click(); /* Material listens to the checkbox */
    }
    button.setAttribute("aria-expanded", String(open));
    if (!moveFocus) {
      return;
    }
    if (open) {
      /* The drawer becomes visible in the same frame; focus after styles apply. */
      window.requestAnimationFrame(function () {
        var link = firstLink();
        if (link) {
          link.focus();
        }
      });
    } else {
      button.focus();
    }
  }

  toggle.addEventListener("change", function () {
    button.setAttribute("aria-expanded", String(toggle.checked));
  });

  /* Capture phase: runs before Material's own Enter handling for labels. */
  button.addEventListener("keydown", function (event) {
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      event.stopPropagation();
      setOpen(!toggle.checked, true);
    }
  }, true);

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && toggle.checked) {
      setOpen(false, true);
    }
  });
})();
