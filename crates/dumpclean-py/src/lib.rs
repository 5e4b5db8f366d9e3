//! Python bindings of dumpclean: the native module `dumpclean._dumpclean`,
//! which the pure-Python package `dumpclean` (in `python/dumpclean/`)
//! re-exports. Built into an abi3 wheel by maturin (`pyproject.toml`).
//!
//! The Python API is documented in the type stubs
//! (`python/dumpclean/_dumpclean.pyi`) and in the docstrings below, which
//! Python's `help()` shows.
//!
//! Every cleaning call releases the GIL; `clean_batch` cleans its texts on
//! a rayon thread pool of its own (one per thread count and process, so
//! that a forked worker process never inherits a pool whose threads it
//! does not have).
#![forbid(unsafe_code)]

use dumpclean::{Article, Cleaner, Error, Mode, SiteProfile, DEFAULT_MAX_LINES};
use pyo3::exceptions::{PyOSError, PyValueError};
use pyo3::prelude::*;
use pyo3::pybacked::{PyBackedBytes, PyBackedStr};
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyList, PyString, PyTuple, PyType};
use rayon::prelude::*;
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

pyo3::create_exception!(
    dumpclean,
    DumpcleanError,
    PyValueError,
    "A dump could not be cleaned. The base of dumpclean's errors; a ValueError."
);
pyo3::create_exception!(
    dumpclean,
    InputTooLargeError,
    DumpcleanError,
    "The input is larger than max_input_bytes (default 1 GiB)."
);
pyo3::create_exception!(
    dumpclean,
    LineTooLongError,
    DumpcleanError,
    "One line is longer than max_line_bytes (default 256 MiB)."
);
pyo3::create_exception!(
    dumpclean,
    InvalidUtf8Error,
    DumpcleanError,
    "The bytes given to clean_bytes are not valid UTF-8."
);
pyo3::create_exception!(
    dumpclean,
    Utf16Error,
    DumpcleanError,
    "The bytes given to clean_bytes start with a UTF-16 byte-order mark."
);
pyo3::create_exception!(
    dumpclean,
    BinaryInputError,
    DumpcleanError,
    "The input looks binary (NUL bytes or many other control bytes)."
);

/// The library's error as the Python exception of its kind, with the
/// library's message.
fn py_err(e: Error) -> PyErr {
    let msg = e.to_string();
    match e {
        Error::InputTooLarge { .. } => InputTooLargeError::new_err(msg),
        Error::LineTooLong { .. } => LineTooLongError::new_err(msg),
        Error::InvalidUtf8 { .. } => InvalidUtf8Error::new_err(msg),
        Error::Utf16 { .. } => Utf16Error::new_err(msg),
        Error::Binary { .. } => BinaryInputError::new_err(msg),
        _ => DumpcleanError::new_err(msg),
    }
}

/// The cleaner for a mode name and optional limits.
fn cleaner(
    mode: &str,
    max_input_bytes: Option<usize>,
    max_line_bytes: Option<usize>,
) -> PyResult<Cleaner> {
    let mode = match mode {
        "precision" => Mode::Precision,
        "balanced" => Mode::Balanced,
        "recall" => Mode::Recall,
        _ => {
            return Err(PyValueError::new_err(format!(
                "mode must be \"precision\", \"balanced\" or \"recall\", not {mode:?}"
            )))
        }
    };
    let mut b = Cleaner::builder().mode(mode);
    if let Some(n) = max_input_bytes {
        b = b.max_input_bytes(n);
    }
    if let Some(n) = max_line_bytes {
        b = b.max_line_bytes(n);
    }
    Ok(b.build())
}

/// A span as a Python tuple `(start, end)`.
type Span = (usize, usize);

fn span(r: &std::ops::Range<usize>) -> Span {
    (r.start, r.end)
}

/// A score rounded to three decimals as the library's JSON writes it (an
/// `f32` printed in its shortest form), read back as a Python float, so
/// that `to_dict()` equals `json.loads(to_json())`.
fn rounded(score: f32) -> Option<f64> {
    let r = (score * 1000.0).round() / 1000.0;
    r.is_finite()
        .then(|| r.to_string().parse().unwrap_or(f64::from(r)))
}

/// One block of the article body.
#[pyclass(module = "dumpclean", name = "Block", frozen, eq, get_all)]
#[derive(PartialEq)]
struct PyBlock {
    /// `"paragraph"`, `"heading"`, `"list_item"` or `"quote"`.
    kind: &'static str,
    /// The block's text.
    text: String,
    /// The UTF-8 byte span `(start, end)` of the text in the input.
    span: Span,
}

