//! Reading a Seam extension's shared object, before anything maps or runs it.
//!
//! A small, bounds-checked reader of 64-bit little-endian ELF shared objects
//! for this machine: the program headers (`PT_LOAD`, `PT_DYNAMIC`,
//! `PT_GNU_RELRO`), the dynamic table (relocation tables, symbol and string
//! tables, and the entries Seam's loader refuses: `DT_NEEDED`, constructors,
//! text relocations), the dynamic symbols and the section headers (to find the
//! descriptor's section, [`seam_abi::symbols::EXTENSION_SECTION`], and, for
//! perf, the function symbols of `.symtab`).
//!
//! [`Image::descriptor`] reads the descriptor's layout version and the
//! fingerprint string it points to from the file, following the relative
//! relocation the static linker wrote for that pointer, and checks that the
//! file's one entry point, the dynamic symbol `init_module`, is the function
//! the descriptor names. `mapper.rs` maps an image only after that.
//!
//! It reads bytes and never executes or maps anything; every offset is
//! checked, so a truncated or hostile file is an error, never a panic. It
//! knows nothing of what else the descriptor holds.

use std::fmt;

/// What the loader needs to know about an extension file before mapping it.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Descriptor {
    /// The descriptor's address in the image (before relocation: base 0).
    pub address: u64,
    /// The descriptor's layout version word.
    pub version: i64,
    /// The core fingerprint it was built against, when the version is one
    /// this reader knows the layout of (the word after the version).
    pub fingerprint: Option<String>,
    /// The fingerprint of the extension's own exports (empty when unknown).
    pub provides: String,
    /// The extensions it was built against: name and fingerprint of each one's exports.
    pub depends: Vec<(String, String)>,
}

/// Why a file is not an extension this process can load.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum ElfError {
    /// Not a 64-bit little-endian ELF shared object for this machine.
    NotSharedObject(String),
    /// A shared object that is no Seam extension (what it lacks).
    NotExtension(String),
    /// Offsets that point outside the file, tables that break ELF's rules.
    Malformed(String),
    /// A well-formed shared object that needs what Seam's loader does not do.
    Unsupported(String),
}

impl fmt::Display for ElfError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ElfError::NotSharedObject(why) => write!(f, "not a shared library: {why}"),
            ElfError::NotExtension(why) => write!(f, "{why}"),
            ElfError::Malformed(why) => write!(f, "malformed shared library: {why}"),
            ElfError::Unsupported(why) => write!(f, "unsupported shared library: {why}"),
        }
    }
}

pub(crate) const ET_DYN: u16 = 3;
const PT_LOAD: u32 = 1;
const PT_DYNAMIC: u32 = 2;
const PT_TLS: u32 = 7;
const PT_GNU_RELRO: u32 = 0x6474_e552;
const SHT_SYMTAB: u32 = 2;
const SHT_RELA: u32 = 4;
const SHF_ALLOC: u64 = 2;
const SHT_DYNSYM: u32 = 11;
const STT_FUNC: u8 = 2;
const STT_TLS: u8 = 6;
const STB_WEAK: u8 = 2;
/// Segment permission bits.
pub(crate) const PF_X: u32 = 1;
pub(crate) const PF_W: u32 = 2;
pub(crate) const PF_R: u32 = 4;

const DT_NULL: u64 = 0;
const DT_NEEDED: u64 = 1;
const DT_PLTRELSZ: u64 = 2;
const DT_STRTAB: u64 = 5;
const DT_SYMTAB: u64 = 6;
const DT_RELA: u64 = 7;
const DT_RELASZ: u64 = 8;
const DT_RELAENT: u64 = 9;
const DT_STRSZ: u64 = 10;
const DT_SYMENT: u64 = 11;
const DT_INIT: u64 = 12;
const DT_REL: u64 = 17;
const DT_PLTREL: u64 = 20;
const DT_TEXTREL: u64 = 22;
const DT_JMPREL: u64 = 23;
const DT_INIT_ARRAY: u64 = 25;
const DT_INIT_ARRAYSZ: u64 = 27;
const DT_PREINIT_ARRAY: u64 = 32;
const DT_PREINIT_ARRAYSZ: u64 = 33;
const DT_RELR: u64 = 36;
const DT_FLAGS: u64 = 30;
const DF_TEXTREL: u64 = 4;

