"""The book's Sphinx extension: ARIA fixes, per-page scripts, inline icons, trimmed theme CSS."""
from __future__ import annotations

import pytest

from widgets.build.bookhtml import assets, icons, theme_css
from widgets.build.sphinx_ext import _fix_body


def test_bibliography_entries_become_list_items_of_their_list():
    context = {"body": '<div role="list" class="citation-list"><div class="citation" id="c1" '
                       'role="doc-biblioentry">x</div></div>'}
    _fix_body(None, "p", "page.html", context, None)
    assert context["body"] == ('<div role="list" class="citation-list"><div class="citation" id="c1" '
                               'role="listitem">x</div></div>')


def test_icons_become_decorative_inline_svg_keeping_other_classes_and_data():
    page = ('<button aria-label="Color mode"><i class="theme-switch fa-solid fa-sun fa-lg" data-mode="light" '
            'title="Light"></i></button><span class="fa-solid fa-bars"></span>')
    out = icons.inline_icons(page)
    assert "fa-" not in out and "<i " not in out and "title=" not in out
    assert out.count('aria-hidden="true"') == 2 and out.count("<svg") == 2
    assert '<svg class="kit-icon kit-icon-sun kit-icon-lg theme-switch" data-mode="light"' in out
    assert icons.inline_icons(out) == out  # idempotent


def test_an_icon_without_a_drawing_is_reported_and_left_alone():
    missing = []
    page = '<i class="fa-solid fa-rocket"></i><i class="sd-fa-like"></i>'
    assert icons.inline_icons(page, missing.append) == page
    assert missing == ["fa-solid fa-rocket"]


def test_theme_css_loses_font_awesome_rules_only():
    css = ('.fade{opacity:0}.fa-solid,.fas{font-weight:900}.fa-sun:before{content:"x"}'
           '@font-face{font-family:"Font Awesome 6 Free";src:url(a.woff2)}@font-face{font-family:Other;src:url(b)}'
           '.btn .fa-lg,.btn{color:red}@media (min-width:1px){.x{y:z}}')
    out = theme_css.without_font_awesome(css)
    assert ".fade{opacity:0}" in out and "Other" in out and ".btn .fa-lg,.btn{color:red}" in out
    assert "@media" in out and "fa-solid" not in out and "fa-sun" not in out and "Font Awesome" not in out


@pytest.mark.parametrize("body, charts, math", [
    ('<figure class="kit-chart"><div></div></figure>', True, False),
    ('<span class="math notranslate nohighlight">\\(x\\)</span>', False, True),
    ("<p>prose only</p>", False, False),
])
def test_pages_are_told_apart_by_what_their_body_holds(body, charts, math):
    assert assets.page_has_charts(body) is charts and assets.page_has_math(body) is math


def test_build_kernels_are_not_interrupted_while_they_shut_down():
    """jupyter_client interrupts a kernel before asking it to shut down; in the build that interrupt raced the
    kernel's last reply and logged an ERROR (a random strict-build failure). It is skipped during shutdown only."""
    import asyncio

    from jupyter_client.manager import KernelManager

    from widgets.build.sphinx_ext import quiet_build_kernel_shutdown
    quiet_build_kernel_shutdown()
    manager = KernelManager()
    manager.shutting_down = True
    asyncio.run(manager._async_interrupt_kernel())          # no kernel, no signal, no error: skipped
    manager.shutting_down = False
    with pytest.raises(RuntimeError, match="No kernel is running"):
        asyncio.run(manager._async_interrupt_kernel())      # any other interrupt goes through as before
    from nbclient import NotebookClient
    assert NotebookClient(nb=None).shutdown_kernel == "immediate"   # no graceful shutdown to race the kernel's flush
