//! Round trips, hostile input and fingerprint rules of the exports file.

mod support;

use seam_exports_schema::{
    DecodeError, ExportsFile, ExportsIndex, ExtensionOf, FORMAT_VERSION, InitMethod, Literal,
    MAGIC, MAX_TYPE_DEPTH, TypeRef, decode, default_getter_name,
};
use support::{class, instance, param, sample, slot, synthetic};

#[test]
fn round_trip() {
    let file = sample();
    let bytes = file.encode();
    assert_eq!(&bytes[..8], &MAGIC);
    assert_eq!(&bytes[8..12], &FORMAT_VERSION.to_le_bytes());
    assert_eq!(decode(&bytes), Ok(file));
}

#[test]
fn round_trip_variable_length_tuples() {
    let mut file = sample();
    let nested = TypeRef::VarTuple(Box::new(TypeRef::VarTuple(Box::new(TypeRef::Str))));
    file.functions[1].ret = nested.clone();
    file.fingerprint = file.compute_fingerprint();
    let back = decode(&file.encode()).expect("decodes");
    assert_eq!(back.functions[1].ret, nested);
    assert_eq!(nested.to_string(), "tuple[tuple[str, ...], ...]");
}

#[test]
fn round_trip_large() {
    let file = synthetic(4000, 200);
    assert_eq!(decode(&file.encode()), Ok(file));
}

#[test]
fn truncated_at_every_length() {
    let bytes = sample().encode();
    assert_eq!(decode(&[]), Err(DecodeError::Empty));
    for len in 1..bytes.len() {
        assert_eq!(
            decode(&bytes[..len]),
            Err(DecodeError::Truncated { len }),
            "prefix of {len} bytes"
        );
    }
}

#[test]
fn flipped_bytes_never_panic_and_are_caught() {
    let bytes = sample().encode();
    let version_text = b"0.1.0";
    let version_at = bytes
        .windows(version_text.len())
        .position(|w| w == version_text)
        .expect("the seam version is in the payload");
    for i in 0..bytes.len() {
        for mask in [0x01u8, 0x80, 0xff] {
            let mut bad = bytes.clone();
            bad[i] ^= mask;
            let result = decode(&bad);
            // The seam version text is the one part of the payload the fingerprint
            // leaves out: changing a character of it still decodes.
            let in_version_text = (version_at..version_at + version_text.len()).contains(&i);
            if !in_version_text {
                assert!(
                    result.is_err(),
                    "flipping byte {i} with {mask:#x} went unnoticed"
                );
            }
        }
    }
}

#[test]
fn wrong_magic() {
    let mut bytes = sample().encode();
    bytes[0] = b'X';
    assert_eq!(decode(&bytes), Err(DecodeError::NotExports));
    assert_eq!(decode(b"\x7fELF\x02\x01\x01"), Err(DecodeError::NotExports));
    assert_eq!(decode(b"SEAM"), Err(DecodeError::Truncated { len: 4 }));
    assert_eq!(
        DecodeError::NotExports.to_string(),
        "not a seam exports file"
    );
}

#[test]
fn other_versions_name_both_and_say_rebuild() {
    for found in [FORMAT_VERSION + 1, FORMAT_VERSION - 1] {
        let mut bytes = sample().encode();
        bytes[8..12].copy_from_slice(&found.to_le_bytes());
        let err = decode(&bytes).unwrap_err();
        assert_eq!(
            err,
            DecodeError::Version {
                found,
                supported: FORMAT_VERSION
            }
        );
        let msg = err.to_string();
        assert!(
            msg.contains(&found.to_string()) && msg.contains(&FORMAT_VERSION.to_string()),
            "{msg}"
        );
        assert!(msg.contains("rebuild the core"), "{msg}");
        assert!(
            msg.contains(if found > FORMAT_VERSION {
                "newer"
            } else {
                "older"
            }),
            "{msg}"
        );
    }
}

#[test]
fn trailing_bytes() {
    let mut bytes = sample().encode();
    bytes.extend_from_slice(b"xyz");
    assert_eq!(decode(&bytes), Err(DecodeError::TrailingBytes { count: 3 }));
}

#[test]
fn tampered_content_fails_the_fingerprint() {
    let mut file = sample();
    file.classes[2].fields[0].offset = 16;
    file.classes[2].fields[1].offset = 8;
    assert!(matches!(
        decode(&file.encode()),
        Err(DecodeError::FingerprintMismatch { .. })
    ));
}

