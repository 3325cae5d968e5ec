//! The catalogue of the SSH gate, the key file, the service account's
//! configuration and files over the connection (issue 13).

use super::{Lang, shown};

/// What is wrong with a public key given to `peixun key add`.
#[derive(Debug, Clone, PartialEq, Eq, strum::EnumIter)]
pub enum KeyWhy {
    /// Not "TYPE BASE64 [comment]" on one line.
    Shape,
    /// A key type OpenSSH does not take in authorized_keys.
    UnknownType(String),
    /// The second field is not base64.
    NotBase64,
    /// The blob says another type than the line does (or none).
    TypeMismatch { line: String, blob: String },
}

/// Every line the gate, `peixun key` and the configuration say.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GateText {
    /// The program runs setuid or setgid.
    Privileged,
    /// An option or command that the gate does not offer.
    Refused(String),
    /// An option naming a file on the server, in the gate.
    ServerPath(String),
    /// SSH_ORIGINAL_COMMAND cannot be split like a shell would.
    Unsplittable(String),
    /// The service account has no configuration naming its database.
    NoConfig(String),
    /// The configuration file is wrong.
    BadConfig {
        path: String,
        why: String,
    },
    /// The configured database path is not absolute.
    RelativeDb(String),
    /// No home directory for the running account.
    NoHome,
    /// A key that is not a public key OpenSSH reads.
    BadKey(KeyWhy),
    /// An account name that cannot stand in a forced command.
    BadAccountName(String),
    /// The key is already in the file (for that account).
    KeyExists {
        fingerprint: String,
        account: String,
    },
    KeyAdded {
        fingerprint: String,
        account: String,
    },
    KeyRemoved(usize),
    /// No key of that account or fingerprint in the file.
    NoSuchKey(String),
    /// The key file cannot be read or written.
    KeyFile {
        path: String,
        why: String,
    },
    /// `--out -` (or an import from `-`) without `--format`.
    WantFormat,
    /// `--format` names neither xlsx nor csv.
    BadFormat(String),
    /// `--format` does not match what came in.
    FormatMismatch(String),
    /// Standard input cannot be read.
    Stdin(String),
    /// The terminal app through the gate without a terminal.
    NoTerminal,
    /// The terminal app through the gate: how to import with ssh.
    ImportOverSsh,
    /// The terminal app through the gate: how to export with ssh.
    ExportOverSsh,
}

/// The key list's column headers.
pub fn key_headers(l: Lang) -> Vec<&'static str> {
    vec![
        l.t("账号", "account"),
        l.t("类型", "type"),
        l.t("指纹", "fingerprint"),
        l.t("备注", "comment"),
    ]
}

