// Move the focus to the error summary after a failed form, so a screen reader reads it first
// and keyboard users start there; its links then move to the field itself.
(function () {
  "use strict";
  var summary = document.getElementById("error-summary");
  if (!summary) { return; }
  // The form's anchor is kept in the URL (its place on a long page); the browser scrolls
  // there after loading and resets the focus, so focus the summary again once loaded.
  summary.focus();
  window.addEventListener("load", function () {
    window.setTimeout(function () { summary.focus(); }, 0);
  });
  summary.addEventListener("click", function (event) {
    var link = event.target.closest("a[href^='#']");
    if (!link) { return; }
    var field = document.getElementById(link.getAttribute("href").slice(1));
    if (!field) { return; }
    event.preventDefault();
    field.scrollIntoView({ block: "center" });
    field.focus();
  });
})();
