//! Reading an extension's descriptor from its file, before anything runs it.
//!
//! `dlopen` runs a library's ELF constructors before the loader can look at
//! it, so a file the loader would refuse (a foreign library, a stale
//! extension) would still execute code. The loader therefore reads the file
//! first, with this module: a small, bounds-checked reader of 64-bit
//! little-endian ELF shared objects that finds the dynamic symbol
//! `seam_ext__<stem>`, and reads the descriptor's layout version and the
//! fingerprint string it points to, following the dynamic relocations the
//! static linker wrote for that pointer. Only a file that passes is opened.
//!
//! It reads bytes and never executes or maps anything; every offset is
//! checked, so a truncated or hostile file is an error, never a panic. It
//! knows nothing of what else the descriptor holds.

use std::fmt;

/// What the loader needs to know about an extension file before opening it.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Descriptor {
    /// The descriptor's layout version word.
    pub version: i64,
    /// The core fingerprint it was built against, when the version is one
    /// this reader knows the layout of (the word after the version).
    pub fingerprint: Option<String>,
}

/// Why a file is not an extension this process can load.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum ElfError {
    /// Not a 64-bit little-endian ELF shared object for this machine.
    NotSharedObject(String),
    /// A shared object without the descriptor symbol.
    NoSymbol,
    /// Offsets that point outside the file, or a descriptor not in the file.
    Malformed(String),
}

impl fmt::Display for ElfError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ElfError::NotSharedObject(why) => write!(f, "not a shared library: {why}"),
            ElfError::NoSymbol => write!(f, "no such dynamic symbol"),
            ElfError::Malformed(why) => write!(f, "malformed shared library: {why}"),
        }
    }
}

/// Reads the descriptor named `symbol` from the shared object `bytes`.
/// `fingerprint_at` is the fingerprint pointer's offset in the descriptor,
/// read only when the version word equals `version_with_fingerprint`.
pub(crate) fn read_descriptor(
    bytes: &[u8],
    symbol: &str,
    version_with_fingerprint: i64,
    fingerprint_at: u64,
) -> Result<Descriptor, ElfError> {
    let elf = Elf::parse(bytes)?;
    let address = elf.find_dynamic_symbol(symbol)?;
    let version = elf.read_u64_at(address)? as i64;
    let fingerprint = if version == version_with_fingerprint {
        let slot = address + fingerprint_at;
        match elf.pointer_at(slot)? {
            0 => Some(String::new()),
            target => Some(elf.c_string_at(target)?),
        }
    } else {
        None
    };
    Ok(Descriptor {
        version,
        fingerprint,
    })
}

const ET_DYN: u16 = 3;
const PT_LOAD: u32 = 1;
const SHT_RELA: u32 = 4;
const SHT_DYNSYM: u32 = 11;
/// `R_X86_64_RELATIVE` and `R_AARCH64_RELATIVE`: base + addend.
const R_RELATIVE: u32 = if cfg!(target_arch = "aarch64") {
    1027
} else {
    8
};
/// The host's `e_machine`.
const EM_HOST: u16 = if cfg!(target_arch = "aarch64") {
    183
} else {
    62
};
/// Fingerprints are short hex strings; a longer "string" is garbage.
const MAX_FINGERPRINT: usize = 256;

struct Section {
    kind: u32,
    offset: u64,
    size: u64,
    link: u32,
    entsize: u64,
}

struct Segment {
    offset: u64,
    vaddr: u64,
    filesz: u64,
}

struct Elf<'a> {
    bytes: &'a [u8],
    sections: Vec<Section>,
    loads: Vec<Segment>,
}

fn malformed(what: &str) -> ElfError {
    ElfError::Malformed(what.to_owned())
}

