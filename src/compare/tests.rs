//! The comparisons one kind at a time, on sentences of the kind official action plans hold:
//! each test states a difference a translator must see, and true equivalents that must pass.

use super::*;
use crate::{Glossary, Lang};

/// The findings of a check of two one-section documents, as (kind, severity, English
/// evidence, Spanish evidence).
fn findings(en: &str, es: &str) -> Vec<(DivergenceKind, Severity, Option<String>, Option<String>)> {
    findings_with(Checker::new(), en, es)
}

fn findings_with(
    checker: Checker,
    en: &str,
    es: &str,
) -> Vec<(DivergenceKind, Severity, Option<String>, Option<String>)> {
    let en = Document::parse(en, Lang::En).expect("the English text parses");
    let es = Document::parse(es, Lang::Es).expect("the Spanish text parses");
    let text = |e: &Option<Evidence>| e.as_ref().map(|e| e.text.clone());
    checker
        .check(&en, &es)
        .divergences
        .iter()
        .map(|d| (d.kind, d.severity, text(&d.a), text(&d.b)))
        .collect()
}

fn kinds(en: &str, es: &str) -> Vec<DivergenceKind> {
    findings(en, es).into_iter().map(|f| f.0).collect()
}

#[test]
fn a_deadline_moved_is_an_error_and_the_same_deadline_in_other_words_is_not() {
    let found = findings(
        "1. Parks\nParks Canada will report to both governments by March 31, 2026.\n",
        "1. Parques\nParques Canadá informará a ambos gobiernos antes del 30 de abril de 2026.\n",
    );
    assert_eq!(
        found,
        [(
            DivergenceKind::Date,
            Severity::Error,
            Some("by March 31, 2026".into()),
            Some("antes del 30 de abril de 2026".into())
        )]
    );
    assert_eq!(
        kinds(
            "1. Trade\nBoth countries will publish the review by the end of 2025.\n",
            "1. Comercio\nAmbos países publicarán la revisión antes de que concluya el 2025.\n",
        ),
        []
    );
}

#[test]
fn a_number_changed_is_an_error_and_the_same_number_written_otherwise_is_not() {
    let found = findings(
        "1. Relations\nCanada and Mexico celebrate 81 years of diplomatic relations.\n",
        "1. Relaciones\nMéxico y Canadá celebran 80 años de relaciones diplomáticas.\n",
    );
    assert_eq!(
        found,
        [(
            DivergenceKind::Number,
            Severity::Error,
            Some("81".into()),
            Some("80".into())
        )]
    );
    assert_eq!(
        kinds(
            "1. Visitors\nThe parks received 1.5 million visitors and 12% more tourists.\n",
            "1. Visitantes\nLos parques recibieron 1,5 millones de visitantes y un 12 % más de turistas.\n",
        ),
        []
    );
}

#[test]
fn an_instrument_named_differently_is_flagged_and_names_translated_are_not() {
    let found = findings(
        "1. Fisheries\nBoth countries will sign a Memorandum of Collaboration on fisheries.\n",
        "1. Pesca\nAmbos países firmarán un memorándum de entendimiento sobre pesca.\n",
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(
        (found[0].0, found[0].1),
        (DivergenceKind::Entity, Severity::Warning)
    );
    assert_eq!(
        kinds(
            "1. Trade\nParks Canada and CONANP will cooperate under CUSMA.\n",
            "1. Comercio\nParques Canadá y la CONANP cooperarán en el marco del T-MEC.\n",
        ),
        []
    );
}

#[test]
fn a_commitment_weakened_is_a_modality_warning() {
    let found = findings(
        "1. Health\nBoth governments will advance initiatives on healthy living.\n",
        "1. Salud\nAmbos gobiernos podrán impulsar iniciativas de vida saludable.\n",
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(
        (found[0].0, found[0].1),
        (DivergenceKind::Modality, Severity::Warning)
    );
    assert_eq!(
        kinds(
            "1. Health\nBoth governments will advance initiatives on healthy living.\n",
            "1. Salud\nAmbos gobiernos impulsarán iniciativas de vida saludable.\n",
        ),
        []
    );
}

#[test]
fn a_sentence_only_one_version_has_is_an_omission_or_an_addition() {
    let en = "1. Energy\nCanada and Mexico will expand cooperation on clean energy. \
              Both will hold an annual meeting of energy ministers in Ottawa.\n";
    let es = "1. Energía\nMéxico y Canadá ampliarán la cooperación en energía limpia.\n";
    let found = findings(en, es);
    assert_eq!(
        found,
        [(
            DivergenceKind::Omission,
            Severity::Warning,
            Some("Both will hold an annual meeting of energy ministers in Ottawa.".into()),
            None
        )]
    );
    let added = findings(
        "1. Energy\nCanada and Mexico will expand cooperation on clean energy.\n",
        "1. Energía\nMéxico y Canadá ampliarán la cooperación en energía limpia. \
         Ambos celebrarán una reunión anual de ministros de energía en Ottawa.\n",
    );
    assert_eq!(
        added,
        [(
            DivergenceKind::Addition,
            Severity::Warning,
            None,
            Some("Ambos celebrarán una reunión anual de ministros de energía en Ottawa.".into())
        )]
    );
}

#[test]
fn a_section_only_one_version_has_is_a_structure_warning() {
    let found = findings(
        "1. Trade\nCanada and Mexico will expand trade.\n2. Energy\nBoth will cooperate on clean energy.\n",
        "1. Comercio\nMéxico y Canadá ampliarán el comercio.\n",
    );
    // The section is reported, and its sentence with it (a reviewer reads what is missing).
    assert_eq!(
        found,
        [
            (DivergenceKind::Structure, Severity::Warning, None, None),
            (
                DivergenceKind::Omission,
                Severity::Warning,
                Some("Both will cooperate on clean energy.".into()),
                None
            )
        ]
    );
}

#[test]
fn a_glossary_term_rendered_otherwise_is_flagged_only_with_that_glossary() {
    let en = "1. Fisheries\nBoth countries will share data on fisheries.\n";
    let es = "1. Pesca\nAmbos países compartirán datos sobre acuicultura.\n";
    let glossary = Glossary::from_tsv("fisheries\tpesca\n").expect("the glossary reads");
    let found = findings_with(Checker::with_glossary(&glossary), en, es);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].2.as_deref(), Some("fisheries"));
    assert_eq!(kinds(en, es), []);
}

