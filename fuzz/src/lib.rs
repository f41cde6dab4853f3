//! What the fuzz targets share: turning fuzz input into texts and documents, and the invariants
//! they assert. Each check panics with a message when an invariant is broken, which libFuzzer
//! reports as a crash.

use std::borrow::Cow;

use paridad::{Alignment, Check, Document, Lang, LineCol, Span};

/// The text of `bytes`: as [`paridad::decode`] accepts it, or else (invalid UTF-8, or UTF-8
/// that looks like binary data) read lossily, so that every input still reaches the segmenter.
pub fn text(bytes: &[u8]) -> Cow<'_, str> {
    match paridad::decode(bytes) {
        Ok(text) => Cow::Borrowed(text),
        Err(err) => {
            assert!(
                err.is_invalid_utf8() || err.is_not_text(),
                "decode failed with an unexpected error: {err}"
            );
            assert!(!err.to_string().is_empty());
            String::from_utf8_lossy(bytes)
        }
    }
}

/// Two texts from one input, an English version and a Spanish one: the first two bytes (a
/// little-endian `u16`, modulo the length of the rest plus one) say where the rest is cut.
/// `None` when the input is shorter than the two bytes.
///
/// A seed made of `en` and `es` is `[n as u8, (n >> 8) as u8] + en + es`, with `n = en.len()`.
pub fn pair(data: &[u8]) -> Option<(Cow<'_, str>, Cow<'_, str>)> {
    let (head, rest) = data.split_first_chunk::<2>()?;
    let cut = usize::from(u16::from_le_bytes(*head)) % (rest.len() + 1);
    let (en, es) = rest.split_at(cut);
    Some((String::from_utf8_lossy(en), String::from_utf8_lossy(es)))
}

/// The English and Spanish documents of [`pair`]`(data)`, checked with [`assert_document`];
/// `None` when a side has nothing to segment.
pub fn with_documents(data: &[u8], f: impl FnOnce(&Document<'_>, &Document<'_>)) {
    let Some((en, es)) = pair(data) else {
        return;
    };
    let (Some(en), Some(es)) = (parse(&en, Lang::En), parse(&es, Lang::Es)) else {
        return;
    };
    f(&en, &es);
}

/// `text` segmented in `lang` and checked with [`assert_document`]; `None` when there is
/// nothing to segment, the one failure [`Document::parse`] documents.
pub fn parse(text: &str, lang: Lang) -> Option<Document<'_>> {
    match Document::parse(text, lang) {
        Ok(doc) => {
            assert_document(&doc);
            Some(doc)
        }
        Err(err) => {
            assert!(err.is_empty_input(), "parse failed: {err}");
            let body = text.strip_prefix('\u{feff}').unwrap_or(text);
            assert!(body.trim().is_empty(), "parse refused a text: {err}");
            None
        }
    }
}

/// `span` lies within `text`, on char boundaries.
#[track_caller]
pub fn assert_span(text: &str, span: Span, what: &str) {
    assert!(
        span.start <= span.end && span.end <= text.len(),
        "{what} {span:?} outside the text of {} bytes",
        text.len()
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what} {span:?} off a char boundary"
    );
}

/// `range` lies within `text`, on char boundaries, and is not empty.
#[track_caller]
pub fn assert_range(text: &str, range: &std::ops::Range<usize>, what: &str) {
    assert!(
        range.start < range.end,
        "{what} {range:?} empty or reversed"
    );
    assert_span(text, Span::new(range.start, range.end), what);
}

