//! The cache directory `seam py` and `seam run` execute from is private to
//! its user: created with mode 0700, refused when another user owns it or
//! others may write to it, and its entries are checked before they run.

use std::fs;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const PROGRAM: &str = "def main(argv: list[str]) -> int:\n    print(\"hi\")\n    return 0\n";

/// A scratch directory holding `prog.py`, used as `TMPDIR`.
fn scratch(name: &str) -> PathBuf {
    let dir =
        Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("cache-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).expect("creating the scratch directory");
    fs::write(dir.join("prog.py"), PROGRAM).expect("writing prog.py");
    dir
}

/// `seam ARGS` in `dir` with no home and no cache variables: the cache is
/// `seam-cache-UID` under `TMPDIR` = `dir`.
fn seam_without_home(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_seam"))
        .args(args)
        .current_dir(dir)
        .env_remove("HOME")
        .env_remove("XDG_CACHE_HOME")
        .env_remove("SEAM_CACHE_DIR")
        .env("TMPDIR", dir)
        .output()
        .expect("running seam")
}

fn uid() -> u32 {
    fs::metadata("/proc/self").expect("/proc/self").uid()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn without_home_the_cache_is_private_and_its_entries_are_checked() {
    let dir = scratch("private");
    let out = seam_without_home(&dir, &["py", "prog.py"]);
    assert_eq!(text(&out.stdout), "hi\n", "{}", text(&out.stderr));
    let cache = dir.join(format!("seam-cache-{}", uid()));
    let mode = fs::metadata(&cache).expect("the cache exists").mode();
    assert_eq!(mode & 0o777, 0o700);

    // A planted or damaged shim is replaced, never run.
    let shim = fs::read_dir(&cache)
        .expect("reading the cache")
        .map(|e| e.expect("entry").path())
        .find(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("shim-"))
        })
        .expect("the shim is installed");
    fs::write(shim.join("bootstrap.py"), "print('planted')\n").expect("planting");
    let out = seam_without_home(&dir, &["py", "prog.py"]);
    assert_eq!(text(&out.stdout), "hi\n", "{}", text(&out.stderr));

    // `seam run` builds into the same private cache and runs the program.
    let out = seam_without_home(&dir, &["run", "prog.py"]);
    assert_eq!(text(&out.stdout), "hi\n", "{}", text(&out.stderr));
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn a_cache_others_can_write_is_refused() {
    let dir = scratch("open");
    let cache = dir.join(format!("seam-cache-{}", uid()));
    fs::create_dir_all(&cache).expect("creating the cache");
    fs::set_permissions(&cache, fs::Permissions::from_mode(0o777)).expect("chmod");
    for command in [&["py", "prog.py"][..], &["run", "prog.py"]] {
        let out = seam_without_home(&dir, command);
        assert_eq!(out.status.code(), Some(1));
        assert!(out.stdout.is_empty());
        let err = text(&out.stderr);
        assert!(err.contains("is writable by other users"), "{err}");
    }
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn a_cache_another_user_owns_is_refused() {
    let dir = scratch("owner");
    let cache = dir.join(format!("seam-cache-{}", uid()));
    fs::create_dir_all(&cache).expect("creating the cache");
    fs::set_permissions(&cache, fs::Permissions::from_mode(0o700)).expect("chmod");
    // Only root can give a directory away; as anyone else, a directory another
    // user owns cannot be made here, and the other tests cover the checks.
    let given = Command::new("chown")
        .arg("65534")
        .arg(&cache)
        .output()
        .is_ok_and(|o| o.status.success());
    if given {
        let out = seam_without_home(&dir, &["py", "prog.py"]);
        assert_eq!(out.status.code(), Some(1));
        let err = text(&out.stderr);
        assert!(err.contains("belongs to another user"), "{err}");
    } else {
        println!("not root: cannot make a directory owned by another user; checked nothing");
    }
    let _ = fs::remove_dir_all(&dir);
}
