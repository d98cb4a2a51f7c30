"""The book's Sphinx extension: fast, accessible pages (see ``widgets.build.bookhtml``).

- each page loads only the scripts it uses (``widgets.build.bookhtml.assets``);
- ARIA fixes to the body docutils writes (``widgets.build.bookhtml.markup``);
- the theme's stylesheet without Font Awesome's rules (``widgets.build.bookhtml.theme_css``);
- the theme's icons become inline SVG through the template bridge named in ``_config.yml``
  (``template_bridge: widgets.build.bookhtml.templates.KitTemplateLoader``);
- each chapter page offers its notebook (with outputs) and its data to take home (``widgets.build.take_home``);
- what code cells display is left out of the translation catalogs (``OutputsAreNotTranslated``);
- a link to a chapter a workshop leaves out becomes text naming it (``widgets.build.standalone``);
- the kernels that execute the chapters talk to the build over encrypted sockets (``encrypt_build_kernels``)
  and are shut down without a stray interrupt (``quiet_build_kernel_shutdown``)
  and know they write for the book (``OUTPUT_ENV``: displayed Markdown then carries citation roles).
"""
from __future__ import annotations

from widgets.build.bookhtml.assets import select_page_scripts
from widgets.build.bookhtml.markup import fix_body
from widgets.build.bookhtml.site_css import write_site_css
from widgets.build.site import edition_switch
from widgets.build.bookhtml.theme_css import write_trimmed_theme_css

import os

from docutils import nodes
from jupyter_client.manager import KernelManager
from sphinx.transforms import SphinxTransform

from widgets.pages.book import OUTPUT_ENV

LATE = 900  # after Sphinx, the theme, myst-nb and MathJax have put their scripts on the page


def _fix_body(app, pagename, templatename, context, doctree):
    body = context.get("body")
    if body:
        context["body"] = fix_body(body)


def _edition_switch(app, pagename, templatename, context, doctree):
    """A link to the same page in the other edition (``kit_other_edition``: set when both editions are built
    into one site, empty for a book on its own, such as a workshop)."""
    other = app.config.kit_other_edition
    if other:   # placed by _assets/templates/layout.html above every page's content (search and index pages too)
        from widgets.core.labels import label
        context["kit_edition_switch"] = edition_switch(pagename, other, label("site.edition_nav"))


class OutputsAreNotTranslated(SphinxTransform):
    """What a chapter's code displays (tables, source checks, notes made from the data) is written by the kernel
    in the edition's language already, and an equation reads the same in both: they are left out of the
    translation catalogs, which hold only the prose."""

    default_priority = 5   # before Sphinx's i18n transform (20), which applies translations

    def apply(self, **kwargs) -> None:
        for maths in self.document.findall(nodes.math_block):   # equations read the same in every language
            maths["translatable"] = False
        for output in self.document.findall(nodes.container):
            if "cell_output" not in output.get("classes", []):
                continue
            for element in output.findall(nodes.TextElement):
                if not isinstance(element, nodes.Inline):  # messages are blocks; marking an inline node (a
                    element["translatable"] = False      # link's text) would make Sphinx drop its text


def encrypt_build_kernels() -> None:
    """Start the build's kernels with CurveZMQ transport encryption (jupyter_client's ``"auto"`` policy: keys
    are provisioned when the kernelspec declares ``supported_encryption: curve``, as ipykernel 7.3+ does).

    Without it every kernel logs "Kernel is running over TCP without encryption" into the build log. myst-nb
    creates its kernel managers without any configuration, so the policy is set as the default of the
    ``KernelManager`` trait, for this build process only (JupyterLab gets it from its server config,
    ``widgets.build.lab_settings``).
    """
    KernelManager.class_traits()["transport_encryption"].default_value = "auto"


_INTERRUPT = KernelManager._async_interrupt_kernel


async def _interrupt_unless_shutting_down(self) -> None:
    """A kernel manager's interrupt, skipped while it shuts the kernel down (see :func:`quiet_build_kernel_shutdown`)."""
    if getattr(self, "shutting_down", False):
        return
    await _INTERRUPT(self)


def quiet_build_kernel_shutdown() -> None:
    """Shut the build's kernels down without first interrupting them.

    jupyter_client's ``shutdown_kernel`` sends SIGINT before its shutdown request. When a chapter's kernel is still
    handling its last message (more likely on a loaded machine, and with a short chapter such as the bibliography),
    the interrupt lands inside that handler and ipykernel logs ``ERROR | KeyboardInterrupt caught in kernel.`` into
    the build log, which fails the zero-warnings build at random. The build never needs that interrupt: the chapter
    has finished, the shutdown request follows, and a kernel that does not answer it is still killed. For this build
    process only; an interrupt asked for at any other time (JupyterLab's stop button) is untouched.

    The kernels are also stopped at once (nbclient's ``shutdown_kernel = "immediate"``) rather than asked to shut
    down: ipykernel's shutdown handler closes its output sockets while the control thread still flushes stderr, which
    logs ``ERROR:tornado.general:Uncaught exception in ZMQStream callback`` (ZMQError: Socket operation on
    non-socket) into the build log now and then. A chapter's kernel has nothing to save once the chapter has run.
    """
    from nbclient import NotebookClient
    KernelManager._async_interrupt_kernel = _interrupt_unless_shutting_down
    NotebookClient.class_traits()["shutdown_kernel"].default_value = "immediate"


def setup(app):
    app.add_transform(OutputsAreNotTranslated)
    app.setup_extension("widgets.build.standalone")
    app.setup_extension("widgets.build.take_home")
    app.setup_extension("widgets.build.translated_glue")
    app.setup_extension("widgets.build.search_ja")
    encrypt_build_kernels()
    quiet_build_kernel_shutdown()
    os.environ[OUTPUT_ENV] = "book"  # inherited by the kernels myst-nb starts
    app.add_config_value("kit_other_edition", "", "html", [str])
    app.connect("html-page-context", _fix_body)
    app.connect("html-page-context", _edition_switch)
    app.connect("html-page-context", select_page_scripts, priority=LATE)
    app.connect("build-finished", write_trimmed_theme_css)
    app.connect("build-finished", write_site_css, priority=LATE)   # after the trimmed theme stylesheet
    return {"parallel_read_safe": True, "parallel_write_safe": True}
