//! Encoding and decoding: magic bytes, format version, fingerprint, the indexed body.
//!
//! ```text
//!   offset 0   8 bytes   MAGIC ("SEAMEXP\0")
//!   offset 8   u32 LE    FORMAT_VERSION
//!   offset 12  32 bytes  the fingerprint: SHA-256 of a tag, the version and the body as it lies in the file
//!   offset 44  bincode   the seam version text (not fingerprinted)
//!   then       body      the index, then the items it lists, to the last byte (`index.rs`)
//! ```
//!
//! Opening a file ([`ExportsIndex::open`](crate::ExportsIndex::open)) checks,
//! in order: the magic, the version, that the header, index and items are all
//! there and nothing follows them, the fingerprint over the raw body, and the
//! order of the index. [`decode`] then decodes every item and checks the
//! file's internal consistency; the second translation decodes only what an
//! extension uses and checks that selection the same way.

use std::collections::HashMap;
use std::fmt;

use crate::{ExportsFile, Fingerprint, TypeRef};

/// The first eight bytes of every exports file.
pub const MAGIC: [u8; 8] = *b"SEAMEXP\0";

/// The version of the encoding and of the schema. Any change to the types in
/// this crate (a field added, removed, reordered or retyped; a variant added)
/// changes the payload's meaning and must bump it.
pub const FORMAT_VERSION: u32 = 6;

/// Magic, version and fingerprint.
pub(crate) const HEADER_LEN: usize = MAGIC.len() + 4 + 32;

/// The largest payload [`decode`] accepts. bincode allocates a string's buffer
/// from its encoded length before reading it; the limit caps what a corrupt
/// length can ask for (a real exports file is a few megabytes at most).
pub const MAX_PAYLOAD: usize = 256 << 20;

/// Why bytes are not a usable exports file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DecodeError {
    /// No bytes at all.
    Empty,
    /// The bytes end before the header or the payload does.
    Truncated {
        /// The length of the input.
        len: usize,
    },
    /// The payload is larger than [`MAX_PAYLOAD`].
    TooLarge {
        /// The length of the input.
        len: usize,
    },
    /// The bytes do not start with [`MAGIC`].
    NotExports,
    /// The file was written in another format version.
    Version {
        /// The version in the file.
        found: u32,
        /// The version this crate reads and writes ([`FORMAT_VERSION`]).
        supported: u32,
    },
    /// The payload is not a valid encoding of an [`ExportsFile`].
    Corrupt(String),
    /// Bytes follow the payload.
    TrailingBytes {
        /// How many.
        count: usize,
    },
    /// The payload decodes but contradicts itself (an unknown class, overlapping id ranges).
    Inconsistent(String),
    /// The contents do not hash to the stored fingerprint.
    FingerprintMismatch {
        /// The fingerprint in the file.
        stored: Fingerprint,
        /// The fingerprint of the contents.
        computed: Fingerprint,
    },
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::Empty => write!(f, "empty file, not a seam exports file"),
            DecodeError::Truncated { len } => {
                write!(f, "truncated exports file: it ends after {len} bytes")
            }
            DecodeError::TooLarge { len } => write!(
                f,
                "exports file is too large ({len} bytes; the limit is {MAX_PAYLOAD})"
            ),
            DecodeError::NotExports => write!(f, "not a seam exports file"),
            DecodeError::Version { found, supported } if found > supported => write!(
                f,
                "exports format version {found} is newer than this seam's ({supported}): \
                 rebuild the core with this seam, or use the seam that built it"
            ),
            DecodeError::Version { found, supported } => write!(
                f,
                "exports format version {found} is older than this seam's ({supported}): \
                 rebuild the core with this seam"
            ),
            DecodeError::Corrupt(why) => write!(f, "corrupt exports file: {why}"),
            DecodeError::TrailingBytes { count } => write!(
                f,
                "corrupt exports file: {count} unexpected bytes after the payload"
            ),
            DecodeError::Inconsistent(why) => write!(f, "inconsistent exports file: {why}"),
            DecodeError::FingerprintMismatch { stored, computed } => write!(
                f,
                "corrupt exports file: its contents hash to {computed}, not to its fingerprint {stored}"
            ),
        }
    }
}

impl std::error::Error for DecodeError {}

