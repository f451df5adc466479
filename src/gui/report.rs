//! The technician's part of the window: "Copy report" and "Save report…" (testing and done
//! pages), the live transcript of the technician view, and the work behind them.
//!
//! The buttons send the wizard a report request with a header made now (version, system,
//! UTC time); the wizard answers with the Markdown to copy or save. Copying goes through
//! egui (`copy_text`). Saving asks the system's file dialog (`rfd`: the XDG desktop portal
//! on Linux, the native panels on Windows and macOS) on a thread of its own, so the window
//! keeps drawing, and tells the wizard where the person wants it; the runtime writes it
//! (`Effect::WriteReport`). Tests put a fixed
//! path in place of the dialog (`SaveTarget::Fixed`). The view switch and the language
//! chosen in the window are remembered in `window.json` in the configuration folder.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, Sender, channel};

use egui::{RichText, Ui};
use serde::{Deserialize, Serialize};

use crate::i18n::Language;
use crate::report::{Header, line_prefix};
use crate::wizard::{Event, ReportAction, Role, TechnicianEffect, TechnicianEvent, Wizard};

use super::theme::palette;

/// A dialog that ends sooner than this was never shown (rfd says only "no file").
const NO_DIALOG: std::time::Duration = std::time::Duration::from_millis(300);

/// Where "Save report…" writes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveTarget {
    /// Ask with the system's file dialog.
    Dialog,
    /// Write to this file without asking (tests).
    Fixed(PathBuf),
}

/// Carries out the wizard's technician effects and brings their answers back.
pub(super) struct ReportDesk {
    pub(super) target: SaveTarget,
    /// The settings file of the window (`window.json`), if a folder is known.
    prefs: Option<PathBuf>,
    tx: Sender<Event>,
    rx: Receiver<Event>,
}

/// What the window remembers between starts.
#[derive(Debug, Default, Serialize, Deserialize)]
struct Prefs {
    #[serde(default)]
    technician_view: bool,
    /// The language chosen with the window's selector (a tag such as "de"); none: the
    /// system's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    language: Option<String>,
}

impl ReportDesk {
    /// A desk that saves through the dialog and keeps its settings in `config_dir`.
    pub(super) fn new(config_dir: Option<&Path>) -> Self {
        let (tx, rx) = channel();
        let prefs = crate::store::resolve_config_dir(config_dir)
            .ok()
            .map(|d| d.join("window.json"));
        Self {
            target: SaveTarget::Dialog,
            prefs,
            tx,
            rx,
        }
    }

    /// The remembered "Technician view" switch (off when nothing is remembered).
    pub(super) fn remembered_view(&self) -> bool {
        self.load().technician_view
    }

    /// The language chosen in the window at an earlier start, if any.
    pub(super) fn remembered_language(&self) -> Option<Language> {
        self.load()
            .language
            .as_deref()
            .and_then(Language::from_locale)
    }

    /// Remembers the language chosen with the selector.
    pub(super) fn remember_language(&self, language: Language) {
        let mut prefs = self.load();
        prefs.language = Some(language.tag().to_string());
        self.store(&prefs);
    }

    /// What `window.json` holds (defaults when it is missing or unreadable).
    fn load(&self) -> Prefs {
        use std::io::Read;
        let Some(path) = &self.prefs else {
            return Prefs::default();
        };
        let mut text = String::new();
        let read = std::fs::File::open(path).and_then(|f| f.take(4096).read_to_string(&mut text));
        match read {
            Ok(_) => serde_json::from_str(&text).unwrap_or_default(),
            Err(_) => Prefs::default(),
        }
    }

    /// Events that came back from work done here (a saved report).
    pub(super) fn answers(&self) -> Vec<Event> {
        self.rx.try_iter().collect()
    }

    /// Carries out one technician effect.
    pub(super) fn execute(&self, ctx: &egui::Context, effect: TechnicianEffect) {
        match effect {
            TechnicianEffect::Copy(text) => ctx.copy_text(text),
            TechnicianEffect::RememberView(on) => self.remember(on),
            TechnicianEffect::Save { text, file_name } => {
                let tx = self.tx.clone();
                let ctx = ctx.clone();
                let target = self.target.clone();
                let work = move || {
                    let asked = std::time::Instant::now();
                    let path = match target {
                        SaveTarget::Fixed(path) => Ok(path),
                        SaveTarget::Dialog => ask_path(&file_name).ok_or(asked.elapsed()),
                    };
                    let event = match path {
                        // The runtime writes it (`Effect::WriteReport`): the window writes no file.
                        Ok(path) => TechnicianEvent::WriteTo { path, text },
                        // No person closes a dialog this fast: none could be shown.
                        Err(after) if after < NO_DIALOG => {
                            TechnicianEvent::Saved(Err(t!("report-no-dialog")))
                        }
                        // The person closed the dialog: nothing to say.
                        Err(_) => return,
                    };
                    let _ = tx.send(Event::Technician(event));
                    ctx.request_repaint();
                };
                if matches!(self.target, SaveTarget::Fixed(_)) {
                    work();
                } else {
                    std::thread::spawn(work);
                }
            }
        }
    }

