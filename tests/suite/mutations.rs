//! Mutation tests of the divergence checker: the 2025-2028 seed pair with one version edited
//! (a date or year changed, a number changed, an institution replaced by another real one, a
//! modal weakened or strengthened, a sentence deleted, a clause deleted, a sentence added, a
//! section deleted, two sections swapped), checked against the other, unchanged version.
//!
//! The targets are chosen with a fixed-seed random generator among candidates this module finds
//! by scanning the raw seed texts with its own patterns (never with paridad's extractors), and
//! spread over the preamble and the four pillars. A mutation's *new findings* are those at
//! warning or above whose id the clean pair does not have (ids hash the kind, the section ids
//! and the evidence texts, so a finding the mutation did not touch keeps its id). A case is
//! *caught* when a new finding has the expected kind in the mutated section; a new finding in
//! any other section is a *false alarm*.
//!
//! `cargo test --release --test main mutations -- --nocapture` prints recall per mutation, the
//! false alarms, and every missed case and false alarm with its evidence.

use std::collections::{BTreeMap, HashSet};
use std::fmt::Write as _;
use std::ops::Range;

use paridad::{
    Check, Checker, Divergence, DivergenceKind, Document, Lang, ParagraphKind, Severity,
};
use regex::Regex;

use super::util::{en, es, EN, ES};

// ---------------------------------------------------------------------------------------------
// Thresholds: what the checker achieved when this module was written, to catch regressions.

/// The least recall each mutation must reach on the cases of [`SEED`]: every case is caught.
/// On other seeds (`PARIDAD_MUTATION_SEED=1` … `6`, cases these rules were not written on)
/// recall is 0.85–1.00 overall; what is missed there: an institution replaced by one that
/// shares half its words (`Secretariat of Economy` → `of Health`), a modal changed in a
/// sentence whose other clauses keep their own, and clauses whose words the aligner does not
/// link to the other version. Run with that variable to see the misses.
const MIN_RECALL: [(Mutation, f64); 9] = [
    (Mutation::Date, 1.0),
    (Mutation::Number, 1.0),
    (Mutation::Entity, 1.0),
    (Mutation::Modality, 1.0),
    (Mutation::SentenceDeleted, 1.0),
    (Mutation::ClauseDeleted, 1.0),
    (Mutation::SentenceAdded, 1.0),
    (Mutation::SectionDeleted, 1.0),
    (Mutation::SectionsSwapped, 1.0),
];

/// The seed of the generator that picks the targets. `PARIDAD_MUTATION_SEED` picks others, to
/// measure the checker on cases it was not tuned on (then the figures are only printed).
const SEED: u64 = 0x7061_7269_6461_6421;

fn seed() -> u64 {
    std::env::var("PARIDAD_MUTATION_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(SEED)
}

// ---------------------------------------------------------------------------------------------
// What is mutated, and what must be found.

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Mutation {
    Date,
    Number,
    Entity,
    Modality,
    SentenceDeleted,
    ClauseDeleted,
    SentenceAdded,
    SectionDeleted,
    SectionsSwapped,
}

impl Mutation {
    fn name(self) -> &'static str {
        match self {
            Mutation::Date => "date or year changed",
            Mutation::Number => "number changed",
            Mutation::Entity => "institution replaced",
            Mutation::Modality => "modal weakened/strengthened",
            Mutation::SentenceDeleted => "sentence deleted",
            Mutation::ClauseDeleted => "clause deleted",
            Mutation::SentenceAdded => "sentence added",
            Mutation::SectionDeleted => "section deleted",
            Mutation::SectionsSwapped => "two sections swapped",
        }
    }

    /// The kinds of finding that report the mutation when it is made on `side`.
    fn expects(self, side: Side) -> &'static [DivergenceKind] {
        use DivergenceKind as K;
        match (self, side) {
            (Mutation::Date, _) => &[K::Date],
            (Mutation::Number, _) => &[K::Number],
            (Mutation::Entity, _) => &[K::Entity],
            (Mutation::Modality, _) => &[K::Modality],
            (Mutation::SentenceDeleted | Mutation::ClauseDeleted, Side::Es) => &[K::Omission],
            (Mutation::SentenceDeleted | Mutation::ClauseDeleted, Side::En) => &[K::Addition],
            (Mutation::SentenceAdded, Side::Es) => &[K::Addition],
            (Mutation::SentenceAdded, Side::En) => &[K::Omission],
            (Mutation::SectionDeleted, Side::Es) => &[K::Structure, K::Omission],
            (Mutation::SectionDeleted, Side::En) => &[K::Structure, K::Addition],
            (Mutation::SectionsSwapped, _) => &[K::Structure],
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Side {
    En,
    Es,
}

impl Side {
    fn name(self) -> &'static str {
        match self {
            Side::En => "en",
            Side::Es => "es",
        }
    }
}

/// One mutation of one version: byte edits of its raw text, and the sections they touch.
#[derive(Clone, Debug)]
struct Case {
    mutation: Mutation,
    side: Side,
    /// Ids of the mutated sections (the same in both versions).
    sections: Vec<String>,
    /// Non-overlapping edits of the raw text, in order.
    edits: Vec<(Range<usize>, String)>,
    /// The edit in words, for the report.
    what: String,
    /// Kinds that also report it: a deleted clause that states a deadline or a number is
    /// reported by the value the other version has alone (`by the end of 2025` against a
    /// Spanish sentence that lost `cuya firma concluirá este mismo año`).
    also: Vec<DivergenceKind>,
}

impl Case {
    fn new(
        mutation: Mutation,
        side: Side,
        section: &str,
        range: Range<usize>,
        new: impl Into<String>,
    ) -> Case {
        let text = original(side);
        let new = new.into();
        let what = if new.is_empty() {
            format!("deleted «{}»", short(&text[range.clone()]))
        } else if range.is_empty() {
            format!("inserted «{}»", short(new.trim()))
        } else {
            format!("«{}» → «{}»", short(&text[range.clone()]), short(&new))
        };
        Case {
            mutation,
            side,
            sections: vec![section.to_string()],
            edits: vec![(range, new)],
            what,
            also: Vec::new(),
        }
    }

    /// The pillar the first mutated section belongs to (`preamble`, `I` … `IV`).
    fn pillar(&self) -> &str {
        self.sections[0].split('.').next().unwrap_or("")
    }

    /// The mutated text.
    fn text(&self) -> String {
        let text = original(self.side);
        let mut out = String::with_capacity(text.len() + 200);
        let mut at = 0;
        for (range, new) in &self.edits {
            assert!(range.start >= at, "edits overlap in {}", self.what);
            out.push_str(&text[at..range.start]);
            out.push_str(new);
            at = range.end;
        }
        out.push_str(&text[at..]);
        out
    }

    fn label(&self) -> String {
        format!(
            "{} {} {}: {}",
            self.mutation.name(),
            self.side.name(),
            self.sections.join("+"),
            self.what
        )
    }
}

fn original(side: Side) -> &'static str {
    match side {
        Side::En => EN,
        Side::Es => ES,
    }
}

