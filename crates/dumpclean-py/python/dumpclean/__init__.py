"""dumpclean: turn raw web-page text dumps into structured articles.

A dump is the visible text of a page: a browser's ``innerText``, a "save as
text", a Common Crawl WET record. :func:`clean` returns an :class:`Article`:
the body as typed blocks, the metadata the page shows (title, date, byline,
image credit, comment count), every piece of site chrome labelled by kind,
and a label and score for every input line.

>>> import dumpclean
>>> article = dumpclean.clean(open("page.txt", encoding="utf-8").read())  # doctest: +SKIP
>>> article.title, article.date, article.body  # doctest: +SKIP

:func:`clean_batch` cleans many dumps on all cores (the GIL released), with
results equal to :func:`clean`'s. A :class:`SiteProfile` learned from many
pages of one site lets :func:`clean` drop the site's template lines (corpus
mode). The :mod:`dumpclean.datatrove` module (imported on its own, when
datatrove is installed) has a datatrove extractor step and a corpus-mode
recipe.

The native code is the Rust library ``dumpclean``; errors are
:class:`DumpcleanError` (a :class:`ValueError`) and its subclasses, with the
library's messages.
"""

from __future__ import annotations

import os
from typing import Literal, Mapping

from ._dumpclean import (
    Article,
    BinaryInputError,
    Block,
    ChromeSegment,
    DumpcleanError,
    InputTooLargeError,
    InvalidUtf8Error,
    Line,
    LineTooLongError,
    SiteProfile,
    Utf16Error,
    __version__,
    clean,
    clean_batch,
    clean_bytes,
    profiles_from_json,
    profiles_to_json,
    site_of,
)

#: The modes of :func:`clean`: the precision/recall trade-off.
Mode = Literal["precision", "balanced", "recall"]

__all__ = [
    "Article",
    "BinaryInputError",
    "Block",
    "ChromeSegment",
    "DumpcleanError",
    "InputTooLargeError",
    "InvalidUtf8Error",
    "Line",
    "LineTooLongError",
    "Mode",
    "SiteProfile",
    "Utf16Error",
    "__version__",
    "clean",
    "clean_batch",
    "clean_bytes",
    "load_profiles",
    "profiles_from_json",
    "profiles_to_json",
    "save_profiles",
    "site_of",
]


def load_profiles(path: "str | os.PathLike[str]") -> dict[str, SiteProfile]:
    """Read profiles by site from a JSON file written by :func:`save_profiles`
    or by the command-line tool's ``--save-profiles``."""
    with open(path, encoding="utf-8") as f:
        return profiles_from_json(f.read())


def save_profiles(profiles: Mapping[str, SiteProfile], path: "str | os.PathLike[str]") -> None:
    """Write profiles by site to a JSON file, as the command-line tool's
    ``--save-profiles`` does (its ``--load-profiles`` reads it)."""
    data = profiles_to_json(dict(profiles))
    with open(path, "w", encoding="utf-8") as f:
        f.write(data)

