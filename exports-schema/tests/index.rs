//! The index of an exports file: names first, items decoded when asked for,
//! a selection that follows what its items need, and errors found late.

mod support;

use seam_exports_schema::{DecodeError, ExportsFile, ExportsIndex, ItemKind, decode};
use support::{sample, synthetic};

/// Qualified names of functions, classes and globals.
type Names<'a> = (Vec<&'a str>, Vec<&'a str>, Vec<&'a str>);

/// The qualified names of a selection's items, by kind.
fn names(file: &ExportsFile) -> Names<'_> {
    (
        file.functions
            .iter()
            .map(|f| f.qualified_name.as_str())
            .collect(),
        file.classes
            .iter()
            .map(|c| c.qualified_name.as_str())
            .collect(),
        file.globals
            .iter()
            .map(|g| g.qualified_name.as_str())
            .collect(),
    )
}

#[test]
fn names_come_first_and_items_on_demand() {
    let file = sample();
    let bytes = file.encode();
    let index = ExportsIndex::open(&bytes).expect("opens");
    assert_eq!(index.len(), 8);
    assert_eq!(index.fingerprint(), file.fingerprint);
    assert_eq!(index.target(), file.target);
    assert_eq!(index.seam_version(), file.seam_version);
    assert_eq!(index.runtime_abi_version(), file.runtime_abi_version);
    assert_eq!(index.modules(), ["main"]);
    assert_eq!(index.kind("main.add"), Some(ItemKind::Function));
    assert_eq!(index.kind("main.W_Int"), Some(ItemKind::Class));
    assert_eq!(index.kind("Exception"), Some(ItemKind::BuiltinClass));
    assert_eq!(index.kind("main.COUNT"), Some(ItemKind::Global));
    assert_eq!(index.kind("main.Nowhere"), None);
    assert_eq!(
        index.function("main.add"),
        Ok(Some(file.functions[0].clone()))
    );
    assert_eq!(
        index.class("main.W_Int"),
        Ok(file.class("main.W_Int").cloned())
    );
    assert_eq!(
        index.global("main.COUNT"),
        Ok(Some(file.globals[0].clone()))
    );
    // Asked for as another kind, an item is not there.
    assert_eq!(index.class("main.add"), Ok(None));
    assert_eq!(index.function("main.W_Int"), Ok(None));
    assert_eq!(index.decode_all(), Ok(file));
}

