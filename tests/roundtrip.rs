//! The round trip against real parts: Dovecot's submission service relays to a real Postfix,
//! which delivers over LMTP into Dovecot's mailboxes.

mod support;

use std::io::{BufRead, BufReader, Write};
use std::net::TcpStream;
use std::time::Duration;

use support::dovecot_with_mta;

/// Counts the messages in a user's Maildir (new and cur).
fn maildir_count(user: &str) -> usize {
    let d = dovecot_with_mta();
    ["new", "cur"]
        .iter()
        .map(|sub| {
            std::fs::read_dir(d.dir.join("mail").join(user).join("Maildir").join(sub))
                .map(|r| r.count())
                .unwrap_or(0)
        })
        .sum()
}

#[test]
fn the_test_mta_delivers_into_the_mailbox_over_lmtp() {
    let d = dovecot_with_mta();
    let mta = d.mta.as_ref().expect("the MTA runs");
    let before = maildir_count(&d.traveller.address);
    let mut s = TcpStream::connect(("127.0.0.1", mta.port)).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    let mut r = BufReader::new(s.try_clone().unwrap());
    let mut line = String::new();
    let mut expect = |r: &mut BufReader<TcpStream>, code: &str| loop {
        line.clear();
        r.read_line(&mut line).unwrap();
        assert!(line.starts_with(code), "expected {code}, got {line:?}");
        if line.as_bytes().get(3) == Some(&b' ') {
            break;
        }
    };
    expect(&mut r, "220");
    let to = &d.traveller.address;
    for (cmd, code) in [
        ("EHLO test".to_string(), "250"),
        (format!("MAIL FROM:<{to}>"), "250"),
        (format!("RCPT TO:<{to}>"), "250"),
        ("DATA".to_string(), "354"),
        (
            format!("Subject: t\r\nMessage-ID: <harness@x>\r\n\r\nhi\r\n."),
            "250",
        ),
        ("QUIT".to_string(), "221"),
    ] {
        write!(s, "{cmd}\r\n").unwrap();
        expect(&mut r, code);
    }
    let arrived = support::wait_until(Duration::from_secs(20), || {
        maildir_count(&d.traveller.address) > before
    });
    assert!(arrived, "not delivered; Postfix log:\n{}", mta.log_text());
}
