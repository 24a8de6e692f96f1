// Live updates over SignalR: an enhancement on top of pages that work without it.
// All HTML inserted here was rendered and sanitized by the server's own partials.
import { announceJoined, connection, retryPolicy } from "./live-connection.js";

const threadList = document.querySelector("[data-live-thread]");
const topicList = document.querySelector("[data-live-topic]");
const moderationQueue = document.querySelector("[data-queue-count]");
const bell = document.querySelector("[data-notification-bell]"); // bell.js shows its count over this connection (typing.js the replies being written)
const status = document.querySelector("[data-live-status]");
const threadId = threadList ? parseInt(threadList.getAttribute("data-live-thread"), 10) : 0;
const topicSlug = topicList ? topicList.getAttribute("data-live-topic") : null;
// Where a topic page catches up from after its next reconnect; JoinTopic hands out a new one each time.
let topicCursor = null;
let announcer = null;
let starting = false;
// Replies and thread rows pushed while a reconnected page is catching up wait until it has: the catch-up's are
// older and go first, so the page keeps its order. Null while no catch-up runs.
let held = null;

if (connection && (threadList || topicList || moderationQueue || bell)) {
  announcer = createAnnouncer();
  listen();
  // Every script on the page that listens on the connection has run by then (module scripts run before it), so
  // each hears the first join.
  document.addEventListener("DOMContentLoaded", () => startWithRetry(0));
}

function listen() {
  connection.on("PostAdded", afterCatchUp(function (post) {
    if (post.threadId !== threadId || document.getElementById("post-" + post.postId)) {
      return;
    }
    if (threadList.getAttribute("data-live-append") === "true") {
      threadList.appendChild(fragment(post.html));
      announcer.textContent = "A new reply was posted.";
    } else {
      var notice = document.querySelector("[data-newer-replies]");
      if (notice) {
        notice.hidden = false;
      }
    }
  }));

  connection.on("PostUpdated", afterCatchUp(function (post) {
    var existing = document.getElementById("post-" + post.postId);
    if (post.threadId === threadId && existing) {
      existing.replaceWith(fragment(post.html));
    }
  }));

  connection.on("QueueCount", function (count) {
    var counter = document.querySelector("[data-queue-count]");
    if (counter) {
      counter.textContent = count === 1 ? "1 post waiting" : count + " posts waiting";
    }
  });

  connection.on("Presence", showPresence);

  // The thread was hidden (or made members-only) and the server took this page out of its group. Joining again lets
  // staff and the thread's author back in; anyone else is refused, and the thread leaves their screen: with several
  // instances the notice that replaces a hidden post can arrive after this, or not at all once the page has left the
  // group, so the page does not wait for it.
  connection.on("ThreadGone", function (id) {
    if (id === threadId) {
      connection.invoke("JoinThread", threadId)
        .then(function (readers) { showPresence(threadId, readers); })
        .catch(showThreadGone);
    }
  });

  connection.on("ThreadActivity", afterCatchUp(showThreadRow));

  connection.onreconnecting(function () { setConnected(false); });
  connection.onreconnected(function () {
    joinAndCatchUp()
      .then(function () { setConnected(true); })
      .catch(function () { /* A refused join ends the connection from the server; it reconnects and joins again. */ });
  });
  connection.onclose(function () {
    setConnected(false);
    if (!starting) {
      startWithRetry(0);
    }
  });
}

function afterCatchUp(show) {
  return function () {
    var args = arguments;
    if (held) {
      held.push(function () { show.apply(null, args); });
    } else {
      show.apply(null, args);
    }
  };
}

// Leaves the composer as it is: its text is the member's, and posting it says why it was refused, text kept.
function showThreadGone() {
  var notice = document.createElement("p");
  notice.className = "notice";
  notice.textContent = "This thread is no longer available to you.";
  threadList.replaceChildren(notice);
  var title = document.querySelector("main h1");
  if (title) {
    title.textContent = "Thread no longer available";
  }
  document.title = "Thread no longer available";
  var presence = document.querySelector("[data-presence]");
  if (presence) {
    presence.hidden = true;
  }
  // What the page shows of the thread outside its posts goes too (the story's treatment record, say).
  document.querySelectorAll("[data-thread-part]").forEach(function (part) { part.remove(); });
  announcer.textContent = notice.textContent;
}

function showPresence(id, readers) {
  var presence = document.querySelector("[data-presence]");
  if (id === threadId && presence) {
    presence.textContent = readers === 1 ? "1 reading now" : readers + " reading now";
    presence.hidden = false;
  }
}

