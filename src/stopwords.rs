//! Function words of en, nl, de, fr, es, it, pt and pl, and the share of them
//! among a line's words: the stop-word table the scan
//! ([`crate::lines::measure`]) looks words up in.

/// The most frequent function words of en, nl, de, fr, es, it, pt and pl.
/// Their share among a line's words separates running text from names, menus
/// and headlines (the jusText signal), in any of these languages. Words that
/// are also common content or menu words of English ("ten", "go", "man",
/// "car", "era", "ai", "eu") are left out: they would make English
/// menu lines look like prose.
#[rustfmt::skip]
const STOPWORD_LIST: &[&str] = &[
    // en
    "the", "a", "an", "and", "or", "of", "to", "in", "on", "at", "for", "with", "by", "from", "is",
    "are", "was", "were", "be", "been", "it", "its", "this", "that", "these", "those", "he", "she",
    "they", "we", "you", "i", "his", "her", "their", "our", "not", "but", "as", "has", "have",
    "had", "will", "would", "can", "could", "which", "who", "what", "when", "there", "than", "so",
    "if", "about", "into", "also", "more", "said", "do", "does", // nl
    "de", "het", "een", "en", "van", "in", "op", "te", "dat", "die", "is", "voor", "met", "niet",
    "zijn", "aan", "er", "maar", "om", "ook", "als", "bij", "nog", "wel", "naar", "hij", "zij",
    "ze", "ik", "wij", "je", "was", "werd", "wordt", "heeft", "hebben", "dan", "door", "over",
    "uit", "tot", "al", "zal", "kan", "dit", "deze", "wat", "geen", // de
    "der", "die", "das", "und", "ist", "den", "dem", "des", "ein", "eine", "einen", "nicht", "mit",
    "sich", "auf", "für", "von", "zu", "im", "es", "auch", "als", "an", "aus", "bei", "nach",
    "wie", "er", "sie", "wir", "ich", "hat", "haben", "wird", "werden", "war", "sind", "noch",
    "nur", "oder", "aber", "dass", "so", "um", "am", "vom", "zum", "zur", // fr
    "le", "la", "les", "un", "une", "des", "du", "et", "est", "en", "que", "qui", "dans", "pour",
    "pas", "sur", "au", "aux", "avec", "ce", "il", "elle", "ils", "nous", "vous", "par", "plus",
    "ne", "se", "son", "sa", "ses", "sont", "été", "être", "mais", "ou", // es / pt / it
    "el", "los", "las", "y", "del", "con", "por", "para", "una", "es", "lo", "como", "más", "pero",
    "sus", "su", "fue", "ha", "al", "o", "e", "os", "as", "um", "uma", "não", "com", "do", "da",
    "dos", "das", "no", "na", "nos", "em", "foi", "mais", "il", "di", "che", "non", "per", "gli",
    "della", "nel", "alla", "sono", "è", "si", "anche", // de, more
    "einer", "eines", "einem", "über", "wurde", "wurden", "kann", "diese", "dieser", "dieses",
    "sein", "seine", "ihre", "wenn", "bis", "durch", "vor", "hatte", "schon", "unter", "gegen",
    "doch", "beim", "ins", "sowie", "mehr",
    // de, modal verbs, pronouns, adverbs and conjunctions
    "müssen", "muss", "musste", "können", "konnte", "soll", "sollen", "sollte", "wollen", "wollte",
    "würde", "würden", "wäre", "hätte", "habe", "sei", "seien", "worden", "waren", "uns", "ihm",
    "ihn", "ihr", "ihnen", "ihren", "ihrem", "ihrer", "seinen", "seinem", "seiner", "jetzt",
    "dann", "hier", "dort", "sehr", "immer", "wieder", "bereits", "seit", "ohne", "zwischen",
    "etwa", "weil", "denn", "ob", "kein", "keine", "keinen", "allen", "alles", "viele", "sonst",
    "selbst", "damit", "dabei", "dazu", "dafür", "deren", "dessen", "welche", "welcher", "wer",
    "wo", // fr, more
    "je", "cette", "ces", "ont", "était", "aussi", "comme", "tout", "très", "sans", "où", "même",
    "lui", "leur", "leurs", "peut", "après", "avait", "elles", // es, more
    "este", "esta", "estos", "estas", "ese", "esa", "eso", "entre", "cuando", "muy", "sobre",
    "también", "hasta", "hay", "donde", "desde", "porque", "ya", "ni", "está", "han", "ser",
    "había", "sido", "tiene", "puede", "todo", "todos", "otro", "otros", "otra", "ellos", "ella",
    "él", "qué", "según", "tras", "aunque", "durante", "sí", // it, more
    "dei", "delle", "degli", "dello", "nella", "nei", "negli", "dal", "dalla", "sul", "sulla",
    "alle", "agli", "questo", "questa", "quella", "quello", "quando", "loro", "tra", "fra", "suo",
    "sua", "suoi", "molto", "già", "poi", "dopo", "perché", "ancora", "così", "hanno", "aveva",
    "cui", "dove", "tutto", "tutti", "senza", "essere", "stato", "stata", "ma", "ci", "come",
    "sempre", "ogni", // pt, more
    "é", "mas", "ao", "aos", "ele", "ela", "eles", "tem", "à", "seu", "seus", "suas", "muito",
    "há", "já", "também", "pelo", "pela", "pelos", "pelas", "até", "isso", "depois", "sem",
    "mesmo", "ter", "nas", "esse", "essa", "estão", "são", "ainda", "onde", "pode", "nem", "num",
    "numa", "dele", "seja", "foram", "você", // pl
    "w", "z", "na", "się", "nie", "że", "jest", "jak", "co", "ale", "po", "od", "za", "przez",
    "dla", "jego", "jej", "oraz", "który", "która", "które", "którzy", "być", "był", "była",
    "było", "były", "są", "ta", "tym", "tak", "już", "może", "tylko", "także", "ze", "czy", "gdy",
    "kiedy", "aby", "przy", "nad", "bez", "też", "tego", "tej", "te", "tych", "jako", "jednak",
    "bardzo", "więc", "lub", "albo", "jeszcze", "jeśli", "będzie", "ma", "mają", "można", "sobie",
    "mu", "ją", "tu", "tam", "u", "przed", "między", "według",
    // pl, more
    "ponieważ", "gdzie", "około", "został", "została", "zostało", "zostały", "zostanie", "będą",
    "miał", "miała", "mieć", "musi", "mogą", "trzeba", "również", "natomiast", "czyli", "lecz",
    "ani", "aż", "mnie", "nim", "niej", "nich", "tę", "tą", "temu", "których", "którym", "którego",
    "której", "wszystko", "wszystkie", "więcej", "bardziej", "teraz", "dziś", "siebie",
];

