//! Mapping a Seam extension's shared object next to the core, without `dlopen`.
//!
//! ```text
//!   map(image)                                   (image: elf::Image, already verified)
//!     ├─ refuse:   constructors, text relocations, W+X pages
//!     ├─ open:     the C libraries it needs (DT_NEEDED, from its modules'
//!     │            `c_library`), with dlopen: they are ordinary C libraries
//!     ├─ reserve:  one region for every PT_LOAD, within ±1.25 GB of the core's
//!     │            text (a random address; MAP_FIXED_NOREPLACE, else anywhere)
//!     ├─ copy:     each segment's file bytes (the rest stays zero: .bss)
//!     ├─ relocate: RELATIVE, GLOB_DAT, JUMP_SLOT, 64; undefined symbols from
//!     │            the core (dlsym on the program, checked to lie in the core's
//!     │            own segments), for Cranelift's libcalls the C library, else
//!     │            the extensions it builds on (their symbols and class bounds,
//!     │            from the loader), else the C libraries it needs; its own
//!     │            classes' bounds left pending
//!   finish(mapped, own bounds)
//!     ├─ fill:     the pending GOT entries, once the loader numbered the classes
//!     ├─ rewrite:  GOT loads of near symbols into `lea`s (calls made direct),
//!     │            GOT loads of class bounds into immediates, calls through
//!     │            the PLT into calls of their near targets
//!     └─ protect:  each page to its segment's permissions, PT_GNU_RELRO read-only;
//!                  never writable and executable at once (the region is mapped
//!                  read-write, not executable, until the final mprotect)
//! ```
//!
//! Why: a `dlopen`ed object lands near `0x7f…`, 40 TB from a PIE core near
//! `0x55…`, and calls between the two then cost 1.35–1.5× the same calls
//! inside the core (planning/BENCHMARKS.md, `bench/tools/far_calls`); within
//! ±2 GB they cost the same. No code of the file runs here: ELF constructors
//! are refused, not skipped, and the loader calls the descriptor's functions
//! only after mapping. With `SEAM_PERF_MAP=1` the image's functions are added
//! to `/tmp/perf-PID.map`, so `perf` names them.
//!
//! The region is never unmapped once the loader registered the extension's
//! classes (their descriptors are referenced from then on), as a `dlopen`ed
//! library was never closed.

use crate::elf::{ElfError, Image, PF_R, PF_W, PF_X, reloc, reloc_name};
use std::ffi::{CString, c_void};

/// A mapped image. Unmapped on drop unless [`Mapped::keep`] was called.
pub(crate) struct Mapped {
    base: *mut u8,
    len: usize,
    /// What [`finish`] rewrote.
    pub rewritten: Rewritten,
    /// Until [`finish`]: each page's final permissions, and the page size.
    perms: Vec<u32>,
    page: u64,
    /// The GOT entries filled so far (`GLOB_DAT`, and the PLT's `JUMP_SLOT`):
    /// (offset, value, whether the value is a number rather than an address).
    got: Vec<(u64, u64, bool)>,
    /// GOT entries of class bounds left for [`finish`]: (offset, symbol).
    pending: Vec<(u64, String)>,
}

/// The instructions [`finish`] rewrote, by kind.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Rewritten {
    /// GOT loads of addresses rewritten into `lea`s.
    pub leas: usize,
    /// Of those, the ones followed by `call *%reg` made direct calls.
    pub calls: usize,
    /// GOT loads of class bounds rewritten into immediates.
    pub immediates: usize,
    /// Calls through a PLT entry sent to the entry's target.
    pub plt_calls: usize,
}

impl Mapped {
    fn new(base: *mut u8, len: usize) -> Mapped {
        Mapped {
            base,
            len,
            rewritten: Rewritten::default(),
            perms: Vec::new(),
            page: 0,
            got: Vec::new(),
            pending: Vec::new(),
        }
    }

    /// The address of `vaddr` of the image.
    pub(crate) fn at(&self, vaddr: u64) -> *mut u8 {
        self.base.wrapping_add(vaddr as usize)
    }

    /// The image's base address (its address 0).
    pub(crate) fn base(&self) -> usize {
        self.base as usize
    }

    /// Keeps the region mapped for the rest of the process.
    pub(crate) fn keep(self) {
        std::mem::forget(self);
    }
}

impl Drop for Mapped {
    fn drop(&mut self) {
        // SAFETY: the region was mapped by `map` and nothing refers into it:
        // `keep` is called before anything does.
        unsafe { libc::munmap(self.base.cast(), self.len) };
    }
}

/// How far from the core's text the region may start, either way. Calls from
/// the extension to the core then span less than 2 GB for any core smaller
/// than 700 MB.
const NEAR: u64 = 5 << 28;

/// Candidate addresses tried near the core before mapping anywhere.
const ATTEMPTS: u32 = 16;

