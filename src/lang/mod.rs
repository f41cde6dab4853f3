//! Languages and the per-language tables of general vocabulary the stages consult.
//!
//! Everything paridad knows about a language lives in one [`Tables`] value per language
//! (`en.rs`, `es.rs`): its codes and names, abbreviations, month names, heading keywords,
//! connector words, articles. What holds for a pair of languages (how much longer one runs
//! than the other) is in one table per pair (`pair.rs`); what holds whatever the language (web
//! page leftovers, which a translated page keeps from the original site) is a general table
//! here. Adding a language means adding tables, not editing the stages.

mod en;
mod es;
mod fr;
pub(crate) mod pair;
mod phrases;
mod stems;

use std::fmt;
use std::str::FromStr;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::error::Error;
pub(crate) use phrases::{OppositeTable, PhraseTable};

/// A document language.
///
/// ```
/// use paridad::Lang;
///
/// assert_eq!("es".parse::<Lang>()?, Lang::Es);
/// assert_eq!(Lang::detect("México y Canadá reconocen la importancia de la cooperación."), Some(Lang::Es));
/// # Ok::<(), paridad::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Lang {
    /// English.
    En,
    /// Spanish.
    Es,
}

impl Lang {
    /// Every language paridad has tables for.
    pub const ALL: &'static [Lang] = &[Lang::En, Lang::Es];

    /// The ISO 639-1 code: `en`, `es`.
    pub fn code(self) -> &'static str {
        self.tables().code
    }

    /// The language's English name, lower-case: `english`, `spanish`.
    pub fn name(self) -> &'static str {
        self.tables().name
    }

    /// The languages of two versions of one document: each as [`Lang::detect`] finds it; when
    /// it cannot tell, the first is English and the second the other language of the pair.
    ///
    /// ```
    /// use paridad::Lang;
    ///
    /// let es = "El Gobierno de México y el Gobierno de Canadá reafirman su compromiso con la cooperación.";
    /// assert_eq!(Lang::detect_pair("2026", es), [Lang::En, Lang::Es]);
    /// assert_eq!(Lang::detect_pair(es, "2026"), [Lang::Es, Lang::En]);
    /// ```
    pub fn detect_pair(first: &str, second: &str) -> [Lang; 2] {
        let a = Lang::detect(first).unwrap_or(Lang::En);
        let b = match Lang::detect(second) {
            Some(b) => b,
            None if a == Lang::Es => Lang::En,
            None => Lang::Es,
        };
        [a, b]
    }

    /// Whether a pair of versions given as (`first`, `second`) takes its sides the other way
    /// round. Side `a` of an English–Spanish pair is the English version, whatever order the
    /// versions come in (its reports keep `paridad.report.v1`, English first); any other pair
    /// keeps the order given. Every stage and the CLI order sides by this alone.
    ///
    /// ```
    /// use paridad::Lang;
    ///
    /// assert!(Lang::swaps_sides(Lang::Es, Lang::En));
    /// assert!(!Lang::swaps_sides(Lang::En, Lang::Es));
    /// assert!(!Lang::swaps_sides(Lang::Es, Lang::Es));
    /// ```
    pub fn swaps_sides(first: Lang, second: Lang) -> bool {
        first == Lang::Es && second == Lang::En
    }

    /// The language's English name as a sentence shows it, capitalised: `English`, `Spanish`.
    pub(crate) fn proper_name(self) -> String {
        let name = self.name();
        let mut chars = name.chars();
        chars.next().map_or_else(String::new, |first| {
            first.to_uppercase().chain(chars).collect()
        })
    }

    /// The language a tag names, case aside: an ISO 639-1 or 639-2 code, alone or with
    /// subtags after `-` or `_` (`en`, `EN`, `en-CA`, `en_US`, `eng`, `es-MX`, `spa`), or a
    /// name of the language in English or in itself (`English`, `Spanish`, `español`,
    /// `espanol`, `castellano`). This is the one parser of language tags: the CLI, the
    /// glossary readers and the aligner all go through it.
    ///
    /// # Errors
    ///
    /// A setting error for a language paridad has no tables for (`fr`) and for anything that
    /// is not a code, a tag or a name (`e`, `en-`, `english-ish`, an empty string).
    ///
    /// ```
    /// use paridad::Lang;
    ///
    /// assert_eq!(Lang::from_tag("es-MX")?, Lang::Es);
    /// assert_eq!(Lang::from_tag("English")?, Lang::En);
    /// assert!(Lang::from_tag("fr").is_err());
    /// # Ok::<(), paridad::Error>(())
    /// ```
    pub fn from_tag(tag: &str) -> Result<Lang, Error> {
        let tag = tag.trim();
        let name = tag.to_lowercase();
        let primary = primary_subtag(tag);
        Lang::ALL
            .iter()
            .copied()
            .find(|l| {
                let t = l.tables();
                t.tag_names.contains(&name.as_str())
                    || primary
                        .as_deref()
                        .is_some_and(|p| p == t.code || t.alpha3.contains(&p))
            })
            .ok_or_else(|| {
                Error::setting(format!(
                    "unknown language {:?}: expected one of {}",
                    tag.to_ascii_lowercase(),
                    Lang::ALL
                        .iter()
                        .map(|l| l.code())
                        .collect::<Vec<_>>()
                        .join(", ")
                ))
            })
    }

    /// Guesses the language of `text` from its most frequent function words; `None` when no
    /// known language's function words occur.
    pub fn detect(text: &str) -> Option<Lang> {
        // Function words are short and frequent: counting them over the first 200 kB is enough.
        let mut end = text.len().min(200_000);
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let mut counts = vec![0usize; Lang::ALL.len()];
        for word in text[..end]
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| !w.is_empty() && w.len() <= 8)
        {
            let lower = word.to_lowercase();
            for (i, lang) in Lang::ALL.iter().enumerate() {
                if lang.tables().function_words.contains(&lower.as_str()) {
                    counts[i] += 1;
                }
            }
        }
        let (best, &count) = counts.iter().enumerate().max_by_key(|&(_, c)| *c)?;
        (count > 0).then(|| Lang::ALL[best])
    }

    pub(crate) fn tables(self) -> &'static Tables {
        match self {
            Lang::En => &en::TABLES,
            Lang::Es => &es::TABLES,
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Lang {
    type Err = Error;

    /// [`Lang::from_tag`].
    fn from_str(s: &str) -> Result<Lang, Error> {
        Lang::from_tag(s)
    }
}

/// The primary subtag of a language tag, lower-case, when the tag is well formed: two or three
/// ASCII letters, then any number of subtags of one to eight ASCII letters or digits, each
/// after `-` or `_` (`pt-BR`, `es_419`, `zh-Hant-TW`).
fn primary_subtag(tag: &str) -> Option<String> {
    let mut parts = tag.split(['-', '_']);
    let primary = parts.next()?;
    let well_formed = (2..=3).contains(&primary.len())
        && primary.bytes().all(|c| c.is_ascii_alphabetic())
        && parts
            .all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|c| c.is_ascii_alphanumeric()));
    well_formed.then(|| primary.to_ascii_lowercase())
}

