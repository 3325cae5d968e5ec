//! `peixun key add|list|remove`: the service account's
//! `~/.ssh/authorized_keys`, where each key says who its holder is in the
//! gate. peixun's lines have the form
//! `restrict,pty,command="/path/to/peixun gate ACCOUNT" TYPE KEY comment`;
//! every other line of the file is kept exactly as it was.

use super::Outcome;
use crate::i18n::{self, GateText, KeyWhy, Lang};
use app::keys::{KeyChange, KeyEntry};
use app::{App, AppError};
use base64::Engine;
use chrono::NaiveDateTime;
use clap::Subcommand;
use sha2::Digest;
use std::path::{Path, PathBuf};

#[derive(Subcommand, Debug)]
pub enum KeyCmd {
    /// Let ACCOUNT in through SSH with this public key (one line of a .pub file).
    Add { account: String, key: String },
    /// The keys peixun keeps, with their accounts and fingerprints.
    List,
    /// Remove every key of ACCOUNT, or the key with this SHA256 fingerprint.
    Remove { what: String },
}

/// The key types OpenSSH accepts in authorized_keys.
const TYPES: &[&str] = &[
    "ssh-ed25519",
    "ssh-rsa",
    "ecdsa-sha2-nistp256",
    "ecdsa-sha2-nistp384",
    "ecdsa-sha2-nistp521",
    "sk-ssh-ed25519@openssh.com",
    "sk-ecdsa-sha2-nistp256@openssh.com",
];

const OPTIONS: &str = "restrict,pty,command=\"";

/// A public key, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicKey {
    pub kind: String,
    pub blob: String,
    pub comment: String,
}

impl PublicKey {
    /// Reads "TYPE BASE64 [comment]": the type must be one OpenSSH takes,
    /// the blob valid base64 whose embedded type is the same.
    pub fn parse(text: &str) -> Result<PublicKey, KeyWhy> {
        let text = text.trim();
        if text.is_empty() || text.chars().any(|c| c.is_control() && c != '\t') {
            return Err(KeyWhy::Shape);
        }
        let mut parts = text.split_whitespace();
        let (Some(kind), Some(blob)) = (parts.next(), parts.next()) else {
            return Err(KeyWhy::Shape);
        };
        if !TYPES.contains(&kind) {
            return Err(KeyWhy::UnknownType(kind.to_string()));
        }
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(blob)
            .map_err(|_| KeyWhy::NotBase64)?;
        let inner = embedded_type(&bytes);
        if inner.as_deref() != Some(kind) {
            return Err(KeyWhy::TypeMismatch {
                line: kind.to_string(),
                blob: inner.unwrap_or_else(|| "?".into()),
            });
        }
        Ok(PublicKey {
            kind: kind.to_string(),
            blob: blob.to_string(),
            comment: parts.collect::<Vec<_>>().join(" "),
        })
    }

    /// `SHA256:…` as `ssh-keygen -l` prints it.
    pub fn fingerprint(&self) -> String {
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(&self.blob)
            .unwrap_or_default();
        let digest = sha2::Sha256::digest(&bytes);
        format!(
            "SHA256:{}",
            base64::engine::general_purpose::STANDARD_NO_PAD.encode(digest)
        )
    }
}

/// The type name at the start of a key blob (a length-prefixed string).
fn embedded_type(bytes: &[u8]) -> Option<String> {
    let len = u32::from_be_bytes(bytes.get(..4)?.try_into().ok()?) as usize;
    let name = bytes.get(4..4usize.checked_add(len)?)?;
    // A key has more than its type name.
    if bytes.len() <= 4 + len {
        return None;
    }
    String::from_utf8(name.to_vec()).ok()
}

/// Whether `name` can stand in the forced command of a key line: the
/// shell sshd runs it with must see it as one word, and the line's
/// quoting must hold.
pub fn account_fits(name: &str) -> bool {
    !name.is_empty()
        && !name.starts_with('-')
        && !name
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || matches!(c, '"' | '\'' | '\\'))
        && !name.chars().any(i18n::is_unsafe_char)
}

/// One of peixun's lines, read back.
#[derive(Debug, Clone)]
struct Ours {
    account: String,
    key: PublicKey,
}

/// A line of the key file that peixun wrote, or `None` for any other.
fn ours(line: &str) -> Option<Ours> {
    let rest = line.strip_prefix(OPTIONS)?;
    let (command, key) = rest.split_once('"')?;
    let words = shell_words::split(command).ok()?;
    match words.as_slice() {
        [_, gate, account] if gate == "gate" => Some(Ours {
            account: account.clone(),
            key: PublicKey::parse(key).ok()?,
        }),
        _ => None,
    }
}

