//! Following `$ref`s to components (`#/components/parameters/X` and the like).

use openapiv3::{Components, Header, OpenAPI, Parameter, ReferenceOr, RequestBody, Response};

/// How many `$ref`s in a row are followed before giving up (a longer chain is a cycle or a
/// mistake; validation reports it).
pub const MAX_CHAIN: usize = 32;

/// The component name a local reference points at, if it points into `components/<kind>`.
pub fn component_name<'a>(reference: &'a str, kind: &str) -> Option<&'a str> {
    reference.strip_prefix("#/components/")?.strip_prefix(kind)?.strip_prefix('/')
}

fn follow<'a, T>(
    api: &'a OpenAPI,
    item: &'a ReferenceOr<T>,
    kind: &str,
    table: impl Fn(&'a Components) -> &'a indexmap::IndexMap<String, ReferenceOr<T>>,
) -> Option<&'a T> {
    let mut current = item;
    for _ in 0..MAX_CHAIN {
        match current {
            ReferenceOr::Item(item) => return Some(item),
            ReferenceOr::Reference { reference } => {
                let name = component_name(reference, kind)?;
                current = table(api.components.as_ref()?).get(&unescape(name))?;
            }
        }
    }
    None
}

fn unescape(segment: &str) -> String {
    segment.replace("~1", "/").replace("~0", "~")
}

/// A parameter, following references.
pub fn parameter<'a>(api: &'a OpenAPI, item: &'a ReferenceOr<Parameter>) -> Option<&'a Parameter> {
    follow(api, item, "parameters", |components| &components.parameters)
}

/// A response, following references.
pub fn response<'a>(api: &'a OpenAPI, item: &'a ReferenceOr<Response>) -> Option<&'a Response> {
    follow(api, item, "responses", |components| &components.responses)
}

/// A request body, following references.
pub fn request_body<'a>(api: &'a OpenAPI, item: &'a ReferenceOr<RequestBody>) -> Option<&'a RequestBody> {
    follow(api, item, "requestBodies", |components| &components.request_bodies)
}

/// A response header, following references.
pub fn header<'a>(api: &'a OpenAPI, item: &'a ReferenceOr<Header>) -> Option<&'a Header> {
    follow(api, item, "headers", |components| &components.headers)
}
