//! The content-addressed build cache: every artifact `seam build` makes (a
//! core and its exports file, an extension's `.so` and exports file) stored
//! under `CACHE/build/obj/KEY/` by the SHA-256 of everything that determines
//! it, and copied into the output directory.
//!
//! ```text
//!  recipe (kind, source, options) ──► deps/RECIPE: the files the last build read
//!            │                                 │ re-hashed now
//!            ▼                                 ▼
//!   key = sha256(seam + toolchain + target + cc version, recipe, exports
//!                fingerprints compiled against, extra inputs, each file + its sha256)
//!            │
//!            ▼
//!   obj/KEY/ present? ── yes ──► install into the output directory ("cached")
//!            │ no
//!            ▼
//!   build into tmp/UNIQUE/, read its depfile, rename to obj/KEY/ ("built")
//! ```
//!
//! The list of files an artifact reads is learnt from the build's own
//! Makefile depfile and recorded per recipe, as ninja does, so that a lookup
//! never re-checks the program: it re-hashes the recorded files and looks for
//! the key they give. If any of them changed, the key is new and the artifact
//! is rebuilt (and the list recorded anew); if none did, the program reads the
//! same files and gives the same artifact.
//!
//! Exports files an artifact compiles against enter the key by their
//! fingerprint, not their bytes: a core rebuilt after a private change keeps
//! its fingerprint, so the extensions built against it stay cached.
//!
//! Entries appear whole or not at all: a build writes into a private
//! directory renamed into place, and installs rename into the output
//! directory, so concurrent builds sharing a cache never see half an artifact.
//!
//! This module knows nothing of Seam programs or manifests: it runs a build
//! closure and stores what it made.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU64, Ordering};

use anyhow::{Context as _, Result};
use sha2::{Digest, Sha256};

/// What determines an artifact besides its Seam sources, the exports files it
/// compiles against and the toolchain: labelled values known before the build
/// (C overrides from the manifest, flags). Files a build reads beyond the Seam
/// sources (C sources, headers) enter the key by being listed in the build's
/// depfile, which is recorded like the sources.
#[derive(Clone, Debug, Default)]
pub struct BuildInputs {
    values: Vec<(String, String)>,
}

impl BuildInputs {
    /// Adds a labelled value to the key.
    pub fn add(&mut self, label: &str, value: impl Into<String>) {
        self.values.push((label.to_string(), value.into()));
    }

    /// Adds a module's C overrides, field by field; none when they are empty,
    /// so that `[modules.NAME]` without a `c` table keys like no entry at all.
    pub fn add_c_overrides(&mut self, label: &str, c: &crate::cbuild::COverrides) {
        if *c == crate::cbuild::COverrides::default() {
            return;
        }
        let paths = |v: &[PathBuf]| {
            v.iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join("\0")
        };
        self.add(&format!("{label}.include_dirs"), paths(&c.include_dirs));
        self.add(&format!("{label}.library_dirs"), paths(&c.library_dirs));
        self.add(
            &format!("{label}.libraries"),
            match &c.libraries {
                Some(l) => format!("some\0{}", l.join("\0")),
                None => "none".to_string(),
            },
        );
        self.add(&format!("{label}.cflags"), c.cflags.join("\0"));
        self.add(&format!("{label}.ldflags"), c.ldflags.join("\0"));
    }
}

/// How one artifact is made, as far as the cache needs to know.
#[derive(Clone, Debug)]
pub struct Recipe {
    /// `"core"`, `"ext"` or `"c-object"`.
    pub kind: &'static str,
    /// The entry module or extension source, absolute.
    pub source: PathBuf,
    /// What else names the build: the modules linked in, the layers' names.
    pub options: Vec<String>,
    /// `(name, fingerprint)` of every exports file compiled against, in order.
    pub against: Vec<(String, String)>,
    pub inputs: BuildInputs,
    /// The files the build writes into its directory that form the entry.
    pub artifacts: Vec<String>,
    /// The depfile the build writes into its directory.
    pub depfile: String,
    /// Files the depfile lists that do not enter the key by their bytes (the
    /// exports files compiled against, which enter by fingerprint).
    pub not_sources: Vec<String>,
}

/// A build cache's `build/` directory.
#[derive(Clone, Debug)]
pub struct Cache {
    root: PathBuf,
}

impl Cache {
    /// The build cache under `seam`'s cache directory.
    pub fn open() -> Result<Cache> {
        let root = crate::cache_dir()?.join("build");
        for sub in ["obj", "deps", "tmp"] {
            let dir = root.join(sub);
            if !dir.is_dir() {
                std::fs::create_dir_all(&dir)
                    .with_context(|| format!("cannot create {}", dir.display()))?;
            }
        }
        let cache = Cache { root };
        cache.sweep();
        Ok(cache)
    }

