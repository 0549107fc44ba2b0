//! Wiring for the `vores` binary: the command line, loading configuration,
//! opening the database and starting adapters around the core.

pub mod bench;
pub mod cli;
pub mod doctor;
pub mod parse_json;
