// "Someone is replying…" on a thread page, over the live connection (live.js): shown when another reader writes a
// reply, and sent while this member writes one.
(function () {
  "use strict";

  var live = window.PatientForumLive;
  var threadList = document.querySelector("[data-live-thread]");
  if (!live || !threadList) {
    return;
  }
  var connection = live.connection;
  var threadId = parseInt(threadList.getAttribute("data-live-thread"), 10);

  var typingTimer = 0;
  connection.on("Typing", function (id, name) {
    var typing = document.querySelector("[data-typing]");
    if (id !== threadId || !typing) {
      return;
    }
    typing.textContent = name + " is replying…";
    clearTimeout(typingTimer);
    typingTimer = setTimeout(function () { typing.textContent = ""; }, 6000);
  });

  var body = document.querySelector("form.composer textarea[name='Body']");
  if (!body) {
    return;
  }
  var lastSent = 0;
  // Writing under an alias: "is replying" would name the member behind it, so nobody is told.
  var underAlias = body.form && body.form.querySelector("input[name='UnderAlias']");
  body.addEventListener("input", function () {
    var now = Date.now();
    if (underAlias && underAlias.checked) {
      return;
    }
    if (now - lastSent > 3000 && connection.state === signalR.HubConnectionState.Connected) {
      lastSent = now;
      connection.invoke("Typing", threadId).catch(function () { /* best effort */ });
    }
  });
})();
