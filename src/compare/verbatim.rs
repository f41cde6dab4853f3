//! Names and identifiers both versions write the same way (`KDE`, `Chromium`, `pkill(1)`,
//! `dh-make`, `crontab(5)`): a translation copies them, so one that stands in an aligned sentence
//! of one side and not in the other's, where the other version uses it elsewhere, is evidence
//! that the two sentences name different things.
//!
//! Two kinds of evidence, from the strongest: each side has such a token the other lacks (one
//! program named for another: a substitution); or one side has an *identifier* (a token with a
//! digit or a symbol: `pkill(1)`, `dh-make`, `/etc/fstab`) the other lacks. A capitalised name
//! or an acronym missing on one side is no evidence: translations replace names by pronouns and
//! spell out acronyms (`GUI`, `programas gráficos`). A token counts as present when the other
//! side's text, white space aside, contains it.

use std::collections::HashSet;

use super::{Context, Draft, Piece};
use crate::divergence::{DivergenceKind, Severity};
use crate::document::Document;

/// A token of a sentence that a translation would copy, and where it stands.
struct Token<'s> {
    text: &'s str,
    sentence: usize,
    range: std::ops::Range<usize>,
    /// It has a digit or a symbol (`pkill(1)`, `dh-make`), not only capitals.
    identifier: bool,
}

