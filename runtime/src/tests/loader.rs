//! The extension loader against hand-made descriptors: linked-in extensions
//! (no `.so` needed) for id assignment, checks and initialisers, and small
//! libraries built with `cc` for the mapper (`mapper.rs`).

use super::{TestClass, exc, register_classes, take_exc, test_class, with_gc};
use crate::class::new_instance;
use crate::error::{ExcKind, raise};
use crate::gcglue::{Roots, set_word, word};
use crate::layout::{
    CLASS_FLAG_FINAL, CLASS_FLAGS, CLASS_ID, CLASS_MAX, CLASS_SLACK_START, EXT_LAYOUT_VERSION,
};
use crate::loader::{
    LoadError, seam_load_extension, seam_register_static_extensions, set_core_fingerprint_for_tests,
};
use crate::strobj::{new_str, str_as_str};
use std::ffi::{CString, c_char};
use std::ptr::{null, null_mut};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

/// The fingerprint the tests' core claims, and their extensions carry.
const FP: &str = "0123456789abcdef0123456789abcdef";

/// An extension descriptor laid out as `seam_abi::layout::EXT_*` says.
#[repr(C)]
struct TestExt {
    version: i64,
    fingerprint: *const c_char,
    name: *const c_char,
    class_count: i64,
    classes: *const *mut u8,
    root_count: i64,
    roots: *const *mut *mut u8,
    init_globals: Option<unsafe extern "C" fn()>,
    init_module: Option<unsafe extern "C" fn(*mut u8)>,
    space_class: *const u8,
    provides: *const c_char,
    depend_count: i64,
    depends: *const *const c_char,
}

/// What a test extension is made of; everything else defaults to empty.
struct Ext {
    fingerprint: &'static str,
    classes: Vec<*const u8>,
    roots: Vec<*mut *mut u8>,
    init_globals: Option<unsafe extern "C" fn()>,
    init_module: Option<unsafe extern "C" fn(*mut u8)>,
    space_class: *const u8,
    /// The fingerprint of its own exports.
    provides: &'static str,
    /// The extensions it was built against: (name, exports fingerprint).
    depends: Vec<(&'static str, &'static str)>,
}

impl Default for Ext {
    fn default() -> Ext {
        Ext {
            fingerprint: FP,
            classes: Vec::new(),
            roots: Vec::new(),
            init_globals: None,
            init_module: None,
            space_class: null(),
            provides: "",
            depends: Vec::new(),
        }
    }
}

fn leak_c(s: &str) -> *const c_char {
    CString::new(s).expect("no NUL").into_raw()
}

/// Builds a leaked descriptor for `ext` and links it in under `name`.
fn link(name: &str, ext: Ext) -> *const u8 {
    let classes: &'static [*mut u8] =
        Vec::leak(ext.classes.iter().map(|&c| c.cast_mut()).collect());
    let roots: &'static [*mut *mut u8] = Vec::leak(ext.roots);
    let depends: &'static [*const c_char] = Vec::leak(
        ext.depends
            .iter()
            .flat_map(|&(n, fp)| [leak_c(n), leak_c(fp)])
            .collect(),
    );
    let desc = Box::into_raw(Box::new(TestExt {
        version: EXT_LAYOUT_VERSION,
        fingerprint: leak_c(ext.fingerprint),
        name: leak_c(name),
        class_count: classes.len() as i64,
        classes: classes.as_ptr(),
        root_count: roots.len() as i64,
        roots: roots.as_ptr(),
        init_globals: ext.init_globals,
        init_module: ext.init_module,
        space_class: ext.space_class,
        provides: leak_c(ext.provides),
        depend_count: ext.depends.len() as i64,
        depends: depends.as_ptr(),
    }))
    .cast_const()
    .cast::<u8>();
    let table = [leak_c(name).cast::<u8>(), desc];
    // SAFETY: one pair of a C string and an extension descriptor, both leaked.
    unsafe { seam_register_static_extensions(table.as_ptr(), 1) };
    desc
}

/// A core class with ids `[id, max)` whose slack starts at `slack_start`.
fn core_class(name: &str, parent: *const u8, id: i64, slack_start: i64, max: i64) -> *const u8 {
    let c = test_class(name, parent.cast::<TestClass>(), 16, false);
    // SAFETY: `c` is a leaked, writable test descriptor.
    unsafe {
        set_word(c.cast_mut(), CLASS_ID, id as u64);
        set_word(c.cast_mut(), CLASS_MAX, max as u64);
        set_word(c.cast_mut(), CLASS_SLACK_START, slack_start as u64);
    }
    c
}

