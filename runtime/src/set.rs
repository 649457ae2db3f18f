//! The `set` object and its ABI functions.
//!
//! The table follows CPython 3.11's `setobject.c` step by step, so that a set
//! of ints, bools or tuples of them iterates, prints and pops in exactly the
//! order CPython's does: the same hash functions (`int` modulo 2**61 - 1,
//! the xxHash-based tuple hash), the same probe sequence (runs of
//! [`LINEAR_PROBES`] linear probes, then perturbation), the same dummies on
//! removal, the same growth policy and the same bulk paths for `copy`,
//! `update` and the binary operations. `str` hashes are the runtime's own:
//! CPython's are randomised per process, so no order of a set of `str` is
//! more faithful than another.
//!
//! Storage is two GC arrays reachable from the set object: `slots` holds two
//! words an entry (state: 0 empty, 1 active, 2 dummy; then the hash), `keys`
//! the elements (a reference array when they are references). The element
//! type code is a static string generated code passes to [`seam_set_new`].

use crate::error::{Arg, ExcKind, raise, raise_with_args};

use crate::gcglue::{
    Roots, barrier, nonnull_or_out_of_memory, ptr, set_ref, set_word, try_alloc_array,
    try_alloc_set, word,
};
use crate::generic::equal;
use crate::layout::*;
use crate::list::{seam_list_append, try_new_list};
use crate::memory::{or_raise, out_of_memory, raise_memory_error, try_reserve};
use crate::strobj::str_hash;
use crate::typecode::{tc_slice, tuple_codes};
use std::ptr::null_mut;

const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;
const MIN_SIZE: usize = 8;
const EMPTY: u64 = 0;
const ACTIVE: u64 = 1;
const DUMMY: u64 = 2;

/// CPython's hash of a value of element type code `tc`.
///
/// # Safety
/// `v` must be a live value of type `tc`.
pub(crate) unsafe fn hash_of(v: u64, tc: &[u8]) -> i64 {
    match tc.first() {
        Some(b'i') => int_hash(v as i64),
        Some(b'b') => (v != 0) as i64,
        // SAFETY: forwarded from the caller.
        Some(b's') => unsafe { str_hash(v as *mut u8) as i64 },
        Some(b't' | b'u') => {
            let p = v as *mut u8;
            // SAFETY: a live tuple's length word.
            let codes = tuple_codes(tc, unsafe { word(p, TUPLE_LEN) } as usize);
            let mut acc: u64 = XXPRIME_5;
            for (i, code) in codes.iter().enumerate() {
                // SAFETY: a live tuple has an element word per code.
                let lane = unsafe { hash_of(word(p, TUPLE_ITEMS + 8 * i), code) } as u64;
                acc = acc.wrapping_add(lane.wrapping_mul(XXPRIME_2));
                acc = acc.rotate_left(31);
                acc = acc.wrapping_mul(XXPRIME_1);
            }
            acc = acc.wrapping_add(codes.len() as u64 ^ (XXPRIME_5 ^ 3_527_539));
            if acc == u64::MAX {
                1_546_275_796
            } else {
                acc as i64
            }
        }
        // The checker admits no other element type; identity is a safe fallback.
        _ => v as i64,
    }
}

const XXPRIME_1: u64 = 11_400_714_785_074_694_791;
const XXPRIME_2: u64 = 14_029_467_366_897_019_727;
const XXPRIME_5: u64 = 2_870_177_450_012_600_261;

/// CPython's `hash(int)`: the value modulo 2**61 - 1 with its sign, -1 becoming -2.
fn int_hash(v: i64) -> i64 {
    const MODULUS: u64 = (1 << 61) - 1;
    let m = (v.unsigned_abs() % MODULUS) as i64;
    let h = if v < 0 { -m } else { m };
    if h == -1 { -2 } else { h }
}

/// A set seen through its private fields.
#[derive(Clone, Copy)]
struct Set(*mut u8);

