//! Exact decimal numbers: the value a number of any length states, compared and shown without
//! rounding (`9007199254740993` is not `9007199254740992`, `1.10` is `1.1`, a number of
//! 100,000 digits is itself and never `inf`).

use std::fmt;

/// A non-negative decimal number, exactly: `digits × 10^exp`.
///
/// Normalised, so that equal numbers are equal values: `digits` holds ASCII digits without
/// leading or trailing zeros, and zero is no digits with `exp` 0. Numbers in a text are never
/// negative (a minus sign is punctuation to the tokenizer), so there is no sign.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Decimal {
    digits: String,
    exp: i64,
}

impl Decimal {
    /// The number a token key spells: ASCII digits with at most one `.` between digits
    /// (`1200`, `12.5`, `0.10`); `None` for anything else (`12.5.2025`).
    pub fn parse(key: &str) -> Option<Decimal> {
        let (int, frac) = key.split_once('.').unwrap_or((key, ""));
        let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if int.is_empty() || !digits(int) || !digits(frac) || (key.contains('.') && frac.is_empty())
        {
            return None;
        }
        let exp = -i64::try_from(frac.len()).ok()?;
        Some(Decimal::normalised(format!("{int}{frac}"), exp))
    }

    /// `value` as a decimal.
    pub fn from_u64(value: u64) -> Decimal {
        Decimal::normalised(value.to_string(), 0)
    }

    /// `digits × 10^exp` with its zeros moved into `exp`.
    fn normalised(mut digits: String, mut exp: i64) -> Decimal {
        let trailing = digits.len() - digits.trim_end_matches('0').len();
        digits.truncate(digits.len() - trailing);
        exp = exp.saturating_add(i64::try_from(trailing).unwrap_or(i64::MAX));
        let leading = digits.len() - digits.trim_start_matches('0').len();
        digits.drain(..leading);
        if digits.is_empty() {
            exp = 0;
        }
        Decimal { digits, exp }
    }

    /// This number times `factor`, exactly: a power of ten moves the exponent, any other
    /// factor multiplies the digits (linear in their number).
    pub fn times(&self, factor: u64) -> Decimal {
        if factor == 0 || self.digits.is_empty() {
            return Decimal::from_u64(0);
        }
        let (mut factor, mut exp) = (factor, self.exp);
        while factor % 10 == 0 {
            factor /= 10;
            exp = exp.saturating_add(1);
        }
        if factor == 1 {
            return Decimal {
                digits: self.digits.clone(),
                exp,
            };
        }
        // Long multiplication by one digit group, from the last digit up.
        let mut out = Vec::with_capacity(self.digits.len() + 20);
        let mut carry: u128 = 0;
        for d in self.digits.bytes().rev() {
            let v = u128::from(d - b'0') * u128::from(factor) + carry;
            out.push(b'0' + (v % 10) as u8);
            carry = v / 10;
        }
        while carry > 0 {
            out.push(b'0' + (carry % 10) as u8);
            carry /= 10;
        }
        out.reverse();
        let digits = String::from_utf8(out).unwrap_or_default();
        Decimal::normalised(digits, exp)
    }
}

/// Positional notation, exactly, without an exponent or trailing zeros after the point:
/// `1200`, `12.5`, `0.05`.
impl fmt::Display for Decimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let digits = self.digits.as_str();
        if digits.is_empty() {
            return f.write_str("0");
        }
        if self.exp >= 0 {
            f.write_str(digits)?;
            for _ in 0..self.exp {
                f.write_str("0")?;
            }
            return Ok(());
        }
        let frac = usize::try_from(self.exp.unsigned_abs()).unwrap_or(usize::MAX);
        if frac < digits.len() {
            let (int, rest) = digits.split_at(digits.len() - frac);
            write!(f, "{int}.{rest}")
        } else {
            f.write_str("0.")?;
            for _ in 0..frac - digits.len() {
                f.write_str("0")?;
            }
            f.write_str(digits)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(key: &str) -> Decimal {
        Decimal::parse(key).unwrap_or_else(|| panic!("{key} parses"))
    }

    #[test]
    fn parses_what_token_keys_hold_and_nothing_else() {
        for (key, shown) in [
            ("1200", "1200"),
            ("12.5", "12.5"),
            ("1.10", "1.1"),
            ("0.10", "0.1"),
            ("007", "7"),
            ("0", "0"),
            ("0.000", "0"),
            ("0.05", "0.05"),
            ("9007199254740993", "9007199254740993"),
            ("3000000", "3000000"),
        ] {
            assert_eq!(d(key).to_string(), shown, "{key}");
        }
        for key in [
            "",
            ".5",
            "5.",
            "12.5.2025",
            "1e5",
            "inf",
            "NaN",
            "-1",
            "1 000",
            "١٢",
        ] {
            assert_eq!(Decimal::parse(key), None, "{key}");
        }
    }

    #[test]
    fn equal_numbers_are_equal_values() {
        assert_eq!(d("1.10"), d("1.1"));
        assert_eq!(d("12.50"), d("12.5"));
        assert_eq!(d("0"), d("0.0"));
        assert_eq!(d("100"), Decimal::from_u64(100));
        assert_ne!(d("9007199254740993"), d("9007199254740992"));
        assert_ne!(d("0.1"), d("0.01"));
        assert_ne!(d("10"), d("1"));
        assert_eq!(d("2.0"), Decimal::from_u64(2));
    }

    #[test]
    fn multiplies_exactly() {
        assert_eq!(d("1.5").times(1_000_000_000).to_string(), "1500000000");
        assert_eq!(d("0.1").times(1_000_000), d("100000"));
        assert_eq!(d("3").times(1000).times(1_000_000), d("3000000000"));
        assert_eq!(d("12.5").times(100), d("1250"));
        assert_eq!(d("0.25").times(4), d("1"));
        assert_eq!(
            d("99999999999999999999").times(u64::MAX).to_string(),
            "1844674407370955161481553255926290448385"
        );
        assert_eq!(d("7").times(0), d("0"));
        assert_eq!(d("0").times(7).to_string(), "0");
    }

    #[test]
    fn long_numbers_stay_exact() {
        let long = "7".repeat(100_000);
        let mut other = long.clone();
        other.replace_range(99_999.., "8");
        assert_ne!(d(&long), d(&other));
        assert_eq!(d(&long), d(&format!("{long}.000")));
        assert_eq!(d(&long).to_string(), long);
        let big = format!("1{}", "0".repeat(100_000));
        assert_eq!(d(&big).to_string(), big);
        assert_eq!(d(&format!("0.{}1", "0".repeat(500))).to_string().len(), 503);
    }
}