impl<'a> Elf<'a> {
    fn parse(bytes: &'a [u8]) -> Result<Elf<'a>, ElfError> {
        let not = |why: &str| ElfError::NotSharedObject(why.to_owned());
        if bytes.len() < 64 || &bytes[..4] != b"\x7fELF" {
            return Err(not("no ELF header"));
        }
        if bytes[4] != 2 || bytes[5] != 1 {
            return Err(not("not a 64-bit little-endian ELF file"));
        }
        let mut elf = Elf {
            bytes,
            sections: Vec::new(),
            loads: Vec::new(),
        };
        if elf.u16(16)? != ET_DYN {
            return Err(not("not a shared object"));
        }
        if elf.u16(18)? != EM_HOST {
            return Err(not("built for another machine"));
        }
        let (phoff, phentsize, phnum) = (elf.u64(32)?, elf.u16(54)?, elf.u16(56)?);
        let (shoff, shentsize, shnum) = (elf.u64(40)?, elf.u16(58)?, elf.u16(60)?);
        for i in 0..u64::from(phnum) {
            let at = table_entry(phoff, phentsize, 56, i)?;
            if elf.u32(at)? == PT_LOAD {
                elf.loads.push(Segment {
                    offset: elf.u64(at + 8)?,
                    vaddr: elf.u64(at + 16)?,
                    filesz: elf.u64(at + 32)?,
                });
            }
        }
        for i in 0..u64::from(shnum) {
            let at = table_entry(shoff, shentsize, 64, i)?;
            elf.sections.push(Section {
                kind: elf.u32(at + 4)?,
                offset: elf.u64(at + 24)?,
                size: elf.u64(at + 32)?,
                link: elf.u32(at + 40)?,
                entsize: elf.u64(at + 56)?,
            });
        }
        Ok(elf)
    }

    fn slice(&self, offset: u64, len: u64) -> Result<&'a [u8], ElfError> {
        let start = usize::try_from(offset).map_err(|_| malformed("offset out of range"))?;
        let len = usize::try_from(len).map_err(|_| malformed("size out of range"))?;
        start
            .checked_add(len)
            .and_then(|end| self.bytes.get(start..end))
            .ok_or_else(|| malformed("an offset points past the end of the file"))
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
            .ok_or_else(|| malformed("the descriptor is not in the file's loaded data"))
    }

    fn read_u64_at(&self, vaddr: u64) -> Result<u64, ElfError> {
        self.u64(self.file_offset(vaddr, 8)?)
    }

    /// The address a pointer word at `vaddr` will hold once relocated: the
    /// addend of a relative relocation of that word, else its file contents.
    fn pointer_at(&self, vaddr: u64) -> Result<u64, ElfError> {
        for rela in self.sections.iter().filter(|s| s.kind == SHT_RELA) {
            if rela.entsize != 24 {
                return Err(malformed("relocation entries of an unexpected size"));
            }
            for i in 0..rela.size / 24 {
                let at = rela.offset + i * 24;
                if self.u64(at)? == vaddr {
                    let info = self.u64(at + 8)?;
                    if info as u32 != R_RELATIVE {
                        return Err(malformed(
                            "the fingerprint pointer has a foreign relocation",
                        ));
                    }
                    return self.u64(at + 16);
                }
            }
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

    /// The address of the defined dynamic symbol `name`.
    fn find_dynamic_symbol(&self, name: &str) -> Result<u64, ElfError> {
        let mut any_table = false;
        for dynsym in self.sections.iter().filter(|s| s.kind == SHT_DYNSYM) {
            any_table = true;
            if dynsym.entsize != 24 {
                return Err(malformed("symbols of an unexpected size"));
            }
            let strtab = self
                .sections
                .get(dynsym.link as usize)
                .ok_or_else(|| malformed("the symbol table has no string table"))?;
            let names = self.slice(strtab.offset, strtab.size)?;
            for i in 0..dynsym.size / 24 {
                let at = dynsym.offset + i * 24;
                let name_at = self.u32(at)? as usize;
                let shndx = self.u16(at + 6)?;
                let sym_name = names
                    .get(name_at..)
                    .and_then(|rest| rest.split(|&b| b == 0).next())
                    .ok_or_else(|| malformed("a symbol name points past its string table"))?;
                if shndx != 0 && sym_name == name.as_bytes() {
                    return self.u64(at + 8);
                }
            }
        }
        if any_table {
            Err(ElfError::NoSymbol)
        } else {
            Err(ElfError::NotSharedObject(
                "no dynamic symbol table".to_owned(),
            ))
        }
    }
}

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

    #[test]
    fn refuses_what_is_no_shared_object() {
        for bytes in [&b""[..], b"hello", &[0x7f, b'E', b'L', b'F', 1, 1][..]] {
            assert!(matches!(
                read_descriptor(bytes, "seam_ext__x", 1, 8),
                Err(ElfError::NotSharedObject(_))
            ));
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
        let _ = read_descriptor(&bytes, "seam_ext__x", 1, 8);
        for len in (0..4096).chain((4096..bytes.len()).step_by(4093)) {
            let _ = read_descriptor(&bytes[..len], "seam_ext__x", 1, 8);
        }
        for i in (0..4096).step_by(7) {
            let mut flipped = bytes.clone();
            flipped[i] ^= 0xff;
            let _ = read_descriptor(&flipped, "seam_ext__x", 1, 8);
        }
    }
}
