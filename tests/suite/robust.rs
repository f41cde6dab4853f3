//! Robustness of the aligner: the 2025-2028 seed pair with one version mutated by hand (a
//! section deleted, deleted and the rest renumbered, two sections swapped, two bodies swapped,
//! a sentence deleted, two sentences merged, a sentence inserted, a pillar introduction
//! removed), aligned against the unchanged other version.
//!
//! Every expectation comes from reading the texts and from the hand-made gold
//! (`tests/gold/2025-2028.toml`), whose beads are by sentence text and so still hold for the
//! untouched content of a mutated version, wherever it now stands and whatever its number.

use paridad::{Aligner, Alignment, Document, Lang, SectionPair};

use super::gold::gold;
use super::util::*;

// ---------------------------------------------------------------------------------------------
// Mutations of the raw text.

/// Byte offset of `needle` in `text`, which must hold it exactly once.
fn find_once(text: &str, needle: &str) -> usize {
    assert_eq!(
        text.matches(needle).count(),
        1,
        "{needle:?} must occur exactly once in the text"
    );
    text.find(needle).unwrap()
}

/// `text` with `old` (occurring exactly once) replaced by `new`.
fn replace_once(text: &str, old: &str, new: &str) -> String {
    let at = find_once(text, old);
    format!("{}{new}{}", &text[..at], &text[at + old.len()..])
}

/// `text` without the bytes from the start of `from` to the start of `to` (`to` after `from`).
fn cut(text: &str, from: &str, to: &str) -> String {
    let (a, b) = (find_once(text, from), find_once(text, to));
    assert!(a < b, "{from:?} must come before {to:?}");
    format!("{}{}", &text[..a], &text[b..])
}

fn parse_es(text: &str) -> Document<'_> {
    Document::parse(text, Lang::Es).expect("the mutated Spanish parses")
}

fn parse_en(text: &str) -> Document<'_> {
    Document::parse(text, Lang::En).expect("the mutated English parses")
}

fn lowercase_first(s: &str) -> String {
    let mut chars = s.chars();
    let first = chars.next().expect("a non-empty sentence");
    first.to_lowercase().chain(chars).collect()
}

// ---------------------------------------------------------------------------------------------
// Reading an alignment.

/// A sentence pair as texts: the English sentences, the Spanish sentences.
type TextBead = (Vec<String>, Vec<String>);

fn texts(doc: &Document<'_>, indexes: &[usize]) -> Vec<String> {
    indexes
        .iter()
        .map(|&i| doc.sentences()[i].text().to_string())
        .collect()
}

/// The sentence pairs of a section pair, as texts.
fn text_beads(en: &Document<'_>, es: &Document<'_>, pair: &SectionPair) -> Vec<TextBead> {
    pair.pairs
        .iter()
        .map(|p| (texts(en, &p.a), texts(es, &p.b)))
        .collect()
}

/// The gold beads of one unit (an id of the unmutated pair), as texts.
fn gold_beads(id: &str) -> Vec<TextBead> {
    let gold = gold();
    let unit = gold
        .unit
        .iter()
        .find(|u| u.id == id)
        .unwrap_or_else(|| panic!("no gold unit {id}"));
    let side = |s: &str, sentences: &[String]| -> Vec<String> {
        s.split(',')
            .filter(|x| !x.is_empty())
            .map(|x| sentences[x.parse::<usize>().unwrap()].clone())
            .collect()
    };
    unit.beads
        .iter()
        .map(|bead| {
            let (a, b) = bead.split_once(':').expect("a bead has a colon");
            (side(a, &unit.en), side(b, &unit.es))
        })
        .collect()
}

/// The gold sentences of one unit: (English, Spanish).
fn gold_sentences(id: &str) -> (Vec<String>, Vec<String>) {
    let unit = gold()
        .unit
        .into_iter()
        .find(|u| u.id == id)
        .unwrap_or_else(|| panic!("no gold unit {id}"));
    (unit.en, unit.es)
}

