//! Which file is this: an identity that survives renames and tells a file
//! replaced under a running program from the one it opened. On Unix the
//! device and inode number; on Windows the volume serial number and the
//! file index (`GetFileInformationByHandle`), which NTFS keeps per file
//! the way an inode number is kept.

use std::fs::File;
use std::path::Path;

/// A file's identity on its volume: (device or volume serial, inode or file index).
pub type FileId = (u64, u64);

/// The identity and length of an open file.
pub fn of_file(file: &File) -> Option<(FileId, u64)> {
    imp::of_file(file)
}

/// The identity and length of the file at `path` now. With `follow`
/// false a symbolic link is not followed: its own identity is given.
pub fn of_path(path: &Path, follow: bool) -> Option<(FileId, u64)> {
    imp::of_path(path, follow)
}

#[cfg(unix)]
mod imp {
    use super::FileId;
    use std::fs::{File, Metadata};
    use std::os::unix::fs::MetadataExt;
    use std::path::Path;

    fn id(m: &Metadata) -> (FileId, u64) {
        ((m.dev(), m.ino()), m.len())
    }

    pub fn of_file(file: &File) -> Option<(FileId, u64)> {
        file.metadata().ok().map(|m| id(&m))
    }

    pub fn of_path(path: &Path, follow: bool) -> Option<(FileId, u64)> {
        let m = if follow {
            std::fs::metadata(path)
        } else {
            std::fs::symlink_metadata(path)
        };
        m.ok().map(|m| id(&m))
    }
}

#[cfg(windows)]
mod imp {
    use super::FileId;
    use std::fs::File;
    use std::os::windows::fs::OpenOptionsExt;
    use std::os::windows::io::AsRawHandle;
    use std::path::Path;
    use windows_sys::Win32::Storage::FileSystem::{
        BY_HANDLE_FILE_INFORMATION, FILE_FLAG_BACKUP_SEMANTICS, FILE_FLAG_OPEN_REPARSE_POINT,
        GetFileInformationByHandle,
    };

    pub fn of_file(file: &File) -> Option<(FileId, u64)> {
        let mut info = BY_HANDLE_FILE_INFORMATION::default();
        // SAFETY: the handle is open for as long as `file` lives; the call
        // writes only into `info`.
        let ok = unsafe { GetFileInformationByHandle(file.as_raw_handle() as _, &mut info) };
        if ok == 0 {
            return None;
        }
        let index = (u64::from(info.nFileIndexHigh) << 32) | u64::from(info.nFileIndexLow);
        let len = (u64::from(info.nFileSizeHigh) << 32) | u64::from(info.nFileSizeLow);
        Some(((u64::from(info.dwVolumeSerialNumber), index), len))
    }

    pub fn of_path(path: &Path, follow: bool) -> Option<(FileId, u64)> {
        // No access rights are asked for: the attributes only, which
        // neither blocks nor is blocked by another process's open.
        let mut opts = std::fs::OpenOptions::new();
        opts.access_mode(0);
        let mut flags = FILE_FLAG_BACKUP_SEMANTICS;
        if !follow {
            flags |= FILE_FLAG_OPEN_REPARSE_POINT;
        }
        opts.custom_flags(flags);
        of_file(&opts.open(path).ok()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_replaced_file_has_another_identity_and_a_renamed_one_keeps_its_own() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a");
        std::fs::write(&a, b"one").unwrap();
        let (first, len) = of_path(&a, true).unwrap();
        assert_eq!(len, 3);
        let opened = File::open(&a).unwrap();
        assert_eq!(of_file(&opened).unwrap().0, first);
        let b = dir.path().join("b");
        std::fs::rename(&a, &b).unwrap();
        assert_eq!(of_path(&b, true).unwrap().0, first);
        std::fs::write(&a, b"two!").unwrap();
        let (second, len) = of_path(&a, false).unwrap();
        assert_ne!(second, first);
        assert_eq!(len, 4);
        assert!(of_path(&dir.path().join("none"), true).is_none());
    }
}
