//! The application layer: every command a user can give, used by both the
//! command line and the terminal app. Each command checks permission, reads
//! and validates inside one write transaction, writes its history entries
//! beside the change, and commits before it reports success. A command that
//! fails returns before `commit`, so it changes nothing.

pub mod accounts;
pub mod archive;
pub mod assessment;
mod assessment_demo;
pub mod backup;
pub mod calendar;
pub mod cells;
pub mod charts;
pub mod credits;
pub mod demo;
pub mod env;
/// The old name of `cells`, for branches written before the rename
/// (issue 24); to go once they have landed.
#[doc(hidden)]
pub use cells as format;
pub mod history;
pub mod i18n;
pub mod import;
pub mod invalid;
pub mod job;
pub mod keys;
pub mod leave;
pub mod lookup;
pub mod moved;
pub mod os_user;
pub mod policy;
pub mod publish;
pub mod roll;
pub mod roster;
pub mod school;
pub mod standings;
pub mod standings_job;
mod surnames;
pub mod year_end;

pub use invalid::{FieldName, LeaveAction, LeavePaper, OwnAction, RollStep, Why};

use rules::{LeaveId, LeaveStatus, Role, RollState, SessionId, TeacherId};
pub use store::{HistoryEntry, SessionRecord, StoreError, Wait, atomic, policy_file};

/// What the command line needs of the store to open a file, check one and
/// say whether it is damaged; every read and change of its contents goes
/// through `App`'s permission-checked calls.
pub mod file {
    pub use store::check;
    pub use store::os::network::{NetworkFs, network_filesystem};
    pub use store::{SCHEMA_VERSION, StoreError, Upgraded, Wait};

    /// Whether a record failed its checksum on this run.
    pub mod codec {
        pub use store::codec::damage_seen;
    }

    /// Whether the account (`as_name` when root) may check the file at
    /// `path`: it must be one of the file's accounts, unless the file is
    /// too damaged to open (then nothing can say who may read it, and the
    /// check says what is wrong). A missing file is an error.
    pub fn may_check(
        path: &std::path::Path,
        os_name: &str,
        as_name: Option<&str>,
        is_root: bool,
    ) -> crate::Result<()> {
        use store::Store;
        // redb may panic on overwritten pages: then, too, the check says
        // what is wrong.
        let opened = std::panic::catch_unwind(|| Store::open_read(path))
            .unwrap_or_else(|_| Err(StoreError::Db("unreadable".into())));
        match opened {
            // check names the file and counts every table: the office's.
            Ok(store) => crate::App::new(store, os_name, as_name, is_root)?
                .actor
                .require("check", &[rules::Role::Office]),
            Err(e @ StoreError::Missing(_)) => Err(crate::AppError::Store(e)),
            Err(_) => Ok(()),
        }
    }
}
use chrono::NaiveDateTime;
use store::{Store, Writer};