/// The ISO 639 code of a language given by tag, lower-case, for any language, with or without
/// tables: a language paridad knows by its two-letter code, as [`Lang::from_tag`] reads it
/// (`eng`, `English`, `es-MX` give `en` and `es`); any other by the primary subtag of a
/// well-formed tag (`DE` gives `de`, `pt-BR` gives `pt`). `None` for anything else (`deutsch`).
pub(crate) fn any_code(tag: &str) -> Option<String> {
    match Lang::from_tag(tag) {
        Ok(lang) => Some(lang.code().to_string()),
        Err(_) => primary_subtag(tag.trim()),
    }
}

/// The kinds of heading introduced by a keyword (`Article 12`, `Capítulo 3`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum HeadingKeyword {
    /// `Annex`, `Anexo`.
    Annex,
    /// `Appendix`, `Apéndice`.
    Appendix,
    /// `Part`, `Parte`.
    Part,
    /// `Title`, `Título`.
    Title,
    /// `Chapter`, `Capítulo`.
    Chapter,
    /// `Section`, `Sección`.
    Section,
    /// `Article`, `Artículo`.
    Article,
}

impl HeadingKeyword {
    /// The language-neutral tag used in section ids (`art`, `ch`, …).
    pub fn tag(self) -> &'static str {
        match self {
            HeadingKeyword::Annex => "annex",
            HeadingKeyword::Appendix => "appendix",
            HeadingKeyword::Part => "part",
            HeadingKeyword::Title => "title",
            HeadingKeyword::Chapter => "ch",
            HeadingKeyword::Section => "sec",
            HeadingKeyword::Article => "art",
        }
    }

    /// Rank in the usual hierarchy of legal texts: lower ranks contain higher ones.
    pub(crate) fn rank(self) -> u8 {
        match self {
            HeadingKeyword::Annex | HeadingKeyword::Appendix => 0,
            HeadingKeyword::Part => 1,
            HeadingKeyword::Title => 2,
            HeadingKeyword::Chapter => 3,
            HeadingKeyword::Section => 4,
            HeadingKeyword::Article => 5,
        }
    }
}

