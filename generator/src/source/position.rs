//! Positions in a file's text: line, column and byte offset.

/// A position in a spec file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Location {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// Byte offset of the position in the file.
    pub offset: usize,
}

/// The location of a byte offset.
pub(crate) fn location_at(text: &str, offset: usize) -> Location {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |last| last.chars().count()) + 1;
    Location { line, column, offset }
}

/// Converts a 1-based line and column (in characters) into a [`Location`] with a byte offset.
pub(crate) fn location_of(text: &str, line: usize, column: usize) -> Location {
    let line_start: usize = text.split_inclusive('\n').take(line.saturating_sub(1)).map(str::len).sum();
    location_in_line(text, line_start, line, column)
}

/// Like [`location_of`], with the byte offset of the line's start already known (the locate
/// index keeps them, so that thousands of diagnostics do not each rescan the file).
pub(crate) fn location_in_line(text: &str, line_start: usize, line: usize, column: usize) -> Location {
    let line_text = text[line_start.min(text.len())..].lines().next().unwrap_or("");
    let column_bytes: usize = line_text.chars().take(column.saturating_sub(1)).map(char::len_utf8).sum();
    Location { line, column, offset: (line_start + column_bytes).min(text.len()) }
}
