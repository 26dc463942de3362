//! Rounding and number formatting as an official's spreadsheet does them.
//!
//! A binary float cannot hold 2.675 exactly (it holds 2.67499999...), so naive
//! rounding shows 2.67 where the spreadsheet shows 2.68. Like a spreadsheet,
//! [`round_half_away`] first reads the value to 15 significant digits, then
//! rounds that decimal value half away from zero.

use crate::model::Lang;

/// Rounds half away from zero at `decimals` places, on the value's 15-significant-digit decimal form.
///
/// ```
/// use swanilai::round_half_away;
/// assert_eq!(round_half_away(2.675, 2), 2.68);
/// assert_eq!(round_half_away(3.475, 2), 3.48);
/// assert_eq!(round_half_away(-2.675, 2), -2.68);
/// assert_eq!(round_half_away(1.3 * 3.0 / 100.0 * 100.0, 2), 3.9);
/// assert_eq!(round_half_away(0.005, 2), 0.01);
/// assert_eq!(round_half_away(0.0049, 2), 0.0);
/// ```
pub fn round_half_away(x: f64, decimals: u8) -> f64 {
    if !x.is_finite() || x == 0.0 {
        return if x.is_finite() { 0.0 } else { x };
    }
    // Fast path, same result: unless the scaled value lies within a hair of a half, reading
    // it to 15 significant digits (an error below 1e-14 of it) cannot change which way it
    // rounds; and an integer below 2^53 divided by an exact power of ten is the double
    // nearest the decimal result, which is what parsing that decimal gives. Values this
    // close to a half, and large ones, take the decimal path below.
    if let Some(&p) = POW10.get(usize::from(decimals)) {
        let s = x.abs() * p;
        let whole = s.floor();
        let frac = s - whole;
        if s < 1e13 && (frac - 0.5).abs() > s * 1e-13 + f64::EPSILON {
            let int = if frac > 0.5 { whole + 1.0 } else { whole };
            if int == 0.0 {
                return 0.0;
            }
            let v = int / p;
            return if x < 0.0 { -v } else { v };
        }
    }
    round_decimal(x, decimals)
}

/// Exact powers of ten as doubles.
const POW10: [f64; 16] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
];

/// [`round_half_away`] the slow, obvious way: through the 15-significant-digit decimal text.
fn round_decimal(x: f64, decimals: u8) -> f64 {
    // "d.dddddddddddddde±X": 15 significant digits.
    let (digits, exp) = crate::num::fifteen_digits(x);
    // Digits kept: those before the point (exp + 1) plus the decimals.
    let keep = exp + 1 + i32::from(decimals);
    if keep < 0 {
        return 0.0;
    }
    let keep = keep as usize;
    if keep >= digits.len() {
        return x; // already exact at this precision
    }
    let mut int: u64 = digits[..keep]
        .iter()
        .fold(0, |acc, &d| acc * 10 + u64::from(d));
    if digits[keep] >= 5 {
        int += 1;
    }
    if int == 0 {
        return 0.0;
    }
    let shift = exp + 1 - keep as i32;
    let v = crate::num::parse(&format!("{int}e{shift}")).unwrap_or(0.0);
    if x < 0.0 { -v } else { v }
}

/// Formats a value rounded to `decimals` places, the Indonesian way (`3,48`, `1.250,5`)
/// or the English way (`3.48`, `1,250.5`).
///
/// ```
/// use swanilai::{format_number, Lang};
/// assert_eq!(format_number(3.475, 2, Lang::Id), "3,48");
/// assert_eq!(format_number(3.475, 2, Lang::En), "3.48");
/// assert_eq!(format_number(1250.5, 1, Lang::Id), "1.250,5");
/// assert_eq!(format_number(-0.001, 2, Lang::En), "0.00");
/// ```
pub fn format_number(x: f64, decimals: u8, lang: Lang) -> String {
    let r = round_half_away(x, decimals);
    localized(r < 0.0, &crate::num::fixed(r.abs(), decimals), lang)
}

