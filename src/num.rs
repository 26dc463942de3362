//! Decimal text to and from `f64` without the standard library's general float algorithms.
//!
//! The standard library's float parsing and formatting (Grisu, Dragon4, Eisel-Lemire) are
//! correct for every value, and they weigh about 25 KiB of WebAssembly. The numbers this
//! crate meets are almost all short decimals: weights, levels, scores to two places. For
//! those, exact arithmetic on doubles gives the right answer in a few lines (Clinger's fast
//! path: an integer below 2^53 times or divided by an exact power of ten is rounded once,
//! so the result is the double nearest the decimal). Anything else goes to the [`Platform`]:
//! the standard library natively, the browser's own `Number` in the widget, which is just as
//! correct and already downloaded.
//!
//! ```
//! use swanilai::num;
//! assert_eq!(num::parse("3.475"), Some(3.475));
//! assert_eq!(num::parse("0.30000000000000004"), Some(0.1 + 0.2)); // the platform's path
//! assert_eq!(num::json(2.5e-8), "2.5e-8");
//! assert_eq!(num::json(0.1 + 0.2), "0.30000000000000004");
//! assert_eq!(num::fixed(1250.5, 2), "1250.50");
//! ```

use std::sync::OnceLock;

/// The general algorithms, for the numbers the fast paths do not cover.
#[derive(Clone, Copy, Debug)]
pub struct Platform {
    /// Reads decimal text (`[+-]digits[.digits][e[+-]digits]`) to the nearest double.
    pub parse: fn(&str) -> Option<f64>,
    /// A finite double in exponential notation, `d[.ddd]e[+-]N`: with the fewest digits that
    /// read back to it when `digits` is `None`, else with exactly `digits` digits after the
    /// point, rounded from the double's exact value.
    pub exponential: fn(f64, Option<u8>) -> String,
}

static PLATFORM: OnceLock<Platform> = OnceLock::new();

/// Sets the general algorithms; the first call wins. Natively the standard library's are used
/// without a call; the WebAssembly module installs the browser's at start.
pub fn install(platform: Platform) {
    let _ = PLATFORM.set(platform);
}

fn platform() -> &'static Platform {
    #[cfg(not(target_arch = "wasm32"))]
    {
        PLATFORM.get_or_init(|| Platform {
            parse: |s| s.parse().ok(),
            exponential: |x, digits| match digits {
                None => format!("{x:e}"),
                Some(d) => format!("{:.*e}", usize::from(d), x),
            },
        })
    }
    #[cfg(target_arch = "wasm32")]
    {
        // Referring to the standard library's algorithms here would link them in.
        PLATFORM
            .get()
            .expect("swanilai::num::install was not called before reading numbers")
    }
}

/// `x` limited to 0..=1 (NaN stays NaN). `f64::clamp` would link float formatting for the
/// message of its `min <= max` assertion.
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

/// Exact powers of ten as doubles (10^22 is the largest).
const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// 2^53: every integer below it is a double.
const EXACT: u64 = 1 << 53;

/// Reads decimal text to the nearest double: an optional sign, digits with an optional point
/// (`5.`, `.5`), an optional exponent. `None` for anything else; too large reads as infinity,
/// as in the standard library.
///
/// ```
/// use swanilai::num::parse;
/// assert_eq!(parse("-12.50"), Some(-12.5));
/// assert_eq!(parse("+.5e1"), Some(5.0));
/// assert_eq!(parse("1e999"), Some(f64::INFINITY));
/// assert_eq!(parse("1.2.3"), None);
/// assert_eq!(parse("e5"), None);
/// ```
pub fn parse(s: &str) -> Option<f64> {
    let b = s.as_bytes();
    let mut i = 0;
    let negative = b.first() == Some(&b'-');
    if matches!(b.first(), Some(b'-' | b'+')) {
        i = 1;
    }
    // The significant digits as an integer (while it stays exact), and the power of ten.
    let (mut mantissa, mut exp, mut digits, mut exact) = (0u64, 0i64, 0usize, true);
    let mut seen_point = false;
    while let Some(&c) = b.get(i) {
        match c {
            b'0'..=b'9' => {
                digits += 1;
                match mantissa
                    .checked_mul(10)
                    .and_then(|m| m.checked_add(u64::from(c - b'0')))
                {
                    Some(m) if exact => mantissa = m,
                    _ => {
                        exact = false;
                        // Only the grammar matters now; the platform reads the value.
                    }
                }
                if seen_point && exact {
                    exp -= 1;
                }
            }
            b'.' if !seen_point => seen_point = true,
            _ => break,
        }
        i += 1;
    }
    if digits == 0 {
        return None;
    }
    if let Some(b'e' | b'E') = b.get(i) {
        i += 1;
        let sign = match b.get(i) {
            Some(b'-') => {
                i += 1;
                -1
            }
            Some(b'+') => {
                i += 1;
                1
            }
            _ => 1,
        };
        let start = i;
        let mut e: i64 = 0;
        while let Some(&c) = b.get(i).filter(|c| c.is_ascii_digit()) {
            e = (e * 10 + i64::from(c - b'0')).min(1 << 40);
            i += 1;
        }
        if i == start {
            return None;
        }
        exp += sign * e;
    }
    if i != b.len() {
        return None;
    }
    let value = if mantissa == 0 && exact {
        Some(0.0)
    } else if exact && mantissa < EXACT && exp.unsigned_abs() < POW10.len() as u64 {
        let m = mantissa as f64;
        let p = POW10[exp.unsigned_abs() as usize];
        Some(if exp < 0 { m / p } else { m * p })
    } else {
        return (platform().parse)(s);
    };
    value.map(|v| if negative { -v } else { v })
}

