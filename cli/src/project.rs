//! `seam build` and manifest-driven `seam run`: a project (from `seam.toml`,
//! or from the command line with `--no-manifest`) built artifact by artifact
//! through the build cache.
//!
//! The core comes first, with its static modules linked in; then each shared
//! module in the order declared, compiled against the core's exports file and
//! those of the earlier shared modules it uses, exactly as `build-ext
//! --exports` would be given them. Each artifact is looked up in the cache
//! before it is built, and one line says which happened.
//!
//! Shared modules are written to the output directory under their path
//! relative to the project directory (`ext/vectors.py` becomes
//! `OUT/ext/vectors.so`), and `seam run` starts the program in the output
//! directory, so `load_extension("ext/vectors")` finds the same module
//! translated as `seam py` does untranslated from the project directory.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context as _, Result, bail};
use seam_exports_schema::ExportsIndex;

use crate::cache::{self, BuildInputs, Cache, Recipe};
use crate::cbuild::{CConfig, COverrides};
use crate::manifest::{self, Link, Manifest, Module};

/// `seam build`'s and `seam run`'s choice of project.
#[derive(Clone, Debug, Default)]
pub struct ProjectArgs {
    /// `--manifest PATH`; else `seam.toml` in the current directory.
    pub manifest: Option<PathBuf>,
    /// `--no-manifest ENTRY`: ignore any manifest, build this core.
    pub no_manifest_entry: Option<PathBuf>,
    /// `--ext PATH`: more shared modules, after the manifest's.
    pub ext: Vec<PathBuf>,
    /// `--static-ext PATH`: more modules linked into the core, after the manifest's.
    pub static_ext: Vec<PathBuf>,
    /// `--out-dir DIR`, relative to the current directory.
    pub out_dir: Option<PathBuf>,
    pub force_rebuild: bool,
    /// `--c-include-dir` and the other C options, for every module: applied
    /// before the manifest's (additive; they cannot replace `libraries`).
    pub c: COverrides,
}

/// `seam build`: builds the project; exit status 1 when something had errors.
pub fn build_command(args: &ProjectArgs) -> Result<ExitCode> {
    let Some(project) = Project::from_args(args)? else {
        return Ok(ExitCode::from(1));
    };
    let log = |line: &str| println!("{line}");
    Ok(match build(&project, args.force_rebuild, &log)? {
        Some(_) => ExitCode::SUCCESS,
        None => ExitCode::from(1),
    })
}

/// `seam run` without an entry: builds the project (saying what it did on
/// stderr), then runs the core in the output directory with `[run] args`
/// and `args`.
pub fn run_command(args: &ProjectArgs, run_args: &[String]) -> Result<ExitCode> {
    let Some(project) = Project::from_args(args)? else {
        return Ok(ExitCode::from(1));
    };
    let log = |line: &str| eprintln!("{line}");
    let Some(exe) = build(&project, args.force_rebuild, &log)? else {
        return Ok(ExitCode::from(1));
    };
    let status = std::process::Command::new(&exe)
        .args(&project.run_args)
        .args(run_args)
        .current_dir(&project.out_dir)
        .status()
        .with_context(|| format!("cannot run {}", exe.display()))?;
    Ok(crate::exit_code_of(status))
}

/// What to build, every path absolute.
#[derive(Clone, Debug)]
struct Project {
    /// The project directory: the manifest's, else the current directory.
    dir: PathBuf,
    entry: PathBuf,
    output: String,
    out_dir: PathBuf,
    modules: Vec<Module>,
    c_config: CConfig,
    run_args: Vec<String>,
}

