//! The front end's fast tier: source in, typed IR or diagnostics out, compared
//! with a blessed snapshot, in-process (no `seam` binary, no backend, no linker).
//!
//! Tests are data. Adding a file adds a test:
//!
//! ```text
//! tests/frontend/NAME.py        a program the front end accepts (or NAME/main.py plus its modules)
//! tests/frontend/NAME.tir       its typed IR, as `seam_core::tirprint::print` writes it
//! tests/frontend/NAME.py        first line `# expect: WHAT`: a program the front end rejects
//! tests/frontend/NAME.diag      its diagnostics, rendered as `seam check` prints them
//! tests/frontend/NAME/ext*.py   an extension module of the core NAME/main.py
//! tests/frontend/NAME.EXT.tir   its typed IR (or NAME.EXT.diag, with `# expect:`), EXT its stem
//! ```
//!
//! Each case's files are read into memory and checked through
//! `seam_core::frontend::check_program` with an in-memory `SourceLoader`, on a
//! thread with the translator's stack, twice: both runs must print the same
//! text (the output is deterministic). An extension is checked as the second
//! translation checks it: its core is checked, its exports file built,
//! encoded and decoded, and the extension (alone in its loader) goes through
//! `seam_core::frontend::check_extension` against it. Paths are relative to
//! the workspace root, so diagnostics name `tests/frontend/NAME.py`.
//!
//! `SEAM_BLESS=1 cargo test -p seam-core --test frontend` writes the snapshots;
//! a missing snapshot, or one left without its program, is a failure that says
//! what to do. Arguments after `--` that do not start with `-` select cases
//! whose name contains them; `--list` lists the cases. Own `main`
//! (`harness = false`), so every failure is reported at the end.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use seam_core::diag::{Diagnostic, SourceMap, render};
use seam_core::exports;
use seam_core::frontend::{CoreInterface, SourceLoader, check_extension, check_program};
use seam_core::tirprint;

/// The variable that re-blesses snapshots.
const BLESS_VAR: &str = "SEAM_BLESS";

/// The stack the command line gives the translator (`cli/src/main.rs`).
const COMPILER_STACK: usize = 256 << 20;

/// What marks a case the front end must reject.
const EXPECT_PREFIX: &str = "# expect:";

/// At most this many lines of a diff are shown.
const MAX_DIFF_LINES: usize = 60;

fn main() -> ExitCode {
    match run() {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(err) => {
            eprintln!("frontend: harness error: {err}");
            ExitCode::FAILURE
        }
    }
}

/// One case: a program and the snapshot it is compared with.
struct Case {
    /// `NAME`, or `NAME/EXT` for an extension.
    name: String,
    /// The entry module, relative to the workspace root.
    entry: PathBuf,
    /// Every source file of the case, by its path relative to the workspace root.
    files: BTreeMap<PathBuf, String>,
    /// Whether the front end must reject it (`# expect:` on the entry's first line).
    rejected: bool,
    /// The snapshot: `NAME.tir` or `NAME.diag`, relative to the workspace root.
    snapshot: PathBuf,
    /// For an extension: its core's entry module and files.
    core: Option<(PathBuf, BTreeMap<PathBuf, String>)>,
}

/// Source files held in memory; directories are the prefixes of their paths.
struct MemLoader<'a>(&'a BTreeMap<PathBuf, String>);

impl SourceLoader for MemLoader<'_> {
    fn read_file(&self, path: &Path) -> Option<String> {
        self.0.get(path).cloned()
    }

    fn is_dir(&self, path: &Path) -> bool {
        self.0.keys().any(|p| p != path && p.starts_with(path))
    }
}

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("core/ sits in the workspace")
        .to_path_buf()
}

fn run() -> Result<bool, String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let filters: Vec<&String> = args.iter().filter(|a| !a.starts_with('-')).collect();
    let root = workspace_root();
    // Paths are given relative to the root, as `seam check` is run from it.
    std::env::set_current_dir(&root).map_err(|e| format!("entering {}: {e}", root.display()))?;
    let suite = Path::new("tests/frontend");
    let (mut cases, orphans) = collect(suite)?;
    let all = cases.len();
    if !filters.is_empty() {
        cases.retain(|c| filters.iter().any(|f| c.name.contains(f.as_str())));
    }
    if args.iter().any(|a| a == "--list") {
        for case in &cases {
            println!("{}: test", case.name);
        }
        return Ok(true);
    }
    let bless = std::env::var_os(BLESS_VAR).is_some_and(|v| v == "1");
    let started = std::time::Instant::now();
    let mut failures: Vec<(String, String)> = Vec::new();
    for case in &cases {
        if let Some(report) = run_case(case, bless) {
            failures.push((case.name.clone(), report));
        }
    }
    let failed_cases = failures.len();
    if filters.is_empty() {
        for orphan in orphans {
            failures.push((
                orphan.display().to_string(),
                "a snapshot without its program: delete it, or restore the program\n".to_string(),
            ));
        }
    }
    for (name, report) in &failures {
        println!("---- {name} ----");
        print!("{report}");
        println!();
    }
    println!(
        "frontend: {} passed, {} failed ({} of {all} cases selected) in {:.2} s",
        cases.len() - failed_cases,
        failures.len(),
        cases.len(),
        started.elapsed().as_secs_f64()
    );
    if !failures.is_empty() {
        println!(
            "failed: {}",
            failures
                .iter()
                .map(|f| f.0.as_str())
                .collect::<Vec<_>>()
                .join(" ")
        );
    }
    Ok(failures.is_empty())
}