/// The invariants of a segmented document: every span of every piece lies within the text on
/// char boundaries; indexes between sections, paragraphs and sentences hold; the first section
/// is the preamble; and the segments are lossless (in order, not overlapping, and covering
/// every non-whitespace character, a byte order mark aside).
pub fn assert_document(doc: &Document<'_>) {
    let text = doc.text();
    let sections = doc.sections();
    assert!(!sections.is_empty(), "no preamble");
    assert_eq!(sections[0].id(), "preamble");
    for (k, section) in sections.iter().enumerate() {
        assert_span(text, section.span(), "section span");
        for &span in section.heading() {
            assert_span(text, span, "heading span");
        }
        if let Some(label) = section.label() {
            assert_span(text, label, "section label");
        }
        let paragraphs = section.paragraph_range();
        let sentences = section.sentence_range();
        assert!(paragraphs.start <= paragraphs.end && paragraphs.end <= doc.paragraphs().len());
        assert!(sentences.start <= sentences.end && sentences.end <= doc.sentences().len());
        if let Some(parent) = section.parent() {
            assert!(parent < k, "section {k} has parent {parent}");
            assert!(sections[parent].children().contains(&k));
        }
        for &child in section.children() {
            assert!(child > k && child < sections.len());
            assert_eq!(sections[child].parent(), Some(k));
        }
        assert_eq!(doc.sentences_of(section).count(), sentences.len());
    }
    for paragraph in doc.paragraphs() {
        assert_span(text, paragraph.span(), "paragraph span");
        if let Some(marker) = paragraph.marker() {
            assert_span(text, marker, "paragraph marker");
        }
        assert!(paragraph.section() < sections.len());
        let sentences = paragraph.sentence_range();
        assert!(sentences.start <= sentences.end && sentences.end <= doc.sentences().len());
    }
    for sentence in doc.sentences() {
        assert!(!sentence.spans().is_empty(), "a sentence without spans");
        assert!(!sentence.text().is_empty(), "an empty sentence");
        for &span in sentence.spans() {
            assert_span(text, span, "sentence span");
        }
        assert_span(text, sentence.span(), "sentence span");
        assert!(sentence.section() < sections.len());
        assert!(sentence.paragraph() < doc.paragraphs().len());
    }
    for skipped in doc.skipped() {
        assert_span(text, skipped.span, "skipped span");
    }
    if let Some(dateline) = doc.dateline() {
        assert_span(text, dateline.span, "dateline span");
    }
    let mut covered = 0;
    for segment in doc.segments() {
        assert_span(text, segment.span, "segment");
        assert!(
            segment.span.start >= covered,
            "{segment:?} overlaps the previous segment"
        );
        let gap = &text[covered..segment.span.start];
        assert!(
            gap.chars().all(|c| c.is_whitespace() || c == '\u{feff}'),
            "text lost before {segment:?}: {gap:?}"
        );
        covered = segment.span.end;
    }
    let rest = &text[covered..];
    assert!(
        rest.chars().all(|c| c.is_whitespace() || c == '\u{feff}'),
        "text lost at the end: {rest:?}"
    );
}

/// The invariants of an alignment of `en` with `es`: every sentence of both documents is in
/// exactly one sentence pair, each side of a pair is consecutive and in order within its
/// section pair, no pair is empty on both sides, every section appears in a section pair with
/// its own id, and scores are in [0, 1].
pub fn assert_alignment(alignment: &Alignment, en: &Document<'_>, es: &Document<'_>) {
    for (side, doc) in [en, es].into_iter().enumerate() {
        let mut seen = vec![0usize; doc.sentences().len()];
        let mut sections = vec![0usize; doc.sections().len()];
        for section in &alignment.sections {
            let (index, id) = if side == 0 {
                (section.a, &section.a_id)
            } else {
                (section.b, &section.b_id)
            };
            match index {
                Some(k) => {
                    assert!(k < sections.len(), "section {k} of {}", sections.len());
                    sections[k] += 1;
                    assert_eq!(id.as_deref(), Some(doc.sections()[k].id()));
                }
                None => assert_eq!(id, &None),
            }
            let mut last: Option<usize> = None;
            for pair in &section.pairs {
                let idx = if side == 0 { &pair.a } else { &pair.b };
                for (n, &i) in idx.iter().enumerate() {
                    assert!(i < seen.len(), "sentence {i} of {}", seen.len());
                    seen[i] += 1;
                    assert!(
                        last.is_none_or(|l| i > l),
                        "side {side}: sentence {i} out of order in a section pair"
                    );
                    if n > 0 {
                        assert_eq!(i, idx[n - 1] + 1, "side {side}: a pair not consecutive");
                    }
                    last = Some(i);
                }
            }
        }
        assert!(
            seen.iter().all(|&c| c == 1),
            "side {side}: sentences not covered exactly once: {seen:?}"
        );
        assert!(
            sections.iter().all(|&c| c >= 1),
            "side {side}: a section in no section pair: {sections:?}"
        );
    }
    for section in &alignment.sections {
        assert!(
            section.a.is_some() || section.b.is_some(),
            "an empty section pair"
        );
        assert!(
            (0.0..=1.0).contains(&section.score),
            "section score {}",
            section.score
        );
        for pair in &section.pairs {
            assert!(!pair.a.is_empty() || !pair.b.is_empty(), "an empty pair");
            assert!(
                (0.0..=1.0).contains(&pair.score),
                "pair score {}",
                pair.score
            );
        }
    }
}

