//! Lowering of one [`tir::Function`] to Cranelift IR, and the shadow-stack
//! frame that [`super::define_program_main`] shares.
//!
//! Values live where their type says: references in shadow-stack slots (so
//! the precise collector sees them and may move them), everything else in
//! Cranelift variables. A frame is laid out as
//!
//! ```text
//!   base ─▶ [ reference locals ... | temporaries (stack discipline) ... ] ◀─ base + 8 * nslots = new top
//! ```
//!
//! where `base` is the shadow-stack top on entry. The number of temporaries is
//! known only after the body is lowered, so the prologue's frame size is an
//! `iconst` patched afterwards and the slot-zeroing stores are inserted then
//! (see [`finish_frame`]).
//!
//! Evaluation order is left to right everywhere, operands in the order the
//! TIR lists them: a `StoreField` evaluates its base before its value.
//!
//! Exceptions follow RPython's exception transformer: a raising call returns
//! normally with the exception state set, and the caller tests the state
//! after every call that can raise, branching to the current *exception
//! target* (a `try`'s dispatch, or the function's propagate block, which
//! pops the frame and returns a zero). `try`/`finally` is lowered in
//! `function/exceptions.rs`.

mod exceptions;

use std::collections::{HashMap, HashSet};

use cranelift_codegen::cursor::{Cursor, FuncCursor};
use cranelift_codegen::ir::condcodes::{FloatCC, IntCC};
use cranelift_codegen::ir::{
    self, BlockArg, FuncRef, GlobalValue, InstBuilder, MemFlagsData, TrapCode, UserFuncName, Value,
    types,
};
use cranelift_codegen::{CodegenError as ClifError, Context};
use cranelift_frontend::{FunctionBuilder, FunctionBuilderContext, Variable};
use cranelift_module::{DataId, FuncId, Module, ModuleError};

use super::counters;
use super::roots::{self, OperandPlan};
use super::{CodegenError, ModuleState, abi_type, function_signature, value_type};
use crate::layout;
use crate::rt::{Abi, Rt};
use crate::tir::{self, BinaryOp, Expr, ExprKind, Stmt, Type, UnaryOp};
use seam_abi::gc;

/// Trap after a call of a runtime function that never returns.
const TRAP_NORETURN: TrapCode = TrapCode::unwrap_user(1);
/// Trap where control reaches code the front end promised unreachable
/// (falling off a function that returns a value).
const TRAP_UNREACHABLE: TrapCode = TrapCode::unwrap_user(2);

/// Lowers function `index` of `program` and defines it in the module.
pub(super) fn define_function(
    state: &mut ModuleState,
    program: &tir::Program,
    index: usize,
    ctx: &mut Context,
    fctx: &mut FunctionBuilderContext,
) -> Result<(), CodegenError> {
    let func = &program.functions[index];
    let id = state.function(program, index)?;
    ctx.func.signature = function_signature(&state.module, func)?;
    ctx.func.name = UserFuncName::user(0, id.as_u32());

    let mut b = FunctionBuilder::new(&mut ctx.func, fctx);
    let entry = b.create_block();
    b.append_block_params_for_function_params(entry);
    b.switch_to_block(entry);
    b.seal_block(entry);
    let params = b.block_params(entry).to_vec();

    let mut refs = SymbolRefs::default();
    let mut homes = Vec::with_capacity(func.locals.len());
    let mut ref_slots = 0u32;
    let framed = roots::needs_frame(func, tir::FuncId(index as u32), &program.collect_free);
    for local in &func.locals {
        // A function without a frame keeps its references in variables.
        if local.ty.is_ref() && framed {
            homes.push(LocalHome::Slot(ref_slots));
            ref_slots += 1;
        } else {
            homes.push(LocalHome::Var(b.declare_var(value_type(&local.ty))));
        }
    }
    let recursion = if program.checks_stack.contains(&tir::FuncId(index as u32)) {
        Some(check_native_stack(&mut b, state, &mut refs, func)?)
    } else {
        None
    };
    let frame = if framed {
        Some(push_frame(&mut b, state, &mut refs, recursion)?)
    } else {
        None
    };

    let mut lower = Lowerer {
        state,
        program,
        func,
        b,
        refs,
        homes,
        frame,
        ref_slots,
        temps_live: 0,
        temps_max: 0,
        loops: Vec::new(),
        finallies: Vec::new(),
        exc_target: None,
        propagate: None,
        used_targets: HashSet::new(),
        dead: false,
        counters: counters::counters(func),
    };
    for (&p, &v) in func.params.iter().zip(&params) {
        lower.assign_local(p, v)?;
    }
    lower.stmts(&func.body)?;
    if lower.dead || func.ret != Type::None {
        lower.b.ins().trap(TRAP_UNREACHABLE);
    } else {
        lower.return_values(&[]);
    }
    lower.lower_propagate_block();

    let nslots = lower.ref_slots + lower.temps_max;
    let param_slots: Vec<u32> = func
        .params
        .iter()
        .filter_map(|p| match lower.homes.get(p.0 as usize) {
            Some(LocalHome::Slot(slot)) => Some(*slot),
            _ => None,
        })
        .collect();
    let frame = lower.frame;
    let mut b = lower.b;
    b.seal_all_blocks();
    b.finalize(state.module.target_config());
    if let Some(frame) = &frame {
        finish_frame(&mut ctx.func, frame, nslots, &param_slots);
    }
    #[cfg(test)]
    super::tests::record_function(&func.name, frame.as_ref().map(|_| nslots), &ctx.func);
    compile(state, id, ctx, &func.name)
}

/// Defines the function built in `ctx` under `id`, turning a verifier failure into its report.
pub(super) fn compile(
    state: &mut ModuleState,
    id: FuncId,
    ctx: &mut Context,
    name: &str,
) -> Result<(), CodegenError> {
    match state.module.define_function(id, ctx) {
        Ok(()) => {
            state.module.clear_context(ctx);
            Ok(())
        }
        Err(ModuleError::Compilation(ClifError::Verifier(errors))) => Err(CodegenError::Verifier {
            function: name.to_string(),
            message: cranelift_codegen::print_errors::pretty_verifier_error(
                &ctx.func, None, errors,
            ),
        }),
        Err(ModuleError::Compilation(e)) => Err(CodegenError::Compile {
            function: name.to_string(),
            message: e.to_string(),
        }),
        Err(e) => Err(CodegenError::Module(e.to_string())),
    }
}

/// Memory flags for accesses the backend knows are aligned and cannot fault:
/// shadow-stack slots, data symbols, and fields of live objects.
pub(super) fn trusted() -> MemFlagsData {
    MemFlagsData::trusted()
}

/// Per-function references to module symbols, imported into the function once each.
#[derive(Default)]
pub(super) struct SymbolRefs {
    funcs: HashMap<FuncId, FuncRef>,
    addresses: HashMap<FuncId, FuncRef>,
    data: HashMap<DataId, GlobalValue>,
}

impl SymbolRefs {
    /// A reference for calling function `id`: always a direct `call SYMBOL`
    /// (`R_X86_64_PLT32`), an import's included. In a core the static linker
    /// binds it to the function (or to a PLT entry for a C library's); in an
    /// extension's shared object it goes through a PLT entry, which the mapper
    /// bypasses when it maps the image near the core (`runtime/src/mapper.rs`).
    /// A call through the GOT (`mov GOT(%rip), %reg; call *%reg`) would be four
    /// bytes longer than the core's call even once rewritten, and the same
    /// loop would not have the same layout in a core and in an extension.
    pub(super) fn func(
        &mut self,
        b: &mut FunctionBuilder,
        state: &mut ModuleState,
        id: FuncId,
    ) -> FuncRef {
        *self.funcs.entry(id).or_insert_with(|| {
            let fref = state.module.declare_func_in_func(id, b.func);
            b.func.dfg.ext_funcs[fref].colocated = true;
            fref
        })
    }

    /// A reference for taking the address of function `id` (`func_addr`): an
    /// import's address comes from the GOT, never PC-relative.
    pub(super) fn func_address(
        &mut self,
        b: &mut FunctionBuilder,
        state: &mut ModuleState,
        id: FuncId,
    ) -> FuncRef {
        *self
            .addresses
            .entry(id)
            .or_insert_with(|| state.module.declare_func_in_func(id, b.func))
    }

    pub(super) fn data(
        &mut self,
        b: &mut FunctionBuilder,
        state: &ModuleState,
        id: DataId,
    ) -> GlobalValue {
        *self
            .data
            .entry(id)
            .or_insert_with(|| state.module.declare_data_in_func(id, b.func))
    }
}

