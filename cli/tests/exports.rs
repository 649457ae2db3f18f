//! The exports file through the `seam` binary: `seam build-core` writes it,
//! `seam inspect` reads it.
//!
//! Tests are data:
//!
//! ```text
//! tests/exports/bad/NAME.exports        a malformed exports file
//! tests/exports/bad/NAME.stderr         what `seam inspect` prints for it (exit status 1)
//! tests/exports/core/main.py            a core with @export functions and classes and an Exported[int]
//! tests/exports/core.inspect            `seam inspect` of its exports file, normalised (below)
//! tests/exports/core_internal/main.py   the same interface, different private code
//! ```
//!
//! `core_internal` must build to the same fingerprint as `core`: that is the
//! promise that a core rebuilt with internal changes keeps loading old extensions.
//!
//! The snapshot is normalised so that it records what the core program
//! decides and nothing else: the target triple (the host's) and the
//! fingerprint become placeholders, and the runtime section (the runtime ABI
//! table verbatim, which the fingerprint also hashes) is cut; seam-core's
//! unit tests cover that table.
//!
//! Commands run from the workspace root with relative paths, so messages name
//! files as `tests/exports/...`. `SEAM_BLESS=1 cargo test -p seam --test exports`
//! rewrites the `.stderr` and `.inspect` expectations.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const BLESS_VAR: &str = "SEAM_BLESS";

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("the cli crate sits in the workspace")
        .to_path_buf()
}

fn blessing() -> bool {
    std::env::var(BLESS_VAR).is_ok_and(|v| !v.is_empty() && v != "0")
}

fn seam(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_seam"))
        .args(args)
        .current_dir(root())
        .output()
        .expect("the seam binary runs")
}

/// A fresh scratch directory for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("exports-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).expect("the scratch directory can be created");
    dir
}

/// Compares `actual` with the expectation file `expected` (relative to the
/// root), or rewrites it when blessing; a mismatch is returned as a report.
fn check_expectation(expected: &Path, actual: &str) -> Option<String> {
    let path = root().join(expected);
    if blessing() {
        fs::write(&path, actual).expect("the expectation can be written");
        return None;
    }
    let Ok(want) = fs::read_to_string(&path) else {
        return Some(format!(
            "missing expectation {}\nhint: record it with `{BLESS_VAR}=1 cargo test -p seam --test exports`\n",
            expected.display()
        ));
    };
    (want != actual).then(|| {
        format!(
            "{} differs (-expected +actual):\n{}(after checking the change is intended: {BLESS_VAR}=1 cargo test -p seam --test exports)\n",
            expected.display(),
            diff(&want, actual)
        )
    })
}

/// The lines that differ, position by position.
fn diff(want: &str, got: &str) -> String {
    let (w, g): (Vec<&str>, Vec<&str>) = (want.lines().collect(), got.lines().collect());
    let mut out = String::new();
    for i in 0..w.len().max(g.len()) {
        let (a, b) = (w.get(i), g.get(i));
        if a != b {
            if let Some(a) = a {
                out.push_str(&format!("  -{a}\n"));
            }
            if let Some(b) = b {
                out.push_str(&format!("  +{b}\n"));
            }
        }
    }
    out
}

#[test]
fn malformed_files_are_refused_with_one_clear_error() {
    let dir = Path::new("tests/exports/bad");
    let mut names: Vec<String> = fs::read_dir(root().join(dir))
        .expect("tests/exports/bad exists")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .collect();
    names.sort();
    let mut failures = String::new();
    let mut cases = 0;
    for name in &names {
        if let Some(stem) = name.strip_suffix(".stderr") {
            if !names.contains(&format!("{stem}.exports")) {
                failures.push_str(&format!(
                    "{}: expectation without a file: delete it or restore {stem}.exports\n",
                    dir.join(name).display()
                ));
            }
            continue;
        }
        let Some(stem) = name.strip_suffix(".exports") else {
            continue;
        };
        cases += 1;
        let file = dir.join(name);
        for args in [&["inspect"][..], &["inspect", "--json"]] {
            let mut args = args.to_vec();
            args.push(file.to_str().expect("test paths are UTF-8"));
            let out = seam(&args);
            let stderr = String::from_utf8_lossy(&out.stderr);
            if out.status.code() != Some(1) || !out.stdout.is_empty() {
                failures.push_str(&format!(
                    "seam {}: expected exit status 1 and no output, got {:?}\n  stderr: {stderr}",
                    args.join(" "),
                    out.status
                ));
            } else if let Some(report) =
                check_expectation(&dir.join(format!("{stem}.stderr")), &stderr)
            {
                // `--json` changes nothing about errors: both runs meet the same expectation.
                failures.push_str(&report);
            }
        }
    }
    assert!(cases > 0, "no cases in {}", dir.display());
    assert!(failures.is_empty(), "\n{failures}");
}

#[test]
fn unreadable_files_are_refused() {
    for (path, want) in [
        (
            "tests/exports/bad/missing.exports",
            "seam: error: tests/exports/bad/missing.exports: no such file\n",
        ),
        (
            "tests/exports/bad",
            "seam: error: tests/exports/bad: is a directory\n",
        ),
    ] {
        let out = seam(&["inspect", path]);
        assert_eq!(out.status.code(), Some(1), "seam inspect {path}");
        assert_eq!(String::from_utf8_lossy(&out.stderr), want);
    }
}

