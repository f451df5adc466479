//! A captive portal on loopback, as a hotel Wi-Fi looks before its sign-in page was used: a
//! plain-HTTP server that answers the connectivity check with a redirect to its login page,
//! and mail ports that answer with a certificate for the portal's own name (or with HTTP).
//! The CLI's JSON and the window say "this network wants you to sign in in a browser first";
//! with the check answered as expected the certificate error stays what it is. The
//! connectivity check only ever asks these loopback servers.

#![allow(clippy::unwrap_used, clippy::expect_used)] // A panic in a test is its failure.

mod gui_common;
mod support;

use std::io::{Read, Write};
use std::process::Stdio;
use std::time::Duration;

use egui_kittest::kittest::Queryable;
use gui_common::{app, click, fence, fill, step_until};
use mailsetup::probe::{Cause, ConnectivityCheck};
use mailsetup::runtime::RuntimeConfig;
use serde_json::Value;
use support::faults::{FaultServer, serve};
use support::pki;
use support::script::Script;

const BIN: &str = env!("CARGO_BIN_EXE_mailsetup");
const PASSWORD: &str = "hotel-wifi-secret-1";

/// The portal's web server: the connectivity check is redirected to its login page, which
/// answers 200 with a form. Counts what it was asked in its recorder.
fn portal_web() -> FaultServer {
    serve(|mut conn, seen| {
        let mut buf = [0u8; 4096];
        let n = conn.read(&mut buf).unwrap_or(0);
        let request = String::from_utf8_lossy(&buf[..n]).to_string();
        let first = request.lines().next().unwrap_or("").to_string();
        seen.push(&first);
        let answer = if first.starts_with("GET /success.txt") {
            "HTTP/1.1 302 Found\r\nLocation: http://portal.hotel.test/login?continue=success\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".to_string()
        } else {
            let page = "<html><body><form>Room number <input name=room></form></body></html>";
            format!(
                "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{page}",
                page.len()
            )
        };
        let _ = conn.write_all(answer.as_bytes());
    })
}

/// A web server that answers the check the way the real one does: `success`.
fn open_web() -> FaultServer {
    serve(|mut conn, seen| {
        let mut buf = [0u8; 4096];
        let n = conn.read(&mut buf).unwrap_or(0);
        seen.push(
            String::from_utf8_lossy(&buf[..n])
                .lines()
                .next()
                .unwrap_or(""),
        );
        let _ = conn.write_all(
            b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 8\r\nConnection: close\r\n\r\nsuccess\n",
        );
    })
}

/// A mail port the portal took over: TLS with the portal's certificate.
fn portal_mail() -> FaultServer {
    Script::new(mailsetup::account::Protocol::Imap)
        .cert(&pki().wrong_name)
        .start()
}

fn diagnose(mail_port: u16, check_port: u16) -> Value {
    let out = std::process::Command::new(BIN)
        .args(["diagnose", "guest@example.test", "--imap"])
        .arg(format!("127.0.0.1:{mail_port}/tls"))
        .arg("--ca-file")
        .arg(&pki().ca_pem)
        .args([
            "--timeout",
            "5",
            "--password-env",
            "MST_PORTAL_PW",
            "--json",
        ])
        .arg("--connectivity-url")
        .arg(format!("http://127.0.0.1:{check_port}/success.txt"))
        .env("MST_PORTAL_PW", PASSWORD)
        .stdin(Stdio::null())
        .output()
        .expect("run mailsetup");
    let text = String::from_utf8_lossy(&out.stdout).to_string();
    support::assert_no_secret("diagnose output", &text, "guest@example.test", PASSWORD);
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("not JSON ({e}): {text}"))
}

#[test]
fn a_portal_certificate_with_the_check_redirected_is_captive_portal() {
    let web = portal_web();
    let mail = portal_mail();
    let doc = diagnose(mail.port, web.port);
    let d = &doc["servers"][0]["outcome"]["diagnosis"];
    assert_eq!(d["cause"], "captive_portal", "{doc:#}");
    assert_eq!(
        d["summary"],
        "This network wants you to sign in in a browser first."
    );
    assert!(
        d["advice"]
            .as_str()
            .unwrap()
            .contains("your password was not sent"),
        "{doc:#}"
    );
    assert!(
        d["detail"]
            .as_str()
            .unwrap()
            .contains("302 → http://portal.hotel.test/login"),
        "{doc:#}"
    );
    assert_eq!(web.received(), ["GET /success.txt HTTP/1.1"]);
    assert_eq!(mail.sign_in_attempts(), 0);
}

#[test]
fn an_http_answer_on_the_mail_port_with_a_portal_is_captive_portal() {
    let web = portal_web();
    let mail = support::faults::http();
    let doc = diagnose(mail.port, web.port);
    let d = &doc["servers"][0]["outcome"]["diagnosis"];
    assert_eq!(d["cause"], "captive_portal", "{doc:#}");
}

#[test]
fn with_the_check_answered_a_wrong_name_stays_a_wrong_name() {
    let web = open_web();
    let mail = portal_mail();
    let doc = diagnose(mail.port, web.port);
    let s = &doc["servers"][0];
    assert_eq!(
        s["outcome"]["diagnosis"]["cause"], "certificate_name_mismatch",
        "{doc:#}"
    );
    let check = s["steps"]
        .as_array()
        .unwrap()
        .iter()
        .find(|st| st["kind"] == "network_check")
        .expect("the check is a step");
    assert!(
        check["detail"]
            .as_str()
            .unwrap()
            .ends_with("answered as expected: nothing in the way"),
        "{check:#}"
    );
    assert_eq!(web.received().len(), 1);
}

#[test]
fn the_check_is_not_asked_without_the_symptom() {
    let web = portal_web();
    // A refused port is no portal symptom.
    let doc = diagnose(support::faults::refused_port(), web.port);
    assert_eq!(
        doc["servers"][0]["outcome"]["diagnosis"]["cause"], "connection_refused",
        "{doc:#}"
    );
    assert!(web.received().is_empty(), "{:?}", web.received());
}

#[test]
fn the_window_says_to_sign_in_to_the_network_first() {
    let web = portal_web();
    let mail = portal_mail();
    let roots = mailsetup::trust::pem::read_certificates(&pki().ca_pem).expect("test CA");
    let mut config = RuntimeConfig::new(roots).expect("trust");
    fence(&mut config);
    config.probe.timeouts = support::short_timeouts();
    config.probe.connectivity = Some(ConnectivityCheck {
        url: format!("http://127.0.0.1:{}/success.txt", web.port),
        expected: "success".into(),
    });
    let mut h = app(config);
    h.run_steps(2);
    fill(&mut h, "Email address", "guest@example.test");
    fill(&mut h, "Password", PASSWORD);
    click(&mut h, "Set up manually");
    for (field, value) in [
        ("Incoming server", "127.0.0.1".to_string()),
        ("Incoming port", mail.port.to_string()),
        ("Outgoing server", "127.0.0.1".to_string()),
        ("Outgoing port", mail.port.to_string()),
    ] {
        fill(&mut h, field, &value);
    }
    click(&mut h, "Test settings");
    step_until(&mut h, Duration::from_secs(30), "tests finish", |a| {
        let w = a.wizard();
        w.tests().count() == 2 && !w.testing()
    });
    for t in h.state().wizard().tests() {
        assert_eq!(t.cause(), Some(Cause::CaptivePortal), "{:?}", t.role);
    }
    h.get_all_by_label("This network wants you to sign in in a browser first.")
        .next()
        .unwrap();
    h.get_all_by_label_contains("finish the network's sign-in page")
        .next()
        .unwrap();
}