/// An extension class (ids to be assigned by the loader).
fn ext_class(name: &str, parent: *const u8) -> *const u8 {
    test_class(name, parent.cast::<TestClass>(), 16, false)
}

/// `(class_id, class_max, slack_start)` of a descriptor.
fn ids(c: *const u8) -> (i64, i64, i64) {
    // SAFETY: `c` is a test descriptor.
    unsafe {
        (
            word(c.cast_mut(), CLASS_ID) as i64,
            word(c.cast_mut(), CLASS_MAX) as i64,
            word(c.cast_mut(), CLASS_SLACK_START) as i64,
        )
    }
}

/// Calls `load_extension(path, space)` and takes the exception it left.
fn load(roots: &Roots, path: &str, space: *mut u8) -> Option<(String, String)> {
    let p = roots.push(new_str(path));
    // SAFETY: `p` is a live str; `space` null or live.
    unsafe { seam_load_extension(p, space) };
    take_exc()
}

/// Prepares a loader test: builtin classes registered, the core fingerprint [`FP`].
fn setup() {
    register_classes();
    set_core_fingerprint_for_tests(Some(FP));
}

fn import_error(msg: &str) -> Option<(String, String)> {
    exc("ImportError", msg)
}

#[test]
fn class_ids_nest_inside_the_base_slack() {
    with_gc(false, |roots| {
        setup();
        let base = core_class("main.Base", null(), 10, 12, 20);
        let a = ext_class("nest.A", base);
        let b = ext_class("nest.B", a);
        let c = ext_class("nest.C", a);
        let d = ext_class("nest.D", b);
        let e = ext_class("nest.E", base);
        let top = ext_class("nest.Top", null());
        link(
            "nest",
            Ext {
                classes: vec![a, b, c, d, e, top],
                ..Ext::default()
            },
        );
        assert_eq!(load(roots, "exts/nest", null_mut()), None);
        // A's block holds A, B (with D) and C; each block is exactly used up.
        assert_eq!(ids(a), (12, 16, 16));
        assert_eq!(ids(b), (13, 15, 15));
        assert_eq!(ids(d), (14, 15, 15));
        assert_eq!(ids(c), (15, 16, 16));
        assert_eq!(ids(e), (16, 17, 17));
        assert_eq!(ids(top), (1 << 32, (1 << 32) + 1, (1 << 32) + 1));
        // The core's descriptor is never written.
        assert_eq!(ids(base), (10, 20, 12));

        // A second extension continues where the first stopped.
        let f = ext_class("nest2.F", base);
        let top2 = ext_class("nest2.Top", null());
        link(
            "nest2",
            Ext {
                classes: vec![f, top2],
                ..Ext::default()
            },
        );
        assert_eq!(load(roots, "nest2", null_mut()), None);
        assert_eq!(ids(f), (17, 18, 18));
        assert_eq!(ids(top2).0, (1 << 32) + 1);
    });
}

#[test]
fn exhausted_slack_names_the_class_and_the_base() {
    with_gc(false, |roots| {
        setup();
        let base = core_class("main.Small", null(), 30, 31, 34);
        let first = ext_class("full1.X", base);
        link(
            "full1",
            Ext {
                classes: vec![first],
                ..Ext::default()
            },
        );
        assert_eq!(load(roots, "full1", null_mut()), None);
        assert_eq!(ids(first), (31, 32, 32));

        let a = ext_class("full2.A", base);
        let b = ext_class("full2.B", a);
        let c = ext_class("full2.C", base);
        link(
            "full2",
            Ext {
                classes: vec![a, b, c],
                ..Ext::default()
            },
        );
        assert_eq!(
            load(roots, "full2", null_mut()),
            import_error(
                "cannot load extension 'full2': no class ids left for full2.C: its base class \
                 main.Small has a slack of 3 ids, 1 already taken by other extensions, and this \
                 extension needs 3; raise @export(slack=N) on main.Small in the core (N >= 4)"
            )
        );
        // The failed load consumed nothing: the remaining two ids are still free.
        let g = ext_class("full3.G", base);
        let h = ext_class("full3.H", base);
        link(
            "full3",
            Ext {
                classes: vec![g, h],
                ..Ext::default()
            },
        );
        assert_eq!(load(roots, "full3", null_mut()), None);
        assert_eq!((ids(g).0, ids(h).0), (32, 33));
    });
}

