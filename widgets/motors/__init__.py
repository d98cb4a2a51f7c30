"""Motor architectures ranked by criterion scores and weights (``model``) and the starting weights and
scores from the data package (``start``)."""