#[test]
fn inconsistent_files_are_refused() {
    let mut file = sample();
    file.functions[0].ret = instance("main.Nowhere");
    file.seal();
    assert_eq!(
        decode(&file.encode()),
        Err(DecodeError::Inconsistent(
            "class 'main.Nowhere' is used but not described".into()
        ))
    );

    let mut file = sample();
    file.classes[2].id_max = 100;
    file.seal();
    assert!(matches!(
        decode(&file.encode()),
        Err(DecodeError::Inconsistent(_))
    ));

    // An `__init__` comes from the class or an ancestor, never a subclass.
    let mut file = sample();
    let int = file
        .classes
        .iter()
        .position(|c| c.qualified_name == "main.W_Int")
        .expect("the sample has main.W_Int");
    file.classes[int]
        .init
        .as_mut()
        .expect("main.W_Int has an __init__")
        .defined_in = "main.W_Leaf".into();
    file.seal();
    assert_eq!(
        decode(&file.encode()),
        Err(DecodeError::Inconsistent(
            "the __init__ of class 'main.W_Int' is defined in 'main.W_Leaf', which is neither \
             the class nor an ancestor"
                .into()
        ))
    );

    // A parameter with a default needs the slot that returns it (the second
    // translation calls it when an argument is omitted).
    let mut file = sample();
    let root = file
        .classes
        .iter()
        .position(|c| c.qualified_name == "main.W_Root")
        .expect("the sample has main.W_Root");
    let mut width = param("width", TypeRef::Int);
    width.default = Some(Literal::Int(8));
    file.classes[root].vtable[0].params.push(width);
    file.seal();
    assert_eq!(
        decode(&file.encode()),
        Err(DecodeError::Inconsistent(
            "parameter 'width' of method 'repr' of class 'main.W_Root' has a default but no \
             getter slot '$default:repr:1'"
                .into()
        ))
    );
    let getter = slot(
        1,
        &default_getter_name("repr", 1),
        "main.W_Root",
        TypeRef::Int,
    );
    file.classes[root].vtable.push(getter);
    file.seal();
    assert!(decode(&file.encode()).is_ok());
}

/// An extension's file whose class `ext.Mid` (a subclass of the core's
/// `main.W_Int`) constructs with the `__init__` of `init_from`.
fn extension_inheriting_init(init_from: &str) -> ExportsFile {
    let mut file = sample();
    let mut other = class("ext.Other", None, 0, 1, 0, &[]);
    other.ids_at_load = true;
    let mut mid = class("ext.Mid", Some("main.W_Int"), 0, 33, 32, &[]);
    mid.ids_at_load = true;
    mid.init = Some(InitMethod {
        defined_in: init_from.into(),
        symbol: "seam_M_main_W_Int___init__".into(),
        params: vec![
            param("self", instance("ext.Mid")),
            param("value", TypeRef::Int),
        ],
        can_raise: false,
        lends_self: false,
    });
    file.modules = vec!["ext".into()];
    file.functions.clear();
    file.globals.clear();
    file.classes = vec![other, mid];
    file.extension = Some(ExtensionOf {
        name: "ext".into(),
        core: file.fingerprint,
        depends: Vec::new(),
    });
    file.seal();
    file
}

#[test]
fn an_extension_class_may_inherit_its_init_from_a_class_another_file_describes() {
    // The core's class is an ancestor the core's file describes (found by the
    // seam generator: an exported extension class without an __init__).
    let file = extension_inheriting_init("main.W_Int");
    assert_eq!(decode(&file.encode()), Ok(file));
    // A class of the extension's own file must still be an ancestor.
    let file = extension_inheriting_init("ext.Other");
    assert_eq!(
        decode(&file.encode()),
        Err(DecodeError::Inconsistent(
            "the __init__ of class 'ext.Mid' is defined in 'ext.Other', which is neither the \
             class nor an ancestor"
                .into()
        ))
    );
}