#[test]
fn a_sentence_left_untranslated_is_not_read_as_a_weaker_or_different_one() {
    // The Spanish version kept the English sentence: Spanish tables see no modal in `may` and
    // no date in `23 Aug 2003`, but the two sides say exactly the same thing.
    let found = findings(
        "1. Firmware\nThe firmware may be non-free.\nThe archive was signed on Sat, 23 Aug 2003 at 08:30.\n",
        "1. Firmware\nThe firmware may be non-free.\nThe archive was signed on Sat, 23 Aug 2003 at 08:30.\n",
    );
    assert_eq!(found, []);
    // One word changed in such a sentence is still compared.
    assert_eq!(
        kinds(
            "1. Firmware\nThe firmware must be signed by 2026.\n",
            "1. Firmware\nThe firmware must be signed by 2027.\n",
        ),
        [DivergenceKind::Date]
    );
}

#[test]
fn an_ability_restates_a_plain_sentence_but_weakens_a_commitment() {
    // `can be configured` and `se configura` describe the same thing.
    assert_eq!(
        kinds(
            "1. Kernel\nThe threshold level of kernel messages can be configured in the boot loader.\n",
            "1. Núcleo\nEl nivel de umbral de los mensajes del núcleo se configura en el cargador de arranque.\n",
        ),
        []
    );
    // Against `will`, `pueden` is weaker.
    assert_eq!(
        kinds(
            "1. Parks\nParks Canada and CONANP will exchange best practices on protected areas.\n",
            "1. Parques\nParques Canadá y la CONANP pueden intercambiar buenas prácticas sobre áreas protegidas.\n",
        ),
        [DivergenceKind::Modality]
    );
    // A periphrastic possibility is a modal: `may need` against `es posible que deba`.
    assert_eq!(
        kinds(
            "1. Input\nIn either case, you may need to configure the input method by hand.\n",
            "1. Entrada\nEn cualquier caso, es posible que deba configurar el método de entrada a mano.\n",
        ),
        []
    );
}

#[test]
fn a_negation_on_one_side_only_is_flagged_and_a_negative_word_is_not() {
    let found = findings(
        "1. Packages\nThese packages should not be installed automatically.\n",
        "1. Paquetes\nEstos paquetes deberían instalarse automáticamente.\n",
    );
    assert_eq!(
        found
            .iter()
            .filter(|f| f.0 == DivergenceKind::Modality)
            .map(|f| (f.2.clone(), f.3.clone()))
            .collect::<Vec<_>>(),
        [(
            Some("not".to_string()),
            Some("Estos paquetes deberían instalarse automáticamente.".to_string())
        )]
    );
    // A negation dropped with no word that says no in its place is still flagged.
    assert!(kinds(
        "1. Caution\nBe careful not to remove the testing entry from the sources file.\n",
        "1. Atención\nTenga cuidado con eliminar la entrada de pruebas del archivo de fuentes.\n",
    )
    .contains(&DivergenceKind::Modality));
    // `without any fee` is `sin cobrarles nada`; `unauthorized` is `no autorizadas`; `not only`
    // is no negation.
    for (en, es) in [
        (
            "1. Fees\nOthers may create distributions without any fee from us.\n",
            "1. Cuotas\nOtros pueden crear distribuciones sin cobrarles nada.\n",
        ),
        (
            "1. Files\nThe tool detects unauthorized file changes.\n",
            "1. Archivos\nLa herramienta detecta cambios no autorizados en los archivos.\n",
        ),
        (
            "1. Screen\nScreen not only keeps sessions alive but also shares them.\n",
            "1. Screen\nScreen no solo mantiene vivas las sesiones sino que también las comparte.\n",
        ),
        // A negative prefix on a word the document also writes bare says no in a word.
        (
            "1. Levels\nLevel 1 means action must be taken. Level 0 means the system is unusable, \
             so a usable console is needed.\n",
            "1. Niveles\nEl nivel 1 significa que se deben tomar medidas. El nivel 0 significa que \
             el sistema no es usable, por lo que se necesita una consola usable.\n",
        ),
    ] {
        assert!(
            !kinds(en, es).contains(&DivergenceKind::Modality),
            "{en} / {es}: {:?}",
            findings(en, es)
        );
    }
}

