//! A run over the inputs: dumps cleaned in parallel chunks, corpora
//! streamed through worker threads, outputs written in input order.

use crate::args::*;
use crate::input::{open, read_dump, Kind};
use crate::jsonl::*;
use crate::output::*;
use crate::warc;
use dumpclean::{Cleaner, SiteProfile};
use rayon::prelude::*;
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::io::{self, BufRead, IsTerminal, Read, Write};
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// A run's counts, for `--stats`.
#[derive(Default)]
pub(crate) struct Stats {
    pub(crate) docs: u64,
    pub(crate) bytes: u64,
    pub(crate) empty: u64,
    pub(crate) errors: u64,
}

/// Why the run stops early.
#[derive(Debug)]
pub(crate) enum Stop {
    /// A bad record or dump with `--on-error stop` (already reported).
    Bad,
    /// Output failed, or an input that the run cannot go on without.
    Io(String),
    /// An input cannot be read on (a truncated gzip file): reported and
    /// counted as a bad record, and the run goes on with the next input
    /// (`--on-error skip`).
    Input(String),
    /// The output was closed (a pipe to `head`): nothing more to write.
    Closed,
}

/// Why writing the output stopped the run.
pub(crate) fn write_error(e: io::Error) -> Stop {
    if e.kind() == io::ErrorKind::BrokenPipe {
        Stop::Closed
    } else {
        Stop::Io(format!("cannot write output: {e}"))
    }
}

/// How many records or dumps are cleaned together (and held in memory at
/// most, with their output).
pub(crate) const CHUNK_RECORDS: usize = 1024;
/// A chunk ends once its input passes this many bytes.
pub(crate) const CHUNK_BYTES: usize = 64 << 20;

/// The bytes read for one batch of a streamed JSONL corpus (a dozen records
/// of the usual size): small, so that the workers share the work evenly.
pub(crate) const BATCH_BLOCK: usize = 128 << 10;
/// The bytes read for one chunk of a JSONL corpus read in chunks.
pub(crate) const CHUNK_BLOCK: usize = 16 << 20;
/// A dump file of this many bytes or more is cleaned on its own and written
/// straight to the output, not kept in memory as output.
pub(crate) const LARGE_DUMP: u64 = 8 << 20;

/// What cleaning one record or dump gave: its output, or a message for a bad one.
pub(crate) struct Outcome {
    pub(crate) output: Result<Output, String>,
    pub(crate) bytes: u64,
    pub(crate) empty: bool,
}

/// The output of one record or dump: `bytes`, but for one part of them
/// written twice (a JSON record's `body`, a copy of its `text`): `again`,
/// the place it goes in `bytes` and the bytes it copies. That part is
/// written again from where it lies rather than copied in memory.
pub(crate) struct Output {
    pub(crate) bytes: Vec<u8>,
    pub(crate) again: Option<(usize, Range<usize>)>,
}

impl From<Vec<u8>> for Output {
    fn from(bytes: Vec<u8>) -> Output {
        Output { bytes, again: None }
    }
}

impl Output {
    /// Write the output: the bytes before `again`'s place, its part, and
    /// the rest (the run writes [`Output::push_slices`] of several).
    #[cfg(test)]
    pub(crate) fn write_to(&self, out: &mut impl Write) -> io::Result<()> {
        let mut slices = Vec::with_capacity(3);
        self.push_slices(&mut slices);
        write_all_slices(out, &mut slices)
    }

    /// The parts of the output, in order, onto `slices`.
    pub(crate) fn push_slices<'o>(&'o self, slices: &mut Vec<io::IoSlice<'o>>) {
        match &self.again {
            Some((at, part)) => {
                let (head, tail) = self.bytes.split_at(*at);
                slices.push(io::IoSlice::new(head));
                slices.push(io::IoSlice::new(&self.bytes[part.clone()]));
                slices.push(io::IoSlice::new(tail));
            }
            None => slices.push(io::IoSlice::new(&self.bytes)),
        }
    }
}

