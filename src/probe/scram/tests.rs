//! The SCRAM client against the RFC 5802 §5 and RFC 7677 §3 exchanges, against refusals
//! and malformed servers, and (property tests) against a small server written from the
//! RFC 5802 §3 formulas.

use super::*;
use proptest::prelude::*;

fn secret(s: &str) -> SecretString {
    SecretString::from(s.to_string())
}

fn client(mechanism: Mechanism, binding: Binding, nonce: &str) -> ScramClient {
    ScramClient::with_nonce(mechanism, "user", &secret("pencil"), binding, nonce).unwrap()
}

/// RFC 5802 §5 (SCRAM-SHA-1).
const SHA1_NONCE: &str = "fyko+d2lbbFgONRv9qkxdawL";
const SHA1_SERVER_FIRST: &str =
    "r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,s=QSXCR+Q6sek8bf92,i=4096";
const SHA1_CLIENT_FINAL: &str =
    "c=biws,r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,p=v0X8v3Bz2T0CJGbJQyF0X+HI4Ts=";
const SHA1_SERVER_FINAL: &str = "v=rmF9pqV8S7suAoZWja4dJRkFsKQ=";

/// RFC 7677 §3 (SCRAM-SHA-256).
const SHA256_NONCE: &str = "rOprNGfwEbeRWgbNEkqO";
const SHA256_SERVER_FIRST: &str = "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,\
                                   s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096";
const SHA256_CLIENT_FINAL: &str = "c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,\
                                   p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=";
const SHA256_SERVER_FINAL: &str = "v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=";

#[test]
fn rfc7677_sha256_exchange_gives_the_exact_client_final_and_verifies_the_server() {
    let c = client(Mechanism::ScramSha256, Binding::Unsupported, SHA256_NONCE);
    assert_eq!(c.client_first(), b"n,,n=user,r=rOprNGfwEbeRWgbNEkqO");
    let (client_final, check) = c.server_first(SHA256_SERVER_FIRST.as_bytes()).unwrap();
    assert_eq!(client_final.as_bytes(), SHA256_CLIENT_FINAL.as_bytes());
    assert_eq!(check.server_final(SHA256_SERVER_FINAL.as_bytes()), Ok(()));
}

#[test]
fn rfc5802_sha1_exchange_gives_the_exact_client_final_and_verifies_the_server() {
    let c = client(Mechanism::ScramSha1, Binding::Unsupported, SHA1_NONCE);
    assert_eq!(c.client_first(), b"n,,n=user,r=fyko+d2lbbFgONRv9qkxdawL");
    let (client_final, check) = c.server_first(SHA1_SERVER_FIRST.as_bytes()).unwrap();
    assert_eq!(client_final.as_bytes(), SHA1_CLIENT_FINAL.as_bytes());
    assert_eq!(check.server_final(SHA1_SERVER_FINAL.as_bytes()), Ok(()));
}

#[test]
fn a_server_that_does_not_know_the_password_is_refused() {
    for bad in [
        // One bit off, and the SHA-1 example's signature for the SHA-256 exchange.
        "v=7rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=",
        SHA1_SERVER_FINAL,
        "v=",
    ] {
        let c = client(Mechanism::ScramSha256, Binding::Unsupported, SHA256_NONCE);
        let (_, check) = c.server_first(SHA256_SERVER_FIRST.as_bytes()).unwrap();
        let error = check.server_final(bad.as_bytes()).unwrap_err();
        assert_eq!(error, ScramError::ServerSignatureMismatch, "{bad}");
        assert!(error.proves_interception());
    }
    let c = client(Mechanism::ScramSha256, Binding::Unsupported, SHA256_NONCE);
    let (_, check) = c.server_first(SHA256_SERVER_FIRST.as_bytes()).unwrap();
    assert_eq!(
        check.server_final(b"v=not base64!"),
        Err(ScramError::BadSignature)
    );
    let c = client(Mechanism::ScramSha256, Binding::Unsupported, SHA256_NONCE);
    let (_, check) = c.server_first(SHA256_SERVER_FIRST.as_bytes()).unwrap();
    assert_eq!(check.server_final(b"ok"), Err(ScramError::BadServerFinal));
}

fn first_with_iterations(count: &str) -> Result<(), ScramError> {
    let c = client(Mechanism::ScramSha256, Binding::Unsupported, SHA256_NONCE);
    let first = format!("r={SHA256_NONCE}xyz,s=W22ZaJ0SNY7soEsUEjb6gQ==,i={count}");
    c.server_first(first.as_bytes()).map(|_| ())
}