/// What went wrong, in terms the user can act on. The catalogue
/// (`crate::i18n`) turns each into one line in the user's language.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("account `{0}` has no access to this database")]
    NoAccount(String),
    #[error("`{action}` needs the role {needs:?}")]
    Forbidden { action: String, needs: Vec<Role> },
    #[error("only root may act as another account")]
    NotRoot,
    #[error("no teacher `{0}`")]
    UnknownTeacher(String),
    #[error("several teachers match; use the id: {}", .0.join(", "))]
    Ambiguous(Vec<String>),
    #[error("no session {0}")]
    UnknownSession(SessionId),
    #[error("no term `{0}`")]
    UnknownTerm(String),
    #[error("no leave request {0}")]
    UnknownLeave(LeaveId),
    #[error("`{0}` already exists")]
    Exists(String),
    /// A value the user gave, refused: the field, the value as given and
    /// what is wrong with it, all typed (`invalid.rs`).
    #[error("{field:?}: `{value}` {why:?}")]
    Invalid {
        field: FieldName,
        value: String,
        why: Why,
    },
    #[error("session {session}: cannot {step:?} while roll is at {state:?}")]
    RollOrder {
        session: SessionId,
        state: RollState,
        step: RollStep,
    },
    /// A session's audience names a group no teacher belongs to (issue 25).
    #[error("no teacher is in the group {group}")]
    UnknownGroup {
        group: String,
        /// The groups there are, in order.
        known: Vec<String>,
        /// The one the office probably meant.
        near: Option<String>,
    },
    #[error("{teacher} is not expected at session {session}")]
    NotExpected {
        teacher: TeacherId,
        session: SessionId,
    },
    #[error("{teacher} is already marked at session {session}")]
    AlreadyMarked {
        teacher: TeacherId,
        session: SessionId,
    },
    #[error("{teacher} has not been marked present at session {session}")]
    NotPresent {
        teacher: TeacherId,
        session: SessionId,
    },
    #[error("nothing to undo at session {0}")]
    NothingToUndo(SessionId),
    /// Only whoever closed a roll takes the close back.
    #[error("session {session}'s roll was closed by {closed_by}; only they may take it back")]
    NotYourClose {
        session: SessionId,
        closed_by: String,
    },
    /// A close the term's posting recorded is not taken back.
    #[error("term {term} was published after session {session}'s roll was closed")]
    ClosePosted {
        session: SessionId,
        term: rules::TermId,
    },
    /// A close is taken back until the session's end; then only reopened.
    #[error("session {session} ended at {end}; its close can only be reopened")]
    CloseAfterEnd {
        session: SessionId,
        end: NaiveDateTime,
    },
    #[error("leave {id} is {status:?}; cannot {action:?}")]
    LeaveState {
        id: LeaveId,
        status: LeaveStatus,
        action: LeaveAction,
    },
    #[error("leave {id} lacks its {what:?}")]
    MissingEvidence { id: LeaveId, what: LeavePaper },
    #[error("only emergency sick leave may be asked for after the session")]
    AfterTheFact,
    /// Whatever roles they hold, nobody decides their own leave.
    #[error(
        "leave {id} is your own leave: nobody may {action:?} their own leave; nothing was changed"
    )]
    OwnLeave { id: LeaveId, action: LeaveAction },
    /// A teacher files leave for someone else: only the office may.
    #[error("a teacher may request leave only for themselves; nothing was changed")]
    LeaveForOthers,
    /// Whatever roles they hold, nobody excuses, corrects or vouches for
    /// their own record; someone else with the role must.
    #[error("{teacher} is your own record: nobody may {action:?} on their own record")]
    OwnRecord {
        teacher: TeacherId,
        action: OwnAction,
        /// The leave request, where the record is one.
        leave: Option<LeaveId>,
    },
    /// A teacher has at most one open request covering a session.
    #[error("leave {first} already asks for session {session}")]
    LeaveTwice { first: LeaveId, session: SessionId },
    /// A file to import or export was refused (see `crate::io`).
    #[error(transparent)]
    Import(sheets::ImportError),
    /// A value longer than its field allows, or with characters it may
    /// not hold (`core::limits`); `value` is its start, for the message.
    #[error("{field:?}: `{value}` is out of bounds: {bound:?}")]
    Bound {
        field: rules::limits::Field,
        value: String,
        bound: rules::limits::Bound,
    },
    #[error("no credit entry {0}")]
    UnknownCredit(rules::CreditId),
    /// The school's calendar: terms, sessions moved or cancelled, rolls in
    /// their time, leave that lapsed (`calendar.rs`).
    #[error(transparent)]
    Calendar(calendar::CalendarError),
    /// A refusal of the year's assessment (review chain, plausibility,
    /// deadlines, closed years), worded by `crate::i18n::assess`.
    #[error(transparent)]
    Assess(year_end::AssessError),
}

pub type Result<T> = std::result::Result<T, AppError>;

/// Who is acting: the OS account and the roles it holds in this database.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    pub name: String,
    pub roles: Vec<Role>,
    pub teacher: Option<TeacherId>,
}

impl Actor {
    pub fn has(&self, role: Role) -> bool {
        self.roles.contains(&role)
    }

