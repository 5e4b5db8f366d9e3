"""Fixtures of the Python package's tests: the repository's dumps, a small
site of synthetic pages, WET files made from them, and the command-line
tool to compare with."""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[3]
SEEDS = sorted((REPO / "testdata" / "seeds").glob("*.txt"))
PAGES = sorted((REPO / "testdata" / "pages").glob("*.txt"))

# A small news site: four pages with the same template. The two lines of
# the reader-support promo read like prose, so that a page alone keeps
# them; the site's profile shows them on every page.
SITE_HOST = "www.town-news.example"
_SITE_ARTICLES = [
    (
        "Harbour reopens after repairs",
        "The old harbour reopened on Monday after three weeks of repairs to the quay walls, the port authority said.",
        "Fishermen said the closure had cost them most of the spring season and they would ask the province for help.",
    ),
    (
        "Library opens its doors",
        "The new library in the town centre opened its doors on Saturday to hundreds of curious visitors from the region.",
        "The building holds more than forty thousand books and a reading room that looks out over the river.",
    ),
    (
        "Market moves to the square",
        "The weekly market will move to the main square from next month, the council decided on Tuesday evening.",
        "Traders welcomed the decision, saying the old car park was too small and too far from the shops.",
    ),
    (
        "Bridge works delayed again",
        "Works on the railway bridge have been delayed by another two months because of a shortage of steel.",
        "Commuters will have to take the replacement buses until the end of the summer, the rail company said.",
    ),
]
SITE_PROMO = (
    "Our reporters cover the town every day, and this work is paid for by readers like you.",
    "Support local journalism and subscribe today for just one euro a week.",
)
_SITE_TEMPLATE = (
    "Home\nLocal\nSport\nWeather\n\n{title}\n\n{a}\n\n{b}\n\n"
    + "\n".join(SITE_PROMO)
    + "\n\nMost read\nCouncil approves new budget for schools\nFire brigade called to old factory\n\n"
    "Contact us\nPrivacy policy\n"
)


def site_pages() -> list[tuple[str, str, str]]:
    """The synthetic site's pages as (stem, url, text)."""
    out = []
    for i, (title, a, b) in enumerate(_SITE_ARTICLES):
        slug = title.lower().replace(" ", "-")
        text = _SITE_TEMPLATE.format(title=title, a=a, b=b)
        out.append((f"site-{i}", f"https://{SITE_HOST}/2026/{slug}", text))
    return out


def dumps() -> list[tuple[str, str, str]]:
    """Every dump the tests use, as (stem, url, text): the seeds, the
    hand-written pages and the synthetic site."""
    out = []
    for p in SEEDS + PAGES:
        gold = p.with_name(p.stem + ".gold.json")
        url = json.loads(gold.read_text(encoding="utf-8")).get("url") if gold.exists() else None
        out.append((p.stem, url or f"http://example.invalid/{p.stem}", p.read_text(encoding="utf-8")))
    return out + site_pages()


def _record(headers: list[tuple[str, str]], body: bytes) -> bytes:
    head = "WARC/1.0\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers)
    head += f"Content-Length: {len(body)}\r\n\r\n"
    return head.encode() + body + b"\r\n\r\n"


def write_wet(docs: list[tuple[str, str, str]], out: Path) -> Path:
    """Write docs (stem, url, text) as a Common Crawl-style WET file, as
    ../shared/eval/make_wet.py does: a warcinfo record, then one
    `conversion` record per dump, each its own gzip member; the record id
    is `<urn:dumpclean:STEM>`."""
    recs = [
        _record(
            [
                ("WARC-Type", "warcinfo"),
                ("WARC-Date", "2026-01-01T00:00:00Z"),
                ("WARC-Record-ID", "<urn:dumpclean:warcinfo>"),
                ("Content-Type", "application/warc-fields"),
            ],
            b"software: dumpclean tests\r\nformat: WARC file with plain text content\r\n",
        )
    ]
    for stem, url, text in docs:
        body = text.encode("utf-8")
        recs.append(
            _record(
                [
                    ("WARC-Type", "conversion"),
                    ("WARC-Target-URI", url),
                    ("WARC-Date", "2026-01-01T00:00:00Z"),
                    ("WARC-Record-ID", f"<urn:dumpclean:{stem}>"),
                    ("WARC-Refers-To", f"<urn:dumpclean:{stem}-response>"),
                    ("WARC-Block-Digest", "sha1:" + hashlib.sha1(body).hexdigest()),
                    ("Content-Type", "text/plain"),
                ],
                body,
            )
        )
    with out.open("wb") as f:
        for r in recs:
            f.write(gzip.compress(r))
    return out


@pytest.fixture(scope="session")
def wet_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two gzipped WET files (two shards) holding every dump; each holds
    two of the synthetic site's four pages."""
    d = tmp_path_factory.mktemp("wet")
    docs = dumps()
    site = [x for x in docs if x[0].startswith("site-")]
    rest = [x for x in docs if not x[0].startswith("site-")]
    half = len(rest) // 2
    write_wet(rest[:half] + site[:2], d / "shard-0.warc.wet.gz")
    write_wet(rest[half:] + site[2:], d / "shard-1.warc.wet.gz")
    return d


@pytest.fixture(scope="session")
def cli() -> Path:
    """The command-line tool: $DUMPCLEAN_BIN, or the workspace's debug
    build (built here when missing or stale: cargo is a no-op when fresh)."""
    if os.environ.get("DUMPCLEAN_BIN"):
        return Path(os.environ["DUMPCLEAN_BIN"])
    subprocess.run(["cargo", "build", "--quiet", "-p", "dumpclean-cli"], cwd=REPO, check=True)
    meta = subprocess.run(
        ["cargo", "metadata", "--format-version", "1", "--no-deps"],
        cwd=REPO,
        check=True,
        capture_output=True,
        text=True,
    )
    return Path(json.loads(meta.stdout)["target_directory"]) / "debug" / "dumpclean"


def run_cli(cli: Path, *args: str) -> list[dict]:
    """The records `dumpclean --format jsonl ARGS` writes (its exit status
    must be 0)."""
    out = subprocess.run([str(cli), "--format", "jsonl", *args], check=True, capture_output=True, text=True)
    return [json.loads(line) for line in out.stdout.split("\n")[:-1]]