/// A finite double's shortest decimal digits `d` and exponent `e` (value = ±d × 10^e, `d`
/// without trailing zeros): the fewest digits that read back to the same double.
fn shortest(x: f64) -> (String, i32) {
    let a = x.abs();
    if a == 0.0 {
        return ("0".into(), 0);
    }
    let (d, e) = shortest_candidate(a);
    // Two shortest forms can lie exactly as far from the double. The standard library takes
    // the upper one, browsers the even one, our fast path whichever the rounding gave: take
    // the upper one always, so that the text (and an export's SHA-256) is the same everywhere.
    if is_midpoint(a, d, e) {
        let mut up = d + 1;
        let mut e = e;
        while up % 10 == 0 {
            up /= 10;
            e += 1;
        }
        return (up.to_string(), e);
    }
    (d.to_string(), e)
}

/// Shortest round-trip digits as an integer and exponent, from the fast path or the platform.
fn shortest_candidate(a: f64) -> (u64, i32) {
    for (k, p) in POW10.iter().enumerate() {
        let scaled = a * p;
        if scaled >= EXACT as f64 {
            break;
        }
        let d = scaled.round();
        if d != 0.0 && d / p == a {
            let mut d = d as u64;
            let mut e = -(k as i32);
            while d % 10 == 0 {
                d /= 10;
                e += 1;
            }
            return (d, e);
        }
    }
    let (digits, e) = split_exponential(&(platform().exponential)(a, None));
    // At most 17 digits: fits.
    (
        digits
            .bytes()
            .fold(0u64, |n, b| n * 10 + u64::from(b - b'0')),
        e,
    )
}

/// Whether the positive double `a` is exactly halfway between `d × 10^e` and `(d + 1) × 10^e`:
/// `2 × m × 2^q == (2d + 1) × 10^e` with `a = m × 2^q`, in exact integers.
fn is_midpoint(a: f64, d: u64, e: i32) -> bool {
    let (m, q) = decompose(a);
    let mut left = Big::from(m);
    let mut right = Big::from(2 * d + 1);
    let q = q + 1;
    if q >= 0 {
        left.shl(q as u32);
    } else {
        right.shl(q.unsigned_abs());
    }
    if e >= 0 {
        right.mul_pow10(e as u32);
    } else {
        left.mul_pow10(e.unsigned_abs());
    }
    left == right
}

/// `a = m × 2^q` exactly, for a finite non-negative double.
fn decompose(a: f64) -> (u64, i32) {
    let bits = a.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i32;
    let fraction = bits & ((1 << 52) - 1);
    if biased == 0 {
        (fraction, -1074)
    } else {
        (fraction | (1 << 52), biased - 1075)
    }
}

/// A small unsigned big integer (little-endian base-2^32 limbs): enough for exact decimal
/// work on doubles (at most about 2,300 bits), where speed does not matter.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Big(Vec<u32>);

impl From<u64> for Big {
    fn from(n: u64) -> Big {
        let mut b = Big(vec![n as u32, (n >> 32) as u32]);
        b.trim();
        b
    }
}

impl Big {
    fn trim(&mut self) {
        while self.0.last() == Some(&0) {
            self.0.pop();
        }
    }

