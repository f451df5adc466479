//! OAuth with no pre-registered client (draft-ietf-mailmaint-oauth-public), end to end with
//! real parts only: the test authorization server (oidc-provider over HTTPS, `support::oidc`)
//! with dynamic client registration (RFC 7591), resource indicators (RFC 8707) and its
//! RFC 8414 metadata switched on; Chromium signing in on its pages (`support::oidc_browser`);
//! a Dovecot that introspects every token at that server (`support::oauth_dovecot`); and
//! discovery's loopback DNS and HTTPS servers (`netsupport`), which publish the domain's
//! config-v1.1 file with its servers and an `<oAuth2>` block naming the issuer.
//!
//! Read like support tickets:
//! - a domain whose own HTTPS autoconfig names the issuer, with no client id configured
//!   anywhere: mailsetup registers itself at the issuer (a native public client), signs in
//!   through the browser (without `--browser`: the registered app has the code flow only)
//!   with PKCE asking for the IMAP server as the resource, the servers
//!   verify with OAUTHBEARER, the account is saved with the registration; `accounts check`
//!   later refreshes with the kept registration and resource, and registers nothing again;
//!   `accounts remove` gives the refresh token back as that client;
//! - the same issuer named by a file that came over plain HTTP: no registration request ever
//!   reaches the server;
//! - an issuer that offers no registration: `oauth_client_id_missing`, saying why;
//! - the issuer named by the domain's digest-checked PACC file (draft-ietf-mailmaint-pacc)
//!   instead: the same registration and sign-in, with the servers given by hand (a PACC file
//!   names hosts only, on the standard ports).
//!
//! Needs the keychain session `scripts/test` sets up (`keyctl session -`).
#![allow(clippy::unwrap_used, clippy::expect_used)] // A panic in a test is its failure.

mod netsupport;
mod support;

use std::path::{Path, PathBuf};

use mailsetup::account::{Protocol, Security};

use netsupport::{LOOPBACK, Net, Reply};
use support::dovecot::Dovecot;
use support::oauth_cli::{
    Run, assert_secret_free, config_dir, files_text, run, saved_refresh_token,
};
use support::oidc::{AuthServer, AuthServerOptions, DEFAULT_SCOPE};
use support::oidc_browser::{Consent, browser_env, require_chromium};
use support::pki::pki;
use support::{auth_server, dovecot_with_oauth};

const ADDRESS: &str = "traveller@example.test";
const CONFIG_PATH: &str = "/mail/config-v1.1.xml";
const ACCOUNT: &str = "traveller-example-test";

/// An authorization server that lets apps register themselves and names resources.
fn open_server() -> AuthServer {
    AuthServer::start(&AuthServerOptions {
        registration: true,
        resource_indicators: true,
        oauth_metadata: true,
        ..AuthServerOptions::default()
    })
}

/// A config-v1.1 file naming `dovecot`'s implicit-TLS IMAP and SMTP servers (as
/// `localhost`, which its certificate names) and `server` as the issuer.
fn config_with_oauth2(server: &AuthServer, dovecot: &Dovecot) -> String {
    let port = |p| dovecot.listener(p, Security::Tls).addr().port();
    let entry = |tag: &str, kind: &str, port: u16| {
        format!(
            "<{tag} type=\"{kind}\"><hostname>localhost</hostname><port>{port}</port>\
             <socketType>SSL</socketType><username>%EMAILADDRESS%</username>\
             <authentication>OAuth2</authentication></{tag}>"
        )
    };
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<clientConfig version="1.1">
  <emailProvider id="example.test">
    <domain>example.test</domain>
    <displayName>Example Test Mail</displayName>
    {}
    {}
  </emailProvider>
  <oAuth2>
    <issuer>{issuer}</issuer>
    <scope>{DEFAULT_SCOPE}</scope>
    <authURL>{issuer}/auth</authURL>
    <tokenURL>{token}</tokenURL>
  </oAuth2>
</clientConfig>"#,
        entry("incomingServer", "imap", port(Protocol::Imap)),
        entry("outgoingServer", "smtp", port(Protocol::Smtp)),
        issuer = server.issuer,
        token = server.token_endpoint(),
    )
}

