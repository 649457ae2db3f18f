//! The exports round trip, in-process: a core checked by the front end (from
//! sources held in memory) and planned, its exports written, encoded, decoded
//! and read back as the second translation reads them, must give the same
//! class ids, id ranges, slack, field offsets and types, vtable slots with
//! their symbols and signatures, function symbols and signatures with their
//! defaults, and globals with their symbols. Then an extension checked against
//! the decoded file must see the core's classes exactly as the core laid them
//! out, and lay its own subclasses out after them.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use seam_exports_schema::{ExportsFile, ExportsIndex, decode};

use super::{Bases, Owner, ReadCore, build_exports, read_core};
use crate::frontend::{
    CoreInterface, EntryPoint, ExtensionRules, Item, Provider, SourceLoader, check_extension,
    check_program,
};
use crate::rt::ExcKind;
use crate::tir::{self, ClassId, FuncId, Program};
use crate::tirprint::type_name;

const TARGET: &str = "x86_64-unknown-linux-gnu";

/// Source files held in memory; directories are the prefixes of their paths.
struct MemLoader(BTreeMap<PathBuf, String>);

impl MemLoader {
    fn new(files: &[(&str, &str)]) -> MemLoader {
        MemLoader(
            files
                .iter()
                .map(|(p, t)| (PathBuf::from(p), t.to_string()))
                .collect(),
        )
    }
}

impl SourceLoader for MemLoader {
    fn read_file(&self, path: &Path) -> Option<String> {
        self.0.get(path).cloned()
    }

    fn is_dir(&self, path: &Path) -> bool {
        self.0.keys().any(|p| p != path && p.starts_with(path))
    }
}

/// Shapes over two modules: a three-level hierarchy with an unexported middle
/// class, overrides, a final class and a final method, class constants and
/// method defaults (synthesized getter slots), chosen slack, exception classes
/// three deep (the last with no slack), `Callable` and `tuple[T, ...]` types.
const SHAPES: &[(&str, &str)] = &[
    (
        "core/geo.py",
        r#"from typing import Callable

from seam import Exported, export, final


@export(slack=3)
class Shape:
    SIDES = 0
    KIND: str = "shape"
    name: str

    def __init__(self, name: str) -> None:
        self.name = name

    def area(self) -> float:
        return 0.0

    def describe(self, prefix: str = "a", times: int = 1) -> str:
        return prefix * times + self.name

    @final
    def label(self) -> str:
        return "<" + self.name + ">"


class Polygon(Shape):
    SIDES = 3
    corners: list[tuple[int, ...]]

    def __init__(self, name: str, corners: list[tuple[int, ...]]) -> None:
        super().__init__(name)
        self.corners = corners

    def area(self) -> float:
        return float(len(self.corners))

    def corner(self, i: int = 0) -> tuple[int, ...]:
        return self.corners[i]


@export(slack=5)
class Square(Polygon):
    SIDES = 4
    side: float

    def __init__(self, name: str, side: float) -> None:
        super().__init__(name, [(0, 0), (1, 0), (1, 1), (0, 1)])
        self.side = side

    def area(self) -> float:
        return self.side * self.side

    def describe(self, prefix: str = "sq", times: int = 2) -> str:
        return prefix + self.name


@final
@export
class Unit(Square):
    KIND: str = "unit"

    def __init__(self) -> None:
        super().__init__("unit", 1.0)


@export
class ShapeError(Exception):
    shape: Shape | None

    def __init__(self, message: str, shape: Shape | None) -> None:
        super().__init__(message)
        self.shape = shape


@export
class AreaError(ShapeError):
    area: float

    def __init__(self, message: str, shape: Shape | None, area: float) -> None:
        super().__init__(message, shape)
        self.area = area


@export(slack=0)
class NegativeArea(AreaError):
    pass


counted: Exported[int] = 0
SCALE: Exported[Callable[[float], float] | None] = None
"#,
    ),
    (
        "core/main.py",
        r#"from typing import Callable

from geo import AreaError, NegativeArea, Shape, Square, Unit
from seam import Exported, export, load_extension


@export
class Registry:
    handlers: dict[str, Callable[[Shape, int], str]]
    sizes: tuple[int, ...]
    last: Shape | None

    def __init__(self) -> None:
        self.handlers = {}
        self.sizes = (1, 2, 3)
        self.last = None

    def run(self, key: str, s: Shape, n: int = 3) -> str:
        self.last = s
        return self.handlers[key](s, n)

    def check(self, s: Shape) -> float:
        a = s.area()
        if a < 0.0:
            raise NegativeArea("negative", s, a)
        return a


@export
def make_square(name: str, side: float = 1.0, tag: str | None = None) -> Square:
    return Square(name, side)


@export
def apply(f: Callable[[int], int], xs: tuple[int, ...]) -> list[int]:
    return [f(x) for x in xs]


@export
def first_error(errors: list[AreaError]) -> AreaError | None:
    return errors[0] if errors else None


names: Exported[dict[str, tuple[int, ...]]] = {}


def twice(x: int) -> int:
    return 2 * x


def main(argv: list[str]) -> int:
    r = Registry()
    load_extension("ext", r)
    print(Unit().describe(), make_square("s").area(), apply(twice, r.sizes))
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv))
"#,
    ),
];

