//! A planted secret, and the checks that it shows up nowhere: not in `Debug` or `Display`, not in
//! an error's source chain, not in any log line (tracing events and `log` records, captured at
//! TRACE level).

use std::io::Write;
use std::sync::{Arc, Mutex, OnceLock};

/// The secret the tests plant; it must never be printed.
pub const SECRET: &str = "S3CR3T-do-not-print";

/// Everything logged by the test binary.
#[derive(Clone, Default)]
pub struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(bytes);
        Ok(bytes.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Captured {
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().unwrap()).into_owned()
    }
}

/// Installs a TRACE-level subscriber for the whole test binary that writes into the returned
/// buffer. Tests share the buffer; each checks only that the secret is absent, so sharing is
/// harmless.
pub fn capture_logs() -> Captured {
    static CAPTURED: OnceLock<Captured> = OnceLock::new();
    CAPTURED
        .get_or_init(|| {
            let captured = Captured::default();
            let writer = captured.clone();
            let subscriber = tracing_subscriber::fmt()
                .with_max_level(tracing::Level::TRACE)
                .with_writer(move || writer.clone())
                .with_ansi(false)
                .finish();
            tracing::subscriber::set_global_default(subscriber).unwrap();
            tracing_log::LogTracer::init().unwrap();
            captured
        })
        .clone()
}

/// Fails if the secret, or its base64 form inside a Basic credential, is in `text`.
pub fn assert_clean(what: &str, text: &str) {
    assert!(!text.contains(SECRET), "{what} printed the secret: {text}");
    assert!(!text.contains("UzNDUjNULWRvLW5vdC1wcmludA"), "{what} printed the base64 of the secret: {text}");
}

/// Formats `value` with `{:?}` (and `{:#?}`) and checks it.
pub fn assert_debug_clean(what: &str, value: &impl std::fmt::Debug) {
    assert_clean(what, &format!("{value:?}"));
    assert_clean(what, &format!("{value:#?}"));
}

/// Formats `value` with `{:?}` and `{}` and checks both, and the whole `source()` chain.
pub fn assert_error_clean(what: &str, error: &(dyn std::error::Error + 'static)) {
    assert_debug_clean(what, &error);
    assert_clean(what, &error.to_string());
    let mut source = error.source();
    while let Some(cause) = source {
        assert_clean(what, &cause.to_string());
        assert_clean(what, &format!("{cause:?}"));
        source = cause.source();
    }
}
