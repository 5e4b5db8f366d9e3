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

fn words_regex(words: &[&str]) -> Regex {
    let alt = words
        .iter()
        .map(|w| regex::escape(w).replace(' ', r"\s+"))
        .collect::<Vec<_>>()
        .join("|");
    Regex::new(&format!(r"(?i)(?:^|[^\w])(?:{alt})(?:$|[^\w])")).expect("lexicon regex")
}

static RELATED: Lazy<Regex> = Lazy::new(|| {
    words_regex(&[
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
    ])
});

static COMMENTS: Lazy<Regex> = Lazy::new(|| {
    words_regex(&[
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
    ])
});

static PROMO: Lazy<Regex> = Lazy::new(|| {
    words_regex(&[
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
    ])
});

static FOOTER: Lazy<Regex> = Lazy::new(|| {
    words_regex(&[
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
    ])
});

static NAVIGATION: Lazy<Regex> = Lazy::new(|| {
    words_regex(&[
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
    ])
});

static FIXTURES: Lazy<Regex> = Lazy::new(|| {
    words_regex(&[
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
    ])
});

/// The cue a short line carries, if any, in order of strength.
pub(crate) fn cue(text: &str) -> Option<Cue> {
    if text.len() > 160 {
        // Long lines: only legal/cookie notices are cued.
        if text.len() < 600 && text.contains("ookie") && FOOTER.is_match(text) {
            return Some(Cue::Footer);
        }
        return None;
    }
    if text.contains('©') {
        return Some(Cue::Footer);
    }
    if COMMENTS.is_match(text) {
        return Some(Cue::Comments);
    }
    if RELATED.is_match(text) {
        return Some(Cue::Related);
    }
    if PROMO.is_match(text) {
        return Some(Cue::Promo);
    }
    if FOOTER.is_match(text) {
        return Some(Cue::Footer);
    }
    if NAVIGATION.is_match(text) {
        return Some(Cue::Navigation);
    }
    if text.len() <= 40 && FIXTURES.is_match(text) {
        return Some(Cue::Fixtures);
    }
    None
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

/// A bare byline marker with no name (`door`, `By`) — metadata, no byline.
pub(crate) fn is_bare_byline_marker(text: &str) -> bool {
    matches!(
        text.trim_end_matches(':').to_lowercase().as_str(),
        "door" | "by" | "von" | "par" | "por" | "di" | "da" | "tekst" | "text" | "texte"
    )
}

/// A byline line (`By Jane Doe`, `door Jan Jansen`, `Von Max Muster, Berlin`) → the name.
pub(crate) fn byline(text: &str) -> Option<&str> {
    if text.len() > 90 {
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
    if text.len() > 100 {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cues_across_languages() {
        assert_eq!(cue("LEES OOK: 'iets'"), Some(Cue::Related));
        assert_eq!(cue("Lesen Sie auch"), Some(Cue::Related));
        assert_eq!(
            cue("Schrijf je nu in voor de nieuwsbrief"),
            Some(Cue::Promo)
        );
        assert_eq!(cue("Nieuwste reacties"), Some(Cue::Comments));
        assert_eq!(
            cue("Contacteer ons / Over ons / Privacybeleid"),
            Some(Cue::Footer)
        );
        assert_eq!(cue("Skip to content"), Some(Cue::Navigation));
        assert_eq!(cue("Het weer was mooi vandaag in de stad."), None);
        // A word inside another word is no cue.
        assert_eq!(cue("Shareholders met today"), None);
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
        assert_eq!(byline("De wedstrijd begon laat"), None);
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