/// An extension of `SHAPES`: subclasses at two levels below an exported class,
/// an override, a new method, a new exception class under a core one.
const SHAPES_EXT: &str = r#"import geo
from geo import AreaError, Shape, Square
from main import Registry, make_square


class Cube(Square):
    depth: float

    def __init__(self, name: str, side: float, depth: float) -> None:
        super().__init__(name, side)
        self.depth = depth

    def area(self) -> float:
        return 6.0 * self.side * self.side

    def volume(self) -> float:
        return self.side * self.side * self.depth


class Tesseract(Cube):
    def describe(self, prefix: str = "t", times: int = 4) -> str:
        return prefix * times


class VolumeError(AreaError):
    pass


def show(s: Shape, n: int) -> str:
    return s.describe() + str(n)


def init_module(space: Registry) -> None:
    geo.counted += 1
    space.handlers["cube"] = show
    print(space.run("cube", Cube("c", 2.0, 3.0)), make_square("m").label())
"#;

/// An interpreter's object model in one module: a root with slack 8, a final
/// leaf, methods returning the root type, an exception hierarchy whose middle
/// class is not exported, and a space holding function values.
const OBJECTS: &[(&str, &str)] = &[(
    "obj/main.py",
    r#"from typing import Callable

from seam import Exported, export, final, load_extension


@export(slack=8)
class W_Object:
    def show(self) -> str:
        return "?"

    def add(self, other: "W_Object") -> "W_Object":
        raise OpError("cannot add " + self.show())

    def is_true(self) -> bool:
        return True


@final
@export
class W_Int(W_Object):
    value: int

    def __init__(self, value: int) -> None:
        self.value = value

    def show(self) -> str:
        return str(self.value)

    def add(self, other: W_Object) -> W_Object:
        if isinstance(other, W_Int):
            return W_Int(self.value + other.value)
        raise OpError("int + ?")


@export
class W_List(W_Object):
    items: list[W_Object]
    tags: tuple[str, ...]

    def __init__(self, items: list[W_Object]) -> None:
        self.items = items
        self.tags = ()

    def is_true(self) -> bool:
        return len(self.items) > 0


@export
class OpError(Exception):
    pass


class InternalError(OpError):
    where: str

    def __init__(self, message: str, where: str) -> None:
        super().__init__(message)
        self.where = where


@export
class ArityError(InternalError):
    expected: int

    def __init__(self, message: str, expected: int = 0) -> None:
        super().__init__(message, "call")
        self.expected = expected


@export
class Space:
    builtins: dict[str, Callable[[list[W_Object]], W_Object]]
    errors: list[OpError]

    def __init__(self) -> None:
        self.builtins = {}
        self.errors = []

    def call(self, name: str, args: list[W_Object], strict: bool = False) -> W_Object:
        if strict and len(args) == 0:
            raise ArityError(name, 1)
        return self.builtins[name](args)


loaded: Exported[int] = 0
TRUE: Exported[W_Object] = W_Int(1)


@export
def wrap(n: int, tag: str = "int", ratio: float = 0.5, flag: bool = True) -> W_Object:
    return W_Int(n)


def main(argv: list[str]) -> int:
    space = Space()
    load_extension("ext", space)
    print(space.call("one", []).show())
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv))
"#,
)];