/// A function's shadow-stack frame, as far as the prologue built it.
pub(super) struct Frame {
    /// The address of `seam_shadow_stack_top` (loaded from the GOT once).
    top_addr: Value,
    /// The top on entry: slot `i` is at `base + 8 * i`; storing it back pops the frame.
    base: Value,
    /// The `iconst` holding the frame size in bytes, patched by [`finish_frame`].
    size_inst: ir::Inst,
    /// The store of the bumped top; the slot-zeroing stores go before it.
    bump_inst: ir::Inst,
}

/// How much of the shadow stack a function that may recurse leaves free for
/// the functions it calls without a check: it raises `RecursionError` when its
/// frame would come closer than this to the limit. (The native stack's
/// headroom is the runtime's, see [`crate::rt::STACK_LIMIT`].)
const SHADOW_HEADROOM_BYTES: i64 = 1 << 20;

/// The first check of a function that may recurse (see
/// [`crate::analysis::compute_checks_stack`]): when the stack pointer is below
/// [`crate::rt::STACK_LIMIT`], raise `RecursionError` and return at once. Returns
/// that cold exit, for the shadow-stack check to share; the block stays unsealed.
fn check_native_stack(
    b: &mut FunctionBuilder,
    state: &mut ModuleState,
    refs: &mut SymbolRefs,
    func: &tir::Function,
) -> Result<ir::Block, CodegenError> {
    let ptr = state.ptr;
    let limit_gv = refs.data(b, state, state.stack_limit);
    let limit_addr = b.ins().symbol_value(ptr, limit_gv);
    let limit = b.ins().load(ptr, trusted(), limit_addr, 0);
    let sp = b.ins().get_stack_pointer(ptr);
    let low = b.ins().icmp(IntCC::UnsignedLessThan, sp, limit);
    let raise = b.create_block();
    let ok = b.create_block();
    b.set_cold_block(raise);
    b.ins().brif(low, raise, &[], ok, &[]);

    b.switch_to_block(raise);
    let handler = state.runtime_function(Rt::RaiseRecursion)?;
    let handler = refs.func(b, state, handler);
    b.ins().call(handler, &[]);
    if func.ret == Type::None {
        b.ins().return_(&[]);
    } else {
        let ty = value_type(&func.ret);
        let zero = if ty == types::F64 {
            b.ins().f64const(0.0)
        } else {
            b.ins().iconst(ty, 0)
        };
        b.ins().return_(&[zero]);
    }

    b.switch_to_block(ok);
    b.seal_block(ok);
    Ok(raise)
}

/// Emits the prologue: reserve the frame on the shadow stack. When it does not
/// fit, call [`Rt::ShadowStackOverflow`]; or, for a function that may recurse
/// (`recursion` is its cold exit from [`check_native_stack`]), raise
/// `RecursionError` there when less than [`SHADOW_HEADROOM_BYTES`] would remain.
pub(super) fn push_frame(
    b: &mut FunctionBuilder,
    state: &mut ModuleState,
    refs: &mut SymbolRefs,
    recursion: Option<ir::Block>,
) -> Result<Frame, CodegenError> {
    let ptr = state.ptr;
    let top_gv = refs.data(b, state, state.shadow_top);
    let limit_gv = refs.data(b, state, state.shadow_limit);
    let top_addr = b.ins().symbol_value(ptr, top_gv);
    let base = b.ins().load(ptr, trusted(), top_addr, 0);
    let size = b.ins().iconst(ptr, 0);
    let size_inst = b.func.dfg.value_def(size).unwrap_inst();
    let new_top = b.ins().iadd(base, size);
    let limit_addr = b.ins().symbol_value(ptr, limit_gv);
    let limit = b.ins().load(ptr, trusted(), limit_addr, 0);
    let ok = b.create_block();
    if let Some(raise) = recursion {
        let probe = b.ins().iadd_imm_s(new_top, SHADOW_HEADROOM_BYTES);
        let overflows = b.ins().icmp(IntCC::UnsignedGreaterThan, probe, limit);
        b.ins().brif(overflows, raise, &[], ok, &[]);
    } else {
        let overflows = b.ins().icmp(IntCC::UnsignedGreaterThan, new_top, limit);
        let overflow = b.create_block();
        b.set_cold_block(overflow);
        b.ins().brif(overflows, overflow, &[], ok, &[]);

        b.switch_to_block(overflow);
        b.seal_block(overflow);
        let handler = state.runtime_function(Rt::ShadowStackOverflow)?;
        let handler = refs.func(b, state, handler);
        b.ins().call(handler, &[]);
        b.ins().trap(TRAP_NORETURN);
    }

    b.switch_to_block(ok);
    b.seal_block(ok);
    let bump_inst = b.ins().store(trusted(), new_top, top_addr, 0);
    Ok(Frame {
        top_addr,
        base,
        size_inst,
        bump_inst,
    })
}

/// Completes a frame once its slot count is known: patches the size and
/// zeroes every slot before the frame becomes visible to the collector,
/// except the `preset` slots the code right after the prologue fills
/// (reference parameters) with nothing in between that could collect.
pub(super) fn finish_frame(func: &mut ir::Function, frame: &Frame, nslots: u32, preset: &[u32]) {
    func.replace(frame.size_inst)
        .iconst(types::I64, i64::from(nslots) * 8);
    let mut pos = FuncCursor::new(func).at_inst(frame.bump_inst);
    let mut zero = None;
    for slot in (0..nslots).filter(|s| !preset.contains(s)) {
        let z = *zero.get_or_insert_with(|| pos.ins().iconst(types::I64, 0));
        pos.ins().store(trusted(), z, frame.base, slot_offset(slot));
    }
}

/// Pops the frame: the epilogue of every return.
pub(super) fn pop_frame(b: &mut FunctionBuilder, frame: &Frame) {
    b.ins().store(trusted(), frame.base, frame.top_addr, 0);
}

pub(super) fn store_slot(b: &mut FunctionBuilder, frame: &Frame, slot: u32, v: Value) {
    b.ins().store(trusted(), v, frame.base, slot_offset(slot));
}

pub(super) fn load_slot(b: &mut FunctionBuilder, frame: &Frame, slot: u32, ty: ir::Type) -> Value {
    b.ins().load(ty, trusted(), frame.base, slot_offset(slot))
}

fn slot_offset(slot: u32) -> i32 {
    // Frames are far smaller than 2 GiB: the shadow stack's limit check fails long before.
    i32::try_from(u64::from(slot) * 8).expect("shadow-stack frame offset fits in i32")
}

/// Converts `v` to machine type `to`: floats travel as their bits, bools zero-extended.
pub(super) fn coerce(b: &mut FunctionBuilder, v: Value, to: ir::Type) -> Value {
    let from = b.func.dfg.value_type(v);
    match (from, to) {
        _ if from == to => v,
        (types::I8, types::I64) => b.ins().uextend(types::I64, v),
        (types::I64, types::I8) => b.ins().ireduce(types::I8, v),
        (types::F64, types::I64) | (types::I64, types::F64) => {
            b.ins().bitcast(to, MemFlagsData::new(), v)
        }
        (types::I8, types::F64) => {
            let wide = b.ins().uextend(types::I64, v);
            b.ins().bitcast(types::F64, MemFlagsData::new(), wide)
        }
        (types::F64, types::I8) => {
            let bits = b.ins().bitcast(types::I64, MemFlagsData::new(), v);
            b.ins().ireduce(types::I8, bits)
        }
        _ => unreachable!("values are I8, I64 or F64, not {from} to {to}"),
    }
}

/// Where a local lives.
#[derive(Clone, Copy)]
enum LocalHome {
    /// A reference: shadow-stack slot number.
    Slot(u32),
    /// Anything else: an SSA variable.
    Var(Variable),
}

/// The blocks `Continue` and `Break` jump to.
struct LoopTargets {
    header: ir::Block,
    exit: ir::Block,
    /// The `finally` scopes entered inside the loop are `finallies[finally_depth..]`:
    /// leaving the loop runs them.
    finally_depth: usize,
}

/// A `finally` body that every way out of its `try` must run.
#[derive(Clone, Copy)]
struct FinallyScope<'s> {
    body: &'s [Stmt],
    /// How many loops enclose the `try`: the body runs with only those.
    loop_depth: usize,
    /// The exception target outside the `try`: the body runs with it.
    outer_target: Option<ir::Block>,
}

/// An operand evaluated but not yet consumed (see [`roots::operand_plan`]).
enum Pending<'e> {
    Value(Value),
    Slot(u32, ir::Type),
    Reread(&'e Expr),
}

