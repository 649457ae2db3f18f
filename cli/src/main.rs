//! The `seam` command: the edge where files are read, diagnostics printed,
//! the linker run and programs started.
//!
//! Everything it does is in the translator crates; this file only drives them.

#![forbid(unsafe_code)]

mod cache;
mod cbuild;
mod link;
mod manifest;
mod project;
mod py;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context as _, Result, bail};
use clap::{Args, Parser, Subcommand};
use seam_core::frontend::{self, CheckOutput, SourceLoader};
use seam_core::{codegen, diag, exports};
use seam_exports_schema::ExportsIndex;

#[derive(Parser)]
#[command(
    name = "seam",
    version,
    about = "Separate compilation for translated interpreters"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Type-check a core entry module (or, with --exports, an extension)
    Check {
        file: PathBuf,
        /// The core's exports file, to check an extension against; then, repeated,
        /// the exports files of extensions it builds on
        #[arg(long)]
        exports: Vec<PathBuf>,
        /// Print the typed IR of the checked program on stdout (for debugging the translator)
        #[arg(long, hide = true)]
        dump_tir: bool,
    },
    /// First translation: build the core executable OUT and its exports file OUT.exports
    BuildCore {
        entry: PathBuf,
        #[arg(short = 'o', long = "output")]
        output: PathBuf,
        /// Link an extension module into the core
        #[arg(long = "static-ext")]
        static_ext: Vec<PathBuf>,
        #[command(flatten)]
        c: COptions,
    },
    /// Second translation: build an extension module OUT.so against a core's exports file,
    /// and its own exports file OUT.exports
    BuildExt {
        ext: PathBuf,
        /// The core's exports file; then, repeated, the exports files of extensions it builds on
        #[arg(long, required = true)]
        exports: Vec<PathBuf>,
        #[arg(short = 'o', long = "output")]
        output: PathBuf,
        #[command(flatten)]
        c: COptions,
    },
    /// Build a project through the build cache: the core and the extension
    /// modules its seam.toml declares (or, with --no-manifest, those given here)
    Build {
        #[command(flatten)]
        project: ProjectOptions,
        #[command(flatten)]
        c: COptions,
    },
    /// Run a program: ENTRY built into a cache, or without ENTRY the project
    /// seam.toml declares, built as `seam build` does and run in its output directory
    Run {
        /// An entry module to build and run on its own (no manifest)
        #[arg(conflicts_with_all = ["manifest", "no_manifest", "ext", "static_ext", "out_dir", "force_rebuild"])]
        entry: Option<PathBuf>,
        #[command(flatten)]
        project: ProjectOptions,
        #[command(flatten)]
        c: COptions,
        /// Arguments for the program, after `[run] args`
        #[arg(last = true)]
        args: Vec<String>,
    },
    /// Show or empty the cache (`$SEAM_CACHE_DIR`)
    Cache {
        #[command(subcommand)]
        action: CacheAction,
    },
    /// Run a program untranslated on CPython with the seam shim
    Py {
        entry: PathBuf,
        #[command(flatten)]
        c: COptions,
        #[arg(last = true)]
        args: Vec<String>,
    },
    /// Print an exports file for people, or as JSON
    Inspect {
        file: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// Print the C compiler, archiver and flags seam builds C code with, as
    /// Makefile variables (or JSON), for out-of-tree C builds to stay in step
    Flags {
        #[arg(long)]
        json: bool,
    },
}

/// Changes to the C builds modules declare (`seam.c_library`), for every module;
/// searched or applied before the modules' own.
#[derive(Args, Clone, Debug, Default)]
struct COptions {
    /// A directory searched for C headers before the modules' own
    #[arg(long = "c-include-dir", value_name = "DIR")]
    include_dirs: Vec<PathBuf>,
    /// A directory searched for C libraries before the modules' own
    #[arg(long = "c-library-dir", value_name = "DIR")]
    library_dirs: Vec<PathBuf>,
    /// A flag for compiling the modules' C sources
    #[arg(long = "cflag", value_name = "FLAG", allow_hyphen_values = true)]
    cflags: Vec<String>,
    /// A flag for linking the modules' C libraries
    #[arg(long = "ldflag", value_name = "FLAG", allow_hyphen_values = true)]
    ldflags: Vec<String>,
}

