//! Cores and extension modules: the descriptor layout, the core's fingerprint and
//! static-extension table, an extension's symbols and linkage, its descriptor; and,
//! when the runtime has the extension loader, a core that loads an extension from a
//! shared object and one with the extension linked in.

use super::classes::{Classes, Lits, builtin, concat, handler, is_instance, new, store, try_stmt};
use super::*;
use crate::tir::{ClassId, ExtensionInfo, Field, VtableEntry};

// ---- reading the object back: just enough ELF64 ----

const SHT_SYMTAB: u32 = 2;
const SHT_RELA: u32 = 4;
const SHF_WRITE: u64 = 1;
const STB_LOCAL: u8 = 0;
const STB_GLOBAL: u8 = 1;
const STV_DEFAULT: u8 = 0;
const STV_HIDDEN: u8 = 2;
const SHN_UNDEF: u16 = 0;

struct Section {
    name: String,
    kind: u32,
    flags: u64,
    offset: u64,
    size: u64,
    link: u32,
    info: u32,
}

#[derive(Clone, Debug)]
struct Sym {
    name: String,
    bind: u8,
    vis: u8,
    shndx: u16,
    value: u64,
    size: u64,
}

struct Elf<'a> {
    bytes: &'a [u8],
    sections: Vec<Section>,
    symbols: Vec<Sym>,
}

fn u16_at(b: &[u8], at: usize) -> u16 {
    u16::from_le_bytes(b[at..at + 2].try_into().unwrap())
}
fn u32_at(b: &[u8], at: usize) -> u32 {
    u32::from_le_bytes(b[at..at + 4].try_into().unwrap())
}
fn u64_at(b: &[u8], at: usize) -> u64 {
    u64::from_le_bytes(b[at..at + 8].try_into().unwrap())
}
fn c_str(b: &[u8], at: usize) -> String {
    let end = b[at..].iter().position(|&c| c == 0).unwrap() + at;
    String::from_utf8_lossy(&b[at..end]).into_owned()
}