impl Context<'_, '_, '_> {
    /// Substituted or dropped names and identifiers in sentences `idx` of each side.
    pub(super) fn verbatim(
        &self,
        p: usize,
        sentences: [&[usize]; 2],
        classes: &[HashSet<u32>; 2],
        out: &mut Vec<Draft>,
    ) {
        let tokens = [
            copied_tokens(self.a, sentences[0]),
            copied_tokens(self.b, sentences[1]),
        ];
        // Each side's text without white space: a token stands in it whatever a hard wrap or a
        // translator's spacing did to it (`/usr/ share`, `gzip (1)`, `non-PostScript`).
        let squeezed = [0, 1].map(|side| {
            sentences[side]
                .iter()
                .flat_map(|&i| self.doc(side).sentences()[i].text().split_whitespace())
                .collect::<String>()
                .to_lowercase()
        });
        let function_word = |t: &str| self.function_word(t);
        // An identifier whose words the other side translated (`username@hostname`,
        // `nombre_de_usuario@nombre_de_equipo`; `./source`, `./origen`): the other side has one
        // of the same shape, symbols for symbols, sharing less than half of its words (an
        // extension may stay: `.ext`).
        let translated = |side: usize, t: &Token<'_>| {
            let (shape, mine) = (symbols(t.text), words(t.text));
            // Words, not option letters (`-r`, `-i`).
            !shape.is_empty()
                && mine.iter().all(|w| w.chars().count() >= 3)
                && tokens[1 - side].iter().any(|u| {
                    u.identifier
                        && !squeezed[side].contains(&u.text.to_lowercase())
                        && symbols(u.text) == shape
                        && 2 * words(u.text).intersection(&mine).count() < mine.len()
                })
        };
        // Tokens of one side the other's sentences lack, where the other version uses them, or
        // references no translation may rewrite (`pkill(1)`, `*.lsm`).
        let lacking = |side: usize| -> Vec<&Token<'_>> {
            let other = 1 - side;
            tokens[side]
                .iter()
                .filter(|t| !squeezed[other].contains(&t.text.to_lowercase()))
                .filter(|t| !function_word(t.text))
                .filter(|t| self.vocabulary[other].contains(t.text) || code_reference(t.text))
                .collect()
        };
        // A reference glued to the word before it by a missing space (`ordensysctl(8)`, where
        // the document writes `orden` as a word elsewhere, again and again) is still the other
        // side's `sysctl(8)`; `anacrontab(5)` is not `crontab(5)`, though a name `Ana` may
        // stand somewhere.
        let glued = |side: usize, t: &Token<'_>| {
            code_reference(t.text)
                && tokens[1 - side].iter().any(|u| {
                    t.text.len() > u.text.len()
                        && t.text.ends_with(u.text)
                        && self
                            .words(side)
                            .get(&t.text[..t.text.len() - u.text.len()])
                            .is_some_and(|&n| n >= 3)
                })
        };
        let (mut la, mut lb) = (lacking(0), lacking(1));
        la.retain(|t| !glued(0, t));
        lb.retain(|t| !glued(1, t));
        // Names spelled alike are one name, translated or misspelt (`Chinese`, `China`).
        let alike = |a: &str, b: &str| {
            let (a, b) = (a.to_lowercase(), b.to_lowercase());
            a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count() >= 4
                || strsim::normalized_levenshtein(&a, &b) >= 0.6
        };
        let piece = |t: &Token<'_>| Piece {
            sentence: t.sentence,
            range: t.range.clone(),
        };
        // An acronym against a word with its first letter is likely its expansion
        // (`PAM`, `Pluggable Authentication Modules`).
        let expands = |a: &str, b: &str| {
            let acronym = |t: &str| t.len() > 1 && t.chars().all(|c| c.is_uppercase());
            (acronym(a) || acronym(b)) && a.chars().next() == b.chars().next()
        };
        let known = |t: &Token<'_>, list: &[&Token<'_>]| list.iter().any(|u| std::ptr::eq(*u, t));
        let substituted_names = || {
            let na = self.unmatched_names(0, &tokens[0], &squeezed[1], &classes[1]);
            if na.is_empty() {
                return None;
            }
            let nb = self.unmatched_names(1, &tokens[1], &squeezed[0], &classes[0]);
            na.iter().find_map(|a| {
                nb.iter()
                    .find(|b| (known(a, &la) || known(b, &lb)) && !alike(a.text, b.text))
                    .map(|b| (*a, *b))
            })
        };
        // Keys and options of the same shape, each missing on the other side (`^D`, `^C`;
        // `-r`, `-i`): no translation changes a key.
        let substituted_keys = || {
            let ka = unmatched_keys(&tokens[0], &squeezed[1], function_word);
            if ka.is_empty() {
                return None;
            }
            let kb = unmatched_keys(&tokens[1], &squeezed[0], function_word);
            ka.iter().find_map(|a| {
                kb.iter()
                    .find(|b| symbols(a.text) == symbols(b.text))
                    .map(|b| (*a, *b))
            })
        };
        if let Some((a, b)) = la
            .iter()
            .filter(|a| !a.identifier || man_page(a.text) || !translated(0, a))
            .find_map(|a| {
                lb.iter()
                    .find(|b| b.identifier == a.identifier)
                    .map(|b| (a, b))
            })
            .map(|(a, b)| (*a, *b))
            .or_else(substituted_names)
            .or_else(substituted_keys)
        {
            if expands(a.text, b.text) {
                return;
            }
            out.push(Draft::new(
                DivergenceKind::Entity,
                Severity::Warning,
                Some(p),
                [Some(piece(a)), Some(piece(b))],
                format!(
                    "different names: \"{}\" in {}, \"{}\" in {}",
                    a.text,
                    self.name(0),
                    b.text,
                    self.name(1)
                ),
                0.7,
            ));
            return;
        }
        for (side, lacking) in [(0, &la), (1, &lb)] {
            // A manual page renamed (`montarlo(8)` for `mount(8)`) points nowhere.
            let Some(t) = lacking
                .iter()
                .find(|t| t.identifier && (man_page(t.text) || !translated(side, t)))
            else {
                continue;
            };
            let other = 1 - side;
            let Some(&i) = sentences[other].first() else {
                continue;
            };
            let evidence = self.against_sentence(side, piece(t), i);
            out.push(Draft::new(
                DivergenceKind::Entity,
                Severity::Warning,
                Some(p),
                evidence,
                format!(
                    "\"{}\" of the {} version is missing in the {}",
                    t.text,
                    self.name(side),
                    self.name(other)
                ),
                0.6,
            ));
        }
    }
}

