//! A plain-text report of an article against its dump: the view that
//! snapshot tests store and review.

use crate::Article;
use std::fmt;

/// A plain-text report of an [`Article`] against the dump it was cleaned
/// from, made to be stored as a snapshot (with `insta`, or as a file) and
/// reviewed as a diff whenever the cleaning changes: see
/// [`Article::report`].
///
/// # Format (version [`Report::FORMAT`])
///
/// The report of a short dump (`Home`, `News`, `Sport`, a headline, a
/// byline, a date, two paragraphs, a "read also" line and a copyright
/// line):
///
/// ```text
/// title:         Tram line opens after two years of works
/// date:          2024-03-12
/// byline:        Ana Costa
/// image_credit:  -
/// comment_count: -
///
/// == blocks
/// [paragraph] The new tram line between the station and the university opened on Tuesday, two years after works began.
/// [paragraph] About nine thousand passengers a day are expected in the first year, the transport company said.
///
/// == chrome
/// navigation lines   1-3   Home News Sport
/// related    lines  13-13  Read also: Bus fares rise in April
/// footer     lines  14-14  © 2024 Example Media. All rights reserved.
///
/// == lines
///   1 navigation Home
///   2 navigation News
///   3 navigation Sport
///   4 blank
///   5 title      Tram line opens after two years of works
///   6 meta       By Ana Costa
///   7 meta       12 March 2024
///   8 blank
///   9 body       The new tram line between the station and the university opened on Tue…
///  10 blank
///  11 body       About nine thousand passengers a day are expected in the first year, t…
///  12 blank
///  13 related    Read also: Bus fares rise in April
///  14 footer     © 2024 Example Media. All rights reserved.
///  15 blank
/// ```
///
/// With scores, a row reads `  9 body       0.73 The new tram line …`.
///
/// - The metadata, `-` where the article has none; dates as `YYYY-MM-DD`.
/// - `== blocks`: one line per body block, its kind in brackets, then its
///   text whole (a hard-wrapped paragraph keeps its line breaks).
/// - `== chrome`: one line per chrome segment: its kind padded to 10
///   columns, its input lines (1-based, first and last), and its text with
///   white space runs made one space and cut after 60 chars with `…`.
/// - `== lines`: one row per input line (split on `\n`): its 1-based
///   number right-aligned in 3 columns, its label padded to 10 columns,
///   with [`Report::with_scores`] its score with two decimals, then the
///   line as in the chrome rows but cut after 70 chars; trailing spaces
///   are removed from each row.
///
/// The format changes only with a new [`Report::FORMAT`], so a snapshot
/// changes only when the cleaning does. Scores are left out by default:
/// a model refit moves them without changing any label.
#[derive(Debug, Clone, Copy)]
pub struct Report<'r> {
    article: &'r Article<'r>,
    dump: &'r str,
    scores: bool,
}

impl<'r> Report<'r> {
    /// The version of the report's format described above.
    pub const FORMAT: u32 = 1;

    /// The report with (or without) each line's score, rounded to two
    /// decimals: enough to see a line move towards its threshold, too few
    /// for float noise in the last digits to change a snapshot.
    pub fn with_scores(self, scores: bool) -> Report<'r> {
        Report { scores, ..self }
    }
}

impl<'a> Article<'a> {
    /// A plain-text report of this article against `dump`, the text it was
    /// cleaned from, for snapshot tests (see [`Report`] for the format):
    ///
    /// ```
    /// let dump = "Home\nNews\n\nA headline of the day\n\nThe council met on Tuesday and approved the plan for the new harbour, the mayor said.\n";
    /// let article = dumpclean::clean(dump).unwrap();
    /// let report = article.report(dump).to_string();
    /// assert!(report.starts_with("title:"));
    /// assert!(report.contains("\n== lines\n  1 navigation Home\n"));
    /// ```
    ///
    /// With another text than the one cleaned, the line rows pair the
    /// article's lines with that text's lines.
    pub fn report<'r>(&'r self, dump: &'r str) -> Report<'r>
    where
        'a: 'r,
    {
        Report {
            article: self,
            dump,
            scores: false,
        }
    }
}

/// `text` with its white space runs made one space, cut after `max` chars
/// with `…`.
fn short(text: &str, max: usize) -> String {
    let one_line: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    match one_line.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", &one_line[..i]),
        None => one_line,
    }
}

impl fmt::Display for Report<'_> {
    fn fmt(&self, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        let a = self.article;
        let opt = |v: Option<String>| v.unwrap_or_else(|| "-".to_string());
        writeln!(out, "title:         {}", opt(a.title().map(str::to_string)))?;
        writeln!(
            out,
            "date:          {}",
            opt(a.date().map(|d| d.to_string()))
        )?;
        writeln!(
            out,
            "byline:        {}",
            opt(a.byline().map(str::to_string))
        )?;
        let credit = a.image_credit().map(str::to_string);
        writeln!(out, "image_credit:  {}", opt(credit))?;
        let count = a.comment_count().map(|c| c.to_string());
        writeln!(out, "comment_count: {}", opt(count))?;
        writeln!(out, "\n== blocks")?;
        for b in a.blocks() {
            writeln!(out, "[{}] {}", b.kind.as_str(), b.text)?;
        }
        writeln!(out, "\n== chrome")?;
        for c in a.chrome() {
            writeln!(
                out,
                "{:<10} lines {:>3}-{:<3} {}",
                c.kind.as_str(),
                c.lines.start + 1,
                c.lines.end,
                short(&c.text, 60)
            )?;
        }
        writeln!(out, "\n== lines")?;
        for (i, (info, line)) in a.lines().iter().zip(self.dump.split('\n')).enumerate() {
            let score = if self.scores {
                format!("{:.2} ", info.score)
            } else {
                String::new()
            };
            let row = format!(
                "{:>3} {:<10} {score}{}",
                i + 1,
                info.label.as_str(),
                short(line, 70)
            );
            writeln!(out, "{}", row.trim_end())?;
        }
        Ok(())
    }
}