struct Lowerer<'s, 'f> {
    state: &'s mut ModuleState,
    program: &'s tir::Program,
    func: &'s tir::Function,
    b: FunctionBuilder<'f>,
    refs: SymbolRefs,
    homes: Vec<LocalHome>,
    frame: Option<Frame>,
    /// Slots `0..ref_slots` hold reference locals; temporaries follow.
    ref_slots: u32,
    temps_live: u32,
    temps_max: u32,
    loops: Vec<LoopTargets>,
    /// The enclosing `finally` bodies, innermost last.
    finallies: Vec<FinallyScope<'s>>,
    /// Where an exception goes: a block that finds it in the exception state,
    /// or `None` for the function's propagate block.
    exc_target: Option<ir::Block>,
    /// The propagate block, created on first use.
    propagate: Option<ir::Block>,
    /// The exception targets some branch reaches: the others are never lowered.
    used_targets: HashSet<ir::Block>,
    /// Whether the current block is unreachable (after a return, break,
    /// continue or noreturn call); statements after that point are skipped.
    dead: bool,
    /// The locals whose steps cannot overflow ([`counters`]).
    counters: Vec<bool>,
}

type Lowered<T = Value> = Result<T, CodegenError>;

impl<'s, 'f> Lowerer<'s, 'f> {
    fn malformed(&self, message: String) -> CodegenError {
        CodegenError::MalformedTir {
            function: self.func.name.clone(),
            message,
        }
    }

    fn internal(&self, message: &str) -> CodegenError {
        CodegenError::Compile {
            function: self.func.name.clone(),
            message: format!("bug in the seam backend: {message}"),
        }
    }

    // ---- blocks ----

    fn switch_to(&mut self, block: ir::Block) {
        self.b.switch_to_block(block);
        self.dead = false;
    }

    /// Continues in a fresh block that nothing jumps to, after a terminator.
    fn enter_dead_code(&mut self) {
        let block = self.b.create_block();
        self.b.switch_to_block(block);
        self.b.seal_block(block);
        self.dead = true;
    }

    /// Ends the current block with a jump; dead code ends with a trap instead,
    /// so that it adds no edges (and no undefined values) to live blocks.
    fn jump_to(&mut self, block: ir::Block, args: &[Value]) {
        if self.dead {
            self.b.ins().trap(TRAP_UNREACHABLE);
        } else {
            let args: Vec<BlockArg> = args.iter().map(|&v| BlockArg::Value(v)).collect();
            self.b.ins().jump(block, &args);
        }
    }

    fn return_values(&mut self, values: &[Value]) {
        if let Some(frame) = &self.frame {
            pop_frame(&mut self.b, frame);
        }
        self.b.ins().return_(values);
    }

    // ---- symbols and slots ----

    fn data_addr(&mut self, id: DataId) -> Value {
        let gv = self.refs.data(&mut self.b, self.state, id);
        self.b.ins().symbol_value(self.state.ptr, gv)
    }

    fn call_runtime(&mut self, rt: Rt, args: &[Value]) -> Lowered<ir::Inst> {
        let id = self.state.runtime_function(rt)?;
        let f = self.refs.func(&mut self.b, self.state, id);
        Ok(self.b.ins().call(f, args))
    }

    fn no_frame(&self) -> CodegenError {
        self.internal("a shadow-stack slot is used in a function without a frame")
    }

    fn store_slot(&mut self, slot: u32, v: Value) -> Lowered<()> {
        let Some(frame) = &self.frame else {
            return Err(self.no_frame());
        };
        store_slot(&mut self.b, frame, slot, v);
        Ok(())
    }

    fn load_slot(&mut self, slot: u32, ty: ir::Type) -> Lowered {
        let Some(frame) = &self.frame else {
            return Err(self.no_frame());
        };
        Ok(load_slot(&mut self.b, frame, slot, ty))
    }

    fn alloc_temp(&mut self) -> Lowered<u32> {
        if self.frame.is_none() {
            return Err(self.no_frame());
        }
        let slot = self.ref_slots + self.temps_live;
        self.temps_live += 1;
        self.temps_max = self.temps_max.max(self.temps_live);
        Ok(slot)
    }

    fn local_home(&self, id: tir::LocalId) -> Lowered<(LocalHome, &'s Type)> {
        match (
            self.homes.get(id.0 as usize),
            self.func.locals.get(id.0 as usize),
        ) {
            (Some(&home), Some(local)) => Ok((home, &local.ty)),
            _ => Err(self.malformed(format!("local {} does not exist", id.0))),
        }
    }

    fn assign_local(&mut self, id: tir::LocalId, v: Value) -> Lowered<()> {
        match self.local_home(id)? {
            (LocalHome::Slot(slot), _) => {
                let v = coerce(&mut self.b, v, self.state.ptr);
                self.store_slot(slot, v)?;
            }
            (LocalHome::Var(var), ty) => {
                let v = coerce(&mut self.b, v, value_type(ty));
                self.b.def_var(var, v);
            }
        }
        Ok(())
    }

    /// Loads the word at `addr + offset` as a value of `ty`.
    fn load_word(&mut self, addr: Value, offset: i32, ty: &Type) -> Value {
        let want = value_type(ty);
        if want == types::F64 {
            self.b.ins().load(types::F64, trusted(), addr, offset)
        } else {
            let word = self.b.ins().load(types::I64, trusted(), addr, offset);
            coerce(&mut self.b, word, want)
        }
    }

    /// Stores `v` widened to a word at `addr + offset`.
    fn store_word(&mut self, addr: Value, offset: i32, v: Value) {
        let v = if self.b.func.dfg.value_type(v) == types::I8 {
            coerce(&mut self.b, v, types::I64)
        } else {
            v
        };
        self.b.ins().store(trusted(), v, addr, offset);
    }

    fn zero(&mut self, ty: ir::Type) -> Value {
        if ty == types::F64 {
            self.b.ins().f64const(0.0)
        } else {
            self.b.ins().iconst(ty, 0)
        }
    }

    // ---- operands ----

    /// Evaluates `operands` left to right, spilling references that must survive
    /// the evaluation of later operands (or an allocation the caller performs
    /// before [`Self::materialize`]).
    fn operands(
        &mut self,
        operands: &[&'s Expr],
        allocates_after: bool,
    ) -> Lowered<Vec<Pending<'s>>> {
        let plan = roots::operand_plan(operands, allocates_after, &self.program.collect_free);
        let mut pending = Vec::with_capacity(operands.len());
        for (e, plan) in operands.iter().zip(plan) {
            pending.push(match plan {
                OperandPlan::Keep => Pending::Value(self.expr(e)?),
                OperandPlan::Reread => Pending::Reread(e),
                OperandPlan::Spill => {
                    let v = self.expr(e)?;
                    let slot = self.alloc_temp()?;
                    self.store_slot(slot, v)?;
                    Pending::Slot(slot, self.b.func.dfg.value_type(v))
                }
            });
        }
        Ok(pending)
    }

    /// Produces the operands' values, reloading spills and re-reading deferred
    /// operands, and releases their temporary slots.
    fn materialize(&mut self, pending: Vec<Pending<'s>>) -> Lowered<Vec<Value>> {
        let mut values = Vec::with_capacity(pending.len());
        let mut spilled = 0;
        for p in pending {
            values.push(match p {
                Pending::Value(v) => v,
                Pending::Slot(slot, ty) => {
                    spilled += 1;
                    self.load_slot(slot, ty)?
                }
                Pending::Reread(e) => self.expr(e)?,
            });
        }
        self.temps_live -= spilled;
        Ok(values)
    }