#[test]
fn a_program_named_for_another_is_flagged_and_a_translated_placeholder_is_not() {
    // Both versions name KDE and Xfce elsewhere: one sentence naming each is a substitution.
    let en = "1. Desktops\nInstall a desktop such as GNOME or KDE on the workstation.\n\
              The Xfce desktop needs less memory than KDE.\n";
    let es = "1. Escritorios\nInstale un escritorio como GNOME o Xfce en la estación de trabajo.\n\
              El escritorio Xfce necesita menos memoria que KDE.\n";
    let found = findings(en, es);
    assert!(
        found.iter().any(|f| f.0 == DivergenceKind::Entity
            && f.2.as_deref() == Some("KDE")
            && f.3.as_deref() == Some("Xfce")),
        "{found:#?}"
    );
    // A command dropped from a list is an identifier missing on one side.
    let found = findings(
        "1. Processes\nUse killall(1) or pkill(1) to stop them.\nThe pkill(1) command matches names.\n",
        "1. Procesos\nUtilice killall(1) para detenerlos.\nLa orden pkill(1) busca por nombre.\n",
    );
    assert!(
        found
            .iter()
            .any(|f| f.0 == DivergenceKind::Entity && f.2.as_deref() == Some("pkill(1)")),
        "{found:#?}"
    );
    // A placeholder is translated (`package_name`, `nombre_del_paquete`), a name is not lost
    // by a pronoun, and `non-free` is a word.
    assert_eq!(
        kinds(
            "1. Packages\nRun dpkg -L package_name to list the files of a non-free package.\n\
             Then run dpkg -s package_name again.\n",
            "1. Paquetes\nEjecute dpkg -L nombre_del_paquete para listar los archivos de un paquete no libre.\n\
             Luego ejecute de nuevo dpkg -s package_name.\n",
        ),
        []
    );
}

#[test]
fn a_number_word_in_a_compound_is_the_other_sides_numeric_prefix() {
    let en = "1. Maps\nThe agencies will produce three-dimensional maps in a two-year programme.\n";
    assert_eq!(
        kinds(
            en,
            "1. Mapas\nLas agencias elaborarán mapas tridimensionales en un programa bienal.\n"
        ),
        []
    );
    // Another prefix, or another number, is still a difference.
    assert_eq!(
        kinds(
            en,
            "1. Mapas\nLas agencias elaborarán mapas bidimensionales en un programa bienal.\n"
        ),
        [DivergenceKind::Number]
    );
    assert_eq!(
        kinds(
            en,
            "1. Mapas\nLas agencias elaborarán mapas tridimensionales en un programa de tres años.\n"
        ),
        [DivergenceKind::Number]
    );
}

#[test]
fn an_acronym_spelled_out_or_glossed_is_no_added_clause() {
    // A translator writes out `GUI` in Spanish, or keeps the English expansion after the
    // acronym: neither adds anything.
    assert_eq!(
        kinds(
            "1. Tools\nThe guide covers non-GUI tools only.\n",
            "1. Herramientas\nLa guía trata solo de herramientas sin interfaz gráfica de usuario.\n",
        ),
        []
    );
    assert_eq!(
        kinds(
            "1. Files\nYou can merge two Portable Document Format (PDF) files with one command.\n",
            "1. Archivos\nPuede unir dos archivos en Formato de Documento Portátil (PDF, Portable Document Format) con una orden.\n",
        ),
        []
    );
    // A clause that is no expansion of anything is still reported.
    let found = findings(
        "1. Files\nYou can merge two PDF files with one command.\n",
        "1. Archivos\nPuede unir dos archivos PDF con una orden, y después imprimirlos en papel reciclado sin perder calidad.\n",
    );
    assert!(
        found.iter().any(|f| f.0 == DivergenceKind::Addition),
        "{found:?}"
    );
}

#[test]
fn a_placeholder_translated_is_no_missing_identifier_but_a_name_replaced_is() {
    // The Spanish translates the words of a placeholder, keeping its shape.
    assert_eq!(
        kinds(
            "1. Access\nRun ssh username@hostname.example.ext to connect in the default mode.\n",
            "1. Acceso\nEjecute ssh nombre_de_usuario@nombre_de_equipo.ejemplo.ext para conectarse en el modo predeterminado.\n",
        ),
        []
    );
    // Another identifier of the same shape that shares its words is another identifier.
    let found = findings(
        "1. Access\nRun ssh admin@backup.example.org to connect. Then run ssh admin@mirror.example.org to copy.\n",
        "1. Acceso\nEjecute ssh admin@mirror.example.org para conectarse. Después ejecute ssh admin@mirror.example.org para copiar.\n",
    );
    assert!(
        found.iter().any(|f| f.0 == DivergenceKind::Entity),
        "{found:?}"
    );
}

