//! The `dict` object and its ABI functions.
//!
//! Insertion-ordered, like CPython's compact dict: entries are appended to
//! three parallel arrays (hashes, keys, values) and an open-addressing index
//! table (linear probing) maps hashes to entry numbers. Deleting an entry
//! leaves a tombstone (hash [`TOMBSTONE`], key and value cleared), so entry
//! numbers stay stable and iteration by entry index keeps working; the
//! tombstones are dropped when the arrays fill and the dict is rebuilt.
//! All storage is GC arrays reachable from the dict object, so the
//! collector traces it through descriptors alone.
//!
//! Keys are `int` words or `str` references (the dict remembers which), or
//! values of any other hashable type, whose type code the dict then keeps
//! ([`DICT_KEY_CODE`]): tuples, `bool`s, instances. Those hash and compare
//! through [`crate::dunder`] and [`crate::generic`], which may run a class's
//! `__hash__` and `__eq__`: generated code that may collect and raise. So the
//! ABI functions root their arguments for such dicts, compute each key's hash
//! once, re-read the storage after every comparison (restarting a probe when
//! a method changed the dict), and give up when a method raised. The values'
//! meaning is only "reference or not". Printing values needs a type code and
//! lives in [`crate::format`].

use crate::dunder::{hash_value, pending};
use crate::error::{ExcKind, raise};
use crate::format::{repr_key, repr_word};
use crate::gcglue::{
    Roots, alloc_dict, alloc_tuple, ptr, set_word, try_alloc_array, try_alloc_dict, word,
};
use crate::generic::equal;
use crate::layout::*;
use crate::list::try_new_list;
use crate::memory::raise_memory_error;
use crate::strobj::{str_equal, str_hash};
use crate::typecode::tc_slice;

/// The hash of a deleted entry: real hashes have 63 bits.
pub(crate) const TOMBSTONE: u64 = u64::MAX;
const KEY_IS_STR: u64 = 1;
const VALUE_IS_REF: u64 = 2;
const MIN_INDEX: usize = 8;

/// A dict seen through its private fields.
#[derive(Clone, Copy)]
struct Dict(*mut u8);

impl Dict {
    /// # Safety
    /// All accessors require the dict to be live.
    unsafe fn flags(self) -> u64 {
        // SAFETY: see the type's contract.
        unsafe { word(self.0, DICT_FLAGS) }
    }
    unsafe fn key_is_str(self) -> bool {
        // SAFETY: see the type's contract.
        unsafe { self.flags() & KEY_IS_STR != 0 }
    }
    unsafe fn value_is_ref(self) -> bool {
        // SAFETY: see the type's contract.
        unsafe { self.flags() & VALUE_IS_REF != 0 }
    }
    unsafe fn len(self) -> usize {
        // SAFETY: see the type's contract.
        unsafe { word(self.0, DICT_LEN) as usize }
    }
    unsafe fn used(self) -> usize {
        // SAFETY: see the type's contract.
        unsafe { word(self.0, DICT_USED) as usize }
    }
    /// The words of one of the storage arrays (empty before the first insertion).
    unsafe fn array<'a>(self, off: usize) -> &'a mut [u64] {
        // SAFETY: see the type's contract; arrays hold `capacity` words.
        unsafe {
            let a = ptr(self.0, off);
            if a.is_null() {
                return &mut [];
            }
            let cap = word(a, ARRAY_CAPACITY) as usize;
            std::slice::from_raw_parts_mut(a.add(ARRAY_ITEMS) as *mut u64, cap)
        }
    }
    /// The type code of generic keys (neither `int` nor `str`).
    unsafe fn key_code<'a>(self) -> Option<&'a [u8]> {
        // SAFETY: see the type's contract; the code is null or a static type code.
        unsafe {
            let code = ptr(self.0, DICT_KEY_CODE);
            (!code.is_null()).then(|| tc_slice(code))
        }
    }
    unsafe fn key_is_ref(self) -> bool {
        // SAFETY: see the type's contract.
        unsafe {
            self.key_is_str()
                || self
                    .key_code()
                    .is_some_and(|c| !matches!(c.first(), Some(b'i' | b'f' | b'b' | b'n')))
        }
    }
    /// Roots the dict, a key and a value while methods of generic keys may run.
    unsafe fn guard(self, key: u64, value: Option<u64>) -> Option<Roots> {
        // SAFETY: see the type's contract.
        unsafe {
            self.key_code()?;
            let roots = Roots::new();
            roots.push(self.0);
            roots.push_word(key, self.key_is_ref());
            if let Some(v) = value {
                roots.push_word(v, self.value_is_ref());
            }
            Some(roots)
        }
    }
    unsafe fn hash(self, key: u64) -> u64 {
        // SAFETY: see the type's contract; str keys are live strs.
        unsafe {
            if let Some(code) = self.key_code() {
                return hash_value(key, code) as u64 & (i64::MAX as u64);
            }
            if self.key_is_str() {
                str_hash(key as *mut u8)
            } else {
                // splitmix64's finaliser spreads consecutive integers over the table.
                let mut z = key.wrapping_add(0x9e37_79b9_7f4a_7c15);
                z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
                z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
                (z ^ (z >> 31)) & (i64::MAX as u64)
            }
        }
    }
    unsafe fn keys_equal(self, a: u64, b: u64) -> bool {
        // SAFETY: see the type's contract.
        unsafe {
            a == b
                || (self.key_is_str() && str_equal(a as *mut u8, b as *mut u8))
                || self.key_code().is_some_and(|code| equal(a, b, code))
        }
    }