impl COptions {
    fn config(self) -> cbuild::CConfig {
        cbuild::CConfig {
            all: cbuild::COverrides {
                include_dirs: self.include_dirs,
                library_dirs: self.library_dirs,
                libraries: None,
                cflags: self.cflags,
                ldflags: self.ldflags,
            },
            modules: Default::default(),
        }
    }
}

/// Which project `seam build` and `seam run` build.
#[derive(clap::Args)]
struct ProjectOptions {
    /// The manifest (default: seam.toml in the current directory)
    #[arg(long, value_name = "PATH")]
    manifest: Option<PathBuf>,
    /// Ignore any manifest and build the core ENTRY (with the --ext and --static-ext given)
    #[arg(long, value_name = "ENTRY", conflicts_with = "manifest")]
    no_manifest: Option<PathBuf>,
    /// Also build this extension module as a .so, after the manifest's (repeatable)
    #[arg(long, value_name = "PATH")]
    ext: Vec<PathBuf>,
    /// Also link this extension module into the core, after the manifest's (repeatable)
    #[arg(long = "static-ext", value_name = "PATH")]
    static_ext: Vec<PathBuf>,
    /// The output directory (default: the manifest's out_dir, else ./build)
    #[arg(long, value_name = "DIR")]
    out_dir: Option<PathBuf>,
    /// Build everything, ignoring what the cache holds
    #[arg(long)]
    force_rebuild: bool,
}

impl ProjectOptions {
    /// The project's arguments, with the C options given on the command line.
    fn args(self, c: COptions) -> project::ProjectArgs {
        project::ProjectArgs {
            manifest: self.manifest,
            no_manifest_entry: self.no_manifest,
            ext: self.ext,
            static_ext: self.static_ext,
            out_dir: self.out_dir,
            force_rebuild: self.force_rebuild,
            c: c.config().all,
        }
    }
}

#[derive(Subcommand)]
enum CacheAction {
    /// Print the cache's location, number of entries and size
    Info,
    /// Remove everything seam keeps in the cache
    Clean,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    // The front end and backend recurse on (bounded) program nesting: give them room.
    let worker = std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(move || run(cli));
    let result = match worker {
        Ok(handle) => handle.join().unwrap_or_else(|_| {
            Err(anyhow::anyhow!(
                "internal error: the compiler crashed (this is a bug)"
            ))
        }),
        Err(e) => Err(anyhow::anyhow!("cannot start the compiler thread: {e}")),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("seam: error: {e:#}");
            ExitCode::from(1)
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Check {
            file,
            exports,
            dump_tir,
        } => {
            let checked = if exports.is_empty() {
                check(&file)
            } else {
                let files = ExportsFiles::read(&exports)?;
                let opened = files.open()?;
                check_ext(&file, &opened)
            };
            if dump_tir && let Some(program) = checked.as_ref().and_then(|c| c.program.as_ref()) {
                print!("{}", seam_core::tirprint::print(program));
            }
            let ok = checked.is_some();
            Ok(if ok {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            })
        }
        Command::BuildCore {
            entry,
            output,
            static_ext,
            c,
        } => Ok(
            match build_core(&entry, &output, &static_ext, &c.config())? {
                true => ExitCode::SUCCESS,
                false => ExitCode::from(1),
            },
        ),
        Command::BuildExt {
            ext,
            exports,
            output,
            c,
        } => Ok(match build_ext(&ext, &exports, &output, &c.config())? {
            true => ExitCode::SUCCESS,
            false => ExitCode::from(1),
        }),
        Command::Inspect { file, json } => inspect(&file, json),
        Command::Build { project, c } => project::build_command(&project.args(c)),
        Command::Run {
            entry: Some(entry),
            c,
            args,
            ..
        } => run_cached(&entry, &c.config(), &args),
        Command::Run {
            entry: None,
            project,
            c,
            args,
        } => project::run_command(&project.args(c), &args),
        Command::Cache { action } => {
            let text = match action {
                CacheAction::Info => cache::info()?,
                CacheAction::Clean => cache::clean()?,
            };
            print!("{text}");
            Ok(ExitCode::SUCCESS)
        }
        Command::Flags { json } => {
            print!("{}", cbuild::describe(&cbuild::host(), json));
            Ok(ExitCode::SUCCESS)
        }
        Command::Py { entry, c, args } => py::run(&entry, &c.config(), &args),
    }
}

