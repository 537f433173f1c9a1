//! Checks on arguments before anything is sent, and path-segment encoding.

use std::fmt;

use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

use crate::CallError;

/// Everything but RFC 3986 unreserved characters is encoded, so a value is always exactly one
/// path segment: `a/b c?d` becomes `a%2Fb%20c%3Fd`.
const PATH_SEGMENT: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'.').remove(b'_').remove(b'~');

/// A path parameter value, percent-encoded as a single segment when formatted, so that a path
/// is formatted in one go (`format!("/tokens/{}", PathSegment(token))`) without a string of its
/// own for each parameter. (No `Debug`: a path parameter may be a token.)
#[derive(Clone, Copy)]
pub struct PathSegment<'a>(pub &'a str);

impl fmt::Display for PathSegment<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&utf8_percent_encode(self.0, PATH_SEGMENT), f)
    }
}

/// A constraint the spec puts on a string argument, checked before the request is sent.
#[derive(Clone, Copy, Debug)]
pub enum Constraint<'a> {
    /// At least this many characters.
    MinLength(usize),
    /// At most this many characters.
    MaxLength(usize),
    /// The whole value must match this ECMAScript regular expression (path template regexes).
    FullMatch(&'a str),
    /// Some part of the value must match this ECMAScript regular expression (OpenAPI
    /// `pattern`, which is not implicitly anchored).
    Pattern(&'a str),
}

impl Constraint<'_> {
    /// Checks `value`, naming the argument in the error (an
    /// [`Error::InvalidRequest`](crate::Error::InvalidRequest)). The value itself is not
    /// repeated in the message: arguments such as tokens are secrets.
    pub fn check(self, argument: &str, value: &str) -> Result<(), CallError> {
        self.problem(argument, value).map_err(CallError::invalid_request)
    }

    fn problem(self, argument: &str, value: &str) -> Result<(), String> {
        let length = value.chars().count();
        match self {
            Constraint::MinLength(min) if length < min => Err(format!(
                "`{argument}` must be at least {min} characters long, got {length}"
            )),
            Constraint::MaxLength(max) if length > max => Err(format!(
                "`{argument}` must be at most {max} characters long, got {length}"
            )),
            Constraint::FullMatch(pattern) => search(argument, value, pattern, &format!("^(?:{pattern})$")),
            Constraint::Pattern(pattern) => search(argument, value, pattern, pattern),
            _ => Ok(()),
        }
    }
}

fn search(argument: &str, value: &str, pattern: &str, regex: &str) -> Result<(), String> {
    let regex = regress::Regex::new(regex)
        .map_err(|error| format!("`{argument}` has an invalid pattern in the spec: {error}"))?;
    if regex.find(value).is_some() {
        Ok(())
    } else {
        Err(format!("`{argument}` must match the pattern `{pattern}`"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_value_stays_one_segment() {
        assert_eq!(PathSegment("a/b c?d").to_string(), "a%2Fb%20c%3Fd");
        assert_eq!(PathSegment("urn:vcloud:session:1").to_string(), "urn%3Avcloud%3Asession%3A1");
        assert_eq!(PathSegment("...").to_string(), "...");
        assert_eq!(format!("/t/{}/x", PathSegment("a/b c?d€")), "/t/a%2Fb%20c%3Fd%E2%82%AC/x");
    }

    #[test]
    fn full_match_uses_ecmascript_lookahead() {
        let not_reserved = Constraint::FullMatch("((?!provider|current).)*");
        assert!(not_reserved.check("id", "urn:vcloud:session:42").is_ok());
        let error = not_reserved.check("id", "current").unwrap_err();
        assert_eq!(error.to_string(), "invalid request, nothing was sent: `id` must match the pattern `((?!provider|current).)*`");
        assert!(not_reserved.check("id", "provider").is_err());
    }

    #[test]
    fn a_pattern_is_a_search_unless_anchored() {
        assert!(Constraint::Pattern("[0-9]+").check("n", "ab12").is_ok());
        assert!(Constraint::Pattern("^[0-9]+$").check("n", "ab12").is_err());
    }

    #[test]
    fn lengths_count_characters() {
        assert!(Constraint::MinLength(3).check("name", "äbc").is_ok());
        assert!(Constraint::MinLength(3).check("name", "ab").is_err());
        assert!(Constraint::MaxLength(2).check("name", "abc").is_err());
    }
}
