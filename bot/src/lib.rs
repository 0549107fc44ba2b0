//! The Vores core: the domain, understanding Danish and English messages,
//! deciding replies, rendering them per platform, and the adapter boundary.
//!
//! Nothing in this crate opens a network connection or knows a platform's
//! own types; adapters depend on it, never the reverse.

pub mod adapter;
pub mod civil;
pub mod clock;
pub mod community;
pub mod crashpoint;
pub mod digest;
pub mod doctor;
pub mod drafts;
pub mod engine;
pub mod format;
pub mod guidelines;
pub mod lang;
pub mod menu;
pub mod metrics;
pub mod model;
pub mod moderation;
pub mod news;
pub mod published;
pub mod reactions;
pub mod recurrence;
pub mod render;
pub mod runtime;
pub mod series;
pub mod sharing;
pub mod store;
pub mod toolbox;
pub mod understand;
pub mod untrusted;

pub use adapter::{
    Adapter, AdapterError, Capabilities, Inbound, InboundMessage, LengthUnit, Outgoing, TextFormat,
};
pub use clock::{Clock, FixedClock, SystemClock};
pub use engine::{Action, Bot, Escalated, Settings, Situation};
pub use lang::Language;
pub use model::{ConversationRef, MessageRef, Platform, Submission, UserRef};
pub use store::{Cursors, Store, StoreError};
