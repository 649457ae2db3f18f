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
//! Entry numbers are what iteration walks, so a loop that changes the dict it
//! iterates sees what CPython 3.11's would: the entry arrays grow, shrink and
//! are compacted exactly when CPython's are (the same sizes, the same count of
//! appends left before a rebuild, `popitem` giving its entry back, `clear`
//! dropping the storage, `copy` and `update` cloning or presizing as CPython
//! does), and iteration raises both of CPython's errors: the length changed, or
//! more entries were found than the dict held when the loop began ("keys
//! changed"). The hashes stored and probed by are keyed per process
//! ([`crate::hashkey`]), so keys cannot be chosen to collide; no hash value is
//! observable through a dict.
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
use crate::error::{Arg, ExcKind, raise, raise_with_args};

use crate::gcglue::{
    Roots, alloc_dict, alloc_tuple, barrier, ptr, set_ref, set_word, try_alloc_array,
    try_alloc_dict, word,
};
use crate::generic::equal;
use crate::hashkey;
use crate::layout::*;
use crate::list::try_new_list;
use crate::memory::raise_memory_error;
use crate::strobj::{str_equal, str_hash};
use crate::typecode::tc_slice;

/// The hash of a deleted entry: real hashes have 63 bits.
pub(crate) const TOMBSTONE: u64 = u64::MAX;
/// An index slot whose entry was deleted (CPython's `DKIX_DUMMY`): probing
/// goes past it, insertion does not reuse it.
const INDEX_DUMMY: u64 = u64::MAX;
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
    unsafe fn usable(self) -> usize {
        // SAFETY: see the type's contract.
        unsafe { word(self.0, DICT_USABLE) as usize }
    }
    /// The index table's size (0 before the first insertion).
    unsafe fn index_size(self) -> usize {
        // SAFETY: see the type's contract.
        unsafe { self.array(DICT_INDEX).len() }
    }
    /// The words of one of the storage arrays (empty before the first
    /// insertion), for reading. Valid while nothing changes the dict: no
    /// write (from [`Dict::array_mut`] or generated code), no `__eq__` or
    /// `__hash__` (which may change it), no allocation (which may let the
    /// collector free storage the dict let go of). Loops that may run
    /// methods take a fresh slice after each one.
    unsafe fn array<'a>(self, off: usize) -> &'a [u64] {
        // SAFETY: see the type's contract; arrays hold `capacity` words.
        unsafe {
            let a = ptr(self.0, off);
            if a.is_null() {
                return &[];
            }
            let cap = word(a, ARRAY_CAPACITY) as usize;
            std::slice::from_raw_parts(a.add(ARRAY_ITEMS) as *const u64, cap)
        }
    }

    /// The words of one of the storage arrays, for writing: as
    /// [`Dict::array`], and no other slice of the same array may be used
    /// while this one lives. Only this type's own updates call it.
    unsafe fn array_mut<'a>(self, off: usize) -> &'a mut [u64] {
        // SAFETY: see the type's contract; arrays hold `capacity` words.
        unsafe {
            let a = ptr(self.0, off);
            if a.is_null() {
                return &mut [];
            }
            let cap = word(a, ARRAY_CAPACITY) as usize;
            barrier(a);
            std::slice::from_raw_parts_mut(a.add(ARRAY_ITEMS) as *mut u64, cap)
        }
    }
    /// Stores `value` as word `i` of the storage array at `off`, with the
    /// write barrier of that word alone ([`set_ref`]).
    unsafe fn put(self, off: usize, i: usize, value: u64) {
        // SAFETY: see the type's contract; the array holds more than `i` words.
        unsafe { set_ref(ptr(self.0, off), ARRAY_ITEMS + 8 * i, value) }
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
                return hashkey::mix(hash_value(key, code) as u64);
            }
            if self.key_is_str() {
                // Already keyed (and cached in the `str`).
                str_hash(key as *mut u8)
            } else {
                hashkey::mix(key)
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
                    if e == INDEX_DUMMY {
                        i = (i + 1) & mask;
                        continue;
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

    /// Rebuilds the storage with an index of `size` slots (a power of two, at
    /// least [`MIN_INDEX`], with room for the live entries), dropping
    /// tombstones: CPython's `dictresize`; false, the dict unchanged, when the
    /// memory cannot be had. The dict must be rooted by the caller.
    #[must_use]
    unsafe fn rebuild(self, size: usize) -> bool {
        // SAFETY: see the type's contract; the dict is rooted and each new
        // array is rooted as soon as it exists.
        unsafe {
            let cap = usable_fraction(size);
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
            set_ref(self.0, DICT_INDEX, index as u64);
            set_ref(self.0, DICT_HASHES, hashes as u64);
            set_ref(self.0, DICT_KEYS, keys as u64);
            set_ref(self.0, DICT_VALUES, values as u64);
            set_word(self.0, DICT_USED, n as u64);
            set_word(self.0, DICT_USABLE, (cap - n) as u64);
            true
        }
    }

    /// Makes this (empty) dict's storage a copy of `other`'s, tombstones,
    /// dummies and appends left included: CPython's `clone_combined_dict_keys`;
    /// false, the dict unchanged, when the memory cannot be had. The dict must
    /// be rooted by the caller.
    #[must_use]
    unsafe fn clone_storage(self, other: Dict) -> bool {
        // SAFETY: see the type's contract; both dicts are rooted, and each new
        // array is rooted as soon as it exists; the dict's fields are set only
        // once all four are.
        unsafe {
            let roots = Roots::new();
            roots.push(other.0);
            let parts = [
                (DICT_INDEX, false),
                (DICT_HASHES, false),
                (DICT_KEYS, other.key_is_ref()),
                (DICT_VALUES, other.value_is_ref()),
            ];
            let mut arrays = [std::ptr::null_mut::<u8>(); 4];
            for (slot, &(off, is_ref)) in arrays.iter_mut().zip(&parts) {
                let n = other.array(off).len();
                let Some(a) = try_alloc_array(is_ref, n) else {
                    return false;
                };
                roots.push(a);
                std::slice::from_raw_parts_mut(a.add(ARRAY_ITEMS) as *mut u64, n)
                    .copy_from_slice(other.array(off));
                *slot = a;
            }
            for (a, &(off, _)) in arrays.iter().zip(&parts) {
                set_ref(self.0, off, *a as u64);
            }
            set_word(self.0, DICT_USED, other.used() as u64);
            set_word(self.0, DICT_USABLE, other.usable() as u64);
            set_word(self.0, DICT_LEN, other.len() as u64);
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
                self.put(DICT_VALUES, e, value);
                return;
            }
            if pending() {
                return;
            }
            if self.usable() == 0 {
                let roots = Roots::new();
                roots.push(self.0);
                roots.push_word(key, self.key_is_ref());
                roots.push_word(value, self.value_is_ref());
                // CPython's GROWTH_RATE: three times the live entries.
                if !self.rebuild(size_for(self.len() * 3)) {
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
            self.put(DICT_HASHES, e, hash);
            self.put(DICT_KEYS, e, key);
            self.put(DICT_VALUES, e, value);
            self.put(DICT_INDEX, slot, e as u64 + 1);
            set_word(self.0, DICT_USED, e as u64 + 1);
            set_word(self.0, DICT_USABLE, self.usable() as u64 - 1);
            set_word(self.0, DICT_LEN, self.len() as u64 + 1);
        }
    }

    /// Turns entry `e` into a tombstone and its index slot into a dummy.
    unsafe fn remove(self, e: usize) {
        // SAFETY: see the type's contract; `e` is a live entry, so exactly one
        // index slot holds it, on its hash's probe path.
        unsafe {
            let index = self.array_mut(DICT_INDEX);
            let mask = index.len() - 1;
            let mut slot = self.array(DICT_HASHES)[e] as usize & mask;
            while index[slot] != e as u64 + 1 {
                slot = (slot + 1) & mask;
            }
            index[slot] = INDEX_DUMMY;
            self.put(DICT_HASHES, e, TOMBSTONE);
            self.put(DICT_KEYS, e, 0);
            self.put(DICT_VALUES, e, 0);
            set_word(self.0, DICT_LEN, self.len() as u64 - 1);
        }
    }

    /// Raises KeyError for `key`, its one argument (sets the exception state and returns).
    unsafe fn key_error(self, key: u64) {
        // SAFETY: see the type's contract.
        let code = unsafe {
            match self.key_code() {
                Some(code) => code.to_vec(),
                None if self.key_is_str() => b"s".to_vec(),
                None => b"i".to_vec(),
            }
        };
        if !pending() {
            raise_with_args(ExcKind::KeyError, "", &[Arg::Value(key, code)]);
        }
    }
}

/// CPython's `USABLE_FRACTION`: the entries an index of `size` slots takes.
fn usable_fraction(size: usize) -> usize {
    (size << 1) / 3
}

/// The index size CPython 3.11's `calculate_log2_keysize` chooses for
/// `minsize`: the next power of two, at least [`MIN_INDEX`] (doubled when
/// `minsize` is itself a power of two from 16 up, a quirk of 3.11's bit trick
/// that decides when later rebuilds happen, so it is kept).
fn size_for(minsize: usize) -> usize {
    let m = ((minsize | MIN_INDEX) - 1) | (MIN_INDEX - 1);
    1 << (usize::BITS - m.leading_zeros())
}

/// CPython's `estimate_log2_keysize`: an index with room for `n` entries
/// (its `(n * 3 + 1) / 2`).
fn presize(n: usize) -> usize {
    size_for((n * 3).div_ceil(2))
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

/// The live `(key, value)` pairs of a dict, in insertion order (for the
/// unit tests; a loop that may run methods uses [`dict_entry`]).
///
/// # Safety
/// `d` must be a live dict; the words are valid while it is unchanged.
#[cfg(test)]
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

/// The number of live entries.
///
/// # Safety
/// `d` must be a live dict.
pub(crate) unsafe fn dict_len(d: *mut u8) -> usize {
    // SAFETY: forwarded from the caller.
    unsafe { Dict(d).len() }
}

/// The number of entry numbers in use (live entries and tombstones): one
/// past the last entry a loop over the dict visits, read afresh.
///
/// # Safety
/// `d` must be a live dict.
pub(crate) unsafe fn dict_used(d: *mut u8) -> usize {
    // SAFETY: forwarded from the caller.
    unsafe { Dict(d).used() }
}

/// Entry `e` as `(hash, key, value)`, read afresh from the dict as it is
/// now; `None` for a deleted entry or past the end. What a loop uses whose
/// body may run a method (which may change the dict).
///
/// # Safety
/// `d` must be a live dict.
pub(crate) unsafe fn dict_entry(d: *mut u8, e: usize) -> Option<(u64, u64, u64)> {
    // SAFETY: forwarded from the caller; the three arrays have the same capacity.
    unsafe {
        let d = Dict(d);
        if e >= d.used() {
            return None;
        }
        let h = *d.array(DICT_HASHES).get(e)?;
        if h == TOMBSTONE {
            return None;
        }
        Some((h, d.array(DICT_KEYS)[e], d.array(DICT_VALUES)[e]))
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
                set_ref(array, ARRAY_ITEMS + 8 * n, pick((k[e], v[e])));
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
            set_ref(t, TUPLE_ITEMS, k);
            set_ref(t, TUPLE_ITEMS + 8, v);
            crate::list::list_append_word(list, t as u64);
        }
        list
    }
}

/// `d.copy()`, as CPython's `PyDict_Copy`: a dict with no more than a third
/// of its entries deleted is cloned, tombstones included; any other is
/// merged into a fresh one.
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
        let src = Dict(d);
        if src.len() == 0 {
            return copy.0;
        }
        if src.len() >= src.used() * 2 / 3 {
            if !copy.clone_storage(src) {
                raise_memory_error();
                return std::ptr::null_mut();
            }
        } else {
            merge(copy, src);
            if pending() {
                return std::ptr::null_mut();
            }
        }
        copy.0
    }
}

