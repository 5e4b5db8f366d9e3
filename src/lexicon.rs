//! Small cue lexicons, across languages, for lines that announce site chrome,
//! and the patterns of metadata lines (dates, bylines, credits, counts).
//!
//! Every entry is a general phrase of its language ("read also", "lees ook",
//! "newsletter"); none is a site's own text. Lexicons cover at least Dutch,
//! English, German, French, Spanish, Italian and Portuguese.

use once_cell::sync::Lazy;
use regex::Regex;

/// What a cue line announces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Cue {
    /// "Read also", "related", "most read", "more news" …
    Related,
    /// A comment section or comment count.
    Comments,
    /// Newsletter, app, follow, share, subscribe, advertising prompts.
    Promo,
    /// Legal footer: copyright, privacy, cookies, terms, contact.
    Footer,
    /// Menu entries: home, search, log in, skip to content, sections.
    Navigation,
    /// Fixtures, results and standings: matchday, standings, table.
    Fixtures,
}

/// A pattern matching any of `words` (spaces match any white space) as
/// whole words, ignoring case.
fn words_pattern(words: &[&str]) -> String {
    let alt = words
        .iter()
        .map(|w| regex::escape(w).replace(' ', r"\s+"))
        .collect::<Vec<_>>()
        .join("|");
    format!(r"(?i)(?:^|[^\w])(?:{alt})(?:$|[^\w])")
}

fn words_regex(words: &[&str]) -> Regex {
    Regex::new(&words_pattern(words)).expect("lexicon regex")
}

/// The index of the legal-footer lexicon in [`CUE_ORDER`].
const FOOTER_INDEX: usize = 3;

/// One regex per cue lexicon, in the order of [`CUE_ORDER`].
static CUE_REGEXES: Lazy<Vec<Regex>> = Lazy::new(|| {
    CUE_ORDER
        .iter()
        .map(|(words, _)| words_regex(words))
        .collect()
});

/// Phrases by the key of their first word: the lexicon's index in
/// [`CUE_ORDER`] and the keys of the other words.
type PhraseMap = crate::lines::KeyMap<Vec<(usize, Vec<u64>)>>;

/// Every cue phrase as the [`crate::lines::norm_key`]s of its words, by
/// its first word, with the index of its lexicon in [`CUE_ORDER`]. A phrase
/// the regex finds is always among the line's word sequences, so only the
/// lexicons found there need their regex.
static CUE_PHRASES: Lazy<PhraseMap> = Lazy::new(|| {
    let mut map = PhraseMap::default();
    for (k, (words, _)) in CUE_ORDER.iter().enumerate() {
        for phrase in *words {
            let mut keys = Vec::new();
            crate::lines::for_each_word(phrase, |key, _| keys.push(key));
            if let Some(&first) = keys.first() {
                map.entry(first).or_default().push((k, keys[1..].to_vec()));
            }
        }
    }
    map
});

/// The lexicons (bits by index in [`CUE_ORDER`]) some phrase of which
/// occurs in `text` as a sequence of words: a superset of those whose regex
/// matches.
fn candidate_cues(text: &str) -> u8 {
    let mut words: [u64; 96] = [0; 96];
    let mut n = 0;
    let mut more = false;
    crate::lines::for_each_word(text, |k, _| {
        if n < words.len() {
            words[n] = k;
            n += 1;
        } else {
            more = true;
        }
    });
    if more {
        return u8::MAX; // too many words to check cheaply: let the regexes decide
    }
    let words = &words[..n];
    let mut found = 0u8;
    for i in 0..n {
        if let Some(rests) = CUE_PHRASES.get(&words[i]) {
            for (k, rest) in rests {
                if words[i + 1..].starts_with(rest) {
                    found |= 1 << k;
                }
            }
        }
    }
    found
}

