/* Small site behaviours Material does not have. Plain script, no dependency, loaded before Material's bundle.
 *
 * 1. Search in the reader's language: the build writes one index per language root (hooks/per_language_outputs.py);
 *    Material always asks for <site root>/search/search_index.json (by XMLHttpRequest), so non-English pages
 *    redirect that request.
 * 2. Chinese queries are split into words before they reach Material's search worker (message type 2), with
 *    the browser's own dictionary-based Intl.Segmenter; the index was split the same way by jieba at build time.
 *    Without it, "合作夥伴大學" is one unknown term and finds nothing useful.
 * 3. The language switcher keeps the #fragment: anchors are identical in every language, so the reader lands on
 *    the same section. Runs in the capture phase, before Material's own click handling.
 */
(function () {
  "use strict";
  var lang = document.documentElement.getAttribute("lang") || "en";
  var prefix = lang === "en" ? "" : lang + "/";

  if (prefix) {
    var index = /(^|\/)search\/search_index\.json$/;
    var open = XMLHttpRequest.prototype.open;
    XMLHttpRequest.prototype.open = function (method, url) {
      var args = Array.prototype.slice.call(arguments);
      var text = String(url);
      if (index.test(text) && text.indexOf("/" + prefix + "search/") === -1) {
        args[1] = text.replace(/search\/search_index\.json$/, prefix + "search/search_index.json");
      }
      return open.apply(this, args);
    };
  }

  if (/^zh/.test(lang) && window.Intl && Intl.Segmenter && window.Worker) {
    var segmenter = new Intl.Segmenter(lang, { granularity: "word" });
    var words = function (run) {
      return Array.from(segmenter.segment(run))
        .filter(function (part) { return part.isWordLike; })
        .map(function (part) { return part.segment; })
        .join(" ");
    };
    var post = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (message) {
      var args = Array.prototype.slice.call(arguments);
      if (message && message.type === 2 && typeof message.data === "string") {
        args[0] = { type: 2, data: message.data.replace(/[\u3400-\u9fff\uf900-\ufaff]+/g, words) };
      }
      return post.apply(this, args);
    };
  }

  window.addEventListener(
    "click",
    function (event) {
      var link = event.target instanceof Element ? event.target.closest("a.md-select__link[hreflang]") : null;
      if (!link || event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      var target = new URL(link.href, location.href);
      target.hash = location.hash;
      location.assign(target.toString());
    },
    true
  );
})();
