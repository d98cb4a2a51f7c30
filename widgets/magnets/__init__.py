"""Magnet materials: each material's property profile from the most trusted rows (``profiles``), the magnet
mass and rare-earth cost per motor when one material replaces another (``cost``), and the starting values,
including the kit's one traction-magnet composition (``start``)."""
