//! The cross-boundary harness: cores and their extension modules, run the
//! three ways a Seam program can run, which must all print the same bytes.
//!
//! Tests are data.  Adding a directory adds a test:
//!
//! ```text
//! tests/ext/NAME/main.py          the core (plus any core modules and packages beside it)
//! tests/ext/NAME/ext*.py          its extension modules: ext.py, ext2.py, ext_bad.py...
//! tests/ext/NAME/extensions       optional: the extension modules' file names, one per
//!                                 line, instead of ext*.py (for extensions named otherwise;
//!                                 `DIR/ext.py` is built into `DIR/ext.so`), in the order
//!                                 they are built: each after those it builds on
//! tests/ext/NAME/args             optional: the program's arguments, one per line
//!                                 (`{case_dir}` stands for the case directory's path)
//! tests/ext/NAME/stdout           expected stdout bytes          } written by `seam py`
//! tests/ext/NAME/status           expected exit status           } with the test
//! tests/ext/NAME/stderr_last      expected last stderr line      } directory as cwd
//!
//! tests/ext_errors/NAME/          an extension (or a load) that must fail; one of:
//!   main.py + ext.py              ext.py starts `# expect: `: `seam check ext.py --exports
//!                                 core.exports` and `seam build-ext` reject it with the
//!                                 diagnostics in `stderr`
//!   ext.py [+ core.exports]       no main.py: a malformed (or missing) exports file that
//!                                 `seam build-ext` and `seam check` reject with the error
//!                                 in `stderr`
//!   main.py + ...                 main.py starts `# runtime: `: a translated core whose
//!                                 loads fail at run time; `stdout`/`status`/`stderr_last`
//!                                 are recorded from the translated run (below)
//! ```
//!
//! Every `tests/ext` case runs three ways, each compared with the expectations:
//!
//! ```text
//!   (a) cd tests/ext/NAME && seam py main.py [-- ARGS]
//!   (b) cd tests/ext/NAME && seam build-core main.py -o TMP/static/core --static-ext ext.py...
//!       cd TMP/scratch && TMP/static/core ARGS           an empty directory: linked-in
//!                                                        extensions never touch the disk
//!   (c) cd tests/ext/NAME && seam build-core main.py -o TMP/dyn/core
//!       cd TMP/dyn/src && seam build-ext ext.py --exports ../core.exports -o ../ext.so
//!                                                        (each extension also given the exports
//!                                                        files of those listed before it, which it
//!                                                        may build on: ext2.py --exports
//!                                                        ../core.exports --exports ../ext.exports)
//!                                                        (src holds the extension's source
//!                                                        alone, and the C files beside it:
//!                                                        no core source to peek at)
//!       cd TMP/dyn && TMP/dyn/core ARGS                  and again with SEAM_GC_STRESS=1
//!                                                        (and, for ext/core_virtuals, with
//!                                                        SEAM_PERF_MAP=1: /tmp/perf-PID.map
//!                                                        must name the extension's functions;
//!                                                        SEAM_MAP_STATS=1: mapped near, code and class
//!                                                        bounds rewritten; and once more with the
//!                                                        libraries `strip --strip-all`ed)
//!       every .so built is checked: `nm -D` shows init_module alone, readelf no
//!       NEEDED (unless the extension has C code)/INIT/TEXTREL and no relocation
//!       type the mapper does not apply
//!   (d) cd TMP/dyn && seam run tests/ext/NAME/main.py -- ARGS
//!                                                        the core `seam run` builds into its
//!                                                        cache loads the same ext.so files
//! ```
//!
//! A runtime case in `tests/ext_errors` builds `main.py` into `TMP/core`,
//! builds every `ext*.py` into `TMP/ext*.so` against its exports (or, when
//! `old/main.py` exists, against the exports of that other core: a stale
//! extension), compiles every `NAME.c` with `cc -shared` into `TMP/NAME.so`
//! (a shared library that is no Seam extension), copies every `NAME.so.txt` to
//! `TMP/NAME.so` (a file that is no shared library), makes a FIFO `TMP/NAME.so`
//! for every `NAME.so.fifo`, writes a damaged copy of a library built for the
//! case for every `NAME.so.edit` (see [`edit_library`]), and runs `TMP/core` in `TMP`.  Its expectations
//! are snapshots of the translated program, which is
//! the only one of the three that can fail that way.
//!
//! `SEAM_BLESS=1 cargo test -p seam --test ext` rewrites the expectations:
//! `tests/ext` from `seam py` (never from a translated binary, which is what is
//! under test), `tests/ext_errors` diagnostics from `seam check` and runtime
//! snapshots from the translated run.  Arguments after `--` that do not start
//! with `-` select cases whose label contains them; `--list` lists the cases.
//! `SEAM_KEEP_TMP=1` keeps the build directories for a look after the run.

mod support;

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

use anyhow::{Context, Result};

use support::{
    BLESS_VAR, ExpectationFiles, Expected, THREADS, blessing, compare_run, describe_exit, diff,
    indent, print_failures, read_args, run_command, run_parallel, show_command, tail,
    workspace_root, write_file,
};

