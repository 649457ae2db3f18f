//! The fingerprint: what an extension and its core must agree on, as one hash.
//!
//! It is SHA-256 over a domain tag, the format version and the file's body
//! (`index.rs`): the index and the items, written in *canonical* order —
//! modules sorted, items by qualified name, fields by offset, vtables by slot,
//! GC offsets ascending, runtime entries by symbol — so that the same content
//! always has the same bytes. The seam version text and the fingerprint lie
//! before the body and are not hashed. Parameter order is kept: it is the
//! calling convention. Everything else in the file counts: names, symbols,
//! types, `can_raise`, ids and slack, sizes, offsets, vtables, the target, the
//! runtime ABI version and table. Nothing outside the file does (no
//! timestamps, paths, or private functions), so rebuilding a core whose
//! interface did not change gives the same fingerprint.
//!
//! A reader hashes the body as it lies in the file, without decoding or
//! re-encoding anything: checking a file costs one pass of SHA-256.

use std::fmt;

use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use sha2::{Digest, Sha256};

use crate::{ExportedClass, ExportsFile, FORMAT_VERSION};

/// A 256-bit fingerprint, shown as 64 lowercase hex digits.
#[derive(Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Fingerprint(pub [u8; 32]);

impl ExportsFile {
    /// The fingerprint of the file's canonical body (the stored one plays no part).
    pub fn compute_fingerprint(&self) -> Fingerprint {
        body_hash(&crate::index::encode_body(self))
    }

    /// Puts every list in canonical order (see the module documentation).
    pub fn canonicalize(&mut self) {
        self.modules.sort();
        self.modules.dedup();
        self.functions
            .sort_by(|a, b| a.qualified_name.cmp(&b.qualified_name));
        // Ids order parents before children: a subclass's id lies inside its parent's range.
        self.classes
            .sort_by(|a, b| (a.id, &a.qualified_name).cmp(&(b.id, &b.qualified_name)));
        self.classes.iter_mut().for_each(canonicalize_class);
        self.globals
            .sort_by(|a, b| a.qualified_name.cmp(&b.qualified_name));
        self.runtime.sort_by(|a, b| a.symbol.cmp(&b.symbol));
        self.runtime_data.sort_by(|a, b| a.symbol.cmp(&b.symbol));
    }

    /// Canonicalises the file and stores its fingerprint: the last step before [`ExportsFile::encode`].
    pub fn seal(&mut self) {
        self.canonicalize();
        self.fingerprint = self.compute_fingerprint();
    }
}

/// The fingerprint of a body, as written in the file.
pub(crate) fn body_hash(body: &[u8]) -> Fingerprint {
    let mut hasher = Sha256::new();
    hasher.update(b"seam exports fingerprint\0");
    hasher.update(FORMAT_VERSION.to_le_bytes());
    hasher.update(body);
    Fingerprint(hasher.finalize().into())
}

pub(crate) fn canonicalize_class(class: &mut ExportedClass) {
    class
        .fields
        .sort_by(|a, b| (a.offset, &a.name).cmp(&(b.offset, &b.name)));
    class.vtable.sort_by_key(|s| s.slot);
    class.gc_ref_offsets.sort_unstable();
}

pub(crate) fn class_is_canonical(class: &ExportedClass) -> bool {
    class
        .fields
        .is_sorted_by(|a, b| (a.offset, &a.name) <= (b.offset, &b.name))
        && class.vtable.is_sorted_by_key(|s| s.slot)
        && class.gc_ref_offsets.is_sorted()
}

impl Fingerprint {
    /// The fingerprint written as 64 hex digits (as `Display` writes it).
    pub fn from_hex(text: &str) -> Option<Fingerprint> {
        parse_hex(text).map(Fingerprint)
    }
}

impl fmt::Display for Fingerprint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for b in self.0 {
            write!(f, "{b:02x}")?;
        }
        Ok(())
    }
}

impl fmt::Debug for Fingerprint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Fingerprint({self})")
    }
}

impl Serialize for Fingerprint {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if s.is_human_readable() {
            s.collect_str(self)
        } else {
            self.0.serialize(s)
        }
    }
}

impl<'de> Deserialize<'de> for Fingerprint {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Fingerprint, D::Error> {
        if d.is_human_readable() {
            let text = String::deserialize(d)?;
            parse_hex(&text)
                .map(Fingerprint)
                .ok_or_else(|| D::Error::custom("a fingerprint is 64 hex digits"))
        } else {
            <[u8; 32]>::deserialize(d).map(Fingerprint)
        }
    }
}

fn parse_hex(text: &str) -> Option<[u8; 32]> {
    let bytes = text.as_bytes();
    if bytes.len() != 64 || !bytes.iter().all(u8::is_ascii_hexdigit) {
        return None;
    }
    let mut out = [0u8; 32];
    for (i, pair) in bytes.chunks(2).enumerate() {
        let digits = std::str::from_utf8(pair).ok()?;
        out[i] = u8::from_str_radix(digits, 16).ok()?;
    }
    Some(out)
}
