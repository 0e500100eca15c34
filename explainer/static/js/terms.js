// Glossary terms in articles. Each term is a link to its glossary entry; with htmx, the
// link's hx-get fetches the definition and puts it right after the link instead. This file
// only keeps aria-expanded true to what is on screen and makes a second press hide the
// definition rather than fetch it again. Without it (or without JavaScript) the links
// simply go to the glossary.
(function () {
  "use strict";
  var count = 0;

  function isTerm(element) {
    return element && element.matches && element.matches("a.term[data-hx-get]");
  }

  function definitionAfter(link) {
    var next = link.nextElementSibling;
    return next && next.classList.contains("term-definition") ? next : null;
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("a.term[data-hx-get]").forEach(function (link) {
      link.setAttribute("aria-expanded", "false");
    });
  });

  document.addEventListener("htmx:beforeRequest", function (event) {
    var link = event.detail.elt;
    var shown = isTerm(link) && definitionAfter(link);
    if (shown) {
      event.preventDefault(); // already fetched: just show or hide it
      shown.hidden = !shown.hidden;
      link.setAttribute("aria-expanded", String(!shown.hidden));
    }
  });

  document.addEventListener("htmx:afterSwap", function (event) {
    var link = event.detail.elt;
    var definition = isTerm(link) && definitionAfter(link);
    if (definition) {
      count += 1;
      definition.id = "term-definition-" + count;
      link.setAttribute("aria-controls", definition.id);
      link.setAttribute("aria-expanded", "true");
    }
  });
})();