/// The stop words packed into `u64`s (as the tests' oracle `pack_word`
/// packs them): words over eight bytes are left out. The words are written
/// in lowercase (a test checks), so packing their bytes as they are is
/// `pack_word`.
static STOPWORDS: PairSet<0x6642_88d8_4d29_9e5f> = {
    let mut set = PairSet::new();
    let mut k = 0;
    while k < STOPWORD_LIST.len() {
        let b = STOPWORD_LIST[k].as_bytes();
        k += 1;
        if b.is_empty() || b.len() > 8 {
            continue;
        }
        set = set.with(pack_ascii_lower(b));
    }
    set
};

/// A word of at most eight bytes packed into a `u64`, its first byte
/// lowest and its ASCII letters lowercased (a word written in lowercase
/// packs as `pack_word` packs it).
const fn pack_ascii_lower(word: &[u8]) -> u64 {
    let mut packed = 0u64;
    let mut i = 0;
    while i < word.len() && i < 8 {
        packed |= (word[i].to_ascii_lowercase() as u64) << (8 * i);
        i += 1;
    }
    packed
}

/// Function words of German that no other language of [`STOPWORD_LIST`]
/// shares (`die`, `den`, `des`, `an`, `in` are Dutch, French or English
/// too): a fifth of the words of the German pages' sentences on dev, at
/// most one in eighty on its and train's pages in other languages.
const GERMAN_ONLY: &[&str] = &[
    "und", "der", "das", "ist", "nicht", "sich", "auf", "für", "eine", "einen", "einem", "einer",
    "auch", "wird", "werden", "sind", "dass", "wurde", "über", "noch", "nach", "bei", "aus",
    "oder", "aber", "wie", "nur", "mit", "vom", "zum", "zur", "sie",
];