impl<'a> Elf<'a> {
    fn parse(bytes: &'a [u8]) -> Elf<'a> {
        assert_eq!(&bytes[..4], b"\x7fELF");
        assert_eq!(bytes[4], 2, "ELF64");
        assert_eq!(bytes[5], 1, "little-endian");
        let shoff = u64_at(bytes, 0x28) as usize;
        let shentsize = u16_at(bytes, 0x3a) as usize;
        let shnum = u16_at(bytes, 0x3c) as usize;
        let shstrndx = u16_at(bytes, 0x3e) as usize;
        let raw: Vec<(u32, Section)> = (0..shnum)
            .map(|i| {
                let h = shoff + i * shentsize;
                (
                    u32_at(bytes, h),
                    Section {
                        name: String::new(),
                        kind: u32_at(bytes, h + 4),
                        flags: u64_at(bytes, h + 8),
                        offset: u64_at(bytes, h + 24),
                        size: u64_at(bytes, h + 32),
                        link: u32_at(bytes, h + 40),
                        info: u32_at(bytes, h + 44),
                    },
                )
            })
            .collect();
        let names_at = raw[shstrndx].1.offset as usize;
        let sections: Vec<Section> = raw
            .into_iter()
            .map(|(name, mut s)| {
                s.name = c_str(bytes, names_at + name as usize);
                s
            })
            .collect();
        let symtab = sections.iter().find(|s| s.kind == SHT_SYMTAB).unwrap();
        let strtab = sections[symtab.link as usize].offset as usize;
        let symbols = (0..symtab.size as usize / 24)
            .map(|i| {
                let at = symtab.offset as usize + 24 * i;
                Sym {
                    name: c_str(bytes, strtab + u32_at(bytes, at) as usize),
                    bind: bytes[at + 4] >> 4,
                    vis: bytes[at + 5] & 3,
                    shndx: u16_at(bytes, at + 6),
                    value: u64_at(bytes, at + 8),
                    size: u64_at(bytes, at + 16),
                }
            })
            .collect();
        Elf {
            bytes,
            sections,
            symbols,
        }
    }

    fn find(&self, name: &str) -> Option<&Sym> {
        self.symbols.iter().find(|s| s.name == name)
    }

    fn sym(&self, name: &str) -> &Sym {
        self.find(name)
            .unwrap_or_else(|| panic!("no symbol {name} in the object"))
    }

    /// Defined, global, default visibility: exported from a shared object.
    fn assert_exported(&self, name: &str) {
        let s = self.sym(name);
        assert!(
            s.shndx != SHN_UNDEF && s.bind == STB_GLOBAL && s.vis == STV_DEFAULT,
            "{name} is not exported: {s:?}"
        );
    }

    /// Defined, global, hidden: shared inside the link, invisible to the dynamic linker.
    fn assert_hidden(&self, name: &str) {
        let s = self.sym(name);
        assert!(
            s.shndx != SHN_UNDEF && s.bind == STB_GLOBAL && s.vis == STV_HIDDEN,
            "{name} is not hidden: {s:?}"
        );
    }

    fn assert_undefined(&self, name: &str) {
        let s = self.sym(name);
        assert!(s.shndx == SHN_UNDEF, "{name} is defined here: {s:?}");
    }

    fn section_of(&self, sym: &Sym) -> &Section {
        &self.sections[sym.shndx as usize]
    }

    /// Writable at run time: in a writable section other than `.data.rel.ro` (which is
    /// writable in the object, for the dynamic linker, and read-only after relocation).
    fn is_writable(&self, name: &str) -> bool {
        let section = self.section_of(self.sym(name));
        section.flags & SHF_WRITE != 0 && !section.name.starts_with(".data.rel.ro")
    }

    /// The bytes of a defined data symbol.
    fn data(&self, name: &str) -> &'a [u8] {
        let s = self.sym(name);
        let start = (self.section_of(s).offset + s.value) as usize;
        &self.bytes[start..start + s.size as usize]
    }

    fn word(&self, name: &str, offset: i32) -> i64 {
        u64_at(self.data(name), offset as usize) as i64
    }

    /// The symbol a relocation at `name + offset` refers to (a section's name for
    /// relocations against a section symbol).
    fn reloc_target(&self, name: &str, offset: i32) -> Option<String> {
        let s = self.sym(name);
        let target = s.value + offset as u64;
        self.sections
            .iter()
            .filter(|r| r.kind == SHT_RELA && r.info == u32::from(s.shndx))
            .find_map(|r| {
                (0..r.size as usize / 24).find_map(|i| {
                    let at = r.offset as usize + 24 * i;
                    if u64_at(self.bytes, at) != target {
                        return None;
                    }
                    let sym = &self.symbols[(u64_at(self.bytes, at + 8) >> 32) as usize];
                    Some(if sym.name.is_empty() {
                        self.section_of(sym).name.clone()
                    } else {
                        sym.name.clone()
                    })
                })
            })
    }
}

// ---- a core and an extension compiled against it ----

/// The builtin exception classes come first.
const BUILTINS: u32 = crate::rt::ExcKind::ALL.len() as u32;
const SPACE: ClassId = ClassId(BUILTINS);
const BASE: ClassId = ClassId(BUILTINS + 1);
const DERIVED: ClassId = ClassId(BUILTINS + 2);
/// Base's own id and the first id of its slack, and one past its slack.
const BASE_SLACK: (u32, u32) = (BUILTINS + 2, BUILTINS + 9);

// Core functions; the first three are the core's exports, imported by the extension.
const BASE_DESCRIBE: u32 = 0;
const SHOW: u32 = 1;
const TWICE: u32 = 2;
const INIT_CORE: u32 = 3;
// Extension functions, after the imported ones.
const DERIVED_DESCRIBE: u32 = 3;
const INIT_ITEMS: u32 = 4;
const INIT_MODULE: u32 = 5;