    fn eval_all(&mut self, operands: &[&'s Expr]) -> Lowered<Vec<Value>> {
        let pending = self.operands(operands, false)?;
        self.materialize(pending)
    }

    // ---- statements ----

    fn stmts(&mut self, stmts: &'s [Stmt]) -> Lowered<()> {
        for s in stmts {
            if self.dead {
                break;
            }
            self.stmt(s)?;
        }
        Ok(())
    }

    fn stmt(&mut self, s: &'s Stmt) -> Lowered<()> {
        match s {
            Stmt::Raise(e) => {
                let v = self.expr(e)?;
                if !self.dead {
                    let v = coerce(&mut self.b, v, self.state.ptr);
                    self.call_runtime(Rt::Raise, &[v])?;
                    let target = self.exc_block();
                    self.b.ins().jump(target, &[]);
                }
                self.enter_dead_code();
            }
            Stmt::Try {
                body,
                handlers,
                else_body,
                finally_body,
            } => self.try_stmt(body, handlers, else_body, finally_body)?,
            Stmt::Expr(e) => {
                self.expr(e)?;
            }
            Stmt::AssignLocal(id, e) => {
                let v = self.expr(e)?;
                self.assign_local(*id, v)?;
            }
            Stmt::AssignGlobal(id, e) => {
                let v = self.expr(e)?;
                let data = self.state.global(self.program, id.0 as usize)?;
                let addr = self.data_addr(data);
                self.store_word(addr, 0, v);
            }
            Stmt::StoreField {
                base,
                offset,
                value,
            } => {
                let v = self.eval_all(&[base, value])?;
                if value.ty.is_ref() && !self.dead {
                    self.write_barrier(v[0])?;
                }
                self.store_word(v[0], *offset, v[1]);
            }
            Stmt::If {
                cond,
                then_body,
                else_body,
            } => {
                let then_block = self.b.create_block();
                let else_block = self.b.create_block();
                let merge = self.b.create_block();
                self.branch(cond, then_block, else_block)?;
                self.switch_to(then_block);
                self.stmts(then_body)?;
                self.jump_to(merge, &[]);
                self.switch_to(else_block);
                self.stmts(else_body)?;
                self.jump_to(merge, &[]);
                self.switch_to(merge);
            }
            Stmt::While { cond, body } => {
                let header = self.b.create_block();
                let body_block = self.b.create_block();
                let exit = self.b.create_block();
                self.jump_to(header, &[]);
                self.switch_to(header);
                self.branch(cond, body_block, exit)?;
                self.switch_to(body_block);
                self.loops.push(LoopTargets {
                    header,
                    exit,
                    finally_depth: self.finallies.len(),
                });
                self.stmts(body)?;
                self.loops.pop();
                self.jump_to(header, &[]);
                self.switch_to(exit);
            }
            Stmt::Break | Stmt::Continue => {
                let (target, finally_depth) = self
                    .loops
                    .last()
                    .map(|l| {
                        let target = if matches!(s, Stmt::Break) {
                            l.exit
                        } else {
                            l.header
                        };
                        (target, l.finally_depth)
                    })
                    .ok_or_else(|| {
                        self.malformed("break or continue outside a loop".to_string())
                    })?;
                self.run_finallies(finally_depth)?;
                self.jump_to(target, &[]);
                self.enter_dead_code();
            }
            Stmt::Return(value) => {
                let v = value.as_ref().map(|e| self.expr(e)).transpose()?;
                if self.func.ret == Type::None {
                    self.run_finallies(0)?;
                    if !self.dead {
                        self.return_values(&[]);
                    }
                } else {
                    let v = v.ok_or_else(|| {
                        self.malformed(
                            "a return without a value in a function returning one".to_string(),
                        )
                    })?;
                    let v = coerce(&mut self.b, v, value_type(&self.func.ret));
                    let v = self.across_finallies(v, self.func.ret.is_ref())?;
                    if !self.dead {
                        self.return_values(&[v]);
                    }
                }
                self.enter_dead_code();
            }
        }
        Ok(())
    }

    // ---- expressions ----

    fn expr(&mut self, e: &'s Expr) -> Lowered {
        let ty = value_type(&e.ty);
        Ok(match &e.kind {
            ExprKind::New(class) => {
                let Some(c) = self.program.classes.get(class.0 as usize) else {
                    return Err(self.malformed(format!("class {} does not exist", class.0)));
                };
                let (desc, size) = (self.state.class(self.program, class.0 as usize)?, c.size);
                let desc = self.data_addr(desc);
                self.alloc_instance(desc, size)?
            }
            ExprKind::VirtualCall { slot, func, args } => {
                self.virtual_call(*slot, *func, args, ty)?
            }
            ExprKind::IsInstance { value, class } => {
                let v = self.expr(value)?;
                let desc = self
                    .b
                    .ins()
                    .load(self.state.ptr, trusted(), v, layout::DESCRIPTOR);
                let id = self
                    .b
                    .ins()
                    .load(types::I64, trusted(), desc, layout::CLASS_ID);
                self.class_range_test(id, *class)?
            }
            ExprKind::Int(v) => self.b.ins().iconst(types::I64, *v),
            ExprKind::Float(v) => self.b.ins().f64const(*v),
            ExprKind::Bool(v) => self.b.ins().iconst(types::I8, i64::from(*v)),
            ExprKind::None => self.zero(ty),
            ExprKind::Str(id) => {
                let slot = *self.state.literal_slots.get(id.0 as usize).ok_or_else(|| {
                    self.malformed(format!("string literal {} does not exist", id.0))
                })?;
                let addr = self.data_addr(slot);
                self.b.ins().load(self.state.ptr, trusted(), addr, 0)
            }
            ExprKind::Local(id) => match self.local_home(*id)? {
                (LocalHome::Slot(slot), _) => self.load_slot(slot, self.state.ptr)?,
                (LocalHome::Var(var), _) => self.b.use_var(var),
            },
            ExprKind::Global(id) => {
                let Some(global) = self.program.globals.get(id.0 as usize) else {
                    return Err(self.malformed(format!("global {} does not exist", id.0)));
                };
                let data = self.state.global(self.program, id.0 as usize)?;
                let addr = self.data_addr(data);
                self.load_word(addr, 0, &global.ty)
            }
            ExprKind::Unary(UnaryOp::IntNegChecked, a) => {
                let a = self.expr(a)?;
                let zero = self.b.ins().iconst(types::I64, 0);
                let (v, overflow) = self.b.ins().ssub_overflow(zero, a);
                self.overflow_check(overflow)?;
                v
            }
            ExprKind::Unary(UnaryOp::BoolNot, a) if negatable(a) => match &a.kind {
                // `x is not None`, `not (i < j)`: the opposite comparison, not a
                // comparison and a `bxor`.
                ExprKind::Unary(UnaryOp::IsNull, x) => {
                    let x = self.expr(x)?;
                    self.b.ins().icmp_imm_u(IntCC::NotEqual, x, 0)
                }
                ExprKind::Binary(op, l, r) => {
                    let op = negated_comparison(*op).expect("negatable");
                    let v = self.eval_all(&[l, r])?;
                    self.binary(op, v[0], v[1])
                }
                _ => unreachable!("negatable"),
            },
            ExprKind::Unary(op, a) => {
                let a = self.expr(a)?;
                self.unary(*op, a)
            }
            ExprKind::Binary(op, l, r) if affine(*op, l, r).is_some() => {
                // `x * a + b` (and `a * x`, `b + ...`, `... - b`): one range check
                // of `x` for the whole expression.
                let (x, a, b) = affine(*op, l, r).expect("matched above");
                self.checked_affine(x, a, b)?
            }
            ExprKind::Binary(op, l, r)
                if op.can_raise() && constant_addend(*op, l, r).is_some() =>
            {
                // `x + c`, `c + x`, `x - c`: the addend's sign is known, so overflow
                // is one register compare-and-branch, which fuses, rather than the
                // flag of an overflowing add (`seto`, `test`, `jne`).
                let (x, c) = constant_addend(*op, l, r).expect("matched above");
                let of_counter =
                    matches!(x.kind, ExprKind::Local(id) if self.counters[id.0 as usize]);
                let x = self.expr(x)?;
                let sum = self.b.ins().iadd_imm_s(x, c);
                if of_counter && c.unsigned_abs() <= counters::COUNTER_START.unsigned_abs() {
                    // A counter stepped by a small literal cannot overflow.
                    return Ok(sum);
                }
                // With a positive addend the sum wrapped iff it came out below `x`;
                // with a negative one, iff above.
                let cc = if c > 0 {
                    IntCC::SignedLessThan
                } else {
                    IntCC::SignedGreaterThan
                };
                let overflow = self.b.ins().icmp(cc, sum, x);
                self.overflow_check(overflow)?;
                sum
            }
            ExprKind::Binary(BinaryOp::IntMulChecked, l, r) if constant_factor(l, r).is_some() => {
                // `x * c`, `c * x`: `x * c + 0`.
                let (x, c) = constant_factor(l, r).expect("matched above");
                self.checked_affine(x, c, 0)?
            }
            ExprKind::Binary(op, l, r) if op.can_raise() => {
                let v = self.eval_all(&[l, r])?;
                let ins = self.b.ins();
                let (v, overflow) = match op {
                    BinaryOp::IntAddChecked => ins.sadd_overflow(v[0], v[1]),
                    BinaryOp::IntSubChecked => ins.ssub_overflow(v[0], v[1]),
                    _ => ins.smul_overflow(v[0], v[1]),
                };
                self.overflow_check(overflow)?;
                v
            }
            ExprKind::Binary(op, l, r) => {
                let v = self.eval_all(&[l, r])?;
                self.binary(*op, v[0], v[1])
            }
            ExprKind::And(l, r) => self.short_circuit(l, r, true)?,
            ExprKind::Or(l, r) => self.short_circuit(l, r, false)?,
            ExprKind::IfElse {
                cond,
                then,
                otherwise,
            } => {
                let then_block = self.b.create_block();
                let else_block = self.b.create_block();
                let merge = self.b.create_block();
                let result = self.b.append_block_param(merge, ty);
                self.branch(cond, then_block, else_block)?;
                self.switch_to(then_block);
                let v = self.expr(then)?;
                let v = coerce(&mut self.b, v, ty);
                self.jump_to(merge, &[v]);
                self.switch_to(else_block);
                let v = self.expr(otherwise)?;
                let v = coerce(&mut self.b, v, ty);
                self.jump_to(merge, &[v]);
                self.switch_to(merge);
                result
            }
            ExprKind::Call(callee, args) => self.call(*callee, args, ty)?,
            ExprKind::FuncAddr(f) => {
                let index = f.0 as usize;
                if index >= self.program.functions.len() {
                    return Err(self.malformed(format!("function {} does not exist", f.0)));
                }
                let id = self.state.function(self.program, index)?;
                let fref = self.refs.func_address(&mut self.b, self.state, id);
                self.b.ins().func_addr(self.state.ptr, fref)
            }
            ExprKind::CallIndirect { callee, args } => self.indirect_call(callee, args, ty)?,
            ExprKind::RtCall(rt, args) => self.runtime_call(*rt, args, ty)?,
            ExprKind::CCall {
                symbol,
                params,
                ret,
                args,
            } => self.c_call(symbol, params, *ret, args, ty)?,
            ExprKind::TypeCode(code) => {
                let data = self.state.type_code(code)?;
                self.data_addr(data)
            }
            ExprKind::Tuple(elems) => self.tuple(elems)?,
            ExprKind::LoadField { base, offset } => {
                let base = self.expr(base)?;
                self.load_word(base, *offset, &e.ty)
            }
            ExprKind::ListItem { list, index } => {
                // In bounds by construction (see `ExprKind::ListItem`): items + 8 * index.
                let v = self.eval_all(&[list, index])?;
                let items = self
                    .b
                    .ins()
                    .load(self.state.ptr, trusted(), v[0], layout::LIST_ITEMS);
                let scaled = self.b.ins().ishl_imm_u(v[1], 3);
                let addr = self.b.ins().iadd(items, scaled);
                self.load_word(addr, layout::ARRAY_ITEMS, &e.ty)
            }
            ExprKind::Block(stmts, e) => {
                // The statements may end in a return or a noreturn call; the
                // value is then computed in dead code, which is harmless.
                self.stmts(stmts)?;
                self.expr(e)?
            }
        })
    }

    fn unary(&mut self, op: UnaryOp, a: Value) -> Value {
        let ins = self.b.ins();
        match op {
            UnaryOp::IntNeg => ins.ineg(a),
            // Lowered with its overflow check in `expr`.
            UnaryOp::IntNegChecked => unreachable!("checked negation is lowered in expr"),
            UnaryOp::FloatNeg => ins.fneg(a),
            UnaryOp::IntInvert => ins.bnot(a),
            UnaryOp::BoolNot => ins.bxor_imm_u(a, 1),
            UnaryOp::IntToFloat => ins.fcvt_from_sint(types::F64, a),
            UnaryOp::BoolToInt => ins.uextend(types::I64, a),
            UnaryOp::IsNull => ins.icmp_imm_u(IntCC::Equal, a, 0),
        }
    }

    fn binary(&mut self, op: BinaryOp, l: Value, r: Value) -> Value {
        use BinaryOp::*;
        let ins = self.b.ins();
        match op {
            IntAdd => ins.iadd(l, r),
            IntSub => ins.isub(l, r),
            IntMul => ins.imul(l, r),
            IntAddChecked | IntSubChecked | IntMulChecked => {
                unreachable!("checked arithmetic is lowered in expr")
            }
            IntAddSaturating => {
                // On overflow the exact sum has the sign of `r`: saturate to
                // i64::MAX (r >= 0) or i64::MIN (r < 0), which is MAX ^ (r >> 63).
                let (sum, overflow) = ins.sadd_overflow(l, r);
                let sign = self.b.ins().sshr_imm_u(r, 63);
                let bound = self.b.ins().bxor_imm_s(sign, i64::MAX);
                self.b.ins().select(overflow, bound, sum)
            }
            IntAnd => ins.band(l, r),
            IntOr => ins.bor(l, r),
            IntXor => ins.bxor(l, r),
            IntShr => ins.sshr(l, r),
            IntFloorDivConst | IntModConst => {
                // Truncating quotient and remainder, then Python's floor fix-up:
                // when the remainder is non-zero and its sign differs from the
                // divisor's, q -= 1 and r += divisor. (The divisor is never 0 or -1.)
                let q = ins.sdiv(l, r);
                let rem = self.b.ins().srem(l, r);
                let signs = self.b.ins().bxor(rem, r);
                let differ = self.b.ins().icmp_imm_s(IntCC::SignedLessThan, signs, 0);
                let nonzero = self.b.ins().icmp_imm_s(IntCC::NotEqual, rem, 0);
                let fix = self.b.ins().band(differ, nonzero);
                if op == IntFloorDivConst {
                    let fix = self.b.ins().uextend(types::I64, fix);
                    self.b.ins().isub(q, fix)
                } else {
                    let adjusted = self.b.ins().iadd(rem, r);
                    self.b.ins().select(fix, adjusted, rem)
                }
            }
            IntEq | BoolEq | RefEq => ins.icmp(IntCC::Equal, l, r),
            IntNe | BoolNe | RefNe => ins.icmp(IntCC::NotEqual, l, r),
            IntLt => ins.icmp(IntCC::SignedLessThan, l, r),
            IntLe => ins.icmp(IntCC::SignedLessThanOrEqual, l, r),
            IntGt => ins.icmp(IntCC::SignedGreaterThan, l, r),
            IntGe => ins.icmp(IntCC::SignedGreaterThanOrEqual, l, r),
            FloatAdd => ins.fadd(l, r),
            FloatSub => ins.fsub(l, r),
            FloatMul => ins.fmul(l, r),
            // Python's comparisons: `==`, `<`, ... are false on NaN, `!=` true.
            FloatEq => ins.fcmp(FloatCC::Equal, l, r),
            FloatNe => ins.fcmp(FloatCC::NotEqual, l, r),
            FloatLt => ins.fcmp(FloatCC::LessThan, l, r),
            FloatLe => ins.fcmp(FloatCC::LessThanOrEqual, l, r),
            FloatGt => ins.fcmp(FloatCC::GreaterThan, l, r),
            FloatGe => ins.fcmp(FloatCC::GreaterThanOrEqual, l, r),
        }
    }

    /// After an inline checked operation: raise OverflowError (a cold call)
    /// and branch to the exception target when `overflow` is set.
    /// `x * a + b` for literals `a` and `b`, checked as a whole: the exact
    /// result fits exactly when `x` lies in [`affine_range`]`(a, b)`, tested as
    /// one unsigned compare of `x - lo` with `hi - lo`; the wrapping
    /// intermediate cannot change a result computed modulo 2**64.
    fn checked_affine(&mut self, x: &'s Expr, a: i64, b: i64) -> Lowered {
        let (lo, hi) = affine_range(a, b);
        let x = self.expr(x)?;
        let product = self.b.ins().imul_imm_s(x, a);
        let value = if b == 0 {
            product
        } else {
            self.b.ins().iadd_imm_s(product, b)
        };
        let offset = self.b.ins().iadd_imm_s(x, lo.wrapping_neg());
        let span = hi.wrapping_sub(lo);
        let overflow = self
            .b
            .ins()
            .icmp_imm_s(IntCC::UnsignedGreaterThan, offset, span);
        self.overflow_check(overflow)?;
        Ok(value)
    }

    fn overflow_check(&mut self, overflow: Value) -> Lowered<()> {
        if self.dead {
            return Ok(());
        }
        let raise = self.b.create_block();
        let next = self.b.create_block();
        self.b.set_cold_block(raise);
        self.b.ins().brif(overflow, raise, &[], next, &[]);
        self.switch_to(raise);
        self.call_runtime(Rt::RaiseOverflow, &[])?;
        let target = self.exc_block();
        self.b.ins().jump(target, &[]);
        self.switch_to(next);
        Ok(())
    }

    /// Ends the current block with a branch to `then` when the `bool` `cond` is
    /// true, else to `otherwise`. Comparisons feed the branch directly (Cranelift
    /// fuses an `icmp` or `fcmp` with the `brif` that consumes it), `not` swaps the
    /// targets, `x is None` branches on the pointer itself, and `and`/`or` (and a
    /// conditional expression) become branches rather than a `bool` to test.
    fn branch(&mut self, cond: &'s Expr, then: ir::Block, otherwise: ir::Block) -> Lowered<()> {
        match &cond.kind {
            ExprKind::Unary(UnaryOp::BoolNot, c) => self.branch(c, otherwise, then),
            ExprKind::Unary(UnaryOp::IsNull, x) => {
                let x = self.expr(x)?;
                self.b.ins().brif(x, otherwise, &[], then, &[]);
                Ok(())
            }
            ExprKind::Bool(v) => {
                self.jump_to(if *v { then } else { otherwise }, &[]);
                Ok(())
            }
            ExprKind::And(l, r) => {
                let rhs = self.b.create_block();
                self.branch(l, rhs, otherwise)?;
                self.switch_to(rhs);
                self.branch(r, then, otherwise)
            }
            ExprKind::Or(l, r) => {
                let rhs = self.b.create_block();
                self.branch(l, then, rhs)?;
                self.switch_to(rhs);
                self.branch(r, then, otherwise)
            }
            ExprKind::IfElse {
                cond: c,
                then: t,
                otherwise: o,
            } if t.ty == Type::Bool && o.ty == Type::Bool => {
                let (t_block, o_block) = (self.b.create_block(), self.b.create_block());
                self.branch(c, t_block, o_block)?;
                self.switch_to(t_block);
                self.branch(t, then, otherwise)?;
                self.switch_to(o_block);
                self.branch(o, then, otherwise)
            }
            ExprKind::Block(stmts, e) => {
                self.stmts(stmts)?;
                self.branch(e, then, otherwise)
            }
            _ => {
                let c = self.expr(cond)?;
                self.b.ins().brif(c, then, &[], otherwise, &[]);
                Ok(())
            }
        }
    }

    /// `l and r` (`is_and`) or `l or r`: the result is `l` when it decides, else `r`.
    fn short_circuit(&mut self, l: &'s Expr, r: &'s Expr, is_and: bool) -> Lowered {
        let lv = self.expr(l)?;
        let lv = coerce(&mut self.b, lv, types::I8);
        let rhs = self.b.create_block();
        let merge = self.b.create_block();
        let result = self.b.append_block_param(merge, types::I8);
        // `l` decides only when it is false (`and`) or true (`or`): pass that
        // constant, so the branch is `l`'s only use and fuses with its comparison.
        let known = self.b.ins().iconst(types::I8, i64::from(!is_and));
        let decided = [BlockArg::Value(known)];
        if is_and {
            self.b.ins().brif(lv, rhs, &[], merge, &decided);
        } else {
            self.b.ins().brif(lv, merge, &decided, rhs, &[]);
        }
        self.switch_to(rhs);
        let rv = self.expr(r)?;
        let rv = coerce(&mut self.b, rv, types::I8);
        self.jump_to(merge, &[rv]);
        self.switch_to(merge);
        Ok(result)
    }

    fn call(&mut self, callee: tir::FuncId, args: &'s [Expr], ty: ir::Type) -> Lowered {
        let index = callee.0 as usize;
        let program = self.program;
        let Some(target) = program.functions.get(index) else {
            return Err(self.malformed(format!(
                "call of function {}, which does not exist",
                callee.0
            )));
        };
        let id = self.state.function(program, index)?;
        if args.len() != target.params.len() {
            return Err(self.malformed(format!(
                "call of `{}` with {} arguments instead of {}",
                target.name,
                args.len(),
                target.params.len()
            )));
        }
        let converted = self.eval_arguments(target, args)?;
        let f = self.refs.func(&mut self.b, self.state, id);
        let call = self.b.ins().call(f, &converted);
        let result = match self.b.inst_results(call).first() {
            Some(&v) => coerce(&mut self.b, v, ty),
            None => self.zero(ty),
        };
        if target.can_raise {
            self.check_exception();
        }
        Ok(result)
    }

    /// Evaluates the arguments of a call of `target`, converted to its parameter types.
    fn eval_arguments(&mut self, target: &tir::Function, args: &'s [Expr]) -> Lowered<Vec<Value>> {
        let operands: Vec<&Expr> = args.iter().collect();
        let values = self.eval_all(&operands)?;
        let mut converted = Vec::with_capacity(values.len());
        for (v, &p) in values.into_iter().zip(&target.params) {
            let param_ty = target
                .locals
                .get(p.0 as usize)
                .map(|l| value_type(&l.ty))
                .ok_or_else(|| self.malformed(format!("`{}` has no local {}", target.name, p.0)))?;
            converted.push(coerce(&mut self.b, v, param_ty));
        }
        Ok(converted)
    }

    /// A call through a function value: its `code` word, with the value itself and then
    /// the arguments, converted to the value's parameter types. It may raise.
    fn indirect_call(&mut self, callee: &'s Expr, args: &'s [Expr], ty: ir::Type) -> Lowered {
        let Type::Callable(params, ret) = &callee.ty else {
            return Err(self.malformed("indirect call of a value that is not callable".into()));
        };
        if params.len() != args.len() {
            return Err(self.malformed(format!(
                "indirect call with {} arguments instead of {}",
                args.len(),
                params.len()
            )));
        }
        let mut sig = self.state.module.make_signature();
        sig.params.push(ir::AbiParam::new(self.state.ptr));
        for p in params {
            sig.params.push(ir::AbiParam::new(value_type(p)));
        }
        if **ret != Type::None {
            sig.returns.push(ir::AbiParam::new(value_type(ret)));
        }
        let mut operands: Vec<&Expr> = vec![callee];
        operands.extend(args.iter());
        let values = self.eval_all(&operands)?;
        let mut converted = Vec::with_capacity(values.len());
        converted.push(values[0]);
        for (v, p) in values[1..].iter().zip(params) {
            converted.push(coerce(&mut self.b, *v, value_type(p)));
        }
        let code = self
            .b
            .ins()
            .load(self.state.ptr, trusted(), values[0], layout::CALLABLE_CODE);
        let sig = self.b.import_signature(sig);
        let call = self.b.ins().call_indirect(sig, code, &converted);
        let result = match self.b.inst_results(call).first() {
            Some(&v) => coerce(&mut self.b, v, ty),
            None => self.zero(ty),
        };
        self.check_exception();
        Ok(result)
    }

    /// A call through vtable slot `slot` of `args[0]`'s class, with the signature of
    /// `func`, an implementation of the slot. An override may raise: the state is always tested.
    fn virtual_call(
        &mut self,
        slot: u32,
        func: tir::FuncId,
        args: &'s [Expr],
        ty: ir::Type,
    ) -> Lowered {
        let program = self.program;
        let Some(target) = program.functions.get(func.0 as usize) else {
            return Err(self.malformed(format!(
                "virtual call through function {}, which does not exist",
                func.0
            )));
        };
        if args.is_empty() || args.len() != target.params.len() {
            return Err(self.malformed(format!(
                "virtual call of `{}` with {} arguments instead of {} (receiver included)",
                target.name,
                args.len(),
                target.params.len()
            )));
        }
        let offset = i64::from(slot)
            .checked_mul(8)
            .and_then(|o| o.checked_add(i64::from(layout::CLASS_VTABLE)))
            .and_then(|o| i32::try_from(o).ok())
            .ok_or_else(|| self.malformed(format!("vtable slot {slot} is out of range")))?;
        let sig = function_signature(&self.state.module, target)?;
        let converted = self.eval_arguments(target, args)?;
        let desc = self
            .b
            .ins()
            .load(self.state.ptr, trusted(), converted[0], layout::DESCRIPTOR);
        let callee = self.b.ins().load(self.state.ptr, trusted(), desc, offset);
        let sig = self.b.import_signature(sig);
        let call = self.b.ins().call_indirect(sig, callee, &converted);
        let result = match self.b.inst_results(call).first() {
            Some(&v) => coerce(&mut self.b, v, ty),
            None => self.zero(ty),
        };
        self.check_exception();
        Ok(result)
    }

    /// Whether class id `id` lies in `class`'s range: one subtraction and one
    /// unsigned comparison, the bounds immediates (core classes' ranges are fixed)
    /// or, for an extension's own classes, loaded from the descriptor the loader filled.
    fn class_range_test(&mut self, id: Value, class: tir::ClassId) -> Lowered {
        let index = class.0 as usize;
        let Some(c) = self.program.classes.get(index) else {
            return Err(self.malformed(format!("class {} does not exist", class.0)));
        };
        if self.state.loader_numbered[index] && self.state.bounds_by_symbol {
            // The loader writes the numbers into the code once it has numbered the class.
            let (neg_min, width) = self.state.class_bounds(self.program, index)?;
            let neg_min = self.data_addr(neg_min);
            let width = self.data_addr(width);
            let rel = self.b.ins().iadd(id, neg_min);
            return Ok(self.b.ins().icmp(IntCC::UnsignedLessThan, rel, width));
        }
        if self.state.loader_numbered[index] {
            let desc = self.state.class(self.program, index)?;
            let desc = self.data_addr(desc);
            let min = self
                .b
                .ins()
                .load(types::I64, trusted(), desc, layout::CLASS_ID);
            let max = self
                .b
                .ins()
                .load(types::I64, trusted(), desc, layout::CLASS_MAX);
            let rel = self.b.ins().isub(id, min);
            let width = self.b.ins().isub(max, min);
            return Ok(self.b.ins().icmp(IntCC::UnsignedLessThan, rel, width));
        }
        let (min, max) = (i64::from(c.id), i64::from(c.id_max));
        let rel = self.b.ins().iadd_imm_s(id, -min);
        Ok(self
            .b
            .ins()
            .icmp_imm_u(IntCC::UnsignedLessThan, rel, max - min))
    }

    fn runtime_call(&mut self, rt: Rt, args: &'s [Expr], ty: ir::Type) -> Lowered {
        if args.len() != rt.params().len() {
            return Err(self.malformed(format!(
                "call of `{}` with {} arguments instead of {}",
                rt.symbol(),
                args.len(),
                rt.params().len()
            )));
        }
        let operands: Vec<&Expr> = args.iter().collect();
        let values = self.eval_all(&operands)?;
        let converted: Vec<Value> = values
            .into_iter()
            .zip(rt.params())
            .map(|(v, &abi)| coerce(&mut self.b, v, abi_type(abi)))
            .collect();
        if matches!(rt, Rt::ListGetItem | Rt::ListSetItem) && !self.dead {
            let stores_ref = rt == Rt::ListSetItem && args[2].ty.is_ref();
            return self.list_item(rt, &converted, ty, stores_ref);
        }
        let call = self.call_runtime(rt, &converted)?;
        let result = self.b.inst_results(call).first().copied();
        if rt.noreturn() {
            self.b.ins().trap(TRAP_NORETURN);
            self.enter_dead_code();
        }
        let result = match result {
            Some(v) if !rt.noreturn() => coerce(&mut self.b, v, ty),
            _ => self.zero(ty),
        };
        if rt.can_raise() {
            self.check_exception();
        }
        Ok(result)
    }

    /// A call of the C function `symbol` (`@seam.c_function`): arguments
    /// converted to its machine classes; it never raises.
    fn c_call(
        &mut self,
        symbol: &str,
        params: &[Abi],
        ret: Option<Abi>,
        args: &'s [Expr],
        ty: ir::Type,
    ) -> Lowered {
        if args.len() != params.len() {
            return Err(self.malformed(format!(
                "call of the C function `{symbol}` with {} arguments instead of {}",
                args.len(),
                params.len()
            )));
        }
        let operands: Vec<&Expr> = args.iter().collect();
        let values = self.eval_all(&operands)?;
        let converted: Vec<Value> = values
            .into_iter()
            .zip(params)
            .map(|(v, &abi)| coerce(&mut self.b, v, abi_type(abi)))
            .collect();
        let id = self.state.c_function(symbol, params, ret)?;
        let f = self.refs.func(&mut self.b, self.state, id);
        let call = self.b.ins().call(f, &converted);
        Ok(match self.b.inst_results(call).first().copied() {
            Some(v) => coerce(&mut self.b, v, ty),
            None => self.zero(ty),
        })
    }

    /// `l[i]` (`ListGetItem`) or `l[i] = v` (`ListSetItem`) inline: the index,
    /// negative from the end, is checked against the length with one unsigned
    /// compare; out of range, a cold call of the runtime function raises
    /// CPython's `IndexError`.
    fn list_item(&mut self, rt: Rt, args: &[Value], ty: ir::Type, stores_ref: bool) -> Lowered {
        let (list, i) = (args[0], args[1]);
        let len = self
            .b
            .ins()
            .load(types::I64, trusted(), list, layout::LIST_LEN);
        let negative = self.b.ins().icmp_imm_s(IntCC::SignedLessThan, i, 0);
        let zero = self.b.ins().iconst(types::I64, 0);
        let from_end = self.b.ins().select(negative, len, zero);
        let k = self.b.ins().iadd(i, from_end);
        let outside = self.b.ins().icmp(IntCC::UnsignedGreaterThanOrEqual, k, len);
        let raise = self.b.create_block();
        let inside = self.b.create_block();
        self.b.set_cold_block(raise);
        self.b.ins().brif(outside, raise, &[], inside, &[]);
        self.switch_to(raise);
        self.call_runtime(rt, args)?;
        let target = self.exc_block();
        self.b.ins().jump(target, &[]);
        self.switch_to(inside);
        let items = self
            .b
            .ins()
            .load(self.state.ptr, trusted(), list, layout::LIST_ITEMS);
        let scaled = self.b.ins().ishl_imm_u(k, 3);
        let addr = self.b.ins().iadd(items, scaled);
        if rt == Rt::ListSetItem {
            if stores_ref {
                self.write_barrier_slot(items, Some((addr, layout::ARRAY_ITEMS as i64)))?;
            }
            self.b
                .ins()
                .store(trusted(), args[2], addr, layout::ARRAY_ITEMS);
            return Ok(self.zero(ty));
        }
        let word = self
            .b
            .ins()
            .load(types::I64, trusted(), addr, layout::ARRAY_ITEMS);
        Ok(coerce(&mut self.b, word, ty))
    }

    /// A new zeroed instance of `size` bytes whose descriptor is `desc`. A
    /// small one is popped from its size class's free list inline, within the
    /// allocation budget (`seam_abi::gc`); the slow path, or a large object,
    /// calls `seam_alloc`, which may collect.
    fn alloc_instance(&mut self, desc: Value, size: u32) -> Lowered {
        let size_v = self.b.ins().iconst(types::I64, i64::from(size));
        let (total, class) = gc::size_class(size as usize);
        let Some(class) = class.filter(|_| !self.dead) else {
            let call = self.call_runtime(Rt::Alloc, &[desc, size_v])?;
            let obj = self.b.inst_results(call)[0];
            self.check_exception();
            return Ok(obj);
        };
        let ptr = self.state.ptr;
        let free = self.data_addr(self.state.gc_free);
        let head_at = (8 * class) as i32;
        let slot = self.b.ins().load(ptr, trusted(), free, head_at);
        let budget_addr = self.data_addr(self.state.gc_budget);
        let budget = self.b.ins().load(types::I64, trusted(), budget_addr, 0);
        let left = self.b.ins().iadd_imm_s(budget, -(total as i64));
        let empty = self.b.ins().icmp_imm_u(IntCC::Equal, slot, 0);
        let over = self.b.ins().icmp_imm_s(IntCC::SignedLessThan, left, 0);
        let slow_needed = self.b.ins().bor(empty, over);
        let fast = self.b.create_block();
        let slow = self.b.create_block();
        let merge = self.b.create_block();
        self.b.append_block_param(merge, ptr);
        self.b.set_cold_block(slow);
        self.b.ins().brif(slow_needed, slow, &[], fast, &[]);

        self.switch_to(fast);
        let header = gc::HEADER as i32;
        let next = self.b.ins().load(ptr, trusted(), slot, header);
        self.b.ins().store(trusted(), next, free, head_at);
        self.b.ins().store(trusted(), left, budget_addr, 0);
        let bits = gc::HDR_ALLOCATED | ((class as u64) << gc::HDR_CLASS_SHIFT);
        let bits = self.b.ins().iconst(types::I64, bits as i64);
        self.b.ins().store(trusted(), bits, slot, 0);
        self.b.ins().store(trusted(), desc, slot, header);
        let zero = self.b.ins().iconst(types::I64, 0);
        for off in (8..size.max(8)).step_by(8) {
            self.b
                .ins()
                .store(trusted(), zero, slot, header + off as i32);
        }
        let obj = self.b.ins().iadd_imm_s(slot, i64::from(header));
        self.jump_to(merge, &[obj]);

        self.switch_to(slow);
        let call = self.call_runtime(Rt::Alloc, &[desc, size_v])?;
        let obj = self.b.inst_results(call)[0];
        self.check_exception();
        self.jump_to(merge, &[obj]);

        self.switch_to(merge);
        Ok(self.b.block_params(merge)[0])
    }

    /// The write barrier before a reference is stored into `obj`: when its
    /// header says old and not remembered, a cold call of `seam_gc_remember`
    /// (`seam_abi::gc`).
    fn write_barrier(&mut self, obj: Value) -> Lowered<()> {
        self.write_barrier_slot(obj, None)
    }

    /// [`Self::write_barrier`] for a store into the word at address `slot.0 +
    /// slot.1` of `obj`, when the store is an element array's: an old carded
    /// array (a large one) gets the card of that word dirtied inline, in the
    /// cold branch, instead of the call (`seam_abi::gc`).
    fn write_barrier_slot(&mut self, obj: Value, slot: Option<(Value, i64)>) -> Lowered<()> {
        let header = self
            .b
            .ins()
            .load(types::I64, trusted(), obj, -(gc::HEADER as i32));
        let bits = self
            .b
            .ins()
            .band_imm_u(header, (gc::HDR_OLD | gc::HDR_REMEMBERED) as i64);
        let old = self
            .b
            .ins()
            .icmp_imm_u(IntCC::Equal, bits, gc::HDR_OLD as i64);
        let remember = self.b.create_block();
        let done = self.b.create_block();
        self.b.set_cold_block(remember);
        self.b.ins().brif(old, remember, &[], done, &[]);
        self.switch_to(remember);
        if let Some((base, offset)) = slot {
            let carded = self.b.ins().band_imm_u(header, gc::HDR_CARDED as i64);
            let card = self.b.create_block();
            let call = self.b.create_block();
            self.b.set_cold_block(card);
            self.b.set_cold_block(call);
            self.b.ins().brif(carded, card, &[], call, &[]);
            self.switch_to(card);
            // obj - HEADER + (header >> HDR_CLASS_SHIFT) + ((slot - obj) >> CARD_SHIFT)
            let total = self
                .b
                .ins()
                .ushr_imm_u(header, i64::from(gc::HDR_CLASS_SHIFT));
            let slot = self.b.ins().iadd_imm_u(base, offset);
            let offset = self.b.ins().isub(slot, obj);
            let index = self.b.ins().ushr_imm_u(offset, i64::from(gc::CARD_SHIFT));
            let at = self.b.ins().iadd(obj, total);
            let at = self.b.ins().iadd(at, index);
            let one = self.b.ins().iconst(types::I8, 1);
            self.b.ins().store(trusted(), one, at, -(gc::HEADER as i32));
            self.b.ins().jump(done, &[]);
            self.switch_to(call);
        }
        self.call_runtime(Rt::GcRemember, &[obj])?;
        self.b.ins().jump(done, &[]);
        self.switch_to(done);
        Ok(())
    }

    /// A new tuple: elements first (spilled, since the allocation may collect),
    /// then `TupleNew`, then one store per element.
    fn tuple(&mut self, elems: &'s [Expr]) -> Lowered {
        if elems.len() > layout::TUPLE_MAX_LEN {
            return Err(self.malformed(format!(
                "a tuple of {} elements (at most {})",
                elems.len(),
                layout::TUPLE_MAX_LEN
            )));
        }
        let operands: Vec<&Expr> = elems.iter().collect();
        let pending = self.operands(&operands, true)?;
        let elem_types: Vec<Type> = elems.iter().map(|e| e.ty.clone()).collect();
        let n = self.b.ins().iconst(types::I64, elems.len() as i64);
        let mask = self
            .b
            .ins()
            .iconst(types::I64, Type::tuple_ref_mask(&elem_types));
        let call = self.call_runtime(Rt::TupleNew, &[n, mask])?;
        let tuple = self.b.inst_results(call)[0];
        self.check_exception();
        let values = self.materialize(pending)?;
        for (i, v) in values.into_iter().enumerate() {
            let offset = layout::TUPLE_ITEMS + 8 * i as i32;
            self.store_word(tuple, offset, v);
        }
        Ok(tuple)
    }
}

/// The comparison that is true exactly when `op` is false, for those where one
/// exists among the [`BinaryOp`]s (not the float ones: with NaN, `not (a < b)`
/// is not `a >= b`).
fn negated_comparison(op: BinaryOp) -> Option<BinaryOp> {
    use BinaryOp::*;
    Some(match op {
        IntEq => IntNe,
        IntNe => IntEq,
        IntLt => IntGe,
        IntGe => IntLt,
        IntLe => IntGt,
        IntGt => IntLe,
        BoolEq => BoolNe,
        BoolNe => BoolEq,
        RefEq => RefNe,
        RefNe => RefEq,
        _ => return None,
    })
}

/// Whether `not e` can be lowered as one comparison ([`negated_comparison`], or
/// `x is not None`).
fn negatable(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Unary(UnaryOp::IsNull, _) => true,
        ExprKind::Binary(op, _, _) => negated_comparison(*op).is_some(),
        _ => false,
    }
}