/// The file system, as the translator reads sources.
#[derive(Clone, Copy, Debug, Default)]
struct FsLoader;

impl SourceLoader for FsLoader {
    fn read_file(&self, path: &Path) -> Option<String> {
        std::fs::read_to_string(path).ok()
    }

    fn is_dir(&self, path: &Path) -> bool {
        path.is_dir()
    }
}

/// Checks a program, printing diagnostics; the program when there were none.
fn check(entry: &Path) -> Option<CheckOutput> {
    report(frontend::check_program(entry, &FsLoader))
}

/// The exports files an extension is built against, read: the core's first,
/// then those of extensions it may build on.
struct ExportsFiles {
    /// `(path as diagnostics name it, bytes)`.
    files: Vec<(String, Vec<u8>)>,
}

/// [`ExportsFiles`] opened (header, index and fingerprint checked).
struct Opened<'a> {
    core: ExportsIndex<'a>,
    core_path: &'a str,
    layers: Vec<(ExportsIndex<'a>, &'a str)>,
}

impl ExportsFiles {
    fn read(paths: &[PathBuf]) -> Result<ExportsFiles> {
        let files = paths
            .iter()
            .map(|p| Ok((p.display().to_string(), read_exports(p)?)))
            .collect::<Result<_>>()?;
        Ok(ExportsFiles { files })
    }

    fn open(&self) -> Result<Opened<'_>> {
        let mut opened = self
            .files
            .iter()
            .map(|(path, bytes)| Ok((open_exports(bytes, Path::new(path))?, path.as_str())));
        let (core, core_path) = opened
            .next()
            .ok_or_else(|| anyhow::anyhow!("no exports file given"))??;
        if let Some(ext) = core.extension() {
            bail!(
                "{core_path}: this is the exports file of extension '{}'; give the core's first",
                ext.name
            );
        }
        Ok(Opened {
            core,
            core_path,
            layers: opened.collect::<Result<_>>()?,
        })
    }
}

impl Opened<'_> {
    fn layers(&self) -> Vec<frontend::Layer<'_>> {
        self.layers
            .iter()
            .map(|(exports, path)| frontend::Layer { exports, path })
            .collect()
    }
}

/// Checks an extension against a core's exports (and its layers'), printing diagnostics.
fn check_ext(ext: &Path, opened: &Opened<'_>) -> Option<CheckOutput> {
    report(seam_extmod::check(
        ext,
        &opened.core,
        opened.core_path,
        &opened.layers(),
        &FsLoader,
    ))
}

/// Translates an extension against a core's exports (and its layers'), for a
/// shared object (`shared`) or to link into a core; `None` when it had errors (printed).
fn translate_ext(
    ext: &Path,
    opened: &Opened<'_>,
    shared: bool,
) -> Result<Option<seam_extmod::ExtensionObject>> {
    let host = target_lexicon::HOST.to_string();
    match seam_extmod::translate(
        ext,
        &opened.core,
        opened.core_path,
        &opened.layers(),
        &host,
        &FsLoader,
        shared,
    ) {
        Ok(obj) => Ok(Some(obj)),
        Err(seam_extmod::ExtError::Diagnostics(out)) => {
            report(*out);
            Ok(None)
        }
        Err(e) => bail!("{}: {e}", ext.display()),
    }
}

/// Prints a check's diagnostics; the output when there were none.
fn report(out: CheckOutput) -> Option<CheckOutput> {
    if out.diagnostics.is_empty() {
        Some(out)
    } else {
        let mut text = String::new();
        for d in &out.diagnostics {
            text.push_str(&diag::render(d, &out.sources));
        }
        let n = out.diagnostics.len();
        text.push_str(&format!(
            "{n} error{} found\n",
            if n == 1 { "" } else { "s" }
        ));
        eprint!("{text}");
        None
    }
}

