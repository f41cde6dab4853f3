//! Tables drawn with characters, as the text exports of manuals print them: borders are skipped,
//! each row is one sentence whose cells read column by column, so that the two versions' rows
//! pair one to one and their figures compare cell by cell.

use paridad::{Checker, Document, Lang, ParagraphKind, SkipKind};

use super::util::assert_lossless;

/// A grid table in the style of DocBook's text export: a caption, rules between rows, cells
/// wrapped inside their columns (the translation wraps them elsewhere).
const EN: &str = "1. Tools\n\n    Table 1.1. List of text-mode programs\n\n\
    +------------------------------------------------+\n\
    | package |popcon|size |      description        |\n\
    |---------+------+-----+-------------------------|\n\
    |mc       |V:54, |1482 |A text-mode full-screen  |\n\
    |         |I:226 |     |file manager             |\n\
    |---------+------+-----+-------------------------|\n\
    |         |V:97, |     |Unix text editor Vi      |\n\
    |vim      |I:390 |3570 |IMproved, a programmers  |\n\
    |         |      |     |text editor              |\n\
    +------------------------------------------------+\n\n\
    The popcon figures count votes and installations.\n";

const ES: &str = "1. Herramientas\n\n    Tabla 1.1. Lista de programas en modo texto\n\n\
    +-------------------------------------------------------+\n\
    | paquete |popcon    |tamaño|         descripción          |\n\
    |---------+----------+------+------------------------------|\n\
    |mc       |V:54,     |1482  |Un gestor de archivos a       |\n\
    |         |I:226     |      |pantalla completa en modo     |\n\
    |         |          |      |texto                         |\n\
    |---------+----------+------+------------------------------|\n\
    |vim      |V:97,     |3570  |Editor de texto Unix Vi       |\n\
    |         |I:390     |      |IMproved, un editor de texto  |\n\
    |         |          |      |para programadores            |\n\
    +-------------------------------------------------------+\n\n\
    Las cifras de popcon cuentan votos e instalaciones.\n";

fn rows<'d>(doc: &'d Document<'_>) -> Vec<&'d str> {
    doc.paragraphs()
        .iter()
        .filter(|p| p.kind() == ParagraphKind::TableRow)
        .flat_map(|p| doc.sentences()[p.sentence_range()].iter().map(|s| s.text()))
        .collect()
}

#[test]
fn a_grid_table_gives_one_sentence_a_row_its_cells_column_by_column() {
    let en = Document::parse(EN, Lang::En).unwrap();
    let es = Document::parse(ES, Lang::Es).unwrap();
    assert_lossless(&en);
    assert_lossless(&es);
    assert_eq!(
        rows(&en),
        [
            "package popcon size description",
            "mc V:54, I:226 1482 A text-mode full-screen file manager",
            "vim V:97, I:390 3570 Unix text editor Vi IMproved, a programmers text editor",
        ]
    );
    assert_eq!(
        rows(&es)[1],
        "mc V:54, I:226 1482 Un gestor de archivos a pantalla completa en modo texto"
    );
    // Rules and bars are border; nothing of the cells is.
    let border: usize = en
        .skipped()
        .iter()
        .filter(|s| s.kind == SkipKind::TableBorder)
        .map(|s| s.span.len())
        .sum();
    assert!(border > 0);
    assert!(en
        .skipped()
        .iter()
        .filter(|s| s.kind == SkipKind::TableBorder)
        .all(|s| s.span.text(EN).chars().all(|c| "+-|".contains(c))));
}

#[test]
fn the_rows_of_a_faithful_table_raise_nothing_and_a_changed_figure_is_found() {
    let en = Document::parse(EN, Lang::En).unwrap();
    let es = Document::parse(ES, Lang::Es).unwrap();
    let check = Checker::new().check(&en, &es);
    let loud: Vec<&str> = check
        .divergences
        .iter()
        .filter(|d| d.severity >= paridad::Severity::Warning)
        .map(|d| d.message.as_str())
        .collect();
    assert_eq!(loud, Vec::<&str>::new());
    let changed = ES.replace("|3570  |", "|3750  |");
    let es = Document::parse(&changed, Lang::Es).unwrap();
    let check = Checker::new().check(&en, &es);
    let numbers: Vec<(&str, &str)> = check
        .divergences
        .iter()
        .filter(|d| d.kind == paridad::DivergenceKind::Number)
        .map(|d| {
            (
                d.a.as_ref().unwrap().text.as_str(),
                d.b.as_ref().unwrap().text.as_str(),
            )
        })
        .collect();
    assert_eq!(numbers, [("3570", "3750")]);
}
