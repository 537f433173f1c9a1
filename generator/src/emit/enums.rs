//! String enums that typify does not emit; they are taken out of the schemas before it runs and
//! emitted here, and typify refers to them through its `x-rust-type` extension:
//!
//! - enums whose values collide as Rust names (`asc` and `ASC`, or `=` and `!=`, which have no
//!   letters at all), or start with a symbol (`+1`, which typify names `plus1`, not a camel-case
//!   name): typify gives up on the first kind (it panics); here they get unique variant names
//!   (`Plus1`) with explicit serde renames;
//! - open enums: every string enum in a schema a response can carry. A server may add a value
//!   (a newer VCD returns a token `type` the spec does not list); a closed enum would make the
//!   whole response fail to parse, so these keep an unknown value in a catch-all
//!   `Unknown(String)` variant. Enums only ever sent stay closed (typify's), so a request can
//!   only carry a listed value. An enum used in both directions is open: a value read from the
//!   server can be sent back (read, modify, write), and sending an `Unknown` value is something
//!   a caller does on purpose.

use std::collections::BTreeSet;

use serde_json::{json, Map, Value};

use crate::emit::docs::text_lines;
use crate::emit::text::{string, Writer};
use crate::naming::{pascal, unique};

/// typify writes an external type's path after `::`, so the generated crate names itself with
/// `extern crate self as this_client;` (see [`emit`]) and the path starts there.
pub const SELF_ALIAS: &str = "this_client";

/// An enum emitted here instead of by typify.
pub struct OwnEnum {
    name: String,
    values: Vec<String>,
    description: Option<String>,
    /// Keeps values the spec does not list (`Unknown(String)`).
    open: bool,
}

/// Replaces every colliding string enum in `schemas`, and every string enum in a schema named
/// in `received` (the schemas responses can carry, see [`received_schemas`]), with a reference
/// to a type of ours, and returns those types.
pub fn take_own(schemas: &mut Map<String, Value>, received: &BTreeSet<String>) -> Vec<OwnEnum> {
    let mut taken: BTreeSet<String> = schemas.keys().cloned().collect();
    let mut found = Vec::new();
    // Components that are an enum themselves keep their name: they are emitted here under it,
    // removed from what typify sees, and references to them point at the type of ours.
    let mut whole = BTreeSet::new();
    for (name, schema) in schemas.iter_mut() {
        let open = received.contains(name);
        if let Some(values) = schema.as_object().and_then(|map| own_values(map, open)) {
            let description = schema.get("description").and_then(Value::as_str).map(str::to_owned);
            found.push(OwnEnum { name: name.clone(), values, description, open });
            whole.insert(name.clone());
            continue;
        }
        visit(schema, name, open, &mut taken, &mut found);
    }
    if !whole.is_empty() {
        schemas.retain(|name, _| !whole.contains(name));
        schemas.values_mut().for_each(|schema| point_refs_at_own(schema, &whole));
    }
    found
}

impl OwnEnum {
    /// The Rust name of the enum.
    pub fn name(&self) -> &str {
        &self.name
    }
}

/// `x-rust-type` naming our enum `name`, for typify.
fn own_type(name: &str) -> Value {
    json!({"crate": SELF_ALIAS, "version": "*", "path": format!("{SELF_ALIAS}::types::{name}")})
}

/// Replaces each `$ref` to one of `names` with an `x-rust-type` naming our enum.
fn point_refs_at_own(value: &mut Value, names: &BTreeSet<String>) {
    match value {
        Value::Object(map) => {
            let target = map.get("$ref").and_then(Value::as_str).and_then(|reference| reference.strip_prefix("#/components/schemas/"));
            if let Some(name) = target.filter(|name| names.contains(*name)).map(str::to_owned) {
                map.clear();
                map.insert("x-rust-type".into(), own_type(&name));
                return;
            }
            map.values_mut().for_each(|child| point_refs_at_own(child, names));
        }
        Value::Array(items) => items.iter_mut().for_each(|child| point_refs_at_own(child, names)),
        _ => {}
    }
}

