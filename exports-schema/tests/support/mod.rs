//! Exports files built by hand, shared by the tests and the decode benchmark.

#![allow(dead_code, reason = "each test binary uses a different part")]

use seam_exports_schema::{
    AbiClass, ExportedClass, ExportedField, ExportedFunction, ExportedGlobal, ExportsFile,
    InitMethod, Literal, Param, RuntimeData, RuntimeFunction, TypeRef, VtableSlot,
};

pub fn param(name: &str, ty: TypeRef) -> Param {
    Param {
        name: name.to_string(),
        ty,
        default: None,
    }
}

pub fn instance(name: &str) -> TypeRef {
    TypeRef::Instance(name.to_string())
}

/// A class at `id` with `fields` (name, type) laid out after the descriptor word.
pub fn class(
    name: &str,
    parent: Option<&str>,
    id: u32,
    id_max: u32,
    slack: u32,
    fields: &[(&str, TypeRef)],
) -> ExportedClass {
    let (module, short) = name.rsplit_once('.').unwrap_or(("builtins", name));
    let fields: Vec<ExportedField> = fields
        .iter()
        .enumerate()
        .map(|(i, (n, t))| ExportedField {
            name: n.to_string(),
            ty: t.clone(),
            offset: 8 + 8 * i as i32,
        })
        .collect();
    ExportedClass {
        qualified_name: name.to_string(),
        module: module.to_string(),
        name: short.to_string(),
        exported: true,
        parent: parent.map(str::to_string),
        id,
        id_max,
        slack_start: id_max - slack,
        size: 8 + 8 * fields.len() as u32,
        align: 8,
        gc_ref_offsets: fields
            .iter()
            .filter(|f| f.ty.is_ref())
            .map(|f| f.offset)
            .collect(),
        fields,
        vtable: Vec::new(),
        is_exception: false,
        is_final: false,
        ids_at_load: false,
        builtin_kind: None,
        descriptor_symbol: format!("seam_C_{}", name.replace('.', "_")),
        init: None,
    }
}

pub fn slot(slot: u32, name: &str, owner: &str, ret: TypeRef) -> VtableSlot {
    VtableSlot {
        slot,
        name: name.to_string(),
        params: vec![param("self", instance(owner))],
        ret,
        symbol: format!("seam_M_{}_{name}", owner.replace('.', "_")),
        is_final: false,
        can_raise: true,
        impl_can_raise: false,
    }
}

pub fn function(
    qualified: &str,
    params: Vec<Param>,
    ret: TypeRef,
    can_raise: bool,
) -> ExportedFunction {
    let (module, name) = qualified.rsplit_once('.').expect("qualified");
    ExportedFunction {
        qualified_name: qualified.to_string(),
        module: module.to_string(),
        name: name.to_string(),
        symbol: format!("seam_F_{}", qualified.replace('.', "_")),
        params,
        ret,
        can_raise,
    }
}

pub fn runtime() -> (Vec<RuntimeFunction>, Vec<RuntimeData>) {
    (
        vec![
            RuntimeFunction {
                symbol: "seam_alloc".into(),
                params: vec![AbiClass::Ptr, AbiClass::I64],
                ret: Some(AbiClass::Ptr),
                can_raise: false,
                noreturn: false,
            },
            RuntimeFunction {
                symbol: "seam_raise".into(),
                params: vec![AbiClass::Ptr],
                ret: None,
                can_raise: true,
                noreturn: false,
            },
        ],
        vec![RuntimeData {
            role: "exception state".into(),
            symbol: "seam_exc_current".into(),
        }],
    )
}