const FINGERPRINT: &str = "abc";
const EXT_NAME: &str = "extmod";

/// `Space.obj`, the first field.
const SPACE_OBJ: i32 = 8;

fn write_line(e: Expr, lits: &mut Lits) -> Stmt {
    write(concat(e, lits.get("\n")))
}

/// The core: `Space` (whose `obj` the extension fills), `Base` with a virtual
/// `describe` and slack for subclasses, `show(b)` calling it, `twice`, a global
/// `greeting`; `main` loads the extension named by `argv[1]` into a `Space` and
/// shows what it left there.
fn core_program() -> Program {
    let mut classes = Classes::builtin();
    let space = classes.add("Space", None, &[("obj", Type::Instance(BASE))], vec![]);
    let base = classes.add(
        "Base",
        None,
        &[("n", Type::Int)],
        vec![("describe", BASE_DESCRIBE)],
    );
    assert_eq!((space, base), (SPACE, BASE));
    let mut classes = classes.finish();
    let b = &mut classes[BASE.0 as usize];
    assert_eq!((b.id, b.slack_start), (BASE_SLACK.0 - 1, BASE_SLACK.0));
    b.id_max = BASE_SLACK.1;

    let mut s = Lits::default();
    let mut f = FnBuilder::new("base_describe", Type::Str);
    f.param("self", Type::Instance(BASE));
    let base_describe = f.body(vec![ret(s.get("base"))]);

    let mut f = FnBuilder::new("show", Type::None);
    let b = f.param("b", Type::Instance(BASE));
    let describe = Expr::new(
        ExprKind::VirtualCall {
            slot: 0,
            func: FuncId(BASE_DESCRIBE),
            args: vec![b.clone()],
        },
        Type::Str,
    );
    let show = f.body(vec![write_line(describe, &mut s)]);

    let mut f = FnBuilder::new("twice", Type::Int);
    let x = f.param("x", Type::Int);
    let twice = f.body(vec![ret(int_op(BinaryOp::IntMul, x.clone(), Expr::int(2)))]);

    let f = FnBuilder::new("init_core", Type::None);
    let init_core = f.body(vec![Stmt::AssignGlobal(GlobalId(0), s.get("hello"))]);

    let mut program = program_with_main(vec![base_describe, show, twice, init_core], &[], |argv| {
        let path = Expr::rt(Rt::ListGetItem, vec![argv.clone(), Expr::int(1)], Type::Str);
        let obj = || Expr::field(space_local(), SPACE_OBJ, Type::Instance(BASE));
        vec![
            Stmt::AssignLocal(LocalId(1), new(SPACE)),
            Stmt::Expr(Expr::rt(
                Rt::LoadExtension,
                vec![path, space_local()],
                Type::None,
            )),
            Stmt::Expr(call(SHOW, vec![obj()], Type::None)),
            write_line(
                Expr::rt(Rt::StrFromBool, vec![is_instance(&obj(), BASE)], Type::Str),
                &mut s,
            ),
            ret(Expr::int(0)),
        ]
    });
    let main = program.functions.last_mut().unwrap();
    main.locals.push(Local {
        name: "space".into(),
        ty: Type::Instance(SPACE),
    });
    program.classes = classes;
    program.strings = s.0;
    program.globals = vec![Global {
        name: "core.greeting".into(),
        symbol: "seam_test_g_greeting".into(),
        ty: Type::Str,
    }];
    program.init_order = vec![FuncId(INIT_CORE)];
    program.exports = tir::ExportList {
        functions: vec![FuncId(BASE_DESCRIBE), FuncId(SHOW), FuncId(TWICE)],
        classes: vec![SPACE, BASE],
        globals: vec![GlobalId(0)],
    };
    program.fingerprint = Some(FINGERPRINT.to_string());
    crate::analysis::compute_can_raise(&mut program);
    program
}