/// Maps `image` near the core and relocates it, read-write and not
/// executable: [`finish`] gives it its permissions. A symbol the image needs
/// comes from the core or else from `beside` (the symbols of the loaded
/// extensions it was built against); the bounds of the image's own classes
/// (`seam_abi::symbols::class_bound_symbol`) are left for [`finish`], since
/// the loader numbers those classes from the mapped descriptors.
///
/// # Safety
/// `image` must have been verified as a Seam extension built against this
/// core and the extensions `beside` answers for: its relocations are applied
/// with their symbols.
pub(crate) unsafe fn map(
    image: &Image,
    beside: &dyn Fn(&str) -> Option<u64>,
) -> Result<Mapped, ElfError> {
    image.check_self_contained()?;
    let libraries = open_needed(image)?;
    let page = page_size();
    let mut end = 0u64;
    for s in &image.loads {
        end = end.max(s.vaddr + s.memsz);
    }
    let len = round_up(end, page);
    if len == 0 || len > crate::elf::MAX_IMAGE {
        return Err(ElfError::Malformed(
            "loadable segments of an impossible size".to_owned(),
        ));
    }
    let perms = page_permissions(image, page, len)?;
    // SAFETY: a fresh anonymous region, owned by `mapped`.
    let mut mapped = unsafe { reserve(len as usize) }?;
    debug_assert!(mapped.pending.is_empty());
    for s in &image.loads {
        let bytes = image.segment_bytes(s)?;
        // SAFETY: `[vaddr, vaddr + filesz)` lies inside the region (end
        // covers every segment's memsz >= filesz), which is read-write.
        unsafe { std::ptr::copy_nonoverlapping(bytes.as_ptr(), mapped.at(s.vaddr), bytes.len()) };
    }
    // SAFETY: the region is read-write and holds the image.
    let (got, pending) = unsafe { relocate(image, &mapped, end, beside, &libraries) }?;
    mapped.got = got;
    mapped.pending = pending;
    mapped.perms = perms;
    mapped.page = page;
    Ok(mapped)
}

/// Fills the GOT entries [`map`] left (the bounds of the image's own classes,
/// from `own`), rewrites the GOT loads it can into `lea`s and immediates, and
/// gives every page its final permissions: from then on the image is
/// executable, and nothing of it is writable and executable at once.
///
/// # Safety
/// `mapped` must be the mapping of `image` by [`map`], not finished yet.
pub(crate) unsafe fn finish(
    mapped: &mut Mapped,
    image: &Image,
    own: &dyn Fn(&str) -> Option<u64>,
) -> Result<(), ElfError> {
    for (offset, name) in std::mem::take(&mut mapped.pending) {
        let value = own(&name).ok_or_else(|| {
            ElfError::Unsupported(format!(
                "it needs the class bound {name}, which it does not define"
            ))
        })?;
        // SAFETY: the GOT entry lies inside the region (checked by `relocate`),
        // which is read-write until `protect`.
        unsafe { mapped.at(offset).cast::<u64>().write_unaligned(value) };
        mapped.got.push((offset, value, true));
    }
    mapped.got.sort_unstable();
    // SAFETY: the region is read-write and holds the relocated image.
    let (leas, calls, immediates) = unsafe { relax_got_loads(image, mapped) };
    // SAFETY: as above.
    let plt_calls = unsafe { bind_plt_calls(&Code::of(image), &image.plt_calls(), mapped) };
    mapped.rewritten = Rewritten {
        leas,
        calls,
        immediates,
        plt_calls,
    };
    let perms = std::mem::take(&mut mapped.perms);
    // SAFETY: the region and its page table `perms` cover `len` bytes.
    unsafe { protect(mapped, &perms, mapped.page) }
}

fn page_size() -> u64 {
    // SAFETY: sysconf has no preconditions.
    let n = unsafe { libc::sysconf(libc::_SC_PAGESIZE) };
    if n > 0 { n as u64 } else { 4096 }
}

fn round_up(n: u64, to: u64) -> u64 {
    n.div_ceil(to) * to
}

/// Each page's final permissions (`PF_*` bits): the union of the segments on
/// it, less `PF_W` on the pages `PT_GNU_RELRO` covers whole (as `ld.so` does).
fn page_permissions(image: &Image, page: u64, len: u64) -> Result<Vec<u32>, ElfError> {
    let mut perms = vec![0u32; (len / page) as usize];
    for s in &image.loads {
        if s.memsz == 0 {
            continue;
        }
        let first = s.vaddr / page;
        let last = (s.vaddr + s.memsz - 1) / page;
        for p in &mut perms[first as usize..=last as usize] {
            *p |= s.flags;
        }
    }
    if let Some((start, size)) = image.relro {
        let first = start / page;
        let last = (start.saturating_add(size) / page).min(perms.len() as u64);
        for p in perms.iter_mut().take(last as usize).skip(first as usize) {
            *p &= !PF_W;
        }
    }
    if perms.iter().any(|&p| p & (PF_W | PF_X) == PF_W | PF_X) {
        return Err(ElfError::Unsupported(
            "a page of it would be writable and executable at once".to_owned(),
        ));
    }
    Ok(perms)
}

/// A random word (the standard library's per-process random keys, which
/// come from the OS).
fn random() -> u64 {
    use std::hash::{BuildHasher, Hasher};
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_usize(&h as *const _ as usize);
    h.finish()
}