/// At most 70 characters of `s`, on one line.
fn short(s: &str) -> String {
    let s: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if s.chars().count() <= 70 {
        s
    } else {
        let head: String = s.chars().take(33).collect();
        let tail: String = s.chars().skip(s.chars().count() - 33).collect();
        format!("{head} … {tail}")
    }
}

// ---------------------------------------------------------------------------------------------
// A fixed-seed generator.

/// SplitMix64 (Steele, Lea and Flood 2014): small, fast, and the same on every platform.
struct SplitMix64(u64);

impl SplitMix64 {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.below(i + 1);
            items.swap(i, j);
        }
    }
}

/// `n` of `candidates`, in a random order, each next one from the pillar and then the section
/// least used so far: every part of the text is covered before any gets a second target.
fn spread(mut candidates: Vec<Case>, n: usize, rng: &mut SplitMix64) -> Vec<Case> {
    rng.shuffle(&mut candidates);
    let mut chosen = Vec::new();
    let mut pillars: BTreeMap<String, usize> = BTreeMap::new();
    let mut sections: BTreeMap<String, usize> = BTreeMap::new();
    while chosen.len() < n && !candidates.is_empty() {
        let best = (0..candidates.len())
            .min_by_key(|&i| {
                let c = &candidates[i];
                (
                    pillars.get(c.pillar()).copied().unwrap_or(0),
                    sections.get(&c.sections[0]).copied().unwrap_or(0),
                    i,
                )
            })
            .expect("a candidate");
        let case = candidates.remove(best);
        *pillars.entry(case.pillar().to_string()).or_default() += 1;
        *sections.entry(case.sections[0].clone()).or_default() += 1;
        chosen.push(case);
    }
    chosen
}

// ---------------------------------------------------------------------------------------------
// Where things are in the clean versions (through the public segmentation only).

fn document(side: Side) -> Document<'static> {
    match side {
        Side::En => en(),
        Side::Es => es(),
    }
}

/// The id of the section whose sentence holds `range` of the raw text; `None` outside sentences
/// (headings, titles) and in the dateline.
fn section_of(doc: &Document<'_>, range: &Range<usize>) -> Option<String> {
    doc.sentences()
        .iter()
        .filter(|s| doc.paragraphs()[s.paragraph()].kind() != ParagraphKind::Dateline)
        .find(|s| {
            s.spans()
                .iter()
                .any(|sp| sp.start <= range.start && range.end <= sp.end)
        })
        .map(|s| doc.sections()[s.section()].id().to_string())
}

/// Every match of `re` inside a sentence, with its section.
fn found<'t>(doc: &Document<'t>, re: &Regex) -> Vec<(regex::Match<'t>, String)> {
    re.find_iter(doc.text())
        .filter_map(|m| section_of(doc, &m.range()).map(|s| (m, s)))
        .collect()
}

/// Sentences of running text that are one piece of the input: (raw span, section id).
fn plain_sentences(doc: &Document<'_>) -> Vec<(Range<usize>, String)> {
    doc.sentences()
        .iter()
        .filter(|s| doc.paragraphs()[s.paragraph()].kind() == ParagraphKind::Text)
        .filter(|s| s.spans().len() == 1)
        .map(|s| {
            let sp = s.spans()[0];
            (
                sp.start..sp.end,
                doc.sections()[s.section()].id().to_string(),
            )
        })
        .collect()
}