/// The relocation types the mapper applies, by machine.
#[cfg(not(target_arch = "aarch64"))]
pub(crate) mod reloc {
    pub const NONE: u32 = 0;
    pub const ABS64: u32 = 1;
    pub const GLOB_DAT: u32 = 6;
    pub const JUMP_SLOT: u32 = 7;
    pub const RELATIVE: u32 = 8;
    /// `GLOB_DAT` and `JUMP_SLOT` are `S` on x86-64 (the addend is not added).
    pub const GOT_ADDEND: bool = false;
}
#[cfg(target_arch = "aarch64")]
pub(crate) mod reloc {
    pub const NONE: u32 = 0;
    pub const ABS64: u32 = 257;
    pub const GLOB_DAT: u32 = 1025;
    pub const JUMP_SLOT: u32 = 1026;
    pub const RELATIVE: u32 = 1027;
    /// `GLOB_DAT` and `JUMP_SLOT` are `S + A` on AArch64.
    pub const GOT_ADDEND: bool = true;
}

/// The name of a relocation type the mapper applies, for messages and tests.
pub(crate) fn reloc_name(kind: u32) -> Option<&'static str> {
    Some(match kind {
        reloc::NONE => "NONE",
        reloc::ABS64 => "64",
        reloc::GLOB_DAT => "GLOB_DAT",
        reloc::JUMP_SLOT => "JUMP_SLOT",
        reloc::RELATIVE => "RELATIVE",
        _ => return None,
    })
}

/// The host's `e_machine`.
const EM_HOST: u16 = if cfg!(target_arch = "aarch64") {
    183
} else {
    62
};
/// Fingerprints are short hex strings; a longer "string" is garbage.
const MAX_FINGERPRINT: usize = 256;
/// The largest image the mapper maps: far more than any extension needs, and
/// a bound that keeps a hostile header from reserving the address space.
pub(crate) const MAX_IMAGE: u64 = 1 << 30;

struct Section {
    name: u32,
    kind: u32,
    flags: u64,
    addr: u64,
    offset: u64,
    size: u64,
    link: u32,
    entsize: u64,
}

/// A `PT_LOAD` segment.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Segment {
    pub offset: u64,
    pub vaddr: u64,
    pub filesz: u64,
    pub memsz: u64,
    /// `PF_R | PF_W | PF_X`.
    pub flags: u32,
}

/// One relocation entry (`Elf64_Rela`).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Rela {
    pub offset: u64,
    pub kind: u32,
    pub symbol: u32,
    pub addend: i64,
}

/// A symbol a relocation names.
#[derive(Debug)]
pub(crate) struct Symbol {
    pub name: String,
    /// Defined in this file (its value is then an address in the image).
    pub defined: bool,
    pub value: u64,
    pub weak: bool,
    pub tls: bool,
}

/// A parsed shared object: its headers and the dynamic table's entries.
pub(crate) struct Image<'a> {
    bytes: &'a [u8],
    sections: Vec<Section>,
    shstrndx: u16,
    pub loads: Vec<Segment>,
    /// `PT_GNU_RELRO`: (vaddr, memsz).
    pub relro: Option<(u64, u64)>,
    /// `DT_RELA` and `DT_JMPREL` tables: (vaddr, size in bytes).
    rela: Vec<(u64, u64)>,
    symtab: u64,
    strtab: u64,
    strsz: u64,
    /// The C libraries it needs (`DT_NEEDED`: those of its `c_library` declarations).
    needed: Vec<u64>,
    /// What the loader refuses to do: constructors to run, code to write.
    init: bool,
    textrel: bool,
}