/// The general vocabulary of one language, as the stages need it.
///
/// All word lists are lower-case unless said otherwise.
pub(crate) struct Tables {
    /// The ISO 639-1 code.
    pub code: &'static str,
    /// The English name, lower-case.
    pub name: &'static str,
    /// The ISO 639-2 codes (bibliographic and terminological, when they differ).
    pub alpha3: &'static [&'static str],
    /// Names a language tag may give instead of a code, lower-case: the English name and the
    /// language's own, with and without accents.
    pub tag_names: &'static [&'static str],
    /// Frequent function words, for language detection.
    pub function_words: &'static [&'static str],
    /// Abbreviations after which a period does not end a sentence when more follows
    /// (case-sensitive, with their periods).
    pub abbreviations: &'static [&'static str],
    /// Words that commonly start a sentence, so that an initialism (`U.S.`) followed by one of
    /// them does end a sentence (case-sensitive, capitalised).
    pub sentence_starters: &'static [&'static str],
    /// Month names (and common abbreviations) with their number.
    pub months: &'static [(&'static str, u8)],
    /// Words that cannot end a sentence or a title: a line ending with one continues.
    pub connectors: &'static [&'static str],
    /// Heading keywords, lower-case, without accents stripped.
    pub heading_keywords: &'static [(&'static str, HeadingKeyword)],
    /// Titles of a table of contents, lower-case.
    pub contents_titles: &'static [&'static str],
    /// Titles of a list of tables, figures or examples, lower-case.
    pub list_titles: &'static [&'static str],
    /// Labels that open a date line (`date 2025-09-20`).
    pub date_labels: &'static [&'static str],
    /// Words that introduce the month in a long date (`18 de septiembre de 2025`): skipped.
    pub date_fillers: &'static [&'static str],
    /// Definite articles (accent-free, lower-case): one may stand between a date bound and its
    /// date (`hasta el 2025`), and one before `two` makes it `both` (`los dos`).
    pub articles: &'static [&'static str],
    /// Words that label a page number in a footer (`Page 3`, `Página 3`).
    pub page_labels: &'static [&'static str],
    /// Words too common to anchor an alignment: articles, prepositions, pronouns, auxiliaries,
    /// conjunctions (lower-case, with accents).
    pub stop_words: &'static [&'static str],
    /// Plural endings and what replaces them, tried in order on a lower-case, accent-free word;
    /// the first that matches wins (an ending mapped to itself protects a singular).
    pub plural_endings: &'static [(&'static str, &'static str)],
    /// Cardinal number words and their values (accent-free, lower-case): units, tens,
    /// hundreds (`hundred`, `doscientos`) and `thousand`; larger scales are `scale_words`.
    /// Words that are also articles or pronouns (`one`, `un`, `una`) are `unit_words`.
    pub number_words: &'static [(&'static str, f64)],
    /// Words and phrases for one or a half that are also articles or pronouns (`one`, `a`,
    /// `un`, `medio`), read as a number only inside a number in words: before a multiplier
    /// (`a million`, `medio millón`) or, when the flag is set, as its last digit
    /// (`twenty-one`, `ciento uno`). Accent-free, lower-case, words joined by spaces.
    pub unit_words: &'static [(&'static str, f64, bool)],
    /// Words that join the parts of a number in words (`one hundred and five`, `setenta y
    /// cinco`), accent-free and lower-case.
    pub number_joiners: &'static [&'static str],
    /// Ordinal words and their values (accent-free, lower-case): `first`, `primera`.
    pub ordinal_words: &'static [(&'static str, f64)],
    /// Endings glued to digits that make an ordinal (`1st`, `3.º`, `1er`), lower-case.
    pub ordinal_suffixes: &'static [&'static str],
    /// Words after a number that make it a percentage (`percent`, `por ciento`), accent-free,
    /// lower-case, words joined by spaces; the sign `%` is known to every language.
    pub percent_words: &'static [&'static str],
    /// Scale words that multiply the number before them (`million`, `mil millones`),
    /// accent-free, lower-case, words joined by spaces.
    pub scale_words: PhraseTable<f64>,
    /// Phrases before a date that make it a bound (`by the end of`, `antes de que concluya`),
    /// accent-free, lower-case, words joined by spaces, longest first.
    pub date_bounds: &'static [(&'static str, Bound)],
    /// Phrases naming a year relative to the document's date (`this year` 0, `next year` 1).
    pub relative_years: PhraseTable<i32>,
    /// Words and phrases of modality and the strength of commitment they express
    /// (accent-free, lower-case, words joined by spaces).
    pub modals: PhraseTable<Modality>,
    /// Endings of finite verbs in the future tense (lower-case, with accents), which commit in Spanish the
    /// way `will` does in English; empty for languages with a modal verb instead.
    pub future_endings: &'static [&'static str],
    /// Words that open a relative clause (`which`, `que`), accent-free and lower-case: "may"
    /// inside one describes what something can do (`corridors that could support trade`)
    /// rather than weakening a commitment.
    pub relative_words: &'static [&'static str],
    /// Words that negate what they stand in (`not`, `never`, `nunca`), lower-case; a word that
    /// ends with one of `negation_endings` (`don't`) negates too.
    pub negations: &'static [&'static str],
    /// Word beginnings that carry a number (`tri` in `tridimensional`, `bi` in `bienal`),
    /// lower-case, with the number: a compound's number may be one of these across the pair.
    pub number_prefixes: &'static [(&'static str, u32)],
    /// Endings of contracted negations (`n't`).
    pub negation_endings: &'static [&'static str],
    /// Words that say no without a negation word (`without`, `missing`, `sin`, `falta`),
    /// lower-case, accent-free: where a sentence has one, a negation on the other side may
    /// translate it.
    pub negative_words: &'static [&'static str],
    /// Endings of the participles and adjectives a negation word may make negative
    /// (`no autorizadas`, `unauthorized`): such a negation is a word's, not the clause's.
    pub negated_word_endings: &'static [&'static str],
    /// Phrases that start with a negation word but do not negate (`not only`, `no obstante`),
    /// lower-case, accent-free.
    pub not_negations: &'static [&'static str],
    /// Names of kinds of instrument (`memorandum of understanding`, `acuerdo`), accent-free and
    /// lower-case, with a language-neutral tag; `""` shields a phrase that only looks like
    /// one (`de acuerdo con`).
    pub instruments: PhraseTable<&'static str>,
    /// Words and phrases that say `both` (`both`, `ambos`, `los dos`), accent-free and
    /// lower-case: a 2 on the other side is there.
    pub both_words: &'static [&'static str],
    /// The head words of names of bodies and programmes (`ministry`, `consejo`), accent-free,
    /// lower-case and singular: a name headed by one names an institution, which a
    /// translation must name too. Where the head stands is [`Tables::head_first`].
    pub institution_heads: &'static [&'static str],
    /// Whether a name's head is its first word (`Consejo de Investigación`); else its last, or
    /// the word before a connector (`Research Council`, `Ministry of Energy`).
    pub head_first: bool,
    /// Lower-case words that stand inside a name between capitalised words (`of`, `de`); `and`
    /// is left out, since it joins two names (`Canada and Mexico`).
    pub name_connectors: &'static [&'static str],
    /// Qualifiers before a number (`over`, `más de`) and what they mean.
    pub number_qualifiers: &'static [(&'static str, Qualifier)],
    /// Words the language borrowed from Latin `s` + consonant gained an `e` in front
    /// (`estratégico`, `strategic`): cognate matching drops it.
    pub prosthetic_e: bool,
    /// Words with an opposite (`install` / `remove`, `first` / `last`), accent-free and
    /// lower-case, each with a language-neutral tag of the scale both stand on and its pole; a
    /// final `*` makes the entry a beginning (`instal*` for `instalados`). A sentence pair
    /// whose sides stand on one scale at opposite poles says opposite things.
    pub opposites: OppositeTable,
    /// Phrases whose words stand on no scale (`more or less`, `a menos que`), accent-free,
    /// lower-case.
    pub not_opposites: &'static [&'static str],
    /// Words after a comparative that make it one of `more` (`riskier than`), lower-case;
    /// empty for languages that say `more` in a word of its own.
    pub comparative_markers: &'static [&'static str],
    /// Words ending like a comparative that are none (`other`, `rather`), lower-case.
    pub not_comparatives: &'static [&'static str],
    /// Words that address the reader (`you`, `usted`), accent-free and lower-case: a document
    /// that uses them often instructs and describes rather than commits.
    pub reader_words: &'static [&'static str],
    /// Prefixes that make a word say no (`un` in `unusable`, `des` in `desactivar`),
    /// lower-case.
    pub negative_prefixes: &'static [&'static str],
    /// Words that join the last item of a list (`and`, `or`; `y`, `e`, `o`, `u`), and that
    /// close an open one (`etc`), lower-case.
    pub list_joiners: &'static [&'static str],
    /// Names of units of measure, time and money after a number (`seconds`, `meses`,
    /// `dólares`), accent-free and lower-case, each with the unit it names in a
    /// language-neutral name (`second`, `month`, `dollar`); names spelled alike in every
    /// language are in [`SHARED_UNIT_NAMES`].
    pub unit_names: &'static [(&'static str, &'static str)],
    /// Words that place a date within its year or month (`early`, `mid-`, `the end of`;
    /// `principios de`, `finales de`), accent-free and lower-case, with the part they name.
    pub date_parts: &'static [(&'static str, DatePart)],
    /// What follows a verb of effort when it means one (`seek to`, `buscarán fortalecer`):
    /// words that introduce an infinitive (`to`) and an infinitive's endings (`ar`, `er`,
    /// `ir`). Without one after it, `buscará` searches and `seeks` looks for something.
    pub infinitive_markers: &'static [&'static str],
    /// See `infinitive_markers`.
    pub infinitive_endings: &'static [&'static str],
    /// `stop_words` as a set, built on first use: every token of every text is looked up.
    pub stop_set: OnceLock<hashbrown::HashSet<&'static str>>,
}

