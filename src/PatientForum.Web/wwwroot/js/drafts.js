// Drafts: the composer keeps what the member writes on the server as they type (1.5 s after they stop, and when the
// page is hidden), so it is there again on any device. The server pre-fills the form and says "Draft restored"; the
// Save draft and Discard draft buttons work without this file, which only does the same without leaving the page.
const delay = 1500;

document.querySelectorAll("form.composer[data-draft-url]").forEach(function (form) {
  var url = form.getAttribute("data-draft-url");
  var fields = Array.prototype.slice.call(form.querySelectorAll("input[name='Title'], textarea[name='Body']"));
  // The content warnings ticked are kept with the draft too, so a restored draft is still folded as its author chose.
  var warnings = Array.prototype.slice.call(form.querySelectorAll("input[type='checkbox'][name='ContentWarnings']"));
  var token = form.querySelector("input[name='__RequestVerificationToken']");
  var status = form.querySelector("[data-draft-status]");
  var saveButton = form.querySelector("[data-draft-save]");
  var discardButton = form.querySelector("[data-draft-discard]");
  if (!fields.length || !token) {
    return;
  }
  var timer = null;
  var dirty = false;
  var posting = false;
  var queue = Promise.resolve();

  function send(path, data, keepalive) {
    data.append("__RequestVerificationToken", token.value);
    return fetch(path, {
      method: "POST",
      body: data,
      credentials: "same-origin",
      headers: { Accept: "application/json" },
      keepalive: !!keepalive,
    }).then(function (response) {
      return response.json().then(function (answer) {
        return { ok: response.ok, answer: answer };
      });
    });
  }

  function save(keepalive) {
    clearTimeout(timer);
    timer = null;
    if (!dirty || posting) {
      return;
    }
    dirty = false;
    var data = new FormData();
    fields.forEach(function (field) {
      data.append(field.name, field.value);
    });
    warnings.forEach(function (box) {
      if (box.checked) {
        data.append(box.name, box.value);
      }
    });
    // One save at a time, in the order typed, so an older text never lands after a newer one.
    queue = queue.then(function () {
      return send(url, data, keepalive)
        .then(function (result) {
          if (!result.ok) {
            // Refused (too long, a thread since locked): the reason, as text; the words stay in the form.
            show(result.answer.reason || "The draft was not saved.");
            return;
          }
          show(result.answer.savedAtText ? "Draft saved at " + result.answer.savedAtText + "." : "Draft removed.");
          if (discardButton) {
            discardButton.hidden = !result.answer.savedAt;
          }
        })
        .catch(function () {
          dirty = true;
          show("The draft could not be saved just now. Your text is still here.");
        });
    });
  }

  function discard() {
    clearTimeout(timer);
    timer = null;
    dirty = false;
    var discarding = queue.then(function () {
      return send(url + "/discard", new FormData(), false);
    });
    queue = discarding.catch(function () {});
    discarding
      .then(function (result) {
        if (!result.ok) {
          throw new Error("Discard failed");
        }
        fields.forEach(function (field) {
          field.value = "";
        });
        warnings.forEach(function (box) {
          box.checked = false;
        });
        document.querySelectorAll("[data-draft-note]").forEach(function (note) {
          note.remove();
        });
        discardButton.hidden = true;
        show("Draft discarded.");
        fields[0].focus();
      })
      .catch(function () {
        show("The draft could not be discarded just now.");
      });
  }

  function show(text) {
    if (status) {
      status.textContent = text;
    }
  }

  fields.forEach(function (field) {
    field.addEventListener("input", function () {
      dirty = true;
      clearTimeout(timer);
      timer = setTimeout(save, delay);
    });
  });
  warnings.forEach(function (box) {
    box.addEventListener("change", function () {
      dirty = true;
      clearTimeout(timer);
      timer = setTimeout(save, delay);
    });
  });
  if (saveButton) {
    saveButton.addEventListener("click", function (event) {
      event.preventDefault();
      dirty = true;
      save(false);
    });
  }
  if (discardButton) {
    discardButton.addEventListener("click", function (event) {
      event.preventDefault();
      discard();
    });
  }
  // Posting removes the draft on the server; a save sent as the page unloads must not bring it back.
  form.addEventListener("submit", function (event) {
    var via = event.submitter;
    if (!via || (via !== saveButton && via !== discardButton)) {
      posting = true;
      clearTimeout(timer);
    }
  });
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "hidden") {
      save(true);
    }
  });
  window.addEventListener("pagehide", function () {
    save(true);
  });
});
