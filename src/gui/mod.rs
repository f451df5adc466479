//! The window: an eframe app that draws the wizard's current page and turns clicks and keys
//! into wizard events. One file per page (`account`, `lookup`, `protocol`, `manual`,
//! `testing`, `done`); beside them the parts several pages share: `consent` (confirming a
//! host), `certificate` (a server's certificate and "Trust this server's key"), `report`
//! (Copy report, Save report…, the technician view), `widgets`; `theme` holds the look.
//!
//! Each frame: drain the runtime's events into the wizard, draw the page from `&Wizard`
//! (pages only read it and return events), then apply those events and hand the resulting
//! effects to the runtime. Nothing here decides anything a test could not reach through the
//! wizard. The window repaints only when something changes: input, a runtime event (the
//! runtime calls `request_repaint`), or a spinner that is on screen.
//!
//! Keyboard: Tab moves through the page in reading order, then the buttons left to right;
//! Enter means Next unless a button or box has the focus; Esc means Back (or Cancel where
//! there is no Back). Whatever gets the focus is scrolled into view; after a refused Next the
//! cursor goes to the first field with a problem; each page opens at its top, and a result
//! that appears (a verdict, a failure) is scrolled into view.

mod a11y;
mod account;
mod certificate;
mod consent;
mod done;
mod focus;
pub mod fonts;
mod lookup;
mod manual;
mod navbar;
mod oauth;
mod protocol;
mod qr;
mod report;
mod testing;
pub mod theme;
mod widgets;

use std::sync::mpsc::Receiver;

use egui::{Key, RichText, TextEdit, Ui, UiBuilder};

use crate::i18n::Language;
use crate::runtime::{Runtime, RuntimeConfig};
use crate::wizard::{Effect, Event, Page, SaveProblem, SaveState, TechnicianEvent, Wizard};

pub use report::SaveTarget;

/// The window title in English (the key `window-title` gives it in the chosen language).
pub const TITLE: &str = "Mail Setup";
/// The application id (Wayland app id, X11 WM_CLASS): the desktop file is `<APP_ID>.desktop`,
/// and the AppStream id, macOS bundle id and Windows AppUserModelID are the same string
/// (tests/packaging_static.rs checks them all).
pub const APP_ID: &str = "io.github.mailsetup.MailSetup";
/// The window icon (256×256 PNG, drawn by `examples/make_icon.rs`).
pub const ICON_PNG: &[u8] = include_bytes!("../../assets/icon.png");

/// The eframe app.
pub struct MailSetupApp {
    wizard: Wizard,
    runtime: Runtime,
    events: Receiver<Event>,
    /// For `MAILSETUP_EXIT_AFTER_FIRST_FRAME` (the start-up benchmark).
    exit_after_first_frame: bool,
    frames: u64,
    /// Copies and saves reports, remembers the technician view.
    desk: report::ReportDesk,
    /// Asks where the Done page's hand-off files go.
    hand_off: done::HandOffDesk,
    /// `MAILSETUP_CA_FILE`, as the runtime read it (the manual page shows it in effect).
    environment_ca: Option<std::path::PathBuf>,
}

impl MailSetupApp {
    /// Builds the app with its runtime; the runtime wakes the window when work reports.
    pub fn new(cc: &eframe::CreationContext<'_>, config: RuntimeConfig) -> std::io::Result<Self> {
        theme::apply(&cc.egui_ctx);
        fonts::install(&cc.egui_ctx, crate::i18n::language());
        let ctx = cc.egui_ctx.clone();
        let desk = report::ReportDesk::new(config.config_dir.as_deref());
        let mut wizard = Wizard::new();
        wizard.handle(Event::Technician(TechnicianEvent::View(
            desk.remembered_view(),
        )));
        let environment_ca = config.ca_file.clone();
        wizard.handle(Event::EnvironmentCa(environment_ca.clone()));
        let (runtime, events) =
            Runtime::new(config, std::sync::Arc::new(move || ctx.request_repaint()))?;
        Ok(Self {
            wizard,
            desk,
            hand_off: done::HandOffDesk::new(),
            runtime,
            events,
            exit_after_first_frame: std::env::var_os("MAILSETUP_EXIT_AFTER_FIRST_FRAME").is_some(),
            frames: 0,
            environment_ca,
        })
    }

