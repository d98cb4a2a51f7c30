"""Altair chart factories, one module per topic, plus what they share: ``style`` (palette, titles, sliders),
``words`` (model codes, dates and names in the reader's language), ``spec`` (``ChartSpec`` and the mime type),
``renderer`` (the kit's Altair renderer, switched on by ``renderer.enable()``) and ``table`` (the one HTML
table renderer). Each chart's controls are Vega-Lite params bound to inputs, so it works in the static book
(no kernel) and in JupyterLab alike; each factory takes its params' starting values, so a parity test can
evaluate the chart (``chart.transformed_data()``) at several slider positions and compare with the model.
Importing this package changes nothing global.
"""
