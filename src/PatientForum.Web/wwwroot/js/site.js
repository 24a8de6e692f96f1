// Progressive enhancement only: every form works without this file.
// Composer preview: the server renders and sanitizes exactly as it will on save.
document.querySelectorAll("form.composer").forEach(function (form) {
  var button = form.querySelector("[data-preview-button]");
  var output = form.querySelector("[data-preview]");
  if (!button || !output) {
    return;
  }
  button.hidden = false;
  button.addEventListener("click", function () {
    var data = new FormData(form);
    var body = new FormData();
    body.append("body", data.get("Body") || "");
    body.append("__RequestVerificationToken", data.get("__RequestVerificationToken") || "");
    fetch("/posts/preview", { method: "POST", body: body, credentials: "same-origin" })
      .then(function (response) {
        if (response.status === 422) {
          // Refused for its length or marks: the reason is plain text, shown as text.
          return response.text().then(function (reason) {
            output.textContent = reason;
            output.hidden = false;
            return null;
          });
        }
        if (!response.ok) {
          throw new Error("Preview failed: " + response.status);
        }
        return response.text();
      })
      .then(function (html) {
        if (html === null) {
          return;
        }
        output.innerHTML = html; // sanitized by the server's post renderer
        output.hidden = false;
      })
      .catch(function () {
        output.textContent = "The preview is not available right now. You can still post.";
        output.hidden = false;
      });
  });
});

// Move focus to a form's error summary so keyboard and screen-reader users land on it.
const errors = document.querySelector(".form-errors");
if (errors) {
  errors.focus();
}

// The home page's welcome for visitors can be put away for a year. The page is the same for every visitor (it is
// cached), so the choice lives in a cookie that js/theme-init.js reads before the next page paints.
document.querySelectorAll("[data-welcome-dismiss]").forEach(function (button) {
  button.hidden = false;
  button.addEventListener("click", function () {
    var secure = location.protocol === "https:" ? "; Secure" : "";
    document.cookie = "pf_welcome=hidden; Path=/; Max-Age=" + 60 * 60 * 24 * 365 + "; SameSite=Lax" + secure;
    document.documentElement.classList.add("welcome-hidden");
    // The button is gone with the welcome: the focus goes on to what follows it.
    var next = document.getElementById("latest-heading");
    if (next) {
      next.setAttribute("tabindex", "-1");
      next.focus();
    }
  });
});