/// The first translation: the executable `OUT` and its exports file `OUT.exports`.
/// Returns false when the program had errors (already printed).
fn build_core(
    entry: &Path,
    output: &Path,
    static_ext: &[PathBuf],
    c_config: &cbuild::CConfig,
) -> Result<bool> {
    let Some(checked) = check(entry) else {
        return Ok(false);
    };
    let mut sources: Vec<String> = checked
        .sources
        .files()
        .map(|f| checked.sources.path(f).to_string())
        .collect();
    let program = checked.program.expect("no diagnostics means a program");
    let Some(ext_sources) = build_checked_core(program, output, static_ext, c_config)? else {
        return Ok(false);
    };
    sources.extend(ext_sources);
    let with_suffix = |suffix: &str| {
        let mut p = output.as_os_str().to_owned();
        p.push(suffix);
        PathBuf::from(p)
    };
    write_depfile(
        &with_suffix(".d"),
        &[output, &with_suffix(".exports")],
        &sources,
    )?;
    Ok(true)
}

/// Writes the dependency file `path`: a Makefile rule making `targets` depend
/// on every file in `sources` (as `cc -MD -MP` does, with an empty rule per
/// source so that a deleted file does not stop `make`).
fn write_depfile(path: &Path, targets: &[&Path], sources: &[String]) -> Result<()> {
    let escape = |p: &str| p.replace('$', "$$").replace(' ', "\\ ").replace('#', "\\#");
    let mut text = targets
        .iter()
        .map(|t| escape(&t.display().to_string()))
        .collect::<Vec<_>>()
        .join(" ");
    text.push(':');
    let mut seen = std::collections::BTreeSet::new();
    let sources: Vec<&String> = sources.iter().filter(|s| seen.insert(*s)).collect();
    for s in &sources {
        text.push_str(" \\\n  ");
        text.push_str(&escape(s));
    }
    text.push('\n');
    for s in &sources {
        text.push_str(&format!("\n{}:\n", escape(s)));
    }
    std::fs::write(path, text).with_context(|| format!("cannot write {}", path.display()))
}

/// [`build_core`] of a checked program: `seam build-core` and `seam run` build the same
/// kind of core (exports file written, fingerprint embedded), so extensions load in both.
/// The source files of the extensions linked in, or `None` when something had
/// errors (already printed).
fn build_checked_core(
    mut program: seam_core::tir::Program,
    output: &Path,
    static_ext: &[PathBuf],
    c_config: &cbuild::CConfig,
) -> Result<Option<Vec<String>>> {
    // Before any output, so that a core never comes without its exports file.
    let exports = match exports::build_exports(&program, &target_lexicon::HOST.to_string()) {
        Ok(file) => file,
        Err(errors) => {
            for e in errors {
                eprintln!("seam: error: {e}");
            }
            return Ok(None);
        }
    };
    let mut exports_path = output.as_os_str().to_owned();
    exports_path.push(".exports");
    let exports_path = PathBuf::from(exports_path);
    program.fingerprint = Some(exports.fingerprint.to_string());
    let exports_bytes = exports.encode();
    // Extensions linked in are compiled against this core's exports, like any other,
    // read from the bytes the file will hold, and against the exports of the
    // extensions linked in before them, which they may build on.
    let mut files = ExportsFiles {
        files: vec![(exports_path.display().to_string(), exports_bytes.clone())],
    };
    let mut ext_objects = Vec::new();
    let mut ext_sources = Vec::new();
    let mut c_libs = program.c_libraries.clone();
    for ext in static_ext {
        let translated = {
            let opened = files.open().map_err(|e| {
                anyhow::anyhow!("exports just made do not read back: {e} (this is a bug)")
            })?;
            translate_ext(ext, &opened, false)?
        };
        let Some(ext_object) = translated else {
            return Ok(None);
        };
        ext_sources.extend(ext_object.sources);
        c_libs.extend(ext_object.c_libraries);
        files.files.push((
            format!("{}.exports", ext_object.name),
            ext_object.exports.encode(),
        ));
        if program.static_extensions.contains(&ext_object.name) {
            bail!(
                "two extensions named '{}' cannot both be linked into one core",
                ext_object.name
            );
        }
        program.static_extensions.push(ext_object.name);
        ext_objects.push(ext_object.object);
    }
    let object = codegen::emit_object(&program, &codegen::CodegenConfig::default())
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    let c_inputs = link::link_executable_with(
        &object,
        &ext_objects,
        &codegen::dynamic_symbols(&program),
        output,
        &c_libs,
        c_config,
    )?;
    ext_sources.extend(c_inputs.iter().map(|p| p.display().to_string()));
    std::fs::write(&exports_path, &exports_bytes)
        .with_context(|| format!("cannot write {}", exports_path.display()))?;
    Ok(Some(ext_sources))
}