#[test]
fn deeply_nested_types_are_refused_without_overflowing() {
    let mut deep = TypeRef::Int;
    for _ in 0..MAX_TYPE_DEPTH {
        deep = TypeRef::List(Box::new(deep));
    }
    let mut file = sample();
    file.globals[0].ty = deep;
    file.seal();
    let err = decode(&file.encode()).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!(
            "corrupt exports file: global 'main.COUNT': a type nests deeper than {MAX_TYPE_DEPTH} levels"
        )
    );

    // A hostile file: a million `list[` nodes, one byte each, would overflow a recursive decoder.
    // The type is the one-node list `[Int]` (count 1, tag 0); make it `[List; n] Int`.
    let n: usize = 1_000_000;
    let mut replacement = varint(n as u64 + 1);
    replacement.extend(std::iter::repeat_n(5u8, n)); // TypeNode::List
    replacement.push(0); // TypeNode::Int
    let hostile = with_global_type(&replacement);
    assert_eq!(decode(&hostile).unwrap_err(), err);
    // Read lazily, the file opens (its fingerprint matches) and the global fails when it is read.
    let index = ExportsIndex::open(&hostile).expect("the index is intact");
    assert_eq!(index.global("main.COUNT").unwrap_err(), err);
    assert!(index.select(["main.add"]).is_ok());
    assert_eq!(index.select(["main.COUNT"]).unwrap_err(), err);
}

/// The sample file with the one-node type of its global (`int`) replaced by
/// `replacement`, fingerprinted as it is.
fn with_global_type(replacement: &[u8]) -> Vec<u8> {
    let mut file = sample();
    file.globals[0].ty = TypeRef::Int;
    file.seal();
    let pattern = global_type_pattern(&file);
    let mut found = false;
    let bytes = file.encode_edited(|name, item| {
        if name != "main.COUNT" {
            return item;
        }
        let at = find(&item, &pattern).expect("the global's type is in its item");
        found = true;
        let mut hostile = item[..at].to_vec();
        hostile.extend_from_slice(replacement);
        hostile.extend_from_slice(&item[at + 2..]);
        hostile
    });
    assert!(found, "the sample has main.COUNT");
    bytes
}

#[test]
fn callable_types_nest_within_the_bound_and_hostile_counts_stop() {
    // Callable parameters count towards the nesting bound like any argument.
    let mut deep = TypeRef::Int;
    for _ in 0..MAX_TYPE_DEPTH {
        deep = TypeRef::Callable(vec![deep], Box::new(TypeRef::None));
    }
    let mut file = sample();
    file.globals[0].ty = deep;
    file.seal();
    let err = decode(&file.encode()).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!(
            "corrupt exports file: global 'main.COUNT': a type nests deeper than {MAX_TYPE_DEPTH} levels"
        )
    );

    // One level less decodes to the same type.
    let mut ok = TypeRef::Int;
    for _ in 0..MAX_TYPE_DEPTH - 1 {
        ok = TypeRef::Callable(vec![TypeRef::Str, ok], Box::new(TypeRef::None));
    }
    let mut file = sample();
    file.globals[0].ty = ok;
    file.seal();
    assert_eq!(decode(&file.encode()).unwrap(), file);

    // A Callable node claiming four billion parameters, followed by a single node,
    // ends early instead of allocating or looping.
    let mut replacement = varint(2);
    replacement.push(13); // TypeNode::Callable
    replacement.extend_from_slice(&varint(u32::MAX as u64));
    replacement.push(0); // TypeNode::Int
    let hostile = with_global_type(&replacement);
    assert!(decode(&hostile).is_err());
}

#[test]
fn a_callable_naming_an_undescribed_class_is_inconsistent() {
    let mut file = sample();
    file.functions[2].ret = TypeRef::Callable(
        vec![TypeRef::Instance("main.Nowhere".into())],
        Box::new(TypeRef::None),
    );
    file.seal();
    assert!(matches!(
        decode(&file.encode()),
        Err(DecodeError::Inconsistent(_))
    ));
}

/// The encoding of the global's name followed by its one-node `int` type.
fn global_type_pattern(file: &ExportsFile) -> Vec<u8> {
    let name = &file.globals[0].name;
    let mut p = varint(name.len() as u64);
    p.extend_from_slice(name.as_bytes());
    p.extend_from_slice(&[1, 0]);
    p
}

/// Where the type bytes (the last two of `needle`) start in `hay`.
fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len())
        .position(|w| w == needle)
        .map(|i| i + needle.len() - 2)
}

/// bincode 2's standard variable-length integer encoding.
fn varint(n: u64) -> Vec<u8> {
    match n {
        0..=250 => vec![n as u8],
        251..=0xffff => [&[251u8][..], &(n as u16).to_le_bytes()].concat(),
        0x1_0000..=0xffff_ffff => [&[252u8][..], &(n as u32).to_le_bytes()].concat(),
        _ => [&[253u8][..], &n.to_le_bytes()].concat(),
    }
}