impl Set {
    /// # Safety
    /// All accessors require the set to be live.
    unsafe fn tc<'a>(self) -> &'a [u8] {
        // SAFETY: the element code is a static NUL-terminated string.
        unsafe { tc_slice(ptr(self.0, SET_ELEM_CODE)) }
    }
    unsafe fn used(self) -> usize {
        // SAFETY: see the type's contract.
        unsafe { word(self.0, SET_LEN) as usize }
    }
    unsafe fn set_used(self, n: usize) {
        // SAFETY: see the type's contract.
        unsafe { set_word(self.0, SET_LEN, n as u64) }
    }
    unsafe fn fill(self) -> usize {
        // SAFETY: see the type's contract.
        unsafe { word(self.0, SET_FILL) as usize }
    }
    unsafe fn set_fill(self, n: usize) {
        // SAFETY: see the type's contract.
        unsafe { set_word(self.0, SET_FILL, n as u64) }
    }
    unsafe fn mask(self) -> usize {
        // SAFETY: see the type's contract.
        unsafe { word(self.0, SET_MASK) as usize }
    }
    unsafe fn is_ref(self) -> bool {
        // SAFETY: see the type's contract.
        unsafe { !matches!(self.tc().first(), Some(b'i' | b'b' | b'f' | b'n')) }
    }
    /// The state/hash pairs and the keys of the table, for reading. Valid
    /// while nothing changes the set: no write (from [`Set::table_mut`] or
    /// generated code) and no allocation (which may replace the table). No
    /// comparison of elements runs a method: the checker admits `int`,
    /// `bool`, `str` and tuples of them only.
    unsafe fn table<'a>(self) -> (&'a [u64], &'a [u64]) {
        // SAFETY: see the type's contract; both arrays hold `mask + 1` entries.
        unsafe {
            let n = self.mask() + 1;
            let slots = ptr(self.0, SET_SLOTS).add(ARRAY_ITEMS) as *const u64;
            let keys = ptr(self.0, SET_KEYS).add(ARRAY_ITEMS) as *const u64;
            (
                std::slice::from_raw_parts(slots, 2 * n),
                std::slice::from_raw_parts(keys, n),
            )
        }
    }

    /// The state/hash pairs and the keys of the table, for writing: as
    /// [`Set::table`], and no other slice of this set's table may be used
    /// while these live. Only this type's own updates call it.
    unsafe fn table_mut<'a>(self) -> (&'a mut [u64], &'a mut [u64]) {
        // SAFETY: see the type's contract.
        unsafe {
            barrier(ptr(self.0, SET_SLOTS));
            barrier(ptr(self.0, SET_KEYS));
            self.table_mut_unbarriered()
        }
    }

    /// The write barrier of a store into the key of entry `j`.
    unsafe fn key_barrier(self, j: usize) {
        // SAFETY: see the type's contract; the keys array holds `mask + 1` words.
        unsafe { seam_gc::remember_slot(ptr(self.0, SET_KEYS), ARRAY_ITEMS + 8 * j) }
    }

    /// As [`Set::table_mut`], without the write barrier: the caller applies
    /// it to each store of a reference ([`Set::key_barrier`]).
    unsafe fn table_mut_unbarriered<'a>(self) -> (&'a mut [u64], &'a mut [u64]) {
        // SAFETY: see the type's contract; both arrays hold `mask + 1` entries.
        unsafe {
            let n = self.mask() + 1;
            let slots = ptr(self.0, SET_SLOTS).add(ARRAY_ITEMS) as *mut u64;
            let keys = ptr(self.0, SET_KEYS).add(ARRAY_ITEMS) as *mut u64;
            (
                std::slice::from_raw_parts_mut(slots, 2 * n),
                std::slice::from_raw_parts_mut(keys, n),
            )
        }
    }

    /// Gives the set a fresh empty table of `size` entries; false, the set
    /// unchanged, when the memory cannot be had. The set must be rooted.
    #[must_use]
    unsafe fn new_table(self, size: usize) -> bool {
        // SAFETY: see the type's contract; the set is rooted, and the first
        // array is rooted before the second is allocated.
        unsafe {
            let roots = Roots::new();
            let Some(slots) = size.checked_mul(2).and_then(|n| try_alloc_array(false, n)) else {
                return false;
            };
            roots.push(slots);
            let Some(keys) = try_alloc_array(self.is_ref(), size) else {
                return false;
            };
            set_ref(self.0, SET_SLOTS, slots as u64);
            set_ref(self.0, SET_KEYS, keys as u64);
            set_word(self.0, SET_MASK, (size - 1) as u64);
            true
        }
    }

    /// Whether the table is past its load limit (only after a failed resize).
    unsafe fn overfull(self) -> bool {
        // SAFETY: see the type's contract.
        unsafe { self.fill() * 5 >= self.mask() * 3 }
    }

    /// The entry holding `key`, if any (`set_lookkey`).
    unsafe fn lookup(self, key: u64, hash: i64) -> Option<usize> {
        // SAFETY: see the type's contract.
        unsafe {
            let tc = self.tc();
            let mask = self.mask();
            let (slots, keys) = self.table();
            let mut perturb = hash as u64;
            let mut i = hash as u64 as usize & mask;
            loop {
                let mut probes = if i + LINEAR_PROBES <= mask {
                    LINEAR_PROBES
                } else {
                    0
                };
                let mut j = i;
                loop {
                    match slots[2 * j] {
                        EMPTY => return None,
                        ACTIVE if slots[2 * j + 1] as i64 == hash && equal(keys[j], key, tc) => {
                            return Some(j);
                        }
                        _ => {}
                    }
                    if probes == 0 {
                        break;
                    }
                    probes -= 1;
                    j += 1;
                }
                perturb >>= PERTURB_SHIFT;
                i = (i
                    .wrapping_mul(5)
                    .wrapping_add(1)
                    .wrapping_add(perturb as usize))
                    & mask;
            }
        }
    }

    /// Adds `key` (`set_add_entry`). The set and the key must be rooted.
    /// False after raising MemoryError when the table cannot grow (the key is
    /// then added, as in CPython, unless the table is already past its limit).
    #[must_use]
    unsafe fn add(self, key: u64, hash: i64) -> bool {
        // SAFETY: see the type's contract.
        unsafe {
            // A table left past its load limit by a failed resize takes
            // nothing more until it grows: probing needs empty slots.
            if self.overfull() && !self.resize(self.grown_size()) {
                raise_memory_error();
                return false;
            }
            let tc = self.tc();
            let mask = self.mask();
            // The key's store below has its own barrier, for its slot only.
            let (slots, keys) = self.table_mut_unbarriered();
            let mut perturb = hash as u64;
            let mut i = hash as u64 as usize & mask;
            let mut freeslot: Option<usize> = None;
            let found = loop {
                let mut probes = if i + LINEAR_PROBES <= mask {
                    LINEAR_PROBES
                } else {
                    0
                };
                let mut j = i;
                let hit = loop {
                    match slots[2 * j] {
                        EMPTY => break Some(j),
                        ACTIVE => {
                            if slots[2 * j + 1] as i64 == hash && equal(keys[j], key, tc) {
                                return true;
                            }
                        }
                        // CPython keeps the last dummy it passed, not the first.
                        _ => freeslot = Some(j),
                    }
                    if probes == 0 {
                        break None;
                    }
                    probes -= 1;
                    j += 1;
                };
                if let Some(j) = hit {
                    break j;
                }
                perturb >>= PERTURB_SHIFT;
                i = (i
                    .wrapping_mul(5)
                    .wrapping_add(1)
                    .wrapping_add(perturb as usize))
                    & mask;
            };
            if let Some(f) = freeslot {
                slots[2 * f] = ACTIVE;
                slots[2 * f + 1] = hash as u64;
                self.key_barrier(f);
                keys[f] = key;
                self.set_used(self.used() + 1);
                return true;
            }
            slots[2 * found] = ACTIVE;
            slots[2 * found + 1] = hash as u64;
            self.key_barrier(found);
            keys[found] = key;
            self.set_fill(self.fill() + 1);
            self.set_used(self.used() + 1);
            if self.overfull() && !self.resize(self.grown_size()) {
                raise_memory_error();
                return false;
            }
            true
        }
    }

    /// The `minused` CPython passes when a set outgrows its table.
    unsafe fn grown_size(self) -> usize {
        // SAFETY: see the type's contract.
        let used = unsafe { self.used() };
        if used > 50_000 { used * 2 } else { used * 4 }
    }

    /// Inserts into a table known to hold no dummies and not `key` (`set_insert_clean`).
    fn insert_clean(slots: &mut [u64], keys: &mut [u64], mask: usize, key: u64, hash: i64) {
        let mut perturb = hash as u64;
        let mut i = hash as u64 as usize & mask;
        // A run of linear probes starts at `i`; the next run is computed from `i` itself.
        let slot = loop {
            if slots[2 * i] == EMPTY {
                break i;
            }
            if i + LINEAR_PROBES <= mask
                && let Some(j) = (i + 1..=i + LINEAR_PROBES).find(|&j| slots[2 * j] == EMPTY)
            {
                break j;
            }
            perturb >>= PERTURB_SHIFT;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        };
        slots[2 * slot] = ACTIVE;
        slots[2 * slot + 1] = hash as u64;
        keys[slot] = key;
    }

    /// `set_table_resize`: a table of the smallest power of two above `minused`,
    /// refilled in old-table order; false, the set unchanged, when the memory
    /// cannot be had. The set must be rooted.
    unsafe fn resize(self, minused: usize) -> bool {
        // SAFETY: see the type's contract; the old arrays are rooted while the new ones are made.
        unsafe {
            let mut size = MIN_SIZE;
            while size <= minused {
                size <<= 1;
            }
            let roots = Roots::new();
            roots.push(ptr(self.0, SET_SLOTS));
            roots.push(ptr(self.0, SET_KEYS));
            let (old_slots, old_keys) = self.table();
            let mut old: Vec<(u64, i64)> = Vec::new();
            if !try_reserve(&mut old, self.used()) {
                return false;
            }
            old.extend(
                (0..old_keys.len())
                    .filter(|&j| old_slots[2 * j] == ACTIVE)
                    .map(|j| (old_keys[j], old_slots[2 * j + 1] as i64)),
            );
            if !self.new_table(size) {
                return false;
            }
            self.set_fill(self.used());
            let mask = self.mask();
            let (slots, keys) = self.table_mut();
            for (k, h) in old {
                Self::insert_clean(slots, keys, mask, k, h);
            }
            true
        }
    }

    /// Removes the entry holding `key`; whether it was there (`set_discard_entry`).
    unsafe fn discard(self, key: u64, hash: i64) -> bool {
        // SAFETY: see the type's contract.
        unsafe {
            match self.lookup(key, hash) {
                Some(j) => {
                    let (slots, keys) = self.table_mut();
                    slots[2 * j] = DUMMY;
                    slots[2 * j + 1] = u64::MAX;
                    keys[j] = 0;
                    self.set_used(self.used() - 1);
                    true
                }
                None => false,
            }
        }
    }

    /// The active entries, in table order, as `(key, hash)`.
    unsafe fn entries(self) -> Vec<(u64, i64)> {
        // SAFETY: see the type's contract.
        unsafe {
            let (slots, keys) = self.table();
            (0..keys.len())
                .filter(|&j| slots[2 * j] == ACTIVE)
                .map(|j| (keys[j], slots[2 * j + 1] as i64))
                .collect()
        }
    }

    unsafe fn contains(self, key: u64, hash: i64) -> bool {
        // SAFETY: see the type's contract.
        unsafe { self.lookup(key, hash).is_some() }
    }

    /// `set_merge`: adds every element of `other`, with CPython's bulk paths.
    /// Both sets must be rooted. False after raising MemoryError.
    #[must_use]
    unsafe fn merge(self, other: Set) -> bool {
        // SAFETY: see the type's contract.
        unsafe {
            if self.0 == other.0 || other.used() == 0 {
                return true;
            }
            if (self.fill() + other.used()) * 5 >= self.mask() * 3
                && !self.resize((self.used() + other.used()) * 2)
            {
                raise_memory_error();
                return false;
            }
            let entries = other.entries();
            if self.fill() == 0 && self.mask() == other.mask() && other.fill() == other.used() {
                let (os, ok) = other.table();
                let (slots, keys) = self.table_mut();
                slots.copy_from_slice(os);
                keys.copy_from_slice(ok);
                self.set_fill(other.fill());
                self.set_used(other.used());
                return true;
            }
            if self.fill() == 0 {
                let mask = self.mask();
                let (slots, keys) = self.table_mut();
                for &(k, h) in &entries {
                    Self::insert_clean(slots, keys, mask, k, h);
                }
                self.set_fill(entries.len());
                self.set_used(entries.len());
                return true;
            }
            entries.into_iter().all(|(k, h)| self.add(k, h))
        }
    }
}

