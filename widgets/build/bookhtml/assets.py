"""Each page loads only the scripts it uses, and none of them blocks the first paint
(Sphinx ``html-page-context``, run after every other handler has added its scripts).

- **Charts**: a page whose body holds a chart figure (``widgets.build.book_renderer``) gets the small
  deferred loader ``kit-charts.js``; it fetches the vendored Vega bundle from the site itself when the
  first chart comes near the screen. Pages without charts load neither.
- **MathJax**: only where the body has mathematics (Sphinx's own test also counts the pages a page's
  toctree includes, which put MathJax on the start page), and there through the deferred loader
  ``kit-math.js``, which fetches MathJax when a formula comes near the screen.
- **Widget state**: myst-nb embeds the notebooks' ipywidgets state for a widget manager; the book loads
  none (``nb_ipywidgets_js`` is empty: live explorers run in JupyterLab), so the state is dropped.
- **Everything else** is deferred: Sphinx, the theme and the extensions put their scripts in ``<head>``
  without ``defer``, so each one holds back the first paint. Only ``documentation_options.js`` stays as
  it is (inline scripts that follow it read the object it defines at once), and so does every script of
  the search page (its search scripts run at once and call ``doctools.js``).
- **Search**: the search index and Sphinx's search scripts load on the search page only (see
  ``_assets/templates/layout.html``): the search field on every page submits to that page.
"""
from __future__ import annotations

import functools
import hashlib
from pathlib import Path

CHART_LOADER = "kit-charts.js"
MATH_LOADER = "kit-math.js"
VEGA_BUNDLE = "vega/vega-bundle.js"
CHART_MARKER = 'class="kit-chart"'
MATH_MARKERS = ('class="math notranslate', 'class="math"')
WIDGET_STATE_TYPE = "application/vnd.jupyter.widget-state+json"
READ_AT_ONCE = ("_static/documentation_options.js",)
SEARCH_PAGE = "search"  # its search scripts run at once and need doctools.js: nothing deferred there
LOADER_PRIORITY = 900  # after the scripts they may need (pages sort their scripts by priority)


def page_has_charts(body: str) -> bool:
    return CHART_MARKER in body


def page_has_math(body: str) -> bool:
    return any(marker in body for marker in MATH_MARKERS)


@functools.lru_cache(maxsize=None)
def file_version(path: Path) -> str:
    """A short content hash, so browsers fetch a changed file instead of a cached one."""
    return hashlib.sha256(path.read_bytes()).hexdigest()[:12]


def static_source(app, relative: str) -> Path:
    """The source file of ``relative`` (a path under ``_static``) in the book's ``html_static_path``."""
    for folder in app.config.html_static_path:
        candidate = Path(app.confdir, folder, relative)
        if candidate.is_file():
            return candidate
    raise FileNotFoundError(f"{relative} is in none of html_static_path {app.config.html_static_path}")


def versioned(app, relative: str) -> str:
    """``relative`` with its content hash as query, for a loader's data attribute."""
    return f"{relative}?v={file_version(static_source(app, relative))}"


def _attributes(script) -> dict:
    return getattr(script, "attributes", {}) or {}


def _filename(script) -> str:
    return str(getattr(script, "filename", "") or "")


def _is_mathjax_file(app, script) -> bool:
    return bool(_filename(script)) and _filename(script).endswith(app.config.mathjax_path)


def _is_widget_state(script) -> bool:
    return _attributes(script).get("type") == WIDGET_STATE_TYPE


def _is_mathjax_settings(script) -> bool:
    return _attributes(script).get("body", "").startswith("window.MathJax")


def deferred(script):
    """``script`` loaded with ``defer``, unless it is inline, already async or deferred, or read at once."""
    attributes = _attributes(script)
    filename = _filename(script)
    if (not filename or "://" in filename or filename in READ_AT_ONCE or "async" in attributes
            or "defer" in attributes or attributes.get("type", "text/javascript") != "text/javascript"):
        return script
    return type(script)(filename, priority=script.priority, **{**attributes, "defer": "defer"})


def select_page_scripts(app, pagename, templatename, context, doctree) -> None:
    """Give the page the loaders it needs; drop what it does not use; defer the rest."""
    if app.builder.format != "html" or "script_files" not in context:
        return
    body = context.get("body", "")
    has_math = page_has_math(body)
    # Added first: while this handler runs, context["script_files"] is the builder's list for this page.
    if has_math:
        app.builder.add_js_file(MATH_LOADER, priority=LOADER_PRIORITY, defer="defer",
                                **{"data-mathjax": versioned(app, app.config.mathjax_path)})
    if page_has_charts(body):
        app.builder.add_js_file(CHART_LOADER, priority=LOADER_PRIORITY, defer="defer",
                                **{"data-vega-bundle": versioned(app, VEGA_BUNDLE)})
    kept = []
    for script in context["script_files"]:
        if _is_mathjax_file(app, script) or (_is_widget_state(script) and not app.config.nb_ipywidgets_js):
            continue
        if _is_mathjax_settings(script) and not has_math:
            continue
        kept.append(script if pagename == SEARCH_PAGE else deferred(script))
    context["script_files"] = kept
