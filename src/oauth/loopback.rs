//! The authorization code flow for a native app (RFC 8252) with PKCE (RFC 7636).
//!
//! In order:
//! 1. listen on 127.0.0.1 on a port the system picks (RFC 8252 §7.3: the loopback IP
//!    literal, never `localhost`, §8.3); the redirect URI is `http://127.0.0.1:<port>/`;
//! 2. open the system browser on `http://127.0.0.1:<port>/start`, which answers with a
//!    redirect (303) to the authorization URL (RFC 6749 §4.1.1) carrying the S256 code
//!    challenge, a fresh `state`, the address as `login_hint` and, for a client registered
//!    on the fly, the `resource` (RFC 8707 §2.1, `oauth::resource`): that URL never appears on
//!    the browser's command line, where other local users could read it in the process list.
//!    The `BROWSER` environment variable names the browser when set (its first entry; `%s`
//!    stands for the URL), else the system's opener (`xdg-open`, `open`, `rundll32`); an
//!    opener that ends with a failing status within a second is `Browser` (the window then
//!    offers the sign-in with a code, RFC 8628);
//! 3. serve connections concurrently (at most `MAX_CONCURRENT`, each with `PER_CONNECTION`
//!    to send its request and a cap on the bytes read): browsers open spare connections that
//!    never send anything, other programs on the machine may knock. `/start` gets the
//!    redirect; other paths get 404; a request for the redirect path whose `state` is missing
//!    or not ours gets 400 and changes nothing (RFC 6749 §10.12: its code is never used);
//! 4. the first request with our `state` ends the wait (then the listener closes: exactly one
//!    answer): `error=access_denied` is `Denied`, another error `Server`, the `code` goes to
//!    the token endpoint with the verifier.
//!
//! Everything runs under one deadline (the caller's). Cancelling is dropping the future,
//! which closes the listener and every connection.

use std::sync::Arc;
use std::time::Duration;

use secrecy::SecretString;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{Semaphore, mpsc};

use super::error::{OAuthError, server_text};
use super::pkce::{Pkce, State};
use super::token::{TokenClient, Tokens};

/// Most bytes of one request we read (the request line and headers).
const MAX_REQUEST: usize = 16 * 1024;
/// How long one connection may take to send its request.
pub const PER_CONNECTION: Duration = Duration::from_secs(5);
/// Most connections served at once; more are closed at once until one ends.
pub const MAX_CONCURRENT: usize = 16;
/// The path the browser is sent to; it redirects to the authorization URL.
pub const START_PATH: &str = "/start";

/// The page the browser shows after the redirect.
const DONE_PAGE: &str = "<!doctype html><html><head><meta charset=\"utf-8\"><title>mailsetup</title></head><body><h1>Sign-in finished</h1><p>You can close this tab and go back to mailsetup.</p></body></html>";
const FAILED_PAGE: &str = "<!doctype html><html><head><meta charset=\"utf-8\"><title>mailsetup</title></head><body><h1>Sign-in not finished</h1><p>Go back to mailsetup to see why.</p></body></html>";
const STRAY_PAGE: &str = "<!doctype html><html><head><meta charset=\"utf-8\"><title>mailsetup</title></head><body><h1>Not this sign-in</h1><p>This answer does not belong to the sign-in mailsetup is waiting for.</p></body></html>";

/// What the redirect carried.
#[derive(Debug)]
enum Redirect {
    Code(SecretString),
    Error {
        code: String,
        description: Option<String>,
    },
}

/// A listener on the loopback interface, and the addresses that reach it.
#[derive(Debug)]
pub struct Loopback {
    listener: TcpListener,
    pub redirect_uri: String,
    /// What the browser opens: redirects to the authorization URL.
    pub start_url: String,
}

/// What every connection needs to know.
struct Expect {
    state: State,
    authorization_url: String,
}

impl Loopback {
    /// Step 1.
    pub async fn bind() -> Result<Self, OAuthError> {
        let listener = TcpListener::bind(("127.0.0.1", 0))
            .await
            .map_err(OAuthError::Listener)?;
        let port = listener.local_addr().map_err(OAuthError::Listener)?.port();
        Ok(Self {
            listener,
            redirect_uri: format!("http://127.0.0.1:{port}/"),
            start_url: format!("http://127.0.0.1:{port}{START_PATH}"),
        })
    }

