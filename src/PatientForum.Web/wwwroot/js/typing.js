// "Someone is replying…" on a thread page, over the live connection (live.js): shown when another reader writes a
// reply, and sent while this member writes one.
import { connection } from "./live-connection.js";

const threadList = document.querySelector("[data-live-thread]");
const threadId = threadList ? parseInt(threadList.getAttribute("data-live-thread"), 10) : 0;
const body = document.querySelector("form.composer textarea[name='Body']");
let typingTimer = 0;
let lastSent = 0;
if (connection && threadList) {
  connection.on("Typing", showTyping);
  if (body) {
    body.addEventListener("input", sendTyping);
  }
}

function showTyping(id, name) {
  var typing = document.querySelector("[data-typing]");
  if (id !== threadId || !typing) {
    return;
  }
  typing.textContent = name + " is replying…";
  clearTimeout(typingTimer);
  typingTimer = setTimeout(function () { typing.textContent = ""; }, 6000);
}

function sendTyping() {
  var now = Date.now();
  // Writing under an alias: "is replying" would name the member behind it, so nobody is told.
  var underAlias = body.form && body.form.querySelector("input[name='UnderAlias']");
  if (underAlias && underAlias.checked) {
    return;
  }
  if (now - lastSent > 3000 && connection.state === signalR.HubConnectionState.Connected) {
    lastSent = now;
    connection.invoke("Typing", threadId).catch(function () { /* best effort */ });
  }
}
