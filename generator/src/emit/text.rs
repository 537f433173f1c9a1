//! Rust source written directly as formatted text.
//!
//! The code we design ourselves (everything but the schema types: the client, its methods and
//! request builders, the response enums, headers and mocks) has a fixed shape, so its emitters
//! write it already formatted, through a [`Writer`] that keeps the indentation. Building it as tokens, then parsing them with `syn`
//! and printing them with `prettyplease`, cost more than everything else the generator does
//! (BENCHMARKS.md, issue #15). typify's schema types, whose shape we do not control, still go
//! through tokens and `prettyplease`.

use std::fmt::{self, Write as _};

/// Lists are written on one line when it fits within this many columns, indentation included
/// (prettyplease's and rustfmt's width).
const WIDTH: usize = 100;

const INDENT: &str = "    ";

/// Formatted Rust source, written line by line at the current indentation.
#[derive(Default)]
pub struct Writer {
    out: String,
    depth: usize,
}

impl Writer {
    /// A writer whose lines start `depth` levels in (items inside a module, say).
    pub fn indented(depth: usize) -> Writer {
        Writer { out: String::new(), depth }
    }

    /// One line at the current indentation.
    pub fn line(&mut self, text: impl fmt::Display) {
        self.indent();
        // Writing into a String cannot fail.
        let _ = writeln!(self.out, "{text}");
    }

    /// A line that opens a block (ends with `{`): the lines after it are indented one more level.
    pub fn open(&mut self, text: impl fmt::Display) {
        self.line(text);
        self.depth += 1;
    }

    /// A line that closes a block (starts with `}`), one level less indented than the lines before it.
    pub fn close(&mut self, text: impl fmt::Display) {
        self.depth = self.depth.saturating_sub(1);
        self.line(text);
    }

    /// A line that closes a bracket and opens another (`) -> Result<`), at the indentation of
    /// the line that opened the first.
    pub fn reopen(&mut self, text: impl fmt::Display) {
        self.close(text);
        self.depth += 1;
    }

    /// Whether `line` fits within the width at the current indentation.
    pub fn fits(&self, line: &str) -> bool {
        self.depth * INDENT.len() + line.len() <= WIDTH
    }

    /// `///` doc comments, one per line of `lines`.
    pub fn docs<I, S>(&mut self, lines: I)
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        self.comments("///", lines);
    }

    /// `//!` doc comments (of the enclosing item: the crate), one per line of `lines`.
    pub fn inner_docs<I, S>(&mut self, lines: I)
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        self.comments("//!", lines);
    }

    /// A line of the crate's docs that is there only when `feature` is enabled (it names what
    /// the feature compiles, and would be a broken link without it).
    pub fn inner_doc_under(&mut self, feature: &str, line: &str) {
        self.indent();
        let line = format!(" {}", line.replace('\r', " ").trim_end());
        let _ = writeln!(self.out, "#![cfg_attr(feature = {feature:?}, doc = {line:?})]");
    }

    fn comments<I, S>(&mut self, marker: &str, lines: I)
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        for line in lines {
            self.indent();
            // A carriage return is not allowed in a doc comment; it cannot be seen in one either.
            let line = line.as_ref().replace('\r', " ");
            let line = line.trim_end();
            if line.is_empty() {
                let _ = writeln!(self.out, "{marker}");
            } else {
                let _ = writeln!(self.out, "{marker} {line}");
            }
        }
    }

    /// `head`, the comma-separated `items`, then `tail`: on one line when it fits, else one item
    /// per line, indented, each with a trailing comma (`head` ends with the opening delimiter,
    /// `tail` starts with the closing one). Inside braces, a one-line list is padded with
    /// spaces, as rustfmt does.
    pub fn list(&mut self, head: &str, items: &[String], tail: &str) {
        let pad = if head.ends_with('{') && !items.is_empty() { " " } else { "" };
        let one_line = format!("{head}{pad}{}{pad}{tail}", items.join(", "));
        if !one_line.contains('\n') && self.fits(&one_line) {
            self.line(one_line);
            return;
        }
        self.open(head);
        for item in items {
            self.line(format_args!("{item},"));
        }
        self.close(tail);
    }

    /// [`list`](Self::list) whose `tail` opens a block.
    pub fn open_list(&mut self, head: &str, items: &[String], tail: &str) {
        self.list(head, items, tail);
        self.depth += 1;
    }

    /// The text written.
    pub fn finish(self) -> String {
        self.out
    }

    fn indent(&mut self) {
        for _ in 0..self.depth {
            self.out.push_str(INDENT);
        }
    }
}

/// `text` as a Rust string literal.
pub fn string(text: &str) -> String {
    // `str`'s Debug form is a valid Rust literal: quotes and backslashes escaped, control
    // characters as escapes.
    format!("{text:?}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_fit_on_one_line_or_take_one_line_per_item() {
        let mut writer = Writer::default();
        writer.open("mod m {");
        writer.list("f(", &["a".into(), "b".into()], ");");
        writer.list("S {", &["a".into()], "}");
        writer.open_list("fn g(", &["x".repeat(60), "y".repeat(40)], ") {");
        writer.line("body");
        writer.close("}");
        writer.close("}");
        assert_eq!(
            writer.finish(),
            format!("mod m {{\n    f(a, b);\n    S {{ a }}\n    fn g(\n        {},\n        {},\n    ) {{\n        body\n    }}\n}}\n", "x".repeat(60), "y".repeat(40))
        );
    }

    #[test]
    fn doc_lines_are_trimmed_and_carriage_returns_dropped() {
        let mut writer = Writer::default();
        writer.docs(["one\rtwo ", "", "  three"]);
        assert_eq!(writer.finish(), "/// one two\n///\n///   three\n");
    }

    #[test]
    fn strings_are_escaped() {
        assert_eq!(string(r#"a"b\c"#), r#""a\"b\\c""#);
    }
}
