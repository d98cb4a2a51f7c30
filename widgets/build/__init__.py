"""Build tooling, above everything else: the execution-cache guard and edition configs (``buildtools``), the
Sphinx extension and the book's HTML helpers (``sphinx_ext``, ``bookhtml``), the myst-nb chart renderer
(``book_renderer``) and MyST reader (``eval_reader``), JupyterLab's settings and save hook (``lab_settings``,
``lab_server``), and the benchmark, Lighthouse and gzip site server that ``make`` runs."""
