//! Microsoft 365, where passwords for IMAP, POP and SMTP are off unless the organisation's
//! administrator allowed them: recognised from the MX (a loopback DNS server answering
//! `*.mail.protection.outlook.com`) and from a tenant address; the window says it before a
//! password is typed, also for a domain of its own that Microsoft's Autodiscover v2 endpoint
//! (on loopback) confirms; a 5.7.139 refusal from a scripted server with Microsoft's words says
//! what to ask the administrator (CLI JSON).

#![allow(clippy::unwrap_used, clippy::expect_used)] // A panic in a test is its failure.

mod gui_common;
mod netsupport;
mod support;

use std::process::Stdio;

use egui_kittest::kittest::Queryable;
use gui_common::{app, fill, offline_config};
use mailsetup::account::{EmailAddress, Protocol};
use mailsetup::discover::{self, SourceId};
use mailsetup::runtime::RuntimeConfig;
use netsupport::{Net, Reply};
use support::script::Script;

const BIN: &str = env!("CARGO_BIN_EXE_mailsetup");

#[tokio::test]
async fn an_mx_at_protection_outlook_com_is_microsoft_365() {
    let net = Net::start().await;
    net.dns.mx(
        "contoso.test",
        0,
        "contoso-test.mail.protection.outlook.com",
    );
    let mut o = net.options();
    o.sources = [SourceId::Mx].into_iter().collect();
    let r = discover::discover(&EmailAddress::parse("kim@contoso.test").unwrap(), &o).await;
    let notes = r.provider.as_ref().expect("a provider");
    assert_eq!(notes.id, "microsoft365");
    assert!(
        notes.matched.contains("protection.outlook.com"),
        "{}",
        notes.matched
    );
    assert!(
        notes
            .enable_first
            .as_deref()
            .unwrap()
            .contains("administrator"),
        "{notes:?}"
    );
    let smtp = r.best(Protocol::Smtp).unwrap();
    assert_eq!(smtp.endpoint_text(), "smtp.office365.com:587 STARTTLS");
}

#[test]
fn the_window_warns_before_the_password_is_typed() {
    let mut h = app(offline_config());
    h.run_steps(2);
    fill(&mut h, "Email address", "kim@contoso.onmicrosoft.com");
    support::wait_until(std::time::Duration::from_secs(5), || {
        h.run_steps(1);
        h.state().wizard().note().is_some()
    });
    assert!(
        h.state().wizard().password_missing(),
        "no password typed yet"
    );
    h.get_by_label("Microsoft 365 (work or school account)");
    h.get_by_label_contains("Microsoft switched passwords off for IMAP, POP and SMTP");
    h.get_by_label_contains("Before you start: your organisation's administrator must allow");
}

#[test]
fn a_domain_microsoft_365_confirms_is_named_in_the_window_before_the_password_is_typed() {
    let rt = tokio::runtime::Runtime::new().expect("runtime");
    let net = rt.block_on(async {
        let net = Net::start().await;
        net.dns
            .mx("fabrikam.test", 0, "fabrikam-test.mail.protection.outlook.com");
        net.web.https(
            "m365.test",
            "/autodiscover/autodiscover.json/v1.0/postmaster@fabrikam.test",
            Reply::Json(
                r#"{"Protocol":"AutodiscoverV1","Url":"https://outlook.office365.com/autodiscover/autodiscover.xml"}"#
                    .into(),
            ),
        );
        net
    });
    let mut config = RuntimeConfig::new(vec![net.ca.cert_der()]).expect("trust");
    config.set_discovery(net.options());
    let mut h = app(config);
    h.run_steps(2);
    fill(&mut h, "Email address", "kim@fabrikam.test");
    gui_common::step_until(
        &mut h,
        std::time::Duration::from_secs(10),
        "the Microsoft 365 note",
        |app| app.wizard().note().is_some(),
    );
    assert!(
        h.state().wizard().password_missing(),
        "no password typed yet"
    );
    assert_eq!(h.state().wizard().note().unwrap().id, "microsoft365");
    h.get_by_label("Microsoft 365 (work or school account)");
    h.get_by_label_contains("Before you start: your organisation's administrator must allow");
    // Microsoft was asked about the domain, never about the person's own address.
    let asked: Vec<String> = net
        .web
        .seen()
        .into_iter()
        .filter(|s| s.host == "m365.test")
        .map(|s| s.target)
        .collect();
    assert_eq!(asked.len(), 1, "{asked:?}");
    assert!(!asked[0].contains("kim@"), "{asked:?}");
    drop(rt);
}

#[test]
fn smtp_client_authentication_disabled_says_what_to_ask_the_admin() {
    let server = Script::new(Protocol::Smtp)
        .greeting("220 AM0PR01CA0001.outlook.office365.com Microsoft ESMTP MAIL Service ready")
        .reply("535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information.")
        .start();
    let out = std::process::Command::new(BIN)
        .args(["diagnose", "kim@contoso.test", "--smtp"])
        .arg(format!("127.0.0.1:{}/tls", server.port))
        .arg("--ca-file")
        .arg(&support::pki().ca_pem)
        .args(["--password-env", "MST_M365_PW", "--json", "--timeout", "5"])
        .args(["--connectivity-url", "off"])
        .env("MST_M365_PW", "tenant-pw-1")
        .stdin(Stdio::null())
        .output()
        .expect("run mailsetup");
    let text = String::from_utf8_lossy(&out.stdout);
    let doc: serde_json::Value =
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("not JSON ({e}): {text}"));
    let d = &doc["servers"][0]["outcome"]["diagnosis"];
    assert_eq!(d["cause"], "protocol_disabled", "{doc:#}");
    let advice = d["advice"].as_str().unwrap();
    assert!(advice.contains("Authenticated SMTP"), "{advice}");
    assert!(advice.contains("administrator"), "{advice}");
    assert!(
        d["server_reply"]
            .as_str()
            .unwrap()
            .contains("SmtpClientAuthentication"),
        "{doc:#}"
    );
}