#[test]
fn iteration_counts_below_4096_or_above_100000_are_refused_with_both_bounds_named() {
    assert_eq!(first_with_iterations("4096"), Ok(()));
    assert_eq!(first_with_iterations("100000"), Ok(()));
    for (text, count) in [
        ("4095", 4095),
        ("1", 1),
        ("0", 0),
        ("100001", 100_001),
        ("4294967296", 4_294_967_296),
        ("99999999999999999999999", u64::MAX),
    ] {
        let error = first_with_iterations(text).unwrap_err();
        assert_eq!(error, ScramError::IterationCount { count }, "{text}");
        let words = error.to_string();
        assert!(
            words.contains("4096") && words.contains("100000"),
            "{words}"
        );
    }
    for text in ["", "-5", "4096.0", " 4096", "0x1000"] {
        assert_eq!(
            first_with_iterations(text),
            Err(ScramError::BadIterationCount),
            "{text}"
        );
    }
}

#[test]
fn a_malformed_server_first_is_refused_with_its_reason() {
    let n = SHA256_NONCE;
    let cases: Vec<(String, ScramError)> = vec![
        ("".into(), ScramError::Missing { attribute: 'r' }),
        (
            "s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096".into(),
            ScramError::Missing { attribute: 'r' },
        ),
        (
            format!("r={n}x,i=4096"),
            ScramError::Missing { attribute: 's' },
        ),
        (
            format!("r={n}x,s=W22ZaJ0SNY7soEsUEjb6gQ=="),
            ScramError::Missing { attribute: 'i' },
        ),
        (
            format!("m=ext,r={n}x,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096"),
            ScramError::MandatoryExtension,
        ),
        (
            "r=someoneelse,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096".into(),
            ScramError::NonceMismatch,
        ),
        (
            format!("r={n},s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096"),
            ScramError::NonceNotExtended,
        ),
        (format!("r={n}x,s=***,i=4096"), ScramError::BadSalt),
        (format!("r={n}x,s=,i=4096"), ScramError::BadSalt),
        (
            format!("r={n}x\u{7},s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096"),
            ScramError::NotText { message: "first" },
        ),
        (
            format!("r={n}xä,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096"),
            ScramError::NotText { message: "first" },
        ),
        (
            "e=unknown-user".into(),
            ScramError::Server(ServerError::UnknownUser),
        ),
        (
            "x".repeat(MAX_MESSAGE + 1),
            ScramError::TooLong { message: "first" },
        ),
    ];
    for (first, expected) in cases {
        let c = client(Mechanism::ScramSha256, Binding::Unsupported, SHA256_NONCE);
        assert_eq!(
            c.server_first(first.as_bytes()).unwrap_err(),
            expected,
            "{first}"
        );
    }
    let c = client(Mechanism::ScramSha256, Binding::Unsupported, SHA256_NONCE);
    assert_eq!(
        c.server_first(b"\xff\xfe").unwrap_err(),
        ScramError::NotText { message: "first" }
    );
    // Extensions after the iteration count are allowed (RFC 5802 §7).
    let c = client(Mechanism::ScramSha256, Binding::Unsupported, SHA256_NONCE);
    let first = format!("{SHA256_SERVER_FIRST},x=future");
    assert!(c.server_first(first.as_bytes()).is_ok());
}

fn final_error(server_final: &str) -> ScramError {
    let c = client(Mechanism::ScramSha256, Binding::Unsupported, SHA256_NONCE);
    let (_, check) = c.server_first(SHA256_SERVER_FIRST.as_bytes()).unwrap();
    check.server_final(server_final.as_bytes()).unwrap_err()
}

