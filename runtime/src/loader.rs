//! The extension loader: `load_extension(path, space)` at run time.
//!
//! ```text
//!   seam_load_extension(path, space)
//!     ├─ resolve:  linked in (seam_register_static_extensions, by file stem)
//!     │            or, for a regular file path + ".so": read the file (elf.rs):
//!     │            its descriptor section `seam_ext`, whose init_module must be
//!     │            the file's one dynamic symbol `init_module`; check it as
//!     │            below (the extensions it builds on included), and only then
//!     │            map it next to the core (mapper.rs: no dlopen, no ELF
//!     │            constructors), relocated against the core and those
//!     │            extensions; number its classes and write their bounds into
//!     │            its code before any page is executable (mapper::finish, W^X)
//!     ├─ check:    descriptor layout version, core fingerprint, the extensions
//!     │            it builds on loaded with the exports it was built against
//!     ├─ register: class ids from the base classes' slack, static roots   (once per descriptor)
//!     ├─ provide:  its exports to the extensions built on it (until a failure)
//!     ├─ run:      init_globals()                        (may raise: becomes ImportError)
//!     ├─ check:    space is an instance of the descriptor's space class
//!     └─ run:      init_module(space)                    (may raise: becomes ImportError)
//! ```
//!
//! An extension descriptor (`seam_abi::layout::EXT_*`, read through
//! [`crate::layout`]) lists the extension's class descriptors, parents
//! before children. Each class gets a *block* of ids: itself, the blocks of
//! its children in the same extension, then the slack it reserves for the
//! subclasses of later extensions (the word at `slack_start` until it is
//! registered). A class whose base lies outside the extension — a core class
//! or an earlier extension's — takes its block from the base's free slack,
//! `[slack_start, class_max)` in the base's descriptor; the loader remembers,
//! per base descriptor, the next free id, so two extensions never share ids.
//! A class with no base (`object`) takes its block above every id a core can
//! have (`2^32` and up): ids are 64-bit words everywhere. The loader writes
//! `class_id`, `class_max` and `slack_start` into the extension's writable
//! descriptors and never writes a core's.
//!
//! A load is marked done only when `init_module` returns without raising, so
//! a failed load can be retried; the registration step (ids and roots) is
//! remembered per descriptor and never repeated, and a file whose classes
//! were registered stays mapped for the rest of the process (its descriptors
//! and root slots are referenced from then on). Failures become `ImportError`
//! (see [`LoadError`]), and so do exceptions raised by the extension's own
//! initialisers: the caller of `load_extension` sees an `ImportError` whose
//! message ends with the original `ClassName: message`.
//!
//! Knows nothing of what the extension's classes or functions mean, nor of
//! how its code was generated: only the descriptor's words.

use crate::class::{class_name, class_of, exc_message_text};
use crate::error::{ExcKind, current, raise, set_current};
use crate::gcglue::{
    DICT_DESC, LIST_DESC, REF_ARRAY_DESC, Roots, STR_DESC, TUPLE_DESC, WORD_ARRAY_DESC, ptr,
    seam_gc_add_root, set_word, word,
};
use crate::layout::*;
use crate::strobj::str_as_str;
use seam_abi::symbols::BoundClass;
use std::collections::{BTreeMap, BTreeSet};
use std::ffi::CStr;
use std::fmt;
use std::path::Path;
use std::sync::Mutex;

