// Live updates for the facilitator's console and the projector's wall: the server pushes the
// changed part as HTML rendered from its own (autoescaping) templates. Without this
// script the pages still work: reload them (the wall reloads itself).
(function () {
  "use strict";
  var live = document.getElementById("live");
  if (!live || !window.EventSource) { return; }
  var source = new EventSource(live.getAttribute("data-events"));
  source.addEventListener("update", function (event) {
    live.innerHTML = event.data;
    live.setAttribute("data-version", event.lastEventId);
    var status = document.getElementById("status");
    var joined = document.getElementById("joined");
    var finished = document.getElementById("finished");
    if (status && joined && finished) {  // a short, polite announcement for screen readers
      // the sentence comes from the page, in the workshop's language
      var said = status.getAttribute("data-said") || "%(joined)s joined, %(finished)s finished";
      status.textContent = said.replace("%(joined)s", joined.textContent)
        .replace("%(finished)s", finished.textContent);
    }
  });
})();