    fn mul_small(&mut self, k: u32) {
        let mut carry = 0u64;
        for limb in &mut self.0 {
            let v = u64::from(*limb) * u64::from(k) + carry;
            *limb = v as u32;
            carry = v >> 32;
        }
        if carry > 0 {
            self.0.push(carry as u32);
        }
    }

    fn mul_pow10(&mut self, mut k: u32) {
        while k >= 9 {
            self.mul_small(1_000_000_000);
            k -= 9;
        }
        self.mul_small(10u32.pow(k));
    }

    fn shl(&mut self, bits: u32) {
        let (words, bits) = ((bits / 32) as usize, bits % 32);
        if bits > 0 {
            let mut carry = 0u32;
            for limb in &mut self.0 {
                let v = *limb;
                *limb = (v << bits) | carry;
                carry = v >> (32 - bits);
            }
            if carry > 0 {
                self.0.push(carry);
            }
        }
        if !self.0.is_empty() {
            self.0.splice(0..0, std::iter::repeat_n(0, words));
        }
    }

    /// Bit `i` (0 is the lowest).
    fn bit(&self, i: u32) -> bool {
        self.0
            .get((i / 32) as usize)
            .is_some_and(|l| l >> (i % 32) & 1 == 1)
    }

    /// Whether any bit below `i` is set.
    fn any_below(&self, i: u32) -> bool {
        let (w, b) = ((i / 32) as usize, i % 32);
        self.0.iter().take(w).any(|&l| l != 0)
            || (b > 0 && self.0.get(w).is_some_and(|l| l & ((1 << b) - 1) != 0))
    }

    fn shr(&mut self, bits: u32) {
        let words = ((bits / 32) as usize).min(self.0.len());
        self.0.drain(..words);
        let bits = bits % 32;
        if bits > 0 {
            let mut carry = 0u32;
            for limb in self.0.iter_mut().rev() {
                let v = *limb;
                *limb = (v >> bits) | carry;
                carry = v << (32 - bits);
            }
        }
        self.trim();
    }

    fn add_one(&mut self) {
        for limb in &mut self.0 {
            let (v, over) = limb.overflowing_add(1);
            *limb = v;
            if !over {
                return;
            }
        }
        self.0.push(1);
    }

    /// Decimal digits (`"0"` for zero).
    fn to_decimal(&self) -> String {
        let mut n = self.clone();
        let mut chunks = Vec::new();
        while !n.0.is_empty() {
            let mut rem = 0u64;
            for limb in n.0.iter_mut().rev() {
                let v = (rem << 32) | u64::from(*limb);
                *limb = (v / 1_000_000_000) as u32;
                rem = v % 1_000_000_000;
            }
            n.trim();
            chunks.push(rem as u32);
        }
        let mut out = chunks
            .pop()
            .map_or_else(|| "0".to_string(), |c| c.to_string());
        for c in chunks.iter().rev() {
            let s = c.to_string();
            out.extend(std::iter::repeat_n('0', 9 - s.len()));
            out.push_str(&s);
        }
        out
    }
}

/// `"1.25e-7"` (or `"1.25e+7"`, as browsers write it) to `("125", -9)`.
fn split_exponential(s: &str) -> (String, i32) {
    let (m, e) = s.split_once(['e', 'E']).unwrap_or((s, "0"));
    let e: i32 = e.trim_start_matches('+').parse().unwrap_or(0);
    let (int, frac) = m.split_once('.').unwrap_or((m, ""));
    let mut digits = format!("{int}{frac}");
    let mut e = e - frac.len() as i32;
    while digits.len() > 1 && digits.ends_with('0') {
        digits.pop();
        e += 1;
    }
    (digits, e)
}

/// `-` for a negative double (also -0), else nothing: the start of its text.
fn sign(x: f64) -> String {
    if x.is_sign_negative() { "-" } else { "" }.to_string()
}

/// `s` split at byte `at` (digits are ASCII). Not `&s[..at]`: indexing a `str` links the
/// standard library's boundary-error message and its Unicode tables (about 3 KiB of wasm).
fn split(s: &str, at: usize) -> (&str, &str) {
    s.split_at_checked(at).unwrap_or((s, ""))
}

/// Lays out `digits × 10^exp` as plain decimal text (no exponent).
fn plain(digits: &str, exp: i32, out: &mut String) {
    if exp >= 0 {
        out.push_str(digits);
        out.extend(std::iter::repeat_n('0', exp as usize));
    } else {
        let point = digits.len() as i32 + exp;
        if point > 0 {
            let (int, frac) = split(digits, point as usize);
            out.push_str(int);
            out.push('.');
            out.push_str(frac);
        } else {
            out.push_str("0.");
            out.extend(std::iter::repeat_n('0', (-point) as usize));
            out.push_str(digits);
        }
    }
}

