//! Live progress of a running probe (`ProbeEvent`: a step began or ended, a transcript line
//! was kept), sent through a `ProgressSink` that never blocks.

use super::outcome::Step;
use super::record::TranscriptLine;
use super::step::StepKind;
use crate::account::ServerSettings;

/// Live progress of a running probe.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProbeEvent {
    /// A step began (show a spinner).
    StepStarted {
        server: ServerSettings,
        kind: StepKind,
    },
    /// A step ended (tick or cross, with its time and detail — already redacted).
    StepFinished { server: ServerSettings, step: Step },
    /// A transcript line was kept (already redacted), for a live technician view.
    Line {
        server: ServerSettings,
        line: TranscriptLine,
    },
}

/// A channel for `ProbeEvent`s; sending never blocks and a closed receiver is ignored.
#[derive(Debug, Clone)]
pub struct ProgressSink(tokio::sync::mpsc::UnboundedSender<ProbeEvent>);

impl ProgressSink {
    /// A sink and the receiver its events arrive on.
    pub fn channel() -> (Self, tokio::sync::mpsc::UnboundedReceiver<ProbeEvent>) {
        let (tx, rx) = tokio::sync::mpsc::unbounded_channel();
        (Self(tx), rx)
    }

    pub(super) fn send(&self, event: ProbeEvent) {
        let _ = self.0.send(event);
    }
}
