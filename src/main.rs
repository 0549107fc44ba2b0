//! The `vores` binary: parses the command line, sets up logging and hands
//! over to the library, so tests drive exactly what operators run.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    // Two TLS crypto backends are linked in (see Cargo.toml); without a
    // process default the first HTTPS connection would panic. Installing
    // fails only if one is installed already, which is just as good.
    let _ = rustls::crypto::aws_lc_rs::default_provider().install_default();
    let cli = vores::cli::Cli::parse();
    vores::cli::init_tracing(&cli);
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
