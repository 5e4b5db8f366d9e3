"""Type stubs of the native module ``dumpclean._dumpclean`` (re-exported by ``dumpclean``)."""

import datetime
import os
from typing import Iterable, Literal, Optional, Union, final, overload

__version__: str
__all__ = [
    "__version__",
    "Article",
    "Block",
    "ChromeSegment",
    "Line",
    "SiteProfile",
    "DumpcleanError",
    "InputTooLargeError",
    "LineTooLongError",
    "InvalidUtf8Error",
    "Utf16Error",
    "BinaryInputError",
    "clean",
    "clean_bytes",
    "clean_batch",
    "profiles_to_json",
    "profiles_from_json",
    "site_of",
]

_Mode = Literal["precision", "balanced", "recall"]
_BlockKind = Literal["paragraph", "heading", "list_item", "quote"]
_ChromeKind = Literal["navigation", "related", "fixtures", "comments", "promo", "footer", "other"]
_LineLabel = Literal[
    "body", "title", "meta", "blank",
    "navigation", "related", "fixtures", "comments", "promo", "footer", "other",
]

class DumpcleanError(ValueError):
    """A dump could not be cleaned. The base of dumpclean's errors; a ValueError.

    Raised by ``clean_batch`` (``on_error="raise"``), it has ``index``: the
    position of the failing text."""

    index: int

class InputTooLargeError(DumpcleanError):
    """The input is larger than max_input_bytes (default 1 GiB)."""

class LineTooLongError(DumpcleanError):
    """One line is longer than max_line_bytes (default 256 MiB)."""

class InvalidUtf8Error(DumpcleanError):
    """The bytes given to clean_bytes are not valid UTF-8."""

class Utf16Error(DumpcleanError):
    """The bytes given to clean_bytes start with a UTF-16 byte-order mark."""

class BinaryInputError(DumpcleanError):
    """The input looks binary (NUL bytes or many other control bytes)."""

@final
class Block:
    """One block of the article body."""

    @property
    def kind(self) -> _BlockKind:
        """``"paragraph"``, ``"heading"``, ``"list_item"`` or ``"quote"``."""
    @property
    def text(self) -> str:
        """The block's text (a hard-wrapped paragraph keeps its line breaks)."""
    @property
    def span(self) -> tuple[int, int]:
        """The UTF-8 byte span ``(start, end)`` of the text in the input."""

@final
class ChromeSegment:
    """A run of input lines of one chrome kind (blank lines inside it included)."""

    @property
    def kind(self) -> _ChromeKind:
        """What the segment is: navigation, related, fixtures, comments, promo, footer or other."""
    @property
    def text(self) -> str:
        """The input from the segment's first to its last line."""
    @property
    def span(self) -> tuple[int, int]:
        """The UTF-8 byte span ``(start, end)`` of the text in the input."""
    @property
    def lines(self) -> tuple[int, int]:
        """The 0-based input lines ``(first, end)`` the segment covers (end excluded)."""

@final
class Line:
    """The verdict on one input line."""

    @property
    def label(self) -> _LineLabel:
        """Where the line went: body, title, meta, blank or a chrome kind."""
    @property
    def score(self) -> float:
        """How much the line looks like article text on its own, 0 to 1."""
    @property
    def span(self) -> tuple[int, int]:
        """The UTF-8 byte span ``(start, end)`` of the line, without its line end."""

@final
class Article:
    """A structured article cleaned from a raw dump.

    Spans are UTF-8 byte offsets into the input, as in the Rust library and
    the command-line tool: ``text.encode()[start:end].decode()`` is the
    spanned text."""

    @property
    def body(self) -> str:
        """The body as plain text: the blocks joined by blank lines (but the items of a list without bullets one to a line)."""
    @property
    def title(self) -> Optional[str]:
        """The article's headline, or None."""
    @property
    def date(self) -> Optional[datetime.date]:
        """The publication date, or None (``to_dict()`` has it as an ISO string)."""
    @property
    def byline(self) -> Optional[str]:
        """The author's name without its marker (``By``, ``door``, ``von`` ...), or None."""
    @property
    def image_credit(self) -> Optional[str]:
        """The credited name of the lead image, or None."""
    @property
    def comment_count(self) -> Optional[int]:
        """The article's own comment count, or None."""
    @property
    def blocks(self) -> list[Block]:
        """The body as typed blocks, in input order."""
    @property
    def chrome(self) -> list[ChromeSegment]:
        """Every piece of site chrome, labelled by kind, in input order."""
    @property
    def lines(self) -> list[Line]:
        """One Line per input line (the input split on ``"\\n"``)."""
    def is_empty(self) -> bool:
        """True when no body text was found."""
    def to_dict(self) -> dict[str, object]:
        """The article as the library's JSON record (the command-line tool's
        ``--format jsonl`` record without ``id``, the input's fields and
        ``body``): ``title``, ``date`` (ISO string), ``byline``,
        ``image_credit``, ``comment_count``, ``text``, ``blocks``, ``chrome``,
        ``line_labels``, ``line_scores`` (rounded to three decimals); spans
        as ``[start, end]`` lists. Equal to ``json.loads(self.to_json())``."""
    def to_json(self) -> str:
        """The article as the library's JSON record, as a string."""
    def __eq__(self, other: object, /) -> bool:
        """Equal articles: the same metadata, blocks, chrome and lines (scores included)."""
    def report(self, text: str, scores: bool = False) -> str:
        """The library's plain-text report of the article against ``text``,
        the dump it was cleaned from (``dumpclean --format report``)."""

