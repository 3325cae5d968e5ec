//! A database on a network file system is refused (issue 29): file locking
//! over NFS and SMB does not give redb its guarantees. On Linux the store
//! reads the file system's magic number (`statfs`); no NFS or SMB share can
//! be mounted in this test, so `PEIXUN_TEST_FS_MAGIC` makes the temporary
//! directory's file system look like the one it names (it can only add a
//! refusal, never lift one: store/src/os/network.rs). The classifier
//! itself is unit-tested there with the real magic numbers; the Windows
//! `\\server\share` refusal is run under wine in tests/windows.rs.

mod common;

use common::*;
use std::path::Path;
use std::process::Command;

const NFS: &str = "6969";
const CIFS: &str = "FF534D42";

/// `peixun ARGS` on `db` in `lang`, its file system looking like `magic`,
/// with the configuration directory `config_home`.
fn on_share(lang: &str, db: &Path, magic: &str, config_home: &Path, args: &[&str]) -> Command {
    let mut cmd = command_in(lang, db, None, LATER, args);
    cmd.env("PEIXUN_TEST_FS_MAGIC", magic)
        .env("XDG_CONFIG_HOME", config_home);
    cmd
}

#[test]
fn a_database_on_nfs_or_smb_is_refused_unless_the_configuration_accepts_it() {
    let db = Db::new();
    db.ok(LATER, &["demo", "--teachers", "12"]);
    let config = tempfile::tempdir().unwrap();
    let commits = generation(&db.path);

    // Every command, in one line naming why and what to do instead.
    for args in [
        &["lookup", "张"][..],
        &["standings"],
        &["check"],
        &["teacher", "add", "T9999", "新老师", "语文"],
    ] {
        let out = on_share("en", &db.path, NFS, config.path(), args)
            .output()
            .unwrap();
        let line = expect_refused(out, args);
        assert!(line.contains("NFS"), "{line}");
        assert!(line.contains("file locking over the network"), "{line}");
        assert!(line.contains("one PC's own disk"), "{line}");
        assert!(line.contains("SSH gate on a Linux server"), "{line}");
        assert!(line.contains("network_filesystem = \"accept\""), "{line}");
        assert!(
            line.contains(
                &config
                    .path()
                    .join("peixun")
                    .join("config.toml")
                    .display()
                    .to_string()
            ),
            "{line}"
        );
    }
    let out = on_share("zh", &db.path, CIFS, config.path(), &["lookup", "张"])
        .output()
        .unwrap();
    let line = expect_refused(out, &["lookup"]);
    assert!(line.contains("SMB 网络共享"), "{line}");
    assert!(line.contains("文件锁不能给数据库所需的保证"), "{line}");
    // The terminal app is refused before it takes the screen.
    let out = on_share("en", &db.path, CIFS, config.path(), &[])
        .output()
        .unwrap();
    assert!(
        text(&out.stderr).contains("SMB network share"),
        "{}",
        text(&out.stderr)
    );
    assert!(!out.status.success());
    // A new database is not created there.
    let new = db.file("new.redb");
    let out = on_share("en", &new, NFS, config.path(), &["init"])
        .output()
        .unwrap();
    expect_refused(out, &["init"]);
    assert!(!new.exists());
    assert_eq!(generation(&db.path), commits, "a refused command wrote");

    // A setting that is neither accept nor refuse is named.
    let dir = config.path().join("peixun");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("config.toml"), "network_filesystem = \"ok\"\n").unwrap();
    let out = on_share("en", &db.path, NFS, config.path(), &["lookup", "张"])
        .output()
        .unwrap();
    let line = expect_refused(out, &["lookup"]);
    assert!(line.contains("must be \"accept\" or \"refuse\""), "{line}");

    // The office says it knows: the same commands work.
    std::fs::write(dir.join("config.toml"), "network_filesystem = \"accept\"\n").unwrap();
    let out = on_share("en", &db.path, NFS, config.path(), &["lookup", "张"])
        .output()
        .unwrap();
    assert!(!expect_ok(out, &["lookup"]).is_empty());
    let out = on_share("en", &db.path, CIFS, config.path(), &["check"])
        .output()
        .unwrap();
    expect_ok(out, &["check"]);

    // A local file system is not refused, whatever the configuration.
    std::fs::remove_file(dir.join("config.toml")).unwrap();
    let out = on_share("en", &db.path, "EF53", config.path(), &["lookup", "张"])
        .output()
        .unwrap();
    expect_ok(out, &["lookup"]);
}
