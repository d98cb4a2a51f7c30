/* The briefing kit's MathJax loader (added by widgets/bookhtml/assets.py to pages with mathematics).
 *
 * MathJax (about 1 MB of script) loads from the site itself (data-mathjax, a path relative to this
 * script) only when a formula comes near the screen, or before printing, so it never delays the first
 * paint and a reader who never reaches a formula never downloads it. Until then a formula shows as its
 * TeX source. The page's window.MathJax settings (written by Sphinx) apply as usual.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  var mathjaxUrl = new URL(script.getAttribute("data-mathjax"), script.src).href;
  var NEAR_SCREEN = "600px 0px";
  var started = false;

  function load() {
    if (started) { return; }
    started = true;
    var tag = document.createElement("script");
    tag.src = mathjaxUrl;
    tag.async = true;
    document.head.appendChild(tag);
  }

  var formulas = document.querySelectorAll(".math");
  if (!formulas.length) { return; }
  window.addEventListener("beforeprint", load);
  if (!("IntersectionObserver" in window)) { load(); return; }
  var observer = new IntersectionObserver(function (entries) {
    if (entries.some(function (entry) { return entry.isIntersecting; })) {
      observer.disconnect();
      load();
    }
  }, {rootMargin: NEAR_SCREEN});
  formulas.forEach(function (formula) { observer.observe(formula); });
})();
