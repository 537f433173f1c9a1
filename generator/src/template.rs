//! Path templates: `/sessions/{id}/token`, and the `{name:regex}` form some vendors use.

/// One piece of a path template.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PathPart {
    /// Text sent as it is.
    Literal(String),
    /// A parameter, with the regular expression its value must match in full, if the
    /// template gives one (`{id:((?!provider|current).)*}`).
    Parameter { name: String, pattern: Option<String> },
}

/// Splits a path template into literals and parameters.
pub fn parse(template: &str) -> Result<Vec<PathPart>, String> {
    let mut parts = Vec::new();
    let mut literal = String::new();
    let mut chars = template.char_indices();
    while let Some((start, c)) = chars.next() {
        match c {
            '{' => {
                let mut depth = 1;
                let mut inner = String::new();
                for (_, c) in chars.by_ref() {
                    match c {
                        '{' => depth += 1,
                        '}' => depth -= 1,
                        _ => {}
                    }
                    if depth == 0 {
                        break;
                    }
                    inner.push(c);
                }
                if depth != 0 {
                    return Err(format!("the `{{` at byte {start} is never closed"));
                }
                if !literal.is_empty() {
                    parts.push(PathPart::Literal(std::mem::take(&mut literal)));
                }
                let (name, pattern) = match inner.split_once(':') {
                    Some((name, pattern)) => (name, Some(pattern.to_owned())),
                    None => (inner.as_str(), None),
                };
                if name.is_empty() {
                    return Err(format!("the template expression at byte {start} has no name"));
                }
                parts.push(PathPart::Parameter { name: name.to_owned(), pattern });
            }
            '}' => return Err(format!("the `}}` at byte {start} closes nothing")),
            _ => literal.push(c),
        }
    }
    if !literal.is_empty() {
        parts.push(PathPart::Literal(literal));
    }
    Ok(parts)
}

/// The names of the parameters in a parsed template.
pub fn parameter_names(parts: &[PathPart]) -> impl Iterator<Item = &str> {
    parts.iter().filter_map(|part| match part {
        PathPart::Parameter { name, .. } => Some(name.as_str()),
        PathPart::Literal(_) => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_plain_and_regex_templates() {
        assert_eq!(
            parse("/1.0.0/sessions/{id:((?!provider|current).)*}/token").unwrap(),
            vec![
                PathPart::Literal("/1.0.0/sessions/".into()),
                PathPart::Parameter { name: "id".into(), pattern: Some("((?!provider|current).)*".into()) },
                PathPart::Literal("/token".into()),
            ]
        );
        assert_eq!(parse("/a/{b}{c}").unwrap().len(), 3);
        assert!(parse("/a/{b").is_err());
        assert!(parse("/a/b}").is_err());
        assert!(parse("/a/{}").is_err());
        assert!(parse("/x/{n:[0-9]{2}}").is_ok());
    }
}
