//! A raw SASL client for the OAuth2 tests: signs in to Dovecot with a bearer token over IMAP
//! (`AUTHENTICATE`, RFC 3501 with SASL-IR), POP3 (`AUTH`, RFC 5034) and submission (`AUTH`,
//! RFC 4954) on implicit TLS trusting the test CA, with XOAUTH2 (Google's format) or
//! OAUTHBEARER (RFC 7628), and decodes the server's error challenge (RFC 7628 §3.2.2).
//! It plays the app's part in tests/oauth_harness.rs and lets other tests check a token by
//! hand.

use std::io::{BufRead, BufReader, Write};
use std::net::TcpStream;
use std::time::Duration;

use base64::Engine;
use mailsetup::account::{Protocol, Security};
use serde_json::Value;

use super::dovecot::Dovecot;
use super::https_client;

pub const B64: base64::engine::GeneralPurpose = base64::engine::general_purpose::STANDARD;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mech {
    XOAuth2,
    OAuthBearer,
}

/// The SASL initial response (RFC 7628 §3.1; Google's XOAUTH2 format).
pub fn initial_response(mech: Mech, user: &str, token: &str, port: u16) -> String {
    let raw = match mech {
        Mech::XOAuth2 => format!("user={user}\x01auth=Bearer {token}\x01\x01"),
        Mech::OAuthBearer => {
            format!("n,a={user},\x01host=127.0.0.1\x01port={port}\x01auth=Bearer {token}\x01\x01")
        }
    };
    B64.encode(raw)
}

/// How a sign-in ended.
#[derive(Debug)]
pub struct SaslOutcome {
    pub ok: bool,
    /// The server's error challenge, decoded (RFC 7628 §3.2.2).
    pub error_json: Option<Value>,
    /// The final reply line.
    pub last: String,
}

pub type Tls = BufReader<rustls::StreamOwned<rustls::ClientConnection, TcpStream>>;

pub fn connect(dovecot: &Dovecot, protocol: Protocol) -> (Tls, u16) {
    let l = dovecot.listener(protocol, Security::Tls);
    let tcp = TcpStream::connect(l.addr()).expect("connect to Dovecot");
    tcp.set_read_timeout(Some(Duration::from_secs(15)))
        .expect("timeout");
    let name = rustls::pki_types::ServerName::try_from("127.0.0.1").expect("name");
    let conn = rustls::ClientConnection::new(https_client::test_ca_client_config(), name)
        .expect("TLS client");
    (BufReader::new(rustls::StreamOwned::new(conn, tcp)), l.port)
}

pub fn line(s: &mut Tls) -> String {
    let mut l = String::new();
    s.read_line(&mut l).expect("read a reply line");
    l.trim_end().to_string()
}

pub fn send(s: &mut Tls, text: &str) {
    s.get_mut()
        .write_all(format!("{text}\r\n").as_bytes())
        .expect("send");
    s.get_mut().flush().expect("flush");
}

/// After an error challenge: the client's answer, as RFC 7628 §3.2.3 (OAUTHBEARER: one
/// 0x01) and Google's XOAUTH2 (an empty response).
pub fn error_answer(mech: Mech) -> &'static str {
    match mech {
        Mech::OAuthBearer => "AQ==",
        Mech::XOAuth2 => "",
    }
}

pub fn decode_challenge(b64: &str) -> Option<Value> {
    let raw = B64.decode(b64.trim()).ok()?;
    serde_json::from_slice(&raw).ok()
}

pub fn mech_name(mech: Mech) -> &'static str {
    match mech {
        Mech::XOAuth2 => "XOAUTH2",
        Mech::OAuthBearer => "OAUTHBEARER",
    }
}