#[test]
fn final_base_classes_and_misordered_descriptors_are_refused() {
    with_gc(false, |roots| {
        setup();
        let fin = core_class("main.Leaf", null(), 40, 41, 41);
        // SAFETY: a leaked, writable test descriptor.
        unsafe { set_word(fin.cast_mut(), CLASS_FLAGS, CLASS_FLAG_FINAL) };
        link(
            "fin",
            Ext {
                classes: vec![ext_class("fin.Sub", fin)],
                ..Ext::default()
            },
        );
        assert_eq!(
            load(roots, "fin", null_mut()),
            import_error(
                "cannot load extension 'fin': class fin.Sub subclasses main.Leaf, which is final"
            )
        );

        let base = core_class("main.Open", null(), 50, 51, 60);
        let parent = ext_class("order.P", base);
        let child = ext_class("order.C", parent);
        link(
            "order",
            Ext {
                classes: vec![child, parent],
                ..Ext::default()
            },
        );
        assert_eq!(
            load(roots, "order", null_mut()),
            import_error(
                "cannot load extension 'order': malformed extension descriptor (class order.C \
                 is listed before its base class order.P); this is a bug in seam build-ext"
            )
        );
    });
}

#[test]
fn a_fingerprint_mismatch_names_both_and_says_to_rebuild() {
    with_gc(false, |roots| {
        setup();
        link(
            "stale",
            Ext {
                fingerprint: "fedcba9876543210fedcba9876543210",
                ..Ext::default()
            },
        );
        assert_eq!(
            load(roots, "stale", null_mut()),
            import_error(
                "cannot load extension 'stale': it was built against core exports \
                 fedcba9876543210…, but this core's are 0123456789abcdef…; rebuild the \
                 extension with seam build-ext"
            )
        );
        // Still refused the second time: a failed load is not remembered as loaded.
        assert!(load(roots, "stale", null_mut()).is_some());
    });
}

#[test]
fn an_extension_loads_only_after_the_extensions_it_was_built_against() {
    with_gc(false, |roots| {
        setup();
        link(
            "layer_top",
            Ext {
                depends: vec![("layer_base", "b1")],
                ..Ext::default()
            },
        );
        link(
            "layer_stale",
            Ext {
                depends: vec![("layer_base", "b0")],
                ..Ext::default()
            },
        );
        assert_eq!(
            load(roots, "layer_top", null_mut()),
            import_error(
                "cannot load extension 'layer_top': ImportError: extension 'layer_base' is not \
                 loaded: load it before the extensions that import it"
            )
        );
        link(
            "layer_base",
            Ext {
                provides: "b1",
                ..Ext::default()
            },
        );
        assert_eq!(load(roots, "layer_base", null_mut()), None);
        assert_eq!(load(roots, "layer_top", null_mut()), None);
        assert_eq!(
            load(roots, "layer_stale", null_mut()),
            import_error(
                "cannot load extension 'layer_stale': it was built against exports b0 of \
                 extension 'layer_base', but the loaded 'layer_base' exports b1; rebuild it with \
                 seam build-ext"
            )
        );
    });
}

#[test]
fn an_extension_class_reserves_its_slack_for_later_extensions() {
    with_gc(false, |roots| {
        setup();
        let base = core_class("slack.Base", null(), 100, 101, 200);
        let mid = ext_class("slack.Mid", base);
        let leaf = ext_class("slack.Leaf", mid);
        // Before registration, an extension class's slack word is the slack it reserves.
        // SAFETY: leaked, writable test descriptors.
        unsafe { set_word(mid.cast_mut(), CLASS_SLACK_START, 10) };
        link(
            "slack_mid",
            Ext {
                classes: vec![mid, leaf],
                ..Ext::default()
            },
        );
        assert_eq!(load(roots, "slack_mid", null_mut()), None);
        // Mid: itself, Leaf, then its 10 ids of slack.
        assert_eq!(ids(mid), (101, 113, 103));
        assert_eq!(ids(leaf), (102, 103, 103));
        let top = ext_class("slack.Top", mid);
        link(
            "slack_top",
            Ext {
                classes: vec![top],
                ..Ext::default()
            },
        );
        assert_eq!(load(roots, "slack_top", null_mut()), None);
        assert_eq!(ids(top), (103, 104, 104));
        // Mid's slack runs out like a core class's, and the message says whose class it is.
        let big = ext_class("slack.Big", mid);
        let bigger = ext_class("slack.Bigger", big);
        // SAFETY: leaked, writable test descriptors.
        unsafe { set_word(big.cast_mut(), CLASS_SLACK_START, 9) };
        link(
            "slack_big",
            Ext {
                classes: vec![big, bigger],
                ..Ext::default()
            },
        );
        assert_eq!(
            load(roots, "slack_big", null_mut()),
            import_error(
                "cannot load extension 'slack_big': no class ids left for slack.Big: its base \
                 class slack.Mid has a slack of 10 ids, 1 already taken by other extensions, \
                 and this extension needs 11; raise @export(slack=N) on slack.Mid in extension \
                 'slack_mid' (N >= 12)"
            )
        );
    });
}