    /// Steps 3–4: the one answer with our `state`; `/start` redirects to `authorization_url`.
    async fn answer(
        self,
        state: &State,
        authorization_url: &str,
    ) -> Result<SecretString, OAuthError> {
        let expect = Arc::new(Expect {
            state: state.clone(),
            authorization_url: authorization_url.to_string(),
        });
        let slots = Arc::new(Semaphore::new(MAX_CONCURRENT));
        let (tx, mut rx) = mpsc::channel::<Result<Redirect, OAuthError>>(1);
        // Dropped on return: every connection still open is closed with it.
        let mut connections = tokio::task::JoinSet::new();
        let result = loop {
            tokio::select! {
                Some(done) = rx.recv() => break done,
                accepted = self.listener.accept() => {
                    let (socket, _) = accepted.map_err(OAuthError::Listener)?;
                    let Ok(slot) = slots.clone().try_acquire_owned() else {
                        drop(socket);
                        continue;
                    };
                    let (expect, tx) = (expect.clone(), tx.clone());
                    connections.spawn(async move {
                        serve(socket, &expect, &tx).await;
                        drop(slot);
                    });
                }
                Some(_) = connections.join_next(), if !connections.is_empty() => {}
            }
        };
        match result? {
            Redirect::Code(code) => Ok(code),
            Redirect::Error { code, description } if code == "access_denied" => {
                Err(OAuthError::Denied { description })
            }
            Redirect::Error { code, description } => Err(OAuthError::Server {
                url: "the authorization page".into(),
                code,
                description,
            }),
        }
    }
}

/// One connection: its request within `PER_CONNECTION`, answered; a request with our
/// `state` is sent on `done`.
async fn serve(
    mut socket: TcpStream,
    expect: &Expect,
    done: &mpsc::Sender<Result<Redirect, OAuthError>>,
) {
    let Ok(Ok(target)) = tokio::time::timeout(PER_CONNECTION, read_target(&mut socket)).await
    else {
        let _ = respond(&mut socket, "400 Bad Request", "", None).await;
        return;
    };
    if path_of(&target).as_deref() == Some(START_PATH) {
        let _ = respond(
            &mut socket,
            "303 See Other",
            "",
            Some(&expect.authorization_url),
        )
        .await;
        return;
    }
    let Some(pairs) = redirect_query(&target) else {
        let _ = respond(&mut socket, "404 Not Found", "", None).await;
        return;
    };
    let get = |k: &str| {
        pairs
            .iter()
            .find(|(key, _)| key == k)
            .map(|(_, v)| v.as_str())
    };
    if !expect.state.matches(get("state")) {
        // Not this sign-in's answer: refused, and the wait goes on.
        let _ = respond(&mut socket, "400 Bad Request", STRAY_PAGE, None).await;
        return;
    }
    let result = if let Some(code) = get("code") {
        Ok(Redirect::Code(SecretString::from(code)))
    } else if let Some(error) = get("error") {
        Ok(Redirect::Error {
            code: server_text(error),
            description: get("error_description").map(server_text),
        })
    } else {
        Err(OAuthError::Malformed {
            url: "the redirect".into(),
            detail: "neither a code nor an error".into(),
        })
    };
    let page = match &result {
        Ok(Redirect::Code(_)) => DONE_PAGE,
        _ => FAILED_PAGE,
    };
    let _ = respond(&mut socket, "200 OK", page, None).await;
    let _ = done.send(result).await;
}

/// Reads the request target of a `GET <target> HTTP/1.x` request.
async fn read_target(socket: &mut TcpStream) -> std::io::Result<String> {
    let mut buf = Vec::new();
    let mut chunk = [0u8; 2048];
    while !buf.windows(4).any(|w| w == b"\r\n\r\n") {
        let n = socket.read(&mut chunk).await?;
        if n == 0 || buf.len() + n > MAX_REQUEST {
            return Err(std::io::ErrorKind::InvalidData.into());
        }
        buf.extend_from_slice(&chunk[..n]);
    }
    request_target(&buf).ok_or_else(|| std::io::ErrorKind::InvalidData.into())
}

/// The target of a request whose head is `head`, when its request line is `GET <target> …`
/// (pure; the fuzz targets call it on any bytes).
pub fn request_target(head: &[u8]) -> Option<String> {
    let line = head.split(|&b| b == b'\n').next().unwrap_or_default();
    let line = String::from_utf8_lossy(line);
    let mut words = line.split_whitespace();
    match (words.next(), words.next()) {
        (Some("GET"), Some(target)) => Some(target.to_string()),
        _ => None,
    }
}

