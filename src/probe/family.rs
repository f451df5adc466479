//! The vocabulary of connection attempts: an address family (IPv4, IPv6), what one attempt to
//! one address came to, and how each family of a server's name fared. Plain serialisable
//! data shared by the connect race (`connect.rs`), the network doctor (`doctor.rs`), the
//! report (`outcome.rs`) and the network diagnosis (`diagnosis/network.rs`); nothing here
//! does I/O.

use serde::Serialize;

/// What one connection attempt to one address came to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AttemptResult {
    Connected,
    Refused,
    /// This computer has no route for the address's network at all (ENETUNREACH): an
    /// IPv4-only network asked for IPv6, say. Not the server's fault.
    NoRoute,
    /// The host is unreachable (EHOSTUNREACH, an ICMP "unreachable" on the way).
    Unreachable,
    /// Nothing answered before the deadline (or before another address won).
    NoAnswer,
    /// Another error.
    Failed,
}

/// An address family.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Family {
    Ipv4,
    Ipv6,
}

impl Family {
    pub fn of(addr: &std::net::IpAddr) -> Self {
        if addr.is_ipv6() {
            Family::Ipv6
        } else {
            Family::Ipv4
        }
    }

    /// "IPv4" or "IPv6".
    pub fn name(self) -> &'static str {
        match self {
            Family::Ipv4 => "IPv4",
            Family::Ipv6 => "IPv6",
        }
    }
}

/// How one address family of the server's name fared.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FamilyResult {
    pub family: Family,
    /// The address that decided it.
    pub address: String,
    pub result: AttemptResult,
    /// How long the attempt took, when it ended.
    pub ms: Option<u64>,
}