    /// Removes the scratch directories of builds whose process is gone
    /// (killed or crashed); those of running builds are named by their pid.
    fn sweep(&self) {
        let Ok(entries) = std::fs::read_dir(self.root.join("tmp")) else {
            return;
        };
        for e in entries.filter_map(|e| e.ok()) {
            let name = e.file_name().to_string_lossy().into_owned();
            let pid = name.split('-').next().unwrap_or_default();
            if !pid.is_empty() && !Path::new("/proc").join(pid).exists() {
                let _ = std::fs::remove_dir_all(e.path());
            }
        }
    }

    /// The entry of an artifact whose recorded inputs are all unchanged.
    pub fn lookup(&self, recipe: &Recipe) -> Result<Option<PathBuf>> {
        let Ok(record) = std::fs::read_to_string(self.deps_path(recipe)) else {
            return Ok(None);
        };
        let mut files = Vec::new();
        for line in record.lines().filter(|l| !l.is_empty()) {
            match hash_file(Path::new(line)) {
                Some(h) => files.push((line.to_string(), h)),
                // A file read last time is gone: the program changed.
                None => return Ok(None),
            }
        }
        let entry = self.root.join("obj").join(key(recipe, &files));
        let whole = recipe.artifacts.iter().all(|a| entry.join(a).is_file());
        Ok(whole.then_some(entry))
    }

    /// Runs `build` in a fresh directory (it returns false when the program had
    /// errors, already printed) and stores what it made; the entry, or `None`.
    pub fn build(
        &self,
        recipe: &Recipe,
        build: impl FnOnce(&Path) -> Result<bool>,
    ) -> Result<Option<PathBuf>> {
        let work = self.fresh_dir()?;
        let made = build(&work);
        let made = match made {
            Ok(true) => self.store(recipe, &work),
            Ok(false) => Ok(None),
            Err(e) => Err(e),
        };
        if work.exists() {
            let _ = std::fs::remove_dir_all(&work);
        }
        made
    }

    fn store(&self, recipe: &Recipe, work: &Path) -> Result<Option<PathBuf>> {
        let depfile = work.join(&recipe.depfile);
        let text = std::fs::read_to_string(&depfile)
            .with_context(|| format!("cannot read {}", depfile.display()))?;
        let _ = std::fs::remove_file(&depfile);
        let mut files = Vec::new();
        for file in depfile_sources(&text) {
            if recipe.not_sources.contains(&file) || file.contains('\n') {
                continue;
            }
            let path = std::path::absolute(&file).unwrap_or_else(|_| PathBuf::from(&file));
            let text = path.display().to_string();
            if files.iter().any(|(f, _)| *f == text) {
                continue;
            }
            let hash = hash_file(&path)
                .with_context(|| format!("cannot read {} after building", path.display()))?;
            files.push((text, hash));
        }
        // Each file is renamed into the entry on its own, replacing any copy a
        // concurrent (or forced) build stored under the same key: a reader
        // sees one whole file or the other, never half of one, and the entry
        // counts as present only once all its files are.
        let entry = self.root.join("obj").join(key(recipe, &files));
        std::fs::create_dir_all(&entry)
            .with_context(|| format!("cannot create {}", entry.display()))?;
        for name in &recipe.artifacts {
            let made = work.join(name);
            std::fs::rename(&made, entry.join(name)).with_context(|| {
                format!("cannot store {} in {}", made.display(), entry.display())
            })?;
        }
        let mut record = String::new();
        for (f, _) in &files {
            record.push_str(f);
            record.push('\n');
        }
        let deps = self.deps_path(recipe);
        let tmp = self.fresh_dir()?.join("record");
        std::fs::write(&tmp, record).with_context(|| format!("cannot write {}", tmp.display()))?;
        std::fs::rename(&tmp, &deps).with_context(|| format!("cannot write {}", deps.display()))?;
        if let Some(dir) = tmp.parent() {
            let _ = std::fs::remove_dir(dir);
        }
        Ok(Some(entry))
    }

    /// The files the last build of `recipe` read (its recorded inputs), for a
    /// build that uses a cached entry and must name them in its own depfile.
    pub fn recorded_files(&self, recipe: &Recipe) -> Vec<PathBuf> {
        std::fs::read_to_string(self.deps_path(recipe))
            .map(|record| {
                record
                    .lines()
                    .filter(|l| !l.is_empty())
                    .map(PathBuf::from)
                    .collect()
            })
            .unwrap_or_default()
    }