#[test]
fn fingerprints_are_shortened_only_while_they_stay_distinct() {
    let msg = |ext: &str, core: &str| {
        LoadError::Fingerprint {
            file: "e.so".into(),
            extension: ext.into(),
            core: core.into(),
        }
        .to_string()
    };
    let a = "0123456789abcdef0000";
    let b = "0123456789abcdef1111";
    assert!(msg(a, b).contains(&format!(
        "against core exports {a}, but this core's are {b};"
    )));
    assert!(msg("abc", "def").contains("against core exports abc, but this core's are def;"));
}

#[test]
fn a_program_without_a_core_fingerprint_refuses_extensions() {
    with_gc(false, |roots| {
        setup();
        // The unit tests' executable defines no `seam_core_fingerprint`.
        set_core_fingerprint_for_tests(None);
        link("nofp", Ext::default());
        let result = load(roots, "nofp", null_mut());
        set_core_fingerprint_for_tests(Some(FP));
        let (class, msg) = result.expect("an error");
        assert_eq!(class, "ImportError");
        assert!(
            msg.starts_with(
                "cannot load extension 'nofp': this program exports no core fingerprint \
                 (symbol seam_core_fingerprint: no such dynamic symbol)"
            ),
            "{msg}"
        );
    });
}

#[test]
fn a_wrong_layout_version_is_refused() {
    with_gc(false, |roots| {
        setup();
        let desc = link("v2", Ext::default());
        // SAFETY: the leaked, writable test descriptor.
        unsafe { set_word(desc.cast_mut(), 0, 1) };
        assert_eq!(
            load(roots, "v2", null_mut()),
            import_error(
                "cannot load extension 'v2': its descriptor has layout version 1, but this \
                 runtime reads version 2; rebuild the extension with seam build-ext"
            )
        );
    });
}

static TWICE_GLOBALS: AtomicUsize = AtomicUsize::new(0);
static TWICE_MODULE: AtomicUsize = AtomicUsize::new(0);
static TWICE_SPACE: AtomicUsize = AtomicUsize::new(0);

extern "C" fn twice_globals() {
    TWICE_GLOBALS.fetch_add(1, Ordering::SeqCst);
}

extern "C" fn twice_module(space: *mut u8) {
    TWICE_MODULE.fetch_add(1, Ordering::SeqCst);
    TWICE_SPACE.store(space as usize, Ordering::SeqCst);
}

#[test]
fn loading_twice_is_a_no_op_and_initialisers_run_in_order() {
    with_gc(true, |roots| {
        setup();
        let space_class = core_class("main.Space", null(), 60, 61, 70);
        let space = roots.push(
            // SAFETY: a test class descriptor.
            unsafe { new_instance(space_class) },
        );
        let cls = ext_class("twice.K", space_class);
        link(
            "twice",
            Ext {
                classes: vec![cls],
                init_globals: Some(twice_globals),
                init_module: Some(twice_module),
                space_class,
                ..Ext::default()
            },
        );
        assert_eq!(load(roots, "a/twice", space), None);
        assert_eq!(TWICE_GLOBALS.load(Ordering::SeqCst), 1);
        assert_eq!(TWICE_MODULE.load(Ordering::SeqCst), 1);
        assert_eq!(TWICE_SPACE.load(Ordering::SeqCst), space as usize);
        assert_eq!(ids(cls).0, 61);
        // The same stem from another directory is the same extension.
        assert_eq!(load(roots, "twice", space), None);
        assert_eq!(load(roots, "b/twice", null_mut()), None);
        assert_eq!(TWICE_GLOBALS.load(Ordering::SeqCst), 1);
        assert_eq!(TWICE_MODULE.load(Ordering::SeqCst), 1);
        assert_eq!(ids(cls).0, 61, "ids are assigned once");
    });
}

