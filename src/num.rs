//! Decimal text to and from `f64`, through the standard library's float parsing and
//! formatting, natively and in WebAssembly alike.
//!
//! The same algorithms on both sides make the same text: an export's SHA-256 is the same in
//! the CLI and in the widget, and the spreadsheet rounding ([`crate::round`]) takes the same
//! way at a tie. (The crate once parsed and printed short decimals by hand and left the rest
//! to the browser's `Number`, which breaks ties the other way: see
//! docs/dependencies.md for the measured cost of the standard library's algorithms.)
//!
//! ```
//! use swanilai::num;
//! assert_eq!(num::parse("3.475"), Some(3.475));
//! assert_eq!(num::parse("0.30000000000000004"), Some(0.1 + 0.2));
//! assert_eq!(num::json(2.5e-8), "2.5e-8");
//! assert_eq!(num::json(0.1 + 0.2), "0.30000000000000004");
//! assert_eq!(num::fixed(1250.5, 2), "1250.50");
//! ```

/// `x` limited to 0..=1 (NaN stays NaN, where `f64::clamp` would keep it too but panics on
/// a NaN bound).
#[allow(clippy::manual_clamp)]
pub fn unit(x: f64) -> f64 {
    if x < 0.0 {
        0.0
    } else if x > 1.0 {
        1.0
    } else {
        x
    }
}

/// Reads decimal text to the nearest double: an optional sign, digits with an optional point
/// (`5.`, `.5`), an optional exponent. `None` for anything else (`inf`, `NaN`, hex, spaces,
/// which `str::parse` would partly take); too large reads as infinity, as in the standard
/// library.
///
/// ```
/// use swanilai::num::parse;
/// assert_eq!(parse("-12.50"), Some(-12.5));
/// assert_eq!(parse("+.5e1"), Some(5.0));
/// assert_eq!(parse("1e999"), Some(f64::INFINITY));
/// assert_eq!(parse("1.2.3"), None);
/// assert_eq!(parse("e5"), None);
/// assert_eq!(parse("inf"), None);
/// ```
pub fn parse(s: &str) -> Option<f64> {
    is_decimal(s).then(|| read_decimal(s))
}

/// `[+-]digits[.digits][(e|E)[+-]digits]`, with a digit on at least one side of the point:
/// what `str::parse::<f64>` takes, less `inf`, `NaN` and `infinity` (tests check both).
fn is_decimal(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = usize::from(matches!(b.first(), Some(b'+' | b'-')));
    let run = |i: &mut usize| {
        let start = *i;
        while b.get(*i).is_some_and(u8::is_ascii_digit) {
            *i += 1;
        }
        *i - start
    };
    let mut digits = run(&mut i);
    if b.get(i) == Some(&b'.') {
        i += 1;
        digits += run(&mut i);
    }
    if digits == 0 {
        return false;
    }
    if let Some(b'e' | b'E') = b.get(i) {
        i += 1;
        i += usize::from(matches!(b.get(i), Some(b'+' | b'-')));
        if run(&mut i) == 0 {
            return false;
        }
    }
    i == b.len()
}

/// A valid decimal's nearest double: the standard library's reading natively.
#[cfg(not(target_arch = "wasm32"))]
fn read_decimal(s: &str) -> f64 {
    s.parse().unwrap_or(f64::NAN) // checked by `is_decimal`: never NaN
}

/// A valid decimal's nearest double: the browser's `parseFloat` in the WebAssembly module.
/// It rounds correctly, as the standard library does, so both read every decimal to the same
/// double; the standard library's algorithms would add about 9 KiB to the gzipped module.
#[cfg(target_arch = "wasm32")]
fn read_decimal(s: &str) -> f64 {
    (READER
        .get()
        .expect("swanilai::num::install_reader was not called before reading numbers"))(s)
}

#[cfg(target_arch = "wasm32")]
static READER: std::sync::OnceLock<fn(&str) -> f64> = std::sync::OnceLock::new();

/// Sets how the WebAssembly module reads a valid decimal to a double (the browser's
/// `parseFloat`, installed by the web binding at start and by every entry point that reads
/// numbers); the first call wins. Native builds use the standard library and have no such call.
#[cfg(target_arch = "wasm32")]
pub fn install_reader(read: fn(&str) -> f64) {
    let _ = READER.set(read);
}

