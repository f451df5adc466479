//! The runtime's side of the Done page's hand-off: exports of the saved account through
//! `flow::export` (the same calls `mailsetup accounts export` makes), the QR code made here
//! and handed to the window to draw, files written where the person chose. Answers come back
//! as `HandOffEvent`s, reasons already in words.

use std::path::Path;

use crate::export::Format;
use crate::flow::export::{self as flow, HandOff};
use crate::store::AccountId;
use crate::wizard::{CodeReady, Event, HandOffEffect, HandOffEvent};

use super::{EventSender, RuntimeConfig};

/// Runs one hand-off effect (the window's `AskPath` never reaches here).
pub(super) async fn run(effect: HandOffEffect, config: &RuntimeConfig, sender: &EventSender) {
    let dir = match crate::store::resolve_config_dir(config.config_dir.as_deref()) {
        Ok(dir) => dir,
        Err(e) => {
            let why = crate::wizard::capitalise(&e.words());
            let event = match effect {
                HandOffEffect::MakeCode { task, .. } => HandOffEvent::Code {
                    task,
                    result: Err(why),
                },
                HandOffEffect::AddToGoa { .. } => HandOffEvent::GoaAdded(Err(why)),
                _ => HandOffEvent::FileWritten(Err(why)),
            };
            sender.send(Event::HandOff(event));
            return;
        }
    };
    let event = match effect {
        HandOffEffect::MakeCode {
            task,
            account_id,
            format,
            with_password,
        } => HandOffEvent::Code {
            task,
            result: code(&dir, &account_id, format, with_password).await,
        },
        HandOffEffect::WriteFile {
            account_id,
            format,
            with_password,
            path,
        } => HandOffEvent::FileWritten(
            write(&dir, &account_id, format, with_password, &path)
                .await
                .map(|()| path),
        ),
        HandOffEffect::AddToGoa { account_id } => {
            let id = id_of(&account_id);
            HandOffEvent::GoaAdded(
                flow::add_to_goa(&dir, &id, None)
                    .await
                    .map_err(|e| crate::wizard::capitalise(&e.words())),
            )
        }
        HandOffEffect::AskPath { .. } => return,
    };
    sender.send(Event::HandOff(event));
}

fn id_of(text: &str) -> AccountId {
    match text.parse() {
        Ok(id) => id,
        Err(never) => match never {},
    }
}

async fn code(
    dir: &Path,
    account_id: &str,
    format: Format,
    with_password: bool,
) -> Result<CodeReady, String> {
    let request = HandOff {
        id: id_of(account_id),
        format,
        with_password,
        keychain: None,
    };
    let words = |e: flow::HandOffError| crate::wizard::capitalise(&e.words());
    let exported = flow::export_saved(dir, &request).await.map_err(words)?;
    let code = exported
        .qr()
        .map_err(|e| words(flow::HandOffError::Export(e)))?;
    Ok(CodeReady {
        format,
        code,
        holds_password: exported.holds_password(),
    })
}

async fn write(
    dir: &Path,
    account_id: &str,
    format: Format,
    with_password: bool,
    path: &Path,
) -> Result<(), String> {
    let request = HandOff {
        id: id_of(account_id),
        format,
        with_password,
        keychain: None,
    };
    let words = |e: flow::HandOffError| crate::wizard::capitalise(&e.words());
    let exported = flow::export_saved(dir, &request).await.map_err(words)?;
    let bytes = zeroize::Zeroizing::new(flow::file_bytes(&exported, path).map_err(words)?);
    let path = path.to_path_buf();
    let holds = exported.holds_password();
    tokio::task::spawn_blocking(move || flow::write_file(&path, &bytes, holds))
        .await
        .map_err(|e| e.to_string())?
        .map_err(words)
}
