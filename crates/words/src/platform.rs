//! The catalogue of what depends on the operating system (issue 29): the
//! server-only commands on Windows, and a database on a network share.

use super::{Lang, shown};

/// Which kind of network file system a refused database lies on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, strum::EnumIter)]
pub enum ShareKind {
    /// NFS (Linux).
    #[default]
    Nfs,
    /// SMB or CIFS (Linux).
    Smb,
    /// A `\\server\share` path or a mapped network drive (Windows).
    WindowsShare,
}

/// Every line about the operating system.
#[derive(Debug, Clone, PartialEq, Eq, strum::EnumIter)]
pub enum PlatformText {
    /// `peixun gate` or `peixun key` on Windows (the command as typed).
    UnixServerOnly(String),
    /// The database lies on a network share; `config` is the file where
    /// `network_filesystem = "accept"` would go.
    NetworkShare {
        path: String,
        kind: ShareKind,
        config: String,
    },
    /// `network_filesystem` in config.toml is neither "accept" nor "refuse".
    BadNetworkSetting { config: String, value: String },
}

fn kind(l: Lang, k: ShareKind) -> &'static str {
    match (l, k) {
        (Lang::Zh, ShareKind::Nfs) => "NFS 网络文件系统",
        (Lang::En, ShareKind::Nfs) => "an NFS network file system",
        (Lang::Zh, ShareKind::Smb) => "SMB 网络共享",
        (Lang::En, ShareKind::Smb) => "an SMB network share",
        (Lang::Zh, ShareKind::WindowsShare) => "Windows 网络共享或映射的网络驱动器",
        (Lang::En, ShareKind::WindowsShare) => "a Windows network share or mapped network drive",
    }
}

/// The words for `t` in language `l`.
pub fn platform(l: Lang, t: &PlatformText) -> String {
    use PlatformText::*;
    match (l, t) {
        (Lang::Zh, UnixServerOnly(what)) => format!(
            "peixun {} 只用于 Unix 服务器上的 SSH 入口,Windows 上不能使用;在这台电脑上请直接运行 peixun 的其他命令或终端界面",
            shown(what)
        ),
        (Lang::En, UnixServerOnly(what)) => format!(
            "peixun {} is for the SSH gate on a Unix server and does not run on Windows; on this PC use peixun's other commands or the terminal app",
            shown(what)
        ),
        (
            Lang::Zh,
            NetworkShare {
                path,
                kind: k,
                config,
            },
        ) => format!(
            "数据库 {} 位于 {}上,未打开:经网络的文件锁不能给数据库所需的保证,多人同时使用时记录可能丢失或损坏。请把数据库放在一台电脑自己的硬盘上(其他人到这台电脑上使用),或在 Linux 服务器上用 SSH 入口(见部署说明)。如果确知风险,可在 {} 中写 network_filesystem = \"accept\"",
            shown(path),
            kind(l, *k),
            shown(config)
        ),
        (
            Lang::En,
            NetworkShare {
                path,
                kind: k,
                config,
            },
        ) => format!(
            "the database {} lies on {} and was not opened: file locking over the network does not give the database the guarantees it needs, and records could be lost or damaged when several people use it. Keep the database on one PC's own disk (others use it on that PC), or use the SSH gate on a Linux server (docs/deploy.md). If the office knows the risk, write network_filesystem = \"accept\" in {}",
            shown(path),
            kind(l, *k),
            shown(config)
        ),
        (Lang::Zh, BadNetworkSetting { config, value }) => format!(
            "{} 中 network_filesystem 的值 {} 不对:应为 \"accept\" 或 \"refuse\";未做任何更改",
            shown(config),
            shown(value)
        ),
        (Lang::En, BadNetworkSetting { config, value }) => format!(
            "network_filesystem in {} is {}: it must be \"accept\" or \"refuse\"; nothing was changed",
            shown(config),
            shown(value)
        ),
    }
}
