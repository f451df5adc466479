//! QR codes (ISO/IEC 18004) for the QR hand-off formats: the payload in one byte-mode
//! segment (what Thunderbird's writer and Delta Chat's reader expect: the text as UTF-8,
//! never split into numeric or alphanumeric runs), error correction level L, the smallest
//! version that holds it. The symbol is a matrix of dark and light modules; around it a
//! quiet zone of four light modules (the standard's minimum; codes without it are what
//! users report as unscannable from screens).
//!
//! Drawn three ways here: PNG (8-bit grey, `png`), SVG (one path), and Unicode half blocks
//! for a terminal, two module rows per text line, black on white whatever the terminal's
//! colours (ANSI SGR 30/47). The window draws the same matrix with egui (`gui::qr`).

use qrcode::bits::Bits;
use qrcode::{EcLevel, Version};

/// Light modules around the symbol, on every side.
pub const QUIET_ZONE: usize = 4;

/// The largest symbol: version 40 (177×177 modules).
const MAX_VERSION: i16 = 40;

/// A payload too large for any QR code at error correction L.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TooLarge {
    pub bytes: usize,
    /// What version 40-L holds in byte mode.
    pub max: usize,
}

/// A QR code: its version and its modules, row by row (`true` is dark).
#[derive(Clone, PartialEq, Eq)]
pub struct QrCode {
    version: i16,
    width: usize,
    modules: Vec<bool>,
}

impl std::fmt::Debug for QrCode {
    /// The size only: the modules are the payload, which may hold a password.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "QrCode(version {}, {}×{})",
            self.version, self.width, self.width
        )
    }
}

impl QrCode {
    /// Encodes `data` in byte mode at level L, in the smallest version that holds it.
    pub fn encode(data: &[u8]) -> Result<Self, TooLarge> {
        for version in 1..=MAX_VERSION {
            let mut bits = Bits::new(Version::Normal(version));
            if bits.push_byte_data(data).is_err() || bits.push_terminator(EcLevel::L).is_err() {
                continue;
            }
            let Ok(code) = qrcode::QrCode::with_bits(bits, EcLevel::L) else {
                continue;
            };
            let width = code.width();
            return Ok(Self {
                version,
                width,
                modules: code
                    .to_colors()
                    .into_iter()
                    .map(|c| c == qrcode::Color::Dark)
                    .collect(),
            });
        }
        Err(TooLarge {
            bytes: data.len(),
            // Version 40-L: 2,956 data bytes, less the byte-mode header.
            max: 2_953,
        })
    }

    /// The version, 1 to 40 (the symbol is `17 + 4 × version` modules wide).
    pub fn version(&self) -> i16 {
        self.version
    }

    /// Modules per side, without the quiet zone.
    pub fn width(&self) -> usize {
        self.width
    }

    /// Modules per side with the quiet zone.
    pub fn width_with_quiet_zone(&self) -> usize {
        self.width + 2 * QUIET_ZONE
    }

    /// Whether the module at column `x`, row `y` is dark (outside the symbol: light).
    pub fn is_dark(&self, x: usize, y: usize) -> bool {
        x < self.width && y < self.width && self.modules[y * self.width + x]
    }

    /// Whether the module at (`x`, `y`) of the picture with the quiet zone is dark.
    pub fn is_dark_framed(&self, x: usize, y: usize) -> bool {
        x >= QUIET_ZONE && y >= QUIET_ZONE && self.is_dark(x - QUIET_ZONE, y - QUIET_ZONE)
    }

    /// A PNG picture (8-bit grey), `scale` pixels per module, quiet zone included.
    pub fn png(&self, scale: usize) -> Result<Vec<u8>, png::EncodingError> {
        let scale = scale.clamp(1, 64);
        let side = self.width_with_quiet_zone() * scale;
        let mut pixels = vec![0xffu8; side * side];
        for y in 0..side {
            for x in 0..side {
                if self.is_dark_framed(x / scale, y / scale) {
                    pixels[y * side + x] = 0;
                }
            }
        }
        let mut out = Vec::new();
        let side = u32::try_from(side).unwrap_or(u32::MAX);
        let mut encoder = png::Encoder::new(&mut out, side, side);
        encoder.set_color(png::ColorType::Grayscale);
        encoder.set_depth(png::BitDepth::Eight);
        let mut writer = encoder.write_header()?;
        writer.write_image_data(&pixels)?;
        writer.finish()?;
        Ok(out)
    }

    /// An SVG picture: a white square with the quiet zone and one black path, one unit per
    /// module, drawn `scale` pixels per module.
    pub fn svg(&self, scale: usize) -> String {
        let side = self.width_with_quiet_zone();
        let px = side * scale.clamp(1, 64);
        let mut path = String::new();
        for y in 0..self.width {
            for x in 0..self.width {
                if self.is_dark(x, y) {
                    path.push_str(&format!("M{},{}h1v1h-1z", x + QUIET_ZONE, y + QUIET_ZONE));
                }
            }
        }
        format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
             <svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"{px}\" \
             height=\"{px}\" viewBox=\"0 0 {side} {side}\" shape-rendering=\"crispEdges\">\n\
             <rect width=\"{side}\" height=\"{side}\" fill=\"#ffffff\"/>\n\
             <path fill=\"#000000\" d=\"{path}\"/>\n</svg>\n"
        )
    }

    /// The code in Unicode half blocks (`▀`, `▄`, `█`), black on white, quiet zone included:
    /// one text line per two module rows.
    pub fn terminal(&self) -> String {
        let side = self.width_with_quiet_zone();
        let mut out = String::new();
        for y in (0..side).step_by(2) {
            out.push_str("\x1b[30;47m");
            for x in 0..side {
                let top = self.is_dark_framed(x, y);
                let bottom = y + 1 < side && self.is_dark_framed(x, y + 1);
                out.push(match (top, bottom) {
                    (true, true) => '█',
                    (true, false) => '▀',
                    (false, true) => '▄',
                    (false, false) => ' ',
                });
            }
            out.push_str("\x1b[0m\n");
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_smallest_version_at_level_l_in_byte_mode() {
        // Version 1-L holds 17 bytes in byte mode; 18 need version 2.
        assert_eq!(QrCode::encode(&[b'7'; 17]).unwrap().version(), 1);
        assert_eq!(QrCode::encode(&[b'7'; 18]).unwrap().version(), 2);
        let code = QrCode::encode(b"hello").unwrap();
        assert_eq!(code.width(), 21);
        assert_eq!(code.width_with_quiet_zone(), 29);
        // The top-left finder pattern: dark corner, and the quiet zone light.
        assert!(code.is_dark(0, 0));
        assert!(!code.is_dark_framed(0, 0));
        assert!(code.is_dark_framed(QUIET_ZONE, QUIET_ZONE));
    }

    #[test]
    fn too_large_is_an_error_not_a_panic() {
        let e = QrCode::encode(&vec![b'x'; 3000]).unwrap_err();
        assert_eq!(e.bytes, 3000);
        assert!(QrCode::encode(&vec![b'x'; 2953]).is_ok());
    }

    #[test]
    fn pictures_have_the_quiet_zone() {
        let code = QrCode::encode(b"hello").unwrap();
        let png = code.png(2).unwrap();
        assert_eq!(&png[1..4], b"PNG");
        let svg = code.svg(4);
        assert!(svg.contains("viewBox=\"0 0 29 29\""));
        assert!(svg.starts_with("<?xml"));
        let text = code.terminal();
        assert_eq!(text.lines().count(), 15);
        // The first line is all quiet zone.
        assert!(text.lines().next().unwrap().contains(&" ".repeat(29)));
    }
}
