// Quoting into a thread's reply form. Select words in a post and a Quote button appears beside them; every post has a
// Quote button of its own too, which quotes the words selected in it, or else the whole post as its author wrote it
// (its Markdown, from /posts/{id}/source). The reply form gets a blockquote that names the author and links back,
// which is how the forum tells a quote from other text and notifies the quoted member (Quotes.cs):
//   > **Display Name** [wrote](/posts/123):
//   >
//   > the quoted words
// The thread page only loads this for a member who may reply, and the buttons stay hidden until it runs.
const composer = document.querySelector("form.composer[data-quote-composer]");
const posts = document.querySelector("[data-live-thread]");
const body = composer && composer.querySelector("textarea[name='Body']");
let selectionButton = null;
let selected = null; // { article, range } that the selection button quotes
let pressed = null;  // the selection as a post's own Quote button was pressed
let scheduled = false;

if (composer && posts && body) {
  selectionButton = createSelectionButton();

  posts.querySelectorAll("article.post").forEach(enable);
  // Replies pushed live, and posts replaced by an edit, get their button too.
  new MutationObserver(function (records) {
    records.forEach(function (record) {
      record.addedNodes.forEach(function (node) {
        if (node.nodeType === 1 && node.matches("article.post")) {
          enable(node);
        }
      });
    });
  }).observe(posts, { childList: true });

  // A mouse press can move the selection before the click lands; remember it first.
  posts.addEventListener("mousedown", function (event) {
    if (event.target.closest("[data-quote-post]")) {
      pressed = currentSelection();
    }
  }, true);

  posts.addEventListener("click", function (event) {
    var button = event.target.closest("[data-quote-post]");
    if (!button) {
      return;
    }
    var article = button.closest("article.post");
    var selection = pressed || currentSelection();
    pressed = null;
    if (selection && selection.article === article) {
      insert(quoteOf(article, textOf(selection.range)), article);
    } else {
      quoteWholePost(article, button);
    }
  });

  document.addEventListener("selectionchange", function () {
    if (!scheduled) {
      scheduled = true;
      window.requestAnimationFrame(function () {
        scheduled = false;
        showSelectionButton();
      });
    }
  });
}

// Only posts every reader sees can be quoted; a post is shown as its author or a moderator sees it otherwise.
function quotable(article) {
  return article.getAttribute("data-state") === "Visible" && !!article.querySelector(".post-body");
}

function enable(article) {
  if (!quotable(article)) {
    return;
  }
  var button = article.querySelector("[data-quote-post]");
  var row = article.querySelector(".post-actions");
  if (!button && row) {
    button = document.createElement("button");
    button.type = "button";
    button.className = "link-button";
    button.setAttribute("data-quote-post", "");
    button.textContent = "Quote";
    var more = document.createElement("span");
    more.className = "visually-hidden";
    more.textContent = " this post by " + authorOf(article);
    button.appendChild(more);
    row.insertBefore(button, row.firstChild);
  }
  if (button) {
    button.hidden = false;
  }
}

// The selection, cut to the one post body it starts in (a triple click ends it in the next block).
function currentSelection() {
  var selection = window.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) {
    return null;
  }
  var range = selection.getRangeAt(0);
  var postBody = bodyAround(range.startContainer) || bodyAround(range.endContainer);
  var article = postBody && postBody.closest("article.post");
  if (!article || !posts.contains(article) || !quotable(article)) {
    return null;
  }
  var cut = range.cloneRange();
  if (!postBody.contains(cut.startContainer)) {
    cut.setStart(postBody, 0);
  }
  if (!postBody.contains(cut.endContainer)) {
    cut.setEnd(postBody, postBody.childNodes.length);
  }
  return cut.toString().trim() ? { article: article, range: cut } : null;
}

function bodyAround(node) {
  var element = node && (node.nodeType === 1 ? node : node.parentElement);
  return element ? element.closest(".post-body") : null;
}

// The words as the reader sees them, line breaks and paragraphs kept: the browser's own rendering of a selection.
function textOf(range) {
  var selection = window.getSelection();
  selection.removeAllRanges();
  selection.addRange(range);
  return selection.toString();
}