static SPACE_MODULE: AtomicUsize = AtomicUsize::new(0);

extern "C" fn space_module(_: *mut u8) {
    SPACE_MODULE.fetch_add(1, Ordering::SeqCst);
}

#[test]
fn the_space_must_be_an_instance_of_the_space_class() {
    with_gc(false, |roots| {
        setup();
        let space_class = core_class("main.ObjSpace", null(), 80, 82, 90);
        let sub = core_class("main.StdObjSpace", space_class, 81, 82, 82);
        let other = core_class("main.Other", null(), 90, 91, 91);
        link(
            "spacey",
            Ext {
                init_module: Some(space_module),
                space_class,
                ..Ext::default()
            },
        );
        // SAFETY: test class descriptors.
        let (wrong, right) = unsafe { (new_instance(other), new_instance(sub)) };
        roots.push(wrong);
        roots.push(right);
        let expected = |got: &str| {
            import_error(&format!(
                "extension 'spacey' expects a main.ObjSpace for init_module, got {got}"
            ))
        };
        assert_eq!(load(roots, "spacey", wrong), expected("main.Other"));
        let s = roots.push(new_str("not a space"));
        assert_eq!(load(roots, "spacey", s), expected("str"));
        assert_eq!(load(roots, "spacey", null_mut()), expected("None"));
        assert_eq!(SPACE_MODULE.load(Ordering::SeqCst), 0);
        // A subclass instance passes the range test.
        assert_eq!(load(roots, "spacey", right), None);
        assert_eq!(SPACE_MODULE.load(Ordering::SeqCst), 1);
    });
}

static FAIL_GLOBALS: AtomicBool = AtomicBool::new(true);
static FAIL_MODULE: AtomicBool = AtomicBool::new(true);
static FLAKY_GLOBALS: AtomicUsize = AtomicUsize::new(0);
static FLAKY_MODULE: AtomicUsize = AtomicUsize::new(0);

extern "C" fn flaky_globals() {
    FLAKY_GLOBALS.fetch_add(1, Ordering::SeqCst);
    if FAIL_GLOBALS.load(Ordering::SeqCst) {
        raise(ExcKind::ValueError, "bad global");
    }
}

extern "C" fn flaky_module(_: *mut u8) {
    FLAKY_MODULE.fetch_add(1, Ordering::SeqCst);
    if FAIL_MODULE.load(Ordering::SeqCst) {
        raise(ExcKind::RuntimeError, "init failed");
    }
}

#[test]
fn exceptions_from_initialisers_become_import_errors_and_a_retry_runs_them_again() {
    with_gc(true, |roots| {
        setup();
        let base = core_class("main.Flaky", null(), 100, 101, 110);
        let cls = ext_class("flaky.K", base);
        link(
            "flaky",
            Ext {
                classes: vec![cls],
                init_globals: Some(flaky_globals),
                init_module: Some(flaky_module),
                ..Ext::default()
            },
        );
        assert_eq!(
            load(roots, "flaky", null_mut()),
            exc(
                "ImportError",
                "cannot load extension 'flaky': ValueError: bad global"
            )
        );
        assert_eq!(
            FLAKY_MODULE.load(Ordering::SeqCst),
            0,
            "init_module not run"
        );
        FAIL_GLOBALS.store(false, Ordering::SeqCst);
        assert_eq!(
            load(roots, "flaky", null_mut()),
            exc(
                "ImportError",
                "cannot load extension 'flaky': RuntimeError: init failed"
            )
        );
        FAIL_MODULE.store(false, Ordering::SeqCst);
        assert_eq!(load(roots, "flaky", null_mut()), None);
        assert_eq!(FLAKY_GLOBALS.load(Ordering::SeqCst), 3);
        assert_eq!(FLAKY_MODULE.load(Ordering::SeqCst), 2);
        // The classes were registered once, by the first attempt.
        assert_eq!(ids(cls), (101, 102, 102));
        assert_eq!(load(roots, "flaky", null_mut()), None);
        assert_eq!(FLAKY_GLOBALS.load(Ordering::SeqCst), 3);
    });
}

static mut ROOT_SLOT: *mut u8 = null_mut();

extern "C" fn rooted_globals() {
    // SAFETY: the slot is registered as a root before this runs.
    unsafe { ROOT_SLOT = new_str("kept alive by the root") };
}

