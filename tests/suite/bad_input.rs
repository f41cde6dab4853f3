//! Bad and odd input: a clear error or a sensible result, never a panic.

use paridad::{Document, Lang};
use unicode_normalization::UnicodeNormalization;

use super::util::*;

#[test]
fn empty_and_whitespace_only_are_clear_errors() {
    let err = Document::parse("", Lang::En).unwrap_err();
    assert!(err.is_empty_input());
    assert_eq!(err.to_string(), "the document is empty");
    let err = Document::parse(" \n\t\r\n  \n", Lang::Es).unwrap_err();
    assert!(err.is_empty_input());
    assert_eq!(err.to_string(), "the document holds only white space");
    assert!(
        Document::parse("\u{feff}\n \n", Lang::En)
            .unwrap_err()
            .is_empty_input(),
        "a BOM alone"
    );
}

#[test]
fn invalid_utf8_names_file_offset_and_likely_encoding() {
    let dir = std::env::temp_dir().join(format!("paridad-bad-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("latin1.txt");
    // "Plan de Acción" in Windows-1252: ó is the single byte 0xF3, at offset 12.
    std::fs::write(&path, b"Plan de Acci\xf3n\n\nI. Prosperidad\n").unwrap();
    let err = paridad::read_file(&path).unwrap_err();
    assert!(err.is_invalid_utf8());
    assert_eq!(err.byte_offset(), Some(12));
    let msg = err.to_string();
    assert!(
        msg.starts_with(&format!(
            "{}: invalid UTF-8 at byte 12 (line 1, column 13)",
            path.display()
        )),
        "{msg}"
    );
    assert!(msg.contains("Windows-1252"), "{msg}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn missing_file_is_a_clear_error() {
    let err = paridad::read_file("seeds/no-such-plan.txt").unwrap_err();
    assert!(err.is_io());
    assert_eq!(err.to_string(), "seeds/no-such-plan.txt: no such file");
}

#[test]
fn a_bom_is_skipped_and_counts_in_spans() {
    let with_bom = format!("\u{feff}{ES}");
    let doc = Document::parse(&with_bom, Lang::Es).unwrap();
    assert_eq!(doc.skipped()[0].kind, paridad::SkipKind::Bom);
    assert_eq!(doc.skipped()[0].span, paridad::Span::new(0, 3));
    let plain = es();
    assert_eq!(outline(&doc), outline(&plain));
    // Every span moved by the three bytes of the BOM.
    assert_eq!(
        doc.sentences()[5].span().start,
        plain.sentences()[5].span().start + 3
    );
    assert_eq!(doc.sentences()[5].text(), plain.sentences()[5].text());
    assert_lossless(&doc);
}

#[test]
fn crlf_gives_the_same_structure_and_sentences() {
    for (text, lang) in [(EN, Lang::En), (ES, Lang::Es), (PLAN_2014, Lang::En)] {
        let crlf = text.replace('\n', "\r\n");
        let a = Document::parse(text, lang).unwrap();
        let b = Document::parse(&crlf, lang).unwrap();
        assert_eq!(outline(&a), outline(&b));
        let sa: Vec<&str> = a.sentences().iter().map(|s| s.text()).collect();
        let sb: Vec<&str> = b.sentences().iter().map(|s| s.text()).collect();
        assert_eq!(sa, sb);
        assert_lossless(&b);
    }
}

#[test]
fn nfd_text_gives_the_same_ids_and_titles() {
    let nfd: String = ES.nfd().collect();
    assert_ne!(nfd.len(), ES.len(), "the seed has precomposed accents");
    let a = es();
    let b = Document::parse(&nfd, Lang::Es).unwrap();
    assert_eq!(outline(&a), outline(&b));
    assert_eq!(a.sentences().len(), b.sentences().len());
    assert_eq!(
        a.sentences()[3].text(),
        b.sentences()[3].text(),
        "sentence text is NFC"
    );
    assert_lossless(&b);
}

#[test]
fn text_without_numbering_is_one_preamble() {
    let text = "Canada and Mexico met today. They agreed on many things.\n\nThe leaders will meet again next year.\n";
    let doc = Document::parse(text, Lang::En).unwrap();
    let ids: Vec<&str> = doc.sections().iter().map(|s| s.id()).collect();
    assert_eq!(ids, ["preamble"]);
    assert_eq!(doc.sentences().len(), 3);
}

#[test]
fn odd_characters_do_not_panic() {
    let samples = [
        "\0\0\0",
        "1.",
        "I.",
        "- ",
        "**",
        "Article",
        "Anexo\n\n",
        "1. \u{a0}\n2.\u{a0}",
        "\u{202e}مرحبا. שלום.\n1. ✓ Título\u{301}\n",
        "a)\n(b)\n(1)\n1)",
        "Artículo 1o.\nCapítulo\n",
        "e\u{301}\u{301}\u{301}. A.",
    ];
    for s in samples {
        for lang in [Lang::En, Lang::Es] {
            if let Ok(doc) = Document::parse(s, lang) {
                assert_lossless(&doc);
            }
        }
    }
}