const OBJECTS_EXT: &str = r#"import main
from main import ArityError, Space, W_Int, W_List, W_Object, wrap


class W_Pair(W_Object):
    car: W_Object
    cdr: W_Object

    def __init__(self, car: W_Object, cdr: W_Object) -> None:
        self.car = car
        self.cdr = cdr

    def show(self) -> str:
        return "(" + self.car.show() + " . " + self.cdr.show() + ")"


class W_Stack(W_List):
    def is_true(self) -> bool:
        return True


class TooMany(ArityError):
    pass


def one(args: list[W_Object]) -> W_Object:
    if len(args) > 2:
        raise TooMany("one", 2)
    return W_Pair(wrap(1), W_Stack([W_Int(2)]))


def init_module(space: Space) -> None:
    main.loaded += 1
    space.builtins["one"] = one
"#;

/// The first translation: the core checked and planned, its exports written,
/// then encoded and decoded as `seam build-ext` reads them.
fn first_translation(files: &[(&str, &str)]) -> (Program, ExportsFile) {
    let entry = files.last().expect("the entry module comes last").0;
    let loader = MemLoader::new(files);
    let out = check_program(Path::new(entry), &loader);
    let messages: Vec<&str> = out.diagnostics.iter().map(|d| d.message.as_str()).collect();
    assert!(messages.is_empty(), "the core does not check: {messages:?}");
    let program = out.program.expect("no diagnostics means a program");
    let written = build_exports(&program, TARGET).expect("the core's exports");
    let decoded = decode(&written.encode()).expect("the written file decodes");
    assert_eq!(decoded, written, "encoding and decoding keep the file");
    (program, decoded)
}

/// The read core, with the strings its defaults interned, as one `Program`
/// whose classes sit at their ids and whose functions sit at theirs.
fn second_translation_reads(file: &ExportsFile) -> (ReadCore, Program) {
    let bases = Bases {
        class: ExcKind::ALL.len() as u32,
        function: 0,
    };
    let mut strings: Vec<String> = Vec::new();
    let read = read_core(file, bases, &mut |s| {
        let at = strings.iter().position(|x| x == s).unwrap_or_else(|| {
            strings.push(s.to_string());
            strings.len() - 1
        });
        tir::StrId(at as u32)
    })
    .expect("the file reads");
    let mut classes: Vec<Option<tir::Class>> = vec![None; read.classes.len()];
    for c in &read.classes {
        classes[c.id.0 as usize] = Some(c.class.clone());
    }
    let as_program = Program {
        classes: classes
            .into_iter()
            .map(|c| c.expect("read classes have dense ids (every builtin is described)"))
            .collect(),
        functions: read.functions.iter().map(|f| f.function.clone()).collect(),
        globals: read.globals.iter().map(|g| g.global.clone()).collect(),
        param_defaults: read
            .functions
            .iter()
            .enumerate()
            .filter(|(_, f)| f.defaults.iter().any(Option::is_some))
            .map(|(i, f)| (FuncId(i as u32), f.defaults.clone()))
            .collect(),
        strings,
        ..Program::default()
    };
    (read, as_program)
}

