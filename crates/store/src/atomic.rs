//! Writing a file all at once, safely, wherever it goes: exports, backups
//! and the SSH key file. One function for the command line and the
//! terminal app.
//!
//! The new content is written into a file created exclusively (`O_EXCL`,
//! which never follows a symbolic link) under a random name beside the
//! target, then renamed into place; a link or file planted under any name
//! is neither followed nor truncated. The temporary file is removed on every
//! error path; one left by a killed process carries its process id in its
//! name and is removed by the next write into the same directory once that
//! process is gone.

use std::io::Write;
use std::path::{Path, PathBuf};
use tempfile::NamedTempFile;

/// What every temporary name carries between the target's name and the
/// process id: `.NAME.peixun-tmp-PID-RANDOM`.
const MARK: &str = ".peixun-tmp-";

/// A new, empty file beside `path`, created exclusively under a random
/// name, with `mode` (less the umask). Stale ones of dead processes in the
/// same directory are removed first.
pub fn temp_beside(path: &Path, mode: u32) -> std::io::Result<NamedTempFile> {
    let dir = dir_of(path);
    sweep(&dir);
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let prefix = format!(".{name}{MARK}{}-", std::process::id());
    let mut b = tempfile::Builder::new();
    b.prefix(&prefix);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        b.permissions(std::fs::Permissions::from_mode(mode));
    }
    #[cfg(not(unix))]
    let _ = mode;
    b.tempfile_in(&dir)
}

/// Moves a finished temporary file to `path`. Without `replace`, fails with
/// `AlreadyExists` where `path` exists (also if it appeared meanwhile);
/// the temporary file is removed on failure either way.
pub fn persist(tmp: NamedTempFile, path: &Path, replace: bool) -> std::io::Result<()> {
    tmp.as_file().sync_all()?;
    let done = if replace {
        tmp.persist(path)
    } else {
        tmp.persist_noclobber(path)
    };
    // A failed persist hands the file back; dropping it removes it.
    done.map(drop).map_err(|e| e.error)
}

/// Writes `bytes` to `path` all at once (see the module). Refuses to
/// replace an existing file unless `replace`.
pub fn write(path: &Path, bytes: &[u8], mode: u32, replace: bool) -> std::io::Result<()> {
    if !replace && std::fs::symlink_metadata(path).is_ok() {
        return Err(std::io::ErrorKind::AlreadyExists.into());
    }
    let mut tmp = temp_beside(path, mode)?;
    tmp.write_all(bytes)?;
    persist(tmp, path, replace)
}

fn dir_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Removes the temporary files in `dir` whose writer is gone (killed while
/// writing). Those of running processes, and every other file, stay.
pub fn sweep(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(pid) = name.to_str().and_then(writer_of) else {
            continue;
        };
        if !alive(pid) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// The process id in a temporary name of ours.
fn writer_of(name: &str) -> Option<u32> {
    let (_, rest) = name.strip_prefix('.')?.rsplit_once(MARK)?;
    let (pid, random) = rest.split_once('-')?;
    if random.is_empty() || !pid.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    pid.parse().ok()
}

fn alive(pid: u32) -> bool {
    #[cfg(unix)]
    {
        let Ok(pid) = i32::try_from(pid) else {
            return false;
        };
        // SAFETY: signal 0 only asks whether the process exists.
        let rc = unsafe { libc::kill(pid, 0) };
        rc == 0 || std::io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
    }
    #[cfg(not(unix))]
    {
        let _ = pid;
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_of_ours_carry_the_writer() {
        assert_eq!(writer_of(".r.csv.peixun-tmp-123-aB3xYz"), Some(123));
        assert_eq!(writer_of(".r.peixun-tmp-x.csv.peixun-tmp-9-q"), Some(9));
        assert_eq!(writer_of("r.csv.peixun-tmp-123-a"), None);
        assert_eq!(writer_of(".r.csv.peixun-tmp-12a-b"), None);
        assert_eq!(writer_of(".r.csv.peixun-tmp-12-"), None);
        assert_eq!(writer_of(".r.csv"), None);
    }

    #[test]
    #[cfg(unix)] // a symbolic link needs a privilege on Windows
    fn a_planted_link_is_replaced_not_followed() {
        let dir = tempfile::tempdir().unwrap();
        let victim = dir.path().join("victim");
        std::fs::write(&victim, b"precious").unwrap();
        let out = dir.path().join("r.csv");
        std::os::unix::fs::symlink(&victim, &out).unwrap();
        write(&out, b"new", 0o644, true).unwrap();
        assert_eq!(std::fs::read(&victim).unwrap(), b"precious");
        assert_eq!(std::fs::read(&out).unwrap(), b"new");
        assert!(!std::fs::symlink_metadata(&out).unwrap().is_symlink());
    }

    #[test]
    fn stale_temporaries_of_dead_writers_go() {
        let dir = tempfile::tempdir().unwrap();
        // A process id that is not running: a child that has exited.
        let mut child = std::process::Command::new("true").spawn().unwrap();
        let dead = child.id();
        child.wait().unwrap();
        let stale = dir.path().join(format!(".r.csv{MARK}{dead}-abc"));
        let live = dir
            .path()
            .join(format!(".r.csv{MARK}{}-abc", std::process::id()));
        let other = dir.path().join(".r.csv.keep");
        for f in [&stale, &live, &other] {
            std::fs::write(f, b"x").unwrap();
        }
        write(&dir.path().join("r.csv"), b"new", 0o644, false).unwrap();
        assert!(!stale.exists());
        assert!(live.exists());
        assert!(other.exists());
        let left: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(left.len(), 3, "{left:?}");
    }

    #[test]
    fn an_existing_file_stays_without_replace() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("r.csv");
        std::fs::write(&out, b"old").unwrap();
        let e = write(&out, b"new", 0o644, false).unwrap_err();
        assert_eq!(e.kind(), std::io::ErrorKind::AlreadyExists);
        assert_eq!(std::fs::read(&out).unwrap(), b"old");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
