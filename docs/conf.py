"""Sphinx configuration of the diplodata docs (``make docs``: offline, warnings are errors).

Pages made from code and data (the executed notebooks, the dataset cards, the API
pages) are written into ``_generated/`` when the build starts, by
``_ext/diplodata_docs.py``. Nothing is fetched from the network, and the pages load
no script or style sheet from elsewhere.
"""

from __future__ import annotations

import sys
from pathlib import Path

DOCS = Path(__file__).resolve().parent
sys.path.insert(0, str(DOCS / "_ext"))

import diplodata  # noqa: E402

project = "diplodata"
author = "diplodata developers"
copyright = "2026, diplodata developers"
release = version = diplodata.__version__

extensions = [
    "myst_nb",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "diplodata_docs",
]

root_doc = "index"
exclude_patterns = ["_build", "**.ipynb_checkpoints"]
suppress_warnings: list[str] = []

# Markdown (MyST) and notebooks (myst-nb). The notebooks are executed by the
# diplodata_docs extension, from notebooks/ like a student runs them, before the
# build reads them; myst-nb renders those outputs and does not run them again.
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3
nb_execution_mode = "off"
nb_execution_raise_on_error = True
nb_execution_timeout = 60
nb_output_stderr = "warn"  # a warning printed by a notebook fails the build
nb_merge_streams = True
nb_ipywidgets_js: dict[str, dict[str, str]] = {}  # no widgets, and no CDN scripts

# API reference: numpydoc docstrings through napoleon.
autodoc_default_options = {"show-inheritance": True}
autodoc_member_order = "bysource"
autodoc_typehints = "signature"
autodoc_class_signature = "separated"
napoleon_google_docstring = False
napoleon_numpy_docstring = True
napoleon_use_rtype = False

# HTML: furo ships its assets. Sphinx adds MathJax (from a CDN) only to a page with
# math, and the pages have none: diplodata_docs fails the build if any page would load
# a script or a style sheet from another site.
html_theme = "furo"
html_title = f"diplodata {release}"
html_static_path: list[str] = []
html_show_sourcelink = False
