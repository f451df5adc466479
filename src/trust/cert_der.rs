//! The few fields of an X.509 certificate (RFC 5280 §4.1) the probe shows and checks: subject
//! and issuer names, validity dates, subject alternative names (§4.2.1.6: DNS names, IP
//! addresses, email addresses) and the SubjectPublicKeyInfo bytes a pin is taken of.
//!
//! A DER reader (X.690 §8.1, §10) in this order: the Certificate and TBSCertificate
//! sequences, the optional version, serial, the signature algorithm's OID, issuer, validity,
//! subject, SubjectPublicKeyInfo (kept as its whole encoding), the optional unique ids (skipped)
//! and the extensions, of which only subjectAltName (2.5.29.17) is read. Every length is
//! checked against the bytes there are; indefinite lengths, tags above 30 and lengths over
//! 4 bytes are refused; nothing here panics on any input. The certificate's signature is not
//! checked here (rustls and webpki do that). Names are written as the `x509-parser` crate wrote
//! them before: `C=US, O=Let's Encrypt, CN=R11`, attributes of one RDN joined by ` + `.

use std::fmt;

/// A certificate's fields, borrowed from its DER bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Certificate<'a> {
    pub subject: String,
    pub issuer: String,
    /// Seconds since 1970-01-01T00:00:00Z.
    pub not_before: i64,
    pub not_after: i64,
    /// The whole SubjectPublicKeyInfo encoding (tag and length included).
    pub spki: &'a [u8],
    pub alt_names: Vec<AltName<'a>>,
    /// The OID (contents, without tag and length) of the signature algorithm the issuer
    /// signed with (TBSCertificate `signature`, equal to the outer one by RFC 5280 §4.1.1.2).
    pub signature_oid: &'a [u8],
}

