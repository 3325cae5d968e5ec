//! Who holds the lock: whether another process holds the byte that redb 4
//! locks for the length of a write transaction in multi-writer mode. Only
//! asks; takes nothing that a writer would wait on for more than an
//! instant. Where the operating system cannot tell, the answer is "no"
//! and the wait is silent, but still bounded (wait.rs).

use std::path::Path;

/// The byte redb 4 locks while a write transaction is open (`WRITER_BYTE`).
pub const WRITER_BYTE: u64 = 1 << 62;

/// Whether another process holds the write lock of the database at `path`.
pub fn write_lock_held(path: &Path) -> bool {
    imp::held(path, WRITER_BYTE)
}

/// This thread's id, for `waiting_for_lock` (Linux only).
pub fn this_thread() -> Option<i64> {
    #[cfg(target_os = "linux")]
    {
        // SAFETY: gettid takes nothing and cannot fail.
        Some(i64::from(unsafe { libc::gettid() }))
    }
    #[cfg(not(target_os = "linux"))]
    {
        None
    }
}

/// Whether the thread `tid` of this process sleeps in a blocking lock
/// request (`fcntl` with `F_OFD_SETLKW` or `F_SETLKW`, as redb's writable
/// open waits behind another's write transaction): only then is a held
/// lock another's. Our own open holds the same byte while it repairs a
/// file, and a lock query cannot tell whose an open-file-description lock
/// is (it reports no pid), so the query alone said "waiting" for our own
/// slow open under load (issue 26). `None` where the system cannot tell.
pub fn waiting_for_lock(tid: i64) -> Option<bool> {
    #[cfg(target_os = "linux")]
    {
        let text = std::fs::read_to_string(format!("/proc/self/task/{tid}/syscall")).ok()?;
        Some(blocked_in_lock(&text))
    }
    #[cfg(not(target_os = "linux"))]
    {
        let _ = tid;
        None
    }
}

/// Whether a `/proc/…/syscall` line is a thread sleeping in a blocking
/// `fcntl` lock request: "NR ARG0 ARG1 …" with NR fcntl and ARG1 (hex) the
/// command; "running" or "-1 …" for a thread in no call.
#[cfg(target_os = "linux")]
fn blocked_in_lock(text: &str) -> bool {
    let mut fields = text.split_whitespace();
    let nr = fields.next().and_then(|f| f.parse::<i64>().ok());
    let cmd = fields
        .nth(1)
        .and_then(|f| i64::from_str_radix(f.trim_start_matches("0x"), 16).ok());
    nr == Some(libc::SYS_fcntl)
        && matches!(cmd, Some(c) if c == i64::from(libc::F_OFD_SETLKW) || c == i64::from(libc::F_SETLKW))
}

#[cfg(unix)]
mod imp {
    use std::os::fd::AsRawFd;
    use std::path::Path;

    /// An open-file-description lock query (`F_OFD_GETLK`): the locks redb
    /// takes are of that kind, and the query takes none.
    pub fn held(path: &Path, byte: u64) -> bool {
        let Ok(file) = std::fs::File::open(path) else {
            return false;
        };
        let Ok(start) = libc::off_t::try_from(byte) else {
            return false;
        };
        // SAFETY: a zeroed flock is a valid value; fcntl F_OFD_GETLK only
        // reads and writes that struct, on a descriptor we own.
        let mut lock: libc::flock = unsafe { std::mem::zeroed() };
        lock.l_type = libc::F_WRLCK as libc::c_short;
        lock.l_whence = libc::SEEK_SET as libc::c_short;
        lock.l_start = start;
        lock.l_len = 1;
        let rc = unsafe { libc::fcntl(file.as_raw_fd(), libc::F_OFD_GETLK, &mut lock) };
        rc == 0 && lock.l_type != libc::F_UNLCK as libc::c_short
    }
}

#[cfg(windows)]
mod imp {
    use std::os::windows::io::AsRawHandle;
    use std::path::Path;
    use windows_sys::Win32::Storage::FileSystem::{
        LOCKFILE_FAIL_IMMEDIATELY, LockFileEx, UnlockFileEx,
    };
    use windows_sys::Win32::System::IO::OVERLAPPED;

    fn at(byte: u64) -> OVERLAPPED {
        let mut o = OVERLAPPED::default();
        o.Anonymous.Anonymous.Offset = byte as u32;
        o.Anonymous.Anonymous.OffsetHigh = (byte >> 32) as u32;
        o
    }

    /// Windows has no lock query: a shared lock of the byte is tried
    /// without waiting and released at once. It fails only while a writer
    /// holds the byte exclusively; a writer that asks in that instant
    /// waits for the release (redb's blocking lock) or tries again.
    pub fn held(path: &Path, byte: u64) -> bool {
        let Ok(file) = std::fs::File::open(path) else {
            return false;
        };
        let handle = file.as_raw_handle() as _;
        let mut o = at(byte);
        // SAFETY: the handle is ours and open; the OVERLAPPED outlives the
        // synchronous calls, which only read it.
        let got = unsafe { LockFileEx(handle, LOCKFILE_FAIL_IMMEDIATELY, 0, 1, 0, &mut o) };
        if got == 0 {
            return true;
        }
        let mut o = at(byte);
        unsafe { UnlockFileEx(handle, 0, 1, 0, &mut o) };
        false
    }
}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    use super::*;

    #[test]
    fn a_blocking_lock_request_is_told_from_other_calls() {
        let fcntl = libc::SYS_fcntl;
        let setlkw = libc::F_OFD_SETLKW;
        assert!(blocked_in_lock(&format!(
            "{fcntl} 0x5 {setlkw:#x} 0x7ffd 0x0\n"
        )));
        assert!(!blocked_in_lock(&format!("{fcntl} 0x5 0x1 0x7ffd\n")));
        assert!(!blocked_in_lock("running\n"));
        assert!(!blocked_in_lock("-1 0x7ffd 0x7f00\n"));
        assert!(!blocked_in_lock(""));
    }
}
