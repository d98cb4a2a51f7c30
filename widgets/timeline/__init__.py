"""The regulation time line: which measures were announced or in effect on a day (``model``)."""
