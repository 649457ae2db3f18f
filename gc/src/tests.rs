//! Tests of the collector against a mock mutator: object graphs built from
//! the tests' own descriptors, rooted by hand on the shadow stack and in
//! static slots. No compiler and no runtime are involved.

use super::*;
use std::sync::{Mutex, MutexGuard};

/// The collector's state is process-wide; tests run one at a time.
static LOCK: Mutex<()> = Mutex::new(());

/// Serialises the test, initialises the collector and pops whatever the
/// test pushed when it ends.
struct Session {
    _guard: MutexGuard<'static, ()>,
    top: *mut usize,
}

impl Session {
    fn new() -> Session {
        let guard = LOCK.lock().unwrap_or_else(|e| e.into_inner());
        // SAFETY: the lock keeps every other test out of the collector.
        unsafe {
            init();
            set_stress(false);
        }
        Session {
            _guard: guard,
            top: shadow_stack_top(),
        }
    }
}

impl Session {
    /// [`set_stress`], with the collector to this test alone.
    fn set_stress(&self, on: bool) {
        // SAFETY: the session holds the lock.
        unsafe { set_stress(on) }
    }

    /// [`stats`], with the collector to this test alone.
    fn stats(&self) -> GcStats {
        // SAFETY: the session holds the lock.
        unsafe { stats() }
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        // SAFETY: `top` was the top when the session started.
        unsafe { truncate_shadow_stack(self.top) };
        // SAFETY: the roots are back to what they were, all valid; the
        // session's lock is still held.
        unsafe {
            set_stress(false);
            collect();
        }
    }
}

/// A cons cell: {desc, value: i64, next: ref}.
static NODE_OFFSETS: [u32; 1] = [16];
static NODE: GcTypeInfo = GcTypeInfo::fixed_refs(&NODE_OFFSETS);
/// A leaf: {desc, value: i64}.
static LEAF: GcTypeInfo = GcTypeInfo::no_refs();
/// An array: {desc, len, items...}.
static ARRAY: GcTypeInfo = GcTypeInfo::ref_array(8, 16);
/// A tuple: {desc, len, mask, items...}.
static TUPLE: GcTypeInfo = GcTypeInfo::tuple(8, 16, 24);

fn leaf(value: i64) -> *mut u8 {
    // SAFETY: LEAF describes a 16-byte object without references.
    unsafe {
        let p = alloc(&LEAF, 16);
        *(p.add(8) as *mut i64) = value;
        p
    }
}

fn node(value: i64, next: *mut u8) -> *mut u8 {
    // SAFETY: `next` is rooted by the callers across this allocation where needed;
    // NODE describes a 24-byte object with one reference at 16.
    unsafe {
        let p = alloc(&NODE, 24);
        *(p.add(8) as *mut i64) = value;
        *(p.add(16) as *mut *mut u8) = next;
        p
    }
}

fn value(p: *mut u8) -> i64 {
    // SAFETY: tests only pass live nodes and leaves.
    unsafe { *(p.add(8) as *const i64) }
}

fn next(p: *mut u8) -> *mut u8 {
    // SAFETY: tests only pass live nodes.
    unsafe { *(p.add(16) as *const *mut u8) }
}

fn is_allocated(p: *mut u8) -> bool {
    // SAFETY: tests only ask about small objects, whose slot memory stays mapped.
    unsafe { *(p.sub(8) as *const u64) & 1 != 0 }
}

fn root(p: *mut u8) -> *mut usize {
    let slot = shadow_stack_top();
    // SAFETY: `p` is null or a live object.
    unsafe { push_root(p).expect("shadow stack room") };
    slot
}

fn gc() {
    // SAFETY: the tests keep their roots valid.
    unsafe { collect() };
}

#[test]
fn descriptor_layout_is_stable() {
    assert_eq!(std::mem::size_of::<GcTypeInfo>(), 32);
    assert_eq!(std::mem::align_of::<GcTypeInfo>(), 8);
    assert_eq!(std::mem::offset_of!(GcTypeInfo, kind), 0);
    assert_eq!(std::mem::offset_of!(GcTypeInfo, ref_count), 4);
    assert_eq!(std::mem::offset_of!(GcTypeInfo, ref_offsets), 8);
    assert_eq!(std::mem::offset_of!(GcTypeInfo, len_offset), 16);
    assert_eq!(std::mem::offset_of!(GcTypeInfo, items_offset), 20);
    assert_eq!(std::mem::offset_of!(GcTypeInfo, mask_offset), 24);
}

#[test]
fn allocation_is_zeroed_and_starts_with_the_descriptor() {
    let _s = Session::new();
    for size in [8, 24, 100, 500, 4000] {
        // SAFETY: LEAF has no references, any size fits it.
        let p = unsafe { alloc(&LEAF, size) };
        // SAFETY: `p` is a fresh object of `size` bytes.
        unsafe {
            assert_eq!(*(p as *const *const GcTypeInfo), &LEAF as *const _);
            for i in 8..size {
                assert_eq!(*p.add(i), 0);
            }
            std::ptr::write_bytes(p.add(8), 0xab, size - 8);
        }
    }
}