fn malformed(what: &str) -> ElfError {
    ElfError::Malformed(what.to_owned())
}

impl<'a> Image<'a> {
    pub(crate) fn parse(bytes: &'a [u8]) -> Result<Image<'a>, ElfError> {
        let not = |why: &str| ElfError::NotSharedObject(why.to_owned());
        if bytes.len() < 64 || &bytes[..4] != b"\x7fELF" {
            return Err(not("no ELF header"));
        }
        if bytes[4] != 2 || bytes[5] != 1 {
            return Err(not("not a 64-bit little-endian ELF file"));
        }
        let mut elf = Image {
            bytes,
            sections: Vec::new(),
            shstrndx: 0,
            loads: Vec::new(),
            relro: None,
            rela: Vec::new(),
            symtab: 0,
            strtab: 0,
            strsz: 0,
            needed: Vec::new(),
            init: false,
            textrel: false,
        };
        if elf.u16(16)? != ET_DYN {
            return Err(not("not a shared object"));
        }
        if elf.u16(18)? != EM_HOST {
            return Err(not("built for another machine"));
        }
        let (phoff, phentsize, phnum) = (elf.u64(32)?, elf.u16(54)?, elf.u16(56)?);
        let (shoff, shentsize, shnum) = (elf.u64(40)?, elf.u16(58)?, elf.u16(60)?);
        elf.shstrndx = elf.u16(62)?;
        let mut dynamic = None;
        for i in 0..u64::from(phnum) {
            let at = table_entry(phoff, phentsize, 56, i)?;
            let (kind, flags) = (elf.u32(at)?, elf.u32(at + 4)?);
            let seg = Segment {
                offset: elf.u64(at + 8)?,
                vaddr: elf.u64(at + 16)?,
                filesz: elf.u64(at + 32)?,
                memsz: elf.u64(at + 40)?,
                flags: flags & (PF_R | PF_W | PF_X),
            };
            match kind {
                PT_LOAD => {
                    if seg.filesz > seg.memsz || seg.memsz > MAX_IMAGE || seg.vaddr > MAX_IMAGE {
                        return Err(malformed("a loadable segment of an impossible size"));
                    }
                    // The segment's bytes must be in the file.
                    elf.slice(seg.offset, seg.filesz)?;
                    elf.loads.push(seg);
                }
                PT_DYNAMIC => dynamic = Some(seg),
                PT_GNU_RELRO => elf.relro = Some((seg.vaddr, seg.memsz)),
                PT_TLS => {
                    return Err(ElfError::Unsupported(
                        "it has thread-local storage".to_owned(),
                    ));
                }
                _ => {}
            }
        }
        if elf.loads.is_empty() {
            return Err(not("no loadable segment"));
        }
        for i in 0..u64::from(shnum) {
            let at = table_entry(shoff, shentsize, 64, i)?;
            elf.sections.push(Section {
                name: elf.u32(at)?,
                kind: elf.u32(at + 4)?,
                flags: elf.u64(at + 8)?,
                addr: elf.u64(at + 16)?,
                offset: elf.u64(at + 24)?,
                size: elf.u64(at + 32)?,
                link: elf.u32(at + 40)?,
                entsize: elf.u64(at + 56)?,
            });
        }
        if let Some(d) = dynamic {
            elf.read_dynamic(d)?;
        }
        Ok(elf)
    }

    /// Reads the dynamic table.
    fn read_dynamic(&mut self, d: Segment) -> Result<(), ElfError> {
        let (mut rela, mut relasz, mut jmprel, mut pltrelsz) = (None, 0, None, 0);
        let mut i = 0;
        while i + 16 <= d.filesz {
            let (tag, val) = (self.u64(d.offset + i)?, self.u64(d.offset + i + 8)?);
            i += 16;
            match tag {
                DT_NULL => break,
                DT_NEEDED => self.needed.push(val),
                DT_PLTRELSZ => pltrelsz = val,
                DT_STRTAB => self.strtab = val,
                DT_SYMTAB => self.symtab = val,
                DT_RELA => rela = Some(val),
                DT_RELASZ => relasz = val,
                DT_RELAENT | DT_SYMENT if val != 24 => {
                    return Err(malformed("table entries of an unexpected size"));
                }
                DT_STRSZ => self.strsz = val,
                DT_PLTREL if val != DT_RELA => {
                    return Err(ElfError::Unsupported(
                        "its PLT relocations are not RELA".to_owned(),
                    ));
                }
                DT_JMPREL => jmprel = Some(val),
                DT_REL | DT_RELR => {
                    return Err(ElfError::Unsupported(
                        "it has REL or RELR relocations (Seam's loader applies RELA only)"
                            .to_owned(),
                    ));
                }
                DT_INIT | DT_INIT_ARRAY | DT_PREINIT_ARRAY => self.init = true,
                DT_INIT_ARRAYSZ | DT_PREINIT_ARRAYSZ if val != 0 => self.init = true,
                DT_TEXTREL => self.textrel = true,
                DT_FLAGS if val & DF_TEXTREL != 0 => self.textrel = true,
                _ => {}
            }
        }
        if let Some(at) = rela {
            self.rela.push((at, relasz));
        }
        if let Some(at) = jmprel {
            self.rela.push((at, pltrelsz));
        }
        Ok(())
    }

    /// The names of the shared libraries it needs (`DT_NEEDED`), in order: the
    /// C libraries its modules link (and the C library, when it has C code).
    pub(crate) fn needed(&self) -> Result<Vec<String>, ElfError> {
        self.needed.iter().map(|&at| self.dyn_string(at)).collect()
    }

    /// Refuses what Seam's loader never does for a file: run its constructors,
    /// write its code.
    pub(crate) fn check_self_contained(&self) -> Result<(), ElfError> {
        if self.init {
            return Err(ElfError::Unsupported(
                "it has ELF constructors, which Seam's loader never runs".to_owned(),
            ));
        }
        if self.textrel {
            return Err(ElfError::Unsupported(
                "it relocates its own code (text relocations)".to_owned(),
            ));
        }
        Ok(())
    }

    fn slice(&self, offset: u64, len: u64) -> Result<&'a [u8], ElfError> {
        let start = usize::try_from(offset).map_err(|_| malformed("offset out of range"))?;
        let len = usize::try_from(len).map_err(|_| malformed("size out of range"))?;
        start
            .checked_add(len)
            .and_then(|end| self.bytes.get(start..end))
            .ok_or_else(|| malformed("an offset points past the end of the file"))
    }

