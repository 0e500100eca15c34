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
  // Escape is a quick way out from anywhere on the page.
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && event.shiftKey && leave) {
      window.location.replace(leave.href);
    }
  });
})();