#[test]
fn a_selection_follows_parents_and_the_classes_types_mention() {
    let bytes = sample().encode();
    let index = ExportsIndex::open(&bytes).expect("opens");
    // The builtin exception classes come with every selection.
    let cases: [(&[&str], Names<'static>); 5] = [
        (&[], (vec![], vec!["Exception"], vec![])),
        (
            &["main.W_Leaf"],
            (
                vec![],
                vec!["Exception", "main.W_Root", "main.W_Int", "main.W_Leaf"],
                vec![],
            ),
        ),
        (
            &["main.wrap"],
            (vec!["main.wrap"], vec!["Exception", "main.W_Root"], vec![]),
        ),
        // A Callable's parameter and an optional result name classes too.
        (
            &["main.apply", "main.add"],
            (
                vec!["main.add", "main.apply"],
                vec!["Exception", "main.W_Root", "main.W_Int"],
                vec![],
            ),
        ),
        // Names the file does not describe are candidates, skipped.
        (
            &["main.COUNT", "main.nothing", "other.add", "add", "main"],
            (vec![], vec!["Exception"], vec!["main.COUNT"]),
        ),
    ];
    for (wanted, expected) in cases {
        let selected = index.select(wanted.iter().copied()).expect("selects");
        assert_eq!(names(&selected), expected, "selecting {wanted:?}");
        assert_eq!(selected.fingerprint, index.fingerprint());
        assert!(selected.runtime.is_empty());
    }
}

#[test]
fn selecting_everything_gives_the_whole_file_but_its_runtime_tables() {
    let file = synthetic(400, 60);
    let bytes = file.encode();
    let index = ExportsIndex::open(&bytes).expect("opens");
    let all: Vec<&str> = file
        .functions
        .iter()
        .map(|f| f.qualified_name.as_str())
        .chain(file.classes.iter().map(|c| c.qualified_name.as_str()))
        .chain(file.globals.iter().map(|g| g.qualified_name.as_str()))
        .collect();
    let mut selected = index.select(all).expect("selects");
    selected.runtime = file.runtime.clone();
    selected.runtime_data = file.runtime_data.clone();
    assert_eq!(selected, file);
}

#[test]
fn opening_every_prefix_says_truncated() {
    let bytes = sample().encode();
    assert_eq!(ExportsIndex::open(&[]).unwrap_err(), DecodeError::Empty);
    for len in 1..bytes.len() {
        assert_eq!(
            ExportsIndex::open(&bytes[..len]).unwrap_err(),
            DecodeError::Truncated { len },
            "prefix of {len} bytes"
        );
    }
}

#[test]
fn opening_catches_every_flipped_byte_before_any_item_is_read() {
    let bytes = sample().encode();
    let version_text = b"0.1.0";
    let version_at = bytes
        .windows(version_text.len())
        .position(|w| w == version_text)
        .expect("the seam version is in the file");
    for i in 0..bytes.len() {
        if (version_at..version_at + version_text.len()).contains(&i) {
            continue;
        }
        for mask in [0x01u8, 0x80, 0xff] {
            let mut bad = bytes.clone();
            bad[i] ^= mask;
            assert!(
                ExportsIndex::open(&bad).is_err(),
                "flipping byte {i} with {mask:#x} went unnoticed by open"
            );
        }
    }
}

#[test]
fn a_broken_item_is_found_when_it_is_read_and_only_then() {
    let file = sample();
    let mut cases: Vec<(Vec<u8>, DecodeError)> = Vec::new();
    // A byte too many.
    cases.push((
        file.encode_edited(|name, mut item| {
            if name == "main.W_Int" {
                item.push(0);
            }
            item
        }),
        DecodeError::Corrupt("class 'main.W_Int': 1 bytes left over".into()),
    ));
    // Cut short.
    cases.push((
        file.encode_edited(|name, mut item| {
            if name == "main.W_Int" {
                item.truncate(item.len() / 2);
            }
            item
        }),
        DecodeError::Corrupt("class 'main.W_Int': it ends before its last field".into()),
    ));
    // Another item's bytes under this item's name.
    let mut root_bytes = Vec::new();
    let _ = file.encode_edited(|name, item| {
        if name == "main.W_Root" {
            root_bytes = item.clone();
        }
        item
    });
    cases.push((
        file.encode_edited(|name, item| {
            if name == "main.W_Int" {
                root_bytes.clone()
            } else {
                item
            }
        }),
        DecodeError::Inconsistent(
            "the index names 'main.W_Int' but its item is 'main.W_Root'".into(),
        ),
    ));
    for (bytes, err) in cases {
        let index = ExportsIndex::open(&bytes).expect("the fingerprint matches the edit");
        // Nothing that needs `main.W_Int` is read: it goes unnoticed.
        let selected = index.select(["main.add", "main.wrap", "main.COUNT"]);
        assert!(selected.is_ok(), "{selected:?}");
        // What needs it finds it, however it is reached.
        assert_eq!(index.class("main.W_Int").unwrap_err(), err);
        assert_eq!(index.select(["main.W_Leaf"]).unwrap_err(), err);
        assert_eq!(index.select(["main.apply"]).unwrap_err(), err);
        assert_eq!(decode(&bytes).unwrap_err(), err);
    }
}

#[test]
fn a_selection_is_checked_as_a_whole_file_is() {
    // A class whose ids lie outside its parent's range, fingerprinted as written.
    let mut file = sample();
    let int = file
        .classes
        .iter()
        .position(|c| c.qualified_name == "main.W_Int")
        .expect("the sample has main.W_Int");
    file.classes[int].id_max = 100;
    file.seal();
    let bytes = file.encode();
    let index = ExportsIndex::open(&bytes).expect("opens");
    let err = index.select(["main.W_Int"]).unwrap_err();
    assert!(matches!(err, DecodeError::Inconsistent(_)), "{err:?}");
    assert_eq!(decode(&bytes).unwrap_err(), err);
    // A selection that does not reach it is consistent.
    assert!(index.select(["main.add", "main.COUNT"]).is_ok());

    // A class mentioned but not described is refused by the selection that reaches it.
    let mut file = sample();
    file.functions[0].ret = support::instance("main.Nowhere");
    file.seal();
    let bytes = file.encode();
    let index = ExportsIndex::open(&bytes).expect("opens");
    assert_eq!(
        index.select(["main.add"]).unwrap_err(),
        DecodeError::Inconsistent("class 'main.Nowhere' is used but not described".into())
    );
}

#[test]
fn an_index_naming_an_item_twice_is_refused() {
    let mut file = sample();
    let again = file.functions[0].clone();
    file.functions.push(again);
    file.seal();
    assert_eq!(
        ExportsIndex::open(&file.encode()).unwrap_err(),
        DecodeError::Inconsistent("the index lists 'main.add' twice, after 'main.add'".into())
    );
}

#[test]
fn restamped_flips_never_panic_and_a_selection_agrees_with_the_whole_file() {
    // Every byte of the body flipped, then given the fingerprint its bytes hash to (as a
    // writer with a bug would): the flip reaches the index and item decoders, not the hash.
    let file = sample();
    let bytes = file.encode();
    let all: Vec<String> = file
        .functions
        .iter()
        .map(|f| f.qualified_name.clone())
        .chain(file.classes.iter().map(|c| c.qualified_name.clone()))
        .chain(file.globals.iter().map(|g| g.qualified_name.clone()))
        .collect();
    let body_at = 44 + 1 + file.seam_version.len();
    let mut opened = 0;
    for i in body_at..bytes.len() {
        for mask in [0x01u8, 0x80, 0xff] {
            let mut bad = bytes.clone();
            bad[i] ^= mask;
            if let Err(DecodeError::FingerprintMismatch { computed, .. }) = ExportsIndex::open(&bad)
            {
                bad[12..44].copy_from_slice(&computed.0);
            }
            let Ok(index) = ExportsIndex::open(&bad) else {
                continue;
            };
            opened += 1;
            let whole = index.decode_all();
            let names: Vec<&str> = all.iter().map(String::as_str).collect();
            let selected = index.select(names);
            // What decodes whole selects the same, but for the runtime tables it leaves out.
            if let Ok(mut whole) = whole {
                let selected = selected.expect("a file that decodes whole selects");
                whole.runtime.clear();
                whole.runtime_data.clear();
                // A flipped name may describe an item no candidate names: a subset.
                assert!(
                    selected
                        .functions
                        .iter()
                        .all(|f| whole.functions.contains(f))
                );
                assert!(selected.classes.iter().all(|c| whole.classes.contains(c)));
                assert!(selected.globals.iter().all(|g| whole.globals.contains(g)));
            }
        }
    }
    assert!(opened > 0, "some restamped flips open");
}
