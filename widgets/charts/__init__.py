"""Altair chart factories. Each returns a chart whose controls are Vega-Lite params bound to
inputs, so it works in the static book (no kernel) and in JupyterLab alike.

Every factory takes its params' initial values as arguments, so a parity test can evaluate the
chart (``chart.transformed_data()``) at several slider positions and compare with the model.
"""