/// The tables of a language paridad knows nothing about: every list empty, so only what is
/// language-neutral counts (digits, acronyms, identical and near-identical words, lengths).
pub(crate) static NEUTRAL: Tables = Tables {
    code: "",
    name: "",
    alpha3: &[],
    tag_names: &[],
    function_words: &[],
    abbreviations: &[],
    sentence_starters: &[],
    months: &[],
    connectors: &[],
    heading_keywords: &[],
    contents_titles: &[],
    list_titles: &[],
    date_labels: &[],
    date_fillers: &[],
    articles: &[],
    page_labels: &[],
    stop_words: &[],
    plural_endings: &[],
    number_words: &[],
    unit_words: &[],
    number_joiners: &[],
    ordinal_words: &[],
    ordinal_suffixes: &[],
    percent_words: &[],
    scale_words: PhraseTable::new(&[]),
    date_bounds: &[],
    relative_years: PhraseTable::new(&[]),
    modals: PhraseTable::new(&[]),
    future_endings: &[],
    relative_words: &[],
    negations: &[],
    number_prefixes: &[],
    negation_endings: &[],
    negative_words: &[],
    negated_word_endings: &[],
    opposites: OppositeTable::new(&[]),
    not_opposites: &[],
    comparative_markers: &[],
    not_comparatives: &[],
    reader_words: &[],
    negative_prefixes: &[],
    list_joiners: &["etc"],
    unit_names: &[],
    date_parts: &[],
    infinitive_markers: &[],
    infinitive_endings: &[],
    not_negations: &[],
    instruments: PhraseTable::new(&[]),
    institution_heads: &[],
    head_first: false,
    both_words: &[],
    name_connectors: &[],
    number_qualifiers: &[],
    prosthetic_e: false,
    stop_set: OnceLock::new(),
};

