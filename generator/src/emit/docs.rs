//! Doc comments from the spec's summaries and descriptions.

use proc_macro2::TokenStream;
use quote::quote;

use crate::model::Api;

/// `#[doc = ...]` attributes for `lines`, one per line, made safe for rustdoc.
pub fn doc_lines<I, S>(lines: I) -> TokenStream
where
    I: IntoIterator<Item = S>,
    S: AsRef<str>,
{
    let lines = lines.into_iter().map(|line| {
        let line = format!(" {}", line.as_ref());
        quote! { #[doc = #line] }
    });
    quote! { #(#lines)* }
}

/// Splits spec text into doc lines. Fenced code blocks become `text` blocks: spec examples are
/// not Rust, and must not be taken for doctests. A line that continues a list item without
/// being indented under it, or a block quote without `>` (Markdown's "lazy continuation",
/// common in specs), is indented or marked, so that rustdoc and clippy read it as the item's or
/// the quote's text.
pub fn text_lines(text: &str) -> Vec<String> {
    let mut in_fence = false;
    // The indentation of the text of the list item being continued, if any.
    let mut item_indent: Option<usize> = None;
    // Whether the previous line was in a block quote (`> ...`), which a line continues lazily.
    let mut in_quote = false;
    text.trim()
        .lines()
        .map(|line| {
            let line = line.trim_end();
            let trimmed = line.trim_start();
            if trimmed.starts_with("```") {
                in_fence = !in_fence;
                item_indent = None;
                if in_fence {
                    return "```text".to_owned();
                }
            }
            if in_fence || trimmed.is_empty() {
                item_indent = None;
                in_quote = false;
                return line.to_owned();
            }
            let prose = rustdoc_prose_line(line);
            let line = prose.as_str();
            let trimmed = line.trim_start();
            if trimmed.starts_with('>') {
                in_quote = true;
                return line.to_owned();
            }
            if in_quote {
                return format!("> {trimmed}");
            }
            if let Some(indent) = list_item_indent(line) {
                item_indent = Some(indent);
                return line.to_owned();
            }
            match item_indent {
                Some(indent) if line.len() - trimmed.len() < indent => format!("{}{trimmed}", " ".repeat(indent)),
                _ => line.to_owned(),
            }
        })
        .collect()
}

/// `text` (spec prose: a description) as rustdoc reads it without warnings, except in code
/// (fenced blocks, lines indented as code, code spans): each bare URL made a link,
/// `<https://...>` (`rustdoc::bare_urls`), and `</br>`, an end tag of an element that has none,
/// written `<br>` (`rustdoc::invalid_html_tags`).
pub fn rustdoc_prose(text: &str) -> String {
    let mut in_fence = false;
    let lines: Vec<String> = text
        .split('\n')
        .map(|line| {
            if line.trim_start().starts_with("```") {
                in_fence = !in_fence;
                return line.to_owned();
            }
            if in_fence { line.to_owned() } else { rustdoc_prose_line(line) }
        })
        .collect();
    lines.join("\n")
}

/// One line of prose as rustdoc reads it without warnings ([`rustdoc_prose`]).
fn rustdoc_prose_line(line: &str) -> String {
    let line = link_bare_urls_in_line(line);
    if line.contains("</br>") && !line.contains('`') && !line.starts_with("    ") { line.replace("</br>", "<br>") } else { line }
}

/// One line of prose with its bare URLs made links (see [`rustdoc_prose`]). A URL is bare
/// unless it is in a code span, already in `<...>`, a Markdown link's target or text, or an
/// HTML attribute's value; it ends before white space or a quote, bracket or backtick, and
/// trailing punctuation is not part of it.
fn link_bare_urls_in_line(line: &str) -> String {
    if line.starts_with("    ") || !line.contains("://") {
        return line.to_owned();
    }
    let mut out = String::with_capacity(line.len() + 8);
    let mut rest = line;
    let mut in_code = false;
    while !rest.is_empty() {
        let next_tick = rest.find('`');
        let next_url = ["https://", "http://"].iter().filter_map(|scheme| rest.find(scheme)).min();
        match (next_tick, next_url) {
            (Some(tick), url) if url.is_none_or(|url| tick < url) => {
                out.push_str(&rest[..=tick]);
                rest = &rest[tick + 1..];
                in_code = !in_code;
            }
            (_, Some(at)) => {
                let before = &rest[..at];
                let url_and_after = &rest[at..];
                let end = url_and_after.find(|c: char| c.is_whitespace() || "<>\"'`[]".contains(c)).unwrap_or(url_and_after.len());
                let url = url_and_after[..end].trim_end_matches(['.', ',', ';', ':', '!', '?', ')', '*', '_']);
                let linked = before.ends_with(['<', '"', '\'', '=', '[']) || before.ends_with("](");
                out.push_str(before);
                if in_code || linked || url.len() <= "https://".len() {
                    out.push_str(url);
                } else {
                    out.push('<');
                    out.push_str(url);
                    out.push('>');
                }
                rest = &url_and_after[url.len()..];
            }
            _ => {
                out.push_str(rest);
                rest = "";
            }
        }
    }
    out
}

/// Where the text of a Markdown list item starts (`- a` and `1. a` start at 2 and 3), if the
/// line is one.
fn list_item_indent(line: &str) -> Option<usize> {
    let trimmed = line.trim_start();
    let lead = line.len() - trimmed.len();
    let marker = if trimmed.starts_with(['-', '*', '+']) {
        1
    } else {
        let digits = trimmed.chars().take_while(char::is_ascii_digit).count();
        if digits == 0 || !trimmed[digits..].starts_with(['.', ')']) {
            return None;
        }
        digits + 1
    };
    let rest = &trimmed[marker..];
    let spaces = rest.len() - rest.trim_start_matches(' ').len();
    (spaces > 0 && !rest.trim().is_empty()).then_some(lead + marker + spaces)
}

/// Summary, then description, separated by a blank line; either may be missing.
pub fn summary_and_description(summary: Option<&str>, description: Option<&str>) -> Vec<String> {
    let mut lines = Vec::new();
    if let Some(summary) = summary.filter(|text| !text.trim().is_empty()) {
        lines.extend(text_lines(summary));
    }
    if let Some(description) = description.filter(|text| !text.trim().is_empty()) {
        if !lines.is_empty() {
            lines.push(String::new());
        }
        lines.extend(text_lines(description));
    }
    lines
}

/// A line of the crate-level docs, and the feature without which it is left out (`None`: always
/// there).
pub struct CrateDocLine {
    pub text: String,
    pub feature: Option<String>,
}

/// The lines of the crate-level docs: title, description, API version, servers, operations
/// (each operation's only when its feature is enabled), features.
pub fn crate_docs(api: &Api) -> Vec<CrateDocLine> {
    let mut lines: Vec<CrateDocLine> = crate_docs_before_operations(api).into_iter().map(|text| CrateDocLine { text, feature: None }).collect();
    for operation in &api.operations {
        // One list item per operation: a summary written on several lines is joined.
        let summary = operation.summary.as_deref().map(|text| format!(": {}", text.split_whitespace().collect::<Vec<_>>().join(" "))).unwrap_or_default();
        let deprecated = if operation.deprecated { " (deprecated)" } else { "" };
        let feature = operation.feature.as_ref().map(|feature| format!(" (feature `{feature}`)")).unwrap_or_default();
        let text = format!("- [`Client::{}`]: `{} {}`{summary}{deprecated}{feature}", operation.method_name, operation.http_method, operation.path);
        lines.push(CrateDocLine { text, feature: operation.feature.clone() });
    }
    if !api.features.is_empty() {
        lines.extend(features_section(api).into_iter().map(|text| CrateDocLine { text, feature: None }));
    }
    lines
}

/// The crate docs up to the list of operations.
fn crate_docs_before_operations(api: &Api) -> Vec<String> {
    let mut lines = vec![format!("# {}", api.title), String::new()];
    if let Some(description) = &api.description {
        lines.extend(text_lines(description));
        lines.push(String::new());
    }
    lines.push(format!("API version `{}`.", api.api_version));
    if !api.servers.is_empty() {
        lines.push(String::new());
        lines.push("## Servers".into());
        lines.push(String::new());
        for server in &api.servers {
            let description = server.description.as_deref().map(|text| format!(": {text}")).unwrap_or_default();
            lines.push(format!("- `{}`{description}", server.url));
        }
    }
    lines.push(String::new());
    lines.push("## Operations".into());
    lines.push(String::new());
    lines
}

/// The crate docs' list of cargo features, for a crate that has them.
fn features_section(api: &Api) -> Vec<String> {
    let mut lines = vec![
        String::new(),
        "## Cargo features".into(),
        String::new(),
        "Operations are grouped by tag (or by the first segment of their path), one cargo feature per group; the schema \
         types only some groups use are compiled with them. `all` (the default) enables every group; to compile only \
         what you use, depend on this crate with `default-features = false, features = [\"...\"]`."
            .into(),
        String::new(),
        "- `all`: every group".into(),
    ];
    for feature in &api.features {
        let count = api.operations.iter().filter(|operation| operation.feature.as_ref() == Some(feature)).count();
        let groups: std::collections::BTreeSet<&str> =
            api.operations.iter().filter(|operation| operation.feature.as_ref() == Some(feature)).map(|operation| operation.group.as_str()).collect();
        let groups: Vec<String> = groups.into_iter().map(|group| format!("`{group}`")).collect();
        let plural = if count == 1 { "" } else { "s" };
        lines.push(format!("- `{feature}`: {count} operation{plural} of {}", groups.join(", ")));
    }
    lines.push("- `mock`: typed mocks for tests (`mock::MockServer`)".into());
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bare_urls_become_links_and_end_tags_of_br_start_tags() {
        let cases = [
            ("located at https://api.intercom.io/events, or", "located at <https://api.intercom.io/events>, or"),
            ("a card (https://example.com/ref/card-options)", "a card (<https://example.com/ref/card-options>)"),
            ("see http://example.com.", "see <http://example.com>."),
            ("already <https://example.com/a> linked", "already <https://example.com/a> linked"),
            ("a [link](https://example.com/a) and [https://example.com/b](https://example.com/b)", "a [link](https://example.com/a) and [https://example.com/b](https://example.com/b)"),
            ("code `curl https://$HOST/api` and `https://{host}/x`", "code `curl https://$HOST/api` and `https://{host}/x`"),
            ("<a href=\"https://example.com\">x</a>", "<a href=\"https://example.com\">x</a>"),
            ("    indented code https://example.com", "    indented code https://example.com"),
            ("no url: https:// alone", "no url: https:// alone"),
            ("Intercom API version.</br>By default", "Intercom API version.<br>By default"),
            ("in code `</br>` stays", "in code `</br>` stays"),
        ];
        for (line, expected) in cases {
            assert_eq!(rustdoc_prose(line), expected, "{line}");
        }
        let fenced = "before https://a.example\n```\ncurl https://b.example\n```\nafter https://c.example";
        assert_eq!(rustdoc_prose(fenced), "before <https://a.example>\n```\ncurl https://b.example\n```\nafter <https://c.example>");
        assert_eq!(text_lines(fenced), ["before <https://a.example>", "```text", "curl https://b.example", "```", "after <https://c.example>"]);
    }

    #[test]
    fn lazy_continuations_of_list_items_are_indented() {
        let text = "Note:\n*   To get it, see [the\ntree](x).\n1. one\ntwo\n\nafter\n```\n- a\nb\n```";
        assert_eq!(text_lines(text), ["Note:", "*   To get it, see [the", "    tree](x).", "1. one", "   two", "", "after", "```text", "- a", "b", "```"]);
    }

    #[test]
    fn lazy_continuations_of_block_quotes_are_marked() {
        assert_eq!(text_lines("> Unofficial\nReturns 430\n\nafter"), ["> Unofficial", "> Returns 430", "", "after"]);
    }

    #[test]
    fn lazy_continuations_of_nested_and_trailing_space_items_are_indented() {
        let text = "Intro:\n\n- one, wrapped \nhere  \n  - nested\n  wrapped\n1. numbered\nwrapped\n\nAfter.";
        assert_eq!(text_lines(text), ["Intro:", "", "- one, wrapped", "  here", "  - nested", "    wrapped", "1. numbered", "   wrapped", "", "After."]);
    }
}
