"""dumpclean.datatrove: pipelines on datatrove's local executor against the
command-line tool on the same WET files."""

from __future__ import annotations

import json
import pickle
import subprocess
from pathlib import Path

import pytest

import dumpclean
from conftest import SITE_PROMO, dumps, run_cli, site_pages

pytest.importorskip("datatrove")
pytest.importorskip("warcio")

from datatrove.data import Document  # noqa: E402
from datatrove.executor import LocalPipelineExecutor  # noqa: E402
from datatrove.pipeline.readers import WarcReader  # noqa: E402
from datatrove.pipeline.writers import JsonlWriter  # noqa: E402

from dumpclean.datatrove import (  # noqa: E402
    DumpcleanExtractor,
    SiteProfileLearner,
    corpus_pipelines,
    load_merged_profiles,
)

META = ("title", "date", "byline", "image_credit", "comment_count")


def read_jsonl(folder: Path) -> dict[str, dict]:
    docs = {}
    for p in sorted(folder.glob("*.jsonl")):
        # Not splitlines(): JSON strings may hold U+2028 and other line
        # separators that only "\n" is not.
        for line in p.read_text(encoding="utf-8").split("\n")[:-1]:
            d = json.loads(line)
            assert d["id"] not in docs
            docs[d["id"]] = d
    return docs


def assert_same_as_cli(ours: dict[str, dict], records: list[dict]) -> None:
    """Every record of the tool with a body is a document of ours with the
    same body and metadata; ours has no other documents."""
    want = {r["id"]: r for r in records if r["text"]}
    assert sorted(ours) == sorted(want)
    for id_, r in want.items():
        d = ours[id_]
        assert d["text"] == r["text"], id_
        assert {k: d["metadata"][k] for k in META} == {k: r[k] for k in META}, id_
        assert d["metadata"]["url"] == r["url"]


def wet_files(wet_dir: Path) -> list[str]:
    return [str(p) for p in sorted(wet_dir.glob("*.warc.wet.gz"))]


def test_pipeline_on_local_executor_equals_cli(tmp_path, wet_dir, cli):
    out = tmp_path / "out"
    LocalPipelineExecutor(
        [
            WarcReader(str(wet_dir), glob_pattern="*.warc.wet.gz"),
            DumpcleanExtractor(),
            JsonlWriter(str(out), compression=None),
        ],
        tasks=2,
        workers=2,
        logging_dir=str(tmp_path / "logs"),
    ).run()
    ours = read_jsonl(out)
    records = run_cli(cli, *wet_files(wet_dir))
    assert len(records) == len(dumps())  # the tool read every record
    assert_same_as_cli(ours, records)
    # Without profiles, the site's pages keep their promo.
    for stem, _, _ in site_pages():
        assert SITE_PROMO[0] in ours[f"<urn:dumpclean:{stem}>"]["text"]
    stats = json.loads((tmp_path / "logs" / "stats.json").read_text())
    extractor = next(s for s in stats if s["name"].endswith(DumpcleanExtractor.name))
    assert extractor["stats"]["extracted"] == len(dumps())


def check_corpus_mode(executor, tmp_path, wet_dir, cli):
    """Stage one learns profiles per task, stage two merges them and cleans,
    each on `executor(pipeline, **kwargs)` with 2 tasks and 2 workers: the
    same as the tool's --learn-only per shard, then --load-profiles of every
    shard."""
    out, profiles = tmp_path / "out", tmp_path / "profiles"
    learn, clean = corpus_pipelines(
        WarcReader(str(wet_dir), glob_pattern="*.warc.wet.gz"),
        JsonlWriter(str(out), compression=None),
        profiles_folder=str(profiles),
    )
    first = executor(learn, tasks=2, workers=2, logging_dir=str(tmp_path / "logs-learn"))
    executor(clean, tasks=2, workers=2, logging_dir=str(tmp_path / "logs-clean"), depends=first).run()
    assert sorted(p.name for p in profiles.iterdir()) == ["00000.json", "00001.json"]

    shards = []
    for i, wet in enumerate(wet_files(wet_dir)):
        saved = tmp_path / f"cli-{i}.json"
        subprocess.run(
            [str(cli), "--site-profiles", "--learn-only", "--save-profiles", str(saved), wet], check=True
        )
        shards += ["--load-profiles", str(saved)]
    merged = tmp_path / "cli-all.json"
    subprocess.run([str(cli), *shards, "--save-profiles", str(merged)], check=True)
    assert load_merged_profiles(str(profiles)) == dumpclean.load_profiles(merged)

    ours = read_jsonl(out)
    assert_same_as_cli(ours, run_cli(cli, *shards, *wet_files(wet_dir)))
    # The merged profile (each task saw two of the site's four pages)
    # drops the promo.
    for stem, _, _ in site_pages():
        assert SITE_PROMO[0] not in ours[f"<urn:dumpclean:{stem}>"]["text"]


