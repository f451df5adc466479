//! Trusting one server by its key: SHA-256 pins of a certificate's SubjectPublicKeyInfo
//! (RFC 5280 §4.1.2.7; the same digest as RFC 7469's `pin-sha256`, written in base64), each
//! for exactly one host and port.
//!
//! A pin is what "Trust this server's key" stores and `--pin-sha256 HOST:PORT=BASE64` passes.
//! It survives a renewal that keeps the key, and never widens to other hosts or ports. The
//! verifier in `tls.rs` uses it in this order: the presented key must match a pin of the
//! endpoint (else `certificate_changed`); a chain the platform trusts passes as usual; an
//! unknown issuer passes only because of the pin, and then the name and the validity dates
//! are still checked.

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use serde::{Deserialize, Serialize};

/// The SHA-256 digest of a certificate's SubjectPublicKeyInfo.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SpkiPin(pub [u8; 32]);

impl SpkiPin {
    /// The pin of a DER certificate; `None` when it cannot be parsed.
    pub fn of_certificate(der: &[u8]) -> Option<Self> {
        let cert = super::cert_der::parse(der).ok()?;
        Some(Self::of_spki(cert.spki))
    }

    /// The pin of DER SubjectPublicKeyInfo bytes.
    pub fn of_spki(spki: &[u8]) -> Self {
        let digest = ring::digest::digest(&ring::digest::SHA256, spki);
        let mut out = [0u8; 32];
        out.copy_from_slice(digest.as_ref());
        SpkiPin(out)
    }

    /// Base64 (standard alphabet, padded), as `--pin-sha256` takes it.
    pub fn to_base64(&self) -> String {
        B64.encode(self.0)
    }
}

impl fmt::Debug for SpkiPin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "SpkiPin({})", self.to_base64())
    }
}

impl fmt::Display for SpkiPin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_base64())
    }
}

/// Why a pin or a pin flag could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PinError {
    #[error("\"{0}\" is not base64 of a SHA-256 digest (44 characters ending in '=')")]
    NotSha256(String),
    #[error("\"{0}\": write HOST:PORT=BASE64")]
    Form(String),
    #[error("\"{0}\": the port must be a number from 1 to 65535")]
    Port(String),
}

impl FromStr for SpkiPin {
    type Err = PinError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let text = s.trim();
        let text = text.strip_prefix("sha256/").unwrap_or(text);
        let bytes = B64
            .decode(text)
            .map_err(|_| PinError::NotSha256(s.to_string()))?;
        let arr: [u8; 32] = bytes
            .try_into()
            .map_err(|_| PinError::NotSha256(s.to_string()))?;
        Ok(SpkiPin(arr))
    }
}

impl Serialize for SpkiPin {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_base64())
    }
}

impl<'de> Deserialize<'de> for SpkiPin {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// One endpoint's pin: what the account file stores and `--pin-sha256` names.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct EndpointPin {
    /// The host name as the account uses it (compared without case).
    pub host: String,
    pub port: u16,
    /// SHA-256 of the server's public key (SPKI), base64.
    pub spki_sha256: SpkiPin,
}

impl fmt::Display for EndpointPin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.host.contains(':') && !self.host.starts_with('[') {
            write!(f, "[{}]:{}={}", self.host, self.port, self.spki_sha256)
        } else {
            write!(f, "{}:{}={}", self.host, self.port, self.spki_sha256)
        }
    }
}

impl FromStr for EndpointPin {
    type Err = PinError;
    /// `HOST:PORT=BASE64`; an IPv6 host in brackets (`[::1]:993=…`).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let (endpoint, pin) = s
            .split_once('=')
            .ok_or_else(|| PinError::Form(s.to_string()))?;
        let (host, port) = endpoint
            .rsplit_once(':')
            .ok_or_else(|| PinError::Form(s.to_string()))?;
        let host = host.trim().trim_start_matches('[').trim_end_matches(']');
        if host.is_empty() {
            return Err(PinError::Form(s.to_string()));
        }
        let port: u16 = port
            .trim()
            .parse()
            .ok()
            .filter(|p| *p != 0)
            .ok_or_else(|| PinError::Port(s.to_string()))?;
        Ok(EndpointPin {
            host: host.to_string(),
            port,
            spki_sha256: pin.parse()?,
        })
    }
}

/// Every pin a probe may use, by endpoint.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Pins(BTreeMap<(String, u16), Vec<SpkiPin>>);

impl Pins {
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a pin for its endpoint (several pins of one endpoint are alternatives).
    pub fn add(&mut self, pin: &EndpointPin) {
        let list = self.0.entry(key(&pin.host, pin.port)).or_default();
        if !list.contains(&pin.spki_sha256) {
            list.push(pin.spki_sha256);
        }
    }

    /// The pins from a list.
    pub fn from_list<'a>(pins: impl IntoIterator<Item = &'a EndpointPin>) -> Self {
        let mut out = Self::new();
        for p in pins {
            out.add(p);
        }
        out
    }

    /// The pins of exactly this host and port.
    pub fn for_endpoint(&self, host: &str, port: u16) -> &[SpkiPin] {
        self.0
            .get(&key(host, port))
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

fn key(host: &str, port: u16) -> (String, u16) {
    let host = host
        .trim()
        .trim_start_matches('[')
        .trim_end_matches(']')
        .trim_end_matches('.')
        .to_ascii_lowercase();
    (host, port)
}

/// Why a pinned endpoint failed: the key presented is not the one pinned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PinMismatch {
    /// The pins stored for the endpoint.
    pub pinned: Vec<SpkiPin>,
    /// The key the server presented.
    pub presented: Option<SpkiPin>,
}

#[cfg(test)]
mod tests {
    use super::*;

    const PIN: &str = "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=";

    #[test]
    fn a_pin_flag_names_host_port_and_key() {
        let p: EndpointPin = format!("Mail.Example.org:993={PIN}").parse().unwrap();
        assert_eq!((p.host.as_str(), p.port), ("Mail.Example.org", 993));
        assert_eq!(p.spki_sha256.to_base64(), PIN);
        let v6: EndpointPin = format!("[::1]:993=sha256/{PIN}").parse().unwrap();
        assert_eq!(v6.host, "::1");
        assert_eq!(v6.to_string(), format!("[::1]:993={PIN}"));
        assert!(matches!(
            "mail.example.org=abc".parse::<EndpointPin>(),
            Err(PinError::Form(_))
        ));
        assert!(matches!(
            format!("h:0={PIN}").parse::<EndpointPin>(),
            Err(PinError::Port(_))
        ));
        assert!(matches!(
            "h:993=AAAA".parse::<EndpointPin>(),
            Err(PinError::NotSha256(_))
        ));
    }

    #[test]
    fn a_pin_covers_exactly_its_host_and_port() {
        let p: EndpointPin = format!("mail.example.org:993={PIN}").parse().unwrap();
        let pins = Pins::from_list([&p]);
        assert_eq!(pins.for_endpoint("MAIL.example.org.", 993).len(), 1);
        assert!(pins.for_endpoint("mail.example.org", 995).is_empty());
        assert!(pins.for_endpoint("example.org", 993).is_empty());
    }

    #[test]
    fn pins_round_trip_through_json() {
        let p: EndpointPin = format!("mail.example.org:993={PIN}").parse().unwrap();
        let json = serde_json::to_string(&p).unwrap();
        assert!(json.contains(PIN));
        assert_eq!(serde_json::from_str::<EndpointPin>(&json).unwrap(), p);
    }
}