/// Whether `s` is a live set's pointer for the helpers below.
///
/// # Safety
/// `s` must be a live set.
unsafe fn set(s: *mut u8) -> Set {
    Set(s)
}

/// A new empty set with the element type code of `like`; a failure to
/// allocate it ends the program (see [`crate::memory`]). May collect.
///
/// # Safety
/// `like` must be a live set.
unsafe fn empty_like(like: *mut u8) -> *mut u8 {
    // SAFETY: forwarded from the caller; the code is static.
    unsafe { nonnull_or_out_of_memory(new_set(ptr(like, SET_ELEM_CODE))) }
}

/// A new empty set whose elements have type code `elem_tc`, or `None` when
/// the memory cannot be had.
///
/// # Safety
/// As for [`seam_set_new`].
unsafe fn new_set(elem_tc: *const u8) -> Option<*mut u8> {
    let roots = Roots::new();
    let s = roots.push(try_alloc_set()?);
    // SAFETY: `s` is a fresh, rooted set.
    unsafe {
        set_word(s, SET_ELEM_CODE, elem_tc as u64);
        set(s).new_table(MIN_SIZE).then_some(s)
    }
}

/// A copy of `s` (`make_new_set` from a set); null after raising
/// MemoryError. May collect.
///
/// # Safety
/// `s` must be a live set.
unsafe fn copy_of(s: *mut u8) -> *mut u8 {
    // SAFETY: forwarded from the caller; both sets are rooted.
    unsafe {
        let roots = Roots::new();
        roots.push(s);
        let r = roots.push(empty_like(s));
        if set(r).merge(set(s)) { r } else { null_mut() }
    }
}

