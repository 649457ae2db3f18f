//! The indexed body of an exports file, and [`ExportsIndex`], which reads it
//! lazily: names first, each item decoded when it is asked for.
//!
//! ```text
//!   body = Head (bincode)                 runtime ABI version, target, modules,
//!                                         the index: (kind, qualified name, byte length) per item,
//!                                         sorted by name; the length of the runtime tables
//!          item 0 | item 1 | ... | tables each item the bincode of one function, class or global,
//!                                         in index order; then the runtime tables
//! ```
//!
//! An item's byte range is the sum of the lengths before it, so the index
//! cannot point outside the file or at overlapping bytes. The fingerprint is
//! the SHA-256 of these bytes as they lie in the file (see `fingerprint.rs`):
//! [`ExportsIndex::open`] checks it over the raw body before anything of an
//! item is decoded, so an item decoded late is still one the writer wrote.
//!
//! The second translation asks [`ExportsIndex::select`] for the names an
//! extension uses; what it reads grows with those names and what they need
//! (a class's ancestors, the classes its fields and signatures mention),
//! not with the core.

use std::collections::HashSet;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::codec::{HEADER_LEN, MAX_PAYLOAD, bincode_message, check_consistency};
use crate::fingerprint::body_hash;
use crate::{
    DecodeError, ExportedClass, ExportedFunction, ExportedGlobal, ExportsFile, ExtensionOf,
    FORMAT_VERSION, Fingerprint, MAGIC, RuntimeData, RuntimeFunction, TypeRef,
};

/// What an entry of the index describes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ItemKind {
    /// An [`ExportedFunction`].
    Function,
    /// An [`ExportedClass`] defined by the core.
    Class,
    /// An [`ExportedClass`] that is a builtin exception class (it has a `builtin_kind`);
    /// every extension reads these, since the runtime raises them.
    BuiltinClass,
    /// An [`ExportedGlobal`].
    Global,
}

impl ItemKind {
    fn describe(self) -> &'static str {
        match self {
            ItemKind::Function => "function",
            ItemKind::Class | ItemKind::BuiltinClass => "class",
            ItemKind::Global => "global",
        }
    }
}

/// The part of the body decoded when a file is opened.
#[derive(Serialize, Deserialize)]
struct Head<'a> {
    runtime_abi_version: u32,
    target: &'a str,
    #[serde(borrow)]
    modules: Vec<&'a str>,
    #[serde(borrow)]
    entries: Vec<Entry<'a>>,
    tables_len: u32,
    extension: Option<ExtensionOf>,
}

/// One entry of the index.
#[derive(Serialize, Deserialize)]
struct Entry<'a> {
    kind: ItemKind,
    name: &'a str,
    len: u32,
}

/// The runtime tables, decoded only when the whole file is.
#[derive(Serialize, Deserialize)]
struct Tables {
    runtime: Vec<RuntimeFunction>,
    runtime_data: Vec<RuntimeData>,
}

/// The body of `file` in canonical order: what is written after the seam
/// version text, and what the fingerprint hashes.
pub(crate) fn encode_body(file: &ExportsFile) -> Vec<u8> {
    encode_body_with(file, &mut |_, bytes| bytes)
}