    fn deps_path(&self, recipe: &Recipe) -> PathBuf {
        let mut h = Hasher::new();
        h.feed(recipe.kind.as_bytes());
        h.feed(recipe.source.as_os_str().as_encoded_bytes());
        for o in &recipe.options {
            h.feed(o.as_bytes());
        }
        self.root.join("deps").join(h.hex())
    }

    /// A new private directory under `tmp/`, on the cache's file system.
    fn fresh_dir(&self) -> Result<PathBuf> {
        static COUNTER: AtomicU64 = AtomicU64::new(0);
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or_default();
        let dir = self.root.join("tmp").join(format!(
            "{}-{nanos}-{}",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::Relaxed)
        ));
        std::fs::create_dir_all(&dir)
            .with_context(|| format!("cannot create {}", dir.display()))?;
        Ok(dir)
    }
}

/// Puts a copy of `entry/NAME` at `dest` for each pair, renamed into place,
/// with the cached file's modification time. A destination with the cached
/// file's size and time is taken to be that copy and left alone, so a build
/// with nothing changed writes nothing; a copy edited in place gets a new
/// time and is replaced. Copies, not hard links: writing to an output must
/// never change what the cache holds.
pub fn install(entry: &Path, files: &[(&str, &Path)]) -> Result<()> {
    for (name, dest) in files {
        let src = entry.join(name);
        let src_meta =
            std::fs::metadata(&src).with_context(|| format!("cannot read {}", src.display()))?;
        let src_time = src_meta
            .modified()
            .with_context(|| format!("cannot read {}", src.display()))?;
        if let Ok(m) = std::fs::metadata(dest)
            && m.is_file()
            && m.len() == src_meta.len()
            && m.modified().is_ok_and(|t| t == src_time)
        {
            continue;
        }
        let parent = dest
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        std::fs::create_dir_all(parent)
            .with_context(|| format!("cannot create {}", parent.display()))?;
        let file_name = dest
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let tmp = parent.join(format!(".{file_name}.seam-{}", std::process::id()));
        let _ = std::fs::remove_file(&tmp);
        std::fs::copy(&src, &tmp)
            .with_context(|| format!("cannot copy {} to {}", src.display(), tmp.display()))?;
        std::fs::File::options()
            .write(true)
            .open(&tmp)
            .and_then(|f| f.set_modified(src_time))
            .with_context(|| format!("cannot write {}", tmp.display()))?;
        std::fs::rename(&tmp, dest)
            .with_context(|| format!("cannot move {} into place", dest.display()))?;
    }
    Ok(())
}

/// What `seam cache info` prints.
pub fn info() -> Result<String> {
    let dir = crate::cache_dir()?;
    let count = |d: &Path| {
        std::fs::read_dir(d)
            .map(|r| r.filter(|e| e.is_ok()).count())
            .unwrap_or(0)
    };
    let shims = std::fs::read_dir(&dir)
        .map(|r| {
            r.filter_map(|e| e.ok())
                .filter(|e| e.file_name().to_string_lossy().starts_with("shim-"))
                .count()
        })
        .unwrap_or(0);
    let artifacts = count(&dir.join("build").join("obj"));
    let programs = count(&dir.join("run"));
    let size = dir_size(&dir);
    Ok(format!(
        "location: {}\nentries: {} ({artifacts} build artifacts, {programs} `seam run` programs, \
         {shims} shims)\nsize: {}\n",
        dir.display(),
        artifacts + programs + shims,
        human_size(size)
    ))
}

/// Removes everything `seam` keeps in its cache directory (and nothing else
/// it may hold); what `seam cache clean` prints.
pub fn clean() -> Result<String> {
    let dir = crate::cache_dir()?;
    let before = dir_size(&dir);
    let entries =
        std::fs::read_dir(&dir).with_context(|| format!("cannot read {}", dir.display()))?;
    for e in entries.filter_map(|e| e.ok()) {
        let name = e.file_name().to_string_lossy().into_owned();
        if name == "build" || name == "run" || name.starts_with("shim-") {
            let path = e.path();
            std::fs::remove_dir_all(&path)
                .with_context(|| format!("cannot remove {}", path.display()))?;
        }
    }
    Ok(format!(
        "removed {} from {}\n",
        human_size(before.saturating_sub(dir_size(&dir))),
        dir.display()
    ))
}

