//! Phrase tables indexed by their first word, for matching at every token of a text.

use std::ops::Deref;
use std::sync::OnceLock;

use hashbrown::HashMap;

use super::Pole;

/// A table of phrases (accent-free, lower-case words joined by spaces) with a value each,
/// indexed on first use by each phrase's first word: a text's tokens are looked up one by one,
/// and most start no phrase.
#[derive(Debug)]
pub struct PhraseTable<T: 'static> {
    entries: &'static [(&'static str, T)],
    by_first_word: OnceLock<HashMap<&'static str, Vec<usize>>>,
}

impl<T> PhraseTable<T> {
    /// The table of `entries`, in their order.
    pub const fn new(entries: &'static [(&'static str, T)]) -> PhraseTable<T> {
        PhraseTable {
            entries,
            by_first_word: OnceLock::new(),
        }
    }

    /// The entries whose phrase starts with `word`, in the table's order.
    pub fn starting_with<'t>(
        &'t self,
        word: &str,
    ) -> impl Iterator<Item = &'t (&'static str, T)> + 't {
        let index = self.by_first_word.get_or_init(|| {
            let mut index: HashMap<&'static str, Vec<usize>> = HashMap::new();
            for (k, (phrase, _)) in self.entries.iter().enumerate() {
                let first = phrase.split(' ').next().unwrap_or(phrase);
                index.entry(first).or_default().push(k);
            }
            index
        });
        index
            .get(word)
            .into_iter()
            .flatten()
            .map(|&k| &self.entries[k])
    }
}

impl<T> Deref for PhraseTable<T> {
    type Target = [(&'static str, T)];

    fn deref(&self) -> &Self::Target {
        self.entries
    }
}

/// A table of words with an opposite (`instal*`, `first`), accent-free and lower-case, each
/// with the name of the scale it stands on and its end; a final `*` makes an entry a beginning
/// (`instal*` for `instalados`). Indexed on first use by each entry's first two letters: every
/// word of every compared pair is looked up.
#[derive(Debug)]
pub struct OppositeTable {
    entries: &'static [(&'static str, &'static str, Pole)],
    by_start: OnceLock<HashMap<&'static str, Vec<usize>>>,
}

impl OppositeTable {
    /// The table of `entries`, in their order.
    pub const fn new(entries: &'static [(&'static str, &'static str, Pole)]) -> OppositeTable {
        OppositeTable {
            entries,
            by_start: OnceLock::new(),
        }
    }

    /// The scales and ends of the entries that folded `word` is, or begins with.
    pub fn matching<'t>(
        &'t self,
        word: &'t str,
    ) -> impl Iterator<Item = (&'static str, Pole)> + 't {
        let index = self.by_start.get_or_init(|| {
            let mut index: HashMap<&'static str, Vec<usize>> = HashMap::new();
            for (k, (entry, _, _)) in self.entries.iter().enumerate() {
                index
                    .entry(entry.get(..2).unwrap_or(entry))
                    .or_default()
                    .push(k);
            }
            index
        });
        word.get(..2)
            .and_then(|start| index.get(start))
            .into_iter()
            .flatten()
            .map(|&k| self.entries[k])
            .filter(move |(entry, _, _)| matches_entry(word, entry))
            .map(|(_, scale, pole)| (scale, pole))
    }
}

/// Whether folded `word` is `entry`, or begins with it when the entry ends with `*`.
fn matches_entry(word: &str, entry: &str) -> bool {
    match entry.strip_suffix('*') {
        Some(beginning) => word.starts_with(beginning),
        None => word == entry,
    }
}

#[cfg(test)]
mod tests {
    use super::{matches_entry, PhraseTable};

    static TABLE: PhraseTable<u8> = PhraseTable::new(&[
        ("by the end of", 1),
        ("by", 2),
        ("before", 3),
        ("by the end", 4),
    ]);

    #[test]
    fn entries_are_found_by_first_word_in_table_order() {
        let by: Vec<u8> = TABLE.starting_with("by").map(|e| e.1).collect();
        assert_eq!(by, [1, 2, 4]);
        let before: Vec<&str> = TABLE.starting_with("before").map(|e| e.0).collect();
        assert_eq!(before, ["before"]);
        assert_eq!(TABLE.starting_with("the").count(), 0);
        assert_eq!(TABLE.len(), 4);
    }

    #[test]
    fn entries_match_whole_words_or_beginnings() {
        assert!(matches_entry("instalados", "instal*"));
        assert!(matches_entry("first", "first"));
        assert!(!matches_entry("firstly", "first"));
        assert!(!matches_entry("reinstalar", "instal*"));
    }
}