/// Write all of `slices`, in order, with as few calls as `out` takes
/// (`Write::write_all_vectored` is not stable): a `BufWriter` over a file
/// hands a run of parts larger than its buffer to one `writev` instead of
/// copying them through its buffer.
pub(crate) fn write_all_slices(
    out: &mut impl Write,
    slices: &mut [io::IoSlice<'_>],
) -> io::Result<()> {
    let mut slices = slices;
    io::IoSlice::advance_slices(&mut slices, 0);
    while !slices.is_empty() {
        match out.write_vectored(slices) {
            Ok(0) => return Err(io::ErrorKind::WriteZero.into()),
            Ok(n) => io::IoSlice::advance_slices(&mut slices, n),
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

/// One run over the inputs: where output and counts go.
pub(crate) struct Run<'r, W: Write> {
    pub(crate) opts: &'r Options,
    pub(crate) cleaner: &'r Cleaner,
    pub(crate) pool: &'r rayon::ThreadPool,
    pub(crate) out: &'r mut W,
    pub(crate) stats: &'r mut Stats,
    pub(crate) progress: &'r mut Progress,
}

impl<W: Write> Run<'_, W> {
    /// The format of a dump file's output: a report without its `=== ID`
    /// line when the run's only PATH is that dump.
    fn dump_format(&self, only: bool) -> Format {
        match self.opts.format {
            Format::Report if only && self.opts.paths.len() == 1 => Format::ReportBare,
            f => f,
        }
    }
}

impl<W: Write> Run<'_, W> {
    /// One PATH: a directory of dumps, or a file (`-`: stdin) read as what
    /// it holds.
    pub(crate) fn input(
        &mut self,
        path: &str,
        profiles: &mut BTreeMap<String, SiteProfile>,
    ) -> Result<(), Stop> {
        if path != "-" && Path::new(path).is_dir() {
            let mut files: Vec<PathBuf> = std::fs::read_dir(path)
                .map_err(|e| Stop::Io(format!("cannot read directory {path}: {e}")))?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|f| f.extension().is_some_and(|x| x == "txt"))
                .collect();
            files.sort();
            if self.opts.learn_only {
                return Ok(());
            }
            let files = files.into_iter().map(|f| (stem(&f), Some(f))).collect();
            return self.dumps(files, false);
        }
        let opened = match open(path, self.opts.input) {
            Ok(o) => o,
            Err(msg) => return bad(self.opts, self.stats, &msg),
        };
        let name = format!("{path}{}", opened.compression.note());
        match opened.kind {
            // A dump has no site to learn a profile for.
            Kind::Dump if self.opts.learn_only => Ok(()),
            Kind::Dump if path == "-" => {
                let mut bytes = Vec::new();
                let mut reader = opened.reader;
                let read = reader.read_to_end(&mut bytes).map(|_| bytes);
                self.large_dump("stdin", read.map_err(|e| format!("{name}: {e}")), true)
            }
            Kind::Dump => {
                drop(opened);
                self.dumps(
                    vec![(stem(Path::new(path)), Some(PathBuf::from(path)))],
                    true,
                )
            }
            Kind::Jsonl => self.corpus(path, &name, opened.reader, profiles),
            Kind::Warc => self.warc(path, &name, opened.reader, profiles),
        }
    }

    /// Dump files (a file of `None`: stdin), each with its id.
    /// `only`: the inputs are the dump of the run's only PATH.
    pub(crate) fn dumps(
        &mut self,
        inputs: Vec<(String, Option<PathBuf>)>,
        only: bool,
    ) -> Result<(), Stop> {
        let (cleaner, format, fields) = (self.cleaner, self.dump_format(only), &self.opts.fields);
        // Dumps are cleaned in parallel chunks, their outputs kept in memory
        // until written in order; a large dump is cleaned on its own and
        // written straight to the output.
        let mut chunks: Vec<&[(String, Option<PathBuf>)]> = Vec::new();
        let (mut start, mut bytes) = (0, 0);
        for (i, (_, file)) in inputs.iter().enumerate() {
            let len = file
                .as_deref()
                .and_then(|f| std::fs::metadata(f).ok())
                .map_or(u64::MAX, |m| m.len());
            if len >= LARGE_DUMP {
                if start < i {
                    chunks.push(&inputs[start..i]);
                }
                chunks.push(&inputs[i..i + 1]);
                (start, bytes) = (i + 1, 0);
                continue;
            }
            bytes += len;
            if i + 1 - start == CHUNK_RECORDS || bytes >= CHUNK_BYTES as u64 {
                chunks.push(&inputs[start..=i]);
                (start, bytes) = (i + 1, 0);
            }
        }
        if start < inputs.len() {
            chunks.push(&inputs[start..]);
        }
        for chunk in chunks {
            if let [(id, file)] = chunk {
                let bytes = read_dump(file.as_deref()).map_err(|e| format!("{id}: {e}"));
                self.large_dump(id, bytes, only)?;
                continue;
            }
            let outcomes: Vec<Outcome> = self.pool.install(|| {
                chunk
                    .par_iter()
                    .map(|(id, file)| match read_dump(file.as_deref()) {
                        Ok(bytes) => {
                            let r = cleaner.clean_bytes(&bytes).map_err(|e| e.to_string());
                            render(format, fields, id, r, &bytes, None, &[])
                        }
                        Err(e) => Outcome {
                            output: Err(format!("{id}: {e}")),
                            bytes: 0,
                            empty: false,
                        },
                    })
                    .collect()
            });
            self.emit(outcomes)?;
        }
        Ok(())
    }

    /// One dump (or why it could not be read), cleaned and written
    /// straight to the output.
    pub(crate) fn large_dump(
        &mut self,
        id: &str,
        bytes: Result<Vec<u8>, String>,
        only: bool,
    ) -> Result<(), Stop> {
        let bytes = match bytes {
            Ok(b) => b,
            Err(msg) => return bad(self.opts, self.stats, &msg),
        };
        self.stats.bytes += bytes.len() as u64;
        let article = match self.pool.install(|| self.cleaner.clean_bytes(&bytes)) {
            Ok(a) => a,
            Err(e) => return bad(self.opts, self.stats, &format!("{id}: {e}")),
        };
        let (format, fields) = (self.dump_format(only), &self.opts.fields);
        write_article(&mut *self.out, format, fields, id, &article, &bytes, &[])
            .map_err(write_error)?;
        self.stats.docs += 1;
        self.stats.empty += u64::from(article.is_empty());
        self.progress.tick(self.stats);
        Ok(())
    }

    /// A JSONL corpus: one pass, or two with `--site-profiles`.
    pub(crate) fn corpus(
        &mut self,
        path: &str,
        name: &str,
        reader: impl Read + Send,
        profiles: &mut BTreeMap<String, SiteProfile>,
    ) -> Result<(), Stop> {
        let opts = self.opts;
        if opts.site_profiles {
            if path == "-" {
                return Err(Stop::Io(
                    "--site-profiles reads a corpus twice: give a file, not -".to_string(),
                ));
            }
            // First pass: learn, on every thread, and merge (merging equals
            // learning on the union, so the result does not depend on the
            // threads). Bad records are reported in the second pass.
            let max = opts.max_profile_lines;
            let again = open(path, opts.input).map_err(Stop::Io)?;
            let learned = for_each_chunk(again.reader, name, |chunk| {
                let learned = self.pool.install(|| {
                    chunk
                        .lines
                        .par_iter()
                        .fold(
                            BTreeMap::new,
                            |mut m: BTreeMap<String, SiteProfile>, (_, raw)| {
                                let mut buf = Vec::new();
                                if let Ok(InRecord {
                                    text: Some(text),
                                    site,
                                    url,
                                    ..
                                }) = read_record(chunk.line(raw), &mut buf)
                                {
                                    let (site, url) = (site.as_ref(), url.as_ref());
                                    if let Some(site) =
                                        site_of(site.map(|s| &*s.0), url.map(|u| &*u.0))
                                    {
                                        match m.get_mut(&*site) {
                                            Some(p) => p.learn(&text.0),
                                            None => {
                                                let mut p = SiteProfile::with_max_lines(max);
                                                p.learn(&text.0);
                                                m.insert(site.into_owned(), p);
                                            }
                                        }
                                    }
                                }
                                m
                            },
                        )
                        .reduce(BTreeMap::new, merge_profiles)
                });
                *profiles = merge_profiles(std::mem::take(profiles), learned);
                Ok(())
            });
            // A part that cannot be read is reported in the second pass,
            // or here when there is none.
            match learned {
                Err(Stop::Input(msg)) if opts.learn_only => return bad(opts, self.stats, &msg),
                Ok(()) | Err(Stop::Input(_)) => {}
                Err(e) => return Err(e),
            }
            if opts.learn_only {
                return Ok(());
            }
        }
        let (cleaner, format, fields) = (self.cleaner, opts.format, &opts.fields);
        let profiles = &*profiles;
        // Chunks whose lines were cleaned go back to the reader, which reads
        // the next ones into their buffers: a chunk's buffer allocated by
        // the reader and freed by a worker goes back to the reader's arena,
        // whose top the allocator gives back to the system and maps again
        // (a page fault for every 4 KiB read); there are a few chunks at
        // most, each in the queue, with a worker or here.
        let (spare_tx, spare_rx) = std::sync::mpsc::channel::<Chunk>();
        self.stream(
            move |send| {
                for_each_batch(reader, name, BATCH_BLOCK, |chunk| {
                    let spare = spare_rx.try_recv().unwrap_or_default();
                    send(std::mem::replace(chunk, spare))
                })
            },
            |chunk: Chunk| {
                let outcomes = chunk
                    .lines
                    .iter()
                    .map(|(line_no, raw)| {
                        let raw = chunk.line(raw);
                        clean_record(cleaner, format, fields, path, profiles, *line_no, raw)
                    })
                    .collect();
                // The reader may have ended: then the chunk is freed here.
                let _ = spare_tx.send(chunk);
                outcomes
            },
        )
    }

    /// A WARC/WET file: its `conversion` records are dumps, with the
    /// record's id and target URI; one pass, or two with `--site-profiles`.
    pub(crate) fn warc(
        &mut self,
        path: &str,
        name: &str,
        reader: impl BufRead + Send,
        profiles: &mut BTreeMap<String, SiteProfile>,
    ) -> Result<(), Stop> {
        let opts = self.opts;
        if opts.site_profiles {
            if path == "-" {
                return Err(Stop::Io(
                    "--site-profiles reads a corpus twice: give a file, not -".to_string(),
                ));
            }
            let again = open(path, opts.input).map_err(Stop::Io)?;
            let max = opts.max_profile_lines;
            // Bad records are reported in the second pass.
            let learn = |docs: Vec<WetDoc>| {
                self.pool.install(|| {
                    docs.par_iter()
                        .fold(
                            BTreeMap::new,
                            |mut m: BTreeMap<String, SiteProfile>, doc| {
                                let site = site_of(None, doc.url.as_deref());
                                if let (Some(site), Ok(text)) =
                                    (site, std::str::from_utf8(&doc.text))
                                {
                                    m.entry(site.into_owned())
                                        .or_insert_with(|| SiteProfile::with_max_lines(max))
                                        .learn(text);
                                }
                                m
                            },
                        )
                        .reduce(BTreeMap::new, merge_profiles)
                })
            };
            let mut bad_records = Vec::new();
            let _ = wet_batches(again.reader, name, CHUNK_BLOCK, &mut |batch| {
                let mut docs = Vec::with_capacity(batch.len());
                for item in batch {
                    match item {
                        Ok(doc) => docs.push(doc),
                        Err(msg) => bad_records.push(msg),
                    }
                }
                *profiles = merge_profiles(std::mem::take(profiles), learn(docs));
                Ok(())
            });
            // Bad records are reported in the second pass, or here when
            // there is none.
            if opts.learn_only {
                for msg in bad_records {
                    bad(opts, self.stats, &msg)?;
                }
                return Ok(());
            }
        }
        let (cleaner, format, fields) = (self.cleaner, opts.format, &opts.fields);
        let profiles = &*profiles;
        self.stream(
            |send| wet_batches(reader, name, BATCH_BLOCK, send),
            |batch: Vec<WetItem>| {
                batch
                    .iter()
                    .map(|item| match item {
                        Ok(doc) => clean_wet(cleaner, format, fields, path, profiles, doc),
                        Err(msg) => Outcome {
                            output: Err(msg.clone()),
                            bytes: 0,
                            empty: false,
                        },
                    })
                    .collect()
            },
        )
    }

    /// The records of a JSONL corpus, each turned into an outcome by `work`
    /// on `--jobs` worker threads and written in input order: a reader
    /// thread reads small batches of lines, the workers take a batch each as
    /// they become free, and this thread writes the outcomes as soon as
    /// those before them are written. No worker waits for a slow record of
    /// another (as with chunks cleaned in parallel), and memory holds a few
    /// batches per worker. `work` owns the batch it is given, to free it or
    /// hand it back to `read` for its buffers.
    ///
    /// A worker that panics (a bug: cleaning never panics by design) stops
    /// the run with [`Stop::Io`] naming the panic; what was written is a
    /// prefix of the output, nothing of the failed batch or after it. The
    /// other threads drain the queue and end, so the run never waits on a
    /// batch nobody will finish.
    pub(crate) fn stream<B: Send>(
        &mut self,
        read: impl FnOnce(&mut dyn FnMut(B) -> Result<(), Stop>) -> Result<(), Stop> + Send,
        work: impl Fn(B) -> Vec<Outcome> + Sync,
    ) -> Result<(), Stop> {
        use std::sync::atomic::{AtomicBool, Ordering};
        use std::sync::{mpsc, Mutex};
        let jobs = self.pool.current_num_threads().max(1);
        let stop = AtomicBool::new(false);
        // The first panic of a worker, and the batch it was working on.
        let crashed: Mutex<Option<(usize, String)>> = Mutex::new(None);
        let (batch_tx, batch_rx) = mpsc::sync_channel::<(usize, B)>(2 * jobs);
        let batch_rx = Mutex::new(batch_rx);
        let (out_tx, out_rx) = mpsc::channel::<(usize, Vec<Outcome>)>();
        let (stop, batch_rx, work, crashed) = (&stop, &batch_rx, &work, &crashed);
        std::thread::scope(|s| {
            // The reader owns the sending end: when it returns, the channel
            // closes and the workers finish.
            let reader = s.spawn(move || {
                let mut seq = 0;
                read(&mut |batch| {
                    if stop.load(Ordering::Relaxed) || batch_tx.send((seq, batch)).is_err() {
                        return Err(Stop::Bad);
                    }
                    seq += 1;
                    Ok(())
                })
            });
            for _ in 0..jobs {
                let out_tx = out_tx.clone();
                s.spawn(move || loop {
                    // Take the next batch; after a stop, keep taking (and
                    // dropping) them until the reader has stopped too.
                    let next = match batch_rx.lock() {
                        Ok(rx) => rx.recv(),
                        Err(_) => break,
                    };
                    let Ok((seq, batch)) = next else { break };
                    if stop.load(Ordering::Relaxed) {
                        continue;
                    }
                    let caught =
                        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| work(batch)));
                    let outcomes = match caught {
                        Ok(outcomes) => outcomes,
                        Err(payload) => {
                            stop.store(true, Ordering::Relaxed);
                            if let Ok(mut first) = crashed.lock() {
                                first.get_or_insert((seq, panic_message(&*payload)));
                            }
                            continue;
                        }
                    };
                    if out_tx.send((seq, outcomes)).is_err() {
                        stop.store(true, Ordering::Relaxed);
                    }
                });
            }
            drop(out_tx);
            // Write in order: batches that finish early wait here for those before them.
            let mut waiting: BTreeMap<usize, Vec<Outcome>> = BTreeMap::new();
            let mut next = 0;
            let mut written = Ok(());
            for (seq, outcomes) in out_rx {
                waiting.insert(seq, outcomes);
                while let Some(outcomes) = waiting.remove(&next) {
                    next += 1;
                    if written.is_ok() {
                        written = self.emit(outcomes);
                        if written.is_err() {
                            stop.store(true, Ordering::Relaxed);
                        }
                    }
                }
            }
            let read = reader
                .join()
                .unwrap_or(Err(Stop::Io("the reader failed".to_string())));
            if let Some((seq, msg)) = crashed.lock().ok().and_then(|mut c| c.take()) {
                return Err(Stop::Io(format!(
                    "internal error: cleaning panicked ({msg}) in batch {seq} of the input; \
                     the records before it were written. This is a bug: please report it \
                     with the input"
                )));
            }
            match (written, read) {
                (Err(e), _) => Err(e),
                // The reader stopped because the writer did: not an error of its own.
                (Ok(()), Err(Stop::Bad)) => Ok(()),
                // The input ends early: everything before was written.
                (Ok(()), Err(Stop::Input(msg))) => bad(self.opts, self.stats, &msg),
                (Ok(()), read) => read,
            }
        })
    }

    /// Write the outcomes in order; report the bad ones.
    /// The outputs are written together, each run of them between bad
    /// ones with as few calls as the output takes (see
    /// [`write_all_slices`]).
    pub(crate) fn emit(&mut self, outcomes: Vec<Outcome>) -> Result<(), Stop> {
        let mut slices = Vec::with_capacity(3 * outcomes.len());
        for o in &outcomes {
            self.stats.bytes += o.bytes;
            match &o.output {
                Ok(output) => {
                    self.stats.docs += 1;
                    self.stats.empty += u64::from(o.empty);
                    output.push_slices(&mut slices);
                }
                Err(msg) => {
                    // What comes before a bad record is written before
                    // it is reported (and the run perhaps stopped).
                    write_all_slices(self.out, &mut slices).map_err(write_error)?;
                    slices.clear();
                    bad(self.opts, self.stats, msg)?;
                }
            }
        }
        write_all_slices(self.out, &mut slices).map_err(write_error)?;
        self.progress.tick(self.stats);
        Ok(())
    }
}