#[test]
fn server_errors_are_read_and_a_binding_mismatch_is_proof_of_interception() {
    let error = final_error("e=channel-bindings-dont-match");
    assert_eq!(error, ScramError::ChannelBindingMismatch);
    assert!(error.proves_interception());
    let error = final_error("e=server-does-support-channel-binding");
    assert_eq!(error, ScramError::DowngradeDetected);
    assert!(error.proves_interception());
    for (value, kind) in [
        ("invalid-encoding", ServerError::InvalidEncoding),
        (
            "extensions-not-supported",
            ServerError::ExtensionsNotSupported,
        ),
        ("invalid-proof", ServerError::InvalidProof),
        (
            "channel-binding-not-supported",
            ServerError::ChannelBindingNotSupported,
        ),
        (
            "unsupported-channel-binding-type",
            ServerError::UnsupportedChannelBindingType,
        ),
        ("unknown-user", ServerError::UnknownUser),
        (
            "invalid-username-encoding",
            ServerError::InvalidUsernameEncoding,
        ),
        ("no-resources", ServerError::NoResources),
        ("other-error", ServerError::OtherError),
        (
            "something-new",
            ServerError::Unlisted("something-new".into()),
        ),
    ] {
        let error = final_error(&format!("e={value},x=ext"));
        assert_eq!(error, ScramError::Server(kind), "{value}");
        assert!(!error.proves_interception());
        assert!(error.to_string().contains(value), "{error}");
    }
    let long = "z".repeat(500);
    let ScramError::Server(ServerError::Unlisted(kept)) = final_error(&format!("e={long}")) else {
        panic!("an unlisted error value");
    };
    assert_eq!(kept.len(), 64);
    assert_eq!(
        final_error("e=invalid-proof").to_string(),
        "the server refused: invalid-proof (the password is wrong)"
    );
}

#[test]
fn the_gs2_header_says_n_y_or_p_and_c_carries_it_with_the_binding_data() {
    let server_first = format!("r={SHA256_NONCE}srv,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096");
    let c_of = |mechanism, binding| {
        let c = client(mechanism, binding, SHA256_NONCE);
        let first = String::from_utf8(c.client_first().to_vec()).unwrap();
        let (fin, _) = c.server_first(server_first.as_bytes()).unwrap();
        let fin = String::from_utf8(fin.as_bytes().to_vec()).unwrap();
        let c = fin.split(',').next().unwrap().strip_prefix("c=").unwrap();
        (first, B64.decode(c).unwrap())
    };
    let (first, c) = c_of(Mechanism::ScramSha256, Binding::Unsupported);
    assert!(first.starts_with("n,,n=user,"));
    assert_eq!(c, b"n,,");
    let (first, c) = c_of(Mechanism::ScramSha256, Binding::NotOffered);
    assert!(first.starts_with("y,,n=user,"));
    assert_eq!(c, b"y,,");
    let exporter = ChannelBinding::TlsExporter(Zeroizing::new(vec![7; 32]));
    let (first, c) = c_of(Mechanism::ScramSha256Plus, Binding::Plus(exporter));
    assert!(first.starts_with("p=tls-exporter,,n=user,"));
    assert_eq!(c, [b"p=tls-exporter,,".as_slice(), &[7; 32]].concat());
    let endpoint = ChannelBinding::TlsServerEndPoint(vec![1, 2, 3]);
    let (first, c) = c_of(Mechanism::ScramSha1Plus, Binding::Plus(endpoint));
    assert!(first.starts_with("p=tls-server-end-point,,n=user,"));
    assert_eq!(c, b"p=tls-server-end-point,,\x01\x02\x03");

    let plus = ScramClient::with_nonce(
        Mechanism::ScramSha256Plus,
        "user",
        &secret("pencil"),
        Binding::NotOffered,
        SHA256_NONCE,
    );
    assert_eq!(
        plus.unwrap_err(),
        ScramError::PlusWithoutBinding {
            mechanism: Mechanism::ScramSha256Plus
        }
    );
    let plain = ScramClient::new(
        Mechanism::ScramSha256,
        "user",
        &secret("pencil"),
        Binding::Plus(ChannelBinding::TlsServerEndPoint(vec![1])),
    );
    assert!(matches!(
        plain.unwrap_err(),
        ScramError::BindingWithoutPlus { .. }
    ));
}

#[test]
fn commas_and_equals_in_the_user_name_are_escaped() {
    let c = ScramClient::with_nonce(
        Mechanism::ScramSha256,
        "a,b=c@example.com",
        &secret("pencil"),
        Binding::Unsupported,
        "abc",
    )
    .unwrap();
    assert_eq!(c.client_first(), b"n,,n=a=2Cb=3Dc@example.com,r=abc");
    let empty = ScramClient::new(
        Mechanism::ScramSha256,
        "",
        &secret("pencil"),
        Binding::Unsupported,
    );
    assert_eq!(empty.unwrap_err(), ScramError::EmptyUsername);
}