#[pymethods]
impl PyBlock {
    fn __repr__(&self) -> String {
        format!(
            "Block(kind={:?}, text={:?}, span={:?})",
            self.kind,
            short(&self.text),
            self.span
        )
    }
}

/// A run of input lines of one chrome kind.
#[pyclass(module = "dumpclean", name = "ChromeSegment", frozen, eq, get_all)]
#[derive(PartialEq)]
struct PyChromeSegment {
    /// `"navigation"`, `"related"`, `"fixtures"`, `"comments"`, `"promo"`,
    /// `"footer"` or `"other"`.
    kind: &'static str,
    /// The input from the segment's first to its last line.
    text: String,
    /// The UTF-8 byte span `(start, end)` of the text in the input.
    span: Span,
    /// The 0-based input lines `(first, end)` the segment covers.
    lines: Span,
}

#[pymethods]
impl PyChromeSegment {
    fn __repr__(&self) -> String {
        format!(
            "ChromeSegment(kind={:?}, text={:?}, span={:?}, lines={:?})",
            self.kind,
            short(&self.text),
            self.span,
            self.lines
        )
    }
}

/// The verdict on one input line.
#[pyclass(module = "dumpclean", name = "Line", frozen, eq, get_all)]
#[derive(PartialEq)]
struct PyLine {
    /// `"body"`, `"title"`, `"meta"`, `"blank"` or a chrome kind.
    label: &'static str,
    /// How much the line looks like article text on its own, 0 to 1.
    score: f32,
    /// The UTF-8 byte span `(start, end)` of the line, without its line end.
    span: Span,
}

#[pymethods]
impl PyLine {
    fn __repr__(&self) -> String {
        format!(
            "Line(label={:?}, score={:.3}, span={:?})",
            self.label, self.score, self.span
        )
    }
}

/// A text cut to 40 chars for a repr.
fn short(s: &str) -> String {
    match s.char_indices().nth(40) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}

/// A structured article cleaned from a raw dump.
///
/// Spans are UTF-8 byte offsets into the input (as in the library and the
/// command-line tool): `text.encode()[start:end].decode()` is the spanned
/// text.
#[pyclass(module = "dumpclean", name = "Article", frozen, eq)]
#[derive(PartialEq)]
struct PyArticle {
    a: Article<'static>,
}

#[pymethods]
impl PyArticle {
    /// The body as plain text: the blocks joined by blank lines (but the
    /// items of a list without bullets one to a line).
    #[getter]
    fn body(&self) -> String {
        self.a.body_text()
    }

    /// The article's headline, or None.
    #[getter]
    fn title(&self) -> Option<&str> {
        self.a.title()
    }

