//! Projects: `seam build` and `seam run` driven by `seam.toml`, and the build
//! cache behind them.
//!
//! Each test copies `tests/projects/layered` (a core, a module linked in, a
//! shared module and a shared module built on it) into a scratch directory
//! with a cache of its own, edits the copy, and reads the lines `seam build`
//! prints (`built core build/app`, `cached extension build/words.so`) to see
//! what was translated and what came from the cache. The manifest errors are
//! data: `tests/projects/errors/NAME.toml` is used as the project's
//! `seam.toml` and the diagnostics compared with `NAME.stderr` (`SEAM_BLESS=1`
//! rewrites them).
//!
//! The runtime library must have been built (`cargo build`), as for the corpus.

mod support;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use support::{blessing, diff, workspace_root};

/// What the layered project prints under `seam run` (its `[run] args` first).
const LAYERED_OUTPUT: &str = "\
STATICS LINKED IN!
words v1 words v1
HELLO HELLO!
core v1
args: from manifest
";

/// A copy of a project under `tests/projects` with its own cache.
struct Scratch {
    root: PathBuf,
    project: PathBuf,
    cache: PathBuf,
}

impl Scratch {
    fn new(test: &str) -> Scratch {
        let root = Path::new(env!("CARGO_TARGET_TMPDIR"))
            .join(format!("project-{test}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&root);
        let project = root.join("layered");
        let fixture = workspace_root()
            .expect("workspace")
            .join("tests/projects/layered");
        copy_dir(&fixture, &project);
        let cache = root.join("cache");
        Scratch {
            root,
            project,
            cache,
        }
    }

    /// `seam ARGS` in the project directory, on this scratch's cache.
    fn seam(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_seam"))
            .args(args)
            .current_dir(&self.project)
            .env("SEAM_CACHE_DIR", &self.cache)
            .output()
            .expect("running seam")
    }

    /// `seam build ARGS`, which must succeed: the lines it printed.
    fn build(&self, args: &[&str]) -> Vec<String> {
        let mut all = vec!["build"];
        all.extend(args);
        lines(&ok(self.seam(&all), &all))
    }

    /// Replaces `from` by `to` in the project's file `file`.
    fn edit(&self, file: &str, from: &str, to: &str) {
        let path = self.project.join(file);
        let text = fs::read_to_string(&path).expect("reading a project file");
        assert!(text.contains(from), "{file} has no {from:?}");
        fs::write(&path, text.replace(from, to)).expect("writing a project file");
    }

    /// Runs the built core in the output directory, as `seam run` does.
    fn run_built(&self, out_dir: &str) -> String {
        let dir = self.project.join(out_dir);
        let out = Command::new(dir.join("app"))
            .args(["from", "manifest"])
            .current_dir(&dir)
            .output()
            .expect("running the built core");
        text(&ok(out, &["build/app"]).stdout)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        if !std::thread::panicking() {
            let _ = fs::remove_dir_all(&self.root);
        }
    }
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).expect("creating a scratch directory");
    for entry in fs::read_dir(from).expect("reading a fixture") {
        let entry = entry.expect("a fixture entry");
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), &target).expect("copying a fixture file");
        }
    }
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn lines(out: &Output) -> Vec<String> {
    text(&out.stdout).lines().map(str::to_string).collect()
}

/// `out`, after checking that the command succeeded.
fn ok(out: Output, what: &[&str]) -> Output {
    assert!(
        out.status.success(),
        "{what:?} failed ({}):\n{}{}",
        out.status,
        text(&out.stdout),
        text(&out.stderr)
    );
    out
}

const ALL_BUILT: [&str; 3] = [
    "built core build/app",
    "built extension build/words.so",
    "built extension build/ext/greeter.so",
];

const ALL_CACHED: [&str; 3] = [
    "cached core build/app",
    "cached extension build/words.so",
    "cached extension build/ext/greeter.so",
];

