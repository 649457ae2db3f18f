//! C code in Seam modules, where it goes wrong: a source that does not
//! compile, a missing header or library, a C symbol nobody defines (at build
//! time, or as an `ImportError` when the extension loads, three ways), and
//! what a project may change (`--c-include-dir`); `seam flags` and the
//! dependency file. The programs that work are corpus and ext cases
//! (`tests/programs/cfunc_types`, `tests/ext/c_functions`).

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A fresh scratch directory holding `files`.
fn scratch(name: &str, files: &[(&str, &str)]) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("cbuild-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    for (path, text) in files {
        let path = dir.join(path);
        fs::create_dir_all(path.parent().expect("a parent")).expect("creating a directory");
        fs::write(&path, text).expect("writing a file");
    }
    dir
}

/// `seam ARGS` in `dir`, with a cache of the test's own.
fn seam(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_seam"))
        .args(args)
        .current_dir(dir)
        .env("SEAM_CACHE_DIR", dir.join("cache"))
        .output()
        .expect("running seam")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Fails unless `out` exited with status 1 and its stderr holds each of `wanted`.
fn fails_with(out: &Output, wanted: &[&str]) {
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "stderr: {stderr}");
    for w in wanted {
        assert!(stderr.contains(w), "{w:?} not in stderr:\n{stderr}");
    }
}

/// A core calling `glue_answer` from `glue.c`, with the given declaration.
fn core_with(declaration: &str) -> String {
    format!(
        "import seam\n\
         from seam import c_function\n\
         \n\
         {declaration}\n\
         \n\
         \n\
         @c_function\n\
         def glue_answer() -> int:\n    raise NotImplementedError\n\
         \n\
         \n\
         def main(argv: list[str]) -> int:\n    print(glue_answer())\n    return 0\n"
    )
}

#[test]
fn a_c_source_that_does_not_compile_names_the_module_and_the_compilers_error() {
    let dir = scratch(
        "syntax",
        &[
            (
                "main.py",
                &core_with("seam.c_library(sources=[\"glue.c\"])"),
            ),
            ("glue.c", "long glue_answer(void) { return 42 }\n"),
        ],
    );
    let out = seam(&dir, &["build-core", "main.py", "-o", "core"]);
    fails_with(
        &out,
        &[
            "seam: error: module 'main': the C source glue.c does not compile:",
            "glue.c:1:35: error: expected",
        ],
    );
    assert!(!dir.join("core").exists() && !dir.join("core.exports").exists());
}

#[test]
fn a_missing_header_is_the_compilers_error_and_an_include_dir_finds_it() {
    let dir = scratch(
        "header",
        &[
            (
                "main.py",
                &core_with("seam.c_library(sources=[\"glue.c\"])"),
            ),
            (
                "glue.c",
                "#include \"answer.h\"\nlong glue_answer(void) { return ANSWER; }\n",
            ),
            ("inc/answer.h", "#define ANSWER 42\n"),
        ],
    );
    let out = seam(&dir, &["build-core", "main.py", "-o", "core"]);
    fails_with(
        &out,
        &["module 'main': the C source", "answer.h: No such file"],
    );
    // The project says where the header is, for every module.
    let out = seam(
        &dir,
        &[
            "build-core",
            "main.py",
            "-o",
            "core",
            "--c-include-dir",
            "inc",
        ],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let run = Command::new(dir.join("core"))
        .output()
        .expect("running the core");
    assert_eq!(text(&run.stdout), "42\n");
    // The dependency file lists the C source and the header it included.
    let depfile = fs::read_to_string(dir.join("core.d")).expect("core.d");
    assert!(
        depfile.contains("glue.c") && depfile.contains("inc/answer.h"),
        "{depfile}"
    );
    // `seam py` compiles the same source with the same override.
    let out = seam(&dir, &["py", "--c-include-dir", "inc", "main.py"]);
    assert_eq!(text(&out.stdout), "42\n", "{}", text(&out.stderr));
}

#[test]
fn a_missing_library_fails_the_link_naming_the_module() {
    let dir = scratch(
        "library",
        &[
            (
                "main.py",
                &core_with(
                    "seam.c_library(sources=[\"glue.c\"], libraries=[\"seam_no_such_library\"])",
                ),
            ),
            ("glue.c", "long glue_answer(void) { return 42; }\n"),
        ],
    );
    let out = seam(&dir, &["build-core", "main.py", "-o", "core"]);
    fails_with(
        &out,
        &[
            "linking core failed (C code and libraries of module 'main'):",
            "seam_no_such_library",
        ],
    );
    let out = seam(&dir, &["py", "main.py"]);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("ImportError: module 'main': its C code does not build:")
            && stderr.contains("seam_no_such_library"),
        "{stderr}"
    );
}