/// The path of a request target.
fn path_of(target: &str) -> Option<String> {
    let url = reqwest::Url::parse(&format!("http://127.0.0.1{target}")).ok()?;
    Some(url.path().to_string())
}

/// The query pairs of a request for the redirect path `/`; None for any other path.
pub fn redirect_query(target: &str) -> Option<Vec<(String, String)>> {
    let url = reqwest::Url::parse(&format!("http://127.0.0.1{target}")).ok()?;
    if url.path() != "/" {
        return None;
    }
    Some(url.query_pairs().into_owned().collect())
}

/// An answer and the end of the connection; `location` for a redirect. The authorization
/// URL in a `Location` carries no secret the browser would not see anyway (the state and the
/// challenge, not the verifier); `no-store` and `no-referrer` keep it out of caches.
async fn respond(
    socket: &mut TcpStream,
    status: &str,
    page: &str,
    location: Option<&str>,
) -> std::io::Result<()> {
    let location = location
        .map(|l| format!("Location: {l}\r\n"))
        .unwrap_or_default();
    let head = format!(
        "HTTP/1.1 {status}\r\n{location}Content-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\nCache-Control: no-store\r\nReferrer-Policy: no-referrer\r\nConnection: close\r\n\r\n",
        page.len()
    );
    socket.write_all(head.as_bytes()).await?;
    socket.write_all(page.as_bytes()).await?;
    socket.shutdown().await
}

/// What an authorization request (RFC 6749 §4.1.1) asks, besides its state and challenge.
#[derive(Debug, Clone, Copy)]
pub struct Asked<'a> {
    pub endpoint: &'a str,
    pub client_id: &'a str,
    pub redirect_uri: &'a str,
    pub scope: &'a str,
    pub login_hint: &'a str,
    /// The resource (RFC 8707 §2.1) the token is for, when one is named (`oauth::resource`).
    pub resource: Option<&'a str>,
}

/// The authorization URL of step 2.
pub fn authorization_url(
    asked: &Asked<'_>,
    state: &State,
    pkce: &Pkce,
) -> Result<String, OAuthError> {
    let Asked {
        endpoint,
        client_id,
        redirect_uri,
        scope,
        login_hint,
        resource,
    } = *asked;
    let mut url = reqwest::Url::parse(endpoint).map_err(|_| OAuthError::Insecure {
        url: endpoint.to_string(),
    })?;
    url.query_pairs_mut()
        .append_pair("response_type", "code")
        .append_pair("client_id", client_id)
        .append_pair("redirect_uri", redirect_uri)
        .append_pair("scope", scope)
        .append_pair("state", state.value())
        .append_pair("code_challenge", &pkce.challenge)
        .append_pair("code_challenge_method", pkce.method())
        .append_pair("login_hint", login_hint);
    if let Some(resource) = resource {
        url.query_pairs_mut().append_pair("resource", resource);
    }
    if scope.split(' ').any(|s| s == "offline_access") {
        // OpenID Connect Core §11: offline access is granted only with an explicit consent.
        url.query_pairs_mut().append_pair("prompt", "consent");
    }
    Ok(url.to_string())
}

/// The whole flow: `open` opens the loopback's `/start` address (the browser), which
/// redirects to the authorization URL; returns the tokens.
pub async fn sign_in(
    tc: &TokenClient,
    login_hint: &str,
    deadline: Duration,
    open: impl FnOnce(&str) -> Result<(), OAuthError>,
) -> Result<Tokens, OAuthError> {
    let endpoint = tc
        .issuer
        .endpoint(&tc.issuer.authorization_endpoint, "sign-in in a browser")?
        .to_string();
    tc.issuer.token_url()?;
    let loopback = Loopback::bind().await?;
    let redirect_uri = loopback.redirect_uri.clone();
    let pkce = Pkce::generate()?;
    let state = State::generate()?;
    let scope = tc.issuer.scope();
    let asked = Asked {
        endpoint: &endpoint,
        client_id: &tc.client.id,
        redirect_uri: &redirect_uri,
        scope: &scope,
        login_hint,
        resource: tc.issuer.resource.as_deref(),
    };
    let url = authorization_url(&asked, &state, &pkce)?;
    let start = loopback.start_url.clone();
    open(&start)?;
    let code = tokio::time::timeout(deadline, loopback.answer(&state, &url))
        .await
        .map_err(|_| OAuthError::TimedOut { after: deadline })??;
    tc.exchange_code(&code, pkce.verifier(), &redirect_uri)
        .await
}

