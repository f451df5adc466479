//! Scripted fault servers (being written).