/// [`GERMAN_ONLY`], each word packed by [`pack_ascii_lower`].
const GERMAN_PACKED: [u64; GERMAN_ONLY.len()] = {
    let mut out = [0u64; GERMAN_ONLY.len()];
    let mut i = 0;
    while i < out.len() {
        out[i] = pack_ascii_lower(GERMAN_ONLY[i].as_bytes());
        i += 1;
    }
    out
};

/// The words of `text` (split at ASCII spaces) and how many of them are
/// [`GERMAN_ONLY`] words, in any ASCII case, with the ASCII punctuation
/// around them: how German a sentence reads.
pub(crate) fn german_only_words(text: &str) -> (u32, u32) {
    let (mut words, mut german) = (0u32, 0u32);
    for w in text.as_bytes().split(u8::is_ascii_whitespace) {
        if w.is_empty() {
            continue;
        }
        words += 1;
        let start = w
            .iter()
            .position(|b| !b.is_ascii_punctuation())
            .unwrap_or(w.len());
        let end = w
            .iter()
            .rposition(|b| !b.is_ascii_punctuation())
            .map_or(start, |e| e + 1);
        let w = &w[start..end];
        if (2..=6).contains(&w.len()) {
            let packed = pack_ascii_lower(w);
            german += u32::from(
                GERMAN_PACKED
                    .iter()
                    .fold(false, |hit, &g| hit | (g == packed)),
            );
        }
    }
    (words, german)
}

/// The [`crate::keys::norm_key`]s of the stop words written in ASCII
/// letters and digits: what a word that is a run of ASCII letters and
/// digits is looked up by, from the key the scan computes anyway, not
/// packed from its bytes.
static STOPWORD_KEYS: PairSet<0x17f0_e77d_aaeb_b687> = {
    let mut set = PairSet::new();
    let mut k = 0;
    while k < STOPWORD_LIST.len() {
        let b = STOPWORD_LIST[k].as_bytes();
        k += 1;
        let mut ascii = !b.is_empty();
        let mut j = 0;
        while j < b.len() {
            ascii &= b[j].is_ascii_alphanumeric();
            j += 1;
        }
        if ascii {
            set = set.with(crate::keys::ascii_norm_key(b));
        }
    }
    set
};

/// Buckets of a [`PairSet`]: a power of two, over twice the number of stop
/// words.
const PAIR_BUCKETS: usize = 2048;

/// A set of non-zero `u64`s built at compile time, in a table of buckets
/// of two slots (0 marks an empty slot): every member is in the bucket of
/// its hash, the top bits of its product with `M`, so a lookup compares
/// two slots, no probing. `M` is an odd multiplier under which no three
/// members share a bucket (found by trying random ones; the table's build
/// fails to compile with one that does not).
struct PairSet<const M: u64> {
    slots: [[u64; 2]; PAIR_BUCKETS],
}

impl<const M: u64> PairSet<M> {
    /// The empty set.
    const fn new() -> Self {
        PairSet {
            slots: [[0; 2]; PAIR_BUCKETS],
        }
    }

    /// The set with `w` (not 0) added.
    const fn with(mut self, w: u64) -> Self {
        let i = Self::bucket(w);
        if self.slots[i][0] == 0 || self.slots[i][0] == w {
            self.slots[i][0] = w;
        } else if self.slots[i][1] == 0 || self.slots[i][1] == w {
            self.slots[i][1] = w;
        } else {
            panic!("three members in one bucket: choose another multiplier");
        }
        self
    }

    /// The bucket of `w`.
    #[inline(always)]
    const fn bucket(w: u64) -> usize {
        (w.wrapping_mul(M) >> (64 - PAIR_BUCKETS.trailing_zeros())) as usize
    }

    /// Whether `w` (not 0) is in the set: in one of the two slots of its
    /// bucket, compared both, without a branch.
    #[inline(always)]
    fn contains(&self, w: u64) -> bool {
        debug_assert_ne!(w, 0);
        let [a, b] = self.slots[Self::bucket(w)];
        (a == w) | (b == w)
    }
}

/// A word that is a run of ASCII letters and digits with the
/// [`crate::keys::norm_key`] `key` is a function word.
#[inline(always)]
pub(crate) fn is_stopword_key(key: u64) -> bool {
    STOPWORD_KEYS.contains(key)
}

