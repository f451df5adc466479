//! A tiny SMTP server (RFC 5321 subset) that accepts every message and keeps nothing but a
//! count. Dovecot's submission service needs a live relay even to answer AUTH; this is it.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

/// A running sink on 127.0.0.1.
#[derive(Debug, Clone)]
pub struct SmtpSink {
    pub port: u16,
    pub messages: Arc<AtomicUsize>,
}

impl SmtpSink {
    /// Binds 127.0.0.1 on a free port and serves every connection on its own thread.
    pub fn start() -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind the SMTP sink");
        let port = listener.local_addr().expect("sink address").port();
        let messages = Arc::new(AtomicUsize::new(0));
        let count = messages.clone();
        std::thread::Builder::new()
            .name("smtp-sink".into())
            .spawn(move || {
                for conn in listener.incoming().flatten() {
                    let count = count.clone();
                    std::thread::spawn(move || {
                        let _ = serve(conn, &count);
                    });
                }
            })
            .expect("start the SMTP sink");
        SmtpSink { port, messages }
    }

    pub fn received(&self) -> usize {
        self.messages.load(Ordering::SeqCst)
    }
}

fn serve(conn: TcpStream, count: &AtomicUsize) -> std::io::Result<()> {
    let mut out = conn.try_clone()?;
    let mut reader = BufReader::new(conn);
    out.write_all(b"220 sink.mailsetup.test ESMTP test sink\r\n")?;
    let mut line = String::new();
    loop {
        line.clear();
        if reader.read_line(&mut line)? == 0 {
            return Ok(());
        }
        let verb = line
            .split_whitespace()
            .next()
            .unwrap_or("")
            .to_ascii_uppercase();
        match verb.as_str() {
            "EHLO" => {
                out.write_all(b"250-sink.mailsetup.test\r\n250-8BITMIME\r\n250 SIZE 10485760\r\n")?
            }
            "HELO" => out.write_all(b"250 sink.mailsetup.test\r\n")?,
            "DATA" => {
                out.write_all(b"354 go ahead\r\n")?;
                loop {
                    line.clear();
                    if reader.read_line(&mut line)? == 0 {
                        return Ok(());
                    }
                    if line == ".\r\n" || line == ".\n" {
                        break;
                    }
                }
                count.fetch_add(1, Ordering::SeqCst);
                out.write_all(b"250 2.0.0 kept\r\n")?;
            }
            "QUIT" => {
                out.write_all(b"221 2.0.0 bye\r\n")?;
                return Ok(());
            }
            _ => out.write_all(b"250 2.0.0 ok\r\n")?,
        }
    }
}
