//! Glossaries: the same glossary read from TSV, CSV, TBX v3 and TBX-Basic; malformed files as
//! errors naming the line; and the terminology check of the caller's terms on the seed pair.

use paridad::{Check, Checker, Divergence, DivergenceKind, Document, Glossary, Lang, Severity};

use super::util::{en, es, EN};

const TSV: &str = include_str!("../fixtures/glossary/government.tsv");
const CSV: &str = include_str!("../fixtures/glossary/government.csv");
const TBX: &str = include_str!("../fixtures/glossary/government.tbx");
const MARTIF: &str = include_str!("../fixtures/glossary/government.martif.tbx");

/// The fixtures with the format their extension names.
const FIXTURES: [(&str, &str); 4] = [
    ("government.tsv", TSV),
    ("government.csv", CSV),
    ("government.tbx", TBX),
    ("government.martif.tbx", MARTIF),
];

/// Reads `text` in the format the extension of `name` names (`tsv`, `csv`, `tbx`).
fn parse(name: &str, text: &str) -> Result<Glossary, paridad::Error> {
    let ext = name.rsplit('.').next().unwrap_or("");
    Glossary::parse(text, ext.parse()?)
}

/// The 1-based line of the first line of `text` holding `needle`.
fn line_of(text: &str, needle: &str) -> usize {
    text.lines()
        .position(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("{needle:?} not in the text"))
        + 1
}

#[test]
fn the_same_glossary_reads_alike_in_tsv_csv_tbx_and_tbx_basic() {
    let tsv = parse("government.tsv", TSV).unwrap();
    assert_eq!(tsv.len(), 7, "{tsv:#?}");
    let mou = &tsv.concept(0).unwrap().to_concept();
    assert_eq!(mou.en, ["Memorandum of Understanding", "MOU"]);
    assert_eq!(
        mou.es,
        ["memorándum de entendimiento", "memorando de entendimiento"]
    );
    assert_eq!(mou.notes, ["a non-binding instrument"]);
    let economy = &tsv.concept(1).unwrap().to_concept();
    assert_eq!(economy.es, ["Secretaría de Economía"]);
    assert_eq!(economy.notes, ["Mexico's ministry of the economy, \"SE\""]);
    let fire = &tsv.concept(3).unwrap().to_concept();
    assert_eq!(fire.en, ["wildfire", "forest fire"]);
    let minister = &tsv.concept(6).unwrap().to_concept();
    assert_eq!(minister.es, ["primer ministro", "primera ministra"]);
    // The TBX v3 file also lists a deprecated "cadena de abasto", which is no rendering to
    // accept and is left out; and a French-only entry, which is skipped.
    for (name, text) in &FIXTURES[1..] {
        let other = parse(name, text).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(other, tsv, "{name}");
    }
}

