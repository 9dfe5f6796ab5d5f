//! Journeys of the group `resources`: the AI Chat page (AI-01/02) against its own `barrack-sim --seed
//! sandbox`, signed in through the sign-in screen.
//!
//! Everything is reached by clicking and typing: the sidebar → AI Chat → pick the 70B model
//! → ask → the answer rendered as Markdown (a code block with its copy button), its cost,
//! and the usage summary and history as the emulator counts them → ask for the emulator's
//! hostile answer (a prompt with the token [`HOSTILE_TOKEN`]: raw `<img onerror>`, `<script>`,
//! `javascript:` links, an image, a link to an unknown host) and check in the real webview
//! that none of it ran or became markup (`window.__pwned` stays unset, no `<img>`,
//! `<script>`, `<iframe>`, link or `on…` attribute in the conversation) → ask for the
//! ~1 MiB answer ([`HUGE_TOKEN`]): one part shows, "Show more" adds the next, and the page still
//! answers typing → leave the page and come back: the conversation and the draft are kept.
//! Screenshots in light and dark in `target/e2e-artifacts/<journey>/`.
//!
//! Run with `scripts/e2e resources:ai_chat`; elsewhere the journey prints why it skipped.

use anyhow::{ensure, Context, Result};
use barrack_e2e::{
    finish, journey, js, q, screenshots_light_and_dark, scroll_to, sign_in, text_of, tid, wait_js,
    Api, App, Journey, STEP,
};

/// The sandbox seed (its clock does not matter here).
const SANDBOX: &[&str] = &["--seed", "sandbox"];

/// The model the journey picks (the emulator's second; the first is preselected).
const MODEL: &str = "llama-3.1-70b-instruct";
const MODEL_NAME: &str = "Llama 3.1 70B Instruct";

/// The tokens a question holds to get the emulator's hostile and huge answers (HOSTILE_TOKEN
/// and HUGE_TOKEN in crates/barrack-sim/src/handlers/ai.rs; ordinary words do not).
const HOSTILE_TOKEN: &str = "[[e2e:hostile-answer]]";
const HUGE_TOKEN: &str = "[[e2e:huge-answer]]";

/// The most characters an answer shows before "Show more" (ANSWER_CHUNK_CHARS in
/// ui/src/features/aiChat/answerChunks.ts).
const CHUNK_CHARS: u64 = 12_000;

/// How many answers are in the conversation now.
async fn answers(app: &App) -> Result<u64> {
    Ok(js(
        app,
        "return document.querySelectorAll('[data-testid=\"ai-turn-answer\"]').length;",
    )
    .await?
    .as_u64()
    .unwrap_or(0))
}

/// Types `question` into the message box, sends it, and waits until answer number `nth`
/// (from 1) is rendered as Markdown (the renderer's chunk loaded).
async fn ask(app: &mut App, question: &str, nth: u64) -> Result<()> {
    app.fill(&tid("ai-prompt"), question, STEP).await?;
    app.click(&tid("ai-send"), STEP).await?;
    wait_js(
        app,
        &format!("answer {nth} rendered as Markdown"),
        &format!(
            "const all = document.querySelectorAll('[data-testid=\"ai-turn-answer\"]');\
             return all.length >= {nth} && !!all[{i}].querySelector('[data-testid=\"md\"]');",
            i = nth - 1
        ),
        STEP,
    )
    .await
    .map(drop)
}

/// What in the conversation the webview could act on: elements that load or run something,
/// links, and `on…` attributes (the app's own icons aside), and whether `window.__pwned`
/// was set by anything.
async fn active_parts(app: &App) -> Result<serde_json::Value> {
    js(
        app,
        &format!(
            "const root = first({});\
             if (!root) return {{missing: true}};\
             const all = Array.from(root.querySelectorAll('*')).filter((e) => !e.closest('svg.lucide'));\
             return {{\
               tags: all.map((e) => e.tagName.toLowerCase())\
                 .filter((t) => ['img', 'script', 'iframe', 'a', 'svg', 'object', 'embed', 'form'].includes(t)),\
               handlers: all.flatMap((e) => e.getAttributeNames().filter((n) => n.toLowerCase().startsWith('on'))),\
               urls: all.filter((e) => e.hasAttribute('href') || e.hasAttribute('src')).length,\
               pwned: window.__pwned === undefined ? null : String(window.__pwned),\
             }};",
            q("ai-conversation")
        ),
    )
    .await
}

journey!(ai_chat_ask_hostile_huge, "ai_chat", ask_hostile_huge);