/// The identity of everything outside the sources that shapes an artifact:
/// this `seam` and its runtime, the target, the C compiler. Computed once.
fn toolchain() -> &'static str {
    static IDENTITY: OnceLock<String> = OnceLock::new();
    IDENTITY.get_or_init(|| {
        format!(
            "seam {}\n{}\n{}\n{}",
            env!("CARGO_PKG_VERSION"),
            crate::link::toolchain_identity(),
            target_lexicon::HOST,
            cc_version()
        )
    })
}

/// The first line of `cc --version`, or why there is none.
fn cc_version() -> String {
    match std::process::Command::new("cc").arg("--version").output() {
        Ok(out) => String::from_utf8_lossy(&out.stdout)
            .lines()
            .next()
            .unwrap_or_default()
            .to_string(),
        Err(e) => format!("no cc: {e}"),
    }
}

/// The key of an artifact made by `recipe` from `files` (path, sha256).
fn key(recipe: &Recipe, files: &[(String, String)]) -> String {
    let mut h = Hasher::new();
    h.feed(b"seam build cache 1");
    h.feed(toolchain().as_bytes());
    h.feed(recipe.kind.as_bytes());
    h.feed(recipe.source.as_os_str().as_encoded_bytes());
    h.count(recipe.options.len());
    for o in &recipe.options {
        h.feed(o.as_bytes());
    }
    h.count(recipe.against.len());
    for (name, fingerprint) in &recipe.against {
        h.feed(name.as_bytes());
        h.feed(fingerprint.as_bytes());
    }
    h.count(recipe.inputs.values.len());
    for (label, value) in &recipe.inputs.values {
        h.feed(label.as_bytes());
        h.feed(value.as_bytes());
    }
    h.count(files.len());
    for (path, hash) in files {
        h.feed(path.as_bytes());
        h.feed(hash.as_bytes());
    }
    h.hex()
}

/// SHA-256 over length-prefixed pieces, so no two different inputs hash alike.
struct Hasher(Sha256);

impl Hasher {
    fn new() -> Hasher {
        Hasher(Sha256::new())
    }

    fn count(&mut self, n: usize) {
        self.0.update((n as u64).to_le_bytes());
    }

    fn feed(&mut self, bytes: &[u8]) {
        self.count(bytes.len());
        self.0.update(bytes);
    }

    fn hex(self) -> String {
        hex(&self.0.finalize())
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The SHA-256 of a file's bytes, in hex; `None` when it cannot be read.
fn hash_file(path: &Path) -> Option<String> {
    let bytes = std::fs::read(path).ok()?;
    Some(hex(&Sha256::digest(&bytes)))
}

/// The prerequisites of a depfile's first rule, unescaped as `write_depfile` escapes.
fn depfile_sources(text: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut chars = text.chars().peekable();
    let mut in_targets = true;
    while let Some(c) = chars.next() {
        match c {
            '\\' if matches!(chars.peek(), Some(' ' | '#')) => {
                word.extend(chars.next());
            }
            '\\' if chars.peek() == Some(&'\n') => {
                chars.next();
            }
            '$' if chars.peek() == Some(&'$') => {
                chars.next();
                word.push('$');
            }
            ':' if in_targets && matches!(chars.peek(), None | Some(' ' | '\n')) => {
                word.clear();
                in_targets = false;
            }
            '\n' if !in_targets => break,
            ' ' | '\t' | '\n' => {
                if !in_targets && !word.is_empty() {
                    words.push(std::mem::take(&mut word));
                }
                word.clear();
            }
            _ => word.push(c),
        }
    }
    if !in_targets && !word.is_empty() {
        words.push(word);
    }
    words
}

fn dir_size(dir: &Path) -> u64 {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    entries
        .filter_map(|e| e.ok())
        .map(|e| match e.file_type() {
            Ok(t) if t.is_dir() => dir_size(&e.path()),
            Ok(t) if t.is_file() => e.metadata().map(|m| m.len()).unwrap_or(0),
            _ => 0,
        })
        .sum()
}

fn human_size(bytes: u64) -> String {
    if bytes >= 1 << 20 {
        format!("{:.1} MiB", bytes as f64 / (1 << 20) as f64)
    } else if bytes >= 1 << 10 {
        format!("{:.1} KiB", bytes as f64 / (1 << 10) as f64)
    } else {
        format!("{bytes} bytes")
    }
}

#[cfg(test)]
mod tests {
    use super::depfile_sources;

    #[test]
    fn depfiles_read_back() {
        let text = "a\\ b.o c.o: \\\n  /x/m\\ 1.py \\\n  /y/$$z.py\n\n/x/m\\ 1.py:\n";
        assert_eq!(depfile_sources(text), ["/x/m 1.py", "/y/$z.py"]);
    }
}
