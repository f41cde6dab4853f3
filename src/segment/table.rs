//! Tables drawn with characters, as text exports print them (DocBook through w3m, pandoc's grid
//! tables, Markdown pipe tables): their borders are layout, each row is one unit of text.
//!
//! A table is a run of three or more consecutive lines that each start and end with `|` or `+`,
//! at least one of them a rule (`+-----+`, `|----+----|`, `|:---|`). In a grid table, rules
//! stand between the rows and a row may take several lines (its cells wrap inside their
//! columns); in a pipe table, rules stand only under the header and every line is a row. A
//! table with two or more rules inside it is read as a grid.

use std::ops::Range;

use crate::span::Span;

use super::lines::Line;

/// What a line of a table is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TableLine {
    /// A rule: border only.
    Rule,
    /// A line of the row numbered so in its table (the rows of a grid table span lines).
    Row(usize),
}

/// Per line, its place in a table, if it is in one.
pub(crate) fn find(text: &str, lines: &[Line]) -> Vec<Option<TableLine>> {
    let mut out = vec![None; lines.len()];
    let mut i = 0;
    while i < lines.len() {
        let start = i;
        while i < lines.len() && is_table_line(lines[i].content.text(text)) {
            i += 1;
        }
        if i == start {
            i += 1;
            continue;
        }
        mark(text, lines, start..i, &mut out);
    }
    out
}

fn mark(text: &str, lines: &[Line], run: Range<usize>, out: &mut [Option<TableLine>]) {
    let rule = |k: usize| is_rule(lines[k].content.text(text));
    let rules = run.clone().filter(|&k| rule(k)).count();
    if run.len() < 3 || rules == 0 {
        return;
    }
    let inner_rules = run
        .clone()
        .skip(1)
        .take(run.len().saturating_sub(2))
        .filter(|&k| rule(k))
        .count();
    let grid = inner_rules >= 2;
    let mut row = 0;
    let mut in_row = false;
    for k in run {
        if rule(k) {
            out[k] = Some(TableLine::Rule);
            if in_row {
                row += 1;
                in_row = false;
            }
        } else {
            out[k] = Some(TableLine::Row(row));
            if grid {
                in_row = true;
            } else {
                row += 1;
            }
        }
    }
}

/// A line that starts and ends with a border character.
fn is_table_line(s: &str) -> bool {
    s.len() >= 2 && s.starts_with(['|', '+']) && s.ends_with(['|', '+'])
}

/// A line of border characters only, with a horizontal stroke.
fn is_rule(s: &str) -> bool {
    s.contains(['-', '='])
        && s.chars()
            .all(|c| matches!(c, '+' | '-' | '=' | '|' | ':') || c.is_whitespace())
}

/// The pieces of a row line: its cells' text (trimmed, non-empty, with the number of its column)
/// and its bars, each as spans of the input, from the line's content span.
pub(crate) fn split_row(text: &str, content: Span) -> (Vec<(usize, Span)>, Vec<Span>) {
    let s = content.text(text);
    let mut cells = Vec::new();
    let mut bars = Vec::new();
    let mut cell_start = 0;
    for (at, c) in s.char_indices() {
        if c == '|' || ((at == 0 || at + 1 == s.len()) && c == '+') {
            push_trimmed(s, content.start, cell_start..at, bars.len(), &mut cells);
            bars.push(Span::new(content.start + at, content.start + at + 1));
            cell_start = at + 1;
        }
    }
    push_trimmed(
        s,
        content.start,
        cell_start..s.len(),
        bars.len(),
        &mut cells,
    );
    (cells, bars)
}

fn push_trimmed(
    s: &str,
    base: usize,
    range: Range<usize>,
    column: usize,
    out: &mut Vec<(usize, Span)>,
) {
    let piece = &s[range.clone()];
    let trimmed = piece.trim();
    if !trimmed.is_empty() {
        let lead = piece.len() - piece.trim_start().len();
        let start = base + range.start + lead;
        out.push((column, Span::new(start, start + trimmed.len())));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::lines;

    const GRID: &str = "Table 1.1. Packages\n\n\
        +--------------------------------+\n\
        | package |popcon|description    |\n\
        |---------+------+---------------|\n\
        |mc       |V:54, |A text-mode    |\n\
        |         |I:226 |file manager   |\n\
        |---------+------+---------------|\n\
        |sudo     |V:638,|Limited root   |\n\
        +--------------------------------+\n";

    fn kinds(text: &str) -> Vec<Option<TableLine>> {
        find(text, &lines::scan(text, 0))
    }

    #[test]
    fn a_grid_table_has_rules_and_rows_of_several_lines() {
        use TableLine::{Row, Rule};
        assert_eq!(
            kinds(GRID),
            [
                None,
                None,
                Some(Rule),
                Some(Row(0)),
                Some(Rule),
                Some(Row(1)),
                Some(Row(1)),
                Some(Rule),
                Some(Row(2)),
                Some(Rule),
                None
            ]
        );
    }

    #[test]
    fn a_pipe_table_has_a_row_a_line() {
        use TableLine::{Row, Rule};
        let text = "| Year | Visitors |\n|---|---:|\n| 2024 | 1,200 |\n| 2025 | 1,450 |\n";
        assert_eq!(
            kinds(text),
            [Some(Row(0)), Some(Rule), Some(Row(1)), Some(Row(2)), None]
        );
    }

    #[test]
    fn bars_in_running_text_make_no_table() {
        let text = "|a| is the absolute value.\nSo |b| is too.\n";
        assert_eq!(kinds(text), [None, None, None]);
    }

    #[test]
    fn a_row_line_splits_into_cells_and_bars() {
        let text = "|mc       |V:54, |A text-mode    |";
        let (cells, bars) = split_row(text, Span::new(0, text.len()));
        let cells: Vec<(usize, &str)> = cells.iter().map(|(c, s)| (*c, s.text(text))).collect();
        assert_eq!(cells, [(1, "mc"), (2, "V:54,"), (3, "A text-mode")]);
        assert_eq!(bars.len(), 4);
    }
}