/// The elements of a live set, in iteration order.
///
/// # Safety
/// `s` must be a live set.
pub(crate) unsafe fn set_elements(s: *mut u8) -> Vec<u64> {
    // SAFETY: forwarded from the caller.
    unsafe { set(s).entries().into_iter().map(|(k, _)| k).collect() }
}

/// Whether `x` holds an element equal to `key`.
///
/// # Safety
/// `x` must be a live set and `key` a live value of its element type.
pub(crate) unsafe fn set_has(x: *mut u8, key: u64) -> bool {
    // SAFETY: forwarded from the caller.
    unsafe {
        let s = set(x);
        s.contains(key, hash_of(key, s.tc()))
    }
}

// ---- the ABI ----

/// A new empty set whose elements have type code `elem_tc` (a static string).
///
/// # Safety
/// `elem_tc` must be a NUL-terminated type code that outlives the set.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_set_new(elem_tc: *const u8) -> *mut u8 {
    // SAFETY: forwarded from the caller.
    or_raise(unsafe { new_set(elem_tc) })
}

/// `s.add(x)`.
///
/// # Safety
/// `s` must be a live set and `x` a live value of its element type.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_set_add(s: *mut u8, x: u64) {
    // SAFETY: forwarded from the caller; both are rooted before any allocation.
    unsafe {
        let roots = Roots::new();
        roots.push(s);
        let st = set(s);
        roots.push_word(x, st.is_ref());
        let _ = st.add(x, hash_of(x, st.tc()));
    }
}

