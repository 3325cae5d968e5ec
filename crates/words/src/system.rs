//! The operating system's own words in a Chinese line. The standard
//! library says a failed file operation in English ("No such file or
//! directory (os error 2)"), and those words reach a message as its
//! `why`. Before a line is shown in Chinese, each such phrase is replaced
//! by the catalogue's words for its kind, with the number kept for whoever
//! must look it up ("文件或目录不存在(系统错误 2)"); an English line keeps
//! the system's words (issue 26).

use super::Lang;
use std::io::ErrorKind;

/// What went wrong, as the system said it, by kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::EnumIter)]
pub enum SystemFault {
    NotFound,
    Denied,
    IsDirectory,
    NotDirectory,
    Full,
    ReadOnly,
    Exists,
    LinkLoop,
    NameTooLong,
    Quota,
    Busy,
    NotEmpty,
    CrossDevice,
    Interrupted,
    Again,
    Invalid,
    Other,
}

impl SystemFault {
    fn of(kind: ErrorKind) -> SystemFault {
        match kind {
            ErrorKind::NotFound => SystemFault::NotFound,
            ErrorKind::PermissionDenied => SystemFault::Denied,
            ErrorKind::IsADirectory => SystemFault::IsDirectory,
            ErrorKind::NotADirectory => SystemFault::NotDirectory,
            ErrorKind::StorageFull => SystemFault::Full,
            ErrorKind::ReadOnlyFilesystem => SystemFault::ReadOnly,
            ErrorKind::AlreadyExists => SystemFault::Exists,
            ErrorKind::InvalidFilename => SystemFault::NameTooLong,
            ErrorKind::QuotaExceeded => SystemFault::Quota,
            ErrorKind::ResourceBusy | ErrorKind::ExecutableFileBusy => SystemFault::Busy,
            ErrorKind::DirectoryNotEmpty => SystemFault::NotEmpty,
            ErrorKind::CrossesDevices => SystemFault::CrossDevice,
            ErrorKind::Interrupted => SystemFault::Interrupted,
            ErrorKind::WouldBlock => SystemFault::Again,
            ErrorKind::InvalidInput => SystemFault::Invalid,
            // `ErrorKind::FilesystemLoop` is not stable yet; its name is.
            k if format!("{k:?}") == "FilesystemLoop" => SystemFault::LinkLoop,
            _ => SystemFault::Other,
        }
    }

    pub fn text(self, l: Lang) -> &'static str {
        use SystemFault::*;
        match self {
            NotFound => l.t("文件或目录不存在", "no such file or directory"),
            Denied => l.t("没有权限", "permission denied"),
            IsDirectory => l.t("这是一个目录,不是文件", "it is a directory"),
            NotDirectory => l.t(
                "路径中有一段不是目录",
                "a part of the path is not a directory",
            ),
            Full => l.t("磁盘已满", "no space left on the device"),
            ReadOnly => l.t("文件系统是只读的", "read-only file system"),
            Exists => l.t("已经存在", "it already exists"),
            LinkLoop => l.t("符号链接过多或成环", "too many levels of symbolic links"),
            NameTooLong => l.t("文件名过长或无效", "the file name is too long or invalid"),
            Quota => l.t("超出磁盘配额", "disk quota exceeded"),
            Busy => l.t("文件或设备正忙", "the file or device is busy"),
            NotEmpty => l.t("目录不为空", "the directory is not empty"),
            CrossDevice => l.t("不能跨文件系统移动", "cannot move across file systems"),
            Interrupted => l.t("操作被中断", "interrupted"),
            Again => l.t("资源暂时不可用", "resource temporarily unavailable"),
            Invalid => l.t("参数无效", "invalid argument"),
            Other => l.t("系统错误", "system error"),
        }
    }
}