// Page 1 moves a thread with new activity to the top, below the pinned ones; other pages update its row in place.
function showThreadRow(row) {
  if (!topicList || row.topicSlug !== topicSlug) {
    return;
  }
  var existing = document.getElementById("thread-" + row.threadId);
  var element = fragment(row.html);
  if (topicList.getAttribute("data-live-insert") !== "true" || row.isPinned) {
    if (existing) {
      existing.replaceWith(element);
    }
    return;
  }
  if (existing) {
    existing.remove();
  }
  var pinned = topicList.querySelectorAll("[data-pinned='true']");
  var anchor = pinned.length ? pinned[pinned.length - 1].nextElementSibling : topicList.firstElementChild;
  topicList.insertBefore(element, anchor);
  var empty = document.querySelector("[data-empty-topic]");
  if (empty) {
    empty.hidden = true;
  }
}

// One loop at a time. Once the connection itself is up, its own reconnect (and rejoin) takes over: a join the
// server refused ends the connection from the server's side, so retrying start() here would only fail.
function startWithRetry(attempt) {
  if (connection.state !== signalR.HubConnectionState.Disconnected) {
    starting = false;
    return;
  }
  starting = true;
  connection.start()
    .then(joinAndCatchUp)
    .then(function () {
      starting = false;
      setConnected(true);
    })
    .catch(function () {
      setConnected(false);
      setTimeout(function () { startWithRetry(attempt + 1); },
        retryPolicy.nextRetryDelayInMilliseconds({ previousRetryCount: attempt }));
    });
}

// Groups do not survive a reconnect, so join again, then fetch what changed while the page was away. Pushes that
// arrive meanwhile are shown once that is done, whether it worked or not.
function joinAndCatchUp() {
  announceJoined();
  if (moderationQueue || (!threadList && !topicList)) {
    return moderationQueue ? connection.invoke("JoinModerators") : Promise.resolve();
  }
  held = held || [];
  var work = topicSlug ? joinTopicAndCatchUp() : joinThreadAndCatchUp();
  return work.then(showHeld, function (error) {
    showHeld();
    throw error;
  });
}

function showHeld() {
  var pending = held || [];
  held = null;
  pending.forEach(function (show) { show(); });
}

function joinThreadAndCatchUp() {
  return connection.invoke("JoinThread", threadId)
    .then(function (readers) {
      showPresence(threadId, readers);
      if (threadList.getAttribute("data-live-append") !== "true") {
        return null;
      }
      return catchUpReplies(lastPostId(), 0);
    });
}

// Every reply saved after the last one shown, a batch at a time, until a batch comes back empty. They are all
// added, even past the page's size: live replies grow the last page the same way, and the reader keeps their
// place and any reply they are writing, which a reload could lose.
function catchUpReplies(afterPostId, added) {
  return connection.invoke("RepliesAfter", threadId, afterPostId).then(function (posts) {
    if (!posts.length) {
      if (added) {
        announcer.textContent = added === 1 ? "A new reply was posted." : added + " new replies were posted.";
      }
      return null;
    }
    posts.forEach(function (post) {
      if (!document.getElementById("post-" + post.postId)) {
        threadList.appendChild(fragment(post.html));
        added++;
      }
    });
    return catchUpReplies(posts[posts.length - 1].postId, added);
  });
}

function joinTopicAndCatchUp() {
  var since = topicCursor;
  return connection.invoke("JoinTopic", topicSlug).then(function (cursor) {
    return (since ? catchUpThreads(since) : Promise.resolve()).then(function () { topicCursor = cursor; });
  });
}

// Rows of the threads started or replied to since, oldest first, so each goes where the newest belongs.
function catchUpThreads(cursor) {
  return connection.invoke("ThreadActivityAfter", topicSlug, cursor).then(function (page) {
    page.threads.forEach(showThreadRow);
    return page.next ? catchUpThreads(page.next) : null;
  });
}

function lastPostId() {
  var posts = threadList.querySelectorAll("article.post[id^='post-']");
  var max = 0;
  posts.forEach(function (post) {
    max = Math.max(max, parseInt(post.id.substring(5), 10) || 0);
  });
  return max;
}

function setConnected(connected) {
  if (status) {
    status.hidden = connected;
  }
  document.documentElement.setAttribute("data-live", connected ? "connected" : "disconnected");
}

function fragment(html) {
  var template = document.createElement("template");
  template.innerHTML = html;
  return template.content.firstElementChild;
}

function createAnnouncer() {
  var region = document.createElement("div");
  region.className = "visually-hidden";
  region.setAttribute("aria-live", "polite");
  document.body.appendChild(region);
  return region;
}
