// Progressive enhancement only: every feature works without this file.
(function () {
  "use strict";
  // "Leave this site" replaces the current history entry, so Back does not return here.
  var leave = document.getElementById("leave-site");
  if (leave) {
    leave.addEventListener("click", function (event) {
      event.preventDefault();
      window.location.replace(leave.href);
    });
  }
  // Shift+Escape is a quick way out from anywhere on the page (documented on /privacy/).
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && event.shiftKey && leave) {
      window.location.replace(leave.href);
    }
  });

  document.addEventListener("DOMContentLoaded", function () {
    // The contents box starts closed so a phone opens on the page itself; a wide screen has
    // room to show it open.
    var toc = document.querySelector("details.contents");
    if (toc && window.matchMedia("(min-width: 40rem)").matches) {
      toc.open = true;
    }

    // A citation number jumps to its source; the source then offers a way back to that spot.
    var count = 0;
    document.addEventListener("click", function (event) {
      var mark = event.target.closest && event.target.closest("sup.cite a[href^='#source-']");
      if (!mark) {
        return;
      }
      if (!mark.id) {
        count += 1;
        mark.id = "cited-" + count;
      }
      var source = document.getElementById(mark.getAttribute("href").slice(1));
      var back = source && source.querySelector(".back-to-text");
      if (back) {
        back.href = "#" + mark.id;
        back.hidden = false;
      }
    });

    // Printed pages: a real Print button where the browser can print.
    document.querySelectorAll("button.print-button").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        window.print();
      });
    });
  });
})();