/// [`encode_body`], with each item's bytes passed through `edit` (given the
/// item's qualified name).
pub(crate) fn encode_body_with(
    file: &ExportsFile,
    edit: &mut dyn FnMut(&str, Vec<u8>) -> Vec<u8>,
) -> Vec<u8> {
    let mut items: Vec<(&str, ItemKind, Vec<u8>)> = Vec::new();
    for f in &file.functions {
        items.push((&f.qualified_name, ItemKind::Function, encode(f)));
    }
    for c in &file.classes {
        let kind = if c.builtin_kind.is_some() {
            ItemKind::BuiltinClass
        } else {
            ItemKind::Class
        };
        let bytes = if crate::fingerprint::class_is_canonical(c) {
            encode(c)
        } else {
            let mut c = c.clone();
            crate::fingerprint::canonicalize_class(&mut c);
            encode(&c)
        };
        items.push((&c.qualified_name, kind, bytes));
    }
    for g in &file.globals {
        items.push((&g.qualified_name, ItemKind::Global, encode(g)));
    }
    items.sort_by(|a, b| a.0.cmp(b.0));
    let items: Vec<(&str, ItemKind, Vec<u8>)> = items
        .into_iter()
        .map(|(name, kind, bytes)| (name, kind, edit(name, bytes)))
        .collect();
    let mut runtime: Vec<RuntimeFunction> = file.runtime.clone();
    runtime.sort_by(|a, b| a.symbol.cmp(&b.symbol));
    let mut runtime_data: Vec<RuntimeData> = file.runtime_data.clone();
    runtime_data.sort_by(|a, b| a.symbol.cmp(&b.symbol));
    let tables = encode(&Tables {
        runtime,
        runtime_data,
    });
    let mut modules: Vec<&str> = file.modules.iter().map(String::as_str).collect();
    modules.sort_unstable();
    modules.dedup();
    let head = Head {
        runtime_abi_version: file.runtime_abi_version,
        target: &file.target,
        modules,
        entries: items
            .iter()
            .map(|(name, kind, bytes)| Entry {
                kind: *kind,
                name,
                len: len_u32(bytes.len()),
            })
            .collect(),
        tables_len: len_u32(tables.len()),
        extension: file.extension.clone(),
    };
    let mut body = encode(&head);
    for (_, _, bytes) in &items {
        body.extend_from_slice(bytes);
    }
    body.extend_from_slice(&tables);
    body
}

fn len_u32(n: usize) -> u32 {
    u32::try_from(n).expect("an item of the exports file is smaller than 4 GB (this is a bug)")
}

fn encode<T: Serialize>(value: &T) -> Vec<u8> {
    bincode::serde::encode_to_vec(value, bincode::config::standard())
        .expect("encoding plain data into a Vec cannot fail (this is a bug)")
}

/// An opened exports file: its header and index decoded and its fingerprint
/// checked, its items decoded only when asked for. Borrows the file's bytes.
#[derive(Debug)]
pub struct ExportsIndex<'a> {
    seam_version: &'a str,
    fingerprint: Fingerprint,
    runtime_abi_version: u32,
    target: &'a str,
    modules: Vec<&'a str>,
    /// `(kind, qualified name, start, end)` of each item in `items`, sorted by name.
    entries: Vec<(ItemKind, &'a str, usize, usize)>,
    items: &'a [u8],
    tables: &'a [u8],
    extension: Option<ExtensionOf>,
}

impl<'a> ExportsIndex<'a> {
    /// Checks the header, the structure of the body and the fingerprint, and
    /// decodes the index; no item is decoded. Never panics, whatever the bytes.
    pub fn open(bytes: &'a [u8]) -> Result<ExportsIndex<'a>, DecodeError> {
        if bytes.is_empty() {
            return Err(DecodeError::Empty);
        }
        let magic_len = bytes.len().min(MAGIC.len());
        if bytes[..magic_len] != MAGIC[..magic_len] {
            return Err(DecodeError::NotExports);
        }
        let truncated = DecodeError::Truncated { len: bytes.len() };
        let Some(version) = bytes.get(MAGIC.len()..MAGIC.len() + 4) else {
            return Err(truncated);
        };
        let found = u32::from_le_bytes([version[0], version[1], version[2], version[3]]);
        if found != FORMAT_VERSION {
            return Err(DecodeError::Version {
                found,
                supported: FORMAT_VERSION,
            });
        }
        if bytes.len() - MAGIC.len() - 4 > MAX_PAYLOAD {
            return Err(DecodeError::TooLarge { len: bytes.len() });
        }
        let Some(stored) = bytes.get(MAGIC.len() + 4..HEADER_LEN) else {
            return Err(truncated);
        };
        let mut fingerprint = Fingerprint::default();
        fingerprint.0.copy_from_slice(stored);
        let rest = &bytes[HEADER_LEN..];
        let (seam_version, used): (&str, usize) =
            decode_borrowed(rest).map_err(|e| file_error(e, bytes.len()))?;
        let body = &rest[used..];
        let (head, used): (Head<'a>, usize) =
            decode_borrowed(body).map_err(|e| file_error(e, bytes.len()))?;
        // The lengths tile the rest of the body exactly.
        let mut entries = Vec::with_capacity(head.entries.len());
        let mut end = 0usize;
        for e in &head.entries {
            let start = end;
            end = end.saturating_add(e.len as usize);
            entries.push((e.kind, e.name, start, end));
        }
        let need = end.saturating_add(head.tables_len as usize);
        let have = body.len() - used;
        if have < need {
            return Err(truncated);
        }
        if have > need {
            return Err(DecodeError::TrailingBytes { count: have - need });
        }
        let computed = body_hash(body);
        if computed != fingerprint {
            return Err(DecodeError::FingerprintMismatch {
                stored: fingerprint,
                computed,
            });
        }
        for pair in entries.windows(2) {
            if pair[0].1 >= pair[1].1 {
                return Err(DecodeError::Inconsistent(format!(
                    "the index lists '{}' {} '{}'",
                    pair[1].1,
                    if pair[0].1 == pair[1].1 {
                        "twice, after"
                    } else {
                        "out of order, after"
                    },
                    pair[0].1
                )));
            }
        }
        let items_and_tables = &body[used..];
        Ok(ExportsIndex {
            seam_version,
            fingerprint,
            runtime_abi_version: head.runtime_abi_version,
            target: head.target,
            modules: head.modules,
            entries,
            items: &items_and_tables[..end],
            tables: &items_and_tables[end..],
            extension: head.extension,
        })
    }

    /// The version of the `seam` that wrote the file.
    pub fn seam_version(&self) -> &'a str {
        self.seam_version
    }

    /// The stored fingerprint, which [`ExportsIndex::open`] checked.
    pub fn fingerprint(&self) -> Fingerprint {
        self.fingerprint
    }

    /// The runtime ABI version the core was linked against.
    pub fn runtime_abi_version(&self) -> u32 {
        self.runtime_abi_version
    }

    /// The target triple the core was translated for.
    pub fn target(&self) -> &'a str {
        self.target
    }

