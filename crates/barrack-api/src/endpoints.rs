//! The endpoint table: every operation of the documentation's table of contents, with its
//! method, path template, request and response types, and whether the path is documented.
//!
//! The table and the `Op` enum are generated in [`crate::ops`] from operations.rs, the one
//! declaration of every operation. The client builds URLs from the table and barrack-sim mounts its routes from
//! it, so correcting a path there corrects both.
//!
//! The documentation's table of contents has 68 operations; operations it lacks that the
//! app needs are added as inferred (`in_docs: false`), today "detach firewall".
//! Of the paths only `POST pricing/` is documented verbatim
//! (../shared/barrack/api/endpoints.md row 6). Every other path is **inferred** in the
//! documented style: lower case, plural nouns, trailing slash, relative to the base URL
//! `https://barrack.ai/api/`. Methods marked in the docs' menu are kept; the rest are inferred.

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Method {
    Get,
    Post,
    Put,
    Delete,
}

impl Method {
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Put => "PUT",
            Method::Delete => "DELETE",
        }
    }

    /// Only idempotent reads are retried automatically.
    pub fn is_read(self) -> bool {
        matches!(self, Method::Get)
    }
}

/// How much of an endpoint's path we actually know.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Source {
    /// Seen verbatim in Barrack's documentation.
    Documented,
    /// Chosen by us in the documented style; correct it here when the real path is known.
    Inferred,
}

/// What an operation's Tauri command does besides calling the client (the declaration's
/// `command:` line; the desktop crate generates the commands, the table records it so that
/// tests can check the choice).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Command {
    /// Answers what the client answers.
    Plain,
    /// Starts a transition the poller watches, so the poller looks again at once.
    WakesPoller,
    /// No command: the webview cannot call this operation.
    None,
}

/// One row of the table.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Endpoint {
    pub op: Op,
    /// The operation's name in snake case: its `Client` method and its Tauri command.
    pub name: &'static str,
    /// The group in Barrack's documentation.
    pub group: &'static str,
    /// The operation's title in Barrack's documentation.
    pub title: &'static str,
    /// Whether Barrack's table of contents has this operation; `false` for the ones we
    /// inferred (the title is then ours).
    pub in_docs: bool,
    pub method: Method,
    /// Path template relative to the base URL; `{name}` marks a path parameter.
    pub path: &'static str,
    pub source: Source,
    /// Whether the docs' menu showed this method (otherwise the method is inferred too).
    pub method_documented: bool,
    /// Request body type (`-` for none) and query type, by name (the names of the types
    /// the declaration gives, which the compiler checks in the client methods).
    pub request: &'static str,
    pub query: &'static str,
    pub response: &'static str,
    /// What its Tauri command does.
    pub command: Command,
}

impl Endpoint {
    /// The path parameters the template names, in order.
    pub fn path_params(&self) -> Vec<&'static str> {
        let mut out = Vec::new();
        let mut rest = self.path;
        while let Some(start) = rest.find('{') {
            let Some(len) = rest[start..].find('}') else {
                break;
            };
            out.push(&rest[start + 1..start + len]);
            rest = &rest[start + len + 1..];
        }
        out
    }

    /// Whether this is a read (no state change), independent of the HTTP method:
    /// `POST pricing/` is a read sent as POST, and still never retried automatically.
    pub fn is_read(&self) -> bool {
        self.method.is_read()
    }
}

/// Whether a path template names exactly `params`, in that order. `const`, so that each
/// declaration's `params:` line is checked against its path when the crate compiles.
pub const fn path_names_exactly(path: &str, params: &[&str]) -> bool {
    let p = path.as_bytes();
    let (mut i, mut n) = (0, 0);
    while i < p.len() {
        if p[i] == b'{' {
            let start = i + 1;
            while i < p.len() && p[i] != b'}' {
                i += 1;
            }
            if n >= params.len() || !same_bytes(p, start, i, params[n].as_bytes()) {
                return false;
            }
            n += 1;
        }
        i += 1;
    }
    n == params.len()
}

const fn same_bytes(hay: &[u8], from: usize, to: usize, name: &[u8]) -> bool {
    if to - from != name.len() {
        return false;
    }
    let mut k = 0;
    while k < name.len() {
        if hay[from + k] != name[k] {
            return false;
        }
        k += 1;
    }
    true
}

pub use crate::ops::{Op, ENDPOINTS};

/// The table row of an operation (the enum's order is the table's).
pub fn endpoint(op: Op) -> &'static Endpoint {
    &ENDPOINTS[op as usize]
}

