"""The bottom layer: the label table (every user-facing word, English and Japanese), the input checks
every model uses, loading and validating the data package, the chemistry of rare-earth oxides, the trust
order of confidence tags and verdicts, and sourced starting values. Imports nothing else from ``widgets``."""