/// The values of an enum emitted here: a colliding one, or any string enum of two or more
/// values when `open`. An enum of one value is a constant, most often the tag of a `oneOf`
/// alternative (`state: {enum: [attached]}`): left to typify, the alternatives become one
/// tagged enum (`DiskState::Attached(Uuid)`) instead of a variant per alternative, each
/// holding an enum of one value.
fn own_values(map: &Map<String, Value>, open: bool) -> Option<Vec<String>> {
    match colliding_values(map) {
        Some(values) => Some(values),
        None if open => string_values(map).filter(|values| values.len() > 1),
        None => None,
    }
}

/// The names of the schemas a response can carry: response bodies and every schema they
/// reference, transitively.
pub fn received_schemas(api: &crate::model::Api) -> BTreeSet<String> {
    use crate::model::BodyKind;
    let mut pending: Vec<String> = api
        .operations
        .iter()
        .flat_map(|operation| operation.success.iter().chain(&operation.errors))
        .filter_map(|outcome| match &outcome.body {
            BodyKind::Json(name) | BodyKind::Form(name) | BodyKind::Multipart(name) => Some(name.clone()),
            _ => None,
        })
        .collect();
    let mut received = BTreeSet::new();
    while let Some(name) = pending.pop() {
        if !received.insert(name.clone()) {
            continue;
        }
        if let Some(schema) = api.schemas.get(&name) {
            collect_refs(schema, &mut pending);
        }
    }
    received
}

fn collect_refs(value: &Value, found: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            if let Some(name) = map.get("$ref").and_then(Value::as_str).and_then(|reference| reference.strip_prefix("#/components/schemas/")) {
                found.push(name.to_owned());
            }
            map.values().for_each(|child| collect_refs(child, found));
        }
        Value::Array(items) => items.iter().for_each(|child| collect_refs(child, found)),
        _ => {}
    }
}

fn visit(value: &mut Value, path_name: &str, open: bool, taken: &mut BTreeSet<String>, found: &mut Vec<OwnEnum>) {
    let Value::Object(map) = value else {
        if let Value::Array(items) = value {
            items.iter_mut().for_each(|item| visit(item, path_name, open, taken, found));
        }
        return;
    };
    if let Some(values) = own_values(map, open) {
        // typify's name for an inline schema (`Item` + `condition`), unless taken.
        let name = if taken.contains(path_name) { unique(&format!("{path_name}Value"), taken) } else { unique(path_name, taken) };
        let description = map.get("description").and_then(Value::as_str).map(str::to_owned);
        let mut replacement = Map::new();
        if let Some(description) = &description {
            replacement.insert("description".into(), json!(description));
        }
        replacement.insert("x-rust-type".into(), own_type(&name));
        *map = replacement;
        found.push(OwnEnum { name, values, description, open });
        return;
    }
    for (key, child) in map.iter_mut() {
        match key.as_str() {
            "example" | "examples" | "enum" | "default" | "x-rust-type" => {}
            "properties" => {
                if let Value::Object(properties) = child {
                    for (property, schema) in properties.iter_mut() {
                        visit(schema, &format!("{path_name}{}", pascal(property)), open, taken, found);
                    }
                }
            }
            _ => visit(child, path_name, open, taken, found),
        }
    }
}

/// The values of a string enum (every value a string; a `null` among them leaves the enum to
/// typify).
fn string_values(map: &Map<String, Value>) -> Option<Vec<String>> {
    map.get("enum")?.as_array()?.iter().map(|value| value.as_str().map(str::to_owned)).collect()
}

/// The values of a string enum whose Rust names would collide, be empty or start with a symbol.
fn colliding_values(map: &Map<String, Value>) -> Option<Vec<String>> {
    let values = string_values(map)?;
    let mut seen = BTreeSet::new();
    let collides = values.iter().any(|value| {
        let name = pascal_or_empty(value);
        name.is_empty() || !seen.insert(name) || !symbol_prefix(value).is_empty()
    });
    collides.then_some(values)
}

