//! The per-process hash key: what makes the positions of `dict` keys (and of
//! `set` elements that are `str`) unpredictable, so that nobody can choose keys
//! that all collide.
//!
//! The key is 128 random bits read from `/dev/urandom` when the process starts,
//! unless `SEAM_HASHSEED` names a seed (an integer in `[0; 4294967295]`, as
//! CPython's `PYTHONHASHSEED`), which fixes it for reproducible runs; `random`
//! (or no variable) asks for a random one. `str` hashes are SipHash-1-3 of the
//! UTF-8 bytes under the key (the value `hash()` of a `str` returns, which
//! CPython randomises per process too). `dict` tables probe by a keyed mix of
//! the key's plain hash (for `int`, the value itself), so the order keys take in
//! the table is unpredictable while the dict keeps iterating in insertion
//! order. Sets of `int`, `bool` and tuples keep CPython's own hashes: their
//! iteration order is CPython's, which is a pure function of those hashes.
//!
//! It knows nothing of the objects whose hashes it computes.

use std::io::Read;
use std::sync::OnceLock;

static KEY: OnceLock<(u64, u64)> = OnceLock::new();

/// What `SEAM_HASHSEED` says: a fixed seed, or a random key.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum SeedSetting {
    Random,
    Fixed(u32),
}

/// Reads a `SEAM_HASHSEED` value as CPython reads `PYTHONHASHSEED`.
pub(crate) fn parse_seed(text: Option<&str>) -> Result<SeedSetting, String> {
    match text {
        None | Some("") | Some("random") => Ok(SeedSetting::Random),
        Some(t) => seed_number(t).map(SeedSetting::Fixed).ok_or_else(|| {
            "SEAM_HASHSEED must be \"random\" or an integer in range [0; 4294967295]".to_string()
        }),
    }
}

/// A seed as C's `strtoul` reads it for CPython: leading white space, a sign,
/// decimal digits and nothing after; `-0` is 0, any other negative number
/// (which `strtoul` wraps past 4294967295) and anything larger is refused.
fn seed_number(text: &str) -> Option<u32> {
    let t = text.trim_start_matches([' ', '\t', '\n', '\x0b', '\x0c', '\r']);
    let (negative, digits) = match t.as_bytes().first() {
        Some(b'+') => (false, &t[1..]),
        Some(b'-') => (true, &t[1..]),
        _ => (false, t),
    };
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let value = digits.parse::<u32>().ok()?;
    (!negative || value == 0).then_some(value)
}

/// Chooses the process's key from `SEAM_HASHSEED`. The C `main` calls it
/// first thing, so a bad value stops the program before it starts; anything
/// that hashes before (the runtime's unit tests) gets the environment's key
/// lazily, a bad value then counting as `random`.
#[cfg_attr(
    test,
    allow(dead_code, reason = "process start-up calls it; unit tests have none")
)]
pub(crate) fn init() -> Result<(), String> {
    let var = std::env::var("SEAM_HASHSEED").ok();
    let setting = parse_seed(var.as_deref())?;
    KEY.get_or_init(|| key_for(setting));
    Ok(())
}

fn key_for(setting: SeedSetting) -> (u64, u64) {
    match setting {
        SeedSetting::Fixed(seed) => {
            // Two splitmix64 outputs of the seed: distinct seeds, unrelated keys.
            let mut state = seed as u64;
            (splitmix64(&mut state), splitmix64(&mut state))
        }
        SeedSetting::Random => random_key(),
    }
}

fn splitmix64(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// 128 bits from the kernel's generator; should `/dev/urandom` be unreadable,
/// a mix of the clock, the process id and an address (weaker, never fixed).
fn random_key() -> (u64, u64) {
    let mut bytes = [0u8; 16];
    let read = std::fs::File::open("/dev/urandom").and_then(|mut f| f.read_exact(&mut bytes));
    if read.is_ok() {
        let (a, b) = bytes.split_at(8);
        let word = |s: &[u8]| u64::from_le_bytes(s.try_into().unwrap_or([0; 8]));
        return (word(a), word(b));
    }
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos() as u64);
    let mut state = nanos ^ (std::process::id() as u64).rotate_left(32) ^ (&KEY as *const _ as u64);
    (splitmix64(&mut state), splitmix64(&mut state))
}

fn key() -> (u64, u64) {
    *KEY.get_or_init(|| {
        let var = std::env::var("SEAM_HASHSEED").ok();
        key_for(parse_seed(var.as_deref()).unwrap_or(SeedSetting::Random))
    })
}

/// The keyed mix of a 64-bit hash or `int` value, as 63 bits (the dict keeps
/// the 64th for its tombstones): a folded 128-bit multiply of the value and
/// the key. Not a cryptographic function, but without the key nobody can
/// predict which values share their low bits.
#[inline]
pub(crate) fn mix(v: u64) -> u64 {
    let (k0, k1) = key();
    let p = ((v ^ k0) as u128).wrapping_mul((k1 | 1) as u128);
    let h = (p as u64) ^ ((p >> 64) as u64);
    // One more round, so that the low bits depend on every bit of `v`.
    let q = ((h ^ k1) as u128).wrapping_mul(0x9e37_79b9_7f4a_7c15_u128);
    ((q as u64) ^ ((q >> 64) as u64)) & (i64::MAX as u64)
}

