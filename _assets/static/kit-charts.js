/* The briefing kit's chart loader (widgets/charts/book_renderer.py writes the figures it draws).
 *
 * Each <figure class="kit-chart"> holds its Vega-Lite spec as inert JSON. When the first chart comes
 * near the screen, this fetches the vendored Vega bundle from the site itself (data-vega-bundle, a path
 * relative to this script) and draws each chart as it approaches, fitted to the text column: long
 * titles, x-axis titles and multi-line text marks wrap; in a narrow column long axis labels are cut;
 * legends that run past the column are laid out again in as many columns as fit beside their start;
 * views narrow (down to MIN_SCALE of their designed width and MIN_VIEW_PX), and a text mark's width
 * limit narrows with its view. A chart still wider than the column scrolls inside it and becomes
 * keyboard-focusable. Sliders and
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
  var MIN_SCALE = 0.2;             // narrowest a view gets, as a share of its designed width,
  var MIN_VIEW_PX = 120;           // and in pixels
  var LEGEND_COLUMN_PX = 160;      // legend entries per row: the column's width over this
  var NARROW_PX = 600;             // below this column width, legends and axis labels make room
  var AXIS_LABEL_SHARE = 0.4;      // in a narrow column, axis labels take at most this share of it
  var TITLE_FONT_PX = 13, SUBTITLE_FONT_PX = 12;  // Vega's defaults, for estimating line lengths
  var AXIS_TITLE_FONT_PX = 14;     // the kit's 12 px bold axis titles, estimated as 14 px regular
  var TEXT_MARK_FONT_PX = 11;      // Vega's default text mark size
  var LEGEND_ENTRY_EXTRA_PX = 40;  // a legend entry's symbol, gap and padding beside its label
  var LEGEND_LABEL_FONT_PX = 12;   // the kit's legend labels (widgets/charts/style.py)
  var WHOLE_LABEL_PX = 2000;       // a label limit no legend label reaches
  var LEGEND_CHANNELS = ["color", "fill", "stroke", "shape", "size", "opacity", "strokeDash"];
  var SHRINK_MARGIN_PX = 4;        // views narrow by this much more than the overflow (text is re-wrapped)
  var MAX_ATTEMPTS = 4;            // draws per chart: the first and up to three refits
  var VEGA_PADDING_PX = 5;         // Vega's default padding around a chart
  var TITLE_MARGIN_PX = 8;         // slack for the rough text widths below
  var NO_LINE_START = "\u3001\u3002\uff0c\uff0e\u30fb\uff1a\uff1b\uff1f\uff01\u30fc\uff09\u300d\u300f\u3011)]%"
    + "\u3041\u3043\u3045\u3047\u3049\u3063\u3083\u3085\u3087\u30a1\u30a3\u30a5\u30a7\u30a9\u30c3\u30e3\u30e5\u30e7\u3005";
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
     (Japanese text has no spaces to break at); a character that must not start a line (、。ー and
     the like) takes the character before it onto the new line. */
  function wrap(text, maxPx, fontPx) {
    if (textWidth(text, fontPx) <= maxPx) { return text; }
    var lines = [], line = "";
    (text.match(/\S+\s*/g) || []).forEach(function (word) {
      if (textWidth(line + word.trim(), fontPx) <= maxPx) { line += word; return; }
      if (line.trim()) { lines.push(line.trim()); line = ""; }
      for (var i = 0; i < word.length; i++) {
        if (line && textWidth(line + word[i], fontPx) > maxPx) {
          var carried = NO_LINE_START.indexOf(word[i]) >= 0 && line.length > 1 ? line.slice(-1) : "";
          lines.push(line.slice(0, line.length - carried.length).trim());
          line = carried;
        }
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

  /* How legends use availablePx: as many columns of entries as fit, and the width of a label in each. */
  function legendLayout(availablePx) {
    var columns = Math.max(1, Math.floor(availablePx / LEGEND_COLUMN_PX));
    return {columns: columns, labelPx: Math.max(40, Math.floor(availablePx / columns) - LEGEND_ENTRY_EXTRA_PX)};
  }

  /* A legend labelExpr that shows each of the labels wider than labelPx on lines that fit (the keys
     carry a prefix so that no label can name a property every object has), or null if none is. */
  function wrappedLabelsExpr(labels, labelPx) {
    var lines = {}, any = false;
    (labels || []).forEach(function (text) {
      var wrapped = wrap(text, labelPx, LEGEND_LABEL_FONT_PX);
      if (typeof wrapped !== "string") { lines["k:" + text] = wrapped; any = true; }
    });
    return any ? "(" + JSON.stringify(lines) + ")['k:' + datum.label] || datum.label" : null;
  }

  /* Legends (all at the bottom, from the kit's chart style) within availablePx: columns of entries
     that fit, stacked one under another. Before a draw has shown the legends' labels (labels null),
     labels are drawn whole, to be measured; after it, those too wide wrap onto more lines. */
  function fitLegends(spec, availablePx, labels) {
    var layout = legendLayout(availablePx);
    var labelExpr = wrappedLabelsExpr(labels, layout.labelPx);
    var labelPx = labels ? layout.labelPx : WHOLE_LABEL_PX;
    var config = spec.config = Object.assign({}, spec.config);
    config.legend = Object.assign({}, config.legend, {
      columns: layout.columns,
      labelLimit: labelPx,
      layout: {bottom: {anchor: "start", direction: "vertical"}, top: {anchor: "start", direction: "vertical"}}
    });
    eachNode(spec, function (node) {
      if (labelExpr && node.encoding) {
        LEGEND_CHANNELS.forEach(function (channel) {
          var def = node.encoding[channel];
          if (def && def.field && def.legend !== null && !(def.legend && def.legend.labelExpr)) {
            def.legend = Object.assign({}, def.legend, {labelExpr: labelExpr});
          }
        });
      }
      if (node.legend && typeof node.legend === "object") {
        if (typeof node.legend.labelLimit === "number") { node.legend.labelLimit = labelPx; }
        if (typeof node.legend.columns === "number") { node.legend.columns = Math.min(node.legend.columns, layout.columns); }
      }
    });
  }

  /* The labels of the drawn legends, added to those already known: a label drawn on one line and not
     cut (a label wrapped by an earlier draw is known already, by its whole text). */
  function legendLabels(canvas, known) {
    var labels = (known || []).slice();
    canvas.querySelectorAll("svg g.role-legend-label text").forEach(function (text) {
      var content = text.textContent;
      if (!text.querySelector("tspan") && content.slice(-1) !== "\u2026" && labels.indexOf(content) < 0) {
        labels.push(content);
      }
    });
    return labels;
  }

  /* In a narrow column: long axis labels are cut (with an ellipsis) to make room for the plot, and the
     end labels of a continuous x axis sit inside the plot instead of hanging past its edges. */
  function fitAxisLabels(spec, widthPx) {
    var axisLabelPx = Math.floor(widthPx * AXIS_LABEL_SHARE);
    var config = spec.config = Object.assign({}, spec.config);
    config.axis = Object.assign({labelLimit: axisLabelPx}, config.axis);
    config.axisX = Object.assign({labelFlush: true}, config.axisX);
    eachNode(spec, function (node) {
      if (node.axis && typeof node.axis.labelLimit === "number") { node.axis.labelLimit = Math.min(node.axis.labelLimit, axisLabelPx); }
    });
  }

  /* Calls visit(node) for every object in the spec except inline data. */
  function eachNode(node, visit) {
    if (!node || typeof node !== "object") { return; }
    visit(node);
    Object.keys(node).forEach(function (key) { if (key !== "datasets" && key !== "data") { eachNode(node[key], visit); } });
  }

  /* The unit specs drawn in a view: the view itself, or the members of its layers. */
  function units(view) {
    var found = [];
    (function collect(node) {
      if (node.layer) { node.layer.forEach(collect); } else { found.push(node); }
    })(view);
    return found;
  }

  function markOf(unit) {
    return typeof unit.mark === "string" ? {type: unit.mark} : (unit.mark || {});
  }

  /* A view's x-axis title wraps to the view's width. */
  function fitAxisTitles(view) {
    var encodings = [view.encoding].concat(units(view).map(function (unit) { return unit.encoding; }));
    encodings.forEach(function (encoding) {
      var x = encoding && encoding.x;
      if (!x) { return; }
      if (typeof x.title === "string") { x.title = wrap(x.title, view.width, AXIS_TITLE_FONT_PX); }
      if (x.axis && typeof x.axis.title === "string") { x.axis.title = wrap(x.axis.title, view.width, AXIS_TITLE_FONT_PX); }
    });
  }

  /* Text marks of a view that break lines (lineBreak) wrap again to the view's width. The text's
     author marks the blocks: a line that starts with an indent continues the block above it, and a
     line broken at a space keeps that space at its end (widgets/charts/exposure.py wraps so). */
  function fitTextBlocks(spec, view) {
    units(view).forEach(function (unit) {
      var mark = markOf(unit);
      var field = unit.encoding && unit.encoding.text && unit.encoding.text.field;
      var rows = unit.data && unit.data.name && spec.datasets && spec.datasets[unit.data.name];
      if (mark.type !== "text" || typeof mark.lineBreak !== "string" || !field || !rows) { return; }
      var fontPx = mark.fontSize || TEXT_MARK_FONT_PX;
      rows.forEach(function (row) {
        if (typeof row[field] === "string") { row[field] = rewrapBlocks(row[field], mark.lineBreak, view.width, fontPx); }
      });
    });
  }

  function rewrapBlocks(text, lineBreak, maxPx, fontPx) {
    var blocks = [];
    text.split(lineBreak).forEach(function (line) {
      var indent = (/^\s+/.exec(line) || [""])[0];
      var last = blocks[blocks.length - 1];
      if (indent && last) { last.text += line.slice(indent.length); last.indent = indent; }
      else { blocks.push({text: line, indent: ""}); }
    });
    var lines = [];
    blocks.forEach(function (block) {
      var wrapped = wrap(block.text.trim(), maxPx - textWidth(block.indent, fontPx), fontPx);
      (typeof wrapped === "string" ? [wrapped] : wrapped).forEach(function (line, i) {
        lines.push(i ? block.indent + line : line);
      });
    });
    return lines.join(lineBreak);
  }

  /* A text mark's width limit (in pixels) narrows with its view. */
  function scaleTextLimits(view, scale) {
    units(view).forEach(function (unit) {
      if (typeof unit.mark === "object" && typeof unit.mark.limit === "number") {
        unit.mark.limit = Math.round(unit.mark.limit * scale);
      }
    });
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

  /* The spec drawn at widthPx: fit.scale narrows the views, fit.legendPx (once a draw has shown a
     legend running past the column) is the room the legends get beside their start. */
  function fittedSpec(original, widthPx, fit) {
    var spec = JSON.parse(JSON.stringify(original));
    spec.config = Object.assign({}, spec.config);
    spec.config.legend = Object.assign({labelLimit: WHOLE_LABEL_PX}, spec.config.legend);  // measured, then fitted
    if (widthPx < NARROW_PX) {
      fitAxisLabels(spec, widthPx);
      fitLegends(spec, widthPx, null);
    }
    if (fit.legendPx) { fitLegends(spec, fit.legendPx, fit.legendLabels); }
    eachView(spec, function (view) {
      view.width = Math.round(view.width * fit.scale);
      scaleTextLimits(view, fit.scale);
      fitAxisTitles(view);
      fitTextBlocks(spec, view);
    });
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

  /* How far the drawn chart runs past the column (less Vega's padding on the right): its legends, the
     room they have right of where the first starts, and the rest. */
  function overflow(canvas, columnPx) {
    var left = canvas.getBoundingClientRect().left - canvas.scrollLeft;
    var widthPx = columnPx - VEGA_PADDING_PX - 2;   // and two pixels for Vega's rounding up
    var found = {legendPx: 0, legendRoomPx: widthPx, otherPx: 0};
    canvas.querySelectorAll("svg g.role-legend").forEach(function (legend) {
      var box = legend.getBoundingClientRect();
      found.legendPx = Math.max(found.legendPx, box.right - left - widthPx);
      found.legendRoomPx = Math.min(found.legendRoomPx, widthPx - Math.max(0, box.left - left));
    });
    // a view's own box is its frame's background (the frame group itself would hold the legends too)
    var parts = "svg g.role-axis, svg g.role-frame > g > path.background, svg g.role-mark, svg g.role-title";
    canvas.querySelectorAll(parts).forEach(function (part) {
      found.otherPx = Math.max(found.otherPx, part.getBoundingClientRect().right - left - widthPx);
    });
    return found;
  }

  /* Draw, measure, and draw again fitted (at most MAX_ATTEMPTS times): legends running past the column
     get columns that fit, views narrow by what the rest runs past it. */
  function render(vegaEmbed, figure, original, widthPx, fit, attempt) {
    var canvas = figure.querySelector(".kit-chart-canvas");
    var controls = figure.querySelector(".kit-chart-controls");
    var options = {renderer: "svg", actions: false, bind: controls};
    return vegaEmbed(canvas, fittedSpec(original, widthPx, fit), options).then(function (result) {
      var over = overflow(canvas, widthPx);
      var next = {scale: fit.scale, legendPx: fit.legendPx, legendLabels: fit.legendLabels};
      if (over.legendPx > 0) {
        var room = fit.legendPx ? Math.min(over.legendRoomPx, fit.legendPx - over.legendPx) : over.legendRoomPx;
        next.legendPx = Math.max(LEGEND_COLUMN_PX / 2, room);
        next.legendLabels = legendLabels(canvas, fit.legendLabels);
      }
      if (over.otherPx > 0) { next.scale = nextScale(original, fit.scale, over.otherPx + SHRINK_MARGIN_PX); }
      var changed = next.legendPx !== fit.legendPx || next.scale < fit.scale - 0.001
        || (next.legendLabels || []).length !== (fit.legendLabels || []).length;
      if (!changed || attempt + 1 >= MAX_ATTEMPTS) { return result; }
      result.finalize();
      canvas.textContent = "";
      controls.textContent = "";
      return render(vegaEmbed, figure, original, widthPx, next, attempt + 1);
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
      return render(vegaEmbed, figure, original, state.width, {scale: 1, legendPx: null, legendLabels: null}, 0);
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