/// A read-write, not executable region of `len` bytes within [`NEAR`] of the
/// core's text at a random address, or anywhere when none is free there.
///
/// # Safety
/// None beyond mapping fresh memory.
unsafe fn reserve(len: usize) -> Result<Mapped, ElfError> {
    const ALIGN: u64 = 1 << 16;
    let anchor = map as *const () as u64;
    let prot = libc::PROT_READ | libc::PROT_WRITE;
    let flags = libc::MAP_PRIVATE | libc::MAP_ANONYMOUS;
    // `SEAM_MAP_ANYWHERE=1`: where the kernel likes (near 0x7f…, as dlopen
    // placed extensions): a control for benchmarks, never needed otherwise.
    let attempts = if std::env::var_os("SEAM_MAP_ANYWHERE").is_some_and(|v| v == "1") {
        0
    } else {
        ATTEMPTS
    };
    for _ in 0..attempts {
        // A random start in [anchor - NEAR, anchor + NEAR - len), aligned.
        let offset = random() % (2 * NEAR - len as u64);
        let Some(hint) = (anchor + offset)
            .checked_sub(NEAR)
            .map(|a| a & !(ALIGN - 1))
        else {
            continue;
        };
        if hint < 1 << 32 {
            continue;
        }
        // SAFETY: MAP_FIXED_NOREPLACE never replaces an existing mapping.
        let p = unsafe {
            libc::mmap(
                hint as *mut c_void,
                len,
                prot,
                flags | libc::MAP_FIXED_NOREPLACE,
                -1,
                0,
            )
        };
        if p == libc::MAP_FAILED {
            continue;
        }
        if p as u64 == hint {
            return Ok(Mapped::new(p.cast(), len));
        }
        // A kernel without MAP_FIXED_NOREPLACE took it as a hint and placed the
        // region elsewhere.
        // SAFETY: `p` is the region just mapped.
        unsafe { libc::munmap(p, len) };
    }
    // SAFETY: a fresh anonymous mapping anywhere.
    let p = unsafe { libc::mmap(std::ptr::null_mut(), len, prot, flags, -1, 0) };
    if p == libc::MAP_FAILED {
        return Err(ElfError::Unsupported(format!(
            "cannot map {len} bytes: {}",
            std::io::Error::last_os_error()
        )));
    }
    Ok(Mapped::new(p.cast(), len))
}

/// Applies every dynamic relocation. Returns the GOT entries it filled
/// (`GLOB_DAT`, `JUMP_SLOT`): their addresses in the image and values.
///
/// # Safety
/// `mapped` must be read-write and hold the image's segments; `end` is the
/// end of its last segment.
unsafe fn relocate(
    image: &Image,
    mapped: &Mapped,
    end: u64,
    beside: &dyn Fn(&str) -> Option<u64>,
    libraries: &[usize],
) -> Result<Relocated, ElfError> {
    let base = mapped.base() as u64;
    let mut cache: Vec<(u32, Symbol)> = Vec::new();
    let mut got = Vec::new();
    let mut pending = Vec::new();
    for r in image.relocations()? {
        if r.kind == reloc::NONE {
            continue;
        }
        if r.offset.checked_add(8).is_none_or(|e| e > end) {
            return Err(ElfError::Malformed(
                "a relocation outside the image".to_owned(),
            ));
        }
        let symbol = if r.symbol == 0 || r.kind == reloc::RELATIVE {
            Symbol::Address(0)
        } else if let Some((_, s)) = cache.iter().find(|(i, _)| *i == r.symbol) {
            s.clone()
        } else {
            let s = resolve(image, base, r.symbol, beside, libraries)?;
            cache.push((r.symbol, s.clone()));
            s
        };
        let (v, number) = match symbol {
            Symbol::Address(v) => (v, false),
            Symbol::Number(v) => (v, true),
            Symbol::Pending(name) if r.kind == reloc::GLOB_DAT && r.addend == 0 => {
                pending.push((r.offset, name));
                continue;
            }
            Symbol::Pending(name) => {
                return Err(ElfError::Unsupported(format!(
                    "the class bound {name} is used by a relocation of type {}",
                    r.kind
                )));
            }
        };
        let value = match r.kind {
            reloc::RELATIVE => base.wrapping_add(r.addend as u64),
            reloc::ABS64 => v.wrapping_add(r.addend as u64),
            reloc::GLOB_DAT | reloc::JUMP_SLOT if reloc::GOT_ADDEND => {
                v.wrapping_add(r.addend as u64)
            }
            reloc::GLOB_DAT | reloc::JUMP_SLOT => v,
            other => {
                return Err(ElfError::Unsupported(format!(
                    "relocation type {other} at {:#x} (Seam's loader applies {})",
                    r.offset,
                    supported_relocations().join(", ")
                )));
            }
        };
        if r.kind == reloc::GLOB_DAT || r.kind == reloc::JUMP_SLOT {
            got.push((r.offset, value, number));
        }
        // SAFETY: the word lies inside the region (checked above); the
        // region is read-write. Relocated words need not be aligned.
        unsafe { mapped.at(r.offset).cast::<u64>().write_unaligned(value) };
    }
    Ok((got, pending))
}

