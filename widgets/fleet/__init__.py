"""A carmaker's fleet: rare-earth tonnes and cost for an architecture mix (``model``), the three
diversification levers (``levers``) and the starting mix and prices (``start``)."""