/// `x in s`.
///
/// # Safety
/// As for [`seam_set_add`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_set_contains(s: *mut u8, x: u64) -> u8 {
    // SAFETY: forwarded from the caller.
    unsafe { set_has(s, x) as u8 }
}

/// `s.remove(x)`: KeyError when absent.
///
/// # Safety
/// As for [`seam_set_add`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_set_remove(s: *mut u8, x: u64) {
    // SAFETY: forwarded from the caller.
    unsafe {
        let st = set(s);
        if !st.discard(x, hash_of(x, st.tc())) && !crate::dunder::pending() {
            let code = st.tc()[..crate::typecode::type_len(st.tc())].to_vec();
            raise_with_args(ExcKind::KeyError, "", &[Arg::Value(x, code)]);
        }
    }
}

/// `s.discard(x)`.
///
/// # Safety
/// As for [`seam_set_add`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_set_discard(s: *mut u8, x: u64) {
    // SAFETY: forwarded from the caller.
    unsafe {
        let st = set(s);
        st.discard(x, hash_of(x, st.tc()));
    }
}

/// `s.pop()`: the element at CPython's finger; KeyError on an empty set.
///
/// # Safety
/// `s` must be a live set.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_set_pop(s: *mut u8) -> u64 {
    // SAFETY: forwarded from the caller.
    unsafe {
        let st = set(s);
        if st.used() == 0 {
            raise_with_args(
                ExcKind::KeyError,
                "",
                &[Arg::Str("pop from an empty set".to_owned())],
            );
            return 0;
        }
        let mask = st.mask();
        let (slots, keys) = st.table_mut();
        let mut j = word(s, SET_FINGER) as usize & mask;
        while slots[2 * j] != ACTIVE {
            j += 1;
            if j > mask {
                j = 0;
            }
        }
        let key = keys[j];
        slots[2 * j] = DUMMY;
        slots[2 * j + 1] = u64::MAX;
        keys[j] = 0;
        st.set_used(st.used() - 1);
        set_word(s, SET_FINGER, (j + 1) as u64);
        key
    }
}