/// A class's ABI, every class and function named by its qualified name, so
/// that two programs numbering their items differently can be compared.
#[derive(Debug, PartialEq)]
struct ClassAbi {
    name: String,
    symbol: String,
    parent: Option<String>,
    ids: (u32, u32, u32),
    size: u32,
    is_exception: bool,
    is_final: bool,
    builtin: Option<ExcKind>,
    /// Name, offset, type.
    fields: Vec<(String, i32, String)>,
    /// Slot, name, final, and the implementing function's ABI.
    vtable: Vec<(usize, String, bool, FunctionAbi)>,
}

#[derive(Debug, PartialEq)]
struct FunctionAbi {
    name: String,
    symbol: String,
    /// Name, type, literal default.
    params: Vec<(String, String, Option<String>)>,
    ret: String,
    can_raise: bool,
}

fn class_abi(p: &Program, c: ClassId) -> ClassAbi {
    let class = &p.classes[c.0 as usize];
    ClassAbi {
        name: class.name.clone(),
        symbol: class.symbol.clone(),
        parent: class.parent.map(|q| p.classes[q.0 as usize].name.clone()),
        ids: (class.id, class.id_max, class.slack_start),
        size: class.size,
        is_exception: class.is_exception,
        is_final: class.is_final,
        builtin: class.builtin,
        fields: class
            .fields
            .iter()
            .map(|f| (f.name.clone(), f.offset, type_name(p, &f.ty)))
            .collect(),
        vtable: class
            .vtable
            .iter()
            .enumerate()
            .map(|(slot, e)| {
                // A slot's function is known by its symbol: the file records no function
                // name, and the reader names a constant's getter `C.$NAME` (its slot) where
                // the core names it `C.NAME`.
                let f = FunctionAbi {
                    name: String::new(),
                    ..function_abi(p, e.func)
                };
                (slot, e.name.clone(), e.is_final, f)
            })
            .collect(),
    }
}

impl FunctionAbi {
    fn without_defaults(mut self) -> FunctionAbi {
        for p in &mut self.params {
            p.2 = None;
        }
        self
    }
}

fn without_defaults(mut c: ClassAbi) -> ClassAbi {
    c.vtable = c
        .vtable
        .into_iter()
        .map(|(slot, name, is_final, f)| (slot, name, is_final, f.without_defaults()))
        .collect();
    c
}

fn function_abi(p: &Program, f: FuncId) -> FunctionAbi {
    let func = &p.functions[f.0 as usize];
    let defaults = p.param_defaults.get(&f);
    FunctionAbi {
        name: func.name.clone(),
        symbol: func.symbol.clone(),
        params: func
            .params
            .iter()
            .enumerate()
            .map(|(i, l)| {
                let local = &func.locals[l.0 as usize];
                let default = defaults
                    .and_then(|d| d.get(i))
                    .and_then(Option::as_ref)
                    .map(|e| literal(p, e));
                (local.name.clone(), type_name(p, &local.ty), default)
            })
            .collect(),
        ret: type_name(p, &func.ret),
        can_raise: func.can_raise,
    }
}

fn literal(p: &Program, e: &tir::Expr) -> String {
    let value = match &e.kind {
        tir::ExprKind::Int(v) => v.to_string(),
        tir::ExprKind::Float(v) => format!("{v:?}"),
        tir::ExprKind::Bool(v) => v.to_string(),
        tir::ExprKind::Str(s) => format!("{:?}", p.strings[s.0 as usize]),
        tir::ExprKind::None => "None".to_string(),
        other => panic!("a default is a literal, not {other:?}"),
    };
    format!("{value}: {}", type_name(p, &e.ty))
}

fn class_named(p: &Program, name: &str) -> ClassId {
    let at = p.classes.iter().position(|c| c.name == name);
    ClassId(at.unwrap_or_else(|| panic!("no class '{name}'")) as u32)
}

fn function_by_symbol(p: &Program, symbol: &str) -> FuncId {
    let at = p.functions.iter().position(|f| f.symbol == symbol);
    FuncId(at.unwrap_or_else(|| panic!("no function '{symbol}'")) as u32)
}