/// Why an extension could not be loaded: the message of the `ImportError`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum LoadError {
    /// `path` has no file name to take the extension's name from.
    NoName { path: String },
    /// Neither linked in nor present on disk.
    NoSuchFile { file: String },
    /// Something other than a regular file (a directory, a FIFO, a device).
    NotAFile { file: String },
    /// Reading, verifying or mapping the file failed (the cause says which).
    Open { file: String, cause: String },
    /// The file is no Seam extension (no descriptor section or entry point).
    NotAnExtension { file: String, cause: String },
    /// The descriptor's layout is not the one this runtime reads.
    Version { file: String, found: i64 },
    /// The program exports no core fingerprint to compare with.
    NoCoreFingerprint { file: String, cause: String },
    /// Built against another core's exports.
    Fingerprint {
        file: String,
        extension: String,
        core: String,
    },
    /// A base class has too few free ids left for the extension's subclasses.
    SlackExhausted {
        file: String,
        class: String,
        base: String,
        /// The extension defining the base class; `None` for the core.
        base_extension: Option<String>,
        reserved: i64,
        taken: i64,
        needed: i64,
    },
    /// An extension class subclasses a final class.
    FinalBase {
        file: String,
        class: String,
        base: String,
    },
    /// The descriptor breaks its own rules: a bug in the extension's translation.
    Malformed { file: String, what: String },
    /// An extension it was built against is not loaded.
    MissingDependency { file: String, name: String },
    /// An extension it was built against is loaded, but with other exports.
    DependencyFingerprint {
        file: String,
        name: String,
        built: String,
        loaded: String,
    },
    /// `space` is not an instance of the class `init_module` expects.
    SpaceType {
        extension: String,
        expected: String,
        got: String,
    },
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::NoName { path } => {
                write!(f, "cannot load extension '{path}': the path names no file")
            }
            LoadError::NoSuchFile { file } => {
                write!(f, "cannot load extension '{file}': no such file")
            }
            LoadError::NotAFile { file } => {
                write!(f, "cannot load extension '{file}': not a regular file")
            }
            LoadError::Open { file, cause } => {
                write!(f, "cannot load extension '{file}': {cause}")
            }
            LoadError::NotAnExtension { file, cause } => write!(
                f,
                "cannot load extension '{file}': not a Seam extension ({cause})"
            ),
            LoadError::Version { file, found } => write!(
                f,
                "cannot load extension '{file}': its descriptor has layout version {found}, \
                 but this runtime reads version {EXT_LAYOUT_VERSION}; rebuild the extension \
                 with seam build-ext"
            ),
            LoadError::NoCoreFingerprint { file, cause } => write!(
                f,
                "cannot load extension '{file}': this program exports no core fingerprint \
                 (symbol {}: {cause})",
                seam_abi::symbols::CORE_FINGERPRINT
            ),
            LoadError::Fingerprint {
                file,
                extension,
                core,
            } => {
                let (ext, core) = shorten_pair(extension, core);
                write!(
                    f,
                    "cannot load extension '{file}': it was built against core exports {ext}, \
                     but this core's are {core}; rebuild the extension with seam build-ext"
                )
            }
            LoadError::SlackExhausted {
                file,
                class,
                base,
                base_extension,
                reserved,
                taken,
                needed,
            } => write!(
                f,
                "cannot load extension '{file}': no class ids left for {class}: its base class \
                 {base} has a slack of {reserved} ids, {taken} already taken by other \
                 extensions, and this extension needs {needed}; raise @export(slack=N) on \
                 {base} in {} (N >= {})",
                match base_extension {
                    None => "the core".to_owned(),
                    Some(ext) => format!("extension '{ext}'"),
                },
                taken + needed
            ),
            LoadError::FinalBase { file, class, base } => write!(
                f,
                "cannot load extension '{file}': class {class} subclasses {base}, which is final"
            ),
            LoadError::MissingDependency { file, name } => write!(
                f,
                "cannot load extension '{file}': ImportError: extension '{name}' is not loaded: \
                 load it before the extensions that import it"
            ),
            LoadError::DependencyFingerprint {
                file,
                name,
                built,
                loaded,
            } => {
                let (built, loaded) = shorten_pair(built, loaded);
                write!(
                    f,
                    "cannot load extension '{file}': it was built against exports {built} of \
                     extension '{name}', but the loaded '{name}' exports {loaded}; rebuild it \
                     with seam build-ext"
                )
            }
            LoadError::Malformed { file, what } => write!(
                f,
                "cannot load extension '{file}': malformed extension descriptor ({what}); \
                 this is a bug in seam build-ext"
            ),
            LoadError::SpaceType {
                extension,
                expected,
                got,
            } => write!(
                f,
                "extension '{extension}' expects a {expected} for init_module, got {got}"
            ),
        }
    }
}

impl std::error::Error for LoadError {}

// ---- the ABI ----

/// `load_extension(path, space)`: loads the extension named by `path` (a
/// `str`, without the `.so` suffix), registers its classes and roots, runs
/// its global initialisers and `init_module(space)`. Raises `ImportError`
/// when it cannot be loaded, and when the extension's own initialisers raise
/// (the message then ends with the original `ClassName: message`). A no-op
/// for an extension already loaded.
///
/// # Safety
/// `path` must be a live `str`, `space` null or a live object; linked-in and
/// on-disk extension descriptors must follow `seam_abi::layout::EXT_*`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_load_extension(path: *mut u8, space: *mut u8) {
    let roots = Roots::new();
    roots.push(space);
    // SAFETY: `path` is a live str (forwarded from the caller); copied before
    // anything allocates.
    let path = unsafe { str_as_str(path) }.to_owned();
    // SAFETY: forwarded from the caller; `space` is rooted.
    if let Err(e) = unsafe { load(&path, space) } {
        raise(ExcKind::ImportError, &e.to_string());
        return;
    }
    // An exception from the extension's own initialisers is a failure to load
    // too: like every other, it reaches the caller as an ImportError naming
    // the extension and the cause (`ClassName: message`), as under CPython.
    let exc = current();
    if !exc.is_null() {
        // Its `__str__` may run: the state is cleared first, the exception rooted.
        set_current(std::ptr::null_mut());
        let roots = crate::gcglue::Roots::new();
        roots.push(exc);
        // SAFETY: `exc` is a live exception instance, rooted.
        let (class, message) = unsafe {
            (
                class_name(class_of(exc)).into_owned(),
                exc_message_text(exc),
            )
        };
        set_current(std::ptr::null_mut());
        drop(roots);
        let short = class.rsplit('.').next().unwrap_or(&class);
        let cause = if message.is_empty() {
            short.to_string()
        } else {
            format!("{short}: {message}")
        };
        crate::error::set_current(std::ptr::null_mut());
        raise(
            ExcKind::ImportError,
            &format!("cannot load extension '{path}': {cause}"),
        );
    }
}

/// Makes `n` extensions linked into the program findable by `load_extension`:
/// `table` holds `n` pairs of (name, descriptor), the name a NUL-terminated
/// file stem. Called by the program's entry before anything else; calling it
/// again adds to the table.
///
/// # Safety
/// `table` must point to `2 * n` readable pointers; each name a C string and
/// each descriptor an extension descriptor, both living for the whole process.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_register_static_extensions(table: *const *const u8, n: i64) {
    if table.is_null() || n <= 0 {
        return;
    }
    let mut state = state();
    for i in 0..n as usize {
        // SAFETY: `table` holds `2 * n` pointers (forwarded from the caller).
        let (name, desc) = unsafe { (*table.add(2 * i), *table.add(2 * i + 1)) };
        if name.is_null() || desc.is_null() {
            continue;
        }
        // SAFETY: a non-null name is a C string (forwarded from the caller).
        let name = unsafe { CStr::from_ptr(name.cast()) }.to_string_lossy();
        state.linked_in.insert(name.into_owned(), desc as usize);
    }
}

// ---- loading ----

/// Ids of extension classes with no base class start here, above every id a
/// core numbers (core ids are 32-bit).
const ROOT_POOL_START: i64 = 1 << 32;

