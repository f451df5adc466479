//! Strict readers for the hand-off formats, written from the formats' descriptions (not from
//! our writer), and `zbarimg`, the QR decoder we did not write.
//!
//! - Thunderbird for Android QR v1 (thunderbird-android `qr-code-format.md`): every element
//!   of every array validated, unknown values refused, as the format demands of readers;
//! - Delta Chat `dclogin:` v1 (chatmail/core `dclogin_scheme.rs`): scheme, percent-decoded
//!   address, required `p` and `v=1`, known keys and values only.

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

/// One server as the readers see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Server {
    /// "imap", "pop3" or "smtp".
    pub protocol: String,
    pub host: String,
    pub port: u16,
    /// "plain", "starttls" or "tls".
    pub security: String,
    pub username: String,
    pub password: Option<String>,
}

/// A Thunderbird for Android account read from a payload.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TfaAccount {
    pub incoming: Server,
    /// Authentication type of both servers (1 password cleartext … 6 OAuth2).
    pub incoming_auth: u64,
    pub outgoing: Server,
    pub outgoing_auth: u64,
    pub account_name: Option<String>,
    pub address: String,
    pub display_name: String,
}

fn int(v: &serde_json::Value, what: &str) -> u64 {
    v.as_u64()
        .unwrap_or_else(|| panic!("{what} is not an integer: {v}"))
}

fn text(v: &serde_json::Value, what: &str) -> String {
    let s = v
        .as_str()
        .unwrap_or_else(|| panic!("{what} is not a string: {v}"));
    assert!(!s.contains(['\r', '\n']), "{what} holds a line break");
    s.to_string()
}

fn tfa_security(v: &serde_json::Value) -> String {
    match int(v, "ConnectionSecurity") {
        0 => "plain".into(),
        2 => "starttls".into(),
        3 => "tls".into(),
        other => panic!("ConnectionSecurity {other} is not a version 1 value (1 is reserved)"),
    }
}

fn tfa_auth(v: &serde_json::Value) -> u64 {
    let a = int(v, "AuthenticationType");
    assert!(a <= 6, "AuthenticationType {a} unknown");
    a
}

fn ascii_host(v: &serde_json::Value) -> String {
    let h = text(v, "Hostname");
    assert!(
        !h.is_empty() && h.is_ascii() && !h.contains(' '),
        "Hostname {h:?} is not an ASCII host name"
    );
    h
}

fn port(v: &serde_json::Value) -> u16 {
    let p = int(v, "Port");
    assert!((1..=65535).contains(&p), "Port {p} out of range");
    p as u16
}

fn optional_password(v: Option<&serde_json::Value>) -> Option<String> {
    match v {
        None | Some(serde_json::Value::Null) => None,
        Some(v) => Some(text(v, "Password")).filter(|s| !s.is_empty()),
    }
}

/// Reads a Thunderbird for Android QR payload (format version 1, one account, one code).
pub fn read_tfa(payload: &str) -> TfaAccount {
    let root: serde_json::Value = serde_json::from_str(payload).expect("the payload is JSON");
    let root = root.as_array().expect("the root is an array");
    assert_eq!(
        root.len(),
        4,
        "one account: version, misc, incoming, outgoing groups"
    );
    assert_eq!(int(&root[0], "FormatVersion"), 1);
    let misc = root[1].as_array().expect("MiscellaneousData is an array");
    assert_eq!(misc.len(), 2);
    assert_eq!(int(&misc[0], "SequenceNumber"), 1);
    assert_eq!(int(&misc[1], "SequenceEnd"), 1);

    let inc = root[2].as_array().expect("IncomingServer is an array");
    assert!(
        (6..=8).contains(&inc.len()),
        "IncomingServer has {} elements",
        inc.len()
    );
    let protocol = match int(&inc[0], "IncomingProtocol") {
        0 => "imap",
        1 => "pop3",
        other => panic!("IncomingProtocol {other} unknown"),
    };
    let account_name = match inc.get(6) {
        None | Some(serde_json::Value::Null) => None,
        Some(v) => Some(text(v, "AccountName")).filter(|s| !s.is_empty()),
    };
    let incoming = Server {
        protocol: protocol.into(),
        host: ascii_host(&inc[1]),
        port: port(&inc[2]),
        security: tfa_security(&inc[3]),
        username: text(&inc[5], "Username"),
        password: optional_password(inc.get(7)),
    };
    let incoming_auth = tfa_auth(&inc[4]);

    let groups = root[3]
        .as_array()
        .expect("OutgoingServerGroups is an array");
    assert_eq!(groups.len(), 1, "one outgoing group");
    let group = groups[0]
        .as_array()
        .expect("OutgoingServerGroup is an array");
    assert_eq!(group.len(), 2, "one server and one identity");
    let out = group[0].as_array().expect("OutgoingServer is an array");
    assert!(
        (6..=7).contains(&out.len()),
        "OutgoingServer has {} elements",
        out.len()
    );
    assert_eq!(int(&out[0], "OutgoingProtocol"), 0, "SMTP");
    let outgoing = Server {
        protocol: "smtp".into(),
        host: ascii_host(&out[1]),
        port: port(&out[2]),
        security: tfa_security(&out[3]),
        username: text(&out[5], "Username"),
        password: optional_password(out.get(6)),
    };
    let outgoing_auth = tfa_auth(&out[4]);
    let identity = group[1].as_array().expect("Identity is an array");
    assert_eq!(identity.len(), 2);
    let address = text(&identity[0], "EmailAddress");
    assert!(
        address.is_ascii() && address.contains('@'),
        "EmailAddress {address:?}"
    );
    TfaAccount {
        incoming,
        incoming_auth,
        outgoing,
        outgoing_auth,
        account_name,
        address,
        display_name: text(&identity[1], "DisplayName"),
    }
}

