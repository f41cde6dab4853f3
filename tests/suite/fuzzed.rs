//! Regression tests from the fuzz targets in `fuzz/`: each input is one a target found,
//! minimised with `cargo fuzz tmin`, written here as a literal, and the test asserts the
//! invariant it broke.

use paridad::{Document, Lang};

use super::util::assert_lossless;

/// `segment` (round 2, 2026-11-30): a numbered line whose title opens with bold markup
/// (`2.1 **S`), followed by a line of the same numbering, is a numbered paragraph; the `**`
/// between its number and its text was in neither the heading nor the body, so segmentation
/// lost it. The heading now keeps the markup after the number.
#[test]
fn bold_markup_after_the_number_of_a_numbered_paragraph_is_kept() {
    let text = "2.1 **S\n2.1 2";
    for lang in [Lang::En, Lang::Es] {
        let doc = Document::parse(text, lang).unwrap();
        assert_lossless(&doc);
        let section = doc.section("2.1").unwrap();
        assert_eq!(&text[section.heading()[0]], "2.1 **");
        assert_eq!(&text[section.label().unwrap()], "2.1");
        assert_eq!(
            doc.sentences_of(section)
                .map(|s| s.text())
                .collect::<Vec<_>>(),
            ["S"]
        );
    }
}