#[test]
fn a_c_symbol_nobody_defines_fails_the_core_link_and_the_extension_load() {
    let core = "import seam\n\
        from seam import export, load_extension\n\
        \n\
        \n\
        @export\n\
        class Space:\n    pass\n\
        \n\
        \n\
        def main(argv: list[str]) -> int:\n    \
            try:\n        load_extension(\"ext\", Space())\n    \
            except ImportError as e:\n        print(e)\n    \
            return 0\n";
    let ext = "import seam\n\
        from seam import c_function\n\
        from main import Space\n\
        \n\
        seam.c_library(sources=[\"glue.c\"])\n\
        \n\
        \n\
        @c_function\n\
        def glue_missing() -> int:\n    raise NotImplementedError\n\
        \n\
        \n\
        def init_module(space: Space) -> None:\n    print(glue_missing())\n";
    let dir = scratch(
        "symbol",
        &[
            ("main.py", core),
            ("ext.py", ext),
            ("glue.c", "long glue_other(void) { return 1; }\n"),
        ],
    );
    // Linked into the core, the linker finds the symbol missing.
    let out = seam(
        &dir,
        &[
            "build-core",
            "main.py",
            "--static-ext",
            "ext.py",
            "-o",
            "static",
        ],
    );
    fails_with(&out, &["linking static failed", "glue_missing"]);
    // From a .so, loading it is an ImportError naming the symbol.
    let out = seam(&dir, &["build-core", "main.py", "-o", "core"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let out = seam(
        &dir,
        &[
            "build-ext",
            "ext.py",
            "--exports",
            "core.exports",
            "-o",
            "ext.so",
        ],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let run = Command::new(dir.join("core"))
        .current_dir(&dir)
        .output()
        .expect("running the core");
    let stdout = text(&run.stdout);
    assert!(
        stdout.starts_with("cannot load extension 'ext.so': ")
            && stdout.contains("it needs the symbol glue_missing, which neither this core"),
        "{stdout}"
    );
    // Untranslated, the first call is the ImportError.
    let out = seam(&dir, &["py", "main.py"]);
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("C function 'glue_missing' not found in module 'ext''s C code"),
        "{stdout}{}",
        text(&out.stderr)
    );
}

#[test]
fn seam_flags_prints_what_the_builds_use() {
    let dir = scratch("flags", &[]);
    fs::create_dir_all(&dir).expect("scratch");
    let out = seam(&dir, &["flags"]);
    assert!(out.status.success());
    let flags = text(&out.stdout);
    for var in [
        "SEAM_TARGET = ",
        "SEAM_CC = cc\n",
        "SEAM_AR = ar\n",
        "SEAM_CFLAGS = -O2 -fPIC\n",
        "SEAM_SHARED_LDFLAGS = -shared -nostartfiles",
        "SEAM_EXE_LIBS = -lm\n",
    ] {
        assert!(flags.contains(var), "{var:?} not in:\n{flags}");
    }
    let out = seam(&dir, &["flags", "--json"]);
    let json = text(&out.stdout);
    assert!(
        json.starts_with('{') && json.contains("\"cflags\":[\"-O2\",\"-fPIC\"]"),
        "{json}"
    );
}

/// The showcase (`examples/cproject`: a core and two modules wrapping
/// libqrencode and zlib) prints the same three ways, what `expected.stdout` holds.
#[test]
fn the_showcase_runs_three_ways() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/cproject");
    let expected = fs::read_to_string(root.join("expected.stdout")).expect("expected.stdout");
    let out_dir = scratch("showcase", &[]);
    fs::create_dir_all(&out_dir).expect("scratch");
    let out = |name: &str| out_dir.join(name).display().to_string();
    let check = |what: &str, output: Output| {
        assert!(output.status.success(), "{what}: {}", text(&output.stderr));
        assert_eq!(text(&output.stdout), expected, "{what}");
    };
    let seam_here = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_seam"))
            .args(args)
            .current_dir(&root)
            .env("SEAM_CACHE_DIR", out_dir.join("cache"))
            .output()
            .expect("running seam")
    };
    check("seam py", seam_here(&["py", "main.py"]));
    let built = seam_here(&[
        "build-core",
        "main.py",
        "--static-ext",
        "qr.py",
        "--static-ext",
        "zz.py",
        "-o",
        &out("static"),
    ]);
    assert!(built.status.success(), "{}", text(&built.stderr));
    check(
        "linked in",
        Command::new(out_dir.join("static")).output().expect("run"),
    );
    let built = seam_here(&["build-core", "main.py", "-o", &out("core")]);
    assert!(built.status.success(), "{}", text(&built.stderr));
    for m in ["qr", "zz"] {
        let built = seam_here(&[
            "build-ext",
            &format!("{m}.py"),
            "--exports",
            &out("core.exports"),
            "-o",
            &out(&format!("{m}.so")),
        ]);
        assert!(built.status.success(), "{}", text(&built.stderr));
    }
    check(
        ".so files",
        Command::new(out_dir.join("core"))
            .arg(&out_dir)
            .env("SEAM_GC_STRESS", "1")
            .output()
            .expect("run"),
    );
}