fn main() -> ExitCode {
    match run_ext() {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(err) => {
            eprintln!("ext: harness error: {err:#}");
            ExitCode::FAILURE
        }
    }
}

/// What a case checks.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum CaseKind {
    /// `tests/ext`: three ways to run, one output.
    Program,
    /// `tests/ext_errors`: an extension the second translation rejects.
    Check,
    /// `tests/ext_errors`: a malformed or missing exports file given to `seam build-ext`.
    BadExports,
    /// `tests/ext_errors`: a translated core whose loads fail at run time.
    Runtime,
    /// A complete program in `README.md` or `docs/*.md` (see `support/docs.rs`): three
    /// ways to run like `Program`, with what CPython prints as the expectation.
    Doc,
}

struct Case {
    kind: CaseKind,
    /// `ext/NAME` or `ext_errors/NAME`.
    label: String,
    /// `tests/ext/NAME`, relative to the workspace root.
    dir: PathBuf,
    /// The extension modules' file names (`ext.py`, `ext2.py`...), sorted.
    extensions: Vec<String>,
    /// For a `Doc` case: the stdout the document shows, if it shows one.
    shown: Option<String>,
}

impl Case {
    fn expectations(&self) -> ExpectationFiles {
        ExpectationFiles {
            stdout: self.dir.join("stdout"),
            status: self.dir.join("status"),
            stderr_last: self.dir.join("stderr_last"),
        }
    }
}

/// A failed case's label and report.
type Failure = (String, String);

/// Everything shared by the worker threads.
struct Env {
    root: PathBuf,
    seam: PathBuf,
    tmp: PathBuf,
    bless: bool,
}

impl Env {
    /// A command run in `cwd` (relative to the workspace root, or absolute).
    fn command(&self, program: impl AsRef<std::ffi::OsStr>, cwd: &Path) -> Command {
        support::command(program, &self.root.join(cwd))
    }

    fn seam(&self, cwd: &Path) -> Command {
        self.command(&self.seam, cwd)
    }

    /// A fresh scratch directory for one case.
    fn scratch(&self, case: &Case) -> Result<PathBuf> {
        let dir = self.tmp.join(case.label.replace('/', "-"));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
        Ok(dir)
    }
}

fn run_ext() -> Result<bool> {
    let root = workspace_root()?;
    let args: Vec<String> = std::env::args().skip(1).collect();
    let filters = support::filters(&args);

    let (mut cases, mut problems) = discover(&root)?;
    if !filters.is_empty() {
        cases.retain(|c| filters.iter().any(|f| c.label.contains(f)));
        problems.retain(|(label, _)| filters.iter().any(|f| label.contains(f)));
    }
    if args.iter().any(|a| a == "--list") {
        for case in &cases {
            println!("{}: test", case.label);
        }
        return Ok(true);
    }

    let tmp = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("ext-{}", std::process::id()));
    fs::create_dir_all(&tmp).with_context(|| format!("creating {}", tmp.display()))?;
    let env = Env {
        root,
        seam: PathBuf::from(env!("CARGO_BIN_EXE_seam")),
        tmp,
        bless: blessing(),
    };

    let mode = if env.bless { " (blessing)" } else { "" };
    println!(
        "ext: running {} cases on {THREADS} threads{mode}",
        cases.len()
    );
    let mut failed = run_parallel(&cases, &|c: &Case| c.label.clone(), &|case| {
        run_case(&env, case)
    });
    let failed_cases = failed.len();
    failed.extend(problems);
    failed.sort();
    print_failures("ext", &failed, env.bless);
    let keep = std::env::var("SEAM_KEEP_TMP").is_ok_and(|v| !v.is_empty() && v != "0");
    if keep {
        println!("ext: build directories kept in {}", env.tmp.display());
    } else {
        let _ = fs::remove_dir_all(&env.tmp);
        if !failed.is_empty() {
            println!(
                "ext: build directories removed; SEAM_KEEP_TMP=1 keeps them to rerun the commands"
            );
        }
    }
    let passed = cases.len() - failed_cases;
    println!();
    println!("ext: {passed} passed, {} failed", failed.len());
    Ok(failed.is_empty())
}