#[test]
fn a_title_on_one_side_only_is_no_missing_institution_but_a_body_is() {
    // A menu or song title in capitals, translated: nothing is missing.
    assert_eq!(
        kinds(
            "1. Input\nOpen Settings and choose Input Sources to add a keyboard.\n",
            "1. Entrada\nAbra la configuración y elija las fuentes de entrada para añadir un teclado.\n",
        ),
        []
    );
    // A ministry named on one side only is.
    let found = findings(
        "1. Energy\nThe Ministry of Energy and Mines will publish the report in 2026.\n",
        "1. Energía\nSe publicará el informe en 2026.\n",
    );
    assert!(
        found
            .iter()
            .any(|f| f.0 == DivergenceKind::Entity && f.2.as_deref() == Some("Ministry of Energy")),
        "{found:?}"
    );
}

#[test]
fn prohibitions_match_whatever_their_modal_and_debe_may_give_advice() {
    // A negated obligation and a negated possibility both forbid.
    assert_eq!(
        kinds(
            "1. Rights\nNo one shall be subjected to arbitrary interference with their privacy.\n",
            "1. Derechos\nNadie podrá ser objeto de injerencias arbitrarias en su vida privada.\n",
        ),
        []
    );
    assert_eq!(
        kinds(
            "1. Network\nA host with a private address must not access the Internet directly.\n",
            "1. Red\nUn equipo con una dirección privada no puede acceder a Internet de forma directa.\n",
        ),
        []
    );
    // Spanish writes advice with `debe`: no stronger than `should`.
    assert_eq!(
        kinds(
            "1. Recovery\nIt should be done only as part of an emergency recovery.\n",
            "1. Recuperación\nDebe hacerse solo como parte de una recuperación de emergencia.\n",
        ),
        []
    );
    // But `debe` still commits against a possibility, and a commitment is still stronger
    // than advice.
    assert_eq!(
        kinds(
            "1. Recovery\nThe administrator may restore the backup after an emergency.\n",
            "1. Recuperación\nEl administrador debe restaurar la copia después de una emergencia.\n",
        ),
        [DivergenceKind::Modality]
    );
    assert_eq!(
        kinds(
            "1. Recovery\nThe administrator should restore the backup after an emergency.\n",
            "1. Recuperación\nEl administrador restaurará la copia después de una emergencia.\n",
        ),
        [DivergenceKind::Modality]
    );
}

#[test]
fn a_habit_weakens_a_requirement_but_restates_a_plain_sentence() {
    assert_eq!(
        kinds(
            "1. Scripts\nA compatible interpreter must be available on the system.\n",
            "1. Guiones\nUn intérprete compatible suele estar disponible en el sistema.\n",
        ),
        [DivergenceKind::Modality]
    );
    assert_eq!(
        kinds(
            "1. Packages\nMaintained packages are usually in good shape.\n",
            "1. Paquetes\nLos paquetes mantenidos suelen estar en buen estado.\n",
        ),
        []
    );
    assert_eq!(
        kinds(
            "1. Packages\nMaintained packages are in good shape.\n",
            "1. Paquetes\nLos paquetes mantenidos suelen estar en buen estado.\n",
        ),
        []
    );
}

#[test]
fn a_lone_list_label_or_footnote_mark_is_no_sentence_left_out() {
    // Text exports leave a note's mark or a list's number as a sentence of its own.
    let found = findings(
        "1. Upload\nCheck the package before you upload it.\n",
        "1. Envío\nComprueba el paquete antes de enviarlo. ^[93]\n",
    );
    assert!(
        found.iter().all(|f| f.0 != DivergenceKind::Addition),
        "{found:?}"
    );
    // A sentence of words is.
    let found = findings(
        "1. Upload\nCheck the package before you upload it.\n",
        "1. Envío\nComprueba el paquete antes de enviarlo. Después, avisa al equipo de seguridad por correo.\n",
    );
    assert!(
        found.iter().any(|f| f.0 == DivergenceKind::Addition),
        "{found:?}"
    );
}

#[test]
fn a_rank_written_as_a_count_and_two_said_as_both_are_the_same_number() {
    assert_eq!(
        kinds(
            "1. Boot\nThe mini system is the 3rd stage of the boot process.\n",
            "1. Arranque\nEl minisistema es la fase 3 del proceso de arranque.\n",
        ),
        []
    );
    assert_eq!(
        kinds(
            "1. Pipes\nA pipe stores no data: it just links two processes.\n",
            "1. Tuberías\nUna tubería no almacena datos: solo comunica los dos procesos.\n",
        ),
        []
    );
    // Another rank, or a 2 against another count, still differs.
    assert_eq!(
        kinds(
            "1. Boot\nThe mini system is the 3rd stage of the boot process.\n",
            "1. Arranque\nEl minisistema es la fase 4 del proceso de arranque.\n",
        ),
        [DivergenceKind::Number, DivergenceKind::Number]
    );
    assert_eq!(
        kinds(
            "1. Pipes\nA pipe links two processes.\n",
            "1. Tuberías\nUna tubería comunica tres procesos.\n",
        ),
        [DivergenceKind::Number]
    );
}