/// The symbols a value starts with, before its first letter or digit (`+` of `+1`); spaces and
/// underscores are only separators.
fn symbol_prefix(value: &str) -> &str {
    let end = value.find(|c: char| c.is_ascii_alphanumeric()).unwrap_or(value.len());
    let prefix = &value[..end];
    if prefix.chars().all(|c| c == ' ' || c == '_') {
        ""
    } else {
        prefix
    }
}

fn pascal_or_empty(value: &str) -> String {
    if value.chars().any(|c| c.is_ascii_alphanumeric()) {
        pascal(value)
    } else {
        String::new()
    }
}

/// A name for each value: its PascalCase, or, for symbols, their names (`!=` is `NotEq`);
/// later duplicates get a number.
fn variant_names(values: &[String], taken: Option<&mut BTreeSet<String>>) -> Vec<String> {
    let mut own_taken = BTreeSet::new();
    let taken = taken.unwrap_or(&mut own_taken);
    values
        .iter()
        .map(|value| {
            let base = match pascal_or_empty(value) {
                name if name.is_empty() => symbol_name(value),
                // `+1` is `Plus1`, `-1` is `Minus1`.
                _ if !symbol_prefix(value).is_empty() => {
                    let prefix = symbol_prefix(value);
                    format!("{}{}", symbol_name(prefix), pascal(&value[prefix.len()..]).trim_start_matches('_'))
                }
                name => name,
            };
            unique(&base, taken)
        })
        .collect()
}

fn symbol_name(value: &str) -> String {
    let name: String = value
        .chars()
        .map(|c| match c {
            '=' => "Eq".to_owned(),
            '!' => "Not".to_owned(),
            '<' => "Lt".to_owned(),
            '>' => "Gt".to_owned(),
            '~' => "Tilde".to_owned(),
            '^' => "Caret".to_owned(),
            '$' => "Dollar".to_owned(),
            '*' => "Star".to_owned(),
            '+' => "Plus".to_owned(),
            '-' => "Minus".to_owned(),
            '/' => "Slash".to_owned(),
            '.' => "Dot".to_owned(),
            '&' => "Amp".to_owned(),
            '|' => "Pipe".to_owned(),
            '%' => "Percent".to_owned(),
            '#' => "Hash".to_owned(),
            '@' => "At".to_owned(),
            ':' => "Colon".to_owned(),
            '?' => "Question".to_owned(),
            ' ' => "Space".to_owned(),
            other => format!("U{:X}", u32::from(other)),
        })
        .collect();
    if name.is_empty() {
        "Empty".into()
    } else {
        name
    }
}

/// The enums as formatted Rust source, to go at the end of the `types` module (one level in).
/// Each enum's items carry the `cfg` attributes gating gave it: `cfgs[i]` for `enums[i]`, a
/// list of feature sets, one attribute each (none when the list is empty or missing).
///
/// They are written as text, as the rest of our code is, rather than as tokens for
/// prettyplease: their impls are the most expensive items of the module to parse and print.
/// The text is what prettyplease prints for the same items (a test holds it to that); an enum
/// with a line too long for that to be sure (a long value or name, many features) is printed
/// by prettyplease from the text instead.
pub fn write(enums: &[OwnEnum], cfgs: &[crate::gate::Cfgs]) -> Result<String, String> {
    let mut out = String::new();
    for (index, own) in enums.iter().enumerate() {
        let attributes: Vec<String> = cfgs.get(index).into_iter().flatten().map(|set| cfg_any(set)).collect();
        let mut writer = Writer::indented(1);
        if own.open {
            write_open(&mut writer, own, &attributes);
        } else {
            write_closed(&mut writer, own, &attributes);
        }
        let text = writer.finish();
        if text.lines().all(|line| line.len() <= SURELY_UNBROKEN || line.trim_start().starts_with("///")) {
            out.push_str(&text);
        } else {
            out.push_str(&prettyplease_items(&text)?);
        }
    }
    Ok(out)
}