/// How a date phrase bounds an action.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Bound {
    /// A deadline: `by`, `before`, `no later than`, `antes de`, `a más tardar`.
    By,
    /// A start: `since`, `from`, `desde`, `a partir de`.
    Since,
    /// A span: `during`, `throughout`, `durante`.
    During,
    /// An end of a span: `until`, `hasta`.
    Until,
    /// A start after the date: `after`, `después de`, `con posterioridad a` (the opposite of a
    /// deadline).
    After,
}

/// The part of a year or month a date names (`early 2006`, `finales de 2006`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DatePart {
    /// `early`, `the beginning of`, `principios de`.
    Start,
    /// `mid-`, `the middle of`, `mediados de`.
    Middle,
    /// `late`, `the end of`, `finales de`.
    End,
}

/// Where a word stands on a scale with two ends (`more` and `less`, `install` and `remove`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Pole {
    /// The end of `more`, `first`, `install`, `accept`.
    Plus,
    /// The end of `less`, `last`, `remove`, `reject`.
    Minus,
}

/// How strongly a sentence commits.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Modality {
    /// `explore`, `consider`, `look into`: an intention to look into something.
    Tentative,
    /// `seek to`, `strive to`, `intend to`, `procurarán`, `buscarán`: an effort promised, no
    /// result. Compared as an intention, but more than a possibility considered (`will seek
    /// to coordinate` against `se contempla la posibilidad de coordinar`).
    Endeavour,
    /// `may`, `could`, `might`, `podrán`: a possibility.
    Possible,
    /// `should`, `debería`, `conviene`, `it is recommended`: advice.
    Advised,
    /// `can`, `puede`: an ability. It weakens a commitment (`will` against `pueden`), not a plain
    /// statement (`can be configured` against `se configura` say the same).
    Able,
    /// `usually`, `tend to`, `suelen`: a habit. Like an ability, it weakens a commitment
    /// (`must be available` against `suelen estar disponibles`), not a plain statement.
    Habitual,
    /// `will`, `shall`, `commit to`, the Spanish future, `se comprometen`: a commitment.
    Committed,
    /// `debe`, `deben`: an obligation in the present tense, which Spanish also writes for
    /// advice (`should` is often `debe`): a commitment against a possibility or a plain
    /// statement, but neither stronger than advice nor weaker than a commitment.
    Obliged,
}

