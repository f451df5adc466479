//! Reading an XML document that came from the network, within bounds: at most so many bytes,
//! UTF-8 (a leading byte-order mark is dropped), no DTD (so no entity expansion, the "billion
//! laughs"), at most so many nodes. The config-v1.1 reader (`config_v11.rs`) and the
//! Autodiscover reader (`autodiscover_xml.rs`) both start here and turn a `Refusal` into their
//! own error type, whose variants keep these names.

use roxmltree::{Document, ParsingOptions};

/// Why a document was not read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Refusal {
    TooLarge { bytes: usize, limit: usize },
    NotUtf8 { offset: usize },
    Dtd,
    TooManyNodes { limit: u32 },
    Xml { detail: String },
}

/// The document in `bytes`, or why it was refused.
pub(crate) fn document(
    bytes: &[u8],
    max_bytes: usize,
    max_nodes: u32,
) -> Result<Document<'_>, Refusal> {
    if bytes.len() > max_bytes {
        return Err(Refusal::TooLarge {
            bytes: bytes.len(),
            limit: max_bytes,
        });
    }
    let text = std::str::from_utf8(bytes).map_err(|e| Refusal::NotUtf8 {
        offset: e.valid_up_to(),
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let options = ParsingOptions {
        allow_dtd: false,
        nodes_limit: max_nodes,
        ..ParsingOptions::default()
    };
    Document::parse_with_options(text, options).map_err(|e| match e {
        roxmltree::Error::DtdDetected => Refusal::Dtd,
        roxmltree::Error::NodesLimitReached => Refusal::TooManyNodes { limit: max_nodes },
        other => Refusal::Xml {
            detail: other.to_string(),
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_bound_is_its_own_refusal() {
        assert!(matches!(
            document(b"<a/>", 3, 10),
            Err(Refusal::TooLarge { bytes: 4, limit: 3 })
        ));
        assert_eq!(
            document(b"<a>\xff</a>", 100, 10).err(),
            Some(Refusal::NotUtf8 { offset: 3 })
        );
        let dtd = b"<!DOCTYPE a [<!ENTITY x \"y\">]><a>&x;</a>";
        assert_eq!(document(dtd, 100, 10).err(), Some(Refusal::Dtd));
        assert_eq!(
            document(b"<a><b/><b/><b/></a>", 100, 3).err(),
            Some(Refusal::TooManyNodes { limit: 3 })
        );
        assert!(matches!(
            document(b"<a>", 100, 10),
            Err(Refusal::Xml { .. })
        ));
        let doc = document("\u{feff}<a/>".as_bytes(), 100, 10).expect("a document");
        assert_eq!(doc.root_element().tag_name().name(), "a");
    }
}
