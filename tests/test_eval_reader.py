"""The book's chapter reader: {eval} becomes glue (execution stays cached), cite.p/t become {cite:p}/{cite:t}."""
from __future__ import annotations

from conftest import MYST_FRONT_MATTER as HEADER
from widgets.pages.book import cite, eval_markdown
from widgets.build.eval_reader import TABLES_KEY, glue_name, read_chapter


def test_evals_become_glue_right_after_their_cell_and_cites_become_roles():
    text = HEADER + """
```{code-cell} ipython3
x = 3.14159
```

About {eval}`f"{x:.1f}"` Mt {eval}`cite.p("lynas2024resource", "jiji2025sojitz")`, said {eval}`cite.t('lynas2024resource')`.

```{code-cell} ipython3
x = 2
```

Again {eval}`f"{x:.1f}"`.
"""
    notebook = read_chapter(text)
    kinds = [cell.cell_type for cell in notebook.cells]
    assert kinds == ["code", "markdown", "code", "code", "markdown", "code"]
    name = glue_name('f"{x:.1f}"')
    assert notebook.cells[1].source == (f"About {{glue:md}}`{name}:myst` Mt {{cite:p}}`lynas2024resource,jiji2025sojitz`, "
                                        "said {cite:t}`lynas2024resource`.")
    assert notebook.cells[2].metadata["tags"] == ["remove-cell"]
    assert f"_kit_glue({name!r}, _kit_eval_markdown(f\"{{x:.1f}}\"), display=False)" in notebook.cells[2].source
    # the same expression later is glued once: the value is the one at its first use (documented)
    assert notebook.cells[4].source == f"Again {{glue:md}}`{name}:myst`."
    assert len(notebook.metadata["source_map"]) == len(notebook.cells)
    # last, hidden: the data tables the chapter read, for the page's downloads
    assert notebook.cells[-1].metadata["tags"] == ["remove-cell"] and TABLES_KEY in notebook.cells[-1].source


def test_a_page_without_code_gets_no_kernel():
    notebook = read_chapter(HEADER + "\n# Bibliography\n\nNo code here.\n")
    assert [cell.cell_type for cell in notebook.cells] == ["markdown"]


def test_an_address_is_shown_not_downloaded(monkeypatch):
    import urllib.request
    def no_network(*args, **kwargs):
        raise AssertionError("eval_markdown tried to download its text")
    monkeypatch.setattr(urllib.request, "urlopen", no_network)
    address = "https://creativecommons.org/licenses/by/4.0/"
    assert eval_markdown(address).data == address.replace("_", "\\_")
    assert eval_markdown(address).url is None


def test_eval_markdown_shows_what_jupyterlab_myst_shows():
    class Md:
        def _repr_markdown_(self):
            return "**1,234.5** Mt"
    assert eval_markdown(Md()).data == "**1,234.5** Mt"
    assert eval_markdown("A$200 *x*").data == "A\\$200 \\*x\\*"
    assert eval_markdown(3.5).data == "3.5"


def test_cite_renders_the_books_author_year_text(monkeypatch):
    from widgets.pages.book import OUTPUT_ENV
    monkeypatch.delenv(OUTPUT_ENV, raising=False)   # in JupyterLab: plain text, shown inline
    assert cite.p("lynas2024resource") == "[Lynas Rare Earths Ltd, 2024]"
    assert cite.t("lynas2024resource", "mp2025dod") == "Lynas Rare Earths Ltd [2024]; MP Materials Corp. [2025]"
    monkeypatch.setenv(OUTPUT_ENV, "book")           # in the book's kernels: the role sphinxcontrib-bibtex renders
    assert cite.p("lynas2024resource", "mp2025dod").data == "{cite:p}`lynas2024resource,mp2025dod`"
    import pytest
    with pytest.raises(KeyError, match="not in data/references.bib"):
        cite.p("no-such-key")
