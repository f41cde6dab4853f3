//! Input size limits: what an input is for, the default limit of each role, and sizes as
//! people read them. Below both the reader and the error type, which name roles and sizes.

use std::fmt;

const MIB: u64 = 1024 * 1024;

/// What an input is for; each role has its own size limit ([`InputLimits`](crate::InputLimits)).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum InputRole {
    /// A version of a document, or a sentence list (default limit 512 MiB).
    Document,
    /// A glossary or dictionary (default limit 256 MiB).
    Glossary,
    /// A baseline of reviewed findings (default limit 256 MiB).
    Baseline,
    /// One line of a batch manifest (default limit 1 MiB).
    ManifestLine,
}

impl InputRole {
    /// Every role, in the order the CLI lists them.
    pub const ALL: [InputRole; 4] = [
        InputRole::Document,
        InputRole::Glossary,
        InputRole::Baseline,
        InputRole::ManifestLine,
    ];

    /// The role's name in messages and in `--max-input-size ROLE=SIZE`: `document`,
    /// `glossary`, `baseline`, `manifest-line`.
    pub fn name(self) -> &'static str {
        match self {
            InputRole::Document => "document",
            InputRole::Glossary => "glossary",
            InputRole::Baseline => "baseline",
            InputRole::ManifestLine => "manifest-line",
        }
    }

    /// The size limit of the role when none is set, in bytes.
    pub const fn default_limit(self) -> u64 {
        match self {
            InputRole::Document => 512 * MIB,
            InputRole::Glossary | InputRole::Baseline => 256 * MIB,
            InputRole::ManifestLine => MIB,
        }
    }
}

impl fmt::Display for InputRole {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A size in bytes as people read it, in the units [`parse_size`](crate::parse_size) reads: `512 MiB`,
/// `1.5 GiB`, `100 bytes`.
///
/// ```
/// assert_eq!(paridad::format_size(1 << 20), "1 MiB");
/// ```
pub fn format_size(bytes: u64) -> String {
    const UNITS: [(&str, u64); 4] = [
        ("TiB", 1 << 40),
        ("GiB", 1 << 30),
        ("MiB", 1 << 20),
        ("KiB", 1 << 10),
    ];
    for (unit, size) in UNITS {
        if bytes >= size {
            let tenths = u128::from(bytes) * 10 / u128::from(size);
            return if tenths % 10 == 0 {
                format!("{} {unit}", tenths / 10)
            } else {
                format!("{}.{} {unit}", tenths / 10, tenths % 10)
            };
        }
    }
    if bytes == 1 {
        "1 byte".to_string()
    } else {
        format!("{bytes} bytes")
    }
}
