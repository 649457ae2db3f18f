//! Dunder methods: `str`, `repr`, `==`, `!=`, ordering, `hash`, `len` and the
//! truth of instances, dispatched through the dunder table of the class
//! descriptor (see [`crate::layout::CLASS_DUNDERS`]) by CPython's rules,
//! and `hash` of the builtin types with CPython's algorithms.
//!
//! A dunder method is generated code: calling it may collect and may raise.
//! Callers root what they hold across a call, and test [`pending`] after
//! it: once an exception is pending, the walks here stop calling methods
//! and return dummy results, and the ABI function that started the walk
//! returns with the exception state set (every such function is marked
//! `raises` in the ABI table).
//!
//! Seam's dunder methods return `bool` (never `NotImplemented`), so a
//! method that exists decides the comparison. An ordering method whose
//! `other` parameter is declared as a class is skipped (as if it returned
//! `NotImplemented`) for an argument that is not an instance of that class.

use crate::class::{class_of, is_subclass};
use crate::error::{ExcKind, current, raise};
use crate::gcglue::{Roots, ptr, word};
use crate::layout::{
    CLASS_DUNDERS, DUNDER_EQ, DUNDER_HASH, DUNDER_LEN, DUNDER_LT, DUNDER_NE, DUNDER_PARAMS,
    DUNDER_REPR, DUNDER_STR, TUPLE_ITEMS, TUPLE_LEN,
};
use crate::strobj::str_hash;
use crate::typecode::{tc_slice, tuple_codes};
use std::borrow::Cow;

type UnaryFn = unsafe extern "C" fn(*mut u8) -> *mut u8;
type IntFn = unsafe extern "C" fn(*mut u8) -> i64;
type BinaryFn = unsafe extern "C" fn(*mut u8, *mut u8) -> u8;

/// `==` is 0, `!=` 1, `<` 2, `<=` 3, `>` 4, `>=` 5: the `op` argument of the ABI functions.
const OP_NE: i64 = 1;
const OP_LT: i64 = 2;

/// The modulus of CPython's numeric hashes, 2**61 - 1.
const HASH_MODULUS: u64 = (1 << 61) - 1;

/// Whether an exception is being propagated.
pub(crate) fn pending() -> bool {
    !current().is_null()
}

/// Word `i` of the dunder table of a class descriptor.
///
/// # Safety
/// `desc` must be a class descriptor.
unsafe fn table(desc: *const u8, i: usize) -> *mut u8 {
    // SAFETY: every class descriptor holds the table at CLASS_DUNDERS.
    unsafe { ptr(desc.cast_mut(), CLASS_DUNDERS + 8 * i) }
}

/// The dunder method in slot `i` of the class of `obj` (null or an instance), or null.
///
/// # Safety
/// `obj` must be null or a live instance.
unsafe fn method(obj: *mut u8, i: usize) -> *mut u8 {
    if obj.is_null() {
        return std::ptr::null_mut();
    }
    // SAFETY: forwarded from the caller.
    unsafe { table(class_of(obj), i) }
}

/// Calls a `(self) -> str` method with `obj` rooted; null when it raised.
///
/// # Safety
/// `f` must be a dunder method of the class of `obj`, a live instance.
unsafe fn call_unary(f: *mut u8, obj: *mut u8) -> *mut u8 {
    let roots = Roots::new();
    roots.push(obj);
    // SAFETY: the table holds generated functions of this signature.
    let r = unsafe { std::mem::transmute::<*mut u8, UnaryFn>(f)(obj) };
    if pending() { std::ptr::null_mut() } else { r }
}

/// Calls a `(self) -> int` method; 0 when it raised.
///
/// # Safety
/// As for [`call_unary`].
unsafe fn call_int(f: *mut u8, obj: *mut u8) -> i64 {
    let roots = Roots::new();
    roots.push(obj);
    // SAFETY: the table holds generated functions of this signature.
    let r = unsafe { std::mem::transmute::<*mut u8, IntFn>(f)(obj) };
    if pending() { 0 } else { r }
}

/// Calls a `(self, other) -> bool` method; false when it raised.
///
/// # Safety
/// `f` must be a dunder method of the class of `a`; `b` null or a live instance it accepts.
unsafe fn call_binary(f: *mut u8, a: *mut u8, b: *mut u8) -> bool {
    let roots = Roots::new();
    roots.push(a);
    roots.push(b);
    // SAFETY: the table holds generated functions of this signature.
    let r = unsafe { std::mem::transmute::<*mut u8, BinaryFn>(f)(a, b) };
    !pending() && r & 1 != 0
}