impl Project {
    /// The project the arguments name; `None` when the manifest had errors (printed).
    fn from_args(args: &ProjectArgs) -> Result<Option<Project>> {
        let cwd = std::env::current_dir().context("cannot find the current directory")?;
        let mut project = if let Some(entry) = &args.no_manifest_entry {
            let entry = cwd.join(entry);
            if !entry.is_file() {
                bail!("{}: no such file", entry.display());
            }
            Project {
                dir: cwd.clone(),
                output: manifest::file_stem(&entry),
                entry,
                out_dir: cwd.join("build"),
                modules: Vec::new(),
                c_config: CConfig::default(),
                run_args: Vec::new(),
            }
        } else {
            let path = args
                .manifest
                .clone()
                .unwrap_or_else(|| PathBuf::from(manifest::FILE_NAME));
            if args.manifest.is_none() && !path.is_file() {
                bail!(
                    "no {} in {}: give --manifest PATH, or build a program without one with \
                     --no-manifest ENTRY",
                    manifest::FILE_NAME,
                    cwd.display()
                );
            }
            let Some(m) = manifest::load(&path)? else {
                return Ok(None);
            };
            let Manifest {
                dir,
                entry,
                output,
                out_dir,
                modules,
                c_config,
                run_args,
            } = m;
            Project {
                dir,
                entry,
                output,
                out_dir,
                modules,
                c_config,
                run_args,
            }
        };
        // The command line's C options come first, before the manifest's.
        let all = &mut project.c_config.all;
        let cli = &args.c;
        put_first(
            &mut all.include_dirs,
            cli.include_dirs.iter().map(|d| cwd.join(d)),
        );
        put_first(
            &mut all.library_dirs,
            cli.library_dirs.iter().map(|d| cwd.join(d)),
        );
        put_first(&mut all.cflags, cli.cflags.iter().cloned());
        put_first(&mut all.ldflags, cli.ldflags.iter().cloned());
        if let Some(d) = &args.out_dir {
            project.out_dir = cwd.join(d);
        }
        for (paths, link) in [(&args.static_ext, Link::Static), (&args.ext, Link::Shared)] {
            for p in paths {
                let path = cwd.join(p);
                if !path.is_file() {
                    bail!("{}: no such file", p.display());
                }
                project.modules.push(Module {
                    name: manifest::file_stem(&path),
                    path,
                    link,
                    uses: None,
                });
            }
        }
        for (i, m) in project.modules.iter().enumerate() {
            if project.modules[..i].iter().any(|n| n.name == m.name) {
                bail!(
                    "two extension modules are named '{}' ({} and {}); a module is known by its \
                     file stem",
                    m.name,
                    project.modules[..i]
                        .iter()
                        .find(|n| n.name == m.name)
                        .map(|n| n.path.display().to_string())
                        .unwrap_or_default(),
                    m.path.display()
                );
            }
        }
        // One spelling per file (`./x.py`, `sub/../x.py` and symlinks resolved), so
        // that the cache sees one recipe and outputs mirror the project's layout.
        let canonical = |p: &Path| {
            std::fs::canonicalize(p).with_context(|| format!("cannot resolve {}", p.display()))
        };
        project.dir = canonical(&project.dir)?;
        project.entry = canonical(&project.entry)?;
        for m in &mut project.modules {
            m.path = canonical(&m.path)?;
        }
        let core_exports = with_suffix(&project.out_dir.join(&project.output), ".exports");
        for m in project.modules.iter().filter(|m| m.link == Link::Shared) {
            if project.shared_output(m).with_extension("exports") == core_exports {
                bail!(
                    "module '{}' would write {}, the core's exports file: give the core another \
                     output name",
                    m.name,
                    core_exports.display()
                );
            }
        }
        Ok(Some(project))
    }

    /// Where a shared module's `.so` goes: its path under the project
    /// directory, mirrored in the output directory, else its name.
    fn shared_output(&self, module: &Module) -> PathBuf {
        let rel = module
            .path
            .strip_prefix(&self.dir)
            .map(Path::to_path_buf)
            .unwrap_or_else(|_| PathBuf::from(&module.name));
        self.out_dir.join(rel).with_extension("so")
    }
}