    /// The publication date as a `datetime.date`, or None.
    #[getter]
    fn date<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        static DATE: PyOnceLock<Py<PyType>> = PyOnceLock::new();
        match self.a.date() {
            None => Ok(None),
            Some(d) => {
                let cls = DATE.import(py, "datetime", "date")?;
                cls.call1((d.year(), d.month(), d.day())).map(Some)
            }
        }
    }

    /// The author's name, or None.
    #[getter]
    fn byline(&self) -> Option<&str> {
        self.a.byline()
    }

    /// The credited name of the lead image, or None.
    #[getter]
    fn image_credit(&self) -> Option<&str> {
        self.a.image_credit()
    }

    /// The article's own comment count, or None.
    #[getter]
    fn comment_count(&self) -> Option<u32> {
        self.a.comment_count()
    }

    /// The body as a list of Blocks, in input order.
    #[getter]
    fn blocks(&self) -> Vec<PyBlock> {
        self.a
            .blocks()
            .iter()
            .map(|b| PyBlock {
                kind: b.kind.as_str(),
                text: b.text.to_string(),
                span: span(&b.span),
            })
            .collect()
    }

    /// Every piece of site chrome as a list of ChromeSegments, in input order.
    #[getter]
    fn chrome(&self) -> Vec<PyChromeSegment> {
        self.a
            .chrome()
            .iter()
            .map(|c| PyChromeSegment {
                kind: c.kind.as_str(),
                text: c.text.to_string(),
                span: span(&c.span),
                lines: span(&c.lines),
            })
            .collect()
    }

    /// One Line per input line (split on "\n"): label, score and span.
    #[getter]
    fn lines(&self) -> Vec<PyLine> {
        self.a
            .lines()
            .iter()
            .map(|l| PyLine {
                label: l.label.as_str(),
                score: l.score,
                span: span(&l.span),
            })
            .collect()
    }

    /// True when no body text was found.
    fn is_empty(&self) -> bool {
        self.a.is_empty()
    }

    /// The article as the library's JSON record (the command-line tool's
    /// record without `id`, the input's fields and `body`): keys `title`,
    /// `date` (ISO string), `byline`, `image_credit`, `comment_count`,
    /// `text`, `blocks`, `chrome`, `line_labels`, `line_scores`; spans as
    /// `[start, end]` lists. Equal to `json.loads(self.to_json())`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let a = &self.a;
        let d = PyDict::new(py);
        d.set_item("title", a.title())?;
        d.set_item("date", a.date().map(|d| d.to_string()))?;
        d.set_item("byline", a.byline())?;
        d.set_item("image_credit", a.image_credit())?;
        d.set_item("comment_count", a.comment_count())?;
        d.set_item("text", a.body_text())?;
        let kind = pyo3::intern!(py, "kind");
        let text = pyo3::intern!(py, "text");
        let span_key = pyo3::intern!(py, "span");
        let lines_key = pyo3::intern!(py, "lines");
        let pair = |r: &std::ops::Range<usize>| PyList::new(py, [r.start, r.end]);
        let blocks = PyList::empty(py);
        for b in a.blocks() {
            let o = PyDict::new(py);
            o.set_item(kind, PyString::intern(py, b.kind.as_str()))?;
            o.set_item(text, &*b.text)?;
            o.set_item(span_key, pair(&b.span)?)?;
            blocks.append(o)?;
        }
        d.set_item("blocks", blocks)?;
        let chrome = PyList::empty(py);
        for c in a.chrome() {
            let o = PyDict::new(py);
            o.set_item(kind, PyString::intern(py, c.kind.as_str()))?;
            o.set_item(text, &*c.text)?;
            o.set_item(span_key, pair(&c.span)?)?;
            o.set_item(lines_key, pair(&c.lines)?)?;
            chrome.append(o)?;
        }
        d.set_item("chrome", chrome)?;
        let labels = PyList::new(
            py,
            a.lines()
                .iter()
                .map(|l| PyString::intern(py, l.label.as_str())),
        )?;
        d.set_item("line_labels", labels)?;
        let scores = PyList::new(py, a.lines().iter().map(|l| rounded(l.score)))?;
        d.set_item("line_scores", scores)?;
        Ok(d)
    }

    /// The article as the library's JSON record, as a string (the
    /// library's `serde` form, byte for byte).
    fn to_json(&self) -> PyResult<String> {
        serde_json::to_string(&self.a).map_err(|e| PyValueError::new_err(e.to_string()))
    }

    /// The library's plain-text report of the article against `text`, the
    /// dump it was cleaned from (the command-line tool's `--format
    /// report`); `scores=True` adds each line's score.
    #[pyo3(signature = (text, scores = false))]
    fn report(&self, text: &str, scores: bool) -> PyResult<String> {
        if self.a.lines().len() != text.split('\n').count() {
            return Err(PyValueError::new_err(
                "text is not the dump this article was cleaned from (its line count differs)",
            ));
        }
        Ok(self.a.report(text).with_scores(scores).to_string())
    }

    fn __repr__(&self) -> String {
        format!(
            "Article(title={}, date={}, blocks={}, chrome={}, lines={})",
            self.a
                .title()
                .map_or_else(|| "None".to_string(), |t| format!("{:?}", short(t))),
            self.a
                .date()
                .map_or_else(|| "None".to_string(), |d| d.to_string()),
            self.a.blocks().len(),
            self.a.chrome().len(),
            self.a.lines().len()
        )
    }
}

// The default above, written out so that Python's signature shows it.
const _: () = assert!(DEFAULT_MAX_LINES == 500_000);

/// A site profile: on how many of a site's pages each line occurs.
#[pyclass(module = "dumpclean", name = "SiteProfile")]
struct PySiteProfile {
    /// Shared with the cleaning calls that run without the GIL; copied on
    /// write when one is running.
    inner: Arc<SiteProfile>,
}

