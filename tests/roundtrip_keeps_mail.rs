//! The round trip touches only its own message (issue 20 §1), read like support tickets:
//! - "I keep deleted mail until Thunderbird compacts": a message flagged `\Deleted` in INBOX
//!   is still there after `diagnose --round-trip` against the real Dovecot (which offers
//!   UIDPLUS only after the sign-in), and the test message itself is gone;
//! - a server without UIDPLUS and with another message flagged `\Deleted` (a scripted server:
//!   no real server we run lacks UIDPLUS) never receives an `EXPUNGE`; the test message is
//!   left flagged and the result says so;
//! - POP3 signs in again with growing pauses: a 60 s wait for a message that never arrives
//!   costs at most 8 sign-ins, the report counts them, and Dovecot's log agrees.
//!
//! Real Dovecot with a real Postfix delivering over LMTP (`support::dovecot_with_mta`).

#![allow(clippy::unwrap_used, clippy::expect_used)] // A panic in a test is its failure.

mod round_trip_cli;
mod support;

use std::io::{self, Read, Write};
use std::net::TcpStream;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use mailsetup::account::{EmailAddress, Protocol, Security};
use mailsetup::roundtrip::{self, RoundTrip, RoundTripOptions};
use round_trip_cli::cli_round_trip;
use rustls::{ServerConnection, StreamOwned};
use support::dovecot::User;
use support::faults::{FaultServer, Recorder, serve};
use support::{dovecot_with_mta, pki};

#[test]
fn a_message_flagged_deleted_survives_the_cli_round_trip_over_imap() {
    let d = dovecot_with_mta();
    let user = &d.traveller;
    let kept = d.put_flagged_deleted(user, "cli");
    let (code, stdout, stderr) = cli_round_trip(user, Protocol::Imap, &["--json"]);
    assert_eq!(code, 0, "{stdout}\n{stderr}");
    let doc: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let outcome = &doc["round_trip"]["outcome"];
    assert_eq!(outcome["status"], "arrived", "{stdout}");
    // Dovecot offers UIDPLUS after the sign-in: the test message itself is removed.
    assert_eq!(outcome["deleted"], true, "{stdout}");
    assert_eq!(doc["round_trip"]["sign_ins"], 1, "{stdout}");
    let message_id = doc["round_trip"]["message_id"]
        .as_str()
        .unwrap()
        .to_string();
    // The other message, flagged \Deleted by the person's own mail program, is still there.
    assert_eq!(
        d.messages_containing(user, &kept),
        1,
        "the message flagged \\Deleted was expunged along with the test message"
    );
    assert!(
        support::wait_until(Duration::from_secs(5), || d
            .messages_containing(user, &message_id)
            == 0),
        "the test message is still in the mailbox"
    );
}

/// What the scripted pair of servers shares: the Message-ID handed to SMTP.
#[derive(Default)]
struct Mailbox {
    delivered: Mutex<Option<String>>,
}

/// A TLS connection (the good test certificate) read line by line.
struct Conn {
    tls: StreamOwned<ServerConnection, TcpStream>,
    buf: Vec<u8>,
}

impl Conn {
    fn accept(tcp: TcpStream) -> io::Result<Conn> {
        tcp.set_read_timeout(Some(Duration::from_secs(20)))?;
        let server =
            ServerConnection::new(pki().server.server_config()).map_err(io::Error::other)?;
        let mut tls = StreamOwned::new(server, tcp);
        while tls.conn.is_handshaking() {
            tls.conn.complete_io(&mut tls.sock)?;
        }
        Ok(Conn {
            tls,
            buf: Vec::new(),
        })
    }

    fn line(&mut self, rec: &Recorder) -> io::Result<Option<String>> {
        loop {
            if let Some(pos) = self.buf.iter().position(|&b| b == b'\n') {
                let rest = self.buf.split_off(pos + 1);
                let raw = std::mem::replace(&mut self.buf, rest);
                let line = String::from_utf8_lossy(&raw)
                    .trim_end_matches(['\r', '\n'])
                    .to_string();
                rec.push(&line);
                return Ok(Some(line));
            }
            let mut chunk = [0u8; 4096];
            match self.tls.read(&mut chunk) {
                Ok(0) => return Ok(None),
                Ok(n) => self.buf.extend_from_slice(&chunk[..n]),
                Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => return Ok(None),
                Err(e) => return Err(e),
            }
        }
    }