#[test]
fn unrooted_objects_are_freed_and_reused() {
    let _s = Session::new();
    gc();
    let kept = leaf(1);
    root(kept);
    let dead = leaf(2);
    gc();
    assert!(is_allocated(kept));
    assert!(!is_allocated(dead));
    assert_eq!(value(kept), 1);
    // The freed slot is handed out again.
    let again: Vec<*mut u8> = (0..10_000).map(|_| leaf(3)).collect();
    assert!(again.contains(&dead));
}

#[test]
fn static_roots_keep_objects_alive() {
    let _s = Session::new();
    static mut GLOBAL: *mut u8 = std::ptr::null_mut();
    // SAFETY: GLOBAL is a static slot; it holds null or a node from here on.
    unsafe {
        add_root(&raw mut GLOBAL);
        GLOBAL = node(7, leaf(8));
    }
    gc();
    // SAFETY: GLOBAL was rooted across the collection.
    let g = unsafe { GLOBAL };
    assert_eq!(value(g), 7);
    assert_eq!(value(next(g)), 8);
    // SAFETY: clearing the slot releases the objects.
    unsafe { GLOBAL = std::ptr::null_mut() };
}

#[test]
fn cycles_are_collected_and_kept() {
    let _s = Session::new();
    let a = node(1, std::ptr::null_mut());
    let slot = root(a);
    let b = node(2, a);
    // SAFETY: `a` is a live node; close the cycle a -> b -> a.
    unsafe { *(a.add(16) as *mut *mut u8) = b };
    gc();
    assert!(is_allocated(a) && is_allocated(b));
    assert_eq!(value(next(next(a))), 1);
    // Unroot: the whole cycle dies.
    // SAFETY: `slot` is the shadow-stack word pushed above.
    unsafe { *slot = 0 };
    gc();
    assert!(!is_allocated(a) && !is_allocated(b));
}

#[test]
fn deep_lists_do_not_overflow_the_native_stack() {
    let _s = Session::new();
    let head = root(std::ptr::null_mut());
    for i in 0..200_000 {
        // SAFETY: `head` holds the list built so far, rooted.
        unsafe { *head = node(i, *head as *mut u8) as usize };
    }
    gc();
    // SAFETY: the list is rooted through `head`.
    let mut p = unsafe { *head as *mut u8 };
    let mut expect = 199_999;
    while !p.is_null() {
        assert_eq!(value(p), expect);
        expect -= 1;
        p = next(p);
    }
    assert_eq!(expect, -1);
}

#[test]
fn arrays_and_tuples_trace_their_items() {
    let _s = Session::new();
    // SAFETY: ARRAY describes {desc, len, items}; 1000 items fit in 16 + 8000 bytes (a large object).
    let arr = unsafe { alloc(&ARRAY, 16 + 8 * 1000) };
    root(arr);
    for i in 0..1000 {
        let l = if i % 3 == 0 {
            std::ptr::null_mut()
        } else {
            leaf(i)
        };
        // SAFETY: `arr` has room for 1000 items; the length covers the stored ones only.
        unsafe {
            *(arr.add(16 + 8 * i as usize) as *mut *mut u8) = l;
            *(arr.add(8) as *mut usize) = i as usize + 1;
        }
    }
    // SAFETY: TUPLE describes {desc, len, mask, items}; item 1 is a plain integer.
    let tup = unsafe { alloc(&TUPLE, 24 + 8 * 3) };
    root(tup);
    let a = leaf(10);
    // SAFETY: `tup` has three items.
    unsafe {
        *(tup.add(8) as *mut usize) = 3;
        *(tup.add(16) as *mut u64) = 0b101;
        *(tup.add(24) as *mut *mut u8) = a;
        *(tup.add(32) as *mut u64) = 0xdead_beef; // not a reference: must not be traced
    }
    let c = leaf(12);
    // SAFETY: item 2 is a reference.
    unsafe { *(tup.add(40) as *mut *mut u8) = c };
    for _ in 0..3 {
        gc();
    }
    for i in 0..1000 {
        // SAFETY: `arr` is rooted.
        let l = unsafe { *(arr.add(16 + 8 * i) as *const *mut u8) };
        if i % 3 == 0 {
            assert!(l.is_null());
        } else {
            assert_eq!(value(l), i as i64);
        }
    }
    assert_eq!(value(a), 10);
    assert_eq!(value(c), 12);
}

#[test]
fn stress_mode_collects_at_every_allocation() {
    let s = Session::new();
    s.set_stress(true);
    let before = s.stats().collections;
    let head = root(std::ptr::null_mut());
    for i in 0..500 {
        // SAFETY: `head` holds the list built so far, rooted.
        unsafe { *head = node(i, *head as *mut u8) as usize };
    }
    assert!(s.stats().collections >= before + 500);
    // SAFETY: the list is rooted through `head`.
    let mut p = unsafe { *head as *mut u8 };
    for i in (0..500).rev() {
        assert_eq!(value(p), i);
        p = next(p);
    }
    assert!(p.is_null());
}