/// `str(obj)` by the class's `__str__`, else its `__repr__` (exceptions: only
/// `__str__`, since `BaseException.__str__` shows the arguments); `None` when
/// the class has neither, and `Some(null)` when the method raised.
///
/// # Safety
/// `obj` must be a live instance.
pub(crate) unsafe fn user_str(obj: *mut u8) -> Option<*mut u8> {
    // SAFETY: forwarded from the caller.
    unsafe {
        let mut f = method(obj, DUNDER_STR);
        if f.is_null() && !crate::class::class_is_exception(class_of(obj)) {
            f = method(obj, DUNDER_REPR);
        }
        if f.is_null() {
            return None;
        }
        Some(call_unary(f, obj))
    }
}

/// `repr(obj)` by the class's `__repr__`, as [`user_str`].
///
/// # Safety
/// `obj` must be a live instance.
pub(crate) unsafe fn user_repr(obj: *mut u8) -> Option<*mut u8> {
    // SAFETY: forwarded from the caller.
    unsafe {
        let f = method(obj, DUNDER_REPR);
        (!f.is_null()).then(|| call_unary(f, obj))
    }
}

/// The class of `obj`, or null for `None`.
///
/// # Safety
/// `obj` must be null or a live instance.
unsafe fn class_or_null(obj: *mut u8) -> *const u8 {
    if obj.is_null() {
        std::ptr::null()
    } else {
        // SAFETY: forwarded from the caller.
        unsafe { class_of(obj) }
    }
}

/// Whether CPython tries the right operand's reflected method first: its class
/// is a proper subclass of the left operand's.
///
/// # Safety
/// Both must be null or live instances.
unsafe fn right_first(a: *mut u8, b: *mut u8) -> bool {
    // SAFETY: forwarded from the caller.
    unsafe {
        let (da, db) = (class_or_null(a), class_or_null(b));
        !da.is_null() && !db.is_null() && da != db && is_subclass(db, da)
    }
}

/// `x.__eq__(other)` (`ne`: `x.__ne__(other)`): `None` for `NotImplemented`.
/// The default `__eq__` is identity; the default `__ne__` negates `__eq__`.
///
/// # Safety
/// Both must be null or live instances.
unsafe fn eq_method(x: *mut u8, other: *mut u8, ne: bool) -> Option<bool> {
    // SAFETY: forwarded from the caller.
    unsafe {
        if ne {
            let f = method(x, DUNDER_NE);
            if !f.is_null() {
                return Some(call_binary(f, x, other));
            }
        }
        let f = method(x, DUNDER_EQ);
        let eq = if !f.is_null() {
            Some(call_binary(f, x, other))
        } else {
            (x == other).then_some(true)
        };
        if ne { eq.map(|e| !e && !pending()) } else { eq }
    }
}

/// `a == b` or `a != b` of two instances or `None`s, by CPython's `do_richcompare`.
///
/// # Safety
/// Both must be null or live instances.
pub(crate) unsafe fn rich_eq(a: *mut u8, b: *mut u8, ne: bool) -> bool {
    // SAFETY: forwarded from the caller.
    unsafe {
        let reflected_first = right_first(a, b);
        if reflected_first && let Some(r) = eq_method(b, a, ne) {
            return r;
        }
        if let Some(r) = eq_method(a, b, ne) {
            return r;
        }
        if !reflected_first && let Some(r) = eq_method(b, a, ne) {
            return r;
        }
        (a == b) != ne
    }
}

/// The ordering method of `x` for `op` (0 `<`, 1 `<=`, 2 `>`, 3 `>=`) applied to
/// `other`: `None` when the class has none, or declares `other` as a class
/// `other` is not an instance of.
///
/// # Safety
/// Both must be live instances.
unsafe fn ordering_method(x: *mut u8, op: usize, other: *mut u8) -> Option<bool> {
    // SAFETY: forwarded from the caller.
    unsafe {
        let f = method(x, DUNDER_LT + op);
        if f.is_null() {
            return None;
        }
        let param = table(class_of(x), DUNDER_PARAMS + op);
        if !param.is_null() && (other.is_null() || !is_subclass(class_of(other), param)) {
            return None;
        }
        Some(call_binary(f, x, other))
    }
}