impl ExportsFile {
    /// The file's bytes: header, seam version, then the indexed body. Call
    /// [`ExportsFile::seal`] first: the stored fingerprint is written as it is.
    pub fn encode(&self) -> Vec<u8> {
        assemble(
            &self.seam_version,
            self.fingerprint,
            &crate::index::encode_body(self),
        )
    }

    /// For tests of the decoder: the file's bytes with each item's encoding
    /// (functions, classes and globals, by qualified name) passed through
    /// `edit`, and a fingerprint that matches the edited bytes, so that what
    /// the edit breaks is found by decoding the item, not by the fingerprint.
    #[doc(hidden)]
    pub fn encode_edited(&self, mut edit: impl FnMut(&str, Vec<u8>) -> Vec<u8>) -> Vec<u8> {
        let body = crate::index::encode_body_with(self, &mut edit);
        let fingerprint = crate::fingerprint::body_hash(&body);
        assemble(&self.seam_version, fingerprint, &body)
    }
}

/// Header, seam version text and body.
fn assemble(seam_version: &str, fingerprint: Fingerprint, body: &[u8]) -> Vec<u8> {
    let version = bincode::serde::encode_to_vec(seam_version, bincode::config::standard())
        .expect("encoding plain data into a Vec cannot fail (this is a bug)");
    let mut out = Vec::with_capacity(HEADER_LEN + version.len() + body.len());
    out.extend_from_slice(&MAGIC);
    out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    out.extend_from_slice(&fingerprint.0);
    out.extend_from_slice(&version);
    out.extend_from_slice(body);
    out
}

/// Reads a whole exports file, every item decoded and checked; never panics,
/// whatever the bytes. The second translation uses [`ExportsIndex`](crate::ExportsIndex) instead.
pub fn decode(bytes: &[u8]) -> Result<ExportsFile, DecodeError> {
    crate::ExportsIndex::open(bytes)?.decode_all()
}

/// bincode's `Display` is its `Debug`; say the common cases in words.
pub(crate) fn bincode_message(e: bincode::error::DecodeError) -> String {
    use bincode::error::DecodeError as B;
    match e {
        B::OtherString(s) => s,
        B::Other(s) => s.to_string(),
        B::Utf8 { .. } => "a string is not valid UTF-8".to_string(),
        B::InvalidBooleanValue(v) => format!("invalid boolean value {v}"),
        B::UnexpectedVariant {
            type_name, found, ..
        } => format!("invalid variant {found} of {type_name}"),
        B::OutsideUsizeRange(n) => format!("length {n} is out of range"),
        B::InvalidIntegerType { .. } => "invalid integer encoding".to_string(),
        other => format!("{other:?}").to_lowercase(),
    }
}