/// A double as JSON text: integers below 10^21 exactly and without a fraction; others with
/// the fewest digits that read back to the same value, plain from 10^-7 up to 10^21 and in
/// exponential form outside; non-finite numbers (which JSON cannot hold) as `null`.
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
    let a = x.abs();
    if a.fract() == 0.0 && a < 1e21 {
        return fixed(x, 0); // an integer: exact, without a fraction
    }
    let (digits, exp) = shortest(a);
    let sci = exp + digits.len() as i32 - 1;
    if (-7..21).contains(&sci) {
        let mut out = sign(x);
        plain(&digits, exp, &mut out);
        out
    } else {
        exponent(x)
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
    if !x.is_finite() {
        return if x.is_nan() {
            "NaN"
        } else if x > 0.0 {
            "inf"
        } else {
            "-inf"
        }
        .into();
    }
    let mut out = sign(x);
    let (digits, exp) = shortest(x.abs());
    plain(&digits, exp, &mut out);
    out
}

/// A double as Rust's `{:e}` writes it: `1.5e-7`, `1e21`, `0e0`.
///
/// ```
/// use swanilai::num::exponent;
/// assert_eq!(exponent(-1234.5), "-1.2345e3");
/// assert_eq!(exponent(1e21), "1e21");
/// ```
pub fn exponent(x: f64) -> String {
    if !x.is_finite() {
        return display(x);
    }
    let mut out = sign(x);
    let (digits, exp) = shortest(x.abs());
    let (first, rest) = split(&digits, 1);
    out.push_str(first);
    if !rest.is_empty() {
        out.push('.');
        out.push_str(rest);
    }
    out.push('e');
    out.push_str(&(exp + digits.len() as i32 - 1).to_string());
    out
}

/// Displays a double as [`display`] does, inside `format!`.
#[derive(Clone, Copy, Debug)]
pub struct Show(pub f64);

impl std::fmt::Display for Show {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&display(self.0))
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
    if !x.is_finite() {
        return display(x);
    }
    let mut out = sign(x);
    let d = usize::from(decimals);
    // a × 10^d = m × 10^d × 2^q, rounded half to even, in exact integers.
    let (m, q) = decompose(x.abs());
    let mut n = Big::from(m);
    n.mul_pow10(u32::from(decimals));
    if q >= 0 {
        n.shl(q as u32);
    } else {
        let s = q.unsigned_abs();
        let (half, below) = (n.bit(s - 1), n.any_below(s - 1));
        n.shr(s);
        if half && (below || n.bit(0)) {
            n.add_one();
        }
    }
    let digits = n.to_decimal();
    // `digits` is the value in units of 10^-d: put the point d places from the right.
    if digits.len() <= d {
        // Below 1 (so d > 0): leading zeros after the point.
        out.push_str("0.");
        out.extend(std::iter::repeat_n('0', d - digits.len()));
        out.push_str(&digits);
    } else {
        let (int, frac) = split(&digits, digits.len() - d);
        out.push_str(int);
        if d > 0 {
            out.push('.');
            out.push_str(frac);
        }
    }
    out
}