#[test]
fn static_roots_are_registered_before_the_initialisers() {
    with_gc(true, |roots| {
        setup();
        link(
            "rooted",
            Ext {
                roots: vec![&raw mut ROOT_SLOT],
                init_globals: Some(rooted_globals),
                ..Ext::default()
            },
        );
        assert_eq!(load(roots, "rooted", null_mut()), None);
        // Stress mode collects at each of these allocations.
        for _ in 0..20 {
            roots.push(new_str("garbage"));
        }
        // SAFETY: the slot holds a str kept alive by its root.
        assert_eq!(unsafe { str_as_str(ROOT_SLOT) }, "kept alive by the root");
    });
}

static NESTED_RUNS: AtomicUsize = AtomicUsize::new(0);

extern "C" fn nested_module(_: *mut u8) {
    NESTED_RUNS.fetch_add(1, Ordering::SeqCst);
    let p = new_str("nested");
    let roots = Roots::new();
    roots.push(p);
    // SAFETY: `p` is a live, rooted str.
    unsafe { seam_load_extension(p, null_mut()) };
}

#[test]
fn loading_an_extension_from_its_own_init_module_is_a_no_op() {
    with_gc(false, |roots| {
        setup();
        link(
            "nested",
            Ext {
                init_module: Some(nested_module),
                ..Ext::default()
            },
        );
        assert_eq!(load(roots, "nested", null_mut()), None);
        assert_eq!(NESTED_RUNS.load(Ordering::SeqCst), 1);
    });
}

// ---- from files ----

/// A fresh scratch directory for this test.
fn scratch(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("seam-loader-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch directory");
    dir
}

/// How a test library is linked.
#[derive(Clone, Copy, PartialEq)]
enum Link {
    /// As any C library: `cc -shared -fPIC` (the C library, start files, constructors).
    Plain,
    /// As `seam build-ext` links: no start files or C library, every symbol
    /// hidden but `init_module`.
    Seam,
}