pub fn gate(l: Lang, t: &GateText) -> String {
    use GateText::*;
    match (l, t) {
        (Lang::Zh, Privileged) => {
            "peixun 不能以 setuid 或 setgid 方式运行;共享服务器请用 SSH 入口(peixun gate),见 docs/deploy.md".into()
        }
        (Lang::En, Privileged) => {
            "peixun refuses to run setuid or setgid; on a shared server use the SSH gate (peixun gate), see docs/deploy.md".into()
        }
        (Lang::Zh, Refused(what)) => format!(
            "通过 SSH 入口不能使用 {}:账号、数据库和时间由入口确定;未做任何更改",
            shown(what)
        ),
        (Lang::En, Refused(what)) => format!(
            "`{}` is not available through the SSH gate: the account, the database and the clock are fixed there; nothing was changed",
            shown(what)
        ),
        (Lang::Zh, ServerPath(what)) => format!(
            "通过 SSH 入口不能读写服务器上的文件({}):导入用 - 从标准输入读,导出用 --out - --format xlsx|csv 写到标准输出;未做任何更改",
            shown(what)
        ),
        (Lang::En, ServerPath(what)) => format!(
            "no files on the server through the SSH gate ({}): import from - (standard input), export with --out - --format xlsx|csv (standard output); nothing was changed",
            shown(what)
        ),
        (Lang::Zh, Unsplittable(cmd)) => {
            format!("无法解析命令 {}:引号不配对", shown(cmd))
        }
        (Lang::En, Unsplittable(cmd)) => {
            format!("cannot split the command {}: unbalanced quotes", shown(cmd))
        }
        (Lang::Zh, NoConfig(path)) => format!(
            "没有设置数据库:请在 {} 中写一行 db = \"/srv/peixun/peixun.redb\"(见 docs/deploy.md)",
            shown(path)
        ),
        (Lang::En, NoConfig(path)) => format!(
            "no database is set: write a line db = \"/srv/peixun/peixun.redb\" in {} (see docs/deploy.md)",
            shown(path)
        ),
        (Lang::Zh, BadConfig { path, why }) => {
            format!("配置文件 {} 有误:{}", shown(path), shown(why))
        }
        (Lang::En, BadConfig { path, why }) => {
            format!("the configuration file {} is wrong: {}", shown(path), shown(why))
        }
        (Lang::Zh, RelativeDb(path)) => {
            format!("配置文件中的 db 必须是绝对路径,而不是 {}", shown(path))
        }
        (Lang::En, RelativeDb(path)) => format!(
            "db in the configuration file must be an absolute path, not {}",
            shown(path)
        ),
        (Lang::Zh, NoHome) => "找不到当前账号的主目录".into(),
        (Lang::En, NoHome) => "the running account has no home directory".into(),
        (_, BadKey(why)) => bad_key(l, why),
        (Lang::Zh, BadAccountName(n)) => format!(
            "账号名 {} 不能用于 SSH 密钥:不能含空格、引号、反斜杠或控制字符,也不能以 - 开头",
            shown(n)
        ),
        (Lang::En, BadAccountName(n)) => format!(
            "the account name {} cannot be used for an SSH key: no spaces, quotes, backslashes or control characters, and no leading -",
            shown(n)
        ),
        (Lang::Zh, KeyExists {
            fingerprint,
            account,
        }) => format!(
            "密钥 {fingerprint} 已经属于账号 {};未做任何更改",
            shown(account)
        ),
        (Lang::En, KeyExists {
            fingerprint,
            account,
        }) => format!(
            "the key {fingerprint} already belongs to the account {}; nothing was changed",
            shown(account)
        ),
        (Lang::Zh, KeyAdded {
            fingerprint,
            account,
        }) => format!("已添加账号 {} 的密钥 {fingerprint}", shown(account)),
        (Lang::En, KeyAdded {
            fingerprint,
            account,
        }) => format!("added the key {fingerprint} of the account {}", shown(account)),
        (Lang::Zh, KeyRemoved(n)) => format!("已删除 {n} 个密钥"),
        (Lang::En, KeyRemoved(n)) => format!("removed {n} key(s)"),
        (Lang::Zh, NoSuchKey(what)) => {
            format!("没有账号或指纹为 {} 的密钥;未做任何更改", shown(what))
        }
        (Lang::En, NoSuchKey(what)) => format!(
            "no key of the account or with the fingerprint {}; nothing was changed",
            shown(what)
        ),
        (Lang::Zh, KeyFile { path, why }) => {
            format!("无法读写密钥文件 {}:{why};未做任何更改", shown(path))
        }
        (Lang::En, KeyFile { path, why }) => format!(
            "cannot read or write the key file {}: {why}; nothing was changed",
            shown(path)
        ),
        (Lang::Zh, WantFormat) => "--out - 需要 --format xlsx 或 --format csv".into(),
        (Lang::En, WantFormat) => "--out - needs --format xlsx or --format csv".into(),
        (Lang::Zh, BadFormat(f)) => format!("--format 应为 xlsx 或 csv,而不是 {}", shown(f)),
        (Lang::En, BadFormat(f)) => format!("--format must be xlsx or csv, not {}", shown(f)),
        (Lang::Zh, FormatMismatch(f)) => {
            format!("标准输入不是 --format {} 所说的格式;未做任何更改", shown(f))
        }
        (Lang::En, FormatMismatch(f)) => format!(
            "standard input is not in the format --format {} says; nothing was changed",
            shown(f)
        ),
        (Lang::Zh, Stdin(why)) => format!("无法读取标准输入:{why}"),
        (Lang::En, Stdin(why)) => format!("cannot read standard input: {why}"),
        (Lang::Zh, NoTerminal) => {
            "终端界面需要终端:请用 ssh -t peixun@服务器,或在 ssh 命令后写要执行的命令".into()
        }
        (Lang::En, NoTerminal) => {
            "the terminal app needs a terminal: use ssh -t peixun@server, or give a command after the ssh command".into()
        }
        (Lang::Zh, ImportOverSsh) => {
            "通过 SSH 使用时不读服务器上的文件;请在自己的电脑上运行: ssh peixun@服务器 import teachers - < 名单.xlsx(或 import plan - --term 学期 < 计划.xlsx)".into()
        }
        (Lang::En, ImportOverSsh) => {
            "through SSH no files are read on the server; on your own computer run: ssh peixun@server import teachers - < roster.xlsx (or import plan - --term TERM < plan.xlsx)".into()
        }
        (Lang::Zh, ExportOverSsh) => {
            "通过 SSH 使用时不在服务器上写文件;请在自己的电脑上运行: ssh peixun@服务器 export standings --term 学期 --out - --format xlsx > 考核.xlsx".into()
        }
        (Lang::En, ExportOverSsh) => {
            "through SSH no files are written on the server; on your own computer run: ssh peixun@server export standings --term TERM --out - --format xlsx > standings.xlsx".into()
        }
    }
}

fn bad_key(l: Lang, why: &KeyWhy) -> String {
    let what = match (l, why) {
        (Lang::Zh, KeyWhy::Shape) => "应为一行“类型 密钥 备注”,如 ssh-ed25519 AAAA… 张三".into(),
        (Lang::En, KeyWhy::Shape) => {
            "it must be one line \"TYPE KEY comment\", e.g. ssh-ed25519 AAAA… zhangsan".into()
        }
        (Lang::Zh, KeyWhy::UnknownType(t)) => format!("不认识的密钥类型 {}", shown(t)),
        (Lang::En, KeyWhy::UnknownType(t)) => format!("unknown key type {}", shown(t)),
        (Lang::Zh, KeyWhy::NotBase64) => "密钥部分不是有效的 base64".into(),
        (Lang::En, KeyWhy::NotBase64) => "the key part is not valid base64".into(),
        (Lang::Zh, KeyWhy::TypeMismatch { line, blob }) => {
            format!("行首写的是 {},密钥本身却是 {}", shown(line), shown(blob))
        }
        (Lang::En, KeyWhy::TypeMismatch { line, blob }) => format!(
            "the line says {} but the key itself is {}",
            shown(line),
            shown(blob)
        ),
    };
    match l {
        Lang::Zh => format!("不是有效的 SSH 公钥:{what};未做任何更改"),
        Lang::En => format!("not a valid SSH public key: {what}; nothing was changed"),
    }
}
