//! Data-driven layout fixtures (tests/fixtures/segment/*.txt with a .toml of expectations written
//! by hand from reading; see the README there).

use std::path::Path;

use paridad::{Document, Lang, SkipKind};
use serde::Deserialize;

use super::util::assert_lossless;

#[derive(Deserialize)]
struct Expect {
    lang: String,
    title: Option<String>,
    date: Option<String>,
    #[serde(default)]
    skipped: Vec<String>,
    /// The number of lines reported as contents (tables of contents and lists of tables).
    contents: Option<usize>,
    unit: Vec<Unit>,
}

#[derive(Deserialize)]
struct Unit {
    id: String,
    title: Option<String>,
    sentences: Option<usize>,
    first: Option<String>,
    last: Option<String>,
}

fn check(name: &str) -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/segment");
    let text = std::fs::read_to_string(dir.join(format!("{name}.txt"))).unwrap();
    let expect: Expect =
        toml::from_str(&std::fs::read_to_string(dir.join(format!("{name}.toml"))).unwrap())
            .unwrap();
    let lang: Lang = expect.lang.parse().unwrap();
    let doc = Document::parse(&text, lang).unwrap();
    assert_lossless(&doc);
    let mut problems = Vec::new();
    let ids: Vec<&str> = doc.sections().iter().map(|s| s.id()).collect();
    let want: Vec<&str> = expect.unit.iter().map(|u| u.id.as_str()).collect();
    if ids != want {
        problems.push(format!("ids: got {ids:?}\n      want {want:?}"));
        return problems;
    }
    if doc.title() != expect.title.as_deref() {
        problems.push(format!(
            "title: got {:?}, want {:?}",
            doc.title(),
            expect.title
        ));
    }
    if doc.date().map(|d| d.to_string()) != expect.date {
        problems.push(format!(
            "date: got {:?}, want {:?}",
            doc.date(),
            expect.date
        ));
    }
    for noise in &expect.skipped {
        if !doc
            .skipped()
            .iter()
            .any(|s| s.span.text(&text).contains(noise.as_str()))
        {
            problems.push(format!("{noise:?} not reported as skipped"));
        }
    }
    if let Some(want) = expect.contents {
        let got: Vec<&str> = doc
            .skipped()
            .iter()
            .filter(|s| s.kind == SkipKind::Contents)
            .map(|s| s.span.text(&text))
            .collect();
        if got.len() != want {
            problems.push(format!(
                "{} contents lines, want {want}: {got:#?}",
                got.len()
            ));
        }
    }
    for (section, unit) in doc.sections().iter().zip(&expect.unit) {
        let id = &unit.id;
        // The preamble's title is the document title, checked above.
        if let Some(t) = unit.title.as_deref().filter(|_| id != "preamble") {
            if section.title() != t {
                problems.push(format!("{id}: title {:?}, want {t:?}", section.title()));
            }
        }
        let sentences: Vec<&str> = doc.sentences_of(section).map(|s| s.text()).collect();
        if let Some(n) = unit.sentences {
            if sentences.len() != n {
                problems.push(format!(
                    "{id}: {} sentences, want {n}: {sentences:#?}",
                    sentences.len()
                ));
                continue;
            }
        }
        if let (Some(first), Some(s)) = (&unit.first, sentences.first()) {
            if !s.starts_with(first.as_str()) {
                problems.push(format!(
                    "{id}: first sentence {s:?} does not start with {first:?}"
                ));
            }
        }
        if let (Some(last), Some(s)) = (&unit.last, sentences.last()) {
            if !s.ends_with(last.as_str()) {
                problems.push(format!(
                    "{id}: last sentence {s:?} does not end with {last:?}"
                ));
            }
        }
    }
    problems
}

macro_rules! fixtures {
    ($($name:ident),* $(,)?) => {
        $(
            #[test]
            fn $name() {
                let problems = check(stringify!($name));
                assert!(problems.is_empty(), "{}:\n{}", stringify!($name), problems.join("\n"));
            }
        )*

        #[test]
        fn every_fixture_file_has_a_test() {
            let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/segment");
            let mut on_disk: Vec<String> = std::fs::read_dir(dir).unwrap()
                .filter_map(|e| e.ok()?.file_name().into_string().ok()?.strip_suffix(".toml").map(String::from))
                .collect();
            on_disk.sort();
            let mut listed = vec![$(stringify!($name).to_string()),*];
            listed.sort();
            assert_eq!(on_disk, listed);
        }
    };
}

fixtures!(
    appendix,
    contents_appendix,
    contents_appendix_es,
    contents_links,
    contents_links_es,
    contents_lists,
    contents_lists_es,
    contents_pages_leaders,
    contents_pages_leaders_es,
    contents_per_chapter,
    contents_per_chapter_es,
    contents_preface_restart,
    contents_preface_restart_es,
    contents_titled_indented,
    contents_titled_indented_es,
    contents_untitled,
    contents_untitled_es,
    appendix_es,
    multilevel,
    multilevel_es_nodot,
    nbsp,
    nbsp_es_inline,
    pdf_wrapped,
    pdf_wrapped_annex,
    renumbered_en,
    renumbered_es_inline,
    sections_es,
    toc_chapters,
    toc_chapters_es,
    toc_start,
    toc_start_nopages,
    treaty_en,
    treaty_es,
    unnumbered_es,
    wrapped_headings,
    wrapped_headings_es,
);

#[test]
fn treaty_versions_share_their_ids() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/segment");
    let en = std::fs::read_to_string(dir.join("treaty_en.txt")).unwrap();
    let es = std::fs::read_to_string(dir.join("treaty_es.txt")).unwrap();
    let en = Document::parse(&en, Lang::En).unwrap();
    let es = Document::parse(&es, Lang::Es).unwrap();
    let ids = |d: &Document| {
        d.sections()
            .iter()
            .map(|s| s.id().to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(&en), ids(&es));
}
