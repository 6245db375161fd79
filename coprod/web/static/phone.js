// A phone's answers saved as they are given: each choice is posted to the page's own
// address with nav=save (the server saves it and answers 204), so a reload or a lost
// connection keeps what was chosen. Without this script the page still works: answers
// are kept when the person presses Next.
(function () {
  "use strict";
  var form = document.querySelector('main form[method="post"]');
  if (!form || !window.fetch || !window.FormData || !window.URLSearchParams) { return; }
  var note = document.getElementById("autosave-note");
  if (note) { note.hidden = false; }
  var timer = null;
  var sending = false;
  var again = false;

  function save() {
    timer = null;
    if (sending) { again = true; return; }  // one at a time, the latest choices last
    sending = true;
    var data = new URLSearchParams(new FormData(form));
    data.set("nav", "save");
    fetch(form.action, { method: "POST", body: data, credentials: "same-origin" })
      .catch(function () { /* kept on the page; Next posts it again */ })
      .then(function () {
        sending = false;
        if (again) { again = false; save(); }
      });
  }

  form.addEventListener("change", function () {
    if (timer) { clearTimeout(timer); }
    save();
  });
  form.addEventListener("input", function (event) {
    var kind = event.target && event.target.type;
    if (kind === "text" || kind === "textarea") {  // typing: once it pauses
      if (timer) { clearTimeout(timer); }
      timer = setTimeout(save, 800);
    }
  });
})();
