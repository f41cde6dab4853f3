//! English tables.

use super::{HeadingKeyword as K, Tables};

pub(super) static TABLES: Tables = Tables {
    code: "en",
    name: "english",
    function_words: &[
        "the", "and", "of", "to", "in", "will", "is", "are", "for", "with", "on", "that", "this",
        "by", "their", "both", "our", "as", "be", "which", "from", "have", "has", "its",
    ],
    abbreviations: &[
        "Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "St.", "Sr.", "Jr.", "Hon.", "Rt.", "No.", "Nos.",
        "Art.", "Arts.", "Sec.", "Ch.", "para.", "paras.", "p.", "pp.", "vol.", "fig.", "e.g.",
        "i.e.", "cf.", "vs.", "approx.", "Inc.", "Ltd.", "Co.", "Corp.", "Gov.", "Dept.",
        "Jan.", "Feb.", "Mar.", "Apr.", "Aug.", "Sept.", "Sep.", "Oct.", "Nov.", "Dec.",
    ],
    sentence_starters: &[
        "The", "This", "These", "That", "Those", "It", "Its", "In", "On", "At", "We", "Our",
        "Both", "They", "Their", "A", "An", "As", "For", "To", "With", "By", "Such", "However",
        "Additionally", "Moreover", "Furthermore", "Further", "Also", "Each", "All", "There",
        "He", "She", "Canada", "Mexico", "Through", "Building", "Based", "Recognizing",
        "Recognising", "Together", "When", "While", "If",
    ],
    months: &[
        ("january", 1), ("jan", 1), ("february", 2), ("feb", 2), ("march", 3), ("mar", 3),
        ("april", 4), ("apr", 4), ("may", 5), ("june", 6), ("jun", 6), ("july", 7), ("jul", 7),
        ("august", 8), ("aug", 8), ("september", 9), ("sept", 9), ("sep", 9), ("october", 10),
        ("oct", 10), ("november", 11), ("nov", 11), ("december", 12), ("dec", 12),
    ],
    connectors: &[
        "of", "and", "the", "a", "an", "to", "in", "for", "on", "with", "by", "from", "at", "as",
        "or", "its", "their", "our", "between", "through", "including", "such", "into", "under",
        "towards", "toward", "than", "that", "which", "whose", "nor", "but", "both", "each",
        "about", "among", "amongst", "across", "upon", "via", "&",
    ],
    heading_keywords: &[
        ("annex", K::Annex),
        ("appendix", K::Appendix),
        ("part", K::Part),
        ("title", K::Title),
        ("chapter", K::Chapter),
        ("section", K::Section),
        ("article", K::Article),
    ],
    contents_titles: &["contents", "table of contents"],
    date_labels: &["date", "dated"],
    web_leftovers: &[
        "date modified", "date published", "report a problem on this page", "share this page",
        "back to top", "print this page", "related links", "skip to main content",
    ],
    page_labels: &["page", "p."],
    date_fillers: &["the", "of", "day"],
};
