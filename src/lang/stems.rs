//! How a language inflects, as far as a loose search for a term's words needs it: the endings
//! cut from a word to leave the stem its inflected forms share, and the spelling changes
//! inside inflected forms that are undone before a form is compared with a stem.
//!
//! The rules of each language are a [`StemRules`] table at the end of its file (`en.rs`,
//! `es.rs`), reached through [`Lang::stem_rules`].

use super::Lang;

/// How one language inflects its words, for finding their inflected forms by a stem.
///
/// Words are folded keys: lower case, without accents, singular.
pub(crate) struct StemRules {
    /// Endings that inflection replaces (infinitive endings, final vowels), tried in order:
    /// the first that ends a word is cut to leave its stem.
    pub endings: &'static [&'static str],
    /// Spelling changes inside inflected forms, as `(in the form, in the stem)`: each is
    /// undone on its own, at every place it occurs, before a form is compared with a stem.
    pub spelling_changes: &'static [(&'static str, &'static str)],
}

impl Lang {
    /// How the language inflects its words.
    pub(crate) fn stem_rules(self) -> &'static StemRules {
        match self {
            Lang::En => &super::en::STEM_RULES,
            Lang::Es => &super::es::STEM_RULES,
        }
    }
}

impl StemRules {
    /// `word` without the first of [`StemRules::endings`] that ends it (all of `word` when
    /// none does). The caller decides how short a stem may be.
    pub fn stem<'w>(&self, word: &'w str) -> &'w str {
        self.endings
            .iter()
            .find_map(|ending| word.strip_suffix(ending))
            .unwrap_or(word)
    }

    /// The spellings `form` would have in a stem, one for each of
    /// [`StemRules::spelling_changes`] it holds, in the table's order (none for a language
    /// without spelling changes).
    pub fn respellings<'a>(&'a self, form: &'a str) -> impl Iterator<Item = String> + 'a {
        self.spelling_changes
            .iter()
            .filter(move |(from, _)| form.contains(from))
            .map(move |(from, to)| form.replace(from, to))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spanish_stems_drop_an_infinitive_ending_or_a_final_vowel() {
        let es = Lang::Es.stem_rules();
        assert_eq!(es.stem("fortalecer"), "fortalec");
        assert_eq!(es.stem("firmar"), "firm");
        assert_eq!(es.stem("pedir"), "ped");
        assert_eq!(es.stem("conjunto"), "conjunt");
        assert_eq!(es.stem("cadena"), "caden");
        assert_eq!(es.stem("suministre"), "suministr");
        // A final consonant other than an infinitive's stays.
        assert_eq!(es.stem("salud"), "salud");
        assert_eq!(es.stem("comercial"), "comercial");
        // The inflected forms begin with the stem.
        assert!("fortaleceran".starts_with(es.stem("fortalecer")));
        assert!("conjuntas".starts_with(es.stem("conjunto")));
    }

    #[test]
    fn spanish_verb_forms_are_respelled_as_their_stems() {
        let es = Lang::Es.stem_rules();
        let respelled = |form: &str| es.respellings(form).collect::<Vec<_>>();
        assert_eq!(respelled("promuevan"), ["promovan"]);
        assert_eq!(respelled("fortalezcan"), ["fortalecan", "fortalezzan"]);
        assert_eq!(respelled("busquen"), ["busqon", "buscen"]);
        assert_eq!(respelled("protejan"), ["protegan"]);
        assert_eq!(respelled("organice"), ["organece", "organize"]);
        assert!(respelled("promuevan")[0].starts_with(es.stem("promover")));
        assert!(respelled("fortalezcan")[0].starts_with(es.stem("fortalecer")));
        assert!(respelled("organice")[1].starts_with(es.stem("organizar")));
        assert!(respelled("montos").is_empty());
    }

    #[test]
    fn english_stems_drop_a_final_e_or_y_and_nothing_is_respelled() {
        let en = Lang::En.stem_rules();
        assert_eq!(en.stem("promote"), "promot");
        assert_eq!(en.stem("supply"), "suppl");
        assert_eq!(en.stem("sign"), "sign");
        assert_eq!(en.stem("strengthen"), "strengthen");
        assert!("promoting".starts_with(en.stem("promote")));
        assert!("supplied".starts_with(en.stem("supply")));
        assert_eq!(en.respellings("promoting").count(), 0);
    }
}