/// Finds the cases in `tests/ext` and `tests/ext_errors`, sorted by label,
/// and directories that are no case (reported as failures, never skipped).
fn discover(root: &Path) -> Result<(Vec<Case>, Vec<Failure>)> {
    let mut cases = Vec::new();
    let mut problems = Vec::new();
    for suite in ["ext", "ext_errors"] {
        let rel = Path::new("tests").join(suite);
        let abs = root.join(&rel);
        if !abs.is_dir() {
            continue;
        }
        for entry in fs::read_dir(&abs).with_context(|| format!("reading {}", abs.display()))? {
            let entry = entry?;
            let Some(name) = entry.file_name().to_str().map(str::to_string) else {
                continue;
            };
            let path = entry.path();
            let label = format!("{suite}/{name}");
            if !path.is_dir() {
                problems.push((
                    label,
                    format!(
                        "tests/{suite} holds case directories only; move or delete this file\n"
                    ),
                ));
                continue;
            }
            let dir = rel.join(&name);
            let extensions = extension_files(&path)?;
            let has_main = path.join("main.py").is_file();
            let kind = if suite == "ext" {
                CaseKind::Program
            } else if has_main && first_line(&path.join("main.py"))?.starts_with("# runtime: ") {
                CaseKind::Runtime
            } else if has_main {
                CaseKind::Check
            } else if path.join("ext.py").is_file() {
                CaseKind::BadExports
            } else {
                problems.push((
                    label,
                    format!(
                        "{}: expected main.py (a core), or ext.py and a bad (or no) core.exports\n",
                        dir.display()
                    ),
                ));
                continue;
            };
            if kind == CaseKind::Program && !has_main {
                problems.push((label, format!("{}: no main.py\n", dir.display())));
                continue;
            }
            cases.push(Case {
                kind,
                label,
                dir,
                extensions,
                shown: None,
            });
        }
    }
    // The documented programs are written out where the harness can run them.
    let docs_dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("ext-docs");
    for program in support::docs::programs(root)? {
        let dir = docs_dir.join(&program.name);
        let _ = fs::remove_dir_all(&dir);
        program.write_to(&dir)?;
        cases.push(Case {
            kind: CaseKind::Doc,
            label: format!("docs/{}", program.name),
            dir,
            extensions: program.extensions(),
            shown: program.output.clone(),
        });
    }
    cases.sort_by(|a, b| a.label.cmp(&b.label));
    Ok((cases, problems))
}

/// The files named in `dir/extensions`, one per line, in that order (each
/// extension is built after those it builds on), when it exists; else the
/// `ext*.py` files directly in `dir`, sorted.
fn extension_files(dir: &Path) -> Result<Vec<String>> {
    let list = dir.join("extensions");
    Ok(if list.is_file() {
        let text =
            fs::read_to_string(&list).with_context(|| format!("reading {}", list.display()))?;
        let names: Vec<String> = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_string)
            .collect();
        if let Some(missing) = names.iter().find(|n| !dir.join(n).is_file()) {
            anyhow::bail!("{}: no file {missing}", list.display());
        }
        names
    } else {
        let mut out = files_with(dir, |name| name.starts_with("ext") && name.ends_with(".py"))?;
        out.sort();
        out
    })
}

/// The names of the files directly in `dir` that `keep` accepts, sorted.
fn files_with(dir: &Path, keep: impl Fn(&str) -> bool) -> Result<Vec<String>> {
    let mut out = Vec::new();
    for entry in fs::read_dir(dir).with_context(|| format!("reading {}", dir.display()))? {
        let entry = entry?;
        if let Some(name) = entry.file_name().to_str()
            && entry.path().is_file()
            && keep(name)
        {
            out.push(name.to_string());
        }
    }
    out.sort();
    Ok(out)
}

fn first_line(path: &Path) -> Result<String> {
    let text = fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    Ok(text.lines().next().unwrap_or("").to_string())
}

/// Runs one case; returns an empty string when it passes, else the report.
fn run_case(env: &Env, case: &Case) -> Result<String> {
    match case.kind {
        CaseKind::Program | CaseKind::Doc => run_program(env, case),
        CaseKind::Check => run_check(env, case),
        CaseKind::BadExports => run_bad_exports(env, case),
        CaseKind::Runtime => run_runtime(env, case),
    }
}

/// `stem.py` to `stem.so`.
fn library_name(py: &str) -> String {
    format!("{}.so", py.strip_suffix(".py").unwrap_or(py))
}

/// Runs `cmd`, which must succeed; on failure appends what went wrong to
/// `report` and returns false.
fn run_build(report: &mut String, label: &str, cmd: &mut Command) -> Result<bool> {
    let out = run_command(cmd)?;
    if out.timed_out || out.status != Some(0) {
        let _ = writeln!(
            report,
            "[{label}] failed ({}): {}",
            describe_exit(&out),
            show_command(cmd)
        );
        report.push_str(&indent(&tail(&out.stderr, 30)));
        return Ok(false);
    }
    Ok(true)
}