/// One record of a JSONL corpus (line `line_no` of `path`), cleaned with
/// its site's profile if `profiles` has one, and rendered in `format`.
pub(crate) fn clean_record(
    cleaner: &Cleaner,
    format: Format,
    fields: &Fields,
    path: &str,
    profiles: &BTreeMap<String, SiteProfile>,
    line_no: u64,
    raw: &[u8],
) -> Outcome {
    // The buffer a text with escapes is unescaped into, and the list of
    // where its escapes end, kept by the thread from one record to the
    // next: the buffer is only grown, not zeroed again for each record,
    // and neither is allocated again (a record cleaned while another is,
    // were cleaning ever to call back here, takes buffers of its own).
    thread_local! {
        static BUF: std::cell::RefCell<Kept> = const {
            std::cell::RefCell::new(Kept { buf: Vec::new(), ends: Vec::new() })
        };
    }
    BUF.with(|cell| {
        let run = |kept: &mut Kept| {
            clean_record_in(cleaner, format, fields, path, profiles, line_no, raw, kept)
        };
        match cell.try_borrow_mut() {
            Ok(mut kept) => run(&mut kept),
            Err(_) => run(&mut Kept {
                buf: Vec::new(),
                ends: Vec::new(),
            }),
        }
    })
}

/// What a thread keeps from one record to the next (see [`clean_record`]).
struct Kept {
    /// Where a text with escapes is unescaped.
    buf: Vec<u8>,
    /// The list of a text's escapes ([`Escapes::ends`]), its contents those
    /// of the last record.
    ends: Vec<(usize, usize)>,
}