/// A small core: `Exception`, a three-class hierarchy, two functions, a global.
pub fn sample() -> ExportsFile {
    let mut exception = class("Exception", None, 1, 20, 16, &[("$message", TypeRef::Str)]);
    exception.is_exception = true;
    exception.builtin_kind = Some(0);
    let mut root = class("main.W_Root", None, 20, 41, 16, &[]);
    root.vtable = vec![slot(0, "repr", "main.W_Root", TypeRef::Str)];
    let mut int = class(
        "main.W_Int",
        Some("main.W_Root"),
        21,
        25,
        2,
        &[
            ("value", TypeRef::Int),
            ("next", TypeRef::Optional(Box::new(instance("main.W_Int")))),
        ],
    );
    int.vtable = vec![slot(0, "repr", "main.W_Int", TypeRef::Str)];
    int.init = Some(InitMethod {
        defined_in: "main.W_Int".into(),
        symbol: "seam_M_main_W_Int___init__".into(),
        params: vec![
            param("self", instance("main.W_Int")),
            param("value", TypeRef::Int),
        ],
        can_raise: false,
        lends_self: false,
    });
    let mut leaf = class(
        "main.W_Leaf",
        Some("main.W_Int"),
        22,
        23,
        0,
        &[
            ("value", TypeRef::Int),
            ("next", TypeRef::Optional(Box::new(instance("main.W_Int")))),
        ],
    );
    leaf.is_final = true;
    leaf.vtable = int.vtable.clone();
    leaf.vtable[0].is_final = true;
    let (runtime, runtime_data) = runtime();
    let mut add = function(
        "main.add",
        vec![param("a", TypeRef::Int), param("b", TypeRef::Int)],
        TypeRef::Int,
        false,
    );
    add.params[1].default = Some(Literal::Int(1));
    let mut file = ExportsFile {
        seam_version: "0.1.0".into(),
        runtime_abi_version: 1,
        target: "x86_64-unknown-linux-gnu".into(),
        fingerprint: Default::default(),
        modules: vec!["main".into()],
        functions: vec![
            add,
            function(
                "main.wrap",
                vec![param("xs", TypeRef::List(Box::new(TypeRef::Int)))],
                TypeRef::Dict(
                    Box::new(TypeRef::Str),
                    Box::new(TypeRef::Tuple(vec![
                        instance("main.W_Root"),
                        TypeRef::Float,
                    ])),
                ),
                true,
            ),
            function(
                "main.apply",
                vec![
                    param(
                        "f",
                        TypeRef::Callable(
                            vec![instance("main.W_Root"), TypeRef::Int],
                            Box::new(TypeRef::Optional(Box::new(instance("main.W_Int")))),
                        ),
                    ),
                    param("x", TypeRef::Int),
                ],
                TypeRef::Callable(vec![], Box::new(TypeRef::None)),
                true,
            ),
        ],
        classes: vec![exception, root, int, leaf],
        globals: vec![ExportedGlobal {
            qualified_name: "main.COUNT".into(),
            module: "main".into(),
            name: "COUNT".into(),
            ty: TypeRef::Int,
            symbol: "seam_G_main_COUNT".into(),
        }],
        runtime,
        runtime_data,
        extension: None,
    };
    file.seal();
    file
}

/// A large core: `n_classes` classes in chains of ten, `n_functions` functions over them.
pub fn synthetic(n_functions: usize, n_classes: usize) -> ExportsFile {
    const CHAIN: usize = 10;
    const SLACK: u32 = 4;
    let mut classes = Vec::with_capacity(n_classes);
    let mut next_id = 1u32;
    for chain in 0..n_classes.div_ceil(CHAIN) {
        let len = CHAIN.min(n_classes - chain * CHAIN);
        // A chain c0 > c1 > ... : each class's range holds the next one, then its own slack.
        let total = len as u32 * (1 + SLACK);
        for depth in 0..len {
            let name = format!("m{}.C{}", chain % 7, chain * CHAIN + depth);
            let parent =
                (depth > 0).then(|| format!("m{}.C{}", chain % 7, chain * CHAIN + depth - 1));
            let id = next_id + depth as u32;
            let id_max = next_id + total - depth as u32 * SLACK;
            let fields: Vec<(String, TypeRef)> = (0..=depth)
                .map(|f| {
                    (
                        format!("f{f}"),
                        if f % 2 == 0 {
                            TypeRef::Int
                        } else {
                            TypeRef::List(Box::new(TypeRef::Str))
                        },
                    )
                })
                .collect();
            let fields: Vec<(&str, TypeRef)> = fields
                .iter()
                .map(|(n, t)| (n.as_str(), t.clone()))
                .collect();
            let mut c = class(&name, parent.as_deref(), id, id_max, SLACK, &fields);
            c.vtable = (0..=depth as u32)
                .map(|s| slot(s, &format!("m{s}"), &name, TypeRef::Int))
                .collect();
            classes.push(c);
        }
        next_id += total;
    }
    let functions = (0..n_functions)
        .map(|i| {
            let cls = instance(&classes[i % classes.len()].qualified_name);
            function(
                &format!("m{}.f{i}", i % 7),
                vec![
                    param("a", TypeRef::Int),
                    param("b", TypeRef::Str),
                    param("obj", cls.clone()),
                ],
                TypeRef::Optional(Box::new(cls)),
                i % 3 == 0,
            )
        })
        .collect();
    let (runtime, runtime_data) = runtime();
    let mut file = ExportsFile {
        seam_version: "0.1.0".into(),
        runtime_abi_version: 1,
        target: "x86_64-unknown-linux-gnu".into(),
        fingerprint: Default::default(),
        modules: (0..7).map(|m| format!("m{m}")).collect(),
        functions,
        classes,
        globals: Vec::new(),
        runtime,
        runtime_data,
        extension: None,
    };
    file.seal();
    file
}