#[test]
fn a_rebuild_with_nothing_changed_translates_nothing() {
    let s = Scratch::new("nochange");
    assert_eq!(s.build(&[]), ALL_BUILT);
    assert_eq!(s.run_built("build"), LAYERED_OUTPUT);
    assert_eq!(s.build(&[]), ALL_CACHED);
    assert_eq!(s.run_built("build"), LAYERED_OUTPUT);
    // Output files removed or damaged are put back from the cache, untranslated.
    fs::remove_file(s.project.join("build/ext/greeter.so")).expect("removing an output");
    fs::write(s.project.join("build/app"), "damaged").expect("damaging an output");
    assert_eq!(s.build(&[]), ALL_CACHED);
    assert_eq!(s.run_built("build"), LAYERED_OUTPUT);
}

#[test]
fn seam_run_builds_the_manifest_project_and_runs_it_in_the_output_directory() {
    let s = Scratch::new("run");
    let out = ok(s.seam(&["run", "--", "and", "more"]), &["run"]);
    assert_eq!(
        text(&out.stdout),
        LAYERED_OUTPUT.replace("from manifest", "from manifest and more")
    );
    assert_eq!(text(&out.stderr).lines().collect::<Vec<_>>(), ALL_BUILT);
    let out = ok(s.seam(&["run"]), &["run"]);
    assert_eq!(text(&out.stdout), LAYERED_OUTPUT);
    assert_eq!(text(&out.stderr).lines().collect::<Vec<_>>(), ALL_CACHED);
    // `seam py` runs the same project untranslated, from the project directory.
    let out = ok(
        s.seam(&["py", "main.py", "--", "from", "manifest"]),
        &["py"],
    );
    assert_eq!(text(&out.stdout), LAYERED_OUTPUT);
}

#[test]
fn a_private_change_in_the_core_rebuilds_the_core_only() {
    let s = Scratch::new("private");
    assert_eq!(s.build(&[]), ALL_BUILT);
    s.edit("main.py", "\"core v1\"", "\"core v2\"");
    assert_eq!(
        s.build(&[]),
        [
            "built core build/app",
            "cached extension build/words.so",
            "cached extension build/ext/greeter.so",
        ]
    );
    assert_eq!(
        s.run_built("build"),
        LAYERED_OUTPUT.replace("core v1", "core v2")
    );
    // A private change in a shared module rebuilds that module only: the one
    // built on it compiles against its exports, whose fingerprint is the same.
    s.edit("words.py", "\"words v1\"", "\"words v2\"");
    assert_eq!(
        s.build(&[]),
        [
            "cached core build/app",
            "built extension build/words.so",
            "cached extension build/ext/greeter.so",
        ]
    );
    // A change in the module linked in rebuilds the core.
    s.edit("statics.py", "linked in", "linked in, v2");
    assert_eq!(
        s.build(&[]),
        [
            "built core build/app",
            "cached extension build/words.so",
            "cached extension build/ext/greeter.so",
        ]
    );
    assert_eq!(
        s.run_built("build"),
        LAYERED_OUTPUT
            .replace("core v1", "core v2")
            .replace("words v1", "words v2")
            .replace("LINKED IN!", "LINKED IN, V2!")
    );
}

#[test]
fn an_abi_change_rebuilds_the_dependants() {
    let s = Scratch::new("abi");
    assert_eq!(s.build(&[]), ALL_BUILT);
    // A new export in the core changes its fingerprint: everything compiled
    // against it is rebuilt.
    s.edit(
        "main.py",
        "def private_note",
        "@export\ndef whisper(s: str) -> str:\n    return s.lower()\n\n\ndef private_note",
    );
    assert_eq!(s.build(&[]), ALL_BUILT);
    // A changed signature in words rebuilds words and greeter, not the core.
    s.edit(
        "words.py",
        "def twice(s: str) -> str:",
        "def twice(s: str, sep: str = \" \") -> str:",
    );
    s.edit("words.py", "return s + \" \" + s", "return s + sep + s");
    assert_eq!(
        s.build(&[]),
        [
            "cached core build/app",
            "built extension build/words.so",
            "built extension build/ext/greeter.so",
        ]
    );
    assert_eq!(s.run_built("build"), LAYERED_OUTPUT);
    // Undoing the changes finds the first artifacts again.
    s.edit(
        "words.py",
        "def twice(s: str, sep: str = \" \") -> str:",
        "def twice(s: str) -> str:",
    );
    s.edit("words.py", "return s + sep + s", "return s + \" \" + s");
    assert_eq!(
        s.build(&[]),
        [
            "cached core build/app",
            "cached extension build/words.so",
            "cached extension build/ext/greeter.so",
        ]
    );
}

