//! Channel binding data read from our TLS connection, for SCRAM's `-PLUS` mechanisms
//! (`scram.rs`): a value both ends compute from the TLS connection each of them sees, so a
//! relay that ends our TLS and opens its own gets a different one.
//!
//! - TLS 1.3: `tls-exporter` (RFC 9266 §2): the keying material exporter (RFC 8446 §7.5) with
//!   the label `EXPORTER-Channel-Binding`, an empty context, 32 bytes.
//! - TLS 1.2: `tls-server-end-point` (RFC 5929 §4.1): the hash of the server's end-entity
//!   certificate — SHA-256 when the certificate's signature uses MD5, SHA-1 or SHA-256 (and
//!   for algorithms RFC 5929 does not name: Ed25519, RSASSA-PSS, whose hash sits in its
//!   parameters), SHA-384 or SHA-512 when its signature uses that. `tls-exporter` is not used
//!   on TLS 1.2: without the extended master secret it is not unique (RFC 9266 §3).
//!
//! The exporter value is secret to the connection: it lives in a `Zeroizing` buffer and is
//! never shown (`ChannelBinding`'s `Debug` prints the type and length only).

use ring::digest;
use rustls::ProtocolVersion;
use zeroize::Zeroizing;

use super::scram::ChannelBinding;
use crate::trust::cert_der;

/// RFC 9266 §2: the exporter's label.
const EXPORTER_LABEL: &[u8] = b"EXPORTER-Channel-Binding";
/// RFC 9266 §2: the exporter's length.
const EXPORTER_LEN: usize = 32;

/// Signature algorithm OIDs (DER contents) whose hash is SHA-384 or SHA-512.
const SHA384_SIGNATURES: [&[u8]; 2] = [
    // sha384WithRSAEncryption, 1.2.840.113549.1.1.12
    &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0c],
    // ecdsa-with-SHA384, 1.2.840.10045.4.3.3
    &[0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x03, 0x03],
];
const SHA512_SIGNATURES: [&[u8]; 2] = [
    // sha512WithRSAEncryption, 1.2.840.113549.1.1.13
    &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0d],
    // ecdsa-with-SHA512, 1.2.840.10045.4.3.4
    &[0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x03, 0x04],
];

/// The channel binding of an established client connection; `None` when there is none we
/// can compute (another TLS version, no certificate, an exporter failure).
pub(crate) fn of(conn: &rustls::ClientConnection) -> Option<ChannelBinding> {
    match conn.protocol_version()? {
        ProtocolVersion::TLSv1_3 => {
            let out = Zeroizing::new(vec![0u8; EXPORTER_LEN]);
            conn.export_keying_material(out, EXPORTER_LABEL, Some(&[]))
                .ok()
                .map(ChannelBinding::TlsExporter)
        }
        ProtocolVersion::TLSv1_2 => {
            let leaf = conn.peer_certificates()?.first()?;
            Some(ChannelBinding::TlsServerEndPoint(server_end_point(
                leaf.as_ref(),
            )))
        }
        _ => None,
    }
}

/// RFC 5929 §4.1: the hash of a DER certificate, with the hash its signature algorithm names
/// when stronger than SHA-256.
pub(crate) fn server_end_point(der: &[u8]) -> Vec<u8> {
    let oid = cert_der::parse(der).map(|c| c.signature_oid).unwrap_or(&[]);
    let algorithm = if SHA512_SIGNATURES.contains(&oid) {
        &digest::SHA512
    } else if SHA384_SIGNATURES.contains(&oid) {
        &digest::SHA384
    } else {
        &digest::SHA256
    };
    digest::digest(algorithm, der).as_ref().to_vec()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn certificate(alg: &'static rcgen::SignatureAlgorithm) -> Vec<u8> {
        let key = rcgen::KeyPair::generate_for(alg).expect("key");
        let params = rcgen::CertificateParams::new(vec!["mail.example".to_string()]).expect("p");
        params.self_signed(&key).expect("cert").der().to_vec()
    }

    #[test]
    fn server_end_point_hashes_with_the_certificates_signature_hash_sha256_at_least() {
        let p256 = certificate(&rcgen::PKCS_ECDSA_P256_SHA256);
        assert_eq!(
            server_end_point(&p256),
            digest::digest(&digest::SHA256, &p256).as_ref()
        );
        let p384 = certificate(&rcgen::PKCS_ECDSA_P384_SHA384);
        assert_eq!(
            server_end_point(&p384),
            digest::digest(&digest::SHA384, &p384).as_ref()
        );
        let ed = certificate(&rcgen::PKCS_ED25519);
        assert_eq!(server_end_point(&ed).len(), 32);
        // Not a certificate at all: still a SHA-256, never a panic.
        assert_eq!(server_end_point(b"junk").len(), 32);
    }
}