/// CPython's `dict_merge` of a dict into `d` (both rooted by the caller):
/// clone the storage of a compact `other` into an empty `d`, else rebuild `d`
/// once with room for both when `other` would not fit, and insert `other`'s
/// entries in order with their stored hashes (a merge runs no `__hash__`).
/// Raises MemoryError (`d` keeping what it had taken) when `d` cannot grow.
///
/// # Safety
/// `d` and `other` must be live dicts of the same key and value kinds.
unsafe fn merge(d: Dict, other: Dict) {
    // SAFETY: forwarded from the caller; entries are re-read by index after
    // each insertion, which may allocate (`other` is unchanged meanwhile,
    // unless a key's `__eq__` changes it, hence the bounds checks).
    unsafe {
        if d.0 == other.0 || other.len() == 0 {
            return;
        }
        if d.len() == 0
            && other.len() == other.used()
            && (other.index_size() == MIN_INDEX
                || usable_fraction(other.index_size() / 2) < other.len())
        {
            if !d.clone_storage(other) {
                raise_memory_error();
            }
            return;
        }
        if usable_fraction(d.index_size()) < other.len()
            && !d.rebuild(presize(d.len() + other.len()))
        {
            raise_memory_error();
            return;
        }
        for e in live_entries(other) {
            let (Some(&h), Some(&k), Some(&v)) = (
                other.array(DICT_HASHES).get(e),
                other.array(DICT_KEYS).get(e),
                other.array(DICT_VALUES).get(e),
            ) else {
                break;
            };
            if h == TOMBSTONE {
                continue;
            }
            let _roots = d.guard(k, Some(v));
            d.set_hashed(k, v, h);
            if pending() {
                return;
            }
        }
    }
}

