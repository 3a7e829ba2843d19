// briefs: small enhancements only. Every page works without this file.
(function () {
  "use strict";

  // "/" focuses the search box, unless the user is typing somewhere.
  document.addEventListener("keydown", function (e) {
    if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey) return;
    var t = e.target;
    if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
    var box = document.getElementById("q");
    if (!box) return;
    e.preventDefault();
    box.focus();
    box.select();
  });

  // Ticking a facet checkbox applies it at once.
  var facets = document.getElementById("facets");
  if (facets) {
    facets.addEventListener("change", function (e) {
      if (e.target && e.target.type === "checkbox") {
        if (facets.requestSubmit) facets.requestSubmit();
        else facets.submit();
      }
    });
  }

  // Copy buttons: shown only when script runs; copy their block's text.
  function selectText(el) {
    var range = document.createRange();
    range.selectNodeContents(el);
    var sel = window.getSelection();
    sel.removeAllRanges();
    sel.addRange(range);
  }

  function done(button, label) {
    button.textContent = label;
    button.classList.add("copied");
    clearTimeout(button._briefsTimer);
    button._briefsTimer = setTimeout(function () {
      button.textContent = "Copy";
      button.classList.remove("copied");
    }, 2500);
  }

  function fallback(button, el) {
    selectText(el);
    var ok = false;
    try {
      ok = document.execCommand("copy");
    } catch (err) {
      ok = false;
    }
    done(button, ok ? "Copied" : "Selected: press Ctrl+C");
  }

  var buttons = document.querySelectorAll("button.copy[data-copy]");
  Array.prototype.forEach.call(buttons, function (button) {
    var el = document.getElementById(button.getAttribute("data-copy"));
    if (!el) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      var text = el.textContent;
      // Rich formats go on the clipboard as HTML (italic titles) and as
      // plain text, so a word processor keeps the italics.
      if (button.hasAttribute("data-rich") && window.ClipboardItem && navigator.clipboard &&
          navigator.clipboard.write && window.isSecureContext) {
        navigator.clipboard.write([new ClipboardItem({
          "text/html": new Blob([el.innerHTML], { type: "text/html" }),
          "text/plain": new Blob([text], { type: "text/plain" })
        })]).then(function () {
          done(button, "Copied");
        }, function () {
          fallback(button, el);
        });
        return;
      }
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(function () {
          done(button, "Copied");
        }, function () {
          fallback(button, el);
        });
      } else {
        fallback(button, el);
      }
    });
  });
})();