/// Every ABI decision the file records, compared between the core and its read-back.
fn assert_round_trip(core: &Program, file: &ExportsFile) -> (ReadCore, Program) {
    let (read, back) = second_translation_reads(file);
    assert_eq!(read.classes.len(), file.classes.len());
    for c in &read.classes {
        let name = &c.class.name;
        let ours = class_abi(core, class_named(core, name));
        assert_eq!(class_abi(&back, c.id), ours, "class '{name}' read back");
        // The parent's fields come first, and the reader counts them as the parent's.
        let own: Vec<&str> = c.class.fields[c.inherited_fields..]
            .iter()
            .map(|f| f.name.as_str())
            .collect();
        let parent_fields = c
            .class
            .parent
            .map_or(0, |p| back.classes[p.0 as usize].fields.len());
        assert_eq!(c.inherited_fields, parent_fields, "class '{name}'");
        assert_eq!(own.len(), c.class.fields.len() - parent_fields);
        // The nearest `__init__` a Seam class defines.
        let init = c.init.map(|f| function_abi(&back, f));
        let core_init = (c.builtin.is_none())
            .then(|| {
                let mut k = Some(class_named(core, name));
                while let Some(cur) = k {
                    let class = &core.classes[cur.0 as usize];
                    if class.builtin.is_some() {
                        return None;
                    }
                    let init = format!("{}.__init__", class.name);
                    if let Some(f) = core.functions.iter().position(|f| f.name == init) {
                        return Some(function_abi(core, FuncId(f as u32)));
                    }
                    k = class.parent;
                }
                None
            })
            .flatten();
        assert_eq!(init, core_init, "the __init__ of '{name}'");
    }
    // Every exported function, with its symbol, signature, defaults and whether it raises
    // (the sealed file lists them in a canonical order).
    let mut exported: Vec<FunctionAbi> = core
        .exports
        .functions
        .iter()
        .map(|&f| function_abi(core, f))
        .collect();
    let mut read_exported: Vec<FunctionAbi> = read
        .functions
        .iter()
        .enumerate()
        .filter(|(_, f)| matches!(f.owner, Owner::Module { .. }))
        .map(|(i, _)| function_abi(&back, FuncId(i as u32)))
        .collect();
    exported.sort_by(|a, b| a.name.cmp(&b.name));
    read_exported.sort_by(|a, b| a.name.cmp(&b.name));
    assert_eq!(read_exported, exported);
    for f in &read.functions {
        if let Owner::Module { module, name } = &f.owner {
            assert_eq!(format!("{module}.{name}"), f.function.name);
        }
    }
    // Every exported global, with its symbol and type.
    let globals = |p: &Program, ids: &mut dyn Iterator<Item = usize>| {
        let mut all: Vec<(String, String, String)> = ids
            .map(|g| {
                let g = &p.globals[g];
                (g.name.clone(), g.symbol.clone(), type_name(p, &g.ty))
            })
            .collect();
        all.sort();
        all
    };
    assert_eq!(
        globals(&back, &mut (0..read.globals.len())),
        globals(core, &mut core.exports.globals.iter().map(|g| g.0 as usize)),
    );
    (read, back)
}

