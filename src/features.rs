//! Per-line evidence: the cues and patterns a line carries, how often its text
//! recurs in the dump, and the local body score built from them.

use crate::lexicon::{self, Cue};
use crate::lines::{norm_key, Line};
use std::collections::HashMap;

/// What is known about one line before context is taken into account.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Evidence {
    /// A chrome cue phrase in a short line.
    pub cue: Option<Cue>,
    /// The line is only a time or an age (`12:00`, `3 hours ago`).
    pub time: bool,
    /// The line is only a number (a count).
    pub count: bool,
    /// A fixtures/results row (`Team A 20:45 Team B`, `Team A 2-1 Team B`).
    pub fixture: bool,
    /// How many lines of the dump share this line's normalised text (1 = unique).
    pub copies: u32,
    /// Local log-odds that the line is article text.
    pub logit: f32,
}

/// Gather the evidence for every line.
pub(crate) fn gather(lines: &[Line<'_>]) -> Vec<Evidence> {
    let keys: Vec<u64> = lines.iter().map(|l| norm_key(l.text)).collect();
    let mut counts: HashMap<u64, u32> = HashMap::with_capacity(lines.len());
    for &k in &keys {
        if k != 0 {
            *counts.entry(k).or_insert(0) += 1;
        }
    }
    lines
        .iter()
        .zip(&keys)
        .map(|(line, key)| {
            if line.is_blank() {
                return Evidence::default();
            }
            let text = line.text;
            let mut ev = Evidence {
                cue: lexicon::cue(text),
                time: lexicon::is_time(text),
                count: lexicon::is_count(text),
                fixture: is_fixture_row(line),
                copies: counts.get(key).copied().unwrap_or(1),
                logit: 0.0,
            };
            ev.logit = local_logit(line, &ev);
            ev
        })
        .collect()
}

/// `Team Team 20:45 Other Other`, `Team 2 - 1 Other`: a short line without
/// sentence punctuation whose middle is a time, a short date or a score.
fn is_fixture_row(line: &Line<'_>) -> bool {
    let s = &line.shape;
    if s.words < 3 || s.words > 16 || s.terminal || s.digits == 0 || s.digits > 8 {
        return false;
    }
    let toks: Vec<&str> = line.text.split_whitespace().collect();
    if toks.len() < 3 {
        return false;
    }
    toks[1..toks.len() - 1].iter().any(|t| {
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
    })
}

/// Log-odds that a line is article text, from its own shape and evidence.
fn local_logit(line: &Line<'_>, ev: &Evidence) -> f32 {
    let s = &line.shape;
    let words = s.words as f32;
    let mut x = 1.3 * (1.0 + words).ln() - 3.2;
    if s.terminal {
        x += 1.4;
    }
    x += 0.35 * (s.inner_stops.min(4) as f32);
    x += 0.15 * (s.commas.min(4) as f32);
    if s.ellipsis {
        x -= 2.0;
    }
    if ev.time || ev.count {
        x -= 3.0;
    }
    if ev.fixture {
        x -= 2.5;
    }
    if let Some(cue) = ev.cue {
        x -= match cue {
            Cue::Comments | Cue::Footer => 3.0,
            Cue::Related | Cue::Promo | Cue::Navigation | Cue::Fixtures => 2.5,
        };
    }
    if ev.copies > 1 {
        x -= 1.5 + 0.3 * (ev.copies.min(6) as f32);
    }
    if s.separators > 0 {
        x -= 1.2 * (s.separators as f32 / (1.0 + words / 8.0)).min(4.0);
    }
    if s.letters > 0 {
        let digit_ratio = s.digits as f32 / (s.letters + s.digits) as f32;
        x -= 3.0 * (digit_ratio - 0.15).max(0.0);
        if s.letters >= 6 && s.upper * 10 >= s.letters * 7 {
            x -= 1.0;
        }
    } else {
        x -= 2.0;
    }
    if s.bullet {
        x -= 0.3;
    }
    x
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lines::split_lines;

    #[test]
    fn fixture_rows() {
        let lines = split_lines(
            "STVV STVV 20:45 FCV Dender EH FCV Dender EH\nWesterlo Westerlo 09/08 KV Mechelen KV Mechelen\nHet is 20:45 en we gaan naar huis.",
        );
        assert!(is_fixture_row(&lines[0]));
        assert!(is_fixture_row(&lines[1]));
        assert!(!is_fixture_row(&lines[2]));
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
}
