// The page's one live connection to the forum's hub, shared by the scripts that use it: live.js starts it and joins
// the page's groups; bell.js, typing.js and reactions.js listen on it. Null where the page has no SignalR client
// (the layout loads it, with the hub's path on live.js's script tag, only on pages with live updates).
const hubPath = document.querySelector("script[data-hub]")?.dataset.hub;

/** Retry for as long as the page is open, backing off to 10 s with a little jitter. */
export const retryPolicy = {
  nextRetryDelayInMilliseconds: (context) =>
    Math.min(10000, 500 * 2 ** context.previousRetryCount) + Math.floor(Math.random() * 500),
};

// Disconnects are expected (the status line tells the reader), so they are not console errors.
const quietLogger = {
  log(level, message) {
    if (level >= signalR.LogLevel.Error) {
      console.warn(`[live] ${message}`);
    }
  },
};

export const connection = window.signalR && hubPath
  ? new signalR.HubConnectionBuilder()
    .withUrl(hubPath)
    .withAutomaticReconnect(retryPolicy)
    .configureLogging(quietLogger)
    .build()
  : null;

const joined = [];

/** Calls <callback> after each (re)connection, once the page has joined its groups again. */
export function onJoined(callback) {
  joined.push(callback);
}

/** For live.js: the connection is up (again). */
export function announceJoined() {
  for (const callback of joined) {
    callback();
  }
}
