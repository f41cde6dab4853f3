//! Which file is which language: the language tags of `--lang` and `--langs` parsed, and two
//! versions read and put in English–Spanish order, with the doubts about their languages. The
//! commands on documents (`segment`, `align`, `check`, `batch`) take their languages from here
//! alone; the sentence lists of `align --sentences`, in any two languages, settle theirs in
//! `cmd/align.rs`.

use std::path::PathBuf;

use paridad::{Document, Lang};

use crate::input::read_input;
use crate::{say, shown_path, Failure};

/// The language of `--lang`, or the one `text` is detected in (English when not detected).
pub(crate) fn parse_lang(given: Option<&str>, text: &str) -> Result<Lang, Failure> {
    match given {
        Some(code) => Ok(Lang::from_tag(code)?),
        None => Ok(Lang::detect(text).unwrap_or(Lang::En)),
    }
}

/// `en,es` (the first file's language, then the second's).
fn parse_langs(given: &str) -> Result<(Lang, Lang), Failure> {
    let parts: Vec<&str> = given.split(',').collect();
    match parts[..] {
        [a, b] => Ok((Lang::from_tag(a)?, Lang::from_tag(b)?)),
        _ => Err(Failure(format!(
            "--langs {given:?}: expected two language codes, as en,es"
        ))),
    }
}

/// Two versions read and parsed, in English–Spanish order whatever the order given.
pub(crate) struct Versions {
    texts: [String; 2],
    langs: [Lang; 2],
    /// The paths, English first.
    pub(crate) paths: [PathBuf; 2],
    /// What looked wrong about the languages (both in one language, the Spanish first, a
    /// language given that the text contradicts); refused instead with `strict`.
    pub(crate) doubts: Vec<String>,
}

impl Versions {
    /// Reads both files and settles their languages: given with `--langs`, else detected.
    /// A doubtful case (both in one language, the Spanish file first, a language given that
    /// the text contradicts) is recorded in `doubts`, or refused with `strict`.
    pub(crate) fn read(
        first: &PathBuf,
        second: &PathBuf,
        langs: Option<&str>,
        strict: bool,
    ) -> Result<Versions, Failure> {
        let given = langs.map(parse_langs).transpose()?;
        let (text_a, text_b) = (read_input(first)?, read_input(second)?);
        let (detected_a, detected_b) = (Lang::detect(&text_a), Lang::detect(&text_b));
        let mut doubts: Vec<String> = Vec::new();
        let (lang_a, lang_b) = match given {
            Some((a, b)) => {
                for (path, given, detected) in [(first, a, detected_a), (second, b, detected_b)] {
                    if detected.is_some_and(|d| d != given) {
                        doubts.push(format!(
                            "{} reads as {} but --langs says {}",
                            path.display(),
                            detected.map_or("", |d| d.name()),
                            given.name()
                        ));
                    }
                }
                (a, b)
            }
            None => {
                let [lang_a, lang_b] = Lang::detect_pair(&text_a, &text_b);
                if Lang::swaps_sides(lang_a, lang_b) {
                    doubts.push(format!(
                        "{} is the Spanish version and {} the English one",
                        first.display(),
                        second.display()
                    ));
                }
                (lang_a, lang_b)
            }
        };
        if lang_a == lang_b {
            // Said of what --langs gives when it gives the languages (the texts may read
            // otherwise, as the doubts above say), of the texts otherwise.
            let how = if given.is_some() {
                "are given as"
            } else {
                "are in"
            };
            doubts.push(format!(
                "both {} and {} {how} {}",
                first.display(),
                second.display(),
                lang_a.name()
            ));
        }
        if let Some(doubt) = doubts.first().filter(|_| strict) {
            return Err(Failure(format!("{doubt} (--strict-lang)")));
        }
        let swap = Lang::swaps_sides(lang_a, lang_b);
        let (texts, langs, paths) = if swap {
            (
                [text_b, text_a],
                [lang_b, lang_a],
                [second.clone(), first.clone()],
            )
        } else {
            (
                [text_a, text_b],
                [lang_a, lang_b],
                [first.clone(), second.clone()],
            )
        };
        Ok(Versions {
            texts,
            langs,
            paths,
            doubts,
        })
    }

    /// Says the language doubts on standard error.
    pub(crate) fn warn(&self) {
        for doubt in &self.doubts {
            say(&format!("paridad: warning: {doubt}; going on"));
        }
    }

    /// Both documents parsed, English first.
    pub(crate) fn parse(&self) -> Result<(Document<'_>, Document<'_>), Failure> {
        // Both versions at once; an error in the first is the one reported.
        let side = |k: usize| {
            Document::parse(&self.texts[k], self.langs[k])
                .map_err(|e| e.with_path(shown_path(&self.paths[k])))
        };
        let (en, es) = rayon::join(|| side(0), || side(1));
        Ok((en?, es?))
    }
}