/// The first live entry at or after `pos`, or -1 at the end, for a loop that
/// began when the dict held `expected_len` entries and has taken `taken` of
/// them: RuntimeError "dictionary changed size during iteration" when the
/// length is no longer `expected_len`, "dictionary keys changed during
/// iteration" when an entry is found after `expected_len` were taken (as
/// CPython's `dictiter_iternextkey` checks).
///
/// # Safety
/// `d` must be a live dict.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_dict_iter_next(
    d: *mut u8,
    pos: i64,
    expected_len: i64,
    taken: i64,
) -> i64 {
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
        let Some(e) = (pos.max(0) as usize..d.used()).find(|&e| hashes[e] != TOMBSTONE) else {
            return -1;
        };
        if taken >= expected_len {
            raise(
                ExcKind::RuntimeError,
                "dictionary keys changed during iteration",
            );
            return -1;
        }
        e as i64
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

/// `d.update(other)`: every entry of `other`, in its order, set in `d`
/// (CPython's `dict_merge`, storage sizes included).
///
/// # Safety
/// `d` and `other` must be live dicts of the same key and value kinds.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_dict_update(d: *mut u8, other: *mut u8) {
    // SAFETY: forwarded from the caller; both dicts are rooted while `d` grows.
    unsafe {
        let roots = Roots::new();
        roots.push(d);
        roots.push(other);
        merge(Dict(d), Dict(other));
    }
}

