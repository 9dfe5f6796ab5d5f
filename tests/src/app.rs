//! The app in a WebDriver session: waiting for what the user would see, typing and clicking
//! as the user would, and screenshots. A wait that times out says what was on screen instead
//! and saves a screenshot, so a failure can be read without running it again.

use crate::POLL;
use anyhow::{anyhow, bail, Context, Result};
use fantoccini::elements::Element;
use fantoccini::{Client, Locator};
use serde_json::Value;
use std::fs;
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// The app in a WebDriver session.
pub struct App {
    pub(crate) client: Option<Client>,
    pub(crate) journey: String,
    pub(crate) artifacts: PathBuf,
    pub(crate) app: PathBuf,
    pub(crate) pgid: u32,
    /// The app's processes when the session started.
    pub pids: Vec<u32>,
    pub(crate) shots: u32,
}

impl App {
    pub fn client(&self) -> &Client {
        self.client.as_ref().expect("the session is open")
    }

    /// The test ids on the page now (for error messages).
    pub async fn visible_test_ids(&self) -> String {
        let script = "return Array.from(document.querySelectorAll('[data-testid]'))\
            .filter(e => e.offsetParent !== null || e.getClientRects().length > 0)\
            .map(e => e.getAttribute('data-testid')).join(', ')";
        match self.client().execute(script, vec![]).await {
            Ok(Value::String(s)) if s.is_empty() => "(none)".into(),
            Ok(Value::String(s)) => s,
            Ok(v) => v.to_string(),
            Err(e) => format!("(could not list: {e})"),
        }
    }

    async fn displayed(&self, selector: &str) -> Option<Element> {
        let found = self.client().find_all(Locator::Css(selector)).await.ok()?;
        for e in found {
            if e.is_displayed().await.unwrap_or(false) {
                return Some(e);
            }
        }
        None
    }