async fn ask_hostile_huge(j: &Journey, profile: &str) -> Result<()> {
    let mut s = sign_in(j, profile, SANDBOX).await?;
    let api = Api::of(&s.sim)?;
    let (app, admin) = (&mut s.app, &s.admin);

    // The page, its models from the models endpoint; pick the 70B.
    app.click(&tid("nav-ai-chat"), STEP).await?;
    app.wait_for(&tid("page-ai-chat"), STEP).await?;
    let picker = app
        .wait_for(&tid("ai-model"), STEP)
        .await
        .context("the model picker shows once the models are read")?;
    picker.select_by_value(MODEL).await?;
    app.wait_text(
        &tid("ai-model-prices"),
        |t| t.contains("per 1,000 tokens"),
        STEP,
    )
    .await?;
    app.wait_for(&tid("ai-history-empty"), STEP)
        .await
        .context("no usage yet")?;
    screenshots_light_and_dark(app, "1-ai-chat-empty").await?;

    // Ask: the answer as Markdown, its model and cost; the usage as the emulator counts it.
    ask(app, "How does hibernation work?", 1).await?;
    let answer = text_of(app, "ai-turn-answer").await?.unwrap_or_default();
    ensure!(
        answer.contains("Hibernation saves") && answer.contains("barrack instances hibernate"),
        "the answer shows: {answer:?}"
    );
    app.wait_for(&tid("md-copy"), STEP)
        .await
        .context("the code block has its copy button")?;
    let meta = text_of(app, "ai-answer-meta").await?.unwrap_or_default();
    ensure!(
        meta.contains(MODEL_NAME) && meta.contains("USD"),
        "the answer says its model and cost: {meta:?}"
    );
    let usage = api.get("ai/usage/")?;
    ensure!(
        usage["total_requests"].as_u64() == Some(1),
        "the emulator counted one request: {usage}"
    );
    app.wait_text(&tid("ai-usage-requests"), |t| t.trim() == "1", STEP)
        .await
        .context("the usage summary counts the request")?;
    let history = api.get("ai/usage/history/?page=1&limit=10")?;
    let tx = history["transactions"][0]["id"]
        .as_str()
        .context("the emulator recorded the request")?
        .to_owned();
    app.wait_for(&tid(&format!("ai-history-row-{tx}")), STEP)
        .await
        .context("the history lists the request")?;
    screenshots_light_and_dark(app, "2-ai-chat-answer").await?;

    // The hostile answer: shown as text, nothing ran, nothing became markup.
    ask(app, &format!("Please show {HOSTILE_TOKEN}"), 2).await?;
    let found = active_parts(app).await?;
    ensure!(
        found == serde_json::json!({"tags": [], "handlers": [], "urls": 0, "pwned": null}),
        "the hostile answer stays inert: {found}"
    );
    let raw = js(
        app,
        "return Array.from(document.querySelectorAll('[data-testid=\"md-raw-html\"]'))\
             .map((e) => e.textContent).join('\\n');",
    )
    .await?;
    ensure!(
        raw.as_str()
            .is_some_and(|t| t.contains("<img src=x onerror=") && t.contains("<script>")),
        "the raw HTML shows as text: {raw}"
    );
    // Within the hostile answer, only the link to Barrack's docs is clickable.
    let links = js(
        app,
        "const answer = document.querySelectorAll('[data-testid=\"ai-turn-answer\"]')[1];\
         return Array.from(answer.querySelectorAll('[data-testid=\"md-link\"]')).map((e) => e.textContent);",
    )
    .await?;
    ensure!(
        links == serde_json::json!(["Barrack's docs"]),
        "only the link to Barrack's docs is clickable: {links}"
    );
    // Pointing at and clicking the traps' text does nothing either.
    for target in ["md-raw-html", "md-link-text", "md-image-text"] {
        app.click(&tid(target), STEP).await?;
    }
    let after = active_parts(app).await?;
    ensure!(
        after["pwned"].is_null(),
        "nothing ran after clicks: {after}"
    );
    scroll_to(app, "ai-conversation").await?;
    screenshots_light_and_dark(app, "3-ai-chat-hostile").await?;

    // The huge answer: one part shows; "Show more" adds the next; typing still works.
    ask(app, &format!("Give me {HUGE_TOKEN}"), 3).await?;
    let shown = js(
        app,
        "const all = document.querySelectorAll('[data-testid=\"ai-turn-answer\"]');\
         return all[2].querySelector('[data-testid=\"md\"]').textContent.length;",
    )
    .await?
    .as_u64()
    .unwrap_or(u64::MAX);
    ensure!(
        shown <= CHUNK_CHARS,
        "one part of the huge answer is rendered, not all of it: {shown} characters"
    );
    app.click(&tid("answer-show-more"), STEP).await?;
    wait_js(
        app,
        "Show more adds the next part",
        &format!(
            "const all = document.querySelectorAll('[data-testid=\"ai-turn-answer\"]');\
             return all[2].querySelector('[data-testid=\"md\"]').textContent.length > {shown};"
        ),
        STEP,
    )
    .await?;
    app.fill(&tid("ai-prompt"), "still responsive", STEP)
        .await
        .context("the page answers typing after the huge answer")?;
    scroll_to(app, "answer-show-more").await?;
    screenshots_light_and_dark(app, "4-ai-chat-huge").await?;

    // Leave and come back: the conversation and the draft are kept.
    app.click(&tid("nav-dashboard"), STEP).await?;
    app.wait_for(&tid("page-dashboard"), STEP).await?;
    app.click(&tid("nav-ai-chat"), STEP).await?;
    app.wait_for(&tid("page-ai-chat"), STEP).await?;
    ensure!(
        answers(app).await? == 3,
        "the three answers are still there"
    );
    let draft = js(
        app,
        &format!(
            "const e = first({}); return e ? e.value : null;",
            q("ai-prompt")
        ),
    )
    .await?;
    ensure!(draft == "still responsive", "the draft is kept: {draft}");

    let chats = admin.count("ai_chat")?;
    ensure!(chats == 3, "ai_chat was sent {chats} times (3 expected)");
    finish(s).await
}
