"""The Python API against the seeds' gold, the command-line tool and itself."""

from __future__ import annotations

import copy
import datetime
import json
import pickle

import pytest

import dumpclean
from conftest import PAGES, SEEDS, SITE_PROMO, dumps, run_cli, site_pages

# The share of non-blank lines that must get their gold label, as in the
# library's tests/seeds.rs.
MIN_LABEL_ACCURACY = 0.95


def gold_of(path):
    return json.loads(path.with_name(path.stem + ".gold.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem)
def test_seed_gold(seed):
    text = seed.read_text(encoding="utf-8")
    gold = gold_of(seed)
    a = dumpclean.clean(text)
    assert a.body == gold["body"]
    assert a.title == gold["title"]
    assert (a.date.isoformat() if a.date else None) == gold["date"]
    assert a.byline == gold["byline"]
    assert a.image_credit == gold["image_credit"]
    assert a.comment_count == gold["comment_count"]
    assert [{"kind": b.kind, "text": b.text} for b in a.blocks] == gold["blocks"]
    lines = a.lines
    assert len(lines) == len(gold["line_labels"]) == len(text.split("\n"))
    scored = [(line.label, want) for line, want in zip(lines, gold["line_labels"]) if want != "blank"]
    right = sum(got == want for got, want in scored)
    assert right / len(scored) >= MIN_LABEL_ACCURACY


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem)
def test_seed_gold_from_bytes_and_batch(seed):
    gold = gold_of(seed)
    assert dumpclean.clean_bytes(seed.read_bytes()).body == gold["body"]
    [a] = dumpclean.clean_batch([seed.read_text(encoding="utf-8")], threads=2)
    assert a.body == gold["body"]


def test_types_and_spans():
    text = SEEDS[0].read_text(encoding="utf-8")
    raw = text.encode()
    a = dumpclean.clean(text)
    assert isinstance(a.date, datetime.date)
    for b in a.blocks:
        assert b.kind in ("paragraph", "heading", "list_item", "quote")
        assert raw[b.span[0] : b.span[1]].decode() == b.text
    for c in a.chrome:
        assert raw[c.span[0] : c.span[1]].decode() == c.text
        assert c.lines[0] < c.lines[1]
    for line, row in zip(a.lines, text.split("\n")):
        assert raw[line.span[0] : line.span[1]].decode() == row.rstrip("\r")
        assert 0.0 <= line.score <= 1.0
    assert a.body == "\n\n".join(b.text for b in a.blocks)
    assert not a.is_empty()
    assert "Article(title=" in repr(a) and "Block(kind=" in repr(a.blocks[0])


def test_modes():
    text = SEEDS[1].read_text(encoding="utf-8")
    for mode in ("precision", "balanced", "recall"):
        assert dumpclean.clean(text, mode=mode).lines
    assert dumpclean.clean(text) == dumpclean.clean(text, mode="balanced")
    with pytest.raises(ValueError, match="mode must be"):
        dumpclean.clean(text, mode="fast")


def test_clean_batch_equals_clean():
    texts = [t for _, _, t in dumps()] * 3
    for mode in ("precision", "recall"):
        one_by_one = [dumpclean.clean(t, mode=mode) for t in texts]
        for threads in (None, 1, 2, 3):
            assert dumpclean.clean_batch(texts, mode=mode, threads=threads) == one_by_one
    assert dumpclean.clean_batch(iter(texts[:2])) == [dumpclean.clean(t) for t in texts[:2]]
    assert dumpclean.clean_batch([]) == []
    with pytest.raises(ValueError, match="threads"):
        dumpclean.clean_batch(texts, threads=0)
    with pytest.raises(TypeError):
        dumpclean.clean_batch([b"bytes are not str"])


def test_to_dict_is_the_cli_record(cli):
    """to_dict() is the command-line tool's JSON record without id, the
    input's fields and body, key for key; to_json() its JSON text."""
    records = run_cli(cli, *map(str, SEEDS + PAGES))
    assert len(records) == len(SEEDS + PAGES)
    for path, rec in zip(SEEDS + PAGES, records):
        a = dumpclean.clean(path.read_text(encoding="utf-8"))
        want = {k: v for k, v in rec.items() if k not in ("id", "body")}
        assert a.to_dict() == want
        assert list(a.to_dict()) == list(want)
        assert json.loads(a.to_json()) == a.to_dict()
        assert rec["body"] == a.body


def test_report_is_the_cli_report(cli):
    import subprocess

    path = SEEDS[2]
    out = subprocess.run(
        [str(cli), "--format", "report", str(path)], check=True, capture_output=True, text=True
    ).stdout
    text = path.read_text(encoding="utf-8")
    assert dumpclean.clean(text).report(text) == out
    with pytest.raises(ValueError):
        dumpclean.clean(text).report("another\ntext")


def test_errors_are_value_errors_with_the_library_messages():
    with pytest.raises(dumpclean.InvalidUtf8Error, match=r"not valid UTF-8 \(first bad byte at offset 3\)"):
        dumpclean.clean_bytes(b"caf\xe9")
    with pytest.raises(dumpclean.Utf16Error, match="UTF-16 \\(little-endian byte-order mark\\)"):
        dumpclean.clean_bytes(b"\xff\xfeh\x00i\x00")
    with pytest.raises(dumpclean.BinaryInputError, match="looks binary"):
        dumpclean.clean("\x00\x01\x02 binary")
    with pytest.raises(dumpclean.InputTooLargeError, match="over the limit of 10 bytes"):
        dumpclean.clean("a longer input than ten bytes", max_input_bytes=10)
    with pytest.raises(dumpclean.LineTooLongError, match="line 1 is 20 bytes"):
        dumpclean.clean("short\n" + "x" * 20, max_line_bytes=10)
    for cls in (
        dumpclean.InvalidUtf8Error,
        dumpclean.Utf16Error,
        dumpclean.BinaryInputError,
        dumpclean.InputTooLargeError,
        dumpclean.LineTooLongError,
    ):
        assert issubclass(cls, dumpclean.DumpcleanError) and issubclass(cls, ValueError)
    ok = SEEDS[0].read_text(encoding="utf-8")
    with pytest.raises(dumpclean.BinaryInputError) as e:
        dumpclean.clean_batch([ok, ok, "\x00\x00\x00\x00 binary"])
    assert e.value.index == 2
    got = dumpclean.clean_batch([ok, "\x00\x00\x00\x00 binary"], on_error="none")
    assert got[0] == dumpclean.clean(ok) and got[1] is None
    # Empty and blank input are articles without a body, as in the library.
    assert dumpclean.clean("").is_empty() and len(dumpclean.clean("").lines) == 1
    assert dumpclean.clean_bytes(bytearray(b"\xef\xbb\xbfA headline\n")).lines[0].span[1] == 13


def test_site_profile_learn_merge_and_clean():
    pages = [t for _, _, t in site_pages()]
    whole = dumpclean.SiteProfile()
    for t in pages:
        whole.learn(t)
    assert whole.pages == 4 and len(whole) > 0 and whole.sampled == 1.0
    assert whole.page_count(SITE_PROMO[0].upper()) == 4
    assert (SITE_PROMO[1].lower()[:64].rstrip(), 4) in whole.template_lines(0.5)
    a, b = dumpclean.SiteProfile(), dumpclean.SiteProfile()
    for t in pages[:1]:
        a.learn(t)
    b.learn_batch(pages[1:], threads=2)
    a.merge(b)
    assert a == whole and a != b and a != "a profile"
    batch = dumpclean.SiteProfile()
    batch.learn_batch(reversed(pages))
    assert batch == whole
    # The profile drops the promo that each page alone keeps.
    for t in pages:
        alone, with_profile = dumpclean.clean(t).body, dumpclean.clean(t, profile=whole).body
        assert SITE_PROMO[0] in alone
        assert SITE_PROMO[0] not in with_profile and with_profile in alone
    assert dumpclean.clean_batch(pages, profile=whole, threads=2) == [
        dumpclean.clean(t, profile=whole) for t in pages
    ]
    # Merging a profile into itself doubles it, without a borrow error.
    twice = copy.copy(whole)
    twice.merge(twice)
    assert twice.pages == 8
    small = dumpclean.SiteProfile(max_lines=4)
    small.learn_batch(pages)
    assert len(small) <= 4 and small.sampled < 1.0 and small.max_lines == 4


def test_site_profile_pickle_save_load(tmp_path):
    p = dumpclean.SiteProfile(max_lines=1000)
    p.learn_batch([t for _, _, t in site_pages()])
    q = pickle.loads(pickle.dumps(p))
    assert q == p and q is not p and q.max_lines == 1000
    assert copy.deepcopy(p) == p
    p.save(tmp_path / "p.json")
    assert dumpclean.SiteProfile.load(tmp_path / "p.json") == p
    assert dumpclean.SiteProfile.from_json(p.to_json()) == p
    # The copy is independent: learning more changes only it.
    q.learn("Home\nLocal\n\nAnother page\n")
    assert q.pages == p.pages + 1
    with pytest.raises(dumpclean.DumpcleanError, match="bad site profile"):
        dumpclean.SiteProfile.from_json('{"format": 99}')
    with pytest.raises(OSError):
        dumpclean.SiteProfile.load(tmp_path / "missing.json")


def test_profiles_files_are_the_clis(cli, tmp_path, wet_dir):
    """save_profiles/load_profiles read and write the command-line tool's
    --save-profiles files."""
    import subprocess

    shard = wet_dir / "shard-1.warc.wet.gz"
    saved = tmp_path / "cli.json"
    subprocess.run(
        [str(cli), "--site-profiles", "--learn-only", "--save-profiles", str(saved), str(shard)],
        check=True,
    )
    theirs = dumpclean.load_profiles(saved)
    assert sorted(theirs) == ["example.invalid", "town-news.example"]
    ours: dict[str, dumpclean.SiteProfile] = {}
    import gzip

    from warcio.archiveiterator import ArchiveIterator

    with gzip.open(shard, "rb") as f:
        for rec in ArchiveIterator(f):
            if rec.rec_type == "conversion":
                site = dumpclean.site_of(rec.rec_headers.get_header("WARC-Target-URI"))
                ours.setdefault(site, dumpclean.SiteProfile()).learn(rec.content_stream().read().decode())
    assert ours == theirs
    dumpclean.save_profiles(ours, tmp_path / "ours.json")
    assert (tmp_path / "ours.json").read_text() == saved.read_text()


def test_site_of_follows_the_cli():
    assert dumpclean.site_of("https://www.Example.COM:8080/a?b#c") == "example.com"
    assert dumpclean.site_of("http://user@WWW.news.example.org/x") == "news.example.org"
    assert dumpclean.site_of("example.net/path") == "example.net"
    assert dumpclean.site_of("https://example.net/x", site="Mine") == "Mine"
    assert dumpclean.site_of("https://example.net/x", site="") == "example.net"
    assert dumpclean.site_of(None) is None and dumpclean.site_of("https:///x") is None
    assert dumpclean.site_of("https://www./x") is None


def test_readme_example(monkeypatch, capsys):
    """The README's first Python example runs as written, from the
    repository's root."""
    from conftest import REPO

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("\n## Python\n") :]
    start = section.index("```python\n") + len("```python\n")
    code = section[start : section.index("```", start)]
    monkeypatch.chdir(REPO)
    exec(compile(code, "README.md", "exec"), {})
    assert "[paragraph] Steven Defour" in capsys.readouterr().out