/// The invariants of a check: its alignment's ([`assert_alignment`]), and for every
/// divergence a section pair and sentence pair that exist, evidence whose span lies in its
/// version's text with the right line and column, and a confidence in [0, 1].
pub fn assert_check(check: &Check, en: &Document<'_>, es: &Document<'_>) {
    assert_alignment(&check.alignment, en, es);
    let sections = &check.alignment.sections;
    for d in &check.divergences {
        assert!(!d.id.is_empty() && !d.message.is_empty());
        if d.kind == paridad::DivergenceKind::Number {
            // Values shown exactly, in plain digits: never `inf`, `NaN` or an exponent.
            assert!(!d.message.contains("inf") && !d.message.contains("NaN"));
            for word in d.message.split_whitespace() {
                if word.contains(|c: char| c.is_ascii_digit()) {
                    let value = word.trim_end_matches([',', '%']);
                    assert!(
                        value.chars().all(|c| c.is_ascii_digit() || c == '.'),
                        "number shown as {word:?}"
                    );
                }
            }
        }
        assert!(
            (0.0..=1.0).contains(&d.confidence),
            "confidence {}",
            d.confidence
        );
        assert!(
            d.section < sections.len(),
            "divergence in section {}",
            d.section
        );
        if let Some(pair) = d.pair {
            assert!(
                pair < sections[d.section].pairs.len(),
                "divergence in pair {pair}"
            );
        }
        for (evidence, doc) in [(&d.a, en), (&d.b, es)] {
            if let Some(e) = evidence {
                assert_span(doc.text(), e.span, "evidence");
                let at = LineCol::of(doc.text(), e.span.start);
                assert_eq!(
                    (e.line, e.column),
                    (at.line, at.column),
                    "evidence position"
                );
            }
        }
    }
}

/// Reads `xml` to the end with quick-xml, and checks that it is well-formed: one root
/// element, every start tag closed by its end tag, attributes well-formed and unique, every
/// text and attribute value unescapable, and no character that XML 1.0 forbids.
pub fn assert_well_formed_xml(xml: &str) {
    use quick_xml::events::Event;

    if let Some(c) = xml.chars().find(|&c| {
        !matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{d7ff}' | '\u{e000}'..='\u{fffd}' | '\u{10000}'..)
    }) {
        panic!("a character XML 1.0 forbids: {c:?}");
    }
    let mut reader = quick_xml::Reader::from_str(xml);
    reader.config_mut().check_end_names = true;
    let mut depth = 0usize;
    let mut roots = 0usize;
    loop {
        let event = reader
            .read_event()
            .unwrap_or_else(|e| panic!("not well-formed at {}: {e}", reader.buffer_position()));
        let opens = matches!(event, Event::Start(_));
        match event {
            Event::Start(e) | Event::Empty(e) => {
                if depth == 0 {
                    roots += 1;
                }
                for attribute in e.attributes().with_checks(true) {
                    let attribute = attribute.unwrap_or_else(|e| panic!("bad attribute: {e}"));
                    attribute
                        .unescape_value()
                        .unwrap_or_else(|e| panic!("bad attribute value: {e}"));
                }
                if opens {
                    depth += 1;
                }
            }
            Event::End(_) => depth -= 1,
            Event::Text(t) => {
                let text = t.unescape().unwrap_or_else(|e| panic!("bad text: {e}"));
                assert!(
                    depth > 0 || text.trim().is_empty(),
                    "text outside the root element: {text:?}"
                );
            }
            Event::CData(_) => assert!(depth > 0, "CDATA outside the root element"),
            Event::Eof => break,
            _ => {}
        }
    }
    assert_eq!(depth, 0, "elements left open at the end");
    assert_eq!(roots, 1, "{roots} root elements");
}