/// `main`'s local 1, the `Space` (local 0 is `argv`).
fn space_local() -> Expr {
    Expr::local(LocalId(1), Type::Instance(SPACE))
}

/// What loading the extension into [`core_program`] prints.
const EXPECTED_STDOUT: &str = "\
hello from ext
True True False
derived #4
caught v
derived #4
True
";

/// The extension: `Derived(Base)` overriding `describe`, a global `items: list[str]`
/// set by an initialiser, and `init_module(space)` exercising imports: a core
/// global, a core function, a core class's virtual call into the extension, a
/// builtin exception raised and caught, `isinstance` against its own class.
fn extension_program(core: &Program) -> Program {
    let mut classes = core.classes.clone();
    let base = &classes[BASE.0 as usize];
    let mut fields = base.fields.clone();
    fields.push(Field {
        name: "tag".into(),
        ty: Type::Str,
        offset: 8 + 8 * fields.len() as i32,
    });
    classes.push(tir::Class {
        name: "ext.Derived".into(),
        symbol: "seam_class_ext_Derived".into(),
        parent: Some(BASE),
        id: 0,
        id_max: 0,
        slack_start: 0,
        size: 8 + 8 * fields.len() as u32,
        fields,
        vtable: vec![VtableEntry {
            name: "describe".into(),
            func: FuncId(DERIVED_DESCRIBE),
            is_final: false,
        }],
        is_exception: false,
        is_final: false,
        builtin: None,
        ids_at_load: true,
        init_lends_self: false,
    });
    assert_eq!(classes.len() as u32 - 1, DERIVED.0);
    let tag_offset = classes[DERIVED.0 as usize].fields.last().unwrap().offset;

    let mut s = Lits::default();
    let items = || Expr::new(ExprKind::Global(GlobalId(1)), list_str());
    let greeting = Expr::new(ExprKind::Global(GlobalId(0)), Type::Str);

    let mut f = FnBuilder::new("ext_derived_describe", Type::Str);
    let this = f.param("self", Type::Instance(DERIVED));
    let derived_describe = f.body(vec![ret(concat(
        s.get("derived"),
        Expr::field(this.clone(), tag_offset, Type::Str),
    ))]);

    let f = FnBuilder::new("ext_init_items", Type::None);
    let append = |v: Expr| Stmt::Expr(Expr::rt(Rt::ListAppend, vec![items(), v], Type::None));
    let init_items = f.body(vec![
        Stmt::AssignGlobal(
            GlobalId(1),
            Expr::rt(
                Rt::ListNew,
                vec![Expr::bool(true), Expr::int(0)],
                list_str(),
            ),
        ),
        append(s.get("x")),
        append(s.get("y")),
    ]);

    let mut f = FnBuilder::new("ext_init_module", Type::None);
    let space = f.param("space", Type::Instance(SPACE));
    let d = f.local("d", Type::Instance(DERIVED));
    let b = f.local("b", Type::Instance(BASE));
    let e = f.local("e", Type::Instance(builtin(ExcKind::ValueError)));
    let str_of_bool = |e: Expr| Expr::rt(Rt::StrFromBool, vec![e], Type::Str);
    let len = Expr::field(items(), layout::LIST_LEN, Type::Int);
    let body = vec![
        assign(&d, new(DERIVED)),
        store(
            &d,
            tag_offset,
            concat(s.get(" #"), str_of_int(call(TWICE, vec![len], Type::Int))),
        ),
        store(&space, SPACE_OBJ, d.clone()),
        write_line(concat(greeting, s.get(" from ext")), &mut s),
        assign(&b, new(BASE)),
        write_line(
            concat(
                concat(
                    str_of_bool(is_instance(&d, DERIVED)),
                    concat(s.get(" "), str_of_bool(is_instance(&d, BASE))),
                ),
                concat(s.get(" "), str_of_bool(is_instance(&b, DERIVED))),
            ),
            &mut s,
        ),
        Stmt::Expr(call(SHOW, vec![d.clone()], Type::None)),
        try_stmt(
            vec![
                assign(&e, new(builtin(ExcKind::ValueError))),
                store(&e, layout::EXC_MESSAGE, s.get("v")),
                Stmt::Raise(e.clone()),
            ],
            vec![handler(
                &[builtin(ExcKind::ValueError)],
                &e,
                vec![write_line(
                    concat(s.get("caught "), super::classes::message(&e)),
                    &mut s,
                )],
            )],
            vec![],
            vec![],
        ),
    ];
    let init_module = f.body(body);

    let mut functions: Vec<Function> = core.functions[..3].to_vec();
    functions.extend([derived_describe, init_items, init_module]);
    let mut program = Program {
        functions,
        classes,
        globals: vec![
            core.globals[0].clone(),
            Global {
                name: "ext.items".into(),
                symbol: "seam_test_ext_g_items".into(),
                ty: list_str(),
            },
        ],
        strings: s.0,
        init_order: vec![FuncId(INIT_ITEMS)],
        extension: Some(ExtensionInfo {
            name: EXT_NAME.into(),
            fingerprint: FINGERPRINT.into(),
            depends: Vec::new(),
            provides: None,
            init_module: FuncId(INIT_MODULE),
            space_class: SPACE,
            imported_functions: vec![FuncId(BASE_DESCRIBE), FuncId(SHOW), FuncId(TWICE)],
            imported_classes: (0..DERIVED.0).map(ClassId).collect(),
            imported_globals: vec![GlobalId(0)],
            local_classes: vec![DERIVED],
        }),
        ..Program::default()
    };
    crate::analysis::compute_can_raise(&mut program);
    // The core's verdicts on its own functions stand (the extension cannot see their bodies).
    for i in 0..3 {
        program.functions[i].can_raise = core.functions[i].can_raise;
    }
    program
}