/// `seam build-ext` for each of `case`'s extensions against `exports`:
/// each source is copied alone into `src`, so that the second translation
/// sees the exports file and nothing of the core; the libraries go to `out`.
fn build_extensions(
    env: &Env,
    report: &mut String,
    case: &Case,
    exports: &Path,
    src: &Path,
    out: &Path,
) -> Result<bool> {
    let mut ok = true;
    // Each extension may build on those listed before it: their exports files are given too.
    let mut layers: Vec<PathBuf> = Vec::new();
    for ext in &case.extensions {
        // An extension listed as `DIR/ext.py` is built in `src/DIR` into
        // `OUT/DIR/ext.so`: two extensions may share a stem.
        let rel = Path::new(ext);
        let parent = rel.parent().unwrap_or(Path::new(""));
        let up: PathBuf = parent.components().map(|_| "..").collect();
        let dir = src.join(parent);
        fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
        let out_dir = src.join(out).join(parent);
        fs::create_dir_all(&out_dir).with_context(|| format!("creating {}", out_dir.display()))?;
        let name = rel.file_name().and_then(|n| n.to_str()).unwrap_or(ext);
        fs::copy(env.root.join(&case.dir).join(ext), dir.join(name))
            .with_context(|| format!("copying {ext} to {}", dir.display()))?;
        // C code an extension declares (`seam.c_library`) sits beside it: C
        // sources and headers come along, Seam sources of the core never do.
        let ext_dir = env.root.join(&case.dir).join(parent);
        let mut with_c = false;
        for entry in
            fs::read_dir(&ext_dir).with_context(|| format!("listing {}", ext_dir.display()))?
        {
            let path = entry?.path();
            if matches!(path.extension().and_then(|e| e.to_str()), Some("c" | "h"))
                && let Some(file) = path.file_name()
            {
                with_c = true;
                fs::copy(&path, dir.join(file))
                    .with_context(|| format!("copying {}", path.display()))?;
            }
        }
        let mut build = env.seam(&dir);
        build
            .arg("build-ext")
            .arg(name)
            .arg("--exports")
            .arg(up.join(exports));
        for layer in &layers {
            build.arg("--exports").arg(up.join(layer));
        }
        build.arg("-o").arg(up.join(out).join(library_name(ext)));
        layers.push(out.join(Path::new(&library_name(ext)).with_extension("exports")));
        if run_build(report, "seam build-ext", &mut build)? {
            let so = out_dir.join(
                Path::new(&library_name(ext))
                    .file_name()
                    .unwrap_or_default(),
            );
            ok &= check_shared_object(report, &so, with_c)?;
        } else {
            ok = false;
        }
    }
    Ok(ok)
}

/// A damaged copy of a library built for a runtime case, by the `NAME.so.edit`
/// script `script`: `from LIB.so` (a library in `tmp`), then any of
/// `truncate N` (keep the first N bytes; negative: drop the last -N) and
/// `set OFFSET BYTE` (decimal), `set-in SECTION OFFSET BYTE` (the offset inside
/// the section, as `readelf -S` places it; negative: from its end) and `replace TEXT TEXT` (the last
/// occurrence, same length: section names come last), one per line; `#` starts a comment.
fn edit_library(tmp: &Path, script: &str) -> Result<Vec<u8>> {
    let mut bytes = Vec::new();
    let mut source = PathBuf::new();
    for line in script
        .lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
    {
        let words: Vec<&str> = line.split_whitespace().collect();
        match words.as_slice() {
            [] => {}
            ["from", lib] => {
                source = tmp.join(lib);
                bytes = fs::read(&source).with_context(|| format!("reading {lib}"))?;
            }
            ["set-in", section, at, byte] => {
                let mut readelf = Command::new("readelf");
                readelf.arg("-SW").arg(&source);
                let out = run_command(&mut readelf)?;
                let text = String::from_utf8_lossy(&out.stdout);
                let (start, size) = text
                    .lines()
                    .filter_map(|l| l.split_once(']').map(|(_, rest)| rest))
                    .map(|rest| rest.split_whitespace().collect::<Vec<_>>())
                    .find(|w| w.first() == Some(section))
                    .and_then(|w| {
                        let hex = |i: usize| usize::from_str_radix(w.get(i)?, 16).ok();
                        Some((hex(3)?, hex(4)?))
                    })
                    .with_context(|| format!("no section {section}"))?;
                // A negative offset counts from the section's end.
                let at = match at.strip_prefix('-') {
                    Some(back) => (start + size)
                        .checked_sub(back.parse::<usize>()?)
                        .context("offset before the file's start")?,
                    None => start + at.parse::<usize>()?,
                };
                let slot = bytes
                    .get_mut(at)
                    .with_context(|| format!("offset {at} is past the end"))?;
                *slot = byte.parse()?;
            }
            ["replace", from, to] if from.len() == to.len() => {
                let at = bytes
                    .windows(from.len())
                    .rposition(|w| w == from.as_bytes())
                    .with_context(|| format!("no {from} in the library"))?;
                bytes[at..at + to.len()].copy_from_slice(to.as_bytes());
            }
            ["truncate", n] => {
                let n: i64 = n.parse()?;
                let keep = if n < 0 { bytes.len() as i64 + n } else { n };
                bytes.truncate(keep.max(0) as usize);
            }
            ["set", at, byte] => {
                let at: usize = at.parse()?;
                let slot = bytes
                    .get_mut(at)
                    .with_context(|| format!("offset {at} is past the end"))?;
                *slot = byte.parse()?;
            }
            _ => anyhow::bail!("cannot read the line `{line}`"),
        }
    }
    Ok(bytes)
}

/// The relocation types `cc -shared -nostdlib` writes into an extension's image,
/// every one of which the runtime's mapper applies (`runtime/src/mapper.rs`):
/// `RELATIVE` for pointers inside the image (descriptors, class tables, GOT
/// entries of hidden symbols), `GLOB_DAT` for the GOT entries of the core's
/// descriptors and globals (and of functions whose address is taken), `64` for
/// data words naming the core's symbols (a subclass descriptor's parent),
/// `JUMP_SLOT` for the PLT entries generated code calls imported functions
/// through. Any other type in a built extension fails the case.
const MAPPED_RELOCATIONS: &[&str] = &[
    "R_X86_64_RELATIVE",
    "R_X86_64_GLOB_DAT",
    "R_X86_64_JUMP_SLOT",
    "R_X86_64_64",
    "R_AARCH64_RELATIVE",
    "R_AARCH64_GLOB_DAT",
    "R_AARCH64_JUMP_SLOT",
    "R_AARCH64_ABS64",
];