#[pymethods]
impl PySiteProfile {
    #[new]
    #[pyo3(signature = (max_lines = 500_000))]
    fn new(max_lines: usize) -> PySiteProfile {
        PySiteProfile {
            inner: Arc::new(SiteProfile::with_max_lines(max_lines)),
        }
    }

    /// Add one page (a raw dump) of the site.
    fn learn(&mut self, py: Python<'_>, text: PyBackedStr) {
        let p = Arc::make_mut(&mut self.inner);
        py.detach(|| p.learn(&text));
    }

    /// Add many pages of the site, learned in parallel and merged (the
    /// same profile as learning them one by one).
    #[pyo3(signature = (texts, threads = None))]
    fn learn_batch(
        &mut self,
        py: Python<'_>,
        texts: &Bound<'_, PyAny>,
        threads: Option<usize>,
    ) -> PyResult<()> {
        let texts = strings(texts)?;
        let pool = pool(threads)?;
        let max = self.inner.max_lines();
        let learned = py.detach(|| {
            pool.install(|| {
                texts
                    .par_iter()
                    .fold(
                        || SiteProfile::with_max_lines(max),
                        |mut p, t| {
                            p.learn(t);
                            p
                        },
                    )
                    .reduce_with(|mut a, b| {
                        a.merge(&b);
                        a
                    })
            })
        });
        if let Some(learned) = learned {
            Arc::make_mut(&mut self.inner).merge(&learned);
        }
        Ok(())
    }

    /// Add the pages of `other`, as if they had been learned by this profile.
    fn merge(slf: &Bound<'_, Self>, other: &Bound<'_, PySiteProfile>) {
        let theirs = other.borrow().inner.clone();
        Arc::make_mut(&mut slf.borrow_mut().inner).merge(&theirs);
    }

    /// How many pages the profile was learned from.
    #[getter]
    fn pages(&self) -> u64 {
        self.inner.pages()
    }

    /// The most distinct lines the profile keeps.
    #[getter]
    fn max_lines(&self) -> usize {
        self.inner.max_lines()
    }

    /// The share of all lines the profile keeps (1.0 unless sampled).
    #[getter]
    fn sampled(&self) -> f64 {
        self.inner.sampled()
    }

    /// How many distinct lines the profile holds.
    fn __len__(&self) -> usize {
        self.inner.len()
    }

    /// On how many pages of the profile `line` occurs.
    fn page_count(&self, line: &str) -> u64 {
        self.inner.page_count(line)
    }

    /// The lines on at least `min_share` of the pages (and on two at
    /// least), as `(text, pages)` pairs, the most frequent first.
    #[pyo3(signature = (min_share = 0.5))]
    fn template_lines(&self, min_share: f64) -> Vec<(String, u64)> {
        self.inner
            .template_lines(min_share)
            .map(|t| (t.text, t.pages))
            .collect()
    }

    /// The profile as JSON (the library's serde form).
    fn to_json(&self) -> PyResult<String> {
        serde_json::to_string(&*self.inner).map_err(|e| PyValueError::new_err(e.to_string()))
    }

    /// A profile from its JSON form.
    #[staticmethod]
    fn from_json(json: &str) -> PyResult<PySiteProfile> {
        let p: SiteProfile = serde_json::from_str(json)
            .map_err(|e| DumpcleanError::new_err(format!("bad site profile: {e}")))?;
        Ok(PySiteProfile { inner: Arc::new(p) })
    }

    /// Write the profile to a JSON file.
    fn save(&self, path: PathBuf) -> PyResult<()> {
        let json = self.to_json()?;
        std::fs::write(&path, json).map_err(|e| io_err(&path, e))
    }

    /// Read a profile from a JSON file written by `save`.
    #[staticmethod]
    fn load(path: PathBuf) -> PyResult<PySiteProfile> {
        let json = std::fs::read_to_string(&path).map_err(|e| io_err(&path, e))?;
        PySiteProfile::from_json(&json)
    }

    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
    ) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyTuple>)> {
        let json = slf.borrow().to_json()?;
        let from_json = slf.get_type().getattr("from_json")?;
        Ok((from_json, PyTuple::new(slf.py(), [json])?))
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other
            .cast::<PySiteProfile>()
            .is_ok_and(|o| *o.borrow().inner == *self.inner)
    }

    fn __repr__(&self) -> String {
        format!(
            "SiteProfile(pages={}, lines={}, max_lines={}, sampled={})",
            self.inner.pages(),
            self.inner.len(),
            self.inner.max_lines(),
            self.inner.sampled()
        )
    }
}