    /// The file bytes of a loadable segment.
    pub(crate) fn segment_bytes(&self, seg: &Segment) -> Result<&'a [u8], ElfError> {
        self.slice(seg.offset, seg.filesz)
    }

    fn u16(&self, offset: u64) -> Result<u16, ElfError> {
        let b = self.slice(offset, 2)?;
        Ok(u16::from_le_bytes([b[0], b[1]]))
    }

    fn u32(&self, offset: u64) -> Result<u32, ElfError> {
        let b = self.slice(offset, 4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    fn u64(&self, offset: u64) -> Result<u64, ElfError> {
        let b = self.slice(offset, 8)?;
        let mut word = [0; 8];
        word.copy_from_slice(b);
        Ok(u64::from_le_bytes(word))
    }

    /// The file offset holding virtual address `vaddr` (and `len` bytes after it).
    fn file_offset(&self, vaddr: u64, len: u64) -> Result<u64, ElfError> {
        self.loads
            .iter()
            .find(|s| {
                vaddr >= s.vaddr
                    && vaddr
                        .checked_add(len)
                        .is_some_and(|end| end <= s.vaddr.saturating_add(s.filesz))
            })
            .map(|s| s.offset + (vaddr - s.vaddr))
            .ok_or_else(|| malformed("an address is not in the file's loaded data"))
    }

    fn read_u64_at(&self, vaddr: u64) -> Result<u64, ElfError> {
        self.u64(self.file_offset(vaddr, 8)?)
    }

    /// Every dynamic relocation, in table order (`DT_RELA`, then `DT_JMPREL`).
    pub(crate) fn relocations(&self) -> Result<Vec<Rela>, ElfError> {
        let mut out = Vec::new();
        for &(at, size) in &self.rela {
            if size % 24 != 0 {
                return Err(malformed("a relocation table of an odd size"));
            }
            let start = self.file_offset(at, size)?;
            let table = self.slice(start, size)?;
            for e in table.chunks_exact(24) {
                let word = |i: usize| {
                    let mut w = [0; 8];
                    w.copy_from_slice(&e[i..i + 8]);
                    u64::from_le_bytes(w)
                };
                let info = word(8);
                out.push(Rela {
                    offset: word(0),
                    kind: info as u32,
                    symbol: (info >> 32) as u32,
                    addend: word(16) as i64,
                });
            }
        }
        Ok(out)
    }

    /// The addresses of the 32-bit displacements of the instructions that
    /// address a GOT entry (`R_X86_64_GOTPCREL`, which Cranelift writes, and
    /// the `GOTPCRELX` forms), from the static relocations the linker kept
    /// (`--emit-relocs`); none for a file without them, or on another machine.
    pub(crate) fn got_loads(&self) -> Vec<u64> {
        const GOTPCREL: u32 = 9;
        const GOTPCRELX: u32 = 41;
        const REX_GOTPCRELX: u32 = 42;
        self.kept_relocations(&[GOTPCREL, GOTPCRELX, REX_GOTPCRELX])
    }

    /// The addresses of the 32-bit displacements of the calls the static
    /// linker saw as `call SYMBOL@PLT` (`R_X86_64_PLT32`, which Cranelift writes
    /// for a direct call), from the kept static relocations; none for a file
    /// without them, or on another machine. The linker sent those to an
    /// undefined symbol through a PLT entry, and those to a symbol of the file
    /// straight to it.
    pub(crate) fn plt_calls(&self) -> Vec<u64> {
        const PLT32: u32 = 4;
        self.kept_relocations(&[PLT32])
    }

    /// The offsets (addresses) of the kept static relocations of `kinds`
    /// (x86-64 types).
    fn kept_relocations(&self, kinds: &[u32]) -> Vec<u64> {
        let mut out = Vec::new();
        if cfg!(not(target_arch = "x86_64")) {
            return out;
        }
        for rela in self
            .sections
            .iter()
            .filter(|s| s.kind == SHT_RELA && s.flags & SHF_ALLOC == 0 && s.entsize == 24)
        {
            let Ok(table) = self.slice(rela.offset, rela.size / 24 * 24) else {
                continue;
            };
            for e in table.chunks_exact(24) {
                let mut w = [0; 8];
                w.copy_from_slice(&e[8..16]);
                let kind = u64::from_le_bytes(w) as u32;
                if kinds.contains(&kind) {
                    w.copy_from_slice(&e[0..8]);
                    out.push(u64::from_le_bytes(w));
                }
            }
        }
        out
    }

    /// The dynamic symbol `index` (the one a relocation names).
    pub(crate) fn dynamic_symbol(&self, index: u32) -> Result<Symbol, ElfError> {
        if self.symtab == 0 {
            return Err(malformed(
                "relocations name symbols, but there is no symbol table",
            ));
        }
        let at = u64::from(index)
            .checked_mul(24)
            .and_then(|d| self.symtab.checked_add(d))
            .ok_or_else(|| malformed("a symbol index out of range"))?;
        let at = self.file_offset(at, 24)?;
        let (name, info, shndx, value) = (
            self.u32(at)?,
            self.bytes[at as usize + 4],
            self.u16(at + 6)?,
            self.u64(at + 8)?,
        );
        Ok(Symbol {
            name: self.dyn_string(u64::from(name))?,
            defined: shndx != 0,
            value,
            weak: info >> 4 == STB_WEAK,
            tls: info & 0xf == STT_TLS,
        })
    }

    /// A string of the dynamic string table.
    fn dyn_string(&self, at: u64) -> Result<String, ElfError> {
        if at >= self.strsz {
            return Err(malformed("a name points past the string table"));
        }
        let start = self.file_offset(self.strtab, self.strsz)?;
        let names = self.slice(start, self.strsz)?;
        let rest = &names[at as usize..];
        let end = rest
            .iter()
            .position(|&b| b == 0)
            .ok_or_else(|| malformed("an unterminated name"))?;
        Ok(String::from_utf8_lossy(&rest[..end]).into_owned())
    }

    /// The address a pointer word at `vaddr` will hold once relocated, relative
    /// to the image's base: the addend of a relative relocation of that word,
    /// else its file contents (a null pointer).
    fn pointer_at(&self, vaddr: u64) -> Result<u64, ElfError> {
        for r in self.relocations()? {
            if r.offset != vaddr {
                continue;
            }
            if r.kind == reloc::RELATIVE {
                return Ok(r.addend as u64);
            }
            // A pointer to a symbol of the file itself (a C compiler's way
            // to point at a function of default visibility).
            if r.kind == reloc::ABS64 {
                let sym = self.dynamic_symbol(r.symbol)?;
                if sym.defined {
                    return Ok(sym.value.wrapping_add(r.addend as u64));
                }
            }
            return Err(malformed(&format!(
                "a descriptor pointer has a relocation of type {} to no address in the file",
                r.kind
            )));
        }
        self.read_u64_at(vaddr)
    }

    fn c_string_at(&self, vaddr: u64) -> Result<String, ElfError> {
        let start = self.file_offset(vaddr, 1)?;
        let available = (self.bytes.len() as u64).saturating_sub(start);
        let window = self.slice(start, available.min(MAX_FINGERPRINT as u64 + 1))?;
        let end = window
            .iter()
            .position(|&b| b == 0)
            .ok_or_else(|| malformed("the fingerprint is not a short string"))?;
        Ok(String::from_utf8_lossy(&window[..end]).into_owned())
    }

    fn section_name(&self, s: &Section) -> Option<&'a [u8]> {
        let names = self.sections.get(usize::from(self.shstrndx))?;
        let table = self.slice(names.offset, names.size).ok()?;
        table
            .get(s.name as usize..)
            .and_then(|rest| rest.split(|&b| b == 0).next())
    }

    /// The address of the section `name`, of at least `min_size` bytes.
    fn section_address(&self, name: &str, min_size: u64) -> Option<u64> {
        self.sections
            .iter()
            .find(|s| s.size >= min_size && self.section_name(s) == Some(name.as_bytes()))
            .map(|s| s.addr)
    }

    /// The address of the defined dynamic symbol `name`.
    fn find_dynamic_symbol(&self, name: &str) -> Result<Option<u64>, ElfError> {
        let mut found = None;
        self.each_symbol(SHT_DYNSYM, |sym_name, value, _, _, defined| {
            if defined && sym_name == name.as_bytes() {
                found = Some(value);
            }
        })?;
        Ok(found)
    }

    /// Calls `f(name, value, size, type, defined)` for every symbol of every
    /// symbol table of section type `kind`.
    fn each_symbol(
        &self,
        kind: u32,
        mut f: impl FnMut(&[u8], u64, u64, u8, bool),
    ) -> Result<(), ElfError> {
        for table in self.sections.iter().filter(|s| s.kind == kind) {
            if table.entsize != 24 {
                return Err(malformed("symbols of an unexpected size"));
            }
            let strtab = self
                .sections
                .get(table.link as usize)
                .ok_or_else(|| malformed("the symbol table has no string table"))?;
            let names = self.slice(strtab.offset, strtab.size)?;
            let entries = self.slice(table.offset, table.size / 24 * 24)?;
            for e in entries.chunks_exact(24) {
                let name_at = u32::from_le_bytes([e[0], e[1], e[2], e[3]]) as usize;
                let shndx = u16::from_le_bytes([e[6], e[7]]);
                let mut v = [0; 8];
                v.copy_from_slice(&e[8..16]);
                let mut s = [0; 8];
                s.copy_from_slice(&e[16..24]);
                let sym_name = names
                    .get(name_at..)
                    .and_then(|rest| rest.split(|&b| b == 0).next())
                    .ok_or_else(|| malformed("a symbol name points past its string table"))?;
                f(
                    sym_name,
                    u64::from_le_bytes(v),
                    u64::from_le_bytes(s),
                    e[4] & 0xf,
                    shndx != 0,
                );
            }
        }
        Ok(())
    }

    /// The functions of the image, `(address, size, name)`, from `.symtab`
    /// (hidden symbols included) or, for a stripped file, `.dynsym`.
    pub(crate) fn functions(&self) -> Vec<(u64, u64, String)> {
        let mut out = Vec::new();
        for kind in [SHT_SYMTAB, SHT_DYNSYM] {
            let _ = self.each_symbol(kind, |name, value, size, ty, defined| {
                if defined && ty == STT_FUNC && size > 0 && !name.is_empty() {
                    out.push((value, size, String::from_utf8_lossy(name).into_owned()));
                }
            });
            if !out.is_empty() {
                break;
            }
        }
        out.sort();
        out.dedup_by_key(|f| f.0);
        out
    }

    /// The file offset of every dynamic relocation entry, in table order.
    #[cfg(test)]
    pub(crate) fn relocation_file_offsets(&self) -> Vec<usize> {
        let mut out = Vec::new();
        for &(at, size) in &self.rela {
            if let Ok(start) = self.file_offset(at, size) {
                out.extend((0..size / 24).map(|i| (start + 24 * i) as usize));
            }
        }
        out
    }

    /// The defined symbols of `.symtab` whose names start with `prefix`, with
    /// their addresses (hidden symbols included: a shared object keeps them there).
    pub(crate) fn defined_symbols(&self, prefix: &str) -> Vec<(String, u64)> {
        let mut out = Vec::new();
        let _ = self.each_symbol(SHT_SYMTAB, |name, value, _, _, defined| {
            if defined && name.starts_with(prefix.as_bytes()) {
                out.push((String::from_utf8_lossy(name).into_owned(), value));
            }
        });
        out
    }

    /// The address of the defined symbol `name` in `.symtab` or `.dynsym`.
    #[cfg(test)]
    pub(crate) fn symbol_address(&self, name: &str) -> Option<u64> {
        let mut found = None;
        for kind in [SHT_SYMTAB, SHT_DYNSYM] {
            let _ = self.each_symbol(kind, |n, value, _, _, defined| {
                if defined && n == name.as_bytes() {
                    found = Some(value);
                }
            });
        }
        found
    }

    /// Reads the extension descriptor: the section `section` of at least
    /// `size` bytes, whose word at `init_module_at` must point to the dynamic
    /// symbol `entry`. `fingerprint_at` is the fingerprint pointer's offset in
    /// the descriptor, read only when the version word equals
    /// `version_with_fingerprint`.
    pub(crate) fn descriptor(
        &self,
        section: &str,
        entry: &str,
        layout: DescriptorLayout,
    ) -> Result<Descriptor, ElfError> {
        let address = self
            .section_address(section, layout.size)
            .ok_or_else(|| ElfError::NotExtension(format!("no section {section}")))?;
        let init = self
            .find_dynamic_symbol(entry)?
            .ok_or_else(|| ElfError::NotExtension(format!("no dynamic symbol {entry}")))?;
        let version = self.read_u64_at(address)? as i64;
        let mut provides = String::new();
        let mut depends = Vec::new();
        let fingerprint = if version == layout.version {
            if self.pointer_at(address + layout.init_module_at)? != init {
                return Err(malformed(&format!(
                    "its {entry} is not the function its descriptor names"
                )));
            }
            let string_at = |at: u64| -> Result<String, ElfError> {
                match self.pointer_at(at)? {
                    0 => Ok(String::new()),
                    target => self.c_string_at(target),
                }
            };
            provides = string_at(address + layout.provides_at)?;
            let count = self.read_u64_at(address + layout.depend_count_at)?;
            if count > MAX_DEPENDS {
                return Err(malformed(&format!(
                    "its descriptor lists {count} extensions it depends on"
                )));
            }
            if count > 0 {
                let table = self.pointer_at(address + layout.depends_at)?;
                for i in 0..count {
                    let at = table
                        .checked_add(16 * i)
                        .ok_or_else(|| malformed("a dependency table out of range"))?;
                    depends.push((string_at(at)?, string_at(at + 8)?));
                }
            }
            Some(string_at(address + layout.fingerprint_at)?)
        } else {
            None
        };
        Ok(Descriptor {
            address,
            version,
            fingerprint,
            provides,
            depends,
        })
    }
}

