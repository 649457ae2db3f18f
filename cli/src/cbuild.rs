//! C code declared by Seam modules (`seam.c_library(...)`): the one place that
//! knows how C is compiled and linked for Seam, so that `build-core`,
//! `build-ext`, `seam py`'s shim and `seam flags` (and through it out-of-tree
//! Makefiles) all use the same compiler and flags.
//!
//! ```text
//!   module's c_library ─┐
//!   project overrides  ─┴─▶ effective build (overrides first) ─▶ cc -c ─▶ objects
//!                                                              └──────▶ -L/-l link arguments
//! ```

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicBool, Ordering};

use anyhow::{Context as _, Result, bail};
use seam_core::tir::CLibrary;

/// Per-project changes to what modules declare about their C code: from the
/// manifest (`[c]` for every module, `[modules.NAME.c]` for one) and the
/// command line. Directories and flags are searched or applied *before* the
/// module's own (a library installed in another prefix is found first);
/// `libraries`, when given, replaces the module's list (a library named
/// differently on another system).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct COverrides {
    pub include_dirs: Vec<PathBuf>,
    pub library_dirs: Vec<PathBuf>,
    pub libraries: Option<Vec<String>>,
    pub cflags: Vec<String>,
    pub ldflags: Vec<String>,
}

/// The overrides of a whole build: those for every module, then those for one
/// module by name (its dotted name; an extension's is its file stem), applied after.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CConfig {
    pub all: COverrides,
    pub modules: BTreeMap<String, COverrides>,
}

/// The C toolchain of a target and the flags Seam compiles and links C with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Toolchain {
    pub target: String,
    /// The C compiler, also the linker driver.
    pub cc: String,
    pub ar: String,
    /// For every C source: position-independent (it may go into a shared
    /// object or a PIE core) and optimised.
    pub cflags: Vec<String>,
    /// For an extension's shared object (`build-ext`): Seam's loader maps it
    /// itself, so no start files; the static relocations stay for it to
    /// relax; no executable stack, read-only relocations after loading.
    pub shared_ldflags: Vec<String>,
    /// For a core executable, after its objects: the runtime's needs.
    pub exe_libs: Vec<String>,
}

/// The toolchain for the host, which is the only target `seam` builds for.
pub fn host() -> Toolchain {
    let strings = |s: &[&str]| s.iter().map(|s| s.to_string()).collect();
    Toolchain {
        target: target_lexicon::HOST.to_string(),
        cc: "cc".to_owned(),
        ar: "ar".to_owned(),
        cflags: strings(&["-O2", "-fPIC"]),
        shared_ldflags: strings(&[
            "-shared",
            "-nostartfiles",
            "-Wl,-z,noexecstack",
            "-Wl,-z,relro",
            "-Wl,-z,now",
            "-Wl,--hash-style=gnu",
            "-Wl,--eh-frame-hdr",
            "-Wl,--emit-relocs",
        ]),
        // The runtime's float helpers call libm (pow, fmod).
        exe_libs: strings(&["-lm"]),
    }
}

/// `seam flags`: the toolchain as `NAME = value` lines a Makefile includes
/// (`include flags.mk` after `seam flags > flags.mk`), or as JSON.
pub fn describe(tc: &Toolchain, json: bool) -> String {
    let join = |v: &[String]| v.join(" ");
    let fields = [
        ("SEAM_TARGET", tc.target.clone()),
        ("SEAM_CC", tc.cc.clone()),
        ("SEAM_AR", tc.ar.clone()),
        ("SEAM_CFLAGS", join(&tc.cflags)),
        ("SEAM_SHARED_LDFLAGS", join(&tc.shared_ldflags)),
        ("SEAM_EXE_LIBS", join(&tc.exe_libs)),
    ];
    if json {
        let map: serde_json::Map<String, serde_json::Value> = [
            ("target", serde_json::json!(tc.target)),
            ("cc", serde_json::json!(tc.cc)),
            ("ar", serde_json::json!(tc.ar)),
            ("cflags", serde_json::json!(tc.cflags)),
            ("shared_ldflags", serde_json::json!(tc.shared_ldflags)),
            ("exe_libs", serde_json::json!(tc.exe_libs)),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v))
        .collect();
        let mut text = serde_json::Value::Object(map).to_string();
        text.push('\n');
        text
    } else {
        fields.iter().map(|(k, v)| format!("{k} = {v}\n")).collect()
    }
}