/// The most classes or roots one descriptor may list: a bound that keeps a
/// foreign or corrupt descriptor from asking for absurd allocations.
const MAX_ENTRIES: i64 = 1 << 24;

/// The loader's process-wide state. Only ever locked briefly: never while an
/// extension's code runs (it may load another extension).
struct State {
    /// Linked-in extensions: file stem to descriptor address.
    linked_in: BTreeMap<String, usize>,
    /// Extensions loaded successfully, by stem and by canonical file path.
    loaded: BTreeSet<String>,
    /// Extensions whose initialisers are running, by the same keys: loading
    /// one again from its own initialisers is a no-op, as in CPython.
    in_progress: BTreeSet<String>,
    /// Descriptors whose classes and roots are registered.
    registered: BTreeSet<usize>,
    /// The next free id under each base class descriptor (0: no base).
    next_free: BTreeMap<usize, i64>,
    /// The extensions loaded, by the name their descriptor gives (the module
    /// later extensions import): what extensions built on them check and
    /// resolve their symbols against.
    provided: BTreeMap<String, Vec<Provided>>,
    /// The class descriptors of registered extensions, and the extension of each.
    extension_classes: BTreeMap<usize, String>,
    /// Tests set the core's fingerprint here, having no generated program.
    #[cfg(test)]
    core_fingerprint: Option<String>,
}

static STATE: Mutex<State> = Mutex::new(State {
    linked_in: BTreeMap::new(),
    loaded: BTreeSet::new(),
    in_progress: BTreeSet::new(),
    registered: BTreeSet::new(),
    next_free: BTreeMap::new(),
    provided: BTreeMap::new(),
    extension_classes: BTreeMap::new(),
    #[cfg(test)]
    core_fingerprint: None,
});

fn state() -> std::sync::MutexGuard<'static, State> {
    // A panic while holding the lock leaves consistent data: every update
    // is a single insert or happens after all checks.
    STATE.lock().unwrap_or_else(|e| e.into_inner())
}

/// Makes the loader compare fingerprints with `fp` instead of the
/// program's `seam_core_fingerprint` (unit tests have no generated program).
#[cfg(test)]
pub(crate) fn set_core_fingerprint_for_tests(fp: Option<&str>) {
    state().core_fingerprint = fp.map(str::to_owned);
}

/// A loaded extension, as the extensions built on it see it.
struct Provided {
    /// Its descriptor.
    desc: usize,
    /// Linked into the core (`--static-ext`) rather than mapped from a file.
    linked_in: bool,
    /// The fingerprint of its exports file.
    fingerprint: String,
    /// Its symbols (`seam_*`), for an extension mapped from a file; a
    /// linked-in one's were resolved by the static linker.
    symbols: BTreeMap<String, u64>,
}

/// An extension found and checked, ready to run.
struct Resolved {
    desc: *mut u8,
    /// The keys marking it loaded.
    keys: Vec<String>,
}

/// The whole load; `Err` becomes an `ImportError`, while a pending exception
/// on `Ok` comes from the extension's own code.
///
/// # Safety
/// As for [`seam_load_extension`]; `space` is rooted by the caller.
unsafe fn load(path: &str, space: *mut u8) -> Result<(), LoadError> {
    let stem = Path::new(path)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .filter(|s| !s.is_empty())
        .ok_or_else(|| LoadError::NoName {
            path: path.to_owned(),
        })?;
    // SAFETY: forwarded from the caller.
    let Some(ext) = (unsafe { resolve(path, &stem)? }) else {
        return Ok(());
    };
    // SAFETY: `ext.desc` is a checked, registered extension descriptor;
    // `space` is rooted.
    let result = unsafe { run(&ext, &stem, space) };
    let mut state = state();
    for key in &ext.keys {
        state.in_progress.remove(key);
    }
    if result.is_ok() && current().is_null() {
        state.loaded.extend(ext.keys);
    } else {
        // It provides nothing after all (see `resolve`).
        for providers in state.provided.values_mut() {
            providers.retain(|p| p.desc != ext.desc as usize);
        }
    }
    result
}

/// Finds, checks and registers the extension; `None` when it is already
/// loaded (or loading). Marks it in progress.
///
/// # Safety
/// As for [`seam_load_extension`].
unsafe fn resolve(path: &str, stem: &str) -> Result<Option<Resolved>, LoadError> {
    let mut state = state();
    let mut mapped = None;
    let mut symbols = BTreeMap::new();
    // The plan of a mapped file's class ids, made before its code was finished.
    let mut planned = None;
    // An extension is identified by what it is: a linked-in one by its stem
    // (stems of linked-in extensions are unique), a file by its resolved path,
    // so two files with one stem in different directories are two extensions.
    let (file, desc, key) = match state.linked_in.get(stem) {
        Some(&desc) => (stem.to_owned(), desc as *mut u8, format!("stem:{stem}")),
        None => {
            let file = format!("{path}.so");
            let canonical = std::fs::canonicalize(&file)
                .map_err(|_| LoadError::NoSuchFile { file: file.clone() })?;
            let key = format!("path:{}", canonical.display());
            if state.loaded.contains(&key) || state.in_progress.contains(&key) {
                return Ok(None);
            }
            // Only a regular file: opening a FIFO would block, a device worse.
            if !std::fs::metadata(&canonical).is_ok_and(|m| m.is_file()) {
                return Err(LoadError::NotAFile { file });
            }
            // SAFETY: `open` verifies the file before mapping it.
            let opened = unsafe { open(&state, &file, &canonical, stem)? };
            mapped = Some(opened.mapped);
            symbols = opened.symbols;
            planned = Some(opened.plan);
            (file, opened.desc, key)
        }
    };
    if state.loaded.contains(&key) || state.in_progress.contains(&key) {
        return Ok(None);
    }
    let keys = vec![key];
    // SAFETY: `desc` is an extension descriptor (forwarded from the caller).
    unsafe { check(&state, &file, desc)? };
    if !state.registered.contains(&(desc as usize)) {
        // SAFETY: as above.
        unsafe { register(&mut state, &file, desc, planned)? };
        state.registered.insert(desc as usize);
        // The descriptor and its root slots are referenced from now on.
        if let Some(m) = mapped.take() {
            m.keep();
        }
    }
    // A file whose descriptor was registered by an earlier, failed load
    // stays mapped through that load's mapping; this one is unmapped.
    drop(mapped);
    state.in_progress.extend(keys.iter().cloned());
    // Extensions built on it may load while its own initialisers run (from its
    // `init_module`, as under CPython, where its module is imported by then):
    // it provides its exports from now on, unless the load fails.
    // SAFETY: a checked descriptor: its name and provides words are C strings.
    let (name, fingerprint) = unsafe {
        (
            c_string(ptr(desc, EXT_NAME)).unwrap_or_default(),
            c_string(ptr(desc, EXT_PROVIDES)).unwrap_or_default(),
        )
    };
    let linked_in = keys[0].starts_with("stem:");
    state.provided.entry(name).or_default().push(Provided {
        desc: desc as usize,
        linked_in,
        fingerprint,
        symbols,
    });
    Ok(Some(Resolved { desc, keys }))
}