    /// `(index slot, entry)` for `key`: the entry when present, else the
    /// empty slot where it would go. Requires storage.
    unsafe fn probe(self, key: u64, hash: u64) -> (usize, Option<usize>) {
        // SAFETY: see the type's contract; the index always has an empty slot
        // (entries capacity < index size), so probing terminates. A generic
        // key's `__eq__` may change the dict: the storage is re-read after each
        // comparison, and the probe restarts when the index was replaced.
        unsafe {
            'restart: loop {
                let table = ptr(self.0, DICT_INDEX);
                let mask = self.array(DICT_INDEX).len() - 1;
                let mut i = hash as usize & mask;
                loop {
                    let e = self.array(DICT_INDEX)[i];
                    if e == 0 {
                        return (i, None);
                    }
                    let e = e as usize - 1;
                    if self.array(DICT_HASHES)[e] == hash {
                        let stored = self.array(DICT_KEYS)[e];
                        let same = self.keys_equal(stored, key);
                        if pending() {
                            return (i, None);
                        }
                        if ptr(self.0, DICT_INDEX) != table {
                            continue 'restart;
                        }
                        if same {
                            return (i, Some(e));
                        }
                    }
                    i = (i + 1) & mask;
                }
            }
        }
    }

    /// The entry holding `key`, if any.
    unsafe fn find(self, key: u64) -> Option<usize> {
        // SAFETY: see the type's contract.
        unsafe {
            if self.used() == 0 && ptr(self.0, DICT_INDEX).is_null() {
                // CPython hashes the key even to look it up in an empty dict.
                if self.key_code().is_some() {
                    self.hash(key);
                }
                return None;
            }
            let hash = self.hash(key);
            if pending() {
                return None;
            }
            self.find_hashed(key, hash)
        }
    }

    /// The entry holding `key` whose hash is `hash`, if any.
    unsafe fn find_hashed(self, key: u64, hash: u64) -> Option<usize> {
        // SAFETY: see the type's contract.
        unsafe {
            if self.used() == 0 && ptr(self.0, DICT_INDEX).is_null() {
                return None;
            }
            self.probe(key, hash).1
        }
    }

    /// Rebuilds the storage with room for the live entries and then some,
    /// dropping tombstones; false, the dict unchanged, when the memory cannot
    /// be had. The dict must be rooted by the caller.
    #[must_use]
    unsafe fn rebuild(self, min_entries: usize) -> bool {
        // SAFETY: see the type's contract; the dict is rooted and each new
        // array is rooted as soon as it exists.
        unsafe {
            let want = (self.len() * 3).max(min_entries * 3 / 2 + 1);
            let size = want.next_power_of_two().max(MIN_INDEX);
            let cap = size * 2 / 3;
            let roots = Roots::new();
            let array = |is_ref: bool, n: usize| try_alloc_array(is_ref, n).map(|a| roots.push(a));
            let Some(index) = array(false, size) else {
                return false;
            };
            let (Some(hashes), Some(keys), Some(values)) = (
                array(false, cap),
                array(self.key_is_ref(), cap),
                array(self.value_is_ref(), cap),
            ) else {
                return false;
            };
            let words = |a: *mut u8| {
                std::slice::from_raw_parts_mut(
                    a.add(ARRAY_ITEMS) as *mut u64,
                    word(a, ARRAY_CAPACITY) as usize,
                )
            };
            let (old_h, old_k, old_v) = (
                self.array(DICT_HASHES),
                self.array(DICT_KEYS),
                self.array(DICT_VALUES),
            );
            let (nh, nk, nv, ni) = (words(hashes), words(keys), words(values), words(index));
            let mut n = 0;
            for e in 0..self.used() {
                if old_h[e] == TOMBSTONE {
                    continue;
                }
                nh[n] = old_h[e];
                nk[n] = old_k[e];
                nv[n] = old_v[e];
                let mut i = old_h[e] as usize & (size - 1);
                while ni[i] != 0 {
                    i = (i + 1) & (size - 1);
                }
                ni[i] = n as u64 + 1;
                n += 1;
            }
            set_word(self.0, DICT_INDEX, index as u64);
            set_word(self.0, DICT_HASHES, hashes as u64);
            set_word(self.0, DICT_KEYS, keys as u64);
            set_word(self.0, DICT_VALUES, values as u64);
            set_word(self.0, DICT_USED, n as u64);
            true
        }
    }

    /// Stores `value` under `key`, appending a new entry when the key is absent.
    unsafe fn set(self, key: u64, value: u64) {
        // SAFETY: see the type's contract.
        unsafe {
            let hash = self.hash(key);
            if !pending() {
                self.set_hashed(key, value, hash);
            }
        }
    }

    /// [`Dict::set`] for a key whose hash is known; raises MemoryError, the
    /// dict unchanged, when it cannot grow.
    unsafe fn set_hashed(self, key: u64, value: u64, hash: u64) {
        // SAFETY: see the type's contract; the dict, key and value are rooted
        // across the rebuild.
        unsafe {
            if let Some(e) = self.find_hashed(key, hash) {
                self.array(DICT_VALUES)[e] = value;
                return;
            }
            if pending() {
                return;
            }
            if self.used() == self.array(DICT_HASHES).len() {
                let roots = Roots::new();
                roots.push(self.0);
                roots.push_word(key, self.key_is_ref());
                roots.push_word(value, self.value_is_ref());
                if !self.rebuild(self.len() + 1) {
                    raise_memory_error();
                    return;
                }
            }
            // The new entry's slot: the first empty one (the key is absent; no comparisons).
            let index = self.array(DICT_INDEX);
            let mask = index.len() - 1;
            let mut slot = hash as usize & mask;
            while index[slot] != 0 {
                slot = (slot + 1) & mask;
            }
            let e = self.used();
            self.array(DICT_HASHES)[e] = hash;
            self.array(DICT_KEYS)[e] = key;
            self.array(DICT_VALUES)[e] = value;
            self.array(DICT_INDEX)[slot] = e as u64 + 1;
            set_word(self.0, DICT_USED, e as u64 + 1);
            set_word(self.0, DICT_LEN, self.len() as u64 + 1);
        }
    }

    /// Turns entry `e` into a tombstone.
    unsafe fn remove(self, e: usize) {
        // SAFETY: see the type's contract; `e` is a live entry.
        unsafe {
            self.array(DICT_HASHES)[e] = TOMBSTONE;
            self.array(DICT_KEYS)[e] = 0;
            self.array(DICT_VALUES)[e] = 0;
            set_word(self.0, DICT_LEN, self.len() as u64 - 1);
        }
    }

    /// Raises KeyError for `key` (sets the exception state and returns).
    unsafe fn key_error(self, key: u64) {
        // SAFETY: see the type's contract.
        let text = unsafe {
            match self.key_code() {
                Some(code) => repr_word(key, code),
                None => repr_key(key, self.key_is_str()),
            }
        };
        if !pending() {
            raise(ExcKind::KeyError, &text)
        }
    }
}

