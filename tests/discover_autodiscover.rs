//! Microsoft Autodiscover without credentials, and Microsoft 365 recognised before a password
//! is typed (issue 24 §1), against the loopback DNS and HTTPS servers: POX answers become
//! candidates while the server sees no `Authorization` header ever; a 405 is asked again with
//! GET, a 401 is not retried; redirects are followed twice (off the domain: unvouched) and a
//! third is refused; an Exchange-only answer is said and the guesses still run; the SSL and
//! Encryption readings; hostile answers refused by type; an MX at Microsoft plus a yes from
//! the v2 endpoint brings the Microsoft 365 entry — through the library and the binary.

#![allow(clippy::unwrap_used, clippy::expect_used)] // A panic in a test is its failure.

mod netsupport;

use std::process::{Command, Output};

use mailsetup::account::{EmailAddress, Protocol, Security};
use mailsetup::discover::autodiscover_xml::AutodiscoverError;
use mailsetup::discover::{
    self, Channel, DiscoveryOptions, SourceError, SourceId, SourceStatus, SourceTrust, Vouch,
};
use netsupport::https::Seen;
use netsupport::{LOOPBACK, Net, Reply};

const PATH: &str = "/autodiscover/autodiscover.xml";

fn email(text: &str) -> EmailAddress {
    EmailAddress::parse(text).unwrap()
}

fn only(net: &Net, sources: &[SourceId]) -> DiscoveryOptions {
    let mut o = net.options();
    o.sources = sources.iter().copied().collect();
    o
}

/// A POX answer (`responseschema/2006a`) around one `<Account>`.
fn pox(account: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="utf-8"?>
<Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006">
  <Response xmlns="http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a">
    <Account><AccountType>email</AccountType>{account}</Account>
  </Response>
</Autodiscover>"#
    )
}

fn block(kind: &str, inner: &str) -> String {
    format!("<Protocol><Type>{kind}</Type>{inner}</Protocol>")
}

fn settings(blocks: &[String]) -> String {
    pox(&format!("<Action>settings</Action>{}", blocks.concat()))
}

fn redirect_url(to: &str) -> String {
    pox(&format!(
        "<Action>redirectUrl</Action><RedirectUrl>{to}</RedirectUrl>"
    ))
}

fn redirect_addr(to: &str) -> String {
    pox(&format!(
        "<Action>redirectAddr</Action><RedirectAddr>{to}</RedirectAddr>"
    ))
}

/// An IMAP and an SMTP block for `domain`.
fn imap_smtp(domain: &str) -> String {
    settings(&[
        block(
            "IMAP",
            &format!(
                "<Server>imap.{domain}</Server><Port>993</Port><SSL>on</SSL>\
                 <LoginName>login-{domain}</LoginName><SPA>off</SPA>"
            ),
        ),
        block(
            "SMTP",
            &format!("<Server>smtp.{domain}</Server><Port>587</Port><SSL>on</SSL>"),
        ),
    ])
}

/// No request the server saw carried credentials of any kind.
fn no_credentials(seen: &[Seen]) {
    assert!(!seen.is_empty());
    for s in seen {
        assert!(
            s.header("authorization").is_none() && s.header("proxy-authorization").is_none(),
            "credentials sent to {}{}: {:?}",
            s.host,
            s.path,
            s.headers
        );
    }
}

fn to(net: &Net, host: &str) -> Vec<Seen> {
    net.web
        .seen()
        .into_iter()
        .filter(|s| s.host == host)
        .collect()
}

