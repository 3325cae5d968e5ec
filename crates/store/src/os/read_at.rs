//! Reading a file at an offset without sharing a cursor: `pread` on Unix,
//! `ReadFile` with an offset (`seek_read`) on Windows. The overlay reads a
//! database where it lies through this (overlay.rs).

use std::fs::File;
use std::io;

/// Fills `out` from `file` at `offset`; an error if the file ends first.
pub fn read_exact_at(file: &File, out: &mut [u8], offset: u64) -> io::Result<()> {
    imp::read_exact_at(file, out, offset)
}

#[cfg(unix)]
mod imp {
    use std::os::unix::fs::FileExt;

    pub fn read_exact_at(file: &std::fs::File, out: &mut [u8], offset: u64) -> std::io::Result<()> {
        file.read_exact_at(out, offset)
    }
}

#[cfg(windows)]
mod imp {
    use std::io;
    use std::os::windows::fs::FileExt;

    /// `seek_read` may return fewer bytes than asked: read on until `out`
    /// is full. (It moves the file's cursor, which nothing here uses.)
    pub fn read_exact_at(
        file: &std::fs::File,
        mut out: &mut [u8],
        mut offset: u64,
    ) -> io::Result<()> {
        while !out.is_empty() {
            match file.seek_read(out, offset) {
                Ok(0) => {
                    return Err(io::Error::new(
                        io::ErrorKind::UnexpectedEof,
                        "read past the end of the file",
                    ));
                }
                Ok(n) => {
                    out = &mut out[n..];
                    offset += n as u64;
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_bytes_at_an_offset_and_refuses_to_read_past_the_end() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("f");
        std::fs::write(&p, b"0123456789").unwrap();
        let f = File::open(&p).unwrap();
        let mut out = [0u8; 4];
        read_exact_at(&f, &mut out, 3).unwrap();
        assert_eq!(&out, b"3456");
        read_exact_at(&f, &mut out, 0).unwrap();
        assert_eq!(&out, b"0123");
        let e = read_exact_at(&f, &mut out, 8).unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::UnexpectedEof);
    }
}