/// Opens `url` in the browser (see the module header); does not wait for it to close.
pub fn open_browser(url: &str) -> Result<(), OAuthError> {
    let from_env = std::env::var("BROWSER").ok().and_then(|b| {
        b.split(':')
            .map(str::trim)
            .find(|s| !s.is_empty())
            .map(str::to_string)
    });
    let (program, args): (String, Vec<String>) = match from_env {
        Some(cmd) => {
            let mut words: Vec<String> = cmd.split_whitespace().map(str::to_string).collect();
            let program = words.remove(0);
            if words.iter().any(|w| w.contains("%s")) {
                (
                    program,
                    words.iter().map(|w| w.replace("%s", url)).collect(),
                )
            } else {
                words.push(url.to_string());
                (program, words)
            }
        }
        None if cfg!(target_os = "macos") => ("open".into(), vec![url.into()]),
        None if cfg!(windows) => (
            "rundll32".into(),
            vec!["url.dll,FileProtocolHandler".into(), url.into()],
        ),
        None => ("xdg-open".into(), vec![url.into()]),
    };
    let child = std::process::Command::new(&program)
        .args(&args)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .map_err(|e| OAuthError::Browser {
            command: program.clone(),
            detail: e.to_string(),
        })?;
    // An opener that can open nothing (xdg-open on a machine without a browser, a BROWSER
    // that fails) says so at once with a failing exit status; a browser itself runs on.
    let mut child = child;
    let began = std::time::Instant::now();
    while began.elapsed() < OPENER_GRACE {
        match child.try_wait() {
            Ok(Some(status)) if !status.success() => {
                return Err(OAuthError::Browser {
                    command: program,
                    detail: status.to_string(),
                });
            }
            Ok(Some(_)) => return Ok(()),
            Ok(None) => std::thread::sleep(Duration::from_millis(20)),
            Err(_) => break,
        }
    }
    // Reap it whenever it ends (a browser may run on).
    std::thread::spawn(move || {
        let _ = child.wait();
    });
    Ok(())
}

/// How long an opener has to fail before the browser counts as opened.
const OPENER_GRACE: Duration = Duration::from_secs(1);

#[cfg(test)]
mod tests {
    use super::*;

    async fn get(redirect_uri: &str, target: &str) -> String {
        let addr = redirect_uri
            .trim_start_matches("http://")
            .trim_end_matches('/')
            .to_string();
        let mut s = TcpStream::connect(addr).await.unwrap();
        s.write_all(format!("GET {target} HTTP/1.1\r\nHost: x\r\n\r\n").as_bytes())
            .await
            .unwrap();
        let mut out = String::new();
        let _ = s.read_to_string(&mut out).await;
        out
    }

    const AUTH_URL: &str = "https://id.example/auth?state=s1&code_challenge=c";

    #[tokio::test]
    async fn the_right_state_gives_the_code_and_closes_the_listener() {
        let lb = Loopback::bind().await.unwrap();
        let uri = lb.redirect_uri.clone();
        assert!(uri.starts_with("http://127.0.0.1:"));
        let state = State::from_value("s1");
        let waiter = tokio::spawn(async move { lb.answer(&state, AUTH_URL).await });
        // A spare connection that sends nothing, and a stray path, do not count.
        let spare = TcpStream::connect(uri.trim_start_matches("http://").trim_end_matches('/'))
            .await
            .unwrap();
        drop(spare);
        assert!(get(&uri, "/favicon.ico").await.starts_with("HTTP/1.1 404"));
        let page = get(&uri, "/?code=the-code&state=s1").await;
        assert!(page.contains("Sign-in finished"), "{page}");
        let code = waiter.await.unwrap().unwrap();
        assert_eq!(secrecy::ExposeSecret::expose_secret(&code), "the-code");
        // Closed after the one answer.
        let addr = uri.trim_start_matches("http://").trim_end_matches('/');
        assert!(TcpStream::connect(addr).await.is_err());
    }

    #[tokio::test]
    async fn start_redirects_to_the_authorization_url() {
        let lb = Loopback::bind().await.unwrap();
        let uri = lb.redirect_uri.clone();
        assert_eq!(lb.start_url, format!("{uri}start"));
        let waiter =
            tokio::spawn(async move { lb.answer(&State::from_value("s1"), AUTH_URL).await });
        for _ in 0..2 {
            let answer = get(&uri, "/start").await;
            assert!(answer.starts_with("HTTP/1.1 303 "), "{answer}");
            assert!(
                answer.contains(&format!("\r\nLocation: {AUTH_URL}\r\n")),
                "{answer}"
            );
            assert!(answer.contains("Cache-Control: no-store"), "{answer}");
        }
        // Still waiting: /start ends nothing.
        assert!(!waiter.is_finished());
        get(&uri, "/?code=c&state=s1").await;
        assert!(waiter.await.unwrap().is_ok());
    }

