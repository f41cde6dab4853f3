//! Languages and the per-language tables of general vocabulary the stages consult.
//!
//! Everything paridad knows about a language lives in one [`Tables`] value per language
//! (`en.rs`, `es.rs`): abbreviations, month names, heading keywords, connector words, web-page
//! leftovers. Adding a language means adding a table, not editing the segmenter.

mod en;
mod es;
mod stems;

use std::collections::HashSet;
use std::fmt;
use std::str::FromStr;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::error::Error;

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

    /// The language's English name.
    pub fn name(self) -> &'static str {
        self.tables().name
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

    fn from_str(s: &str) -> Result<Lang, Error> {
        let s = s.trim().to_ascii_lowercase();
        Lang::ALL
            .iter()
            .copied()
            .find(|l| l.code() == s || l.name().eq_ignore_ascii_case(&s))
            .ok_or_else(|| {
                Error::setting(format!(
                    "unknown language {s:?}: expected one of {}",
                    Lang::ALL
                        .iter()
                        .map(|l| l.code())
                        .collect::<Vec<_>>()
                        .join(", ")
                ))
            })
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
    pub code: &'static str,
    pub name: &'static str,
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
    /// Titles of a table of contents.
    pub contents_titles: &'static [&'static str],
    /// Labels that open a date line (`date 2025-09-20`).
    pub date_labels: &'static [&'static str],
    /// Web-page leftovers: a line made of one of these (after a bullet, with an optional colon
    /// and value) is layout noise.
    pub web_leftovers: &'static [&'static str],
    /// Words that introduce the month in a long date (`18 de septiembre de 2025`): skipped.
    pub date_fillers: &'static [&'static str],
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
    pub scale_words: &'static [(&'static str, f64)],
    /// Phrases before a date that make it a bound (`by the end of`, `antes de que concluya`),
    /// accent-free, lower-case, words joined by spaces, longest first.
    pub date_bounds: &'static [(&'static str, Bound)],
    /// Phrases naming a year relative to the document's date (`this year` 0, `next year` 1).
    pub relative_years: &'static [(&'static str, i32)],
    /// Words and phrases of modality and the strength of commitment they express
    /// (accent-free, lower-case, words joined by spaces).
    pub modals: &'static [(&'static str, Modality)],
    /// Endings of finite verbs in the future tense (lower-case, with accents), which commit in Spanish the
    /// way `will` does in English; empty for languages with a modal verb instead.
    pub future_endings: &'static [&'static str],
    /// Words that open a relative clause (`which`, `que`), accent-free and lower-case: "may"
    /// inside one describes what something can do (`corridors that could support trade`)
    /// rather than weakening a commitment.
    pub relative_words: &'static [&'static str],
    /// Names of kinds of instrument (`memorandum of understanding`, `acuerdo`), accent-free and
    /// lower-case, with a language-neutral tag; `""` shields a phrase that only looks like
    /// one (`de acuerdo con`).
    pub instruments: &'static [(&'static str, &'static str)],
    /// Lower-case words that stand inside a name between capitalised words (`of`, `de`); `and`
    /// is left out, since it joins two names (`Canada and Mexico`).
    pub name_connectors: &'static [&'static str],
    /// Qualifiers before a number (`over`, `más de`) and what they mean.
    pub number_qualifiers: &'static [(&'static str, Qualifier)],
    /// Words the language borrowed from Latin `s` + consonant gained an `e` in front
    /// (`estratégico`, `strategic`): cognate matching drops it.
    pub prosthetic_e: bool,
    /// `stop_words` as a set, built on first use: every token of every text is looked up.
    pub stop_set: OnceLock<HashSet<&'static str>>,
}

/// The tables of a language paridad knows nothing about: every list empty, so only what is
/// language-neutral counts (digits, acronyms, identical and near-identical words, lengths).
pub(crate) static NEUTRAL: Tables = Tables {
    code: "",
    name: "",
    function_words: &[],
    abbreviations: &[],
    sentence_starters: &[],
    months: &[],
    connectors: &[],
    heading_keywords: &[],
    contents_titles: &[],
    date_labels: &[],
    web_leftovers: &[],
    date_fillers: &[],
    page_labels: &[],
    stop_words: &[],
    plural_endings: &[],
    number_words: &[],
    unit_words: &[],
    number_joiners: &[],
    ordinal_words: &[],
    ordinal_suffixes: &[],
    percent_words: &[],
    scale_words: &[],
    date_bounds: &[],
    relative_years: &[],
    modals: &[],
    future_endings: &[],
    relative_words: &[],
    instruments: &[],
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

/// How strongly a sentence commits.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Modality {
    /// `explore`, `consider`, `intend`, `seek to`: an intention to look into something.
    Tentative,
    /// `may`, `could`, `might`, `podrán`: a possibility.
    Possible,
    /// `will`, `shall`, `commit to`, the Spanish future, `se comprometen`: a commitment.
    Committed,
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

#[cfg(test)]
mod tests {
    use super::*;

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