/// What [`relocate`] returns: the GOT entries it filled (offset, value,
/// whether a number) and those it left for [`finish`] (offset, symbol).
type Relocated = (Vec<(u64, u64, bool)>, Vec<(u64, String)>);

/// What a symbol stands for.
#[derive(Clone)]
enum Symbol {
    /// An address (a function, a descriptor, a global).
    Address(u64),
    /// A number: a class bound of an extension loaded earlier.
    Number(u64),
    /// A bound of one of the image's own classes, known once they are numbered.
    Pending(String),
}

/// What the static linker does for a symbol it knows is near, done here for
/// the core's symbols now that they are: every `mov GOT(%rip), %reg` (a
/// `GOTPCREL` load of an address) becomes `lea SYMBOL(%rip), %reg` when the
/// symbol is within ±2 GB, saving a load per use (an indirect call through
/// the register stays one, to a constant target). Only instructions the
/// linker's kept static relocations point at are touched, and only when their
/// bytes are that `mov` and its GOT entry is one [`relocate`] filled.
///
/// # Safety
/// `mapped` must be read-write and hold the relocated image.
unsafe fn relax_got_loads(image: &Image, mapped: &Mapped) -> (usize, usize, usize) {
    let got = &mapped.got;
    let base = mapped.base() as u64;
    let (mut leas, mut calls, mut immediates) = (0, 0, 0);
    for at in image.got_loads() {
        // `REX.W 8b modrm disp32`: the prefix, opcode and ModRM precede the displacement.
        let Some(start) = at.checked_sub(2) else {
            continue;
        };
        let in_code = image
            .loads
            .iter()
            .any(|s| s.flags & PF_X != 0 && start > s.vaddr && at + 4 <= s.vaddr + s.filesz);
        if !in_code {
            continue;
        }
        // SAFETY: `start - 1..at + 4` lies in a loaded segment of the region.
        let (rex, opcode, modrm, disp) = unsafe {
            (
                *mapped.at(start - 1),
                *mapped.at(start),
                *mapped.at(start + 1),
                mapped.at(at).cast::<i32>().read_unaligned(),
            )
        };
        // mov r64, [rip + disp32]: REX.W (0x48, or 0x4c with REX.R; no index or
        // base extension), opcode 0x8b, ModRM mod 00, r/m 101. A load without
        // REX.W (a 32-bit mov) is left alone: its byte before is not a prefix.
        if rex & 0xfb != 0x48 || opcode != 0x8b || modrm & 0xc7 != 0x05 {
            continue;
        }
        let next = at + 4;
        let slot = next.wrapping_add(disp as i64 as u64);
        let Ok(i) = got.binary_search_by_key(&slot, |&(s, _, _)| s) else {
            continue;
        };
        let (_, target, number) = got[i];
        if number {
            // SAFETY: as above.
            if unsafe { load_immediate(image, mapped, start, modrm, target) } {
                immediates += 1;
            }
            continue;
        }
        let Ok(new) = i32::try_from(target.wrapping_sub(base + next) as i64) else {
            continue;
        };
        // SAFETY: as above; the region is read-write until `protect`.
        unsafe {
            *mapped.at(start) = 0x8d;
            mapped.at(at).cast::<i32>().write_unaligned(new);
        }
        leas += 1;
        // SAFETY: as above.
        if unsafe { direct_call(image, mapped, start, modrm, target) } {
            calls += 1;
        }
    }
    (leas, calls, immediates)
}

/// Turns the `REX.W mov GOT(%rip), %reg` whose opcode is at `start` into
/// `REX.W mov $value, %reg` (`c7 /0` with a sign-extended 32-bit immediate,
/// the same seven bytes) when `value` fits: a class bound becomes an
/// immediate, as a core's class bounds are. False when left alone.
///
/// # Safety
/// `mapped` must be read-write and hold the image; `start` the opcode of a
/// `mov r64, [rip + disp32]` inside an executable segment.
unsafe fn load_immediate(
    image: &Image,
    mapped: &Mapped,
    start: u64,
    modrm: u8,
    value: u64,
) -> bool {
    // `c7 /0` sign-extends its immediate: a negated id fits as well as a width.
    let Ok(imm) = i32::try_from(value as i64) else {
        return false;
    };
    let Some(rex_at) = start.checked_sub(1) else {
        return false;
    };
    let in_code = image
        .loads
        .iter()
        .any(|s| s.flags & PF_X != 0 && rex_at >= s.vaddr && start < s.vaddr + s.filesz);
    // SAFETY: `rex_at` lies in a loaded segment of the region.
    let rex = if in_code {
        unsafe { *mapped.at(rex_at) }
    } else {
        0
    };
    // REX.W, with no index (rip-relative) nor base extension: 0x48, or 0x4c with REX.R.
    if rex & 0xfb != 0x48 {
        return false;
    }
    let reg = (modrm >> 3) & 7;
    // SAFETY: `rex_at..start + 6` lies in the region (the `mov` checked by the caller).
    unsafe {
        *mapped.at(rex_at) = 0x48 | ((rex & 0x04) >> 2);
        *mapped.at(start) = 0xc7;
        *mapped.at(start + 1) = 0xc0 | reg;
        mapped.at(start + 2).cast::<i32>().write_unaligned(imm);
    }
    true
}

