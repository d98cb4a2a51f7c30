/*
 * kit-vega6: a JupyterLab 4 mime renderer for application/vnd.vegalite.v6+json.
 *
 * Charts are drawn with the book's own bundle (Vega 6 + Vega-Lite 6 + vega-embed, copied next to this
 * file as vega-bundle.js by tests/lab_settings.py), so Lab draws the Vega-Lite version the spec was
 * written for, offline, exactly as the book does. Controls bound to Vega params carry
 * data-lm-suppress-shortcuts, so the notebook's command-mode shortcuts (arrow keys, A, B, D D ...)
 * leave a focused slider or drop-down alone.
 *
 * No build step: this file is a hand-written module-federation container, the form JupyterLab loads
 * prebuilt extensions in (window._JUPYTERLAB[name] with init(shareScope) and get(module)). The one
 * shared module it uses is @lumino/widgets, taken from JupyterLab's share scope.
 */
(function () {
  "use strict";
  var NAME = "kit-vega6";
  var MIME = "application/vnd.vegalite.v6+json";
  var BASE = document.currentScript.src.replace(/[^/?#]*([?#].*)?$/, "");
  var EMBED_OPTIONS = { actions: false, renderer: "svg" };
  var shareScope = null;
  var bundle = null;

  function loadBundle() {
    if (window.vegaEmbed) {
      return Promise.resolve(window.vegaEmbed);
    }
    if (!bundle) {
      bundle = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = BASE + "vega-bundle.js";
        script.onload = function () { resolve(window.vegaEmbed); };
        script.onerror = function () { bundle = null; reject(new Error(NAME + ": could not load " + script.src)); };
        document.head.appendChild(script);
      });
    }
    return bundle;
  }

  function newestVersion(versions) {
    var parse = function (v) { return v.split(/[.-]/).map(function (p) { return parseInt(p, 10) || 0; }); };
    return Object.keys(versions).sort(function (a, b) {
      var x = parse(a), y = parse(b);
      for (var i = 0; i < Math.max(x.length, y.length); i++) {
        if ((x[i] || 0) !== (y[i] || 0)) { return (x[i] || 0) - (y[i] || 0); }
      }
      return 0;
    }).pop();
  }

  function sharedModule(name) {
    var versions = shareScope && shareScope[name];
    if (!versions || !Object.keys(versions).length) {
      return Promise.reject(new Error(NAME + ": JupyterLab shares no " + name));
    }
    return Promise.resolve(versions[newestVersion(versions)].get()).then(function (factory) { return factory(); });
  }

  function suppressShortcuts(node) {
    node.querySelectorAll("input, select, textarea, button").forEach(function (control) {
      control.setAttribute("data-lm-suppress-shortcuts", "true");
    });
  }

  function mimeExtension(Widget) {
    class VegaLite6 extends Widget {
      constructor(options) {
        super();
        this.mimeType = options.mimeType;
        this.addClass("kit-vega6");
        this.result = null;
      }

      async renderModel(model) {
        var spec = model.data[this.mimeType];
        if (!spec) {
          return;
        }
        var embed = await loadBundle();
        if (this.result) {
          this.result.finalize();
        }
        var target = document.createElement("div");
        target.className = "kit-vega6-chart";
        this.node.replaceChildren(target);
        try {
          this.result = await embed(target, spec, EMBED_OPTIONS);
        } catch (error) {
          var message = document.createElement("pre");
          message.className = "kit-vega6-error";
          message.setAttribute("data-mime-type", "application/vnd.jupyter.stderr");
          message.textContent = "The chart could not be drawn: " + error;
          this.node.replaceChildren(message);
          return;
        }
        suppressShortcuts(this.node);
      }

      dispose() {
        if (this.result) {
          this.result.finalize();
          this.result = null;
        }
        super.dispose();
      }
    }

    return {
      id: NAME + ":plugin",
      description: "Draws Vega-Lite 6 outputs with Vega-Lite 6.",
      rendererFactory: {
        safe: true,
        mimeTypes: [MIME],
        defaultRank: 55,
        createRenderer: function (options) { return new VegaLite6(options); }
      },
      rank: 55,
      dataType: "json"
    };
  }

  window._JUPYTERLAB = window._JUPYTERLAB || {};
  window._JUPYTERLAB[NAME] = {
    init: function (scope) {
      shareScope = scope;
      return Promise.resolve();
    },
    get: function (module) {
      if (module !== "./mimeExtension") {
        return Promise.reject(new Error(NAME + " has no module " + module));
      }
      return sharedModule("@lumino/widgets").then(function (lumino) {
        var extension = mimeExtension(lumino.Widget);
        return function () { return { __esModule: true, default: extension }; };
      });
    }
  };
})();