/// A double's first 15 significant digits, rounded from its exact value, and the exponent of
/// the first: `2.675` gives `([2,6,7,5,0,...], 0)`. Used by the spreadsheet rounding.
pub(crate) fn fifteen_digits(x: f64) -> (Vec<u8>, i32) {
    let s = (platform().exponential)(x.abs(), Some(14));
    let (m, e) = s.split_once(['e', 'E']).unwrap_or((&s, "0"));
    let e: i32 = e.trim_start_matches('+').parse().unwrap_or(0);
    (
        m.bytes()
            .filter(u8::is_ascii_digit)
            .map(|b| b - b'0')
            .collect(),
        e,
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
    fn parse_agrees_with_the_standard_library() {
        for x in values().take(100_000) {
            for s in [
                format!("{x}"),
                format!("{x:e}"),
                format!("{x:.3}"),
                format!("{x:.17e}"),
            ] {
                assert_eq!(
                    parse(&s).map(f64::to_bits),
                    s.parse::<f64>().ok().map(f64::to_bits),
                    "{s}"
                );
            }
        }
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
        ] {
            assert_eq!(
                parse(s).map(f64::to_bits),
                s.parse::<f64>().ok().map(f64::to_bits),
                "{s}"
            );
        }
        for s in [
            "", "-", ".", "e1", "1e", "1e+", "1..2", "1.2.3", "0x10", " 1", "1 ", "inf", "NaN",
        ] {
            assert_eq!(parse(s), None, "{s:?}");
        }
    }

    #[test]
    fn json_agrees_with_the_standard_library() {
        for x in values().take(100_000) {
            let want = if x == 0.0 {
                "0".to_string()
            } else if x.fract() == 0.0 && x.abs() < 1e21 {
                format!("{x:.0}")
            } else {
                let e = format!("{x:e}");
                let exp: i32 = e.split_once('e').unwrap().1.parse().unwrap();
                if (-7..21).contains(&exp) {
                    format!("{x}")
                } else {
                    e
                }
            };
            assert_eq!(json(x), want);
            assert_eq!(parse(&json(x)), Some(x));
        }
        assert_eq!(json(-0.0), "0");
    }

    /// Doubles with two equally near shortest forms, e.g. 64 + 2^-15 = 64.000030517578125:
    /// 64.00003051757812 and …813 both read back to it.
    fn ties() -> impl Iterator<Item = f64> {
        let mut state = 0x9E37_79B9_7F4A_7C15_u64;
        std::iter::from_fn(move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let big = 2f64.powi((state % 60) as i32 - 10);
            let small = 2f64.powi(-(((state >> 8) % 30) as i32) - 1);
            let x = (big + small) * if state & 1 == 0 { 1.0 } else { -1.0 };
            Some(x)
        })
    }

    #[test]
    fn ties_take_the_upper_form_as_the_standard_library_does() {
        assert_eq!(display(64.0 + 2f64.powi(-15)), "64.00003051757813");
        assert_eq!(display(1.0 + 2f64.powi(-17)), "1.0000076293945313");
        assert_eq!(json(8_956_241_015_792.0 + 0.5625), "8956241015792.563");
        let mut n = 0;
        for x in ties().take(200_000) {
            assert_eq!(display(x), format!("{x}"));
            assert_eq!(exponent(x), format!("{x:e}"));
            let (d, e) = shortest_candidate(x.abs());
            n += usize::from(is_midpoint(x.abs(), d, e));
        }
        assert!(n > 100, "only {n} ties among the test values");
    }

    #[test]
    fn display_and_exponent_agree_with_the_standard_library() {
        for x in values().take(100_000).chain([
            0.0,
            -0.0,
            f64::INFINITY,
            f64::NAN,
            1e21,
            1152921504606846976.0,
        ]) {
            assert_eq!(display(x), format!("{x}"));
            assert_eq!(Show(x).to_string(), format!("{x}"));
            if x.is_finite() {
                assert_eq!(exponent(x), format!("{x:e}"));
            }
        }
    }

    #[test]
    fn fixed_agrees_with_the_standard_library() {
        for x in values().take(100_000).chain(ties().take(20_000)) {
            for d in [0u8, 1, 2, 3, 6] {
                assert_eq!(
                    fixed(x, d),
                    format!("{:.*}", usize::from(d), x),
                    "{x} at {d}"
                );
            }
        }
        // Many decimals, and the smallest values (the exact path beyond u128).
        for x in values()
            .take(5_000)
            .chain([6e-26, 5e-324, 1e-300, f64::MAX, 1e23])
        {
            for d in [22u8, 23, 25, 40] {
                assert_eq!(
                    fixed(x, d),
                    format!("{:.*}", usize::from(d), x),
                    "{x} at {d}"
                );
            }
        }
        for (x, d) in [
            (0.5, 0),
            (1.5, 0),
            (2.5, 0),
            (0.125, 2),
            (0.375, 2),
            (1e20 + 0.5, 1),
            (9.999, 2),
            (0.995, 2),
        ] {
            assert_eq!(
                fixed(x, d),
                format!("{:.*}", usize::from(d), x),
                "{x} at {d}"
            );
        }
    }

    #[test]
    fn platform_paths_match_a_browser_style_platform() {
        // Browsers write `1.5e+21`; the layout must not depend on that.
        assert_eq!(split_exponential("1.5e+21"), ("15".into(), 20));
        assert_eq!(split_exponential("1.5e21"), ("15".into(), 20));
        assert_eq!(split_exponential("3.00000000000000e-1"), ("3".into(), -1));
        assert_eq!(split_exponential("0e0"), ("0".into(), 0));
    }
}
