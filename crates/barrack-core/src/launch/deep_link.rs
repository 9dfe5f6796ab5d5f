//! `barrack://` links: what another program (a browser, a chat, the second start of the app)
//! may ask the open window to show. Only two shapes are understood; everything else is
//! refused with the reason, and nothing in a link is ever run or fetched as given.

use crate::deploy_store::template_name;

/// The scheme the app registers (the `.desktop` file and the deep-link plugin).
pub const SCHEME: &str = "barrack";

/// Where a link leads (sent to the window as `{ page: "instance", id }` or
/// `{ page: "deploy", template }`).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, specta::Type)]
#[serde(tag = "page", rename_all = "camelCase")]
pub enum DeepLink {
    /// `barrack://instances/<id>`: that VM's page.
    Instance { id: String },
    /// `barrack://deploy` or `barrack://deploy?template=<name>`: the wizard, with that template.
    Deploy { template: Option<String> },
}

/// Why a link was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DeepLinkError {
    #[error("not a barrack:// link")]
    Scheme,
    #[error("the link is too long")]
    TooLong,
    #[error("barrack://{0} is not a page the app opens")]
    UnknownPath(String),
    #[error("{0:?} is not an instance id")]
    BadInstanceId(String),
    #[error("the template name is not valid: {0}")]
    BadTemplate(String),
    #[error("the link has characters a link may not have")]
    BadCharacters,
}

/// Links longer than this are refused before they are read.
const MAX_LEN: usize = 512;

/// Reads a `barrack://` link.
pub fn parse(link: &str) -> Result<DeepLink, DeepLinkError> {
    if link.len() > MAX_LEN {
        return Err(DeepLinkError::TooLong);
    }
    let rest = link
        .strip_prefix(SCHEME)
        .and_then(|r| r.strip_prefix("://"))
        .ok_or(DeepLinkError::Scheme)?;
    // Invisible formatting too: a refused path is repeated in a notice, where a bidi
    // override would make it read as something else.
    if rest
        .chars()
        .any(|c| c.is_control() || c.is_whitespace() || is_invisible_format(c))
    {
        return Err(DeepLinkError::BadCharacters);
    }
    let (path, query) = rest.split_once('?').unwrap_or((rest, ""));
    let path = path.trim_end_matches('/');
    match path.split('/').collect::<Vec<_>>().as_slice() {
        ["instances", id] => {
            let id = decode(id)?;
            if !is_instance_id(&id) {
                return Err(DeepLinkError::BadInstanceId(id));
            }
            Ok(DeepLink::Instance { id })
        }
        ["deploy"] => {
            let mut template = None;
            for pair in query.split('&').filter(|p| !p.is_empty()) {
                // Unknown parameters are ignored, as a browser ignores them.
                if let Some(("template", value)) = pair.split_once('=') {
                    let value = decode(value)?;
                    let name =
                        template_name(&value).map_err(|e| DeepLinkError::BadTemplate(e.message))?;
                    if name.chars().any(char::is_control) {
                        return Err(DeepLinkError::BadCharacters);
                    }
                    template = Some(name);
                }
            }
            Ok(DeepLink::Deploy { template })
        }
        _ => Err(DeepLinkError::UnknownPath(path.to_owned())),
    }
}

/// An instance id as the app accepts one from outside (a link, the webview): 1 to 64 ASCII
/// letters, digits, `-` and `_` — nothing that could change the API path it is put in.
pub fn is_instance_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// Percent-decoding (and `+` as a space in the query), refusing what is not UTF-8.
fn decode(s: &str) -> Result<String, DeepLinkError> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                let hex = bytes
                    .get(i + 1..i + 3)
                    .and_then(|h| std::str::from_utf8(h).ok())
                    .and_then(|h| u8::from_str_radix(h, 16).ok())
                    .ok_or(DeepLinkError::BadCharacters)?;
                out.push(hex);
                i += 3;
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    let text = String::from_utf8(out).map_err(|_| DeepLinkError::BadCharacters)?;
    if text
        .chars()
        .any(|c| c.is_control() || is_invisible_format(c))
    {
        return Err(DeepLinkError::BadCharacters);
    }
    Ok(text)
}

/// Characters that change how text shows without showing themselves — bidi overrides and
/// isolates, zero-width marks and joiners, the BOM — so a name cannot be made to read as
/// another.
pub(super) fn is_invisible_format(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{061C}' | '\u{180E}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2069}' | '\u{FEFF}' | '\u{FFF9}'..='\u{FFFB}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_two_shapes() {
        assert_eq!(
            parse("barrack://instances/vm-123_a"),
            Ok(DeepLink::Instance {
                id: "vm-123_a".into()
            })
        );
        assert_eq!(
            parse("barrack://instances/vm-1/"),
            Ok(DeepLink::Instance { id: "vm-1".into() })
        );
        assert_eq!(
            parse("barrack://deploy"),
            Ok(DeepLink::Deploy { template: None })
        );
        assert_eq!(
            parse("barrack://deploy?template=H100%20training+run&utm=x"),
            Ok(DeepLink::Deploy {
                template: Some("H100 training run".into())
            })
        );
    }

    #[test]
    fn refuses_unknown_paths_and_injected_characters() {
        assert_eq!(parse("https://instances/x"), Err(DeepLinkError::Scheme));
        assert_eq!(parse("barrack:instances/x"), Err(DeepLinkError::Scheme));
        assert_eq!(
            parse("barrack://settings"),
            Err(DeepLinkError::UnknownPath("settings".into()))
        );
        assert_eq!(
            parse("barrack://instances/a/b"),
            Err(DeepLinkError::UnknownPath("instances/a/b".into()))
        );
        assert_eq!(
            parse("barrack://instances/..%2F..%2Fetc"),
            Err(DeepLinkError::BadInstanceId("../../etc".into()))
        );
        assert_eq!(
            parse("barrack://instances/x%3Cscript%3E"),
            Err(DeepLinkError::BadInstanceId("x<script>".into()))
        );
        assert_eq!(
            parse("barrack://instances/"),
            Err(DeepLinkError::UnknownPath("instances".into()))
        );
        assert_eq!(
            parse("barrack://instances/a b"),
            Err(DeepLinkError::BadCharacters)
        );
        assert_eq!(
            parse("barrack://instances/a\nb"),
            Err(DeepLinkError::BadCharacters)
        );
        // Unencoded invisible formatting (a bidi override, a zero-width space) anywhere.
        for link in [
            "barrack://\u{202E}sgnittes",
            "barrack://deploy\u{200B}",
            "barrack://instances/vm\u{2066}-1",
        ] {
            assert_eq!(parse(link), Err(DeepLinkError::BadCharacters), "{link:?}");
        }
        assert_eq!(
            parse("barrack://deploy?template=a%0Ab"),
            Err(DeepLinkError::BadCharacters)
        );
        assert_eq!(
            parse("barrack://deploy?template=%FF"),
            Err(DeepLinkError::BadCharacters)
        );
        assert_eq!(
            parse("barrack://deploy?template=%2"),
            Err(DeepLinkError::BadCharacters)
        );
        assert!(matches!(
            parse(&format!("barrack://deploy?template={}", "t".repeat(51))),
            Err(DeepLinkError::BadTemplate(_))
        ));
        assert!(matches!(
            parse("barrack://deploy?template=%20%20"),
            Err(DeepLinkError::BadTemplate(_))
        ));
        assert_eq!(
            parse(&format!("barrack://instances/{}", "a".repeat(600))),
            Err(DeepLinkError::TooLong)
        );
    }
}
