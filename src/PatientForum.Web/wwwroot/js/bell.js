// The notification bell: its count follows the member's notifications over the live connection (live.js).
import { connection, onJoined } from "./live-connection.js";

const bell = document.querySelector("[data-notification-bell]");
if (connection && bell) {
  // The member's own count, asked for when told it changed and after each (re)connection: the push carries nothing.
  connection.on("NotificationsChanged", refresh);
  onJoined(refresh);
}

function refresh() {
  connection.invoke("UnreadNotifications").then(show, function () { /* the next page load shows it */ });
}

function show(count) {
  var counter = bell.querySelector("[data-notification-count]");
  counter.textContent = String(count);
  counter.hidden = count === 0;
  bell.setAttribute("aria-label", count === 0 ? "Notifications, none unread"
    : count === 1 ? "Notifications, 1 unread" : "Notifications, " + count + " unread");
}
