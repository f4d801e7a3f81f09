/* Idle sessions end after SESSION_IDLE_TIMEOUT. Shortly before, show the warning with a
   "Stay logged in" button that renews the session without leaving the page. At the end,
   go to the login page, which says the session ended. Without JavaScript none of this runs
   and the session simply ends; the warning's form still works as a normal POST. */
(function () {
  "use strict";
  var box = document.getElementById("session-warning");
  if (!box || !window.fetch || !window.FormData) {
    return;
  }
  var form = box.querySelector("form");
  var timeout = Number(box.getAttribute("data-timeout")) * 1000;
  var warning = Number(box.getAttribute("data-warning")) * 1000;
  var expiredUrl = box.getAttribute("data-expired-url");
  var warnTimer = null;
  var endTimer = null;

  function expire() {
    window.location.assign(expiredUrl);
  }

  function schedule() {
    window.clearTimeout(warnTimer);
    window.clearTimeout(endTimer);
    warnTimer = window.setTimeout(function () {
      box.hidden = false;
      var button = form.querySelector("button");
      if (button) {
        button.focus();
      }
    }, Math.max(timeout - warning, 0));
    // A little after the server's end, so the session cookie is surely gone.
    endTimer = window.setTimeout(expire, timeout + 2000);
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    window.fetch(form.action, {
      method: "POST",
      body: new window.FormData(form),
      headers: { Accept: "application/json" },
      credentials: "same-origin"
    }).then(function (response) {
      if (response.ok) {
        box.hidden = true;
        schedule();
      } else {
        expire();
      }
    }).catch(function () {
      form.submit();
    });
  });

  schedule();
}());
