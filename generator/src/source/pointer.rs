//! JSON pointers (RFC 6901): how every stage names a node of the document.

use std::borrow::Cow;

/// Escapes one JSON pointer segment; borrowed when there is nothing to escape (nearly always:
/// the walks escape every key of the document, and an allocation per key showed in profiles).
pub fn escape_segment(segment: &str) -> Cow<'_, str> {
    if segment.contains(['~', '/']) {
        Cow::Owned(segment.replace('~', "~0").replace('/', "~1"))
    } else {
        Cow::Borrowed(segment)
    }
}

/// Undoes [`escape_segment`].
pub fn unescape_segment(segment: &str) -> String {
    segment.replace("~1", "/").replace("~0", "~")
}

/// Builds a JSON pointer from segments.
pub fn pointer<I, S>(segments: I) -> String
where
    I: IntoIterator<Item = S>,
    S: AsRef<str>,
{
    segments.into_iter().map(|segment| format!("/{}", escape_segment(segment.as_ref()))).collect()
}

/// `pointer` with one more segment.
pub fn child(pointer: &str, segment: &str) -> String {
    format!("{pointer}/{}", escape_segment(segment))
}

/// The unescaped segments of a pointer (`""` has none).
pub fn segments(pointer: &str) -> Vec<String> {
    pointer.split('/').skip(1).map(unescape_segment).collect()
}