/// Where the loader finds things in a descriptor of the layout it reads.
fn descriptor_layout() -> crate::elf::DescriptorLayout {
    crate::elf::DescriptorLayout {
        version: EXT_LAYOUT_VERSION,
        size: EXT_SIZE as u64,
        fingerprint_at: EXT_FINGERPRINT as u64,
        init_module_at: EXT_INIT_MODULE as u64,
        provides_at: EXT_PROVIDES as u64,
        depend_count_at: EXT_DEPEND_COUNT as u64,
        depends_at: EXT_DEPENDS as u64,
    }
}

/// Reads `file` (which exists, at `canonical`), verifies it (a Seam
/// extension: its descriptor section and `init_module` entry, layout version,
/// fingerprints, the extensions it was built against) from its bytes, and
/// only then maps it near the core (`mapper.rs`), its symbols resolved
/// against the core and those extensions, its classes' ids planned and their
/// bounds written into its code.
///
/// # Safety
/// None beyond the mapper's: nothing of the file runs here.
unsafe fn open(
    state: &State,
    file: &str,
    canonical: &Path,
    stem: &str,
) -> Result<Opened, LoadError> {
    let open_error = |cause: String| LoadError::Open {
        file: file.to_owned(),
        cause,
    };
    let bytes = std::fs::read(canonical).map_err(|e| open_error(e.to_string()))?;
    let image = crate::elf::Image::parse(&bytes).map_err(|e| open_error(e.to_string()))?;
    let found = image.descriptor(
        seam_abi::symbols::EXTENSION_SECTION,
        seam_abi::symbols::EXTENSION_ENTRY,
        descriptor_layout(),
    );
    let descriptor = match found {
        Ok(d) => d,
        Err(crate::elf::ElfError::NotExtension(cause)) => {
            return Err(LoadError::NotAnExtension {
                file: file.to_owned(),
                cause,
            });
        }
        Err(e) => return Err(open_error(e.to_string())),
    };
    let Some(extension) = descriptor.fingerprint else {
        return Err(LoadError::Version {
            file: file.to_owned(),
            found: descriptor.version,
        });
    };
    compare_fingerprints(state, file, extension)?;
    let deps = dependencies(state, file, &descriptor.depends)?;
    // A file resolves what it takes from its dependencies through their symbol
    // tables: a linked-in one's are the core's hidden symbols, a stripped one's are gone.
    if let Some((name, why)) = descriptor
        .depends
        .iter()
        .zip(&deps)
        .find_map(|((n, _), d)| {
            if d.linked_in {
                Some((
                    n,
                    "is linked into the core; link this one in too (--static-ext)",
                ))
            } else if d.symbols.is_empty() {
                Some((
                    n,
                    "was stripped of its symbol table; load an unstripped build of it",
                ))
            } else {
                None
            }
        })
    {
        return Err(open_error(format!(
            "it builds on extension '{name}', which {why}"
        )));
    }
    let beside = |name: &str| -> Option<u64> {
        match seam_abi::symbols::parse_class_bound_symbol(name) {
            // A registered class of an extension it builds on: the bound is known.
            Some((BoundClass::Descriptor(class), bound)) => {
                let desc = deps.iter().find_map(|d| d.symbols.get(class).copied())?;
                // SAFETY: a dependency's class descriptor, registered when it was loaded.
                Some(unsafe { class_bound(desc as *mut u8, bound) })
            }
            // Its own: numbered below.
            Some((BoundClass::Own(_), _)) => None,
            None => deps.iter().find_map(|d| d.symbols.get(name).copied()),
        }
    };
    // SAFETY: the file is a Seam extension built against this core and the
    // extensions `deps`, which are loaded.
    let mut mapped =
        unsafe { crate::mapper::map(&image, &beside) }.map_err(|e| open_error(e.to_string()))?;
    // The image's own classes are planned now, and `register` carries out
    // this plan (the state does not change in between: it stays locked), so
    // that their bounds are written into the code before it becomes executable.
    let desc = mapped.at(descriptor.address);
    // SAFETY: the relocated descriptor of a verified image; its classes are
    // class descriptors whose parents are the core's, a dependency's or its own.
    let planned = unsafe { plan(state, file, desc) }?;
    let symbols: BTreeMap<String, u64> = image
        .defined_symbols("seam_")
        .into_iter()
        .map(|(name, at)| (name, mapped.base() as u64 + at))
        .collect();
    let own = |name: &str| -> Option<u64> {
        let Some((BoundClass::Own(i), bound)) = seam_abi::symbols::parse_class_bound_symbol(name)
        else {
            return None;
        };
        let &(id, max) = planned.ids.get(i)?;
        Some(match bound {
            seam_abi::symbols::ClassBound::NegatedId => (id as u64).wrapping_neg(),
            seam_abi::symbols::ClassBound::Width => (max - id) as u64,
        })
    };
    // SAFETY: `mapped` is `image` as `map` left it.
    unsafe { crate::mapper::finish(&mut mapped, &image, &own) }
        .map_err(|e| open_error(e.to_string()))?;
    crate::mapper::register_with_perf(&image, &mapped, stem);
    crate::mapper::report_stats(file, &mapped);
    #[cfg(test)]
    state_mapped_for_tests(canonical, mapped.base());
    Ok(Opened {
        mapped,
        desc,
        symbols,
        plan: planned,
    })
}

