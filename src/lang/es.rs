//! Spanish tables.

use super::{HeadingKeyword as K, Tables};

pub(super) static TABLES: Tables = Tables {
    code: "es",
    name: "spanish",
    function_words: &[
        "de", "la", "el", "y", "en", "los", "las", "del", "para", "con", "por", "que", "se",
        "una", "un", "sus", "su", "ambos", "como", "al", "sobre", "entre", "mediante", "es",
    ],
    abbreviations: &[
        "Sr.", "Sra.", "Srta.", "Dr.", "Dra.", "Lic.", "Ing.", "Mtro.", "Mtra.", "Prof.",
        "Arq.", "Gral.", "Excmo.", "Excma.", "Ud.", "Uds.", "D.", "Dña.", "núm.", "Núm.",
        "No.", "art.", "Art.", "arts.", "cap.", "fracc.", "inc.", "pág.", "págs.", "p.",
        "pp.", "vol.", "ej.", "p. ej.", "etc.", "aprox.", "Cía.", "S.A.", "EE.", "UU.", "EE.UU.", "ene.", "feb.",
        "mar.", "abr.", "jun.", "jul.", "ago.", "sept.", "sep.", "oct.", "nov.", "dic.",
    ],
    sentence_starters: &[
        "El", "La", "Los", "Las", "Lo", "En", "Con", "Por", "Para", "Asimismo", "Además",
        "Ambos", "Ambas", "Este", "Esta", "Estos", "Estas", "Se", "De", "Un", "Una", "A",
        "Al", "Del", "Sin", "Su", "Sus", "Nuestro", "Nuestra", "Dicho", "Dicha", "México",
        "Canadá", "Mediante", "Reconociendo", "Asimismo", "También", "Cada", "Todos",
    ],
    months: &[
        ("enero", 1), ("ene", 1), ("febrero", 2), ("feb", 2), ("marzo", 3), ("mar", 3),
        ("abril", 4), ("abr", 4), ("mayo", 5), ("junio", 6), ("jun", 6), ("julio", 7),
        ("jul", 7), ("agosto", 8), ("ago", 8), ("septiembre", 9), ("setiembre", 9),
        ("sept", 9), ("sep", 9), ("octubre", 10), ("oct", 10), ("noviembre", 11),
        ("nov", 11), ("diciembre", 12), ("dic", 12),
    ],
    connectors: &[
        "de", "del", "la", "las", "el", "los", "y", "e", "o", "u", "en", "para", "por", "con",
        "sobre", "a", "al", "que", "un", "una", "su", "sus", "entre", "mediante", "como",
        "hacia", "desde", "ante", "sin", "bajo", "tras", "cuyo", "cuya", "cuyos", "cuyas",
        "ni", "pero", "lo", "le", "les", "se",
    ],
    heading_keywords: &[
        ("anexo", K::Annex),
        ("apéndice", K::Appendix),
        ("apendice", K::Appendix),
        ("parte", K::Part),
        ("título", K::Title),
        ("titulo", K::Title),
        ("capítulo", K::Chapter),
        ("capitulo", K::Chapter),
        ("sección", K::Section),
        ("seccion", K::Section),
        ("artículo", K::Article),
        ("articulo", K::Article),
    ],
    contents_titles: &["índice", "indice", "contenido", "tabla de contenido", "índice general"],
    date_labels: &["fecha"],
    web_leftovers: &[
        "fecha de modificación", "fecha de publicación", "última actualización",
        "compartir esta página", "volver arriba", "imprimir esta página", "enlaces relacionados",
    ],
    page_labels: &["página", "pág.", "pag."],
    date_fillers: &["de", "del"],
};
