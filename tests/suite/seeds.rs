//! The structure of the five seeds, checked against the documents as printed.

use paridad::{Document, Lang, ParagraphKind, SkipKind};

use super::util::*;

fn ids_2025() -> Vec<String> {
    let mut ids = vec!["preamble".to_string()];
    for (pillar, n) in [("I", 9), ("II", 4), ("III", 5), ("IV", 5)] {
        ids.push(pillar.to_string());
        ids.extend((1..=n).map(|i| format!("{pillar}.{i}")));
    }
    ids
}

#[test]
fn both_2025_versions_have_the_same_28_units() {
    let expected = ids_2025();
    for doc in [en(), es()] {
        let ids: Vec<&str> = doc.sections().iter().map(|s| s.id()).collect();
        assert_eq!(ids, expected, "{} version", doc.lang());
        // Sections hang under their pillar.
        let i4 = doc.section("I.4").unwrap();
        assert_eq!(doc.sections()[i4.parent().unwrap()].id(), "I");
        assert_eq!(doc.section("I").unwrap().children().len(), 9);
        assert_eq!(doc.section("IV").unwrap().children().len(), 5);
    }
}

#[test]
fn english_2025_titles_as_printed() {
    let doc = en();
    assert_eq!(doc.title(), Some("Canada-Mexico Action Plan 2025-2028"));
    assert_eq!(doc.date(), None, "the English version has no dateline");
    let outline = outline(&doc);
    assert_eq!(outline[1], ("I", "Prosperity"));
    assert_eq!(
        outline[2],
        ("I.1", "Trade Facilitation and Commercial Cooperation")
    );
    assert_eq!(
        outline[8],
        (
            "I.7",
            "Joint action in Integrated Trade and Energy Infrastructure"
        )
    );
    assert_eq!(outline[11], ("II", "Mobility, Inclusivity and Well-Being"));
    assert_eq!(
        outline[20],
        (
            "III.4",
            "Reaffirm our commitment to Bilateral Defence Cooperation"
        )
    );
    assert_eq!(outline[22], ("IV", "Environment and sustainability"));
    assert_eq!(
        outline[27],
        ("IV.5", "Inclusive Growth and Responsible Business Conduct")
    );
    // The web leftover at the end is reported, not lost and not a sentence.
    assert_eq!(doc.skipped().len(), 1);
    assert_eq!(doc.skipped()[0].kind, SkipKind::WebLeftover);
    assert_eq!(doc.skipped()[0].span.text(EN), "- Date modified:");
}

#[test]
fn spanish_2025_titles_dateline_and_end_mark() {
    let doc = es();
    assert_eq!(doc.title(), Some("Plan de Acción México-Canadá 2025-2028"));
    assert_eq!(doc.date().unwrap().to_string(), "2025-09-18");
    let dateline = doc.dateline().unwrap();
    assert_eq!(
        dateline.span.text(ES),
        "Ciudad de México, 18 de septiembre de 2025"
    );
    // The dateline stays text of the preamble: its first sentence, in a paragraph of its own.
    let first = &doc.sentences()[0];
    assert_eq!(first.text(), "Ciudad de México, 18 de septiembre de 2025");
    assert_eq!(
        doc.paragraphs()[first.paragraph()].kind(),
        ParagraphKind::Dateline
    );
    let outline = outline(&doc);
    assert_eq!(outline[1], ("I", "Prosperidad"));
    assert_eq!(
        outline[2],
        ("I.1", "Facilitación del comercio y vinculación comercial")
    );
    assert_eq!(outline[5], ("I.4", "Colaboración en seguridad económica"));
    assert_eq!(outline[11], ("II", "Movilidad, inclusión y bienestar"));
    assert_eq!(
        outline[17],
        (
            "III.1",
            "Fortalecimiento de la cooperación bilateral en materia de seguridad"
        )
    );
    assert_eq!(
        outline[27],
        (
            "IV.5",
            "Crecimiento inclusivo y Conducta Empresarial Responsable"
        )
    );
    assert_eq!(doc.skipped().len(), 1);
    assert_eq!(doc.skipped()[0].kind, SkipKind::EndMark);
    assert_eq!(doc.skipped()[0].span.text(ES), "--ooOOoo--");
    // The inline heading's span is the heading as printed, markup included.
    let i1 = doc.section("I.1").unwrap();
    assert_eq!(
        i1.heading()[0].text(ES),
        "- 1. Facilitación del comercio y vinculación comercial.**"
    );
    assert_eq!(i1.label().unwrap().text(ES), "1.");
}

