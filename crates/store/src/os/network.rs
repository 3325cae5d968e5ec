//! Is this a network path: whether a database would lie on a network file
//! system. File locking over SMB and NFS does not give redb the guarantees
//! it relies on (byte-range locks that every process sees at once, writes
//! that reach the disk in order when `fsync` returns), so the program
//! refuses such a database unless the office says it knows
//! (`network_filesystem = "accept"` in config.toml).
//!
//! On Windows: a `\\server\share` path, or a drive the system reports as
//! remote (a mapped network drive, `GetDriveTypeW` = `DRIVE_REMOTE`). On
//! Linux: the file system's magic number (`statfs`) names NFS, SMB or
//! CIFS. Elsewhere nothing is recognised.

use std::path::Path;

/// The kind of network file system a path lies on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NetworkFs {
    /// NFS (Linux `statfs`).
    Nfs,
    /// SMB or CIFS (Linux `statfs`).
    Smb,
    /// A Windows network share: a `\\server\share` path or a mapped network drive.
    WindowsShare,
}

/// Linux's `f_type` of NFS (`NFS_SUPER_MAGIC`).
pub const NFS_MAGIC: u64 = 0x6969;
/// Linux's `f_type` of the old smbfs (`SMB_SUPER_MAGIC`).
pub const SMB_MAGIC: u64 = 0x517B;
/// Linux's `f_type` of CIFS (`CIFS_SUPER_MAGIC`).
pub const CIFS_MAGIC: u64 = 0xFF53_4D42;
/// Linux's `f_type` of the SMB2/3 client (`SMB2_SUPER_MAGIC`).
pub const SMB2_MAGIC: u64 = 0xFE53_4D42;

/// The network file system a Linux `statfs` magic number names, if any.
pub fn of_magic(magic: u64) -> Option<NetworkFs> {
    // f_type is a signed word: CIFS's magic may come back sign-extended.
    match magic & 0xFFFF_FFFF {
        NFS_MAGIC => Some(NetworkFs::Nfs),
        SMB_MAGIC | CIFS_MAGIC | SMB2_MAGIC => Some(NetworkFs::Smb),
        _ => None,
    }
}

/// Whether `path`, as text, names a Windows network share: `\\server\share`
/// (or with forward slashes), or its long form `\\?\UNC\server\share`. The
/// device forms `\\?\C:\…` and `\\.\…` are not shares.
pub fn is_unc(path: &str) -> bool {
    let sep = |c: char| c == '\\' || c == '/';
    let mut chars = path.chars();
    if !(chars.next().is_some_and(sep) && chars.next().is_some_and(sep)) {
        return false;
    }
    let rest = &path[2..];
    let mut parts = rest.split(sep);
    let first = parts.next().unwrap_or("");
    match first {
        "?" => parts.next().is_some_and(|p| p.eq_ignore_ascii_case("UNC")),
        "." | "" => false,
        _server => parts.next().is_some_and(|share| !share.is_empty()),
    }
}

/// The network file system that `path` (or, where it does not exist yet,
/// the nearest directory above it that does) lies on, if any.
pub fn network_filesystem(path: &Path) -> Option<NetworkFs> {
    if is_unc(&path.to_string_lossy()) {
        return Some(NetworkFs::WindowsShare);
    }
    let path = std::path::absolute(path).ok()?;
    let existing = path.ancestors().find(|p| p.exists())?;
    imp::network_filesystem(existing).or_else(|| imp::for_tests(existing))
}

#[cfg(target_os = "linux")]
mod imp {
    use super::NetworkFs;
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    use std::path::Path;

    fn magic(path: &Path) -> Option<u64> {
        let c = CString::new(path.as_os_str().as_bytes()).ok()?;
        // SAFETY: a zeroed statfs is a valid value; statfs writes only into it.
        let mut st: libc::statfs = unsafe { std::mem::zeroed() };
        let rc = unsafe { libc::statfs(c.as_ptr(), &mut st) };
        (rc == 0).then_some(st.f_type as u64)
    }

    pub fn network_filesystem(path: &Path) -> Option<NetworkFs> {
        super::of_magic(magic(path)?)
    }