/// prettyplease breaks a line past 89 columns (`MARGIN`), and sometimes one a little shorter
/// when the break would end further on (` {`, `,`); a line this short it never breaks.
const SURELY_UNBROKEN: usize = 80;

/// `#[cfg(any(feature = "a", ...))]`, as gating writes it on typify's items.
fn cfg_any(features: &[String]) -> String {
    let features: Vec<String> = features.iter().map(|feature| format!("feature = {}", string(feature))).collect();
    format!("#[cfg(any({}))]", features.join(", "))
}

/// `text`, items one level into a module, printed by prettyplease.
fn prettyplease_items(text: &str) -> Result<String, String> {
    let file: syn::File = syn::parse_str(&format!("mod m {{\n{text}}}\n")).map_err(|error| format!("wrote an enum that does not parse as Rust: {error}"))?;
    let printed = prettyplease::unparse(&file);
    match printed.strip_prefix("mod m {\n").and_then(|inner| inner.strip_suffix("}\n")) {
        Some(inner) => Ok(inner.to_owned()),
        None => Err("printed an enum in an unexpected shape".into()),
    }
}

/// The enum's doc comment: its description, then `note`.
fn write_docs(out: &mut Writer, own: &OwnEnum, note: &str) {
    let mut lines = own.description.as_deref().map(text_lines).unwrap_or_default();
    if !lines.is_empty() {
        lines.push(String::new());
    }
    lines.push(note.to_owned());
    out.docs(lines);
}

/// A variant's doc: its value, with control characters escaped (a line break would end the
/// doc comment).
fn value_doc(value: &str) -> String {
    if value.chars().any(char::is_control) {
        format!("`{}`", value.escape_debug())
    } else {
        format!("`{value}`")
    }
}

/// `#[derive(...)]` of `derives`, one per line: the list is always longer than a line.
fn write_derive(out: &mut Writer, derives: &[&str]) {
    out.open("#[derive(");
    let (last, others) = derives.split_last().map_or((None, derives), |(last, others)| (Some(last), others));
    for derive in others {
        out.line(format_args!("{derive},"));
    }
    if let Some(last) = last {
        out.line(last);
    }
    out.close(")]");
}

/// Opens an item (`header` ends before its `{`) under the enum's `cfg` attributes.
fn open_item(out: &mut Writer, cfgs: &[String], header: impl std::fmt::Display) {
    for cfg in cfgs {
        out.line(cfg);
    }
    out.open(format_args!("{header} {{"));
}

/// An impl (`header` ends before its `{`) of one method whose body is one line.
fn write_one_line_impl(out: &mut Writer, cfgs: &[String], header: &str, signature: &str, body: &str) {
    open_item(out, cfgs, header);
    out.open(signature);
    out.line(body);
    out.close("}");
    out.close("}");
}

/// The match arms from each variant to its value.
fn write_value_arms(out: &mut Writer, values: &[String], names: &[String]) {
    for (value, variant) in values.iter().zip(names) {
        out.line(format_args!("Self::{variant} => {},", string(value)));
    }
}

fn write_closed(out: &mut Writer, own: &OwnEnum, cfgs: &[String]) {
    let name = &own.name;
    let names = variant_names(&own.values, None);
    write_docs(out, own, "The values' Rust names would collide, so each variant names its value.");
    write_derive(out, &["::serde::Deserialize", "::serde::Serialize", "Clone", "Copy", "Debug", "Eq", "Hash", "Ord", "PartialEq", "PartialOrd"]);
    open_item(out, cfgs, format_args!("pub enum {name}"));
    for (value, variant) in own.values.iter().zip(&names) {
        out.docs([value_doc(value)]);
        out.line(format_args!("#[serde(rename = {})]", string(value)));
        out.line(format_args!("{variant},"));
    }
    out.close("}");
    open_item(out, cfgs, format_args!("impl ::std::fmt::Display for {name}"));
    out.open("fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {");
    out.open("f.write_str(");
    out.open("match self {");
    write_value_arms(out, &own.values, &names);
    out.close("},");
    out.close(")");
    out.close("}");
    out.close("}");
}

