//! The second translation's policy, in-process: a core checked from sources in
//! memory, its exports written and decoded, and extensions checked and
//! translated against the decoded file alone.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use seam_core::exports::build_exports;
use seam_core::frontend::{SourceLoader, check_program};
use seam_exports_schema::{ExportsFile, ExportsIndex};

use super::{ExtError, check, translate};
use seam_core::frontend::Layer;

const HOST: &str = "x86_64-unknown-linux-gnu";

/// Source files held in memory, with every path read recorded.
struct MemLoader {
    files: BTreeMap<PathBuf, String>,
    read: RefCell<Vec<PathBuf>>,
}

impl MemLoader {
    fn new(files: &[(&str, &str)]) -> MemLoader {
        MemLoader {
            files: files
                .iter()
                .map(|(p, t)| (PathBuf::from(p), t.to_string()))
                .collect(),
            read: RefCell::new(Vec::new()),
        }
    }
}

impl SourceLoader for MemLoader {
    fn read_file(&self, path: &Path) -> Option<String> {
        self.read.borrow_mut().push(path.to_path_buf());
        self.files.get(path).cloned()
    }

    fn is_dir(&self, path: &Path) -> bool {
        self.files.keys().any(|p| p != path && p.starts_with(path))
    }
}

const HELPERS: &str = "def double(n: int) -> int:\n    return 2 * n\n";

const CORE: &str = r#"from helpers import double
from seam import Exported, export, final, load_extension


@export
class Space:
    names: list[str]

    def __init__(self) -> None:
        self.names = []


@export
class Op:
    def apply(self, x: int) -> int:
        return double(x)


@final
@export
class Fixed(Op):
    pass


count: Exported[int] = 0


def main(argv: list[str]) -> int:
    load_extension("ext", Space())
    return 0
"#;

/// The core's exports, as `seam build-core` writes them.
fn core_file() -> ExportsFile {
    let loader = MemLoader::new(&[("core/main.py", CORE), ("core/helpers.py", HELPERS)]);
    let out = check_program(Path::new("core/main.py"), &loader);
    assert!(out.diagnostics.is_empty(), "{:?}", out.diagnostics);
    let program = out.program.expect("the core checks");
    build_exports(&program, HOST).expect("the core's exports")
}

/// The bytes of the core's exports file.
fn core_exports() -> Vec<u8> {
    core_file().encode()
}

/// An exports file opened as `seam build-ext` opens it.
fn open(bytes: &[u8]) -> ExportsIndex<'_> {
    ExportsIndex::open(bytes).expect("the file opens")
}

/// An extension beside the core's own sources, which it must never read, and a
/// file that would be a submodule `main.Op` if `main` were read from disk.
fn loader_with(ext: &str) -> MemLoader {
    MemLoader::new(&[
        ("core/ext.py", ext),
        ("core/main.py", CORE),
        ("core/helpers.py", HELPERS),
        ("core/main/Op.py", "x = 1\n"),
    ])
}

/// The messages of an extension's diagnostics.
fn messages(ext: &str) -> Vec<String> {
    let bytes = core_exports();
    let core = open(&bytes);
    checked_messages(&loader_with(ext), "core/ext.py", &core, "core.exports", &[])
}