/// The entry numbers of the live entries, in insertion order.
///
/// # Safety
/// `d` must be live.
unsafe fn live_entries(d: Dict) -> Vec<usize> {
    // SAFETY: forwarded from the caller.
    unsafe {
        let h = d.array(DICT_HASHES);
        (0..d.used()).filter(|&e| h[e] != TOMBSTONE).collect()
    }
}

/// The live `(key, value)` pairs of a dict, in insertion order.
///
/// # Safety
/// `d` must be a live dict; the words are valid while it is unchanged.
pub(crate) unsafe fn dict_entries(d: *mut u8) -> Vec<(u64, u64)> {
    // SAFETY: forwarded from the caller.
    unsafe {
        let d = Dict(d);
        let (h, k, v) = (
            d.array(DICT_HASHES),
            d.array(DICT_KEYS),
            d.array(DICT_VALUES),
        );
        (0..d.used())
            .filter(|&e| h[e] != TOMBSTONE)
            .map(|e| (k[e], v[e]))
            .collect()
    }
}

/// The live `(hash, key, value)` entries of a dict, in insertion order.
///
/// # Safety
/// `d` must be a live dict; the words are valid while it is unchanged.
pub(crate) unsafe fn dict_hashed_entries(d: *mut u8) -> Vec<(u64, u64, u64)> {
    // SAFETY: forwarded from the caller.
    unsafe {
        let d = Dict(d);
        let (h, k, v) = (
            d.array(DICT_HASHES),
            d.array(DICT_KEYS),
            d.array(DICT_VALUES),
        );
        (0..d.used())
            .filter(|&e| h[e] != TOMBSTONE)
            .map(|e| (h[e], k[e], v[e]))
            .collect()
    }
}

