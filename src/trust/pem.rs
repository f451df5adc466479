//! The certificates of a PEM file (RFC 7468 `CERTIFICATE` blocks), such as the CA file a
//! company's mail server needs (`--ca-file`, `MAILSETUP_CA_FILE`, an account's own copy).
//!
//! The file is read whole; a block that is not valid PEM fails the file, and a file without
//! any certificate is refused, so a wrong path to some other text file is not trusted as
//! "no extra roots".

use std::path::Path;

use rustls::pki_types::CertificateDer;
use rustls::pki_types::pem::PemObject;

/// Why a PEM file gave no certificates; each names the file.
#[derive(Debug, thiserror::Error)]
pub enum PemError {
    #[error("could not read the CA file {path}: {source}")]
    ReadCaFile {
        path: String,
        source: std::io::Error,
    },
    #[error("the CA file {path} holds no PEM certificate")]
    EmptyCaFile { path: String },
    #[error("the CA file {path} is not valid PEM: {detail}")]
    BadCaFile { path: String, detail: String },
}

/// Reads every certificate of a PEM file.
pub fn read_certificates(path: &Path) -> Result<Vec<CertificateDer<'static>>, PemError> {
    let shown = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|source| PemError::ReadCaFile {
        path: shown.clone(),
        source,
    })?;
    let mut certs = Vec::new();
    for item in CertificateDer::pem_slice_iter(&bytes) {
        certs.push(item.map_err(|e| PemError::BadCaFile {
            path: shown.clone(),
            detail: e.to_string(),
        })?);
    }
    if certs.is_empty() {
        return Err(PemError::EmptyCaFile { path: shown });
    }
    Ok(certs)
}