    /// `PEIXUN_TEST_FS_MAGIC` makes the tests' local file system look like
    /// the one it names (tests/network_fs.rs: the refusal through the
    /// binary without mounting a share). It can only add a refusal: a real
    /// network file system is found above, before it is read.
    pub fn for_tests(_path: &Path) -> Option<NetworkFs> {
        let v = std::env::var("PEIXUN_TEST_FS_MAGIC").ok()?;
        let v = v.trim().trim_start_matches("0x");
        super::of_magic(u64::from_str_radix(v, 16).ok()?)
    }
}

#[cfg(windows)]
mod imp {
    use super::NetworkFs;
    use std::os::windows::ffi::OsStrExt;
    use std::path::Path;
    use windows_sys::Win32::Storage::FileSystem::{GetDriveTypeW, GetVolumePathNameW};
    use windows_sys::Win32::System::WindowsProgramming::DRIVE_REMOTE;

    pub fn network_filesystem(path: &Path) -> Option<NetworkFs> {
        let wide: Vec<u16> = path.as_os_str().encode_wide().chain([0]).collect();
        let mut root = vec![0u16; 1024];
        // SAFETY: both buffers are NUL-terminated and as long as we say.
        let ok = unsafe { GetVolumePathNameW(wide.as_ptr(), root.as_mut_ptr(), root.len() as u32) };
        if ok == 0 {
            return None;
        }
        let end = root.iter().position(|&c| c == 0).unwrap_or(root.len());
        let text = String::from_utf16_lossy(&root[..end]);
        if super::is_unc(&text) {
            return Some(NetworkFs::WindowsShare);
        }
        // SAFETY: `root` is NUL-terminated.
        let kind = unsafe { GetDriveTypeW(root.as_ptr()) };
        (kind == DRIVE_REMOTE).then_some(NetworkFs::WindowsShare)
    }

    pub fn for_tests(_path: &Path) -> Option<NetworkFs> {
        None
    }
}

#[cfg(not(any(target_os = "linux", windows)))]
mod imp {
    use super::NetworkFs;
    use std::path::Path;

    pub fn network_filesystem(_path: &Path) -> Option<NetworkFs> {
        None
    }

    pub fn for_tests(_path: &Path) -> Option<NetworkFs> {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_magic_numbers_of_nfs_smb_and_cifs_are_network_file_systems() {
        assert_eq!(of_magic(0x6969), Some(NetworkFs::Nfs));
        assert_eq!(of_magic(0x517B), Some(NetworkFs::Smb));
        assert_eq!(of_magic(0xFF53_4D42), Some(NetworkFs::Smb));
        assert_eq!(of_magic(0xFE53_4D42), Some(NetworkFs::Smb));
        // CIFS's magic as a sign-extended signed word.
        assert_eq!(of_magic(0xFFFF_FFFF_FF53_4D42), Some(NetworkFs::Smb));
        // ext4, tmpfs, btrfs, xfs, overlayfs are local.
        for local in [0xEF53, 0x0102_1994, 0x9123_683E, 0x5846_5342, 0x794C_7630] {
            assert_eq!(of_magic(local), None, "{local:#x}");
        }
    }

    #[test]
    fn unc_paths_are_shares_and_drive_and_device_paths_are_not() {
        for share in [
            r"\\server\share\peixun.redb",
            r"\\server\share",
            "//server/share/peixun.redb",
            r"\\?\UNC\server\share\peixun.redb",
            r"\\10.0.0.2\培训\peixun.redb",
        ] {
            assert!(is_unc(share), "{share}");
        }
        for local in [
            r"C:\Users\jiaowu\peixun.redb",
            "peixun.redb",
            "/home/jiaowu/peixun.redb",
            r"\\?\C:\peixun.redb",
            r"\\.\PhysicalDrive0",
            r"\\server",
            r"\peixun.redb",
        ] {
            assert!(!is_unc(local), "{local}");
        }
    }

    #[test]
    fn a_local_directory_is_no_network_file_system() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(
            network_filesystem(&dir.path().join("new").join("peixun.redb")),
            None
        );
        assert_eq!(network_filesystem(dir.path()), None);
    }
}