fn line_for(exe: &str, account: &str, key: &PublicKey) -> String {
    let command = shell_words::join([exe, "gate", account]);
    let mut line = format!("{OPTIONS}{command}\" {} {}", key.kind, key.blob);
    if !key.comment.is_empty() {
        line.push(' ');
        line.push_str(&key.comment);
    }
    line
}

fn entry(account: &str, key: &PublicKey) -> KeyEntry {
    KeyEntry {
        account: account.to_string(),
        kind: key.kind.clone(),
        fingerprint: key.fingerprint(),
        comment: key.comment.clone(),
    }
}

/// The key file of the account running this: its passwd home's
/// `.ssh/authorized_keys` (not `$HOME`).
fn key_file(lang: Lang) -> Result<PathBuf, String> {
    super::gate::passwd_home()
        .map(|h| h.join(".ssh").join("authorized_keys"))
        .ok_or_else(|| i18n::gate(lang, &GateText::NoHome))
}

fn file_error(lang: Lang, path: &Path, e: impl std::fmt::Display) -> String {
    i18n::gate(
        lang,
        &GateText::KeyFile {
            path: path.display().to_string(),
            why: e.to_string(),
        },
    )
}

fn read_file(lang: Lang, path: &Path) -> Result<String, String> {
    match std::fs::read_to_string(path) {
        Ok(s) => Ok(s),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(String::new()),
        Err(e) => Err(file_error(lang, path, e)),
    }
}

/// Writes the key file all at once (`crate::atomic`), mode 0600, making
/// `~/.ssh` (0700) when it is missing.
fn write_file(lang: Lang, path: &Path, text: &str) -> Result<(), String> {
    if let Some(dir) = path.parent()
        && !dir.is_dir()
    {
        #[cfg_attr(not(unix), allow(unused_mut))]
        let mut b = std::fs::DirBuilder::new();
        #[cfg(unix)]
        std::os::unix::fs::DirBuilderExt::mode(&mut b, 0o700);
        b.create(dir).map_err(|e| file_error(lang, dir, e))?;
    }
    app::atomic::write(path, text.as_bytes(), 0o600, true).map_err(|e| file_error(lang, path, e))
}

/// An error of a key change: the app's, or an already-worded line.
enum Fail {
    App(AppError),
    Line(String),
}

impl From<AppError> for Fail {
    fn from(e: AppError) -> Fail {
        Fail::App(e)
    }
}