/// The messages of checking the extension at `path` (read through `loader`)
/// against `core` (named `core_path`) and `layers`.
fn checked_messages(
    loader: &MemLoader,
    path: &str,
    core: &ExportsIndex<'_>,
    core_path: &str,
    layers: &[Layer<'_>],
) -> Vec<String> {
    let out = check(Path::new(path), core, core_path, layers, loader);
    out.diagnostics.into_iter().map(|d| d.message).collect()
}

const GOOD: &str = r#"import main
from main import Op, Space


class Triple(Op):
    def apply(self, x: int) -> int:
        return 3 * x


def init_module(space: Space) -> None:
    main.count += Triple().apply(1)
    space.names.append("triple")
"#;

#[test]
fn an_extension_is_checked_against_the_exports_file_alone() {
    let bytes = core_exports();
    let core = open(&bytes);
    let loader = loader_with(GOOD);
    let out = check(
        Path::new("core/ext.py"),
        &core,
        "core.exports",
        &[],
        &loader,
    );
    assert!(out.diagnostics.is_empty(), "{:?}", out.diagnostics);
    // The core's sources sit beside the extension; only the extension is read.
    assert_eq!(*loader.read.borrow(), [PathBuf::from("core/ext.py")]);
    let program = out.program.expect("the extension checks");
    let info = program.extension.as_ref().expect("an extension's program");
    assert_eq!(info.name, "ext");
    assert_eq!(info.fingerprint, core.fingerprint().to_string());
    assert_eq!(
        program.classes[info.space_class.0 as usize].name,
        "main.Space"
    );
    assert_eq!(info.local_classes.len(), 1);
    // Only the classes the extension names, and the builtin exception classes, are read.
    let file = core_file();
    let builtin = |name: &str| file.class(name).is_some_and(|c| c.builtin_kind.is_some());
    let mut imported: Vec<&str> = info
        .imported_classes
        .iter()
        .map(|c| program.classes[c.0 as usize].name.as_str())
        .filter(|n| !builtin(n))
        .collect();
    imported.sort_unstable();
    assert_eq!(imported, ["main.Op", "main.Space"]);
    let builtins = file.classes.iter().filter(|c| c.builtin_kind.is_some());
    assert_eq!(info.imported_classes.len(), builtins.count() + 2);
}

#[test]
fn translation_gives_an_object_naming_the_descriptor() {
    let bytes = core_exports();
    let core = open(&bytes);
    let loader = loader_with(GOOD);
    let object = translate(
        Path::new("core/ext.py"),
        &core,
        "core.exports",
        &[],
        HOST,
        &loader,
        true,
    )
    .expect("the extension translates");
    assert_eq!(object.name, "ext");
    assert!(object.object.starts_with(b"\x7fELF"));
    let descriptor = b"seam_ext__ext";
    assert!(
        object
            .object
            .windows(descriptor.len())
            .any(|w| w == descriptor)
    );
}

#[test]
fn a_core_for_another_target_is_refused_before_anything_is_read() {
    let mut file = core_file();
    file.target = "riscv64gc-unknown-linux-gnu".into();
    file.seal();
    let bytes = file.encode();
    let core = open(&bytes);
    let loader = loader_with(GOOD);
    let err = translate(
        Path::new("core/ext.py"),
        &core,
        "core.exports",
        &[],
        HOST,
        &loader,
        true,
    )
    .expect_err("another target");
    assert!(matches!(err, ExtError::WrongTarget { .. }));
    assert_eq!(
        err.to_string(),
        "the core was built for riscv64gc-unknown-linux-gnu, but this seam translates for \
         x86_64-unknown-linux-gnu"
    );
    assert!(loader.read.borrow().is_empty());
}

#[test]
fn errors_come_back_as_diagnostics() {
    let bytes = core_exports();
    let core = open(&bytes);
    let loader = loader_with("from main import Space\n");
    let err = translate(
        Path::new("core/ext.py"),
        &core,
        "core.exports",
        &[],
        HOST,
        &loader,
        true,
    )
    .expect_err("no init_module");
    let ExtError::Diagnostics(out) = &err else {
        panic!("diagnostics expected, not {err}");
    };
    assert!(out.program.is_none());
    assert_eq!(
        out.diagnostics
            .iter()
            .map(|d| d.message.as_str())
            .collect::<Vec<_>>(),
        [
            "an extension module must define 'def init_module(space: C) -> None, where C is an \
          exported class of the core or of an extension it builds on'"
        ]
    );
    assert_eq!(err.to_string(), "1 error(s) in the extension");
}

#[test]
fn init_module_takes_one_exported_core_class_and_returns_none() {
    let want = "'init_module' must be 'def init_module(space: C) -> None, where C is an exported \
                class of the core or of an extension it builds on'";
    for (params, ret) in [
        ("", "None"),
        ("space: int", "None"),
        ("space: Space, extra: int", "None"),
        ("space: Space", "int"),
        ("space: Local", "None"),
    ] {
        let src = format!(
            "from main import Space\n\n\nclass Local:\n    pass\n\n\n\
             def init_module({params}) -> {ret}:\n    raise ValueError(\"no\")\n"
        );
        assert_eq!(messages(&src), [want], "init_module({params}) -> {ret}");
    }
}

#[test]
fn an_extension_names_only_what_the_core_exports() {
    // A module of the core that exports nothing: its source is beside the extension, unread.
    let msgs = messages(
        "import helpers\nfrom main import Space\n\n\ndef init_module(space: Space) -> None:\n    \
         print(helpers.double(1))\n",
    );
    assert_eq!(
        msgs[0],
        "cannot import 'helpers': the core's exports file 'core.exports' has no module 'helpers' \
         (an extension sees only what the core exports, and the extensions whose exports files \
         follow it with --exports)"
    );
    // A name the core defines but does not export.
    let msgs = messages(
        "from main import Space, main\n\n\ndef init_module(space: Space) -> None:\n    pass\n",
    );
    assert_eq!(
        msgs,
        [
            "'main.main' is not exported by the core (see its exports file 'core.exports'; mark it \
          @export in the core)"
        ]
    );
    // A core global, which would be a copy if imported by value.
    let msgs = messages(
        "from main import Space, count\n\n\ndef init_module(space: Space) -> None:\n    \
         print(count)\n",
    );
    assert_eq!(
        msgs,
        [
            "cannot import the exported global 'count' by value (it would be a copy): use 'import \
          main' and 'main.count'"
        ]
    );
}

#[test]
fn imported_classes_are_subclassed_by_the_cores_rules() {
    let msgs = messages(
        "from main import Fixed, Space\n\n\nclass Mine(Fixed):\n    pass\n\n\n\
         def init_module(space: Space) -> None:\n    pass\n",
    );
    assert_eq!(msgs, ["cannot subclass 'Fixed': it is @final"]);
    let msgs = messages(
        "from main import Op, Space\n\n\nclass Mine(Op):\n    def apply(self, x: str) -> int:\n        \
         return 0\n\n\ndef init_module(space: Space) -> None:\n    pass\n",
    );
    assert_eq!(
        msgs,
        [
            "method 'apply' of class 'Mine' overrides 'main.Op.apply' with a different signature \
          (an override must have the same parameter and return types)"
        ]
    );
}

const LAYER: &str = r#"from main import Op, Space
from seam import export


@export
class Twice(Op):
    def apply(self, x: int) -> int:
        return 2 * x


@export
def make() -> Twice:
    return Twice()


def init_module(space: Space) -> None:
    space.names.append("layer")
"#;

const ON_LAYER: &str = r#"from layer import Twice, make
from main import Space


class Quad(Twice):
    def apply(self, x: int) -> int:
        return 2 * super().apply(x)


def init_module(space: Space) -> None:
    space.names.append(str(Quad().apply(make().apply(1))))
"#;

/// The exports file `seam build-ext` writes for `layer.py` against `core`.
fn layer_exports(core: &[u8]) -> Vec<u8> {
    let loader = MemLoader::new(&[("core/layer.py", LAYER)]);
    let object = translate(
        Path::new("core/layer.py"),
        &open(core),
        "core.exports",
        &[],
        HOST,
        &loader,
        true,
    )
    .expect("the layer translates");
    object.exports.encode()
}

#[test]
fn an_extension_builds_on_another_extensions_exports() {
    let core = core_exports();
    let layer = layer_exports(&core);
    let (core_index, layer_index) = (open(&core), open(&layer));
    let layers = [Layer {
        exports: &layer_index,
        path: "layer.exports",
    }];
    let loader = MemLoader::new(&[("core/ext.py", ON_LAYER)]);
    let object = translate(
        Path::new("core/ext.py"),
        &core_index,
        "core.exports",
        &layers,
        HOST,
        &loader,
        true,
    )
    .expect("the second layer translates");
    let of = object
        .exports
        .extension
        .expect("an extension's exports say whose");
    assert_eq!(of.core, core_index.fingerprint());
    assert_eq!(of.depends.len(), 1);
    assert_eq!(of.depends[0].name, "layer");
    assert_eq!(of.depends[0].fingerprint, layer_index.fingerprint());
    // Without the layer's exports, `layer` is no module it can import.
    let messages = checked_messages(&loader, "core/ext.py", &core_index, "core.exports", &[]);
    assert!(
        messages
            .iter()
            .any(|m| m.starts_with("cannot import 'layer'")),
        "{messages:?}"
    );
}

#[test]
fn a_layer_built_against_another_core_or_missing_what_it_was_built_on_is_refused() {
    let core = core_exports();
    let layer = layer_exports(&core);
    // Another core: the same sources with one more exported function.
    let loader = MemLoader::new(&[
        (
            "core/main.py",
            &format!("{CORE}\n\n@export\ndef extra() -> int:\n    return 1\n"),
        ),
        ("core/helpers.py", HELPERS),
    ]);
    let out = check_program(Path::new("core/main.py"), &loader);
    let other = build_exports(&out.program.expect("the other core checks"), HOST)
        .expect("exports")
        .encode();
    let (other_index, layer_index) = (open(&other), open(&layer));
    let layers = [Layer {
        exports: &layer_index,
        path: "layer.exports",
    }];
    let loader = MemLoader::new(&[("core/ext.py", ON_LAYER)]);
    let messages = checked_messages(
        &loader,
        "core/ext.py",
        &other_index,
        "other.exports",
        &layers,
    );
    assert_eq!(messages.len(), 1, "{messages:?}");
    assert!(
        messages[0].starts_with("'layer.exports' was built against core exports ")
            && messages[0].ends_with("rebuild extension 'layer' with seam build-ext"),
        "{}",
        messages[0]
    );
    // A core's exports file given as a layer.
    let core_index = open(&core);
    let layers = [Layer {
        exports: &core_index,
        path: "core.exports",
    }];
    let messages = checked_messages(&loader, "core/ext.py", &core_index, "core.exports", &layers);
    assert!(
        messages
            .iter()
            .any(|m| m.starts_with("'core.exports' is a core's exports file, not an extension's")),
        "{messages:?}"
    );
}

#[test]
fn names_a_layer_does_not_export_are_reported_against_that_layer() {
    let core = core_exports();
    let layer = layer_exports(&core);
    let (core_index, layer_index) = (open(&core), open(&layer));
    let layers = [Layer {
        exports: &layer_index,
        path: "layer.exports",
    }];
    let loader = MemLoader::new(&[(
        "core/ext.py",
        "import layer\nfrom layer import Hidden\nfrom main import Space\n\n\n\
         def init_module(space: Space) -> None:\n    layer.nothing()\n",
    )]);
    let messages = checked_messages(&loader, "core/ext.py", &core_index, "core.exports", &layers);
    assert_eq!(
        messages,
        [
            "'layer.Hidden' is not exported by extension 'layer' (see its exports file \
             'layer.exports'; mark it @export in extension 'layer')",
            "'layer.nothing' is not an exported function of extension 'layer' (see its exports \
             file 'layer.exports'; mark it @export in extension 'layer')",
        ]
    );
}

#[test]
fn a_layer_needs_what_it_was_built_on_and_never_builds_on_its_builder() {
    let core = core_exports();
    let layer = layer_exports(&core);
    let (core_index, layer_index) = (open(&core), open(&layer));
    // `ext`, built on `layer`.
    let on_layer = {
        let layers = [Layer {
            exports: &layer_index,
            path: "layer.exports",
        }];
        let loader = MemLoader::new(&[("core/ext.py", ON_LAYER)]);
        translate(
            Path::new("core/ext.py"),
            &core_index,
            "core.exports",
            &layers,
            HOST,
            &loader,
            true,
        )
        .expect("the second layer translates")
        .exports
        .encode()
    };
    let ext_index = open(&on_layer);
    let only_ext = [Layer {
        exports: &ext_index,
        path: "ext.exports",
    }];
    // A third extension naming `ext` without `layer.exports`.
    let loader = MemLoader::new(&[(
        "core/third.py",
        "import ext\nfrom main import Space\n\n\ndef init_module(space: Space) -> None:\n    pass\n",
    )]);
    let messages = checked_messages(
        &loader,
        "core/third.py",
        &core_index,
        "core.exports",
        &only_ext,
    );
    assert!(
        messages.iter().any(|m| m
            == "'ext.exports' was built against extension 'layer': give its exports file with \
                --exports"),
        "{messages:?}"
    );
    // `layer` rebuilt naming `ext`, which was built on it.
    let loader = MemLoader::new(&[(
        "core/layer.py",
        "import ext\nfrom main import Space\n\n\ndef init_module(space: Space) -> None:\n    pass\n",
    )]);
    let messages = checked_messages(
        &loader,
        "core/layer.py",
        &core_index,
        "core.exports",
        &only_ext,
    );
    assert!(
        messages
            .iter()
            .any(|m| m
                .starts_with("'ext.exports' was built on extension 'layer', the one being built")),
        "{messages:?}"
    );
}
