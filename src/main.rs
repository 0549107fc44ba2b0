//! The `vores` binary: parses the command line and hands over to the
//! library (which sets up logging once it has read the config), so tests
//! drive exactly what operators run.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    // Two TLS crypto backends are linked in (see Cargo.toml); without a
    // process default the first HTTPS connection would panic. Installing
    // fails only if one is installed already, which is just as good.
    let _ = rustls::crypto::aws_lc_rs::default_provider().install_default();
    private_files_only();
    few_malloc_arenas();
    let cli = vores::cli::Cli::parse();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("vores: cannot start the async runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(vores::cli::run(cli)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("vores: {e:#}");
            ExitCode::FAILURE
        }
    }
}

/// Everything the bot creates (the SQLite file and its journal, the Matrix
/// store with its encryption keys and session) holds residents' data or
/// secrets: readable by this user only, whatever umask the shell had.
fn private_files_only() {
    // SAFETY: umask only sets the process's file-creation mask and cannot
    // fail; it runs before any other thread exists.
    unsafe {
        libc::umask(0o077);
    }
}

/// glibc gives every thread that allocates its own malloc arena, up to eight
/// per core, and keeps their freed memory. Vores' threads (tokio's workers,
/// the SQLite worker and matrix-sdk's blocking store calls) allocate little
/// each; two arenas keep the resident size small at no measurable cost.
fn few_malloc_arenas() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only changes a malloc tunable; it runs before any other
    // thread exists. Its result (0 when refused) changes nothing for us.
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, 2);
    }
}