#[test]
fn fingerprint_is_stable() {
    assert_eq!(sample().fingerprint, sample().fingerprint);
    assert_eq!(sample().compute_fingerprint(), sample().fingerprint);
    assert_eq!(sample().fingerprint.to_string().len(), 64);
}

#[test]
fn fingerprint_ignores_the_seam_version_and_construction_order() {
    let base = sample().fingerprint;

    let mut file = sample();
    file.seam_version = "9.9.9-dev".into();
    file.seal();
    assert_eq!(file.fingerprint, base);

    let mut file = sample();
    file.functions.reverse();
    file.classes[2].fields.reverse();
    file.classes[2].gc_ref_offsets.reverse();
    file.runtime.reverse();
    file.modules.push("main".into());
    file.seal();
    assert_eq!(file.fingerprint, base);
}

#[test]
fn fingerprint_covers_the_interface() {
    let base = sample().fingerprint;
    type Change = (&'static str, fn(&mut ExportsFile));
    let changes: Vec<Change> = vec![
        ("field offset", |f| f.classes[2].fields[0].offset = 24),
        ("field type", |f| f.classes[2].fields[0].ty = TypeRef::Float),
        ("size", |f| f.classes[2].size = 32),
        ("slack", |f| f.classes[2].slack_start -= 1),
        ("class id", |f| f.classes[3].id += 1),
        ("vtable symbol", |f| f.classes[1].vtable[0].symbol.push('x')),
        ("vtable final", |f| f.classes[1].vtable[0].is_final = true),
        ("can_raise", |f| f.functions[0].can_raise = true),
        ("parameter type", |f| {
            f.functions[0].params[0].ty = TypeRef::Float
        }),
        ("default", |f| f.functions[0].params[1].default = None),
        ("return type", |f| f.functions[1].ret = TypeRef::None),
        ("global type", |f| f.globals[0].ty = TypeRef::Bool),
        ("Callable parameter type", |f| {
            f.functions[2].params[0].ty = TypeRef::Callable(
                vec![TypeRef::Int, TypeRef::Int],
                Box::new(TypeRef::Optional(Box::new(support::instance("main.W_Int")))),
            )
        }),
        ("Callable return type", |f| {
            f.functions[2].ret = TypeRef::Callable(vec![], Box::new(TypeRef::Int))
        }),
        ("variable-length tuple type", |f| {
            f.functions[1].ret = TypeRef::VarTuple(Box::new(TypeRef::Int))
        }),
        ("runtime entry", |f| f.runtime[0].can_raise = true),
        ("runtime ABI version", |f| f.runtime_abi_version += 1),
        ("target", |f| f.target = "aarch64-unknown-linux-gnu".into()),
        ("new function", |f| {
            f.functions.push(support::function(
                "main.extra",
                vec![param("x", TypeRef::Int)],
                TypeRef::Int,
                false,
            ))
        }),
    ];
    for (what, change) in changes {
        let mut file = sample();
        change(&mut file);
        file.seal();
        assert_ne!(
            file.fingerprint, base,
            "changing the {what} kept the fingerprint"
        );
    }
}

#[test]
fn dumps() {
    let file = sample();
    let text = file.describe();
    assert!(
        text.contains("  main.add(a: int, b: int = 1) -> int\n"),
        "{text}"
    );
    assert!(
        text.contains("dict[str, tuple[main.W_Root, float]]  [can raise]"),
        "{text}"
    );
    assert!(
        text.contains("class main.W_Leaf(main.W_Int)  [final]"),
        "{text}"
    );
    assert!(text.contains("field +16 next: main.W_Int | None"), "{text}");
    assert!(
        text.contains(&format!("fingerprint:    {}", file.fingerprint)),
        "{text}"
    );
    let json = file.to_json();
    assert!(
        json.contains(&format!("\"fingerprint\": \"{}\"", file.fingerprint)),
        "{json}"
    );
    assert!(
        json.contains(&format!("\"format_version\": {FORMAT_VERSION}")),
        "{json}"
    );
    assert!(
        text.contains(
            "  main.apply(f: Callable[[main.W_Root, int], main.W_Int | None], x: int) -> Callable[[], None]  [can raise]\n"
        ),
        "{text}"
    );
    assert!(
        json.contains("\"ty\": \"Callable[[main.W_Root, int], main.W_Int | None]\""),
        "{json}"
    );
    assert!(json.contains("\"ty\": \"main.W_Int | None\""), "{json}");
}