    #[tokio::test]
    async fn wrong_or_missing_state_gets_400_and_the_wait_goes_on_past_silent_connections() {
        let lb = Loopback::bind().await.unwrap();
        let uri = lb.redirect_uri.clone();
        let addr = uri
            .trim_start_matches("http://")
            .trim_end_matches('/')
            .to_string();
        let waiter =
            tokio::spawn(async move { lb.answer(&State::from_value("ours"), AUTH_URL).await });
        // Connections that never send anything hold their slot, not the listener.
        let mut silent = Vec::new();
        for _ in 0..(MAX_CONCURRENT - 4) {
            silent.push(TcpStream::connect(&addr).await.unwrap());
        }
        for target in [
            "/?code=stolen&state=theirs",
            "/?code=stolen",
            "/?error=access_denied&state=theirs",
            "/?code=stolen&state=",
        ] {
            let page = get(&uri, target).await;
            assert!(page.starts_with("HTTP/1.1 400 "), "{target}: {page}");
            assert!(page.contains("Not this sign-in"), "{page}");
        }
        assert!(!waiter.is_finished(), "a wrong state ended the wait");
        let page = get(&uri, "/?code=the-code&state=ours").await;
        assert!(page.contains("Sign-in finished"), "{page}");
        let code = waiter.await.unwrap().unwrap();
        assert_eq!(secrecy::ExposeSecret::expose_secret(&code), "the-code");
        drop(silent);
    }

    #[tokio::test]
    async fn a_silent_connection_is_closed_after_its_deadline() {
        let lb = Loopback::bind().await.unwrap();
        let uri = lb.redirect_uri.clone();
        let _waiter =
            tokio::spawn(async move { lb.answer(&State::from_value("s"), AUTH_URL).await });
        let mut s = TcpStream::connect(uri.trim_start_matches("http://").trim_end_matches('/'))
            .await
            .unwrap();
        let began = std::time::Instant::now();
        let mut out = String::new();
        let read = tokio::time::timeout(PER_CONNECTION * 3, s.read_to_string(&mut out)).await;
        assert!(read.is_ok(), "the connection stayed open");
        assert!(began.elapsed() >= PER_CONNECTION - Duration::from_millis(100));
    }

    #[tokio::test]
    async fn a_declined_consent_is_denied_with_the_servers_words() {
        let lb = Loopback::bind().await.unwrap();
        let uri = lb.redirect_uri.clone();
        let waiter =
            tokio::spawn(async move { lb.answer(&State::from_value("s"), AUTH_URL).await });
        get(
            &uri,
            "/?error=access_denied&error_description=End-User+aborted&state=s",
        )
        .await;
        match waiter.await.unwrap() {
            Err(OAuthError::Denied { description }) => {
                assert_eq!(description.as_deref(), Some("End-User aborted"))
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn the_authorization_url_carries_pkce_and_state() {
        let pkce = Pkce::from_verifier("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk".into());
        let asked = Asked {
            endpoint: "https://id.example/auth?x=1",
            client_id: "cid",
            redirect_uri: "http://127.0.0.1:5000/",
            scope: "openid email",
            login_hint: "a@example.org",
            resource: None,
        };
        let url = authorization_url(&asked, &State::from_value("st"), &pkce).unwrap();
        assert!(url.starts_with("https://id.example/auth?x=1&response_type=code&client_id=cid"));
        assert!(!url.contains("resource="), "{url}");
        assert!(url.contains("code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"));
        assert!(url.contains("code_challenge_method=S256"));
        assert!(url.contains("state=st"));
        assert!(url.contains("redirect_uri=http%3A%2F%2F127.0.0.1%3A5000%2F"));
        assert!(!url.contains("dBjftJeZ"), "the verifier never leaves");
        let with_resource = authorization_url(
            &Asked {
                resource: Some("imaps://imap.example.org:10993"),
                ..asked
            },
            &State::from_value("st"),
            &pkce,
        )
        .unwrap();
        assert!(
            with_resource.contains("&resource=imaps%3A%2F%2Fimap.example.org%3A10993"),
            "{with_resource}"
        );
    }
}
