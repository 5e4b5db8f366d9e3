"""dumpclean steps for `datatrove <https://github.com/huggingface/datatrove>`_ pipelines.

Import this module on its own (``import dumpclean.datatrove``); it needs
datatrove (``pip install datatrove``; its ``WarcReader`` also needs
``warcio``, ``faust-cchardet`` and ``python-magic``, datatrove's ``io``
extra).

- :class:`DumpcleanExtractor`: an extractor step (datatrove's
  ``BaseExtractor``): a document's text, a dump, becomes the article body,
  and the article's title, date, byline, image credit and comment count are
  added to its metadata. Documents whose body is empty are dropped.
- :class:`SiteProfileLearner` and :func:`corpus_pipelines`: corpus mode in
  two stages. The first learns a :class:`~dumpclean.SiteProfile` per site on
  each task and writes them to a folder; the second merges them (merging
  equals learning on the whole corpus) and cleans each document with its
  site's profile. Each stage is a plain pipeline, so it runs on datatrove's
  local, Slurm or Ray executor, the second with ``depends=`` on the first::

      from datatrove.executor import LocalPipelineExecutor
      from datatrove.pipeline.readers import WarcReader
      from datatrove.pipeline.writers import JsonlWriter
      from dumpclean.datatrove import corpus_pipelines

      learn, clean = corpus_pipelines(
          WarcReader("wet/"), JsonlWriter("cleaned/"), profiles_folder="profiles/"
      )
      first = LocalPipelineExecutor(learn, tasks=8, workers=2, logging_dir="logs/learn")
      LocalPipelineExecutor(clean, tasks=8, workers=2, logging_dir="logs/clean", depends=first).run()

The site of a document is its metadata's ``site``, else the host of its
``url`` (lowercased, without ``www.``), as for the command-line tool's
``--site-profiles``; the profile files are the tool's ``--save-profiles``
files, one per task (``--load-profiles`` reads them).
"""

from __future__ import annotations

import copy
from typing import Any, Optional

import dumpclean
from datatrove.data import DocumentsPipeline
from datatrove.io import DataFolderLike, get_datafolder
from datatrove.pipeline.base import PipelineStep
from datatrove.pipeline.extractors.base import BaseExtractor, ExtractorSandbox
from datatrove.utils.logging import logger
from datatrove.utils.typeshelper import StatHints

__all__ = ["DumpcleanExtractor", "SiteProfileLearner", "corpus_pipelines", "load_merged_profiles"]

#: The metadata an extractor adds to each document (after ``metadata_prefix``).
METADATA_KEYS = ("title", "date", "byline", "image_credit", "comment_count")


def load_merged_profiles(folder: DataFolderLike) -> dict[str, dumpclean.SiteProfile]:
    """Every ``*.json`` profiles file of ``folder`` (written by
    :class:`SiteProfileLearner` or the command-line tool's
    ``--save-profiles``), merged by site."""
    df = get_datafolder(folder)
    merged: dict[str, dumpclean.SiteProfile] = {}
    for path in sorted(df.list_files(glob_pattern="*.json")):
        with df.open(path, "rt", encoding="utf-8") as f:
            for site, profile in dumpclean.profiles_from_json(f.read()).items():
                if site in merged:
                    merged[site].merge(profile)
                else:
                    merged[site] = profile
    return merged


