//! One file per screen.

pub mod challenge;
pub mod home;
pub mod mock;
pub mod progress;
pub mod quiz;
pub mod study;
pub mod summary;
