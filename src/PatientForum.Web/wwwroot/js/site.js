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
