//! French: what segmentation needs to read a French document before French gets tables of its
//! own (and with them comparisons): the titles of its front matter and its heading keywords.

use super::HeadingKeyword as K;

/// Heading keywords, lower-case (`Chapitre 3`, `Annexe A`).
pub(super) const HEADING_KEYWORDS: &[(&str, K)] = &[
    ("annexe", K::Annex),
    ("appendice", K::Appendix),
    ("partie", K::Part),
    ("titre", K::Title),
    ("chapitre", K::Chapter),
    ("section", K::Section),
    ("article", K::Article),
];

/// Titles of a table of contents and of lists of tables, figures and examples, lower-case.
pub(super) const FRONT_MATTER_TITLES: &[&str] = &[
    "table des matières",
    "table des matieres",
    "sommaire",
    "liste des tableaux",
    "liste des figures",
    "liste des exemples",
    "liste des illustrations",
    "table des tableaux",
    "table des figures",
];