/// A double as JSON text: integers below 10^21 exactly and without a fraction; others with
/// the fewest digits that read back to the same value, plain from 10^-7 up to 10^21 and in
/// exponential form outside (JavaScript's layout, with `e21` for its `e+21`); non-finite
/// numbers (which JSON cannot hold) as `null`.
///
/// ```
/// use swanilai::num::json;
/// assert_eq!(json(3.0), "3");
/// assert_eq!(json(-0.125), "-0.125");
/// assert_eq!(json(1e21), "1e21");
/// assert_eq!(json(1152921504606846976.0), "1152921504606846976");
/// assert_eq!(json(-0.0), "0");
/// assert_eq!(json(f64::NAN), "null");
/// ```
pub fn json(x: f64) -> String {
    if !x.is_finite() {
        return "null".into();
    }
    if x == 0.0 {
        return "0".into(); // and -0 too: JSON readers differ on it
    }
    if x.fract() == 0.0 && x.abs() < 1e21 {
        return format!("{x:.0}"); // an integer: exact, without a fraction
    }
    let e = exponent(x);
    let power: i32 = e
        .rsplit_once('e')
        .and_then(|(_, p)| p.parse().ok())
        .unwrap_or(0);
    if (-7..21).contains(&power) {
        display(x)
    } else {
        e
    }
}

/// A double as Rust's `{}` writes it: plain decimal with the fewest digits that read back,
/// `inf`, `-inf` or `NaN` (`1e21` is `1000000000000000000000`). For messages.
///
/// ```
/// use swanilai::num::display;
/// assert_eq!(display(0.1 + 0.2), "0.30000000000000004");
/// assert_eq!(display(-2.5e-7), "-0.00000025");
/// assert_eq!(display(f64::NEG_INFINITY), "-inf");
/// ```
pub fn display(x: f64) -> String {
    format!("{x}")
}

/// A double as Rust's `{:e}` writes it: `1.5e-7`, `1e21`, `0e0`.
///
/// ```
/// use swanilai::num::exponent;
/// assert_eq!(exponent(-1234.5), "-1.2345e3");
/// assert_eq!(exponent(1e21), "1e21");
/// ```
pub fn exponent(x: f64) -> String {
    format!("{x:e}")
}

/// Displays a double as [`display`] does, inside `format!`.
#[derive(Clone, Copy, Debug)]
pub struct Show(pub f64);

impl std::fmt::Display for Show {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Display::fmt(&self.0, f)
    }
}

/// A double with exactly `decimals` digits after the point, rounded half to even from its
/// exact binary value, as `format!("{:.2}", x)` does.
///
/// ```
/// use swanilai::num::fixed;
/// assert_eq!(fixed(3.48, 2), "3.48");
/// assert_eq!(fixed(-0.5, 0), "-0");
/// assert_eq!(fixed(12.0, 3), "12.000");
/// assert_eq!(fixed(0.125, 2), "0.12");
/// ```
pub fn fixed(x: f64, decimals: u8) -> String {
    format!("{:.*}", usize::from(decimals), x)
}

