//! Journeys of the group `resources`: the SSH Keys page (SSH-01…21) against its own
//! `barrack-sim --seed sandbox` (the keys `alice-laptop`, used by `train-h100` and
//! `dev-a6000`, and `ci-runner`), signed in through the sign-in screen.
//!
//! Everything is reached by clicking and typing: the sidebar → SSH Keys → Create Key (the
//! backend's GTK save dialog answered with xdotool; the private key written owner-only where
//! it was told) → Import Key (a key cut short refused at its field, nothing sent; then a
//! good one) → Delete `alice-laptop` (refused before sending, naming its VMs) → Delete the
//! imported key after confirming. What the window shows is compared with the emulator's API
//! (`ssh-keys/`) and its admin endpoint (how many requests of each operation arrived).
//! Every wait has a deadline; every page state leaves a screenshot in
//! `target/e2e-artifacts/<journey>/`, the list and the refusal in both themes.
//!
//! Run with `scripts/e2e resources:ssh_keys`; elsewhere each journey prints why it skipped.

use std::process::Command;
use std::time::{Duration, Instant};

use anyhow::{ensure, Context, Result};
use barrack_e2e::dialog::answer_save_dialog;
use barrack_e2e::{
    finish, journey, paste, screenshots_light_and_dark, sign_in, text_of, tid, wait_gone, wait_js,
    Api, App, Journey, STEP,
};

/// The sandbox seed at a simulated minute per second.
const SANDBOX: &[&str] = &["--seed", "sandbox", "--time-scale", "60"];

/// The seeded key in use, and the VMs that use it.
const IN_USE: &str = "alice-laptop";
const ITS_VMS: [&str; 2] = ["train-h100", "dev-a6000"];

/// The keys the journey creates and imports.
const MADE: &str = "e2e-made";
const IMPORTED: &str = "e2e-laptop";

/// The title of the backend's save dialog for a private key (barrack-core `generate_ssh_key`).
const SAVE_TITLE: &str = "Save the private key";

// --- reading the emulator ----------------------------------------------------------------

/// The names of the emulator's keys.
fn api_key_names(api: &Api) -> Result<Vec<String>> {
    let v = api.get("ssh-keys/")?;
    Ok(v["ssh_keys"]
        .as_array()
        .cloned()
        .unwrap_or_default()
        .iter()
        .filter_map(|k| k["name"].as_str().map(str::to_owned))
        .collect())
}

/// A fresh `ssh-ed25519 …` line from ssh-keygen in the journey's folder, else a fixed one.
fn public_key_line(j: &Journey) -> Result<String> {
    let k = j.work.join("imported");
    let made = Command::new("ssh-keygen")
        .args(["-q", "-t", "ed25519", "-N", "", "-C", "e2e@barrack", "-f"])
        .arg(&k)
        .status()
        .is_ok_and(|s| s.success());
    if made {
        let line = std::fs::read_to_string(k.with_extension("pub"))
            .context("read the key ssh-keygen made")?;
        return Ok(line.trim().to_owned());
    }
    j.log("no ssh-keygen: importing a fixed test key");
    Ok("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGq0n0f1Yb5uQm1yqv7m0XyQ6oN7bJvQvJx0m9S8wZ2k e2e@barrack".into())
}

// --- the page ------------------------------------------------------------------------------

/// Sidebar → SSH Keys; waits until the table (or the empty card) has loaded.
async fn open_ssh_keys(app: &mut App) -> Result<()> {
    app.click(&tid("nav-ssh-keys"), STEP).await?;
    app.wait_for(&tid("page-ssh-keys"), STEP).await?;
    wait_js(
        app,
        "the key table (or ssh-keys-empty)",
        "return shown('[data-testid=\"ssh-key-table\"]') || shown('[data-testid=\"ssh-keys-empty\"]');",
        STEP,
    )
    .await
    .map(drop)
}