#[tokio::test]
async fn pox_imap_and_smtp_blocks_become_vouched_candidates_and_no_credentials_are_sent() {
    let net = Net::start().await;
    net.dns.a("autodiscover.pox.test", LOOPBACK);
    net.web.https(
        "autodiscover.pox.test",
        PATH,
        Reply::OnPost(
            Box::new(Reply::Xml(imap_smtp("pox.test"))),
            Box::new(Reply::Status(404)),
        ),
    );
    let r = discover::discover(
        &email("kim@pox.test"),
        &only(&net, &[SourceId::Autodiscover]),
    )
    .await;
    let report = r.source(SourceId::Autodiscover).unwrap();
    assert_eq!(report.status, SourceStatus::Found, "{report:?}");
    assert_eq!(report.found, 2);
    let imap = r.best(Protocol::Imap).unwrap();
    assert_eq!(imap.endpoint_text(), "imap.pox.test:993 TLS");
    assert_eq!(imap.username, "login-pox.test");
    assert_eq!(imap.trust, SourceTrust::Trusted);
    assert!(imap.vouch.is_vouched());
    let smtp = r.best(Protocol::Smtp).unwrap();
    assert_eq!(smtp.endpoint_text(), "smtp.pox.test:587 STARTTLS");
    assert_eq!(smtp.username, "kim@pox.test");
    assert!(r.is_complete());
    // The request: one POST of the POX request for the address, as text/xml.
    let seen = to(&net, "autodiscover.pox.test");
    assert_eq!(seen.len(), 1, "{seen:?}");
    assert_eq!(seen[0].method, "POST");
    assert!(seen[0].header("content-type").unwrap().contains("xml"));
    let body = String::from_utf8(seen[0].body.clone()).unwrap();
    assert!(
        body.contains("<EMailAddress>kim@pox.test</EMailAddress>"),
        "{body}"
    );
    assert!(body.contains("responseschema/2006a"), "{body}");
    no_credentials(&net.web.seen());
}

#[tokio::test]
async fn a_405_is_asked_again_with_get_and_a_401_is_never_retried() {
    let net = Net::start().await;
    net.dns.a("autodiscover.get.test", LOOPBACK);
    net.web.https(
        "autodiscover.get.test",
        PATH,
        Reply::OnPost(
            Box::new(Reply::Status(405)),
            Box::new(Reply::Xml(imap_smtp("get.test"))),
        ),
    );
    let r = discover::discover(
        &email("kim@get.test"),
        &only(&net, &[SourceId::Autodiscover]),
    )
    .await;
    assert_eq!(
        r.source(SourceId::Autodiscover).unwrap().status,
        SourceStatus::Found
    );
    let methods: Vec<String> = to(&net, "autodiscover.get.test")
        .into_iter()
        .map(|s| s.method)
        .collect();
    assert_eq!(methods, ["POST", "GET"]);

    // A server that wants credentials gets none, and is asked once.
    net.dns.a("autodiscover.auth.test", LOOPBACK);
    net.web
        .https("autodiscover.auth.test", PATH, Reply::Status(401));
    let r = discover::discover(
        &email("kim@auth.test"),
        &only(&net, &[SourceId::Autodiscover]),
    )
    .await;
    let report = r.source(SourceId::Autodiscover).unwrap();
    assert_eq!(report.status, SourceStatus::Nothing, "{report:?}");
    assert!(
        report.notes.iter().any(|n| n.contains("401")),
        "{:?}",
        report.notes
    );
    assert_eq!(to(&net, "autodiscover.auth.test").len(), 1);
    no_credentials(&net.web.seen());
}