    fn send(&mut self, text: &str) -> io::Result<()> {
        for line in text.lines() {
            self.tls.write_all(format!("{line}\r\n").as_bytes())?;
        }
        self.tls.flush()
    }
}

/// SMTP submission that accepts any sign-in and any message, and remembers its Message-ID.
fn scripted_smtp(mailbox: Arc<Mailbox>) -> FaultServer {
    serve(move |tcp, rec| {
        let _ = (|| -> io::Result<()> {
            let mut c = Conn::accept(tcp)?;
            c.send("220 scripted.mailsetup.test ESMTP")?;
            while let Some(line) = c.line(rec)? {
                let upper = line.to_ascii_uppercase();
                if upper.starts_with("EHLO") {
                    c.send("250-scripted.mailsetup.test\n250 AUTH PLAIN")?;
                } else if upper == "AUTH PLAIN" {
                    c.send("334 ")?;
                    c.line(rec)?;
                    c.send("235 2.7.0 Authentication successful")?;
                } else if upper.starts_with("AUTH") {
                    c.send("235 2.7.0 Authentication successful")?;
                } else if upper.starts_with("MAIL") || upper.starts_with("RCPT") {
                    c.send("250 2.1.0 Ok")?;
                } else if upper == "DATA" {
                    c.send("354 End data with <CR><LF>.<CR><LF>")?;
                    while let Some(l) = c.line(rec)? {
                        if l == "." {
                            break;
                        }
                        if let Some(v) = l.strip_prefix("Message-ID: <") {
                            *mailbox.delivered.lock().unwrap() =
                                Some(v.trim_end_matches('>').to_string());
                        }
                    }
                    c.send("250 2.0.0 Ok: queued as SCRIPTED1")?;
                } else if upper == "QUIT" {
                    c.send("221 2.0.0 Bye")?;
                    return Ok(());
                } else {
                    c.send("250 2.0.0 Ok")?;
                }
            }
            Ok(())
        })();
    })
}

/// IMAP4rev1 without UIDPLUS (before or after the sign-in): INBOX holds message 1, flagged
/// `\Deleted` by the person's mail program, and once delivered the test message as UID 3.
fn scripted_imap_without_uidplus(mailbox: Arc<Mailbox>) -> FaultServer {
    serve(move |tcp, rec| {
        let _ = (|| -> io::Result<()> {
            let mut c = Conn::accept(tcp)?;
            c.send("* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] scripted IMAP without UIDPLUS")?;
            while let Some(line) = c.line(rec)? {
                let mut words = line.splitn(2, ' ');
                let tag = words.next().unwrap_or("*").to_string();
                let rest = words.next().unwrap_or("").to_string();
                let upper = rest.to_ascii_uppercase();
                if upper.starts_with("AUTHENTICATE PLAIN") {
                    if upper == "AUTHENTICATE PLAIN" {
                        c.send("+ ")?;
                        c.line(rec)?;
                    }
                    c.send(&format!("{tag} OK AUTHENTICATE completed"))?;
                } else if upper.starts_with("LOGIN") {
                    c.send(&format!("{tag} OK LOGIN completed"))?;
                } else if upper == "CAPABILITY" {
                    c.send("* CAPABILITY IMAP4rev1 IDLE NAMESPACE")?;
                    c.send(&format!("{tag} OK CAPABILITY completed"))?;
                } else if upper.starts_with("SELECT") {
                    c.send("* 2 EXISTS\n* OK [UIDVALIDITY 7] UIDs valid\n* OK [UIDNEXT 4] next")?;
                    c.send(&format!("{tag} OK [READ-WRITE] SELECT completed"))?;
                } else if upper.starts_with("UID SEARCH HEADER") {
                    let ours = mailbox.delivered.lock().unwrap().clone();
                    let found = ours.is_some_and(|id| rest.contains(&id));
                    c.send(if found { "* SEARCH 3" } else { "* SEARCH" })?;
                    c.send(&format!("{tag} OK SEARCH completed"))?;
                } else if upper == "UID SEARCH DELETED" {
                    c.send("* SEARCH 1 3")?;
                    c.send(&format!("{tag} OK SEARCH completed"))?;
                } else if upper.starts_with("UID STORE") || upper.contains("EXPUNGE") {
                    c.send(&format!("{tag} OK done"))?;
                } else if upper == "LOGOUT" {
                    c.send(&format!("* BYE\n{tag} OK LOGOUT completed"))?;
                    return Ok(());
                } else {
                    c.send(&format!("{tag} BAD unknown command"))?;
                }
            }
            Ok(())
        })();
    })
}

