//! Word and line keys: the hashes that the scan, the lexicons, cohesion,
//! repetition and site profiles compare words and lines by (FNV-1a over
//! the lowercased letters and digits), and the maps keyed by them. The
//! scan ([`crate::lines`]) computes the same keys inline; the lexicons
//! ([`crate::lexicon`]) key their phrases with them.

/// Content words shorter than this (in bytes) are ignored for cohesion.
pub(crate) const MIN_CONTENT_WORD: usize = 4;

/// A hasher for keys that are hashes already ([`norm_key`]): one
/// multiply-xorshift round over the key and a per-process random seed, so
/// that crafted input cannot pile keys into one bucket.
#[derive(Clone, Copy)]
pub(crate) struct KeyHasher(u64);

static KEY_SEED: std::sync::LazyLock<u64> = std::sync::LazyLock::new(|| {
    use std::hash::BuildHasher;
    std::collections::hash_map::RandomState::new().hash_one(0x6475_6d70_636c_6561_u64)
});

/// The per-process random seed of the tables keyed by [`norm_key`] hashes.
pub(crate) fn key_seed() -> u64 {
    *KEY_SEED
}

impl Default for KeyHasher {
    fn default() -> KeyHasher {
        KeyHasher(*KEY_SEED)
    }
}

impl std::hash::Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        // splitmix64's finaliser.
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 ^= n;
    }
}

/// A map keyed by [`norm_key`] hashes.
pub(crate) type KeyMap<V> =
    std::collections::HashMap<u64, V, std::hash::BuildHasherDefault<KeyHasher>>;

/// Call `f` with the [`norm_key`] and the byte length of every word of
/// `text` (a maximal run of alphanumeric chars), in order; the same keys as
/// `text.split(|c: char| !c.is_alphanumeric()).map(norm_key)` gives for its
/// non-empty parts, in one pass.
pub(crate) fn for_each_word(text: &str, mut f: impl FnMut(u64, usize)) {
    let bytes = text.as_bytes();
    let mut h = FNV_SEED;
    let mut len = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        match ASCII_LOWER_ALNUM[usize::from(b)] {
            0 => {
                if len > 0 {
                    f(h | 1, len);
                    h = FNV_SEED;
                    len = 0;
                }
                i += 1;
            }
            NON_ASCII => {
                let n = non_ascii_char(text, i, |alnum, lower| {
                    if alnum {
                        h = lower.iter().fold(h, |h, &b| fnv(h, b));
                    }
                });
                match n {
                    (true, n) => len += n,
                    (false, _) if len > 0 => {
                        f(h | 1, len);
                        h = FNV_SEED;
                        len = 0;
                    }
                    _ => {}
                }
                i += n.1;
            }
            lower => {
                h = fnv(h, lower);
                len += 1;
                i += 1;
            }
        }
    }
    if len > 0 {
        f(h | 1, len);
    }
}

/// Marks a byte that starts (or continues) a multi-byte char in
/// [`ASCII_LOWER_ALNUM`].
const NON_ASCII: u8 = 0xFF;

/// For every byte: its lowercase form when it is an ASCII letter or digit,
/// 0 for other ASCII bytes, [`NON_ASCII`] for the bytes of multi-byte chars.
static ASCII_LOWER_ALNUM: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = if c >= 0x80 {
            NON_ASCII
        } else if c.is_ascii_alphanumeric() {
            c.to_ascii_lowercase()
        } else {
            0
        };
        b += 1;
    }
    t
};

/// Decode the multi-byte char at byte `i` of `text`; call `f` with whether
/// it is alphanumeric and its lowercase UTF-8 bytes (when it is). Returns
/// whether it is alphanumeric and its length in bytes.
fn non_ascii_char(text: &str, i: usize, mut f: impl FnMut(bool, &[u8])) -> (bool, usize) {
    let c = text[i..]
        .chars()
        .next()
        .unwrap_or(char::REPLACEMENT_CHARACTER);
    let n = c.len_utf8();
    if c.is_alphanumeric() {
        let mut buf = [0u8; 12];
        let mut len = 0;
        for lc in c.to_lowercase() {
            len += lc.encode_utf8(&mut buf[len..]).len();
        }
        f(true, &buf[..len]);
        (true, n)
    } else {
        f(false, &[]);
        (false, n)
    }
}

pub(crate) const FNV_SEED: u64 = 0xcbf2_9ce4_8422_2325;

/// The [`norm_key`] of a word of ASCII letters and digits (not empty), at
/// compile time.
pub(crate) const fn ascii_norm_key(word: &[u8]) -> u64 {
    let mut h = FNV_SEED;
    let mut i = 0;
    while i < word.len() {
        h = (h ^ word[i].to_ascii_lowercase() as u64).wrapping_mul(0x0100_0000_01b3);
        i += 1;
    }
    h | 1
}

/// One FNV-1a step.
#[inline(always)]
pub(crate) fn fnv(h: u64, b: u8) -> u64 {
    (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
}

/// A hash of the line's letters and digits, lowercased: two lines that differ
/// only in case, spacing or punctuation get the same key. `0` for lines with
/// no letters or digits.
pub(crate) fn norm_key(text: &str) -> u64 {
    // FNV-1a over lowercased alphanumerics.
    let bytes = text.as_bytes();
    let mut h = FNV_SEED;
    let mut any = false;
    let mut i = 0;
    while i < bytes.len() {
        match ASCII_LOWER_ALNUM[usize::from(bytes[i])] {
            0 => i += 1,
            NON_ASCII => {
                let (alnum, n) = non_ascii_char(text, i, |alnum, lower| {
                    if alnum {
                        h = lower.iter().fold(h, |h, &b| fnv(h, b));
                    }
                });
                any |= alnum;
                i += n;
            }
            lower => {
                h = fnv(h, lower);
                any = true;
                i += 1;
            }
        }
    }
    if any {
        h | 1
    } else {
        0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_keys_equal_norm_keys_of_words() {
        for text in [
            "Hello, World! 42x",
            "Ünïcode – Straße, ÉCOLE",
            "",
            "--",
            "a",
        ] {
            let mut got = Vec::new();
            for_each_word(text, |k, len| got.push((k, len)));
            let want: Vec<(u64, usize)> = text
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(|w| (norm_key(w), w.len()))
                .collect();
            assert_eq!(got, want, "{text:?}");
        }
    }

    #[test]
    fn norm_key_ignores_case_and_punctuation() {
        assert_eq!(norm_key("Hello, World!"), norm_key("hello world"));
        assert_ne!(norm_key("hello"), norm_key("world"));
        assert_eq!(norm_key("--- !!"), 0);
    }
}