/// The endpoint table as Markdown, for the README (a test keeps the README's copy current).
pub fn markdown_table() -> String {
    let mut out = String::from("| # | Group | Operation | Method | Path (under the base URL) | Path is | Request | Response |\n|---|---|---|---|---|---|---|---|\n");
    for (i, e) in ENDPOINTS.iter().enumerate() {
        let method = if e.method_documented {
            format!("{} (docs menu)", e.method.as_str())
        } else {
            format!("{} (inferred)", e.method.as_str())
        };
        let title = if e.in_docs {
            e.title.to_owned()
        } else {
            format!("{} (**inferred operation**, not in the docs)", e.title)
        };
        let source = match e.source {
            Source::Documented => "**documented**",
            Source::Inferred => "inferred",
        };
        let request = match (e.request, e.query) {
            ("-", "-") => "–".to_owned(),
            (b, "-") => format!("`{b}`"),
            ("-", q) => format!("query `{q}`"),
            (b, q) => format!("`{b}`, query `{q}`"),
        };
        out.push_str(&format!(
            "| {} | {} | {} | {} | `{}` | {} | {} | `{}` |\n",
            i + 1,
            e.group,
            title,
            method,
            e.path,
            source,
            request,
            e.response
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn the_docs_sixty_eight_operations_and_ours_each_once() {
        let in_docs = ENDPOINTS.iter().filter(|e| e.in_docs).count();
        assert_eq!(in_docs, 68, "the docs' table of contents has 68 operations");
        let inferred: Vec<Op> = ENDPOINTS
            .iter()
            .filter(|e| !e.in_docs)
            .map(|e| e.op)
            .collect();
        assert_eq!(inferred, vec![Op::DetachFirewall]);
        for e in ENDPOINTS.iter().filter(|e| !e.in_docs) {
            assert_eq!(e.source, Source::Inferred, "{:?}: an inferred path", e.op);
            assert!(!e.method_documented, "{:?}: an inferred method", e.op);
        }
        let ops: HashSet<Op> = ENDPOINTS.iter().map(|e| e.op).collect();
        assert_eq!(ops.len(), ENDPOINTS.len(), "an Op appears twice");
        let routes: HashSet<(Method, &str)> =
            ENDPOINTS.iter().map(|e| (e.method, e.path)).collect();
        assert_eq!(
            routes.len(),
            ENDPOINTS.len(),
            "two operations share a method and path"
        );
    }

    /// A change the poller would show late unless it looks again: every operation that is
    /// not a read wakes it, except those on things it does not watch (SSH keys, scripts) and
    /// the reads sent as POST.
    #[test]
    fn every_write_to_what_the_poller_watches_wakes_it() {
        let not_watched = [
            Op::PostPricing,
            Op::GetSnapshotImagesBatch,
            Op::CreateSshKey,
            Op::DeleteSshKey,
            Op::CreateScript,
            Op::UpdateScript,
            Op::DeleteScript,
            Op::DeleteScripts,
        ];
        for e in ENDPOINTS {
            let expected = if e.is_read() || not_watched.contains(&e.op) {
                Command::Plain
            } else {
                Command::WakesPoller
            };
            assert_eq!(e.command, expected, "{:?}", e.op);
        }
    }

    #[test]
    fn paths_follow_the_documented_style() {
        for e in ENDPOINTS {
            assert!(e.path.ends_with('/'), "{:?}: trailing slash", e.op);
            assert!(
                !e.path.starts_with('/'),
                "{:?}: relative to the base URL",
                e.op
            );
            assert_eq!(
                e.path,
                e.path.to_ascii_lowercase(),
                "{:?}: lower case",
                e.op
            );
        }
        let documented: Vec<Op> = ENDPOINTS
            .iter()
            .filter(|e| e.source == Source::Documented)
            .map(|e| e.op)
            .collect();
        assert_eq!(documented, vec![Op::PostPricing]);
    }

    #[test]
    fn group_counts_match_the_table_of_contents() {
        let count = |g: &str| {
            ENDPOINTS
                .iter()
                .filter(|e| e.in_docs && e.group == g)
                .count()
        };
        assert_eq!(count("Instances"), 14);
        assert_eq!(count("SSH Keys"), 4);
        assert_eq!(count("Scripts"), 6);
        assert_eq!(count("Firewalls"), 9);
        assert_eq!(count("Snapshots"), 7);
        assert_eq!(count("Images"), 6);
        assert_eq!(count("AI Chat"), 4);
        assert_eq!(count("Volumes"), 10);
        assert_eq!(count("Pricing"), 2);
    }

    #[test]
    fn each_row_is_found_by_its_op_and_named_once() {
        for e in ENDPOINTS {
            assert_eq!(endpoint(e.op).op, e.op);
        }
        let names: HashSet<&str> = ENDPOINTS.iter().map(|e| e.name).collect();
        assert_eq!(names.len(), ENDPOINTS.len(), "two operations share a name");
    }

    #[test]
    fn a_path_must_name_exactly_the_declared_parameters() {
        let p = "firewalls/{firewall_id}/rules/{rule_id}/";
        assert!(path_names_exactly(p, &["firewall_id", "rule_id"]));
        assert!(!path_names_exactly(p, &["rule_id", "firewall_id"]));
        assert!(!path_names_exactly(p, &["firewall_id"]));
        assert!(!path_names_exactly(p, &["firewall_id", "rule_id", "x"]));
        assert!(!path_names_exactly(p, &["firewall", "rule_id"]));
        assert!(path_names_exactly("balance/", &[]));
    }

    #[test]
    fn path_params_are_read_from_the_template() {
        assert_eq!(
            endpoint(Op::RemoveFirewallRule).path_params(),
            vec!["firewall_id", "rule_id"]
        );
        assert!(endpoint(Op::ListInstances).path_params().is_empty());
    }
}