pub fn key(app: &mut App, cmd: KeyCmd, lang: Lang, now: NaiveDateTime) -> Outcome {
    let e = |x: AppError| i18n::error(lang, &x);
    let g = |t: GateText| i18n::gate(lang, &t);
    // The training office only, before the file is even read.
    app.may_change_keys().map_err(e)?;
    let path = key_file(lang)?;
    let fail = |f: Fail| match f {
        Fail::App(x) => i18n::error(lang, &x),
        Fail::Line(s) => s,
    };
    match cmd {
        KeyCmd::List => {
            let text = read_file(lang, &path)?;
            let rows: Vec<Vec<String>> = text
                .lines()
                .filter_map(ours)
                .map(|o| {
                    vec![
                        i18n::shown(&o.account).into_owned(),
                        o.key.kind.clone(),
                        o.key.fingerprint(),
                        i18n::shown(&o.key.comment).into_owned(),
                    ]
                })
                .collect();
            Ok(super::output::table(&i18n::key_headers(lang), &rows))
        }
        KeyCmd::Add { account, key } => {
            if !account_fits(&account) {
                return Err(g(GateText::BadAccountName(account)));
            }
            let key = PublicKey::parse(&key).map_err(|w| g(GateText::BadKey(w)))?;
            if !app.has_account(&account).map_err(e)? {
                return Err(e(AppError::NoAccount(account)));
            }
            let exe = std::env::current_exe().map_err(|x| file_error(lang, &path, x))?;
            let exe = exe.display().to_string();
            let added = [entry(&account, &key)];
            let before = std::cell::RefCell::new(None::<String>);
            app.change_keys(
                KeyChange {
                    added: &added,
                    removed: &[],
                },
                now,
                || {
                    // Read while holding the write lock: no lost update.
                    let text = read_file(lang, &path).map_err(Fail::Line)?;
                    if let Some(o) = text
                        .lines()
                        .filter_map(|l| l.split_whitespace().find(|w| *w == key.blob).map(|_| l))
                        .next()
                    {
                        let owner = ours(o).map(|o| o.account).unwrap_or_default();
                        return Err(Fail::Line(g(GateText::KeyExists {
                            fingerprint: key.fingerprint(),
                            account: owner,
                        })));
                    }
                    let mut new = text.clone();
                    if !new.is_empty() && !new.ends_with('\n') {
                        new.push('\n');
                    }
                    new.push_str(&line_for(&exe, &account, &key));
                    new.push('\n');
                    write_file(lang, &path, &new).map_err(Fail::Line)?;
                    *before.borrow_mut() = Some(text);
                    Ok(())
                },
                || {
                    if let Some(old) = before.borrow().as_deref() {
                        let _ = write_file(lang, &path, old);
                    }
                },
            )
            .map_err(fail)?;
            Ok(g(GateText::KeyAdded {
                fingerprint: key.fingerprint(),
                account,
            }))
        }
        KeyCmd::Remove { what } => {
            // Which keys go is known only once the file is read under the
            // lock; the history then records exactly those.
            let text = read_file(lang, &path)?;
            let matches = |o: &Ours| o.account == what || o.key.fingerprint() == what;
            let removed: Vec<KeyEntry> = text
                .lines()
                .filter_map(ours)
                .filter(matches)
                .map(|o| entry(&o.account, &o.key))
                .collect();
            if removed.is_empty() {
                return Err(g(GateText::NoSuchKey(what)));
            }
            let n = removed.len();
            app.change_keys(
                KeyChange {
                    added: &[],
                    removed: &removed,
                },
                now,
                || {
                    let now_text = read_file(lang, &path).map_err(Fail::Line)?;
                    if now_text != text {
                        // Changed between the first read and the lock: say
                        // so rather than record something else.
                        return Err(Fail::Line(file_error(lang, &path, "changed meanwhile")));
                    }
                    let mut new = String::with_capacity(text.len());
                    for line in text.split_inclusive('\n') {
                        let line_only = line.trim_end_matches(['\n', '\r']);
                        if ours(line_only).is_some_and(|o| matches(&o)) {
                            continue;
                        }
                        new.push_str(line);
                    }
                    write_file(lang, &path, &new).map_err(Fail::Line)
                },
                || {
                    let _ = write_file(lang, &path, &text);
                },
            )
            .map_err(fail)?;
            Ok(g(GateText::KeyRemoved(n)))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // A real ed25519 public key (ssh-keygen -t ed25519).
    const ED: &str = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIAjb+iTcSbc0+wR0fmicq4m2PQoBlmWxU5LrZwuGUSqJ zhangsan@laptop";

    #[test]
    fn a_key_reads_with_its_fingerprint() {
        let k = PublicKey::parse(ED).unwrap();
        assert_eq!(k.kind, "ssh-ed25519");
        assert_eq!(k.comment, "zhangsan@laptop");
        // As `ssh-keygen -lf` prints it.
        assert_eq!(
            k.fingerprint(),
            "SHA256:YLT3Lu/Pg3BQ7cXig+njS1/Gh/iVb1GRHtRYug/XYHM"
        );
    }

    #[test]
    fn malformed_keys_are_refused() {
        assert_eq!(PublicKey::parse(""), Err(KeyWhy::Shape));
        assert_eq!(PublicKey::parse("ssh-ed25519"), Err(KeyWhy::Shape));
        assert_eq!(
            PublicKey::parse("ssh-foo AAAA"),
            Err(KeyWhy::UnknownType("ssh-foo".into()))
        );
        assert_eq!(
            PublicKey::parse("ssh-ed25519 not*base64"),
            Err(KeyWhy::NotBase64)
        );
        let rsa_label = ED.replacen("ssh-ed25519", "ssh-rsa", 1);
        assert!(matches!(
            PublicKey::parse(&rsa_label),
            Err(KeyWhy::TypeMismatch { .. })
        ));
        assert_eq!(
            PublicKey::parse(&format!("{ED}\nssh-ed25519 AAAA")),
            Err(KeyWhy::Shape)
        );
    }

    #[test]
    fn our_lines_read_back_and_others_do_not() {
        let k = PublicKey::parse(ED).unwrap();
        let line = line_for("/usr/local/bin/peixun", "zhangsan", &k);
        assert!(line.starts_with(
            "restrict,pty,command=\"/usr/local/bin/peixun gate zhangsan\" ssh-ed25519 "
        ));
        let o = ours(&line).unwrap();
        assert_eq!(o.account, "zhangsan");
        assert_eq!(o.key, k);
        assert!(ours(ED).is_none());
        assert!(ours("# a comment").is_none());
        // A path with a space is quoted for the shell sshd runs it with.
        let spaced = line_for("/opt/pei xun/peixun", "zhangsan", &k);
        assert_eq!(ours(&spaced).unwrap().account, "zhangsan");
    }

    #[test]
    fn account_names_that_could_break_the_line_are_refused() {
        assert!(account_fits("zhangsan"));
        assert!(account_fits("张三"));
        for bad in ["", "-x", "a b", "a\"b", "a'b", "a\\b", "a\nb"] {
            assert!(!account_fits(bad), "{bad:?}");
        }
    }
}
