"""Refresh the vendored browser assets the offline book and its tests need.

Run from the repository root with the project's venv: ``.venv/bin/python _assets/refresh_vendor.py``.
Needs network access to PyPI (already installed vl-convert-python) and the npm registry (``npm pack``);
building the book never runs this script: the vendored files are committed.

- Vega + Vega-Lite + vega-embed: one self-contained bundle from ``vl_convert.javascript_bundle()``
  (vl-convert-python, pinned in requirements.txt). Its Vega-Lite must equal ``altair.VEGALITE_VERSION``.
- MathJax 3 (CHTML output, TeX input, its fonts and TeX extensions) from the npm tarball.
- axe-core (accessibility engine used by the browser tests) from the npm tarball.
"""
from __future__ import annotations

import re
import shutil
import subprocess
import tarfile
import tempfile
from pathlib import Path

import altair
import vl_convert

ROOT = Path(__file__).resolve().parents[1]
ASSETS = ROOT / "_assets" / "static"
TEST_ASSETS = ROOT / "tests" / "assets"
MATHJAX_VERSION = "3.2.2"
AXE_CORE_VERSION = "4.14.1"


def vega_bundle() -> dict[str, str]:
    """Write the Vega bundle wrapped in a function scope (its top-level ``const`` names would
    otherwise clash with other classic scripts) and return the versions it contains."""
    vl_minor = ".".join(altair.VEGALITE_VERSION.split(".")[:2])
    bundle = vl_convert.javascript_bundle(vl_version=vl_minor)
    versions = {
        "vega-lite": re.search(r'var \$\w+="(\d+\.\d+\.\d+)";function', bundle).group(1),
        "vl-convert-python": vl_convert.__version__,
        "vega": vl_convert.get_vega_version(),
        "vega-embed": vl_convert.get_vega_embed_version(),
    }
    if versions["vega-lite"] != altair.VEGALITE_VERSION:
        raise SystemExit(f"bundle has Vega-Lite {versions['vega-lite']}, Altair needs {altair.VEGALITE_VERSION}")
    header = "/* vega " + versions["vega"] + ", vega-lite " + versions["vega-lite"] + ", vega-embed " + \
        versions["vega-embed"] + " (BSD-3-Clause), bundled by vl-convert-python " + versions["vl-convert-python"] + " */\n"
    target = ASSETS / "vega" / "vega-bundle.js"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(header + "(function () {\n" + bundle + "\n})();\n", encoding="utf-8")
    return versions


def npm_package(name: str, version: str, workdir: Path) -> Path:
    """Download ``name@version`` with ``npm pack`` and unpack it; return the package folder."""
    subprocess.run(["npm", "pack", f"{name}@{version}", "--silent"], cwd=workdir, check=True,
                   capture_output=True)
    tarball = next(workdir.glob(f"{name}-{version}.tgz"))
    with tarfile.open(tarball) as archive:
        archive.extractall(workdir / name, filter="data")
    return workdir / name / "package"


def mathjax(workdir: Path) -> None:
    """Copy MathJax's combined TeX→CHTML component, its woff fonts and TeX extensions."""
    package = npm_package("mathjax", MATHJAX_VERSION, workdir)
    target = ASSETS / "mathjax"
    shutil.rmtree(target, ignore_errors=True)
    (target / "output" / "chtml").mkdir(parents=True)
    (target / "input" / "tex").mkdir(parents=True)
    shutil.copy(package / "es5" / "tex-chtml.js", target / "tex-chtml.js")
    shutil.copytree(package / "es5" / "output" / "chtml" / "fonts", target / "output" / "chtml" / "fonts")
    shutil.copytree(package / "es5" / "input" / "tex" / "extensions", target / "input" / "tex" / "extensions")
    shutil.copy(package / "LICENSE", target / "LICENSE")


def axe_core(workdir: Path) -> None:
    """Copy axe-core's minified engine for the accessibility tests."""
    package = npm_package("axe-core", AXE_CORE_VERSION, workdir)
    TEST_ASSETS.mkdir(parents=True, exist_ok=True)
    shutil.copy(package / "axe.min.js", TEST_ASSETS / "axe.min.js")
    shutil.copy(package / "LICENSE", TEST_ASSETS / "axe-core-LICENSE")


def vega_licences(versions: dict[str, str], workdir: Path) -> None:
    """Copy the licence file of each library inside the Vega bundle, at the bundled version."""
    for name in ("vega", "vega-lite", "vega-embed"):
        package = npm_package(name, versions[name], workdir)
        shutil.copy(package / "LICENSE", ASSETS / "vega" / f"{name}-LICENSE")


def main() -> None:
    versions = vega_bundle()
    with tempfile.TemporaryDirectory() as tmp:
        vega_licences(versions, Path(tmp))
        mathjax(Path(tmp))
        axe_core(Path(tmp))
    print("vendored:", versions, f"mathjax {MATHJAX_VERSION}", f"axe-core {AXE_CORE_VERSION}")


if __name__ == "__main__":
    main()