#[test]
fn a_manual_page_or_file_pattern_dropped_or_renamed_is_flagged() {
    let has_entity = |en: &str, es: &str| {
        findings(en, es)
            .iter()
            .any(|f| f.0 == DivergenceKind::Entity)
    };
    // Named nowhere else in either version, still references a translation copies.
    assert!(has_entity(
        "1. Processes\nUse killall(1) or pkill(1) to stop the daemon.\n",
        "1. Procesos\nUse killall(1) o pgrep(1) para detener el demonio.\n",
    ));
    assert!(has_entity(
        "1. Files\nLook for README*, INSTALL*, *.lsm or *.html files first.\n",
        "1. Archivos\nBusque primero los archivos README*, INSTALL* o *.html.\n",
    ));
    // A manual page renamed in translation points nowhere.
    assert!(has_entity(
        "1. Disks\nFormat it with mkfs.ext4(1) and mount(8) it on a directory.\n",
        "1. Discos\nDele formato con mkfs.ext4(1) y montarlo(8) en un directorio.\n",
    ));
    // Copied as they are, nothing.
    assert!(!has_entity(
        "1. Processes\nUse killall(1) or pkill(1) to stop the daemon.\n",
        "1. Procesos\nUse killall(1) o pkill(1) para detener el demonio.\n",
    ));
}

#[test]
fn an_acronym_defined_on_one_side_only_is_flagged_where_the_other_has_no_parenthesis() {
    let found = findings(
        "1. Network\nThe router uses Network Address Translation (NAT) to share one address.\n",
        "1. Red\nEl encaminador usa la traducción de direcciones de red para compartir una dirección.\n",
    );
    assert!(
        found
            .iter()
            .any(|f| f.0 == DivergenceKind::Entity && f.2.as_deref() == Some("NAT")),
        "{found:?}"
    );
    // With its own acronym in parentheses, the other side defines it too.
    let found = findings(
        "1. Network\nThe router uses Network Address Translation (NAT) to share one address.\n",
        "1. Red\nEl encaminador usa la traducción de direcciones de red (NAT) para compartir una dirección.\n",
    );
    assert!(
        found.iter().all(|f| f.0 != DivergenceKind::Entity),
        "{found:?}"
    );
}

#[test]
fn an_effort_promised_is_more_than_a_possibility_considered() {
    assert_eq!(
        kinds(
            "1. Cyber\nBoth countries will seek to coordinate their positions in multilateral fora.\n",
            "1. Ciber\nSe contempla la posibilidad de coordinar posiciones en foros multilaterales.\n",
        ),
        [DivergenceKind::Modality]
    );
    assert_eq!(
        kinds(
            "1. Cyber\nBoth countries will strive to coordinate their positions in multilateral fora.\n",
            "1. Ciber\nAmbos países podrán coordinar sus posiciones en foros multilaterales.\n",
        ),
        [DivergenceKind::Modality]
    );
    // Looking into something is no more than considering it.
    assert_eq!(
        kinds(
            "1. Cyber\nBoth countries will explore joint training in multilateral fora.\n",
            "1. Ciber\nSe contemplará la posibilidad de una formación conjunta en foros multilaterales.\n",
        ),
        []
    );
    // Trying against trying is the same.
    assert_eq!(
        kinds(
            "1. Cyber\nBoth countries will seek to coordinate their positions.\n",
            "1. Ciber\nAmbos países procurarán coordinar sus posiciones.\n",
        ),
        []
    );
}

/// The `meaning` findings of a check, as (English evidence, Spanish evidence).
fn opposites(en: &str, es: &str) -> Vec<(String, String)> {
    findings(en, es)
        .into_iter()
        .filter(|f| f.0 == DivergenceKind::Meaning)
        .map(|f| (f.2.unwrap_or_default(), f.3.unwrap_or_default()))
        .collect()
}

#[test]
fn a_word_turned_into_its_opposite_is_a_meaning_warning() {
    // Sentences of the kind package manuals hold, each with one word turned around.
    assert_eq!(
        opposites(
            "1. Depends\nAll of the packages listed in this field must be installed at the same time.\n",
            "1. Depende\nTodos los paquetes enumerados en este campo deben eliminarse al mismo tiempo.\n",
        ),
        [("installed".to_string(), "eliminarse".to_string())]
    );
    assert_eq!(
        opposites(
            "1. Programs\nThe first program that matches the name is executed.\n",
            "1. Programas\nSe ejecuta el último programa que coincide con el nombre.\n",
        ),
        [("first".to_string(), "último".to_string())]
    );
    // An English comparative says `more` without the word.
    assert_eq!(
        opposites(
            "1. Caution\nMixing stable with testing packages is riskier than running unstable.\n",
            "1. Atención\nMezclar paquetes de estable y de pruebas es menos arriesgado que usar inestable.\n",
        ),
        [("riskier".to_string(), "menos".to_string())]
    );
}

#[test]
fn the_same_end_of_a_scale_in_other_words_raises_nothing() {
    // Both negated, both at one end.
    let none: Vec<(String, String)> = Vec::new();
    assert_eq!(
        opposites(
            "1. Rules\nDo not ever install random packages with dpkg.\n",
            "1. Reglas\nNo instale nunca paquetes al azar con dpkg.\n",
        ),
        none
    );
    // `a menos que` is `unless`, not `less`; `la mayor parte` is `most of`.
    assert_eq!(
        opposites(
            "1. Recommends\nMost users would not want the package unless the listed packages are installed.\n",
            "1. Recomienda\nLa mayoría de los usuarios no querrán el paquete a menos que los paquetes enumerados estén instalados.\n",
        ),
        none
    );
    // `sin montar` says what `unmounted` says; option names and file names are not prose.
    assert_eq!(
        opposites(
            "1. Disks\nThe image can be written to an unmounted device.\n",
            "1. Discos\nLa imagen puede escribirse en un dispositivo sin montar.\n",
        ),
        none
    );
    assert_eq!(
        opposites(
            "1. Keys\nRun gpg --decrypt on the file to read it.\n",
            "1. Claves\nEjecute gpg --decrypt sobre archivo_cifrado.gpg para leerlo.\n",
        ),
        none
    );
    // Both ends on each side: the comparison is carried whole.
    assert_eq!(
        opposites(
            "1. Packages\nRemove the old package before you install the new one.\n",
            "1. Paquetes\nElimine el paquete viejo antes de instalar el nuevo.\n",
        ),
        none
    );
}