/// The shared body of the extractor targets: the first byte of `data` picks the document year
/// (0: none, else 1900 + the byte), the rest is the text; `extract` runs in English and in
/// Spanish, and every range it returns must lie within the text, on char boundaries, not
/// empty, in order.
pub fn check_extractor(
    data: &[u8],
    what: &str,
    extract: fn(&str, Lang, Option<i32>) -> Vec<std::ops::Range<usize>>,
) {
    let Some((&year, rest)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(rest);
    // 0 leaves relative years unresolved; anything else is a year around the documents' own.
    let doc_year = (year != 0).then(|| 1900 + i32::from(year));
    for lang in [Lang::En, Lang::Es] {
        let found = extract(&text, lang, doc_year);
        for range in &found {
            assert_range(&text, range, what);
        }
        assert!(
            found.windows(2).all(|w| w[0].start <= w[1].start),
            "{what}: out of order"
        );
    }
}

/// A reader handing `data` over in pieces whose sizes cycle through `pieces`, counting what it
/// gave.
struct Pieces<'a> {
    data: &'a [u8],
    pieces: &'a [u8],
    turn: usize,
    given: usize,
}

impl std::io::Read for Pieces<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let piece = match self.pieces.get(self.turn % self.pieces.len().max(1)) {
            Some(&p) => usize::from(p).max(1),
            None => usize::MAX,
        };
        self.turn += 1;
        let n = piece.min(buf.len()).min(self.data.len() - self.given);
        buf[..n].copy_from_slice(&self.data[self.given..self.given + n]);
        self.given += n;
        Ok(n)
    }
}

/// The invariants of [`paridad::read_text`] and [`paridad::read_line_within`] on `data`: the
/// first two bytes give the limit, the next four the sizes of the pieces the rest comes in.
pub fn check_bounded_reader(data: &[u8]) {
    use paridad::{BoundedLine, InputRole};
    let Some((head, rest)) = data.split_first_chunk::<6>() else {
        return;
    };
    let limit = u64::from(u16::from_le_bytes([head[0], head[1]]));
    let pieces = &head[2..];
    let mut reader = Pieces {
        data: rest,
        pieces,
        turn: 0,
        given: 0,
    };
    let read = paridad::read_text(&mut reader, limit, InputRole::Document);
    assert!(
        reader.given as u64 <= limit + 1,
        "took {} bytes with a limit of {limit}",
        reader.given
    );
    match read {
        Ok(text) => {
            assert!(rest.len() as u64 <= limit);
            assert_eq!(text.as_bytes(), rest, "the text read is not the input");
        }
        Err(err) if err.is_too_large() => {
            assert!(rest.len() as u64 > limit, "refused as too large: {err}");
            assert_eq!(err.size_limit(), Some((limit, InputRole::Document)));
        }
        Err(err) => {
            assert!(
                err.is_not_text() || err.is_invalid_utf8(),
                "unexpected error: {err}"
            );
            assert!(
                paridad::decode(&rest[..rest.len().min(limit as usize + 1)]).is_err()
                    || rest.len() as u64 > limit,
                "refused a text within the limit: {err}"
            );
        }
    }
    // Line by line through a small buffer: lines within the limit are the input's lines, a
    // longer one is reported with its length, and together they account for every byte.
    let capacity = usize::from(pieces[0]).max(1);
    let mut lines = std::io::BufReader::with_capacity(capacity, rest);
    let mut seen = 0usize;
    let line_limit = limit % 512;
    loop {
        match paridad::read_line_within(&mut lines, line_limit).expect("reading a slice") {
            BoundedLine::End => break,
            BoundedLine::Line(line) => {
                let content = line.strip_suffix(b"\n").unwrap_or(&line);
                assert!(content.len() as u64 <= line_limit);
                assert_eq!(&rest[seen..seen + line.len()], &line[..]);
                seen += line.len();
            }
            BoundedLine::TooLong { length, head } => {
                assert!(length > line_limit);
                let content = usize::try_from(length).expect("a slice's length");
                assert!(!rest[seen..seen + content].contains(&b'\n'));
                let kept = content.min(paridad::LINE_HEAD);
                assert_eq!(head, &rest[seen..seen + kept], "the head of a long line");
                seen += content;
                if rest.get(seen) == Some(&b'\n') {
                    seen += 1;
                }
            }
        }
    }
    assert_eq!(seen, rest.len(), "lines do not cover the input");
}
