// Reaction buttons (Helpful, Me too, Sending support) on a thread page. Each button is a form that works without
// script; this sends it with fetch instead, so the page stays where it is, and shows the counts the server answers.
// Counts other members change arrive over the live connection (live.js) and are shown on every open page, visitors'
// included.
import { connection } from "./live-connection.js";

const posts = document.querySelector("[data-live-thread]");
let announcer = null;
if (posts) {
  const threadId = parseInt(posts.getAttribute("data-live-thread"), 10);
  announcer = document.createElement("p");
  announcer.className = "visually-hidden";
  announcer.setAttribute("role", "status");
  document.body.appendChild(announcer);
  posts.addEventListener("submit", react);
  connection?.on("ReactionsChanged", (reactions) => {
    if (reactions.threadId === threadId) {
      show(reactions.postId, reactions.counts, null);
    }
  });
}

function show(postId, counts, mine) {
  var box = posts.querySelector("[data-reactions='" + postId + "']");
  if (!box) {
    return;
  }
  var total = 0;
  box.querySelectorAll("[data-reaction]").forEach(function (item) {
    var kind = item.getAttribute("data-reaction");
    var count = counts[kind] || 0;
    total += count;
    item.querySelector("[data-reaction-count]").textContent = String(count);
    item.querySelector("[data-reaction-name]").textContent =
      item.getAttribute("data-reaction-label") + ", " + count + (count === 1 ? " person" : " people");
    if (item.tagName === "LI") {
      item.hidden = count === 0;
    } else if (mine) {
      item.setAttribute("aria-pressed", mine.indexOf(kind) >= 0 ? "true" : "false");
    }
  });
  var list = box.querySelector("ul");
  if (list) {
    list.hidden = total === 0;
  }
}

function react(event) {
  var form = event.target.closest("form[data-reaction-form]");
  if (!form) {
    return;
  }
  event.preventDefault();
  if (form.getAttribute("aria-busy") === "true") {
    return;
  }
  form.setAttribute("aria-busy", "true");
  fetch(form.action, { method: "POST", body: new FormData(form), headers: { Accept: "application/json" }, credentials: "same-origin" })
    .then(function (response) {
      return response.json().then(function (body) { return { ok: response.ok, body: body }; });
    })
    .then(function (answer) {
      if (answer.ok) {
        show(answer.body.postId, answer.body.counts, answer.body.mine);
        var button = form.querySelector("button");
        announcer.textContent = button.getAttribute("aria-pressed") === "true" ? "Reaction added." : "Reaction taken back.";
      } else {
        announcer.textContent = answer.body.text || "That did not work. Reload the page and try again.";
      }
    })
    .catch(function () {
      announcer.textContent = "That did not work. Reload the page and try again.";
    })
    .then(function () {
      form.removeAttribute("aria-busy");
    });
}