/// One subject alternative name of a kind we show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AltName<'a> {
    Dns(&'a str),
    Ip(&'a [u8]),
    Email(&'a str),
}

/// Why a certificate could not be read: the structure that was wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum CertError {
    #[error("DER structure broken in {0}")]
    Der(&'static str),
    #[error("unexpected element in {0}")]
    Unexpected(&'static str),
    #[error("invalid time in the validity")]
    Time,
}

const SEQUENCE: u8 = 0x30;
const SET: u8 = 0x31;
const OID: u8 = 0x06;
const OCTET_STRING: u8 = 0x04;
const BOOLEAN: u8 = 0x01;
const UTC_TIME: u8 = 0x17;
const GENERALIZED_TIME: u8 = 0x18;
/// subjectAltName, 2.5.29.17.
const OID_SAN: &[u8] = &[0x55, 0x1d, 0x11];

/// A cursor over DER bytes.
#[derive(Clone, Copy)]
struct Der<'a>(&'a [u8]);

impl<'a> Der<'a> {
    fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    fn peek_tag(&self) -> Option<u8> {
        self.0.first().copied()
    }

    /// The next element: (tag, contents, whole encoding).
    fn next(&mut self, what: &'static str) -> Result<(u8, &'a [u8], &'a [u8]), CertError> {
        let bytes = self.0;
        let (&tag, rest) = bytes.split_first().ok_or(CertError::Der(what))?;
        if tag & 0x1f == 0x1f {
            return Err(CertError::Der(what));
        }
        let (&first, rest) = rest.split_first().ok_or(CertError::Der(what))?;
        let (len, rest) = if first < 0x80 {
            (usize::from(first), rest)
        } else {
            let n = usize::from(first & 0x7f);
            if n == 0 || n > 4 || rest.len() < n {
                return Err(CertError::Der(what));
            }
            let (len_bytes, rest) = rest.split_at(n);
            let len = len_bytes
                .iter()
                .fold(0usize, |acc, &b| (acc << 8) | usize::from(b));
            (len, rest)
        };
        if rest.len() < len {
            return Err(CertError::Der(what));
        }
        let (contents, rest) = rest.split_at(len);
        let header = bytes.len() - rest.len() - len;
        let whole = bytes.get(..header + len).ok_or(CertError::Der(what))?;
        self.0 = rest;
        Ok((tag, contents, whole))
    }

    /// The next element, which must have `tag`: its contents.
    fn expect(&mut self, tag: u8, what: &'static str) -> Result<&'a [u8], CertError> {
        match self.next(what)? {
            (t, contents, _) if t == tag => Ok(contents),
            _ => Err(CertError::Unexpected(what)),
        }
    }
}

/// Reads the fields of a DER certificate.
pub fn parse(der: &[u8]) -> Result<Certificate<'_>, CertError> {
    let mut outer = Der(der);
    let mut cert = Der(outer.expect(SEQUENCE, "certificate")?);
    let mut tbs = Der(cert.expect(SEQUENCE, "tbsCertificate")?);
    if tbs.peek_tag() == Some(0xa0) {
        tbs.next("version")?;
    }
    tbs.expect(0x02, "serialNumber")?;
    let signature_oid = Der(tbs.expect(SEQUENCE, "signature")?).expect(OID, "signature")?;
    let issuer = name_text(tbs.expect(SEQUENCE, "issuer")?)?;
    let mut validity = Der(tbs.expect(SEQUENCE, "validity")?);
    let not_before = time(&mut validity)?;
    let not_after = time(&mut validity)?;
    let subject = name_text(tbs.expect(SEQUENCE, "subject")?)?;
    let (tag, _, spki) = tbs.next("subjectPublicKeyInfo")?;
    if tag != SEQUENCE {
        return Err(CertError::Unexpected("subjectPublicKeyInfo"));
    }
    let mut alt_names = Vec::new();
    while !tbs.is_empty() {
        let (tag, contents, _) = tbs.next("tbsCertificate")?;
        if tag == 0xa3 {
            let mut wrapper = Der(contents);
            alt_names = extensions(wrapper.expect(SEQUENCE, "extensions")?)?;
        }
    }
    Ok(Certificate {
        subject,
        issuer,
        not_before,
        not_after,
        spki,
        alt_names,
        signature_oid,
    })
}

/// The subject alternative names among the extensions (none if the extension is absent).
fn extensions(bytes: &[u8]) -> Result<Vec<AltName<'_>>, CertError> {
    let mut list = Der(bytes);
    let mut names = Vec::new();
    while !list.is_empty() {
        let mut ext = Der(list.expect(SEQUENCE, "extension")?);
        let id = ext.expect(OID, "extnID")?;
        if ext.peek_tag() == Some(BOOLEAN) {
            ext.next("critical")?;
        }
        let value = ext.expect(OCTET_STRING, "extnValue")?;
        if id != OID_SAN {
            continue;
        }
        let mut general = Der(Der(value).expect(SEQUENCE, "subjectAltName")?);
        while !general.is_empty() {
            let (tag, contents, _) = general.next("GeneralName")?;
            let text = || std::str::from_utf8(contents).map_err(|_| CertError::Der("GeneralName"));
            match tag {
                0x81 => names.push(AltName::Email(text()?)),
                0x82 => names.push(AltName::Dns(text()?)),
                // An iPAddress is four octets (IPv4) or sixteen (IPv6), RFC 5280 §4.2.1.6;
                // another length is no address and is not shown (found by fuzzing).
                0x87 if matches!(contents.len(), 4 | 16) => names.push(AltName::Ip(contents)),
                _ => {}
            }
        }
    }
    Ok(names)
}

/// A Name (RDNSequence) as text: `C=US, O=Let's Encrypt, CN=R11`.
fn name_text(bytes: &[u8]) -> Result<String, CertError> {
    let mut rdns = Der(bytes);
    let mut out = Vec::new();
    while !rdns.is_empty() {
        let mut set = Der(rdns.expect(SET, "RelativeDistinguishedName")?);
        let mut parts = Vec::new();
        while !set.is_empty() {
            let mut atv = Der(set.expect(SEQUENCE, "AttributeTypeAndValue")?);
            let oid = atv.expect(OID, "AttributeType")?;
            let (tag, value, _) = atv.next("AttributeValue")?;
            parts.push(format!(
                "{}={}",
                attribute_name(oid),
                attribute_value(tag, value)?
            ));
        }
        out.push(parts.join(" + "));
    }
    Ok(out.join(", "))
}

/// The short name of an attribute type, else `OID(1.2.3)`.
fn attribute_name(oid: &[u8]) -> String {
    let known = match oid {
        [0x55, 0x04, n] => match n {
            3 => "CN",
            6 => "C",
            7 => "L",
            8 => "ST",
            10 => "O",
            11 => "OU",
            0 => "objectClass",
            1 => "aliasedEntryName",
            2 => "knowledgeInformation",
            4 => "surname",
            5 => "serialNumber",
            9 => "streetAddress",
            12 => "title",
            13 => "description",
            14 => "searchGuide",
            15 => "businessCategory",
            16 => "postalAddress",
            17 => "postalCode",
            41 => "name",
            42 => "givenName",
            43 => "initials",
            44 => "generationQualifier",
            45 => "uniqueIdentifier",
            46 => "dnQualifier",
            _ => "",
        },
        [0x09, 0x92, 0x26, 0x89, 0x93, 0xf2, 0x2c, 0x64, 0x01, 0x19] => "DC",
        [0x09, 0x92, 0x26, 0x89, 0x93, 0xf2, 0x2c, 0x64, 0x01, 0x01] => "uid",
        [0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x09, 0x01] => "Email",
        [0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x09, 0x02] => "unstructuredName",
        [
            0x2b,
            0x06,
            0x01,
            0x04,
            0x01,
            0x82,
            0x37,
            0x3c,
            0x02,
            0x01,
            n,
        ] => match n {
            1 => "msJurisdictionLocality",
            2 => "msJurisdictionStateOrProvince",
            3 => "msJurisdictionCountry",
            _ => "",
        },
        _ => "",
    };
    if known.is_empty() {
        format!("OID({})", Dotted(oid))
    } else {
        known.to_string()
    }
}

/// An attribute value: string types as text (BMPString is UTF-16), anything else as upper-case
/// hex of its contents.
fn attribute_value(tag: u8, value: &[u8]) -> Result<String, CertError> {
    match tag {
        // UTF8, Numeric, Printable, T61, Videotex, IA5, Graphic, Visible, General, and
        // ObjectDescriptor (7).
        0x0c | 0x12 | 0x13 | 0x14 | 0x15 | 0x16 | 0x19 | 0x1a | 0x1b | 0x07 => {
            std::str::from_utf8(value)
                .map(str::to_string)
                .map_err(|_| CertError::Der("AttributeValue"))
        }
        0x1e => {
            if !value.len().is_multiple_of(2) {
                return Err(CertError::Der("BMPString"));
            }
            let units = value
                .chunks_exact(2)
                .map(|c| u16::from_be_bytes([c[0], c[1]]));
            char::decode_utf16(units)
                .collect::<Result<String, _>>()
                .map_err(|_| CertError::Der("BMPString"))
        }
        _ => Ok(value.iter().map(|b| format!("{b:02X}")).collect()),
    }
}

/// An OBJECT IDENTIFIER's contents in dotted form.
struct Dotted<'a>(&'a [u8]);