/// The second translation: an extension module compiled against a core's exports file into `OUT.so`.
/// Returns false when the extension had errors (already printed).
fn build_ext(
    ext: &Path,
    exports_paths: &[PathBuf],
    output: &Path,
    c_config: &cbuild::CConfig,
) -> Result<bool> {
    let files = ExportsFiles::read(exports_paths)?;
    let opened = files.open()?;
    let Some(ext_object) = translate_ext(ext, &opened, true)? else {
        return Ok(false);
    };
    let exports_path = output.with_extension("exports");
    if exports_paths.iter().any(|p| same_file(p, &exports_path)) {
        bail!(
            "{}: the extension's exports file would overwrite an exports file it is built \
             against; choose another -o",
            exports_path.display()
        );
    }
    let c_inputs = link::link_shared(
        &ext_object.object,
        output,
        &ext_object.c_libraries,
        c_config,
    )?;
    std::fs::write(&exports_path, ext_object.exports.encode())
        .with_context(|| format!("cannot write {}", exports_path.display()))?;
    let mut sources = ext_object.sources;
    sources.extend(c_inputs.iter().map(|p| p.display().to_string()));
    sources.extend(exports_paths.iter().map(|p| p.display().to_string()));
    write_depfile(
        &output.with_extension("d"),
        &[output, &exports_path],
        &sources,
    )?;
    Ok(true)
}

/// Whether two paths name one file (both existing) or are spelled alike.
fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(x), Ok(y)) => x == y,
        _ => a == b,
    }
}

/// The bytes of an exports file; errors name the file.
fn read_exports(path: &Path) -> Result<Vec<u8>> {
    std::fs::read(path).map_err(|e| {
        let reason = match e.kind() {
            std::io::ErrorKind::NotFound => "no such file".to_string(),
            std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
            std::io::ErrorKind::IsADirectory => "is a directory".to_string(),
            _ => format!("cannot read: {e}"),
        };
        anyhow::anyhow!("{}: {reason}", path.display())
    })
}

/// Opens an exports file for the second translation: header, index and
/// fingerprint checked, items left for the extension to ask for.
fn open_exports<'a>(bytes: &'a [u8], path: &Path) -> Result<ExportsIndex<'a>> {
    ExportsIndex::open(bytes).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))
}

/// `seam inspect`: an exports file for people, or as JSON.
fn inspect(path: &Path, json: bool) -> Result<ExitCode> {
    let bytes = read_exports(path)?;
    let file = seam_exports_schema::decode(&bytes)
        .map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
    let text = if json {
        file.to_json()
    } else {
        file.describe()
    };
    match std::io::Write::write_all(&mut std::io::stdout().lock(), text.as_bytes()) {
        // `seam inspect X | head` is not an error.
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(e).context("cannot write to stdout")
        }
        _ => Ok(ExitCode::SUCCESS),
    }
}

/// `seam run`: build into a cache keyed by the program's sources and this `seam`, then run.
fn run_cached(entry: &Path, c_config: &cbuild::CConfig, args: &[String]) -> Result<ExitCode> {
    use sha2::{Digest, Sha256};
    let Some(checked) = check(entry) else {
        return Ok(ExitCode::from(1));
    };
    // Every input is length-prefixed, so no two different inputs hash alike.
    let mut hasher = Sha256::new();
    let mut feed = |bytes: &[u8]| {
        hasher.update((bytes.len() as u64).to_le_bytes());
        hasher.update(bytes);
    };
    for file in checked.sources.files() {
        feed(checked.sources.path(file).as_bytes());
        feed(checked.sources.text(file).as_bytes());
    }
    // The C code the modules declare, and how it is built (headers they
    // include are not known before compiling: a changed header alone is
    // not seen here; `seam build` records them).
    let program = checked
        .program
        .as_ref()
        .expect("no diagnostics means a program");
    for lib in &program.c_libraries {
        feed(format!("{lib:?}").as_bytes());
        for src in &lib.sources {
            feed(&std::fs::read(src).unwrap_or_default());
        }
    }
    feed(format!("{c_config:?}|{:?}", cbuild::host()).as_bytes());
    feed(link::toolchain_identity().as_bytes());
    let key: String = hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let dir = cache_dir()?.join("run").join(&key);
    let exe = dir.join("program");
    if !exe.is_file() {
        std::fs::create_dir_all(&dir)
            .with_context(|| format!("cannot create {}", dir.display()))?;
        let program = checked.program.expect("no diagnostics means a program");
        // A core like `build-core`'s: `program.exports` beside it, its fingerprint embedded,
        // so it loads extensions built against any build of the same interface. Built
        // under a private name and renamed, the exports file first: an interrupted build
        // or a concurrent run never leaves half a core under the real name.
        let partial = dir.join(format!("program.tmp{}", std::process::id()));
        if build_checked_core(program, &partial, &[], c_config)?.is_none() {
            return Ok(ExitCode::from(1));
        }
        let exports_of = |p: &Path| {
            let mut s = p.as_os_str().to_owned();
            s.push(".exports");
            PathBuf::from(s)
        };
        std::fs::rename(exports_of(&partial), exports_of(&exe))
            .with_context(|| format!("cannot move {} into place", partial.display()))?;
        std::fs::rename(&partial, &exe)
            .with_context(|| format!("cannot move {} into place", partial.display()))?;
    }
    let status = std::process::Command::new(&exe)
        .args(args)
        .status()
        .with_context(|| format!("cannot run {}", exe.display()))?;
    Ok(exit_code_of(status))
}

