//! A scripted IMAP server (RFC 9051, SASL-IR RFC 4959) doing the server side of
//! SCRAM-SHA-256 and SCRAM-SHA-256-PLUS, written from the RFCs, over real rustls: Debian's
//! Dovecot 2.3 has no `-PLUS`, and Dovecot 2.4 is not packaged there.
//!
//! The server side, in order (RFC 5802 §5, §7; RFC 7677): read the client-first message
//! (`<gs2-header>n=<user>,r=<nonce>`); a `y` flag while it supports binding is a downgrade
//! (`e=server-does-support-channel-binding`, §6); answer `r=<nonce+ours>,s=<salt>,i=4096`;
//! read the client-final message and check its `c=` against the GS2 header plus the channel
//! binding of its OWN TLS connection — `tls-exporter` (RFC 9266: label
//! `EXPORTER-Channel-Binding`, empty context, 32 bytes) on TLS 1.3, `tls-server-end-point`
//! (RFC 5929: SHA-256 of its certificate, an ECDSA P-256/SHA-256 one) on TLS 1.2 — a
//! difference is `e=channel-bindings-dont-match`; check the proof against StoredKey
//! (`e=invalid-proof`); send `v=<ServerSignature>`; after the client's empty response, OK.
//! EXAMINE INBOX and LOGOUT are answered so a whole probe passes.
//!
//! Modes: `Offer::Plus` advertises both mechanisms; `Offer::Stripped` advertises only
//! SCRAM-SHA-256 while it supports binding (what the client sees when a relay removed the
//! `-PLUS` offer); `Offer::Impostor` does not know the password: it accepts any proof and
//! signs with a key of its own.

use std::io::{self, BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::sync::Arc;

use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use ring::{digest, hmac, pbkdf2};
use rustls::{ServerConnection, StreamOwned};

use super::faults::{FaultServer, Recorder, serve};
use super::pki::pki;

/// What the server offers and knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Offer {
    /// `AUTH=SCRAM-SHA-256-PLUS AUTH=SCRAM-SHA-256`.
    Plus,
    /// `AUTH=SCRAM-SHA-256` only, though it supports binding (the `-PLUS` offer removed).
    Stripped,
    /// Both offered; it does not know the password and signs with the wrong key.
    Impostor,
}

/// A scripted SCRAM server.
#[derive(Debug, Clone)]
pub struct ScramServer {
    pub offer: Offer,
    /// TLS 1.2 only (then `tls-server-end-point`), else TLS 1.3.
    pub tls12: bool,
    /// Whether SASL-IR (RFC 4959) is offered: without it the client-first message must wait
    /// for the server's empty `+` continuation.
    pub sasl_ir: bool,
    pub password: String,
}

const ITERATIONS: u32 = 4096;
const SALT: &[u8] = b"mailsetup-salt!!";

impl ScramServer {
    pub fn new(offer: Offer, password: &str) -> Self {
        ScramServer {
            offer,
            tls12: false,
            sasl_ir: true,
            password: password.into(),
        }
    }

    pub fn tls12(mut self) -> Self {
        self.tls12 = true;
        self
    }

    pub fn without_sasl_ir(mut self) -> Self {
        self.sasl_ir = false;
        self
    }

    /// Starts on a new 127.0.0.1 port (implicit TLS with the good test certificate).
    pub fn start(self) -> FaultServer {
        let me = Arc::new(self);
        serve(move |tcp, rec| {
            let _ = me.serve(tcp, rec);
        })
    }

    fn config(&self) -> Arc<rustls::ServerConfig> {
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let versions: &[&rustls::SupportedProtocolVersion] = if self.tls12 {
            &[&rustls::version::TLS12]
        } else {
            &[&rustls::version::TLS13]
        };
        let cert = &pki().server;
        Arc::new(
            rustls::ServerConfig::builder_with_provider(provider)
                .with_protocol_versions(versions)
                .expect("TLS versions")
                .with_no_client_auth()
                .with_single_cert(cert.chain_der.clone(), cert.key())
                .expect("server certificate and key"),
        )
    }