/// A word of at most eight bytes once lowercased, packed into a `u64` (no
/// allocation); `None` for longer words, which are never stop words. (The
/// scan packs words as it walks them; this is the oracle of its packing.)
#[cfg(test)]
pub(crate) fn pack_word(word: &str) -> Option<u64> {
    let mut packed = 0u64;
    let mut len = 0;
    let mut push = |b: u8| {
        if len == 8 {
            return false;
        }
        packed |= u64::from(b) << (8 * len);
        len += 1;
        true
    };
    if word.is_ascii() {
        for &b in word.as_bytes() {
            if !push(b.to_ascii_lowercase()) {
                return None;
            }
        }
    } else {
        let mut buf = [0u8; 4];
        for c in word.chars().flat_map(char::to_lowercase) {
            for &b in c.encode_utf8(&mut buf).as_bytes() {
                if !push(b) {
                    return None;
                }
            }
        }
    }
    Some(packed)
}

/// `packed` is a function word packed as `pack_word` packs it.
pub(crate) fn is_packed_stopword(packed: u64) -> bool {
    STOPWORDS.contains(packed)
}

/// `word` (trimmed of non-alphanumeric chars) is a function word, in any
/// case.
#[cfg(test)]
pub(crate) fn is_stopword(word: &str) -> bool {
    word.len() <= 8 && pack_word(word).is_some_and(|k| k != 0 && STOPWORDS.contains(k))
}

/// Share of a line's words that are function words, and the number of words
/// looked at (at most the first 64): the oracle of the share that
/// [`crate::lines::measure`] computes with the line's other measures.
#[cfg(test)]
pub(crate) fn stopword_share(text: &str) -> f32 {
    let mut n = 0u32;
    let mut hits = 0u32;
    if text.is_ascii() {
        // The same words, split and trimmed byte by byte.
        let words = text
            .as_bytes()
            .split(|&b| matches!(b, b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | b' '))
            .filter(|w| !w.is_empty())
            .take(64);
        let stopwords = &STOPWORDS;
        for w in words {
            n += 1;
            let Some(first) = w.iter().position(u8::is_ascii_alphanumeric) else {
                continue;
            };
            let last = w
                .iter()
                .rposition(u8::is_ascii_alphanumeric)
                .unwrap_or(first);
            let w = &w[first..=last];
            if w.len() > 8 {
                continue;
            }
            let packed = w.iter().enumerate().fold(0u64, |k, (i, &b)| {
                k | u64::from(b.to_ascii_lowercase()) << (8 * i)
            });
            if stopwords.contains(packed) {
                hits += 1;
            }
        }
        return if n == 0 { 0.0 } else { hits as f32 / n as f32 };
    }
    stopword_share_chars(text)
}

