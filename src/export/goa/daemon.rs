//! The D-Bus half of the GNOME Online Accounts hand-off (Linux only): zbus calls to the
//! session bus (`org.freedesktop.DBus` for whether goa-daemon runs or can be started;
//! `org.gnome.OnlineAccounts` for its objects, `Manager.AddAccount`,
//! `PasswordBased.GetPassword` and `Account.Remove`), each with a deadline, and the daemon's
//! answers turned into `GoaError`. The order and the reasons are in `goa.rs`.

use std::collections::HashMap;
use std::future::Future;
use std::time::Duration;

use secrecy::{ExposeSecret, SecretString};
use zbus::Connection;
use zbus::zvariant::{OwnedObjectPath, OwnedValue, Value};
use zeroize::Zeroizing;

use super::{
    ACCOUNT_INTERFACE, BUS_NAME, ExistingAccount, GoaError, GoaRequest, IMAP_PASSWORD,
    MAIL_INTERFACE, MANAGER_INTERFACE, MANAGER_PATH, PASSWORD_INTERFACE, PROVIDER, ROOT_PATH,
    SMTP_PASSWORD, account_for,
};

/// Connecting to the bus.
const CONNECT_LIMIT: Duration = Duration::from_secs(10);
/// A plain call; longer than D-Bus activation's own 25 s, so a slow start is reported by the
/// bus in its words.
const CALL_LIMIT: Duration = Duration::from_secs(30);
/// A call that may wait for the person to unlock the keyring (the daemon stores or reads the
/// password while the desktop's unlock prompt is up).
const KEYRING_LIMIT: Duration = Duration::from_secs(120);
/// The longest text of the daemon's kept in an error.
const MAX_DAEMON_TEXT: usize = 300;

/// The daemon's words as kept in an error: control characters dropped, the password (should
/// the daemon ever repeat it) replaced, cut to a bounded length.
fn daemon_words(text: &str, password: &str) -> String {
    let text = if password.is_empty() {
        text.to_string()
    } else {
        text.replace(password, "[password]")
    };
    let mut out = String::new();
    for c in text.chars().filter(|c| !c.is_control()) {
        if out.len() + c.len_utf8() > MAX_DAEMON_TEXT {
            break;
        }
        out.push(c);
    }
    out
}

const DBUS_NAME: &str = "org.freedesktop.DBus";
const DBUS_PATH: &str = "/org/freedesktop/DBus";
const OBJECT_MANAGER: &str = "org.freedesktop.DBus.ObjectManager";

type Properties = HashMap<String, OwnedValue>;
type Objects = HashMap<OwnedObjectPath, HashMap<String, Properties>>;

/// How one call failed.
enum Failed {
    /// No answer in time (already the error to return).
    Timeout(GoaError),
    /// The peer answered with a D-Bus error: its name and words.
    Method { name: String, message: String },
    /// The connection or the message itself failed.
    Bus(String),
}

async fn within<T>(
    step: &'static str,
    limit: Duration,
    work: impl Future<Output = T>,
) -> Result<T, GoaError> {
    tokio::time::timeout(limit, work)
        .await
        .map_err(|_| GoaError::Timeout {
            step,
            seconds: limit.as_secs(),
        })
}

/// One method call; the reply message.
#[allow(clippy::too_many_arguments)]
async fn call<B>(
    conn: &Connection,
    destination: &str,
    path: &str,
    interface: &str,
    method: &'static str,
    body: &B,
    limit: Duration,
    password: &str,
) -> Result<zbus::Message, Failed>
where
    B: serde::Serialize + zbus::zvariant::DynamicType,
{
    let reply = within(
        method,
        limit,
        conn.call_method(Some(destination), path, Some(interface), method, body),
    )
    .await
    .map_err(Failed::Timeout)?;
    reply.map_err(|e| match e {
        zbus::Error::MethodError(name, message, _) => Failed::Method {
            name: name.to_string(),
            message: daemon_words(message.as_deref().unwrap_or(""), password),
        },
        other => Failed::Bus(daemon_words(&other.to_string(), password)),
    })
}

fn unexpected(step: &'static str, e: zbus::Error) -> GoaError {
    GoaError::Unexpected {
        step,
        detail: e.to_string(),
    }
}

fn not_running(failed: Failed) -> GoaError {
    match failed {
        Failed::Timeout(e) => e,
        Failed::Method { name, .. } if name == "org.freedesktop.DBus.Error.ServiceUnknown" => {
            GoaError::NotInstalled
        }
        Failed::Method { name, message } => GoaError::NotRunning {
            reason: format!("{message} ({name})"),
        },
        Failed::Bus(reason) => GoaError::NotRunning { reason },
    }
}

