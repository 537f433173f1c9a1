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

/// Like [`location_of`], with the byte offset of the line's start already known.
fn location_in_line(text: &str, line_start: usize, line: usize, column: usize) -> Location {
    location_from(text, line_start, 1, line, column)
}

/// Like [`location_in_line`], counting from a known point of the line: byte `from`, where
/// column `from_column` is. Only the characters between it and the column are read (a column of
/// a minified JSON spec's only line may be millions of characters in). A column past the end
/// of the line is its end.
pub(crate) fn location_from(text: &str, from: usize, from_column: usize, line: usize, column: usize) -> Location {
    let mut offset = from.min(text.len());
    for c in text[offset..].chars().take(column.saturating_sub(from_column)) {
        if c == '\n' || (c == '\r' && text[offset + 1..].starts_with('\n')) {
            break;
        }
        offset += c.len_utf8();
    }
    Location { line, column, offset }
}