/// The value stored under `key`, whose hash in this dict is `hash` (taken from a dict
/// of the same key type, so no `__hash__` runs), if any.
///
/// # Safety
/// `d` must be a live dict and `key` a key of its kind.
pub(crate) unsafe fn dict_lookup_hashed(d: *mut u8, key: u64, hash: u64) -> Option<u64> {
    // SAFETY: forwarded from the caller.
    unsafe {
        let d = Dict(d);
        d.find_hashed(key, hash).map(|e| d.array(DICT_VALUES)[e])
    }
}

/// The value stored under `key`, if any.
///
/// # Safety
/// `d` must be a live dict and `key` a key of its kind.
pub(crate) unsafe fn dict_lookup(d: *mut u8, key: u64) -> Option<u64> {
    // SAFETY: forwarded from the caller.
    unsafe {
        let d = Dict(d);
        d.find(key).map(|e| d.array(DICT_VALUES)[e])
    }
}

/// Builds a new list from the dict's entries, one word per entry; null
/// after raising MemoryError when the memory cannot be had.
///
/// # Safety
/// `d` must be a live dict.
unsafe fn entries_list(d: *mut u8, is_ref: bool, pick: fn((u64, u64)) -> u64) -> *mut u8 {
    // SAFETY: `d` is rooted while the list is allocated; no allocation happens
    // while the words are copied.
    unsafe {
        let roots = Roots::new();
        roots.push(d);
        let Some(list) = try_new_list(is_ref, Dict(d).len()) else {
            raise_memory_error();
            return std::ptr::null_mut();
        };
        let dict = Dict(d);
        let (h, k, v) = (
            dict.array(DICT_HASHES),
            dict.array(DICT_KEYS),
            dict.array(DICT_VALUES),
        );
        let array = ptr(list, LIST_ITEMS);
        let mut n = 0;
        for e in 0..dict.used() {
            if h[e] != TOMBSTONE {
                set_word(array, ARRAY_ITEMS + 8 * n, pick((k[e], v[e])));
                n += 1;
            }
        }
        set_word(list, LIST_LEN, n as u64);
        list
    }
}