/// The loaded extensions that `depends` (name and exports fingerprint of each
/// extension the one in `file` was built against) names; an error when one is
/// not loaded or was loaded with other exports.
fn dependencies<'s>(
    state: &'s State,
    file: &str,
    depends: &[(String, String)],
) -> Result<Vec<&'s Provided>, LoadError> {
    let mut out = Vec::with_capacity(depends.len());
    for (name, fingerprint) in depends {
        let loaded = state.provided.get(name).map(Vec::as_slice).unwrap_or(&[]);
        match loaded.iter().find(|p| p.fingerprint == *fingerprint) {
            Some(p) => out.push(p),
            None => {
                return Err(match loaded.first() {
                    None => LoadError::MissingDependency {
                        file: file.to_owned(),
                        name: name.clone(),
                    },
                    Some(p) => LoadError::DependencyFingerprint {
                        file: file.to_owned(),
                        name: name.clone(),
                        built: fingerprint.clone(),
                        loaded: p.fingerprint.clone(),
                    },
                });
            }
        }
    }
    Ok(out)
}

/// A file `open` verified and mapped.
struct Opened {
    mapped: crate::mapper::Mapped,
    /// Its descriptor, as mapped.
    desc: *mut u8,
    /// Its own symbols (see [`Provided::symbols`]).
    symbols: BTreeMap<String, u64>,
    /// The plan of its class ids, written into its code; `register` carries it out.
    plan: Plan,
}

/// Where each file was mapped, for tests that read its symbols.
#[cfg(test)]
static MAPPED_FOR_TESTS: Mutex<Vec<(std::path::PathBuf, usize)>> = Mutex::new(Vec::new());

#[cfg(test)]
fn state_mapped_for_tests(canonical: &Path, base: usize) {
    MAPPED_FOR_TESTS
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .push((canonical.to_owned(), base));
}

/// The address of the symbol `name` of the extension file `so` as mapped
/// last (from the file's symbol tables).
#[cfg(test)]
pub(crate) fn mapped_symbol_for_tests(so: &Path, name: &str) -> Option<usize> {
    let canonical = std::fs::canonicalize(so).ok()?;
    let base = MAPPED_FOR_TESTS
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .iter()
        .rev()
        .find(|(p, _)| *p == canonical)?
        .1;
    let bytes = std::fs::read(&canonical).ok()?;
    let image = crate::elf::Image::parse(&bytes).ok()?;
    Some(base + image.symbol_address(name)? as usize)
}

/// Compares an extension's recorded core fingerprint with this core's.
fn compare_fingerprints(state: &State, file: &str, extension: String) -> Result<(), LoadError> {
    let core = core_fingerprint(state).map_err(|cause| LoadError::NoCoreFingerprint {
        file: file.to_owned(),
        cause,
    })?;
    if extension != core {
        return Err(LoadError::Fingerprint {
            file: file.to_owned(),
            extension,
            core,
        });
    }
    Ok(())
}

/// Runs the extension's initialisers and checks `space`.
///
/// # Safety
/// `ext.desc` must be a checked, registered extension descriptor; `space`
/// null or a live, rooted object.
unsafe fn run(ext: &Resolved, stem: &str, space: *mut u8) -> Result<(), LoadError> {
    let desc = ext.desc;
    // SAFETY: the descriptor's init words are null or functions of these types.
    let (init_globals, init_module, space_class) = unsafe {
        (
            std::mem::transmute::<*mut u8, Option<unsafe extern "C" fn()>>(ptr(
                desc,
                EXT_INIT_GLOBALS,
            )),
            std::mem::transmute::<*mut u8, Option<unsafe extern "C" fn(*mut u8)>>(ptr(
                desc,
                EXT_INIT_MODULE,
            )),
            ptr(desc, EXT_SPACE_CLASS),
        )
    };
    if let Some(f) = init_globals {
        // SAFETY: generated code; it may raise, leaving the state set.
        unsafe { f() };
        if !current().is_null() {
            return Ok(());
        }
    }
    if !space_class.is_null() {
        // SAFETY: `space` is null or live; `space_class` is a class descriptor.
        unsafe { check_space(stem, space, space_class)? };
    }
    if let Some(f) = init_module {
        // SAFETY: generated code taking the space; it may raise.
        unsafe { f(space) };
    }
    Ok(())
}