/// [`stopword_share`] for any text, char by char.
#[cfg(test)]
fn stopword_share_chars(text: &str) -> f32 {
    let mut n = 0u32;
    let mut hits = 0u32;
    for w in text.split_whitespace().take(64) {
        n += 1;
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        if w.is_empty() || w.len() > 8 {
            continue;
        }
        if pack_word(w).is_some_and(|k| STOPWORDS.contains(k)) {
            hits += 1;
        }
    }
    if n == 0 {
        0.0
    } else {
        hits as f32 / n as f32
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stopword_share_of_ascii_text_is_that_of_any_text() {
        let long = "the cat and the dog ".repeat(20);
        for text in [
            "",
            "   ",
            "The harbour reopened on Monday, after the repairs.",
            "\"And\" (the) --of-- ...in... ',' 1990 DE DER die Das",
            "a\x0bthe\x0cof\rand\tin",
            "Verantwortung extraordinarily of-the and/or",
            long.as_str(),
        ] {
            assert!(text.is_ascii());
            assert_eq!(stopword_share(text), stopword_share_chars(text), "{text:?}");
        }
        assert!(stopword_share("the cat and the dog") > 0.5);
    }

    #[test]
    fn the_stopword_table_holds_the_list_and_nothing_else() {
        for w in STOPWORD_LIST {
            assert_eq!(w.to_lowercase(), *w, "the list is written in lowercase");
        }
        let listed: std::collections::BTreeSet<u64> =
            STOPWORD_LIST.iter().filter_map(|w| pack_word(w)).collect();
        assert!(listed.len() * 2 <= PAIR_BUCKETS);
        for &w in &listed {
            assert!(STOPWORDS.contains(w), "{w:x}");
        }
        assert_eq!(
            STOPWORDS
                .slots
                .iter()
                .flatten()
                .filter(|&&s| s != 0)
                .count(),
            listed.len()
        );
        for w in ["cat", "harbour", "brücke", "abcdefgh", "1990", "x", "thé"] {
            let k = pack_word(w).unwrap();
            assert_eq!(STOPWORDS.contains(k), listed.contains(&k), "{w}");
        }
        assert!(STOPWORDS.contains(pack_word("the").unwrap()));
        assert!(!STOPWORDS.contains(pack_word("harbour").unwrap()));
    }

    proptest::proptest! {
        #![proptest_config(crate::test_support::proptest_config())]
        #[test]
        fn stopword_share_of_any_ascii_text_is_that_of_the_char_path(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "the", "THE", "and", "de", "Der", "het", "of", "in", "a", "x", "cat", "1990",
                "abcdefgh", "abcdefghi", "und'", "(die)", "Verantwortung", "extraordinarily",
                "\"", "(", ")", "--", "...", ",", "'", "/", "-", " ", "  ", "\t", "\x0b",
                "\x0c", "\r", "\n", "\x1c",
            ]), 0..150)
        ) {
            let text: String = parts.concat();
            proptest::prop_assert_eq!(stopword_share(&text), stopword_share_chars(&text), "{:?}", text);
        }
    }

    proptest::proptest! {
        #![proptest_config(crate::test_support::proptest_config())]
        #[test]
        fn words_of_ascii_letters_are_stop_words_by_key_as_by_bytes(
            word in "[a-zA-Z0-9]{1,8}|the|THE|Und|zur|przez|jeszcze|ze|w|i",
        ) {
            proptest::prop_assert_eq!(
                is_stopword_key(crate::keys::ascii_norm_key(word.as_bytes())),
                is_stopword(&word),
                "{}",
                word
            );
        }
    }

    #[test]
    fn every_stop_word_of_ascii_letters_has_its_key_in_the_table() {
        for w in STOPWORD_LIST {
            if w.bytes().all(|b| b.is_ascii_alphanumeric()) {
                assert!(
                    is_stopword_key(crate::keys::ascii_norm_key(w.as_bytes())),
                    "{w}"
                );
            }
        }
    }

    #[test]
    fn stopword_share_separates_text_from_names() {
        assert!(stopword_share("Der Hund ist in den Garten gelaufen und hat dort gespielt") > 0.3);
        assert!(stopword_share("Jupiler Pro League Nieuws Kalender Stand") < 0.1);
        assert_eq!(stopword_share(""), 0.0);
    }

    #[test]
    fn stopword_share_separates_text_from_menus_in_more_languages() {
        // Running text is mostly function words; a menu line has none.
        for (text, menu) in [
            (
                "Rada miasta zdecydowała, że most przez rzekę nie będzie otwarty także w przyszłym roku, ale tylko dla pieszych.",
                "Strona główna Wiadomości Sport Pogoda Kontakt",
            ),
            (
                "El ayuntamiento ha dicho que el puente no se abrirá hasta que terminen las obras, según fuentes del gobierno.",
                "Portada Noticias Deportes Economía Opinión",
            ),
            (
                "Il comune ha detto che il ponte non sarà riaperto prima della fine dei lavori, perché mancano ancora i fondi.",
                "Notizie Sport Economia Cultura Spettacoli",
            ),
            (
                "A prefeitura disse que a ponte não será reaberta até o fim das obras, mas ainda não há data para isso.",
                "Notícias Esportes Economia Política Entretenimento",
            ),
            (
                "Die Stadt hat mitgeteilt, dass die Brücke wegen der Bauarbeiten bis zum Herbst gesperrt bleibt, wenn nicht schon früher.",
                "Nachrichten Sport Wirtschaft Kultur Wetter",
            ),
            (
                "La mairie a indiqué que le pont restera fermé jusqu'à la fin des travaux, qui ont pris du retard après l'hiver.",
                "Actualités Sports Économie Culture Météo",
            ),
        ] {
            assert!(stopword_share(text) > 0.35, "{text}: {}", stopword_share(text));
            assert_eq!(stopword_share(menu), 0.0, "{menu}");
        }
        // Polish function words, in any case.
        for w in ["się", "SIĘ", "Że", "też", "między", "według", "w", "z"] {
            assert!(is_stopword(w), "{w}");
        }
        // English content and menu words stay out.
        for w in ["ten", "go", "man", "car", "era", "ai", "eu", "home", "news"] {
            assert!(!is_stopword(w), "{w}");
        }
    }
}