def test_corpus_mode_on_local_executor(tmp_path, wet_dir, cli):
    check_corpus_mode(LocalPipelineExecutor, tmp_path, wet_dir, cli)


def test_corpus_mode_on_ray_executor(tmp_path, wet_dir, cli):
    """The same two pipelines, unchanged, on a local Ray cluster (skipped
    where Ray is not installed, as in .ci/run)."""
    ray = pytest.importorskip("ray")
    from datatrove.executor.ray import RayPipelineExecutor

    def executor(pipeline, **kwargs):
        return RayPipelineExecutor(pipeline, mem_per_cpu_gb=0.5, **kwargs)

    ray.init(num_cpus=2, include_dashboard=False)
    try:
        check_corpus_mode(executor, tmp_path, wet_dir, cli)
    finally:
        ray.shutdown()


def test_extractor_contract():
    """extract(text) -> str; run() adds metadata, drops empty bodies and
    skips what dumpclean refuses, as BaseExtractor does."""
    from datatrove.pipeline.extractors.base import BaseExtractor

    seed = Path(__file__).resolve().parents[3] / "testdata" / "seeds" / "000.txt"
    text = seed.read_text(encoding="utf-8")
    ext = DumpcleanExtractor(metadata_prefix="article_")
    assert isinstance(ext, BaseExtractor)
    assert ext.extract(text) == dumpclean.clean(text).body
    docs = [
        Document(text=text, id="a", metadata={"date": "2026-01-01T00:00:00Z"}),
        Document(text="Menu\nHome\n", id="empty"),
        Document(text="\x00\x00\x00\x00 binary", id="binary"),
        Document(text=text, id="b"),
    ]
    got = list(ext.run(iter(docs)))
    assert [d.id for d in got] == ["a", "b"]
    a = dumpclean.clean(text)
    assert got[0].text == a.body
    assert got[0].metadata == {
        "date": "2026-01-01T00:00:00Z",
        "article_title": a.title,
        "article_date": a.date.isoformat(),
        "article_byline": a.byline,
        "article_image_credit": a.image_credit,
        "article_comment_count": a.comment_count,
    }
    assert ext.stats["clean_error"].total == 1
    assert ext.stats["dropped"].total == 1
    with pytest.raises(ValueError, match="mode"):
        DumpcleanExtractor(mode="fast")


def test_steps_pickle_with_profiles(tmp_path):
    """Executors ship steps pickled; a step holding profiles keeps them."""
    pages = site_pages()
    profile = dumpclean.SiteProfile()
    profile.learn_batch([t for _, _, t in pages])
    ext = DumpcleanExtractor(profiles={"town-news.example": profile})
    ext2 = pickle.loads(pickle.dumps(ext))
    assert ext2._profiles == {"town-news.example": profile}
    stem, url, text = pages[0]
    [doc] = list(ext2.run(iter([Document(text=text, id=stem, metadata={"url": url})])))
    assert doc.text == dumpclean.clean(text, profile=profile).body
    learner = pickle.loads(pickle.dumps(SiteProfileLearner(str(tmp_path / "p"))))
    list(learner.run(iter([Document(text=text, id=stem, metadata={"url": url})]), rank=3))
    assert dumpclean.load_profiles(tmp_path / "p" / "00003.json")["town-news.example"].pages == 1