#[test]
fn heap_stays_bounded_when_garbage_is_dropped() {
    let session = Session::new();
    gc();
    // SAFETY: the session holds the collector.
    unsafe { heap::reset_peak() };
    for _ in 0..2_000_000 {
        leaf(0);
    }
    let s = session.stats();
    // 2M leaves are 64 MB of garbage; the heap never holds more than a few thresholds.
    assert!(s.peak_heap_bytes < 32 << 20, "peak {}", s.peak_heap_bytes);
    // Large objects are returned too.
    for _ in 0..2000 {
        // SAFETY: LEAF has no references.
        unsafe { alloc(&LEAF, 100_000) };
    }
    assert!(session.stats().heap_bytes < 64 << 20);
}

#[test]
fn sizes_the_system_cannot_give_are_null_and_change_nothing() {
    let s = Session::new();
    let kept = leaf(5);
    root(kept);
    gc();
    let before = s.stats();
    for size in [
        usize::MAX,
        usize::MAX - 8,
        isize::MAX as usize,
        1 << 62,
        1 << 50,
    ] {
        // SAFETY: LEAF has no references, any size fits it.
        let p = unsafe { alloc(&LEAF, size) };
        assert!(p.is_null(), "{size} bytes");
    }
    let after = s.stats();
    assert_eq!(after.heap_bytes, before.heap_bytes);
    assert_eq!(after.bytes_allocated, before.bytes_allocated);
    // Each refusal collected (a minor collection, then a major one for the
    // sizes the system refused) before giving up; the rooted object survived.
    assert!(after.collections >= before.collections + 5);
    assert!(after.collections <= before.collections + 10);
    assert_eq!(value(kept), 5);
    // Allocation goes on as before.
    assert_eq!(value(leaf(6)), 6);
}

#[test]
fn marking_falls_back_to_rescanning_when_the_mark_stack_is_full() {
    let _s = Session::new();
    const N: usize = 1000;
    // SAFETY: ARRAY describes {desc, len, items}; N items fit in 16 + 8N bytes.
    let arr = unsafe { alloc(&ARRAY, 16 + 8 * N) };
    root(arr);
    for i in 0..N {
        // Each node holds a leaf: tracing the array queues N nodes, more than
        // the mark stack may hold in tests.
        let n = node(i as i64, std::ptr::null_mut());
        // SAFETY: `arr` has room for N items; the length covers the stored ones.
        unsafe {
            *(arr.add(16 + 8 * i) as *mut *mut u8) = n;
            *(arr.add(8) as *mut usize) = i + 1;
        }
        let l = leaf(i as i64 + N as i64);
        // SAFETY: `n` is a live node, reachable from `arr`.
        unsafe { *(n.add(16) as *mut *mut u8) = l };
    }
    gc();
    gc();
    for i in 0..N {
        // SAFETY: `arr` is rooted.
        let n = unsafe { *(arr.add(16 + 8 * i) as *const *mut u8) };
        assert!(is_allocated(n) && is_allocated(next(n)));
        assert_eq!(value(n), i as i64);
        assert_eq!(value(next(n)), (i + N) as i64);
    }
}

/// [`verify_heap`], with the collector to this test alone.
fn verify() -> Result<(), String> {
    // SAFETY: the tests' roots are readable words.
    unsafe { verify_heap() }
}

#[test]
fn a_well_formed_heap_verifies_before_and_after_collections() {
    let _s = Session::new();
    let mut list = std::ptr::null_mut();
    let slot = root(list);
    for i in 0..2000 {
        list = node(i, list);
        // SAFETY: `slot` is this test's root.
        unsafe { *slot = list as usize };
        if i % 7 == 0 {
            leaf(i);
        }
    }
    // SAFETY: ARRAY describes {desc, len, items}; 100 items fit in 16 + 800 bytes (a large object).
    let arr = unsafe { alloc(&ARRAY, 16 + 8 * 100) };
    root(arr);
    // SAFETY: `arr` is live and has room for 100 items.
    unsafe {
        *(arr.add(8) as *mut usize) = 100;
        *(arr.add(16) as *mut *mut u8) = list;
    }
    assert_eq!(verify(), Ok(()));
    gc();
    assert_eq!(verify(), Ok(()));
}

#[test]
fn the_verifier_finds_a_reference_to_a_freed_object() {
    let _s = Session::new();
    let a = node(1, std::ptr::null_mut());
    root(a);
    let b = leaf(2);
    gc();
    assert!(!is_allocated(b), "the unrooted leaf is freed");
    // SAFETY: `a` is live; `b` is the stale address the verifier must catch.
    unsafe { *(a.add(16) as *mut *mut u8) = b };
    let problem = verify().expect_err("a reference to a freed slot");
    assert!(problem.contains("at offset 16"), "{problem}");
    assert!(problem.contains("not an allocated object"), "{problem}");
    // SAFETY: as above; the session's last collection must see a sound heap.
    unsafe { *(a.add(16) as *mut *mut u8) = std::ptr::null_mut() };
}