#[tokio::test]
async fn redirects_are_followed_twice_off_the_domain_unvouched_and_a_third_is_refused() {
    let net = Net::start().await;
    // hop.test → redirectUrl to the hoster → redirectAddr to another domain → settings.
    for host in [
        "autodiscover.hop.test",
        "ad.hoster.test",
        "autodiscover.hosted.test",
    ] {
        net.dns.a(host, LOOPBACK);
    }
    net.web.https(
        "autodiscover.hop.test",
        PATH,
        Reply::Xml(redirect_url(&format!("https://ad.hoster.test{PATH}"))),
    );
    net.web.https(
        "ad.hoster.test",
        PATH,
        Reply::Xml(redirect_addr("kim.h@hosted.test")),
    );
    net.web.https(
        "autodiscover.hosted.test",
        PATH,
        Reply::Xml(imap_smtp("hoster.test")),
    );
    let r = discover::discover(
        &email("kim@hop.test"),
        &only(&net, &[SourceId::Autodiscover]),
    )
    .await;
    let report = r.source(SourceId::Autodiscover).unwrap();
    assert_eq!(report.status, SourceStatus::Found, "{report:?}");
    let imap = r.best(Protocol::Imap).unwrap();
    assert_eq!(imap.host, "imap.hoster.test");
    assert!(!imap.vouch.is_vouched(), "{:?}", imap.vouch);
    assert!(matches!(
        &imap.vouch,
        Vouch::Unvouched {
            source: SourceId::Autodiscover,
            channel: Channel::RedirectedOff { .. }
        }
    ));
    assert!(imap.consent_question("hop.test").is_some());
    // The redirected address is asked for at its own domain, and is the username where the
    // answer names no LoginName.
    let last = to(&net, "autodiscover.hosted.test");
    assert_eq!(last.len(), 1);
    assert!(String::from_utf8_lossy(&last[0].body).contains("kim.h@hosted.test"));
    assert_eq!(
        r.best(Protocol::Smtp).unwrap().username,
        "kim.h@hosted.test"
    );

    // Inside the domain, a redirect keeps the answer the domain's word.
    net.dns.a("autodiscover.near.test", LOOPBACK);
    net.dns.a("mail.near.test", LOOPBACK);
    net.web.https(
        "autodiscover.near.test",
        PATH,
        Reply::Xml(redirect_url(&format!("https://mail.near.test{PATH}"))),
    );
    net.web
        .https("mail.near.test", PATH, Reply::Xml(imap_smtp("other.test")));
    let r = discover::discover(
        &email("kim@near.test"),
        &only(&net, &[SourceId::Autodiscover]),
    )
    .await;
    assert_eq!(
        r.best(Protocol::Imap).unwrap().vouch,
        Vouch::BoundBy {
            source: SourceId::Autodiscover
        }
    );

    // Three redirects: the third is refused, and its target never asked.
    for host in ["autodiscover.far.test", "a1.far.test", "a2.far.test"] {
        net.dns.a(host, LOOPBACK);
    }
    net.dns.a("a3.far.test", LOOPBACK);
    net.web.https(
        "autodiscover.far.test",
        PATH,
        Reply::Xml(redirect_url(&format!("https://a1.far.test{PATH}"))),
    );
    net.web.https(
        "a1.far.test",
        PATH,
        Reply::Xml(redirect_url(&format!("https://a2.far.test{PATH}"))),
    );
    net.web.https(
        "a2.far.test",
        PATH,
        Reply::Xml(redirect_url(&format!("https://a3.far.test{PATH}"))),
    );
    net.web
        .https("a3.far.test", PATH, Reply::Xml(imap_smtp("far.test")));
    let r = discover::discover(
        &email("kim@far.test"),
        &only(&net, &[SourceId::Autodiscover]),
    )
    .await;
    let report = r.source(SourceId::Autodiscover).unwrap();
    assert_eq!(report.status, SourceStatus::Failed, "{report:?}");
    assert!(
        matches!(
            &report.error,
            Some(SourceError::Autodiscover {
                error: AutodiscoverError::TooManyRedirects { limit: 2 },
                ..
            })
        ),
        "{:?}",
        report.error
    );
    assert!(r.candidates.is_empty());
    assert!(to(&net, "a3.far.test").is_empty());
    no_credentials(&net.web.seen());
}

#[tokio::test]
async fn an_srv_target_outside_the_domain_is_asked_and_unvouched() {
    let net = Net::start().await;
    net.dns
        .srv("_autodiscover._tcp.srv.test", 0, 1, 443, "ad.provider.test");
    net.dns.a("ad.provider.test", LOOPBACK);
    net.web.https(
        "ad.provider.test",
        PATH,
        Reply::Xml(imap_smtp("provider.test")),
    );
    let r = discover::discover(
        &email("kim@srv.test"),
        &only(&net, &[SourceId::Autodiscover]),
    )
    .await;
    let imap = r.best(Protocol::Imap).unwrap();
    assert_eq!(imap.host, "imap.provider.test");
    assert_eq!(imap.trust, SourceTrust::Dns);
    assert!(!imap.vouch.is_vouched());
    no_credentials(&net.web.seen());
}