// ---- tests ----

#[test]
fn descriptors_hold_the_slack_start_before_the_vtable() {
    let program = core_program();
    let (obj, _) = emit(&program);
    let elf = Elf::parse(&obj);
    let base = &program.classes[BASE.0 as usize];
    assert_eq!(elf.word(&base.symbol, layout::CLASS_ID), i64::from(BASE.0));
    assert_eq!(
        elf.word(&base.symbol, layout::CLASS_MAX),
        i64::from(BASE_SLACK.1)
    );
    assert_eq!(
        elf.word(&base.symbol, layout::CLASS_SLACK_START),
        i64::from(BASE_SLACK.0)
    );
    assert_eq!(elf.word(&base.symbol, layout::CLASS_VTABLE_LEN), 1);
    assert_eq!(elf.sym(&base.symbol).size, layout::CLASS_VTABLE as u64 + 8);
    assert_eq!(
        elf.reloc_target(&base.symbol, layout::CLASS_VTABLE),
        Some("seam_test_base_describe".to_string())
    );
    assert!(!elf.is_writable(&base.symbol));
    elf.assert_exported(&base.symbol);
}

#[test]
fn a_core_embeds_its_fingerprint_and_registers_static_extensions() {
    let mut program = core_program();
    let (obj, _) = emit(&program);
    let elf = Elf::parse(&obj);
    elf.assert_exported(rt::CORE_FINGERPRINT);
    assert_eq!(elf.data(rt::CORE_FINGERPRINT), b"abc\0");
    assert!(!elf.is_writable(rt::CORE_FINGERPRINT));
    assert!(elf.find(Rt::RegisterStaticExtensions.symbol()).is_none());
    assert!(dynamic_symbols(&program).contains(&rt::CORE_FINGERPRINT.to_string()));
    assert!(extension_exports(&program).is_empty());

    program.static_extensions = vec!["extmod".into(), "other".into()];
    let (obj, _) = emit(&program);
    let elf = Elf::parse(&obj);
    elf.assert_undefined("seam_ext__extmod");
    elf.assert_undefined("seam_ext__other");
    elf.assert_undefined(Rt::RegisterStaticExtensions.symbol());
    let table = elf.sym("seam.static_extensions");
    assert_eq!(table.size, 32);
    assert_eq!(table.bind, STB_LOCAL);
    assert_eq!(
        elf.reloc_target("seam.static_extensions", 8).as_deref(),
        Some("seam_ext__extmod")
    );
    assert_eq!(
        elf.reloc_target("seam.static_extensions", 24).as_deref(),
        Some("seam_ext__other")
    );
    assert!(elf.reloc_target("seam.static_extensions", 0).is_some());

    program.fingerprint = None;
    let (obj, _) = emit(&program);
    assert!(Elf::parse(&obj).find(rt::CORE_FINGERPRINT).is_none());
    assert!(!dynamic_symbols(&program).contains(&rt::CORE_FINGERPRINT.to_string()));
}