/// The second translation proper: the extension checked against the decoded
/// file sees each core class exactly as the core laid it out, and its own
/// subclasses extend the parent's layout and slots without renumbering them.
///
/// Returns the qualified names of the core's own classes the extension read
/// (the builtin exception classes it always reads left out), sorted.
fn assert_extension_sees_the_core(
    core: &Program,
    file: &ExportsFile,
    dir: &str,
    ext: &str,
) -> Vec<String> {
    let entry = format!("{dir}/ext.py");
    let loader = MemLoader::new(&[(entry.as_str(), ext)]);
    let bytes = file.encode();
    let index = ExportsIndex::open(&bytes).expect("the file opens");
    let iface = CoreInterface {
        exports: &index,
        path: "core.exports",
        layers: &[],
        rules: &RoundTripRules,
    };
    let out = check_extension(Path::new(&entry), iface, &loader);
    let messages: Vec<&str> = out.diagnostics.iter().map(|d| d.message.as_str()).collect();
    assert!(
        messages.is_empty(),
        "the extension does not check: {messages:?}"
    );
    let program = out.program.expect("no diagnostics means a program");
    let info = program.extension.as_ref().expect("an extension");
    // Only what the extension names is read: some of the file's classes, every builtin one.
    assert!(info.imported_classes.len() <= file.classes.len());
    let mut read_classes = Vec::new();
    for c in &file.classes {
        let read = info
            .imported_classes
            .iter()
            .any(|&i| program.classes[i.0 as usize].name == c.qualified_name);
        assert!(
            read || c.builtin_kind.is_none(),
            "builtin class '{}' not read",
            c.qualified_name
        );
        if read && c.builtin_kind.is_none() {
            read_classes.push(c.qualified_name.clone());
        }
    }
    read_classes.sort();
    for &c in &info.imported_classes {
        let name = &program.classes[c.0 as usize].name;
        // An extension's program records no defaults of its own (its calls take them from
        // the signatures); the defaults of a core method reached by dispatch are its getter slots.
        assert_eq!(
            without_defaults(class_abi(&program, c)),
            without_defaults(class_abi(core, class_named(core, name))),
            "core class '{name}' as the extension sees it"
        );
    }
    assert!(!info.local_classes.is_empty());
    for &c in &info.local_classes {
        let class = &program.classes[c.0 as usize];
        // The loader gives an extension's classes their ids: the program numbers
        // them only among themselves (an unexported class reserves no slack).
        assert!(class.ids_at_load);
        assert!(class.id >= 1 && class.id < class.slack_start);
        assert_eq!(class.slack_start, class.id_max);
        let parent = &program.classes[class.parent.expect("a subclass").0 as usize];
        let n = parent.fields.len();
        let fields = |fs: &[tir::Field]| -> Vec<(String, i32)> {
            fs.iter().map(|f| (f.name.clone(), f.offset)).collect()
        };
        assert_eq!(fields(&class.fields[..n]), fields(&parent.fields));
        for (i, f) in class.fields[n..].iter().enumerate() {
            assert_eq!(f.offset, parent.size as i32 + 8 * i as i32);
        }
        assert_eq!(class.size, 8 + 8 * class.fields.len() as u32);
        let slots =
            |v: &[tir::VtableEntry]| -> Vec<String> { v.iter().map(|e| e.name.clone()).collect() };
        assert_eq!(
            slots(&class.vtable[..parent.vtable.len()]),
            slots(&parent.vtable),
            "'{}' keeps its parent's slots",
            class.name
        );
        assert_eq!(class.is_exception, parent.is_exception);
    }
    // The imported functions keep their symbols and signatures.
    for &f in &info.imported_functions {
        let symbol = &program.functions[f.0 as usize].symbol;
        let theirs = function_by_symbol(core, symbol);
        assert_eq!(
            FunctionAbi {
                name: String::new(),
                ..function_abi(&program, f).without_defaults()
            },
            FunctionAbi {
                name: String::new(),
                ..function_abi(core, theirs).without_defaults()
            },
        );
    }
    read_classes
}

fn slack(p: &Program, name: &str) -> u32 {
    let c = &p.classes[class_named(p, name).0 as usize];
    c.id_max - c.slack_start
}

fn slot_names(p: &Program, name: &str) -> Vec<String> {
    let c = &p.classes[class_named(p, name).0 as usize];
    c.vtable.iter().map(|e| e.name.clone()).collect()
}