/// For a checked `x + c`, `c + x` or `x - c` with a literal `c` (non-zero, and
/// `c != i64::MIN` for a subtraction), the operand `x` and the addend (`-c`
/// for a subtraction).
fn constant_addend<'e>(op: BinaryOp, l: &'e Expr, r: &'e Expr) -> Option<(&'e Expr, i64)> {
    let lit = |e: &Expr| match e.kind {
        ExprKind::Int(c) if c != 0 => Some(c),
        _ => None,
    };
    match op {
        BinaryOp::IntAddChecked => match (lit(l), lit(r)) {
            (_, Some(c)) => Some((l, c)),
            (Some(c), None) => Some((r, c)),
            (None, None) => None,
        },
        BinaryOp::IntSubChecked => lit(r).filter(|&c| c != i64::MIN).map(|c| (l, -c)),
        _ => None,
    }
}

/// For a checked `x * c` or `c * x` with a literal `c` other than 0, the
/// operand `x` and the factor.
fn constant_factor<'e>(l: &'e Expr, r: &'e Expr) -> Option<(&'e Expr, i64)> {
    match (&l.kind, &r.kind) {
        (_, ExprKind::Int(c)) if *c != 0 => Some((l, *c)),
        (ExprKind::Int(c), _) if *c != 0 => Some((r, *c)),
        _ => None,
    }
}