impl Context<'_, '_, '_> {
    /// Whether `t` is a function word of either language: with a capital (`The Debian
    /// Handbook`), it names nothing.
    fn function_word(&self, t: &str) -> bool {
        let lower = t.to_lowercase();
        [self.a, self.b]
            .iter()
            .any(|d| d.lang().tables().is_stop_word(&lower))
    }

    /// The names among `tokens` (of `side`) that the other side's sentences (`squeezed`, their
    /// text without white space, lower-case; `classes`) lack, known to be copied or not: in a
    /// substitution, one name the other version uses elsewhere is evidence enough that the
    /// name against it (`Mercurial`, `Subversion`) is a name too. A name is a capitalised word
    /// its document never writes in lower case (`Section`: `section` is a word too), after a
    /// word in lower case (a capital opening a sentence or a note is no name), and no word of
    /// the other sentence translates it.
    fn unmatched_names<'k>(
        &self,
        side: usize,
        tokens: &'k [Token<'k>],
        squeezed: &str,
        classes: &HashSet<u32>,
    ) -> Vec<&'k Token<'k>> {
        let text = |t: &Token<'_>| self.doc(side).sentences()[t.sentence].text();
        tokens
            .iter()
            .filter(|t| !t.identifier)
            .filter(|t| {
                text(t).get(..t.range.start).is_some_and(|before| {
                    before
                        .split_whitespace()
                        .any(|w| w.starts_with(char::is_lowercase))
                })
            })
            .filter(|t| !squeezed.contains(&t.text.to_lowercase()))
            .filter(|t| !self.function_word(t.text))
            .filter(|t| {
                let first = t.text.split(|c: char| !c.is_alphanumeric()).next();
                !first.is_some_and(|w| self.words(side).contains_key(w.to_lowercase().as_str()))
            })
            .filter(|t| {
                !self.detail[side].get(t.sentence).is_some_and(|d| {
                    d.iter().any(|c| {
                        c.range.start < t.range.end
                            && t.range.start < c.range.end
                            && c.class.is_some_and(|k| classes.contains(&k))
                    })
                })
            })
            .collect()
    }
}

/// The keys and options among `tokens` (`^D`, `-r`: identifiers of one or two letters, too
/// few to be words; not prose such as `y/o`) that the other side's text (`squeezed`, without
/// white space, lower-case) lacks.
fn unmatched_keys<'k>(
    tokens: &'k [Token<'k>],
    squeezed: &str,
    function_word: impl Fn(&str) -> bool,
) -> Vec<&'k Token<'k>> {
    tokens
        .iter()
        .filter(|t| {
            let letters = t.text.chars().filter(|c| c.is_alphanumeric()).count();
            t.identifier && (1..=2).contains(&letters)
        })
        .filter(|t| {
            !t.text
                .split(|c: char| !c.is_alphanumeric())
                .any(&function_word)
        })
        .filter(|t| !squeezed.contains(&t.text.to_lowercase()))
        .collect()
}

/// The symbols of a token in order, letters, digits and `_` left out (`@..` for
/// `user@host.domain.ext`).
fn symbols(token: &str) -> String {
    token
        .chars()
        .filter(|c| !c.is_alphanumeric() && *c != '_')
        .collect()
}

/// The words of a token, lower-case (`user`, `host` of `user@host`); runs of digits are no
/// words.
fn words(token: &str) -> HashSet<String> {
    token
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().any(char::is_alphabetic))
        .map(str::to_lowercase)
        .collect()
}

/// A manual page (`pkill(1)`, `crontab(5)`, `ld.so(8)`) or a file pattern (`*.lsm`,
/// `INSTALL*`): names a translation copies wherever it names them.
fn code_reference(token: &str) -> bool {
    let pattern = token.contains('*')
        && token
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "*._-".contains(c))
        && token.chars().filter(char::is_ascii_alphanumeric).count() >= 2;
    man_page(token) || pattern
}

/// A manual page: a lower-case name and a section in parentheses (`pkill(1)`, `ld.so(8)`).
/// Renamed in a translation (`montarlo(8)` for `mount(8)`), it points nowhere.
fn man_page(token: &str) -> bool {
    token
        .strip_suffix(')')
        .and_then(|t| t.split_once('('))
        .is_some_and(|(name, section)| {
            !name.is_empty()
                && name
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "._+-".contains(c))
                && section.starts_with(|c: char| c.is_ascii_digit())
                && section.chars().count() <= 3
        })
}

/// Every token a translation would copy, in a whole document: what [`copied_tokens`] finds in
/// each sentence.
pub(super) fn vocabulary<'d>(doc: &'d Document<'_>) -> HashSet<&'d str> {
    let all: Vec<usize> = (0..doc.sentences().len()).collect();
    copied_tokens(doc, &all)
        .into_iter()
        .map(|t| t.text)
        .collect()
}

