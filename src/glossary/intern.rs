//! Strings stored once, each known by a small id.

use std::hash::BuildHasher;

use hashbrown::{DefaultHashBuilder, HashTable};

/// Distinct strings, stored one after another in one buffer, each with an id (0, 1, 2 … in
/// the order first seen).
///
/// A string costs its bytes and about a dozen more, where a `String` key of a map costs at
/// least 60: what keeps a glossary of a million short terms within a few bytes per byte read.
#[derive(Clone, Debug, Default)]
pub(crate) struct Interner {
    /// Every string, one after another.
    text: String,
    /// Where each string ends in `text`, by id.
    ends: Vec<usize>,
    /// The ids, found by their string's hash.
    table: HashTable<u32>,
    /// A fast hasher, seeded at random per interner.
    hasher: DefaultHashBuilder,
}

impl Interner {
    /// An interner with room for `n` strings.
    pub fn with_capacity(n: usize) -> Interner {
        Interner {
            text: String::new(),
            ends: Vec::with_capacity(n),
            table: HashTable::with_capacity(n),
            hasher: DefaultHashBuilder::default(),
        }
    }

    /// How many strings there are.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// The string of `id` (empty for an id never given).
    pub fn resolve(&self, id: u32) -> &str {
        string_of(&self.text, &self.ends, id)
    }

    /// The id of `s`, when it was interned.
    pub fn get(&self, s: &str) -> Option<u32> {
        let hash = self.hasher.hash_one(s);
        self.table.find(hash, |&id| self.resolve(id) == s).copied()
    }

    /// The id of `s`, interning it when new. Ids past `u32::MAX` strings (tens of gigabytes
    /// of input) are not told apart: the last one is given again.
    pub fn intern(&mut self, s: &str) -> u32 {
        let hash = self.hasher.hash_one(s);
        if let Some(&id) = self.table.find(hash, |&id| self.resolve(id) == s) {
            return id;
        }
        let Ok(id) = u32::try_from(self.ends.len()) else {
            return u32::MAX;
        };
        self.text.push_str(s);
        self.ends.push(self.text.len());
        let (text, ends, hasher) = (&self.text, &self.ends, &self.hasher);
        self.table.insert_unique(hash, id, |&other| {
            hasher.hash_one(string_of(text, ends, other))
        });
        id
    }

    /// Frees the room kept for more strings.
    pub fn shrink_to_fit(&mut self) {
        self.text.shrink_to_fit();
        self.ends.shrink_to_fit();
        let (text, ends, hasher) = (&self.text, &self.ends, &self.hasher);
        self.table
            .shrink_to_fit(|&other| hasher.hash_one(string_of(text, ends, other)));
    }
}

/// The string `id` in `text`, whose strings end at `ends` (empty for an id past the end).
fn string_of<'a>(text: &'a str, ends: &[usize], id: u32) -> &'a str {
    string_of_usize(text, ends, id as usize)
}

/// The string `id` in `text`, whose strings end at `ends` (empty for an id past the end):
/// the layout of every store of many strings in one buffer.
pub(crate) fn string_of_usize<'a>(text: &'a str, ends: &[usize], id: usize) -> &'a str {
    let Some(&end) = ends.get(id) else {
        return "";
    };
    let start = if id == 0 { 0 } else { ends[id - 1] };
    text.get(start..end).unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_string_gets_one_id_in_the_order_first_seen() {
        let mut interner = Interner::with_capacity(2);
        let words = ["cadena", "de", "suministro", "de", "", "cadena", "valor"];
        let ids: Vec<u32> = words.iter().map(|w| interner.intern(w)).collect();
        assert_eq!(ids, [0, 1, 2, 1, 3, 0, 4]);
        assert_eq!(interner.len(), 5);
        interner.shrink_to_fit();
        for (w, id) in words.iter().zip(&ids) {
            assert_eq!(interner.resolve(*id), *w);
            assert_eq!(interner.get(w), Some(*id));
        }
        assert_eq!(interner.get("cadenas"), None);
        assert_eq!(interner.get("cadenade"), None);
        assert_eq!(interner.resolve(99), "");
    }
}