/// The cue lexicons in order of strength.
const CUE_ORDER: [(&[&str], Cue); 6] = [
    (COMMENTS_WORDS, Cue::Comments),
    (RELATED_WORDS, Cue::Related),
    (PROMO_WORDS, Cue::Promo),
    (FOOTER_WORDS, Cue::Footer),
    (NAVIGATION_WORDS, Cue::Navigation),
    (FIXTURES_WORDS, Cue::Fixtures),
];

const RELATED_WORDS: &[&str] = &[
    // en
    "read also",
    "also read",
    "read more",
    "see also",
    "related",
    "more news",
    "more stories",
    "more from",
    "most read",
    "most popular",
    "most viewed",
    "you may also like",
    "you might also like",
    "recommended",
    "top stories",
    "latest news",
    "latest stories",
    "trending",
    "editor's picks",
    "further reading",
    "more on this",
    "popular now",
    "recent posts",
    "related posts",
    "previous post",
    "next post",
    "next article",
    "previous article",
    // nl
    "lees ook",
    "lees meer",
    "meer nieuws",
    "meest gelezen",
    "meest recent",
    "populairste",
    "gerelateerd",
    "ook interessant",
    "bekijk ook",
    "laatste nieuws",
    "meer over",
    // de
    "lesen sie auch",
    "lies auch",
    "auch interessant",
    "mehr zum thema",
    "meistgelesen",
    "meistgelesene",
    "weitere artikel",
    "ähnliche artikel",
    "das könnte sie auch interessieren",
    "mehr aus",
    "neueste artikel",
    "zum thema",
    // fr
    "lire aussi",
    "à lire aussi",
    "voir aussi",
    "les plus lus",
    "articles liés",
    "sur le même sujet",
    "à lire également",
    "dernières actualités",
    // es
    "lee también",
    "leer más",
    "te puede interesar",
    "más leídas",
    "más leído",
    "noticias relacionadas",
    "relacionado",
    "últimas noticias",
    // it
    "leggi anche",
    "potrebbe interessarti",
    "articoli correlati",
    "più letti",
    "ultime notizie",
    // pt
    "leia também",
    "leia mais",
    "veja também",
    "mais lidas",
    "notícias relacionadas",
    "últimas notícias",
    "saiba mais",
];

const COMMENTS_WORDS: &[&str] = &[
    "comments",
    "comment",
    "leave a reply",
    "leave a comment",
    "post a comment",
    "add a comment",
    "add comment",
    "join the discussion",
    "reply",
    "replies",
    "reacties",
    "reactie",
    "reageer",
    "reageren",
    "schrijf een reactie",
    "kommentare",
    "kommentar",
    "kommentieren",
    "leserkommentare",
    "commentaires",
    "commentaire",
    "commenter",
    "réagir",
    "réactions",
    "comentarios",
    "comentario",
    "comentar",
    "comentários",
    "comentário",
    "commenti",
    "commento",
    "commenta",
    "posted by",
    "posted on",
    "report abuse",
    "permalink",
    "geplaatst door",
    "gepostet von",
    "geschrieben von",
    "publié par",
    "publicado por",
    "pubblicato da",
    "antworten",
    "répondre",
    "responder",
    "rispondi",
    "likes",
    "upvote",
    "downvote",
];

const PROMO_WORDS: &[&str] = &[
    // newsletter / subscribe
    "newsletter",
    "nieuwsbrief",
    "subscribe",
    "subscription",
    "sign up",
    "signup",
    "abonneer",
    "abonneren",
    "abonnement",
    "schrijf je in",
    "abonnieren",
    "abonnez-vous",
    "s'abonner",
    "suscríbete",
    "suscribirse",
    "assine",
    "assinar",
    "iscriviti",
    "abbonati",
    // apps and social
    "download the app",
    "get the app",
    "download de app",
    "app store",
    "google play",
    "whatsapp",
    "telegram",
    "facebook",
    "twitter",
    "instagram",
    "linkedin",
    "pinterest",
    "youtube",
    "tiktok",
    "reddit",
    "follow us",
    "volg ons",
    "folgen sie uns",
    "suivez-nous",
    "síguenos",
    "siga-nos",
    "seguici",
    // share / print / mail
    "share",
    "share this",
    "delen",
    "deel",
    "teilen",
    "partager",
    "compartir",
    "compartilhar",
    "condividi",
    "print",
    "email",
    "e-mail",
    "mail this",
    // advertising
    "advertisement",
    "advertentie",
    "anzeige",
    "werbung",
    "publicité",
    "publicidad",
    "publicidade",
    "pubblicità",
    "sponsored",
    "gesponsord",
    "ad",
    "ads",
    // corrections / feedback prompts
    "report an error",
    "found an error",
    "fout gevonden",
    "fehler gefunden",
    "signaler une erreur",
    "reportar un error",
    "segnala un errore",
    "feedback",
];

