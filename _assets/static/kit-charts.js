/* The briefing kit's chart loader (widgets/charts/book_renderer.py writes the figures it draws).
 *
 * Each <figure class="kit-chart"> holds its Vega-Lite spec as inert JSON. When the first chart comes
 * near the screen, this fetches the vendored Vega bundle from the site itself (data-vega-bundle, a path
 * relative to this script) and draws each chart as it approaches, fitted to the text column: long
 * titles wrap; in a narrow column, legends wrap into columns and stack and long labels are cut; views
 * narrow (down to MIN_SCALE of their designed width and MIN_VIEW_PX).
 * A chart still wider than the column scrolls inside it and becomes keyboard-focusable. Sliders and
 * drop-downs go to the figure's controls panel, which never scrolls sideways. A chart that fails to
 * draw leaves its text description (the figure's caption) and says so in the console.
 *
 * Sharing a scenario: a chart with controls gets a "link to these settings" button that writes the
 * controls' values into the page address (#chart-N:name=value;name=value, N counting the page's charts
 * from 1) and copies it. Opening such a link draws that chart at once with those values: no server.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  var bundleUrl = new URL(script.getAttribute("data-vega-bundle"), script.src).href;
  var NEAR_SCREEN = "600px 0px";   // start drawing a chart this far before it scrolls into view
  var MIN_SCALE = 0.3;             // narrowest a view gets, as a share of its designed width,
  var MIN_VIEW_PX = 120;           // and in pixels
  var LEGEND_COLUMN_PX = 160;      // legend entries per row: the column's width over this
  var NARROW_PX = 600;             // below this column width, legends and axis labels make room
  var AXIS_LABEL_SHARE = 0.4;      // in a narrow column, axis labels take at most this share of it
  var TITLE_FONT_PX = 13, SUBTITLE_FONT_PX = 12;  // Vega's defaults, for estimating line lengths
  var VEGA_PADDING_PX = 5;         // Vega's default padding around a chart
  var TITLE_MARGIN_PX = 8;         // slack for the rough text widths below
  var loading = null;
  var drawn = [];

  function loadVega() {
    if (!loading) {
      loading = new Promise(function (resolve, reject) {
        if (window.vegaEmbed) { resolve(window.vegaEmbed); return; }
        var tag = document.createElement("script");
        tag.src = bundleUrl;
        tag.async = true;
        tag.onload = function () {
          if (window.vegaEmbed) { resolve(window.vegaEmbed); } else { reject(new Error("no vegaEmbed in " + bundleUrl)); }
        };
        tag.onerror = function () { reject(new Error("could not load " + bundleUrl)); };
        document.head.appendChild(tag);
      });
    }
    return loading;
  }

  /* Rough rendered width of text: CJK characters about one em, others about 0.6 em. */
  function textWidth(text, fontPx) {
    var width = 0;
    for (var i = 0; i < text.length; i++) { width += text.charCodeAt(i) >= 0x2e80 ? fontPx : 0.6 * fontPx; }
    return width;
  }

  /* Lines of at most maxPx each: breaks between words, and inside a word longer than a line
     (Japanese text has no spaces to break at). */
  function wrap(text, maxPx, fontPx) {
    if (textWidth(text, fontPx) <= maxPx) { return text; }
    var lines = [], line = "";
    (text.match(/\S+\s*/g) || []).forEach(function (word) {
      if (textWidth(line + word.trim(), fontPx) <= maxPx) { line += word; return; }
      if (line.trim()) { lines.push(line.trim()); line = ""; }
      for (var i = 0; i < word.length; i++) {
        if (line && textWidth(line + word[i], fontPx) > maxPx) { lines.push(line.trim()); line = ""; }
        line += word[i];
      }
    });
    if (line.trim()) { lines.push(line.trim()); }
    return lines;
  }

  function fitTitle(spec, widthPx) {
    if (!spec.title) { return; }
    var title = typeof spec.title === "string" ? {text: spec.title} : Object.assign({}, spec.title);
    if (typeof title.text === "string") { title.text = wrap(title.text, widthPx, TITLE_FONT_PX); }
    if (typeof title.subtitle === "string") { title.subtitle = wrap(title.subtitle, widthPx, SUBTITLE_FONT_PX); }
    spec.title = title;
  }

  /* The chart's title, wrapped to the column less Vega's padding on both sides, and the titles of the
     views inside it (a panel of a concatenated chart has its own, centred over its plot), each wrapped
     to its plot's width as well. Call after the views are scaled. */
  function fitTitles(spec, widthPx) {
    var linePx = widthPx - 2 * VEGA_PADDING_PX - TITLE_MARGIN_PX;
    fitTitle(spec, linePx);
    (function visit(node, withinPx) {
      if (!node || typeof node !== "object") { return; }
      var ownPx = typeof node.width === "number" ? Math.min(withinPx, node.width) : withinPx;
      if (node !== spec) { fitTitle(node, ownPx); }
      ["layer", "concat", "hconcat", "vconcat"].forEach(function (key) {
        (node[key] || []).forEach(function (child) { visit(child, ownPx); });
      });
      if (node.spec) { visit(node.spec, ownPx); }
    })(spec, linePx);
  }

  /* In a narrow column: legend entries wrap into rows of columns that fit, several legends at one
     side stack, and long axis and legend labels are cut (with an ellipsis) to make room. */
  function fitNarrow(spec, widthPx) {
    var columns = Math.max(1, Math.floor(widthPx / LEGEND_COLUMN_PX));
    var legendLabelPx = Math.floor(widthPx / columns) - 40;
    var axisLabelPx = Math.floor(widthPx * AXIS_LABEL_SHARE);
    var config = spec.config = Object.assign({}, spec.config);
    config.legend = Object.assign({
      columns: columns,
      labelLimit: legendLabelPx,
      layout: {bottom: {anchor: "start", direction: "vertical"}, top: {anchor: "start", direction: "vertical"}}
    }, config.legend);
    config.axis = Object.assign({labelLimit: axisLabelPx}, config.axis);
    (function cap(node) {
      if (!node || typeof node !== "object") { return; }
      if (node.axis && typeof node.axis.labelLimit === "number") { node.axis.labelLimit = Math.min(node.axis.labelLimit, axisLabelPx); }
      if (node.legend && typeof node.legend.labelLimit === "number") { node.legend.labelLimit = Math.min(node.legend.labelLimit, legendLabelPx); }
      Object.keys(node).forEach(function (key) { if (key !== "datasets" && key !== "data") { cap(node[key]); } });
    })(spec);
  }

  /* Calls visit(view) for every view of the spec that has a width in pixels. */
  function eachView(spec, visit) {
    if (!spec || typeof spec !== "object") { return; }
    if (typeof spec.width === "number") { visit(spec); }
    ["layer", "concat", "hconcat", "vconcat"].forEach(function (key) {
      (spec[key] || []).forEach(function (child) { eachView(child, visit); });
    });
    if (spec.spec) { eachView(spec.spec, visit); }
  }

  function fittedSpec(original, widthPx, scale) {
    var spec = JSON.parse(JSON.stringify(original));
    if (widthPx < NARROW_PX) { fitNarrow(spec, widthPx); }
    eachView(spec, function (view) { view.width = Math.round(view.width * scale); });
    fitTitles(spec, widthPx);
    return spec;
  }

  /* How far views must shrink to take away overflowPx of the chart's width. */
  function nextScale(original, scale, overflowPx) {
    var side = original.hconcat || original.concat;
    var widths = [];
    eachView(original, function (view) { widths.push(view.width * scale); });
    if (!widths.length) { return scale; }
    var shrinkable = side ? widths.reduce(function (a, b) { return a + b; }, 0) : Math.max.apply(null, widths);
    var floor = Math.max(MIN_SCALE, scale * MIN_VIEW_PX / Math.min.apply(null, widths));
    return Math.max(floor, scale * (shrinkable - overflowPx) / shrinkable);
  }

  function render(vegaEmbed, figure, original, widthPx, scale, attempt) {
    var canvas = figure.querySelector(".kit-chart-canvas");
    var controls = figure.querySelector(".kit-chart-controls");
    var options = {renderer: "svg", actions: false, bind: controls};
    return vegaEmbed(canvas, fittedSpec(original, widthPx, scale), options).then(function (result) {
      var overflow = canvas.scrollWidth - widthPx;
      var scaled = nextScale(original, scale, overflow);
      if (overflow <= 1 || attempt >= 2 || scaled > scale - 0.01) { return result; }
      result.finalize();
      canvas.textContent = "";
      controls.textContent = "";
      return render(vegaEmbed, figure, original, widthPx, scaled, attempt + 1);
    });
  }

  /* A chart wider than the column scrolls inside it: keyboard users reach it with Tab. */
  function markScrollable(figure) {
    var canvas = figure.querySelector(".kit-chart-canvas");
    if (canvas.scrollWidth > canvas.clientWidth + 1) {
      canvas.setAttribute("tabindex", "0");
    } else {
      canvas.removeAttribute("tabindex");
    }
  }

  /* The chart state in the page address: {index: 2, values: {name: value}} or null. */
  function sharedState() {
    var match = /^#chart-(\d+):(.*)$/.exec(window.location.hash);
    if (!match) { return null; }
    var values = {};
    match[2].split(";").forEach(function (pair) {
      var parts = pair.split("=");
      if (parts.length !== 2) { return; }
      var raw = decodeURIComponent(parts[1]);
      var number = Number(raw);
      values[decodeURIComponent(parts[0])] = raw === "true" ? true : raw === "false" ? false
        : (raw !== "" && !isNaN(number) ? number : raw);
    });
    return {index: parseInt(match[1], 10), values: values};
  }

  function withSharedValues(spec, values) {
    (spec.params || []).forEach(function (param) {
      if (Object.prototype.hasOwnProperty.call(values, param.name)) { param.value = values[param.name]; }
    });
    return spec;
  }

  function boundNames(spec) {
    return (spec.params || []).filter(function (p) { return p.bind && p.bind.input; })
      .map(function (p) { return p.name; });
  }

  /* A button under the controls that puts their values in the address and copies the link. */
  function addShareButton(figure, result, names) {
    var controls = figure.querySelector(".kit-chart-controls");
    if (!names.length || controls.querySelector(".kit-chart-share")) { return; }
    var button = document.createElement("button");
    button.type = "button";
    button.className = "kit-chart-share";
    button.textContent = figure.getAttribute("data-share-label") || "Link to these settings";
    var status = document.createElement("span");
    status.className = "kit-chart-share-status";
    status.setAttribute("aria-live", "polite");
    button.addEventListener("click", function () {
      var index = Array.prototype.indexOf.call(document.querySelectorAll("figure.kit-chart"), figure) + 1;
      var pairs = names.map(function (name) {
        return encodeURIComponent(name) + "=" + encodeURIComponent(String(result.view.signal(name)));
      });
      var url = window.location.href.split("#")[0] + "#chart-" + index + ":" + pairs.join(";");
      window.history.replaceState(null, "", url);
      var done = function () { status.textContent = figure.getAttribute("data-shared-label") || "Link copied"; };
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(url).then(done, done);
      } else { done(); }
    });
    controls.appendChild(button);
    controls.appendChild(status);
  }

  function draw(figure) {
    if (figure.kitChart) { return figure.kitChart.done; }
    var state = figure.kitChart = {};
    var original = JSON.parse(figure.querySelector("script.kit-chart-spec").textContent);
    var shared = sharedState();
    var index = Array.prototype.indexOf.call(document.querySelectorAll("figure.kit-chart"), figure) + 1;
    if (shared && shared.index === index) { withSharedValues(original, shared.values); }
    var canvas = figure.querySelector(".kit-chart-canvas");
    state.width = canvas.clientWidth;
    state.done = loadVega().then(function (vegaEmbed) {
      return render(vegaEmbed, figure, original, state.width, 1, 0);
    }).then(function (result) {
      state.result = result;
      addShareButton(figure, result, boundNames(original));
      figure.classList.add("kit-chart-drawn");
      markScrollable(figure);
      drawn.push(figure);
    }).catch(function (error) {
      figure.classList.add("kit-chart-failed");
      console.error("chart failed to render", error);
    });
    return state.done;
  }

  /* Redraw a drawn chart whose column changed width (a phone turned, a window resized). */
  function refit() {
    drawn.forEach(function (figure) {
      var state = figure.kitChart;
      var width = figure.querySelector(".kit-chart-canvas").clientWidth;
      if (!state.result || Math.abs(width - state.width) < 40) { return; }
      state.result.finalize();
      figure.querySelector(".kit-chart-canvas").textContent = "";
      figure.querySelector(".kit-chart-controls").textContent = "";
      figure.kitChart = null;
      drawn = drawn.filter(function (other) { return other !== figure; });
      draw(figure);
    });
  }

  function start() {
    var figures = Array.prototype.slice.call(document.querySelectorAll("figure.kit-chart"));
    var drawAll = function () { figures.forEach(draw); };
    window.addEventListener("beforeprint", drawAll);
    var resizeTimer = null;
    window.addEventListener("resize", function () {
      clearTimeout(resizeTimer);
      resizeTimer = setTimeout(refit, 300);
    });
    var shared = sharedState();
    if (shared && figures[shared.index - 1]) {        // a shared link: draw that chart now and show it
      var target = figures[shared.index - 1];
      draw(target).then(function () { target.scrollIntoView({block: "center"}); });
    }
    if (!("IntersectionObserver" in window)) { drawAll(); return; }
    var observer = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        if (entry.isIntersecting) { observer.unobserve(entry.target); draw(entry.target); }
      });
    }, {rootMargin: NEAR_SCREEN});
    figures.forEach(function (figure) { observer.observe(figure); });
  }

  start();
})();
