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
/// not Rust, and must not be taken for doctests.
///
/// A line that continues a list item without indentation (what YAML's folded `>` style makes
/// of a wrapped item) is indented under the item: Markdown reads it as part of the item either
/// way, and rustdoc's lint asks for the indentation.
pub fn text_lines(text: &str) -> Vec<String> {
    let mut in_fence = false;
    // The indentation of the list item the previous line belongs to.
    let mut item: Option<usize> = None;
    text.trim()
        .lines()
        .map(|line| {
            let trimmed = line.trim_start();
            if trimmed.starts_with("```") {
                in_fence = !in_fence;
                item = None;
                if in_fence {
                    return "```text".to_owned();
                }
            }
            let indent = line.len() - trimmed.len();
            let (line, trimmed) = (line.trim_end(), trimmed.trim_end());
            if in_fence || trimmed.is_empty() {
                item = None;
                return line.to_owned();
            }
            if let Some(marker) = list_marker(trimmed) {
                item = Some(indent + marker);
                return line.to_owned();
            }
            match item {
                Some(width) if indent < width => format!("{}{trimmed}", " ".repeat(width)),
                _ => line.to_owned(),
            }
        })
        .collect()
}

/// The width of the list marker `line` starts with (`- `, `* `, `+ `, `1. `, `2) `), if any.
fn list_marker(line: &str) -> Option<usize> {
    if ["- ", "* ", "+ "].iter().any(|marker| line.starts_with(marker)) {
        return Some(2);
    }
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    let rest = &line[digits..];
    (digits > 0 && digits < 10 && (rest.starts_with(". ") || rest.starts_with(") "))).then_some(digits + 2)
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

/// The crate-level docs: title, description, API version, servers, operations.
pub fn crate_docs(api: &Api) -> TokenStream {
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
    for operation in &api.operations {
        let summary = operation.summary.as_deref().map(|text| format!(": {}", text.trim())).unwrap_or_default();
        let deprecated = if operation.deprecated { " (deprecated)" } else { "" };
        lines.push(format!(
            "- [`Client::{}`]: `{} {}`{summary}{deprecated}",
            operation.method_name, operation.http_method, operation.path
        ));
    }
    let lines = lines.into_iter().map(|line| {
        let line = if line.is_empty() { line } else { format!(" {line}") };
        quote! { #![doc = #line] }
    });
    quote! { #(#lines)* }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lazy_continuations_of_list_items_are_indented() {
        let text = "Intro:\n\n- one, wrapped \nhere  \n  - nested\n  wrapped\n1. numbered\nwrapped\n\nAfter.";
        assert_eq!(text_lines(text), ["Intro:", "", "- one, wrapped", "  here", "  - nested", "    wrapped", "1. numbered", "   wrapped", "", "After."]);
    }
}