#[test]
fn an_extension_exports_init_module_hides_its_own_and_imports_the_core() {
    let core = core_program();
    let program = extension_program(&core);
    for opt_level in [OptLevel::None, OptLevel::Speed] {
        emit_with(&program, opt_level);
    }
    // Linked into a core (`--static-ext`): nothing exported at all.
    let (obj, _) = emit(&program);
    let elf = Elf::parse(&obj);
    let exported = |elf: &Elf| -> Vec<String> {
        elf.symbols
            .iter()
            .filter(|s| s.shndx != SHN_UNDEF && s.bind == STB_GLOBAL && s.vis == STV_DEFAULT)
            .map(|s| s.name.clone())
            .collect()
    };
    assert!(exported(&elf).is_empty(), "{:?}", exported(&elf));
    assert!(elf.find("init_module").is_none());

    // For a shared object: `init_module` alone, at the extension's own
    // `init_module` function, which the descriptor names too.
    let (obj, _) = emit_shared(&program);
    let elf = Elf::parse(&obj);
    let desc = "seam_ext__extmod";
    assert_eq!(extension_exports(&program), vec!["init_module".to_string()]);
    elf.assert_exported("init_module");
    assert_eq!(exported(&elf), vec!["init_module".to_string()]);
    let init = program
        .extension
        .as_ref()
        .expect("an extension")
        .init_module;
    let own = elf.sym(&program.functions[init.0 as usize].symbol);
    let entry = elf.sym("init_module");
    assert_eq!((entry.shndx, entry.value), (own.shndx, own.value));
    assert_eq!(elf.section_of(elf.sym(desc)).name, "seam_ext");
    elf.assert_hidden(desc);
    assert!(elf.find(rt::PROGRAM_MAIN).is_none());
    assert!(elf.find(Rt::RegisterBuiltinClasses.symbol()).is_none());
    assert!(elf.find(Rt::GcAddRoot.symbol()).is_none());

    // Its own functions, globals and classes: hidden.
    for f in &program.functions[3..] {
        elf.assert_hidden(&f.symbol);
    }
    elf.assert_hidden("seam_ext__extmod__init_globals");
    elf.assert_hidden("seam_test_ext_g_items");
    elf.assert_hidden("seam_class_ext_Derived");
    // The core's: undefined, resolved against the executable, and only those the
    // extension uses (the overridden `describe` is referenced by nothing).
    for f in &program.functions[..3] {
        if elf.find(&f.symbol).is_some() {
            elf.assert_undefined(&f.symbol);
        }
    }
    assert!(
        elf.find("seam_test_base_describe").is_none(),
        "an import nothing uses is not declared"
    );
    elf.assert_undefined("seam_test_g_greeting");
    for class in &program.classes[..DERIVED.0 as usize] {
        if elf.find(&class.symbol).is_some() {
            elf.assert_undefined(&class.symbol);
        }
    }
    elf.assert_undefined("seam_class_builtin_ValueError");
    elf.assert_undefined("seam_class_test_Base");
    elf.assert_undefined("seam_class_test_Space");

    // Its class: writable, the id range left to the loader, parent and inherited
    // slots pointing into the core, the override into the extension.
    let derived = "seam_class_ext_Derived";
    assert!(elf.is_writable(derived));
    for offset in [
        layout::CLASS_ID,
        layout::CLASS_MAX,
        layout::CLASS_SLACK_START,
    ] {
        assert_eq!(elf.word(derived, offset), 0);
    }
    assert_eq!(elf.word(derived, layout::CLASS_SIZE), 24);
    assert_eq!(
        elf.reloc_target(derived, layout::CLASS_PARENT).as_deref(),
        Some("seam_class_test_Base")
    );
    assert_eq!(
        elf.reloc_target(derived, layout::CLASS_VTABLE).as_deref(),
        Some("seam_test_ext_derived_describe")
    );
    // The GcTypeInfo lists `tag` (and nothing else: `n` is an int).
    assert_eq!(elf.word(derived, 0) as u64 >> 32, 1);

    // The descriptor (in its own section, which the static linker places
    // with the writable data).
    assert_eq!(elf.sym(desc).size, layout::EXT_SIZE as u64);
    assert_eq!(
        elf.word(desc, layout::EXT_VERSION),
        layout::EXT_LAYOUT_VERSION
    );
    assert_eq!(elf.word(desc, layout::EXT_CLASS_COUNT), 1);
    // `items`, and every literal.
    assert_eq!(
        elf.word(desc, layout::EXT_ROOT_COUNT),
        1 + program.strings.len() as i64
    );
    assert_eq!(
        elf.reloc_target(desc, layout::EXT_INIT_GLOBALS).as_deref(),
        Some("seam_ext__extmod__init_globals")
    );
    assert_eq!(
        elf.reloc_target(desc, layout::EXT_INIT_MODULE).as_deref(),
        Some("seam_test_ext_init_module")
    );
    assert_eq!(
        elf.reloc_target(desc, layout::EXT_SPACE_CLASS).as_deref(),
        Some("seam_class_test_Space")
    );
    for offset in [
        layout::EXT_FINGERPRINT,
        layout::EXT_NAME,
        layout::EXT_CLASSES,
        layout::EXT_ROOTS,
    ] {
        assert!(elf.reloc_target(desc, offset).is_some(), "offset {offset}");
    }
    assert_eq!(elf.data("seam.ext.fingerprint"), b"abc\0");
    assert_eq!(elf.data("seam.ext.name"), b"extmod\0");
    assert_eq!(
        elf.reloc_target("seam.ext.classes", 0).as_deref(),
        Some(derived)
    );
    assert_eq!(
        elf.reloc_target("seam.ext.roots", 0).as_deref(),
        Some("seam_test_ext_g_items")
    );

    // isinstance against its own class loads the bounds; against the core's, immediates.
    let clif = clif_of("test.ext_init_module");
    assert!(clif.contains("isub"), "{clif}");
}

