//! Per-line evidence: the cues and patterns a line carries, how often its text
//! recurs in the dump, and the local body score built from them.

use crate::lexicon::{self, Cue};
use crate::lines::{byte_eq, Line};

/// What is known about one line before context is taken into account.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct Evidence {
    /// What the line's own text tells (the same wherever the line stands).
    pub own: Own,
    /// How many lines of the dump share this line's normalised text (1 = unique).
    pub copies: u32,
    /// Another copy stands within a few lines (a headline shown twice in a teaser).
    pub near_copy: bool,
    /// At least three short lines of the dump start with this line's first two
    /// words (`Posted by: …`, `Credit …`, `By …`): a template, not prose.
    pub template: bool,
    /// Words of the whole paragraph the line belongs to, when the paragraph
    /// is hard-wrapped over several lines (else the line's own).
    pub run_words: u32,
    /// The paragraph the line belongs to ends in sentence punctuation.
    pub run_terminal: bool,
    /// The share of the site's other pages that hold this line, from a
    /// [`SiteProfile`](crate::SiteProfile) (0 without one).
    pub recurring: f32,
    /// Local log-odds that the line is article text.
    pub logit: f32,
}

/// The text holds a clock time such as `8:03` or `20:45`: a digit, a
/// colon and two digits not followed by a third. Only where a colon stands
/// are the bytes around it looked at; the bytes are searched for colons
/// eight at a time.
fn has_clock_time(text: &str) -> bool {
    let b = text.as_bytes();
    let digit = |j: usize| b.get(j).is_some_and(u8::is_ascii_digit);
    let at = |j: usize| j >= 1 && digit(j - 1) && digit(j + 1) && digit(j + 2) && !digit(j + 3);
    let mut chunks = b.chunks_exact(8);
    let mut i = 0;
    for c in &mut chunks {
        let x = u64::from_le_bytes(c.try_into().unwrap_or([0; 8]));
        let mut m = byte_eq(x, b':');
        while m != 0 {
            if at(i + m.trailing_zeros() as usize / 8) {
                return true;
            }
            m &= m - 1;
        }
        i += 8;
    }
    (i..b.len()).any(|j| b[j] == b':' && at(j))
}

/// A line that stamps an item of a list: a time, a count, a date line, a
/// headline shown twice. Many stamps close together mark a teaser list or a
/// comment thread. (The four flags or'd as bits: no branch for each.)
#[inline(always)]
pub(crate) fn is_stamp(ev: &Evidence) -> bool {
    ev.own.time | ev.own.count | ev.own.dated | ev.near_copy
}

/// The largest share of function words in a fixtures row.
const FIXTURE_MAX_STOPWORDS: f32 = 0.15;

/// Lines longer than this (in words) are not template candidates.
const TEMPLATE_MAX_WORDS: u32 = 15;

/// A key of the first two words of a line (lowercased letters and digits),
/// 0 if it has fewer: the oracle of [`crate::lines::Lexical::prefix`].
#[cfg(test)]
fn prefix_key(text: &str) -> u64 {
    let mut it = text.split_whitespace();
    match (it.next(), it.next()) {
        (Some(a), Some(b)) => {
            let k = crate::keys::norm_key(a) ^ crate::keys::norm_key(b).rotate_left(17);
            if k == 0 {
                1
            } else {
                k
            }
        }
        _ => 0,
    }
}

/// `ln(1 + n)` of a count (words, chars): from a table of the same values
/// for counts below 1,024, computed once (the tests' way; the code takes
/// the table once per page, [`ln_table`]).
#[cfg(test)]
pub(crate) fn ln_1p(n: u32) -> f32 {
    LN_TABLE.ln_1p(n)
}

/// The values of `ln(1 + n)` for counts `n` below 1,024, computed once.
static LN_TABLE: std::sync::LazyLock<LnTable> =
    std::sync::LazyLock::new(|| LnTable(std::array::from_fn(|k| (1.0 + k as f32).ln())));

/// `ln(1 + k)` for each count `k` below 1,024: a loop over many lines
/// takes the table once ([`set_logits`], [`ln_table`]) instead of asking
/// the lazy static whether it is made at every count.
pub(crate) struct LnTable([f32; 1024]);

/// The table of `ln(1 + n)`, for a loop over many lines to take once.
pub(crate) fn ln_table() -> &'static LnTable {
    &LN_TABLE
}

impl LnTable {
    /// `ln(1 + n)`, from the table when it holds it.
    #[inline(always)]
    pub(crate) fn ln_1p(&self, n: u32) -> f32 {
        match self.0.get(n as usize) {
            Some(&v) => v,
            None => (1.0 + n as f32).ln(),
        }
    }
}

/// Copies of a line at most this many lines apart are "near".
const NEAR_COPY_LINES: usize = 6;

/// Gather the evidence for every line.
pub(crate) fn gather(lines: &[Line<'_>]) -> Vec<Evidence> {
    let words = crate::lines::WordKeys::of(lines, |_| None);
    gather_with(lines, &crate::lines::wrapped_runs(lines), &words, None)
}

/// What a line's own text tells, wherever the line stands: the costly part
/// of its evidence, which the settling pass takes from the first pass for
/// the lines it sees again.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct Own {
    /// The line's [`crate::keys::norm_key`].
    pub key: u64,
    /// The key of the line's first two words, for short lines (else 0).
    pub prefix: u64,
    /// A chrome cue phrase in a short line.
    pub cue: Option<Cue>,
    /// The line is only a time or an age (`12:00`, `3 hours ago`).
    pub time: bool,
    /// The line is only a number (a count).
    pub count: bool,
    /// A fixtures/results row (`Team A 20:45 Team B`, `Team A 2-1 Team B`).
    pub fixture: bool,
    /// Share of function words among the line's words.
    pub stopwords: f32,
    /// A short line that names a date or a clock time.
    pub dated: bool,
    /// A byline, a bare byline marker or an image credit.
    pub meta: bool,
    /// Share of capitalised words after the first ([`crate::lines::Lexical::caps`]).
    pub caps: f32,
}

impl Own {
    /// The line carries a chrome cue or is only a time or a count.
    pub(crate) fn marked(&self) -> bool {
        self.cue.is_some() || self.time || self.count
    }

    /// [`Own::marked`], or a fixtures row: a line of a list, not text.
    pub(crate) fn listed(&self) -> bool {
        self.marked() || self.fixture
    }

    /// The own evidence of `line`, whose content-word keys are `words`
    /// (inlined into its one caller's loop: no call, no copy of the result).
    #[inline(always)]
    fn of(line: &Line<'_>, words: &[u64]) -> Own {
        let text = line.text;
        let stopwords = line.lex.stopwords;
        Own {
            key: line.lex.key,
            prefix: if line.shape.words <= TEMPLATE_MAX_WORDS {
                line.lex.prefix
            } else {
                0
            },
            // The head of a comment section that repeats the post's title
            // (four words or more) is cued whatever its length.
            cue: if line.shape.words >= 4 && lexicon::titled_comments_head(text).is_some() {
                Some(Cue::Comments)
            } else {
                lexicon::cue_of(
                    text,
                    lexicon::is_sentence(line.shape.terminal, line.shape.words),
                    line.lex.cue_notes(),
                    words,
                )
            },
            // A time holds a decimal digit (an ASCII one, or an
            // alphanumeric char outside ASCII), a count an ASCII digit.
            time: (line.shape.digits > 0 || !line.lex.plain) && lexicon::is_time(text),
            count: line.shape.digits > 0 && lexicon::is_count(text),
            fixture: is_fixture_row(line, stopwords),
            stopwords,
            // A clock time has three ASCII digits, a date four in a row
            // (the year): fewer digits in the line rule them out.
            dated: line.shape.words <= 15
                && line.shape.digits >= 3
                && (has_clock_time(text)
                    || (line.shape.digits >= 4 && crate::date::find_date(text).is_some())),
            meta: lexicon::is_meta(text),
            caps: line.lex.caps,
        }
    }
}

/// A pseudo-count of pages without the line: evidence from few pages is
/// weak (a line on both pages of a two-page profile gets a share of 1/2).
const RECURRING_PRIOR: f32 = 1.0;

/// A page whose prose lines mostly recur on the site's other pages is a copy
/// of one of them, and learns nothing from the profile.
const COPY_SHARE: f32 = 0.5;

/// Words of a line counted as prose for [`COPY_SHARE`].
const PROSE_WORDS: u32 = 12;