    /// Fails unless the actor holds one of `roles`.
    pub fn require(&self, action: &str, roles: &[Role]) -> Result<()> {
        if roles.iter().any(|r| self.has(*r)) {
            Ok(())
        } else {
            Err(AppError::Forbidden {
                action: action.to_string(),
                needs: roles.to_vec(),
            })
        }
    }

    /// Staff see everyone; a teacher sees only their own records.
    pub fn may_see(&self, teacher: &TeacherId) -> bool {
        self.may_see_id(&teacher.0)
    }

    /// `may_see` by the bare id.
    pub fn may_see_id(&self, teacher: &str) -> bool {
        self.roles.iter().any(|r| *r != Role::Teacher)
            || self.teacher.as_ref().is_some_and(|t| t.0 == teacher)
    }
}

/// The roles that may read every teacher's records.
pub const STAFF: &[Role] = &[
    Role::Office,
    Role::Leader,
    Role::School,
    Role::GroupLeader,
    Role::Assessment,
];

/// An open database and the person using it. The store and the actor are
/// private: a screen or a command line acts only through `App`'s
/// permission-checked calls, and cannot change who it acts as.
pub struct App {
    store: Store,
    actor: Actor,
    /// The reason given with the command (`--reason`), which a change to a
    /// closed year requires and its history entry keeps.
    pub reason: Option<String>,
}

impl App {
    /// Opens `store` for the OS account `os_name`, or for `as_name` when the
    /// process runs as root.
    pub fn new(store: Store, os_name: &str, as_name: Option<&str>, is_root: bool) -> Result<App> {
        let name = match as_name {
            Some(n) if is_root || n == os_name => n,
            Some(_) => return Err(AppError::NotRoot),
            None => os_name,
        };
        let r = store.read()?;
        let actor = match r.account(name)? {
            Some(a) => Actor {
                name: a.name,
                roles: a.roles,
                teacher: a.teacher,
            },
            None => return Err(AppError::NoAccount(name.to_string())),
        };
        Ok(App {
            store,
            actor,
            reason: None,
        })
    }

    /// Opens the database at `path` for reading (upgraded to writing by the
    /// first change) on behalf of the OS account.
    pub fn open(
        path: &std::path::Path,
        os_name: &str,
        as_name: Option<&str>,
        is_root: bool,
    ) -> Result<App> {
        App::new(Store::open_read(path)?, os_name, as_name, is_root)
    }

    /// The upgrade of an older file this app's first change made, if any.
    pub fn upgraded(&self) -> Option<&store::Upgraded> {
        self.store.upgraded()
    }

    /// The state redb's repair recovers from a file too damaged to open,
    /// read-only, as the account would open the file (`backup
    /// --accept-recovered`); `None` where nothing verifiable is recovered.
    pub fn open_recovered(
        path: &std::path::Path,
        os_name: &str,
        as_name: Option<&str>,
        is_root: bool,
    ) -> Result<Option<App>> {
        match Store::open_recovered(path)? {
            Some(store) => Ok(Some(App::new(store, os_name, as_name, is_root)?)),
            None => Ok(None),
        }
    }

    /// Opens the database at `path` as `open` does, waiting for another
    /// writer as `wait` says.
    pub fn open_with(
        path: &std::path::Path,
        os_name: &str,
        as_name: Option<&str>,
        is_root: bool,
        wait: Wait,
    ) -> Result<App> {
        App::new(
            Store::open_read_with(path, wait)?,
            os_name,
            as_name,
            is_root,
        )
    }

    /// Who is acting.
    pub fn actor(&self) -> &Actor {
        &self.actor
    }

    /// The store beside the app, for tests/ that plant or count what no
    /// command does (the `testing` feature; never in a shipped build).
    #[cfg(feature = "testing")]
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// Who is acting, set by hand in tests/ (the `testing` feature).
    #[cfg(feature = "testing")]
    pub fn actor_mut(&mut self) -> &mut Actor {
        &mut self.actor
    }