/// `line` with the system's English replaced by the catalogue's words when
/// `l` is Chinese: every "WORDS (os error N)" the standard library writes
/// becomes "词语(系统错误 N)"; the name of a temporary file never made
/// (" at path …") is dropped in both languages.
pub fn system_words(l: Lang, line: &str) -> String {
    let line = without_temporary_path(line);
    if l != Lang::Zh || !line.contains("(os error ") {
        return line;
    }
    let mut out = line;
    let mut from = 0;
    while let Some(at) = out[from..].find("(os error ").map(|i| i + from) {
        let digits: String = out[at + "(os error ".len()..]
            .chars()
            .take_while(|c| c.is_ascii_digit() || *c == '-')
            .collect();
        let Ok(code) = digits.parse::<i32>() else {
            from = at + 1;
            continue;
        };
        let system = std::io::Error::from_raw_os_error(code);
        // The standard library writes "WORDS (os error N)".
        let english = system.to_string();
        let word = SystemFault::of(system.kind()).text(l);
        let zh = format!("{word}(系统错误 {code})");
        let end = at + "(os error ".len() + digits.len();
        if !out[end..].starts_with(')') {
            from = at + 1;
            continue;
        }
        let end = end + 1;
        // The standard library's own words are replaced with the bracket;
        // another wrapper's words stay, and the bracket alone is replaced.
        let start = match out[..end].ends_with(&english) {
            true => end - english.len(),
            false => out[..at].trim_end_matches(' ').len(),
        };
        out.replace_range(start..end, &zh);
        from = start + zh.len();
    }
    out
}

/// `line` without the " at path "…"" the temporary-file crate adds to an
/// error: it names a file peixun was about to create under a random name
/// and never made, which tells the user nothing (the line names the real
/// file already).
fn without_temporary_path(line: &str) -> String {
    let Some(at) = line.find(" at path \"") else {
        return line.to_string();
    };
    let rest = &line[at + " at path \"".len()..];
    match rest.find('"') {
        Some(end) => format!("{}{}", &line[..at], &rest[end + 1..]),
        None => line[..at].to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_systems_english_becomes_chinese_words() {
        let e = std::io::Error::from_raw_os_error(2).to_string();
        assert_eq!(
            system_words(Lang::Zh, &format!("/x.csv:无法读取({e}),未导入任何数据")),
            "/x.csv:无法读取(文件或目录不存在(系统错误 2)),未导入任何数据"
        );
        let e = std::io::Error::from_raw_os_error(13).to_string();
        assert_eq!(
            system_words(Lang::Zh, &format!("没有写入 a 的权限({e})")),
            "没有写入 a 的权限(没有权限(系统错误 13))"
        );
        let e = std::io::Error::from_raw_os_error(2).to_string();
        assert_eq!(
            system_words(Lang::Zh, &format!("无法打开 /p:{e} at path \"/p/.t\"")),
            "无法打开 /p:文件或目录不存在(系统错误 2)"
        );
        assert_eq!(
            system_words(Lang::En, &format!("/p: {e} at path \"/p/.t\"")),
            format!("/p: {e}")
        );
        // English keeps the system's words; plain lines pass unchanged.
        let en = format!("cannot read it: {e}");
        assert_eq!(system_words(Lang::En, &en), en);
        assert_eq!(system_words(Lang::Zh, "张三 已到"), "张三 已到");
        // Words another wrapper wrote: only the bracket is replaced.
        assert_eq!(
            system_words(Lang::Zh, "坏了 (os error 21)"),
            "坏了这是一个目录,不是文件(系统错误 21)"
        );
        assert!(!system_words(Lang::Zh, "x (os error abc)").contains("系统错误"));
        assert!(!system_words(Lang::Zh, "x (os error 2").contains("系统错误"));
    }

    /// No Latin word is left in a Chinese line for any error the system
    /// can give.
    #[test]
    fn every_system_error_reads_in_chinese() {
        for code in 1..134 {
            let e = std::io::Error::from_raw_os_error(code).to_string();
            let got = system_words(Lang::Zh, &format!("无法读取({e})"));
            assert!(
                !got.chars().any(|c| c.is_ascii_alphabetic()),
                "{code}: {got}"
            );
        }
    }
}