const FOOTER_WORDS: &[&str] = &[
    "cookie",
    "cookies",
    "privacy",
    "privacy policy",
    "privacybeleid",
    "privacyverklaring",
    "datenschutz",
    "datenschutzerklärung",
    "impressum",
    "terms of use",
    "terms of service",
    "terms and conditions",
    "all rights reserved",
    "alle rechten voorbehouden",
    "alle rechte vorbehalten",
    "tous droits réservés",
    "todos los derechos reservados",
    "todos os direitos reservados",
    "tutti i diritti riservati",
    "copyright",
    "contact us",
    "contacteer ons",
    "contact",
    "kontakt",
    "about us",
    "over ons",
    "über uns",
    "disclaimer",
    "gebruikersovereenkomst",
    "gebruiksvoorwaarden",
    "algemene voorwaarden",
    "nutzungsbedingungen",
    "agb",
    "mentions légales",
    "conditions générales",
    "politique de confidentialité",
    "aviso legal",
    "política de privacidad",
    "política de privacidade",
    "termos de uso",
    "sitemap",
    "site map",
    "vacatures",
    "careers",
    "jobs",
    "adverteren",
    "advertise",
    "press",
    "colofon",
    "user agreement",
    "risk disclosure",
    "opinions expressed",
    "not necessarily",
    "trademarks",
    "trademark",
    "registered",
    "reproduction",
    "reproduced",
    "without permission",
    "liability",
];

const NAVIGATION_WORDS: &[&str] = &[
    "home",
    "homepage",
    "menu",
    "search",
    "zoeken",
    "zoek",
    "suche",
    "suchen",
    "rechercher",
    "recherche",
    "buscar",
    "cerca",
    "pesquisar",
    "log in",
    "login",
    "sign in",
    "log out",
    "inloggen",
    "aanmelden",
    "anmelden",
    "se connecter",
    "connexion",
    "iniciar sesión",
    "entrar",
    "accedi",
    "skip to content",
    "skip to main content",
    "skip navigation",
    "sections",
    "back to top",
    "terug naar boven",
    "nach oben",
    "haut de page",
    "register",
    "registreren",
    "registrieren",
    "next",
    "previous",
    "volgende",
    "vorige",
    "weiter",
    "zurück",
    "suivant",
    "précédent",
    "siguiente",
    "anterior",
    "successivo",
    "precedente",
    "próximo",
    "toggle navigation",
    "navigation",
    "main menu",
    "close",
    "sluiten",
    "schließen",
    "fermer",
    "cerrar",
    "chiudi",
    "fechar",
];

const FIXTURES_WORDS: &[&str] = &[
    "matchday",
    "fixtures",
    "results",
    "standings",
    "league table",
    "speeldag",
    "kalender",
    "klassement",
    "uitslagen",
    "spieltag",
    "tabelle",
    "ergebnisse",
    "journée",
    "classement",
    "résultats",
    "jornada",
    "clasificación",
    "resultados",
    "giornata",
    "classifica",
    "risultati",
    "rodada",
    "classificação",
];

/// The most words a line may have for a menu word in it to be a cue.
const NAVIGATION_MAX_WORDS: usize = 5;

