//! A small authoritative DNS server on 127.0.0.1 (UDP, RFC 1035 messages via hickory-proto)
//! answering A, AAAA, MX, SRV and TXT for test names. Unknown names get NXDOMAIN (so nothing a
//! test asks ever leaves the machine); a name can also be made to answer SERVFAIL, to answer
//! late, or never to answer. Every A/AAAA answer must be a loopback address.

use std::collections::{BTreeMap, BTreeSet};
use std::net::{Ipv4Addr, Ipv6Addr, SocketAddr};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use hickory_proto::op::{Message, MessageType, ResponseCode};
use hickory_proto::rr::rdata::{A, AAAA, MX, SRV, TXT};
use hickory_proto::rr::{Name, RData, Record, RecordType};
use tokio::net::UdpSocket;

#[derive(Default)]
struct Zone {
    records: BTreeMap<(String, RecordType), Vec<RData>>,
    servfail: BTreeSet<String>,
    silent: BTreeSet<String>,
    delay: BTreeMap<String, Duration>,
    seen: Vec<(String, RecordType)>,
}

impl Zone {
    fn exists(&self, name: &str) -> bool {
        let suffix = format!(".{name}");
        self.records
            .keys()
            .any(|(n, _)| n == name || n.ends_with(&suffix))
    }
}

/// The server; it stops when dropped with its runtime.
pub struct DnsServer {
    pub addr: SocketAddr,
    zone: Arc<Mutex<Zone>>,
}

fn key(name: &str) -> String {
    name.trim_end_matches('.').to_ascii_lowercase()
}

fn fqdn(name: &str) -> Name {
    Name::from_ascii(format!("{}.", key(name))).expect("valid DNS name")
}

/// A fully qualified name of raw labels (any bytes, 1–63 each).
fn raw(labels: &[&[u8]]) -> Name {
    let mut n = Name::from_labels(labels.iter().copied()).expect("labels of 1-63 bytes");
    n.set_fqdn(true);
    n
}

impl DnsServer {
    pub async fn start() -> Self {
        let socket = Arc::new(UdpSocket::bind("127.0.0.1:0").await.expect("bind DNS"));
        let addr = socket.local_addr().expect("DNS address");
        let zone = Arc::new(Mutex::new(Zone::default()));
        let z = zone.clone();
        tokio::spawn(async move {
            let mut buf = vec![0u8; 4096];
            loop {
                let Ok((n, peer)) = socket.recv_from(&mut buf).await else {
                    return;
                };
                let Ok(query) = Message::from_vec(&buf[..n]) else {
                    continue;
                };
                let socket = socket.clone();
                let zone = z.clone();
                tokio::spawn(async move {
                    if let Some((reply, delay)) = answer(&zone, &query) {
                        if let Some(d) = delay {
                            tokio::time::sleep(d).await;
                        }
                        if let Ok(bytes) = reply.to_vec() {
                            let _ = socket.send_to(&bytes, peer).await;
                        }
                    }
                });
            }
        });
        Self { addr, zone }
    }

    fn add(&self, name: &str, rtype: RecordType, data: RData) {
        self.zone
            .lock()
            .unwrap()
            .records
            .entry((key(name), rtype))
            .or_default()
            .push(data);
    }

    pub fn a(&self, name: &str, ip: Ipv4Addr) {
        assert!(ip.is_loopback(), "test DNS answers loopback addresses only");
        self.add(name, RecordType::A, RData::A(A(ip)));
    }

    pub fn aaaa(&self, name: &str, ip: Ipv6Addr) {
        assert!(ip.is_loopback(), "test DNS answers loopback addresses only");
        self.add(name, RecordType::AAAA, RData::AAAA(AAAA(ip)));
    }

    pub fn mx(&self, name: &str, preference: u16, exchange: &str) {
        self.add(
            name,
            RecordType::MX,
            RData::MX(MX::new(preference, fqdn(exchange))),
        );
    }

    /// An SRV record; a target of "." means "not offered".
    pub fn srv(&self, name: &str, priority: u16, weight: u16, port: u16, target: &str) {
        let target = if target == "." {
            Name::root()
        } else {
            fqdn(target)
        };
        self.add(
            name,
            RecordType::SRV,
            RData::SRV(SRV::new(priority, weight, port, target)),
        );
    }

    /// One TXT record made of these character-strings (each at most 255 bytes); call again
    /// for several records at one name.
    pub fn txt(&self, name: &str, strings: &[&str]) {
        let parts = strings.iter().map(|s| s.to_string()).collect();
        self.add(name, RecordType::TXT, RData::TXT(TXT::new(parts)));
    }

    /// An MX record whose exchange is the given labels as raw bytes: what a hostile zone can
    /// put on the wire (spaces, `;`, `$( )`, control bytes), which no host name allows.
    pub fn mx_raw(&self, name: &str, preference: u16, labels: &[&[u8]]) {
        self.add(
            name,
            RecordType::MX,
            RData::MX(MX::new(preference, raw(labels))),
        );
    }

    /// An SRV record whose target is the given labels as raw bytes (see `mx_raw`).
    pub fn srv_raw(&self, name: &str, priority: u16, port: u16, labels: &[&[u8]]) {
        self.add(
            name,
            RecordType::SRV,
            RData::SRV(SRV::new(priority, 0, port, raw(labels))),
        );
    }

    /// Every query for `name` (any type) gets SERVFAIL.
    pub fn servfail(&self, name: &str) {
        self.zone.lock().unwrap().servfail.insert(key(name));
    }

    /// Queries for `name` are never answered.
    pub fn silent(&self, name: &str) {
        self.zone.lock().unwrap().silent.insert(key(name));
    }

    /// Answers for `name` are sent after `d`.
    pub fn delay(&self, name: &str, d: Duration) {
        self.zone.lock().unwrap().delay.insert(key(name), d);
    }

    /// Every (name, type) asked so far.
    pub fn seen(&self) -> Vec<(String, RecordType)> {
        self.zone.lock().unwrap().seen.clone()
    }
}

fn answer(zone: &Mutex<Zone>, query: &Message) -> Option<(Message, Option<Duration>)> {
    let q = query.queries.first()?;
    let name = key(&q.name().to_ascii());
    let rtype = q.query_type();
    let mut zone = zone.lock().unwrap();
    zone.seen.push((name.clone(), rtype));
    if zone.silent.contains(&name) {
        return None;
    }
    let mut reply = Message::new(
        query.metadata.id,
        MessageType::Response,
        query.metadata.op_code,
    );
    reply.metadata.recursion_desired = query.metadata.recursion_desired;
    reply.metadata.recursion_available = true;
    reply.metadata.authoritative = true;
    reply.add_query(q.clone());
    if zone.servfail.contains(&name) {
        reply.metadata.response_code = ResponseCode::ServFail;
    } else if let Some(data) = zone.records.get(&(name.clone(), rtype)) {
        for d in data {
            reply.add_answer(Record::from_rdata(q.name().clone(), 60, d.clone()));
        }
    } else if !zone.exists(&name) {
        reply.metadata.response_code = ResponseCode::NXDomain;
    }
    let delay = zone.delay.get(&name).copied();
    Some((reply, delay))
}