/// Discovery's loopback servers (on their own runtime, which must outlive the test), with
/// `autoconfig.example.test` and `localhost` in the test DNS.
fn network() -> (tokio::runtime::Runtime, Net) {
    let rt = tokio::runtime::Runtime::new().expect("runtime");
    let net = rt.block_on(Net::start());
    net.dns.a("autoconfig.example.test", LOOPBACK);
    net.dns.a("localhost", LOOPBACK);
    (rt, net)
}

/// One PEM file with discovery's test CA and the mail and authorization servers' CA.
fn both_cas(net: &Net, dir: &Path) -> PathBuf {
    let path = dir.join("both-cas.pem");
    let mail_ca = std::fs::read_to_string(&pki().ca_pem).expect("the test CA");
    std::fs::write(&path, format!("{}\n{mail_ca}", net.ca.cert_pem())).expect("write CAs");
    path
}

/// `diagnose --oauth ADDRESS` with no issuer, client id, servers nor scopes: everything
/// from discovery (with the combined CA file in place of discovery's own).
fn diagnose_args(net: &Net, ca: &Path, extra: &[&str]) -> Vec<String> {
    let mut args: Vec<String> = [
        "diagnose",
        ADDRESS,
        "--oauth",
        "--connectivity-url",
        "off",
        "--timeout",
        "20",
    ]
    .map(String::from)
    .to_vec();
    let mut flags = net.cli_args().into_iter();
    while let Some(flag) = flags.next() {
        let value = flags.next().expect("a flag's value");
        let value = if flag == "--ca-file" {
            ca.display().to_string()
        } else {
            value
        };
        args.extend([flag, value]);
    }
    args.extend(extra.iter().map(|s| s.to_string()));
    args
}

/// The configuration folder as the only place a client id could come from (it has none).
fn no_client_env(dir: &Path) -> Vec<(String, String)> {
    vec![("MAILSETUP_CONFIG_DIR".into(), dir.display().to_string())]
}

fn check(dir: &Path, ca: &Path) -> Run {
    run(
        &[
            "accounts".into(),
            "--config-dir".into(),
            dir.display().to_string(),
            "check".into(),
            ACCOUNT.into(),
            "--ca-file".into(),
            ca.display().to_string(),
        ],
        &[],
        |_| {},
    )
}

