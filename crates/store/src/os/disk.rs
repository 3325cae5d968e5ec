//! Disk trouble in words: which operating-system error codes mean a full
//! disk (or quota), a read-only file system or a refused permission. redb
//! passes the error on as text ending in "(os error N)", where N is errno
//! on Unix and the Win32 error code on Windows.

use crate::check::DiskTrouble;

/// The trouble behind operating-system error `code`, if it is disk trouble.
pub fn trouble(code: i32) -> Option<DiskTrouble> {
    imp::trouble(code)
}

#[cfg(unix)]
mod imp {
    use crate::check::DiskTrouble;

    pub fn trouble(code: i32) -> Option<DiskTrouble> {
        match code {
            libc::ENOSPC | libc::EDQUOT => Some(DiskTrouble::Full),
            libc::EROFS => Some(DiskTrouble::ReadOnly),
            libc::EACCES | libc::EPERM => Some(DiskTrouble::Denied),
            _ => None,
        }
    }
}

#[cfg(windows)]
mod imp {
    use crate::check::DiskTrouble;
    use windows_sys::Win32::Foundation::{
        ERROR_ACCESS_DENIED, ERROR_DISK_FULL, ERROR_DISK_QUOTA_EXCEEDED, ERROR_HANDLE_DISK_FULL,
        ERROR_WRITE_PROTECT,
    };

    pub fn trouble(code: i32) -> Option<DiskTrouble> {
        match u32::try_from(code).ok()? {
            ERROR_DISK_FULL | ERROR_HANDLE_DISK_FULL | ERROR_DISK_QUOTA_EXCEEDED => {
                Some(DiskTrouble::Full)
            }
            ERROR_WRITE_PROTECT => Some(DiskTrouble::ReadOnly),
            ERROR_ACCESS_DENIED => Some(DiskTrouble::Denied),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The codes std gives for each trouble on this platform.
    #[test]
    fn full_read_only_and_denied_are_told_apart() {
        #[cfg(unix)]
        let (full, quota, ro, denied, other) = (
            libc::ENOSPC,
            libc::EDQUOT,
            libc::EROFS,
            libc::EACCES,
            libc::ENOENT,
        );
        #[cfg(windows)]
        let (full, quota, ro, denied, other) = (112, 1295, 19, 5, 2);
        assert!(matches!(trouble(full), Some(DiskTrouble::Full)));
        assert!(matches!(trouble(quota), Some(DiskTrouble::Full)));
        assert!(matches!(trouble(ro), Some(DiskTrouble::ReadOnly)));
        assert!(matches!(trouble(denied), Some(DiskTrouble::Denied)));
        assert!(trouble(other).is_none());
    }
}