/// What a qualifier before a number says about it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Qualifier {
    /// `over`, `more than`, `más de`.
    More,
    /// `at least`, `al menos`, `como mínimo`.
    AtLeast,
    /// `under`, `less than`, `menos de`.
    Less,
    /// `up to`, `at most`, `hasta`.
    AtMost,
    /// `about`, `around`, `approximately`, `alrededor de`, `aproximadamente`.
    About,
}

/// Web-page leftovers, lower-case: a line made of one of these (after a bullet, with an optional
/// colon and value) is layout noise, in a document of any language (a translated page keeps the
/// original site's leftovers).
/// Symbols of units that stand after a number, written the same in every language
/// (`2000MiB`, `5 km`), case-sensitive, each with the unit it names. Symbols of one letter
/// (`s`, `m`) are left out: after a number they are as often a plural (`1990s`) or a label.
pub(crate) const UNIT_SYMBOLS: &[(&str, &str)] = &[
    ("KiB", "kibibyte"),
    ("MiB", "mebibyte"),
    ("GiB", "gibibyte"),
    ("TiB", "tebibyte"),
    ("kB", "kilobyte"),
    ("KB", "kilobyte"),
    ("MB", "megabyte"),
    ("GB", "gigabyte"),
    ("TB", "terabyte"),
    ("Kb", "kilobit"),
    ("Mb", "megabit"),
    ("Gb", "gigabit"),
    ("ms", "millisecond"),
    ("km", "kilometre"),
    ("cm", "centimetre"),
    ("mm", "millimetre"),
    ("kg", "kilogram"),
    ("mg", "milligram"),
    ("Hz", "hertz"),
    ("kHz", "kilohertz"),
    ("MHz", "megahertz"),
    ("GHz", "gigahertz"),
    ("ha", "hectare"),
];

/// Names of units spelled alike in English, Spanish and French, accent-free and lower-case,
/// each with the unit it names: the languages' own tables list the others.
pub(crate) const SHARED_UNIT_NAMES: &[(&str, &str)] = &[
    ("byte", "byte"),
    ("bytes", "byte"),
    ("bit", "bit"),
    ("bits", "bit"),
    ("kilobyte", "kilobyte"),
    ("kilobytes", "kilobyte"),
    ("megabyte", "megabyte"),
    ("megabytes", "megabyte"),
    ("gigabyte", "gigabyte"),
    ("gigabytes", "gigabyte"),
    ("terabyte", "terabyte"),
    ("terabytes", "terabyte"),
    ("euro", "euro"),
    ("euros", "euro"),
    ("peso", "peso"),
    ("pesos", "peso"),
];

/// The unit `symbol` names, if it is one of [`UNIT_SYMBOLS`].
pub(crate) fn unit_symbol(symbol: &str) -> Option<&'static str> {
    UNIT_SYMBOLS
        .iter()
        .find(|(s, _)| *s == symbol)
        .map(|&(_, unit)| unit)
}