#[test]
fn with_no_client_id_anywhere_mailsetup_registers_signs_in_saves_and_refreshes() {
    require_chromium();
    let server = open_server();
    let dovecot = dovecot_with_oauth(&server);
    let (_rt, net) = network();
    net.web.https(
        "autoconfig.example.test",
        CONFIG_PATH,
        Reply::Xml(config_with_oauth2(&server, &dovecot)),
    );
    let dir = config_dir();
    let ca = both_cas(&net, dir.path());
    let folder = dir.path().display().to_string();
    let args = diagnose_args(
        &net,
        &ca,
        &[
            "--json",
            "--save",
            "--config-dir",
            &folder,
            "--keychain",
            "keyutils",
        ],
    );
    let mut env = no_client_env(dir.path());
    env.extend(browser_env(server.traveller(), Consent::Allow, None, false));
    let signed = run(&args, &env, |_| {});
    assert_eq!(signed.code, Some(0), "{}", signed.all());

    // One registration reached the server: a native public client with loopback redirects.
    let registered = server.registrations();
    assert_eq!(registered.len(), 1, "{registered:?}");
    let client = &registered[0];
    assert_eq!(client["application_type"], "native", "{client}");
    assert_eq!(client["token_endpoint_auth_method"], "none", "{client}");
    assert_eq!(client["client_name"], "mailsetup", "{client}");
    assert_eq!(
        client["grant_types"],
        serde_json::json!(["authorization_code", "refresh_token"]),
        "{client}"
    );
    let redirects = client["redirect_uris"].as_array().expect("redirect URIs");
    assert!(
        redirects.iter().any(|r| r == "http://127.0.0.1/"),
        "{client}"
    );
    let client_id = client["client_id"].as_str().expect("a client id");
    assert!(
        signed.stderr.contains(&format!(
            "mailsetup registered itself there as the app {client_id}."
        )),
        "{}",
        signed.all()
    );
    // Without --browser too: the registered app asked for the code flow only.
    assert!(
        signed
            .stderr
            .contains("An app registered this way signs in through the browser."),
        "{}",
        signed.all()
    );

    // The IMAP server is the resource, in the authorization request and the code exchange.
    let imap_port = dovecot
        .listener(Protocol::Imap, Security::Tls)
        .addr()
        .port();
    let resource = format!("imaps://localhost:{imap_port}");
    let seen = server.resources_seen();
    for route in ["authorization", "token"] {
        assert!(
            seen.contains(&(route.to_string(), resource.clone())),
            "{route}: {seen:?}"
        );
    }

    // Both servers verified with the token.
    let doc = signed.json();
    let servers = doc["servers"].as_array().expect("servers");
    assert_eq!(servers.len(), 2, "IMAP and SMTP: {doc}");
    for s in servers {
        assert_eq!(s["outcome"]["status"], "verified", "{s}");
        let used = s["server_facts"]["auth_used"].as_str().unwrap_or_default();
        assert!(used.ends_with("OAUTHBEARER"), "{s}");
    }
    assert!(doc["saved"]["id"].is_string(), "{doc}");

    // The registration and the resource are kept with the account; no secret is.
    let saved = files_text(dir.path());
    assert!(
        saved.contains(&format!("\"client_id\": \"{client_id}\""))
            || saved.contains(&format!("\"client_id\":\"{client_id}\"")),
        "{saved}"
    );
    assert!(
        saved.contains("\"kind\": \"registered\"") || saved.contains("\"kind\":\"registered\""),
        "{saved}"
    );
    assert!(saved.contains(&resource), "{saved}");
    let refresh_1 = saved_refresh_token(dir.path());
    // `accounts list` says so in words.
    let listed = run(
        &[
            "accounts".into(),
            "--config-dir".into(),
            folder.clone(),
            "list".into(),
        ],
        &[],
        |_| {},
    );
    assert_eq!(listed.code, Some(0), "{}", listed.all());
    let endpoint = server.discovery["registration_endpoint"]
        .as_str()
        .expect("a registration endpoint");
    assert!(
        listed.stdout.contains(&format!(
            "by mailsetup itself at {endpoint}, as no client id was configured"
        )) && listed.stdout.contains(&resource),
        "{}",
        listed.all()
    );

    // Later, with no configuration at all: the refresh works as the registered client, for
    // the same resource, and nothing is registered again.
    let checked = check(dir.path(), &ca);
    assert_eq!(checked.code, Some(0), "{}", checked.all());
    assert!(
        checked.stdout.contains("Verified: the saved setup works."),
        "{}",
        checked.all()
    );
    assert_eq!(server.registrations().len(), 1);
    let token_requests = server
        .resources_seen()
        .into_iter()
        .filter(|(route, r)| route == "token" && *r == resource)
        .count();
    assert_eq!(token_requests, 2, "the code exchange and the refresh");
    let refresh_2 = saved_refresh_token(dir.path());
    assert_ne!(refresh_1, refresh_2, "the rotated refresh token was kept");

    // Removing it gives the refresh token back as the registered client (RFC 7009).
    let removed = run(
        &[
            "accounts".into(),
            "--config-dir".into(),
            folder.clone(),
            "remove".into(),
            ACCOUNT.into(),
        ],
        &[],
        |_| {},
    );
    assert_eq!(removed.code, Some(0), "{}", removed.all());
    assert!(
        removed.stdout.contains(&format!(
            "The sign-in at {} was ended: the saved refresh token no longer works there.",
            server.issuer
        )),
        "{}",
        removed.all()
    );

    let mut secrets = vec![refresh_1, refresh_2];
    secrets.push(server.traveller().password.clone());
    for (what, text) in [
        ("diagnose", signed.all()),
        ("check", checked.all()),
        ("list", listed.all()),
        ("remove", removed.all()),
        ("the config dir", files_text(dir.path())),
    ] {
        assert_secret_free(what, &text, &secrets);
    }
}

#[test]
fn an_issuer_named_over_plain_http_never_gets_a_registration_request() {
    let server = open_server();
    let dovecot = dovecot_with_oauth(&server);
    let (_rt, net) = network();
    net.web.http(
        "autoconfig.example.test",
        CONFIG_PATH,
        Reply::Xml(config_with_oauth2(&server, &dovecot)),
    );
    let dir = config_dir();
    let ca = both_cas(&net, dir.path());
    let imap = format!(
        "{}/tls",
        dovecot.listener(Protocol::Imap, Security::Tls).hostport()
    );
    let args = diagnose_args(&net, &ca, &["--browser", "--imap", &imap, "--json"]);
    let out = run(&args, &no_client_env(dir.path()), |_| {});
    assert_eq!(out.code, Some(1), "{}", out.all());
    assert_eq!(
        out.json()["oauth"]["error"],
        "oauth_issuer_unconfirmed",
        "{}",
        out.all()
    );
    assert!(server.registrations().is_empty());
    assert!(!out.stderr.contains("registered itself"), "{}", out.all());
}