    /// "Browse…" for a certificate authority file: the system's open dialog on a thread of
    /// its own; the chosen path comes back as the manual field's new text.
    pub(super) fn pick_ca_file(&self, ctx: &egui::Context) {
        let tx = self.tx.clone();
        let ctx = ctx.clone();
        std::thread::spawn(move || {
            let dialog = rfd::AsyncFileDialog::new()
                .set_title(t!("manual-browse-title"))
                .add_filter("PEM", &["pem", "crt", "cer"]);
            if let Some(file) = futures::executor::block_on(dialog.pick_file()) {
                let path = file.path().display().to_string();
                let field = crate::wizard::ManualField::ExtraCaFile(path);
                let _ = tx.send(Event::Manual(field));
                ctx.request_repaint();
            }
        });
    }

    fn remember(&self, on: bool) {
        let mut prefs = self.load();
        prefs.technician_view = on;
        self.store(&prefs);
    }

    fn store(&self, prefs: &Prefs) {
        let Some(path) = &self.prefs else { return };
        let Ok(text) = serde_json::to_vec_pretty(prefs) else {
            return;
        };
        // Not worth bothering the person over: the switch just will not be remembered.
        if let Some(dir) = path.parent()
            && std::fs::create_dir_all(dir).is_ok()
            && let Err(e) =
                crate::store::atomic::replace(&crate::store::atomic::RealDisk, path, &text)
        {
            tracing::warn!(
                "could not remember the window's settings in {}: {e:?}",
                path.display()
            );
        }
    }
}

/// The system's save dialog (blocks this thread until the person answers).
fn ask_path(file_name: &str) -> Option<PathBuf> {
    let dialog = rfd::AsyncFileDialog::new()
        .set_title(t!("report-save-title"))
        .set_file_name(file_name)
        .add_filter("Markdown", &["md"]);
    futures::executor::block_on(dialog.save_file()).map(|h| h.path().to_path_buf())
}

/// "Copy report" and "Save report…", with what became of the last one.
pub(super) fn buttons(ui: &mut Ui, w: &Wizard, out: &mut Vec<Event>) {
    if !w.has_report() {
        return;
    }
    let p = palette(ui);
    // "Both servers work" appears above them when the last test passes: a fixed id.
    super::widgets::fixed_scope(ui, "mailsetup-report-buttons", |ui| {
        ui.horizontal_wrapped(|ui| {
            let copy = ui
                .button(t!("report-copy"))
                .on_hover_text(t!("report-copy-hover"));
            if copy.clicked() {
                out.push(request(ReportAction::Copy));
            }
            let save = ui
                .button(t!("report-save"))
                .on_hover_text(t!("report-save-hover"));
            if save.clicked() {
                out.push(request(ReportAction::Save));
            }
            if let Some(note) = w.report_note() {
                ui.label(RichText::new(note).small().color(p.muted));
            }
        });
    });
}

fn request(action: ReportAction) -> Event {
    Event::Technician(TechnicianEvent::Report {
        action,
        header: Box::new(Header::now()),
    })
}

/// The "Technician view" switch.
pub(super) fn switch(ui: &mut Ui, w: &Wizard, out: &mut Vec<Event>) {
    let mut on = w.technician_view();
    let r = ui
        .checkbox(&mut on, t!("report-technician-view"))
        .on_hover_text(t!("report-technician-view-hover"));
    super::focus::outside_page(&r);
    if r.changed() {
        out.push(Event::Technician(TechnicianEvent::View(on)));
    }
}

/// The live transcript of one role's test (technician view).
pub(super) fn live_transcript(ui: &mut Ui, w: &Wizard, role: Role) {
    let lines = w.transcript(role);
    let p = palette(ui);
    ui.label(
        RichText::new(t!(
            "report-live-transcript",
            role = role.label().to_lowercase()
        ))
        .small()
        .color(p.muted),
    );
    let mut text = String::new();
    let mut last_server = None;
    for l in &lines {
        if last_server != Some(&l.server) {
            text.push_str(&format!("-- {}\n", l.server));
            last_server = Some(&l.server);
        }
        let arrow = line_prefix(l.line.direction);
        text.push_str(&format!("{:>6} ms {arrow} {}\n", l.line.at_ms, l.line.text));
    }
    if lines.is_empty() {
        text.push_str(&t!("report-nothing-yet"));
    }
    egui::ScrollArea::vertical()
        .id_salt(("live", role))
        .max_height(160.0)
        .stick_to_bottom(true)
        .show(ui, |ui| {
            ui.label(RichText::new(text).monospace().small());
        });
}