#[test]
fn malformed_glossaries_are_errors_naming_the_line() {
    // TBX v3: a <term> left open (the mismatched end tag is on the same line).
    let unclosed = TBX.replace("<term>Parks Canada</term>", "<term>Parks Canada</termSec>");
    let err = parse("x.tbx", &unclosed).unwrap_err();
    assert!(err.is_format());
    assert_eq!(
        err.line(),
        Some(line_of(TBX, "<term>Parks Canada")),
        "{err}"
    );
    assert!(err.to_string().starts_with("TBX glossary line "), "{err}");
    assert!(err.to_string().contains("malformed XML"), "{err}");
    // TBX v3 cut short: the innermost open element is named with its line.
    let cut = &TBX[..TBX.find("<conceptEntry id=\"c6\">").unwrap()];
    let err = parse("x.tbx", cut).unwrap_err();
    assert_eq!(err.line(), Some(line_of(TBX, "<body>")), "{err}");
    assert!(err.to_string().contains("<body> is never closed"), "{err}");
    // TBX-Basic: a language section without xml:lang.
    let no_lang = MARTIF.replace("<langSet xml:lang=\"es-419\">", "<langSet type=\"es\">");
    let err = parse("x.tbx", &no_lang).unwrap_err();
    assert_eq!(err.line(), Some(line_of(MARTIF, "es-419")), "{err}");
    assert!(err.to_string().contains("without an xml:lang"), "{err}");
    // TBX-Basic: an attribute given twice (found by paridad, not by quick-xml's quadratic
    // check), on any element.
    let twice = MARTIF.replace(
        "<langSet xml:lang=\"es-419\">",
        "<langSet xml:lang=\"es-419\" type=\"a\" type=\"b\">",
    );
    let err = parse("x.tbx", &twice).unwrap_err();
    assert_eq!(err.line(), Some(line_of(MARTIF, "es-419")), "{err}");
    assert!(
        err.to_string()
            .ends_with("malformed XML: the attribute \"type\" is given twice"),
        "{err}"
    );
    // CSV: a quote opened on the last row and never closed.
    let unterminated = CSV.replace("Prime Minister,primera", "Prime Minister,\"primera");
    let err = parse("x.csv", &unterminated).unwrap_err();
    assert_eq!(err.line(), Some(line_of(CSV, "primera ministra")), "{err}");
    assert!(
        err.to_string().contains("unterminated quoted field"),
        "{err}"
    );
    // CSV without its header row.
    let headless = CSV.split_once('\n').unwrap().1;
    let err = parse("x.csv", headless).unwrap_err();
    assert_eq!(err.line(), Some(1), "{err}");
    assert!(
        err.to_string()
            .starts_with("CSV glossary line 1: no header"),
        "{err}"
    );
    // An unknown format name is a setting error.
    assert!(parse("x.xlsx", "a,b").unwrap_err().is_setting());
}

#[test]
fn cut_or_damaged_glossaries_never_panic() {
    // Every prefix of each fixture, and the fixture with any one character removed, reads or
    // fails with a format error naming a line of the input.
    for (name, text) in FIXTURES {
        let lines = text.lines().count() + 1;
        let check = |input: &str| {
            if let Err(err) = parse(name, input) {
                assert!(err.is_format(), "{name}: {err}");
                let line = err.line().unwrap();
                assert!((1..=lines).contains(&line), "{name}: {err}");
            }
        };
        for (i, c) in text.char_indices() {
            check(&text[..i]);
            let mut damaged = String::with_capacity(text.len());
            damaged.push_str(&text[..i]);
            damaged.push_str(&text[i + c.len_utf8()..]);
            check(&damaged);
        }
    }
}

/// The check of the clean seed pair with the caller's glossary `tsv`.
fn check_with(tsv: &str) -> Check {
    let glossary = Glossary::from_tsv(tsv).unwrap();
    Checker::with_glossary(&glossary).check(&en(), &es())
}

fn section_id(check: &Check, d: &Divergence) -> String {
    let s = &check.alignment.sections[d.section];
    s.a_id
        .clone()
        .or_else(|| s.b_id.clone())
        .unwrap_or_default()
}

/// The findings of `check` the clean check without a glossary does not make, as (section,
/// message).
fn new_findings(check: &Check) -> Vec<(String, String)> {
    let clean = Checker::new().check(&en(), &es());
    check
        .divergences
        .iter()
        .filter(|d| !clean.divergences.contains(d))
        .map(|d| (section_id(check, d), d.message.clone()))
        .collect()
}

#[test]
fn without_a_glossary_of_the_caller_nothing_changes() {
    let (en, es) = (en(), es());
    let clean = Checker::new().check(&en, &es);
    let empty = Checker::with_glossary(&Glossary::new()).check(&en, &es);
    assert_eq!(empty, clean);
    // An aligner's glossary counts terms as equivalents only: the built-in general
    // vocabulary is never checked for consistency.
    let aligner_only = Checker::with_aligner(paridad::Aligner::new()).check(&en, &es);
    assert_eq!(aligner_only, clean);
}