/// `config` as JSON, for `seam py`'s shim (`SEAM_C_CONFIG`), which applies it
/// as [`effective`] does.
pub fn config_json(config: &CConfig) -> String {
    let layer = |o: &COverrides| {
        serde_json::json!({
            "include_dirs": o.include_dirs,
            "library_dirs": o.library_dirs,
            "libraries": o.libraries,
            "cflags": o.cflags,
            "ldflags": o.ldflags,
        })
    };
    let modules: serde_json::Map<String, serde_json::Value> = config
        .modules
        .iter()
        .map(|(name, o)| (name.clone(), layer(o)))
        .collect();
    serde_json::json!({ "all": layer(&config.all), "modules": modules }).to_string()
}

/// One module's C build with the project's overrides applied.
#[derive(Clone, Debug)]
struct Effective {
    include_dirs: Vec<PathBuf>,
    library_dirs: Vec<PathBuf>,
    libraries: Vec<String>,
    cflags: Vec<String>,
    ldflags: Vec<String>,
}

fn effective(lib: &CLibrary, config: &CConfig) -> Effective {
    // The module's own overrides first, then everyone's, then what it declared.
    let layers: Vec<&COverrides> = config
        .modules
        .get(&lib.module)
        .into_iter()
        .chain(std::iter::once(&config.all))
        .collect();
    let gather = |pick: &dyn Fn(&COverrides) -> &[PathBuf], own: &[PathBuf]| -> Vec<PathBuf> {
        layers
            .iter()
            .flat_map(|o| pick(o).iter().cloned())
            .chain(own.iter().cloned())
            .collect()
    };
    let flags = |pick: &dyn Fn(&COverrides) -> &[String], own: &[String]| -> Vec<String> {
        layers
            .iter()
            .flat_map(|o| pick(o).iter().cloned())
            .chain(own.iter().cloned())
            .collect()
    };
    Effective {
        include_dirs: gather(&|o| &o.include_dirs, &lib.include_dirs),
        library_dirs: gather(&|o| &o.library_dirs, &lib.library_dirs),
        libraries: layers
            .iter()
            .find_map(|o| o.libraries.clone())
            .unwrap_or_else(|| lib.libraries.clone()),
        cflags: flags(&|o| &o.cflags, &lib.cflags),
        ldflags: flags(&|o| &o.ldflags, &[]),
    }
}

/// The C code of a build, compiled: objects to link, the linker arguments
/// that bring the libraries, and the files the compilation read.
#[derive(Clone, Debug, Default)]
pub struct CObjects {
    pub objects: Vec<PathBuf>,
    pub link_args: Vec<String>,
    /// The modules that declared C code, for the messages of a failed link.
    pub modules: Vec<String>,
    /// Every file the compiler read outside the system's directories: the
    /// sources and the headers they include.
    pub inputs: Vec<PathBuf>,
}

impl CObjects {
    /// Whether the build has any C code or library to link.
    pub fn is_empty(&self) -> bool {
        self.objects.is_empty() && self.link_args.is_empty() && self.modules.is_empty()
    }
}

/// Whether C objects are compiled even when the build cache holds them
/// (`seam build --force-rebuild`).
pub static FORCE_REBUILD: AtomicBool = AtomicBool::new(false);