#[test]
fn all_seven_spanish_page_break_cuts_are_healed() {
    let doc = es();
    // (section, words before the cut, words after it), read off the file.
    let cuts = [
        (
            "I.1",
            "mediante la identificación de nuevas oportunidades de negocio",
        ),
        ("I.5", "fortalecer la conectividad bilateral"),
        (
            "I.9",
            "garantizar a consumidores y procesadores productos competitivos",
        ),
        ("II.3", "colaboración continua incluyen la prevención"),
        ("III.1", "fentanilo y precursores químicos"),
        (
            "III.4",
            "en el marco del Programa de Cooperación en Entrenamiento Militar",
        ),
        ("IV.2", "a través de intercambios de conocimientos"),
    ];
    for (id, phrase) in cuts {
        let sentences = sentences_of(&doc, id);
        let holder: Vec<&&str> = sentences.iter().filter(|s| s.contains(phrase)).collect();
        assert_eq!(
            holder.len(),
            1,
            "{id}: {phrase:?} should fall inside one sentence"
        );
        // Healed means the sentence started before the cut: it does not start with the phrase
        // (unless the phrase itself starts the cut line, as `fentanilo` does mid-sentence).
        assert!(
            !holder[0].starts_with(phrase) || phrase.starts_with("fentanilo"),
            "{id}: {}",
            holder[0]
        );
    }
    // The seven cuts are exactly the sentences made of text on both sides of blank lines.
    let cut_sentences = doc
        .sentences()
        .iter()
        .filter(|s| s.span().text(ES).contains("\n\n"))
        .count();
    assert_eq!(cut_sentences, 7);
}

#[test]
fn no_2025_sentence_ends_without_terminal_punctuation() {
    for doc in [en(), es()] {
        let dateline = doc.dateline().map(|d| d.span);
        for s in doc.sentences() {
            if Some(s.span()) == dateline {
                continue;
            }
            let t = s.text().trim_end_matches(['"', '”', ')']);
            assert!(
                t.ends_with(['.', ':', '?', '!']),
                "{}: sentence without an end: {:?}",
                doc.lang(),
                s.text()
            );
        }
    }
}

#[test]
fn plan_2021_preamble_list_and_nine_sections() {
    let doc = Document::parse(PLAN_2021, Lang::En).unwrap();
    assert_eq!(doc.title(), Some("Canada-Mexico Action Plan"));
    let ids: Vec<&str> = doc.sections().iter().map(|s| s.id()).collect();
    assert_eq!(
        ids,
        ["preamble", "1", "2", "3", "4", "5", "6", "7", "8", "9"]
    );
    assert_eq!(
        doc.section("2").unwrap().title(),
        "Gender equality and women’s empowerment"
    );
    assert_eq!(
        doc.section("9").unwrap().title(),
        "Cooperation in the face of future health crises"
    );
    // The preamble holds its 9-item list, each item a paragraph with its bullet set apart.
    let preamble = &doc.sections()[0];
    let items: Vec<&str> = doc.paragraphs()[preamble.paragraph_range()]
        .iter()
        .filter(|p| p.kind() == ParagraphKind::Item)
        .map(|p| doc.sentences()[p.sentence_range().start].text())
        .collect();
    assert_eq!(items.len(), 9);
    assert_eq!(items[0], "Reconciliation with Indigenous Peoples");
    assert_eq!(items[8], "Cooperation in the face of future health crises");
    // Section 4's third bullet has no final period; it is still its own sentence.
    assert!(sentences_of(&doc, "4").contains(&"Both countries will promote the United Nations International Decade for People of African Descent"));
}

#[test]
fn statement_is_one_preamble_with_its_date_line() {
    let doc = Document::parse(STATEMENT, Lang::En).unwrap();
    let ids: Vec<&str> = doc.sections().iter().map(|s| s.id()).collect();
    assert_eq!(ids, ["preamble"]);
    assert_eq!(doc.date().unwrap().to_string(), "2025-09-20");
    assert_eq!(doc.title(), None);
    assert_eq!(
        doc.sentences()[0].text(),
        "date 2025-09-20 This article was last updated on September 20, 2025"
    );
    assert_eq!(doc.sentences().last().unwrap().text(), "The Canada-Mexico Action Plan 2025-2028 will serve as a roadmap to orient joint actions over the next 3 years.");
}