/// What the loader expects of a built extension: `init_module` its one
/// defined dynamic symbol (what `nm -D` shows), no library needed (unless
/// `with_c`: an extension with C code needs the C library and those its
/// modules name), no ELF constructors, and only relocations of
/// [`MAPPED_RELOCATIONS`]' types.
fn check_shared_object(report: &mut String, so: &Path, with_c: bool) -> Result<bool> {
    let mut ok = true;
    let mut nm = Command::new("nm");
    nm.args(["-D", "--defined-only"]).arg(so);
    let out = run_command(&mut nm)?;
    let names: Vec<String> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|l| l.split_whitespace().nth(2).map(str::to_owned))
        .collect();
    if names != ["init_module"] {
        ok = false;
        let _ = writeln!(
            report,
            "[nm -D] {} defines the dynamic symbols {names:?}, not just init_module",
            so.display()
        );
    }
    let mut readelf = Command::new("readelf");
    readelf.args(["-rdW"]).arg(so);
    let out = run_command(&mut readelf)?;
    let text = String::from_utf8_lossy(&out.stdout);
    // The static relocations the linker keeps (`.rela.text`...) are not applied
    // at load time; the dynamic ones (`.rela.dyn`, `.rela.plt`) are.
    let mut dynamic = false;
    for line in text.lines() {
        if let Some(rest) = line.strip_prefix("Relocation section '") {
            dynamic = rest.starts_with(".rela.dyn'") || rest.starts_with(".rela.plt'");
            continue;
        }
        let words: Vec<&str> = line.split_whitespace().collect();
        let foreign_reloc = words
            .get(2)
            .filter(|w| dynamic && w.starts_with("R_"))
            .filter(|w| !MAPPED_RELOCATIONS.contains(w));
        let refused = ["(NEEDED)", "(INIT)", "(INIT_ARRAY)", "(TEXTREL)"]
            .iter()
            .filter(|t| !(with_c && **t == "(NEEDED)"))
            .find(|t| words.get(1) == Some(t));
        if let Some(kind) = foreign_reloc.or(refused) {
            ok = false;
            let _ = writeln!(report, "[readelf] {}: {kind}: {line}", so.display());
        }
    }
    Ok(ok)
}

/// With `SEAM_BLESS`, records what `cmd` does as the case's expectations; then
/// reads them. `None` when they could not be recorded or read: `report` says why.
fn expectations(
    env: &Env,
    report: &mut String,
    files: &ExpectationFiles,
    cmd: &mut Command,
    what: &str,
    source: &str,
    label: &str,
) -> Result<Option<Expected>> {
    if env.bless {
        let out = run_command(cmd)?;
        match out.status {
            Some(status) if !out.timed_out => {
                files.record(&env.root, status, &out.stdout, &out.stderr)?;
            }
            _ => {
                let _ = writeln!(
                    report,
                    "[{what}] cannot bless: {}: {}",
                    describe_exit(&out),
                    show_command(cmd)
                );
                report.push_str(&indent(&tail(&out.stderr, 15)));
                return Ok(None);
            }
        }
    }
    match files.read(&env.root) {
        Ok(expected) => Ok(Some(expected)),
        Err(err) => {
            let _ = writeln!(
                report,
                "{err:#}\nhint: record {source} with `{BLESS_VAR}=1 cargo test -p seam --test ext -- {label}`"
            );
            Ok(None)
        }
    }
}

