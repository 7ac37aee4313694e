// Instant filtering of the overview lists (voorzieningen, scholen).
// Without this script the page shows the full grouped list and links to one
// page per facet value; the form stays hidden because it would do nothing.
//
// The chosen filters are in the page address (?gemeente=tilburg&soort=autisme):
// a reload or a shared link shows the same choice, and the back button goes to
// the previous one. When nothing matches, the form offers the nearest broader
// choice: a button per chosen filter that drops it, with the number it gives.
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

  function fields(form) {
    return Array.prototype.filter.call(form.elements, function (field) {
      return field.name && (field.tagName === "SELECT" || field.tagName === "INPUT");
    });
  }

  function setUp(form) {
    var list = document.getElementById(form.getAttribute("data-lijst"));
    if (!list) return;
    var items = Array.prototype.slice.call(list.querySelectorAll("li[data-" +
      (form.querySelector("select").name) + "]"));
    var groups = Array.prototype.slice.call(list.querySelectorAll(".swv-groep"));
    var status = form.querySelector(".swv-filter-telling");
    var empty = document.getElementById(form.getAttribute("data-leeg"));
    var choices = empty && empty.querySelector(".swv-filter-ruimer");
    var one = form.getAttribute("data-enkelvoud");
    var many = form.getAttribute("data-meervoud");

    function counted(count) {
      return count === 1 ? "1 " + one : count + " " + many;
    }

    function chosen() {
      var wanted = {};
      fields(form).forEach(function (field) {
        wanted[field.name] = field.value.trim();
      });
      return wanted;
    }

    function countOf(wanted) {
      return items.filter(function (item) { return matches(item, wanted); }).length;
    }

    function describe(field) {
      var label = form.querySelector('label[for="' + field.id + '"]');
      var value = field.tagName === "SELECT"
        ? field.options[field.selectedIndex].text : field.value.trim();
      return (label ? label.textContent.trim() + ": " : "") + value;
    }

    // One button per chosen filter that drops it (most results first); when
    // no single one helps, one button that drops them all.
    function offerBroader(wanted) {
      choices.textContent = "";
      var offers = [];
      fields(form).forEach(function (field) {
        if (!wanted[field.name]) return;
        var broader = {};
        for (var key in wanted) broader[key] = key === field.name ? "" : wanted[key];
        var count = countOf(broader);
        if (count > 0) offers.push({fields: [field], count: count,
          text: "Zonder \u201c" + describe(field) + "\u201d: " + counted(count)});
      });
      offers.sort(function (a, b) { return b.count - a.count; });
      if (!offers.length) {
        offers.push({fields: fields(form), count: items.length,
          text: "Alle keuzes wissen: " + counted(items.length)});
      }
      offers.forEach(function (offer) {
        var li = document.createElement("li");
        var button = document.createElement("button");
        button.type = "button";
        button.className = "md-button swv-filter-knop";
        button.textContent = offer.text;
        button.addEventListener("click", function () {
          offer.fields.forEach(function (field) { field.value = ""; });
          apply();
          remember(true);
          offer.fields[0].focus();
        });
        li.appendChild(button);
        choices.appendChild(li);
      });
    }

    function apply() {
      var wanted = chosen();
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
        : counted(count) + " gevonden.";
      if (choices) {
        empty.hidden = count !== 0;
        if (count === 0) offerBroader(wanted);
      }
    }

    // The form's choice in the address, without the filters left empty.
    function remember(newEntry) { /* newEntry: a step for the back button */
      var params = new URLSearchParams(window.location.search);
      fields(form).forEach(function (field) {
        var value = field.value.trim();
        if (value) params.set(field.name, value); else params.delete(field.name);
      });
      var query = params.toString();
      var address = window.location.pathname + (query ? "?" + query : "") + window.location.hash;
      if (address === window.location.pathname + window.location.search + window.location.hash) {
        return;
      }
      if (newEntry) window.history.pushState(null, "", address);
      else window.history.replaceState(null, "", address);
    }

    // The address's choice in the form; values the form does not offer are left out.
    function restore() {
      var params = new URLSearchParams(window.location.search);
      fields(form).forEach(function (field) {
        var value = params.get(field.name) || "";
        if (field.tagName === "SELECT") {
          var known = Array.prototype.some.call(field.options, function (option) {
            return option.value === value;
          });
          field.value = known ? value : "";
        } else {
          field.value = /^\d{1,2}$/.test(value) ? value : "";
        }
      });
    }

    form.hidden = false;
    form.addEventListener("change", function () { apply(); remember(true); });
    form.addEventListener("input", function (event) {
      if (event.target.tagName === "INPUT") apply(); /* the address on change */
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    window.addEventListener("popstate", function () { restore(); apply(); });
    restore();
    apply();
  }

  Array.prototype.forEach.call(document.querySelectorAll("form.swv-filter"), setUp);
})();