/// [`clean_record`], with the buffers `kept` by its thread.
#[allow(clippy::too_many_arguments)]
fn clean_record_in(
    cleaner: &Cleaner,
    format: Format,
    fields: &Fields,
    path: &str,
    profiles: &BTreeMap<String, SiteProfile>,
    line_no: u64,
    raw: &[u8],
    kept: &mut Kept,
) -> Outcome {
    let bad = |msg: String| Outcome {
        output: Err(format!("{path}:{line_no}: {msg}")),
        bytes: 0,
        empty: false,
    };
    let (buf, ends) = (&mut kept.buf, std::mem::take(&mut kept.ends));
    let rec = match read_record_with(raw, buf, ends) {
        Ok(r) => r,
        Err(e) => return bad(format!("invalid JSON: {e}")),
    };
    let id = match rec.id {
        Some(serde_json::Value::String(s)) => s,
        Some(v) => v.to_string(),
        None => format!("{line_no}"),
    };
    let Some(Str(text)) = rec.text else {
        return bad(format!("record {id} has no \"text\""));
    };
    // Without profiles, no record needs its site.
    let profile = if profiles.is_empty() {
        None
    } else {
        let (site, url) = (rec.site.as_ref(), rec.url.as_ref());
        site_of(site.map(|s| &*s.0), url.map(|u| &*u.0))
            .and_then(|s| profiles.get(&*s))
            .filter(|p| p.pages() >= 2)
    };
    let r = match profile {
        Some(p) => cleaner.clean_with_profile(&text, p),
        None => cleaner.clean(&text),
    };
    let r = r.map_err(|e| format!("{path}:{line_no}: record {id}: {e}"));
    let next = std::cell::Cell::new(0);
    let from = rec.text_escapes.as_ref().map(|e| (&*text, e, &next));
    let mut o = render(format, fields, &id, r, text.as_bytes(), from, &rec.extras);
    if let Some(e) = rec.text_escapes {
        kept.ends = e.ends;
    }
    if let Err(msg) = &mut o.output {
        if !msg.starts_with(path) {
            *msg = format!("{path}:{line_no}: {msg}");
        }
    }
    o
}