/// `s.clear()`.
///
/// # Safety
/// `s` must be a live set.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_set_clear(s: *mut u8) {
    // SAFETY: forwarded from the caller; the set is rooted.
    unsafe {
        let roots = Roots::new();
        roots.push(s);
        let st = set(s);
        if !st.new_table(MIN_SIZE) {
            // Not marked `raises`: the smallest table is a fixed-size request.
            out_of_memory();
        }
        st.set_fill(0);
        st.set_used(0);
    }
}

/// `s.copy()`.
///
/// # Safety
/// `s` must be a live set.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_set_copy(s: *mut u8) -> *mut u8 {
    // SAFETY: forwarded from the caller.
    unsafe { copy_of(s) }
}

/// `s.update(t)` for a set `t`.
///
/// # Safety
/// Both must be live sets of one element type.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_set_update(s: *mut u8, t: *mut u8) {
    // SAFETY: forwarded from the caller; both are rooted.
    unsafe {
        let roots = Roots::new();
        roots.push(s);
        roots.push(t);
        let _ = set(s).merge(set(t));
    }
}

/// `s | t`, `s.union(t)`.
///
/// # Safety
/// As for [`seam_set_update`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_set_union(s: *mut u8, t: *mut u8) -> *mut u8 {
    // SAFETY: forwarded from the caller; everything is rooted.
    unsafe {
        let roots = Roots::new();
        roots.push(t);
        let r = roots.push(copy_of(s));
        if r.is_null() || !set(r).merge(set(t)) {
            return null_mut();
        }
        r
    }
}

