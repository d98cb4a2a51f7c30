"""The book's HTML, made fast and accessible for phones (a Sphinx build helper; no chapter imports it).

- ``assets``: each page loads only the scripts it uses (chart runtime on chart pages, MathJax on pages
  with mathematics, no widget state nobody reads, no search index outside the search page);
- ``icons``: the theme's Font Awesome icons become small inline SVGs (no 1.5 MB icon script, no icon font);
- ``markup``: ARIA fixes to markup that docutils and the theme write;
- ``templates``: the template bridge that applies ``icons`` and ``markup`` to every rendered page.

``widgets.build.sphinx_ext`` connects them to Sphinx.
"""