// ---- the ABI ----

/// An empty dict.
#[unsafe(no_mangle)]
pub extern "C" fn seam_dict_new(key_is_str: u8, value_is_ref: u8) -> *mut u8 {
    let mut flags = 0;
    if key_is_str != 0 {
        flags |= KEY_IS_STR;
    }
    if value_is_ref != 0 {
        flags |= VALUE_IS_REF;
    }
    crate::memory::or_raise(try_alloc_dict(flags))
}

/// An empty dict whose keys have type code `key_code` (a static address; tuples,
/// `bool`s, instances: anything but `int` and `str`, which [`seam_dict_new`] serves).
///
/// # Safety
/// `key_code` must be a NUL-terminated static type code.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_dict_new_keyed(key_code: *const u8, value_is_ref: u8) -> *mut u8 {
    let d = seam_dict_new(0, value_is_ref);
    if d.is_null() {
        return d;
    }
    // SAFETY: `d` is a fresh dict; the code is static data, not a GC reference.
    unsafe { set_word(d, DICT_KEY_CODE, key_code as u64) };
    d
}

/// `d[k]`.
///
/// # Safety
/// `d` must be a live dict and `k` a key of its kind.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_dict_getitem(d: *mut u8, k: u64) -> u64 {
    // SAFETY: forwarded from the caller.
    unsafe {
        let _roots = Dict(d).guard(k, None);
        match dict_lookup(d, k) {
            Some(v) => v,
            None => {
                Dict(d).key_error(k);
                0
            }
        }
    }
}

/// `d[k] = v`.
///
/// # Safety
/// `d` must be a live dict, `k` and `v` of its kinds.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_dict_setitem(d: *mut u8, k: u64, v: u64) {
    // SAFETY: forwarded from the caller.
    unsafe {
        let _roots = Dict(d).guard(k, Some(v));
        Dict(d).set(k, v)
    }
}

/// `del d[k]`.
///
/// # Safety
/// `d` must be a live dict and `k` a key of its kind.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_dict_delitem(d: *mut u8, k: u64) {
    // SAFETY: forwarded from the caller.
    unsafe {
        let d = Dict(d);
        let _roots = d.guard(k, None);
        match d.find(k) {
            Some(e) => d.remove(e),
            None => d.key_error(k),
        }
    }
}

/// `k in d`.
///
/// # Safety
/// `d` must be a live dict and `k` a key of its kind.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_dict_contains(d: *mut u8, k: u64) -> u8 {
    // SAFETY: forwarded from the caller.
    unsafe {
        let _roots = Dict(d).guard(k, None);
        Dict(d).find(k).is_some() as u8
    }
}

/// `d.get(k, default)`.
///
/// # Safety
/// `d` must be a live dict and `k` a key of its kind.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_dict_get(d: *mut u8, k: u64, default: u64) -> u64 {
    // SAFETY: forwarded from the caller.
    unsafe {
        let _roots = Dict(d).guard(k, Some(default));
        dict_lookup(d, k).unwrap_or(default)
    }
}

/// `d.pop(k)`.
///
/// # Safety
/// `d` must be a live dict and `k` a key of its kind.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_dict_pop(d: *mut u8, k: u64) -> u64 {
    // SAFETY: forwarded from the caller.
    unsafe {
        let d = Dict(d);
        let _roots = d.guard(k, None);
        match d.find(k) {
            Some(e) => {
                let v = d.array(DICT_VALUES)[e];
                d.remove(e);
                v
            }
            None => {
                d.key_error(k);
                0
            }
        }
    }
}