/// `s & t`, `s.intersection(t)`.
///
/// # Safety
/// As for [`seam_set_update`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_set_intersection(s: *mut u8, t: *mut u8) -> *mut u8 {
    // SAFETY: forwarded from the caller; everything is rooted.
    unsafe {
        if s == t {
            return copy_of(s);
        }
        let roots = Roots::new();
        roots.push(s);
        roots.push(t);
        let r = roots.push(empty_like(s));
        let (mut a, mut b) = (set(s), set(t));
        if b.used() > a.used() {
            std::mem::swap(&mut a, &mut b);
        }
        // Iterate the smaller set, probing the larger one.
        for (k, h) in b.entries() {
            if a.contains(k, h) && !set(r).add(k, h) {
                return null_mut();
            }
        }
        r
    }
}

/// `s - t`, `s.difference(t)`.
///
/// # Safety
/// As for [`seam_set_update`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_set_difference(s: *mut u8, t: *mut u8) -> *mut u8 {
    // SAFETY: forwarded from the caller; everything is rooted.
    unsafe {
        let roots = Roots::new();
        roots.push(s);
        roots.push(t);
        let (a, b) = (set(s), set(t));
        if (a.used() >> 2) > b.used() {
            // CPython copies and removes when `s` is much larger than `t`.
            let r = roots.push(copy_of(s));
            if r.is_null() {
                return r;
            }
            let rs = set(r);
            let mut other = b;
            if (b.used() >> 3) > rs.used() {
                let i = roots.push(seam_set_intersection(r, t));
                if i.is_null() {
                    return i;
                }
                other = set(i);
            }
            for (k, h) in other.entries() {
                rs.discard(k, h);
            }
            if rs.fill() - rs.used() > rs.mask() / 4 {
                // Shrinking only sheds dummies: the table stays valid if it fails.
                rs.resize(rs.grown_size());
            }
            return r;
        }
        let r = roots.push(empty_like(s));
        for (k, h) in a.entries() {
            if !b.contains(k, h) && !set(r).add(k, h) {
                return null_mut();
            }
        }
        r
    }
}

/// `s ^ t`, `s.symmetric_difference(t)`.
///
/// # Safety
/// As for [`seam_set_update`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_set_symmetric_difference(s: *mut u8, t: *mut u8) -> *mut u8 {
    // SAFETY: forwarded from the caller; everything is rooted.
    unsafe {
        let roots = Roots::new();
        roots.push(s);
        // CPython copies the other operand, then toggles the receiver's elements in it.
        let r = roots.push(copy_of(t));
        if r.is_null() {
            return r;
        }
        let rs = set(r);
        if s == t {
            seam_set_clear(r);
            return r;
        }
        for (k, h) in set(s).entries() {
            if !rs.discard(k, h) && !rs.add(k, h) {
                return null_mut();
            }
        }
        r
    }
}

/// `s <= t`, `s.issubset(t)`.
///
/// # Safety
/// As for [`seam_set_update`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_set_issubset(s: *mut u8, t: *mut u8) -> u8 {
    // SAFETY: forwarded from the caller; nothing allocates.
    unsafe {
        let (a, b) = (set(s), set(t));
        (a.used() <= b.used() && a.entries().into_iter().all(|(k, h)| b.contains(k, h))) as u8
    }
}

/// `s.isdisjoint(t)`.
///
/// # Safety
/// As for [`seam_set_update`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_set_isdisjoint(s: *mut u8, t: *mut u8) -> u8 {
    // SAFETY: forwarded from the caller; nothing allocates.
    unsafe {
        let (a, b) = (set(s), set(t));
        !a.entries().into_iter().any(|(k, h)| b.contains(k, h)) as u8
    }
}

/// Iteration: the index of the first active entry at or after `pos`, or -1 at
/// the end. RuntimeError "Set changed size during iteration" when the length
/// is not `expected_len`.
///
/// # Safety
/// `s` must be a live set.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_set_iter_next(s: *mut u8, pos: i64, expected_len: i64) -> i64 {
    // SAFETY: forwarded from the caller.
    unsafe {
        let st = set(s);
        if st.used() as i64 != expected_len {
            raise(ExcKind::RuntimeError, "Set changed size during iteration");
            return -1;
        }
        let (slots, _) = st.table();
        let n = st.mask() + 1;
        let mut j = pos.max(0) as usize;
        while j < n {
            if slots[2 * j] == ACTIVE {
                return j as i64;
            }
            j += 1;
        }
        -1
    }
}

