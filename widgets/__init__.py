"""The briefing kit's Python package. Read it bottom up; nothing imports upward (tests/test_architecture.py
checks it with import-linter contracts declared in pyproject.toml):

    build/      Sphinx extension, chart renderer for the book, JupyterLab settings, benchmarks
    pages/      one module per chapter (its figures, charts and explorers in one line each), book helpers
    explorers/  ipywidgets forms for live sessions: bind inputs to a model and a chart
    charts/     Altair charts (sliders as Vega-Lite params), words, the table renderer
    ore/ magnets/ exposure/ motors/ fleet/ ledger/ shares/ timeline/
                one package per topic: ``model`` (pure equations and rules, input dataclasses, result
                codes) below ``start`` (starting values read from the data package, with provenance)
    core/       labels (English and Japanese), input checks, data loading and validation, chemistry,
                trust order, sourced values

Importing ``widgets`` has no side effect: a chapter switches on the kit's chart renderer through its page
module.
"""