/// A double's first 15 significant digits, rounded half to even from its exact value, and the
/// exponent of the first: `2.675` gives `([2,6,7,5,0,...], 0)`. Used by the spreadsheet
/// rounding ([`crate::round_half_away`]).
///
/// ```
/// use swanilai::num::fifteen_digits;
/// assert_eq!(fifteen_digits(2.675), (vec![2, 6, 7, 5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], 0));
/// // Exactly halfway between two 15-digit forms: to the even one, in the browser too.
/// assert_eq!(fifteen_digits(123456789.0078125), (vec![1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 0, 7, 8, 1, 2], 8));
/// ```
pub fn fifteen_digits(x: f64) -> (Vec<u8>, i32) {
    let s = format!("{:.14e}", x.abs());
    let (m, e) = s.split_once('e').unwrap_or((&s, "0"));
    (
        m.bytes()
            .filter(u8::is_ascii_digit)
            .map(|b| b - b'0')
            .collect(),
        e.parse().unwrap_or(0),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// xorshift: values of every magnitude and length, deterministically.
    fn values() -> impl Iterator<Item = f64> {
        let mut state = 0x2545_F491_4F6C_DD1D_u64;
        std::iter::from_fn(move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let r = state;
            let x = match r % 5 {
                0 => f64::from_bits(r >> 2), // any finite positive double
                1 => (r >> 40) as f64 / 10f64.powi((r % 9) as i32), // short decimals
                2 => ((r >> 20) % 100_000) as f64 / 100.0,
                3 => (r >> 11) as f64 / (1u64 << 53) as f64,
                _ => ((r >> 30) % 1000) as f64 * 10f64.powi((r % 40) as i32 - 20),
            };
            Some(if r & 1 == 0 { x } else { -x })
        })
        .filter(|x| x.is_finite())
    }

    #[test]
    fn parse_takes_json_and_typed_decimals_only() {
        for s in [
            "0",
            "-0",
            "5.",
            ".5",
            "+1",
            "00012",
            "1e22",
            "9007199254740993",
            "1e-400",
            "1e400",
            "2.4703282292062328e-324",
        ] {
            assert_eq!(
                parse(s).map(f64::to_bits),
                s.parse::<f64>().ok().map(f64::to_bits),
                "{s}"
            );
        }
        for s in [
            "", "-", ".", "e1", "1e", "1e+", "1..2", "1.2.3", "0x10", " 1", "1 ", "inf", "-inf",
            "NaN", "infinity", "1_000", "١٢",
        ] {
            assert_eq!(parse(s), None, "{s:?}");
        }
    }

    /// Every string over the grammar's alphabet up to six long: `is_decimal` says yes exactly
    /// when `str::parse::<f64>` reads it.
    #[test]
    fn the_grammar_is_the_standard_librarys() {
        let alphabet = [b'0', b'7', b'.', b'e', b'E', b'+', b'-'];
        let mut n = 0;
        for len in 0..=6u32 {
            for k in 0..alphabet.len().pow(len) {
                let mut k = k;
                let s: String = (0..len)
                    .map(|_| {
                        let c = alphabet[k % alphabet.len()];
                        k /= alphabet.len();
                        char::from(c)
                    })
                    .collect();
                assert_eq!(is_decimal(&s), s.parse::<f64>().is_ok(), "{s:?}");
                n += usize::from(is_decimal(&s));
            }
        }
        assert!(n > 1000, "{n}");
    }

    /// `json` is JavaScript's `Number.prototype.toString` layout (what `JSON.stringify`
    /// writes), with the exponent's `+` left out.
    #[test]
    fn json_is_javascripts_layout() {
        for x in values().take(100_000) {
            let js_like = {
                // JavaScript: the shortest digits k, the decimal exponent n (value = 0.d × 10^n);
                // plain when -7 < n - 1 < 21, else d.ddd e±(n-1).
                let e = format!("{:e}", x.abs());
                let (m, p) = e.split_once('e').unwrap();
                let p: i32 = p.parse().unwrap();
                let digits: String = m.chars().filter(char::is_ascii_digit).collect();
                let sign = if x < 0.0 { "-" } else { "" };
                let k = digits.len() as i32;
                let body = if (-7..21).contains(&p) {
                    if p >= k - 1 {
                        format!("{digits}{}", "0".repeat((p - k + 1) as usize))
                    } else if p >= 0 {
                        let (a, b) = digits.split_at(p as usize + 1);
                        format!("{a}.{b}")
                    } else {
                        format!("0.{}{digits}", "0".repeat((-p - 1) as usize))
                    }
                } else {
                    e
                };
                format!("{sign}{body}")
            };
            assert_eq!(json(x), js_like, "{x:e}");
            assert_eq!(parse(&json(x)), Some(x));
        }
        assert_eq!(json(-0.0), "0");
    }

    #[test]
    fn fifteen_digits_round_half_to_even_from_the_exact_value() {
        // 2.675 is held as 2.67499999999999982236431605997495353221893310546875.
        assert_eq!(fifteen_digits(2.675).0[..4], [2, 6, 7, 5]);
        // Both are exact, with a 5 and nothing after it in the 16th place: a tie, to even
        // (JavaScript's toExponential(14) rounds the first up: …813).
        assert_eq!(fifteen_digits(123456789.0078125).0[12..], [8, 1, 2]);
        assert_eq!(fifteen_digits(123456789.0234375).0[12..], [4, 3, 8]);
        let mut one_then_zeros = vec![1];
        one_then_zeros.extend([0; 14]);
        assert_eq!(fifteen_digits(-1e-300), (one_then_zeros, -300));
    }
}