@final
class SiteProfile:
    """What a site's pages have in common: on how many pages each line
    (compared by its lowercased letters and digits) occurs.

    Learn it from many pages of one site, then pass it to ``clean`` or
    ``clean_batch`` as ``profile=``: lines that recur on the site's pages
    count as evidence of chrome. Profiles do not depend on the order of
    their pages, merge exactly (``a.merge(b)`` equals learning on both),
    save and load as JSON, and pickle."""

    def __new__(cls, max_lines: int = 500_000) -> "SiteProfile":
        """An empty profile that keeps up to ``max_lines`` distinct lines."""
    def learn(self, text: str) -> None:
        """Add one page (a raw dump) of the site."""
    def learn_batch(self, texts: Iterable[str], threads: Optional[int] = None) -> None:
        """Add many pages of the site, learned in parallel (the same profile
        as learning them one by one)."""
    def merge(self, other: "SiteProfile") -> None:
        """Add the pages of ``other``, as if this profile had learned them."""
    @property
    def pages(self) -> int:
        """How many pages the profile was learned from."""
    @property
    def max_lines(self) -> int:
        """The most distinct lines the profile keeps."""
    @property
    def sampled(self) -> float:
        """The share of all lines the profile keeps: 1.0, or 1/2, 1/4 ...
        once the site has more than ``max_lines`` distinct lines."""
    def __len__(self) -> int:
        """How many distinct lines the profile holds."""
    def page_count(self, line: str) -> int:
        """On how many of the profile's pages ``line`` occurs."""
    def template_lines(self, min_share: float = 0.5) -> list[tuple[str, int]]:
        """The lines on at least ``min_share`` of the pages (and on two at
        least) as ``(text, pages)``, the most frequent first."""
    def to_json(self) -> str:
        """The profile as JSON (the library's serde form)."""
    @staticmethod
    def from_json(json: str) -> "SiteProfile":
        """A profile from its JSON form."""
    def save(self, path: Union[str, "os.PathLike[str]"]) -> None:
        """Write the profile to a JSON file."""
    @staticmethod
    def load(path: Union[str, "os.PathLike[str]"]) -> "SiteProfile":
        """Read a profile written by ``save``."""
    def __eq__(self, other: object, /) -> bool: ...

def clean(
    text: str,
    mode: _Mode = "balanced",
    profile: Optional[SiteProfile] = None,
    *,
    max_input_bytes: Optional[int] = None,
    max_line_bytes: Optional[int] = None,
) -> Article:
    """Clean one dump. ``mode`` trades precision against recall;
    ``profile``, the site's profile (corpus mode). The GIL is released while
    cleaning. Raises a DumpcleanError subclass for input the library refuses."""

def clean_bytes(
    data: Union[bytes, bytearray],
    mode: _Mode = "balanced",
    *,
    max_input_bytes: Optional[int] = None,
    max_line_bytes: Optional[int] = None,
) -> Article:
    """Clean one dump given as UTF-8 bytes (a byte-order mark is allowed);
    spans are offsets into ``data``. Raises InvalidUtf8Error, Utf16Error,
    BinaryInputError and the errors of ``clean``."""

@overload
def clean_batch(
    texts: Iterable[str],
    mode: _Mode = "balanced",
    threads: Optional[int] = None,
    profile: Optional[SiteProfile] = None,
    *,
    on_error: Literal["raise"] = "raise",
    max_input_bytes: Optional[int] = None,
    max_line_bytes: Optional[int] = None,
) -> list[Article]:
    """Clean many dumps on ``threads`` threads (default: the cores this
    process may use), the GIL released. The articles are in input order,
    each equal to ``clean(text, mode, profile)``. With ``on_error="raise"``
    the first failing text's error is raised (its ``index`` attribute says
    which); with ``on_error="none"`` its article is None."""
@overload
def clean_batch(
    texts: Iterable[str],
    mode: _Mode = "balanced",
    threads: Optional[int] = None,
    profile: Optional[SiteProfile] = None,
    *,
    on_error: Literal["none"],
    max_input_bytes: Optional[int] = None,
    max_line_bytes: Optional[int] = None,
) -> list[Optional[Article]]: ...
def profiles_to_json(profiles: dict[str, SiteProfile]) -> str:
    """Profiles by site as JSON, the command-line tool's ``--save-profiles`` format."""

def profiles_from_json(json: str) -> dict[str, SiteProfile]:
    """Profiles by site from JSON in the command-line tool's ``--save-profiles`` format."""

def site_of(url: Optional[str] = None, site: Optional[str] = None) -> Optional[str]:
    """The site a page belongs to, as the command-line tool's corpus mode
    reads it: ``site`` when given and not empty, else the host of ``url``
    (without user, port and a leading ``www.``, ASCII-lowercased), else None.

    >>> site_of("https://www.Example.com:8080/a/b?c")
    'example.com'
    >>> site_of("https://news.example.com/x", site="Example")
    'Example'
    """
