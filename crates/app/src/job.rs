//! Work that is counted at once when it is small, and in a thread of its
//! own when it is not, so that the terminal app answers keys meanwhile:
//! the chart figures (`charts::ChartsJob`) and the standings
//! (`standings_job::StandingsJob`).

use super::Result;
use std::sync::mpsc::{Receiver, TryRecvError};

/// A count under way, or done.
pub struct Counting<T> {
    state: State<T>,
    /// What is counted, for the error if the thread stops without an
    /// answer.
    what: &'static str,
}

enum State<T> {
    /// Counted; taken by the first `poll`.
    Done(Option<Result<T>>),
    Running(Receiver<Result<T>>),
}

impl<T: Send + 'static> Counting<T> {
    /// Runs `count` now when `at_once`, else in a thread of its own.
    pub fn start(
        what: &'static str,
        at_once: bool,
        count: impl FnOnce() -> Result<T> + Send + 'static,
    ) -> Counting<T> {
        let state = if at_once {
            State::Done(Some(count()))
        } else {
            let (tx, rx) = std::sync::mpsc::channel();
            std::thread::spawn(move || {
                // The receiver may be gone (the job was dropped or replaced).
                let _ = tx.send(count());
            });
            State::Running(rx)
        };
        Counting { state, what }
    }

    /// The result once counted (once); `None` while it is not.
    pub fn poll(&mut self) -> Option<Result<T>> {
        match &mut self.state {
            State::Done(result) => result.take(),
            State::Running(rx) => match rx.try_recv() {
                Ok(result) => {
                    self.state = State::Done(None);
                    Some(result)
                }
                Err(TryRecvError::Empty) => None,
                Err(TryRecvError::Disconnected) => {
                    self.state = State::Done(None);
                    Some(Err(gone(self.what)))
                }
            },
        }
    }

    /// Waits for the result (tests and benchmarks).
    pub fn wait(self) -> Result<T> {
        match self.state {
            State::Done(Some(result)) => result,
            State::Done(None) => Err(gone(self.what)),
            State::Running(rx) => rx.recv().unwrap_or_else(|_| Err(gone(self.what))),
        }
    }

    /// Still counting.
    pub fn running(&self) -> bool {
        matches!(self.state, State::Running(_))
    }
}

/// The counting thread stopped without an answer (a bug: it cannot fail
/// otherwise than by returning an error).
fn gone(what: &str) -> super::AppError {
    store::StoreError::Db(format!("{what} could not be counted")).into()
}
