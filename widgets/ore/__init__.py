"""Ore deposits: grade, tonnage, recovery and cost (``model``), and the chart's and explorer's starting values
from the data package (``start``)."""
