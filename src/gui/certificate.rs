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
        ui.label(RichText::new(t!("cert-title")).strong());
        facts(ui, test, leaf);
        ui.label(t!(
            "cert-trust-explained",
            host = pin.host.as_str(),
            port = pin.port
        ));
        // Below the checklists and the other server's results: a fixed id.
        let pressed = super::widgets::fixed_scope(ui, ("mailsetup-trust-key", test.role), |ui| {
            ui.button(t!("cert-trust-key")).clicked()
        });
        if pressed {
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
                t!("cert-no-names")
            } else {
                c.sans.join(", ")
            };
            let valid = t!(
                "cert-valid-range",
                from = c.not_before.as_str(),
                until = c.not_after.as_str()
            );
            for (what, value, mono) in [
                (t!("cert-subject"), c.subject.as_str(), false),
                (t!("cert-issued-by"), c.issuer.as_str(), false),
                (t!("cert-names"), names.as_str(), false),
                (t!("cert-valid"), valid.as_str(), false),
                (t!("cert-sha256"), c.sha256.as_str(), true),
                (t!("cert-spki-sha256"), c.spki_sha256.as_str(), true),
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