/// Set the share of the site's other pages holding each line (left 0
/// without a profile, or for a page that copies another), shrunk towards 0
/// when the profile has few pages.
fn set_recurring(lines: &[Line<'_>], ev: &mut [Evidence], profile: Option<&crate::SiteProfile>) {
    let Some(p) = profile else { return };
    if p.pages() < 2 {
        return;
    }
    // The page itself is usually one of the profile's pages.
    let others = (p.pages() - 1) as f32;
    let (mut prose, mut copied) = (0u32, 0u32);
    for (l, e) in lines.iter().zip(ev.iter_mut()) {
        if e.own.key == 0 {
            continue;
        }
        let pages = p.count(e.own.key);
        if pages >= 2 {
            e.recurring = ((pages - 1) as f32 / (others + RECURRING_PRIOR)).min(1.0);
        }
        if l.shape.words >= PROSE_WORDS {
            prose += 1;
            copied += u32::from(pages >= 2);
        }
    }
    if prose > 0 && copied as f32 > COPY_SHARE * prose as f32 {
        for e in ev {
            e.recurring = 0.0;
        }
    }
}

/// Gather the evidence for every line, with the site's profile if any;
/// `runs` are the lines' hard-wrapped paragraphs
/// ([`crate::lines::wrapped_runs`]) and `words` their content-word keys.
pub(crate) fn gather_with(
    lines: &[Line<'_>],
    runs: &[std::ops::Range<usize>],
    words: &crate::lines::WordKeys,
    profile: Option<&crate::SiteProfile>,
) -> Vec<Evidence> {
    // Each line's own evidence, and the page's first sentences.
    let mut prose = Prose::default();
    let mut evidence: Vec<Evidence> = lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            if l.is_blank() {
                return Evidence::default();
            }
            prose.note(i, l);
            Evidence::unique(l, Own::of(l, words.get(i)))
        })
        .collect();
    level_caps(lines, &mut evidence, &prose);
    count_copies(&mut evidence, |_| true, |_| true);
    set_recurring(lines, &mut evidence, profile);
    set_logits(lines, runs, &mut evidence, |_, _| None);
    evidence
}

/// The capitalised share a German page's prose is mapped to
/// ([`level_caps`]): the median of the English pages' sentences on train
/// (innertext), the pages the models were fitted on.
const CAPS_PROSE: f32 = 0.125;

/// The least prose level of a page to be levelled: German pages' prose
/// holds 0.3 to 0.45 capitalised words, a level of 0.2 or less is near
/// enough to English prose (0.2 is about the 88th percentile of the English
/// pages of train), and their language is not read.
const CAPS_LEVELLED: f32 = 0.2;

/// The least words of a sentence read for the page's language and prose
/// level ([`level_caps`]).
const CAPS_PROSE_WORDS: u32 = 12;

/// The most sentences read for the page's language and prose level.
const CAPS_PROSE_LINES: usize = 16;

/// The least share of German-only function words
/// ([`crate::stopwords::german_only_words`]) among a page's sentences' words
/// for the page to read as German.
const GERMAN_SHARE: f32 = 0.06;

/// The most sentences read for the page's language.
const GERMAN_LINES: usize = 4;

/// The first sentences of a page ([`CAPS_PROSE_WORDS`] words or more,
/// [`CAPS_PROSE_LINES`] at most), noted as its lines are gathered.
#[derive(Default)]
struct Prose {
    /// The sentences' lines.
    lines: [usize; CAPS_PROSE_LINES],
    /// How many were noted.
    n: usize,
}

impl Prose {
    /// Note line `i`, `l`, if it is one of the page's first sentences.
    #[inline(always)]
    fn note(&mut self, i: usize, l: &Line<'_>) {
        if l.shape.words >= CAPS_PROSE_WORDS && l.shape.terminal && self.n < CAPS_PROSE_LINES {
            self.lines[self.n] = i;
            self.n += 1;
        }
    }
}