pub(crate) const WEB_LEFTOVERS: &[&str] = &[
    "date modified",
    "date published",
    "report a problem on this page",
    "share this page",
    "back to top",
    "print this page",
    "related links",
    "skip to main content",
    "fecha de modificación",
    "fecha de publicación",
    "última actualización",
    "compartir esta página",
    "volver arriba",
    "imprimir esta página",
    "enlaces relacionados",
];

/// Titles of tables of contents and of lists of tables, figures and examples, lower-case, in
/// every language paridad reads: a translated document keeps the original's front matter, and
/// French documents are read before French has tables of its own.
pub(crate) fn front_matter_titles() -> impl Iterator<Item = &'static str> {
    Lang::ALL
        .iter()
        .flat_map(|l| {
            let t = l.tables();
            t.contents_titles.iter().chain(t.list_titles).copied()
        })
        .chain(fr::FRONT_MATTER_TITLES.iter().copied())
}

/// Page-number labels of every known language: a page footer is noise whatever the
/// document's language (translated documents keep the original's footers).
pub(crate) fn page_labels() -> impl Iterator<Item = &'static str> {
    Lang::ALL
        .iter()
        .flat_map(|l| l.tables().page_labels.iter().copied())
}

impl Tables {
    /// The heading keyword `word` names (case-insensitive), if any.
    pub fn heading_keyword(&self, word: &str) -> Option<HeadingKeyword> {
        let lower = word.to_lowercase();
        self.heading_keywords
            .iter()
            .find(|(w, _)| *w == lower)
            .map(|&(_, k)| k)
    }

    /// The heading keyword `word` names in these tables or, for a French document read before
    /// French has tables of its own, in French (`Chapitre`): a capitalised keyword and a number
    /// at the head of a line are a heading in any document.
    pub(crate) fn reading_keyword(&self, word: &str) -> Option<HeadingKeyword> {
        self.heading_keyword(word).or_else(|| {
            let lower = word.to_lowercase();
            fr::HEADING_KEYWORDS
                .iter()
                .find(|(w, _)| *w == lower)
                .map(|&(_, k)| k)
        })
    }

    /// The month number named by `word` (case-insensitive), if any.
    pub fn month(&self, word: &str) -> Option<u8> {
        let lower = word.to_lowercase();
        let lower = lower.trim_end_matches('.');
        self.months
            .iter()
            .find(|(w, _)| *w == lower)
            .map(|&(_, m)| m)
    }

    /// True for the tables of a language paridad knows nothing about ([`NEUTRAL`]).
    pub fn is_neutral(&self) -> bool {
        self.code.is_empty()
    }

    /// True when `lower` (already lower-case) is a stop word.
    pub fn is_stop_word(&self, lower: &str) -> bool {
        self.stop_set
            .get_or_init(|| self.stop_words.iter().copied().collect())
            .contains(lower)
    }

    /// The singular of an accent-free lower-case word by the plural endings table; words of
    /// four letters or fewer are kept as they are.
    pub fn singular<'w>(&self, word: &'w str) -> std::borrow::Cow<'w, str> {
        use std::borrow::Cow;
        if word.chars().count() <= 4 {
            return Cow::Borrowed(word);
        }
        for (ending, replacement) in self.plural_endings {
            if let Some(stem) = word.strip_suffix(ending) {
                if ending == replacement {
                    return Cow::Borrowed(word);
                }
                return Cow::Owned(format!("{stem}{replacement}"));
            }
        }
        Cow::Borrowed(word)
    }

    /// True when `word` (any case) is a connector.
    pub fn is_connector(&self, word: &str) -> bool {
        let lower = word.to_lowercase();
        self.connectors.contains(&lower.as_str())
    }
}

/// Kinds of instrument (the tags of the language tables' instrument lists) and the narrower
/// kinds each may stand for: a `memorandum` may be one of understanding or of collaboration.
const BROADER_INSTRUMENTS: &[(&str, &[&str])] = &[("memorandum", &["mou", "moc"])];

