//! Which console the terminal app draws on, where it matters (issue 29):
//! whether to keep to ASCII for the bars and rules. The old Windows
//! console (conhost) with a Chinese font draws the block and line
//! characters (█ ▒ ▓ ░ ─), whose width Unicode leaves "ambiguous", two
//! cells wide, which shifts everything after them on the line; Windows
//! Terminal (it sets `WT_SESSION`) and Unix terminals draw them one cell
//! wide. `PEIXUN_ASCII=1` asks for ASCII anywhere, `PEIXUN_ASCII=0` for the
//! block characters anywhere.

/// Whether bars and rules should be drawn in ASCII.
pub fn ascii_only() -> bool {
    match std::env::var("PEIXUN_ASCII").ok().as_deref().map(str::trim) {
        Some("1") => true,
        Some("0") => false,
        _ => imp::old_console(),
    }
}

#[cfg(windows)]
mod imp {
    /// conhost: a Windows console that is not Windows Terminal.
    pub fn old_console() -> bool {
        std::env::var_os("WT_SESSION").is_none()
    }
}

#[cfg(not(windows))]
mod imp {
    pub fn old_console() -> bool {
        false
    }
}