    /// The wizard (tests read its state).
    pub fn wizard(&self) -> &Wizard {
        &self.wizard
    }

    /// Where "Save report…" writes: the system's dialog, or (tests) a fixed file.
    pub fn set_save_target(&mut self, target: SaveTarget) {
        self.desk.target = target;
    }

    /// Where "Save profile…" and "Save autoconfig…" write: the system's dialog, or (tests)
    /// `Fixed(folder)`, the offered file name in that folder.
    pub fn set_hand_off_target(&mut self, target: SaveTarget) {
        self.hand_off.target = target;
    }

    /// How many runtime tasks are still running (tests check cancellation).
    pub fn running_tasks(&mut self) -> usize {
        self.runtime.running()
    }

    fn apply(&mut self, ctx: &egui::Context, event: Event) {
        for effect in self.wizard.handle(event) {
            match self.runtime.execute(effect) {
                Some(Effect::Technician(t)) => self.desk.execute(ctx, t),
                Some(Effect::HandOff(crate::wizard::HandOffEffect::AskPath {
                    format,
                    file_name,
                })) => self.hand_off.ask(ctx, format, file_name),
                Some(Effect::PickCaFile) => self.desk.pick_ca_file(ctx),
                Some(effect) => window_effect(ctx, effect),
                None => {}
            }
        }
        // The environment's certificate authority, told again to a wizard started afresh
        // ("Add another account").
        if self.wizard.environment_ca() != self.environment_ca.as_deref() {
            let ca = self.environment_ca.clone();
            self.wizard.handle(Event::EnvironmentCa(ca));
        }
    }

    fn drain(&mut self, ctx: &egui::Context) {
        while let Ok(event) = self.events.try_recv() {
            self.apply(ctx, event);
        }
        for event in self.desk.answers() {
            self.apply(ctx, event);
        }
        for event in self.hand_off.answers() {
            self.apply(ctx, event);
        }
    }
}

/// Effects that belong to the window.
fn window_effect(ctx: &egui::Context, effect: Effect) {
    match effect {
        Effect::Close => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
        Effect::OpenUrl(url) => ctx.open_url(egui::OpenUrl::new_tab(url)),
        Effect::ForgetPasswordWidget => forget_password_widget(ctx),
        _ => {}
    }
}

/// The password field's widget id (tests check its state is gone after Next).
pub fn password_field_id() -> egui::Id {
    account::password_id()
}

/// Removes the password field's widget state (egui keeps undo copies of typed text).
pub fn forget_password_widget(ctx: &egui::Context) {
    let id = account::password_id();
    if let Some(mut state) = TextEdit::load_state(ctx, id) {
        // The undo history is shared between clones of the state: empty it first.
        state.clear_undoer();
    }
    ctx.data_mut(|d| d.remove::<egui::text_edit::TextEditState>(id));
}

impl eframe::App for MailSetupApp {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        self.drain(ctx);
    }

    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        self.drain(&ctx);

        // Keys are read before the page is drawn: Enter means Next unless a button or box
        // has the focus (they act on Enter themselves); text fields count as "no button".
        let focused = ctx.memory(|m| m.focused());
        let typing = ctx.egui_wants_keyboard_input();
        let (enter, escape) =
            ctx.input(|i| (i.key_pressed(Key::Enter), i.key_pressed(Key::Escape)));
        let mut out = Vec::new();
        if enter && (focused.is_none() || typing) {
            out.push(Event::Next);
        }
        if escape {
            let failed_save = matches!(self.wizard.save_state(), SaveState::Failed(..));
            if self.wizard.can_go_back() {
                out.push(Event::Back);
            } else if failed_save {
                out.push(Event::Cancel);
            }
        }

        a11y::name_window(&ctx, &t!("window-title"));
        let page = self.wizard.page();
        draw(ui, &self.wizard, &mut out);
        // The language selector's choice: spoken from the next frame on, and remembered.
        if let Some(language) = ctx.data_mut(|d| d.remove_temp::<Language>(language_choice_id())) {
            crate::i18n::set_language(language);
            self.desk.remember_language(language);
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(t!("window-title")));
            ctx.request_repaint();
        }
        let refused = self.wizard.problem_focus();
        for event in out {
            self.apply(&ctx, event);
        }
        // A refused Next: the next frame moves the cursor to the first problem.
        if self.wizard.page() != page || self.wizard.problem_focus() != refused {
            ctx.request_repaint();
        }

        self.frames += 1;
        if self.exit_after_first_frame {
            if self.frames == 1 {
                ctx.request_repaint();
            } else {
                crate::outln!("first-frame");
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
        }
    }
}

