//! Datelines (`Ciudad de México, 18 de septiembre de 2025`) and date lines (`date 2025-09-20`).

use crate::date::Date;
use crate::lang::Tables;

/// The date a dateline or date line states, when `s` (a whole trimmed line) is one.
pub(crate) fn parse(s: &str, tables: &Tables) -> Option<Date> {
    date_line(s, tables).or_else(|| dateline(s, tables))
}

/// `date 2025-09-20 …`: a label, then an ISO date; the rest of the line may be anything.
fn date_line(s: &str, tables: &Tables) -> Option<Date> {
    let mut words = s.split_whitespace();
    let first = words.next()?.trim_end_matches(':').to_lowercase();
    if !tables.date_labels.contains(&first.as_str()) {
        return None;
    }
    words.next()?.trim_end_matches([',', '.']).parse().ok()
}

/// `[Place,] 18 de septiembre de 2025` or `[Place,] September 18, 2025`, and nothing else.
fn dateline(s: &str, tables: &Tables) -> Option<Date> {
    if s.chars().count() > 80 {
        return None;
    }
    let s = s.trim_end_matches('.');
    // An optional place: capitalised words before the last comma that precedes the date.
    let date_part = match s.find(',') {
        Some(i) if !s[..i].chars().any(|c| c.is_ascii_digit()) => {
            let place = &s[..i];
            if !place
                .split_whitespace()
                .all(|w| w.starts_with(char::is_uppercase) || tables.is_connector(w))
            {
                return None;
            }
            &s[i + 1..]
        }
        _ => s,
    };
    date_phrase(date_part, tables)
}

/// A day, a month name and a year in either order, with the language's filler words between.
fn date_phrase(s: &str, tables: &Tables) -> Option<Date> {
    let (mut day, mut month, mut year) = (None, None, None);
    for raw in s.split(|c: char| c.is_whitespace() || c == ',') {
        if raw.is_empty() {
            continue;
        }
        let lower = raw.to_lowercase();
        if tables.date_fillers.contains(&lower.as_str()) {
            continue;
        }
        let digits = lower.trim_end_matches(|c: char| c.is_alphabetic() || c == 'º' || c == '°');
        if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
            let n: u32 = digits.parse().ok()?;
            if digits.len() == 4 && year.is_none() {
                year = Some(n as i32);
            } else if digits.len() <= 2 && day.is_none() && year.is_none() {
                day = Some(n as u8);
            } else {
                return None;
            }
        } else if let Some(m) = tables
            .month(&lower)
            .filter(|_| month.is_none() && year.is_none())
        {
            month = Some(m);
        } else {
            return None;
        }
    }
    Date::new(year?, month?, day?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;

    #[test]
    fn datelines_in_both_languages() {
        let es = Lang::Es.tables();
        let en = Lang::En.tables();
        assert_eq!(
            parse("Ciudad de México, 18 de septiembre de 2025", es),
            Date::new(2025, 9, 18)
        );
        assert_eq!(
            parse("Ottawa, September 18, 2025", en),
            Date::new(2025, 9, 18)
        );
        assert_eq!(parse("18 September 2025", en), Date::new(2025, 9, 18));
        assert_eq!(
            parse(
                "date 2025-09-20 This article was last updated on September 20, 2025",
                en
            ),
            Date::new(2025, 9, 20)
        );
        assert_eq!(
            parse("Canada and Mexico share over 81 years, since 1944", en),
            None
        );
        assert_eq!(
            parse("Ciudad de México, 31 de septiembre de 2025", es),
            None,
            "no such day"
        );
        assert_eq!(
            parse("VERSIÓN FINAL February 7, 2014", en),
            None,
            "not a place before a comma"
        );
    }
}