/// The cue a line carries, if any, in order of strength.
///
/// Only menu-sized lines are cued: a sentence (`sentence` is true for a line
/// of eight or more words ending in sentence punctuation) that happens to
/// contain "comment" or "share" is text. Long lines and sentences are cued
/// only as legal notices, when they name two or more legal terms.
pub(crate) fn cue(text: &str, sentence: bool) -> Option<Cue> {
    if text.len() > 160 || sentence {
        // Long lines: only legal notices (two or more legal terms) are cued.
        if text.len() < 1000 && CUE_REGEXES[FOOTER_INDEX].find_iter(text).nth(1).is_some() {
            return Some(Cue::Footer);
        }
        return None;
    }
    if text.contains('©') {
        return Some(Cue::Footer);
    }
    let found = candidate_cues(text);
    // Menu words ("next", "home", "search") are cues only in menu-sized
    // lines, not inside a headline that happens to contain them.
    let menu_sized = || text.split_whitespace().nth(NAVIGATION_MAX_WORDS).is_none();
    CUE_ORDER
        .iter()
        .enumerate()
        .filter(|&(k, _)| found & (1 << k) != 0)
        .map(|(k, &(_, c))| (k, c))
        .find(|&(k, c)| {
            let fits = match c {
                Cue::Navigation => menu_sized(),
                Cue::Fixtures => text.len() <= 40,
                _ => true,
            };
            fits && CUE_REGEXES[k].is_match(text)
        })
        .map(|(_, c)| c)
}

/// `12:00`, `9.30`, `20h45`, `10:30 PM`, `3 hours ago`, `vor 2 Stunden` …
static TIME: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?ix)^(?:
            \d{1,2}[:.h]\d{2}(?:[:.]\d{2})?\s*(?:am|pm|uur|u|h|hrs|uhr)?
          | \d+\s*(?:min|mins|minutes?|minuten|hours?|hrs?|uur|stunden?|heures?|horas?|ore|days?|dagen|tagen?|jours?|días?|dias?|giorni|sec|seconds?|h|m|d)\s*(?:ago|geleden|her)?
          | (?:vor|il\ y\ a|hace|há)\s+\d+\s+\w+
        )$",
    )
    .expect("time regex")
});

/// A line that is only a time or relative age (`12:00`, `3 hours ago`).
pub(crate) fn is_time(text: &str) -> bool {
    text.len() <= 24 && TIME.is_match(text)
}

/// A line that is only a number (a count: views, comments, likes), such as `38`, `1.2k`, `(12)`.
pub(crate) fn is_count(text: &str) -> bool {
    let t = text.trim_matches(|c: char| c == '(' || c == ')' || c == '[' || c == ']');
    !t.is_empty()
        && t.len() <= 8
        && t.bytes().next().is_some_and(|b| b.is_ascii_digit())
        && t.bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b',' | b'k' | b'K' | b'm' | b'M'))
}

static COMMENT_COUNT: Lazy<Regex> = Lazy::new(|| {
    let words = r"reacties?|comments?|kommentare?|commentaires?|comentarios?|comentários?|commenti|commento|reactions?|réactions?|replies|reply|antworten|respuestas?";
    Regex::new(&format!(
        r"(?i)^(?:(\d[\d.,]*)\s+(?:{words})|(?:{words})\s*[:(\[]?\s*(\d[\d.,]*)\s*[)\]]?)$"
    ))
    .expect("comment count regex")
});

/// `2 reacties`, `12 comments`, `Kommentare (3)` → the count.
pub(crate) fn comment_count(text: &str) -> Option<u32> {
    if text.len() > 40 {
        return None;
    }
    let caps = COMMENT_COUNT.captures(text)?;
    let digits: String = caps
        .get(1)
        .or_else(|| caps.get(2))?
        .as_str()
        .chars()
        .filter(char::is_ascii_digit)
        .collect();
    digits.parse().ok()
}