/// A `dclogin:` URI, read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DcLogin {
    pub address: String,
    pub password: String,
    pub imap: Server,
    pub smtp: Server,
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).expect("two hex digits");
                out.push(u8::from_str_radix(hex, 16).expect("hex"));
                i += 3;
            }
            b'+' => panic!("a literal + in a dclogin value reads as a space: it must be %2B"),
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).expect("UTF-8 after decoding")
}

fn dc_security(word: &str) -> String {
    match word {
        "ssl" => "tls".into(),
        "starttls" => "starttls".into(),
        "plain" => "plain".into(),
        other => panic!("security {other:?} is not one dclogin v1 knows"),
    }
}

/// Reads a `dclogin:` URI (version 1), refusing anything the format does not define.
pub fn read_dclogin(uri: &str) -> DcLogin {
    let rest = uri
        .strip_prefix("dclogin:")
        .unwrap_or_else(|| panic!("not a dclogin: URI: {uri:?}"));
    let rest = rest.strip_prefix("//").unwrap_or(rest);
    let (address, query) = rest.split_once('?').expect("a query");
    let address = percent_decode(address.trim_end_matches('/'));
    assert!(address.contains('@'), "address {address:?}");
    let mut map = BTreeMap::new();
    for pair in query.split('&') {
        let (k, v) = pair.split_once('=').expect("key=value");
        assert!(
            [
                "p", "v", "ih", "ip", "iu", "ipw", "is", "sh", "sp", "su", "spw", "ss", "ic"
            ]
            .contains(&k),
            "unknown key {k}"
        );
        assert!(
            map.insert(k.to_string(), percent_decode(v)).is_none(),
            "{k} twice"
        );
    }
    assert_eq!(map.get("v").map(String::as_str), Some("1"), "version 1");
    if let Some(ic) = map.get("ic") {
        assert!(
            ic == "0" || ic == "1",
            "ic={ic}: never accept invalid certificates"
        );
    }
    let password = map.get("p").expect("p (the password) is required").clone();
    let port = |k: &str| -> u16 { map[k].parse().unwrap_or_else(|_| panic!("{k} not a port")) };
    DcLogin {
        imap: Server {
            protocol: "imap".into(),
            host: map["ih"].clone(),
            port: port("ip"),
            security: dc_security(&map["is"]),
            username: map["iu"].clone(),
            password: map.get("ipw").cloned(),
        },
        smtp: Server {
            protocol: "smtp".into(),
            host: map["sh"].clone(),
            port: port("sp"),
            security: dc_security(&map["ss"]),
            username: map["su"].clone(),
            password: map.get("spw").cloned(),
        },
        address,
        password,
    }
}

/// Decodes the one QR code in a picture with zbarimg (the bytes as they are).
pub fn zbar(picture: &Path) -> String {
    let out = Command::new("zbarimg")
        .args(["--raw", "-q", "-Sbinary"])
        .arg(picture)
        .output()
        .unwrap_or_else(|e| {
            panic!(
                "zbarimg could not run ({e}): apt-get install -y --no-install-recommends \
                 zbar-tools (scripts/test installs it)"
            )
        });
    assert!(
        out.status.success(),
        "zbarimg found no code in {}: {}",
        picture.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).expect("UTF-8 payload");
    text.strip_suffix('\n').unwrap_or(&text).to_string()
}

/// zbarimg here reads no SVG (ImageMagick has no SVG delegate without rsvg/inkscape): the
/// SVG's squares (`M x,y h1v1h-1z`, one per dark module, on a white square) are painted into
/// a PNG, 8 pixels per unit, which zbarimg then decodes.
pub fn svg_to_png(svg: &Path, png_out: &Path) {
    let text = std::fs::read_to_string(svg).unwrap();
    let doc = roxmltree::Document::parse(&text).expect("the SVG is well-formed XML");
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "svg");
    let view: Vec<usize> = root
        .attribute("viewBox")
        .expect("a viewBox")
        .split(' ')
        .map(|n| n.parse().unwrap())
        .collect();
    let side = view[2];
    let rect = root
        .children()
        .find(|n| n.has_tag_name("rect"))
        .expect("a background");
    assert_eq!(rect.attribute("fill"), Some("#ffffff"));
    let path = root
        .children()
        .find(|n| n.has_tag_name("path"))
        .expect("a path");
    assert_eq!(path.attribute("fill"), Some("#000000"));
    let scale = 8;
    let px = side * scale;
    let mut pixels = vec![0xffu8; px * px];
    for square in path
        .attribute("d")
        .unwrap()
        .split('z')
        .filter(|s| !s.is_empty())
    {
        let xy = square
            .strip_prefix('M')
            .and_then(|s| s.strip_suffix("h1v1h-1"))
            .unwrap_or_else(|| panic!("not a module square: {square}"));
        let (x, y) = xy.split_once(',').unwrap();
        let (x, y): (usize, usize) = (x.parse().unwrap(), y.parse().unwrap());
        for dy in 0..scale {
            for dx in 0..scale {
                pixels[(y * scale + dy) * px + x * scale + dx] = 0;
            }
        }
    }
    let file = std::fs::File::create(png_out).unwrap();
    let mut encoder = png::Encoder::new(file, px as u32, px as u32);
    encoder.set_color(png::ColorType::Grayscale);
    encoder.set_depth(png::BitDepth::Eight);
    encoder
        .write_header()
        .unwrap()
        .write_image_data(&pixels)
        .unwrap();
}