/// `digits`, an unsigned decimal with `.` as its point, written as `lang` writes numbers:
/// thousands grouped (Indonesian `.`, English `,`), the language's decimal mark, and `-` first
/// when `negative`.
pub(crate) fn localized(negative: bool, digits: &str, lang: Lang) -> String {
    let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
    let (group_sep, dec_sep) = match lang {
        Lang::Id => ('.', ','),
        Lang::En => (',', '.'),
    };
    let mut out = String::with_capacity(digits.len() + 1 + int.len() / 3);
    if negative {
        out.push('-');
    }
    let n = int.len();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (n - i) % 3 == 0 {
            out.push(group_sep);
        }
        out.push(c);
    }
    if !frac.is_empty() {
        out.push(dec_sep);
        out.push_str(frac);
    }
    out
}

/// Like [`format_number`] with an explicit sign for changes: `+0,25`, `-1,10`, `0,00`.
///
/// ```
/// use swanilai::{format_delta, Lang};
/// assert_eq!(format_delta(0.25, 2, Lang::Id), "+0,25");
/// assert_eq!(format_delta(-1.1, 2, Lang::En), "-1.10");
/// assert_eq!(format_delta(0.001, 2, Lang::En), "0.00");
/// ```
pub fn format_delta(x: f64, decimals: u8, lang: Lang) -> String {
    let s = format_number(x, decimals, lang);
    if round_half_away(x, decimals) > 0.0 {
        format!("+{s}")
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounds_like_a_spreadsheet() {
        for (x, d, want) in [
            (2.675, 2, 2.68),
            (1.005, 2, 1.01),
            (1.0049999, 2, 1.0),
            (0.125, 2, 0.13),
            (2.5, 0, 3.0),
            (-2.5, 0, -3.0),
            (4.199999999999999, 2, 4.2),
            (123456.785, 2, 123456.79),
            (9.995, 2, 10.0),
            (5.0, 2, 5.0),
            (1e-20, 2, 0.0),
            (0.49999999999999994, 0, 1.0), // 15 digits: 0.500000000000000
        ] {
            assert_eq!(round_half_away(x, d), want, "{x} at {d}");
        }
    }

    #[test]
    fn fast_path_agrees_with_the_decimal_path() {
        // Values of every magnitude, and values a few ulps either side of a half.
        let mut state = 0x9E37_79B9_7F4A_7C15_u64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for _ in 0..200_000 {
            let r = next();
            let d = (r % 7) as u8;
            let mag = 10f64.powi((r >> 8) as i32 % 18 - 6);
            let unit = (next() >> 11) as f64 / (1u64 << 53) as f64;
            let sign = if r & 1 == 0 { 1.0 } else { -1.0 };
            let x = sign * unit * mag;
            assert_eq!(
                round_half_away(x, d).to_bits(),
                round_decimal(x, d).to_bits(),
                "{x} at {d}"
            );
            // Near a half: (k + 0.5) / 10^d, nudged by up to 3 ulps.
            let k = (next() % 1_000_000) as f64;
            let half = (k + 0.5) / 10f64.powi(i32::from(d));
            let mut y = half;
            for _ in 0..(next() % 4) {
                // One ulp up or down (`half` is positive; `next_up` needs Rust 1.86).
                y = f64::from_bits(if r & 2 == 0 {
                    y.to_bits() + 1
                } else {
                    y.to_bits() - 1
                });
            }
            assert_eq!(
                round_half_away(y, d).to_bits(),
                round_decimal(y, d).to_bits(),
                "{y} at {d}"
            );
        }
    }

    #[test]
    fn keeps_exact_values_and_special_values() {
        assert_eq!(round_half_away(0.1, 6), 0.1);
        assert!(round_half_away(f64::NAN, 2).is_nan());
        assert_eq!(round_half_away(-0.0, 2).to_bits(), 0.0f64.to_bits());
        assert_eq!(round_half_away(-0.001, 2).to_bits(), 0.0f64.to_bits());
    }
}