#[test]
fn an_extension_class_list_must_partition_the_classes() {
    let core = core_program();
    let mut program = extension_program(&core);
    program.extension.as_mut().unwrap().local_classes.clear();
    let err = emit_object(&program, &CodegenConfig::default()).unwrap_err();
    assert!(
        err.to_string().contains("neither imported nor local"),
        "{err}"
    );
    let mut program = extension_program(&core);
    program.extension.as_mut().unwrap().init_module = FuncId(SHOW);
    let err = emit_object(&program, &CodegenConfig::default()).unwrap_err();
    assert!(err.to_string().contains("init_module"), "{err}");
}

// ---- linking and running, when the runtime has the loader ----

/// The runtime library, when it also defines `symbol`.
fn runtime_with(symbol: &str) -> Option<std::path::PathBuf> {
    let runtime = runtime_library()?;
    let bytes = std::fs::read(&runtime).ok()?;
    contains(&bytes, format!("\0{symbol}\0").as_bytes()).then_some(runtime)
}

fn run_core(exe: &std::path::Path, arg: &std::path::Path) {
    for stress in ["0", "1"] {
        let run = std::process::Command::new(exe)
            .arg(arg)
            .env("SEAM_GC_STRESS", stress)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&run.stderr);
        assert_eq!(
            String::from_utf8_lossy(&run.stdout),
            EXPECTED_STDOUT,
            "SEAM_GC_STRESS={stress}; stderr: {stderr}"
        );
        assert_eq!(run.status.code(), Some(0), "{stderr}");
    }
}