#[test]
fn a_caller_term_the_instrument_check_already_reports_is_said_once() {
    // I.4: the English Memorandum of Collaboration is a memorándum de entendimiento in Spanish.
    // The instrument check reports it; the glossary's rendering joins that finding.
    let check = check_with("Memorandum of Collaboration\tmemorándum de colaboración\n");
    let clean = Checker::new().check(&en(), &es());
    assert_eq!(check.divergences.len(), clean.divergences.len());
    let i4: Vec<&Divergence> = check
        .divergences
        .iter()
        .filter(|d| section_id(&check, d) == "I.4" && d.kind == DivergenceKind::Entity)
        .collect();
    assert_eq!(i4.len(), 1, "{i4:#?}");
    let d = i4[0];
    assert_eq!(d.severity, Severity::Warning);
    assert_eq!(d.a.as_ref().unwrap().text, "Memorandum of Collaboration");
    assert_eq!(d.b.as_ref().unwrap().text, "memorándum de entendimiento");
    assert_eq!(
        d.message,
        "the instrument differs: Memorandum of Collaboration in English, memorándum de \
         entendimiento in Spanish; the glossary renders \"Memorandum of Collaboration\" as \
         \"memorándum de colaboración\""
    );
    // Same finding, same id: only the message says more.
    let before = clean.divergences.iter().find(|c| c.id == d.id).unwrap();
    assert_eq!(
        (before.a.clone(), before.b.clone()),
        (d.a.clone(), d.b.clone())
    );
}

#[test]
fn a_caller_term_without_its_counterpart_is_an_entity_warning_with_both_sides() {
    // I.4 speaks of biomanufacturing twice; the Spanish says bioproducción both times.
    let check = check_with("biomanufacturing\tbiomanufactura\n");
    let es_doc = es();
    let found: Vec<&Divergence> = check
        .divergences
        .iter()
        .filter(|d| d.message.starts_with("glossary term"))
        .collect();
    assert_eq!(found.len(), 2, "{found:#?}");
    for d in found {
        assert_eq!(section_id(&check, d), "I.4");
        assert_eq!(
            (d.kind, d.severity),
            (DivergenceKind::Entity, Severity::Warning)
        );
        assert_eq!(
            d.message,
            "glossary term \"biomanufacturing\" should be rendered \"biomanufactura\"; not \
             found in the Spanish sentence"
        );
        assert_eq!(d.a.as_ref().unwrap().text, "biomanufacturing");
        // The Spanish evidence is the whole aligned sentence, which says bioproducción.
        let es_ev = d.b.as_ref().unwrap();
        assert!(es_ev.text.contains("bioproducción"), "{}", es_ev.text);
        assert!(
            es_doc.sentences().iter().any(|s| s.text() == es_ev.text),
            "{}",
            es_ev.text
        );
        let raw = &es_doc.text()[es_ev.span];
        assert_eq!(
            raw.split_whitespace().collect::<Vec<_>>().join(" "),
            es_ev.text
        );
    }
}

#[test]
fn a_spanish_term_without_its_english_counterpart_is_flagged_too() {
    // The English I.4 made to speak of a value chain where the Spanish keeps its cadena de
    // suministro.
    let edited = EN.replace(
        "a resilient supply chain that",
        "a resilient value chain that",
    );
    assert_ne!(edited, EN);
    let en_doc = Document::parse(&edited, Lang::En).unwrap();
    let glossary = Glossary::from_tsv("supply chain\tcadena de suministro\n").unwrap();
    let check = Checker::with_glossary(&glossary).check(&en_doc, &es());
    let d = check
        .divergences
        .iter()
        .find(|d| section_id(&check, d) == "I.4" && d.message.starts_with("glossary term"))
        .expect("the Spanish term is flagged");
    assert_eq!(
        d.message,
        "glossary term \"cadena de suministro\" should be rendered \"supply chain\"; not found \
         in the English sentence"
    );
    assert_eq!(d.b.as_ref().unwrap().text, "cadena de suministro");
    assert!(d.a.as_ref().unwrap().text.contains("resilient value chain"));
}