#[test]
fn without_uidplus_and_with_another_flagged_message_nothing_is_expunged() {
    let mailbox = Arc::new(Mailbox::default());
    let smtp = scripted_smtp(mailbox.clone());
    let imap = scripted_imap_without_uidplus(mailbox.clone());
    let address = EmailAddress::parse(support::faults::USER).unwrap();
    let rt = RoundTripOptions {
        deadline: Duration::from_secs(10),
        every: Duration::from_millis(100),
    };
    let report = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
        .block_on(roundtrip::round_trip(
            &address,
            &smtp.settings(Protocol::Smtp, Security::Tls),
            &imap.settings(Protocol::Imap, Security::Tls),
            &secrecy::SecretString::from("scripted-password"),
            &support::options(),
            &rt,
        ));
    assert!(
        matches!(
            report.outcome,
            RoundTrip::Arrived {
                deleted: false,
                left_flagged: true,
                ..
            }
        ),
        "{report:#?}"
    );
    let received = imap.received();
    assert!(
        received
            .iter()
            .any(|l| l.contains("UID STORE 3 +FLAGS.SILENT (\\Deleted)")),
        "{received:?}"
    );
    assert!(
        !received
            .iter()
            .any(|l| l.to_ascii_uppercase().contains("EXPUNGE")),
        "an EXPUNGE reached a server with other messages flagged \\Deleted: {received:?}"
    );
    // The result says so, in words and in the report.
    assert!(report.tidy());
    assert!(
        report.summary().contains("left flagged as deleted"),
        "{}",
        report.summary()
    );
    let text = mailsetup::report::round_trip_text(&report, false);
    assert!(text.contains("left flagged as deleted"), "{text}");
    let markdown = mailsetup::report::round_trip_markdown(&report);
    assert!(markdown.contains("left flagged as deleted"), "{markdown}");
    assert!(markdown.contains("### Round trip — **PASS**"), "{markdown}");
    let json = serde_json::to_value(&report).unwrap();
    assert_eq!(json["outcome"]["left_flagged"], true, "{json}");
}

#[test]
fn a_minute_of_waiting_over_pop3_costs_at_most_eight_sign_ins_and_says_how_many() {
    let d = dovecot_with_mta();
    // The MTA accepts mail for this user and never delivers it: POP3 looks for a minute.
    let user = &d.stranded;
    let logins_before = pop3_logins(user);
    let began = std::time::Instant::now();
    let (code, stdout, stderr) = cli_round_trip(user, Protocol::Pop3, &["--json"]);
    let took = began.elapsed();
    assert_eq!(code, 1, "{stdout}\n{stderr}");
    let doc: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(
        doc["round_trip"]["outcome"]["status"], "not_arrived",
        "{stdout}"
    );
    assert!(took >= Duration::from_secs(60), "{took:?}");
    let sign_ins = doc["round_trip"]["sign_ins"].as_u64().unwrap();
    // At 0, 1, 3, 7, 15, 31 s and at the deadline (sessions take time: maybe one fewer).
    assert!((6..=8).contains(&sign_ins), "{sign_ins} sign-ins: {stdout}");
    assert!(
        u64::from(roundtrip::pop3_sign_ins_within(
            Duration::from_secs(1),
            Duration::from_secs(60)
        )) >= sign_ins
    );
    // The count is what the server saw: the verification before the round trip, then the
    // round trip's own sign-ins.
    let seen = support::wait_until(Duration::from_secs(5), || {
        pop3_logins(user) - logins_before == 1 + sign_ins as usize
    });
    assert!(
        seen,
        "Dovecot saw {} POP3 sign-ins, the report says 1 + {sign_ins}",
        pop3_logins(user) - logins_before
    );
    // The text report says it too.
    let (_, text, _) = cli_round_trip(user, Protocol::Pop3, &["--round-trip-timeout", "2"]);
    assert!(text.contains("sign-ins"), "{text}");
}

/// How many POP3 sign-ins of `user` Dovecot logged so far.
fn pop3_logins(user: &User) -> usize {
    dovecot_with_mta()
        .log_text()
        .lines()
        .filter(|l| {
            l.contains("pop3-login:") && l.contains(&format!("Login: user=<{}>", user.address))
        })
        .count()
}