fn io_err(path: &std::path::Path, e: std::io::Error) -> PyErr {
    PyOSError::new_err(format!("{}: {e}", path.display()))
}

/// Profiles by site as JSON: the command-line tool's `--save-profiles` file.
#[pyfunction]
fn profiles_to_json(profiles: BTreeMap<String, PyRef<'_, PySiteProfile>>) -> PyResult<String> {
    let map: BTreeMap<&str, &SiteProfile> = profiles
        .iter()
        .map(|(k, v)| (k.as_str(), &*v.inner))
        .collect();
    serde_json::to_string(&map).map_err(|e| PyValueError::new_err(e.to_string()))
}

/// Profiles by site from JSON: the command-line tool's `--save-profiles` file.
#[pyfunction]
fn profiles_from_json(json: &str) -> PyResult<BTreeMap<String, PySiteProfile>> {
    let map: BTreeMap<String, SiteProfile> = serde_json::from_str(json)
        .map_err(|e| DumpcleanError::new_err(format!("bad site profiles: {e}")))?;
    Ok(map
        .into_iter()
        .map(|(k, p)| (k, PySiteProfile { inner: Arc::new(p) }))
        .collect())
}

/// The site a page belongs to, as the command-line tool's corpus mode reads
/// it: `site` when given and not empty, else the site of `url`
/// (`SiteProfile::site_of` of the library), else None.
#[pyfunction]
#[pyo3(signature = (url = None, site = None))]
fn site_of(url: Option<&str>, site: Option<&str>) -> Option<String> {
    match site.filter(|s| !s.is_empty()) {
        Some(s) => Some(s.to_owned()),
        None => SiteProfile::site_of(url?).map(Cow::into_owned),
    }
}

/// Clean one dump (a str).
#[pyfunction]
#[pyo3(signature = (text, mode = "balanced", profile = None, *, max_input_bytes = None, max_line_bytes = None))]
fn clean(
    py: Python<'_>,
    text: PyBackedStr,
    mode: &str,
    profile: Option<PyRef<'_, PySiteProfile>>,
    max_input_bytes: Option<usize>,
    max_line_bytes: Option<usize>,
) -> PyResult<PyArticle> {
    let c = cleaner(mode, max_input_bytes, max_line_bytes)?;
    let profile = profile.map(|p| p.inner.clone());
    let a = py.detach(|| clean_one(&c, &text, profile.as_deref()));
    Ok(PyArticle {
        a: a.map_err(py_err)?,
    })
}

fn clean_one(
    c: &Cleaner,
    text: &str,
    profile: Option<&SiteProfile>,
) -> Result<Article<'static>, Error> {
    match profile {
        Some(p) => c.clean_with_profile(text, p),
        None => c.clean(text),
    }
    .map(Article::into_owned)
}

/// Clean one dump given as bytes (UTF-8, optionally with a byte-order mark).
#[pyfunction]
#[pyo3(signature = (data, mode = "balanced", *, max_input_bytes = None, max_line_bytes = None))]
fn clean_bytes(
    py: Python<'_>,
    data: PyBackedBytes,
    mode: &str,
    max_input_bytes: Option<usize>,
    max_line_bytes: Option<usize>,
) -> PyResult<PyArticle> {
    let c = cleaner(mode, max_input_bytes, max_line_bytes)?;
    // The bytes go into the closure and come back, to be released with
    // the GIL held.
    let (a, data) = py.detach(move || (c.clean_bytes(&data).map(Article::into_owned), data));
    drop(data);
    Ok(PyArticle {
        a: a.map_err(py_err)?,
    })
}

/// The strs of an iterable.
fn strings(texts: &Bound<'_, PyAny>) -> PyResult<Vec<PyBackedStr>> {
    let mut out = Vec::with_capacity(texts.len().unwrap_or(0));
    for t in texts.try_iter()? {
        out.push(t?.extract::<PyBackedStr>()?);
    }
    Ok(out)
}

