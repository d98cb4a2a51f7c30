"""Starting values for the explorers, read from the data package (never typed in code).

One module per explorer (``ore``, ``magnets``, ``exposure``, ``architecture``, ``fleet``); each
function returns the values and, for each, the row it came from (source id, confidence), so a
chapter can cite what a slider starts at.
"""