fn run_program(env: &Env, case: &Case) -> Result<String> {
    // `{case_dir}` in an argument names the case directory, wherever the run happens.
    let case_dir = env.root.join(&case.dir);
    let args: Vec<String> = read_args(&case_dir.join("args"))?
        .into_iter()
        .map(|a| a.replace("{case_dir}", &case_dir.display().to_string()))
        .collect();
    let mut report = String::new();
    let files = case.expectations();

    let mut py = env.seam(&case.dir);
    py.arg("py").arg("main.py");
    if !args.is_empty() {
        py.arg("--").args(&args);
    }
    let expected = if case.kind == CaseKind::Doc {
        documented_expectation(&mut report, case, &mut py)?
    } else {
        let expected = expectations(
            env,
            &mut report,
            &files,
            &mut py,
            "seam py",
            "what `seam py` does",
            &case.label,
        )?;
        // (a) Untranslated, through the shim.
        if let Some(expected) = &expected {
            compare_run(&mut report, "seam py", &mut py, expected)?;
        }
        expected
    };
    let Some(expected) = expected else {
        return Ok(report);
    };

    let tmp = env.scratch(case)?;

    // (b) Every extension linked in; run where there is nothing to load from disk.
    let static_dir = tmp.join("static");
    let scratch = tmp.join("scratch");
    for dir in [&static_dir, &scratch] {
        fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    }
    let mut build = env.seam(&case.dir);
    build
        .arg("build-core")
        .arg("main.py")
        .arg("-o")
        .arg(static_dir.join("core"));
    for ext in &case.extensions {
        build.arg("--static-ext").arg(ext);
    }
    if run_build(&mut report, "seam build-core --static-ext", &mut build)? {
        let mut run = env.command(static_dir.join("core"), &scratch);
        run.args(&args);
        compare_run(&mut report, "static", &mut run, &expected)?;
    }

    // (c) Extensions built against the exports file and loaded from disk.
    let dyn_dir = tmp.join("dyn");
    fs::create_dir_all(&dyn_dir).with_context(|| format!("creating {}", dyn_dir.display()))?;
    let mut build = env.seam(&case.dir);
    build
        .arg("build-core")
        .arg("main.py")
        .arg("-o")
        .arg(dyn_dir.join("core"));
    if run_build(&mut report, "seam build-core", &mut build)?
        && build_extensions(
            env,
            &mut report,
            case,
            Path::new("../core.exports"),
            &dyn_dir.join("src"),
            Path::new(".."),
        )?
    {
        // (d) `seam run`'s core is a core like any other: it loads the same .so files.
        let mut run = env.seam(&dyn_dir);
        run.env("SEAM_CACHE_DIR", tmp.join("cache"))
            .arg("run")
            .arg(env.root.join(&case.dir).join("main.py"));
        if !args.is_empty() {
            run.arg("--").args(&args);
        }
        compare_run(&mut report, "seam run", &mut run, &expected)?;

        let mut run = env.command(dyn_dir.join("core"), &dyn_dir);
        run.args(&args);
        let mut plain = String::new();
        compare_run(&mut plain, "dynamic", &mut run, &expected)?;
        let mut run = env.command(dyn_dir.join("core"), &dyn_dir);
        run.args(&args)
            .env("SEAM_GC_STRESS", "1")
            .env("SEAM_GC_VERIFY", "16");
        let mut stress = String::new();
        compare_run(&mut stress, "dynamic, gc stress", &mut run, &expected)?;
        if case.label == PERF_MAP_CASE {
            check_perf_map(&mut report, &dyn_dir, &args)?;
            check_stripped(env, &mut report, case, &dyn_dir, &args, &expected)?;
        }
        report.push_str(&plain);
        // The same failure twice says nothing new: say so in one line.
        let details = |r: &str| r.split_once('\n').map(|(_, rest)| rest.to_string());
        if !stress.is_empty() && details(&stress) == details(&plain) {
            let _ = writeln!(
                report,
                "[dynamic, gc stress] fails the same way: {}",
                show_command(&run)
            );
        } else {
            report.push_str(&stress);
        }
    }
    Ok(report)
}

/// Runs the core in `dyn_dir` once more with its extensions stripped of
/// everything `strip --strip-all` removes (the symbol table and the static
/// relocations among them): they must load and print the same, their own
/// classes' bounds found without a symbol table.
fn check_stripped(
    env: &Env,
    report: &mut String,
    case: &Case,
    dyn_dir: &Path,
    args: &[String],
    expected: &Expected,
) -> Result<()> {
    let stripped = dyn_dir.join("stripped");
    fs::create_dir_all(&stripped).context("creating stripped/")?;
    fs::copy(dyn_dir.join("core"), stripped.join("core")).context("copying the core")?;
    fs::copy(dyn_dir.join("core.exports"), stripped.join("core.exports"))
        .context("copying the core's exports")?;
    for ext in &case.extensions {
        let lib = library_name(ext);
        let to = stripped.join(&lib);
        if let Some(parent) = to.parent() {
            fs::create_dir_all(parent).context("creating a library directory")?;
        }
        fs::copy(dyn_dir.join(&lib), &to).with_context(|| format!("copying {lib}"))?;
        let mut strip = env.command("strip", &stripped);
        strip.arg("--strip-all").arg(&lib);
        if !run_build(report, "strip --strip-all", &mut strip)? {
            return Ok(());
        }
    }
    let mut run = env.command(stripped.join("core"), &stripped);
    run.args(args);
    compare_run(report, "dynamic, stripped", &mut run, expected)
}

/// The case whose dynamic run is repeated with `SEAM_PERF_MAP=1`.
const PERF_MAP_CASE: &str = "ext/core_virtuals";