/// For a checked `x * a + b`, `a * x + b`, `b + x * a` or `x * a - b` with
/// literals `a != 0` and `b` (`b != i64::MIN` when subtracted): `x`, `a` and
/// the addend.
fn affine<'e>(op: BinaryOp, l: &'e Expr, r: &'e Expr) -> Option<(&'e Expr, i64, i64)> {
    let (mul, b) = match (op, &l.kind, &r.kind) {
        (
            BinaryOp::IntAddChecked,
            ExprKind::Binary(BinaryOp::IntMulChecked, ..),
            ExprKind::Int(b),
        ) => (l, *b),
        (
            BinaryOp::IntAddChecked,
            ExprKind::Int(b),
            ExprKind::Binary(BinaryOp::IntMulChecked, ..),
        ) => (r, *b),
        (
            BinaryOp::IntSubChecked,
            ExprKind::Binary(BinaryOp::IntMulChecked, ..),
            ExprKind::Int(b),
        ) if *b != i64::MIN => (l, -*b),
        _ => return None,
    };
    let ExprKind::Binary(_, ml, mr) = &mul.kind else {
        return None;
    };
    let (x, a) = constant_factor(ml, mr)?;
    Some((x, a, b))
}

/// The `x` for which `x * a + b` fits in an `i64`: `lo..=hi` (`a != 0`; empty
/// ranges cannot occur: `x = 0` always fits).
fn affine_range(a: i64, b: i64) -> (i64, i64) {
    let (min, max) = (i64::MIN as i128, i64::MAX as i128);
    let (a, b) = (a as i128, b as i128);
    let floor = |n: i128, d: i128| n.div_euclid(d) - i128::from(d < 0 && n.rem_euclid(d) != 0);
    let ceil = |n: i128, d: i128| -floor(-n, d);
    // min <= a*x + b <= max  <=>  min - b <= a*x <= max - b.
    let (lo, hi) = if a > 0 {
        (ceil(min - b, a), floor(max - b, a))
    } else {
        (ceil(max - b, a), floor(min - b, a))
    };
    (lo.max(min) as i64, hi.min(max) as i64)
}

#[cfg(test)]
mod factor_tests {
    use super::affine_range;

    fn fits(x: i64, a: i64, b: i64) -> bool {
        let v = x as i128 * a as i128 + b as i128;
        (i64::MIN as i128..=i64::MAX as i128).contains(&v)
    }

    #[test]
    fn affine_ranges_hold_exactly_the_operands_whose_result_fits() {
        let factors = [1i64, -1, 2, -2, 3, -3, 7, -10, 1 << 40, i64::MAX, i64::MIN];
        let addends = [0i64, 1, -1, 5, -5, 1 << 62, -(1 << 62), i64::MAX, i64::MIN];
        for a in factors {
            for b in addends {
                let (lo, hi) = affine_range(a, b);
                assert!(lo <= hi, "{a}*x+{b}: empty range");
                assert!(fits(lo, a, b) && fits(hi, a, b), "{a}*x+{b}: bounds fit");
                if lo > i64::MIN {
                    assert!(!fits(lo - 1, a, b), "{a}*x+{b}: below lo overflows");
                }
                if hi < i64::MAX {
                    assert!(!fits(hi + 1, a, b), "{a}*x+{b}: above hi overflows");
                }
            }
        }
    }
}