#[test]
fn the_verifier_finds_a_pointer_into_an_object_and_a_bad_root() {
    let _s = Session::new();
    let a = node(1, std::ptr::null_mut());
    root(a);
    let b = leaf(2);
    root(b);
    // SAFETY: `a` is live; `b + 8` points inside `b`, not at its start.
    unsafe { *(a.add(16) as *mut *mut u8) = b.add(8) };
    assert!(
        verify()
            .expect_err("an interior pointer")
            .contains("at offset 16")
    );
    // SAFETY: as above.
    unsafe { *(a.add(16) as *mut *mut u8) = b };
    assert_eq!(verify(), Ok(()));
    // SAFETY: `b + 8` is a readable address; the root is put back before the session ends.
    let slot = root(unsafe { b.add(8) });
    let problem = verify().expect_err("a root into an object");
    assert!(problem.starts_with("shadow stack slot"), "{problem}");
    // SAFETY: `slot` is this test's root.
    unsafe { *slot = 0 };
    assert_eq!(verify(), Ok(()));
}

#[test]
fn seam_gc_verify_takes_a_count_or_a_switch() {
    use std::ffi::OsStr;
    let every = |v: Option<&str>| heap::verify_interval(v.map(OsStr::new));
    assert_eq!(every(None), 0);
    assert_eq!(every(Some("")), 0);
    assert_eq!(every(Some("0")), 0);
    assert_eq!(every(Some("1")), 1);
    assert_eq!(every(Some("16")), 16);
    assert_eq!(every(Some("yes")), 1);
}

fn is_old(p: *mut u8) -> bool {
    // SAFETY: tests only ask about live objects.
    unsafe { *(p.sub(8) as *const u64) & seam_abi::gc::HDR_OLD != 0 }
}

fn minor() {
    // SAFETY: the tests keep their roots valid and remember the old objects they store into.
    unsafe { collect_minor() };
}

/// Stores `value` into the reference field at `offset` of `obj`, with the write barrier.
fn store(obj: *mut u8, offset: usize, value: *mut u8) {
    // SAFETY: tests pass live objects with a reference field at `offset`.
    unsafe {
        if needs_remembering(obj) {
            remember(obj);
        }
        *(obj.add(offset) as *mut *mut u8) = value;
    }
}

fn is_aged(p: *mut u8) -> bool {
    // SAFETY: tests only ask about live objects.
    unsafe { *(p.sub(8) as *const u64) & seam_abi::gc::HDR_AGED != 0 }
}

#[test]
fn a_minor_collection_promotes_the_young_survivors_only() {
    let s = Session::new();
    let old = node(1, leaf(2));
    root(old);
    gc();
    assert!(is_old(old) && is_old(next(old)));
    let before = s.stats();
    let young = leaf(3);
    root(young);
    leaf(4);
    minor();
    minor();
    let after = s.stats();
    assert!(is_old(young) && !is_aged(young));
    assert_eq!(after.minor_collections, before.minor_collections + 2);
    assert_eq!(after.major_collections, before.major_collections);
    // One 16-byte leaf in a 32-byte slot survived twice; the old list was not traced.
    assert_eq!(after.bytes_aged, before.bytes_aged + 32);
    assert_eq!(after.bytes_promoted, before.bytes_promoted + 32);
    assert_eq!(value(young), 3);
    assert_eq!(value(next(old)), 2);
}

#[test]
fn an_object_that_survives_one_minor_collection_stays_young_and_is_not_swept() {
    let s = Session::new();
    gc();
    let before = s.stats();
    let kept = node(1, leaf(2));
    root(kept);
    node(-1, leaf(-2));
    minor();
    let after = s.stats();
    assert!(is_aged(kept) && !is_old(kept));
    assert!(is_aged(next(kept)) && !is_old(next(kept)));
    assert_eq!(after.bytes_promoted, before.bytes_promoted);
    // A 32-byte node and a 16-byte leaf, in 32-byte slots.
    assert_eq!(after.bytes_aged, before.bytes_aged + 64);
    assert_eq!(after.heap_bytes, before.heap_bytes + 64);
    assert_eq!(verify(), Ok(()));
    // SAFETY: the session's roots are valid.
    unsafe { heap::sweep_all() };
    assert!(is_allocated(kept) && is_allocated(next(kept)));
    // Churn in both size classes: freed slots would be reused.
    for i in 0..20_000 {
        node(-i, leaf(i));
    }
    assert_eq!(value(kept), 1);
    assert_eq!(value(next(kept)), 2);
    // A store into a young survivor needs no barrier.
    // SAFETY: `kept` is a live node.
    assert!(!unsafe { needs_remembering(kept) });
    assert_eq!(verify(), Ok(()));
}

#[test]
fn an_object_that_survives_two_minor_collections_is_promoted() {
    let s = Session::new();
    gc();
    let kept = node(1, leaf(2));
    root(kept);
    minor();
    let before = s.stats();
    let later = leaf(3);
    root(later);
    minor();
    let after = s.stats();
    // The node and its leaf survived twice; `later` once.
    assert!(is_old(kept) && is_old(next(kept)) && !is_aged(kept));
    assert!(is_aged(later) && !is_old(later));
    assert_eq!(after.bytes_promoted, before.bytes_promoted + 64);
    assert_eq!(after.bytes_aged, before.bytes_aged + 32);
    assert_eq!(verify(), Ok(()));
    minor();
    assert!(is_old(later));
    // SAFETY: `kept` is old now.
    assert!(unsafe { needs_remembering(kept) });
    assert_eq!(value(kept), 1);
    assert_eq!(value(later), 3);
}