/// When the `lea SYMBOL(%rip), %reg` at `start` (REX prefix before it) is
/// followed at once by `call *%reg`, turns the pair into a padding `nop` and a
/// direct `call SYMBOL` ending where the indirect call ended (the return
/// address is unchanged; `%reg` is dead after a call that clobbers it anyway).
///
/// # Safety
/// `mapped` must be read-write and hold the image; `start` the opcode of a
/// rewritten `lea` inside an executable segment.
unsafe fn direct_call(image: &Image, mapped: &Mapped, start: u64, modrm: u8, target: u64) -> bool {
    let Some(rex_at) = start.checked_sub(1) else {
        return false;
    };
    let call_at = start + 6;
    let in_code = |a: u64, n: u64| {
        image
            .loads
            .iter()
            .any(|s| s.flags & PF_X != 0 && a >= s.vaddr && a + n <= s.vaddr + s.filesz)
    };
    if !in_code(rex_at, 10) {
        return false;
    }
    // SAFETY: `rex_at..rex_at + 10` lies in an executable segment of the region.
    let byte = |a: u64| unsafe { *mapped.at(a) };
    let rex = byte(rex_at);
    if rex & 0xf0 != 0x40 {
        return false;
    }
    let reg = ((rex >> 2) & 1) << 3 | (modrm >> 3) & 7;
    // call *%r64: [41] ff /2 with mod 11.
    let (len, call_rex) = if byte(call_at) == 0xff {
        (2, 0)
    } else if byte(call_at) == 0x41 && byte(call_at + 1) == 0xff {
        (3, 1)
    } else {
        return false;
    };
    let call_modrm = byte(call_at + len - 1);
    if call_modrm & 0xf8 != 0xd0 || (call_rex << 3 | (call_modrm & 7)) != reg {
        return false;
    }
    let end = call_at + len;
    let Ok(rel) = i32::try_from(target.wrapping_sub(mapped.base() as u64 + end) as i64) else {
        return false;
    };
    // 7-byte lea + the call (2 or 3 bytes) = a 4- or 5-byte nop + a 5-byte call.
    let nop: &[u8] = if len == 2 {
        &[0x0f, 0x1f, 0x40, 0x00]
    } else {
        &[0x0f, 0x1f, 0x44, 0x00, 0x00]
    };
    let mut code = nop.to_vec();
    code.push(0xe8);
    code.extend_from_slice(&rel.to_le_bytes());
    // SAFETY: the bytes replaced are exactly the lea and the call.
    unsafe { std::ptr::copy_nonoverlapping(code.as_ptr(), mapped.at(rex_at), code.len()) };
    true
}

/// What the static linker does for a call it knows is near, done here for the
/// calls it sent through the PLT because their symbol was undefined: every
/// `call ENTRY` (`e8 rel32`, a kept `R_X86_64_PLT32` pointing at its
/// displacement) whose target `ENTRY` is a PLT entry `jmp *SLOT(%rip)` (`ff 25
/// disp32`), with `SLOT` a `JUMP_SLOT` entry [`relocate`] filled with an address
/// within ±2 GB, becomes `call TARGET`: the same five bytes, the same return
/// address, one indirect jump fewer. Mapped far, nothing changes and the calls
/// go through the PLT, which stays valid: its slots were filled at relocation.
/// Returns how many calls it rewrote; `calls` are the kept relocations'
/// addresses ([`Image::plt_calls`]).
///
/// # Safety
/// `mapped` must be read-write and hold the relocated image, its GOT entries
/// sorted in `mapped.got`; `code` its executable bytes.
unsafe fn bind_plt_calls(code: &Code, calls: &[u64], mapped: &Mapped) -> usize {
    let base = mapped.base() as u64;
    let mut bound = 0;
    for &at in calls {
        // `e8 rel32`: the opcode precedes the displacement.
        let Some(opcode_at) = at.checked_sub(1) else {
            continue;
        };
        if !code.holds(opcode_at, 5) {
            continue;
        }
        // SAFETY: `opcode_at..at + 4` lies in an executable segment of the region.
        let (opcode, rel) = unsafe {
            (
                *mapped.at(opcode_at),
                mapped.at(at).cast::<i32>().read_unaligned(),
            )
        };
        if opcode != 0xe8 {
            continue;
        }
        let next = at + 4;
        let entry = next.wrapping_add(rel as i64 as u64);
        if !code.holds(entry, 6) {
            continue;
        }
        // SAFETY: `entry..entry + 6` lies in an executable segment of the region.
        let (jmp, disp) = unsafe {
            (
                [*mapped.at(entry), *mapped.at(entry + 1)],
                mapped.at(entry + 2).cast::<i32>().read_unaligned(),
            )
        };
        // jmp *disp32(%rip): ff /4 with ModRM mod 00, r/m 101.
        if jmp != [0xff, 0x25] {
            continue;
        }
        let slot = (entry + 6).wrapping_add(disp as i64 as u64);
        let Ok(i) = mapped.got.binary_search_by_key(&slot, |&(s, _, _)| s) else {
            continue;
        };
        let (_, target, number) = mapped.got[i];
        if number {
            continue;
        }
        let Ok(new) = i32::try_from(target.wrapping_sub(base + next) as i64) else {
            continue;
        };
        // SAFETY: the displacement lies in the region, read-write until `protect`.
        unsafe { mapped.at(at).cast::<i32>().write_unaligned(new) };
        bound += 1;
    }
    bound
}