#[test]
fn may_against_a_plain_sentence_weakens_a_commitment_but_not_a_manuals_description() {
    // A text of commitments: a plain statement says what the parties do.
    let plan = kinds(
        "1. Water\nBoth countries support efforts to protect freshwater.\n",
        "1. Agua\nAmbos países podrán apoyar los esfuerzos para proteger el agua dulce.\n",
    );
    assert_eq!(plan, [DivergenceKind::Modality]);
    // A manual that addresses its reader: a plain sentence describes, as `may` does.
    let manual = kinds(
        "1. Menus\nYou can open a terminal from the menu. If you use another desktop, you will \
         find it elsewhere. In some desktops there may be no obvious starting point for the menu.\n",
        "1. Menús\nPuede abrir un terminal desde el menú. Si usted usa otro escritorio, lo \
         encontrará en otro lugar. En algunos escritorios no existe un punto de inicio evidente \
         para el menú.\n",
    );
    assert!(!manual.contains(&DivergenceKind::Modality), "{manual:?}");
    // There a future tense predicts: `may help` is what `ayudará` says of a remedy; a modal
    // word still commits or weakens.
    let remedy = |es_modal: &str| {
        kinds(
            "1. Encoding\nIf you see garbage characters, adding \"-a\" to the command line may help \
             prevent problems. You can also change the terminal settings.\n",
            &format!(
                "1. Codificación\nSi usted ve caracteres sin sentido, añadir «-a» a la orden \
                 {es_modal} a evitar problemas. También puede cambiar la configuración del \
                 terminal.\n"
            ),
        )
    };
    assert!(!remedy("ayudará").contains(&DivergenceKind::Modality));
    assert!(remedy("debe ayudar").contains(&DivergenceKind::Modality));
    // And `debe` instructs: it restates an ability, not a possibility.
    let link = |en_modal: &str| {
        kinds(
            &format!(
                "1. Links\nA hard link {en_modal} be made within the same filesystem. You can \
                 check it with ls.\n"
            ),
            "1. Enlaces\nLos enlaces duros deben construirse en el mismo sistema de archivos. \
             Usted puede comprobarlo con ls.\n",
        )
    };
    assert!(!link("can").contains(&DivergenceKind::Modality));
    assert!(link("may").contains(&DivergenceKind::Modality));
}

#[test]
fn a_run_of_sentences_one_version_adds_is_one_finding_counting_them() {
    // A translation's credits: three translators, one per line, that the original lacks.
    let en = "1. Authors\nThis guide was written by the Debian documentation team.\n\n\
              It is updated for every stable release.\n";
    let es = "1. Autores\nEsta guía fue escrita por el equipo de documentación de Debian.\n\n\
              Traducción de Javier Fernández.\n\nRevisión de Ana Guerrero.\n\n\
              Corrección de David Martínez.\n\n\
              Se actualiza en cada versión estable.\n";
    let found = findings(en, es);
    let added: Vec<_> = found
        .iter()
        .filter(|f| f.0 == DivergenceKind::Addition)
        .collect();
    assert_eq!(added.len(), 1, "{found:#?}");
    assert_eq!(
        added[0].3.as_deref(),
        Some("Traducción de Javier Fernández.")
    );
    let en = Document::parse(en, Lang::En).unwrap();
    let es = Document::parse(es, Lang::Es).unwrap();
    let check = Checker::new().check(&en, &es);
    let message = &check
        .divergences
        .iter()
        .find(|d| d.kind == DivergenceKind::Addition)
        .unwrap()
        .message;
    assert_eq!(
        message,
        "these 3 Spanish sentences, to line 8, have no counterpart in the English version"
    );
}

#[test]
fn a_word_in_capitals_is_no_acronym_to_pair_but_an_acronym_still_is() {
    // `PRIMARY` and `PORTAPAPELES` are words their documents also write in lower case.
    let found = findings(
        "1. Selections\nThe primary selection is separate from the clipboard. \
         Select text to copy it to the PRIMARY selection.\n",
        "1. Selecciones\nLa selección primaria es distinta del portapapeles. \
         Seleccione texto para copiarlo en la selección PORTAPAPELES.\n",
    );
    assert!(
        !found.iter().any(|f| f.0 == DivergenceKind::Entity),
        "{found:#?}"
    );
    // Two acronyms left over face to face are still presumed to stand for each other.
    let found = findings(
        "1. Food\nThe CFIA will inspect both facilities in 2026.\n",
        "1. Alimentos\nLa ACIA inspeccionará ambas instalaciones en 2026.\n",
    );
    assert_eq!(
        found,
        [(
            DivergenceKind::Entity,
            Severity::Info,
            Some("CFIA".to_string()),
            Some("ACIA".to_string())
        )]
    );
}