static BYLINE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?x)^(?i:by|door|von|par|por|di|da|de|af|av|texte?|tekst|text|auteur|author|autor|autore|written\ by|geschreven\ door|verfasst\ von|écrit\ par|escrito\ por|scritto\ da|reporting\ by)\s*:?\s*(?P<name>.*)$",
    )
    .expect("byline regex")
});

/// The lowercased start of `text`: up to 24 bytes of whole chars.
struct LowerStart {
    buf: [u8; 24],
    len: usize,
}

impl LowerStart {
    fn of(text: &str) -> LowerStart {
        let mut s = LowerStart {
            buf: [0; 24],
            len: 0,
        };
        let head = &text.as_bytes()[..text.len().min(24)];
        if head.is_ascii() {
            for (d, b) in s.buf.iter_mut().zip(head) {
                *d = b.to_ascii_lowercase();
            }
            s.len = head.len();
            return s;
        }
        let mut tmp = [0u8; 4];
        'chars: for c in text.chars() {
            for lc in c.to_lowercase() {
                let b = lc.encode_utf8(&mut tmp).as_bytes();
                if s.len + b.len() > s.buf.len() {
                    break 'chars;
                }
                s.buf[s.len..s.len + b.len()].copy_from_slice(b);
                s.len += b.len();
            }
        }
        s
    }

    /// The start is one of `prefixes` (given in lowercase).
    fn starts_with_any(&self, prefixes: &[&str]) -> bool {
        let start = &self.buf[..self.len];
        prefixes.iter().any(|p| start.starts_with(p.as_bytes()))
    }
}

/// How a byline can start (a cheap test before [`BYLINE`]).
const BYLINE_STARTS: &[&str] = &[
    "by",
    "door",
    "von",
    "par",
    "por",
    "di",
    "da",
    "de",
    "af",
    "av",
    "text",
    "tekst",
    "auteur",
    "author",
    "autor",
    "written",
    "geschreven",
    "verfasst",
    "écrit",
    "escrito",
    "scritto",
    "reporting",
];

/// How an image credit can start (a cheap test before [`CREDIT`]).
const CREDIT_STARTS: &[&str] = &[
    "foto", "photo", "bild", "imag", "immagine", "credit", "crédit", "beeld", "picture", "©", "(c)",
];

/// A bare byline marker with no name (`door`, `By`) — metadata, no byline.
pub(crate) fn is_bare_byline_marker(text: &str) -> bool {
    const MARKERS: [&str; 10] = [
        "door", "by", "von", "par", "por", "di", "da", "tekst", "text", "texte",
    ];
    if text.len() > 6 {
        return false;
    }
    let word = text.trim_end_matches(':');
    if word.is_ascii() {
        MARKERS.iter().any(|m| m.eq_ignore_ascii_case(word))
    } else {
        MARKERS.contains(&word.to_lowercase().as_str())
    }
}

/// A byline line (`By Jane Doe`, `door Jan Jansen`, `Von Max Muster, Berlin`) → the name.
pub(crate) fn byline(text: &str) -> Option<&str> {
    if text.len() > 90 || !LowerStart::of(text).starts_with_any(BYLINE_STARTS) {
        return None;
    }
    let caps = BYLINE.captures(text)?;
    let name = caps.name("name")?.as_str().trim();
    // Cut at a separator (`|`, `-` with spaces, a date) and keep the name part.
    let name = name
        .split(['|', '•', '·', '\u{2014}'])
        .next()
        .unwrap_or("")
        .split(" - ")
        .next()
        .unwrap_or("")
        .trim()
        .trim_end_matches([',', '.', ';']);
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.is_empty() || words.len() > 8 {
        return None;
    }
    // A name: words mostly capitalised (connectives such as "and", "en", "van" allowed).
    let caps_words = words
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    if caps_words * 2 < words.len() + 1 || !words[0].chars().next().is_some_and(char::is_uppercase)
    {
        return None;
    }
    Some(name)
}