/// The unqualified class name CPython's messages use.
///
/// # Safety
/// `obj` must be a live instance.
unsafe fn short_name<'a>(obj: *mut u8) -> Cow<'a, str> {
    // SAFETY: forwarded from the caller.
    let name = unsafe { crate::class::class_name(class_of(obj)) };
    match name.rsplit_once('.') {
        Some((_, short)) => Cow::Owned(short.to_string()),
        None => name,
    }
}

/// `a < b` (`op` 0), `<=` (1), `>` (2), `>=` (3) of two instances; raises
/// TypeError when no method applies.
///
/// # Safety
/// Both must be live instances.
pub(crate) unsafe fn rich_order(a: *mut u8, b: *mut u8, op: usize) -> bool {
    // `<` reflects to `>`, `<=` to `>=`.
    let reflected = op ^ 2;
    // SAFETY: forwarded from the caller.
    unsafe {
        let reflected_first = right_first(a, b);
        if reflected_first && let Some(r) = ordering_method(b, reflected, a) {
            return r;
        }
        if let Some(r) = ordering_method(a, op, b) {
            return r;
        }
        if !reflected_first && let Some(r) = ordering_method(b, reflected, a) {
            return r;
        }
        let sym = ["<", "<=", ">", ">="][op];
        let msg = format!(
            "'{sym}' not supported between instances of '{}' and '{}'",
            short_name(a),
            short_name(b)
        );
        raise(ExcKind::TypeError, &msg);
        false
    }
}

/// CPython's hash of an `int`: the value modulo 2**61 - 1, keeping the sign, -1 as -2.
pub(crate) fn hash_int(v: i64) -> i64 {
    let m = (v.unsigned_abs() % HASH_MODULUS) as i64;
    let h = if v < 0 { -m } else { m };
    if h == -1 { -2 } else { h }
}

/// CPython's hash of a `float` (`_Py_HashDouble`); NaN hashes like an object in
/// CPython (by address), here as 0.
pub(crate) fn hash_float(v: f64) -> i64 {
    if v.is_nan() {
        return 0;
    }
    if v.is_infinite() {
        return if v > 0.0 { 314_159 } else { -314_159 };
    }
    let (mut m, mut e) = frexp(v.abs());
    let mut x: u64 = 0;
    while m != 0.0 {
        x = ((x << 28) & HASH_MODULUS) | (x >> (61 - 28));
        m *= 268_435_456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        x += y;
        if x >= HASH_MODULUS {
            x -= HASH_MODULUS;
        }
    }
    let e = if e >= 0 {
        e % 61
    } else {
        61 - 1 - ((-1 - e) % 61)
    } as u32;
    x = ((x << e) & HASH_MODULUS) | (x >> (61 - e));
    let h = if v < 0.0 { -(x as i64) } else { x as i64 };
    if h == -1 { -2 } else { h }
}

/// `(m, e)` with `v == m * 2**e` and `0.5 <= m < 1` (for `v > 0`), as C's `frexp`.
fn frexp(v: f64) -> (f64, i32) {
    if v == 0.0 {
        return (0.0, 0);
    }
    let bits = v.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        // Subnormal: scale into the normal range first.
        let (m, e) = frexp(v * 2f64.powi(64));
        return (m, e - 64);
    }
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (m, exp - 1022)
}

/// CPython's hash of an instance: its `__hash__()` (-1 becomes -2), else one
/// derived from its address as CPython's default is.
///
/// # Safety
/// `obj` must be a live instance.
unsafe fn hash_instance(obj: *mut u8) -> i64 {
    // SAFETY: forwarded from the caller.
    unsafe {
        let f = method(obj, DUNDER_HASH);
        let h = if f.is_null() {
            (obj as u64).rotate_right(4) as i64
        } else {
            call_int(f, obj)
        };
        if h == -1 { -2 } else { h }
    }
}