#[test]
fn an_acronym_defined_on_one_side_is_flagged_where_the_others_parenthesis_translates_another() {
    // The Spanish parenthesis translates the English `(with the dput program)`: it stands for
    // no acronym, and `(DD)` was dropped.
    let en = "1. Uploads\nEvery time a new upload is done by a Debian developer (DD) to the \
              unstable archive (with the dput program), the developer checks the packages.\n";
    let es = "1. Entregas\nCada vez que un desarrollador Debian realiza una nueva entrega al \
              archivo inestable (con el programa dput), el desarrollador comprueba los \
              paquetes.\n";
    let found = findings(en, es);
    assert!(
        found
            .iter()
            .any(|f| f.0 == DivergenceKind::Entity && f.2.as_deref() == Some("DD")),
        "{found:?}"
    );
    // A list of acronyms in parentheses is no text set in capitals: `AGP` dropped is seen.
    let found = findings(
        "1. Hardware\nFor PCI devices (AGP, PCI-Express, CardBus, etc.), lspci(8) is a good start.\n",
        "1. Hardware\nPara los dispositivos PCI (PCI-Express, CardBus, etc.), lspci(8) es un buen comienzo.\n",
    );
    assert!(
        found
            .iter()
            .any(|f| f.0 == DivergenceKind::Entity && f.2.as_deref() == Some("AGP")),
        "{found:?}"
    );
}

#[test]
fn a_program_named_for_another_is_flagged_but_a_translated_or_misspelt_name_is_not() {
    // `Subversion` is a name the English version uses elsewhere; `Mercurial` stands against
    // it.
    let found = findings(
        "1. History\nThe history is kept in a Subversion repository.\n2. Tools\nThe \
         svn-buildpackage package has helper programs to maintain Debian packages with \
         Mercurial.\n",
        "1. Historia\nLa historia se guarda en un repositorio Subversion.\n2. Herramientas\nEl \
         paquete svn-buildpackage tiene programas de ayuda para mantener paquetes Debian con \
         Subversion.\n",
    );
    assert!(
        found.iter().any(|f| f.0 == DivergenceKind::Entity
            && f.2.as_deref() == Some("Mercurial")
            && f.3.as_deref() == Some("Subversion")),
        "{found:?}"
    );
    // Spelled alike, one name: translated (`Chinese`, `China`) or misspelt.
    let found = findings(
        "1. Locales\nThe zh_TW.UTF-8 locale is for Chinese in Taiwan; China uses zh_CN.UTF-8.\n",
        "1. Configuraciones\nLa configuración zh_TW.UTF-8 es para el chino de Taiwán; China \
         usa zh_CN.UTF-8. Mandarín en China.\n",
    );
    assert!(
        found.iter().all(|f| f.0 != DivergenceKind::Entity),
        "{found:?}"
    );
}

#[test]
fn a_manual_page_glued_to_a_word_is_the_same_page_but_a_longer_name_is_another() {
    let has_entity = |en: &str, es: &str| {
        findings(en, es)
            .iter()
            .any(|f| f.0 == DivergenceKind::Entity)
    };
    // `orden` is a word the Spanish writes again and again: `ordensysctl(8)` lost a space.
    assert!(!has_entity(
        "1. Kernel\nSet the parameter with the sysctl(8) command. The command reads a file. \
         Run the command again. The command writes nothing.\n",
        "1. Núcleo\nFije el parámetro con la ordensysctl(8). La orden lee un archivo. \
         Ejecute la orden de nuevo. La orden no escribe nada.\n",
    ));
    // `Ana` stands once as a name: `anacrontab(5)` is another page than `crontab(5)`.
    assert!(has_entity(
        "1. Cron\nThe file follows the format of crontab(5). Ana wrote it.\n",
        "1. Cron\nEl archivo sigue el formato de anacrontab(5). Ana lo escribió.\n",
    ));
}

#[test]
fn a_name_left_out_of_a_list_or_added_to_it_is_flagged_but_a_list_of_words_is_not() {
    // Findings of omission or addition with their evidence, each side's.
    let found = |en: &str, es: &str| -> Vec<(DivergenceKind, Option<String>, Option<String>)> {
        findings(en, es)
            .into_iter()
            .filter(|f| matches!(f.0, DivergenceKind::Omission | DivergenceKind::Addition))
            .map(|f| (f.0, f.2, f.3))
            .collect()
    };
    let left_out = found(
        "1. Patches\nThe lsdiff, interdiff and filterdiff commands read patches.\n",
        "1. Parches\nLas órdenes lsdiff y filterdiff leen parches.\n",
    );
    assert!(
        left_out.contains(&(DivergenceKind::Omission, Some("interdiff".into()), None)),
        "{left_out:?}"
    );
    let added = found(
        "1. Docs\nIt installs the files called BUGS, README* and TODO.\n",
        "1. Documentos\nInstala los archivos llamados BUGS, README*, TODO y ChangeLog.\n",
    );
    assert!(
        added.contains(&(DivergenceKind::Addition, None, Some("ChangeLog".into()))),
        "{added:?}"
    );
    // The same list: no item left out.
    let same = found(
        "1. Patches\nThe lsdiff, interdiff and filterdiff commands read patches.\n",
        "1. Parches\nLas órdenes lsdiff, interdiff y filterdiff leen parches.\n",
    );
    assert!(
        !same.iter().any(|f| f.1.as_deref() == Some("interdiff")),
        "{same:?}"
    );
    // A list of words a translation renders in fewer: no item of a list.
    let words = found(
        "1. Scripts\nThe scripts run when your package is installed, upgraded or removed.\n",
        "1. Guiones\nLos guiones se ejecutan al instalar o eliminar su paquete.\n",
    );
    assert!(
        !words.iter().any(|f| f.1.as_deref() == Some("upgraded")),
        "{words:?}"
    );
}