/// A dump read from a WARC/WET file: a `conversion` record.
pub(crate) struct WetDoc {
    /// The record's number in the file, from 1.
    pub(crate) record: u64,
    /// Its `WARC-Record-ID`.
    pub(crate) id: String,
    /// Its `WARC-Target-URI`.
    pub(crate) url: Option<String>,
    /// Its `WARC-Date`.
    pub(crate) date: Option<String>,
    pub(crate) text: Vec<u8>,
}

/// A dump of a WARC/WET file, or the message for a record that is none.
pub(crate) type WetItem = Result<WetDoc, String>;

/// The records of a WARC/WET file (`name` in messages) in batches of about
/// `block` bytes, in order: `conversion` records (and `resource` records of
/// plain text) as dumps, `response` records and broken ones as messages;
/// `warcinfo`, `request`, `metadata` and other records are skipped. A
/// broken record ends the file (the next record's start cannot be found).
pub(crate) fn wet_batches(
    reader: impl BufRead,
    name: &str,
    block: usize,
    send: &mut dyn FnMut(Vec<WetItem>) -> Result<(), Stop>,
) -> Result<(), Stop> {
    let (mut batch, mut bytes) = (Vec::new(), 0);
    let mut number = 0;
    for record in warc::Reader::new(reader) {
        let item = match record {
            Ok(rec) => {
                number += 1;
                let id = rec.header("WARC-Record-ID").unwrap_or_default().to_string();
                let id = if id.is_empty() {
                    format!("{name}#{number}")
                } else {
                    id
                };
                let plain = rec
                    .header("Content-Type")
                    .is_none_or(|t| t.starts_with("text/plain"));
                match rec.kind() {
                    "conversion" => {}
                    "resource" if plain => {}
                    "response" | "resource" => {
                        let what = match rec.kind() {
                            "response" => "HTML, not a text dump",
                            _ => "not plain text, not a text dump",
                        };
                        let msg = format!("{name}: WARC record {number} ({id}): {what}");
                        batch.push(Err(msg));
                        continue;
                    }
                    _ => continue,
                }
                bytes += rec.block.len();
                Ok(WetDoc {
                    record: number,
                    url: rec.header("WARC-Target-URI").map(str::to_string),
                    date: rec.header("WARC-Date").map(str::to_string),
                    id,
                    text: rec.block,
                })
            }
            Err(e) => Err(format!("{name}: {e}")),
        };
        batch.push(item);
        if bytes >= block || batch.len() >= 1024 {
            send(std::mem::take(&mut batch))?;
            bytes = 0;
        }
    }
    if !batch.is_empty() {
        send(batch)?;
    }
    Ok(())
}

