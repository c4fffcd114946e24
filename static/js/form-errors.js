// Public forms: after a rejected submission, move the focus to the error summary so that
// screen readers announce it and keyboard users start at the list of links to the fields.
(function () {
  "use strict";
  var summary = document.querySelector("[data-error-summary]");
  if (summary) {
    summary.focus();
  }
})();
