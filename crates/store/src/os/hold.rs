//! Keeping other writers out: takes, for as long as the returned guard
//! lives, the byte redb 4 locks for the length of a write transaction in
//! multi-writer mode (`lock::WRITER_BYTE`), without opening the database
//! for writing (which would repair, so write, a damaged file). A backup
//! verifies the file's own bytes under it, so that no commit in flight
//! tears what it reads (issue 26). Where the system cannot lock, nothing
//! is held and the answer says so.

use std::path::Path;

/// The byte held, released when dropped (closing the file releases it).
pub struct Held {
    _file: std::fs::File,
}

/// What one try to hold the writers out gave.
pub enum Try {
    Held(Held),
    /// Another process holds the byte: a write is under way.
    Busy,
    /// This system, or this file, takes no such lock.
    Unsupported,
}

/// Tries once, without waiting, to take the writer byte of the file at
/// `path` exclusively.
pub fn try_hold(path: &Path) -> Try {
    imp::try_hold(path)
}

#[cfg(target_os = "linux")]
mod imp {
    use super::{Held, Try};
    use std::os::fd::AsRawFd;
    use std::path::Path;

    /// An open-file-description lock (`F_OFD_SETLK`), the kind redb takes.
    pub fn try_hold(path: &Path) -> Try {
        // Read access is enough for a read lock only; a write lock needs a
        // descriptor open for writing.
        let Ok(file) = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .open(path)
        else {
            return Try::Unsupported;
        };
        let Ok(start) = libc::off_t::try_from(super::super::lock::WRITER_BYTE) else {
            return Try::Unsupported;
        };
        // SAFETY: a zeroed flock is a valid value; fcntl F_OFD_SETLK only
        // reads that struct, on a descriptor we own.
        let mut lock: libc::flock = unsafe { std::mem::zeroed() };
        lock.l_type = libc::F_WRLCK as libc::c_short;
        lock.l_whence = libc::SEEK_SET as libc::c_short;
        lock.l_start = start;
        lock.l_len = 1;
        let rc = unsafe { libc::fcntl(file.as_raw_fd(), libc::F_OFD_SETLK, &lock) };
        if rc == 0 {
            return Try::Held(Held { _file: file });
        }
        match std::io::Error::last_os_error().raw_os_error() {
            Some(libc::EAGAIN | libc::EACCES) => Try::Busy,
            _ => Try::Unsupported,
        }
    }
}

#[cfg(windows)]
mod imp {
    use super::{Held, Try};
    use std::os::windows::io::AsRawHandle;
    use std::path::Path;
    use windows_sys::Win32::Storage::FileSystem::{
        LOCKFILE_EXCLUSIVE_LOCK, LOCKFILE_FAIL_IMMEDIATELY, LockFileEx,
    };
    use windows_sys::Win32::System::IO::OVERLAPPED;

    /// An exclusive `LockFileEx` of the byte, as redb's writer takes it;
    /// closing the handle releases it.
    pub fn try_hold(path: &Path) -> Try {
        let Ok(file) = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .open(path)
        else {
            return Try::Unsupported;
        };
        let byte = super::super::lock::WRITER_BYTE;
        let mut o = OVERLAPPED::default();
        o.Anonymous.Anonymous.Offset = byte as u32;
        o.Anonymous.Anonymous.OffsetHigh = (byte >> 32) as u32;
        // SAFETY: the handle is ours and open; the OVERLAPPED outlives the
        // synchronous call, which only reads it.
        let got = unsafe {
            LockFileEx(
                file.as_raw_handle() as _,
                LOCKFILE_EXCLUSIVE_LOCK | LOCKFILE_FAIL_IMMEDIATELY,
                0,
                1,
                0,
                &mut o,
            )
        };
        if got != 0 {
            return Try::Held(Held { _file: file });
        }
        // ERROR_LOCK_VIOLATION: a writer holds it. Anything else: this file
        // or system takes no such lock, and waiting would not help.
        match std::io::Error::last_os_error().raw_os_error() {
            Some(33) => Try::Busy,
            _ => Try::Unsupported,
        }
    }
}

#[cfg(not(any(target_os = "linux", windows)))]
mod imp {
    use super::Try;
    use std::path::Path;

    pub fn try_hold(_path: &Path) -> Try {
        Try::Unsupported
    }
}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    use super::*;
    use crate::{Store, Wait};
    use std::time::Duration;

    /// While the byte is held, no writer of the file begins a change (it
    /// waits, then gives up with nothing written); once released, it does.
    #[test]
    fn a_held_byte_keeps_writers_out_until_released() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("p.redb");
        let mut store = Store::create(&path).expect("create");
        store.set_wait(Wait {
            limit: Duration::from_millis(200),
            notice: None,
        });
        let Try::Held(held) = try_hold(&path) else {
            panic!("the byte was not taken");
        };
        assert!(matches!(try_hold(&path), Try::Busy));
        let at = chrono::NaiveDateTime::default();
        assert!(store.write("t", at).is_err(), "a writer began while held");
        drop(held);
        assert!(store.write("t", at).is_ok());
    }
}