    fn serve(&self, tcp: TcpStream, rec: &Recorder) -> io::Result<()> {
        let mut tls = StreamOwned::new(
            ServerConnection::new(self.config()).map_err(io::Error::other)?,
            tcp,
        );
        while tls.conn.is_handshaking() {
            tls.conn.complete_io(&mut tls.sock)?;
        }
        let binding = self.own_binding(&tls.conn);
        let mut conn = Lines(BufReader::new(tls));
        let caps = match self.offer {
            Offer::Stripped => "AUTH=SCRAM-SHA-256",
            _ => "AUTH=SCRAM-SHA-256-PLUS AUTH=SCRAM-SHA-256",
        };
        let ir = if self.sasl_ir { " SASL-IR" } else { "" };
        conn.send(&format!(
            "* OK [CAPABILITY IMAP4rev1{ir} {caps}] scripted SCRAM server ready"
        ))?;
        loop {
            let Some(line) = conn.read(rec)? else {
                return Ok(());
            };
            let mut words = line.splitn(4, ' ');
            let tag = words.next().unwrap_or("").to_string();
            let command = words.next().unwrap_or("").to_ascii_uppercase();
            match command.as_str() {
                "AUTHENTICATE" => {
                    let mechanism = words.next().unwrap_or("").to_ascii_uppercase();
                    let initial = match words.next() {
                        Some(_) if !self.sasl_ir => {
                            conn.send(&format!("{tag} BAD SASL-IR was not offered"))?;
                            continue;
                        }
                        Some(ir) => ir.to_string(),
                        None => {
                            conn.send("+ ")?;
                            conn.read(rec)?.unwrap_or_default()
                        }
                    };
                    let verdict = self.exchange(&mut conn, rec, &mechanism, &initial, &binding)?;
                    match verdict {
                        Ok(()) => conn.send(&format!("{tag} OK Logged in"))?,
                        Err(text) => {
                            conn.send(&format!("{tag} NO [AUTHENTICATIONFAILED] {text}"))?
                        }
                    }
                }
                "EXAMINE" => {
                    conn.send("* 0 EXISTS")?;
                    conn.send(&format!("{tag} OK [READ-ONLY] Examine completed"))?;
                }
                "LOGOUT" => {
                    conn.send("* BYE Logging out")?;
                    conn.send(&format!("{tag} OK Logout completed"))?;
                    return Ok(());
                }
                _ => conn.send(&format!("{tag} BAD unknown command"))?,
            }
        }
    }

    /// The channel binding of the server's own TLS connection.
    fn own_binding(&self, conn: &ServerConnection) -> (&'static str, Vec<u8>) {
        if self.tls12 {
            let leaf = &pki().server.chain_der[0];
            let hash = digest::digest(&digest::SHA256, leaf.as_ref());
            ("tls-server-end-point", hash.as_ref().to_vec())
        } else {
            let out = conn
                .export_keying_material([0u8; 32], b"EXPORTER-Channel-Binding", Some(&[]))
                .expect("exporter");
            ("tls-exporter", out.to_vec())
        }
    }

