//! A saved account in other apps' formats: one file per format. Here: `goa`, the account
//! added to GNOME Online Accounts (the desktop's accounts, read by Evolution, Geary and
//! GNOME's apps) over D-Bus.

pub mod goa;
