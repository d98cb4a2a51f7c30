"""Live explorers (ipywidgets) for JupyterLab: richer inputs on top of the same models and charts.

In the static book their output is not shown (a frozen widget would lie without a kernel); the
chapters show the static-interactive chart instead and say how to run the live form.
"""
