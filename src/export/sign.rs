//! Signing an Apple configuration profile: CMS SignedData (RFC 5652) holding the profile
//! itself, DER-encoded — what `openssl smime -sign -nodetach -outform der` makes, and what a
//! device shows with the signer's name instead of "Not Verified".
//!
//! The one part of `export/` that is not a pure function: it runs `openssl` (the command,
//! from PATH). The profile — which holds the password when the person asked for it — goes
//! to openssl on its standard input and the signed file comes back on its standard output:
//! never on a command line, never in a temporary file. Only the certificate and key paths
//! are arguments. A key protected by a passphrase is refused (`-passin pass:` with none), so
//! openssl never waits for a prompt; the whole run has a deadline.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// How long openssl may take.
const DEADLINE: Duration = Duration::from_secs(30);

/// Why a profile could not be signed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SignError {
    #[error("{path}: {detail}")]
    Unreadable { path: PathBuf, detail: String },
    #[error(
        "openssl, which signs profiles, could not be started ({detail}): install it \
         (Debian: apt-get install openssl)"
    )]
    NoOpenssl { detail: String },
    #[error("openssl could not sign the profile with {cert} and {key}: {detail}")]
    Failed {
        cert: PathBuf,
        key: PathBuf,
        detail: String,
    },
    #[error("openssl did not finish signing within {} seconds", .0.as_secs())]
    TimedOut(Duration),
}

impl SignError {
    /// A stable snake_case code.
    pub fn code(&self) -> &'static str {
        match self {
            SignError::Unreadable { .. } => "sign_file_unreadable",
            SignError::NoOpenssl { .. } => "no_openssl",
            SignError::Failed { .. } => "sign_failed",
            SignError::TimedOut(_) => "sign_timed_out",
        }
    }

    /// The reason in the current language.
    pub fn words(&self) -> String {
        match self {
            SignError::Unreadable { path, detail } => t!(
                "export-sign-unreadable",
                path = path.display().to_string(),
                reason = detail.as_str()
            ),
            SignError::NoOpenssl { detail } => {
                t!("export-sign-no-openssl", reason = detail.as_str())
            }
            SignError::Failed { detail, .. } => {
                t!("export-sign-failed", reason = detail.as_str())
            }
            SignError::TimedOut(d) => t!("export-sign-timed-out", seconds = d.as_secs()),
        }
    }
}

/// Signs `profile` with the certificate and private key in these PEM files.
pub fn sign(profile: &[u8], cert: &Path, key: &Path) -> Result<Vec<u8>, SignError> {
    for path in [cert, key] {
        std::fs::metadata(path).map_err(|e| SignError::Unreadable {
            path: path.to_path_buf(),
            detail: e.to_string(),
        })?;
    }
    let mut child = Command::new("openssl")
        .args(["smime", "-sign", "-nodetach", "-binary", "-outform", "der"])
        .arg("-signer")
        .arg(cert)
        .arg("-inkey")
        .arg(key)
        .args(["-passin", "pass:"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| SignError::NoOpenssl {
            detail: e.to_string(),
        })?;
    let failed = |detail: String| SignError::Failed {
        cert: cert.to_path_buf(),
        key: key.to_path_buf(),
        detail,
    };
    // Standard input is written on a thread of its own: openssl may write output before
    // it has read everything.
    let mut stdin = child.stdin.take();
    let input = profile.to_vec();
    let writer = std::thread::spawn(move || {
        let mut input = zeroize::Zeroizing::new(input);
        if let Some(pipe) = stdin.as_mut() {
            let _ = pipe.write_all(&input);
        }
        drop(stdin);
        zeroize::Zeroize::zeroize(&mut *input);
    });
    let mut stdout = child.stdout.take();
    let reader = std::thread::spawn(move || {
        let mut out = Vec::new();
        if let Some(pipe) = stdout.as_mut() {
            let _ = pipe.read_to_end(&mut out);
        }
        out
    });
    let mut stderr = child.stderr.take();
    let errors = std::thread::spawn(move || {
        let mut out = Vec::new();
        if let Some(pipe) = stderr.as_mut() {
            let _ = pipe.take(16 * 1024).read_to_end(&mut out);
        }
        out
    });
    let started = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if started.elapsed() > DEADLINE => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(SignError::TimedOut(DEADLINE));
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(10)),
            Err(e) => return Err(failed(e.to_string())),
        }
    };
    let _ = writer.join();
    let signed = reader.join().unwrap_or_default();
    let errors = errors.join().unwrap_or_default();
    if !status.success() || signed.is_empty() {
        let text = String::from_utf8_lossy(&errors);
        let first = text
            .lines()
            .map(str::trim)
            .find(|l| !l.is_empty())
            .unwrap_or("no output");
        return Err(failed(format!("{status}: {first}")));
    }
    Ok(signed)
}
