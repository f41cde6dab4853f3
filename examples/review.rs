//! The library end to end: parse two versions, check them, walk the divergences, keep the
//! warnings a reviewer must look at, and write the aligned pairs as a TMX translation memory.
//!
//! ```text
//! cargo run --example review                        # the 2025-2028 seeds, TMX in the temp dir
//! cargo run --example review -- EN ES [OUT.tmx]     # any pair (either order)
//! ```

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

use paridad::{Checker, Document, Filter, Lang, Severity};

fn main() -> ExitCode {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() < 2 {
        let seeds = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds");
        args = vec![
            format!("{seeds}/2025-2028.en.txt"),
            format!("{seeds}/2025-2028.es.txt"),
        ];
    }
    let tmx = args.get(2).cloned().unwrap_or_else(|| {
        let path = std::env::temp_dir().join("paridad-memory.tmx");
        path.display().to_string()
    });
    match run(&args[0], &args[1], &tmx) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("review: {message}");
            ExitCode::from(2)
        }
    }
}

fn run(first: &str, second: &str, tmx: &str) -> Result<(), String> {
    // 1. Read and parse: files are checked for UTF-8, languages detected.
    let texts = [first, second].map(|p| paridad::read_file(p).map_err(|e| e.to_string()));
    let [text_a, text_b] = texts;
    let (text_a, text_b) = (text_a?, text_b?);
    let lang = |text: &str| Lang::detect(text).unwrap_or(Lang::En);
    let a = Document::parse(&text_a, lang(&text_a)).map_err(|e| format!("{first}: {e}"))?;
    let b = Document::parse(&text_b, lang(&text_b)).map_err(|e| format!("{second}: {e}"))?;

    // 2. Check (the versions may come in either order) and keep warnings and errors.
    let mut check = Checker::new().check(&a, &b);
    let left_out = Filter::default()
        .min_severity(Severity::Warning)
        .apply(&mut check);
    let (en, es) = if a.lang() == Lang::Es {
        (&b, &a)
    } else {
        (&a, &b)
    };

    // 3. Walk the divergences with their section and evidence.
    let mut out = io::stdout().lock();
    for d in &check.divergences {
        let section = &check.alignment.sections[d.section];
        let id = section.a_id.as_deref().or(section.b_id.as_deref());
        let line = format!(
            "{:<8} {:<10} {:<9} {}",
            id.unwrap_or("-"),
            d.kind.name(),
            d.severity.name(),
            d.message
        );
        writeln!(out, "{line}").map_err(|e| e.to_string())?;
    }
    writeln!(
        out,
        "{} warnings and errors ({left_out} infos left out)",
        check.divergences.len()
    )
    .map_err(|e| e.to_string())?;

    // 4. The aligned pairs as a translation memory.
    let file = File::create(tmx).map_err(|e| format!("{tmx}: {e}"))?;
    let mut file = BufWriter::new(file);
    paridad::report::write_tmx(&mut file, &check.alignment, en, es)
        .and_then(|()| file.flush())
        .map_err(|e| format!("{tmx}: {e}"))?;
    writeln!(out, "translation memory: {tmx}").map_err(|e| e.to_string())
}