#[test]
fn fresh_nonces_are_random_and_printable() {
    let nonce = |c: &ScramClient| {
        let first = std::str::from_utf8(c.client_first()).unwrap().to_string();
        first.split_once(",r=").unwrap().1.to_string()
    };
    let a = ScramClient::new(
        Mechanism::ScramSha1,
        "u",
        &secret("p"),
        Binding::Unsupported,
    );
    let b = ScramClient::new(
        Mechanism::ScramSha1,
        "u",
        &secret("p"),
        Binding::Unsupported,
    );
    let (a, b) = (nonce(&a.unwrap()), nonce(&b.unwrap()));
    assert_ne!(a, b);
    assert_eq!(a.len(), 32);
    assert!(a.bytes().all(is_nonce_char));
    for bad in ["", "a,b", "tab\t", "ä"] {
        let c = ScramClient::with_nonce(
            Mechanism::ScramSha1,
            "u",
            &secret("p"),
            Binding::Unsupported,
            bad,
        );
        assert_eq!(c.unwrap_err(), ScramError::BadClientNonce, "{bad:?}");
    }
}

#[test]
fn saslprep_maps_spaces_and_refuses_what_rfc4013_forbids_without_naming_the_character() {
    // RFC 4013 §3: a non-ASCII space maps to a space, a soft hyphen to nothing; so the
    // exchange with "pen\u{AD}cil" is the one with "pencil".
    let c = ScramClient::with_nonce(
        Mechanism::ScramSha256,
        "user",
        &secret("pen\u{AD}cil"),
        Binding::Unsupported,
        SHA256_NONCE,
    )
    .unwrap();
    let (fin, _) = c.server_first(SHA256_SERVER_FIRST.as_bytes()).unwrap();
    assert_eq!(fin.as_bytes(), SHA256_CLIENT_FINAL.as_bytes());
    assert_eq!(saslprep("a\u{A0}b").unwrap().as_str(), "a b");
    for (password, why) in [
        ("", SaslprepRefusal::Empty),
        ("\u{AD}", SaslprepRefusal::Empty),
        ("bell\u{7}", SaslprepRefusal::ProhibitedCharacter),
        ("priv\u{E000}", SaslprepRefusal::ProhibitedCharacter),
        ("\u{0627}1", SaslprepRefusal::Bidirectional),
        ("unassigned\u{0221}", SaslprepRefusal::ProhibitedCharacter),
    ] {
        let error = ScramClient::new(
            Mechanism::ScramSha256,
            "user",
            &secret(password),
            Binding::Unsupported,
        )
        .unwrap_err();
        assert_eq!(error, ScramError::Saslprep(why), "{password:?}");
        assert!(error.to_string().starts_with("SASLprep (RFC 4013) refuses"));
    }
    let error = saslprep("x\u{E000}").unwrap_err().to_string();
    assert!(!error.contains('\u{E000}'), "{error}");
}

#[test]
fn debug_output_holds_no_secret() {
    let password = "pencil";
    let c = client(Mechanism::ScramSha256, Binding::Unsupported, SHA256_NONCE);
    let before = format!("{c:?}");
    let (fin, check) = c.server_first(SHA256_SERVER_FIRST.as_bytes()).unwrap();
    let proof = "dHzbZapWIk4jUhN";
    for out in [before, format!("{fin:?}"), format!("{check:?}")] {
        assert!(!out.contains(password) && !out.contains(proof), "{out}");
    }
    let binding = ChannelBinding::TlsExporter(Zeroizing::new(vec![0xAB; 32]));
    assert_eq!(
        format!("{binding:?}"),
        "ChannelBinding(tls-exporter, 32 bytes)"
    );
}

#[test]
fn mechanisms_are_named_and_preferred_in_the_issue_s_order() {
    let names: Vec<_> = Mechanism::PREFERENCE.iter().map(|m| m.name()).collect();
    assert_eq!(
        names,
        [
            "SCRAM-SHA-256-PLUS",
            "SCRAM-SHA-256",
            "SCRAM-SHA-1-PLUS",
            "SCRAM-SHA-1"
        ]
    );
    assert_eq!(
        Mechanism::from_name("scram-sha-1-plus"),
        Some(Mechanism::ScramSha1Plus)
    );
    assert_eq!(Mechanism::from_name("SCRAM-SHA-512"), None);
    let mut sorted = Mechanism::PREFERENCE;
    sorted.sort();
    assert_eq!(sorted, Mechanism::PREFERENCE);
}