/// Runs the core in `dyn_dir` once more with `SEAM_PERF_MAP=1` and
/// `SEAM_MAP_STATS=1`: the mapper must have written `/tmp/perf-PID.map` lines
/// naming the extension's functions (`ADDR SIZE NAME [ext]`), among them
/// `init_module`, and said that it mapped the extension near the core and
/// rewrote GOT loads into `lea`s and indirect calls into direct ones.
fn check_perf_map(report: &mut String, dyn_dir: &Path, args: &[String]) -> Result<()> {
    let child = Command::new(dyn_dir.join("core"))
        .args(args)
        .current_dir(dyn_dir)
        .env("SEAM_PERF_MAP", "1")
        .env("SEAM_MAP_STATS", "1")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .context("running the core with SEAM_PERF_MAP=1")?;
    let pid = child.id();
    let out = child.wait_with_output()?;
    let stderr = String::from_utf8_lossy(&out.stderr);
    let stats = stderr
        .lines()
        .find(|l| l.starts_with("seam: mapped "))
        .unwrap_or("");
    let count = |what: &str| -> usize {
        stats
            .split(", ")
            .find(|part| part.ends_with(what))
            .and_then(|part| part.split(' ').next())
            .and_then(|n| n.parse().ok())
            .unwrap_or(0)
    };
    if !stats.contains("(near the core)")
        || count("GOT loads rewritten") == 0
        || count("calls made direct") == 0
        || count("class bounds made immediates") == 0
    {
        let _ = writeln!(
            report,
            "[SEAM_MAP_STATS=1] the extension was not mapped near the core with its \
             GOT loads, calls and class bounds rewritten:\n{}",
            indent(&stderr)
        );
    }
    let map = PathBuf::from(format!("/tmp/perf-{pid}.map"));
    let text = fs::read_to_string(&map).unwrap_or_default();
    let _ = fs::remove_file(&map);
    let lines: Vec<&str> = text.lines().collect();
    let well_formed = lines.iter().all(|l| {
        let w: Vec<&str> = l.split(' ').collect();
        w.len() == 4
            && u64::from_str_radix(w[0], 16).is_ok_and(|a| a != 0)
            && u64::from_str_radix(w[1], 16).is_ok_and(|n| n != 0)
            && w[3] == "[ext]"
    });
    let names_entry = lines
        .iter()
        .any(|l| l.contains(" init_module ") || l.contains("11init_module "));
    if lines.len() < 2 || !well_formed || !names_entry {
        let _ = writeln!(
            report,
            "[perf map] SEAM_PERF_MAP=1 wrote {} without the extension's functions:\n{}",
            map.display(),
            indent(&text)
        );
    }
    Ok(())
}

/// A documented program's expectation: what `seam py` does (CPython is the
/// oracle), which must also be the output the document shows, if it shows one.
fn documented_expectation(
    report: &mut String,
    case: &Case,
    py: &mut Command,
) -> Result<Option<Expected>> {
    let out = run_command(py)?;
    let Some(status) = out.status.filter(|_| !out.timed_out) else {
        let _ = writeln!(
            report,
            "[seam py] {}: {}",
            describe_exit(&out),
            show_command(py)
        );
        report.push_str(&indent(&tail(&out.stderr, 15)));
        return Ok(None);
    };
    if let Some(shown) = &case.shown
        && shown.as_bytes() != out.stdout
    {
        let _ = writeln!(
            report,
            "[seam py] stdout differs from the output the document shows (-shown +actual):"
        );
        report.push_str(&indent(&diff(shown.as_bytes(), &out.stdout)));
    }
    Ok(Some(Expected {
        stdout: out.stdout,
        status,
        stderr_last: (status == 1).then(|| support::last_line(&out.stderr)),
    }))
}

/// An extension `seam check` and `seam build-ext` must reject, against the
/// exports of the case's core.
fn run_check(env: &Env, case: &Case) -> Result<String> {
    let mut report = String::new();
    if case.extensions != ["ext.py"] {
        let _ = writeln!(
            report,
            "{}: a check case has one extension, ext.py (found {:?})",
            case.dir.display(),
            case.extensions
        );
        return Ok(report);
    }
    let tmp = env.scratch(case)?;
    let mut build = env.seam(&case.dir);
    build
        .arg("build-core")
        .arg("main.py")
        .arg("-o")
        .arg(tmp.join("core"));
    if !run_build(&mut report, "seam build-core", &mut build)? {
        return Ok(report);
    }
    fs::copy(env.root.join(&case.dir).join("ext.py"), tmp.join("ext.py"))
        .context("copying ext.py")?;
    check_rejected(env, case, &tmp, &mut report)?;
    Ok(report)
}

/// A malformed or missing exports file that `seam build-ext` and `seam check` reject.
fn run_bad_exports(env: &Env, case: &Case) -> Result<String> {
    let mut report = String::new();
    let tmp = env.scratch(case)?;
    let case_dir = env.root.join(&case.dir);
    for file in files_with(&case_dir, |n| n.ends_with(".py") || n.ends_with(".exports"))? {
        fs::copy(case_dir.join(&file), tmp.join(&file))
            .with_context(|| format!("copying {file}"))?;
    }
    check_rejected(env, case, &tmp, &mut report)?;
    Ok(report)
}