class DumpcleanExtractor(BaseExtractor):
    """Clean each document's text, a raw page dump (a WET record, an
    ``innerText``), into the article body, and add the article's metadata.

    It follows datatrove's ``BaseExtractor`` contract: :meth:`extract` takes
    a text and returns the extracted text, and each document is cleaned in
    the base class's sandbox process with its per-document ``timeout`` (a
    document that times out, or that dumpclean refuses, such as binary
    content, is skipped and counted as ``timeout`` or ``clean_error``); a
    document whose body is empty is dropped. Unlike the base class's
    ``run``, this one also adds to ``doc.metadata`` the keys ``title``,
    ``date`` (ISO string), ``byline``, ``image_credit`` and
    ``comment_count`` (None when the page shows none), each after
    ``metadata_prefix``.

    Note that ``WarcReader`` stores a record's ``WARC-Date`` as ``date``:
    with the default empty prefix the article's date replaces it; give a
    prefix such as ``"article_"`` to keep both.

    Args:
        mode: ``"precision"``, ``"balanced"`` (default) or ``"recall"``.
        profiles: corpus mode: a folder (any datatrove ``DataFolderLike``)
            of profiles files, merged when the step starts, or a dict of
            :class:`~dumpclean.SiteProfile` by site. A document is cleaned
            with the profile of its site (metadata ``site``, else the host
            of ``url``), or without one.
        timeout: the per-document timeout, in seconds (datatrove's).
        metadata_prefix: put before each metadata key.
        site_key, url_key: the metadata keys the site is read from.
    """

    name = "🧹 dumpclean"
    _warned_error: bool  # set by BaseExtractor.__init__

    def __init__(
        self,
        mode: dumpclean.Mode = "balanced",
        profiles: Optional[DataFolderLike | dict[str, dumpclean.SiteProfile]] = None,
        timeout: float = 1,
        metadata_prefix: str = "",
        site_key: str = "site",
        url_key: str = "url",
    ):
        super().__init__(timeout)
        dumpclean.clean("", mode=mode)  # checks the mode now, not on the first document
        self.mode = mode
        self.profiles = profiles
        self.metadata_prefix = metadata_prefix
        self.site_key = site_key
        self.url_key = url_key
        self._profiles: Optional[dict[str, dumpclean.SiteProfile]] = (
            profiles if isinstance(profiles, dict) else None
        )

    def extract(self, text: str) -> str:
        """The article body of a dump (without a site profile)."""
        return dumpclean.clean(text, mode=self.mode).body

    def clean(self, text: str, site: Optional[str] = None) -> Any:
        """The body and metadata of a dump, as ``(body, metadata)``, cleaned
        with ``site``'s profile when there is one. Run in the sandbox
        process; a dump that dumpclean refuses gives its error (the
        sandbox's protocol: the parent raises it)."""
        profile = self._profiles.get(site) if (site is not None and self._profiles) else None
        try:
            a = dumpclean.clean(text, mode=self.mode, profile=profile)
        except dumpclean.DumpcleanError as e:
            return e
        date = a.date
        return a.body, {
            "title": a.title,
            "date": date.isoformat() if date is not None else None,
            "byline": a.byline,
            "image_credit": a.image_credit,
            "comment_count": a.comment_count,
        }

    def _site(self, metadata: dict[str, Any]) -> Optional[str]:
        return dumpclean.site_of(metadata.get(self.url_key), metadata.get(self.site_key))

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        """The base class's loop (sandbox, timeout, stats), with metadata."""
        if self._profiles is None and self.profiles is not None:
            self._profiles = load_merged_profiles(self.profiles)
            logger.info(f"dumpclean: {len(self._profiles)} site profiles loaded")
        with ExtractorSandbox(timeout=self.timeout, warmup_text="") as extractor:
            for doc in data:
                self.stat_update(StatHints.total)
                with self.track_time():
                    site = self._site(doc.metadata) if self._profiles else None
                    try:
                        body, meta = extractor.process_document((doc.text, site), self.clean)
                        doc.text = body
                        doc.metadata.update({self.metadata_prefix + k: v for k, v in meta.items()})
                        self.stat_update("extracted")
                    except TimeoutError:
                        self.stat_update("timeout")
                        logger.warning("⏰ Timeout while cleaning record text. Skipping record.")
                        continue
                    except EOFError:
                        # Process died unexpectedly
                        self.stat_update("broken_process")
                        logger.warning("Process died unexpectedly, will create new process for next document")
                        continue
                    except Exception as e:
                        self.stat_update("clean_error")
                        if not self._warned_error:
                            logger.warning(
                                f'❌ Error "{e}" while cleaning record text. Skipping record. '
                                f"This message will only appear once."
                            )
                            self._warned_error = True
                        continue

                if doc.text:
                    self.stat_update(StatHints.forwarded)
                    self.update_doc_stats(doc)
                    yield doc
                else:
                    self.stat_update(StatHints.dropped)


class SiteProfileLearner(PipelineStep):
    """Corpus mode, first stage: learn a :class:`~dumpclean.SiteProfile`
    per site from this task's documents and write them to
    ``output_folder/{rank:05d}.json`` (the command-line tool's
    ``--save-profiles`` format; every task writes its file, empty or not).

    The site of a document is its metadata's ``site``, else the host of its
    ``url``; documents with neither are counted as ``no_site``. Documents
    are not passed on unless ``forward`` is set.

    Args:
        output_folder: where the profiles files go (any ``DataFolderLike``).
        max_lines: the most distinct lines a profile keeps.
        site_key, url_key: the metadata keys the site is read from.
        forward: pass the documents on to the next step.
    """

    name = "🧹 dumpclean site profiles"
    type = "📊 - STATS"

    def __init__(
        self,
        output_folder: DataFolderLike,
        max_lines: int = 500_000,
        site_key: str = "site",
        url_key: str = "url",
        forward: bool = False,
    ):
        super().__init__()
        self.output_folder = get_datafolder(output_folder)
        self.max_lines = max_lines
        self.site_key = site_key
        self.url_key = url_key
        self.forward = forward

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        profiles: dict[str, dumpclean.SiteProfile] = {}
        for doc in data or ():
            self.stat_update(StatHints.total)
            with self.track_time():
                site = dumpclean.site_of(doc.metadata.get(self.url_key), doc.metadata.get(self.site_key))
                if site is None:
                    self.stat_update("no_site")
                else:
                    profile = profiles.get(site)
                    if profile is None:
                        profile = profiles[site] = dumpclean.SiteProfile(self.max_lines)
                    profile.learn(doc.text)
                    self.stat_update("learned")
            if self.forward:
                yield doc
        with self.output_folder.open(f"{rank:05d}.json", "wt", encoding="utf-8") as f:
            f.write(dumpclean.profiles_to_json(profiles))
        self.stat_update("sites", value=len(profiles))


def corpus_pipelines(
    reader: PipelineStep,
    writer: PipelineStep,
    profiles_folder: DataFolderLike,
    mode: dumpclean.Mode = "balanced",
    **extractor_args: Any,
) -> tuple[list[PipelineStep], list[PipelineStep]]:
    """The two pipelines of corpus mode: ``[reader, SiteProfileLearner]``
    and ``[reader, DumpcleanExtractor(profiles=profiles_folder), writer]``.
    Run the second after the first (``depends=`` on datatrove's executors),
    each on any number of tasks. ``extractor_args`` go to the extractor."""
    learn = [reader, SiteProfileLearner(profiles_folder)]
    clean = [
        copy.deepcopy(reader),
        DumpcleanExtractor(mode=mode, profiles=profiles_folder, **extractor_args),
        writer,
    ]
    return learn, clean