#[tokio::test]
async fn ssl_and_encryption_are_read_as_rfc_8314_says() {
    let net = Net::start().await;
    net.dns.a("autodiscover.tls.test", LOOPBACK);
    let xml = settings(&[
        block(
            "IMAP",
            "<Server>imap.tls.test</Server><Port>143</Port><SSL>on</SSL>",
        ),
        block(
            "POP3",
            "<Server>pop.tls.test</Server><Port>995</Port><SSL>on</SSL>",
        ),
        block(
            "SMTP",
            "<Server>smtp.tls.test</Server><Port>587</Port><SSL>on</SSL>\
             <Encryption>SSL</Encryption>",
        ),
        block(
            "SMTP",
            "<Server>out.tls.test</Server><Port>465</Port><Encryption>TLS</Encryption>",
        ),
    ]);
    net.web
        .https("autodiscover.tls.test", PATH, Reply::Xml(xml));
    let r = discover::discover(
        &email("kim@tls.test"),
        &only(&net, &[SourceId::Autodiscover]),
    )
    .await;
    let found = |host: &str| {
        let c = r.candidates.iter().find(|c| c.host == host).unwrap();
        (c.port, c.security)
    };
    assert_eq!(found("imap.tls.test"), (143, Security::StartTls));
    assert_eq!(found("pop.tls.test"), (995, Security::Tls));
    assert_eq!(found("smtp.tls.test"), (587, Security::Tls));
    assert_eq!(found("out.tls.test"), (465, Security::StartTls));
}

#[tokio::test]
async fn hostile_answers_are_refused_with_a_typed_error() {
    let net = Net::start().await;
    net.dns.a("autodiscover.huge.test", LOOPBACK);
    net.dns.a("autodiscover.deep.test", LOOPBACK);
    let huge = pox(&format!(
        "<Action>settings</Action><!--{}-->",
        "x".repeat(100_000)
    ));
    net.web
        .https("autodiscover.huge.test", PATH, Reply::Xml(huge));
    let deep = format!(
        "<Autodiscover>{}{}</Autodiscover>",
        "<Response>".repeat(500),
        "</Response>".repeat(500)
    );
    net.web
        .https("autodiscover.deep.test", PATH, Reply::Xml(deep));
    for (address, expected) in [
        ("kim@huge.test", "too large"),
        ("kim@deep.test", "too deep"),
    ] {
        let r = discover::discover(&email(address), &only(&net, &[SourceId::Autodiscover])).await;
        let report = r.source(SourceId::Autodiscover).unwrap();
        assert_eq!(report.status, SourceStatus::Failed, "{report:?}");
        let ok = match &report.error {
            Some(SourceError::Autodiscover { error, .. }) => match expected {
                "too large" => matches!(error, AutodiscoverError::TooLarge { .. }),
                _ => matches!(error, AutodiscoverError::TooDeep { .. }),
            },
            _ => false,
        };
        assert!(ok, "{address}: {:?}", report.error);
        assert!(r.candidates.is_empty());
    }
}

/// An Exchange-only answer for `exchange.test`, and the usual names in DNS.
fn exchange_world(net: &Net) {
    net.dns.a("autodiscover.exchange.test", LOOPBACK);
    net.dns.a("imap.exchange.test", LOOPBACK);
    net.dns.a("smtp.exchange.test", LOOPBACK);
    let xml = settings(&[
        block(
            "EXCH",
            "<Server>ex01.exchange.test</Server>\
             <EwsUrl>https://mail.exchange.test/EWS/Exchange.asmx</EwsUrl>",
        ),
        block("EXPR", "<Server>mail.exchange.test</Server>"),
        block("WEB", ""),
    ]);
    net.web
        .https("autodiscover.exchange.test", PATH, Reply::Xml(xml));
}