/// The one section pair whose English side has this id.
fn by_en<'a>(alignment: &'a Alignment, id: &str) -> &'a SectionPair {
    let found: Vec<&SectionPair> = alignment
        .sections
        .iter()
        .filter(|p| p.a_id.as_deref() == Some(id))
        .collect();
    assert_eq!(
        found.len(),
        1,
        "English {id} must be in exactly one section pair"
    );
    found[0]
}

fn short(s: &str) -> String {
    let cut: String = s.chars().take(60).collect();
    if cut.len() < s.len() {
        format!("{cut}…")
    } else {
        cut
    }
}

/// The section pairs (those with one of `ids` on either side, or all when `ids` is empty) and
/// their sentence pairs, for failure messages.
fn render(alignment: &Alignment, en: &Document<'_>, es: &Document<'_>, ids: &[&str]) -> String {
    let mut out = String::new();
    for pair in &alignment.sections {
        let shown = ids.is_empty()
            || ids
                .iter()
                .any(|id| pair.a_id.as_deref() == Some(id) || pair.b_id.as_deref() == Some(id));
        if !shown {
            continue;
        }
        out.push_str(&format!(
            "\n  section en {:?} ~ es {:?} (score {}, moved {})",
            pair.a_id, pair.b_id, pair.score, pair.moved
        ));
        for p in &pair.pairs {
            out.push_str(&format!("\n    {:?} : {:?}  score {}", p.a, p.b, p.score));
            for t in texts(en, &p.a) {
                out.push_str(&format!("\n       en  {}", short(&t)));
            }
            for t in texts(es, &p.b) {
                out.push_str(&format!("\n       es  {}", short(&t)));
            }
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Assertions.

/// The alignment's invariants: every section and every sentence of both documents appears in
/// exactly one pair; a section pair's ids are those of its sections; its sentence pairs hold
/// only the sections' own sentences, each side consecutive, and are monotone (indexes increase
/// from pair to pair on both sides); no pair is empty on both sides.
fn assert_coverage(alignment: &Alignment, en: &Document<'_>, es: &Document<'_>) {
    let mut sections = [
        vec![0usize; en.sections().len()],
        vec![0usize; es.sections().len()],
    ];
    let mut sentences = [
        vec![0usize; en.sentences().len()],
        vec![0usize; es.sentences().len()],
    ];
    for pair in &alignment.sections {
        let sides = [
            (en, pair.a, pair.a_id.as_deref()),
            (es, pair.b, pair.b_id.as_deref()),
        ];
        for (k, (doc, section, id)) in sides.into_iter().enumerate() {
            match section {
                Some(s) => {
                    assert_eq!(id, Some(doc.sections()[s].id()), "{pair:?}");
                    sections[k][s] += 1;
                }
                None => assert_eq!(id, None, "{pair:?}"),
            }
        }
        assert!(pair.a.is_some() || pair.b.is_some(), "{pair:?}");
        let mut last: [Option<usize>; 2] = [None, None];
        for p in &pair.pairs {
            assert!(
                !p.a.is_empty() || !p.b.is_empty(),
                "empty sentence pair in {pair:?}"
            );
            let sides = [(en, pair.a, &p.a), (es, pair.b, &p.b)];
            for (k, (doc, section, indexes)) in sides.into_iter().enumerate() {
                for w in indexes.windows(2) {
                    assert_eq!(w[1], w[0] + 1, "not consecutive in {pair:?}");
                }
                if let Some(&first) = indexes.first() {
                    if let Some(prev) = last[k] {
                        assert!(first > prev, "not monotone in {pair:?}");
                    }
                    last[k] = indexes.last().copied();
                }
                for &i in indexes {
                    assert_eq!(
                        Some(doc.sentences()[i].section()),
                        section,
                        "sentence {i} outside its section pair {pair:?}"
                    );
                    sentences[k][i] += 1;
                }
            }
        }
    }
    for (k, lang) in ["English", "Spanish"].iter().enumerate() {
        for (s, n) in sections[k].iter().enumerate() {
            assert_eq!(*n, 1, "{lang} section {s} is in {n} section pairs");
        }
        for (i, n) in sentences[k].iter().enumerate() {
            assert_eq!(*n, 1, "{lang} sentence {i} is in {n} sentence pairs");
        }
    }
}

/// Every English section not in `except` pairs with the Spanish section of the same id.
fn assert_paired_by_id(
    alignment: &Alignment,
    en: &Document<'_>,
    es: &Document<'_>,
    except: &[&str],
) {
    for section in en.sections() {
        let id = section.id();
        if except.contains(&id) {
            continue;
        }
        let pair = by_en(alignment, id);
        assert_eq!(
            pair.b_id.as_deref(),
            Some(id),
            "English {id} must pair with Spanish {id}:{}",
            render(alignment, en, es, &[id])
        );
    }
}

/// No section pair is reported moved except those whose English id is in `except`.
fn assert_not_moved(alignment: &Alignment, en: &Document<'_>, es: &Document<'_>, except: &[&str]) {
    for pair in &alignment.sections {
        if pair.a_id.as_deref().is_some_and(|id| except.contains(&id)) {
            continue;
        }
        assert!(
            !pair.moved,
            "en {:?} ~ es {:?} is reported moved, though it stands in order:{}",
            pair.a_id,
            pair.b_id,
            render(alignment, en, es, &[])
        );
    }
}

/// The sentence pairs of English section `id` are `expected`, by text.
fn assert_beads(
    alignment: &Alignment,
    en: &Document<'_>,
    es: &Document<'_>,
    id: &str,
    expected: &[TextBead],
) {
    let got = text_beads(en, es, by_en(alignment, id));
    assert_eq!(
        got,
        expected,
        "sentence pairs of English {id}:{}",
        render(alignment, en, es, &[id])
    );
}

/// Every English section not in `except` has the gold's sentence pairs (by text): the content
/// the mutation left alone is aligned as before.
fn assert_rest_as_gold(
    alignment: &Alignment,
    en: &Document<'_>,
    es: &Document<'_>,
    except: &[&str],
) {
    for section in en.sections() {
        let id = section.id();
        if !except.contains(&id) {
            assert_beads(alignment, en, es, id, &gold_beads(id));
        }
    }
}

fn ids<'a>(doc: &'a Document<'_>) -> Vec<&'a str> {
    doc.sections().iter().map(|s| s.id()).collect()
}

/// The ids of the unmutated seed pair, in order.
const SEED_IDS: [&str; 28] = [
    "preamble", "I", "I.1", "I.2", "I.3", "I.4", "I.5", "I.6", "I.7", "I.8", "I.9", "II", "II.1",
    "II.2", "II.3", "II.4", "III", "III.1", "III.2", "III.3", "III.4", "III.5", "IV", "IV.1",
    "IV.2", "IV.3", "IV.4", "IV.5",
];

/// The seed ids with `remove` left out.
fn seed_ids_without(remove: &[&str]) -> Vec<&'static str> {
    SEED_IDS
        .iter()
        .copied()
        .filter(|id| !remove.contains(id))
        .collect()
}

/// The Spanish heading of pillar I, section 3, and of section 4 after it.
const ES_I3: &str = "- 3. Cooperación en política comercial.**";
const ES_I4: &str = "- 4. Colaboración en seguridad económica.**";

// ---------------------------------------------------------------------------------------------
// The cases.

/// Spanish I.3 removed, heading and body; I.4 keeps its number 4.
#[test]
fn spanish_section_deleted() {
    let es_text = cut(ES, ES_I3, ES_I4);
    let (en, es) = (en(), parse_es(&es_text));
    assert_eq!(ids(&es), seed_ids_without(&["I.3"]), "the mutated outline");
    let alignment = Aligner::new().align(&en, &es);
    assert_coverage(&alignment, &en, &es);

    let i3 = by_en(&alignment, "I.3");
    assert_eq!(
        i3.b,
        None,
        "English I.3 has no counterpart:{}",
        render(&alignment, &en, &es, &["I.3"])
    );
    assert!(!i3.pairs.is_empty());
    assert!(i3.pairs.iter().all(|p| p.b.is_empty()));
    let (i3_en, _) = gold_sentences("I.3");
    assert_beads(&alignment, &en, &es, "I.3", &[(i3_en, vec![])]);

    assert_paired_by_id(&alignment, &en, &es, &["I.3"]);
    assert_not_moved(&alignment, &en, &es, &[]);
    assert_rest_as_gold(&alignment, &en, &es, &["I.3"]);
}

/// Spanish I.3 removed and sections 4 to 9 of pillar I renumbered 3 to 8: the pairing follows
/// the content, not the numbers.
#[test]
fn spanish_section_deleted_and_the_rest_renumbered() {
    let mut es_text = cut(ES, ES_I3, ES_I4);
    let pillar_ii = find_once(&es_text, "II. Movilidad, inclusión y bienestar");
    let titles = [
        (4, "Colaboración en seguridad económica"),
        (5, "Colaboración en materia de puertos"),
        (6, "Innovación"),
        (
            7,
            "Acción conjunta en infraestructura integrada de comercio y energía",
        ),
        (8, "Acción conjunta en minería sostenible"),
        (9, "Acción conjunta en agricultura y agroalimentación"),
    ];
    for (n, title) in titles {
        let old = format!("- {n}. {title}.**");
        assert!(
            find_once(&es_text, &old) < pillar_ii,
            "{old} is in pillar I"
        );
        es_text = replace_once(&es_text, &old, &format!("- {}. {title}.**", n - 1));
    }
    let (en, es) = (en(), parse_es(&es_text));
    assert_eq!(ids(&es), seed_ids_without(&["I.9"]), "the mutated outline");
    assert_eq!(es.section("I.3").unwrap().title(), titles[0].1);
    assert_eq!(es.section("I.8").unwrap().title(), titles[5].1);
    let alignment = Aligner::new().align(&en, &es);
    assert_coverage(&alignment, &en, &es);

    let i3 = by_en(&alignment, "I.3");
    assert_eq!(
        i3.b,
        None,
        "English I.3 has no counterpart:{}",
        render(&alignment, &en, &es, &["I.3"])
    );
    assert!(i3.pairs.iter().all(|p| p.b.is_empty()));

    let shifted = ["I.4", "I.5", "I.6", "I.7", "I.8", "I.9"];
    for (k, id) in shifted.iter().enumerate() {
        let expected = format!("I.{}", k + 3);
        let pair = by_en(&alignment, id);
        assert_eq!(
            pair.b_id.as_deref(),
            Some(expected.as_str()),
            "English {id} must pair with Spanish {expected}, which holds its content:{}",
            render(&alignment, &en, &es, &[id])
        );
    }
    // English I.4 (3 sentences) against Spanish I.3 (ex-I.4, 3 sentences): 1-1, in order.
    let i4 = by_en(&alignment, "I.4");
    assert_eq!(
        i4.pairs.len(),
        3,
        "{}",
        render(&alignment, &en, &es, &["I.4"])
    );
    assert!(
        i4.pairs.iter().all(|p| p.a.len() == 1 && p.b.len() == 1),
        "{}",
        render(&alignment, &en, &es, &["I.4"])
    );

    let mut except = vec!["I.3"];
    except.extend(shifted);
    assert_paired_by_id(&alignment, &en, &es, &except);
    assert_not_moved(&alignment, &en, &es, &[]);
    // The shifted sections keep the gold's sentence pairs: the gold is by text.
    assert_rest_as_gold(&alignment, &en, &es, &["I.3"]);
}

/// Spanish II.2 (heading with its number, and body) moved after II.3: the order reads 1, 3, 2, 4.
#[test]
fn spanish_sections_swapped() {
    let ii2 = "- 2. Colaboración en materia laboral.**";
    let ii3 = "- 3. Colaboración en políticas de salud";
    let ii4 = "- 4. Colaboración con pueblos indígenas";
    let (a, b, c) = (find_once(ES, ii2), find_once(ES, ii3), find_once(ES, ii4));
    assert!(a < b && b < c);
    let es_text = format!("{}{}{}{}", &ES[..a], &ES[b..c], &ES[a..b], &ES[c..]);
    let (en, es) = (en(), parse_es(&es_text));
    let mut expected_ids = SEED_IDS.to_vec();
    expected_ids.swap(13, 14);
    assert_eq!(&expected_ids[12..16], ["II.1", "II.3", "II.2", "II.4"]);
    assert_eq!(ids(&es), expected_ids, "the mutated outline");
    let alignment = Aligner::new().align(&en, &es);
    assert_coverage(&alignment, &en, &es);

    assert_paired_by_id(&alignment, &en, &es, &[]);
    let moved: Vec<&str> = ["II.2", "II.3"]
        .into_iter()
        .filter(|id| by_en(&alignment, id).moved)
        .collect();
    assert_eq!(
        moved.len(),
        1,
        "exactly one of II.2 and II.3 is moved, got {moved:?}:{}",
        render(&alignment, &en, &es, &["II.2", "II.3"])
    );
    assert_not_moved(&alignment, &en, &es, &["II.2", "II.3"]);
    assert_rest_as_gold(&alignment, &en, &es, &[]);
}

/// The bodies of Spanish III.1 and III.2 swapped, their numbered headings left in place: the
/// content wins over the numbers and titles.
#[test]
fn spanish_section_bodies_swapped() {
    let h1 = "- 1. Fortalecimiento de la cooperación bilateral en materia de seguridad.** ";
    let h2 = "- 2. Ciberseguridad.** ";
    let h3 = "- 3. Fortalecimiento institucional";
    let (a, b, c) = (find_once(ES, h1), find_once(ES, h2), find_once(ES, h3));
    assert!(a < b && b < c);
    let body1 = ES[a + h1.len()..b].trim_end();
    let body2 = ES[b + h2.len()..c].trim_end();
    let es_text = format!(
        "{}{body2}\n\n{h2}{body1}\n{}",
        &ES[..a + h1.len()],
        &ES[c..]
    );
    let (en, es) = (en(), parse_es(&es_text));
    assert_eq!(ids(&es), SEED_IDS, "the mutated outline");
    let (_, gold_iii1_es) = gold_sentences("III.1");
    let (_, gold_iii2_es) = gold_sentences("III.2");
    assert_eq!(
        sentences_of(&es, "III.1"),
        gold_iii2_es,
        "III.1 holds III.2's body"
    );
    assert_eq!(
        sentences_of(&es, "III.2"),
        gold_iii1_es,
        "III.2 holds III.1's body"
    );
    let alignment = Aligner::new().align(&en, &es);
    assert_coverage(&alignment, &en, &es);

    for (en_id, es_id) in [("III.1", "III.2"), ("III.2", "III.1")] {
        assert_eq!(
            by_en(&alignment, en_id).b_id.as_deref(),
            Some(es_id),
            "English {en_id} must pair with Spanish {es_id}, which holds its body:{}",
            render(&alignment, &en, &es, &["III.1", "III.2"])
        );
    }
    assert!(
        by_en(&alignment, "III.1").moved || by_en(&alignment, "III.2").moved,
        "one of III.1 and III.2 is out of order:{}",
        render(&alignment, &en, &es, &["III.1", "III.2"])
    );
    assert_paired_by_id(&alignment, &en, &es, &["III.1", "III.2"]);
    assert_not_moved(&alignment, &en, &es, &["III.1", "III.2"]);
    // By text, English III.1 against the III.1 body (now under Spanish III.2) is the gold.
    assert_rest_as_gold(&alignment, &en, &es, &[]);
}

/// A middle sentence of Spanish I.9 (the third of six) deleted.
#[test]
fn spanish_sentence_deleted() {
    let (_, gold_es) = gold_sentences("I.9");
    let deleted = &gold_es[2];
    assert_eq!(
        deleted,
        "Para ello, México y Canadá aprovecharán el Comité Consultivo Agrícola y el Grupo de Trabajo sobre Agronegocios."
    );
    let es_text = replace_once(ES, &format!("{deleted} "), "");
    let (en, es) = (en(), parse_es(&es_text));
    assert_eq!(ids(&es), SEED_IDS, "the mutated outline");
    let mut expected_es = gold_es.clone();
    expected_es.remove(2);
    assert_eq!(sentences_of(&es, "I.9"), expected_es);
    let alignment = Aligner::new().align(&en, &es);
    assert_coverage(&alignment, &en, &es);

    // The gold's beads, the third now 1-0.
    let mut expected = gold_beads("I.9");
    assert_eq!(expected[2].1, std::slice::from_ref(deleted));
    expected[2].1.clear();
    assert_beads(&alignment, &en, &es, "I.9", &expected);

    assert_elsewhere_as_gold(&alignment, &en, &es, &["I.9"]);
}

/// The second and third Spanish sentences of III.5 merged into one (`. Ambos` → `; ambos`).
#[test]
fn spanish_sentences_merged() {
    let es_text = replace_once(
        ES,
        "e innovación. Ambos países reconocen esta",
        "e innovación; ambos países reconocen esta",
    );
    let (en, es) = (en(), parse_es(&es_text));
    assert_eq!(ids(&es), SEED_IDS, "the mutated outline");
    let (_, gold_es) = gold_sentences("III.5");
    let merged = format!(
        "{}; {}",
        gold_es[1].strip_suffix('.').unwrap(),
        lowercase_first(&gold_es[2])
    );
    let mut expected_es = gold_es.clone();
    expected_es.splice(1..3, [merged.clone()]);
    assert_eq!(sentences_of(&es, "III.5"), expected_es);
    let alignment = Aligner::new().align(&en, &es);
    assert_coverage(&alignment, &en, &es);

    // The gold's beads, the second and third now one 2-1 bead.
    let mut expected = gold_beads("III.5");
    let (second, third) = (expected[1].clone(), expected[2].clone());
    expected.splice(
        1..3,
        [(vec![second.0[0].clone(), third.0[0].clone()], vec![merged])],
    );
    assert_beads(&alignment, &en, &es, "III.5", &expected);

    assert_elsewhere_as_gold(&alignment, &en, &es, &["III.5"]);
}

/// An unrelated sentence inserted in Spanish II.4, between its third and fourth sentences.
#[test]
fn spanish_sentence_inserted() {
    let inserted = "La reunión anual del comité de pesca se celebrará en Mazatlán con representantes de la industria.";
    let es_text = replace_once(
        ES,
        "mecanismos existentes. En este contexto",
        &format!("mecanismos existentes. {inserted} En este contexto"),
    );
    let (en, es) = (en(), parse_es(&es_text));
    assert_eq!(ids(&es), SEED_IDS, "the mutated outline");
    let (_, gold_es) = gold_sentences("II.4");
    let mut expected_es = gold_es.clone();
    expected_es.insert(3, inserted.to_string());
    assert_eq!(sentences_of(&es, "II.4"), expected_es);
    let alignment = Aligner::new().align(&en, &es);
    assert_coverage(&alignment, &en, &es);

    // The gold's beads, with a 0-1 bead for the inserted sentence.
    let mut expected = gold_beads("II.4");
    expected.insert(3, (vec![], vec![inserted.to_string()]));
    assert_beads(&alignment, &en, &es, "II.4", &expected);

    assert_elsewhere_as_gold(&alignment, &en, &es, &["II.4"]);
}

/// The two introduction sentences of English pillar II removed, its heading kept.
#[test]
fn english_pillar_introduction_removed() {
    let en_text = cut(
        EN,
        "Canada and Mexico acknowledge that strong people-to-people",
        "1. Labour Mobility and Migration Cooperation",
    );
    assert!(en_text.contains("II. Mobility, Inclusivity and Well-Being\n1. Labour Mobility"));
    let (en, es) = (parse_en(&en_text), es());
    assert_eq!(ids(&en), SEED_IDS, "the mutated outline");
    assert!(en.section("II").unwrap().sentence_range().is_empty());
    let alignment = Aligner::new().align(&en, &es);
    assert_coverage(&alignment, &en, &es);

    let ii = by_en(&alignment, "II");
    assert_eq!(
        ii.b_id.as_deref(),
        Some("II"),
        "{}",
        render(&alignment, &en, &es, &["II"])
    );
    assert!(
        ii.pairs.iter().all(|p| p.a.is_empty()),
        "{}",
        render(&alignment, &en, &es, &["II"])
    );
    let spanish: Vec<String> = ii.pairs.iter().flat_map(|p| texts(&es, &p.b)).collect();
    let (_, gold_es) = gold_sentences("II");
    assert_eq!(spanish, gold_es, "the Spanish introduction of II, unpaired");

    assert_elsewhere_as_gold(&alignment, &en, &es, &["II"]);
}

/// Every section pairs by id, none is moved, and the sections outside `touched` align as in
/// the gold.
fn assert_elsewhere_as_gold(
    alignment: &Alignment,
    en: &Document<'_>,
    es: &Document<'_>,
    touched: &[&str],
) {
    assert_paired_by_id(alignment, en, es, &[]);
    assert_not_moved(alignment, en, es, &[]);
    assert_rest_as_gold(alignment, en, es, touched);
}

#[test]
fn swapped_sections_keep_their_headings_and_only_they_are_moved() {
    // Spanish I.1 and I.8 swapped: pillar I opens with "8." and "9." follows "1.", numbers
    // out of sequence that still form the list 1..9 once each.
    let es_text = super::util::ES;
    let block = |n: u32| {
        let start = es_text.find(&format!("- {n}. ")).unwrap();
        let end = es_text[start + 3..]
            .find("\n- ")
            .map(|e| start + 3 + e)
            .unwrap();
        start..end
    };
    let (one, eight) = (block(1), block(8));
    let swapped = format!(
        "{}{}{}{}{}",
        &es_text[..one.start],
        &es_text[eight.clone()],
        &es_text[one.end..eight.start],
        &es_text[one.clone()],
        &es_text[eight.end..]
    );
    let doc = paridad::Document::parse(&swapped, paridad::Lang::Es).unwrap();
    let ids: Vec<&str> = doc.sections().iter().map(|s| s.id()).collect();
    assert_eq!(
        ids[..11],
        ["preamble", "I", "I.8", "I.2", "I.3", "I.4", "I.5", "I.6", "I.7", "I.1", "I.9"]
    );
    let en = super::util::en();
    let alignment = paridad::Aligner::new().align(&en, &doc);
    let mut moved: Vec<&str> = alignment
        .sections
        .iter()
        .filter(|s| s.moved)
        .filter_map(|s| s.a_id.as_deref())
        .collect();
    moved.sort_unstable();
    assert!(
        moved == ["I.1"] || moved == ["I.8"] || moved == ["I.1", "I.8"],
        "{moved:?}"
    );
}
