//! The fingerprint: what an extension and its core must agree on, as one hash.
//!
//! It is SHA-256 over a domain tag, the format version and the bincode
//! encoding of the *canonical* payload: the file without the seam version
//! text and the fingerprint, modules sorted, functions and globals sorted
//! by qualified name, classes by id, fields by offset, vtables by slot, GC
//! offsets ascending, runtime entries by symbol. Parameter order is kept: it
//! is the calling convention. Everything else in the file counts: names,
//! symbols, types, `can_raise`, ids and slack, sizes, offsets, vtables, the
//! target, the runtime ABI version and table. Nothing outside the file does
//! (no timestamps, paths, or private functions), so rebuilding a core whose
//! interface did not change gives the same fingerprint.

use std::fmt;

use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use sha2::{Digest, Sha256};

use std::borrow::Cow;

use crate::{
    ExportedClass, ExportedFunction, ExportedGlobal, ExportsFile, FORMAT_VERSION, RuntimeData,
    RuntimeFunction,
};

/// A 256-bit fingerprint, shown as 64 lowercase hex digits.
#[derive(Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Fingerprint(pub [u8; 32]);

impl ExportsFile {
    /// The fingerprint of the file's canonical payload (the stored one plays no part).
    pub fn compute_fingerprint(&self) -> Fingerprint {
        let mut hasher = Sha256::new();
        hasher.update(b"seam exports fingerprint\0");
        hasher.update(FORMAT_VERSION.to_le_bytes());
        bincode::serde::encode_into_std_write(
            Canonical::of(self),
            &mut hasher,
            bincode::config::standard(),
        )
        .expect("hashing plain data cannot fail (this is a bug)");
        Fingerprint(hasher.finalize().into())
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

/// The fingerprinted part of a file, in canonical order, borrowed: a sealed
/// file is already in that order, so hashing it copies nothing.
#[derive(Serialize)]
struct Canonical<'a> {
    runtime_abi_version: u32,
    target: &'a str,
    modules: Vec<&'a String>,
    functions: Vec<&'a ExportedFunction>,
    classes: Vec<Cow<'a, ExportedClass>>,
    globals: Vec<&'a ExportedGlobal>,
    runtime: Vec<&'a RuntimeFunction>,
    runtime_data: Vec<&'a RuntimeData>,
}

impl<'a> Canonical<'a> {
    fn of(file: &'a ExportsFile) -> Canonical<'a> {
        fn sorted<T>(items: &[T], order: impl Fn(&T, &T) -> std::cmp::Ordering) -> Vec<&T> {
            let mut refs: Vec<&T> = items.iter().collect();
            refs.sort_by(|a, b| order(a, b));
            refs
        }
        let mut modules = sorted(&file.modules, |a, b| a.cmp(b));
        modules.dedup();
        let classes = sorted(&file.classes, |a, b| {
            (a.id, &a.qualified_name).cmp(&(b.id, &b.qualified_name))
        })
        .into_iter()
        .map(|c| {
            if class_is_canonical(c) {
                Cow::Borrowed(c)
            } else {
                let mut c = c.clone();
                canonicalize_class(&mut c);
                Cow::Owned(c)
            }
        })
        .collect();
        Canonical {
            runtime_abi_version: file.runtime_abi_version,
            target: &file.target,
            modules,
            functions: sorted(&file.functions, |a, b| {
                a.qualified_name.cmp(&b.qualified_name)
            }),
            classes,
            globals: sorted(&file.globals, |a, b| {
                a.qualified_name.cmp(&b.qualified_name)
            }),
            runtime: sorted(&file.runtime, |a, b| a.symbol.cmp(&b.symbol)),
            runtime_data: sorted(&file.runtime_data, |a, b| a.symbol.cmp(&b.symbol)),
        }
    }
}

fn canonicalize_class(class: &mut ExportedClass) {
    class
        .fields
        .sort_by(|a, b| (a.offset, &a.name).cmp(&(b.offset, &b.name)));
    class.vtable.sort_by_key(|s| s.slot);
    class.gc_ref_offsets.sort_unstable();
}

fn class_is_canonical(class: &ExportedClass) -> bool {
    class
        .fields
        .is_sorted_by(|a, b| (a.offset, &a.name) <= (b.offset, &b.name))
        && class.vtable.is_sorted_by_key(|s| s.slot)
        && class.gc_ref_offsets.is_sorted()
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