/// Checks the descriptor's layout version and fingerprint.
///
/// # Safety
/// `desc` must point to at least an extension descriptor's version word, and
/// to a whole descriptor when that word is [`EXT_LAYOUT_VERSION`].
unsafe fn check(state: &State, file: &str, desc: *mut u8) -> Result<(), LoadError> {
    // SAFETY: forwarded from the caller.
    let version = unsafe { word(desc, EXT_VERSION) } as i64;
    if version != EXT_LAYOUT_VERSION {
        return Err(LoadError::Version {
            file: file.to_owned(),
            found: version,
        });
    }
    // SAFETY: a descriptor of this version: its fingerprint word is null or a
    // C string, its dependency table `count` pairs of C strings.
    let (extension, depends) = unsafe {
        let count = word(desc, EXT_DEPEND_COUNT) as i64;
        let table = ptr(desc, EXT_DEPENDS).cast::<*mut u8>();
        if !(0..=MAX_ENTRIES).contains(&count) || (count > 0 && table.is_null()) {
            return Err(LoadError::Malformed {
                file: file.to_owned(),
                what: format!("a dependency table of {count} entries"),
            });
        }
        let depends: Vec<(String, String)> = (0..count as usize)
            .map(|i| {
                (
                    c_string(*table.add(2 * i)).unwrap_or_default(),
                    c_string(*table.add(2 * i + 1)).unwrap_or_default(),
                )
            })
            .collect();
        (
            c_string(ptr(desc, EXT_FINGERPRINT)).unwrap_or_default(),
            depends,
        )
    };
    compare_fingerprints(state, file, extension)?;
    dependencies(state, file, &depends).map(|_| ())
}

/// The program's `seam_core_fingerprint`: a NUL-terminated hex string that
/// the generated core object defines and exports dynamically. Looked up at
/// run time rather than declared, so that the runtime links without it.
fn core_fingerprint(state: &State) -> Result<String, String> {
    #[cfg(test)]
    if let Some(fp) = &state.core_fingerprint {
        return Ok(fp.clone());
    }
    let _ = state;
    lookup_core_fingerprint()
}

fn lookup_core_fingerprint() -> Result<String, String> {
    let name =
        std::ffi::CString::new(seam_abi::symbols::CORE_FINGERPRINT).map_err(|e| e.to_string())?;
    // SAFETY: dlopen(NULL) is the program's handle; the symbol, when present,
    // is the fingerprint's bytes, of which only the address is taken.
    let address = unsafe {
        let program = libc::dlopen(std::ptr::null(), libc::RTLD_LAZY);
        if program.is_null() {
            return Err("the program has no symbol table".to_owned());
        }
        libc::dlsym(program, name.as_ptr())
    };
    if address.is_null() {
        return Err("no such dynamic symbol".to_owned());
    }
    // SAFETY: the generated core defines the symbol as a NUL-terminated string.
    unsafe { c_string(address.cast()) }.ok_or_else(|| "the symbol is null".to_owned())
}

/// A C string's text, or `None` for null.
///
/// # Safety
/// `s` must be null or a NUL-terminated string.
unsafe fn c_string(s: *mut u8) -> Option<String> {
    if s.is_null() {
        return None;
    }
    // SAFETY: forwarded from the caller.
    Some(
        unsafe { CStr::from_ptr(s.cast()) }
            .to_string_lossy()
            .into_owned(),
    )
}

/// `(a, b)` shortened to a common prefix length that still tells them apart.
fn shorten_pair(a: &str, b: &str) -> (String, String) {
    const SHORT: usize = 16;
    let cut = |s: &str| -> String {
        match s.char_indices().nth(SHORT) {
            Some((i, _)) => format!("{}…", &s[..i]),
            None => s.to_owned(),
        }
    };
    let (sa, sb) = (cut(a), cut(b));
    if sa == sb {
        (a.to_owned(), b.to_owned())
    } else {
        (sa, sb)
    }
}

// ---- registration ----

/// Assigns the extension's class ids and registers its static roots. Checks
/// everything before changing anything, so a failure consumes no ids.
/// `planned`: the plan `open` made for a mapped file, under the same lock (the
/// ids written into its code); a linked-in extension's is made here.
///
/// # Safety
/// `desc` must be an extension descriptor of this layout whose class
/// descriptors are writable and whose base classes' descriptors are class
/// descriptors; `planned`, when given, its plan.
unsafe fn register(
    state: &mut State,
    file: &str,
    desc: *mut u8,
    planned: Option<Plan>,
) -> Result<(), LoadError> {
    let malformed = |what: String| LoadError::Malformed {
        file: file.to_owned(),
        what,
    };
    // SAFETY: forwarded from the caller.
    let roots = unsafe {
        entries(desc, EXT_ROOT_COUNT, EXT_ROOTS).map_err(|w| malformed(format!("roots: {w}")))?
    };
    // SAFETY: forwarded from the caller.
    let Plan {
        classes,
        slacks,
        blocks,
        ids,
    } = match planned {
        Some(p) => p,
        // SAFETY: forwarded from the caller.
        None => unsafe { plan(state, file, desc)? },
    };
    for block in &blocks {
        state.next_free.insert(block.base, block.next);
    }
    // SAFETY: a checked descriptor: its name word is a C string.
    let ext_name = unsafe { c_string(ptr(desc, EXT_NAME)) }.unwrap_or_default();
    for &class in &classes {
        state
            .extension_classes
            .insert(class as usize, ext_name.clone());
    }
    for ((&class, &(id, max)), &slack) in classes.iter().zip(&ids).zip(&slacks) {
        // SAFETY: extension class descriptors are writable (forwarded).
        unsafe {
            set_word(class, CLASS_ID, id as u64);
            set_word(class, CLASS_MAX, max as u64);
            set_word(class, CLASS_SLACK_START, (max - slack) as u64);
        }
    }
    for &slot in &roots {
        // SAFETY: root slots are global words of the extension holding null
        // or a reference, and its image stays mapped.
        unsafe { seam_gc_add_root(slot) };
    }
    Ok(())
}