/// `d.clear()`: drops the storage, as CPython does (the next insertion
/// starts a fresh table, at entry 0).
///
/// # Safety
/// `d` must be a live dict.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_dict_clear(d: *mut u8) {
    // SAFETY: forwarded from the caller; nothing allocates.
    unsafe {
        for off in [DICT_INDEX, DICT_HASHES, DICT_KEYS, DICT_VALUES] {
            set_word(d, off, 0);
        }
        for off in [DICT_LEN, DICT_USED, DICT_USABLE] {
            set_word(d, off, 0);
        }
    }
}

/// `d.popitem()`: removes the last entry and gives it as a `(key, value)`
/// tuple with reference bitmask `ref_mask`; KeyError
/// 'popitem(): dictionary is empty'. As in CPython, the entry's number is
/// given back (the next insertion takes it), but not the room it took
/// before the next rebuild.
///
/// # Safety
/// `d` must be a live dict.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_dict_popitem(d: *mut u8, ref_mask: i64) -> *mut u8 {
    // SAFETY: forwarded from the caller; the dict is rooted while the tuple
    // is allocated, and the entry is read after the allocation.
    unsafe {
        if Dict(d).len() == 0 {
            raise_with_args(
                ExcKind::KeyError,
                "",
                &[Arg::Str("popitem(): dictionary is empty".to_owned())],
            );
            return std::ptr::null_mut();
        }
        let roots = Roots::new();
        roots.push(d);
        let t = alloc_tuple(2, ref_mask as u64 & 3);
        let dict = Dict(d);
        // The last live entry, scanning back over tombstones as CPython does.
        let hashes = dict.array(DICT_HASHES);
        let Some(e) = (0..dict.used()).rev().find(|&e| hashes[e] != TOMBSTONE) else {
            return t;
        };
        set_ref(t, TUPLE_ITEMS, dict.array(DICT_KEYS)[e]);
        set_ref(t, TUPLE_ITEMS + 8, dict.array(DICT_VALUES)[e]);
        dict.remove(e);
        set_word(d, DICT_USED, e as u64);
        t
    }
}