    /// For an extension's exports file, the extension and what it was built against.
    pub fn extension(&self) -> Option<&ExtensionOf> {
        self.extension.as_ref()
    }

    /// The modules that define exported items, sorted.
    pub fn modules(&self) -> &[&'a str] {
        &self.modules
    }

    /// How many functions, classes and globals the file describes.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the file describes no item at all.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The kind of the item with this qualified name, if the file describes one.
    pub fn kind(&self, qualified_name: &str) -> Option<ItemKind> {
        self.find(qualified_name).map(|i| self.entries[i].0)
    }

    /// The function with this qualified name, decoded; `None` if the file describes none.
    pub fn function(&self, qualified_name: &str) -> Result<Option<ExportedFunction>, DecodeError> {
        match self.find(qualified_name) {
            Some(i) if self.entries[i].0 == ItemKind::Function => self.item(i).map(Some),
            _ => Ok(None),
        }
    }

    /// The class with this qualified name, decoded; `None` if the file describes none.
    pub fn class(&self, qualified_name: &str) -> Result<Option<ExportedClass>, DecodeError> {
        match self.find(qualified_name) {
            Some(i) if is_class(self.entries[i].0) => self.class_at(i).map(Some),
            _ => Ok(None),
        }
    }

    /// The global with this qualified name, decoded; `None` if the file describes none.
    pub fn global(&self, qualified_name: &str) -> Result<Option<ExportedGlobal>, DecodeError> {
        match self.find(qualified_name) {
            Some(i) if self.entries[i].0 == ItemKind::Global => self.item(i).map(Some),
            _ => Ok(None),
        }
    }

