"""The briefing kit's Python package: data loading, models, charts and explorers.

Flow (nothing imports upward): data -> models -> charts -> explorers -> chapters.
"""