/// The element of the active entry at index `i` (from [`seam_set_iter_next`]).
///
/// # Safety
/// `s` must be a live set and `i` an active entry's index.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_set_entry(s: *mut u8, i: i64) -> u64 {
    // SAFETY: forwarded from the caller.
    unsafe { set(s).table().1[i as usize] }
}

/// A new `list` of the elements, in iteration order.
///
/// # Safety
/// `s` must be a live set.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_set_to_list(s: *mut u8) -> *mut u8 {
    // SAFETY: forwarded from the caller; the set and the list are rooted.
    unsafe {
        let roots = Roots::new();
        roots.push(s);
        let st = set(s);
        let Some(l) = try_new_list(st.is_ref(), st.used()) else {
            raise_memory_error();
            return null_mut();
        };
        roots.push(l);
        for k in set_elements(s) {
            seam_list_append(l, k);
        }
        l
    }
}

/// Adds every element of the `list` `l` to `s`, in order.
///
/// # Safety
/// `s` must be a live set and `l` a live list of its element type.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_set_add_list(s: *mut u8, l: *mut u8) {
    // SAFETY: forwarded from the caller; both are rooted, and each element
    // stays reachable from the rooted list.
    unsafe {
        let roots = Roots::new();
        roots.push(s);
        roots.push(l);
        let st = set(s);
        let n = word(l, LIST_LEN) as usize;
        for i in 0..n {
            let items = ptr(l, LIST_ITEMS);
            let k = word(items, ARRAY_ITEMS + 8 * i);
            if !st.add(k, hash_of(k, st.tc())) {
                return;
            }
        }
    }
}

/// `s &= t`: `s` takes the table of `s & t` (CPython swaps the bodies).
///
/// # Safety
/// As for [`seam_set_update`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_set_intersection_update(s: *mut u8, t: *mut u8) {
    // SAFETY: forwarded from the caller; everything is rooted.
    unsafe {
        let roots = Roots::new();
        roots.push(s);
        let r = roots.push(seam_set_intersection(s, t));
        if r.is_null() {
            return;
        }
        for off in [SET_LEN, SET_FILL, SET_MASK, SET_SLOTS, SET_KEYS] {
            set_ref(s, off, word(r, off));
        }
    }
}

/// `s -= t`, `s.difference_update(t)`.
///
/// # Safety
/// As for [`seam_set_update`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_set_difference_update(s: *mut u8, t: *mut u8) {
    // SAFETY: forwarded from the caller; everything is rooted.
    unsafe {
        let roots = Roots::new();
        roots.push(s);
        roots.push(t);
        let st = set(s);
        if s == t {
            seam_set_clear(s);
            return;
        }
        let mut other = set(t);
        if (other.used() >> 3) > st.used() {
            let i = roots.push(seam_set_intersection(s, t));
            if i.is_null() {
                return;
            }
            other = set(i);
        }
        for (k, h) in other.entries() {
            st.discard(k, h);
        }
        if st.fill() - st.used() > st.mask() / 4 {
            // Shrinking only sheds dummies: the table stays valid if it fails.
            st.resize(st.grown_size());
        }
    }
}

/// `s ^= t`, `s.symmetric_difference_update(t)`.
///
/// # Safety
/// As for [`seam_set_update`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_set_symmetric_difference_update(s: *mut u8, t: *mut u8) {
    // SAFETY: forwarded from the caller; everything is rooted.
    unsafe {
        let roots = Roots::new();
        roots.push(s);
        roots.push(t);
        if s == t {
            seam_set_clear(s);
            return;
        }
        let st = set(s);
        for (k, h) in set(t).entries() {
            if !st.discard(k, h) && !st.add(k, h) {
                return;
            }
        }
    }
}