    /// A partial file holding the items named in `names` that the file
    /// describes (names it does not describe are skipped: callers may pass
    /// every candidate), every builtin exception class, and what these need:
    /// each class's ancestors and every class a field, signature or type
    /// mentions. Lists are in canonical order, the runtime tables are left
    /// out, and the header (fingerprint included) is the whole file's. The
    /// selection is checked for consistency as [`decode`](crate::decode)
    /// checks a whole file.
    pub fn select<'n>(
        &self,
        names: impl IntoIterator<Item = &'n str>,
    ) -> Result<ExportsFile, DecodeError> {
        let (file, outside) = self.select_within(names)?;
        match outside.into_iter().next() {
            Some(name) => Err(DecodeError::Inconsistent(format!(
                "class '{name}' is used but not described"
            ))),
            None => Ok(file),
        }
    }

    /// [`ExportsIndex::select`] for an extension's file, whose items may name
    /// classes the files it was built against describe: returns the selection
    /// and, sorted, the classes it needs that this file does not describe
    /// (which [`ExportsIndex::select`] turns into an error for a core's file;
    /// a core's selection with outside names is returned unchecked).
    pub fn select_within<'n>(
        &self,
        names: impl IntoIterator<Item = &'n str>,
    ) -> Result<(ExportsFile, Vec<String>), DecodeError> {
        let mut seen: HashSet<usize> = HashSet::new();
        let mut outside: Vec<String> = Vec::new();
        let mut queue: Vec<usize> = Vec::new();
        for name in names {
            if let Some(i) = self.find(name)
                && seen.insert(i)
            {
                queue.push(i);
            }
        }
        // Few and always needed: the runtime raises them.
        for (i, e) in self.entries.iter().enumerate() {
            if e.0 == ItemKind::BuiltinClass && seen.insert(i) {
                queue.push(i);
            }
        }
        let mut file = self.empty_file();
        let mut mentioned: Vec<String> = Vec::new();
        while let Some(i) = queue.pop() {
            mentioned.clear();
            let mut mention = |t: &TypeRef| t.for_each_class(&mut |n| mentioned.push(n.into()));
            match self.entries[i].0 {
                ItemKind::Function => {
                    let f: ExportedFunction = self.item(i)?;
                    f.params.iter().for_each(|p| mention(&p.ty));
                    mention(&f.ret);
                    file.functions.push(f);
                }
                ItemKind::Global => {
                    let g: ExportedGlobal = self.item(i)?;
                    mention(&g.ty);
                    file.globals.push(g);
                }
                ItemKind::Class | ItemKind::BuiltinClass => {
                    let c = self.class_at(i)?;
                    c.fields.iter().for_each(|f| mention(&f.ty));
                    for s in &c.vtable {
                        s.params.iter().for_each(|p| mention(&p.ty));
                        mention(&s.ret);
                    }
                    if let Some(init) = &c.init {
                        init.params.iter().for_each(|p| mention(&p.ty));
                        mentioned.push(init.defined_in.clone());
                    }
                    if let Some(p) = &c.parent {
                        mentioned.push(p.clone());
                    }
                    file.classes.push(c);
                }
            }
            for name in &mentioned {
                match self.find(name) {
                    Some(j) if is_class(self.entries[j].0) => {
                        if seen.insert(j) {
                            queue.push(j);
                        }
                    }
                    Some(_) => {
                        return Err(DecodeError::Inconsistent(format!(
                            "class '{name}' is used but not described"
                        )));
                    }
                    None => outside.push(name.clone()),
                }
            }
        }
        file.functions
            .sort_by(|a, b| a.qualified_name.cmp(&b.qualified_name));
        file.classes
            .sort_by(|a, b| (a.id, &a.qualified_name).cmp(&(b.id, &b.qualified_name)));
        file.globals
            .sort_by(|a, b| a.qualified_name.cmp(&b.qualified_name));
        outside.sort();
        outside.dedup();
        if self.extension.is_none() && !outside.is_empty() {
            return Ok((file, outside));
        }
        check_consistency(&file).map_err(DecodeError::Inconsistent)?;
        Ok((file, outside))
    }

    /// Every item and the runtime tables: the whole file, checked for consistency.
    pub fn decode_all(&self) -> Result<ExportsFile, DecodeError> {
        let mut file = self.empty_file();
        for (i, e) in self.entries.iter().enumerate() {
            match e.0 {
                ItemKind::Function => file.functions.push(self.item(i)?),
                ItemKind::Class | ItemKind::BuiltinClass => file.classes.push(self.class_at(i)?),
                ItemKind::Global => file.globals.push(self.item(i)?),
            }
        }
        file.classes
            .sort_by(|a, b| (a.id, &a.qualified_name).cmp(&(b.id, &b.qualified_name)));
        let tables: Tables = decode_whole(self.tables)
            .map_err(|why| DecodeError::Corrupt(format!("the runtime tables: {why}")))?;
        file.runtime = tables.runtime;
        file.runtime_data = tables.runtime_data;
        check_consistency(&file).map_err(DecodeError::Inconsistent)?;
        Ok(file)
    }

    fn empty_file(&self) -> ExportsFile {
        ExportsFile {
            seam_version: self.seam_version.to_string(),
            runtime_abi_version: self.runtime_abi_version,
            target: self.target.to_string(),
            fingerprint: self.fingerprint,
            modules: self.modules.iter().map(|m| m.to_string()).collect(),
            functions: Vec::new(),
            classes: Vec::new(),
            globals: Vec::new(),
            runtime: Vec::new(),
            runtime_data: Vec::new(),
            extension: self.extension.clone(),
        }
    }

    /// The position in the index of the item with this qualified name.
    fn find(&self, qualified_name: &str) -> Option<usize> {
        self.entries
            .binary_search_by(|e| e.1.cmp(qualified_name))
            .ok()
    }

    fn class_at(&self, i: usize) -> Result<ExportedClass, DecodeError> {
        let c: ExportedClass = self.item(i)?;
        if c.builtin_kind.is_some() != (self.entries[i].0 == ItemKind::BuiltinClass) {
            return Err(DecodeError::Inconsistent(format!(
                "the index and the item disagree on whether '{}' is a builtin class",
                c.qualified_name
            )));
        }
        Ok(c)
    }

    /// Item `i` of the index, decoded; it must fill its byte range and carry its index name.
    fn item<T: DeserializeOwned + Named>(&self, i: usize) -> Result<T, DecodeError> {
        let (kind, name, start, end) = self.entries[i];
        let item: T = decode_whole(&self.items[start..end])
            .map_err(|why| DecodeError::Corrupt(format!("{} '{name}': {why}", kind.describe())))?;
        if item.qualified_name() != name {
            return Err(DecodeError::Inconsistent(format!(
                "the index names '{name}' but its item is '{}'",
                item.qualified_name()
            )));
        }
        Ok(item)
    }
}