    /// The error of a wait that timed out, with the test ids on screen and a screenshot
    /// (`timeout-<selector>.png`).
    async fn timeout_error(&self, selector: &str, what: String) -> anyhow::Error {
        let ids = self.visible_test_ids().await;
        let slug: String = selector
            .replace("data-testid", "")
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '-' {
                    c
                } else {
                    ' '
                }
            })
            .collect::<String>()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join("_");
        let shot = match self.save_screenshot(&format!("timeout-{slug}")).await {
            Ok(p) => p.display().to_string(),
            Err(e) => format!("(no screenshot: {e})"),
        };
        anyhow!("{what}; test ids on screen: {ids}; screenshot {shot}")
    }

    /// Waits until an element matching `selector` is displayed; polls every 100 ms.
    pub async fn wait_for(&self, selector: &str, within: Duration) -> Result<Element> {
        let deadline = Instant::now() + within;
        loop {
            if let Some(e) = self.displayed(selector).await {
                return Ok(e);
            }
            if Instant::now() > deadline {
                return Err(self
                    .timeout_error(
                        selector,
                        format!(
                            "{selector} not displayed within {:.1}s",
                            within.as_secs_f64()
                        ),
                    )
                    .await);
            }
            tokio::time::sleep(POLL).await;
        }
    }

    /// Like [`App::wait_for`], but fails as soon as `forbidden` is displayed before
    /// `selector` is (e.g. a flash of the sign-in screen while a session is restored).
    pub async fn wait_for_never_seeing(
        &self,
        selector: &str,
        forbidden: &str,
        within: Duration,
    ) -> Result<Element> {
        let deadline = Instant::now() + within;
        loop {
            if let Some(e) = self.displayed(selector).await {
                return Ok(e);
            }
            if self.displayed(forbidden).await.is_some() {
                return Err(self
                    .timeout_error(
                        forbidden,
                        format!("{forbidden} was displayed while waiting for {selector}"),
                    )
                    .await);
            }
            if Instant::now() > deadline {
                return Err(self
                    .timeout_error(
                        selector,
                        format!(
                            "{selector} not displayed within {:.1}s",
                            within.as_secs_f64()
                        ),
                    )
                    .await);
            }
            tokio::time::sleep(POLL).await;
        }
    }

    /// Waits until an element matching `selector` is displayed and its text satisfies
    /// `predicate`; returns the text.
    pub async fn wait_text(
        &self,
        selector: &str,
        predicate: impl Fn(&str) -> bool,
        within: Duration,
    ) -> Result<String> {
        let deadline = Instant::now() + within;
        let mut last: Option<String> = None;
        loop {
            if let Some(e) = self.displayed(selector).await {
                if let Ok(text) = e.text().await {
                    if predicate(&text) {
                        return Ok(text);
                    }
                    last = Some(text);
                }
            }
            if Instant::now() > deadline {
                let seen = match &last {
                    Some(t) => format!("its text was {t:?}"),
                    None => "it was never displayed".into(),
                };
                return Err(self
                    .timeout_error(
                        selector,
                        format!(
                            "{selector}: text not as expected within {:.1}s ({seen})",
                            within.as_secs_f64()
                        ),
                    )
                    .await);
            }
            tokio::time::sleep(POLL).await;
        }
    }

    /// Whether an element matching `selector` is displayed right now.
    pub async fn is_displayed(&self, selector: &str) -> bool {
        self.displayed(selector).await.is_some()
    }

    /// Waits for the element, then clicks it.
    pub async fn click(&self, selector: &str, within: Duration) -> Result<()> {
        let e = self.wait_for(selector, within).await?;
        e.click()
            .await
            .with_context(|| format!("click {selector}"))?;
        Ok(())
    }

    /// Waits for an input, replaces its value with `text` and checks it took.
    pub async fn fill(&self, selector: &str, text: &str, within: Duration) -> Result<()> {
        let e = self.wait_for(selector, within).await?;
        e.click()
            .await
            .with_context(|| format!("focus {selector}"))?;
        e.clear()
            .await
            .with_context(|| format!("clear {selector}"))?;
        if !e.prop("value").await?.unwrap_or_default().is_empty() {
            // A controlled input that ignored the clear: select all and delete.
            use fantoccini::key::Key;
            e.send_keys(&(Key::Control + "a")).await?;
            e.send_keys(&char::from(Key::Backspace).to_string()).await?;
        }
        e.send_keys(text)
            .await
            .with_context(|| format!("type into {selector}"))?;
        let value = e.prop("value").await?.unwrap_or_default();
        if value != text {
            bail!(
                "{selector} holds {} characters after typing {} (the field rewrote the input)",
                value.chars().count(),
                text.chars().count()
            );
        }
        Ok(())
    }

    /// Waits for two animation frames (up to 1 s), so the window shows the latest DOM.
    pub async fn next_frame(&self) {
        let script = "const done = arguments[arguments.length - 1];\
            requestAnimationFrame(() => requestAnimationFrame(() => done(true)));\
            setTimeout(() => done(false), 1000);";
        let _ = self.client().execute_async(script, vec![]).await;
        // The compositor presents a little after the frame callbacks (TOOLCHAIN.md: ~300 ms).
        tokio::time::sleep(Duration::from_millis(300)).await;
    }

    async fn save_screenshot(&self, name: &str) -> Result<PathBuf> {
        self.next_frame().await;
        let png = self.client().screenshot().await.context("screenshot")?;
        let path = self.artifacts.join(format!("{name}.png"));
        fs::write(&path, png).with_context(|| format!("write {}", path.display()))?;
        Ok(path)
    }

    /// Saves `target/e2e-artifacts/<journey>/<name>.png` (after the next frame).
    pub async fn screenshot(&mut self, name: &str) -> Result<PathBuf> {
        self.shots += 1;
        let path = self.save_screenshot(name).await?;
        eprintln!("[e2e {}] screenshot {}", self.journey, path.display());
        Ok(path)
    }
}
