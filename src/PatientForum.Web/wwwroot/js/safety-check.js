// The composer's personal-information check: as the member types (after a pause), the title and body go to the server's
// check, the same one posting runs, and what it finds is shown above the submit button with the matched words marked,
// and a "Post anyway" box. Without this file the server shows the same when the form is posted.
const delay = 700;

document.querySelectorAll("form.composer").forEach(function (form) {
  var body = form.querySelector("textarea[name='Body']");
  var title = form.querySelector("input[name='Title']");
  var token = form.querySelector("input[name='__RequestVerificationToken']");
  var panel = form.querySelector("[data-safety-warnings]");
  if (!body || !token || !panel) {
    return;
  }
  var list = panel.querySelector("[data-safety-findings]");
  var anyway = panel.querySelector("[data-post-anyway]");
  var preview = form.querySelector("[data-preview]");
  var timer = null;
  var sent = 0;
  var bodyMatches = [];

  function audience() {
    var chosen = form.querySelector("input[name='Audience']:checked");
    return chosen ? chosen.value : "";
  }

  function check() {
    timer = null;
    var data = new FormData();
    data.append("__RequestVerificationToken", token.value);
    data.append("body", body.value);
    if (title) {
      data.append("title", title.value);
    }
    if (audience()) {
      data.append("audience", audience());
    }
    if (form.getAttribute("data-safety-thread")) {
      data.append("threadId", form.getAttribute("data-safety-thread"));
    }
    var mine = ++sent;
    fetch("/posting/check", { method: "POST", body: data, credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) {
        return response.ok ? response.json() : null;
      })
      .then(function (answer) {
        // Only the answer to the latest text counts; a refused or failed check leaves the panel as it was (the server checks again on posting).
        if (answer && mine === sent) {
          show(answer.findings || []);
        }
      })
      .catch(function () { /* offline: the server checks again when the form is posted */ });
  }

  function show(findings) {
    bodyMatches = findings.filter(function (finding) { return finding.field === "Body"; }).map(function (finding) { return finding.match; });
    markPreview();
    list.textContent = "";
    findings.forEach(function (finding) {
      var item = document.createElement("li");
      item.setAttribute("data-kind", finding.kind);
      var message = document.createElement("p");
      message.className = "safety-message";
      message.textContent = finding.message;
      var excerpt = document.createElement("p");
      excerpt.className = "safety-excerpt";
      if (finding.field === "Title") {
        excerpt.appendChild(document.createTextNode("In the title: "));
      }
      excerpt.appendChild(span(finding.before));
      var mark = document.createElement("mark");
      mark.textContent = finding.match;
      excerpt.appendChild(mark);
      excerpt.appendChild(span(finding.after));
      item.appendChild(message);
      item.appendChild(excerpt);
      list.appendChild(item);
    });
    var any = findings.length > 0;
    panel.hidden = !any;
    anyway.disabled = !any;
    if (!any) {
      anyway.checked = false;
    }
  }

  // The words found are marked in the Markdown preview too, as the member sees their post. The preview is the
  // server's sanitized HTML: only its text nodes are split, around the exact words the check matched.
  var observer = preview && window.MutationObserver ? new MutationObserver(markPreview) : null;

  function markPreview() {
    if (!observer) {
      return;
    }
    observer.disconnect();
    preview.querySelectorAll("mark[data-safety-mark]").forEach(function (mark) {
      mark.replaceWith(document.createTextNode(mark.textContent));
    });
    preview.normalize();
    bodyMatches.forEach(function (match) {
      var walker = document.createTreeWalker(preview, NodeFilter.SHOW_TEXT);
      var nodes = [];
      while (walker.nextNode()) {
        nodes.push(walker.currentNode);
      }
      nodes.forEach(function (node) {
        var at = match ? node.nodeValue.indexOf(match) : -1;
        if (at < 0 || node.parentElement.closest("mark")) {
          return;
        }
        var found = node.splitText(at);
        found.splitText(match.length);
        var mark = document.createElement("mark");
        mark.setAttribute("data-safety-mark", "");
        found.replaceWith(mark);
        mark.appendChild(found);
      });
    });
    observer.observe(preview, { childList: true });
  }

  if (observer) {
    observer.observe(preview, { childList: true });
  }

  function span(text) {
    var element = document.createElement("span");
    element.textContent = text;
    return element;
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(check, delay);
  }

  body.addEventListener("input", schedule);
  if (title) {
    title.addEventListener("input", schedule);
  }
  form.querySelectorAll("input[name='Audience']").forEach(function (radio) {
    radio.addEventListener("change", schedule);
  });
  // A form shown again by the server already holds its warnings; a restored draft is checked at once.
  if (body.value || (title && title.value)) {
    schedule();
  }
});