/// What an extension relies on without checking again: every class named is
/// described, parents precede children, id ranges nest, slots are numbered in
/// order and fields lie inside the instance.
pub(crate) fn check_consistency(file: &ExportsFile) -> Result<(), String> {
    // An extension's file describes its own items; what they build on, the
    // files it was built against describe.
    let external_ok = file.extension.is_some();
    // Every class this file describes: a parent it describes must come earlier,
    // one it does not is another file's (an extension's file only).
    let all: HashMap<&str, usize> = file
        .classes
        .iter()
        .enumerate()
        .map(|(i, c)| (c.qualified_name.as_str(), i))
        .collect();
    let mut index: HashMap<&str, usize> = HashMap::new();
    for (i, c) in file.classes.iter().enumerate() {
        let name = c.qualified_name.as_str();
        if index.insert(name, i).is_some() {
            return Err(format!("class '{name}' is described twice"));
        }
        if c.ids_at_load != (external_ok && c.builtin_kind.is_none()) {
            return Err(format!(
                "class '{name}' gets its ids {}",
                if c.ids_at_load {
                    "at load, but the file is a core's"
                } else {
                    "from the file, but the file is an extension's"
                }
            ));
        }
        if !(c.id < c.slack_start && c.slack_start <= c.id_max) {
            return Err(format!(
                "class '{name}' has an invalid id range (id {}, slack from {}, end {})",
                c.id, c.slack_start, c.id_max
            ));
        }
        if let Some(parent) = &c.parent
            // An extension's file may name a parent another file describes.
            && (!external_ok || all.contains_key(parent.as_str()))
        {
            let Some(&p) = index.get(parent.as_str()).filter(|&&p| p < i) else {
                return Err(format!(
                    "the parent '{parent}' of class '{name}' is not described before it"
                ));
            };
            let p = &file.classes[p];
            if p.ids_at_load && !c.ids_at_load {
                return Err(format!(
                    "class '{name}' has fixed ids but its parent '{parent}' gets its ids at load"
                ));
            }
            if p.ids_at_load == c.ids_at_load && !(p.id < c.id && c.id_max <= p.slack_start) {
                return Err(format!(
                    "the id range of class '{name}' is not inside its parent's ('{parent}')"
                ));
            }
        }
        if !c.align.is_power_of_two() || c.size % c.align != 0 {
            return Err(format!(
                "class '{name}' has size {} and alignment {}",
                c.size, c.align
            ));
        }
        let inside = |offset: i32| offset >= 8 && (offset as i64) + 8 <= c.size as i64;
        if let Some(f) = c.fields.iter().find(|f| !inside(f.offset)) {
            return Err(format!(
                "field '{}' of class '{name}' lies outside the instance",
                f.name
            ));
        }
        if let Some(&o) = c.gc_ref_offsets.iter().find(|&&o| !inside(o)) {
            return Err(format!(
                "reference offset {o} of class '{name}' lies outside the instance"
            ));
        }
        if let Some((i, s)) = c
            .vtable
            .iter()
            .enumerate()
            .find(|(i, s)| s.slot as usize != *i)
        {
            return Err(format!(
                "vtable slot '{}' of class '{name}' is numbered {} at position {i}",
                s.name, s.slot
            ));
        }
        // The constructor runs an `__init__` of the class or of an ancestor (described earlier).
        // In an extension's file the chain may leave the file at a parent
        // another file describes: an `__init__` inherited from there (from a
        // core class, say) is that file's to describe.
        if let Some(init) = &c.init {
            let mut at = Some(i);
            let mut external = false;
            while let Some(k) = at
                && file.classes[k].qualified_name != init.defined_in
            {
                at = match file.classes[k].parent.as_deref() {
                    Some(p) => match index.get(p) {
                        Some(&j) => Some(j),
                        None => {
                            external = external_ok && !all.contains_key(init.defined_in.as_str());
                            None
                        }
                    },
                    None => None,
                };
            }
            if at.is_none() && !external {
                return Err(format!(
                    "the __init__ of class '{name}' is defined in '{}', which is neither the class \
                     nor an ancestor",
                    init.defined_in
                ));
            }
        }
        // A call that omits an argument calls the default's getter slot.
        let slots: HashMap<&str, &crate::VtableSlot> =
            c.vtable.iter().map(|s| (s.name.as_str(), s)).collect();
        for s in &c.vtable {
            if s.params.is_empty() {
                return Err(format!(
                    "method '{}' of class '{name}' has no self parameter",
                    s.name
                ));
            }
            for (i, p) in s
                .params
                .iter()
                .enumerate()
                .filter(|(_, p)| p.default.is_some())
            {
                let getter = crate::default_getter_name(&s.name, i);
                match slots.get(getter.as_str()) {
                    Some(g) if g.params.len() == 1 && g.ret == p.ty => {}
                    Some(_) => {
                        return Err(format!(
                            "the default getter of parameter '{}' of method '{}' of class \
                             '{name}' has the wrong signature",
                            p.name, s.name
                        ));
                    }
                    None => {
                        return Err(format!(
                            "parameter '{}' of method '{}' of class '{name}' has a default \
                             but no getter slot '{getter}'",
                            p.name, s.name
                        ));
                    }
                }
            }
        }
    }
    let mut missing = None;
    let mut check = |ty: &TypeRef| {
        ty.for_each_class(&mut |n| {
            if missing.is_none() && !external_ok && !index.contains_key(n) {
                missing = Some(n.to_string());
            }
        })
    };
    for f in &file.functions {
        f.params.iter().for_each(|p| check(&p.ty));
        check(&f.ret);
    }
    for c in &file.classes {
        c.fields.iter().for_each(|f| check(&f.ty));
        for s in &c.vtable {
            s.params.iter().for_each(|p| check(&p.ty));
            check(&s.ret);
        }
        if let Some(init) = &c.init {
            init.params.iter().for_each(|p| check(&p.ty));
        }
    }
    for g in &file.globals {
        check(&g.ty);
    }
    match missing {
        Some(n) => Err(format!("class '{n}' is used but not described")),
        None => Ok(()),
    }
}