/// Every case under `suite`, sorted by name, and the snapshots no case owns.
fn collect(suite: &Path) -> Result<(Vec<Case>, Vec<PathBuf>), String> {
    let mut cases = Vec::new();
    let mut snapshots = Vec::new();
    let entries = fs::read_dir(suite).map_err(|e| format!("reading {}: {e}", suite.display()))?;
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        let Some(stem) = path.file_stem().map(|s| s.to_string_lossy().into_owned()) else {
            continue;
        };
        // Tools' caches (`.mypy_cache`) and editors' files are no cases.
        if stem.starts_with('.') || stem.is_empty() {
            continue;
        }
        let mut files = BTreeMap::new();
        let entry = if path.is_dir() {
            read_tree(&path, &mut files)?;
            // The extensions: `ext*.py` beside `main.py`, each checked on its own.
            let extensions: Vec<PathBuf> = files
                .keys()
                .filter(|p| {
                    p.parent() == Some(path.as_path())
                        && p.file_name()
                            .is_some_and(|n| n.to_string_lossy().starts_with("ext"))
                })
                .cloned()
                .collect();
            let core_files: BTreeMap<PathBuf, String> = files
                .iter()
                .filter(|(p, _)| !extensions.contains(p))
                .map(|(p, t)| (p.clone(), t.clone()))
                .collect();
            for ext in extensions {
                let ext_stem = ext
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default();
                let text = files[&ext].clone();
                let rejected = text.starts_with(EXPECT_PREFIX);
                let kind = if rejected { "diag" } else { "tir" };
                cases.push(Case {
                    name: format!("{stem}/{ext_stem}"),
                    entry: ext.clone(),
                    files: BTreeMap::from([(ext.clone(), text)]),
                    rejected,
                    snapshot: suite.join(format!("{stem}.{ext_stem}.{kind}")),
                    core: Some((path.join("main.py"), core_files.clone())),
                });
            }
            files = core_files;
            path.join("main.py")
        } else {
            match path.extension().and_then(|e| e.to_str()) {
                Some("py") => {
                    files.insert(path.clone(), read(&path)?);
                    path.clone()
                }
                Some("tir" | "diag") => {
                    snapshots.push(path);
                    continue;
                }
                _ => continue,
            }
        };
        let Some(text) = files.get(&entry) else {
            return Err(format!("{} has no main.py", path.display()));
        };
        let rejected = text.starts_with(EXPECT_PREFIX);
        let snapshot = suite.join(format!("{stem}.{}", if rejected { "diag" } else { "tir" }));
        cases.push(Case {
            name: stem,
            entry,
            files,
            rejected,
            snapshot,
            core: None,
        });
    }
    cases.sort_by(|a, b| a.name.cmp(&b.name));
    let owned: Vec<&PathBuf> = cases.iter().map(|c| &c.snapshot).collect();
    let orphans = snapshots
        .into_iter()
        .filter(|s| !owned.contains(&s))
        .collect();
    Ok((cases, orphans))
}

fn read(path: &Path) -> Result<String, String> {
    fs::read_to_string(path).map_err(|e| format!("reading {}: {e}", path.display()))
}

/// Reads every `.py` file under `dir` (packages included) into `files`.
fn read_tree(dir: &Path, files: &mut BTreeMap<PathBuf, String>) -> Result<(), String> {
    let entries = fs::read_dir(dir).map_err(|e| format!("reading {}: {e}", dir.display()))?;
    for entry in entries {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.is_dir() {
            read_tree(&path, files)?;
        } else if path.extension().is_some_and(|e| e == "py") {
            files.insert(path.clone(), read(&path)?);
        }
    }
    Ok(())
}

/// What the front end made of a case: the printed program, or the rendered
/// diagnostics, and whether it was accepted.
fn check(case: &Case) -> Result<(bool, String), String> {
    std::thread::scope(|scope| {
        std::thread::Builder::new()
            .stack_size(COMPILER_STACK)
            .spawn_scoped(scope, || check_on_this_thread(case))
            .map_err(|e| format!("spawning the checker thread: {e}"))?
            .join()
            .map_err(|_| "the front end panicked (a bug: it must return diagnostics)".to_string())?
    })
}