/// Where the classes of an extension descriptor go: the classes, the slack
/// each reserves, the blocks taken under outside bases, and each class's
/// `(class_id, class_max)`.
struct Plan {
    classes: Vec<*mut u8>,
    slacks: Vec<i64>,
    blocks: Vec<BaseBlock>,
    ids: Vec<(i64, i64)>,
}

/// Plans the ids of the classes of the extension descriptor `desc`; changes nothing.
///
/// # Safety
/// As for [`register`].
unsafe fn plan(state: &State, file: &str, desc: *mut u8) -> Result<Plan, LoadError> {
    let malformed = |what: String| LoadError::Malformed {
        file: file.to_owned(),
        what,
    };
    // SAFETY: forwarded from the caller.
    let classes = unsafe { entries(desc, EXT_CLASS_COUNT, EXT_CLASSES) }
        .map_err(|w| malformed(format!("classes: {w}")))?;
    let slacks = slacks(&classes).map_err(|w| malformed(format!("classes: {w}")))?;
    // SAFETY: the classes are class descriptors (forwarded from the caller).
    let blocks = unsafe { plan_ids(state, file, &classes, &slacks)? };
    let ids = blocks_ids(&classes, &slacks, &blocks);
    Ok(Plan {
        classes,
        slacks,
        blocks,
        ids,
    })
}

/// A bound of a registered class's id range, as `seam_abi::symbols::ClassBound` names it.
///
/// # Safety
/// `class` must be a class descriptor.
unsafe fn class_bound(class: *mut u8, bound: seam_abi::symbols::ClassBound) -> u64 {
    // SAFETY: forwarded from the caller.
    let (id, max) = unsafe { (word(class, CLASS_ID), word(class, CLASS_MAX)) };
    match bound {
        seam_abi::symbols::ClassBound::NegatedId => id.wrapping_neg(),
        seam_abi::symbols::ClassBound::Width => max.wrapping_sub(id),
    }
}

/// The ids each class reserves for the subclasses of later extensions: the
/// word an extension's class descriptor holds at `CLASS_SLACK_START` until
/// the loader numbers it.
fn slacks(classes: &[*mut u8]) -> Result<Vec<i64>, String> {
    classes
        .iter()
        .map(|&c| {
            // SAFETY: every class is a class descriptor (the callers' contract).
            let slack = unsafe { word(c, CLASS_SLACK_START) } as i64;
            if (0..=MAX_SLACK).contains(&slack) {
                Ok(slack)
            } else {
                // SAFETY: as above.
                Err(format!("class {} reserves {slack} ids", unsafe {
                    class_name(c)
                }))
            }
        })
        .collect()
}

/// The most ids a class may reserve (`@export(slack=N)` allows up to 2^20).
const MAX_SLACK: i64 = 1 << 20;

/// The non-null pointers of a descriptor's (count, array) pair.
///
/// # Safety
/// `desc` must have words at both offsets; the array must hold `count`
/// readable pointers.
unsafe fn entries(desc: *mut u8, count: usize, array: usize) -> Result<Vec<*mut u8>, String> {
    // SAFETY: forwarded from the caller.
    let (n, items) = unsafe { (word(desc, count) as i64, ptr(desc, array)) };
    if !(0..=MAX_ENTRIES).contains(&n) {
        return Err(format!("count {n}"));
    }
    if n > 0 && items.is_null() {
        return Err(format!("{n} entries but no array"));
    }
    let items = items.cast::<*mut u8>();
    let mut out = Vec::with_capacity(n as usize);
    for i in 0..n as usize {
        // SAFETY: the array holds `n` pointers (forwarded).
        let p = unsafe { *items.add(i) };
        if p.is_null() {
            return Err(format!("entry {i} is null"));
        }
        out.push(p);
    }
    Ok(out)
}

/// The ids handed out under one base class outside the extension.
struct BaseBlock {
    /// The base's descriptor address (0: no base).
    base: usize,
    /// The next free id under the base once this extension is registered.
    next: i64,
    /// The first id this extension takes under the base.
    first: i64,
}

