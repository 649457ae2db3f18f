//! Class descriptors and instances as the runtime sees them: reading a
//! descriptor's name, size, flags and parent (laid out by the translator,
//! see [`crate::layout`]), allocating instances, and printing them as
//! CPython does.
//!
//! Descriptors are static data emitted by the translator (or hand-made by
//! tests), never GC objects. This file knows nothing of fields other than an
//! exception's message and arguments, nor of vtables.

use crate::dunder::{pending, user_str};
use crate::error::{ExcKind, builtin_class};
use crate::format::{repr_word, seam_str_of, write_str_repr};
use crate::gcglue::Roots;
use crate::gcglue::{ptr, word};
use crate::layout::{
    CLASS_FLAG_EXCEPTION, CLASS_FLAGS, CLASS_NAME, CLASS_PARENT, CLASS_SIZE, DESCRIPTOR, EXC_ARGS,
    EXC_ARGS_CODE, EXC_MESSAGE, TUPLE_ITEMS, TUPLE_LEN,
};
use crate::strobj::new_str;
use crate::strobj::{empty_str, str_as_str};
use crate::typecode::{tc_slice, tuple_elems};
use seam_gc::GcTypeInfo;
use std::borrow::Cow;
use std::ffi::CStr;

/// How many parents [`is_subclass`] follows before giving up: a bound that
/// keeps a malformed (cyclic) descriptor chain from hanging the process.
const MAX_DEPTH: usize = 1 << 16;

/// The descriptor of an instance.
///
/// # Safety
/// `obj` must be a live instance of a class.
pub(crate) unsafe fn class_of(obj: *mut u8) -> *const u8 {
    // SAFETY: offset 0 of every object is its descriptor.
    unsafe { ptr(obj, DESCRIPTOR) }
}

/// A descriptor's qualified name (`ValueError`, `main.MyError`).
///
/// # Safety
/// `desc` must be a class descriptor.
pub(crate) unsafe fn class_name<'a>(desc: *const u8) -> Cow<'a, str> {
    // SAFETY: a descriptor's name word is null or a NUL-terminated static string.
    unsafe {
        let name = ptr(desc.cast_mut(), CLASS_NAME);
        if name.is_null() {
            return Cow::Borrowed("?");
        }
        CStr::from_ptr(name.cast()).to_string_lossy()
    }
}

/// Whether instances of the class are exceptions.
///
/// # Safety
/// `desc` must be a class descriptor.
pub(crate) unsafe fn class_is_exception(desc: *const u8) -> bool {
    // SAFETY: forwarded from the caller.
    unsafe { word(desc.cast_mut(), CLASS_FLAGS) & CLASS_FLAG_EXCEPTION != 0 }
}

/// Whether `desc` is `ancestor` or one of its subclasses.
///
/// # Safety
/// `desc` must be a class descriptor; `ancestor` may be anything (it is only compared).
pub(crate) unsafe fn is_subclass(desc: *const u8, ancestor: *const u8) -> bool {
    let mut cur = desc;
    for _ in 0..MAX_DEPTH {
        if cur.is_null() {
            return false;
        }
        if cur == ancestor {
            return true;
        }
        // SAFETY: every parent word is null or a class descriptor.
        cur = unsafe { ptr(cur.cast_mut(), CLASS_PARENT) };
    }
    false
}

/// A new zeroed instance of the class `desc`, sized by its descriptor (at
/// least large enough for an exception's message). May collect.
///
/// Null when the memory cannot be had.
///
/// # Safety
/// `desc` must be a class descriptor whose GC information only names offsets
/// inside its instance size; every root must be valid.
pub(crate) unsafe fn new_instance(desc: *const u8) -> *mut u8 {
    // SAFETY: forwarded from the caller; a descriptor starts with its GcTypeInfo.
    unsafe {
        let size = (word(desc.cast_mut(), CLASS_SIZE) as usize).max(EXC_ARGS_CODE + 8);
        seam_gc::alloc(desc.cast::<GcTypeInfo>(), size)
    }
}

/// The message `str` of an exception instance, or null when there is none.
///
/// # Safety
/// `exc` must be a live instance.
pub(crate) unsafe fn exc_message(exc: *mut u8) -> *mut u8 {
    // SAFETY: an exception's first field is its message; other instances have none.
    unsafe {
        if class_is_exception(class_of(exc)) {
            ptr(exc, EXC_MESSAGE)
        } else {
            std::ptr::null_mut()
        }
    }
}