#[test]
fn a_survivor_dropped_before_the_next_minor_collection_is_freed_not_promoted() {
    let s = Session::new();
    gc();
    let slot = root(std::ptr::null_mut());
    let dropped = node(1, leaf(2));
    // SAFETY: `slot` is this test's root.
    unsafe { *slot = dropped as usize };
    minor();
    assert!(is_aged(dropped));
    // SAFETY: as above.
    unsafe { *slot = 0 };
    let before = s.stats();
    minor();
    let after = s.stats();
    assert_eq!(after.bytes_promoted, before.bytes_promoted);
    // Still aged, by the collection before: the sweep frees it.
    assert!(is_aged(dropped) && !is_old(dropped));
    assert_eq!(verify(), Ok(()));
    // SAFETY: the session's roots are valid.
    unsafe { heap::sweep_all() };
    assert!(!is_allocated(dropped));
}

#[test]
fn a_dead_survivor_left_unswept_is_freed_by_a_later_sweep_and_never_promoted() {
    let s = Session::new();
    gc();
    let slot = root(std::ptr::null_mut());
    let dropped = node(1, leaf(2));
    // SAFETY: `slot` is this test's root.
    unsafe { *slot = dropped as usize };
    minor();
    assert!(is_aged(dropped));
    // SAFETY: as above.
    unsafe { *slot = 0 };
    // Two minor collections without a sweep in between: the second has the
    // parity of the one that aged it, so the object looks aged by it.
    let before = s.stats();
    minor();
    minor();
    assert_eq!(s.stats().bytes_promoted, before.bytes_promoted);
    assert!(!is_old(dropped));
    assert_eq!(verify(), Ok(()));
    // One more, of the other parity: the sweep frees it.
    minor();
    // SAFETY: the session's roots are valid.
    unsafe { heap::sweep_all() };
    assert!(!is_allocated(dropped));
    assert_eq!(s.stats().bytes_promoted, before.bytes_promoted);
    assert_eq!(verify(), Ok(()));
}

#[test]
fn old_objects_holding_young_survivors_stay_remembered_across_two_minor_collections() {
    let _s = Session::new();
    let old = node(1, std::ptr::null_mut());
    root(old);
    gc();
    // A young list of two, reachable only through the old node.
    store(old, 16, node(2, leaf(3)));
    assert!(is_remembered(old));
    minor();
    // Its young objects survived once: still young, so `old` stays remembered.
    assert!(is_aged(next(old)) && is_aged(next(next(old))));
    assert!(is_remembered(old));
    assert_eq!(verify(), Ok(()));
    for i in 0..20_000 {
        node(-i, leaf(i));
    }
    minor();
    // Promoted now: nothing young is left in `old`.
    assert!(is_old(next(old)) && is_old(next(next(old))));
    assert!(!is_remembered(old));
    assert_eq!(verify(), Ok(()));
    for i in 0..20_000 {
        node(-i, leaf(i));
    }
    minor();
    assert_eq!(value(next(old)), 2);
    assert_eq!(value(next(next(old))), 3);
    assert_eq!(verify(), Ok(()));
}

#[test]
fn an_object_promoted_while_holding_a_young_survivor_is_remembered() {
    let _s = Session::new();
    gc();
    let parent = node(1, std::ptr::null_mut());
    root(parent);
    minor();
    assert!(is_aged(parent));
    // A store into a young survivor: no barrier needed.
    store(parent, 16, leaf(2));
    minor();
    // `parent` survived twice and is old, its new child once: young.
    assert!(is_old(parent) && is_aged(next(parent)));
    assert!(is_remembered(parent));
    assert_eq!(verify(), Ok(()));
    for i in 0..20_000 {
        node(-i, leaf(i));
    }
    minor();
    assert!(is_old(next(parent)) && !is_remembered(parent));
    assert_eq!(value(next(parent)), 2);
    assert_eq!(verify(), Ok(()));
}