/// The file-backed ranges of an image's executable segments, `[start, end)`
/// in image addresses: the only bytes the mapper reads as instructions.
struct Code(Vec<(u64, u64)>);

impl Code {
    fn of(image: &Image) -> Code {
        Code(
            image
                .loads
                .iter()
                .filter(|s| s.flags & PF_X != 0)
                .map(|s| (s.vaddr, s.vaddr + s.filesz))
                .collect(),
        )
    }

    /// Whether the `n` bytes at `a` are all code of one segment.
    fn holds(&self, a: u64, n: u64) -> bool {
        self.0
            .iter()
            .any(|&(s, e)| a >= s && a.checked_add(n).is_some_and(|x| x <= e))
    }
}

/// The names of the relocation types the mapper applies.
pub(crate) fn supported_relocations() -> Vec<&'static str> {
    [
        reloc::NONE,
        reloc::RELATIVE,
        reloc::GLOB_DAT,
        reloc::JUMP_SLOT,
        reloc::ABS64,
    ]
    .iter()
    .filter_map(|&k| reloc_name(k))
    .collect()
}

/// The C library functions an extension may import: the libcalls Cranelift
/// emits (memory copies, and float rounding where the CPU lacks SSE4.1).
const LIBCALLS: &[&str] = &[
    "memcpy",
    "memmove",
    "memset",
    "memcmp",
    "ceil",
    "ceilf",
    "floor",
    "floorf",
    "trunc",
    "truncf",
    "nearbyint",
    "nearbyintf",
    "fma",
    "fmaf",
];

/// The address a relocation's symbol `index` stands for.
fn resolve(
    image: &Image,
    base: u64,
    index: u32,
    beside: &dyn Fn(&str) -> Option<u64>,
    libraries: &[usize],
) -> Result<Symbol, ElfError> {
    let sym = image.dynamic_symbol(index)?;
    if sym.tls {
        return Err(ElfError::Unsupported(format!(
            "symbol {} is thread-local",
            sym.name
        )));
    }
    if sym.defined {
        return Ok(Symbol::Address(base.wrapping_add(sym.value)));
    }
    if seam_abi::symbols::parse_class_bound_symbol(&sym.name).is_some() {
        return Ok(match beside(&sym.name) {
            Some(n) => Symbol::Number(n),
            None => Symbol::Pending(sym.name),
        });
    }
    let found = core_symbol(&sym.name)
        .or_else(|| beside(&sym.name))
        .or_else(|| library_symbol(libraries, &sym.name));
    match found {
        Some(address) => Ok(Symbol::Address(address)),
        None if sym.weak => Ok(Symbol::Address(0)),
        None if libraries.is_empty() => Err(ElfError::Unsupported(format!(
            "it needs the symbol {}, which neither this core nor the extensions it was built \
             against define",
            sym.name
        ))),
        None => Err(ElfError::Unsupported(format!(
            "it needs the symbol {}, which neither this core, the extensions it was built \
             against nor the C libraries it links define",
            sym.name
        ))),
    }
}

/// Opens the shared libraries `image` needs (`DT_NEEDED`), as `dlopen` would
/// for a library of its own: each with its dependencies, symbols bound now,
/// kept local to the handle. The handles are never closed, as the image is
/// never unmapped.
fn open_needed(image: &Image) -> Result<Vec<usize>, ElfError> {
    let mut handles = Vec::new();
    for name in image.needed()? {
        let c_name = CString::new(name.as_str())
            .map_err(|_| ElfError::Malformed("a library name holds a NUL byte".to_owned()))?;
        // SAFETY: dlopen of a C library by name; its constructors run as for
        // any library the program links.
        let handle = unsafe { libc::dlopen(c_name.as_ptr(), libc::RTLD_NOW | libc::RTLD_LOCAL) };
        if handle.is_null() {
            // SAFETY: dlerror returns null or a NUL-terminated message.
            let why = unsafe {
                let e = libc::dlerror();
                if e.is_null() {
                    "unknown error".to_owned()
                } else {
                    std::ffi::CStr::from_ptr(e).to_string_lossy().into_owned()
                }
            };
            return Err(ElfError::Unsupported(format!(
                "it needs the C library {name}, which cannot be loaded: {why}"
            )));
        }
        handles.push(handle as usize);
    }
    Ok(handles)
}

/// `name` in one of the C libraries `libraries` (handles from [`open_needed`]).
fn library_symbol(libraries: &[usize], name: &str) -> Option<u64> {
    let c_name = CString::new(name).ok()?;
    libraries.iter().find_map(|&h| {
        // SAFETY: dlsym only reads the symbol tables of a library opened above.
        let address = unsafe { libc::dlsym(h as *mut c_void, c_name.as_ptr()) };
        (!address.is_null()).then_some(address as u64)
    })
}

