"""The seminar room's save hook: a save that changes no cell keeps a chapter byte for byte; a real edit is saved."""
from __future__ import annotations

from conftest import MYST_FRONT_MATTER
from widgets.build.lab_server import keep_unchanged_chapter

CHAPTER = MYST_FRONT_MATTER + """
# Title

```{code-cell} ipython3
:tags: [remove-input]

show.fleet()
```
"""


class Contents:
    def __init__(self, folder):
        self.folder = folder

    def _get_os_path(self, path):
        return str(self.folder / path)


def saved(tmp_path, new_text: str) -> str:
    (tmp_path / "c.md").write_text(CHAPTER, encoding="utf-8")
    model = {"type": "file", "format": "text", "content": new_text}
    keep_unchanged_chapter(model, "c.md", Contents(tmp_path))
    return model["content"]


def test_lab_view_state_and_the_kernel_name_do_not_rewrite_the_chapter(tmp_path):
    rewritten = (CHAPTER.replace("display_name: Python 3", "display_name: Python 3 (ipykernel)")
                 .replace(":tags: [remove-input]", "---\njupyter:\n  outputs_hidden: true\nscrolled: true\n"
                                                   "tags: [remove-input]\n---"))
    assert saved(tmp_path, rewritten) == CHAPTER


def test_an_edit_of_a_cell_or_its_tags_is_saved(tmp_path):
    edited = CHAPTER.replace("show.fleet()", "show.portfolio()")
    assert saved(tmp_path, edited) == edited
    retagged = CHAPTER.replace("[remove-input]", "[remove-cell]")
    assert saved(tmp_path, retagged) == retagged
