//! Shared pieces of the fuzz targets: the engine's source files (compiled here, see
//! Cargo.toml), one tokio runtime per thread, the fixed account a session signs in with, and
//! the check that no form of its password reached any output.

#![allow(dead_code, unused_imports)]

#[path = "../../src/account.rs"]
pub mod account;
#[path = "../../src/net.rs"]
pub mod net;
#[path = "../../src/probe/mod.rs"]
pub mod probe;
#[path = "../../src/report.rs"]
pub mod report;

#[path = "../../src/discover"]
pub mod discover {
    #[path = "config_v11.rs"]
    pub mod config_v11;
}

#[path = "../../src/store"]
pub mod store {
    #[path = "atomic.rs"]
    pub mod atomic;
    #[path = "file.rs"]
    pub mod file;
    #[path = "lock.rs"]
    pub mod lock;
    #[path = "model.rs"]
    pub mod model;
}

use std::cell::RefCell;

use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use crate::account::{Protocol, Security, ServerSettings};
use crate::probe::fuzzing::converse;
use crate::probe::{ProbeOptions, ProbeReport, CertTrust};
use secrecy::SecretString;

/// The password every session signs in with: non-ASCII, SASL and quoting characters.
pub const PASSWORD: &str = "Fz-pw\"ä\\9";
pub const USERNAME: &str = "alice@example.com";

struct Env {
    rt: tokio::runtime::Runtime,
    opts: ProbeOptions,
}

thread_local! {
    static ENV: RefCell<Option<Env>> = const { RefCell::new(None) };
}

/// What the first byte of a session input chooses: security and read chunk size.
pub fn split_session(data: &[u8]) -> (Security, usize, &[u8]) {
    let Some((&first, script)) = data.split_first() else {
        return (Security::Plain, 1, data);
    };
    let security = match first & 3 {
        1 => Security::StartTls,
        2 => Security::Tls,
        _ => Security::Plain,
    };
    let chunk = [1, 2, 3, 7, 64, 512, 4096, 65536][usize::from((first >> 2) & 7)];
    (security, chunk, script)
}

/// Runs one session of `protocol` against a server that says `data` (see `split_session`)
/// and checks every output of the report for the password.
pub fn session(protocol: Protocol, data: &[u8]) -> ProbeReport {
    let (security, chunk, script) = split_session(data);
    let settings = ServerSettings {
        protocol,
        host: "mail.example.com".into(),
        port: protocol.default_port(security),
        security,
        username: USERNAME.into(),
    };
    let password = SecretString::from(PASSWORD);
    let report = ENV.with(|cell| {
        let mut cell = cell.borrow_mut();
        let env = cell.get_or_insert_with(|| {
            let rt = tokio::runtime::Builder::new_current_thread()
                .enable_time()
                .build()
                .expect("a tokio runtime");
            let trust = CertTrust::with_extra_roots(Vec::new()).expect("platform trust");
            let mut opts = ProbeOptions::new(trust);
            opts.allow_plaintext = true;
            Env { rt, opts }
        });
        env.rt
            .block_on(converse(&settings, &password, &env.opts, script, chunk))
    });
    let outputs = [
        format!("{report:?}"),
        crate::report::text(&report, true),
        crate::report::markdown(&report),
        serde_json::to_string(&report).expect("a report serialises"),
    ];
    for out in &outputs {
        assert_no_password(out, script);
    }
    report
}

/// The forms the password takes on the wire (RFC 4616 PLAIN, LOGIN, IMAP quoted).
pub fn password_forms() -> Vec<String> {
    vec![
        PASSWORD.to_string(),
        PASSWORD.replace('\\', "\\\\").replace('"', "\\\""),
        B64.encode(PASSWORD),
        B64.encode(format!("\0{USERNAME}\0{PASSWORD}")),
        B64.encode(format!("{USERNAME}\0{USERNAME}\0{PASSWORD}")),
    ]
}

/// Panics when `out` holds a form of the password. A server that echoes the password gets
/// it masked like everything it says, so there is no exception for what the server sent.
/// (The password has no space: servers' words are split and joined again at spaces.)
pub fn assert_no_password(out: &str, _server_said: &[u8]) {
    for form in password_forms() {
        if out.contains(&form) {
            panic!("a form of the password reached the output: {form:?} in {out:?}");
        }
    }
}

/// Lossy text of fuzz bytes.
pub fn text(data: &[u8]) -> String {
    String::from_utf8_lossy(data).into_owned()
}

/// Protocol chosen by name, for the three session targets.
pub fn protocol(name: &str) -> Protocol {
    match name {
        "imap" => Protocol::Imap,
        "pop3" => Protocol::Pop3,
        _ => Protocol::Smtp,
    }
}
