"""The browser tests of ``test_browser.py`` on the Japanese edition (its site served with gzip): offline, clean,
interactive, accessible in light mode at full width and in dark mode at 360 px."""
from test_browser import *  # noqa: F401,F403 (the same tests, collected again for this module's edition)

EDITION = "ja"
