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
  var full = document.getElementById("matters-most-full");
  var ticked = null;  // a "matters most" box just ticked: unticked again if it was one too many

  function save() {
    timer = null;
    if (sending) { again = true; return; }  // one at a time, the latest choices last
    sending = true;
    var data = new URLSearchParams(new FormData(form));
    data.set("nav", "save");
    var box = ticked;
    ticked = null;
    fetch(form.action, { method: "POST", body: data, credentials: "same-origin" })
      .then(function (response) {
        if (response.status !== 422 || !box || !full) { return; }
        return response.json().then(function (body) {
          // already 3 marked: say so, untick it (not for another field's problem)
          if (body && body.refused && body.refused.indexOf("matters_most") !== -1) {
            box.checked = false;
            full.hidden = false;
          }
        });
      })
      .catch(function () { /* kept on the page; Next posts it again */ })
      .then(function () {
        sending = false;
        if (again) { again = false; save(); }
      });
  }

  form.addEventListener("change", function (event) {
    var target = event.target;
    if (target && target.name === "matters_most") {
      ticked = target.checked ? target : null;
      if (full) { full.hidden = true; }
    }
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