#[test]
fn shapes_round_trip() {
    let (core, file) = first_translation(SHAPES);
    // The program has the shapes the test is about.
    assert_eq!(slack(&core, "geo.Shape"), 3);
    assert_eq!(slack(&core, "geo.Square"), 5);
    // Not marked: the default slack (`seam.DEFAULT_SLACK`).
    assert_eq!(slack(&core, "geo.Polygon"), 256);
    assert_eq!(slack(&core, "geo.Unit"), 0);
    assert_eq!(slack(&core, "geo.NegativeArea"), 0);
    let unit = &core.classes[class_named(&core, "geo.Unit").0 as usize];
    assert!(unit.is_final);
    assert_eq!(
        slot_names(&core, "geo.Unit"),
        [
            "area",
            "describe",
            "$default:describe:1",
            "$default:describe:2",
            "label",
            "$KIND",
            "$SIDES",
            "corner",
            "$default:corner:1",
        ]
    );
    let polygon = file
        .class("geo.Polygon")
        .expect("an exported class's ancestor");
    assert!(!polygon.exported);
    assert!(file.class("geo.NegativeArea").unwrap().is_exception);

    let (read, back) = assert_round_trip(&core, &file);
    // A slot inherited unchanged is one imported function, shared.
    let label = |c: &str| {
        let class = &back.classes[class_named(&back, c).0 as usize];
        class
            .vtable
            .iter()
            .find(|e| e.name == "label")
            .unwrap()
            .func
    };
    assert_eq!(label("geo.Shape"), label("geo.Unit"));
    assert_eq!(
        read.modules,
        ["geo", "main"].map(String::from),
        "the modules extensions may import"
    );
    let read = assert_extension_sees_the_core(&core, &file, "core", SHAPES_EXT);
    assert!(!read.is_empty());
}

#[test]
fn objects_round_trip() {
    let (core, file) = first_translation(OBJECTS);
    assert_eq!(slack(&core, "main.W_Object"), 8);
    assert_eq!(slack(&core, "main.W_Int"), 0);
    assert!(!file.class("main.InternalError").unwrap().exported);
    let wrap = file.functions.iter().find(|f| f.name == "wrap").unwrap();
    assert_eq!(wrap.params.len(), 4);
    assert!(wrap.params[1..].iter().all(|p| p.default.is_some()));
    assert_round_trip(&core, &file);
    assert_extension_sees_the_core(&core, &file, "obj", OBJECTS_EXT);
}

#[test]
fn read_ids_follow_the_bases() {
    let (_, file) = first_translation(OBJECTS);
    let mut strings = HashMap::new();
    let mut intern = |s: &str| {
        let n = strings.len() as u32;
        tir::StrId(*strings.entry(s.to_string()).or_insert(n))
    };
    let bases = Bases {
        class: 40,
        function: 7,
    };
    let read = read_core(&file, bases, &mut intern).expect("the file reads");
    let user: Vec<u32> = read
        .classes
        .iter()
        .filter(|c| c.builtin.is_none())
        .map(|c| c.id.0)
        .collect();
    assert_eq!(user, (40..40 + user.len() as u32).collect::<Vec<_>>());
    for c in read.classes.iter().filter(|c| c.builtin.is_some()) {
        assert_eq!(c.id.0, c.builtin.unwrap() as u32);
    }
    for c in &read.classes {
        for e in &c.class.vtable {
            assert!(e.func.0 >= 7 && ((e.func.0 - 7) as usize) < read.functions.len());
        }
    }
    // Every function a slot names was read once, as a method of the first class naming it.
    assert!(read.functions.iter().all(|f| !f.function.symbol.is_empty()));
    let methods = read
        .functions
        .iter()
        .filter(|f| matches!(f.owner, Owner::Method { .. }))
        .count();
    let mut symbols: Vec<&str> = file
        .classes
        .iter()
        .flat_map(|c| {
            c.vtable
                .iter()
                .map(|s| s.symbol.as_str())
                .chain(c.init.iter().map(|i| i.symbol.as_str()))
        })
        .collect();
    symbols.sort();
    symbols.dedup();
    assert_eq!(methods, symbols.len());
}

