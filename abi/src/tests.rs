//! The tables' own consistency: what each side's expansion takes for granted.

use crate::layout::*;
use crate::symbols::{ItemKind, extension_descriptor, mangle};
use crate::{ExcKind, gc};
use std::collections::HashSet;

/// One entry of the runtime function table, as plain data.
struct Entry {
    variant: &'static str,
    symbol: &'static str,
    params: &'static [&'static str],
    ret: Option<&'static str>,
    flag: Option<&'static str>,
}

macro_rules! kind {
    (I64) => {
        "I64"
    };
    (F64) => {
        "F64"
    };
    (I8) => {
        "I8"
    };
    (Word) => {
        "Word"
    };
    (Ptr) => {
        "Ptr"
    };
    (Addr) => {
        "Addr"
    };
    (AddrTable) => {
        "AddrTable"
    };
}

macro_rules! optional {
    () => {
        None
    };
    ($e:expr) => {
        Some($e)
    };
}

macro_rules! entries {
    ($( $(#[$doc:meta])* $variant:ident = $sym:ident ( $($param:ident),* ) $(-> $ret:ident)? $(, $flag:ident)? ;)*) => {
        &[$(Entry {
            variant: stringify!($variant),
            symbol: stringify!($sym),
            params: &[$(kind!($param)),*],
            ret: optional!($(kind!($ret))?),
            flag: optional!($(stringify!($flag))?),
        }),*]
    };
}

const TABLE: &[Entry] = crate::foreach_runtime_function!(entries);

#[test]
fn runtime_functions_have_distinct_names_and_symbols() {
    let mut variants = HashSet::new();
    let mut symbols = HashSet::new();
    for e in TABLE {
        assert!(variants.insert(e.variant), "variant {} twice", e.variant);
        assert!(symbols.insert(e.symbol), "symbol {} twice", e.symbol);
        assert!(e.symbol.starts_with("seam_"), "{}", e.symbol);
        assert!(
            e.params.len() <= 6,
            "{}: more arguments than registers",
            e.symbol
        );
    }
    assert!(TABLE.len() > 150, "the whole table: {}", TABLE.len());
}

#[test]
fn flags_are_raises_or_noreturn_and_noreturn_functions_return_nothing() {
    for e in TABLE {
        match e.flag {
            None | Some("raises") => {}
            Some("noreturn") => assert_eq!(e.ret, None, "{}", e.symbol),
            Some(other) => panic!("{}: unknown flag {other}", e.symbol),
        }
        // Addresses are arguments only: a result is a reference or a value.
        assert!(!matches!(e.ret, Some("Addr" | "AddrTable")), "{}", e.symbol);
    }
    let noreturn: Vec<&str> = TABLE
        .iter()
        .filter(|e| e.flag == Some("noreturn"))
        .map(|e| e.symbol)
        .collect();
    assert_eq!(noreturn, ["seam_shadow_stack_overflow"]);
}

#[test]
fn data_symbols_are_distinct_from_functions() {
    let data = [
        crate::symbols::EXC_CURRENT,
        crate::symbols::SHADOW_STACK_TOP,
        crate::symbols::SHADOW_STACK_LIMIT,
        crate::symbols::STACK_LIMIT,
        crate::symbols::GC_FREE,
        crate::symbols::GC_BUDGET,
        crate::symbols::CORE_FINGERPRINT,
        crate::symbols::PROGRAM_MAIN,
    ];
    for d in data {
        assert!(d.starts_with("seam_"), "{d}");
        assert!(
            TABLE.iter().all(|e| e.symbol != d),
            "{d} is also a function"
        );
    }
}

macro_rules! offsets {
    ($( $(#[$doc:meta])* $name:ident = $value:literal; )*) => {
        &[$((stringify!($name), $value)),*]
    };
}

#[test]
fn layout_offsets_are_words() {
    let offsets: &[(&str, usize)] = crate::foreach_layout_offset!(offsets);
    for &(name, offset) in offsets {
        assert_eq!(offset % 8, 0, "{name} is not word-aligned");
    }
}

#[test]
fn dunder_slots_name_their_methods() {
    let slots = [
        (DUNDER_STR, "__str__"),
        (DUNDER_REPR, "__repr__"),
        (DUNDER_EQ, "__eq__"),
        (DUNDER_NE, "__ne__"),
        (DUNDER_HASH, "__hash__"),
        (DUNDER_LT, "__lt__"),
        (DUNDER_LT + 1, "__le__"),
        (DUNDER_LT + 2, "__gt__"),
        (DUNDER_LT + 3, "__ge__"),
        (DUNDER_LEN, "__len__"),
    ];
    for (slot, name) in slots {
        assert_eq!(DUNDER_NAMES[slot], name);
    }
    assert_eq!(CLASS_GC_INFO + gc::TYPE_INFO_SIZE, CLASS_ID);
}

#[test]
fn exception_kinds_are_numbered_densely_parents_first() {
    for (i, &k) in ExcKind::ALL.iter().enumerate() {
        assert_eq!(k as usize, i);
        assert_eq!(ExcKind::from_id(i as i64), Some(k));
        if let Some(p) = k.parent() {
            assert!((p as usize) < i, "{} before its parent", k.name());
        }
        if k.nameable() {
            assert_eq!(ExcKind::from_name(k.name()), Some(k));
            assert_eq!(k.qualified_name(), k.name());
        }
    }
    assert_eq!(ExcKind::from_id(-1), None);
    assert_eq!(ExcKind::from_id(ExcKind::COUNT as i64), None);
    assert_eq!(ExcKind::from_name("UnsupportedOperation"), None);
    assert_eq!(
        ExcKind::UnsupportedOperation.qualified_name(),
        "io.UnsupportedOperation"
    );
}

#[test]
fn mangled_symbols_are_length_prefixed() {
    assert_eq!(
        mangle(ItemKind::Function, "pkg.util", "f"),
        "seam_F3pkg4util_1f"
    );
    assert_eq!(
        mangle(ItemKind::Method, "main", "Op_3run"),
        "seam_M4main_7Op_3run"
    );
    assert_eq!(extension_descriptor("vectors"), "seam_ext__vectors");
}

#[test]
fn the_inline_allocation_encoding_is_consistent() {
    use crate::gc::*;
    assert_eq!(NUM_CLASSES * GRANULE, MAX_SMALL);
    assert_eq!(HEADER % 8, 0);
    // The header bits are distinct and below the class field.
    let bits = [
        HDR_ALLOCATED,
        HDR_OLD,
        HDR_LARGE,
        HDR_REMEMBERED,
        HDR_CARDED,
        HDR_AGED,
        HDR_AGE_PARITY,
    ];
    assert_eq!(CARD_BYTES, 1 << CARD_SHIFT);
    for (i, a) in bits.iter().enumerate() {
        assert_eq!(a.count_ones(), 1);
        assert!(*a < 1 << HDR_CLASS_SHIFT);
        for b in &bits[i + 1..] {
            assert_eq!(a & b, 0);
        }
    }
    // Every small size maps to the smallest class that fits it.
    for size in 1..=MAX_SMALL - HEADER {
        let (total, class) = size_class(size);
        let class = class.expect("a small size");
        assert_eq!(total, (class + 1) * GRANULE);
        assert!(size.max(8) + HEADER <= total && total < size.max(8) + HEADER + GRANULE);
    }
    assert_eq!(size_class(MAX_SMALL - HEADER + 1).1, None);
}