#[test]
fn data_that_mostly_survives_is_promoted_at_once_and_garbage_is_aged() {
    let s = Session::new();
    let head = root(std::ptr::null_mut());
    let grow = |n: i64, keep_every: i64| {
        for i in 0..n {
            let kept = node(i, std::ptr::null_mut());
            if i % keep_every == 0 {
                // SAFETY: `head` holds the list built so far, rooted.
                unsafe {
                    *(kept.add(16) as *mut usize) = *head;
                    *head = kept as usize;
                }
            }
        }
    };
    // An old list of 20 MB first, so that the major threshold (half the
    // live data) leaves room for several minor collections.
    grow(640_000, 1);
    gc();
    let before = s.stats();
    // 400,000 more 32-byte nodes, all kept: three full nurseries of 4 MiB.
    grow(400_000, 1);
    let kept = s.stats();
    assert_eq!(kept.major_collections, before.major_collections);
    assert_eq!(kept.minor_collections, before.minor_collections + 3);
    // The first collection aged its nursery; the second promoted that and
    // aged its own, and found both alive: the third promoted at once.
    let aged = kept.bytes_aged - before.bytes_aged;
    let promoted = kept.bytes_promoted - before.bytes_promoted;
    assert_eq!((aged, promoted), (8 << 20, 12 << 20));
    // Mostly garbage: the collections age again.
    grow(800_000, 8);
    let after = s.stats();
    assert!(after.bytes_aged > kept.bytes_aged);
    assert_eq!(verify(), Ok(()));
    // SAFETY: the list is rooted through `head`.
    let mut p = unsafe { *head as *mut u8 };
    let mut n = 0;
    while !p.is_null() {
        p = next(p);
        n += 1;
    }
    assert_eq!(n, 640_000 + 400_000 + 100_000);
}

#[test]
fn a_major_collection_promotes_every_young_survivor() {
    let _s = Session::new();
    gc();
    let kept = node(1, leaf(2));
    root(kept);
    minor();
    assert!(is_aged(kept));
    gc();
    assert!(is_old(kept) && !is_aged(kept) && is_old(next(kept)));
    assert_eq!(verify(), Ok(()));
}

#[test]
fn young_garbage_is_freed_by_a_minor_collection_and_reused() {
    let _s = Session::new();
    gc();
    let kept = leaf(1);
    root(kept);
    let dead = leaf(2);
    minor();
    assert!(is_aged(kept) && !is_aged(dead) && !is_old(dead));
    // Sweeping frees the unmarked young object (and only it).
    // SAFETY: the session's roots are valid.
    unsafe { heap::sweep_all() };
    assert!(!is_allocated(dead));
    assert!(is_allocated(kept));
    assert_eq!(value(kept), 1);
}

#[test]
fn the_barrier_keeps_young_objects_stored_into_old_ones() {
    let _s = Session::new();
    let old = node(1, std::ptr::null_mut());
    root(old);
    // SAFETY: ARRAY describes {desc, len, items}; 100 items make a large object.
    let arr = unsafe { alloc(&ARRAY, 16 + 8 * 100) };
    root(arr);
    // SAFETY: `arr` has room for 100 items.
    unsafe { *(arr.add(8) as *mut usize) = 100 };
    gc();
    assert!(is_old(old) && is_old(arr));
    for round in 0..5 {
        // Young objects reachable only through old ones.
        store(old, 16, node(10 + round, leaf(20 + round)));
        for i in 0..100 {
            store(arr, 16 + 8 * i, leaf(1000 * round + i as i64));
        }
        assert_eq!(verify(), Ok(()));
        minor();
        assert_eq!(verify(), Ok(()));
        // Churn, so that freed slots would be reused and overwritten.
        for _ in 0..20_000 {
            leaf(-1);
        }
        minor();
        assert_eq!(value(next(old)), 10 + round);
        assert_eq!(value(next(next(old))), 20 + round);
        for i in 0..100 {
            // SAFETY: `arr` is rooted and holds 100 items.
            let l = unsafe { *(arr.add(16 + 8 * i) as *const *mut u8) };
            assert_eq!(value(l), 1000 * round + i as i64);
        }
    }
}

#[test]
fn the_verifier_finds_a_missed_barrier() {
    let _s = Session::new();
    let old = node(1, std::ptr::null_mut());
    root(old);
    gc();
    let young = leaf(2);
    // SAFETY: `old` is live; the store skips the barrier on purpose.
    unsafe { *(old.add(16) as *mut *mut u8) = young };
    let problem = verify().expect_err("an unremembered old-to-young reference");
    assert!(problem.contains("not remembered"), "{problem}");
    store(old, 16, young);
    assert_eq!(verify(), Ok(()));
    minor();
    assert_eq!(value(next(old)), 2);
}

#[test]
fn stress_mode_runs_minor_and_major_collections() {
    let s = Session::new();
    s.set_stress(true);
    let before = s.stats();
    let head = root(std::ptr::null_mut());
    for i in 0..200 {
        // SAFETY: `head` holds the list built so far, rooted.
        unsafe { *head = node(i, *head as *mut u8) as usize };
    }
    let after = s.stats();
    assert!(after.minor_collections >= before.minor_collections + 150);
    assert!(after.major_collections > before.major_collections);
    assert_eq!(verify(), Ok(()));
}

#[test]
fn size_classes_match_the_abi() {
    use seam_abi::gc::size_class;
    assert_eq!(size_class(1), (16, Some(0)));
    assert_eq!(size_class(8), (16, Some(0)));
    assert_eq!(size_class(9), (32, Some(1)));
    assert_eq!(size_class(504), (512, Some(31)));
    assert_eq!(size_class(505), (528, None));
}

