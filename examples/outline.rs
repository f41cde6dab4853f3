//! Prints the outline of documents: section ids, titles and sentence counts.
//!
//! ```text
//! cargo run --example outline                 # both 2025-2028 seeds
//! cargo run --example outline -- FILE [FILE…]  # any documents (language detected)
//! ```

use paridad::{Document, Lang};

fn main() -> Result<(), paridad::Error> {
    let mut paths: Vec<String> = std::env::args().skip(1).collect();
    if paths.is_empty() {
        let seeds = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds");
        paths = vec![
            format!("{seeds}/2025-2028.en.txt"),
            format!("{seeds}/2025-2028.es.txt"),
        ];
    }
    for path in &paths {
        let text = paridad::read_file(path)?;
        let lang = Lang::detect(&text).unwrap_or(Lang::En);
        let doc = Document::parse(&text, lang).map_err(|e| e.with_path(path))?;
        println!(
            "{path} ({}): {} sections, {} sentences",
            lang.name(),
            doc.sections().len(),
            doc.sentences().len()
        );
        if let Some(title) = doc.title() {
            println!("  title: {title}");
        }
        if let Some(date) = doc.date() {
            println!("  date:  {date}");
        }
        for section in doc.sections() {
            let indent = "  ".repeat(section.depth() + 1);
            let count = section.sentence_range().len();
            println!(
                "{indent}{:<10} {:<60} {count:>3} sentences",
                section.id(),
                section.title()
            );
        }
        for skipped in doc.skipped() {
            println!(
                "  skipped {:<15} {:?}",
                skipped.kind.name(),
                skipped.span.text(&text)
            );
        }
        println!();
    }
    Ok(())
}