impl fmt::Display for Dotted<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut arcs = Vec::new();
        let mut value: u128 = 0;
        for &b in self.0 {
            value = (value << 7) | u128::from(b & 0x7f);
            if b & 0x80 == 0 {
                arcs.push(value);
                value = 0;
            }
        }
        let mut first = true;
        for (i, arc) in arcs.iter().enumerate() {
            let text = if i == 0 {
                let (a, b) = match arc {
                    0..=39 => (0, *arc),
                    40..=79 => (1, arc - 40),
                    _ => (2, arc - 80),
                };
                format!("{a}.{b}")
            } else {
                arc.to_string()
            };
            if !first {
                f.write_str(".")?;
            }
            f.write_str(&text)?;
            first = false;
        }
        Ok(())
    }
}

/// A UTCTime (`YYMMDDHHMM[SS]Z`, years 1950–2049, RFC 5280 §4.1.2.5.1) or GeneralizedTime
/// (`YYYYMMDDHHMMSS[.f]Z`), as seconds since the epoch. Offsets `+hhmm`/`-hhmm` are applied.
fn time(validity: &mut Der<'_>) -> Result<i64, CertError> {
    let (tag, text, _) = validity.next("validity")?;
    let text = std::str::from_utf8(text).map_err(|_| CertError::Time)?;
    let (year, rest) = match tag {
        UTC_TIME => {
            let yy = digits(text, 0, 2)?;
            let rest = text.get(2..).ok_or(CertError::Time)?;
            (if yy < 50 { 2000 + yy } else { 1900 + yy }, rest)
        }
        GENERALIZED_TIME => (digits(text, 0, 4)?, text.get(4..).ok_or(CertError::Time)?),
        _ => return Err(CertError::Unexpected("validity")),
    };
    let month = digits(rest, 0, 2)?;
    let day = digits(rest, 2, 2)?;
    let hour = digits(rest, 4, 2)?;
    let minute = digits(rest, 6, 2)?;
    let mut zone = rest.get(8..).ok_or(CertError::Time)?;
    let second = match zone.as_bytes().first() {
        Some(b'0'..=b'9') => {
            let s = digits(zone, 0, 2)?;
            zone = zone.get(2..).ok_or(CertError::Time)?;
            s
        }
        _ => 0,
    };
    if tag == GENERALIZED_TIME && zone.starts_with('.') {
        zone = zone.trim_start_matches(|c: char| c == '.' || c.is_ascii_digit());
    }
    let offset = match zone {
        "Z" => 0,
        _ if zone.len() == 5 && (zone.starts_with('+') || zone.starts_with('-')) => {
            let minutes = digits(zone, 1, 2)? * 60 + digits(zone, 3, 2)?;
            if zone.starts_with('+') {
                minutes * 60
            } else {
                -minutes * 60
            }
        }
        _ => return Err(CertError::Time),
    };
    if !(1..=12).contains(&month)
        || !(1..=31).contains(&day)
        || hour > 23
        || minute > 59
        || second > 60
    {
        return Err(CertError::Time);
    }
    let days = days_from_civil(year, month, day);
    Ok(days * 86_400 + hour * 3600 + minute * 60 + second - offset)
}

