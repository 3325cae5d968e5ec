//! A redb storage backend that reads a database file and never writes it:
//! whatever redb writes (a repair of a file left unclean by a crash, the
//! allocator state an integrity check rebuilds) stays in memory, block by
//! block. It lets the store verify a file, and read one that needs a repair,
//! without a copy of it anywhere: not beside the database (a directory the
//! program may not write, where a planted link would receive the copy), and
//! not in memory (a county's file is over 100 MB).

use redb::StorageBackend;
use std::collections::BTreeMap;
use std::fs::File;
use std::io;
use std::path::Path;
use std::sync::{Mutex, MutexGuard};

const BLOCK: u64 = 4096;

#[derive(Debug)]
pub(super) struct Overlay {
    file: File,
    state: Mutex<State>,
}

#[derive(Debug)]
struct State {
    /// The length redb sees.
    len: u64,
    /// How much of the file below is still visible (a shrink hides the
    /// rest; growing again shows zeros there).
    file_len: u64,
    /// Blocks redb wrote, by block number.
    blocks: BTreeMap<u64, Box<[u8]>>,
}

impl Overlay {
    /// Opens `path` for reading only.
    pub(super) fn open(path: &Path) -> io::Result<Overlay> {
        let file = File::open(path)?;
        let len = file.metadata()?.len();
        Ok(Overlay {
            file,
            state: Mutex::new(State {
                len,
                file_len: len,
                blocks: BTreeMap::new(),
            }),
        })
    }

    fn state(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Reads the file's bytes at `offset` into `out`, zeros past what is visible.
    fn read_below(&self, file_len: u64, offset: u64, out: &mut [u8]) -> io::Result<()> {
        let visible = file_len.saturating_sub(offset).min(out.len() as u64) as usize;
        let (from_file, zeros) = out.split_at_mut(visible);
        if !from_file.is_empty() {
            super::os::read_at::read_exact_at(&self.file, from_file, offset)?;
        }
        zeros.fill(0);
        Ok(())
    }
}

fn out_of_range() -> io::Error {
    io::Error::new(
        io::ErrorKind::UnexpectedEof,
        "read past the end of the file",
    )
}

impl StorageBackend for Overlay {
    fn len(&self) -> io::Result<u64> {
        Ok(self.state().len)
    }

    fn read(&self, offset: u64, out: &mut [u8]) -> io::Result<()> {
        let st = self.state();
        let end = offset
            .checked_add(out.len() as u64)
            .ok_or_else(out_of_range)?;
        if end > st.len {
            return Err(out_of_range());
        }
        self.read_below(st.file_len, offset, out)?;
        if out.is_empty() {
            return Ok(());
        }
        for (&n, block) in st.blocks.range(offset / BLOCK..=(end - 1) / BLOCK) {
            let start = n * BLOCK;
            let from = offset.max(start);
            let to = end.min(start + BLOCK);
            out[(from - offset) as usize..(to - offset) as usize]
                .copy_from_slice(&block[(from - start) as usize..(to - start) as usize]);
        }
        Ok(())
    }

    fn set_len(&self, len: u64) -> io::Result<()> {
        let mut st = self.state();
        if len < st.len {
            st.file_len = st.file_len.min(len);
            let first_gone = len.div_ceil(BLOCK);
            st.blocks.split_off(&first_gone);
            if !len.is_multiple_of(BLOCK)
                && let Some(last) = st.blocks.get_mut(&(len / BLOCK))
            {
                last[(len % BLOCK) as usize..].fill(0);
            }
        }
        st.len = len;
        Ok(())
    }

    fn sync_data(&self) -> io::Result<()> {
        Ok(())
    }

    fn write(&self, offset: u64, data: &[u8]) -> io::Result<()> {
        let mut st = self.state();
        let end = offset
            .checked_add(data.len() as u64)
            .ok_or_else(out_of_range)?;
        if end > st.len {
            return Err(out_of_range());
        }
        if data.is_empty() {
            return Ok(());
        }
        for n in offset / BLOCK..=(end - 1) / BLOCK {
            let start = n * BLOCK;
            if !st.blocks.contains_key(&n) {
                let mut fresh = vec![0u8; BLOCK as usize].into_boxed_slice();
                let room = (st.len - start).min(BLOCK) as usize;
                self.read_below(st.file_len, start, &mut fresh[..room])?;
                st.blocks.insert(n, fresh);
            }
            let from = offset.max(start);
            let to = end.min(start + BLOCK);
            if let Some(block) = st.blocks.get_mut(&n) {
                block[(from - start) as usize..(to - start) as usize]
                    .copy_from_slice(&data[(from - offset) as usize..(to - offset) as usize]);
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_stay_in_memory_and_reads_see_them() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("f");
        let original: Vec<u8> = (0..10_000u32).map(|i| i as u8).collect();
        std::fs::write(&path, &original).expect("write");
        let o = Overlay::open(&path).expect("open");
        o.write(4090, &[0xAA; 20]).expect("write");
        let mut buf = vec![0u8; 40];
        o.read(4080, &mut buf).expect("read");
        assert_eq!(&buf[..10], &original[4080..4090]);
        assert_eq!(&buf[10..30], &[0xAA; 20]);
        assert_eq!(&buf[30..], &original[4110..4120]);
        o.set_len(5000).expect("shrink");
        o.set_len(12_000).expect("grow");
        let mut tail = vec![1u8; 100];
        o.read(4990, &mut tail).expect("read");
        assert_eq!(&tail[..10], &original[4990..5000]);
        assert!(tail[10..].iter().all(|&b| b == 0));
        assert!(o.read(11_990, &mut [0u8; 20]).is_err());
        assert_eq!(std::fs::read(&path).expect("read"), original);
    }
}