/// One dump of a WARC/WET file, cleaned with its site's profile if
/// `profiles` has one, and rendered in `format`.
pub(crate) fn clean_wet(
    cleaner: &Cleaner,
    format: Format,
    fields: &Fields,
    path: &str,
    profiles: &BTreeMap<String, SiteProfile>,
    doc: &WetDoc,
) -> Outcome {
    let profile = if profiles.is_empty() {
        None
    } else {
        site_of(None, doc.url.as_deref())
            .and_then(|s| profiles.get(&*s))
            .filter(|p| p.pages() >= 2)
    };
    let r = match profile {
        Some(p) => match std::str::from_utf8(&doc.text) {
            Ok(text) => cleaner.clean_with_profile(text, p),
            Err(_) => cleaner.clean_bytes(&doc.text),
        },
        None => cleaner.clean_bytes(&doc.text),
    };
    let r = r.map_err(|e| format!("{path}: WARC record {} ({}): {e}", doc.record, doc.id));
    let mut extras = Vec::with_capacity(2);
    for (name, value) in [("url", &doc.url), ("warc_date", &doc.date)] {
        if let Some(v) = value {
            let mut json = Vec::with_capacity(v.len() + 2);
            write_json_str(&mut json, v);
            extras.push((Cow::Borrowed(name), Cow::Owned(json)));
        }
    }
    render(format, fields, &doc.id, r, &doc.text, None, &extras)
}

/// Site profiles of two shards, merged.
pub(crate) fn merge_profiles(
    mut a: BTreeMap<String, SiteProfile>,
    b: BTreeMap<String, SiteProfile>,
) -> BTreeMap<String, SiteProfile> {
    for (site, p) in b {
        match a.get_mut(&site) {
            Some(q) => q.merge(&p),
            None => {
                a.insert(site, p);
            }
        }
    }
    a
}

/// The site of a record: its `site`, else the site of its `url`
/// ([`dumpclean::SiteProfile::site_of`]).
pub(crate) fn site_of<'s>(site: Option<&'s str>, url: Option<&'s str>) -> Option<Cow<'s, str>> {
    if let Some(s) = site.filter(|s| !s.is_empty()) {
        return Some(Cow::Borrowed(s));
    }
    dumpclean::SiteProfile::site_of(url?)
}

/// Report a bad record or dump; stop the run if asked to.
pub(crate) fn bad(opts: &Options, stats: &mut Stats, msg: &str) -> Result<(), Stop> {
    eprintln!("dumpclean: {msg}");
    stats.errors += 1;
    match opts.on_error {
        OnError::Skip => Ok(()),
        OnError::Stop => Err(Stop::Bad),
    }
}

/// A progress line with the rate on stderr, redrawn at most twice a second,
/// when stderr is a terminal.
pub(crate) struct Progress {
    pub(crate) on: bool,
    pub(crate) start: Instant,
    pub(crate) last: Instant,
}

impl Progress {
    pub(crate) fn new(wanted: bool) -> Progress {
        let now = Instant::now();
        Progress {
            on: wanted && io::stderr().is_terminal(),
            start: now,
            last: now,
        }
    }

    pub(crate) fn tick(&mut self, stats: &Stats) {
        if !self.on || self.last.elapsed().as_millis() < 500 {
            return;
        }
        self.last = Instant::now();
        let secs = self.start.elapsed().as_secs_f64();
        eprint!(
            "\rdumpclean: {} documents, {:.1} MB, {:.1} MB/s, {} errors ",
            stats.docs,
            stats.bytes as f64 / 1e6,
            stats.bytes as f64 / 1e6 / secs.max(1e-9),
            stats.errors
        );
    }

    pub(crate) fn clear(&mut self) {
        if self.on && self.last != self.start {
            eprint!("\r\x1b[K");
        }
    }
}

/// The message a panic was raised with, if it is a string.
fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "no message".to_string())
}