/// Builds `project` through the cache, logging one line per artifact; the
/// core executable, or `None` when something had errors (printed).
fn build(project: &Project, force: bool, log: &dyn Fn(&str)) -> Result<Option<PathBuf>> {
    let cache = Cache::open()?;
    // The C objects the modules' sources compile to are cached too.
    crate::cbuild::FORCE_REBUILD.store(force, std::sync::atomic::Ordering::Relaxed);
    let mut inputs = BuildInputs::default();
    inputs.add_c_overrides("c", &project.c_config.all);
    for (name, c) in &project.c_config.modules {
        inputs.add_c_overrides(&format!("modules.{name}.c"), c);
    }

    let static_paths: Vec<PathBuf> = project
        .modules
        .iter()
        .filter(|m| m.link == Link::Static)
        .map(|m| m.path.clone())
        .collect();
    let core_recipe = Recipe {
        kind: "core",
        source: project.entry.clone(),
        options: static_paths
            .iter()
            .map(|p| p.display().to_string())
            .collect(),
        against: Vec::new(),
        inputs: inputs.clone(),
        artifacts: vec!["core".into(), "core.exports".into()],
        depfile: "core.d".into(),
        not_sources: Vec::new(),
    };
    let exe = project.out_dir.join(&project.output);
    let core_exports = with_suffix(&exe, ".exports");
    let c_config = &project.c_config;
    let made = obtain(&cache, &core_recipe, force, log, "core", &exe, |dir| {
        crate::build_core(&project.entry, &dir.join("core"), &static_paths, c_config)
    })?;
    let Some(entry) = made else {
        return Ok(None);
    };
    cache::install(&entry, &[("core", &exe), ("core.exports", &core_exports)])?;

    // The exports files of the shared modules built so far, by name.
    let mut built: Vec<(String, PathBuf)> = Vec::new();
    for module in project.modules.iter().filter(|m| m.link == Link::Shared) {
        let mut layers = vec![("core".to_string(), core_exports.clone())];
        for (name, path) in &built {
            if module.uses.as_ref().is_none_or(|u| u.contains(name)) {
                layers.push((name.clone(), path.clone()));
            }
        }
        let mut against = Vec::new();
        for (name, path) in &layers {
            against.push((name.clone(), fingerprint(path)?));
        }
        let so_name = format!("{}.so", module.name);
        let exports_name = format!("{}.exports", module.name);
        let recipe = Recipe {
            kind: "ext",
            source: module.path.clone(),
            options: layers.iter().map(|(n, _)| n.clone()).collect(),
            against,
            inputs: inputs.clone(),
            artifacts: vec![so_name.clone(), exports_name.clone()],
            depfile: format!("{}.d", module.name),
            not_sources: layers
                .iter()
                .map(|(_, p)| p.display().to_string())
                .collect(),
        };
        let so = project.shared_output(module);
        let layer_paths: Vec<PathBuf> = layers.iter().map(|(_, p)| p.clone()).collect();
        let made = obtain(&cache, &recipe, force, log, "extension", &so, |dir| {
            crate::build_ext(&module.path, &layer_paths, &dir.join(&so_name), c_config)
        })?;
        let Some(entry) = made else {
            return Ok(None);
        };
        let so_exports = so.with_extension("exports");
        cache::install(&entry, &[(&so_name, &so), (&exports_name, &so_exports)])?;
        built.push((module.name.clone(), so_exports));
    }
    Ok(Some(exe))
}

/// The cache entry for `recipe`: looked up (unless `force`), else built.
fn obtain(
    cache: &Cache,
    recipe: &Recipe,
    force: bool,
    log: &dyn Fn(&str),
    what: &str,
    shown: &Path,
    build: impl FnOnce(&Path) -> Result<bool>,
) -> Result<Option<PathBuf>> {
    if !force && let Some(entry) = cache.lookup(recipe)? {
        log(&format!("cached {what} {}", display(shown)));
        return Ok(Some(entry));
    }
    let made = cache.build(recipe, build)?;
    if made.is_some() {
        log(&format!("built {what} {}", display(shown)));
    }
    Ok(made)
}

/// The fingerprint of the exports file at `path`, in hex.
fn fingerprint(path: &Path) -> Result<String> {
    let bytes = crate::read_exports(path)?;
    let index =
        ExportsIndex::open(&bytes).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
    Ok(index.fingerprint().to_string())
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut p = path.as_os_str().to_owned();
    p.push(suffix);
    PathBuf::from(p)
}

/// A path as the user would write it: relative to the current directory when under it.
fn display(path: &Path) -> String {
    std::env::current_dir()
        .ok()
        .and_then(|cwd| path.strip_prefix(cwd).ok().map(Path::to_path_buf))
        .unwrap_or_else(|| path.to_path_buf())
        .display()
        .to_string()
}

/// Puts `first` before the elements of `v`, in order.
fn put_first<T>(v: &mut Vec<T>, first: impl Iterator<Item = T>) {
    let rest = std::mem::take(v);
    v.extend(first);
    v.extend(rest);
}