/// Plans where every class's block goes; changes nothing. Returns one entry
/// per base class outside the extension, in first-use order.
///
/// # Safety
/// Every entry of `classes`, and every parent they name, must be a class descriptor.
unsafe fn plan_ids(
    state: &State,
    file: &str,
    classes: &[*mut u8],
    slacks: &[i64],
) -> Result<Vec<BaseBlock>, LoadError> {
    let index: BTreeMap<usize, usize> = classes
        .iter()
        .enumerate()
        .map(|(i, &c)| (c as usize, i))
        .collect();
    // SAFETY: forwarded from the caller.
    let name = |c: *const u8| unsafe { class_name(c) }.into_owned();
    let mut blocks: Vec<BaseBlock> = Vec::new();
    let sizes = block_sizes(classes, slacks);
    for (i, &class) in classes.iter().enumerate() {
        // SAFETY: `class` is a class descriptor.
        let parent = unsafe { ptr(class, CLASS_PARENT) };
        if let Some(&j) = index.get(&(parent as usize)) {
            if j >= i {
                return Err(LoadError::Malformed {
                    file: file.to_owned(),
                    what: format!(
                        "class {} is listed before its base class {}",
                        name(class),
                        name(parent)
                    ),
                });
            }
            continue;
        }
        let size = sizes[i];
        let (start, limit, base_name, reserved) = if parent.is_null() {
            (ROOT_POOL_START, i64::MAX, "object".to_owned(), i64::MAX)
        } else {
            // SAFETY: `parent` is a class descriptor.
            let (flags, slack_start, max) = unsafe {
                (
                    word(parent, CLASS_FLAGS),
                    word(parent, CLASS_SLACK_START) as i64,
                    word(parent, CLASS_MAX) as i64,
                )
            };
            if flags & CLASS_FLAG_FINAL != 0 {
                return Err(LoadError::FinalBase {
                    file: file.to_owned(),
                    class: name(class),
                    base: name(parent),
                });
            }
            (slack_start, max, name(parent), (max - slack_start).max(0))
        };
        let pos = match blocks.iter().position(|b| b.base == parent as usize) {
            Some(pos) => pos,
            None => {
                let next = state
                    .next_free
                    .get(&(parent as usize))
                    .copied()
                    .unwrap_or(start);
                blocks.push(BaseBlock {
                    base: parent as usize,
                    next,
                    first: next,
                });
                blocks.len() - 1
            }
        };
        let block = &mut blocks[pos];
        if limit.saturating_sub(block.next) < size {
            let needed: i64 = classes
                .iter()
                .enumerate()
                // SAFETY: every class is a class descriptor.
                .filter(|&(_, &c)| unsafe { ptr(c, CLASS_PARENT) } == parent)
                .map(|(k, _)| sizes[k])
                .sum();
            return Err(LoadError::SlackExhausted {
                file: file.to_owned(),
                class: name(class),
                base: base_name,
                base_extension: state.extension_classes.get(&(parent as usize)).cloned(),
                reserved,
                taken: (block.first - start).clamp(0, reserved),
                needed,
            });
        }
        block.next += size;
    }
    Ok(blocks)
}

/// Each class's block size: 1 plus its children's blocks in the same
/// extension plus its slack. Children come after their parents, so one
/// backward pass adds every finished block to its parent's.
fn block_sizes(classes: &[*mut u8], slacks: &[i64]) -> Vec<i64> {
    let index: BTreeMap<usize, usize> = classes
        .iter()
        .enumerate()
        .map(|(i, &c)| (c as usize, i))
        .collect();
    let mut sizes: Vec<i64> = slacks.iter().map(|s| 1 + s).collect();
    for i in (0..classes.len()).rev() {
        // SAFETY: every class is a class descriptor (the callers' contract).
        let parent = unsafe { ptr(classes[i], CLASS_PARENT) } as usize;
        if let Some(&j) = index.get(&parent).filter(|&&j| j < i) {
            sizes[j] += sizes[i];
        }
    }
    sizes
}

/// `(class_id, class_max)` for every class, given the planned base blocks:
/// a class under an outside base takes the next ids of its base's block, a
/// class under a class of the extension the next ids inside that class's block.
fn blocks_ids(classes: &[*mut u8], slacks: &[i64], blocks: &[BaseBlock]) -> Vec<(i64, i64)> {
    let index: BTreeMap<usize, usize> = classes
        .iter()
        .enumerate()
        .map(|(i, &c)| (c as usize, i))
        .collect();
    let sizes = block_sizes(classes, slacks);
    let mut base_cursor: BTreeMap<usize, i64> = blocks.iter().map(|b| (b.base, b.first)).collect();
    // The next free id inside each extension class's block.
    let mut inner_cursor = vec![0i64; classes.len()];
    let mut out = Vec::with_capacity(classes.len());
    for (i, &class) in classes.iter().enumerate() {
        // SAFETY: every class is a class descriptor (the callers' contract).
        let parent = unsafe { ptr(class, CLASS_PARENT) } as usize;
        let cursor = match index.get(&parent) {
            Some(&j) => &mut inner_cursor[j],
            None => base_cursor.entry(parent).or_insert(0),
        };
        let id = *cursor;
        *cursor += sizes[i];
        inner_cursor[i] = id + 1;
        out.push((id, id + sizes[i]));
    }
    out
}

// ---- the space check ----

/// Checks that `space` is an instance of `class` (the class-id range test).
///
/// # Safety
/// `space` must be null or a live object; `class` a class descriptor.
unsafe fn check_space(stem: &str, space: *mut u8, class: *mut u8) -> Result<(), LoadError> {
    // SAFETY: forwarded from the caller.
    let (min, max) = unsafe { (word(class, CLASS_ID), word(class, CLASS_MAX)) };
    let got = if space.is_null() {
        "None".to_owned()
    } else {
        // SAFETY: `space` is a live object; offset 0 is its descriptor.
        let desc = unsafe { class_of(space) };
        match builtin_name(desc) {
            Some(name) => name.to_owned(),
            None => {
                // SAFETY: every other object is a class instance.
                let id = unsafe { word(desc.cast_mut(), CLASS_ID) };
                if id.wrapping_sub(min) < max.wrapping_sub(min) {
                    return Ok(());
                }
                // SAFETY: as above.
                unsafe { class_name(desc) }.into_owned()
            }
        }
    };
    Err(LoadError::SpaceType {
        extension: stem.to_owned(),
        // SAFETY: `class` is a class descriptor.
        expected: unsafe { class_name(class) }.into_owned(),
        got,
    })
}

/// The type name of an object described by one of the runtime's own
/// descriptors (never an instance of a class).
fn builtin_name(desc: *const u8) -> Option<&'static str> {
    let is = |d: &'static seam_gc::GcTypeInfo| std::ptr::eq(desc.cast(), d);
    if is(&STR_DESC) {
        Some("str")
    } else if is(&LIST_DESC) {
        Some("list")
    } else if is(&DICT_DESC) {
        Some("dict")
    } else if is(&TUPLE_DESC) {
        Some("tuple")
    } else if is(&REF_ARRAY_DESC) || is(&WORD_ARRAY_DESC) {
        Some("array")
    } else {
        None
    }
}