/// The showcase's Makefile builds its C glue out of tree with what `seam flags`
/// prints, and its C test passes.
#[test]
fn seam_flags_drives_the_showcases_out_of_tree_c_build() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/cproject");
    let out_dir = scratch("make", &[]);
    let make = Command::new("make")
        .arg("-C")
        .arg(&root)
        .arg("check")
        .arg(format!("SEAM={}", env!("CARGO_BIN_EXE_seam")))
        .arg(format!("OUT={}", out_dir.join("c").display()))
        .output()
        .expect("running make (install it: apt-get install make)");
    let stdout = text(&make.stdout);
    assert!(make.status.success(), "{stdout}{}", text(&make.stderr));
    assert!(stdout.contains("glue_test: ok"), "{stdout}");
    // The objects were compiled with the flags the builds use.
    let flags = text(&seam(&out_dir, &["flags"]).stdout);
    let cflags = flags
        .lines()
        .find_map(|l| l.strip_prefix("SEAM_CFLAGS = "))
        .expect("SEAM_CFLAGS");
    assert!(
        stdout.contains(&format!("cc {cflags} -c qr_glue.c")),
        "{stdout}"
    );
}

/// The showcase built from its `seam.toml` by `seam build`: everything built,
/// then nothing translated; a change in one module's C glue rebuilds that
/// module alone; `seam run` prints what `expected.stdout` holds.
#[test]
fn the_showcase_builds_from_its_manifest_and_its_c_sources_key_the_cache() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/cproject");
    let expected = fs::read_to_string(root.join("expected.stdout")).expect("expected.stdout");
    let files: Vec<(String, String)> = fs::read_dir(&root)
        .expect("examples/cproject")
        .map(|e| e.expect("entry").path())
        .filter(|p| {
            matches!(
                p.extension().and_then(|e| e.to_str()),
                Some("py" | "c" | "toml")
            )
        })
        .map(|p| {
            let name = p
                .file_name()
                .expect("a name")
                .to_string_lossy()
                .into_owned();
            (name, fs::read_to_string(&p).expect("reading a file"))
        })
        .collect();
    let borrowed: Vec<(&str, &str)> = files
        .iter()
        .map(|(n, t)| (n.as_str(), t.as_str()))
        .collect();
    let dir = scratch("manifest", &borrowed);
    let build = |what: &str| {
        let out = seam(&dir, &["build"]);
        assert!(out.status.success(), "{what}: {}", text(&out.stderr));
        text(&out.stdout)
    };
    assert_eq!(
        build("cold"),
        "built core build/showcase\nbuilt extension build/qr.so\nbuilt extension build/zz.so\n"
    );
    assert_eq!(
        build("again"),
        "cached core build/showcase\ncached extension build/qr.so\ncached extension build/zz.so\n"
    );
    let glue = dir.join("zz_glue.c");
    let mut c = fs::read_to_string(&glue).expect("zz_glue.c");
    c.push_str("/* a change the cache must see */\n");
    fs::write(&glue, c).expect("writing zz_glue.c");
    assert_eq!(
        build("C changed"),
        "cached core build/showcase\ncached extension build/qr.so\nbuilt extension build/zz.so\n"
    );
    let run = seam(&dir, &["run"]);
    assert!(run.status.success(), "{}", text(&run.stderr));
    assert_eq!(text(&run.stdout), expected);

    // A change to the module's Seam source alone rebuilds the module but
    // takes its C object from the cache: a `cc` that logs its arguments
    // sees the link, not the compilation.
    let bin = dir.join("bin");
    fs::create_dir_all(&bin).expect("bin");
    let log = dir.join("cc.log");
    let real_cc = String::from_utf8(
        Command::new("sh")
            .args(["-c", "command -v cc"])
            .output()
            .expect("sh")
            .stdout,
    )
    .expect("a path");
    let wrapper = bin.join("cc");
    fs::write(
        &wrapper,
        format!(
            "#!/bin/sh\necho \"$*\" >> '{}'\nexec '{}' \"$@\"\n",
            log.display(),
            real_cc.trim()
        ),
    )
    .expect("writing the cc wrapper");
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(&wrapper, fs::Permissions::from_mode(0o755)).expect("chmod");
    let module = dir.join("zz.py");
    let mut py = fs::read_to_string(&module).expect("zz.py");
    py.push_str("# a change to the Seam side only\n");
    fs::write(&module, py).expect("writing zz.py");
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let out = Command::new(env!("CARGO_BIN_EXE_seam"))
        .arg("build")
        .current_dir(&dir)
        .env("SEAM_CACHE_DIR", dir.join("cache"))
        .env("PATH", path)
        .output()
        .expect("running seam");
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stdout),
        "cached core build/showcase\ncached extension build/qr.so\nbuilt extension build/zz.so\n"
    );
    let calls = fs::read_to_string(&log).unwrap_or_default();
    assert!(
        calls.contains("-shared"),
        "the module was not linked: {calls}"
    );
    assert!(
        !calls.contains("-c "),
        "a C source was compiled again: {calls}"
    );
}