/// The arguments an exception was constructed with when its class's own
/// `__init__` gave no message: the tuple and its type code.
///
/// # Safety
/// `exc` must be a live exception instance.
unsafe fn exc_args<'a>(exc: *mut u8) -> Option<(*mut u8, &'a [u8])> {
    // SAFETY: exceptions hold the arguments and their code at EXC_ARGS, EXC_ARGS_CODE.
    unsafe {
        let args = ptr(exc, EXC_ARGS);
        let code = ptr(exc, EXC_ARGS_CODE);
        (!args.is_null() && !code.is_null()).then(|| (args, tc_slice(code)))
    }
}

/// `str(e)` of an exception as text: its class's `__str__`, else its message,
/// else from its arguments as `BaseException.__str__` does (`''` for none,
/// `str(args[0])` for one, `str(args)` for more). May run methods, which may raise.
///
/// # Safety
/// `exc` must be a live exception instance.
pub(crate) unsafe fn exc_message_text(exc: *mut u8) -> String {
    // SAFETY: forwarded from the caller; the results are live strs.
    unsafe {
        match user_str(exc) {
            Some(s) if !s.is_null() => return str_as_str(s).to_string(),
            Some(_) => return String::new(),
            None => {}
        }
        let s = exc_str(exc);
        if s.is_null() {
            String::new()
        } else {
            str_as_str(s).to_string()
        }
    }
}

/// `BaseException.__str__`: the message, or the text of the arguments.
///
/// # Safety
/// `exc` must be a live exception instance.
unsafe fn exc_str(exc: *mut u8) -> *mut u8 {
    // SAFETY: forwarded from the caller.
    unsafe {
        let msg = exc_message(exc);
        if !msg.is_null() {
            return msg;
        }
        let Some((args, code)) = exc_args(exc) else {
            return empty_str();
        };
        let elems = tuple_elems(code);
        if word(args, TUPLE_LEN) == 0 {
            return empty_str();
        }
        if word(args, TUPLE_LEN) == 1 && elems.len() == 1 {
            // The element's code is the tuple code's tail, so it is NUL-terminated.
            let item = word(args, TUPLE_ITEMS);
            if is_subclass(class_of(exc), builtin_class(ExcKind::KeyError)) {
                // `KeyError.__str__` shows its one argument's repr.
                let roots = Roots::new();
                roots.push(exc);
                let text = repr_word(item, elems[0]);
                return if pending() {
                    std::ptr::null_mut()
                } else {
                    new_str(&text)
                };
            }
            return seam_str_of(item, elems[0].as_ptr());
        }
        let roots = Roots::new();
        roots.push(exc);
        new_str(&repr_word(args as u64, code))
    }
}

/// `str(obj)` of an instance when it differs from its repr: an exception's
/// (see [`exc_message_text`]; the empty `str` when it has none). `None` for other instances.
///
/// # Safety
/// `obj` must be a live instance.
pub(crate) unsafe fn instance_str(obj: *mut u8) -> Option<*mut u8> {
    // SAFETY: forwarded from the caller.
    unsafe {
        if !class_is_exception(class_of(obj)) {
            return None;
        }
        Some(exc_str(obj))
    }
}

/// Appends `repr(obj)` for an instance: `Name('message')` (or `Name()`) for
/// an exception, as CPython prints one constructed with its message, and
/// `<module.Name object at 0x...>` for anything else.
///
/// CPython's exception repr uses the unqualified class name, and shows a
/// `KeyError`'s argument as its repr, which is exactly the message the
/// front end stores for `KeyError` and its subclasses.
///
/// # Safety
/// `obj` must be a live instance.
pub(crate) unsafe fn write_instance_repr(out: &mut String, obj: *mut u8) {
    // SAFETY: forwarded from the caller.
    unsafe {
        let desc = class_of(obj);
        let name = class_name(desc);
        if !class_is_exception(desc) {
            out.push_str(&format!("<{name} object at {:#x}>", obj as usize));
            return;
        }
        let short = name.rsplit('.').next().unwrap_or(&name);
        out.push_str(short);
        if exc_message(obj).is_null()
            && let Some((args, code)) = exc_args(obj)
        {
            // `E(a)` for one argument, `E(a, b)` for more: the tuple's repr without its comma.
            let text = repr_word(args as u64, code);
            match text.strip_suffix(",)") {
                Some(one) => {
                    out.push_str(one);
                    out.push(')');
                }
                None => out.push_str(&text),
            }
            return;
        }
        out.push('(');
        let msg = exc_message(obj);
        let msg = if msg.is_null() { "" } else { str_as_str(msg) };
        if !msg.is_empty() {
            if is_subclass(desc, builtin_class(ExcKind::KeyError)) {
                out.push_str(msg);
            } else {
                write_str_repr(out, msg);
            }
        }
        out.push(')');
    }
}