function showSelectionButton() {
  var selection = currentSelection();
  if (!selection) {
    if (document.activeElement !== selectionButton) {
      selectionButton.hidden = true;
      selected = null;
    }
    return;
  }
  selected = selection;
  var article = selection.article;
  var postBody = article.querySelector(".post-body");
  if (selectionButton.previousElementSibling !== postBody) {
    postBody.insertAdjacentElement("afterend", selectionButton); // next in the tab order after the words
  }
  selectionButton.hidden = false;
  var rects = selection.range.getClientRects();
  var last = rects.length ? rects[rects.length - 1] : selection.range.getBoundingClientRect();
  var box = article.getBoundingClientRect();
  var left = Math.min(Math.max(0, last.right - box.left - selectionButton.offsetWidth / 2), box.width - selectionButton.offsetWidth);
  selectionButton.style.setProperty("left", Math.max(0, left) + "px");
  selectionButton.style.setProperty("top", (last.bottom - box.top + 6) + "px");
}

function createSelectionButton() {
  var button = document.createElement("button");
  button.type = "button";
  button.className = "quote-selection";
  button.hidden = true;
  button.textContent = "Quote";
  var more = document.createElement("span");
  more.className = "visually-hidden";
  more.textContent = " the selected words";
  button.appendChild(more);
  button.addEventListener("click", function () {
    if (selected) {
      insert(quoteOf(selected.article, textOf(selected.range)), selected.article);
    }
    button.hidden = true;
    selected = null;
  });
  return button;
}

function quoteWholePost(article, button) {
  var id = postIdOf(article);
  fetch("/posts/" + id + "/source", { credentials: "same-origin", headers: { Accept: "text/plain" } })
    .then(function (response) {
      var type = response.headers.get("Content-Type") || "";
      if (!response.ok || type.indexOf("text/plain") !== 0) {
        throw new Error("Not quotable: " + response.status);
      }
      return response.text();
    })
    .then(function (markdown) {
      insert(quoteOf(article, withoutQuotes(markdown)), article);
    })
    .catch(function () {
      say(button, "This post cannot be quoted right now.");
    });
}

// A quote of a quote would notify the member quoted first again; the post's own words are what is quoted.
function withoutQuotes(markdown) {
  var own = markdown.replace(/\r\n?/g, "\n").split("\n").filter(function (line) { return !/^[ \t]*>/.test(line); }).join("\n").trim();
  return own || markdown;
}

function quoteOf(article, text) {
  var lines = text.replace(/\r\n?/g, "\n").replace(/\n{3,}/g, "\n\n").trim().split("\n");
  var quoted = lines.map(function (line) { return line.trim() ? "> " + line : ">"; }).join("\n");
  return "> **" + escapeMarkdown(authorOf(article)) + "** [wrote](/posts/" + postIdOf(article) + "):\n>\n" + quoted + "\n\n";
}

// At the caret (or where the member last left it), on a paragraph of its own; then on to the reply form. The quoted
// post's content warnings are ticked in the form, as the server will save the reply with them anyway.
function insert(markdown, article) {
  (article.getAttribute("data-content-warnings") || "").split(" ").forEach(function (key) {
    composer.querySelectorAll("input[type='checkbox'][name='ContentWarnings']").forEach(function (box) {
      if (key && box.value === key && !box.checked) {
        box.checked = true;
        box.dispatchEvent(new Event("change", { bubbles: true }));
      }
    });
  });
  var value = body.value;
  var at = typeof body.selectionEnd === "number" ? Math.min(body.selectionEnd, value.length) : value.length;
  var before = value.slice(0, at);
  var lead = before === "" || /\n\n$/.test(before) ? "" : /\n$/.test(before) ? "\n" : "\n\n";
  body.setRangeText(lead + markdown, at, at, "end");
  body.dispatchEvent(new Event("input", { bubbles: true }));
  body.focus({ preventScroll: true });
  body.scrollIntoView({ block: "center" });
}

function say(button, message) {
  var note = button.parentElement.querySelector("[data-quote-note]");
  if (!note) {
    note = document.createElement("span");
    note.className = "quote-note";
    note.setAttribute("data-quote-note", "");
    note.setAttribute("role", "status");
    button.insertAdjacentElement("afterend", note);
  }
  note.textContent = message;
}

function authorOf(article) {
  var author = article.querySelector(".post-author");
  return author ? author.textContent.trim() : "";
}

function postIdOf(article) {
  return parseInt(article.id.replace(/^post-/, ""), 10);
}

// Display names are plain words, but any Markdown mark in one stays a character.
function escapeMarkdown(text) {
  return text.replace(/[\\`*_[\]<>~|#!]/g, "\\$&");
}