/// Clean many dumps on a pool of threads, without the GIL; the articles
/// are in input order, each equal to what `clean` returns for its text.
#[pyfunction]
#[pyo3(signature = (texts, mode = "balanced", threads = None, profile = None, *, on_error = "raise", max_input_bytes = None, max_line_bytes = None))]
#[allow(clippy::too_many_arguments)]
fn clean_batch(
    py: Python<'_>,
    texts: &Bound<'_, PyAny>,
    mode: &str,
    threads: Option<usize>,
    profile: Option<PyRef<'_, PySiteProfile>>,
    on_error: &str,
    max_input_bytes: Option<usize>,
    max_line_bytes: Option<usize>,
) -> PyResult<Vec<Option<PyArticle>>> {
    let raise = match on_error {
        "raise" => true,
        "none" => false,
        _ => {
            return Err(PyValueError::new_err(format!(
                "on_error must be \"raise\" or \"none\", not {on_error:?}"
            )))
        }
    };
    let c = cleaner(mode, max_input_bytes, max_line_bytes)?;
    let texts = strings(texts)?;
    let profile = profile.map(|p| p.inner.clone());
    let pool = pool(threads)?;
    let results: Vec<Result<Article<'static>, Error>> = py.detach(|| {
        pool.install(|| match profile.as_deref() {
            None => c
                .clean_batch(&texts)
                .into_par_iter()
                .map(|r| r.map(Article::into_owned))
                .collect(),
            Some(p) => texts
                .par_iter()
                .map(|t| clean_one(&c, t, Some(p)))
                .collect(),
        })
    });
    let mut out = Vec::with_capacity(results.len());
    for (i, r) in results.into_iter().enumerate() {
        match r {
            Ok(a) => out.push(Some(PyArticle { a })),
            Err(e) if raise => {
                let err = py_err(e);
                err.value(py).setattr("index", i)?;
                return Err(err);
            }
            Err(_) => out.push(None),
        }
    }
    Ok(out)
}

/// The thread pools of this process, by thread count. A pool made before
/// a `fork` has no threads in the child, so pools are kept per process.
static POOLS: Mutex<Vec<(u32, usize, Arc<rayon::ThreadPool>)>> = Mutex::new(Vec::new());

/// The pool of `threads` threads (default: the cores this process may use).
fn pool(threads: Option<usize>) -> PyResult<Arc<rayon::ThreadPool>> {
    let n = match threads {
        Some(0) => return Err(PyValueError::new_err("threads must be at least 1")),
        Some(n) => n,
        None => std::thread::available_parallelism().map_or(1, |n| n.get()),
    };
    let pid = std::process::id();
    let mut pools = POOLS.lock().unwrap_or_else(|e| e.into_inner());
    if pools.iter().any(|p| p.0 != pid) {
        // Forked: the parent's pools have no threads here. Forget them
        // rather than drop them (dropping would signal threads that are
        // not there).
        for p in std::mem::take(&mut *pools) {
            std::mem::forget(p);
        }
    }
    if let Some(p) = pools.iter().find(|p| p.1 == n) {
        return Ok(p.2.clone());
    }
    let p = rayon::ThreadPoolBuilder::new()
        .num_threads(n)
        .thread_name(|i| format!("dumpclean-{i}"))
        .build()
        .map(Arc::new)
        .map_err(|e| PyOSError::new_err(format!("cannot start {n} threads: {e}")))?;
    pools.push((pid, n, p.clone()));
    Ok(p)
}

/// The native module `dumpclean._dumpclean`.
#[pymodule]
fn _dumpclean(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_class::<PyArticle>()?;
    m.add_class::<PyBlock>()?;
    m.add_class::<PyChromeSegment>()?;
    m.add_class::<PyLine>()?;
    m.add_class::<PySiteProfile>()?;
    m.add("DumpcleanError", py.get_type::<DumpcleanError>())?;
    m.add("InputTooLargeError", py.get_type::<InputTooLargeError>())?;
    m.add("LineTooLongError", py.get_type::<LineTooLongError>())?;
    m.add("InvalidUtf8Error", py.get_type::<InvalidUtf8Error>())?;
    m.add("Utf16Error", py.get_type::<Utf16Error>())?;
    m.add("BinaryInputError", py.get_type::<BinaryInputError>())?;
    m.add_function(wrap_pyfunction!(clean, m)?)?;
    m.add_function(wrap_pyfunction!(clean_bytes, m)?)?;
    m.add_function(wrap_pyfunction!(clean_batch, m)?)?;
    m.add_function(wrap_pyfunction!(profiles_to_json, m)?)?;
    m.add_function(wrap_pyfunction!(profiles_from_json, m)?)?;
    m.add_function(wrap_pyfunction!(site_of, m)?)?;
    Ok(())
}
