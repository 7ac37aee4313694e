// Instant filtering of the overview lists (voorzieningen, scholen).
// Without this script the page shows the full grouped list and links to one
// page per facet value; the form stays hidden because it would do nothing.
(function () {
  "use strict";

  function matches(item, wanted) {
    for (var key in wanted) {
      var value = wanted[key];
      if (!value) continue;
      if (key === "leeftijd") {
        var range = (item.getAttribute("data-leeftijd") || "").split("-");
        if (range.length !== 2) return false;
        var age = Number(value);
        if (age < Number(range[0]) || age > Number(range[1])) return false;
        continue;
      }
      var values = (item.getAttribute("data-" + key) || "").split(" ");
      if (values.indexOf(value) === -1) return false;
    }
    return true;
  }

  function setUp(form) {
    var list = document.getElementById(form.getAttribute("data-lijst"));
    if (!list) return;
    var items = Array.prototype.slice.call(list.querySelectorAll("li[data-" +
      (form.querySelector("select").name) + "]"));
    var groups = Array.prototype.slice.call(list.querySelectorAll(".swv-groep"));
    var status = form.querySelector(".swv-filter-telling");
    var one = form.getAttribute("data-enkelvoud");
    var many = form.getAttribute("data-meervoud");

    function apply() {
      var wanted = {};
      Array.prototype.forEach.call(form.elements, function (field) {
        if (field.name) wanted[field.name] = field.value.trim();
      });
      var count = 0;
      items.forEach(function (item) {
        var show = matches(item, wanted);
        item.hidden = !show;
        if (show) count += 1;
      });
      groups.forEach(function (group) {
        group.hidden = !group.querySelector("li:not([hidden])");
      });
      status.textContent = count === 0 ? "Geen " + many + " gevonden."
        : count === 1 ? "1 " + one + " gevonden." : count + " " + many + " gevonden.";
    }

    form.hidden = false;
    form.addEventListener("change", apply);
    form.addEventListener("input", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    apply();
  }

  Array.prototype.forEach.call(document.querySelectorAll("form.swv-filter"), setUp);
})();