#[test]
fn force_rebuild_bypasses_the_cache() {
    let s = Scratch::new("force");
    assert_eq!(s.build(&[]), ALL_BUILT);
    assert_eq!(s.build(&["--force-rebuild"]), ALL_BUILT);
    assert_eq!(s.run_built("build"), LAYERED_OUTPUT);
    assert_eq!(s.build(&[]), ALL_CACHED);
}

#[test]
fn two_concurrent_builds_share_one_cache() {
    let s = Scratch::new("concurrent");
    for round in 0..3 {
        // Round 0 builds into two output directories, the others into one.
        let dirs = if round == 0 {
            ["out-a", "out-b"]
        } else {
            ["build", "build"]
        };
        let children: Vec<_> = dirs
            .iter()
            .map(|d| {
                Command::new(env!("CARGO_BIN_EXE_seam"))
                    .args(["build", "--out-dir", d])
                    .current_dir(&s.project)
                    .env("SEAM_CACHE_DIR", &s.cache)
                    .stdout(std::process::Stdio::piped())
                    .stderr(std::process::Stdio::piped())
                    .spawn()
                    .expect("starting seam build")
            })
            .collect();
        for child in children {
            ok(child.wait_with_output().expect("waiting"), &["build"]);
        }
        for d in dirs {
            assert_eq!(s.run_built(d), LAYERED_OUTPUT, "round {round}, {d}");
        }
        let after = s.build(&["--out-dir", dirs[0]]);
        assert!(
            after.iter().all(|l| l.starts_with("cached ")),
            "round {round}: {after:?}"
        );
        // The next round starts from an empty cache, changed sources or both.
        if round == 1 {
            s.edit(
                "main.py",
                "def private_note",
                "# Changed.\ndef private_note",
            );
        }
        ok(s.seam(&["cache", "clean"]), &["cache", "clean"]);
    }
    let tmp = s.cache.join("build/tmp");
    let left: Vec<_> = fs::read_dir(&tmp)
        .map(|r| r.filter_map(|e| e.ok()).map(|e| e.path()).collect())
        .unwrap_or_default();
    assert!(
        left.is_empty(),
        "scratch directories left in the cache: {left:?}"
    );
}