#[test]
fn a_term_of_many_synonyms_shows_five_renderings_and_counts_the_rest() {
    // Eight Spanish synonyms of supply chain, none of which the seed's Spanish I.5 uses (it
    // says "cadenas de suministro", which is not among them).
    let tsv: String = (0..8)
        .map(|i| format!("supply chain\tcadena{i}\n"))
        .collect();
    let check = Checker::with_glossary(&Glossary::from_tsv(&tsv).unwrap()).check(&en(), &es());
    let messages: Vec<&str> = check
        .divergences
        .iter()
        .filter(|d| d.message.starts_with("glossary term"))
        .map(|d| d.message.as_str())
        .collect();
    assert!(!messages.is_empty());
    for m in messages {
        assert_eq!(
            m,
            "glossary term \"supply chains\" should be rendered \"cadena0\" or \"cadena1\" or \
             \"cadena2\" or \"cadena3\" or \"cadena4\" (or 3 more); not found in the Spanish \
             sentence"
        );
    }
}

#[test]
fn counterparts_in_plural_or_inflected_forms_are_not_flagged() {
    // Parks Canada / Parques Canadá (IV.1): named alike on both sides.
    assert_eq!(
        new_findings(&check_with("Parks Canada\tParques Canadá\n")),
        []
    );
    // collaborate / colaborar: the Spanish says colaborarán (I.4), colaborar (I.1).
    assert_eq!(new_findings(&check_with("collaborate\tcolaborar\n")), []);
    // supply chain / cadena de suministro: the Spanish I.1 has the plural cadenas de
    // suministro for the English supply chain linkages; II.3 and III.2 really say otherwise
    // (cadenas de valor, cadenas logísticas).
    let supply = new_findings(&check_with("supply chain\tcadena de suministro\n"));
    let sections: Vec<&str> = supply.iter().map(|(s, _)| s.as_str()).collect();
    assert_eq!(sections, ["II.3", "III.2"], "{supply:#?}");
    // promote / promover: the Spanish II says que promuevan (a stem that changes) for
    // "that promote"; I.9 says promoverán.
    let promote = new_findings(&check_with("promote\tpromover\n"));
    assert!(
        !promote.iter().any(|(s, _)| s == "II" || s == "I.9"),
        "{promote:#?}"
    );
}

#[test]
fn the_sample_glossary_on_the_clean_pair_adds_only_real_differences() {
    // Every finding the sample glossary adds, read against both texts: the Spanish value and
    // logistics chains for supply chains (II.3, III.2), the English wildland fire for incendios
    // forestales and the Spanish personal combatiente for wildfire personnel (III.5); the I.4
    // memorándum de entendimiento gains the glossary's English rendering.
    let check = check_with(TSV);
    let mut found: Vec<(String, String)> = check
        .divergences
        .iter()
        .filter(|d| d.message.contains("glossary"))
        .map(|d| {
            (
                section_id(&check, d),
                d.a.as_ref()
                    .map_or("", |e| e.text.as_str())
                    .chars()
                    .take(30)
                    .collect(),
            )
        })
        .collect();
    found.sort();
    let want = [
        ("I.4", "Memorandum of Collaboration"),
        ("II.3", "supply chains"),
        ("III.2", "supply chains"),
        ("III.5", "Canada and Mexico recognize th"),
        ("III.5", "wildfire"),
    ];
    let found: Vec<(&str, &str)> = found
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    assert_eq!(found, want);
}

#[test]
fn a_term_longer_than_1000_bytes_is_an_error_naming_its_line_in_every_format() {
    // A term of exactly 1,000 bytes is still a term; one byte more is a broken file, refused
    // before it is matched (a 20 MB term once cost 2 GB).
    let long = |bytes: usize| -> String {
        let mut term = "Parks Canada and ".repeat(bytes / 17 + 1);
        term.truncate(bytes - 1);
        term.push('x');
        term
    };
    for (name, text) in FIXTURES {
        let fits = text.replacen("Parks Canada", &long(1000), 1);
        let g = parse(name, &fits).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(
            g.concepts().any(|c| c.en().any(|t| t == long(1000))),
            "{name}"
        );
        let broken = text.replacen("Parks Canada", &long(1001), 1);
        let err = parse(name, &broken).unwrap_err();
        assert!(err.is_format(), "{name}: {err}");
        assert_eq!(
            err.line(),
            Some(line_of(text, "Parks Canada")),
            "{name}: {err}"
        );
        assert!(
            err.to_string()
                .contains("a term of 1001 bytes: a term may have at most 1000 bytes"),
            "{name}: {err}"
        );
    }
}
