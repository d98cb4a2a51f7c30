"""China's share of world output by stage and source, never averaged (``model``)."""
