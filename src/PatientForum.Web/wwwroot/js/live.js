// Live updates over SignalR: an enhancement on top of pages that work without it.
// All HTML inserted here was rendered and sanitized by the server's own partials.
(function () {
  "use strict";

  // Read while this script runs: document.currentScript is only set then.
  var hubPath = document.currentScript && document.currentScript.getAttribute("data-hub");
  var threadList = document.querySelector("[data-live-thread]");
  var topicList = document.querySelector("[data-live-topic]");
  var moderationQueue = document.querySelector("[data-queue-count]");
  if (!window.signalR || !hubPath || (!threadList && !topicList && !moderationQueue)) {
    return;
  }

  var status = document.querySelector("[data-live-status]");
  var announcer = createAnnouncer();
  var threadId = threadList ? parseInt(threadList.getAttribute("data-live-thread"), 10) : 0;
  var topicSlug = topicList ? topicList.getAttribute("data-live-topic") : null;

  // Retry for as long as the page is open, backing off to 10 s with a little jitter.
  var retryPolicy = {
    nextRetryDelayInMilliseconds: function (context) {
      return Math.min(10000, 500 * Math.pow(2, context.previousRetryCount)) + Math.floor(Math.random() * 500);
    }
  };
  // Disconnects are expected (the status line tells the reader), so they are not console errors.
  var quietLogger = {
    log: function (level, message) {
      if (level >= signalR.LogLevel.Error) {
        console.warn("[live] " + message);
      }
    }
  };

  var connection = new signalR.HubConnectionBuilder()
    .withUrl(hubPath)
    .withAutomaticReconnect(retryPolicy)
    .configureLogging(quietLogger)
    .build();

  connection.on("PostAdded", function (post) {
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
  });

  connection.on("PostUpdated", function (post) {
    var existing = document.getElementById("post-" + post.postId);
    if (post.threadId === threadId && existing) {
      existing.replaceWith(fragment(post.html));
    }
  });

  connection.on("QueueCount", function (count) {
    var counter = document.querySelector("[data-queue-count]");
    if (counter) {
      counter.textContent = count === 1 ? "1 post waiting" : count + " posts waiting";
    }
  });

  connection.on("Presence", showPresence);

  function showPresence(id, readers) {
    var presence = document.querySelector("[data-presence]");
    if (id === threadId && presence) {
      presence.textContent = readers === 1 ? "1 reading now" : readers + " reading now";
      presence.hidden = false;
    }
  }

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

  connection.on("ThreadActivity", function (row) {
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
  });

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

  var starting = false;
  startWithRetry(0);
  watchComposer();

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

  // Groups do not survive a reconnect, so join again, then fetch every reply newer than the last one shown.
  function joinAndCatchUp() {
    if (moderationQueue) {
      return connection.invoke("JoinModerators");
    }
    if (topicSlug) {
      return connection.invoke("JoinTopic", topicSlug);
    }
    return connection.invoke("JoinThread", threadId)
      .then(function (readers) {
        showPresence(threadId, readers);
        if (threadList.getAttribute("data-live-append") !== "true") {
          return null;
        }
        return connection.invoke("RepliesAfter", threadId, lastPostId()).then(function (posts) {
          posts.forEach(function (post) {
            if (!document.getElementById("post-" + post.postId)) {
              threadList.appendChild(fragment(post.html));
            }
          });
        });
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

  function watchComposer() {
    var body = document.querySelector("form.composer textarea[name='Body']");
    if (!threadList || !body) {
      return;
    }
    var lastSent = 0;
    body.addEventListener("input", function () {
      var now = Date.now();
      if (now - lastSent > 3000 && connection.state === signalR.HubConnectionState.Connected) {
        lastSent = now;
        connection.invoke("Typing", threadId).catch(function () { /* best effort */ });
      }
    });
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
})();