/// Runs `seam check ext.py --exports core.exports` and `seam build-ext
/// ext.py --exports core.exports -o ext.so` in `dir`: both must exit with
/// status 1 and print the diagnostics recorded in the case's `stderr`, and
/// `build-ext` must write no library.
fn check_rejected(env: &Env, case: &Case, dir: &Path, report: &mut String) -> Result<()> {
    let ext = dir.join("ext.py");
    if !first_line(&ext)?.starts_with("# expect: ") {
        let _ = writeln!(
            report,
            "{}/ext.py: the first line must be `# expect: <what the error is>`",
            case.dir.display()
        );
    }
    let stderr_rel = case.dir.join("stderr");
    let stderr_path = env.root.join(&stderr_rel);

    let mut check = env.seam(dir);
    check
        .arg("check")
        .arg("ext.py")
        .arg("--exports")
        .arg("core.exports");
    let mut build = env.seam(dir);
    build
        .arg("build-ext")
        .arg("ext.py")
        .arg("--exports")
        .arg("core.exports")
        .arg("-o")
        .arg("ext.so");

    let mut first: Option<Vec<u8>> = None;
    for (label, cmd) in [("seam check", &mut check), ("seam build-ext", &mut build)] {
        let out = run_command(cmd)?;
        if out.timed_out || out.status != Some(1) {
            let _ = writeln!(
                report,
                "[{label}] expected exit status 1 (rejected), got {}: {}",
                describe_exit(&out),
                show_command(cmd)
            );
            report.push_str(&indent(&tail(&out.stderr, 30)));
            continue;
        }
        if env.bless && first.is_none() {
            write_file(&stderr_path, &out.stderr)?;
        }
        first.get_or_insert_with(|| out.stderr.clone());
        let Ok(expected) = fs::read(&stderr_path) else {
            let _ = writeln!(
                report,
                "missing expectation {}\nhint: record the diagnostics with `{BLESS_VAR}=1 cargo test -p seam --test ext -- {}`",
                stderr_rel.display(),
                case.label
            );
            return Ok(());
        };
        if expected != out.stderr {
            let _ = writeln!(report, "[{label}] {}", show_command(cmd));
            let _ = writeln!(report, "  stderr differs (-expected +actual):");
            report.push_str(&indent(&diff(&expected, &out.stderr)));
        }
    }
    if dir.join("ext.so").exists() {
        let _ = writeln!(
            report,
            "[seam build-ext] rejected the extension but wrote ext.so anyway: {}",
            show_command(&build)
        );
    }
    Ok(())
}

/// A translated core whose loads fail at run time; see the module docs.
fn run_runtime(env: &Env, case: &Case) -> Result<String> {
    let mut report = String::new();
    let case_dir = env.root.join(&case.dir);
    let tmp = env.scratch(case)?;

    // The exports the extensions are built against: this core's, or an older one's.
    let exports = if case_dir.join("old").join("main.py").is_file() {
        fs::create_dir_all(tmp.join("old")).context("creating old/")?;
        let mut build = env.seam(&case.dir);
        build
            .arg("build-core")
            .arg(Path::new("old").join("main.py"))
            .arg("-o")
            .arg(tmp.join("old").join("core"));
        if !run_build(&mut report, "seam build-core (old core)", &mut build)? {
            return Ok(report);
        }
        Path::new("../old/core.exports")
    } else {
        Path::new("../core.exports")
    };
    let mut build = env.seam(&case.dir);
    build
        .arg("build-core")
        .arg("main.py")
        .arg("-o")
        .arg(tmp.join("core"));
    if !run_build(&mut report, "seam build-core", &mut build)? {
        return Ok(report);
    }
    if !build_extensions(
        env,
        &mut report,
        case,
        exports,
        &tmp.join("src"),
        Path::new(".."),
    )? {
        return Ok(report);
    }
    for c_file in files_with(&case_dir, |n| n.ends_with(".c"))? {
        let library = format!("{}.so", c_file.trim_end_matches(".c"));
        let mut cc = env.command("cc", &tmp);
        cc.args(["-shared", "-fPIC", "-o"])
            .arg(&library)
            .arg(case_dir.join(&c_file));
        if !run_build(&mut report, "cc", &mut cc)? {
            return Ok(report);
        }
    }
    for file in files_with(&case_dir, |n| n.ends_with(".so.fifo"))? {
        let mut mkfifo = env.command("mkfifo", &tmp);
        mkfifo.arg(file.trim_end_matches(".fifo"));
        if !run_build(&mut report, "mkfifo", &mut mkfifo)? {
            return Ok(report);
        }
    }
    for file in files_with(&case_dir, |n| n.ends_with(".so.txt"))? {
        let target = tmp.join(file.trim_end_matches(".txt"));
        fs::copy(case_dir.join(&file), &target).with_context(|| format!("copying {file}"))?;
    }
    for file in files_with(&case_dir, |n| n.ends_with(".so.edit"))? {
        let target = tmp.join(file.trim_end_matches(".edit"));
        let script = fs::read_to_string(case_dir.join(&file))?;
        let bytes = edit_library(&tmp, &script).with_context(|| format!("applying {file}"))?;
        fs::write(&target, bytes).with_context(|| format!("writing {}", target.display()))?;
    }

    let args = read_args(&case_dir.join("args"))?;
    let mut run = env.command(tmp.join("core"), &tmp);
    run.args(&args);
    let files = case.expectations();
    let Some(expected) = expectations(
        env,
        &mut report,
        &files,
        &mut run,
        "translated",
        "what the translated core does",
        &case.label,
    )?
    else {
        return Ok(report);
    };
    compare_run(&mut report, "translated", &mut run, &expected)?;
    Ok(report)
}