/// The tokens of sentences `idx` that look copied rather than translated: with a letter, and a
/// capital, a digit or a symbol (`KDE`, `Xfce`,
/// `pkill(1)`, `dh-make`, `*.lsm`). Surrounding quotes and punctuation are not part of them.
fn copied_tokens<'d>(doc: &'d Document<'_>, idx: &[usize]) -> Vec<Token<'d>> {
    let mut out = Vec::new();
    for &i in idx {
        let Some(sentence) = doc.sentences().get(i) else {
            continue;
        };
        let text = sentence.text();
        let mut at = 0;
        for raw in text.split(' ') {
            let start = at;
            at += raw.len() + 1;
            let (lead, token) = unwrap(raw);
            if !token.chars().any(|c| c.is_alphabetic()) {
                continue;
            }
            let mut chars = token.chars();
            let inner_capital = chars.next().is_some() && chars.any(char::is_uppercase);
            let symbol = token.chars().any(|c| {
                c.is_ascii_digit()
                    || matches!(c, '-' | '_' | '/' | '.' | '*' | '$' | '=' | '^' | '@' | '~')
            }) && !prose_compound(token)
                && !placeholder(token)
                && !ordinal(token);
            let capital = token.starts_with(char::is_uppercase);
            // `e.g.`, `p. ej.`: abbreviations are translated.
            let abbreviation = token.contains('.')
                && token
                    .split('.')
                    .all(|part| part.chars().count() <= 2 && part.chars().all(char::is_alphabetic));
            if !(inner_capital || symbol || capital) || abbreviation {
                continue;
            }
            out.push(Token {
                text: token,
                sentence: i,
                range: start + lead..start + lead + token.len(),
                identifier: symbol,
            });
        }
    }
    out
}

/// Words joined by hyphens or slashes, one with a capital, all of them long, or after a prefix
/// (`non-Debian`, `Unix-like`, `read/write`, `non-free`): prose a translation rewords, unlike
/// `dh-make` or `/etc/fstab`.
fn prose_compound(token: &str) -> bool {
    const PREFIXES: &[&str] = &[
        "non", "pre", "re", "co", "un", "sub", "post", "anti", "multi",
    ];
    let parts: Vec<&str> = token.split(['-', '/']).collect();
    if parts.len() == 2 && PREFIXES.contains(&parts[0]) {
        return true;
    }
    parts.len() > 1
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.chars().all(char::is_alphabetic))
        && (parts.iter().any(|p| p.starts_with(char::is_uppercase))
            || parts.iter().all(|p| p.chars().count() >= 4))
}

/// A name made up for an example, which a translation translates (`package_name`, `file1`,
/// `some_file`): lower-case words joined by `_`, or one word with a number after it.
fn placeholder(token: &str) -> bool {
    let word = |w: &str| w.chars().count() >= 3 && w.chars().all(|c| c.is_lowercase());
    let joined = token.contains('_') && token.split('_').all(word);
    let numbered = {
        let letters = token.trim_end_matches(|c: char| c.is_ascii_digit());
        letters.len() < token.len() && word(letters)
    };
    joined || numbered
}

/// `1st`, `2nd`, `3rd`, `4th`.
fn ordinal(token: &str) -> bool {
    let letters = token.trim_start_matches(|c: char| c.is_ascii_digit());
    letters.len() < token.len() && ["st", "nd", "rd", "th"].contains(&letters)
}

/// A token without the quotes and punctuation around it (`«pkill(1)»,` → `pkill(1)`, `(DFSG)`
/// → `DFSG`), and the bytes taken off its start.
fn unwrap(raw: &str) -> (usize, &str) {
    const QUOTES: &[char] = &['"', '\'', '«', '»', '“', '”', '‘', '’', '¿', '¡', '[', ']'];
    let mut token = raw.trim_start_matches(QUOTES);
    let opened = token.starts_with('(');
    if opened {
        token = &token[1..];
    }
    token = token.trim_start_matches(QUOTES);
    let lead = raw.len() - token.len();
    loop {
        let before = token.len();
        token = token.trim_end_matches(QUOTES);
        token = token.trim_end_matches([',', ';', ':', '!', '?', '.']);
        // `(DFSG)` loses its parenthesis; `pkill(1)` keeps its own, but not the one that
        // closes a parenthesis around it (`(see bash(1))`).
        let unbalanced = token.matches(')').count() > token.matches('(').count();
        if token.ends_with(')') && (opened || !token.contains('(') || unbalanced) {
            token = &token[..token.len() - 1];
        }
        if token.len() == before {
            break;
        }
    }
    (lead, token)
}
