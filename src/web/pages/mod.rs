//! One file per screen.

pub mod home;
pub mod progress;
pub mod quiz;
pub mod study;
pub mod summary;
