//! The Done page's hand-off vocabulary: what the person, the window and the runtime say
//! about "Use this account on other devices and apps", and the state the page draws. Pure
//! data (the Done page's logic is in `done_page.rs`); tasks are named by the number of the
//! wizard's `TaskId`, so this file needs nothing else from the wizard.

use std::path::PathBuf;

use crate::export::Format;
use crate::export::qr::QrCode;

/// Which phone app the code is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phone {
    Thunderbird,
    DeltaChat,
}

impl Phone {
    pub fn format(self) -> Format {
        match self {
            Phone::Thunderbird => Format::TfaQr,
            Phone::DeltaChat => Format::DcloginQr,
        }
    }
}

/// A code ready to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodeReady {
    pub format: Format,
    pub code: QrCode,
    pub holds_password: bool,
}

/// The phone code's state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CodeState {
    None,
    Making(u64),
    Ready(CodeReady),
    /// Why there is no code, in words.
    Failed(String),
}

/// Hand-off events: the person, the window and the runtime.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HandOffEvent {
    Phone(Phone),
    /// "Include my password" for the phone code.
    PhonePassword(bool),
    /// "Include my password" for the Apple profile.
    ProfilePassword(bool),
    /// "Show code" / "Hide code".
    ShowCode(bool),
    SaveProfile,
    SaveAutoconfig,
    AddToGoa,
    /// The window: where the person chose to save a file.
    PathChosen {
        format: Format,
        path: PathBuf,
    },
    /// The runtime: the phone code, or why not (in words).
    Code {
        task: u64,
        result: Result<CodeReady, String>,
    },
    /// The runtime: a file was written, or why not.
    FileWritten(Result<PathBuf, String>),
    /// The runtime: added to GNOME Online Accounts (the object path), or why not.
    GoaAdded(Result<String, String>),
}

/// Hand-off work.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HandOffEffect {
    /// The runtime: export the saved account as a QR code.
    MakeCode {
        task: u64,
        account_id: String,
        format: Format,
        with_password: bool,
    },
    /// The window: ask where to save (the system's dialog).
    AskPath { format: Format, file_name: String },
    /// The runtime: export the saved account to this file.
    WriteFile {
        account_id: String,
        format: Format,
        with_password: bool,
        path: PathBuf,
    },
    /// The runtime: add the saved account to GNOME Online Accounts.
    AddToGoa { account_id: String },
}

/// The hand-off part of the Done page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HandOff {
    pub phone: Phone,
    pub phone_password: bool,
    pub profile_password: bool,
    pub code: CodeState,
    /// "Show code" was pressed for the code that holds the password.
    pub revealed: bool,
    /// What became of the last file or GNOME action, in words.
    pub note: Option<String>,
}

impl Default for HandOff {
    fn default() -> Self {
        Self {
            phone: Phone::Thunderbird,
            phone_password: false,
            profile_password: false,
            code: CodeState::None,
            revealed: false,
            note: None,
        }
    }
}

impl HandOff {
    /// Whether the code may be drawn now: it holds no password, or "Show code" was pressed.
    pub fn code_visible(&self) -> bool {
        match &self.code {
            CodeState::Ready(c) => !c.holds_password || self.revealed,
            _ => false,
        }
    }
}