fn check_on_this_thread(case: &Case) -> Result<(bool, String), String> {
    let loader = MemLoader(&case.files);
    let out = match &case.core {
        None => check_program(&case.entry, &loader),
        Some((core_entry, core_files)) => {
            let core = check_program(core_entry, &MemLoader(core_files));
            let Some(program) = core.program.filter(|_| core.diagnostics.is_empty()) else {
                return Err(format!(
                    "its core {} does not check:\n{}",
                    core_entry.display(),
                    rendered(&core.diagnostics, &core.sources)
                ));
            };
            // The exports file as the second translation reads it: encoded, then opened.
            let built = exports::build_exports(&program, "x86_64-unknown-linux-gnu")
                .map_err(|e| format!("building the core's exports: {}", e.join("; ")))?;
            let bytes = built.encode();
            let opened = seam_exports_schema::ExportsIndex::open(&bytes)
                .map_err(|e| format!("opening the core's exports: {e}"))?;
            let path = core_entry.with_extension("exports").display().to_string();
            let iface = CoreInterface {
                exports: &opened,
                path: &path,
                layers: &[],
                rules: &seam_extmod::SecondTranslation,
            };
            check_extension(&case.entry, iface, &loader)
        }
    };
    if let Some(program) = &out.program
        && out.diagnostics.is_empty()
    {
        return Ok((true, tirprint::print(program)));
    }
    Ok((false, rendered(&out.diagnostics, &out.sources)))
}

/// Diagnostics as `seam check` prints them, without its count line.
fn rendered(diagnostics: &[Diagnostic], sources: &SourceMap) -> String {
    let mut text = String::new();
    for d in diagnostics {
        text.push_str(&render(d, sources));
        if !text.ends_with('\n') {
            text.push('\n');
        }
    }
    text
}

/// Runs one case; `None` when it passes, else the report.
fn run_case(case: &Case, bless: bool) -> Option<String> {
    let (accepted, text) = match check(case) {
        Ok(result) => result,
        Err(e) => return Some(format!("{e}\n")),
    };
    match check(case) {
        Ok((_, again)) if again == text => {}
        Ok((_, again)) => {
            return Some(format!(
                "two runs printed different text (the output must be deterministic):\n{}",
                diff(&text, &again)
            ));
        }
        Err(e) => return Some(format!("{e}\n")),
    }
    if accepted && case.rejected {
        return Some(format!(
            "{} starts with `{EXPECT_PREFIX}` but the front end accepted it\n",
            case.entry.display()
        ));
    }
    if !accepted && !case.rejected {
        return Some(format!(
            "the front end rejected {} (a program it must reject starts with `{EXPECT_PREFIX} ...`):\n{text}",
            case.entry.display()
        ));
    }
    if !accepted && text.is_empty() {
        return Some("the front end returned no program and no diagnostic\n".to_string());
    }
    if bless {
        return fs::write(&case.snapshot, &text)
            .err()
            .map(|e| format!("writing {}: {e}\n", case.snapshot.display()));
    }
    let expected = match fs::read_to_string(&case.snapshot) {
        Ok(expected) => expected,
        Err(_) => {
            return Some(format!(
                "no snapshot {}: record it with `{BLESS_VAR}=1 cargo test -p seam-core --test frontend -- {}` and read it before committing\n",
                case.snapshot.display(),
                case.name
            ));
        }
    };
    if expected == text {
        return None;
    }
    Some(format!(
        "{} differs (- expected, + actual; `{BLESS_VAR}=1` re-blesses):\n{}",
        case.snapshot.display(),
        diff(&expected, &text)
    ))
}

/// A line diff of `expected` and `actual` (longest common subsequence), with two
/// lines of context around each change.
fn diff(expected: &str, actual: &str) -> String {
    let a: Vec<&str> = expected.lines().collect();
    let b: Vec<&str> = actual.lines().collect();
    // lcs[i][j]: the longest common subsequence of a[i..] and b[j..].
    let mut lcs = vec![vec![0u32; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lcs[i][j] = if a[i] == b[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let mut ops: Vec<(char, &str, usize)> = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            ops.push((' ', a[i], i + 1));
            i += 1;
            j += 1;
        } else if j < b.len() && (i == a.len() || lcs[i][j + 1] >= lcs[i + 1][j]) {
            ops.push(('+', b[j], i + 1));
            j += 1;
        } else {
            ops.push(('-', a[i], i + 1));
            i += 1;
        }
    }
    let mut keep = vec![false; ops.len()];
    for (k, op) in ops.iter().enumerate() {
        if op.0 != ' ' {
            let lo = k.saturating_sub(2);
            let hi = (k + 3).min(ops.len());
            keep[lo..hi].iter_mut().for_each(|x| *x = true);
        }
    }
    let mut out = String::new();
    let mut shown = 0;
    let mut gap = true;
    for (k, (sign, line, at)) in ops.iter().enumerate() {
        if !keep[k] {
            gap = true;
            continue;
        }
        if gap {
            let _ = writeln!(out, "@@ expected line {at} @@");
            gap = false;
        }
        if shown == MAX_DIFF_LINES {
            out.push_str("... (diff cut short)\n");
            break;
        }
        shown += 1;
        let _ = writeln!(out, "{sign} {line}");
    }
    out
}