/// Compiles C source `src` into the shared library `dir/stem.so`.
fn build_so(dir: &std::path::Path, stem: &str, src: &str, link: Link) -> std::path::PathBuf {
    let c = dir.join(format!("{stem}.c"));
    std::fs::write(&c, src).expect("write C source");
    let so = dir.join(format!("{stem}.so"));
    let mut cc = std::process::Command::new("cc");
    cc.args(["-shared", "-fPIC", "-O1", "-o"]).arg(&so).arg(&c);
    if link == Link::Seam {
        cc.args(["-nostdlib", "-fvisibility=hidden", "-Wl,-z,now"]);
    }
    let out = cc.output().expect("run cc");
    assert!(
        out.status.success(),
        "cc: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    so
}

/// A C extension `NAME` built against `FINGERPRINT`, with no classes;
/// `init_globals` counts its runs, `init_module` counts in `module_runs`.
const C_EXTENSION: &str = r#"
struct ext {
    long version; const char *fingerprint; const char *name;
    long class_count; void **classes; long root_count; void **roots;
    void (*init_globals)(void); void (*init_module)(void *); void *space_class;
    const char *provides; long depend_count; const char **depends;
};
int runs;
int module_runs;
static void init_globals(void) { runs++; }
__attribute__((visibility("default"))) void init_module(void *space) { (void)space; module_runs++; }
__attribute__((section("seam_ext"))) struct ext seam_ext__NAME = {
    2, "FINGERPRINT", "NAME", 0, 0, 0, 0, init_globals, init_module, 0, "", 0, 0
};
"#;

fn c_extension(name: &str, fingerprint: &str) -> String {
    C_EXTENSION
        .replace("NAME", name)
        .replace("FINGERPRINT", fingerprint)
}

/// The int at symbol `name` of the extension file `so`, as mapped.
fn mapped_int(so: &std::path::Path, name: &str) -> i32 {
    let address = crate::loader::mapped_symbol_for_tests(so, name).expect("symbol mapped");
    // SAFETY: the symbol is an int of the mapped extension, which stays mapped.
    unsafe { *(address as *const i32) }
}

/// The permissions of the process's mappings, one `rwxp` string per mapping
/// with its range, from /proc/self/maps.
fn mappings() -> Vec<(usize, usize, String)> {
    let maps = std::fs::read_to_string("/proc/self/maps").unwrap_or_default();
    maps.lines()
        .filter_map(|l| {
            let mut parts = l.split_whitespace();
            let range = parts.next()?;
            let perms = parts.next()?.to_owned();
            let (a, b) = range.split_once('-')?;
            Some((
                usize::from_str_radix(a, 16).ok()?,
                usize::from_str_radix(b, 16).ok()?,
                perms,
            ))
        })
        .collect()
}

#[test]
fn extensions_are_mapped_near_the_core_without_writable_code() {
    with_gc(false, |roots| {
        setup();
        let dir = scratch("so");
        let so = build_so(&dir, "cext", &c_extension("cext", FP), Link::Seam);
        let path = dir.join("cext").display().to_string();
        assert_eq!(load(roots, &path, null_mut()), None);
        // Another spelling of the same file is the same extension.
        let again = dir.join(".").join("cext").display().to_string();
        assert_eq!(load(roots, &again, null_mut()), None);
        assert_eq!(mapped_int(&so, "runs"), 1);
        assert_eq!(mapped_int(&so, "module_runs"), 1);
        // Near the core's code: within 2 GB of this test program's text.
        let init = crate::loader::mapped_symbol_for_tests(&so, "init_module").expect("mapped");
        let here = seam_load_extension as *const () as usize;
        assert!(init.abs_diff(here) < 2 << 30, "{init:#x} vs {here:#x}");
        let maps = mappings();
        let (_, _, perms) = maps
            .iter()
            .find(|(a, b, _)| (*a..*b).contains(&init))
            .expect("init_module is mapped");
        assert_eq!(&perms[..3], "r-x", "init_module's page");
        // Nothing the mapper made is writable and executable at once.
        let base = crate::loader::mapped_symbol_for_tests(&so, "seam_ext__cext").expect("mapped");
        for (a, b, perms) in &maps {
            if a.abs_diff(base) < 1 << 20 || b.abs_diff(base) < 1 << 20 {
                assert!(!(perms.contains('w') && perms.contains('x')), "{perms}");
            }
        }
        let _ = std::fs::remove_dir_all(&dir);
    });
}

/// A library whose constructor writes `MARKER`: loading it must not run it.
const CONSTRUCTOR: &str = r#"
#include <stdio.h>
__attribute__((constructor)) static void mark(void) {
    FILE *f = fopen("MARKER", "w");
    if (f) { fputs("the constructor ran\n", f); fclose(f); }
}
int foreign_answer(void) { return 42; }
"#;

#[test]
fn no_code_of_a_file_runs_before_it_is_verified() {
    with_gc(false, |roots| {
        setup();
        let dir = scratch("ctor");
        let marker = dir.join("marker");
        let ctor = CONSTRUCTOR.replace("MARKER", &marker.display().to_string());
        build_so(&dir, "pwn", &ctor, Link::Plain);
        let pwn = dir.join("pwn").display().to_string();
        let (class, msg) = load(roots, &pwn, null_mut()).expect("an error");
        assert_eq!(class, "ImportError");
        assert_eq!(
            msg,
            format!("cannot load extension '{pwn}.so': not a Seam extension (no section seam_ext)")
        );
        // A file shaped like an extension but with a constructor is refused too.
        let both = format!("{}\n{ctor}", c_extension("both", FP));
        build_so(&dir, "both", &both, Link::Plain);
        let both = dir.join("both").display().to_string();
        let (class, msg) = load(roots, &both, null_mut()).expect("an error");
        assert_eq!(class, "ImportError");
        assert!(
            msg.starts_with(&format!("cannot load extension '{both}.so': unsupported shared library: it has ELF constructors")),
            "{msg}"
        );
        assert!(!marker.exists(), "a constructor ran");
        let _ = std::fs::remove_dir_all(&dir);
    });
}

#[test]
fn truncated_and_tampered_files_are_import_errors() {
    with_gc(false, |roots| {
        setup();
        let dir = scratch("tamper");
        let so = build_so(&dir, "good", &c_extension("good", FP), Link::Seam);
        let bytes = std::fs::read(&so).expect("read");
        let image = crate::elf::Image::parse(&bytes).expect("parses");
        let kinds: std::collections::BTreeSet<&str> = image
            .relocations()
            .expect("relocations")
            .iter()
            .map(|r| crate::elf::reloc_name(r.kind).unwrap_or("?"))
            .collect();
        assert_eq!(kinds, ["64", "RELATIVE"].into_iter().collect());
        let attempt = |stem: &str, bytes: &[u8]| {
            let mut bytes = bytes.to_vec();
            // The stem is in the descriptor's name only: any stem loads.
            std::fs::write(dir.join(format!("{stem}.so")), &mut bytes).expect("write");
            let path = dir.join(stem).display().to_string();
            let (class, msg) = load(roots, &path, null_mut()).expect("an error");
            assert_eq!(class, "ImportError");
            let prefix = format!("cannot load extension '{path}.so': ");
            assert!(msg.starts_with(&prefix), "{msg}");
            msg[prefix.len()..].to_owned()
        };
        for len in [0, 63, 64, 200, bytes.len() / 2, bytes.len() - 1] {
            let cause = attempt(&format!("cut{len}"), &bytes[..len]);
            assert!(
                cause.starts_with("not a shared library")
                    || cause.starts_with("malformed shared library")
                    || cause.starts_with("not a Seam extension"),
                "{len}: {cause}"
            );
        }
        let mut machine = bytes.clone();
        machine[18] = 40; // EM_ARM
        assert_eq!(
            attempt("machine", &machine),
            "not a shared library: built for another machine"
        );
        // A relocation of a type the mapper does not apply (R_X86_64_COPY, 5),
        // in each entry in turn: the verifier or the mapper names it.
        let mut causes = Vec::new();
        for (i, at) in image.relocation_file_offsets().into_iter().enumerate() {
            let mut reloc = bytes.clone();
            reloc[at + 8] = 5;
            let cause = attempt(&format!("reloc{i}"), &reloc);
            assert!(
                cause.contains("relocation of type 5") || cause.contains("relocation type 5"),
                "{cause}"
            );
            causes.push(cause);
        }
        assert!(
            causes
                .iter()
                .any(|c| c.starts_with("unsupported shared library: relocation type 5 at ")),
            "{causes:?}"
        );
        let _ = std::fs::remove_dir_all(&dir);
    });
}

#[test]
fn files_that_are_not_extensions_are_import_errors() {
    with_gc(false, |roots| {
        setup();
        let dir = scratch("bad");
        let missing = dir.join("missing").display().to_string();
        assert_eq!(
            load(roots, &missing, null_mut()),
            import_error(&format!(
                "cannot load extension '{missing}.so': no such file"
            ))
        );

        std::fs::write(dir.join("garbage.so"), "not an ELF file").expect("write");
        let garbage = dir.join("garbage").display().to_string();
        let (class, msg) = load(roots, &garbage, null_mut()).expect("an error");
        assert_eq!(class, "ImportError");
        assert!(
            msg.starts_with(&format!(
                "cannot load extension '{garbage}.so': not a shared library: no ELF header"
            )),
            "{msg}"
        );

        build_so(
            &dir,
            "plain",
            "int plain_c_function(void) { return 1; }\n",
            Link::Plain,
        );
        let plain = dir.join("plain").display().to_string();
        let (class, msg) = load(roots, &plain, null_mut()).expect("an error");
        assert_eq!(class, "ImportError");
        assert_eq!(
            msg,
            format!(
                "cannot load extension '{plain}.so': not a Seam extension (no section seam_ext)"
            )
        );

        build_so(&dir, "stalec", &c_extension("stalec", "0ld"), Link::Seam);
        let stale = dir.join("stalec").display().to_string();
        assert_eq!(
            load(roots, &stale, null_mut()),
            import_error(&format!(
                "cannot load extension '{stale}.so': it was built against core exports 0ld, \
                 but this core's are 0123456789abcdef…; rebuild the extension with seam build-ext"
            ))
        );
        let _ = std::fs::remove_dir_all(&dir);
    });
}

#[test]
fn a_file_cannot_build_on_an_extension_linked_into_the_core() {
    with_gc(false, |roots| {
        setup();
        link(
            "linked_base",
            Ext {
                provides: "b7",
                ..Ext::default()
            },
        );
        assert_eq!(load(roots, "linked_base", null_mut()), None);
        let dir = scratch("onlinked");
        // A C extension whose descriptor says it was built on linked_base.
        let src = c_extension("onlinked", FP)
            .replace(
                "int runs;",
                "static const char *deps[2] = {\"linked_base\", \"b7\"};\nint runs;",
            )
            .replace(", \"\", 0, 0\n};", ", \"\", 1, deps\n};");
        assert!(src.contains("1, deps"), "the template changed: {src}");
        build_so(&dir, "onlinked", &src, Link::Seam);
        let path = dir.join("onlinked").display().to_string();
        assert_eq!(
            load(roots, &path, null_mut()),
            import_error(&format!(
                "cannot load extension '{path}.so': it builds on extension 'linked_base', which \
                 is linked into the core; link this one in too (--static-ext)"
            ))
        );
        let _ = std::fs::remove_dir_all(&dir);
    });
}