#[test]
fn plan_2014_introduction_priorities_annex_and_department_lists() {
    let doc = Document::parse(PLAN_2014, Lang::En).unwrap();
    assert_eq!(
        doc.title(),
        Some("THE THIRD CANADA-MEXICO JOINT ACTION PLAN")
    );
    assert_eq!(
        outline(&doc)[1..],
        [
            ("1", "Fostering Competitive and Sustainable Economies"),
            ("2", "Protecting our citizens"),
            ("3", "Enhancing People-to-People Contacts"),
            ("4", "Projecting our Partnership Globally and Regionally"),
            (
                "annex",
                "CANADA-MEXICO JOINT ACTION PLAN 2013-2015 INITIATIVES TO ADVANCE PRIORITIES"
            ),
            ("annex:1", "Fostering Competitive and Sustainable Economies"),
            ("annex:1.a", "Competitiveness and Economic Growth"),
            ("annex:1.b", "Energy"),
            ("annex:1.c", "Environment and Sustainability"),
            ("annex:1.d", "Science and Technology"),
            ("annex:2", "Protecting our citizens"),
            ("annex:2.a", "Security and Defence"),
            ("annex:2.b", "Health Security"),
            ("annex:3", "Enhancing People-to-People Contacts"),
            (
                "annex:4",
                "Projecting our Partnership Globally and Regionally"
            ),
            ("heading:1", "CONSULTED GOVERNMENT OF CANADA DEPARTMENTS"),
            ("heading:2", "CONSULTED GOVERNMENT OF MEXICO DEPARTMENTS"),
        ]
    );
    // The introduction: INTRODUCTION and PRIORITIES are headings inside the preamble.
    let preamble = &doc.sections()[0];
    let inner: Vec<&str> = doc.paragraphs()[preamble.paragraph_range()]
        .iter()
        .filter(|p| p.kind() == ParagraphKind::Heading)
        .map(|p| p.span().text(PLAN_2014))
        .collect();
    assert_eq!(inner, ["INTRODUCTION", "PRIORITIES"]);
    // The lists of departments: one entry a line, 17 in Canada's, 11 in Mexico's (SAGARPA's
    // name wraps onto a second line).
    assert_eq!(sentences_of(&doc, "heading:1").len(), 17);
    let mexico = sentences_of(&doc, "heading:2");
    assert_eq!(mexico.len(), 11);
    assert_eq!(
        mexico[6],
        "Secretaría de Agricultura, Ganadería, Desarrollo Rural, Pesca y Alimentación (SAGARPA)"
    );
    // `o` sub-items are items with their marker.
    let annex_1a = doc.section("annex:1.a").unwrap();
    let subitems = doc.paragraphs()[annex_1a.paragraph_range()]
        .iter()
        .filter(|p| p.marker().is_some_and(|m| m.text(PLAN_2014) == "o"))
        .count();
    assert_eq!(subitems, 7);
}

#[test]
fn plan_2014_line_final_hyphens_are_kept() {
    let doc = Document::parse(PLAN_2014, Lang::En).unwrap();
    let all: Vec<&str> = doc.sentences().iter().map(|s| s.text()).collect();
    let has = |needle: &str| all.iter().any(|s| s.contains(needle));
    assert!(has("an export-focussed relationship"));
    assert!(has("Political-Military Talks, Military-Military talks"));
    assert!(has("(CIC)-Secretaría de Gobernación (SEGOB)"));
}

#[test]
fn plan_2014_page_noise_splits_a_sentence_into_two_spans() {
    let doc = Document::parse(PLAN_2014, Lang::En).unwrap();
    let kinds: Vec<(SkipKind, &str)> = doc
        .skipped()
        .iter()
        .map(|s| (s.kind, s.span.text(PLAN_2014)))
        .collect();
    assert_eq!(
        kinds,
        [
            (
                SkipKind::RunningHeader,
                "VERSIÓN FINAL          February 7, 2014"
            ),
            (SkipKind::PageNumber, "3")
        ]
    );
    let cut = doc
        .sentences()
        .iter()
        .find(|s| s.text().starts_with("On this front, our two countries"))
        .unwrap();
    assert_eq!(
        cut.spans().len(),
        2,
        "the running header and page number cut it"
    );
    assert!(cut.spans()[0]
        .text(PLAN_2014)
        .ends_with("bilateral, trilateral and multilateral"));
    assert!(cut.spans()[1]
        .text(PLAN_2014)
        .starts_with("mechanisms, including the Canada–Mexico Partnership"));
    assert!(cut
        .text()
        .contains("trilateral and multilateral mechanisms, including"));
}

#[test]
fn every_seed_is_lossless() {
    for (text, lang) in [
        (EN, Lang::En),
        (ES, Lang::Es),
        (PLAN_2021, Lang::En),
        (STATEMENT, Lang::En),
        (PLAN_2014, Lang::En),
    ] {
        assert_lossless(&Document::parse(text, lang).unwrap());
    }
}
