//! `paridad align EN ES`: two versions aligned, sections then sentences, with scores; with
//! `--sentences`, two sentence lists in any two languages aligned sentence by sentence.

use std::io::{self, Write};

use paridad::Lang;

use crate::args::{AlignArgs, AlignFormat};
use crate::cmd::{documents, report_role};
use crate::input::{read_dictionaries, read_glossaries, read_input};
use crate::output::with_output;
use crate::versions::Versions;
use crate::{finish_output, say, shown_path, write_json, Failure};

/// Runs `paridad align`: refuses an output that is one of the inputs, then writes the alignment
/// to `--out` or standard output.
pub(crate) fn run(args: &AlignArgs, stdout: &mut io::StdoutLock<'_>) -> Result<(), Failure> {
    let mut files = documents(&args.en, &args.es);
    for g in &args.glossary {
        files.read("--glossary", g);
    }
    for d in &args.evidence.dict {
        files.read("--dict", d);
    }
    files
        .write(report_role(args.out.as_deref()), args.out.as_deref())
        .refuse_clashes()?;
    with_output(args.out.as_ref(), stdout, |mut out| {
        if args.sentences {
            align_sentence_lists(args, &mut out)
        } else {
            align(args, &mut out)
        }
    })
}

/// The aligner of a run: the glossaries, `--dict` and `--no-learned-terms`.
fn aligner(args: &AlignArgs, glossary: &paridad::Glossary) -> Result<paridad::Aligner, Failure> {
    Ok(paridad::Aligner::with_glossary(glossary)
        .learn_terms(!args.evidence.no_learned_terms)
        .dictionary(&read_dictionaries(&args.evidence.dict)?))
}

/// Two documents aligned and written as text, JSON or TMX.
fn align(args: &AlignArgs, out: &mut impl Write) -> Result<(), Failure> {
    /// What a document alignment can be written as.
    enum Written {
        Text,
        Json,
        Tmx,
    }
    let format = match args.format.unwrap_or(AlignFormat::Text) {
        AlignFormat::Text => Written::Text,
        AlignFormat::Json => Written::Json,
        AlignFormat::Tmx => Written::Tmx,
        AlignFormat::Beads | AlignFormat::Tsv => {
            return Err(Failure(
                "--format beads and tsv are for sentence lists: add --sentences".to_string(),
            ))
        }
    };
    let glossary = read_glossaries(&args.glossary)?;
    let langs = args.langs.as_deref();
    let versions = Versions::read(&args.en, &args.es, langs, args.strict_lang)?;
    versions.warn();
    let (en, es) = versions.parse()?;
    let alignment = aligner(args, &glossary)?.align(&en, &es);
    let written = match format {
        Written::Text => paridad::report::write_text(out, &alignment, &en, &es),
        Written::Json => write_json(
            out,
            &paridad::report::AlignmentReport::new(&alignment, &en, &es),
        ),
        Written::Tmx => paridad::report::write_tmx(out, &alignment, &en, &es),
    };
    finish_output(written)
}

/// `paridad align --sentences`: two files of one sentence a line, in any two languages.
/// Without `--langs`, a list whose language is detected as English or Spanish is read as such;
/// one that is not detected keeps its default (English first, Spanish second).
fn align_sentence_lists(args: &AlignArgs, out: &mut impl Write) -> Result<(), Failure> {
    let (first, second, glossaries) = (&args.en, &args.es, &args.glossary);
    let (langs, strict) = (args.langs.as_deref(), args.strict_lang);
    /// What a sentence-list alignment can be written as.
    enum Written {
        Beads,
        Tsv,
        Json,
    }
    let format = match args.format.unwrap_or(AlignFormat::Beads) {
        AlignFormat::Beads => Written::Beads,
        AlignFormat::Tsv => Written::Tsv,
        AlignFormat::Json => Written::Json,
        AlignFormat::Text | AlignFormat::Tmx => {
            return Err(Failure(
                "--sentences writes beads, tsv or json: --format text and tmx need documents"
                    .to_string(),
            ))
        }
    };
    let given = match langs {
        Some(given) => match given.split(',').collect::<Vec<_>>()[..] {
            [a, b] => Some((a.to_string(), b.to_string())),
            _ => {
                return Err(Failure(format!(
                    "--langs {given:?}: expected two language codes, as en,es or de,fr"
                )))
            }
        },
        None => None,
    };
    let glossary = read_glossaries(glossaries)?;
    let (text_a, text_b) = (read_input(first)?, read_input(second)?);
    let (list_a, list_b) = (sentence_lines(&text_a), sentence_lines(&text_b));
    for (path, list) in [(first, &list_a), (second, &list_b)] {
        if list.iter().all(|s| s.trim().is_empty()) {
            return Err(Failure(format!(
                "{}: the sentence list is empty",
                shown_path(path).display()
            )));
        }
    }
    let (lang_a, lang_b) = given.unwrap_or_else(|| {
        let detected = |text: &str, default: Lang| Lang::detect(text).unwrap_or(default);
        let (a, b) = (detected(&text_a, Lang::En), detected(&text_b, Lang::Es));
        (a.code().to_string(), b.code().to_string())
    });
    let mut doubts = Vec::new();
    if langs.is_none() && lang_a == lang_b {
        doubts.push(format!(
            "both {} and {} read as {lang_a}",
            shown_path(first).display(),
            shown_path(second).display()
        ));
    }
    // `en`, `eng`, `en-GB`, `english`, and the same for Spanish.
    let english_or_spanish = |given: &str| Lang::from_tag(given).is_ok();
    let glossary_applies = english_or_spanish(&lang_a) && english_or_spanish(&lang_b);
    if !glossaries.is_empty() && !glossary_applies {
        doubts.push(format!(
            "--glossary pairs English and Spanish terms, and the lists are {lang_a},{lang_b}: it is not used"
        ));
    }
    if let Some(doubt) = doubts.first().filter(|_| strict) {
        return Err(Failure(format!("{doubt} (--strict-lang)")));
    }
    for doubt in &doubts {
        say(&format!("paridad: warning: {doubt}; going on"));
    }
    let pairs = aligner(args, &glossary)?
        .align_sentence_lists(&list_a, &lang_a, &list_b, &lang_b)
        .map_err(|e| Failure(format!("--langs: {e}")))?;
    let written = match format {
        Written::Beads => paridad::report::write_beads(out, &pairs),
        Written::Tsv => paridad::report::write_bead_table(out, &pairs, &list_a, &list_b),
        Written::Json => write_json(
            out,
            &paridad::report::AlignmentReport::from_sentence_lists(
                &pairs, &list_a, &lang_a, &list_b, &lang_b,
            ),
        ),
    };
    finish_output(written)
}

/// The lines of a sentence-list file, one sentence each (a line break at the end of the file
/// ends the last line; `\r\n` is one break; a byte-order mark is not text).
fn sentence_lines(text: &str) -> Vec<&str> {
    text.strip_prefix('\u{feff}')
        .unwrap_or(text)
        .lines()
        .collect()
}