static CREDIT: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?ix)^(?:
            (?:foto|fotos|photo|photos|bild|bilder|image|images|credit|credits|crédit|crédits|fotografía|imagen|fotografia|immagine|beeld|picture|pictures|photograph)\s*(?::|\|)\s*(?:©|\(c\))?\s*(?P<a>.+)
          | (?:©|\(c\))\s*(?P<b>.+)
          | (?:foto|photo|bild|image|credit|beeld)\s+(?:©|\(c\))\s*(?P<c>.+)
        )$",
    )
    .expect("credit regex")
});

/// `Foto: © photonews`, `Photo: Jane Doe/Agency`, `© Reuters` → the credited name.
pub(crate) fn image_credit(text: &str) -> Option<&str> {
    if text.len() > 100 || !LowerStart::of(text).starts_with_any(CREDIT_STARTS) {
        return None;
    }
    let caps = CREDIT.captures(text)?;
    let m = caps
        .name("a")
        .or_else(|| caps.name("b"))
        .or_else(|| caps.name("c"))?;
    let name = m.as_str().trim();
    let lower = name.to_lowercase();
    // "© 2024 Company. All rights reserved." is a legal footer, not a credit.
    if name.is_empty()
        || name.split_whitespace().count() > 8
        || lower.contains("rights")
        || lower.contains("rechte")
        || lower.contains("rechten")
        || lower.contains("droits")
        || lower.contains("derechos")
        || lower.contains("direitos")
        || lower.contains("diritti")
        || name.bytes().take(4).all(|b| b.is_ascii_digit())
    {
        return None;
    }
    Some(name)
}

/// The most frequent function words of en, nl, de, fr, es, it and pt. Their
/// share among a line's words separates running text from names, menus and
/// headlines (the jusText signal), in any of these languages.
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
    "della", "nel", "alla", "sono", "è", "si", "anche",
];

/// The stop words packed into `u64`s (see [`pack_word`]).
static STOPWORDS: Lazy<StopwordSet> = Lazy::new(|| {
    let mut set = StopwordSet {
        slots: vec![0; STOPWORD_SLOTS],
    };
    for w in STOPWORD_LIST.iter().filter_map(|w| pack_word(w)) {
        let mut i = StopwordSet::slot(w);
        while set.slots[i] != 0 && set.slots[i] != w {
            i = (i + 1) % STOPWORD_SLOTS;
        }
        set.slots[i] = w;
    }
    set
});

/// Slots of the stop-word table: a power of two, at least four times the
/// number of stop words, so that a lookup probes one or two slots.
const STOPWORD_SLOTS: usize = 1024;

/// The packed stop words ([`pack_word`]) in an open-addressing table (0 marks
/// an empty slot; no packed word is 0).
struct StopwordSet {
    slots: Vec<u64>,
}

impl StopwordSet {
    /// The slot a lookup of `w` starts at: the top bits of a multiplicative hash.
    fn slot(w: u64) -> usize {
        (w.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - STOPWORD_SLOTS.trailing_zeros())) as usize
    }

    fn contains(&self, w: u64) -> bool {
        let mut i = StopwordSet::slot(w);
        loop {
            match self.slots[i] {
                0 => return false,
                s if s == w => return true,
                _ => i = (i + 1) % STOPWORD_SLOTS,
            }
        }
    }
}