/// Selects the first `chars` characters of the text field `id` (its whole text), so typing
/// replaces them.
fn select_all(ctx: &egui::Context, id: egui::Id, chars: usize) {
    use egui::text::{CCursor, CCursorRange};
    let mut state = TextEdit::load_state(ctx, id).unwrap_or_default();
    state.cursor.set_char_range(Some(CCursorRange::two(
        CCursor::new(0),
        CCursor::new(chars),
    )));
    state.store(ctx, id);
}

/// Whether the page differs from the one drawn last frame (the page then opens at its top).
fn page_changed(ui: &Ui, page: Page) -> bool {
    let key = egui::Id::unique("mailsetup-drawn-page");
    let last = ui.ctx().data(|d| d.get_temp::<u8>(key));
    ui.ctx().data_mut(|d| d.insert_temp(key, page as u8));
    let changed = last != Some(page as u8);
    if changed {
        let pass = ui.ctx().cumulative_pass_nr();
        ui.ctx()
            .data_mut(|d| d.insert_temp(widgets::page_opened_id(), pass));
    }
    changed
}

/// Where the cursor goes before a frame is drawn: into the first field of a page that just
/// opened (the password, selected, after "Fix password"), or into the first field with a
/// problem after a refused Next. Returns whether the page just opened.
fn place_cursor(ui: &Ui, w: &Wizard) -> bool {
    let ctx = ui.ctx();
    let opened = page_changed(ui, w.page());
    let first_field = match w.page() {
        // Back from a refused sign-in ("Fix password"): the cursor goes where the fix is.
        Page::Account if w.password_problem().is_some() => Some(account::password_id()),
        Page::Account => Some(account::name_id()),
        Page::Manual => Some(manual::first_field_id()),
        _ => None,
    };
    if let (true, Some(id)) = (opened, first_field) {
        ctx.memory_mut(|m| m.request_focus(id));
        if id == account::password_id() {
            // The old password is selected, so typing replaces it.
            let chars = {
                use secrecy::ExposeSecret;
                w.password().expose_secret().chars().count()
            };
            select_all(ctx, id, chars);
        }
    }
    let key = egui::Id::unique("mailsetup-problem-focus");
    let seen = ctx.data(|d| d.get_temp::<u64>(key)).unwrap_or(0);
    if w.problem_focus() != seen {
        ctx.data_mut(|d| d.insert_temp(key, w.problem_focus()));
        if let Some(first) = w.problems_shown().first() {
            ctx.data_mut(|d| d.insert_temp(focus::focus_request_id(), *first));
        }
    }
    opened
}

/// The text cursor blinks at GTK's default rate (`gtk-cursor-blink-time`, 1200 ms a cycle)
/// and, as GTK does (`gtk-cursor-blink-timeout`), stops blinking a while after the last key
/// or click, so a window left with the cursor in a field stops repainting.
const BLINK_HALF: f32 = 0.6;
/// Seconds of blinking after the last key or click.
const BLINK_FOR: f64 = 6.0;

fn caret(ui: &mut Ui) {
    let (now, acted) = ui.input(|i| {
        let acted = i.events.iter().any(|e| {
            matches!(
                e,
                egui::Event::Key { .. }
                    | egui::Event::Text(_)
                    | egui::Event::Paste(_)
                    | egui::Event::PointerButton { .. }
            )
        });
        (i.time, acted)
    });
    let key = egui::Id::unique("mailsetup-last-input");
    let last = ui.ctx().data(|d| d.get_temp::<f64>(key));
    let last = match last {
        Some(t) if !acted => t,
        _ => {
            ui.ctx().data_mut(|d| d.insert_temp(key, now));
            now
        }
    };
    let cursor = &mut ui.visuals_mut().text_cursor;
    cursor.on_duration = BLINK_HALF;
    cursor.off_duration = BLINK_HALF;
    cursor.blink = now - last < BLINK_FOR;
}