#[test]
fn the_mechanism_chosen_binds_when_it_can_and_says_y_when_the_offer_lacks_plus() {
    let cb = || Some(ChannelBinding::TlsServerEndPoint(vec![1; 32]));
    let all = [
        "PLAIN",
        "scram-sha-1",
        "SCRAM-SHA-1-PLUS",
        "SCRAM-SHA-256",
        "SCRAM-SHA-256-PLUS",
    ];
    let pick = |offer: &[&str], binding| {
        choose(offer.iter().copied(), binding).map(|(m, b)| {
            let flag = match b {
                Binding::Unsupported => "n",
                Binding::NotOffered => "y",
                Binding::Plus(_) => "p",
            };
            (m, flag)
        })
    };
    assert_eq!(pick(&all, cb()), Some((Mechanism::ScramSha256Plus, "p")));
    assert_eq!(pick(&all, None), Some((Mechanism::ScramSha256, "n")));
    let no_plus = ["SCRAM-SHA-1", "SCRAM-SHA-256", "LOGIN"];
    assert_eq!(pick(&no_plus, cb()), Some((Mechanism::ScramSha256, "y")));
    assert_eq!(
        pick(&["SCRAM-SHA-1"], None),
        Some((Mechanism::ScramSha1, "n"))
    );
    // A -PLUS offer binds (RFC 5802 §6), even the SHA-1 one beside a plain SHA-256.
    let odd = ["SCRAM-SHA-256", "SCRAM-SHA-1-PLUS"];
    assert_eq!(pick(&odd, cb()), Some((Mechanism::ScramSha1Plus, "p")));
    assert_eq!(pick(&odd, None), Some((Mechanism::ScramSha256, "n")));
    assert_eq!(pick(&["SCRAM-SHA-256-PLUS"], None), None);
    assert_eq!(pick(&["PLAIN", "LOGIN"], cb()), None);
}

/// A SCRAM server written from RFC 5802 §3 and §7: what it stores for `password`, and its
/// answers to a client. `checks_proof` false plays an impostor that accepts any proof.
struct TestServer {
    mechanism: Mechanism,
    salt: Vec<u8>,
    iterations: u32,
    stored_key: Vec<u8>,
    server_key: Vec<u8>,
    checks_proof: bool,
}

impl TestServer {
    fn new(mechanism: Mechanism, password: &str, salt: Vec<u8>, iterations: u32) -> Self {
        let password = saslprep(password).unwrap();
        let mut salted = vec![0; mechanism.digest().output_len()];
        let count = NonZeroU32::new(iterations).unwrap();
        pbkdf2::derive(
            mechanism.pbkdf2(),
            count,
            &salt,
            password.as_bytes(),
            &mut salted,
        );
        let hmac = |key: &[u8], data: &[u8]| {
            hmac::sign(&hmac::Key::new(mechanism.hmac(), key), data)
                .as_ref()
                .to_vec()
        };
        let client_key = hmac(&salted, b"Client Key");
        TestServer {
            mechanism,
            salt,
            iterations,
            stored_key: digest::digest(mechanism.digest(), &client_key)
                .as_ref()
                .to_vec(),
            server_key: hmac(&salted, b"Server Key"),
            checks_proof: true,
        }
    }

    /// One exchange: the client's messages in, the server's answers out (or its `e=`).
    fn exchange(
        &self,
        client: ScramClient,
        server_nonce: &str,
        binding: &[u8],
    ) -> Result<(), ScramError> {
        let hmac = |key: &[u8], data: &[u8]| {
            hmac::sign(&hmac::Key::new(self.mechanism.hmac(), key), data)
                .as_ref()
                .to_vec()
        };
        let first = String::from_utf8(client.client_first().to_vec()).unwrap();
        let (gs2, bare) = first.split_at(first.find("n=").unwrap());
        let client_nonce = bare.split_once(",r=").unwrap().1;
        let server_first = format!(
            "r={client_nonce}{server_nonce},s={},i={}",
            B64.encode(&self.salt),
            self.iterations
        );
        let (fin, check) = client.server_first(server_first.as_bytes())?;
        let fin = String::from_utf8(fin.as_bytes().to_vec()).unwrap();
        let (without_proof, proof) = fin.rsplit_once(",p=").unwrap();
        let expected_c = B64.encode([gs2.as_bytes(), binding].concat());
        if without_proof != format!("c={expected_c},r={client_nonce}{server_nonce}") {
            return check.server_final(b"e=channel-bindings-dont-match");
        }
        let auth_message = format!("{bare},{server_first},{without_proof}");
        let signature = hmac(&self.stored_key, auth_message.as_bytes());
        let client_key: Vec<u8> = B64
            .decode(proof)
            .unwrap()
            .iter()
            .zip(&signature)
            .map(|(p, s)| p ^ s)
            .collect();
        let proof_ok =
            digest::digest(self.mechanism.digest(), &client_key).as_ref() == self.stored_key;
        if self.checks_proof && !proof_ok {
            return check.server_final(b"e=invalid-proof");
        }
        let verifier = B64.encode(hmac(&self.server_key, auth_message.as_bytes()));
        check.server_final(format!("v={verifier}").as_bytes())
    }
}