/// Waits until `path` exists (the backend writes it after the dialog closes).
async fn wait_file(path: &std::path::Path) -> Result<()> {
    let deadline = Instant::now() + STEP;
    while !path.is_file() {
        ensure!(
            Instant::now() < deadline,
            "{} was not written",
            path.display()
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    Ok(())
}

journey!(
    ssh_keys_create_import_delete,
    "ssh_keys_create_import_delete",
    create_import_delete
);

/// The seeded keys → Create Key (the private key saved through the native dialog,
/// owner-only) → Import Key (a key cut short refused at the field, then a good one) →
/// Delete `alice-laptop` refused naming its VMs → Delete the imported key.
async fn create_import_delete(j: &Journey, profile: &str) -> Result<()> {
    let mut s = sign_in(j, profile, SANDBOX).await?;
    let api = Api::of(&s.sim)?;
    let (app, admin) = (&mut s.app, &s.admin);

    // The page as seeded: both keys, the VMs that use them by name.
    open_ssh_keys(app).await?;
    app.wait_for(&tid(&format!("ssh-key-row-{IN_USE}")), STEP)
        .await
        .context("the seeded key is a row")?;
    app.wait_text(
        &tid(&format!("ssh-key-used-by-{IN_USE}")),
        |t| ITS_VMS.iter().all(|vm| t.contains(vm)),
        STEP,
    )
    .await
    .context("the VMs that use the key are named")?;
    screenshots_light_and_dark(app, "1-ssh-keys-page").await?;

    // Create Key: the name, then the backend's save dialog; the private key lands there,
    // readable by its owner only, and the warning says it was the only copy.
    app.click(&tid("ssh-keys-create"), STEP).await?;
    app.wait_for(&tid("ssh-key-dialog"), STEP).await?;
    app.fill(&tid("ssh-create-name"), MADE, STEP).await?;
    app.wait_text(&tid("ssh-create-name-counter"), |t| t == "8/50", STEP)
        .await
        .context("the name's counter out of 50")?;
    app.screenshot("2-create-key").await?;
    app.click(&tid("ssh-create-submit"), STEP).await?;
    let path = j.work.join(MADE);
    answer_save_dialog(
        SAVE_TITLE,
        &path,
        STEP,
        Some(&j.artifacts.join("3-save-dialog.png")),
    )
    .await?;
    wait_file(&path).await?;
    let saved = app
        .wait_text(
            &tid("ssh-create-saved"),
            |t| t.contains("cannot be downloaded again"),
            STEP,
        )
        .await
        .context("the warning after creation")?;
    ensure!(
        saved.contains(&path.display().to_string()) && saved.contains("chmod 600"),
        "the warning names the file and the permissions: {saved}"
    );
    let pem = std::fs::read_to_string(&path)?;
    ensure!(
        pem.starts_with("-----BEGIN") && pem.contains("PRIVATE KEY"),
        "the file holds the private key"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path)?.permissions().mode() & 0o777;
        ensure!(mode == 0o600, "the private key is owner-only: {mode:o}");
    }
    ensure!(
        api_key_names(&api)?.contains(&MADE.to_owned()),
        "the emulator holds {MADE}"
    );
    app.screenshot("4-private-key-saved").await?;
    app.click(&tid("ssh-create-done"), STEP).await?;
    wait_gone(app, "ssh-key-dialog", STEP).await?;
    app.wait_for(&tid(&format!("ssh-key-row-{MADE}")), STEP)
        .await
        .context("the created key is a row")?;

    // Import Key: the help, a key cut short refused at its field (nothing sent), then a
    // whole one.
    app.click(&tid("ssh-keys-import"), STEP).await?;
    app.wait_text(
        &tid("ssh-import-help"),
        |t| t.contains("Get-Content") && t.contains("id_ed25519.pub"),
        STEP,
    )
    .await
    .context("where to find a public key")?;
    let line = public_key_line(j)?;
    app.fill(&tid("ssh-import-name"), IMPORTED, STEP).await?;
    paste(app, "ssh-import-key", &line[..40]).await?;
    app.click(&tid("ssh-import-submit"), STEP).await?;
    app.wait_text(
        &tid("deploy-ssh-import-key-error"),
        |t| t.contains("incomplete or damaged"),
        STEP,
    )
    .await
    .context("a key cut short is refused at its field")?;
    app.screenshot("5-import-refused").await?;
    ensure!(
        admin.count("create_ssh_key")? == 1,
        "the refused key was not sent"
    );
    paste(app, "ssh-import-key", &line).await?;
    wait_gone(app, "deploy-ssh-import-key-error", STEP).await?;
    app.click(&tid("ssh-import-submit"), STEP).await?;
    wait_gone(app, "ssh-key-dialog", STEP)
        .await
        .context("the dialog closes once the key is imported")?;
    app.wait_for(&tid(&format!("ssh-key-row-{IMPORTED}")), STEP)
        .await
        .context("the imported key is a row")?;
    ensure!(
        api_key_names(&api)?.contains(&IMPORTED.to_owned()),
        "the emulator holds {IMPORTED}"
    );

    // A key in use: refused before anything is sent, its VMs named.
    app.click(&tid(&format!("ssh-key-delete-{IN_USE}")), STEP)
        .await?;
    let reason = app
        .wait_text(
            &tid("ssh-key-in-use-reason"),
            |t| ITS_VMS.iter().all(|vm| t.contains(vm)),
            STEP,
        )
        .await
        .context("the refusal names the VMs")?;
    ensure!(
        reason.contains("cannot be deleted"),
        "the refusal says why: {reason}"
    );
    screenshots_light_and_dark(app, "6-key-in-use").await?;
    app.click(&tid("ssh-key-in-use-close"), STEP).await?;
    wait_gone(app, "ssh-key-in-use", STEP).await?;
    ensure!(
        admin.count("delete_ssh_key")? == 0,
        "nothing was sent for a key in use"
    );

    // An unused key: deleted after confirming.
    app.click(&tid(&format!("ssh-key-delete-{IMPORTED}")), STEP)
        .await?;
    app.wait_text(
        &tid("confirm-dialog"),
        |t| t.contains(&format!("Delete SSH key {IMPORTED}?")),
        STEP,
    )
    .await?;
    app.click(&tid("confirm-delete"), STEP).await?;
    wait_gone(app, &format!("ssh-key-row-{IMPORTED}"), STEP)
        .await
        .context("the deleted key leaves the list")?;
    ensure!(
        !api_key_names(&api)?.contains(&IMPORTED.to_owned()),
        "the emulator no longer holds {IMPORTED}"
    );
    let count = text_of(app, "ssh-key-count").await?.unwrap_or_default();
    ensure!(count.starts_with("3 of 25"), "the count: {count}");
    app.screenshot("7-key-deleted").await?;

    for (op, want) in [("create_ssh_key", 2), ("delete_ssh_key", 1)] {
        let n = admin.count(op)?;
        ensure!(n == want, "{op} was sent {n} times ({want} expected)");
    }
    finish(s).await
}