/// SipHash-1-3 of `bytes` under the process key, as a nonzero 63-bit value
/// (`str` objects cache it, 0 meaning "not computed yet").
pub(crate) fn str_hash(bytes: &[u8]) -> u64 {
    let (k0, k1) = key();
    let h = siphash13(k0, k1, bytes) & (i64::MAX as u64);
    if h == 0 { 1 } else { h }
}

/// SipHash with one compression and three finalisation rounds (the variant
/// CPython and Rust's standard library use for strings).
fn siphash13(k0: u64, k1: u64, bytes: &[u8]) -> u64 {
    let mut v = [
        k0 ^ 0x736f_6d65_7073_6575,
        k1 ^ 0x646f_7261_6e64_6f6d,
        k0 ^ 0x6c79_6765_6e65_7261,
        k1 ^ 0x7465_6462_7974_6573,
    ];
    fn round(v: &mut [u64; 4]) {
        v[0] = v[0].wrapping_add(v[1]);
        v[1] = v[1].rotate_left(13) ^ v[0];
        v[0] = v[0].rotate_left(32);
        v[2] = v[2].wrapping_add(v[3]);
        v[3] = v[3].rotate_left(16) ^ v[2];
        v[0] = v[0].wrapping_add(v[3]);
        v[3] = v[3].rotate_left(21) ^ v[0];
        v[2] = v[2].wrapping_add(v[1]);
        v[1] = v[1].rotate_left(17) ^ v[2];
        v[2] = v[2].rotate_left(32);
    }
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let m = u64::from_le_bytes(c.try_into().unwrap_or([0; 8]));
        v[3] ^= m;
        round(&mut v);
        v[0] ^= m;
    }
    let mut last = (bytes.len() as u64 & 0xff) << 56;
    for (i, &b) in chunks.remainder().iter().enumerate() {
        last |= (b as u64) << (8 * i);
    }
    v[3] ^= last;
    round(&mut v);
    v[0] ^= last;
    v[2] ^= 0xff;
    round(&mut v);
    round(&mut v);
    round(&mut v);
    v[0] ^ v[1] ^ v[2] ^ v[3]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seeds_parse_as_cpython_reads_pythonhashseed() {
        assert_eq!(parse_seed(None), Ok(SeedSetting::Random));
        assert_eq!(parse_seed(Some("random")), Ok(SeedSetting::Random));
        assert_eq!(parse_seed(Some("0")), Ok(SeedSetting::Fixed(0)));
        assert_eq!(
            parse_seed(Some("4294967295")),
            Ok(SeedSetting::Fixed(u32::MAX))
        );
        assert!(parse_seed(Some("4294967296")).is_err());
        assert!(parse_seed(Some("-1")).is_err());
        assert!(parse_seed(Some("x")).is_err());
        // Read as `strtoul` reads it.
        assert_eq!(parse_seed(Some("")), Ok(SeedSetting::Random));
        assert_eq!(parse_seed(Some(" +7")), Ok(SeedSetting::Fixed(7)));
        assert_eq!(parse_seed(Some("\t3")), Ok(SeedSetting::Fixed(3)));
        assert_eq!(parse_seed(Some("-0")), Ok(SeedSetting::Fixed(0)));
        assert_eq!(
            parse_seed(Some("000000000000000000000000000001")),
            Ok(SeedSetting::Fixed(1))
        );
        for bad in [
            "1 ",
            "+",
            "-",
            " ",
            "0x10",
            "1_0",
            "Random",
            "99999999999999999999999",
        ] {
            assert!(parse_seed(Some(bad)).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn fixed_seeds_give_fixed_distinct_keys() {
        assert_eq!(
            key_for(SeedSetting::Fixed(7)),
            key_for(SeedSetting::Fixed(7))
        );
        assert_ne!(
            key_for(SeedSetting::Fixed(7)),
            key_for(SeedSetting::Fixed(8))
        );
    }

    #[test]
    fn values_sharing_low_bits_spread_over_the_table() {
        // What defeated the old fixed hash: keys whose plain values (or old
        // hashes) agree in their low bits. Under the mix they fill a
        // 4096-slot table about as random keys would (4096 keys into 4096
        // slots occupy about 63% of them).
        for shift in [0u32, 12, 24, 32, 48] {
            let mut seen = std::collections::HashSet::new();
            for i in 0..4096u64 {
                seen.insert(mix(i << shift) & 4095);
            }
            assert!(seen.len() > 2400, "shift {shift}: {} slots", seen.len());
        }
    }

    #[test]
    fn siphash13_agrees_with_the_standard_library() {
        // Rust's `DefaultHasher::new()` is SipHash-1-3 under the zero key
        // (`write` feeds the bytes alone, no length prefix).
        use std::hash::Hasher;
        let msg: Vec<u8> = (0..64).collect();
        for n in 0..msg.len() {
            let mut h = std::hash::DefaultHasher::new();
            h.write(&msg[..n]);
            assert_eq!(siphash13(0, 0, &msg[..n]), h.finish(), "length {n}");
        }
    }
}