/// Compiles the sources of `libs` into `work` (a scratch directory), or takes
/// each object from the build cache when the source, the headers it read last
/// time, the flags and the toolchain are unchanged, and gathers their link
/// arguments.
pub fn compile(
    libs: &[CLibrary],
    config: &CConfig,
    tc: &Toolchain,
    work: &Path,
) -> Result<CObjects> {
    let mut out = CObjects::default();
    // Without a usable cache directory, every object is compiled.
    let cache = crate::cache::Cache::open().ok();
    for lib in libs {
        let e = effective(lib, config);
        out.modules.push(lib.module.clone());
        for src in &lib.sources {
            let obj = work.join(format!("c{}.o", out.objects.len()));
            let compile_into = |obj: &Path, dep: &Path| -> Result<()> {
                let mut cc = Command::new(&tc.cc);
                cc.arg("-c").args(&tc.cflags).args(&e.cflags);
                for d in &e.include_dirs {
                    cc.arg("-I").arg(d);
                }
                cc.arg("-MMD")
                    .arg("-MF")
                    .arg(dep)
                    .arg("-o")
                    .arg(obj)
                    .arg(src);
                let result = cc
                    .output()
                    .with_context(|| format!("cannot run the C compiler '{}'", tc.cc))?;
                if !result.status.success() {
                    bail!(
                        "module '{}': the C source {} does not compile:\n{}",
                        lib.module,
                        src.display(),
                        String::from_utf8_lossy(&result.stderr).trim_end()
                    );
                }
                Ok(())
            };
            let Some(cache) = &cache else {
                let dep = obj.with_extension("d");
                compile_into(&obj, &dep)?;
                out.inputs.extend(depfile_inputs(&dep));
                out.objects.push(obj);
                continue;
            };
            let mut options = vec![tc.cc.clone()];
            options.extend(tc.cflags.iter().cloned());
            options.extend(e.cflags.iter().cloned());
            options.extend(e.include_dirs.iter().map(|d| format!("-I{}", d.display())));
            let recipe = crate::cache::Recipe {
                kind: "c-object",
                source: std::path::absolute(src).unwrap_or_else(|_| src.clone()),
                options,
                against: Vec::new(),
                inputs: Default::default(),
                artifacts: vec!["obj.o".to_owned()],
                depfile: "obj.d".to_owned(),
                not_sources: Vec::new(),
            };
            let cached = if FORCE_REBUILD.load(Ordering::Relaxed) {
                None
            } else {
                cache.lookup(&recipe)?
            };
            let entry = match cached {
                Some(entry) => entry,
                None => cache
                    .build(&recipe, |dir| {
                        compile_into(&dir.join("obj.o"), &dir.join("obj.d"))?;
                        Ok(true)
                    })?
                    .context("the C object was not stored")?,
            };
            std::fs::copy(entry.join("obj.o"), &obj)
                .with_context(|| format!("cannot copy {} from the cache", obj.display()))?;
            out.inputs.extend(cache.recorded_files(&recipe));
            out.objects.push(obj);
        }
        for d in &e.library_dirs {
            out.link_args.push(format!("-L{}", d.display()));
        }
        out.link_args.extend(e.ldflags.iter().cloned());
        out.link_args
            .extend(e.libraries.iter().map(|l| format!("-l{l}")));
    }
    out.inputs.sort();
    out.inputs.dedup();
    Ok(out)
}

/// The prerequisites a `cc -MMD` dependency file lists (the source and the
/// headers it includes outside the system's directories).
fn depfile_inputs(dep: &Path) -> Vec<PathBuf> {
    let Ok(text) = std::fs::read_to_string(dep) else {
        return Vec::new();
    };
    let Some((_, prerequisites)) = text.split_once(": ") else {
        return Vec::new();
    };
    // Escaped spaces stay inside a name; line continuations separate names.
    let mut names = Vec::new();
    let mut current = String::new();
    let mut chars = prerequisites.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars.peek() == Some(&' ') => {
                current.push(' ');
                chars.next();
            }
            '\\' if chars.peek() == Some(&'\n') => {
                chars.next();
            }
            c if c.is_whitespace() => {
                if !current.is_empty() {
                    names.push(PathBuf::from(std::mem::take(&mut current)));
                }
            }
            c => current.push(c),
        }
    }
    if !current.is_empty() {
        names.push(PathBuf::from(current));
    }
    names
}

/// What a failed link of C libraries says, naming the modules that asked for them.
pub fn link_failure(c: &CObjects, output: &Path, stderr: &str) -> anyhow::Error {
    let which = if c.modules.is_empty() {
        String::new()
    } else {
        format!(
            " (C code and libraries of module{} {})",
            if c.modules.len() == 1 { "" } else { "s" },
            c.modules
                .iter()
                .map(|m| format!("'{m}'"))
                .collect::<Vec<_>>()
                .join(", ")
        )
    };
    anyhow::anyhow!(
        "linking {} failed{which}:\n{}",
        output.display(),
        stderr.trim_end()
    )
}