/// The core as the mapper resolves against it: the program's handle and the
/// address ranges of its loaded segments. Found once per process.
struct Core {
    handle: usize,
    ranges: Vec<(usize, usize)>,
}

fn core() -> Option<&'static Core> {
    static CORE: std::sync::OnceLock<Option<Core>> = std::sync::OnceLock::new();
    CORE.get_or_init(|| {
        // SAFETY: dlopen(NULL) returns the program's handle, never unloaded.
        let handle = unsafe { libc::dlopen(std::ptr::null(), libc::RTLD_LAZY) };
        if handle.is_null() {
            return None;
        }
        Some(Core {
            handle: handle as usize,
            ranges: image_ranges(map as *const () as usize),
        })
    })
    .as_ref()
}

/// The `PT_LOAD` ranges of the loaded object holding `anchor` (the core
/// itself: the runtime is linked into it).
fn image_ranges(anchor: usize) -> Vec<(usize, usize)> {
    struct Search {
        anchor: usize,
        ranges: Vec<(usize, usize)>,
    }
    unsafe extern "C" fn each(
        info: *mut libc::dl_phdr_info,
        _size: libc::size_t,
        data: *mut c_void,
    ) -> libc::c_int {
        // SAFETY: `data` is the `Search` below; `info` describes one loaded
        // object with `dlpi_phnum` program headers at `dlpi_phdr`.
        unsafe {
            let search = &mut *data.cast::<Search>();
            let info = &*info;
            let headers = std::slice::from_raw_parts(info.dlpi_phdr, usize::from(info.dlpi_phnum));
            let ranges: Vec<(usize, usize)> = headers
                .iter()
                .filter(|h| h.p_type == libc::PT_LOAD)
                .map(|h| {
                    let start = info.dlpi_addr as usize + h.p_vaddr as usize;
                    (start, start + h.p_memsz as usize)
                })
                .collect();
            if ranges.iter().any(|&(a, b)| (a..b).contains(&search.anchor)) {
                search.ranges = ranges;
                return 1;
            }
            0
        }
    }
    let mut search = Search {
        anchor,
        ranges: Vec::new(),
    };
    // SAFETY: the callback only reads the headers it is given and writes `search`.
    unsafe { libc::dl_iterate_phdr(Some(each), (&raw mut search).cast()) };
    search.ranges
}

/// `name` in the core: a symbol the program exports (its dynamic list),
/// defined in the program's own image, or one of [`LIBCALLS`].
fn core_symbol(name: &str) -> Option<u64> {
    let core = core()?;
    let c_name = CString::new(name).ok()?;
    // SAFETY: dlsym only reads the symbol tables.
    let address = unsafe { libc::dlsym(core.handle as *mut c_void, c_name.as_ptr()) } as usize;
    if address == 0 {
        return None;
    }
    let in_core = core.ranges.iter().any(|&(a, b)| (a..b).contains(&address));
    (in_core || LIBCALLS.contains(&name)).then_some(address as u64)
}

/// Gives every page its final permissions.
///
/// # Safety
/// `mapped` must span `perms.len()` pages of `page` bytes.
unsafe fn protect(mapped: &Mapped, perms: &[u32], page: u64) -> Result<(), ElfError> {
    let mut i = 0;
    while i < perms.len() {
        let mut j = i + 1;
        while j < perms.len() && perms[j] == perms[i] {
            j += 1;
        }
        let p = perms[i];
        let mut prot = libc::PROT_NONE;
        if p & PF_R != 0 {
            prot |= libc::PROT_READ;
        }
        if p & PF_W != 0 {
            prot |= libc::PROT_WRITE;
        }
        if p & PF_X != 0 {
            prot |= libc::PROT_EXEC;
        }
        // SAFETY: pages `i..j` lie inside the region.
        let rc = unsafe {
            libc::mprotect(
                mapped.at(i as u64 * page).cast(),
                ((j - i) as u64 * page) as usize,
                prot,
            )
        };
        if rc != 0 {
            return Err(ElfError::Unsupported(format!(
                "cannot protect its pages: {}",
                std::io::Error::last_os_error()
            )));
        }
        i = j;
    }
    Ok(())
}

/// With `SEAM_MAP_STATS=1`, says on stderr where `file` was mapped, whether
/// near the core, and how many instructions the mapper rewrote.
pub(crate) fn report_stats(file: &str, mapped: &Mapped) {
    if std::env::var_os("SEAM_MAP_STATS").is_none_or(|v| v != "1") {
        return;
    }
    let near = mapped.base().abs_diff(map as *const () as usize) < (2 << 30);
    let r = mapped.rewritten;
    eprintln!(
        "seam: mapped {file} at {:#x} ({} the core), {} GOT loads rewritten, {} calls made \
         direct, {} class bounds made immediates, {} of the calls through the PLT",
        mapped.base(),
        if near { "near" } else { "far from" },
        r.leas,
        r.calls + r.plt_calls,
        r.immediates,
        r.plt_calls
    );
}