#[test]
fn built_core_exports_match_the_snapshot_and_ignore_private_code() {
    let dir = scratch("core");
    let mut fingerprints = Vec::new();
    for name in ["core", "core_internal"] {
        let exe = dir.join(name);
        let entry = format!("tests/exports/{name}/main.py");
        let out = seam(&[
            "build-core",
            &entry,
            "-o",
            exe.to_str().expect("UTF-8 path"),
        ]);
        assert!(
            out.status.success(),
            "seam build-core {entry} failed:\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let exports = dir.join(format!("{name}.exports"));
        let bytes = fs::read(&exports).expect("build-core writes OUT.exports");
        let file = seam_exports_schema::decode(&bytes).expect("the exports file decodes");
        fingerprints.push(file.fingerprint);

        if name == "core" {
            let exports = exports.to_str().expect("UTF-8 path");
            let out = seam(&["inspect", exports]);
            assert!(out.status.success(), "seam inspect failed");
            let text = String::from_utf8(out.stdout).expect("inspect prints UTF-8");
            let normalised = normalise(&text, &file.target, &file.fingerprint.to_string());
            if let Some(report) =
                check_expectation(Path::new("tests/exports/core.inspect"), &normalised)
            {
                panic!("\n{report}");
            }

            let out = seam(&["inspect", "--json", exports]);
            assert!(out.status.success(), "seam inspect --json failed");
            let json = String::from_utf8(out.stdout).expect("inspect prints UTF-8");
            assert!(json.contains(&format!("\"fingerprint\": \"{}\"", file.fingerprint)));
            assert!(json.contains("\"qualified_name\": \"main.W_Int\""));
        }
    }
    assert_eq!(
        fingerprints[0], fingerprints[1],
        "a core with only private changes must keep its fingerprint"
    );
    let _ = fs::remove_dir_all(&dir);
}

/// See the module documentation.
fn normalise(text: &str, target: &str, fingerprint: &str) -> String {
    let mut out = String::new();
    for line in text.lines() {
        if line.starts_with("runtime (") {
            out.push_str("runtime: (the runtime ABI table, not snapshotted)\n");
            break;
        }
        let line = if line.trim_start().starts_with("target:") {
            line.replace(target, "<host>")
        } else if line.trim_start().starts_with("fingerprint:") {
            line.replace(fingerprint, "<fingerprint>")
        } else {
            line.to_string()
        };
        out.push_str(&line);
        out.push('\n');
    }
    out
}

#[test]
fn an_extensions_exports_file_describes_it_and_what_it_was_built_against() {
    // `tests/ext/layers`: polys exports to shapes, which is built on the core and polys.
    let dir = scratch("layers");
    let src = dir.join("src");
    fs::create_dir_all(&src).expect("a scratch directory");
    for f in ["polys.py", "shapes.py"] {
        fs::copy(root().join("tests/ext/layers").join(f), src.join(f)).expect("copy a source");
    }
    let path = |p: PathBuf| p.to_str().expect("UTF-8 path").to_string();
    let core = path(dir.join("core"));
    let out = seam(&["build-core", "tests/ext/layers/main.py", "-o", &core]);
    assert!(
        out.status.success(),
        "build-core: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let core_exports = format!("{core}.exports");
    for (ext, exports) in [
        ("polys", vec![core_exports.clone()]),
        (
            "shapes",
            vec![core_exports.clone(), path(dir.join("polys.exports"))],
        ),
    ] {
        let mut args = vec!["build-ext".to_string(), path(src.join(format!("{ext}.py")))];
        for e in exports {
            args.push("--exports".into());
            args.push(e);
        }
        args.push("-o".into());
        args.push(path(dir.join(format!("{ext}.so"))));
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let out = seam(&args);
        assert!(
            out.status.success(),
            "build-ext {ext}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    // Dependency files for make: every source read and every exports file given.
    let core_d = fs::read_to_string(dir.join("core.d")).expect("build-core writes OUT.d");
    assert!(
        core_d.starts_with(&format!(
            "{core} {core_exports}: \\\n  tests/ext/layers/main.py\n"
        )),
        "{core_d}"
    );
    let shapes_d = fs::read_to_string(dir.join("shapes.d")).expect("build-ext writes OUT.d");
    for dep in [
        path(src.join("shapes.py")),
        core_exports.clone(),
        path(dir.join("polys.exports")),
    ] {
        assert!(
            shapes_d.contains(&format!("  {dep}")) && shapes_d.contains(&format!("\n{dep}:\n")),
            "{shapes_d}"
        );
    }
    let decode = |name: &str| {
        let bytes = fs::read(dir.join(name)).expect("an exports file beside the library");
        seam_exports_schema::decode(&bytes).expect("it decodes")
    };
    let (core_file, polys, shapes) = (
        decode("core.exports"),
        decode("polys.exports"),
        decode("shapes.exports"),
    );
    let polys_of = polys
        .extension
        .as_ref()
        .expect("an extension's file says whose it is");
    assert_eq!(polys_of.name, "polys");
    assert_eq!(polys_of.core, core_file.fingerprint);
    assert!(polys_of.depends.is_empty());
    let shapes_of = shapes
        .extension
        .as_ref()
        .expect("an extension's file says whose it is");
    assert_eq!(shapes_of.core, core_file.fingerprint);
    assert_eq!(shapes_of.depends.len(), 1);
    assert_eq!(shapes_of.depends[0].name, "polys");
    assert_eq!(shapes_of.depends[0].fingerprint, polys.fingerprint);

    let out = seam(&["inspect", &path(dir.join("polys.exports"))]);
    assert!(out.status.success(), "seam inspect failed");
    let text = String::from_utf8(out.stdout).expect("inspect prints UTF-8");
    let text = normalise(&text, &polys.target, &polys.fingerprint.to_string())
        .replace(&core_file.fingerprint.to_string(), "<core fingerprint>");
    if let Some(report) = check_expectation(Path::new("tests/exports/extension.inspect"), &text) {
        panic!("\n{report}");
    }
    let _ = fs::remove_dir_all(&dir);
}