/// Where [`Image::descriptor`] finds things in a descriptor.
#[derive(Clone, Copy)]
pub(crate) struct DescriptorLayout {
    pub version: i64,
    pub size: u64,
    pub fingerprint_at: u64,
    pub init_module_at: u64,
    pub provides_at: u64,
    pub depend_count_at: u64,
    pub depends_at: u64,
}

/// The most extensions one descriptor may say it depends on.
const MAX_DEPENDS: u64 = 4096;

/// The offset of entry `i` of a table at `offset` with entries of `size`
/// bytes, which must be at least `min`.
fn table_entry(offset: u64, size: u16, min: u16, i: u64) -> Result<u64, ElfError> {
    if size < min {
        return Err(malformed("header table entries of an unexpected size"));
    }
    u64::from(size)
        .checked_mul(i)
        .and_then(|d| offset.checked_add(d))
        .ok_or_else(|| malformed("header table out of range"))
}

#[cfg(test)]
mod tests {
    use super::*;

    const LAYOUT: DescriptorLayout = DescriptorLayout {
        version: 2,
        size: 104,
        fingerprint_at: 8,
        init_module_at: 64,
        provides_at: 80,
        depend_count_at: 88,
        depends_at: 96,
    };

    fn read(bytes: &[u8]) -> Result<Descriptor, ElfError> {
        let image = Image::parse(bytes)?;
        let _ = image.relocations();
        let _ = image.functions();
        let _ = image.check_self_contained();
        image.descriptor("seam_ext", "init_module", LAYOUT)
    }

    #[test]
    fn refuses_what_is_no_shared_object() {
        for bytes in [&b""[..], b"hello", &[0x7f, b'E', b'L', b'F', 1, 1][..]] {
            assert!(matches!(read(bytes), Err(ElfError::NotSharedObject(_))));
        }
    }

    #[test]
    fn never_panics_on_truncated_or_flipped_input() {
        // This test binary itself is an ELF file (an executable: refused as such);
        // rewriting its type makes the reader walk real tables.
        let Ok(mut bytes) = std::fs::read("/proc/self/exe") else {
            return;
        };
        bytes.truncate(1 << 20);
        bytes[16] = ET_DYN as u8;
        bytes[17] = 0;
        let _ = read(&bytes);
        for len in (0..4096).chain((4096..bytes.len()).step_by(4093)) {
            let _ = read(&bytes[..len]);
        }
        for i in (0..4096).step_by(7) {
            let mut flipped = bytes.clone();
            flipped[i] ^= 0xff;
            let _ = read(&flipped);
        }
    }
}