/// Draws the whole window for the wizard's page: header, page body (scrollable), buttons.
pub fn draw(ui: &mut Ui, w: &Wizard, out: &mut Vec<Event>) {
    caret(ui);
    let opened = place_cursor(ui, w);
    egui::CentralPanel::default().show(ui, |ui| {
        let full = ui.available_rect_before_wrap();
        // The bottom bar is as tall as it was last frame (one row, or more when translated
        // buttons do not fit side by side: see `navbar`).
        let nav_id = egui::Id::unique("mailsetup-nav-height");
        let nav_height = ui
            .ctx()
            .data(|d| d.get_temp::<f32>(nav_id))
            .unwrap_or(NAV_HEIGHT);
        let body_rect =
            egui::Rect::from_min_max(full.min, egui::pos2(full.max.x, full.max.y - nav_height));
        let nav_rect = egui::Rect::from_min_max(
            egui::pos2(full.min.x, full.max.y - nav_height + 8.0),
            full.max,
        );

        ui.scope_builder(UiBuilder::new().max_rect(body_rect), |ui| {
            header(ui, w, out);
            let mut area = egui::ScrollArea::vertical()
                .id_salt(("page", w.page() as u8))
                .auto_shrink([false, false]);
            if opened {
                // A page opens at its top, whatever it showed the last time.
                area = area.vertical_scroll_offset(0.0);
            }
            let scroll = area.show(ui, |ui| {
                ui.set_max_width(ui.available_width().min(720.0));
                match w.page() {
                    Page::Account => account::body(ui, w, out),
                    Page::Lookup => lookup::body(ui, w, out),
                    Page::Protocol => protocol::body(ui, w, out),
                    Page::Testing => testing::body(ui, w, out),
                    Page::Manual => manual::body(ui, w, out),
                    Page::Done => done::body(ui, w, out),
                }
                ui.add_space(8.0);
                focus::follow_focus(ui, opened);
            });
            a11y::name_scroll_bars(ui.ctx(), scroll.id, &t!("a11y-scroll-page"));
        });
        let used = ui.scope_builder(UiBuilder::new().max_rect(nav_rect), |ui| {
            ui.separator();
            match w.page() {
                Page::Account => account::nav(ui, w, out),
                Page::Lookup => lookup::nav(ui, w, out),
                Page::Protocol => protocol::nav(ui, w, out),
                Page::Testing => testing::nav(ui, w, out),
                Page::Manual => manual::nav(ui, w, out),
                Page::Done => done::nav(ui, w, out),
            }
        });
        // The height the bar needs: one row of buttons keeps the bar at `NAV_HEIGHT` (its
        // buttons reach into the panel's bottom margin, as they always have); each further
        // row adds what it drew.
        let needed = (used.response.rect.height() + NAV_HEIGHT - ONE_ROW).max(NAV_HEIGHT);
        if (needed - nav_height).abs() > 0.5 {
            ui.ctx().data_mut(|d| d.insert_temp(nav_id, needed));
            ui.ctx().request_repaint();
        }
    });
}

/// The bottom bar's height with one row of buttons.
const NAV_HEIGHT: f32 = 44.0;
/// What the bar draws with one row: the separator and a row of buttons (measured).
const ONE_ROW: f32 = 41.0;