/// An open enum: the listed values, and `Unknown(String)` for any other (named
/// `UnknownValue`, or further, when a listed value takes `Unknown`).
fn write_open(out: &mut Writer, own: &OwnEnum, cfgs: &[String]) {
    let name = &own.name;
    let mut taken = BTreeSet::new();
    let names = variant_names(&own.values, Some(&mut taken));
    let catch_all = if taken.contains("Unknown") { unique("UnknownValue", &mut taken) } else { "Unknown".to_owned() };
    write_docs(out, own, &format!("Received from the server, so open: a value the spec does not list is kept in `{catch_all}`."));
    write_derive(out, &["::serde::Deserialize", "::serde::Serialize", "Clone", "Debug", "Eq", "Hash", "Ord", "PartialEq", "PartialOrd"]);
    out.line("#[serde(from = \"String\", into = \"String\")]");
    open_item(out, cfgs, format_args!("pub enum {name}"));
    for (value, variant) in own.values.iter().zip(&names) {
        out.docs([value_doc(value)]);
        out.line(format_args!("{variant},"));
    }
    out.docs(["A value the spec does not list (a newer server's), as received."]);
    out.line(format_args!("{catch_all}(String),"));
    out.close("}");

    open_item(out, cfgs, format_args!("impl {name}"));
    out.docs(["The value as it is on the wire."]);
    out.open("pub fn as_str(&self) -> &str {");
    out.open("match self {");
    write_value_arms(out, &own.values, &names);
    out.line(format_args!("Self::{catch_all}(value) => value,"));
    out.close("}");
    out.close("}");
    out.close("}");

    let display = format!("impl ::std::fmt::Display for {name}");
    write_one_line_impl(out, cfgs, &display, "fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {", "f.write_str(self.as_str())");

    open_item(out, cfgs, format_args!("impl ::std::convert::From<String> for {name}"));
    out.open("fn from(value: String) -> Self {");
    out.open("match value.as_str() {");
    for (value, variant) in own.values.iter().zip(&names) {
        out.line(format_args!("{} => Self::{variant},", string(value)));
    }
    out.line(format_args!("_ => Self::{catch_all}(value),"));
    out.close("}");
    out.close("}");
    out.close("}");

    let into_string = format!("impl ::std::convert::From<{name}> for String");
    write_one_line_impl(out, cfgs, &into_string, &format!("fn from(value: {name}) -> Self {{"), "value.as_str().to_owned()");

    open_item(out, cfgs, format_args!("impl ::std::str::FromStr for {name}"));
    out.line("type Err = ::std::convert::Infallible;");
    out.open("fn from_str(value: &str) -> ::std::result::Result<Self, Self::Err> {");
    out.line("Ok(Self::from(value.to_owned()))");
    out.close("}");
    out.close("}");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colliding_and_symbolic_values_get_distinct_names() {
        let values: Vec<String> = ["add", "Add", "=", "!=", "<=", "~", "asc", "ASC", "+1", "-1"].map(String::from).into();
        assert_eq!(variant_names(&values, None), ["Add", "Add2", "Eq", "NotEq", "LtEq", "Tilde", "Asc", "Asc2", "Plus1", "Minus1"]);
    }

    #[test]
    fn only_colliding_enums_are_taken_from_schemas_nothing_receives() {
        let mut schemas = Map::new();
        schemas.insert("Order".into(), json!({"type": "string", "enum": ["asc", "ASC"]}));
        schemas.insert("Plain".into(), json!({"type": "string", "enum": ["a", "b"]}));
        schemas.insert("Reaction".into(), json!({"type": "string", "enum": ["+1", "-1", "laugh"]}));
        schemas.insert("Filter".into(), json!({"type": "object", "properties": {"operator": {"type": "string", "enum": ["=", "!="]}, "order": {"$ref": "#/components/schemas/Order"}}}));
        let taken = take_own(&mut schemas, &BTreeSet::new());
        let names: Vec<&str> = taken.iter().map(|own| own.name.as_str()).collect();
        assert_eq!(names, ["Order", "Reaction", "FilterOperator"]);
        assert!(taken.iter().all(|own| !own.open));
        assert_eq!(schemas["Plain"], json!({"type": "string", "enum": ["a", "b"]}));
        assert!(!schemas.contains_key("Order"), "an enum component is emitted here, under its name");
        assert_eq!(schemas["Filter"]["properties"]["order"]["x-rust-type"]["path"], "this_client::types::Order");
    }

    #[test]
    fn every_string_enum_a_response_can_carry_is_open() {
        let mut schemas = Map::new();
        schemas.insert("Kind".into(), json!({"type": "string", "enum": ["a", "b"]}));
        schemas.insert("Item".into(), json!({"type": "object", "properties": {"kind": {"$ref": "#/components/schemas/Kind"}, "state": {"type": "string", "enum": ["on", "off"]}}}));
        schemas.insert("NewItem".into(), json!({"type": "object", "properties": {"priority": {"type": "string", "enum": ["low", "high"]}}}));
        let received: BTreeSet<String> = ["Item".to_owned(), "Kind".to_owned()].into();
        let taken = take_own(&mut schemas, &received);
        let open: Vec<(&str, bool)> = taken.iter().map(|own| (own.name.as_str(), own.open)).collect();
        assert_eq!(open, [("Kind", true), ("ItemState", true)]);
        assert_eq!(schemas["NewItem"]["properties"]["priority"]["enum"], json!(["low", "high"]), "request-only enums stay typify's, closed");
    }

    fn own(name: &str, values: &[&str], description: Option<&str>, open: bool) -> OwnEnum {
        OwnEnum { name: name.into(), values: values.iter().map(|value| (*value).to_owned()).collect(), description: description.map(str::to_owned), open }
    }

    #[test]
    fn the_text_is_what_prettyplease_prints() {
        let features = |sets: &[&[&str]]| -> Vec<Vec<String>> { sets.iter().map(|set| set.iter().map(|name| (*name).to_owned()).collect()).collect() };
        let cases = [
            (own("Order", &["asc", "ASC", "+1", "!="], None, false), vec![]),
            (own("State", &["up", "down"], Some("The state.\n\nOne of:\n- `up`\n- `down`"), true), vec![]),
            (own("Quoted", &["a \"b\"", "back\\slash", "naïve", "tab\there", "line\nbreak", "self"], Some("  Padded.  "), true), vec![]),
            (own("Closed", &["self", "Self", "line\r\nbreak", "-"], None, false), vec![]),
            (own("Gated", &["on", "off"], None, true), features(&[&["pets"]])),
            (own("Gated2", &["on", "off"], None, false), features(&[&["pets", "stores"], &["users"]])),
        ];
        for (own, cfgs) in cases {
            let text = write(std::slice::from_ref(&own), &[cfgs]).unwrap();
            assert!(text.lines().all(|line| line.len() <= SURELY_UNBROKEN || line.contains("///")), "{text}");
            assert_eq!(prettyplease_items(&text).unwrap(), text, "{}", own.name);
        }
    }

    #[test]
    fn an_enum_with_a_line_too_long_is_printed_by_prettyplease() {
        let long = "v".repeat(90);
        let text = write(&[own("Long", &[&long, "short"], None, true)], &[]).unwrap();
        assert!(syn::parse_str::<syn::File>(&text).is_ok(), "{text}");
        assert_eq!(prettyplease_items(&text).unwrap(), text);
        assert!(text.contains(&format!("\n                {} => {{\n", string(&long))), "{text}");
    }

    #[test]
    fn the_catch_all_variant_steps_aside_for_a_listed_unknown() {
        let own = own("State", &["UNKNOWN", "up"], None, true);
        let text = write(&[own], &[]).unwrap();
        assert!(text.contains("        Unknown,\n") && text.contains("        UnknownValue(String),\n"), "{text}");
    }
}