/// Appends the image's functions to `/tmp/perf-PID.map` when `SEAM_PERF_MAP`
/// is set (to anything but `0` or nothing), each named `NAME [stem]`.
pub(crate) fn register_with_perf(image: &Image, mapped: &Mapped, stem: &str) {
    if std::env::var_os("SEAM_PERF_MAP").is_none_or(|v| v.is_empty() || v == "0") {
        return;
    }
    use std::io::Write;
    let mut text = String::new();
    for (address, size, name) in image.functions() {
        text.push_str(&format!(
            "{:x} {size:x} {name} [{stem}]\n",
            mapped.base() as u64 + address
        ));
    }
    let path = format!("/tmp/perf-{}.map", std::process::id());
    if let Ok(mut f) = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
    {
        let _ = f.write_all(text.as_bytes());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A fresh read-write region of 64 KB mapped as an image would be, and
    /// the whole of it taken as code.
    fn region() -> (Mapped, Code) {
        // SAFETY: a fresh anonymous mapping.
        let mapped = unsafe { reserve(1 << 16) }.expect("a region");
        (mapped, Code(vec![(0, 1 << 16)]))
    }

    fn write(mapped: &Mapped, at: u64, bytes: &[u8]) {
        // SAFETY: the tests write inside their 64 KB region.
        unsafe { std::ptr::copy_nonoverlapping(bytes.as_ptr(), mapped.at(at), bytes.len()) };
    }

    fn read(mapped: &Mapped, at: u64, n: usize) -> Vec<u8> {
        // SAFETY: as above.
        unsafe { std::slice::from_raw_parts(mapped.at(at), n).to_vec() }
    }

    /// `call ENTRY` at `call_at` (its displacement at `call_at + 1`), the PLT
    /// entry `jmp *SLOT(%rip)` at `entry`.
    fn call_through_plt(mapped: &Mapped, call_at: u64, entry: u64, slot: u64) {
        let rel = entry as i64 - (call_at + 5) as i64;
        let mut call = vec![0xe8];
        call.extend_from_slice(&(rel as i32).to_le_bytes());
        write(mapped, call_at, &call);
        let disp = slot as i64 - (entry + 6) as i64;
        let mut jmp = vec![0xff, 0x25];
        jmp.extend_from_slice(&(disp as i32).to_le_bytes());
        write(mapped, entry, &jmp);
    }

    fn displacement(mapped: &Mapped, at: u64) -> i64 {
        i32::from_le_bytes(read(mapped, at, 4).try_into().expect("four bytes")).into()
    }

    #[test]
    fn a_call_through_the_plt_is_sent_to_its_near_target() {
        let (mut mapped, code) = region();
        let base = mapped.base() as u64;
        call_through_plt(&mapped, 0x100, 0x1000, 0x2000);
        // A second call site through the same entry.
        call_through_plt(&mapped, 0x200, 0x1000, 0x2000);
        let target = base + 0x8000;
        mapped.got = vec![(0x2000, target, false)];
        // SAFETY: the region is read-write; its "code" is what the test wrote.
        let n = unsafe { bind_plt_calls(&code, &[0x101, 0x201], &mapped) };
        assert_eq!(n, 2);
        for at in [0x101, 0x201] {
            assert_eq!(read(&mapped, at - 1, 1), [0xe8], "still a call");
            assert_eq!(
                base as i64 + at as i64 + 4 + displacement(&mapped, at),
                target as i64
            );
        }
        // The entry itself is left as it was: calls not rewritten still work.
        assert_eq!(read(&mapped, 0x1000, 2), [0xff, 0x25]);
    }

    #[test]
    fn calls_that_are_not_provably_through_a_filled_plt_slot_are_left_alone() {
        let (mut mapped, _) = region();
        let code = Code(vec![(0, 0xe000)]);
        let base = mapped.base() as u64;
        // 0x101: the entry's slot is not one relocation filled.
        call_through_plt(&mapped, 0x100, 0x1000, 0x2100);
        // 0x201: the slot holds a number (a class bound), not an address.
        call_through_plt(&mapped, 0x200, 0x1010, 0x2008);
        // 0x301: the target is more than 2 GB away.
        call_through_plt(&mapped, 0x300, 0x1020, 0x2010);
        // 0x401: not a `call` (a `jmp rel32`).
        call_through_plt(&mapped, 0x400, 0x1030, 0x2000);
        write(&mapped, 0x400, &[0xe9]);
        // 0x501: the target is not `jmp *disp32(%rip)` (`jmp *disp32(%rax)`).
        call_through_plt(&mapped, 0x500, 0x1040, 0x2000);
        write(&mapped, 0x1041, &[0xa0]);
        // 0x601: the call's target lies outside the code.
        call_through_plt(&mapped, 0x600, 0xf000, 0x2000);
        mapped.got = vec![
            (0x2000, base + 0x8000, false),
            (0x2008, 0x1234, true),
            (0x2010, base.wrapping_add(3 << 30), false),
        ];
        let before = read(&mapped, 0, 0x700);
        let calls = [0x101, 0x201, 0x301, 0x401, 0x501, 0x601, 0xfffe];
        // SAFETY: as above.
        let n = unsafe { bind_plt_calls(&code, &calls, &mapped) };
        assert_eq!(n, 0);
        assert_eq!(read(&mapped, 0, 0x700), before);
    }
}
