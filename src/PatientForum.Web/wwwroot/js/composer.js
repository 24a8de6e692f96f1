// The composer's word on mentions: one post notifies at most Forum:Notifications:MentionLimit members, so past that
// the member is told, as they type, that the last ones named will not hear of it. The form carries the limit and the
// words; the server says the same after posting, counting members rather than names.
// As Mentions.cs: an @ that starts a word (not an email address), then the characters a display name may hold.
// Text in code and quoted lines (someone else's words) mention nobody.
const mentionPattern = /(?<![\p{L}\p{N}_.@])@([\p{L}\p{M}\p{N}][\p{L}\p{M}\p{N} ._'-]{0,60})/gu;
const codePattern = /```[\s\S]*?```|~~~[\s\S]*?~~~|`[^`\n]*`/g;
const quoteLinePattern = /^[ \t]*>.*$/gm;
const maxWords = 8;

document.querySelectorAll("form.composer[data-mention-limit]").forEach(function (form) {
  var limit = parseInt(form.getAttribute("data-mention-limit"), 10);
  var body = form.querySelector("textarea[name='Body']");
  if (!body || !(limit > 0)) {
    return;
  }
  var warning = document.createElement("p");
  warning.id = body.id + "-mentions";
  warning.className = "mention-warning";
  warning.setAttribute("aria-live", "polite");
  body.insertAdjacentElement("afterend", warning);

  var shown = false;
  function update() {
    var over = countMentions(body.value) > limit;
    if (over === shown) {
      return;
    }
    shown = over;
    warning.textContent = over ? form.getAttribute("data-mention-warning") : "";
    describeBy(body, warning.id, over);
  }
  body.addEventListener("input", update);
  update();
});

// Distinct names after an @. Where a name ends is only known to the server, which looks the words up; here two
// mentions whose words start alike ("@Ann Lee", "@Ann Lee, thanks") count once, so the warning errs on the quiet side.
function countMentions(text) {
  var visible = text.replace(codePattern, " ").replace(quoteLinePattern, " ");
  var names = [];
  var match;
  mentionPattern.lastIndex = 0;
  while ((match = mentionPattern.exec(visible)) !== null) {
    var words = match[1].normalize("NFKC").toLowerCase().split(" ").filter(Boolean).slice(0, maxWords);
    while (words.length && /^[.'\-_]*$/.test(words[words.length - 1])) {
      words.pop();
    }
    if (!words.length) {
      continue;
    }
    words[words.length - 1] = words[words.length - 1].replace(/[.'\-_]+$/, "");
    if (!names.some(function (name) { return startsWith(name, words) || startsWith(words, name); })) {
      names.push(words);
    }
  }
  return names.length;
}

function startsWith(words, prefix) {
  return prefix.length <= words.length && prefix.every(function (word, i) { return words[i] === word; });
}

function describeBy(element, id, on) {
  var ids = (element.getAttribute("aria-describedby") || "").split(" ").filter(function (each) { return each && each !== id; });
  if (on) {
    ids.push(id);
  }
  element.setAttribute("aria-describedby", ids.join(" "));
}