pub(super) async fn add(
    address: Option<&str>,
    request: &GoaRequest,
    unicode_identity: &str,
    password: &SecretString,
) -> Result<String, GoaError> {
    let secret = password.expose_secret();
    let conn = connect(address).await?;
    require_daemon(&conn).await?;
    let existing = accounts(&conn).await?;
    if let Some(found) = account_for(&existing, &request.identity, unicode_identity) {
        return Err(GoaError::AlreadyExists {
            email: request.identity.clone(),
            provider: found.provider.clone(),
            path: found.path.clone(),
        });
    }

    let credentials: HashMap<&str, Value<'_>> = HashMap::from([
        (IMAP_PASSWORD, Value::from(secret)),
        (SMTP_PASSWORD, Value::from(secret)),
    ]);
    let details: HashMap<&str, &str> = request
        .details
        .iter()
        .map(|(k, v)| (*k, v.as_str()))
        .collect();
    let body = (
        PROVIDER,
        request.identity.as_str(),
        request.identity.as_str(),
        credentials,
        details,
    );
    let reply = call(
        &conn,
        BUS_NAME,
        MANAGER_PATH,
        MANAGER_INTERFACE,
        "AddAccount",
        &body,
        KEYRING_LIMIT,
        secret,
    )
    .await
    .map_err(|failed| match failed {
        Failed::Timeout(e) => e,
        Failed::Method { name, message } => GoaError::Refused { name, message },
        Failed::Bus(reason) => GoaError::NotRunning { reason },
    })?;
    drop(body);
    let path: OwnedObjectPath = reply
        .body()
        .deserialize()
        .map_err(|e| unexpected("AddAccount", e))?;
    let path = path.to_string();

    if let Err(reason) = password_kept(&conn, &path, secret).await {
        let removed = call(
            &conn,
            BUS_NAME,
            &path,
            ACCOUNT_INTERFACE,
            "Remove",
            &(),
            CALL_LIMIT,
            secret,
        )
        .await
        .is_ok();
        return Err(GoaError::PasswordNotStored {
            reason,
            path,
            removed,
        });
    }
    Ok(path)
}

async fn connect(address: Option<&str>) -> Result<Connection, GoaError> {
    let no_bus = |e: zbus::Error| GoaError::NoSessionBus {
        reason: e.to_string(),
    };
    let builder = match address {
        Some(address) => zbus::connection::Builder::address(address),
        None => zbus::connection::Builder::session(),
    }
    .map_err(no_bus)?;
    within(
        "connecting to the session bus",
        CONNECT_LIMIT,
        builder.build(),
    )
    .await?
    .map_err(no_bus)
}

/// The daemon is running, or the bus can start it; else it is not installed.
async fn require_daemon(conn: &Connection) -> Result<(), GoaError> {
    let bus_failed = |failed: Failed| match failed {
        Failed::Timeout(e) => e,
        Failed::Method { name, message } => GoaError::NoSessionBus {
            reason: format!("{message} ({name})"),
        },
        Failed::Bus(reason) => GoaError::NoSessionBus { reason },
    };
    let reply = call(
        conn,
        DBUS_NAME,
        DBUS_PATH,
        DBUS_NAME,
        "NameHasOwner",
        &(BUS_NAME,),
        CALL_LIMIT,
        "",
    )
    .await
    .map_err(bus_failed)?;
    let running: bool = reply
        .body()
        .deserialize()
        .map_err(|e| unexpected("NameHasOwner", e))?;
    if running {
        return Ok(());
    }
    let reply = call(
        conn,
        DBUS_NAME,
        DBUS_PATH,
        DBUS_NAME,
        "ListActivatableNames",
        &(),
        CALL_LIMIT,
        "",
    )
    .await
    .map_err(bus_failed)?;
    let names: Vec<String> = reply
        .body()
        .deserialize()
        .map_err(|e| unexpected("ListActivatableNames", e))?;
    if names.iter().any(|n| n == BUS_NAME) {
        Ok(())
    } else {
        Err(GoaError::NotInstalled)
    }
}

/// The accounts the daemon has (starting it when the bus can).
async fn accounts(conn: &Connection) -> Result<Vec<ExistingAccount>, GoaError> {
    let reply = call(
        conn,
        BUS_NAME,
        ROOT_PATH,
        OBJECT_MANAGER,
        "GetManagedObjects",
        &(),
        CALL_LIMIT,
        "",
    )
    .await
    .map_err(not_running)?;
    let objects: Objects = reply
        .body()
        .deserialize()
        .map_err(|e| unexpected("GetManagedObjects", e))?;
    let mut out = Vec::new();
    for (path, interfaces) in objects {
        let Some(account) = interfaces.get(ACCOUNT_INTERFACE) else {
            continue;
        };
        let mut addresses: Vec<String> = ["Identity", "PresentationIdentity"]
            .into_iter()
            .filter_map(|key| text(account, key))
            .collect();
        if let Some(mail) = interfaces.get(MAIL_INTERFACE) {
            addresses.extend(text(mail, "EmailAddress"));
        }
        out.push(ExistingAccount {
            path: path.to_string(),
            provider: text(account, "ProviderType").unwrap_or_default(),
            addresses,
        });
    }
    out.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(out)
}

fn text(properties: &Properties, key: &str) -> Option<String> {
    let value: &Value<'_> = properties.get(key)?;
    <&str>::try_from(value).ok().map(str::to_string)
}

/// Whether the daemon reads back both passwords as given; else why not, in words.
async fn password_kept(conn: &Connection, path: &str, secret: &str) -> Result<(), String> {
    for id in [IMAP_PASSWORD, SMTP_PASSWORD] {
        let reply = call(
            conn,
            BUS_NAME,
            path,
            PASSWORD_INTERFACE,
            "GetPassword",
            &(id,),
            KEYRING_LIMIT,
            secret,
        )
        .await
        .map_err(|failed| match failed {
            Failed::Timeout(e) => e.to_string(),
            Failed::Method { name, message } => format!("{message} ({name})"),
            Failed::Bus(reason) => reason,
        })?;
        let back: Zeroizing<String> = Zeroizing::new(
            reply
                .body()
                .deserialize::<String>()
                .map_err(|e| e.to_string())?,
        );
        if back.as_str() != secret {
            return Err(format!("the {id} read back is not the one given"));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_daemons_words_are_cleaned_of_the_password_and_control_characters() {
        let words = daemon_words("bad\n\u{1b}[31mhunter2 and more", "hunter2");
        assert_eq!(words, "bad[31m[password] and more");
        assert!(daemon_words(&"x".repeat(5000), "").len() <= MAX_DAEMON_TEXT);
    }
}