/// `d.pop(k, default)`.
///
/// # Safety
/// `d` must be a live dict and `k` a key of its kind.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_dict_pop_default(d: *mut u8, k: u64, default: u64) -> u64 {
    // SAFETY: forwarded from the caller.
    unsafe {
        let d = Dict(d);
        let _roots = d.guard(k, Some(default));
        match d.find(k) {
            Some(e) => {
                let v = d.array(DICT_VALUES)[e];
                d.remove(e);
                v
            }
            None => default,
        }
    }
}

/// `d.setdefault(k, default)`.
///
/// # Safety
/// `d` must be a live dict, `k` and `default` of its kinds.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_dict_setdefault(d: *mut u8, k: u64, default: u64) -> u64 {
    // SAFETY: forwarded from the caller.
    unsafe {
        let dict = Dict(d);
        let _roots = dict.guard(k, Some(default));
        let hash = dict.hash(k);
        if pending() {
            return default;
        }
        if let Some(e) = dict.find_hashed(k, hash) {
            return dict.array(DICT_VALUES)[e];
        }
        dict.set_hashed(k, default, hash);
        default
    }
}

/// A new list of the keys, in insertion order.
///
/// # Safety
/// `d` must be a live dict.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_dict_keys(d: *mut u8) -> *mut u8 {
    // SAFETY: forwarded from the caller.
    unsafe { entries_list(d, Dict(d).key_is_ref(), |(k, _)| k) }
}

/// A new list of the values, in insertion order.
///
/// # Safety
/// `d` must be a live dict.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_dict_values(d: *mut u8) -> *mut u8 {
    // SAFETY: forwarded from the caller.
    unsafe { entries_list(d, Dict(d).value_is_ref(), |(_, v)| v) }
}

/// A new list of `(key, value)` tuples with reference mask `ref_mask`.
///
/// # Safety
/// `d` must be a live dict and `ref_mask` must describe its key and value kinds.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_dict_items(d: *mut u8, ref_mask: i64) -> *mut u8 {
    // SAFETY: the dict and the list are rooted while the tuples are
    // allocated; entries are re-read by index after each allocation (the
    // dict does not change meanwhile).
    unsafe {
        let roots = Roots::new();
        roots.push(d);
        let Some(list) = try_new_list(true, Dict(d).len()) else {
            raise_memory_error();
            return std::ptr::null_mut();
        };
        roots.push(list);
        let live = live_entries(Dict(d));
        for e in live {
            let t = alloc_tuple(2, ref_mask as u64 & 3);
            let (k, v) = (Dict(d).array(DICT_KEYS)[e], Dict(d).array(DICT_VALUES)[e]);
            set_word(t, TUPLE_ITEMS, k);
            set_word(t, TUPLE_ITEMS + 8, v);
            crate::list::list_append_word(list, t as u64);
        }
        list
    }
}

/// `d.copy()`.
///
/// # Safety
/// `d` must be a live dict.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_dict_copy(d: *mut u8) -> *mut u8 {
    // SAFETY: `d` and the copy are rooted while storage is allocated.
    unsafe {
        let roots = Roots::new();
        roots.push(d);
        let copy = Dict(roots.push(alloc_dict(Dict(d).flags())));
        set_word(copy.0, DICT_KEY_CODE, word(d, DICT_KEY_CODE));
        let n = Dict(d).len();
        if n > 0 {
            if !copy.rebuild(n) {
                raise_memory_error();
                return std::ptr::null_mut();
            }
            // The stored hashes are reused: a copy runs no `__hash__`, as in CPython.
            for e in live_entries(Dict(d)) {
                let (h, k, v) = (
                    Dict(d).array(DICT_HASHES)[e],
                    Dict(d).array(DICT_KEYS)[e],
                    Dict(d).array(DICT_VALUES)[e],
                );
                copy.set_hashed(k, v, h);
            }
        }
        copy.0
    }
}