fn mechanism_and_binding() -> impl Strategy<Value = (Mechanism, Binding, Vec<u8>)> {
    (
        0..4usize,
        prop::collection::vec(any::<u8>(), 0..48),
        any::<bool>(),
    )
        .prop_map(|(i, data, exporter)| {
            let mechanism = Mechanism::PREFERENCE[i];
            if mechanism.is_plus() {
                let cb = if exporter {
                    ChannelBinding::TlsExporter(Zeroizing::new(data.clone()))
                } else {
                    ChannelBinding::TlsServerEndPoint(data.clone())
                };
                (mechanism, Binding::Plus(cb), data)
            } else if exporter {
                (mechanism, Binding::NotOffered, Vec::new())
            } else {
                (mechanism, Binding::Unsupported, Vec::new())
            }
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn a_server_that_knows_the_password_always_verifies_and_one_that_does_not_never_does(
        (mechanism, binding, data) in mechanism_and_binding(),
        username in "[^\u{0}]{1,24}",
        password in "[a-zA-Z0-9 äöü€!,=\"\\\\]{1,24}",
        other in "[a-zA-Z0-9]{1,24}",
        nonce in "[!-+\\--~]{1,40}",
        server_nonce in "[!-+\\--~]{1,40}",
        salt in prop::collection::vec(any::<u8>(), 1..32),
    ) {
        let start = |password: &str| {
            ScramClient::with_nonce(mechanism, &username, &secret(password), binding.clone(), &nonce)
                .unwrap()
        };
        let server = TestServer::new(mechanism, &password, salt.clone(), MIN_ITERATIONS);
        prop_assert_eq!(server.exchange(start(&password), &server_nonce, &data), Ok(()));

        // The real server refuses the wrong password …
        let wrong = format!("{other}{password}");
        prop_assert_eq!(
            server.exchange(start(&wrong), &server_nonce, &data),
            Err(ScramError::Server(ServerError::InvalidProof))
        );
        // … and an impostor with another password, accepting any proof, cannot sign.
        let mut impostor = TestServer::new(mechanism, &wrong, salt, MIN_ITERATIONS);
        impostor.checks_proof = false;
        prop_assert_eq!(
            impostor.exchange(start(&password), &server_nonce, &data),
            Err(ScramError::ServerSignatureMismatch)
        );
        // A relay whose TLS channel differs is told by the server.
        if let Binding::Plus(_) = binding {
            let relayed = [data.as_slice(), b"relay"].concat();
            prop_assert_eq!(
                server.exchange(start(&password), &server_nonce, &relayed),
                Err(ScramError::ChannelBindingMismatch)
            );
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn any_server_answer_is_a_verdict_never_a_panic(
        choice in 0..4usize,
        first_tail in prop::collection::vec(any::<u8>(), 0..80),
        salt in "[A-Za-z0-9+/=]{0,12}",
        count in prop_oneof![Just("4096".to_string()), "[0-9]{0,7}", ".{0,5}"],
        last in prop::collection::vec(any::<u8>(), 0..80),
    ) {
        let mechanism = [Mechanism::ScramSha256, Mechanism::ScramSha1][choice % 2];
        let binding = if choice < 2 { Binding::Unsupported } else { Binding::NotOffered };
        for first in [
            first_tail.clone(),
            [format!("r={SHA256_NONCE}").as_bytes(), &first_tail].concat(),
            format!("r={SHA256_NONCE}x,s={salt},i={count}").into_bytes(),
        ] {
            let c = client(mechanism, binding.clone(), SHA256_NONCE);
            if let Ok((_, check)) = c.server_first(&first) {
                let verdict = check.server_final(&last);
                prop_assert!(verdict.is_err() || last.starts_with(b"v="));
            }
        }
    }
}