#[tokio::test]
async fn an_exchange_only_answer_is_said_honestly_and_the_guesses_still_run() {
    let net = Net::start().await;
    exchange_world(&net);
    let r = discover::discover(
        &email("kim@exchange.test"),
        &only(&net, &[SourceId::Autodiscover, SourceId::Guess]),
    )
    .await;
    let report = r.source(SourceId::Autodiscover).unwrap();
    assert_eq!(report.status, SourceStatus::Nothing, "{report:?}");
    let offer = r.exchange().expect("the Exchange offer");
    assert_eq!(offer.kinds, ["EXCH", "EXPR", "WEB"]);
    assert_eq!(
        offer.ews_url.as_deref(),
        Some("https://mail.exchange.test/EWS/Exchange.asmx")
    );
    let words = offer.words("exchange.test");
    assert!(
        words.contains("Exchange") && words.contains("IMAP"),
        "{words}"
    );
    // Nothing Exchange named was taken for IMAP; the guesses found the usual names.
    assert!(
        r.candidates
            .iter()
            .all(|c| c.sources() == [SourceId::Guess].into())
    );
    assert_eq!(r.best(Protocol::Imap).unwrap().host, "imap.exchange.test");
    assert_eq!(r.best(Protocol::Smtp).unwrap().host, "smtp.exchange.test");
}

async fn run(args: Vec<String>) -> Output {
    tokio::task::spawn_blocking(move || {
        Command::new(env!("CARGO_BIN_EXE_mailsetup"))
            .args(&args)
            .env("MAILSETUP_LANG", "en-US")
            .output()
            .expect("run mailsetup")
    })
    .await
    .unwrap()
}

fn args(first: &[&str], net: &Net) -> Vec<String> {
    let mut a: Vec<String> = first.iter().map(|s| s.to_string()).collect();
    a.extend(net.cli_args());
    a
}

#[tokio::test]
async fn the_command_line_says_the_exchange_offer_in_text_and_json() {
    let net = Net::start().await;
    exchange_world(&net);
    let first = [
        "discover",
        "kim@exchange.test",
        "--only",
        "autodiscover,guess",
    ];
    let out = run(args(&first, &net)).await;
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("exchange.test offers Microsoft Exchange"),
        "{text}"
    );
    assert!(text.contains("autodiscover"), "{text}");
    let mut json = first.to_vec();
    json.push("--json");
    let out = run(args(&json, &net)).await;
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let ad = v["sources"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["source"] == "autodiscover")
        .unwrap();
    assert_eq!(ad["status"], "nothing", "{ad:#}");
    assert_eq!(ad["exchange"]["kinds"][0], "EXCH", "{ad:#}");
}

/// `contoso.test` hands its mail to Microsoft.
fn microsoft_mx(net: &Net, domain: &str) {
    net.dns.mx(
        domain,
        0,
        &format!("{}.mail.protection.outlook.com", domain.replace('.', "-")),
    );
}

const V2: &str = "/autodiscover/autodiscover.json/v1.0/";

#[tokio::test]
async fn an_mx_at_microsoft_and_a_yes_from_the_v2_endpoint_bring_the_microsoft_365_entry() {
    let net = Net::start().await;
    microsoft_mx(&net, "contoso.test");
    net.web.https(
        "m365.test",
        &format!("{V2}kim@contoso.test"),
        Reply::Json(
            r#"{"Protocol":"AutodiscoverV1","Url":"https://outlook.office365.com/autodiscover/autodiscover.xml"}"#
                .into(),
        ),
    );
    let r = discover::discover(
        &email("kim@contoso.test"),
        &only(&net, &[SourceId::Autodiscover]),
    )
    .await;
    let notes = r.provider.as_ref().expect("the Microsoft 365 entry");
    assert_eq!(notes.id, "microsoft365");
    assert!(
        notes
            .enable_first
            .as_deref()
            .unwrap()
            .contains("administrator"),
        "{notes:?}"
    );
    let oauth = r.oauth2.as_ref().expect("its sign-in");
    assert!(
        oauth
            .spec
            .issuer
            .starts_with("https://login.microsoftonline.com/")
    );
    assert!(oauth.is_trusted());
    let imap = r.best(Protocol::Imap).unwrap();
    assert_eq!(imap.endpoint_text(), "outlook.office365.com:993 TLS");
    assert!(imap.vouch.is_vouched(), "{:?}", imap.vouch);
    // Not "published by contoso.test": Microsoft said it.
    assert_eq!(
        imap.vouch.words("contoso.test"),
        "named by Microsoft Autodiscover over a verified connection"
    );
    let asked = to(&net, "m365.test");
    assert_eq!(asked.len(), 1);
    assert_eq!(asked[0].method, "GET");
    assert!(
        asked[0].target.ends_with("?Protocol=AutodiscoverV1"),
        "{asked:?}"
    );
    no_credentials(&net.web.seen());
}