#[test]
fn ext_adds_to_the_manifest_and_no_manifest_ignores_it() {
    let s = Scratch::new("flags");
    // The manifest without greeter; --ext adds it (shared, after the manifest's).
    let manifest = fs::read_to_string(s.project.join("seam.toml")).expect("manifest");
    let cut = manifest
        .find("[modules.greeter]")
        .expect("greeter in the manifest");
    let run = manifest.find("[run]").expect("[run] in the manifest");
    let without = format!("{}{}", &manifest[..cut], &manifest[run..]);
    fs::write(s.project.join("seam.toml"), without).expect("writing the manifest");
    assert_eq!(s.build(&["--ext", "ext/greeter.py"]), ALL_BUILT);
    assert_eq!(s.run_built("build"), LAYERED_OUTPUT);

    // --no-manifest: everything from the command line (the same artifacts, so cached,
    // however the paths are spelt), even with a broken seam.toml beside it.
    fs::write(s.project.join("seam.toml"), "[core\n").expect("breaking the manifest");
    let lines = s.build(&[
        "--no-manifest",
        "main.py",
        "--static-ext",
        "statics.py",
        "--ext",
        "words.py",
        "--ext",
        "ext/../ext/greeter.py",
        "--out-dir",
        "out",
    ]);
    assert_eq!(
        lines,
        [
            "cached core out/main",
            "cached extension out/words.so",
            "cached extension out/ext/greeter.so",
        ]
    );
    let out = Command::new(s.project.join("out/main"))
        .args(["from", "manifest"])
        .current_dir(s.project.join("out"))
        .output()
        .expect("running the core");
    assert_eq!(text(&ok(out, &["out/main"]).stdout), LAYERED_OUTPUT);

    // A module whose exports file would be the core's is refused.
    fs::write(
        s.project.join("clash.toml"),
        "[core]\nentry = \"main.py\"\noutput = \"words\"\n\n[modules.words]\n",
    )
    .expect("writing a manifest");
    let out = s.seam(&["build", "--manifest", "clash.toml"]);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(err.contains("the core's exports file"), "{err}");
    // Two modules with one name are refused.
    let out = s.seam(&[
        "build",
        "--no-manifest",
        "main.py",
        "--ext",
        "words.py",
        "--ext",
        "words.py",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("two extension modules are named 'words'"));
}

#[test]
fn errors_in_programs_are_reported_and_nothing_is_stored() {
    let s = Scratch::new("progerr");
    s.edit("words.py", "return s + \" \" + s", "return s + 1");
    let out = s.seam(&["build"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(lines(&out), ["built core build/app"]);
    let err = text(&out.stderr);
    assert!(err.contains("words.py:8:"), "{err}");
    s.edit("words.py", "return s + 1", "return s + \" \" + s");
    assert_eq!(
        s.build(&[]),
        [
            "cached core build/app",
            "built extension build/words.so",
            "built extension build/ext/greeter.so",
        ]
    );
    // Without a manifest in the directory, `seam build` says what to do.
    fs::remove_file(s.project.join("seam.toml")).expect("removing the manifest");
    let out = s.seam(&["build"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("--no-manifest ENTRY"));
}

#[test]
fn the_scratch_of_a_build_that_died_is_swept() {
    let s = Scratch::new("sweep");
    s.build(&[]);
    // No process has this id (above the kernel's pid_max).
    let dead = s.cache.join("build/tmp/999999999-1-0");
    fs::create_dir_all(dead.join("half")).expect("planting a dead build's scratch");
    assert_eq!(s.build(&[]), ALL_CACHED);
    assert!(!dead.exists(), "{} was left", dead.display());
}

#[test]
fn cache_info_and_clean() {
    let s = Scratch::new("info");
    s.build(&[]);
    let info = text(&ok(s.seam(&["cache", "info"]), &["cache", "info"]).stdout);
    assert!(
        info.contains(&format!("location: {}", s.cache.display())),
        "{info}"
    );
    assert!(info.contains("entries: 3 (3 build artifacts"), "{info}");
    ok(s.seam(&["cache", "clean"]), &["cache", "clean"]);
    let info = text(&ok(s.seam(&["cache", "info"]), &["cache", "info"]).stdout);
    assert!(info.contains("entries: 0"), "{info}");
    assert_eq!(s.build(&[]), ALL_BUILT);
}

#[test]
fn manifest_errors() {
    let root = workspace_root().expect("workspace");
    let dir = root.join("tests/projects/errors");
    let mut cases: Vec<PathBuf> = fs::read_dir(&dir)
        .expect("reading tests/projects/errors")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    cases.sort();
    assert!(!cases.is_empty());
    let s = Scratch::new("errors");
    let mut failed = Vec::new();
    for case in &cases {
        fs::copy(case, s.project.join("seam.toml")).expect("writing seam.toml");
        let out = s.seam(&["build"]);
        let name = case.file_stem().unwrap_or_default().to_string_lossy();
        if out.status.code() != Some(1) || !out.stdout.is_empty() {
            failed.push(format!(
                "{name}: expected exit 1 and no output, got {}:\n{}",
                out.status,
                text(&out.stdout)
            ));
            continue;
        }
        let expected_path = case.with_extension("stderr");
        if blessing() {
            fs::write(&expected_path, &out.stderr).expect("blessing");
            continue;
        }
        let expected = fs::read(&expected_path).unwrap_or_default();
        if expected != out.stderr {
            failed.push(format!("{name}:\n{}", diff(&expected, &out.stderr)));
        }
        assert!(!s.project.join("build").exists(), "{name} built something");
    }
    assert!(
        failed.is_empty(),
        "{} manifest error case(s) differ (SEAM_BLESS=1 rewrites the .stderr files):\n{}",
        failed.len(),
        failed.join("\n")
    );
}