fn is_class(kind: ItemKind) -> bool {
    matches!(kind, ItemKind::Class | ItemKind::BuiltinClass)
}

/// The items the index points at, by qualified name.
trait Named {
    fn qualified_name(&self) -> &str;
}

impl Named for ExportedFunction {
    fn qualified_name(&self) -> &str {
        &self.qualified_name
    }
}

impl Named for ExportedClass {
    fn qualified_name(&self) -> &str {
        &self.qualified_name
    }
}

impl Named for ExportedGlobal {
    fn qualified_name(&self) -> &str {
        &self.qualified_name
    }
}

/// Decodes a value that borrows from `bytes`; returns it and how many bytes it used.
fn decode_borrowed<'a, T: Deserialize<'a>>(
    bytes: &'a [u8],
) -> Result<(T, usize), bincode::error::DecodeError> {
    let config = bincode::config::standard().with_limit::<MAX_PAYLOAD>();
    bincode::serde::borrow_decode_from_slice(bytes, config)
}

/// Decodes a value that must use every byte of `bytes`; errors are sentences.
fn decode_whole<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, String> {
    let config = bincode::config::standard().with_limit::<MAX_PAYLOAD>();
    match bincode::serde::decode_from_slice::<T, _>(bytes, config) {
        Ok((value, used)) if used == bytes.len() => Ok(value),
        Ok((_, used)) => Err(format!("{} bytes left over", bytes.len() - used)),
        Err(bincode::error::DecodeError::UnexpectedEnd { .. }) => {
            Err("it ends before its last field".to_string())
        }
        Err(bincode::error::DecodeError::LimitExceeded) => {
            Err("a length exceeds the file".to_string())
        }
        Err(e) => Err(bincode_message(e)),
    }
}

/// An error in the header or index of a file of `len` bytes.
fn file_error(e: bincode::error::DecodeError, len: usize) -> DecodeError {
    match e {
        bincode::error::DecodeError::UnexpectedEnd { .. } => DecodeError::Truncated { len },
        // Every claim of a valid file is backed by its own bytes, which are fewer than the limit.
        bincode::error::DecodeError::LimitExceeded => {
            DecodeError::Corrupt("a length exceeds the file".to_string())
        }
        other => DecodeError::Corrupt(bincode_message(other)),
    }
}
