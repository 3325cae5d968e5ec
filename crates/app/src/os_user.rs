//! Who is acting, as the operating system says: the account running this
//! process, whether it is the superuser, whether it runs with rights its
//! user does not have, and its home directory. On Unix from the real user
//! id and the passwd database (not `$USER` or `$HOME`, which the caller
//! controls); on Windows the account name the system gives
//! (`GetUserNameW`).

use std::path::PathBuf;

/// The OS account running this process, and whether it is the superuser
/// (root on Unix; on Windows no account is: `--as` works only for one's
/// own name there).
pub fn account() -> (String, bool) {
    imp::account()
}

/// Whether this process runs with ids its user does not have (a setgid or
/// setuid program). Windows has no such programs.
pub fn privileged() -> bool {
    imp::privileged()
}

/// The home directory of the real user id, from the passwd database (not
/// `$HOME`). `None` on Windows, where the SSH gate does not run.
pub fn passwd_home() -> Option<PathBuf> {
    imp::passwd_home()
}

/// Whether this system can serve the SSH gate and its key file
/// (`peixun gate`, `peixun key`): a Unix server only.
pub fn serves_ssh_gate() -> bool {
    cfg!(unix)
}

#[cfg(unix)]
mod imp {
    use std::path::PathBuf;

    /// The real user id's passwd entry: its name and home directory.
    fn passwd() -> (libc::uid_t, Option<(String, PathBuf)>) {
        use std::os::unix::ffi::OsStrExt;
        // SAFETY: getuid cannot fail; getpwuid_r writes only into our buffers.
        let uid = unsafe { libc::getuid() };
        let mut pwd: libc::passwd = unsafe { std::mem::zeroed() };
        let mut buf = vec![0 as libc::c_char; 4096];
        let mut result: *mut libc::passwd = std::ptr::null_mut();
        let rc =
            unsafe { libc::getpwuid_r(uid, &mut pwd, buf.as_mut_ptr(), buf.len(), &mut result) };
        if rc != 0 || result.is_null() || pwd.pw_name.is_null() {
            return (uid, None);
        }
        let name = unsafe { std::ffi::CStr::from_ptr(pwd.pw_name) }
            .to_string_lossy()
            .into_owned();
        let home = if pwd.pw_dir.is_null() {
            PathBuf::new()
        } else {
            let dir = unsafe { std::ffi::CStr::from_ptr(pwd.pw_dir) };
            PathBuf::from(std::ffi::OsStr::from_bytes(dir.to_bytes()))
        };
        (uid, Some((name, home)))
    }

    pub fn account() -> (String, bool) {
        let (uid, entry) = passwd();
        let name = entry.map_or_else(|| format!("uid{uid}"), |(name, _)| name);
        (name, uid == 0)
    }

    pub fn privileged() -> bool {
        // SAFETY: these calls cannot fail and touch no memory.
        unsafe { libc::getegid() != libc::getgid() || libc::geteuid() != libc::getuid() }
    }

    pub fn passwd_home() -> Option<PathBuf> {
        let (_, entry) = passwd();
        entry
            .map(|(_, home)| home)
            .filter(|home| home.is_absolute())
    }
}

#[cfg(windows)]
mod imp {
    use std::path::PathBuf;
    use windows_sys::Win32::System::WindowsProgramming::GetUserNameW;

    /// The account name the system gives for this process's token
    /// (`GetUserNameW`; not `%USERNAME%`, which the caller controls).
    pub fn account() -> (String, bool) {
        // UNLEN is 256 characters, and one for the NUL.
        let mut buf = [0u16; 257];
        let mut len = buf.len() as u32;
        // SAFETY: `buf` holds `len` characters; the call writes at most that.
        let ok = unsafe { GetUserNameW(buf.as_mut_ptr(), &mut len) };
        let name = if ok != 0 {
            let end = buf.iter().position(|&c| c == 0).unwrap_or(buf.len());
            String::from_utf16_lossy(&buf[..end])
        } else {
            String::new()
        };
        let name = if name.trim().is_empty() {
            "windows".to_string()
        } else {
            name
        };
        (name, false)
    }

    pub fn privileged() -> bool {
        false
    }

    pub fn passwd_home() -> Option<PathBuf> {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_acting_account_has_a_name_and_runs_with_its_own_rights() {
        let (name, _) = account();
        assert!(!name.trim().is_empty());
        assert!(!privileged());
    }
}