    /// A number that changes with every commit by any process: cheap to
    /// poll, so a screen knows when to reload.
    pub fn generation(&self) -> Result<u64> {
        Ok(self.store.read()?.generation()?)
    }

    /// The database file this app acts on.
    pub fn path(&self) -> &std::path::Path {
        self.store.path()
    }

    /// How this app's changes wait for another writer's.
    pub fn set_wait(&mut self, wait: Wait) {
        self.store.set_wait(wait);
    }

    /// Runs `f` with every read in it seeing one snapshot of the file.
    pub fn pinned<T, E: From<StoreError>>(
        &self,
        f: impl FnOnce() -> std::result::Result<T, E>,
    ) -> std::result::Result<T, E> {
        self.store.pinned(f)
    }

    /// Starts a change by this actor at `now`. Upgrades a read-only store.
    pub(crate) fn begin(&mut self, now: NaiveDateTime) -> Result<Writer> {
        if !self.store.is_writable() {
            // The same file (one removed or replaced since is refused).
            self.store = self.store.writable()?;
        }
        Ok(self.store.write(&self.actor.name, now)?)
    }

    /// Starts a change about one teacher, who must be on the roster.
    pub(crate) fn begin_for(&mut self, teacher: &TeacherId, now: NaiveDateTime) -> Result<Writer> {
        let w = self.begin(now)?;
        if w.teacher(teacher)?.is_none() {
            return Err(AppError::UnknownTeacher(teacher.0.clone()));
        }
        Ok(w)
    }
}

/// Records one change in the history (no reason or session; the teacher
/// it is about, when any) and commits it with the change.
pub(crate) fn commit_logged(
    mut w: Writer,
    action: &str,
    target: String,
    before: Option<String>,
    after: Option<String>,
    teacher: Option<TeacherId>,
) -> Result<()> {
    w.log(action, target, before, after, None, None, teacher)?;
    w.commit()?;
    Ok(())
}

/// The non-empty ones of several reasons (a comment, the reason a closed
/// year was changed), as one history reason.
pub(crate) fn joined(words: &[&str]) -> Option<String> {
    let words: Vec<&str> = words
        .iter()
        .map(|w| w.trim())
        .filter(|w| !w.is_empty())
        .collect();
    (!words.is_empty()).then(|| words.join("; "))
}

/// Checks the text `s` of `field` against its bounds (`core::limits`).
pub(crate) fn bounded(field: rules::limits::Field, s: &str) -> Result<()> {
    rules::limits::check(field.shape(), s).map_err(|bound| AppError::Bound {
        field,
        value: rules::limits::preview(s),
        bound,
    })
}

/// Checks a number of credits against `limits::CREDITS_MAX_TENTHS`, said
/// in credits as the user typed them (not in the tenths they are kept in).
pub(crate) fn credits_bounded(c: rules::Credits) -> Result<()> {
    use rules::limits::{Bound, CREDITS_MAX_TENTHS, Field};
    if c.0 > CREDITS_MAX_TENTHS {
        return Err(AppError::Bound {
            field: Field::Credits,
            value: c.to_string(),
            bound: Bound::TooLarge {
                max: u64::from(CREDITS_MAX_TENTHS / 10),
            },
        });
    }
    Ok(())
}

/// Checks the number `n` of `field` against `max`.
pub(crate) fn counted(field: rules::limits::Field, n: u64, max: u64) -> Result<()> {
    rules::limits::at_most(n, max).map_err(|bound| AppError::Bound {
        field,
        value: n.to_string(),
        bound,
    })
}

/// JSON of a value for the history's before/after columns.
pub(crate) fn json<T: serde::Serialize>(v: &T) -> Option<String> {
    serde_json::to_string(v).ok()
}

/// Whether this process runs with ids its user does not have (a setgid or
/// setuid program). peixun refuses to run so (`main`): a shared server
/// uses the SSH gate instead (docs/deploy.md).
pub fn privileged() -> bool {
    os_user::privileged()
}

/// The OS account running this process (its real user id's name, or the
/// Windows account name), and whether it is the superuser.
pub fn os_account() -> (String, bool) {
    os_user::account()
}