#[test]
fn a_list_grown_across_many_minor_collections_stays_intact() {
    let s = Session::new();
    let before = s.stats();
    let head = root(std::ptr::null_mut());
    const N: i64 = 600_000;
    for i in 0..N {
        // SAFETY: `head` holds the list built so far, rooted.
        unsafe { *head = node(i, *head as *mut u8) as usize };
        // Young garbage in the same size class and in another one.
        node(-1, std::ptr::null_mut());
        leaf(-2);
    }
    let after = s.stats();
    assert!(after.minor_collections >= before.minor_collections + 4);
    // SAFETY: the list is rooted through `head`.
    let mut p = unsafe { *head as *mut u8 };
    for i in (0..N).rev() {
        assert_eq!(value(p), i);
        p = next(p);
    }
    assert!(p.is_null());
    assert_eq!(verify(), Ok(()));
}

fn is_carded(p: *mut u8) -> bool {
    // SAFETY: tests only ask about live objects.
    unsafe { *(p.sub(8) as *const u64) & seam_abi::gc::HDR_CARDED != 0 }
}

fn is_remembered(p: *mut u8) -> bool {
    // SAFETY: tests only ask about live objects.
    unsafe { *(p.sub(8) as *const u64) & seam_abi::gc::HDR_REMEMBERED != 0 }
}

fn dirty(arr: *mut u8, i: usize) -> bool {
    // SAFETY: tests pass live ARRAY objects and items inside them.
    unsafe { heap::card_is_dirty(arr, 16 + 8 * i) }
}

/// Stores `value` as item `i` of the ARRAY `arr`, with the slot's barrier.
fn store_item(arr: *mut u8, i: usize, value: *mut u8) {
    // SAFETY: tests pass live ARRAY objects with more than `i` items.
    unsafe {
        remember_slot(arr, 16 + 8 * i);
        *(arr.add(16 + 8 * i) as *mut *mut u8) = value;
    }
}

/// An old ARRAY of `n` null items (a large one when `n` > 62), rooted.
fn old_array(n: usize) -> *mut u8 {
    // SAFETY: ARRAY describes {desc, len, items}; `n` items fit.
    let arr = unsafe { alloc(&ARRAY, 16 + 8 * n) };
    root(arr);
    // SAFETY: `arr` has room for `n` items.
    unsafe { *(arr.add(8) as *mut usize) = n };
    gc();
    assert!(is_old(arr));
    arr
}

#[test]
fn only_large_reference_arrays_are_carded() {
    let _s = Session::new();
    let big = old_array(1000);
    let small = old_array(10);
    assert!(is_carded(big));
    assert!(!is_carded(small));
    // SAFETY: LEAF objects hold no references; 1000 bytes make a large one.
    let blob = unsafe { alloc(&LEAF, 1000) };
    assert!(!is_carded(blob));
    // A young carded array needs no card: a store into it is not remembered.
    // SAFETY: as in `old_array`.
    let young = unsafe { alloc(&ARRAY, 16 + 8 * 1000) };
    root(young);
    // SAFETY: `young` has room for 1000 items.
    unsafe { *(young.add(8) as *mut usize) = 1000 };
    store_item(young, 5, leaf(5));
    assert!(!dirty(young, 5) && !is_remembered(young));
    assert_eq!(verify(), Ok(()));
}

#[test]
fn the_barrier_dirties_one_card_and_a_minor_collection_traces_and_cleans_it() {
    let s = Session::new();
    let arr = old_array(1000);
    // Items 0..=61 share card 0 (the descriptor and length words come first:
    // bytes 16..512); item 500 is at byte 4016, in card 7.
    store_item(arr, 3, leaf(3));
    store_item(arr, 500, leaf(500));
    assert!(!is_remembered(arr));
    assert!(dirty(arr, 3) && dirty(arr, 61) && !dirty(arr, 62));
    assert!(dirty(arr, 500) && !dirty(arr, 499 - 60) && !dirty(arr, 999));
    assert_eq!(verify(), Ok(()));
    let before = s.stats();
    minor();
    let after = s.stats();
    assert_eq!(after.cards_traced, before.cards_traced + 2);
    // The two young leaves (32-byte slots) survived once, through their
    // cards: still young, so the cards stay dirty.
    assert_eq!(after.bytes_aged, before.bytes_aged + 64);
    assert!(dirty(arr, 3) && dirty(arr, 500) && !dirty(arr, 62));
    assert_eq!(verify(), Ok(()));
    for _ in 0..20_000 {
        leaf(-1);
    }
    let before = s.stats();
    minor();
    let after = s.stats();
    // Promoted the second time: the cards are clean.
    assert_eq!(after.cards_traced, before.cards_traced + 2);
    assert_eq!(after.bytes_promoted, before.bytes_promoted + 64);
    assert!(!dirty(arr, 3) && !dirty(arr, 500));
    assert_eq!(verify(), Ok(()));
    // SAFETY: `arr` is rooted and holds 1000 items.
    let item = |i: usize| unsafe { *(arr.add(16 + 8 * i) as *const *mut u8) };
    assert_eq!(value(item(3)), 3);
    assert_eq!(value(item(500)), 500);
    // Clean cards cost a minor collection nothing.
    let before = s.stats();
    minor();
    assert_eq!(s.stats().cards_traced, before.cards_traced);
}