fn cc(args: &[&std::ffi::OsStr]) {
    let out = std::process::Command::new("cc")
        .args(args)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "cc failed:\n{stderr}");
    // Text relocations, for one, are only a warning.
    assert!(!stderr.contains("warning"), "cc warned:\n{stderr}");
}

/// The core executable loads the extension from a shared object built with
/// `cc -shared -nostdlib`, as `seam build-ext` links it.
#[test]
fn a_core_loads_an_extension_from_a_shared_object() {
    let Some(runtime) = runtime_with(Rt::LoadExtension.symbol()) else {
        return;
    };
    let core = core_program();
    let exe = link(&core, &runtime, "ext-core");
    let dir = exe.parent().unwrap().to_path_buf();
    let (ext_obj, _) = emit_shared(&extension_program(&core));
    let obj_path = dir.join("extmod.o");
    let so_path = dir.join("extmod.so");
    std::fs::write(&obj_path, ext_obj).unwrap();
    cc(&[
        "-shared".as_ref(),
        "-nostdlib".as_ref(),
        obj_path.as_os_str(),
        "-o".as_ref(),
        so_path.as_os_str(),
    ]);
    // `load_extension` takes the path without the `.so`, as an import names a module.
    run_core(&exe, &dir.join(EXT_NAME));
    let dynamic = std::process::Command::new("readelf")
        .arg("-d")
        .arg(&so_path)
        .output();
    if let Ok(dynamic) = dynamic {
        let dynamic = String::from_utf8_lossy(&dynamic.stdout);
        assert!(!dynamic.contains("TEXTREL"), "{dynamic}");
    }
    std::fs::remove_dir_all(&dir).ok();
}

/// The extension's object linked into the core (`--static-ext`): found by name.
#[test]
fn a_core_finds_an_extension_linked_in() {
    let Some(runtime) = runtime_with(Rt::RegisterStaticExtensions.symbol()) else {
        return;
    };
    let mut core = core_program();
    core.static_extensions = vec![EXT_NAME.to_string()];
    let dir = std::env::temp_dir().join(format!("seam-codegen-ext-static-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (core_obj, _) = emit(&core);
    let (ext_obj, _) = emit(&extension_program(&core));
    let core_path = dir.join("core.o");
    let ext_path = dir.join("extmod.o");
    let list_path = dir.join("dynamic.list");
    let exe = dir.join("core");
    std::fs::write(&core_path, core_obj).unwrap();
    std::fs::write(&ext_path, ext_obj).unwrap();
    std::fs::write(
        &list_path,
        format!("{{ {}; }};\n", dynamic_symbols(&core).join("; ")),
    )
    .unwrap();
    let list_arg = format!("-Wl,--dynamic-list={}", list_path.display());
    cc(&[
        core_path.as_os_str(),
        ext_path.as_os_str(),
        runtime.as_os_str(),
        "-lm".as_ref(),
        "-o".as_ref(),
        exe.as_os_str(),
        list_arg.as_ref(),
    ]);
    run_core(&exe, std::path::Path::new(EXT_NAME));
    std::fs::remove_dir_all(&dir).ok();
}