/// Signs in with a bearer token over `protocol` (implicit TLS) and says how it went.
pub fn sign_in(
    dovecot: &Dovecot,
    protocol: Protocol,
    mech: Mech,
    user: &str,
    token: &str,
) -> SaslOutcome {
    let (mut s, port) = connect(dovecot, protocol);
    let ir = initial_response(mech, user, token, port);
    let name = mech_name(mech);
    match protocol {
        Protocol::Imap => {
            let greeting = line(&mut s);
            assert!(greeting.starts_with("* OK"), "IMAP greeting: {greeting}");
            assert!(
                greeting.contains(&format!("AUTH={name}")),
                "IMAP offers {name}: {greeting}"
            );
            send(&mut s, &format!("a AUTHENTICATE {name} {ir}"));
            let mut reply = line(&mut s);
            let mut error_json = None;
            if let Some(challenge) = reply.strip_prefix("+ ") {
                error_json = decode_challenge(challenge);
                send(&mut s, error_answer(mech));
                reply = line(&mut s);
            }
            SaslOutcome {
                ok: reply.starts_with("a OK"),
                error_json,
                last: reply,
            }
        }
        Protocol::Pop3 => {
            let greeting = line(&mut s);
            assert!(greeting.starts_with("+OK"), "POP3 greeting: {greeting}");
            send(&mut s, &format!("AUTH {name} {ir}"));
            let mut reply = line(&mut s);
            let mut error_json = None;
            if let Some(challenge) = reply.strip_prefix("+ ") {
                error_json = decode_challenge(challenge);
                send(&mut s, error_answer(mech));
                reply = line(&mut s);
            }
            SaslOutcome {
                ok: reply.starts_with("+OK"),
                error_json,
                last: reply,
            }
        }
        Protocol::Smtp => {
            let mut greeting = line(&mut s);
            while greeting.starts_with("220-") {
                greeting = line(&mut s);
            }
            assert!(greeting.starts_with("220"), "SMTP greeting: {greeting}");
            send(&mut s, "EHLO client.example.test");
            let mut ehlo = Vec::new();
            loop {
                let l = line(&mut s);
                let last = !l.starts_with("250-");
                ehlo.push(l);
                if last {
                    break;
                }
            }
            assert!(
                ehlo.iter().any(|l| l.contains("AUTH") && l.contains(name)),
                "submission offers {name}: {ehlo:?}"
            );
            send(&mut s, &format!("AUTH {name} {ir}"));
            let mut reply = line(&mut s);
            let mut error_json = None;
            if let Some(challenge) = reply.strip_prefix("334 ") {
                error_json = decode_challenge(challenge);
                send(&mut s, error_answer(mech));
                reply = line(&mut s);
            }
            SaslOutcome {
                ok: reply.starts_with("235"),
                error_json,
                last: reply,
            }
        }
    }
}

pub const PROTOCOLS: [Protocol; 3] = [Protocol::Imap, Protocol::Pop3, Protocol::Smtp];
pub const MECHS: [Mech; 2] = [Mech::XOAuth2, Mech::OAuthBearer];

/// Every protocol and mechanism signs in with `token` for `user`.
pub fn assert_all_sign_in(dovecot: &Dovecot, user: &str, token: &str) {
    for protocol in PROTOCOLS {
        for mech in MECHS {
            let out = sign_in(dovecot, protocol, mech, user, token);
            assert!(
                out.ok,
                "{protocol:?} {mech:?} refused a good token: {out:?}\nDovecot log:\n{}",
                dovecot.log_text()
            );
        }
    }
}

/// The error status Dovecot 2.3 sends: it depends on the mechanism only, not on the cause
/// (inactive, revoked, expired, unknown, or another user's token all look the same).
pub fn dovecot_status(mech: Mech) -> &'static str {
    match mech {
        Mech::XOAuth2 => "401",
        Mech::OAuthBearer => "invalid_token",
    }
}

/// Every protocol and mechanism refuses `token` with Dovecot's error JSON.
pub fn assert_all_refused(dovecot: &Dovecot, user: &str, token: &str) {
    for protocol in PROTOCOLS {
        for mech in MECHS {
            let out = sign_in(dovecot, protocol, mech, user, token);
            assert!(
                !out.ok,
                "{protocol:?} {mech:?} accepted a bad token: {out:?}"
            );
            let json = out.error_json.as_ref().unwrap_or_else(|| {
                panic!("{protocol:?} {mech:?}: no error JSON before the failure: {out:?}")
            });
            assert_eq!(
                json["status"],
                dovecot_status(mech),
                "{protocol:?} {mech:?}: {json}"
            );
            if mech == Mech::XOAuth2 {
                assert_eq!(json["schemes"], "bearer", "{protocol:?}: {json}");
            }
            let failed = match protocol {
                Protocol::Imap => "a NO [AUTHENTICATIONFAILED]",
                Protocol::Pop3 => "-ERR [AUTH]",
                Protocol::Smtp => "535 5.7.8",
            };
            assert!(
                out.last.starts_with(failed),
                "{protocol:?} {mech:?}: {}",
                out.last
            );
        }
    }
}
