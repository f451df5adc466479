//! The certificate card on the testing page: when a server's certificate is not signed by an
//! authority this computer trusts, it shows who the certificate names (subject, issuer, names,
//! validity) and its two fingerprints (SHA-256 of the certificate and of its public key), and
//! offers "Trust this server's key" for that host and port — never "accept any certificate".
//! Also the warning on a server that verified through a TLS-inspecting product or a pinned
//! key. The rule for when to offer is the wizard's (`wizard::pin::key_offer`).

use egui::{RichText, Ui};

use crate::probe::{CertificateInfo, ProbeReport};
use crate::wizard::pin::key_offer;
use crate::wizard::{Event, ServerTest};

use super::theme::palette;
use super::widgets::{Mark, boxed, marked};

/// The card and its button, when the test failed on an untrusted certificate.
pub fn card(ui: &mut Ui, test: &ServerTest, out: &mut Vec<Event>) {
    let Some((leaf, pin)) = test.report.as_deref().and_then(key_offer) else {
        return;
    };
    let p = palette(ui);
    boxed(ui, p.warn_fill, p.warn, |ui| {
        ui.label(RichText::new("The server's certificate").strong());
        facts(ui, test, leaf);
        ui.label(format!(
            "If this is your own server (or its owner confirmed the key's fingerprint), you can trust this key for {}:{} only. Its name and dates are still checked, and you will be warned if the key ever changes.",
            pin.host, pin.port
        ));
        if ui.button("Trust this server's key").clicked() {
            out.push(Event::TrustServerKey { role: test.role });
        }
    });
}

/// Subject, issuer, names, validity and the two fingerprints, as a two-column grid.
fn facts(ui: &mut Ui, test: &ServerTest, c: &CertificateInfo) {
    egui::Grid::new(("certificate", test.role))
        .num_columns(2)
        .spacing([10.0, 4.0])
        .show(ui, |ui| {
            let names = if c.sans.is_empty() {
                "(none)".to_string()
            } else {
                c.sans.join(", ")
            };
            let valid = format!("{} to {}", c.not_before, c.not_after);
            for (what, value, mono) in [
                ("Subject", c.subject.as_str(), false),
                ("Issued by", c.issuer.as_str(), false),
                ("Names", names.as_str(), false),
                ("Valid", valid.as_str(), false),
                ("Certificate SHA-256", c.sha256.as_str(), true),
                ("Public key SHA-256", c.spki_sha256.as_str(), true),
            ] {
                ui.label(what);
                let text = RichText::new(value);
                ui.label(if mono { text.monospace() } else { text });
                ui.end_row();
            }
        });
}

/// The warnings of a server that verified: a TLS-inspecting product hides the real
/// certificate, or the key was trusted by its fingerprint.
pub fn warnings(ui: &mut Ui, report: &ProbeReport) {
    let Some(tls) = report.tls.as_ref().filter(|t| !t.warnings.is_empty()) else {
        return;
    };
    if !report.is_verified() {
        return;
    }
    let p = palette(ui);
    boxed(ui, p.warn_fill, p.warn, |ui| {
        for w in &tls.warnings {
            marked(ui, Mark::Skipped, RichText::new(w).color(p.warn));
        }
    });
}