#[tokio::test]
async fn no_yes_from_microsoft_means_no_entry_and_the_address_goes_there_only_for_its_mx() {
    let net = Net::start().await;
    // Microsoft's MX, but the endpoint sends the address elsewhere: not in Microsoft 365.
    microsoft_mx(&net, "onprem.test");
    net.dns.a("autodiscover.onprem.test", LOOPBACK);
    net.web.https(
        "m365.test",
        &format!("{V2}kim@onprem.test"),
        Reply::Redirect(format!(
            "https://autodiscover.onprem.test{V2}kim@onprem.test?Protocol=AutodiscoverV1"
        )),
    );
    net.web.https(
        "autodiscover.onprem.test",
        &format!("{V2}kim@onprem.test"),
        Reply::Json(r#"{"Protocol":"AutodiscoverV1","Url":"https://x.onprem.test/"}"#.into()),
    );
    let r = discover::discover(
        &email("kim@onprem.test"),
        &only(&net, &[SourceId::Autodiscover]),
    )
    .await;
    assert!(r.provider.is_none(), "{:?}", r.provider);
    assert!(r.candidates.is_empty());
    let report = r.source(SourceId::Autodiscover).unwrap();
    assert!(
        report.notes.iter().any(|n| n.contains("Microsoft 365")),
        "{:?}",
        report.notes
    );

    // Another MX: Microsoft is never asked about the address.
    net.dns.mx("elsewhere.test", 0, "mx.mailhost.test");
    let before = to(&net, "m365.test").len();
    let r = discover::discover(
        &email("kim@elsewhere.test"),
        &only(&net, &[SourceId::Autodiscover]),
    )
    .await;
    assert!(r.provider.is_none());
    assert_eq!(to(&net, "m365.test").len(), before);
    no_credentials(&net.web.seen());
}

#[tokio::test]
async fn a_web_site_answering_every_path_is_nothing_not_a_failure() {
    let net = Net::start().await;
    net.dns.a("site.test", LOOPBACK);
    let page = format!(
        "<!doctype html><html><body>{}</body></html>",
        "Welcome! ".repeat(20_000)
    );
    net.web
        .https("site.test", PATH, Reply::Bytes(page.into_bytes()));
    let r = discover::discover(
        &email("kim@site.test"),
        &only(&net, &[SourceId::Autodiscover]),
    )
    .await;
    let report = r.source(SourceId::Autodiscover).unwrap();
    assert_eq!(report.status, SourceStatus::Nothing, "{report:?}");
    assert!(report.error.is_none());
}

/// A DNS server that never answers costs Autodiscover one DNS wait, not one for the SRV
/// record and another for the URLs after it: the SRV path runs beside the fixed URLs, so the
/// source ends with the DNS timeout (3 s here) and says so, instead of running into its own
/// 5 s limit as "no answer" (seen by hand: the slowest line on the lookup page).
#[tokio::test]
async fn a_dns_server_that_never_answers_costs_one_dns_wait_not_two() {
    let net = Net::start().await;
    for name in [
        "quiet.test",
        "autodiscover.quiet.test",
        "_autodiscover._tcp.quiet.test",
    ] {
        net.dns.silent(name);
    }
    let mut o = only(&net, &[SourceId::Autodiscover]);
    o.dns.timeout = std::time::Duration::from_secs(3);
    o.source_timeout = std::time::Duration::from_secs(5);
    let r = discover::discover(&email("kim@quiet.test"), &o).await;
    let report = r.source(SourceId::Autodiscover).unwrap();
    assert_ne!(report.status, SourceStatus::TimedOut, "{report:?}");
    let ms = report.ms.unwrap();
    assert!((2_900..4_500).contains(&ms), "{ms} ms: {report:?}");
}