#[test]
fn inconsistent_files_are_errors() {
    let (_, file) = first_translation(OBJECTS);
    let mut intern = |_: &str| tir::StrId(0);
    let bases = Bases {
        class: ExcKind::ALL.len() as u32,
        function: 0,
    };
    let mut orphan = file.clone();
    let at = orphan
        .classes
        .iter()
        .position(|c| c.qualified_name == "main.W_Int")
        .unwrap();
    orphan.classes[at].parent = Some("main.Gone".into());
    assert_eq!(
        read_core(&orphan, bases, &mut intern).unwrap_err(),
        "class 'main.W_Int' names an unknown parent 'main.Gone'"
    );
    let mut unknown = file.clone();
    unknown.globals[0].ty = seam_exports_schema::TypeRef::Instance("main.Gone".into());
    assert_eq!(
        read_core(&unknown, bases, &mut intern).unwrap_err(),
        "a type names the unknown class 'main.Gone'"
    );
    let mut kind = file;
    kind.classes[0].builtin_kind = Some(999);
    assert!(
        read_core(&kind, bases, &mut intern)
            .unwrap_err()
            .contains("unknown builtin kind 999")
    );
}

/// A core whose classes and slack use nearly all 2^32 class ids: 4,095 classes
/// reserving the most slack allowed, and a last class reserving what is left.
fn crowded_core(last_slack: u32) -> String {
    let mut src = String::from("from seam import export, load_extension\n");
    for i in 0..4095 {
        src += &format!("\n\n@export(slack=1048576)\nclass C{i}:\n    pass\n");
    }
    src += &format!("\n\n@export(slack={last_slack})\nclass Last:\n    pass\n");
    src += "\n\ndef main(argv: list[str]) -> int:\n    load_extension(\"ext\", Last())\n    return 0\n";
    src
}

#[test]
fn an_extension_of_a_core_near_the_id_limit_numbers_nothing() {
    // The ids the core needs with no slack on its last class, then as much slack as fits.
    let (core, _) = first_translation(&[("big/main.py", &crowded_core(0))]);
    let used = core
        .classes
        .iter()
        .map(|c| c.id_max)
        .max()
        .expect("classes");
    let last_slack = (u32::MAX - used).min(1 << 20);
    let src = crowded_core(last_slack);
    let (core, file) = first_translation(&[("big/main.py", &src)]);
    assert!(u32::MAX - core.classes.iter().map(|c| c.id_max).max().unwrap() < 256);
    // Numbering the core's classes again with the extension's subclass among them would
    // run out of ids; the second translation takes the recorded ids and numbers nothing.
    let ext = "from main import C0, Last\n\n\nclass A(C0):\n    pass\n\n\n\
               def init_module(space: Last) -> None:\n    print(A())\n";
    // Two of the core's 4,096 classes are named; only they are read.
    assert_eq!(
        assert_extension_sees_the_core(&core, &file, "big", ext),
        ["main.C0", "main.Last"]
    );
}

/// Rules enough for the round trip, whose extensions are valid: the second
/// translation's own (`seam_extmod::SecondTranslation`) depend on this crate.
#[derive(Debug)]
struct RoundTripRules;

impl ExtensionRules for RoundTripRules {
    fn default_slack(&self) -> u32 {
        32
    }

    fn entry_point(&self, found: &EntryPoint) -> Result<ClassId, String> {
        match found {
            EntryPoint::Function { params, .. } => params
                .first()
                .and_then(|p| p.imported_class)
                .ok_or_else(|| "no space class".to_string()),
            EntryPoint::Missing => Err("no init_module".to_string()),
        }
    }

    fn unknown_module(&self, name: &str, _: &str) -> String {
        format!("unknown module {name}")
    }

    fn not_exported(&self, _: Item, name: &str, module: &Provider<'_>) -> String {
        format!("{}.{name} is not exported", module.module)
    }

    fn global_by_value(&self, name: &str, _: &str) -> String {
        format!("global {name} by value")
    }
}