/// The first live entry at or after `pos`, or -1 at the end.
///
/// # Safety
/// `d` must be a live dict.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_dict_iter_next(d: *mut u8, pos: i64, expected_len: i64) -> i64 {
    // SAFETY: forwarded from the caller.
    unsafe {
        let d = Dict(d);
        if d.len() as i64 != expected_len {
            raise(
                ExcKind::RuntimeError,
                "dictionary changed size during iteration",
            );
            // The result is meaningless; -1 ("no more entries") is the harmless one.
            return -1;
        }
        let hashes = d.array(DICT_HASHES);
        (pos.max(0) as usize..d.used())
            .find(|&e| hashes[e] != TOMBSTONE)
            .map_or(-1, |e| e as i64)
    }
}

/// The key of live entry `i`.
///
/// # Safety
/// `d` must be a live dict and `i` a live entry from `seam_dict_iter_next`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_dict_entry_key(d: *mut u8, i: i64) -> u64 {
    // SAFETY: forwarded from the caller.
    unsafe {
        Dict(d)
            .array(DICT_KEYS)
            .get(i as usize)
            .copied()
            .unwrap_or(0)
    }
}

/// The value of live entry `i`.
///
/// # Safety
/// As for [`seam_dict_entry_key`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_dict_entry_value(d: *mut u8, i: i64) -> u64 {
    // SAFETY: forwarded from the caller.
    unsafe {
        Dict(d)
            .array(DICT_VALUES)
            .get(i as usize)
            .copied()
            .unwrap_or(0)
    }
}

/// Whether a dict's keys are `str` (for the generic helpers).
///
/// # Safety
/// `d` must be a live dict.
pub(crate) unsafe fn dict_key_is_str(d: *mut u8) -> bool {
    // SAFETY: forwarded from the caller.
    unsafe { Dict(d).key_is_str() }
}

// ---- dict.update, dict.clear, dict.popitem ----

/// `d.update(other)`: every entry of `other`, in its order, set in `d`.
///
/// # Safety
/// `d` and `other` must be live dicts of the same key and value kinds.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_dict_update(d: *mut u8, other: *mut u8) {
    // SAFETY: forwarded from the caller; both dicts are rooted while `d`
    // grows, and the entries copied out stay reachable from `other`.
    unsafe {
        let roots = Roots::new();
        roots.push(d);
        roots.push(other);
        for (k, v) in dict_entries(other) {
            Dict(d).set(k, v);
            if pending() {
                return;
            }
        }
    }
}

/// `d.clear()`.
///
/// # Safety
/// `d` must be a live dict.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_dict_clear(d: *mut u8) {
    // SAFETY: forwarded from the caller; nothing allocates.
    unsafe {
        let dict = Dict(d);
        for e in live_entries(dict) {
            dict.remove(e);
        }
    }
}

/// `d.popitem()`: removes the last entry and gives it as a `(key, value)`
/// tuple with reference bitmask `ref_mask`; KeyError
/// 'popitem(): dictionary is empty'.
///
/// # Safety
/// `d` must be a live dict.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_dict_popitem(d: *mut u8, ref_mask: i64) -> *mut u8 {
    // SAFETY: forwarded from the caller; the dict is rooted while the tuple
    // is allocated, and the entry is read after the allocation.
    unsafe {
        let Some(&e) = live_entries(Dict(d)).last() else {
            raise(ExcKind::KeyError, "'popitem(): dictionary is empty'");
            return std::ptr::null_mut();
        };
        let roots = Roots::new();
        roots.push(d);
        let t = alloc_tuple(2, ref_mask as u64 & 3);
        let dict = Dict(d);
        set_word(t, TUPLE_ITEMS, dict.array(DICT_KEYS)[e]);
        set_word(t, TUPLE_ITEMS + 8, dict.array(DICT_VALUES)[e]);
        dict.remove(e);
        t
    }
}