/// The raw text of each numbered section (`I.4`): from the start of its heading line to the end
/// of its last non-blank line.
fn section_blocks(doc: &Document<'_>) -> Vec<(String, Range<usize>)> {
    let text = doc.text();
    let sections = doc.sections();
    let line_start = |at: usize| text[..at].rfind('\n').map_or(0, |i| i + 1);
    let mut out = Vec::new();
    for (i, s) in sections.iter().enumerate() {
        if !s.id().contains('.') {
            continue;
        }
        let start = line_start(s.span().start);
        let next = sections
            .get(i + 1)
            .map_or(text.len(), |n| line_start(n.span().start));
        let end = start + text[start..next].trim_end().len();
        out.push((s.id().to_string(), start..end));
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Candidates.

const MONTHS_ES: [&str; 12] = [
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// At most the `n` bytes of `text` before `at`, cut on a char boundary.
fn before(text: &str, at: usize, n: usize) -> &str {
    let mut start = at.saturating_sub(n);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    &text[start..at]
}

fn re(pattern: &str) -> Regex {
    Regex::new(pattern).expect("a valid pattern")
}

/// Years moved by one to three, keeping a period's ends in order; full dates moved to another
/// month; a relative year moved to the next.
fn dates(side: Side, rng: &mut SplitMix64) -> Vec<Case> {
    let doc = document(side);
    let text = doc.text();
    let mut out = Vec::new();
    let period_end = re(r"^[-–](\d{4})");
    let period_start = re(r"(\d{4})[-–]$");
    for (m, section) in found(&doc, &re(r"\b(19|20)\d\d\b")) {
        let year: i32 = m.as_str().parse().expect("digits");
        let to: Option<i32> = period_end
            .captures(&text[m.end()..])
            .map(|c| c[1].parse().expect("digits"));
        let from: Option<i32> = period_start
            .captures(&text[..m.start()])
            .map(|c| c[1].parse().expect("digits"));
        let delta = *rng.pick(&[-2, -1, 1, 2, 3]);
        let mut new = year + delta;
        if to.is_some_and(|to| new >= to) {
            new = year - i32::abs(delta);
        }
        if from.is_some_and(|from| new <= from) {
            new = year + i32::abs(delta);
        }
        out.push(Case::new(
            Mutation::Date,
            side,
            &section,
            m.range(),
            new.to_string(),
        ));
    }
    let (full, months): (Regex, &[&str; 12]) = match side {
        Side::Es => (
            re(&format!(
                r"\b\d{{1,2}} de ({}) de \d{{4}}\b",
                MONTHS_ES.join("|")
            )),
            &MONTHS_ES,
        ),
        Side::En => (
            re(&format!(
                r"\b({}) \d{{1,2}}, \d{{4}}\b",
                MONTHS_EN.join("|")
            )),
            &MONTHS_EN,
        ),
    };
    for (m, section) in found(&doc, &full) {
        let month = full.captures(m.as_str()).expect("a date")[1].to_string();
        let day: u32 = re(r"\b\d{1,2}\b")
            .find(m.as_str())
            .expect("a day")
            .as_str()
            .parse()
            .expect("digits");
        // Another month that has the day: `31 de marzo` may become `31 de mayo`, never
        // `31 de febrero`.
        let others: Vec<&str> = months
            .iter()
            .zip([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31])
            .filter(|(x, days)| **x != month && day <= *days)
            .map(|(x, _)| *x)
            .collect();
        let other = others[rng.below(others.len())];
        let new = m.as_str().replacen(&month, other, 1);
        out.push(Case::new(Mutation::Date, side, &section, m.range(), new));
    }
    let relative = match side {
        Side::Es => ("este mismo año", "el próximo año"),
        Side::En => ("this year", "next year"),
    };
    for (m, section) in found(&doc, &re(&format!(r"\b{}\b", relative.0))) {
        out.push(Case::new(
            Mutation::Date,
            side,
            &section,
            m.range(),
            relative.1,
        ));
    }
    out
}

/// Numbers in digits moved up (years and the day of a date left alone), number words replaced
/// by others.
fn numbers(side: Side, rng: &mut SplitMix64) -> Vec<Case> {
    let doc = document(side);
    let text = doc.text();
    let mut out = Vec::new();
    let day_of_es = re(&format!(r"^ de ({})\b", MONTHS_ES.join("|")));
    let day_of_en = re(&format!(r"\b({}) $", MONTHS_EN.join("|")));
    for (m, section) in found(&doc, &re(r"\b\d+\b")) {
        let value: u64 = m.as_str().parse().expect("digits");
        let year = m.as_str().len() == 4 && (1900..=2100).contains(&value);
        let day =
            day_of_es.is_match(&text[m.end()..]) || day_of_en.is_match(before(text, m.start(), 12));
        if year || day {
            continue;
        }
        let new = value + *rng.pick(&[1, 2, 3, 5, 10]);
        out.push(Case::new(
            Mutation::Number,
            side,
            &section,
            m.range(),
            new.to_string(),
        ));
    }
    let words: &[&str] = match side {
        Side::Es => &[
            "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve", "diez",
        ],
        Side::En => &[
            "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        ],
    };
    let article = re(r"(?i)\b(los|las|the)\s+$");
    for (m, section) in found(&doc, &re(&format!(r"\b({})\b", words.join("|")))) {
        // `los dos países` is `both countries`: not a count.
        if article.is_match(before(text, m.start(), 8)) {
            continue;
        }
        let others: Vec<&str> = words.iter().copied().filter(|w| *w != m.as_str()).collect();
        out.push(Case::new(
            Mutation::Number,
            side,
            &section,
            m.range(),
            *rng.pick(&others),
        ));
    }
    out
}

/// Real institutions, programmes and agreements of the text, each with another real one of the
/// same government (their Spanish names as the Government of Canada and of Mexico write them).
const INSTITUTIONS: [(Side, &str, &str); 18] = [
    (Side::Es, "T-MEC", "TLCAN"),
    (Side::Es, "Secretaría de Economía", "Secretaría de Salud"),
    (
        Side::Es,
        "Ministerio de Innovación, Ciencia y Desarrollo Económico de Canadá",
        "Ministerio de Asuntos Globales de Canadá",
    ),
    (
        Side::Es,
        "Secretaría de Ciencia, Humanidades, Tecnología e Innovación",
        "Secretaría de Energía",
    ),
    (
        Side::Es,
        "Consejo de Investigación en Ciencias Naturales e Ingeniería de Canadá",
        "Agencia Canadiense de Inspección de Alimentos",
    ),
    (
        Side::Es,
        "Fondo Canadiense para Iniciativas Locales (CFLI)",
        "Centro Internacional de Investigaciones para el Desarrollo (CIID)",
    ),
    (
        Side::Es,
        "Diálogo de América del Norte sobre Política de Drogas (NADD)",
        "Agencia de Servicios Fronterizos de Canadá (ASFC)",
    ),
    (
        Side::Es,
        "Parques Canadá",
        "Agencia Canadiense de Inspección de Alimentos",
    ),
    (
        Side::Es,
        "Comisión Nacional de Áreas Naturales Protegidas",
        "Comisión Federal de Electricidad",
    ),
    (Side::En, "CUSMA", "NAFTA"),
    (Side::En, "Secretariat of Economy", "Secretariat of Health"),
    (
        Side::En,
        "Innovation, Science and Economic Development Canada",
        "Global Affairs Canada",
    ),
    (
        Side::En,
        "Natural Sciences and Engineering Research Council of Canada",
        "Canadian Institutes of Health Research",
    ),
    (
        Side::En,
        "Seasonal Agricultural Worker Program (SAWP)",
        "Temporary Foreign Worker Program (TFWP)",
    ),
    (
        Side::En,
        "Canada Fund for Local Initiatives (CFLI)",
        "International Development Research Centre (IDRC)",
    ),
    (
        Side::En,
        "North American Drug Dialogue (NADD)",
        "Canada Border Services Agency (CBSA)",
    ),
    (Side::En, "Parks Canada", "Canada Border Services Agency"),
    (
        Side::En,
        "National Commission of Natural Protected Areas",
        "Federal Electricity Commission",
    ),
];

fn institutions(side: Side) -> Vec<Case> {
    let doc = document(side);
    let mut out = Vec::new();
    for &(s, old, new) in INSTITUTIONS.iter().filter(|x| x.0 == side) {
        // Word boundaries where the name starts or ends with a letter.
        let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
        let pattern = format!(
            "{}{}{}",
            if word(old.chars().next()) { r"\b" } else { "" },
            regex::escape(old),
            if word(old.chars().last()) { r"\b" } else { "" }
        );
        for (m, section) in found(&doc, &re(&pattern)) {
            out.push(Case::new(Mutation::Entity, s, &section, m.range(), new));
        }
    }
    out
}

/// Spanish futures (`colaborarán`) made possibilities (`podrán colaborar`).
fn weakened_es(rng: &mut SplitMix64) -> Vec<Case> {
    let doc = es();
    let text = doc.text();
    let skip = [
        "podrán",
        "deberán",
        "explorarán",
        "buscarán",
        "procurarán",
        "analizarán",
        "evaluarán",
        "considerarán",
    ];
    let reflexive = re(r"(?i)\bse\s+$");
    let mut out = Vec::new();
    for (m, section) in found(&doc, &re(r"\b\w+rán\b")) {
        let word = m.as_str();
        if skip.contains(&word.to_lowercase().as_str())
            || reflexive.is_match(before(text, m.start(), 4))
        {
            continue;
        }
        let infinitive = word.strip_suffix("án").expect("a future").to_lowercase();
        let modal = *rng.pick(&["podrán", "podrían"]);
        let modal = if word.starts_with(char::is_uppercase) {
            capitalised(modal)
        } else {
            modal.to_string()
        };
        out.push(Case::new(
            Mutation::Modality,
            Side::Es,
            &section,
            m.range(),
            format!("{modal} {infinitive}"),
        ));
    }
    out
}

fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// Replacements of every occurrence of each phrase inside a sentence of `side`.
fn replacements(side: Side, mutation: Mutation, table: &[(&str, &str)]) -> Vec<Case> {
    let doc = document(side);
    let mut out = Vec::new();
    for &(old, new) in table {
        for (m, section) in found(&doc, &re(&format!(r"\b{}\b", regex::escape(old)))) {
            out.push(Case::new(mutation, side, &section, m.range(), new));
        }
    }
    out
}

/// Intentions and possibilities made commitments, where the other version keeps the intention.
fn strengthened_es() -> Vec<Case> {
    replacements(
        Side::Es,
        Mutation::Modality,
        &[
            ("explorarán", "establecerán"),
            ("tienen la intención de colaborar", "colaborarán"),
            ("podrá abarcar", "abarcará"),
            ("se contemplará la posibilidad de fomentar", "se fomentará"),
            ("se contempla la posibilidad de coordinar", "se coordinarán"),
        ],
    )
}

/// English `will` made `may` or `could`.
fn weakened_en(rng: &mut SplitMix64) -> Vec<Case> {
    let doc = en();
    let mut out = Vec::new();
    for (m, section) in found(&doc, &re(r"\bwill\b")) {
        let modal = *rng.pick(&["may", "could"]);
        out.push(Case::new(
            Mutation::Modality,
            Side::En,
            &section,
            m.range(),
            modal,
        ));
    }
    out
}

fn strengthened_en() -> Vec<Case> {
    replacements(
        Side::En,
        Mutation::Modality,
        &[
            ("will explore", "will establish"),
            ("intend to collaborate", "will collaborate"),
            ("could encompass", "will encompass"),
            ("will seek to coordinate", "will coordinate"),
        ],
    )
}

/// Spanish sentences deleted, with the spaces after them, from sections with more than one.
fn sentences_deleted() -> Vec<Case> {
    let doc = es();
    let text = doc.text();
    let sentences = plain_sentences(&doc);
    let mut per_section: BTreeMap<&str, usize> = BTreeMap::new();
    for (_, s) in &sentences {
        *per_section.entry(s).or_default() += 1;
    }
    sentences
        .iter()
        .filter(|(_, s)| per_section[s.as_str()] > 1)
        .map(|(range, section)| {
            let spaces = text[range.end..].len() - text[range.end..].trim_start_matches(' ').len();
            let mut case = Case::new(
                Mutation::SentenceDeleted,
                Side::Es,
                section,
                range.start..range.end + spaces,
                "",
            );
            case.what = format!("deleted «{}»", short(&text[range.clone()]));
            case
        })
        .collect()
}

/// A trailing clause (`, …` of five words or more before the final period, after at least five
/// words) cut from a Spanish sentence.
fn clauses_deleted() -> Vec<Case> {
    let doc = es();
    let text = doc.text();
    let mut out = Vec::new();
    for (range, section) in plain_sentences(&doc) {
        let sentence = &text[range.clone()];
        let Some(body) = sentence.strip_suffix('.') else {
            continue;
        };
        let Some(comma) = body.rfind(',') else {
            continue;
        };
        let clause = &body[comma + 1..];
        // The sentence keeps a main clause of its own.
        let head = body[..comma].split_whitespace().count();
        if head < 5
            || clause.split_whitespace().count() < 5
            || clause.contains([';', ':', '(', ')'])
        {
            continue;
        }
        let mut case = Case::new(
            Mutation::ClauseDeleted,
            Side::Es,
            &section,
            range.start + comma..range.start + body.len(),
            "",
        );
        if re(r"\b(19|20)\d\d\b|\baño\b").is_match(clause) {
            case.also.push(DivergenceKind::Date);
        } else if re(r"\b\d+\b").is_match(clause) {
            case.also.push(DivergenceKind::Number);
        }
        out.push(case);
    }
    out
}

/// Sentences about nothing the plan mentions, in the plan's register.
const UNRELATED: [&str; 6] = [
    "Las embajadas de ambos países organizarán ferias gastronómicas para difundir la cocina tradicional de sus regiones.",
    "El programa de becas para estudiantes de posgrado en artes escénicas se ampliará a las escuelas de música y danza.",
    "Los servicios postales de ambos países emitirán una serie conmemorativa de timbres dedicada a las aves de los humedales costeros.",
    "Se celebrará un torneo amistoso de hockey sobre hielo entre equipos universitarios de las dos capitales.",
    "Las bibliotecas nacionales digitalizarán sus colecciones de mapas antiguos y las pondrán a disposición del público en línea.",
    "Los museos de antropología intercambiarán piezas de arte textil para una exposición itinerante sobre el tejido artesanal.",
];

/// An unrelated sentence inserted after a Spanish sentence.
fn sentences_added() -> Vec<Case> {
    plain_sentences(&es())
        .into_iter()
        .map(|(range, section)| {
            Case::new(
                Mutation::SentenceAdded,
                Side::Es,
                &section,
                range.end..range.end,
                "",
            )
        })
        .collect()
}

/// A numbered Spanish section deleted, heading and all.
fn sections_deleted() -> Vec<Case> {
    let doc = es();
    let text = doc.text();
    let blocks = section_blocks(&doc);
    blocks
        .iter()
        .enumerate()
        .map(|(i, (id, range))| {
            // Up to the next block, so that the white space between stays as it was.
            let end = blocks
                .get(i + 1)
                .map_or(range.end, |(_, next)| next.start.max(range.end));
            let end = if text[range.end..end].trim().is_empty() {
                end
            } else {
                range.end
            };
            let mut case = Case::new(Mutation::SectionDeleted, Side::Es, id, range.start..end, "");
            case.what = format!("deleted section {id}");
            case
        })
        .collect()
}

/// Two numbered Spanish sections of one pillar swapped, numbers and all.
fn sections_swapped() -> Vec<Case> {
    let doc = es();
    let text = doc.text();
    let blocks = section_blocks(&doc);
    let mut out = Vec::new();
    for (i, (a, ra)) in blocks.iter().enumerate() {
        for (b, rb) in &blocks[i + 1..] {
            if a.split('.').next() != b.split('.').next() {
                continue;
            }
            out.push(Case {
                mutation: Mutation::SectionsSwapped,
                side: Side::Es,
                sections: vec![a.clone(), b.clone()],
                edits: vec![
                    (ra.clone(), text[rb.clone()].to_string()),
                    (rb.clone(), text[ra.clone()].to_string()),
                ],
                what: format!("swapped sections {a} and {b}"),
                also: Vec::new(),
            });
        }
    }
    out
}

/// Every case, chosen with the fixed seed.
fn cases() -> Vec<Case> {
    let mut rng = SplitMix64(seed());
    let mut all = Vec::new();
    let mut dates_both = dates(Side::Es, &mut rng);
    dates_both.extend(dates(Side::En, &mut rng));
    all.extend(spread(dates_both, 8, &mut rng));
    let mut numbers_both = numbers(Side::Es, &mut rng);
    numbers_both.extend(numbers(Side::En, &mut rng));
    all.extend(spread(numbers_both, 6, &mut rng));
    let mut entities = institutions(Side::Es);
    entities.extend(institutions(Side::En));
    all.extend(spread(entities, 8, &mut rng));
    let weak_es = weakened_es(&mut rng);
    all.extend(spread(weak_es, 4, &mut rng));
    all.extend(spread(strengthened_es(), 2, &mut rng));
    let weak_en = weakened_en(&mut rng);
    all.extend(spread(weak_en, 2, &mut rng));
    all.extend(spread(strengthened_en(), 1, &mut rng));
    all.extend(spread(sentences_deleted(), 6, &mut rng));
    all.extend(spread(clauses_deleted(), 6, &mut rng));
    let mut added = spread(sentences_added(), UNRELATED.len(), &mut rng);
    for (case, sentence) in added.iter_mut().zip(UNRELATED) {
        case.edits[0].1 = format!(" {sentence}");
        case.what = format!("inserted «{}»", short(sentence));
    }
    all.extend(added);
    all.extend(spread(sections_deleted(), 5, &mut rng));
    all.extend(spread(sections_swapped(), 5, &mut rng));
    all
}

// ---------------------------------------------------------------------------------------------
// Running a case.

fn check(en_text: &str, es_text: &str) -> Check {
    let en = Document::parse(en_text, Lang::En).expect("the English version parses");
    let es = Document::parse(es_text, Lang::Es).expect("the Spanish version parses");
    Checker::new().check(&en, &es)
}

/// With `PARIDAD_SNAPSHOT_DIR` set (`scripts/snapshot-reports.sh`), writes the case's two
/// versions there, for the script to check with the CLI and compare builds byte for byte.
fn snapshot(case: &Case, mutated: &str) {
    let Some(dir) = std::env::var_os("PARIDAD_SNAPSHOT_DIR") else {
        return;
    };
    let dir = std::path::Path::new(&dir);
    let name: String = case
        .label()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    let (en, es) = match case.side {
        Side::En => (mutated, ES),
        Side::Es => (EN, mutated),
    };
    std::fs::write(dir.join(format!("{name}.en.txt")), en)
        .expect("the snapshot folder takes files");
    std::fs::write(dir.join(format!("{name}.es.txt")), es)
        .expect("the snapshot folder takes files");
}

/// Ids of the warnings and errors on the clean pair.
fn baseline() -> HashSet<String> {
    check(EN, ES)
        .divergences
        .into_iter()
        .filter(|d| d.severity >= Severity::Warning)
        .map(|d| d.id)
        .collect()
}

/// True when the finding's section pair has one of `ids` on either side.
fn in_sections(check: &Check, d: &Divergence, ids: &[String]) -> bool {
    let s = &check.alignment.sections[d.section];
    ids.iter()
        .any(|id| s.a_id.as_deref() == Some(id) || s.b_id.as_deref() == Some(id))
}

fn describe(check: &Check, d: &Divergence) -> String {
    let s = &check.alignment.sections[d.section];
    let mut out = format!(
        "[{}/{}] {} {}: {}",
        s.a_id.as_deref().unwrap_or("-"),
        s.b_id.as_deref().unwrap_or("-"),
        d.severity,
        d.kind,
        d.message
    );
    if let Some(e) = &d.a {
        let _ = write!(out, " | en «{}»", short(&e.text));
    }
    if let Some(e) = &d.b {
        let _ = write!(out, " | es «{}»", short(&e.text));
    }
    out
}

/// What a case gave: caught or not, what it found in its sections, and its false alarms.
struct Outcome {
    /// The first new finding of the expected kind in the mutated sections.
    caught: Option<String>,
    inside: Vec<String>,
    false_alarms: Vec<String>,
}

fn run(case: &Case, baseline: &HashSet<String>) -> Outcome {
    let mutated = case.text();
    snapshot(case, &mutated);
    let check = match case.side {
        Side::En => check(&mutated, ES),
        Side::Es => check(EN, &mutated),
    };
    let expected: Vec<DivergenceKind> = case
        .mutation
        .expects(case.side)
        .iter()
        .chain(&case.also)
        .copied()
        .collect();
    let fresh: Vec<&Divergence> = check
        .divergences
        .iter()
        .filter(|d| d.severity >= Severity::Warning && !baseline.contains(&d.id))
        .collect();
    let (inside, outside): (Vec<&Divergence>, Vec<&Divergence>) = fresh
        .into_iter()
        .partition(|d| in_sections(&check, d, &case.sections));
    Outcome {
        caught: inside
            .iter()
            .find(|d| expected.contains(&d.kind))
            .map(|d| describe(&check, d)),
        inside: inside.iter().map(|d| describe(&check, d)).collect(),
        false_alarms: outside.iter().map(|d| describe(&check, d)).collect(),
    }
}

#[test]
fn mutations_are_flagged_in_their_section_and_nowhere_else() {
    let cases = cases();
    assert!(cases.len() >= 40, "only {} cases", cases.len());
    let baseline = baseline();
    let mut table: BTreeMap<Mutation, (usize, usize)> = BTreeMap::new();
    let mut missed = Vec::new();
    let mut hits = Vec::new();
    let mut alarms = Vec::new();
    let mut pillars: BTreeMap<Mutation, HashSet<String>> = BTreeMap::new();
    for case in &cases {
        let outcome = run(case, &baseline);
        let row = table.entry(case.mutation).or_default();
        row.0 += 1;
        if let Some(hit) = outcome.caught {
            row.1 += 1;
            hits.push((case.label(), hit));
        } else {
            missed.push((case.label(), outcome.inside));
        }
        for alarm in outcome.false_alarms {
            alarms.push((case.label(), alarm));
        }
        pillars
            .entry(case.mutation)
            .or_default()
            .insert(case.pillar().to_string());
    }

    let mut report = String::new();
    let _ = writeln!(
        report,
        "{:<28} {:<20} {:>5} {:>6} {:>7}  parts of the text",
        "mutation", "expected kind", "cases", "caught", "recall"
    );
    let (mut total, mut caught) = (0, 0);
    for (m, (n, c)) in &table {
        let kinds: Vec<&str> = m.expects(Side::Es).iter().map(|k| k.name()).collect();
        let mut parts: Vec<&String> = pillars[m].iter().collect();
        parts.sort();
        let parts: Vec<&str> = parts.into_iter().map(String::as_str).collect();
        let _ = writeln!(
            report,
            "{:<28} {:<20} {:>5} {:>6} {:>7.2}  {}",
            m.name(),
            kinds.join("/"),
            n,
            c,
            *c as f64 / *n as f64,
            parts.join(" ")
        );
        total += n;
        caught += c;
    }
    let _ = writeln!(
        report,
        "{:<28} {:<20} {:>5} {:>6} {:>7.2}",
        "all",
        "",
        total,
        caught,
        caught as f64 / total as f64
    );
    let _ = writeln!(
        report,
        "false alarms (new warnings and errors outside the mutated sections): {}",
        alarms.len()
    );
    let _ = writeln!(report, "\nmissed:");
    for (label, inside) in &missed {
        let _ = writeln!(report, "  {label}");
        if inside.is_empty() {
            let _ = writeln!(report, "      (no new warning in the section)");
        }
        for d in inside {
            let _ = writeln!(report, "      found instead: {d}");
        }
    }
    let _ = writeln!(report, "\ncaught:");
    for (label, hit) in &hits {
        let _ = writeln!(report, "  {label}\n      {hit}");
    }
    let _ = writeln!(report, "\nfalse alarms:");
    for (label, alarm) in &alarms {
        let _ = writeln!(report, "  {label}\n      {alarm}");
    }
    println!("{report}");

    // Other seeds are for measuring: their figures are printed, not held to the thresholds.
    if seed() != SEED {
        return;
    }
    for (m, least) in MIN_RECALL {
        let (n, c) = table.get(&m).copied().unwrap_or_default();
        assert!(n > 0, "no case of {}", m.name());
        let recall = c as f64 / n as f64;
        assert!(
            recall >= least,
            "recall of {} is {recall:.2}, below {least}\n{report}",
            m.name()
        );
    }
    // No new warning or error in sections no mutation touched (none either on the six other
    // seeds).
    assert!(alarms.is_empty(), "{} false alarms\n{report}", alarms.len());
}

#[test]
fn the_cases_are_the_same_on_every_run_and_cover_the_text() {
    let (a, b) = (cases(), cases());
    assert_eq!(
        a.iter().map(Case::label).collect::<Vec<_>>(),
        b.iter().map(Case::label).collect::<Vec<_>>()
    );
    let parts: HashSet<&str> = a.iter().map(Case::pillar).collect();
    for part in ["preamble", "I", "II", "III", "IV"] {
        assert!(parts.contains(part), "no mutation in {part}");
    }
    // Every mutation changes the text it means to change, and the result still parses.
    for case in &a {
        let text = case.text();
        assert_ne!(text, original(case.side), "{}", case.label());
        let lang = match case.side {
            Side::En => Lang::En,
            Side::Es => Lang::Es,
        };
        Document::parse(&text, lang).unwrap_or_else(|e| panic!("{}: {e}", case.label()));
    }
}

// ---------------------------------------------------------------------------------------------
// One hand-picked mutation per kind, each expectation read off the two texts.

/// `text` with `old` (occurring exactly once) replaced by `new`.
fn replace_once(text: &str, old: &str, new: &str) -> String {
    assert_eq!(text.matches(old).count(), 1, "{old:?} must occur once");
    text.replacen(old, new, 1)
}

/// Asserts a new finding of `kind` at warning or above (`Error` when `error`) in the section
/// pair with `section` on either side, whose evidence holds `en` and `es` where given.
fn assert_flagged(
    check: &Check,
    kind: DivergenceKind,
    section: &str,
    error: bool,
    en: Option<&str>,
    es: Option<&str>,
) {
    let baseline = baseline();
    let holds = |e: &Option<paridad::Evidence>, want: Option<&str>| {
        want.is_none_or(|w| e.as_ref().is_some_and(|e| e.text.contains(w)))
    };
    let least = if error {
        Severity::Error
    } else {
        Severity::Warning
    };
    let hit = check.divergences.iter().any(|d| {
        d.kind == kind
            && d.severity >= least
            && !baseline.contains(&d.id)
            && in_sections(check, d, &[section.to_string()])
            && holds(&d.a, en)
            && holds(&d.b, es)
    });
    let all: Vec<String> = check
        .divergences
        .iter()
        .map(|d| describe(check, d))
        .collect();
    assert!(
        hit,
        "no new {kind} in {section} with en {en:?} and es {es:?}; found:\n{}",
        all.join("\n")
    );
}

#[test]
fn a_deadline_moved_is_a_date_error() {
    // I.6: "by March 31, 2026" / "antes del 31 de marzo de 2026".
    let es = replace_once(
        ES,
        "antes del 31 de marzo de 2026",
        "antes del 30 de abril de 2026",
    );
    let check = check(EN, &es);
    assert_flagged(
        &check,
        DivergenceKind::Date,
        "I.6",
        true,
        Some("March 31, 2026"),
        Some("30 de abril de 2026"),
    );
}

#[test]
fn a_count_changed_is_a_number_error() {
    // II.1: SAWP "spans over 50 years" / el PTAT "se remonta a más de 50 años".
    let es = replace_once(ES, "más de 50 años", "más de 60 años");
    let check = check(EN, &es);
    assert_flagged(
        &check,
        DivergenceKind::Number,
        "II.1",
        true,
        Some("50"),
        Some("60"),
    );
}

#[test]
fn another_institution_is_an_entity_warning() {
    // IV.1: the memorandum is between Parks Canada and CONANP; the Spanish now names the
    // Canadian Food Inspection Agency instead of Parks Canada.
    let es = replace_once(
        ES,
        "Parques Canadá",
        "Agencia Canadiense de Inspección de Alimentos",
    );
    let check = check(EN, &es);
    assert_flagged(
        &check,
        DivergenceKind::Entity,
        "IV.1",
        false,
        None,
        Some("Agencia Canadiense de Inspección de Alimentos"),
    );
}

#[test]
fn a_commitment_made_possible_is_a_modality_warning() {
    // I.1: "Canada and Mexico will work to expand bilateral trade" / "México y Canadá
    // colaborarán en la expansión del comercio bilateral", the only future of its sentence.
    let es = replace_once(
        ES,
        "México y Canadá colaborarán en la expansión",
        "México y Canadá podrán colaborar en la expansión",
    );
    let check = check(EN, &es);
    assert_flagged(
        &check,
        DivergenceKind::Modality,
        "I.1",
        false,
        Some("will"),
        Some("podrán"),
    );
}

#[test]
fn a_sentence_deleted_is_an_omission() {
    // I.7 ends "A study tour will be organized to explore enhanced bilateral cooperation and
    // reciprocal knowledge exchange." / "Para ello, se organizará una visita de estudio …".
    let es = replace_once(
        ES,
        " Para ello, se organizará una visita de estudio para explorar una mayor cooperación bilateral y el intercambio recíproco de conocimientos.",
        "",
    );
    let check = check(EN, &es);
    assert_flagged(
        &check,
        DivergenceKind::Omission,
        "I.7",
        false,
        Some("A study tour will be organized"),
        None,
    );
}

#[test]
fn a_clause_deleted_is_an_omission() {
    // II.3: "… with a focus on opioid abuse among adolescents, including efforts to develop
    // supportive guidelines for reintegration following incarceration."; the Spanish loses its
    // "incluyendo esfuerzos para elaborar lineamientos …".
    let es = replace_once(
        ES,
        ", incluyendo esfuerzos para elaborar lineamientos de apoyo para la reintegración tras la reclusión.",
        ".",
    );
    let check = check(EN, &es);
    assert_flagged(
        &check,
        DivergenceKind::Omission,
        "II.3",
        false,
        Some("guidelines"),
        None,
    );
}

#[test]
fn a_sentence_added_is_an_addition() {
    // III.2 gains a sentence about food fairs that the English does not have.
    let added = "Las embajadas de ambos países organizarán ferias gastronómicas para difundir la cocina tradicional de sus regiones.";
    let es = replace_once(
        ES,
        "frente a ciberataques.",
        &format!("frente a ciberataques. {added}"),
    );
    let check = check(EN, &es);
    assert_flagged(
        &check,
        DivergenceKind::Addition,
        "III.2",
        false,
        None,
        Some("ferias gastronómicas"),
    );
}

#[test]
fn a_section_deleted_is_a_structure_warning() {
    // I.8, sustainable mining, is one sentence in both versions.
    let es = replace_once(
        ES,
        "- 8. Acción conjunta en minería sostenible.** México y Canadá colaborarán para un desarrollo minero sostenible en ambos países, con el fin de producir los recursos minerales necesarios para apoyar la transición verde y las tecnologías sostenibles del futuro.\n",
        "",
    );
    let check = check(EN, &es);
    assert_flagged(&check, DivergenceKind::Structure, "I.8", false, None, None);
    let i8 = check
        .alignment
        .sections
        .iter()
        .find(|s| s.a_id.as_deref() == Some("I.8"))
        .expect("I.8 in the alignment");
    assert_eq!(i8.b_id, None, "I.8 has no Spanish counterpart left");
}

#[test]
fn two_sections_swapped_is_a_structure_warning() {
    // II.2 (labour) and II.3 (health) change places, numbers and all.
    let doc = es();
    let blocks = section_blocks(&doc);
    let block = |id: &str| blocks.iter().find(|b| b.0 == id).expect(id).1.clone();
    let (a, b) = (block("II.2"), block("II.3"));
    let text = format!(
        "{}{}{}{}{}",
        &ES[..a.start],
        &ES[b.clone()],
        &ES[a.end..b.start],
        &ES[a.clone()],
        &ES[b.end..]
    );
    let check = check(EN, &text);
    let moved = check.divergences.iter().any(|d| {
        d.kind == DivergenceKind::Structure
            && d.severity >= Severity::Warning
            && (in_sections(&check, d, &["II.2".into()])
                || in_sections(&check, d, &["II.3".into()]))
    });
    let all: Vec<String> = check
        .divergences
        .iter()
        .map(|d| describe(&check, d))
        .collect();
    assert!(
        moved,
        "no structure warning for II.2 or II.3:\n{}",
        all.join("\n")
    );
}
