//! Creating a new file for the owner only, never through a link: on Unix
//! mode 0600 (less the umask) and `O_NOFOLLOW`; on Windows
//! `FILE_FLAG_OPEN_REPARSE_POINT`, so that a link planted at the path is
//! not followed (with `create_new` the open then fails, as on Unix). A new
//! file on Windows takes its directory's access list: under %APPDATA% that
//! is the user's own.

use std::fs::OpenOptions;

/// Sets `opts` to create a file readable and writable by its owner only,
/// never through a symbolic link or other reparse point.
pub fn owner_only_no_follow(opts: &mut OpenOptions) {
    imp::owner_only_no_follow(opts)
}

#[cfg(unix)]
mod imp {
    use std::os::unix::fs::OpenOptionsExt;

    pub fn owner_only_no_follow(opts: &mut std::fs::OpenOptions) {
        opts.mode(0o600).custom_flags(libc::O_NOFOLLOW);
    }
}

#[cfg(windows)]
mod imp {
    use std::os::windows::fs::OpenOptionsExt;
    use windows_sys::Win32::Storage::FileSystem::FILE_FLAG_OPEN_REPARSE_POINT;

    pub fn owner_only_no_follow(opts: &mut std::fs::OpenOptions) {
        opts.custom_flags(FILE_FLAG_OPEN_REPARSE_POINT);
    }
}

#[cfg(not(any(unix, windows)))]
mod imp {
    pub fn owner_only_no_follow(_opts: &mut std::fs::OpenOptions) {}
}