#[test]
fn an_issuer_without_registration_is_a_missing_client_id_that_says_why() {
    let server = auth_server();
    let (_rt, net) = network();
    let dovecot = support::oauth_dovecot();
    net.web.https(
        "autoconfig.example.test",
        CONFIG_PATH,
        Reply::Xml(config_with_oauth2(server, dovecot)),
    );
    let dir = config_dir();
    let ca = both_cas(&net, dir.path());
    let args = diagnose_args(&net, &ca, &["--browser", "--json"]);
    let out = run(&args, &no_client_env(dir.path()), |_| {});
    assert_eq!(out.code, Some(1), "{}", out.all());
    let doc = out.json();
    assert_eq!(doc["oauth"]["error"], "oauth_client_id_missing", "{doc}");
    let summary = doc["oauth"]["summary"].as_str().unwrap_or_default();
    assert!(
        summary.contains(&server.issuer)
            && summary.contains("does not let apps register themselves"),
        "{summary}"
    );
    let advice = doc["oauth"]["advice"].as_str().unwrap_or_default();
    assert!(advice.contains("--oauth-client-id"), "{advice}");
    // Nobody was sent to sign in.
    assert!(!out.stderr.contains("registered itself"), "{}", out.all());
}

/// The PACC file (draft-ietf-mailmaint-pacc) naming `server` as the public-client issuer, with
/// its digest published at `_ua-auto-config.example.test`, as the domain's only configuration.
fn publish_pacc(net: &Net, server: &AuthServer) {
    let body = serde_json::json!({
        "protocols": {
            "imap": {"host": "localhost"},
            "smtp": {"host": "localhost"}
        },
        "authentication": {"oauth-public": {"issuer": server.issuer}}
    })
    .to_string()
    .into_bytes();
    let digest = ring::digest::digest(&ring::digest::SHA256, &body);
    let digest = base64::Engine::encode(&base64::engine::general_purpose::STANDARD, digest);
    net.dns.a("ua-auto-config.example.test", LOOPBACK);
    net.web.https(
        "ua-auto-config.example.test",
        "/.well-known/user-agent-configuration.json",
        Reply::Bytes(body),
    );
    net.dns.txt(
        "_ua-auto-config.example.test",
        &[&format!("v=UAAC1; a=sha256; d={digest}")],
    );
}

#[test]
fn an_issuer_named_by_the_domains_pacc_file_gets_a_registration_and_a_sign_in() {
    require_chromium();
    let server = open_server();
    let dovecot = dovecot_with_oauth(&server);
    let (_rt, net) = network();
    publish_pacc(&net, &server);
    let dir = config_dir();
    let ca = both_cas(&net, dir.path());
    let at = |p| {
        format!(
            "localhost:{}/tls",
            dovecot.listener(p, Security::Tls).addr().port()
        )
    };
    let (imap, smtp) = (at(Protocol::Imap), at(Protocol::Smtp));
    let args = diagnose_args(&net, &ca, &["--imap", &imap, "--smtp", &smtp, "--json"]);
    let mut env = no_client_env(dir.path());
    env.extend(browser_env(server.traveller(), Consent::Allow, None, false));
    let signed = run(&args, &env, |_| {});
    assert_eq!(signed.code, Some(0), "{}", signed.all());
    // No client id anywhere, the issuer only in the PACC file: one registration, then both
    // servers verified with the tokens of the registered app.
    assert_eq!(server.registrations().len(), 1, "{}", signed.all());
    let doc = signed.json();
    let servers = doc["servers"].as_array().expect("servers");
    assert_eq!(servers.len(), 2, "{doc}");
    for s in servers {
        assert_eq!(s["outcome"]["status"], "verified", "{s}");
        let used = s["server_facts"]["auth_used"].as_str().unwrap_or_default();
        assert!(used.ends_with("OAUTHBEARER"), "{s}");
    }
    assert!(
        net.web
            .seen()
            .iter()
            .any(|s| s.host == "ua-auto-config.example.test"),
        "the PACC file was read"
    );
    assert_secret_free(
        "diagnose",
        &signed.all(),
        &[server.traveller().password.clone()],
    );
}