    /// One SCRAM exchange after the client-first message (base64 `initial`); `Err` holds the
    /// refusal's text.
    fn exchange(
        &self,
        conn: &mut Lines,
        rec: &Recorder,
        mechanism: &str,
        initial: &str,
        binding: &(&'static str, Vec<u8>),
    ) -> io::Result<Result<(), String>> {
        let plus = match mechanism {
            "SCRAM-SHA-256-PLUS" if self.offer != Offer::Stripped => true,
            "SCRAM-SHA-256" => false,
            _ => return Ok(Err("unsupported mechanism".into())),
        };
        let first = String::from_utf8(B64.decode(initial).unwrap_or_default()).unwrap_or_default();
        // gs2-header: flag "," [authzid] "," ; then client-first-bare.
        let mut parts = first.splitn(3, ',');
        let flag = parts.next().unwrap_or("").to_string();
        let authzid = parts.next().unwrap_or("").to_string();
        let bare = parts.next().unwrap_or("").to_string();
        let gs2_header = format!("{flag},{authzid},");
        let client_nonce = bare
            .split(',')
            .find_map(|p| p.strip_prefix("r="))
            .unwrap_or("")
            .to_string();
        let expected_flag = if plus {
            format!("p={}", binding.0)
        } else {
            flag.clone()
        };
        if flag == "y" {
            // RFC 5802 §6: we support binding, and the client thinks we do not.
            return self.error(conn, rec, "server-does-support-channel-binding");
        }
        if flag != expected_flag {
            return self.error(conn, rec, "unsupported-channel-binding-type");
        }
        let nonce = format!("{client_nonce}ServerNonce-4b1d");
        let server_first = format!("r={nonce},s={},i={ITERATIONS}", B64.encode(SALT));
        conn.send(&format!("+ {}", B64.encode(&server_first)))?;
        let answer = conn.read(rec)?.unwrap_or_default();
        let last =
            String::from_utf8(B64.decode(answer.trim()).unwrap_or_default()).unwrap_or_default();
        let Some((without_proof, proof)) = last.rsplit_once(",p=") else {
            return self.error(conn, rec, "invalid-encoding");
        };
        let cbind = without_proof
            .strip_prefix("c=")
            .and_then(|rest| rest.split(',').next())
            .unwrap_or("");
        let mut cbind_input = gs2_header.clone().into_bytes();
        if plus {
            cbind_input.extend_from_slice(&binding.1);
        }
        if B64.decode(cbind).unwrap_or_default() != cbind_input {
            return self.error(conn, rec, "channel-bindings-dont-match");
        }
        let auth_message = format!("{bare},{server_first},{without_proof}");
        let password = if self.offer == Offer::Impostor {
            "not the password"
        } else {
            self.password.as_str()
        };
        let (stored_key, server_key) = keys(password);
        if self.offer != Offer::Impostor {
            let proof = B64.decode(proof).unwrap_or_default();
            let signature = hmac_sha256(&stored_key, auth_message.as_bytes());
            let client_key: Vec<u8> = proof.iter().zip(&signature).map(|(p, s)| p ^ s).collect();
            if digest::digest(&digest::SHA256, &client_key).as_ref() != stored_key.as_slice() {
                return self.error(conn, rec, "invalid-proof");
            }
        }
        let server_signature = hmac_sha256(&server_key, auth_message.as_bytes());
        conn.send(&format!(
            "+ {}",
            B64.encode(format!("v={}", B64.encode(server_signature)))
        ))?;
        let last = conn.read(rec)?.unwrap_or_default();
        if last.trim() == "*" {
            return Ok(Err("Authentication aborted by client".into()));
        }
        Ok(Ok(()))
    }

    /// Sends `e=<value>` as the server-final challenge, reads the client's answer, refuses.
    fn error(
        &self,
        conn: &mut Lines,
        rec: &Recorder,
        value: &str,
    ) -> io::Result<Result<(), String>> {
        conn.send(&format!("+ {}", B64.encode(format!("e={value}"))))?;
        let _ = conn.read(rec)?;
        Ok(Err(format!("Authentication failed ({value})")))
    }
}

/// StoredKey and ServerKey of `password` (RFC 5802 §3, SHA-256).
fn keys(password: &str) -> (Vec<u8>, Vec<u8>) {
    let mut salted = [0u8; 32];
    pbkdf2::derive(
        pbkdf2::PBKDF2_HMAC_SHA256,
        std::num::NonZeroU32::new(ITERATIONS).expect("iterations"),
        SALT,
        password.as_bytes(),
        &mut salted,
    );
    let client_key = hmac_sha256(&salted, b"Client Key");
    let stored = digest::digest(&digest::SHA256, &client_key)
        .as_ref()
        .to_vec();
    (stored, hmac_sha256(&salted, b"Server Key"))
}

fn hmac_sha256(key: &[u8], data: &[u8]) -> Vec<u8> {
    let key = hmac::Key::new(hmac::HMAC_SHA256, key);
    hmac::sign(&key, data).as_ref().to_vec()
}

/// CRLF lines over the TLS stream; every line received is recorded.
struct Lines(BufReader<StreamOwned<ServerConnection, TcpStream>>);

impl Lines {
    fn send(&mut self, line: &str) -> io::Result<()> {
        let stream = self.0.get_mut();
        stream.write_all(format!("{line}\r\n").as_bytes())?;
        stream.flush()
    }

    fn read(&mut self, rec: &Recorder) -> io::Result<Option<String>> {
        let mut buf = Vec::new();
        let n = (&mut self.0).take(64 * 1024).read_until(b'\n', &mut buf)?;
        if n == 0 {
            return Ok(None);
        }
        let line = String::from_utf8_lossy(&buf)
            .trim_end_matches(['\r', '\n'])
            .to_string();
        rec.push(&line);
        Ok(Some(line))
    }
}

/// How many recorded lines start an IMAP sign-in (for "exactly one attempt").
pub fn sign_ins(lines: &[String]) -> usize {
    lines
        .iter()
        .filter(|l| {
            let command = l.split(' ').nth(1).unwrap_or("").to_ascii_uppercase();
            command == "AUTHENTICATE" || command == "LOGIN"
        })
        .count()
}
