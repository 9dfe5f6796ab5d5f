//! `barrack://` links that reached the running app (a second start forwarded by the single
//! instance, a browser) and wait for the window to show them. A link is read here with
//! [`parse`]; one that is refused becomes a notice and is never shown. The window takes the
//! waiting link once (at start, and when told one arrived), so a link that came before the
//! window listened is not lost.

use super::deep_link::{is_invisible_format, parse, DeepLink};
use crate::notices::{AppNotice, AppNoticeKind};
use crate::state::AppState;

/// The link waiting for the window (the latest good one).
#[derive(Debug, Default)]
pub struct Arrivals(std::sync::Mutex<Option<DeepLink>>);

/// The most of a refused link the notice repeats.
const SHOWN_MAX: usize = 80;

impl Arrivals {
    /// Reads `urls`: the last good one waits for the window (replacing an older one), each
    /// refused one is told as a notice. Whether a link waits now.
    pub fn receive<S: AsRef<str>>(
        &self,
        state: &AppState,
        urls: impl IntoIterator<Item = S>,
    ) -> bool {
        let mut arrived = None;
        for url in urls {
            let url = url.as_ref();
            match parse(url) {
                Ok(link) => arrived = Some(link),
                Err(e) => state.push_notice(AppNotice {
                    kind: AppNoticeKind::DeepLinkRefused,
                    message: format!("The link {} was not opened: {e}.", shown(url)),
                }),
            }
        }
        let Ok(mut waiting) = self.0.lock() else {
            return false;
        };
        if arrived.is_some() {
            *waiting = arrived;
        }
        waiting.is_some()
    }

    /// The waiting link, once.
    pub fn take(&self) -> Option<DeepLink> {
        self.0.lock().ok().and_then(|mut w| w.take())
    }
}

/// The link as the notice shows it: printable characters only (no bidi override that would
/// make the notice read as something else), cut short.
fn shown(url: &str) -> String {
    let clean: String = url
        .chars()
        .filter(|c| !c.is_control() && !is_invisible_format(*c))
        .take(SHOWN_MAX)
        .collect();
    if url.chars().count() > SHOWN_MAX {
        format!("{clean}…")
    } else {
        clean
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::MemorySettings;
    use barrack_credentials::MemoryStore;
    use std::sync::Arc;

    fn state() -> AppState {
        AppState::new(
            Arc::new(MemoryStore::default()),
            Arc::new(MemorySettings::default()),
        )
    }

    #[test]
    fn a_good_link_waits_for_the_window_once() {
        let (st, a) = (state(), Arrivals::default());
        assert!(a.receive(&st, ["barrack://instances/vm-1"]));
        assert!(a.receive(&st, ["barrack://deploy?template=gpu%20box"]));
        // The latest replaces an older one not yet taken.
        assert_eq!(
            a.take(),
            Some(DeepLink::Deploy {
                template: Some("gpu box".into())
            })
        );
        assert_eq!(a.take(), None);
        assert!(st.notices.take().is_empty());
    }

    #[test]
    fn a_refused_link_is_told_and_never_shown() {
        let (st, a) = (state(), Arrivals::default());
        assert!(!a.receive(&st, ["barrack://settings\n<script>"]));
        assert!(!a.receive(&st, ["barrack://instances/..%2Fetc"]));
        assert_eq!(a.take(), None);
        let notices = st.notices.take();
        assert_eq!(notices.len(), 2);
        assert!(notices
            .iter()
            .all(|n| n.kind == AppNoticeKind::DeepLinkRefused));
        assert!(!notices[0].message.contains('\n'), "{}", notices[0].message);
        // Nor a bidi override or a zero-width character, which would disguise the link.
        assert!(!a.receive(&st, ["barrack://\u{202E}moc.live\u{200B}"]));
        let disguised = st.notices.take();
        assert_eq!(disguised.len(), 1);
        assert!(
            !disguised[0].message.contains(['\u{202E}', '\u{200B}']),
            "{:?}",
            disguised[0].message
        );
        assert!(
            disguised[0].message.contains("barrack://moc.live"),
            "{:?}",
            disguised[0].message
        );
        // A refused link does not drop a good one still waiting.
        assert!(a.receive(&st, ["barrack://instances/vm-2"]));
        assert!(a.receive(&st, ["barrack://nope"]));
        assert_eq!(a.take(), Some(DeepLink::Instance { id: "vm-2".into() }));
    }
}