/// A word of at most eight bytes once lowercased, packed into a `u64` (no
/// allocation); `None` for longer words, which are never stop words.
fn pack_word(word: &str) -> Option<u64> {
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

/// `packed` is a function word packed as [`pack_word`] packs it.
pub(crate) fn is_packed_stopword(packed: u64) -> bool {
    STOPWORDS.contains(packed)
}

/// `word` (trimmed of non-alphanumeric chars) is a function word, in any
/// case.
pub(crate) fn is_stopword(word: &str) -> bool {
    word.len() <= 8 && pack_word(word).is_some_and(|k| STOPWORDS.contains(k))
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
        let stopwords = &*STOPWORDS;
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
        let listed: std::collections::BTreeSet<u64> =
            STOPWORD_LIST.iter().filter_map(|w| pack_word(w)).collect();
        assert!(listed.len() * 4 <= STOPWORD_SLOTS);
        for &w in &listed {
            assert!(STOPWORDS.contains(w), "{w:x}");
        }
        assert_eq!(
            STOPWORDS.slots.iter().filter(|&&s| s != 0).count(),
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

    #[test]
    fn footer_index_names_the_footer_lexicon() {
        assert_eq!(CUE_ORDER[FOOTER_INDEX].1, Cue::Footer);
    }

    #[test]
    fn cues_across_languages() {
        let cue_short = |t| cue(t, false);
        assert_eq!(cue_short("LEES OOK: 'iets'"), Some(Cue::Related));
        assert_eq!(cue_short("Lesen Sie auch"), Some(Cue::Related));
        assert_eq!(
            cue_short("Schrijf je nu in voor de nieuwsbrief"),
            Some(Cue::Promo)
        );
        assert_eq!(cue_short("Nieuwste reacties"), Some(Cue::Comments));
        assert_eq!(
            cue_short("Contacteer ons / Over ons / Privacybeleid"),
            Some(Cue::Footer)
        );
        assert_eq!(cue_short("Skip to content"), Some(Cue::Navigation));
        assert_eq!(cue_short("Het weer was mooi vandaag in de stad."), None);
        // A word inside another word is no cue.
        assert_eq!(cue_short("Shareholders met today"), None);
    }

    #[test]
    fn sentences_are_cued_only_as_legal_notices() {
        let s = "The minister declined to comment on the report, saying the inquiry had to finish.";
        assert_eq!(cue(s, true), None);
        let legal =
            "Use of this site constitutes acceptance of our User Agreement and Privacy Policy.";
        assert_eq!(cue(legal, true), Some(Cue::Footer));
    }

    #[test]
    fn times_and_counts() {
        assert!(is_time("12:00"));
        assert!(is_time("3 hours ago"));
        assert!(is_time("vor 2 Stunden"));
        assert!(!is_time("12:00 uur was het druk in de stad"));
        assert!(is_count("38"));
        assert!(is_count("(12)"));
        assert!(is_count("1.2k"));
        assert!(!is_count("2025 was een jaar"));
    }

    #[test]
    fn comment_counts() {
        assert_eq!(comment_count("2 reacties"), Some(2));
        assert_eq!(comment_count("12 Comments"), Some(12));
        assert_eq!(comment_count("Kommentare (3)"), Some(3));
        assert_eq!(comment_count("Comments"), None);
    }

    #[test]
    fn bylines() {
        assert_eq!(byline("By Jamelle Bouie"), Some("Jamelle Bouie"));
        assert_eq!(byline("door Jan Jansen | 12 mei"), Some("Jan Jansen"));
        assert_eq!(byline("Von Max Muster"), Some("Max Muster"));
        assert_eq!(byline("door"), None);
        assert!(is_bare_byline_marker("door"));
        for marker in ["By:", "VON", "Texte", "tekst:"] {
            assert!(is_bare_byline_marker(marker), "{marker}");
        }
        for other in ["Home", "bye", "door.", "Über", "texte:x", "by the"] {
            assert!(!is_bare_byline_marker(other), "{other}");
        }
        assert_eq!(byline("De wedstrijd begon laat"), None);
    }

    #[test]
    fn stopword_share_separates_text_from_names() {
        assert!(stopword_share("Der Hund ist in den Garten gelaufen und hat dort gespielt") > 0.3);
        assert!(stopword_share("Jupiler Pro League Nieuws Kalender Stand") < 0.1);
        assert_eq!(stopword_share(""), 0.0);
    }

    #[test]
    fn credits() {
        assert_eq!(image_credit("Foto: © photonews"), Some("photonews"));
        assert_eq!(
            image_credit("Photo: Jane Doe/Reuters"),
            Some("Jane Doe/Reuters")
        );
        assert_eq!(
            image_credit("© 2024 Example Media. All rights reserved."),
            None
        );
    }
}
