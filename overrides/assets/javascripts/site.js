/* Small site behaviours Material does not have. Plain script, no dependency, loaded before Material's bundle.
 *
 * The language switcher keeps the #fragment: anchors are identical in every language, so the reader lands on
 * the same section. Runs in the capture phase, before Material's own click handling.
 *
 * (Search needs nothing here: the page's __config points Material at the reader's language index and at the
 * site's search worker, see overrides/partials/search-config.html.)
 */
(function () {
  "use strict";
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
