"""Not a test module: `mypy --strict` checks this use of the API against the
type stubs (.ci/run), so that the stubs say what editors need."""

import datetime
import pickle
from typing import Optional

import dumpclean


def use(text: str, raw: bytes) -> None:
    a: dumpclean.Article = dumpclean.clean(text, mode="recall")
    body: str = a.body
    title: Optional[str] = a.title
    date: Optional[datetime.date] = a.date
    count: Optional[int] = a.comment_count
    kinds = [b.kind for b in a.blocks] + [c.kind for c in a.chrome]
    spans: list[tuple[int, int]] = [line.span for line in a.lines]
    scores: list[float] = [line.score for line in a.lines]
    record: dict[str, object] = a.to_dict()
    many: list[dumpclean.Article] = dumpclean.clean_batch([text, text], threads=2)
    some: list[Optional[dumpclean.Article]] = dumpclean.clean_batch([text], on_error="none")
    b = dumpclean.clean_bytes(raw, max_line_bytes=1 << 20)
    p = dumpclean.SiteProfile(max_lines=1000)
    p.learn(text)
    p.learn_batch([text, text])
    p.merge(dumpclean.SiteProfile.from_json(p.to_json()))
    top: list[tuple[str, int]] = p.template_lines(0.5)
    pages: int = p.pages
    sites: dict[str, dumpclean.SiteProfile] = dumpclean.load_profiles("profiles.json")
    dumpclean.save_profiles(sites, "profiles.json")
    c = dumpclean.clean(text, profile=pickle.loads(pickle.dumps(p)))
    site: Optional[str] = dumpclean.site_of("https://www.example.com/")
    try:
        dumpclean.clean(text, max_input_bytes=10)
    except dumpclean.InputTooLargeError as e:
        index: int = e.index
    mode: dumpclean.Mode = "precision"
    print(body, title, date, count, kinds, spans, scores, record, many, some, b, top, pages, c, site, mode)
