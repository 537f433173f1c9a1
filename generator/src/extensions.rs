//! The specification extensions (`x-...`) the generator reads, and a warning for any other.
//!
//! Vendors fill specs with extensions of their own (`x-codeSamples`, `x-github`), and a
//! maintainer may misspell one of ours (`x-secrets`), which would silently leave a token
//! printable. So every extension the generator does not read gets one located warning, at its
//! first use, naming the ones it does read.

use std::collections::BTreeMap;

use crate::diagnostic::Diagnostic;
use crate::shape::{close_enough, distance};

/// Every extension the generator reads, with what it does (the README's table says the same;
/// `tests/claims.rs` keeps the two in step).
pub const READ: &[(&str, &str)] = &[
    ("x-secret", "a schema property holds a credential or token: it becomes `Secret`"),
    ("x-auth-prefix", "an `apiKey` header scheme's value is `<prefix> <token>`"),
    ("x-authenticates", "a login operation's response authenticates a client (`with_<scheme>`)"),
    ("x-expiry-unit", "the unit of the expiry named by `x-authenticates` (`seconds` or `milliseconds`)"),
    ("x-decision", "why a garbled page was read this way (documentation only)"),
    ("x-vendor-path", "the vendor's path template with its regular expressions (documentation only)"),
    ("x-rust-type", "a schema is an existing Rust type (read by the type engine, typify)"),
    // Where an OpenAPI 3.1 spec says what 3.0 has no field for, the upgrade keeps it here.
    ("x-summary", "OpenAPI 3.1's `info.summary`, kept by the upgrade (documentation only)"),
    ("x-identifier", "OpenAPI 3.1's `license.identifier`, kept by the upgrade (documentation only)"),
    ("x-examples", "OpenAPI 3.1's schema `examples`, kept by the upgrade (documentation only)"),
];

/// Warns once for each extension that is not in [`READ`], at its first use.
pub fn check(extensions: &[(String, String)], found: &mut Vec<Diagnostic>) {
    let mut unread: BTreeMap<&str, (&str, usize)> = BTreeMap::new();
    for (name, at) in extensions {
        if READ.iter().any(|(read, _)| read == name) {
            continue;
        }
        unread.entry(name).or_insert((at, 0)).1 += 1;
    }
    let read: Vec<&str> = READ.iter().map(|(name, _)| *name).collect();
    for (name, (at, uses)) in unread {
        let uses = if uses == 1 { String::new() } else { format!(" ({uses} uses, one of them here)") };
        let typo = read
            .iter()
            .map(|known| (distance(&name.to_ascii_lowercase(), known), *known))
            .filter(|&(distance, _)| close_enough(name, distance))
            .min();
        let help = match typo {
            Some((_, known)) => format!("did you mean `{known}`? As written it changes nothing in the client"),
            None => format!("it changes nothing in the client; the generator reads {}", read.join(", ")),
        };
        found.push(Diagnostic::warning(at, format!("the extension `{name}` is not read by the generator{uses}")).help(help));
    }
}