/// The per-user cache directory, created private (mode 0700) if missing.
///
/// `$SEAM_CACHE_DIR`, else `$XDG_CACHE_HOME/seam`, else `~/.cache/seam`; with
/// none of them set, `seam-cache-UID` in the temporary directory. `seam py` and
/// `seam run` execute what they find here, so the directory must belong to
/// this user and be writable by nobody else: anything else is refused.
pub(crate) fn cache_dir() -> Result<PathBuf> {
    let dir = if let Some(d) = std::env::var_os("SEAM_CACHE_DIR") {
        PathBuf::from(d)
    } else if let Some(d) = std::env::var_os("XDG_CACHE_HOME") {
        PathBuf::from(d).join("seam")
    } else if let Some(h) = std::env::var_os("HOME") {
        PathBuf::from(h).join(".cache").join("seam")
    } else {
        std::env::temp_dir().join(format!("seam-cache-{}", current_uid()?))
    };
    private_dir(&dir)?;
    Ok(dir)
}

/// This process's effective user id: the owner of `/proc/self`.
fn current_uid() -> Result<u32> {
    use std::os::unix::fs::MetadataExt;
    Ok(std::fs::metadata("/proc/self")
        .context("cannot find this process's user id in /proc/self")?
        .uid())
}

/// Creates `dir` with mode 0700 if it is missing, then checks that it is a
/// directory owned by this user that nobody else may write to.
fn private_dir(dir: &Path) -> Result<()> {
    use std::os::unix::fs::{DirBuilderExt, MetadataExt};
    if !dir.exists() {
        std::fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(dir)
            .with_context(|| format!("cannot create the cache directory {}", dir.display()))?;
    }
    let meta = std::fs::symlink_metadata(dir)
        .with_context(|| format!("cannot read the cache directory {}", dir.display()))?;
    let uid = current_uid()?;
    if !meta.is_dir() {
        bail!(
            "the cache directory {} is not a directory; remove it or set SEAM_CACHE_DIR",
            dir.display()
        );
    }
    if meta.uid() != uid {
        bail!(
            "the cache directory {} belongs to another user (uid {}, not {uid}); \
             seam runs what it caches, so it will not use it: set SEAM_CACHE_DIR to a \
             directory of your own",
            dir.display(),
            meta.uid()
        );
    }
    if meta.mode() & 0o022 != 0 {
        bail!(
            "the cache directory {} is writable by other users (mode {:o}); seam runs what \
             it caches, so it will not use it: `chmod go-w` it or set SEAM_CACHE_DIR",
            dir.display(),
            meta.mode() & 0o777
        );
    }
    Ok(())
}

/// The exit code of a finished child, passing a signal death on as 128 + signal like a shell.
pub(crate) fn exit_code_of(status: std::process::ExitStatus) -> ExitCode {
    use std::os::unix::process::ExitStatusExt;
    match (status.code(), status.signal()) {
        (Some(c), _) => ExitCode::from(c as u8),
        (None, Some(sig)) => ExitCode::from((128 + sig) as u8),
        _ => ExitCode::from(1),
    }
}