/// The capitalised shares of a German page mapped onto the levels the
/// models were fitted on. German capitalises every noun: its sentences
/// hold about a third of capitalised words after the first, English ones
/// an eighth, and the models read a capitalised line as a title, a name or
/// a menu. The page's prose level (the median share of its first
/// sentences of [`CAPS_PROSE_WORDS`] words or more) goes to
/// [`CAPS_PROSE`], all-capitalised lines stay at 1, and the shares between
/// are stretched linearly, so a menu still stands out from the prose.
/// The page is German when German-only function words make
/// [`GERMAN_SHARE`] of the words of its first [`GERMAN_LINES`] sentences.
fn level_caps(lines: &[Line<'_>], evidence: &mut [Evidence], prose: &Prose) {
    let n = prose.n;
    if n < 3 {
        return;
    }
    let mut caps = [0f32; CAPS_PROSE_LINES];
    for (c, &i) in caps.iter_mut().zip(&prose.lines[..n]) {
        *c = lines[i].lex.caps;
    }
    let (_, &mut level, _) = caps[..n].select_nth_unstable_by(n / 2, f32::total_cmp);
    if level <= CAPS_LEVELLED || level >= 1.0 {
        return;
    }
    let (mut words, mut german) = (0u32, 0u32);
    for &i in &prose.lines[..n.min(GERMAN_LINES)] {
        let (w, g) = crate::stopwords::german_only_words(lines[i].text);
        (words, german) = (words + w, german + g);
    }
    if (german as f32) < GERMAN_SHARE * words as f32 {
        return;
    }
    let to = CAPS_PROSE;
    for e in evidence.iter_mut() {
        let c = e.own.caps;
        e.own.caps = if c <= level {
            c * (to / level)
        } else {
            to + (c - level) * ((1.0 - to) / (1.0 - level))
        };
    }
}

/// [`gather_with`] for lines that are all (but the blank ones) copies of
/// lines of an earlier page: line `j` holds the text of line `from[j]`
/// there, whose evidence is `earlier` and paragraph `earlier_runs`.
///
/// The lines are then some of the earlier page's lines: a line that had
/// no copy there (or whose first two words no two other short lines
/// shared) has none here (nor a template), and so have the lines that
/// share its text (its first two words). Only the others are counted
/// again.
pub(crate) fn gather_copied(
    lines: &[Line<'_>],
    runs: &[std::ops::Range<usize>],
    words: &crate::lines::WordKeys,
    profile: Option<&crate::SiteProfile>,
    (earlier, earlier_runs): (&[Evidence], &[std::ops::Range<usize>]),
    from: &[Option<usize>],
) -> Vec<Evidence> {
    let mut copied = true;
    // Some line had copies, or was a template, on the earlier page.
    let mut shared = false;
    let mut prose = Prose::default();
    let mut evidence: Vec<Evidence> = lines
        .iter()
        .zip(from)
        .enumerate()
        .map(|(j, (l, f))| match f {
            _ if l.is_blank() => Evidence::default(),
            &Some(i) => {
                let k = &earlier[i];
                shared |= k.copies > 1 || k.template;
                prose.note(j, l);
                // What the earlier page counted, until counted again; the
                // capitalised share as the line measured it, levelled
                // below as this page's prose reads.
                let own = Own {
                    caps: l.lex.caps,
                    ..k.own
                };
                Evidence {
                    copies: k.copies,
                    template: k.template,
                    ..Evidence::unique(l, own)
                }
            }
            None => {
                copied = false;
                Evidence::default()
            }
        })
        .collect();
    if !copied {
        // Not the body of an earlier page: nothing to take from it.
        return gather_with(lines, runs, words, profile);
    }
    level_caps(lines, &mut evidence, &prose);
    if shared {
        count_copies(&mut evidence, |e| e.copies > 1, |e| e.template);
    }
    set_recurring(lines, &mut evidence, profile);
    // Without copies, templates or a profile, a copy's counts are those of
    // the line it copies (one copy, none near, no template, no recurrence
    // on either page): they need no comparing.
    let counted_alike = !shared && profile.is_none();
    // As in `gather_with`; the own evidence and the paragraph (the line
    // alone) of a copy are those of the line it copies.
    set_logits(lines, runs, &mut evidence, |j, e| {
        let i = from[j]?;
        let k = &earlier[i];
        let same = earlier_runs[i].len() == 1
            && k.own.caps == e.own.caps
            && (counted_alike
                || (k.copies, k.near_copy, k.template, k.recurring)
                    == (e.copies, e.near_copy, e.template, e.recurring));
        same.then_some(k.logit)
    });
    debug_assert!(evidence == gather_with(lines, runs, words, profile));
    evidence
}

impl Evidence {
    /// The evidence of line `l`, of own evidence `own`, before its copies,
    /// recurrence and paragraph are known: a line of its own.
    fn unique(l: &Line<'_>, own: Own) -> Evidence {
        Evidence {
            own,
            copies: 1,
            near_copy: false,
            template: false,
            run_words: l.shape.words,
            run_terminal: l.shape.terminal,
            recurring: 0.0,
            logit: 0.0,
        }
    }
}

/// Copies of each line in the dump, and copies close together, and lines
/// sharing their first two words with other short lines, counted among
/// the lines whose evidence, as it stands before, `by_key` (by text) and
/// `by_prefix` (by first words); the others keep what they have (neither
/// may read `near_copy`, which the count sets). Both tables are sized for
/// a key a line, more than they hold (no counting pass first, and no
/// growing), and the slot of each line's keys is kept, so that its counts
/// are read back without looking its keys up again.
fn count_copies(
    evidence: &mut [Evidence],
    by_key: impl Fn(&Evidence) -> bool,
    by_prefix: impl Fn(&Evidence) -> bool,
) {
    KEY_TABLES.with_borrow_mut(|(counts, prefix_counts, slots)| {
        counts.reset(evidence.len());
        prefix_counts.reset(evidence.len());
        // The slots of each line's keys, collected from a range (no test
        // of the vector's room at each line).
        slots.clear();
        slots.extend((0..evidence.len()).map(|i| {
            let e = &evidence[i];
            // Both read before either is counted.
            let keyed = e.own.key != 0 && by_key(e);
            let prefixed = e.own.prefix != 0 && by_prefix(e);
            let prefix_slot = if prefixed {
                let slot = prefix_counts.enter(e.own.prefix);
                *prefix_counts.at_mut(slot) += 1;
                slot as u32
            } else {
                NO_SLOT
            };
            let key_slot = if keyed {
                let slot = counts.enter(e.own.key);
                let c = counts.at_mut(slot);
                let last = c.1 as usize;
                if c.0 > 0 && i - last <= NEAR_COPY_LINES {
                    evidence[i].near_copy = true;
                    evidence[last].near_copy = true;
                }
                // The line's index fits in a `u32` as its slot does (the
                // table has over twice as many slots as there are lines).
                *c = (c.0 + 1, i as u32);
                slot as u32
            } else {
                NO_SLOT
            };
            (key_slot, prefix_slot)
        }));
        for (e, &(key_slot, prefix_slot)) in evidence.iter_mut().zip(slots.iter()) {
            if key_slot != NO_SLOT {
                e.copies = counts.at(key_slot as usize).0;
            }
            if prefix_slot != NO_SLOT {
                e.template = *prefix_counts.at(prefix_slot as usize) >= 3;
            }
        }
    });
}

/// The slot of a line's key that [`count_copies`] did not count.
const NO_SLOT: u32 = u32::MAX;

/// Each line's paragraph words and local log-odds; hard-wrapped paragraphs
/// are measured whole. `known(i, e)` gives the log-odds an earlier page
/// had for line `i`, alone in its paragraph here, when they are those of
/// its evidence `e`.
///
/// One walk over the lines, their evidence and paragraphs side by side (no
/// index to check): a line alone in its paragraph (most lines) already has
/// its own words and end as its paragraph's ([`Evidence::unique`], or the
/// default of a blank line), and the lines of a hard-wrapped paragraph take
/// its shape, measured at its first line (the oracle in the tests walks
/// the paragraphs by index).
fn set_logits(
    lines: &[Line<'_>],
    runs: &[std::ops::Range<usize>],
    evidence: &mut [Evidence],
    known: impl Fn(usize, &Evidence) -> Option<f32>,
) {
    debug_assert!(runs.len() == lines.len() && evidence.len() == lines.len());
    let ln = &*LN_TABLE;
    // The shape of the hard-wrapped paragraph the walk is in, if any.
    let mut wrapped = crate::lines::Shape::default();
    for (i, ((line, e), r)) in lines.iter().zip(evidence.iter_mut()).zip(runs).enumerate() {
        debug_assert!(r.contains(&i));
        if r.len() == 1 {
            debug_assert_eq!(
                (e.run_words, e.run_terminal),
                (line.shape.words, line.shape.terminal)
            );
            if !line.is_blank() {
                e.logit = known_or_local(line, e, &line.shape, known(i, e), ln);
            }
            continue;
        }
        if r.start == i {
            wrapped = run_shape(lines, r.clone());
        }
        (e.run_words, e.run_terminal) = (wrapped.words, wrapped.terminal);
        if !line.is_blank() {
            e.logit = local_logit(line, e, &wrapped, ln);
        }
    }
}

/// The local log-odds `known` from an earlier page (which are those of
/// `line`, of evidence `e`, in a paragraph of shape `s`), else computed.
#[inline(always)]
fn known_or_local(
    line: &Line<'_>,
    e: &Evidence,
    s: &crate::lines::Shape,
    known: Option<f32>,
    ln: &LnTable,
) -> f32 {
    match known {
        Some(logit) => {
            debug_assert_eq!(logit.to_bits(), local_logit(line, e, s, ln).to_bits());
            logit
        }
        None => local_logit(line, e, s, ln),
    }
}

/// A table from keys that are hashes already ([`crate::keys::norm_key`],
/// never 0) to values: open addressing in slots for twice the keys it is
/// made for, the per-process seed mixed in (as in
/// [`crate::keys::KeyHasher`]) so that crafted input cannot pile keys
/// into one run of slots. The table is reused from page to page
/// ([`KeyTable::reset`]): a slot written for an earlier page has an older
/// generation and counts as empty, so emptying the table costs nothing.
struct KeyTable<V> {
    slots: Vec<KeySlot<V>>,
    mask: usize,
    seed: u64,
    generation: u32,
    /// The value of a key when it is entered.
    init: V,
}

/// A slot of a [`KeyTable`]: empty unless of the table's generation.
#[derive(Debug, Clone, Copy)]
struct KeySlot<V> {
    key: u64,
    generation: u32,
    value: V,
}

impl<V: Copy> KeyTable<V> {
    /// An empty table (of no slots: [`KeyTable::reset`] it before use)
    /// whose keys are entered with the value `init`.
    fn new(init: V) -> KeyTable<V> {
        KeyTable {
            slots: Vec::new(),
            mask: 0,
            seed: crate::keys::key_seed(),
            generation: 0,
            init,
        }
    }

    /// A table for at most `n` keys, each entered with the value `init`.
    #[cfg(test)]
    fn with_keys(n: usize, init: V) -> KeyTable<V> {
        let mut t = KeyTable::new(init);
        t.reset(n);
        t
    }

    /// Empty the table for at most `n` keys.
    fn reset(&mut self, n: usize) {
        let size = (2 * n).next_power_of_two();
        if size > self.slots.len() {
            let empty = KeySlot {
                key: 0,
                generation: 0,
                value: self.init,
            };
            self.slots = vec![empty; size];
            self.generation = 0;
        }
        self.generation = self.generation.wrapping_add(1);
        if self.generation == 0 {
            for s in &mut self.slots {
                s.generation = 0;
            }
            self.generation = 1;
        }
        self.mask = size - 1;
    }

    /// The slot of `key` or the empty slot where it would go.
    #[inline]
    fn slot(&self, key: u64) -> usize {
        let slots = &self.slots[..=self.mask];
        let mut i =
            ((key ^ self.seed).wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 32) as usize & self.mask;
        while slots[i].generation == self.generation && slots[i].key != key {
            i = (i + 1) & self.mask;
        }
        i
    }

    /// The slot of `key` (not 0), entered with the initial value if it
    /// was not in the table: the key stays in that slot (and its value
    /// there, [`KeyTable::at`]) until the table is reset.
    #[inline]
    fn enter(&mut self, key: u64) -> usize {
        debug_assert!(key != 0);
        let i = self.slot(key);
        let (generation, init) = (self.generation, self.init);
        let s = &mut self.slots[i];
        if s.generation != generation {
            *s = KeySlot {
                key,
                generation,
                value: init,
            };
        }
        i
    }

    /// The value in `slot`, where [`KeyTable::enter`] entered a key.
    #[inline]
    fn at(&self, slot: usize) -> &V {
        &self.slots[slot].value
    }

    /// The value in `slot`, where [`KeyTable::enter`] entered a key.
    #[inline]
    fn at_mut(&mut self, slot: usize) -> &mut V {
        &mut self.slots[slot].value
    }

    /// The value of `key` (not 0), entered with the initial value if it
    /// was not in the table.
    #[cfg(test)]
    fn entry(&mut self, key: u64) -> &mut V {
        let i = self.enter(key);
        self.at_mut(i)
    }

    /// The value of `key`, if it was entered (never for 0).
    #[cfg(test)]
    fn get(&self, key: u64) -> Option<&V> {
        if key == 0 || self.slots.is_empty() {
            return None;
        }
        let s = &self.slots[self.slot(key)];
        (s.generation == self.generation && s.key == key).then_some(&s.value)
    }
}

thread_local! {
    /// The tables [`count_copies`] counts copies of lines and of their
    /// first two words in, and the slots of each line's keys in them, kept
    /// for the thread's next page. A line's copies are counted with the
    /// index of the last one as a `u32`, not a `usize`: 24-byte slots, not
    /// 32, for a table whose loads, at random slots of a large page's
    /// table, miss the cache.
    #[allow(clippy::type_complexity)]
    static KEY_TABLES: std::cell::RefCell<(KeyTable<(u32, u32)>, KeyTable<u32>, Vec<(u32, u32)>)> =
        std::cell::RefCell::new((KeyTable::new((0, u32::MAX)), KeyTable::new(0), Vec::new()));
}

/// `Team Team 20:45 Other Other`, `Team 2 - 1 Other`: a short line without
/// sentence punctuation whose middle is a time, a short date or a score.
///
/// Inlined: most lines fail the test of their shape, and leave without a
/// call; the bytes of the rest are searched by [`has_fixture_middle`].
#[inline(always)]
fn is_fixture_row(line: &Line<'_>, stopwords: f32) -> bool {
    let s = &line.shape;
    if s.words < 3 || s.words > 16 || s.terminal || s.ellipsis || s.digits == 0 || s.digits > 8 {
        return false;
    }
    has_fixture_middle(line, stopwords)
}

/// [`is_fixture_row`] for a line of a row's shape: few stopwords, and a
/// middle token that is a time, a short date or a score.
#[inline(never)]
fn has_fixture_middle(line: &Line<'_>, stopwords: f32) -> bool {
    // Rows name teams; a teaser sentence reporting a score ("won 4-3 against")
    // is written in running text.
    if stopwords > FIXTURE_MAX_STOPWORDS || !has_digit_sep_digit(line.text.as_bytes()) {
        return false;
    }
    let middle = |t: &str| {
        let b = t.as_bytes();
        let sep = b.iter().position(|&c| matches!(c, b':' | b'/' | b'-'));
        match sep {
            Some(i) if i > 0 && i + 1 < b.len() => {
                b[..i].iter().all(u8::is_ascii_digit)
                    && b[i + 1..].iter().all(u8::is_ascii_digit)
                    && b.len() <= 5
            }
            _ => false,
        }
    };
    // A token between the first and the last (so of a line of three or
    // more), tested once the token after it is seen: no list of tokens.
    let mut toks = line.text.split_whitespace();
    toks.next();
    let mut prev: Option<&str> = None;
    for t in toks {
        if prev.is_some_and(middle) {
            return true;
        }
        prev = Some(t);
    }
    false
}

/// `b` holds an ASCII digit, then `:`, `/` or `-`, then an ASCII digit:
/// the middle token of a fixtures row (`20:45`, `2-1`, `09/08`) does, so a
/// line without them is no row, and its tokens are not split out. The
/// separators are found eight bytes at a time.
fn has_digit_sep_digit(b: &[u8]) -> bool {
    let digit = |j: usize| b.get(j).is_some_and(u8::is_ascii_digit);
    let at = |j: usize| j >= 1 && digit(j - 1) && digit(j + 1);
    let mut chunks = b.chunks_exact(8);
    let mut i = 0;
    for c in &mut chunks {
        let x = u64::from_le_bytes(c.try_into().unwrap_or([0; 8]));
        let mut m = byte_eq(x, b':') | byte_eq(x, b'/') | byte_eq(x, b'-');
        while m != 0 {
            if at(i + m.trailing_zeros() as usize / 8) {
                return true;
            }
            m &= m - 1;
        }
        i += 8;
    }
    (i..b.len()).any(|j| matches!(b[j], b':' | b'/' | b'-') && at(j))
}

pub(crate) use crate::model::N_LOCAL;

/// The names of the local features, in the order [`local_features`] gives
/// them: `tools/fit.py` writes them into [`crate::model`] with the weights,
/// and a test checks that the two lists agree.
pub(crate) const LOCAL_FEATURES: [&str; N_LOCAL] = [
    "bias",
    "log_words",
    "log_chars",
    "terminal",
    "ellipsis",
    "inner_stops",
    "commas",
    "digit_ratio",
    "all_caps",
    "separators",
    "starts_lower",
    "bullet",
    "cue_related",
    "cue_comments",
    "cue_promo",
    "cue_footer",
    "cue_navigation",
    "cue_fixtures",
    "time",
    "count",
    "fixture_row",
    "near_copy",
    "far_copy",
    "meta",
    "dated",
    "words_le_2",
    "words_le_5",
    "ends_colon",
    "urlish",
    "word_length",
    "opens_quote",
    "no_letters",
    "stopwords",
    "log_words_terminal",
    "template",
    "capitalised",
];

/// The stop-word share the local features give a line written mostly in
/// a script without spaces (CJK, Thai, Kana, Hangul), for which the crate
/// has no stop-word list: the median share of the gold body lines of
/// eight words or more in train/ (0.38), so that the share neither counts
/// for nor against such a line.
const CJK_STOPWORD_SHARE: f32 = 0.38;

/// The word length (letters a word, over ten) the local features give such
/// a line: the median of the same gold body lines in train/ (0.47).
const CJK_WORD_LENGTH: f32 = 0.47;

/// The shape of the lines `run` (one line, or a hard-wrapped paragraph) as one text.
pub(crate) fn run_shape(lines: &[Line<'_>], run: std::ops::Range<usize>) -> crate::lines::Shape {
    lines[run.clone()]
        .iter()
        .skip(1)
        .fold(lines[run.start].shape, |acc, l| acc.then(l.shape))
}

/// The text holds `http`, `www.` or `.com`. Every such string ends in a
/// `p` or holds a `.`: only where those bytes stand are the bytes around
/// them compared, and the bytes are searched for them eight at a time. (The
/// scan finds the same: [`crate::lines::Lexical::urlish`].)
#[cfg(test)]
fn is_urlish(text: &str) -> bool {
    let b = text.as_bytes();
    let at = |i: usize| match b[i] {
        b'p' => i >= 3 && &b[i - 3..i] == b"htt",
        b'.' => (i >= 3 && &b[i - 3..i] == b"www") || b[i + 1..].starts_with(b"com"),
        _ => false,
    };
    let mut chunks = b.chunks_exact(8);
    let mut i = 0;
    for c in &mut chunks {
        let x = u64::from_le_bytes(c.try_into().unwrap_or([0; 8]));
        let mut m = byte_eq(x, b'p') | byte_eq(x, b'.');
        while m != 0 {
            if at(i + m.trailing_zeros() as usize / 8) {
                return true;
            }
            m &= m - 1;
        }
        i += 8;
    }
    (i..b.len()).any(at)
}

/// The local model's log-odds for a line whose paragraph has the shape `s`:
/// `local_logit_oracle` (the weights times [`local_features`], summed in
/// order) without building the features. The products are added in the
/// same order, but a flag's product is added only where the flag is set (it
/// is the weight itself: `w * 1.0 == w`); where it is clear, the product
/// is `±0.0`, which leaves the sum as it is: the sum starts at the bias
/// weight (not 0) and is never `-0.0` after it (a sum of two numbers that
/// cancel is `+0.0`), and `x + ±0.0 == x` for every other `x`. A test
/// checks the two bit for bit.
#[inline(always)]
fn local_logit(line: &Line<'_>, ev: &Evidence, s: &crate::lines::Shape, ln: &LnTable) -> f32 {
    let mut sum = LogitSum::new();
    let lw = ln.ln_1p(s.words);
    sum.number(lw);
    sum.number(ln.ln_1p(chars(s)));
    sum.flag(s.terminal);
    sum.flag(s.ellipsis);
    sum.number(s.inner_stops.min(4) as f32);
    sum.number(s.commas.min(4) as f32);
    sum.number(digit_ratio(s));
    sum.flag(all_caps(s));
    sum.number(s.separators.min(4) as f32);
    sum.flag(s.starts_lower);
    sum.flag(s.bullet);
    // One flag a cue, at most one of them set.
    sum.one_of(CUE_FEATURES, ev.own.cue.map(cue_feature));
    sum.flag(ev.own.time);
    sum.flag(ev.own.count);
    sum.flag(ev.own.fixture);
    sum.flag(ev.near_copy);
    sum.flag(ev.copies > 1 && !ev.near_copy);
    sum.flag(ev.own.meta);
    sum.flag(ev.own.dated);
    sum.flag(s.words <= 2);
    sum.flag(s.words <= 5);
    sum.flag(line.text.ends_with(':'));
    sum.flag(line.lex.urlish);
    sum.number(word_length(s));
    sum.flag(opens_quote(line.text));
    sum.flag(s.letters == 0);
    sum.number(stopword_share(ev, s));
    if s.terminal {
        sum.number(lw);
    } else {
        sum.skip();
    }
    sum.flag(ev.template);
    sum.number(ev.own.caps);
    sum.end()
}

// The sum of `local_logit` starts at a bias weight that is not 0.
const _: () = assert!(crate::model::LOCAL[0] != 0.0, "a bias weight of 0");

/// The local model's log-odds as the weights times [`local_features`]:
/// the oracle of [`local_logit`].
#[cfg(test)]
fn local_logit_oracle(line: &Line<'_>, ev: &Evidence, s: &crate::lines::Shape) -> f32 {
    crate::model::dot(&crate::model::LOCAL, &local_features(line, ev, s))
}

/// The sum of [`local_logit`]: the local weights times the features, the
/// features given one by one in the order of [`LOCAL_FEATURES`] (the bias
/// first, which [`LogitSum::new`] adds).
struct LogitSum {
    sum: f32,
    /// The index of the next feature.
    next: usize,
}

impl LogitSum {
    /// The sum of the bias alone, as `Sum` for `f32` starts it (at `-0.0`).
    #[inline(always)]
    fn new() -> LogitSum {
        LogitSum {
            sum: -0.0 + crate::model::LOCAL[0] * 1.0,
            next: 1,
        }
    }

    /// Add the next feature, of value `x`.
    #[inline(always)]
    fn number(&mut self, x: f32) {
        self.sum += crate::model::LOCAL[self.next] * x;
        self.next += 1;
    }

    /// Add the next feature, a flag (1 where set, else 0): its weight
    /// where set, else `+0.0`, picked from [`FLAG_TERMS`] by the flag (a
    /// load and an add, no branch). Adding `+0.0` leaves the sum as it is:
    /// the sum starts at the bias, not 0 (asserted below `local_logit`),
    /// so it is never `-0.0` (a sum of two numbers that is zero is
    /// `+0.0`, unless both are `-0.0`), the one value `+0.0` would change.
    #[inline(always)]
    fn flag(&mut self, set: bool) {
        self.sum += FLAG_TERMS[self.next][usize::from(set)];
        self.next += 1;
    }

    /// Pass over the next feature, which is 0.
    #[inline(always)]
    fn skip(&mut self) {
        self.next += 1;
    }

    /// Add the next `n` features, flags of which at most the one at `set`
    /// (counted from the first of them) is set.
    #[inline(always)]
    fn one_of(&mut self, n: usize, set: Option<usize>) {
        if let Some(k) = set {
            debug_assert!(k < n);
            self.sum += crate::model::LOCAL[self.next + k];
        }
        self.next += n;
    }

    /// The sum, once every feature is added.
    #[inline(always)]
    fn end(self) -> f32 {
        debug_assert_eq!(self.next, N_LOCAL);
        self.sum
    }
}

/// What [`LogitSum::flag`] adds for each local feature: `+0.0` where the
/// flag is not set, the feature's weight where it is.
static FLAG_TERMS: [[f32; 2]; N_LOCAL] = {
    let mut terms = [[0.0; 2]; N_LOCAL];
    let mut i = 0;
    while i < N_LOCAL {
        terms[i][1] = crate::model::LOCAL[i];
        i += 1;
    }
    terms
};

/// The cues of the local features, in their order there.
const CUE_FEATURE_ORDER: [Cue; 6] = [
    Cue::Related,
    Cue::Comments,
    Cue::Promo,
    Cue::Footer,
    Cue::Navigation,
    Cue::Fixtures,
];

/// How many local features are cue flags.
const CUE_FEATURES: usize = CUE_FEATURE_ORDER.len();

/// The index of the flag of cue `c` among the local features' cue flags.
#[inline(always)]
fn cue_feature(c: Cue) -> usize {
    match c {
        Cue::Related => 0,
        Cue::Comments => 1,
        Cue::Promo => 2,
        Cue::Footer => 3,
        Cue::Navigation => 4,
        Cue::Fixtures => 5,
    }
}

/// The share of digits among the letters and digits of a paragraph of shape `s`.
#[inline(always)]
pub(crate) fn digit_ratio(s: &crate::lines::Shape) -> f32 {
    if s.letters + s.digits > 0 {
        s.digits as f32 / (s.letters + s.digits) as f32
    } else {
        0.0
    }
}

/// A paragraph of shape `s` is written in capitals (70% of its letters or
/// more, of six or more).
#[inline(always)]
pub(crate) fn all_caps(s: &crate::lines::Shape) -> bool {
    s.letters >= 6 && s.upper * 10 >= s.letters * 7
}

/// The paragraph of shape `s` is written mostly in a script without spaces.
#[inline(always)]
pub(crate) fn unspaced(s: &crate::lines::Shape) -> bool {
    s.cjk * 2 > s.letters
}

/// The chars of a paragraph of shape `s`; for one written mostly in a
/// script without spaces, those of as many words of the median word length
/// and a space each.
#[inline(always)]
fn chars(s: &crate::lines::Shape) -> u32 {
    if unspaced(s) {
        s.words * 57 / 10
    } else {
        s.chars
    }
}

/// Letters a word of a paragraph of shape `s`, over ten, at most 1.5.
#[inline(always)]
fn word_length(s: &crate::lines::Shape) -> f32 {
    if unspaced(s) {
        return CJK_WORD_LENGTH;
    }
    (s.letters as f32 / (s.words as f32).max(1.0) / 10.0).min(1.5)
}

/// The text opens with a quotation mark or a dash. Only a first byte
/// outside ASCII is decoded as a char.
#[inline(always)]
fn opens_quote(text: &str) -> bool {
    match text.as_bytes().first() {
        Some(b'"' | b'\'') => true,
        Some(&b) if b >= 0x80 => {
            matches!(text.chars().next(), Some('“' | '„' | '«' | '‘' | '—' | '–'))
        }
        _ => false,
    }
}

/// The stop-word share the local features give a line of evidence `ev` in
/// a paragraph of shape `s`: see [`CJK_STOPWORD_SHARE`].
#[inline(always)]
fn stopword_share(ev: &Evidence, s: &crate::lines::Shape) -> f32 {
    if unspaced(s) {
        CJK_STOPWORD_SHARE
    } else {
        ev.own.stopwords
    }
}

/// The local features of a line whose paragraph has the shape `s` (see
/// [`run_shape`]), for the linear model in [`crate::model`].
#[inline(always)]
pub(crate) fn local_features(
    line: &Line<'_>,
    ev: &Evidence,
    s: &crate::lines::Shape,
) -> [f32; N_LOCAL] {
    let mut out = [1.0; N_LOCAL];
    let unbiased = (&mut out[1..]).try_into().expect("the local features");
    write_unbiased_local(line, ev, s, &LN_TABLE, unbiased);
    out
}

/// [`local_features`] but the bias, written to `out`: the body model reads
/// them where they lie in its own features (no copy of them per line), and
/// a walk over many lines takes the table of logarithms `ln` once.
#[inline(always)]
pub(crate) fn write_unbiased_local(
    line: &Line<'_>,
    ev: &Evidence,
    s: &crate::lines::Shape,
    ln: &LnTable,
    out: &mut [f32; N_LOCAL - 1],
) {
    let text = line.text;
    let b = |x: bool| if x { 1.0 } else { 0.0 };
    let cue = |c: Cue| b(ev.own.cue == Some(c));
    let lw = ln.ln_1p(s.words);
    *out = [
        lw,
        ln.ln_1p(chars(s)),
        b(s.terminal),
        b(s.ellipsis),
        s.inner_stops.min(4) as f32,
        s.commas.min(4) as f32,
        digit_ratio(s),
        b(all_caps(s)),
        s.separators.min(4) as f32,
        b(s.starts_lower),
        b(s.bullet),
        cue(Cue::Related),
        cue(Cue::Comments),
        cue(Cue::Promo),
        cue(Cue::Footer),
        cue(Cue::Navigation),
        cue(Cue::Fixtures),
        b(ev.own.time),
        b(ev.own.count),
        b(ev.own.fixture),
        b(ev.near_copy),
        b(ev.copies > 1 && !ev.near_copy),
        b(ev.own.meta),
        b(ev.own.dated),
        b(s.words <= 2),
        b(s.words <= 5),
        b(text.ends_with(':')),
        b(line.lex.urlish),
        word_length(s),
        // A quotation mark or a dash first (only a first byte outside
        // ASCII decoded as a char).
        b(opens_quote(text)),
        b(s.letters == 0),
        stopword_share(ev, s),
        lw * b(s.terminal),
        b(ev.template),
        ev.own.caps,
    ];
}

/// Share of the words after the first that start with a capital letter:
/// the oracle of [`crate::lines::Lexical::caps`].
#[cfg(test)]
fn capitalised_share(text: &str) -> f32 {
    let mut n = 0u32;
    let mut caps = 0u32;
    for w in text.split_whitespace().skip(1).take(40) {
        if let Some(c) = w.chars().find(|c| c.is_alphanumeric()) {
            n += 1;
            if c.is_uppercase() {
                caps += 1;
            }
        }
    }
    if n == 0 {
        0.0
    } else {
        caps as f32 / n as f32
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lines::split_lines;

    type Measures = (crate::lines::Shape, crate::lines::Lexical, Vec<u64>);

    /// [`crate::lines::measure`], with the content-word keys each once (as
    /// a line's [`crate::lines::WordKeys`] keeps them), sorted.
    fn measure(text: &str) -> Measures {
        let mut keys = Vec::new();
        let (shape, lex) = crate::lines::measure(text, &mut keys);
        keys.sort_unstable();
        keys.dedup();
        (shape, lex, keys)
    }

    /// [`set_logits`] as first written, by index: each paragraph's lines
    /// given their words, end and log-odds at its first line.
    fn set_logits_by_index(
        lines: &[Line<'_>],
        runs: &[std::ops::Range<usize>],
        evidence: &mut [Evidence],
    ) {
        let mut i = 0;
        while i < lines.len() {
            let r = runs[i].clone();
            if r.len() == 1 {
                let (line, e) = (&lines[i], &mut evidence[i]);
                (e.run_words, e.run_terminal) = (line.shape.words, line.shape.terminal);
                if !line.is_blank() {
                    e.logit = local_logit(line, e, &line.shape, &LN_TABLE);
                }
                i += 1;
                continue;
            }
            let shape = run_shape(lines, r.clone());
            for (line, e) in lines[r.clone()].iter().zip(&mut evidence[r.clone()]) {
                (e.run_words, e.run_terminal) = (shape.words, shape.terminal);
                if !line.is_blank() {
                    e.logit = local_logit(line, e, &shape, &LN_TABLE);
                }
            }
            i = r.end.max(i + 1);
        }
    }

    proptest::proptest! {
        #![proptest_config(crate::test_support::proptest_config())]
        /// Pages of paragraphs, hard-wrapped ones among them, of repeated
        /// and blank lines: the evidence gathered is that of the walk by
        /// index over the paragraphs, bit for bit.
        #[test]
        fn logits_walked_equal_those_set_by_index(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "", "", "Home", "12:00", "Read more", "Posted by: Anna",
                "The council met on Tuesday to discuss the new",
                "bridge over the river, which has been delayed",
                "for years by disputes over its cost.",
                "A paragraph of its own that ends with a full stop, as text does.",
                "Menu        Search",
            ]), 0..40),
        ) {
            let input = parts.join("\n");
            let lines = split_lines(&input);
            let runs = crate::lines::wrapped_runs(&lines);
            let ev = gather(&lines);
            // The evidence as it stands before its paragraphs are measured.
            let mut by_index: Vec<Evidence> = lines
                .iter()
                .zip(&ev)
                .map(|(l, e)| {
                    if l.is_blank() {
                        return Evidence::default();
                    }
                    Evidence {
                        copies: e.copies,
                        near_copy: e.near_copy,
                        template: e.template,
                        recurring: e.recurring,
                        ..Evidence::unique(l, e.own)
                    }
                })
                .collect();
            set_logits_by_index(&lines, &runs, &mut by_index);
            let key = |ev: &[Evidence]| -> Vec<(u32, bool, u32)> {
                ev.iter().map(|e| (e.run_words, e.run_terminal, e.logit.to_bits())).collect()
            };
            proptest::prop_assert_eq!(key(&ev), key(&by_index));
            proptest::prop_assert_eq!(ev, by_index);
        }
    }

    /// The cue lexicons whose phrases occur in `text` as sequences of its
    /// words, for a short line that is no sentence (else 0): the words
    /// split off one by one, each phrase compared at each word.
    fn cue_candidates_oracle(text: &str) -> u8 {
        let shape = crate::lines::Shape::measure(text);
        if !lexicon::is_short_cue_line(text, shape.terminal, shape.words) {
            return 0;
        }
        let words: Vec<u64> = text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(crate::keys::norm_key)
            .collect();
        lexicon::cue_phrase_keys()
            .iter()
            .filter(|(_, phrase)| {
                !phrase.is_empty() && words.windows(phrase.len()).any(|w| w == &phrase[..])
            })
            .fold(0, |found, (k, _)| found | 1 << k)
    }

    /// [`crate::lines::measure`] as the separate passes it fuses compute it.
    fn measure_oracle(text: &str) -> Measures {
        let mut keys = Vec::new();
        crate::keys::for_each_word(text, |k, len| {
            if len >= crate::keys::MIN_CONTENT_WORD {
                keys.push(k);
            }
        });
        keys.sort_unstable();
        keys.dedup();
        (
            crate::lines::Shape::measure(text),
            crate::lines::Lexical {
                key: crate::keys::norm_key(text),
                prefix: prefix_key(text),
                stopwords: crate::stopwords::stopword_share(text),
                caps: capitalised_share(text),
                plain: !text.chars().any(|c| !c.is_ascii() && c.is_alphanumeric()),
                copyright: text.contains('©'),
                cues: cue_candidates_oracle(text),
                short_legal: text
                    .split(|c: char| !c.is_alphanumeric())
                    .any(|w| matches!(w.to_lowercase().as_str(), "agb" | "nas")),
                urlish: text.contains("http") || text.contains("www.") || text.contains(".com"),
            },
            keys,
        )
    }

    #[test]
    fn fused_measure_equals_the_separate_passes() {
        for text in [
            "",
            " ",
            "The cat and the dog, said Mr. Smith. Then: nothing!",
            "\u{201c}The\u{201d} “quoted” word’s end… and İstanbul ß Straße",
            "Ⅷ Ⓐbc ٣٤ 12:00 | Home / News > Sport • More",
            "这是一个测试句子。 日本語のテキスト、です！",
            "l'homme de la rue\u{a0}et\u{3000}le chat",
            "a\u{301}bc DE\u{301}F x\u{200d}y",
            "abcdefgh abcdefghi ''the'' (die) und'",
            "café-crème Straße_abc über1234 x\u{301}yzw ١٢٣٤٥",
            "-- ... ,,, !!!",
            "Read also: more news",
            "© 2024 Privacy policy | Home",
            "read-also_home privacy",
            "see https://www.example.com/x now",
            "xhttpx www. .com http",
            "abcdefghhttpq aaaaaaaaaaaaaaaahttp abchttpabcdefgh ahttpb",
            "HTTP WWW.X .COM ww.w htt.p",
            "http",
            "xhttp",
            "pppp pphttp",
        ] {
            assert_eq!(measure(text), measure_oracle(text), "{text:?}");
        }
    }

    proptest::proptest! {
        #![proptest_config(crate::test_support::proptest_config())]
        #[test]
        fn key_table_counts_as_a_hash_map(
            // Keys that share their low bits, and keys that do not, for
            // pages one after another in the same table.
            pages in proptest::collection::vec(
                proptest::collection::vec((0u64..8, 1u64..4), 0..60),
                1..4,
            ),
            probes in proptest::collection::vec(0u64..10, 0..10),
        ) {
            let mut table = KeyTable::with_keys(0, 0u32);
            for keys in &pages {
                let keys: Vec<u64> = keys.iter().map(|&(high, low)| high << 40 | low).collect();
                let distinct = keys.iter().collect::<std::collections::HashSet<_>>().len();
                table.reset(distinct);
                let mut map = std::collections::HashMap::new();
                for &k in &keys {
                    *table.entry(k) += 1;
                    *map.entry(k).or_insert(0u32) += 1;
                }
                for k in keys.iter().copied().chain(probes.iter().map(|&p| p << 40)).chain([0]) {
                    proptest::prop_assert_eq!(table.get(k), map.get(&k));
                }
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(crate::test_support::proptest_config())]
        #[test]
        fn dated_lines_are_those_with_a_clock_time_or_a_date(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "1", "12", "2025", "٣", ":", "8:03", "20:45", "-", "/", ".", " ", "August",
                "augustus", "de", "agosto", "08", "x", "é", ",", "vor", "hours", "ago", "h",
                "uur", "(", ")", "k", "١٢", "٣٠", "٫", "Ⅷ",
            ]), 0..24)
        ) {
            let text: String = parts.concat();
            for l in split_lines(&text) {
                let want = l.shape.words <= 15
                    && (has_clock_time(l.text) || crate::date::find_date(l.text).is_some());
                let mut keys = Vec::new();
                crate::lines::measure(l.text, &mut keys);
                let own = Own::of(&l, &keys);
                proptest::prop_assert_eq!(own.dated, want, "{:?}", l.text);
                proptest::prop_assert_eq!(own.time, lexicon::is_time(l.text), "{:?}", l.text);
                proptest::prop_assert_eq!(own.count, lexicon::is_count(l.text), "{:?}", l.text);
            }
        }
    }

    #[test]
    fn fused_measure_counts_runs_too_long_for_the_count_fields() {
        let long = "aB".repeat(1 << 20) + "Zp1http x";
        assert_eq!(measure(&long), measure_oracle(&long));
        let long = "Ab".repeat(1 << 20) + "www.x";
        assert_eq!(measure(&long), measure_oracle(&long));
    }

    proptest::proptest! {
        #![proptest_config(crate::test_support::proptest_config())]
        #[test]
        fn fused_measure_equals_the_separate_passes_on_any_text(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "the", "THE", "and", "De", "het", "of", "a", "x", "Cat", "1990", "12:30",
                "abcdefgh", "abcdefghi", "und'", "(die)", "Über", "façade", "İ", "ß", "Ⅷ", "à", "Één", "für",
                "Ⓐ", "٣", "日本", "。", "，", "！", "\u{301}", "\u{200d}", "“", "”", "’", "…",
                "•", "»", "|", "/", ">", ".", "!", "?", ";", ",", "'", "-", "*", " ", "  ",
                "\t", "\u{a0}", "\u{3000}", "\u{2028}", "\x0b", "\x1c",
                "read", "Also", "more", "news", "privacy", "Policy", "home", "©", "share",
                "http", "htt", "p", "www", "com", "s://", "xhtt", "HTTP",
                // Words alone between white space of every kind (the scan's
                // whole-word path), and short runs it looks up.
                "\r", "\n", "\x0c", "agb", "NAS", "Nas.", "abcdefghijklmnopq", "A1b2C3d4",
            ]), 0..120)
        ) {
            let text: String = parts.concat();
            proptest::prop_assert_eq!(measure(&text), measure_oracle(&text), "{:?}", text);
        }
    }

    /// The fused measure equals the separate passes on every cell of every
    /// dump under `DUMPCLEAN_CORPUS` (a directory, searched recursively for
    /// `*.txt`): `DUMPCLEAN_CORPUS=../shared/corpus cargo test --release
    /// --lib fused_measure_on_a_corpus -- --ignored`.
    #[test]
    #[ignore = "needs DUMPCLEAN_CORPUS"]
    fn fused_measure_on_a_corpus() {
        let mut cells = 0usize;
        crate::test_support::for_each_corpus_dump(|path, text| {
            let (lines, words) = crate::lines::split_page(text);
            for (i, l) in lines.iter().enumerate() {
                let mut keys = words.get(i).to_vec();
                keys.sort_unstable();
                let got = (l.shape, l.lex, keys);
                assert_eq!(got, measure_oracle(l.text), "{path:?}: {:?}", l.text);
                cells += 1;
            }
        });
        eprintln!("{cells} cells equal");
        assert!(cells > 0);
    }

    proptest::proptest! {
        #![proptest_config(crate::test_support::proptest_config())]
        /// The quote flag read off the first byte is the first char's.
        #[test]
        fn opens_quote_as_by_the_first_char(
            first in proptest::sample::select(vec![
                "", "\"", "'", "“", "„", "«", "‘", "—", "–", "”", "»", "-", "a", "é", "€", " ",
            ]),
            rest in "[a-z“—]{0,3}",
        ) {
            let text = format!("{first}{rest}");
            let c = text.chars().next().unwrap_or(' ');
            let want = matches!(c, '"' | '“' | '„' | '«' | '\'' | '‘' | '—' | '–');
            proptest::prop_assert_eq!(opens_quote(&text), want, "{:?}", text);
        }

        #[test]
        fn urlish_is_found_as_by_substring_search(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "h", "t", "p", "w", ".", "c", "o", "m", "http", "www", "com", "x", " ", "é",
            ]), 0..40)
        ) {
            let text: String = parts.concat();
            let want = text.contains("http") || text.contains("www.") || text.contains(".com");
            proptest::prop_assert_eq!(is_urlish(&text), want, "{:?}", text);
        }
    }

    proptest::proptest! {
        #![proptest_config(crate::test_support::proptest_config())]
        #[test]
        fn clock_times_are_found_as_by_windows(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "1", "12", "123", ":", "1:", ":30", "8:03", "20:45", "x", " ", "é", "::",
            ]), 0..30)
        ) {
            let text: String = parts.concat();
            let b = text.as_bytes();
            let want = b.windows(4).enumerate().any(|(i, w)| {
                w[0].is_ascii_digit()
                    && w[1] == b':'
                    && w[2].is_ascii_digit()
                    && w[3].is_ascii_digit()
                    && b.get(i + 4).is_none_or(|c| !c.is_ascii_digit())
            });
            proptest::prop_assert_eq!(has_clock_time(&text), want, "{:?}", text);
        }
    }

    proptest::proptest! {
        #![proptest_config(crate::test_support::proptest_config())]
        /// The separators found eight bytes at a time are those of a walk
        /// of the bytes three at a time.
        #[test]
        fn digit_sep_digit_as_by_windows(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "1", "12", ":", "/", "-", "2-1", "9/", "/0", "x", " ", "é", "--", ":7",
            ]), 0..30)
        ) {
            let text: String = parts.concat();
            let want = text.as_bytes().windows(3).any(|w| {
                w[0].is_ascii_digit() && matches!(w[1], b':' | b'/' | b'-') && w[2].is_ascii_digit()
            });
            proptest::prop_assert_eq!(has_digit_sep_digit(text.as_bytes()), want, "{:?}", text);
        }
    }

    proptest::proptest! {
        #![proptest_config(crate::test_support::proptest_config())]
        /// The middle tokens are tested as in a list of the tokens.
        #[test]
        fn fixture_rows_as_with_a_token_list(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "Team", "FC", "2-1", "20:45", "09/08", "1", "-", ":", "12345", "1:2:3", " ",
                "\u{a0}", "x", "3 - 2",
            ]), 0..12)
        ) {
            let text: String = parts.join(" ");
            for l in split_lines(&text) {
                let s = &l.shape;
                let gated = s.words < 3 || s.words > 16 || s.terminal || s.ellipsis
                    || s.digits == 0 || s.digits > 8;
                let toks: Vec<&str> = l.text.split_whitespace().collect();
                let want = !gated && toks.len() >= 3 && toks[1..toks.len() - 1].iter().any(|t| {
                    let b = t.as_bytes();
                    match b.iter().position(|&c| matches!(c, b':' | b'/' | b'-')) {
                        Some(i) if i > 0 && i + 1 < b.len() => {
                            b[..i].iter().all(u8::is_ascii_digit)
                                && b[i + 1..].iter().all(u8::is_ascii_digit)
                                && b.len() <= 5
                        }
                        _ => false,
                    }
                });
                proptest::prop_assert_eq!(is_fixture_row(&l, 0.0), want, "{:?}", l.text);
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(crate::test_support::proptest_config())]
        #[test]
        fn local_logit_as_the_weights_times_the_features(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "The", "cat", "sat", "on", "the", "mat", ".", ",", ":", "!", "…", "\"", "'",
                "“", "„", "«", "‘", "—", "–", "-", "•", "|", "12:30", "2-1", "1990", "3",
                "日本語", "。", "HOME", "Share", "©", "http://x.com", " ", "  ", "\n",
            ]), 0..40),
            // Evidence of every kind, whatever the text: a cue (or none),
            // the flags, the counts and shares.
            cue in 0usize..7,
            flags in proptest::collection::vec(proptest::bool::ANY, 8),
            copies in 1u32..4,
            shares in (0.0f32..1.0, 0.0f32..1.0),
            // A paragraph of a made-up shape, or the line's own.
            made_up in proptest::option::of((
                (0u32..200, 0u32..40, 0u32..150, 0u32..30, 0u32..150),
                (0u32..6, 0u32..6, 0u32..6, 0u32..100),
                (proptest::bool::ANY, proptest::bool::ANY, proptest::bool::ANY, proptest::bool::ANY),
            )),
        ) {
            let text: String = parts.concat();
            let lines = split_lines(&text);
            let gathered = gather(&lines);
            for (l, e) in lines.iter().zip(&gathered) {
                let mut e = *e;
                e.own.cue = CUE_FEATURE_ORDER.get(cue).copied();
                (e.own.time, e.own.count, e.own.fixture, e.near_copy) =
                    (flags[0], flags[1], flags[2], flags[3]);
                (e.own.meta, e.own.dated, e.template) = (flags[4], flags[5], flags[6]);
                e.copies = if flags[7] { copies } else { 1 };
                (e.own.stopwords, e.own.caps) = shares;
                let mut s = l.shape;
                if let Some(((chars, words, letters, digits, upper), counts, bits)) = made_up {
                    (s.chars, s.words, s.letters, s.digits, s.upper) =
                        (chars, words, letters, digits, upper.min(letters));
                    (s.inner_stops, s.commas, s.separators, s.cjk) = counts;
                    (s.terminal, s.ellipsis, s.starts_lower, s.bullet) = bits;
                }
                let (got, want) = (local_logit(l, &e, &s, &LN_TABLE), local_logit_oracle(l, &e, &s));
                proptest::prop_assert_eq!(got.to_bits(), want.to_bits(), "{:?} {:?}", l.text, e);
            }
        }
    }

    /// The cue flags of the local features are those of [`cue_feature`],
    /// in [`CUE_FEATURE_ORDER`], and the sum of the local log-odds starts
    /// at the bias.
    #[test]
    fn cue_features_in_order() {
        for (k, &c) in CUE_FEATURE_ORDER.iter().enumerate() {
            assert_eq!(cue_feature(c), k);
            let name = format!("cue_{c:?}").to_lowercase();
            assert_eq!(
                LOCAL_FEATURES[LOCAL_FEATURES
                    .iter()
                    .position(|&f| f == "cue_related")
                    .unwrap()
                    + k],
                name
            );
        }
        assert_eq!(LOCAL_FEATURES[0], "bias");
    }

    /// [`local_logit`] equals its oracle bit for bit on every cell of every
    /// dump under `DUMPCLEAN_CORPUS` (see [`fused_measure_on_a_corpus`]).
    #[test]
    #[ignore = "needs DUMPCLEAN_CORPUS"]
    fn local_logit_on_a_corpus() {
        let mut cells = 0usize;
        crate::test_support::for_each_corpus_dump(|path, text| {
            let lines = split_lines(text);
            for (l, e) in lines.iter().zip(gather(&lines)) {
                let (got, want) = (
                    local_logit(l, &e, &l.shape, &LN_TABLE),
                    local_logit_oracle(l, &e, &l.shape),
                );
                assert_eq!(got.to_bits(), want.to_bits(), "{path:?}: {:?}", l.text);
                cells += 1;
            }
        });
        eprintln!("{cells} cells equal");
        assert!(cells > 0);
    }

    /// [`count_copies`] as first written: a hash map of the keys, sized
    /// as it goes, and the keys looked up again for the counts.
    fn count_copies_oracle(
        evidence: &mut [Evidence],
        by_key: impl Fn(&Evidence) -> bool,
        by_prefix: impl Fn(&Evidence) -> bool,
    ) {
        let keyed = |e: &Evidence| e.own.key != 0 && by_key(e);
        let prefixed = |e: &Evidence| e.own.prefix != 0 && by_prefix(e);
        let mut counts = std::collections::HashMap::new();
        for i in 0..evidence.len() {
            if keyed(&evidence[i]) {
                let e = counts
                    .entry(evidence[i].own.key)
                    .or_insert((0u32, usize::MAX));
                if e.0 > 0 && i - e.1 <= NEAR_COPY_LINES {
                    evidence[i].near_copy = true;
                    evidence[e.1].near_copy = true;
                }
                e.0 += 1;
                e.1 = i;
            }
        }
        let mut prefix_counts = std::collections::HashMap::new();
        for e in evidence.iter().filter(|e| prefixed(e)) {
            *prefix_counts.entry(e.own.prefix).or_insert(0u32) += 1;
        }
        for e in evidence.iter_mut() {
            let (k, p) = (keyed(e), prefixed(e));
            if k {
                e.copies = counts.get(&e.own.key).map_or(1, |c| c.0);
            }
            if p {
                e.template = prefix_counts.get(&e.own.prefix).is_some_and(|&c| c >= 3);
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(crate::test_support::proptest_config())]
        #[test]
        fn copies_counted_as_with_a_hash_map(
            // Pages one after another (the tables are kept): each line's
            // key and prefix (0: none), and what an earlier page counted.
            pages in proptest::collection::vec(
                proptest::collection::vec(
                    (0u64..6, 0u64..5, 1u32..4, proptest::bool::ANY),
                    0..60,
                ),
                1..4,
            ),
            copied in proptest::bool::ANY,
        ) {
            for page in &pages {
                let ev: Vec<Evidence> = page
                    .iter()
                    .map(|&(key, prefix, copies, template)| {
                        let mut e = Evidence::default();
                        (e.own.key, e.own.prefix) = (key << 40 | key, prefix << 40 | prefix);
                        (e.copies, e.template) = (copies, template);
                        e
                    })
                    .collect();
                let (mut got, mut want) = (ev.clone(), ev);
                if copied {
                    count_copies(&mut got, |e| e.copies > 1, |e| e.template);
                    count_copies_oracle(&mut want, |e| e.copies > 1, |e| e.template);
                } else {
                    count_copies(&mut got, |_| true, |_| true);
                    count_copies_oracle(&mut want, |_| true, |_| true);
                }
                proptest::prop_assert_eq!(got, want);
            }
        }
    }

    #[test]
    fn fixture_rows() {
        let lines = split_lines(
            "STVV STVV 20:45 FCV Dender EH FCV Dender EH\nWesterlo Westerlo 09/08 KV Mechelen KV Mechelen\nHet is 20:45 en we gaan naar huis.",
        );
        assert!(is_fixture_row(
            &lines[0],
            crate::stopwords::stopword_share(lines[0].text)
        ));
        assert!(is_fixture_row(
            &lines[1],
            crate::stopwords::stopword_share(lines[1].text)
        ));
        assert!(!is_fixture_row(
            &lines[2],
            crate::stopwords::stopword_share(lines[2].text)
        ));
    }

    #[test]
    fn paragraphs_outscore_chrome() {
        let text = "Defour is voorlopig echter tevreden met zijn rol als analist. Dat zegt hij zelf, al is het misschien anders over een paar maanden.\n12:00\nMeer nieuws\nAnderlecht\nTeaser van een ander artikel dat hier stopt ...";
        let lines = split_lines(text);
        let ev = gather(&lines);
        assert!(ev[0].logit > 1.0, "{:?}", ev[0]);
        for e in &ev[1..] {
            assert!(e.logit < 0.0, "{e:?}");
        }
    }

    #[test]
    fn repeated_lines_are_counted() {
        let lines = split_lines("Kop van een artikel\n\nKop van een artikel\nuniek");
        let ev = gather(&lines);
        assert_eq!(ev[0].copies, 2);
        assert_eq!(ev[3].copies, 1);
    }

    /// The capitalised shares of the lines of `text` before and after
    /// [`gather`] levels them.
    fn caps_levelled(text: &str) -> Vec<(f32, f32)> {
        let lines = split_lines(text);
        let ev = gather(&lines);
        lines
            .iter()
            .zip(&ev)
            .filter(|(l, _)| !l.is_blank())
            .map(|(l, e)| (l.lex.caps, e.own.caps))
            .collect()
    }

    /// German capitalises its nouns: a German page's sentences (about a
    /// third of their words capitalised) are read at the level of English
    /// prose, its menu still as a menu; English and Dutch pages, whose
    /// sentences use the same words in lowercase, are left as they are.
    #[test]
    fn a_german_pages_capitalised_shares_are_levelled_to_english_prose() {
        let german = "Startseite Politik Wirtschaft Sport\n\
            Die Koalition ringt seit Wochen um den Haushalt für das kommende Jahr und streitet.\n\
            Nach Angaben aus Regierungskreisen sollen vor allem die Förderprogramme des Bundes gekürzt werden.\n\
            Der Minister verteidigte seine Vorschläge am Rande einer Pressekonferenz in Berlin am Mittwoch.\n";
        let got = caps_levelled(german);
        // The menu: every word after the first capitalised, and still so.
        assert_eq!(got[0], (1.0, 1.0));
        // The sentences: the median one at the level of English prose,
        // the others in the same order around it.
        let mut prose: Vec<(f32, f32)> = got[1..].to_vec();
        prose.sort_by(|a, b| a.0.total_cmp(&b.0));
        assert!(prose[0].0 > 0.2, "{prose:?}");
        assert!((prose[1].1 - CAPS_PROSE).abs() < 1e-6, "{prose:?}");
        assert!(
            prose[0].1 <= prose[1].1 && prose[1].1 <= prose[2].1,
            "{prose:?}"
        );
        assert!(
            prose.iter().all(|&(raw, levelled)| levelled < raw),
            "{prose:?}"
        );

        let english = "Home Politics Business Sport\n\
            The Coalition has been wrangling over the Budget for weeks in Berlin and Brussels.\n\
            According to Government Sources, funding programmes are to be cut by the Minister.\n\
            The Finance Minister defended his proposals at a Press Conference on Wednesday.\n";
        let dutch = "Home Politiek Economie Sport\n\
            De Coalitie ruziet al weken over de Begroting voor het komende jaar in Den Haag.\n\
            Volgens Bronnen in de Regering worden vooral de programma's van het Rijk gekort.\n\
            De Minister van Financiën verdedigde zijn voorstellen op een Persconferentie.\n";
        for text in [english, dutch] {
            let got = caps_levelled(text);
            assert!(got[1..].iter().any(|&(raw, _)| raw > 0.2), "{got:?}");
            assert!(
                got.iter().all(|&(raw, levelled)| raw == levelled),
                "{text}: {got:?}"
            );
        }
    }
}