#[test]
fn remembering_a_carded_array_whole_dirties_every_card_and_a_major_cleans_them() {
    let _s = Session::new();
    let arr = old_array(1000);
    // SAFETY: `arr` is a live old object.
    unsafe { remember(arr) };
    assert!(!is_remembered(arr));
    assert!((0..1000).all(|i| dirty(arr, i)));
    gc();
    assert!((0..1000).all(|i| !dirty(arr, i)));
}

#[test]
fn the_verifier_finds_a_young_object_under_a_clean_card() {
    let _s = Session::new();
    let arr = old_array(1000);
    let young = leaf(7);
    root(young);
    store_item(arr, 10, leaf(10));
    // SAFETY: `arr` has 1000 items; the store skips the barrier on purpose.
    unsafe { *(arr.add(16 + 8 * 700) as *mut *mut u8) = young };
    let problem = verify().expect_err("a young object under a clean card");
    assert!(problem.contains("card is clean"), "{problem}");
    store_item(arr, 700, young);
    assert_eq!(verify(), Ok(()));
    minor();
    assert_eq!(verify(), Ok(()));
}

#[test]
fn dead_carded_arrays_are_freed_and_cards_survive_stress() {
    let s = Session::new();
    for _ in 0..50 {
        // SAFETY: as in `old_array`; unrooted, so garbage at once.
        unsafe { alloc(&ARRAY, 16 + 8 * 5000) };
    }
    let arr = old_array(5000);
    s.set_stress(true);
    for i in 0..5000 {
        store_item(arr, i, leaf(i as i64));
        if i % 97 == 0 {
            assert_eq!(verify(), Ok(()));
        }
    }
    s.set_stress(false);
    // SAFETY: `arr` is rooted and holds 5000 items.
    for i in 0..5000 {
        assert_eq!(
            value(unsafe { *(arr.add(16 + 8 * i) as *const *mut u8) }),
            i as i64
        );
    }
}

#[test]
fn empty_chunks_are_given_back_after_a_large_drop_and_reused() {
    let s = Session::new();
    gc();
    let head = root(std::ptr::null_mut());
    const N: i64 = 600_000;
    let build = |head: *mut usize| {
        for i in 0..N {
            // SAFETY: `head` holds the list built so far, rooted.
            unsafe { *head = node(i, *head as *mut u8) as usize };
        }
    };
    build(head);
    gc();
    let before = s.stats();
    // SAFETY: `head` is a rooted slot; the list becomes garbage.
    unsafe { *head = 0 };
    // SAFETY: the session's roots are valid.
    let major = || unsafe { heap::collect_major_lazily() };
    major();
    // Empty for one major: kept, in case the program builds its data again.
    assert_eq!(s.stats().bytes_released, before.bytes_released);
    major();
    let after = s.stats();
    // Empty for two: 600,000 32-byte nodes filled about 300 chunks of 64 KiB,
    // of which 128 (8 MiB: the nursery and the major threshold) are kept.
    assert!(after.bytes_released >= before.bytes_released + 100 * 64 * 1024);
    assert_eq!(verify(), Ok(()));
    // The released chunks read as free and take the new list.
    build(head);
    gc();
    // SAFETY: the list is rooted through `head`.
    let mut p = unsafe { *head as *mut u8 };
    for i in (0..N).rev() {
        assert_eq!(value(p), i);
        p = next(p);
    }
    assert!(p.is_null());
    assert_eq!(verify(), Ok(()));
}

#[cfg(target_os = "linux")]
#[test]
fn spare_chunks_and_fresh_ones_take_no_memory_until_written() {
    unsafe extern "C" {
        fn mincore(addr: *mut u8, len: usize, vec: *mut u8) -> std::ffi::c_int;
    }
    /// How many of the 4 KiB pages of the 64 KiB at `base` are resident.
    fn resident_pages(base: *mut u8) -> usize {
        let mut pages = [0u8; 16];
        // SAFETY: `base` is a mapped, page-aligned chunk of 64 KiB.
        assert_eq!(unsafe { mincore(base, 64 * 1024, pages.as_mut_ptr()) }, 0);
        pages.iter().filter(|&&p| p & 1 != 0).count()
    }
    let s = Session::new();
    // SAFETY: the session holds the lock.
    let spares = unsafe { heap::spare_chunks() };
    assert_eq!(spares.len(), 8);
    for &chunk in &spares {
        assert_eq!(chunk as usize % 4096, 0);
        assert_eq!(resident_pages(chunk), 0, "a spare chunk took memory");
    }
    // A new chunk takes memory as its slots are threaded, and reads as zeroes.
    let before = s.stats();
    let head = root(std::ptr::null_mut());
    for i in 0..10_000 {
        // SAFETY: `head` holds the list built so far, rooted.
        unsafe { *head = node(i, *head as *mut u8) as usize };
    }
    assert!(s.stats().bytes_allocated > before.bytes_allocated);
    // SAFETY: the list is rooted through `head`.
    let mut p = unsafe { *head as *mut u8 };
    for i in (0..10_000).rev() {
        assert_eq!(value(p), i);
        p = next(p);
    }
    assert!(p.is_null());
    assert_eq!(verify(), Ok(()));
}