pub(crate) fn stem(p: &Path) -> String {
    p.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| p.display().to_string())
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub(crate) fn opts(args: &[&str]) -> Options {
        parse_args(args.iter().map(|a| a.to_string())).unwrap_or_else(|_| panic!("{args:?}"))
    }

    /// Run over `path` with `args`; the output, the counts and the result.
    fn run(args: &[&str], path: &str) -> (String, Stats, Result<(), Stop>) {
        let mut all: Vec<&str> = args.to_vec();
        all.push(path);
        with_run(&opts(&all), |r| r.input(path, &mut BTreeMap::new()))
    }

    /// `f` on a run with options `o` writing to memory; the output, the
    /// counts and what `f` returned.
    fn with_run<T>(o: &Options, f: impl FnOnce(&mut Run<'_, Vec<u8>>) -> T) -> (String, Stats, T) {
        let cleaner = Cleaner::builder().mode(o.mode).build();
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(o.jobs)
            .build()
            .unwrap();
        let mut out = Vec::new();
        let mut stats = Stats::default();
        let mut progress = Progress::new(false);
        let result = f(&mut Run {
            opts: o,
            cleaner: &cleaner,
            pool: &pool,
            out: &mut out,
            stats: &mut stats,
            progress: &mut progress,
        });
        (String::from_utf8(out).unwrap(), stats, result)
    }

    /// A worker that panics stops the stream with an error naming the panic,
    /// after writing a prefix of the output; with one worker or several, and
    /// whether every batch panics or one, the run ends (it used to wait for
    /// ever when no worker was left to take the queued batches).
    #[test]
    fn a_panicking_worker_stops_the_stream() {
        for (jobs, panics_from) in [(1, 5), (2, 5), (2, 0), (4, 0), (3, 40)] {
            let (done_tx, done_rx) = std::sync::mpsc::channel();
            std::thread::spawn(move || {
                let o = opts(&["--jobs", &jobs.to_string(), "x.jsonl"]);
                let (out, _, result) = with_run(&o, |r| {
                    r.stream(
                        |send| (0..100usize).try_for_each(send),
                        |i: usize| {
                            assert!(i < panics_from, "batch {i} fails");
                            vec![Outcome {
                                output: Ok(format!("{i}\n").into_bytes().into()),
                                bytes: 1,
                                empty: false,
                            }]
                        },
                    )
                });
                let _ = done_tx.send((result, out));
            });
            let (result, out) = done_rx
                .recv_timeout(std::time::Duration::from_secs(60))
                .unwrap_or_else(|_| panic!("jobs {jobs}: the stream did not end"));
            match result {
                Err(Stop::Io(msg)) => assert!(msg.contains("panicked (batch"), "{msg}"),
                other => panic!("jobs {jobs}: {:?}", other.err()),
            }
            // Batches before the first that panics, in order, from the first
            // on (those still in flight when the run stopped are not written).
            let want: String = (0..panics_from).map(|i| format!("{i}\n")).collect();
            assert!(want.starts_with(&out), "jobs {jobs}: {out:?}");
        }
    }

    /// A writer that takes at most three bytes a call, of the first part
    /// that is not empty (`Write`'s own `write_vectored`).
    struct Trickle(Vec<u8>, usize);

    impl Write for Trickle {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            self.1 += 1;
            if self.1.is_multiple_of(4) {
                return Err(io::ErrorKind::Interrupted.into());
            }
            let n = buf.len().min(3);
            self.0.extend_from_slice(&buf[..n]);
            Ok(n)
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    /// Parts written together come out whole and in order, however little
    /// a call writes, empty parts and interruptions included; a writer that
    /// takes nothing is an error.
    #[test]
    fn slices_are_written_whole_and_in_order() {
        let parts: [&[u8]; 7] = [b"", b"head ", b"", b"x", b"a longer part, and", b" ", b""];
        for from in 0..parts.len() {
            let mut slices: Vec<io::IoSlice> =
                parts[from..].iter().map(|p| io::IoSlice::new(p)).collect();
            let mut out = Trickle(Vec::new(), 0);
            write_all_slices(&mut out, &mut slices).unwrap();
            assert_eq!(out.0, parts[from..].concat());
            let mut slices: Vec<io::IoSlice> =
                parts[from..].iter().map(|p| io::IoSlice::new(p)).collect();
            let mut all = Vec::new();
            write_all_slices(&mut all, &mut slices).unwrap();
            assert_eq!(all, parts[from..].concat());
        }
        let mut full: &mut [u8] = &mut [0u8; 4];
        let mut slices = [io::IoSlice::new(b"abc"), io::IoSlice::new(b"def")];
        let e = write_all_slices(&mut full, &mut slices).unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::WriteZero);
    }

    /// A JSONL corpus of `n` pages of one site in a temporary file, with a
    /// bad record after the first.
    fn corpus(name: &str, n: usize) -> String {
        let mut text = String::new();
        for i in 0..n {
            let page = format!(
                "Home\nNews\nSport\n\nStory {i} of the day\n\nThe council met on day {i} and \
                 approved a plan for the harbour, the mayor said after the long meeting.\n\n\
                 Support local journalism and become a member of our newsroom today.\n\nPrivacy\n"
            );
            let rec = serde_json::json!({"id": format!("p{i}"), "text": page, "url": "https://www.example.org/a"});
            text.push_str(&rec.to_string());
            text.push('\n');
            if i == 0 {
                text.push_str("{not json\n{\"id\": \"x\"}\n\n");
            }
        }
        let path =
            std::env::temp_dir().join(format!("dumpclean-{}-{name}.jsonl", std::process::id()));
        std::fs::write(&path, text).unwrap();
        path.to_string_lossy().into_owned()
    }

    fn ids(out: &str) -> Vec<String> {
        out.lines()
            .map(|l| {
                serde_json::from_str::<serde_json::Value>(l).unwrap()["id"]
                    .as_str()
                    .unwrap()
                    .to_string()
            })
            .collect()
    }

    #[test]
    fn sites_come_from_site_or_url_host() {
        let site = |s: Option<&'static str>, u: Option<&'static str>| site_of(s, u);
        assert_eq!(
            site(Some("blog"), Some("https://x.org")).as_deref(),
            Some("blog")
        );
        assert_eq!(
            site(None, Some("https://WWW.Example.org:8080/a?b")).as_deref(),
            Some("example.org")
        );
        assert_eq!(
            site(None, Some("http://user@news.example.org/x")).as_deref(),
            Some("news.example.org")
        );
        assert_eq!(
            site(None, Some("example.org/path")).as_deref(),
            Some("example.org")
        );
        assert_eq!(
            site(None, Some("HTTPS://WwW.News.Example.ORG/")).as_deref(),
            Some("news.example.org")
        );
        assert_eq!(
            site(None, Some("wwwexample.org")).as_deref(),
            Some("wwwexample.org")
        );
        assert_eq!(site(None, Some("http://www./x")), None);
        assert_eq!(site(None, Some("https://wWw")).as_deref(), Some("www"));
        assert_eq!(site(Some(""), None), None);
        assert_eq!(site(None, Some("")), None);
    }

    #[test]
    fn output_is_in_input_order_and_the_same_for_any_jobs() {
        let path = corpus("order", 40);
        let (one, stats, r) = run(&["--format", "jsonl", "--jobs", "1"], &path);
        assert!(r.is_ok());
        let (three, _, _) = run(&["--format", "jsonl", "--jobs", "3"], &path);
        assert_eq!(one, three);
        let want: Vec<String> = (0..40).map(|i| format!("p{i}")).collect();
        assert_eq!(ids(&one), want);
        // The two bad records are counted and skipped.
        assert_eq!((stats.docs, stats.errors), (40, 2));
        std::fs::remove_file(path).unwrap();
    }

    #[test]
    fn a_bad_record_stops_the_run_when_asked() {
        let path = corpus("stop", 5);
        let (out, stats, r) = run(&["--format", "jsonl", "--on-error", "stop"], &path);
        assert!(matches!(r, Err(Stop::Bad)));
        assert_eq!(ids(&out), ["p0"]);
        assert_eq!(stats.errors, 1);
        std::fs::remove_file(path).unwrap();
    }

    #[test]
    fn chunks_keep_every_record_and_its_line_number() {
        // More records than one chunk holds, blank lines among them, a last
        // record without a newline.
        let n = CHUNK_RECORDS * 2 + 7;
        let mut text = String::new();
        let mut line: u64 = 0;
        let mut bad_line = 0;
        for i in 0..n {
            if i % 100 == 0 {
                text.push_str("\n  \n");
                line += 2;
            }
            if i == CHUNK_RECORDS + 3 {
                text.push_str("{\"id\": \"no text\"}\n");
                line += 1;
                bad_line = line;
            }
            let rec = serde_json::json!({"id": format!("r{i}"), "text": format!("Menu {i}")});
            text.push_str(&rec.to_string());
            line += 1;
            if i + 1 < n {
                text.push('\n');
            }
        }
        let path =
            std::env::temp_dir().join(format!("dumpclean-{}-chunks.jsonl", std::process::id()));
        std::fs::write(&path, text).unwrap();
        let path = path.to_string_lossy().into_owned();
        let (out, stats, r) = run(&["--format", "jsonl", "--jobs", "2"], &path);
        assert!(r.is_ok());
        let want: Vec<String> = (0..n).map(|i| format!("r{i}")).collect();
        assert_eq!(ids(&out), want);
        assert_eq!((stats.docs, stats.errors), (n as u64, 1));
        // Stopped at the bad record: everything before it was written, and
        // the error names its line.
        let (out, _, r) = run(&["--format", "jsonl", "--on-error", "stop"], &path);
        assert!(matches!(r, Err(Stop::Bad)));
        assert_eq!(ids(&out), want[..CHUNK_RECORDS + 3]);
        let mut lines = Vec::new();
        for_each_chunk(std::fs::File::open(&path).unwrap(), &path, |chunk| {
            lines.extend(
                chunk
                    .lines
                    .iter()
                    .map(|(n, raw)| (*n, chunk.line(raw).to_vec())),
            );
            Ok(())
        })
        .unwrap();
        assert_eq!(lines.len(), n + 1);
        let (no, raw) = lines
            .iter()
            .find(|(_, raw)| raw.starts_with(b"{\"id\": \"no"))
            .unwrap();
        assert_eq!(
            (*no, raw.as_slice()),
            (bad_line, &b"{\"id\": \"no text\"}"[..])
        );
        assert_eq!(lines.last().unwrap().0, line);
        std::fs::remove_file(path).unwrap();
    }

    #[test]
    fn site_profiles_drop_the_line_on_every_page() {
        let path = corpus("profiles", 6);
        let body = |out: &str| -> Vec<String> {
            out.lines()
                .map(|l| {
                    serde_json::from_str::<serde_json::Value>(l).unwrap()["body"]
                        .as_str()
                        .unwrap()
                        .to_string()
                })
                .collect()
        };
        let (plain, _, _) = run(&["--format", "jsonl"], &path);
        let (with, _, r) = run(
            &["--format", "jsonl", "--site-profiles", "--jobs", "2"],
            &path,
        );
        assert!(r.is_ok());
        assert!(body(&plain)
            .iter()
            .all(|b| b.contains("Support local journalism")));
        for (i, b) in body(&with).iter().enumerate() {
            assert!(!b.contains("Support local journalism"), "{b}");
            assert!(b.contains(&format!("on day {i} and approved")), "{b}");
        }
        std::fs::remove_file(path).unwrap();
    }
}