#[test]
fn the_same_number_of_another_unit_is_an_error_and_a_unit_glued_to_its_number_is_read() {
    assert_eq!(
        findings(
            "1. Reports\nThe parties will report within 30 days of the meeting.\n",
            "1. Informes\nLas partes informarán en un plazo de 30 meses a partir de la reunión.\n",
        ),
        [(
            DivergenceKind::Number,
            Severity::Error,
            Some("30 days".into()),
            Some("30 meses".into())
        )]
    );
    // `2000MiB` is 2000 mebibytes: no year, and not 200.
    assert_eq!(
        findings(
            "1. Backup\nSplit the archive into chunks of 2000MiB each.\n",
            "1. Copia\nDivida el archivo en trozos de 200MiB cada uno.\n",
        ),
        [(
            DivergenceKind::Number,
            Severity::Error,
            Some("2000".into()),
            Some("200".into())
        )]
    );
    // The same amounts, written with or without a space, in either language's words.
    assert_eq!(
        kinds(
            "1. Display\nThe list is updated every 2 seconds, in chunks of 2GB.\n",
            "1. Pantalla\nLa lista se actualiza cada 2 segundos, en trozos de 2 GB.\n",
        ),
        []
    );
}

#[test]
fn the_same_year_placed_at_its_other_end_is_a_date_warning() {
    assert_eq!(
        findings(
            "1. Git\nInvoking git-xyz has been deprecated since early 2006.\n",
            "1. Git\nLlamar a git-xyz está declarado obsoleto desde finales de 2006.\n",
        ),
        [(
            DivergenceKind::Date,
            Severity::Warning,
            Some("2006".into()),
            Some("2006".into())
        )]
    );
    // The same part in other words, or a part on one side only: nothing.
    assert_eq!(
        kinds(
            "1. Plan\nThe plan ends by the end of 2025 and the work starts in mid-2026.\n",
            "1. Plan\nEl plan termina a finales de 2025 y el trabajo empieza a mediados de 2026.\n",
        ),
        []
    );
    assert_eq!(
        kinds(
            "1. Plan\nThe work starts in 2026.\n",
            "1. Plan\nEl trabajo empieza a principios de 2026.\n",
        ),
        []
    );
}

#[test]
fn a_key_or_option_put_for_another_is_flagged_but_prose_with_a_slash_is_not() {
    let entities = |en: &str, es: &str| -> Vec<(Option<String>, Option<String>)> {
        findings(en, es)
            .into_iter()
            .filter(|f| f.0 == DivergenceKind::Entity)
            .map(|f| (f.2, f.3))
            .collect()
    };
    assert_eq!(
        entities(
            "1. Shell\nThis environment is saved by leaving its shell prompt with ^D.\n",
            "1. Intérprete\nEste entorno se guarda saliendo del intérprete con ^C.\n",
        ),
        [(Some("^D".into()), Some("^C".into()))]
    );
    assert_eq!(
        entities(
            "1. Packages\nGames with restrictions on commercial use and/or modification.\n",
            "1. Paquetes\nJuegos con restricciones de uso comercial y/o modificación.\n",
        ),
        []
    );
}

#[test]
fn a_number_said_again_or_copied_as_written_is_no_number_missing() {
    let numbers = |en: &str, es: &str| -> Vec<(Option<String>, Option<String>)> {
        findings(en, es)
            .into_iter()
            .filter(|f| f.0 == DivergenceKind::Number)
            .map(|f| (f.2, f.3))
            .collect()
    };
    // Said once on one side, three times on the other.
    assert_eq!(
        numbers(
            "1. Files\nThe permissions take nine characters, three characters each for user, group and other.\n",
            "1. Archivos\nLos permisos ocupan nueve caracteres, tres para el usuario, tres para el grupo y tres para el resto.\n",
        ),
        []
    );
    // Copied as written, though the other language reads it otherwise (`May` is no month in
    // Spanish; `2nd` no ordinal).
    assert_eq!(
        numbers(
            "1. Dates\nThe output reads Wed 19 May 2021 in the 2nd edition.\n",
            "1. Fechas\nLa salida dice Wed 19 May 2021 en la 2nd edición.\n",
        ),
        []
    );
    // A number changed among repeated ones is still seen.
    assert_eq!(
        numbers(
            "1. Files\nThe permissions take nine characters, three characters each for user, group and other.\n",
            "1. Archivos\nLos permisos ocupan nueve caracteres, cuatro para el usuario, tres para el grupo y tres para el resto.\n",
        ),
        [(None, Some("cuatro".into()))]
    );
}
