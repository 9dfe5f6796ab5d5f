//! Shared steps of the Deploy VM wizard and of a VM's page, for every group that deploys
//! (deploy, images): which step shows, Next, the GPU model and count, enabled controls and
//! pressed/checked states, the VM page's status, and the emulator's VM of a name.

use crate::page::{js, js_str, q, wait_js};
use crate::{tid, Api, App, STEP};
use anyhow::{bail, Context, Result};
use serde_json::{json, Value};
use std::time::{Duration, Instant};

/// The wizard's steps in order (`deploy-step-<step>`).
pub const STEPS: &[&str] = &["gpu", "region", "boot", "keys", "advanced", "review"];

/// Which `deploy-step-<step>` is shown.
pub async fn current_step(app: &App) -> Result<Option<String>> {
    let v = js(
        app,
        &format!(
            "const steps = {};\
             return steps.find((s) => shown('[data-testid=\"deploy-step-' + s + '\"]')) || null;",
            json!(STEPS)
        ),
    )
    .await?;
    Ok(v.as_str().map(str::to_owned))
}

/// Waits for a wizard step to show (after the sidebar's Deploy VM or a link into the
/// wizard); returns it.
pub async fn wait_step(app: &mut App) -> Result<String> {
    let step = wait_js(
        app,
        "a deploy wizard step (deploy-step-…)",
        &format!(
            "const steps = {};\
             return steps.find((s) => shown('[data-testid=\"deploy-step-' + s + '\"]')) || null;",
            json!(STEPS)
        ),
        STEP,
    )
    .await?;
    Ok(step.as_str().unwrap_or_default().to_owned())
}

/// Clicks `deploy-next` and waits for step `to`.
pub async fn next(app: &mut App, to: &str) -> Result<()> {
    app.click(&tid("deploy-next"), STEP).await?;
    app.wait_for(&tid(&format!("deploy-step-{to}")), STEP)
        .await
        .with_context(|| format!("deploy-next leads to the {to} step"))?;
    Ok(())
}

/// Waits until the control is displayed and enabled, then clicks it.
pub async fn click_enabled(app: &mut App, test_id: &str) -> Result<()> {
    wait_js(
        app,
        &format!("{test_id} enabled"),
        &format!(
            "const e = first({}); return !!e && !e.disabled && e.getAttribute('aria-disabled') !== 'true';",
            q(test_id)
        ),
        STEP,
    )
    .await?;
    app.click(&tid(test_id), STEP).await
}

/// Waits until the control's `attr` reads "true" (aria-pressed, aria-checked, aria-selected).
pub async fn wait_attr_true(app: &mut App, test_id: &str, attr: &str) -> Result<()> {
    wait_js(
        app,
        &format!("{test_id} {attr}=true"),
        &format!(
            "const e = first({}); return !!e && e.getAttribute({}) === 'true';",
            q(test_id),
            js_str(attr)
        ),
        STEP,
    )
    .await
    .map(drop)
}

/// GPU step: the model's card (its first tier when it is offered in several and none is
/// chosen) and the count.
pub async fn pick_gpu(app: &mut App, model: &str, count: u32) -> Result<()> {
    app.wait_for(&tid("deploy-step-gpu"), STEP).await?;
    let card = format!("gpu-card-{model}");
    click_enabled(app, &card).await?;
    wait_attr_true(app, &card, "aria-pressed").await?;
    let tier = js(
        app,
        "const t = Array.from(document.querySelectorAll('[data-testid^=\"tier-\"]')).filter(vis);\
         if (t.length === 0 || t.some((e) => e.getAttribute('aria-pressed') === 'true')) return null;\
         return t[0].getAttribute('data-testid');",
    )
    .await?;
    if let Some(t) = tier.as_str() {
        app.click(&tid(t), STEP).await?;
    }
    let count = format!("gpu-count-{count}");
    click_enabled(app, &count).await?;
    wait_attr_true(app, &count, "aria-pressed").await
}

/// Waits until the VM page's status (`vm-status`) reads `status`.
pub async fn wait_status(app: &App, status: &str, within: Duration) -> Result<()> {
    app.wait_text(&tid("vm-status"), |t| t.trim() == status, within)
        .await
        .with_context(|| format!("vm-status reads {status}"))
        .map(drop)
}

/// The one VM named `name` in the emulator (waits until it is listed).
pub async fn vm_named(api: &Api, name: &str, within: Duration) -> Result<Value> {
    let deadline = Instant::now() + within;
    loop {
        let found = api.instances_named(name)?;
        match found.len() {
            1 => return Ok(found[0].clone()),
            0 if Instant::now() < deadline => {}
            0 => bail!("no VM named {name} in the emulator"),
            n => bail!("{n} VMs named {name} in the emulator (one expected)"),
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}