/// `len` ASCII digits of `text` at `at`, as a number.
fn digits(text: &str, at: usize, len: usize) -> Result<i64, CertError> {
    let part = text.get(at..at + len).ok_or(CertError::Time)?;
    if !part.bytes().all(|b| b.is_ascii_digit()) {
        return Err(CertError::Time);
    }
    part.parse().map_err(|_| CertError::Time)
}

/// Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's algorithm).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;
    use rcgen::string::{BmpString, PrintableString};
    use rcgen::{CertificateParams, DnType, DnValue, KeyPair, SanType, date_time_ymd};

    /// x509-parser's reading of the same certificate (the crate this module replaced).
    fn reference(der: &[u8]) -> (String, String, i64, i64, Vec<u8>, Vec<String>) {
        use x509_parser::extensions::GeneralName;
        let (_, c) = x509_parser::parse_x509_certificate(der).expect("reference parses");
        let mut sans = Vec::new();
        if let Ok(Some(ext)) = c.subject_alternative_name() {
            for name in &ext.value.general_names {
                match name {
                    GeneralName::DNSName(d) => sans.push(format!("DNS:{d}")),
                    GeneralName::IPAddress(b) => sans.push(format!("IP:{b:?}")),
                    GeneralName::RFC822Name(m) => sans.push(format!("email:{m}")),
                    _ => {}
                }
            }
        }
        (
            c.subject().to_string(),
            c.issuer().to_string(),
            c.validity().not_before.timestamp(),
            c.validity().not_after.timestamp(),
            c.tbs_certificate.subject_pki.raw.to_vec(),
            sans,
        )
    }

    fn ours(der: &[u8]) -> (String, String, i64, i64, Vec<u8>, Vec<String>) {
        let c = parse(der).expect("parses");
        let sans = c
            .alt_names
            .iter()
            .map(|n| match n {
                AltName::Dns(d) => format!("DNS:{d}"),
                AltName::Ip(b) => format!("IP:{b:?}"),
                AltName::Email(m) => format!("email:{m}"),
            })
            .collect();
        (
            c.subject,
            c.issuer,
            c.not_before,
            c.not_after,
            c.spki.to_vec(),
            sans,
        )
    }

    fn certificate(edit: impl FnOnce(&mut CertificateParams)) -> Vec<u8> {
        let key = KeyPair::generate().expect("key");
        let mut params =
            CertificateParams::new(vec!["imap.example.test".to_string()]).expect("params");
        edit(&mut params);
        params.self_signed(&key).expect("sign").der().to_vec()
    }

    #[test]
    fn reads_what_x509_parser_read() {
        let cases: Vec<Vec<u8>> = vec![
            certificate(|_| {}),
            certificate(|p| {
                p.distinguished_name = rcgen::DistinguishedName::new();
                p.distinguished_name.push(DnType::CountryName, "US");
                p.distinguished_name.push(
                    DnType::OrganizationName,
                    DnValue::PrintableString(PrintableString::try_from("Let's Encrypt").unwrap()),
                );
                p.distinguished_name.push(DnType::CommonName, "R11");
                p.distinguished_name.push(DnType::LocalityName, "Zürich");
                p.distinguished_name.push(DnType::StateOrProvinceName, "ZH");
                p.distinguished_name
                    .push(DnType::OrganizationalUnitName, "Mail");
                p.distinguished_name.push(
                    DnType::CustomDnType(vec![1, 2, 840, 113_549, 1, 9, 1]),
                    DnValue::Ia5String("postmaster@example.test".try_into().unwrap()),
                );
                p.distinguished_name.push(
                    DnType::CustomDnType(vec![0, 9, 2342, 19_200_300, 100, 1, 25]),
                    DnValue::Ia5String("example".try_into().unwrap()),
                );
                p.distinguished_name
                    .push(DnType::CustomDnType(vec![2, 5, 4, 5]), "1234");
                p.distinguished_name
                    .push(DnType::CustomDnType(vec![2, 5, 4, 97]), "VATDE-1");
                p.distinguished_name.push(
                    DnType::CustomDnType(vec![1, 3, 6, 1, 4, 1, 311, 60, 2, 1, 3]),
                    DnValue::PrintableString(PrintableString::try_from("DE").unwrap()),
                );
                p.distinguished_name.push(
                    DnType::CustomDnType(vec![2, 5, 4, 4]),
                    DnValue::BmpString(BmpString::try_from("Müller 日本").unwrap()),
                );
                p.subject_alt_names = vec![
                    SanType::DnsName("mail.example.test".try_into().unwrap()),
                    SanType::DnsName("*.example.test".try_into().unwrap()),
                    SanType::IpAddress("192.0.2.7".parse().unwrap()),
                    SanType::IpAddress("2001:db8::25".parse().unwrap()),
                    SanType::Rfc822Name("admin@example.test".try_into().unwrap()),
                    SanType::URI("https://example.test/".try_into().unwrap()),
                ];
            }),
            // UTCTime before 2000, GeneralizedTime from 2050 on (RFC 5280 §4.1.2.5).
            certificate(|p| {
                p.not_before = date_time_ymd(1975, 2, 28);
                p.not_after = date_time_ymd(2049, 12, 31);
            }),
            certificate(|p| {
                p.not_before = date_time_ymd(2000, 2, 29);
                p.not_after = date_time_ymd(2050, 1, 1);
                p.subject_alt_names = Vec::new();
            }),
            certificate(|p| p.not_after = date_time_ymd(9999, 12, 31)),
        ];
        for der in &cases {
            assert_eq!(ours(der), reference(der));
        }
        let rich = ours(&cases[1]);
        assert!(
            rich.0
                .starts_with("C=US, O=Let's Encrypt, CN=R11, L=Zürich, ST=ZH, OU=Mail")
        );
        assert!(rich.0.contains("Email=postmaster@example.test, DC=example"));
        assert!(
            rich.0
                .contains("OID(2.5.4.97)=VATDE-1, msJurisdictionCountry=DE")
        );
        assert!(rich.0.ends_with("surname=Müller 日本"), "{}", rich.0);
        assert_eq!(rich.5.len(), 5, "URI names are not shown");
    }

    #[test]
    fn dates_are_seconds_since_the_epoch() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
        assert_eq!(days_from_civil(1969, 12, 31), -1);
        let mut v = Der(b"\x17\x0d491231235959Z\x18\x0f20500101000000Z");
        assert_eq!(time(&mut v), Ok(2_524_607_999));
        assert_eq!(time(&mut v), Ok(2_524_608_000));
        let mut offset = Der(b"\x17\x11700101010000+0100");
        assert_eq!(time(&mut offset), Ok(0));
        for bad in [
            &b"\x17\x0d4912312359xxZ"[..],
            b"\x17\x0d491331235959Z",
            b"\x17\x03491",
        ] {
            assert!(time(&mut Der(bad)).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn broken_certificates_are_errors_not_panics() {
        let der = certificate(|p| {
            p.subject_alt_names
                .push(SanType::IpAddress("192.0.2.1".parse().unwrap()));
        });
        // Every truncation, and every single byte changed to three other values.
        for len in 0..der.len() {
            assert!(parse(&der[..len]).is_err(), "truncated to {len} bytes");
        }
        for i in 0..der.len() {
            for value in [0x00, 0x80, 0xff] {
                let mut bent = der.clone();
                bent[i] = value;
                let _ = parse(&bent);
            }
        }
        assert_eq!(parse(b""), Err(CertError::Der("certificate")));
        assert!(parse(b"\x30\x80\x00\x00").is_err(), "indefinite length");
        assert!(
            parse(b"\x30\x85\x01\x00\x00\x00\x00").is_err(),
            "5-byte length"
        );
    }
}