/// `hash(v)` of a value of type code `tc`; raises TypeError for unhashable types.
///
/// # Safety
/// `v` must be a live value of type `tc`.
pub(crate) unsafe fn hash_value(v: u64, tc: &[u8]) -> i64 {
    let p = v as *mut u8;
    let first = tc.first().copied().unwrap_or(b'?');
    // SAFETY: forwarded from the caller; sub-values inherit liveness.
    unsafe {
        match first {
            b'i' => hash_int(v as i64),
            b'b' => (v & 1) as i64,
            b'f' => hash_float(f64::from_bits(v)),
            // CPython 3.11 hashes None by address; any constant is as faithful.
            b'n' => 0x5eed_0000,
            b'o' if p.is_null() => 0x5eed_0000,
            b'o' => hash_value(v, &tc[1..]),
            b's' => {
                let h = str_hash(p) as i64;
                if h == -1 { -2 } else { h }
            }
            b'c' => hash_instance(p),
            b't' | b'u' => {
                // CPython 3.11's tuple hash (xxHash's round and constants).
                const PRIME_1: u64 = 11_400_714_785_074_694_791;
                const PRIME_2: u64 = 14_029_467_366_897_019_727;
                const PRIME_5: u64 = 2_870_177_450_012_600_261;
                let tcs = tuple_codes(tc, word(p, TUPLE_LEN) as usize);
                let n = (word(p, TUPLE_LEN) as usize).min(tcs.len());
                let mut acc = PRIME_5;
                for (i, etc) in tcs.iter().enumerate().take(n) {
                    let w = word(p, TUPLE_ITEMS + 8 * i);
                    let lane = hash_value(w, etc) as u64;
                    if pending() {
                        return 0;
                    }
                    acc = acc.wrapping_add(lane.wrapping_mul(PRIME_2));
                    acc = acc.rotate_left(31);
                    acc = acc.wrapping_mul(PRIME_1);
                }
                acc = acc.wrapping_add((n as u64) ^ (PRIME_5 ^ 3_527_539));
                if acc == u64::MAX {
                    1_546_275_796
                } else {
                    acc as i64
                }
            }
            _ => {
                let name = match first {
                    b'l' => "list",
                    b'd' => "dict",
                    b'S' => "set",
                    _ => "object",
                };
                raise(ExcKind::TypeError, &format!("unhashable type: '{name}'"));
                0
            }
        }
    }
}

// ---- the ABI ----

/// `a == b` (`op` 0) or `a != b` (`op` 1) of instances or `None`s.
///
/// # Safety
/// Both must be null or live instances.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_instance_eq(a: *mut u8, b: *mut u8, op: i64) -> u8 {
    // SAFETY: forwarded from the caller.
    unsafe { rich_eq(a, b, op == OP_NE) as u8 }
}

/// `a < b` (`op` 2), `<=` (3), `>` (4), `>=` (5) of two instances.
///
/// # Safety
/// Both must be live instances.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_instance_cmp(a: *mut u8, b: *mut u8, op: i64) -> u8 {
    let op = (op - OP_LT).clamp(0, 3) as usize;
    // SAFETY: forwarded from the caller.
    unsafe { rich_order(a, b, op) as u8 }
}

/// The truth of an instance: false when its `__len__()` is 0.
///
/// # Safety
/// `obj` must be a live instance.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_instance_bool(obj: *mut u8) -> u8 {
    // SAFETY: forwarded from the caller.
    unsafe {
        if method(obj, DUNDER_LEN).is_null() {
            return 1;
        }
        (seam_instance_len(obj) != 0) as u8
    }
}

/// `len(obj)` by its class's `__len__`.
///
/// # Safety
/// `obj` must be a live instance.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_instance_len(obj: *mut u8) -> i64 {
    // SAFETY: forwarded from the caller.
    unsafe {
        let f = method(obj, DUNDER_LEN);
        if f.is_null() {
            let msg = format!("object of type '{}' has no len()", short_name(obj));
            raise(ExcKind::TypeError, &msg);
            return 0;
        }
        let n = call_int(f, obj);
        if n < 0 && !pending() {
            raise(ExcKind::ValueError, "__len__() should return >= 0");
        }
        n
    }
}

/// `hash(v)` of a value of type code `tc`.
///
/// # Safety
/// `v` must be a live value of type `tc`, `tc` a NUL-terminated type code.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_hash(v: u64, tc: *const u8) -> i64 {
    // SAFETY: forwarded from the caller.
    unsafe {
        let tc = tc_slice(tc);
        let roots = Roots::new();
        roots.push_word(v, !matches!(tc.first(), Some(b'i' | b'f' | b'b' | b'n')));
        hash_value(v, tc)
    }
}

#[cfg(test)]
mod tests {
    use super::{hash_float, hash_int};

    #[test]
    fn numeric_hashes_match_cpython() {
        assert_eq!(hash_int(-1), -2);
        assert_eq!(hash_int(1 << 61), 1);
        assert_eq!(hash_int(-(1 << 61)), -1 - 1);
        assert_eq!(hash_int(i64::MIN), -4);
        assert_eq!(hash_float(1.5), 1_152_921_504_606_846_977);
        assert_eq!(hash_float(-1.0), -2);
        assert_eq!(hash_float(0.1), 230_584_300_921_369_408);
        assert_eq!(hash_float(f64::INFINITY), 314_159);
    }
}
