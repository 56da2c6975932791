//! PyPrep: a static, client-side Python interview practice widget.
//!
//! The pure core (everything but `web`) is plain Rust tested natively; `web` is the thin Yew
//! shell that renders state and turns events into actions. See ARCHITECTURE.md.

pub mod bank;
pub mod challenge;
pub mod draw;
pub mod editor;
pub mod embed;
pub mod highlight;
pub mod keys;
pub mod link;
pub mod markdown;
pub mod mock;
pub mod progress;
pub mod quiz;
pub mod schedule;
pub mod search;
pub mod stats;
pub mod store;

pub mod web;
