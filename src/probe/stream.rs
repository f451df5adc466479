//! The byte stream every step of a probe talks over: TCP, or TLS over TCP, boxed.

use std::fmt;

use tokio::io::{AsyncRead, AsyncWrite};

/// Any byte stream a probe talks over (TCP, TLS over TCP …).
pub trait AsyncStream: AsyncRead + AsyncWrite + Unpin + Send + fmt::Debug {}
impl<T: AsyncRead + AsyncWrite + Unpin + Send + fmt::Debug> AsyncStream for T {}
/// A boxed stream, so TLS can be layered on after STARTTLS.
pub type BoxStream = Box<dyn AsyncStream>;