/// Whether instrument tags `a` and `b` (each one kind, or kinds separated by `|`) can name the
/// same instrument: a kind in common, or one kind broader than the other.
pub(crate) fn instruments_fit(a: &str, b: &str) -> bool {
    let broader = |x: &str, y: &str| {
        BROADER_INSTRUMENTS
            .iter()
            .any(|(wide, narrow)| *wide == x && narrow.contains(&y))
    };
    a == b || broader(a, b) || broader(b, a) || a.split('|').any(|x| b.split('|').any(|y| x == y))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A memorandum may be of understanding or of collaboration, but those two differ, and
    /// an agreement is no memorandum; tags with alternatives fit when one alternative does.
    #[test]
    fn instrument_kinds_fit_when_one_may_stand_for_the_other() {
        assert!(instruments_fit("memorandum", "mou"));
        assert!(instruments_fit("moc", "memorandum"));
        assert!(instruments_fit("mou", "mou"));
        assert!(!instruments_fit("mou", "moc"));
        assert!(!instruments_fit("agreement", "memorandum"));
        assert!(instruments_fit("agreement|arrangement", "arrangement"));
        assert!(!instruments_fit("agreement|arrangement", "treaty"));
    }

    #[test]
    fn detects_the_seed_languages() {
        let en = include_str!("../../seeds/2025-2028.en.txt");
        let es = include_str!("../../seeds/2025-2028.es.txt");
        assert_eq!(Lang::detect(en), Some(Lang::En));
        assert_eq!(Lang::detect(es), Some(Lang::Es));
        assert_eq!(Lang::detect("12345 --- 2025"), None);
    }

    #[test]
    fn parses_codes_and_rejects_unknown_ones() {
        assert_eq!("EN".parse::<Lang>().unwrap(), Lang::En);
        assert_eq!("spanish".parse::<Lang>().unwrap(), Lang::Es);
        let err = "fr".parse::<Lang>().unwrap_err();
        assert!(err.is_setting());
        assert_eq!(
            err.to_string(),
            "unknown language \"fr\": expected one of en, es"
        );
    }

    #[test]
    fn tags_name_a_language_by_code_region_or_name() {
        let english = [
            "en", "EN", " en ", "en-CA", "en_US", "EN-gb", "eng", "ENG", "eng-US", "English",
            "english", "ENGLISH", "inglés", "ingles",
        ];
        for tag in english {
            assert_eq!(Lang::from_tag(tag).ok(), Some(Lang::En), "{tag:?}");
        }
        let spanish = [
            "es",
            "ES",
            "es-MX",
            "es_419",
            "es-ES",
            "spa",
            "español",
            "Español",
            "ESPAÑOL",
            "espanol",
            "Spanish",
            "spanish",
            "castellano",
            "Castellano",
        ];
        for tag in spanish {
            assert_eq!(Lang::from_tag(tag).ok(), Some(Lang::Es), "{tag:?}");
        }
        assert_eq!("es-MX".parse::<Lang>().ok(), Some(Lang::Es));
    }

    #[test]
    fn malformed_tags_and_unknown_languages_are_refused_alike() {
        for (tag, shown) in [
            ("fr", "fr"),
            ("FR", "fr"),
            ("fr-CA", "fr-ca"),
            ("e", "e"),
            ("en-", "en-"),
            ("", ""),
            ("  ", ""),
            ("english-ish", "english-ish"),
            ("en-toolongtag", "en-toolongtag"),
            ("en--US", "en--us"),
            ("deutsch", "deutsch"),
        ] {
            let err = Lang::from_tag(tag).unwrap_err();
            assert!(err.is_setting(), "{tag:?}");
            assert_eq!(
                err.to_string(),
                format!("unknown language {shown:?}: expected one of en, es"),
                "{tag:?}"
            );
        }
    }

    #[test]
    fn any_code_reads_languages_without_tables_too() {
        assert_eq!(any_code("English").as_deref(), Some("en"));
        assert_eq!(any_code("spa").as_deref(), Some("es"));
        assert_eq!(any_code("castellano").as_deref(), Some("es"));
        assert_eq!(any_code("DE").as_deref(), Some("de"));
        assert_eq!(any_code("pt-BR").as_deref(), Some("pt"));
        assert_eq!(any_code("fra").as_deref(), Some("fra"));
        for bad in ["deutsch", "d", "pt-", "", "de-Ä"] {
            assert_eq!(any_code(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn keyword_and_month_lookups_fold_case() {
        let es = Lang::Es.tables();
        assert_eq!(
            es.heading_keyword("ARTÍCULO"),
            Some(HeadingKeyword::Article)
        );
        assert_eq!(es.month("Septiembre"), Some(9));
        assert_eq!(Lang::En.tables().month("Sept."), Some(9));
        assert!(es.is_connector("del"));
    }
}