fn header(ui: &mut Ui, w: &Wizard, out: &mut Vec<Event>) {
    let step = match w.page() {
        Page::Account => Some(1),
        Page::Lookup => Some(2),
        Page::Protocol => Some(3),
        Page::Testing | Page::Manual => Some(4),
        Page::Done => Some(5),
    };
    ui.horizontal(|ui| {
        ui.label(RichText::new(t!("window-title")).small().weak());
        if let Some(n) = step {
            ui.label(
                RichText::new(t!("header-step", step = n, steps = 5))
                    .small()
                    .weak(),
            );
        }
        if matches!(w.page(), Page::Testing | Page::Done) {
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                report::switch(ui, w, out);
            });
        }
        if w.page() == Page::Account {
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                language_selector(ui);
            });
        }
    });
    let title = match (w.page(), w.save_state()) {
        (Page::Done, SaveState::Failed(SaveProblem::KeychainUnavailable { .. }, _)) => {
            t!("page-done-keychain-failed")
        }
        (Page::Done, SaveState::Failed(SaveProblem::File { .. }, _)) => t!("page-done-file-failed"),
        (Page::Done, SaveState::Saving(..)) => t!("page-done-saving"),
        (page, _) => page.title(),
    };
    ui.heading(title);
    ui.add_space(4.0);
}

/// Where the language selector leaves a new choice for the app (egui's temporary data).
fn language_choice_id() -> egui::Id {
    egui::Id::unique("mailsetup-language-choice")
}

/// The language selector on the account page: each language by its own name. A new choice
/// is left for the app, which switches and remembers it after the frame.
fn language_selector(ui: &mut Ui) {
    let current = crate::i18n::language();
    let mut chosen = current;
    let response = egui::ComboBox::from_id_salt("mailsetup-language")
        .selected_text(current.native_name())
        .show_ui(ui, |ui| {
            for language in Language::ALL {
                ui.selectable_value(&mut chosen, language, language.native_name());
            }
        })
        .response;
    let label = ui.label(RichText::new(t!("language-label")).small().weak());
    focus::outside_page(&response);
    response.labelled_by(label.id);
    if chosen != current {
        ui.ctx()
            .data_mut(|d| d.insert_temp(language_choice_id(), chosen));
    }
}

/// The language the window starts in: `--lang` or `MAILSETUP_LANG` (passed as `explicit`),
/// else the one chosen in the window before (in `window.json` in `config_dir`), else the
/// system's, else English.
pub fn startup_language(
    config_dir: Option<&std::path::Path>,
    explicit: Option<Language>,
) -> Language {
    explicit
        .or_else(|| report::ReportDesk::new(config_dir).remembered_language())
        .or_else(crate::i18n::system_language)
        .unwrap_or(Language::English)
}

/// Window options: title, app id, icon, size.
pub fn native_options(renderer: eframe::Renderer) -> eframe::NativeOptions {
    let mut viewport = egui::ViewportBuilder::default()
        .with_title(t!("window-title"))
        .with_app_id(APP_ID)
        .with_inner_size([640.0, 620.0])
        .with_min_inner_size([440.0, 420.0]);
    if let Ok(icon) = eframe::icon_data::from_png_bytes(ICON_PNG) {
        viewport = viewport.with_icon(std::sync::Arc::new(icon));
    }
    eframe::NativeOptions {
        viewport,
        renderer,
        // `fonts::install` adds the system font fallback itself, with the window's language.
        system_font_fallback: false,
        ..Default::default()
    }
}

/// Why the window could not open.
#[derive(Debug, thiserror::Error)]
pub enum WindowError {
    #[error("could not set up: {0}")]
    Config(#[from] crate::runtime::ConfigError),
    #[error("could not open the window (OpenGL: {glow})")]
    NoRenderer { glow: String },
}

/// Opens the window and runs until it is closed. The shipped app draws with OpenGL (glow)
/// only: wgpu would add 6 MB to the binary (measured, see packaging/README.md); the tests
/// still render their snapshots with wgpu.
pub fn run(explicit_language: Option<Language>) -> Result<(), WindowError> {
    let config = RuntimeConfig::from_env()?;
    crate::i18n::set_language(startup_language(
        config.config_dir.as_deref(),
        explicit_language,
    ));
    eframe::run_native(
        APP_ID,
        native_options(eframe::Renderer::Glow),
        Box::new(move |cc| Ok(Box::new(MailSetupApp::new(cc, config)?) as Box<dyn eframe::App>)),
    )
    .map_err(|e| WindowError::NoRenderer {
        glow: e.to_string(),
    })
}
